#pragma once

#include "core/plan/backup_clone.h"
#include "core/plan/steps/standby_clone_step.h"

// Step 9 when the standby has no pg_basebackup as new as the primary (15's
// refuses a 17 server): the same preparation and the same replacement of
// the data directory by the finished copy, with the copy through PostgreSQL's low-level backup API with BackupClone,
// streamed over the two SSH connections, with progress and cancel.
class BackupCloneStep : public StandbyCloneStep
{
public:
    BackupCloneStep(PlanBasis basis, const DataDirFacts &dataDir = {});

    QString title() const override;
    QString why() const override;

protected:
    Result<void> copy(StepContext &context) override;
    QList<PlannedCommand> copyCommands() const override;

private:
    CloneOptions options() const;
};
