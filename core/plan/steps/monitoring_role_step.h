#pragma once

#include "core/plan/setup_step.h"

#include <optional>

// After the replication role: the role the replication panel connects as,
// `replica_monitor`, with LOGIN and pg_monitor's rights (10+) and nothing
// more, never a superuser. Its password is generated once (or given for the
// run) and kept in the primary's 0600 passfile of the postgres user, so that
// a re-run keeps it and the wizard can hand it to the keychain; it reaches
// the server only as a verifier. A pg_hba.conf line for local connections
// comes with the primary-hba step (the panel arrives through an SSH tunnel
// on localhost). Not planned before 10, which has no pg_monitor.
class MonitoringRoleStep : public SetupStep
{
public:
    explicit MonitoringRoleStep(PlanBasis basis);

    static bool wanted(const PlanBasis &basis);
    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

private:
    // The role's password in the primary's passfile, if it holds one.
    Result<std::optional<QString>> keptPassword(StepContext &context) const;
};
