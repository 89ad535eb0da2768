#pragma once

#include "core/plan/backup_clone.h"
#include "core/plan/steps/standby_clone_step.h"

// Step 9 when the standby has no pg_basebackup as new as the primary (15's
// refuses a 17 server): the same preparation (stop, set aside, passfile),
// then the copy through PostgreSQL's low-level backup API with BackupClone,
// streamed over the two SSH connections, with progress and cancel.
class BackupCloneStep : public StandbyCloneStep
{
public:
    explicit BackupCloneStep(PlanBasis basis);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;

protected:
    Result<void> copy(StepContext &context) override;

private:
    CloneOptions options() const;
};
