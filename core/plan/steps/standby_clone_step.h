#pragma once

#include "core/plan/setup_step.h"

// Step 9: the standby's data directory becomes a copy of the primary's.
// A standby cluster that runs is stopped and its data directory set aside
// (renamed with the date, never deleted); the replication password goes
// into the postgres user's 0600 passfile; pg_basebackup copies the primary
// with an immediate checkpoint (--checkpoint=fast), the WAL streamed
// alongside (-X stream) through the slot, and its progress reaches the
// runner line by line.
class StandbyCloneStep : public SetupStep
{
public:
    explicit StandbyCloneStep(PlanBasis basis);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

    CommandLine basebackup() const;
    // The Database system identifier pg_controldata prints for a data directory, or empty.
    static Result<QString> systemIdentifier(StepContext &context, HostRole role, const QString &dataDir);

protected:
    // Everything before the copy itself (stop, set aside, passfile, reachability).
    Result<void> prepare(StepContext &context);
    virtual Result<void> copy(StepContext &context);
    QString setAsidePath(const QString &stamp) const;
};
