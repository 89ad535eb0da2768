#pragma once

#include "core/plan/setup_step.h"

// Step 2: a primary cluster of the chosen major (created with data
// checksums where there is none) that is running and accepts connections.
// One it creates is not started: the primary-restart step starts it once
// its files hold the replication settings (no restart needed).
class PrimaryClusterStep : public SetupStep
{
public:
    explicit PrimaryClusterStep(PlanBasis basis);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;
};
