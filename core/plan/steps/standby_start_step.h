#pragma once

#include "core/plan/setup_step.h"

// Step 11: start the standby and wait until the primary's
// pg_stat_replication shows it (by application_name) in state streaming.
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
};
