#pragma once

#include "core/plan/setup_step.h"

// Step 11: start the standby and wait until the primary's
// pg_stat_replication shows it (by application_name) in state streaming.
// A standby that runs already (a re-run that changed its recovery settings
// or the replication password) is reloaded and its walreceiver made to
// connect again, or restarted where a setting needs it.
class StandbyStartStep : public SetupStep
{
public:
    explicit StandbyStartStep(PlanBasis basis);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

    // state and sync_state of this standby on the primary ("streaming|async"), empty when absent.
    static Result<QString> replicationState(StepContext &context);

private:
    // Runs pg_ctl start/restart on the standby; a failure carries the end of its log.
    Result<void> control(StepContext &context, const PlannedCommand &command, const QString &action) const;
    Result<void> applyNewSettings(StepContext &context) const;
    // Ends the standby's walreceiver and waits until a new one streams (13+, after a reload).
    Result<void> reconnect(StepContext &context) const;
    // The pid of the standby's streaming walreceiver, empty when none streams.
    static Result<QString> walReceiverPid(StepContext &context);
};
