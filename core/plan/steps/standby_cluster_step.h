#pragma once

#include "core/plan/setup_step.h"

// Before the copy, on a Debian standby without a cluster: the cluster that
// gives the standby its configuration folder (its data directory, marked as
// the setup's own, is replaced by the copy). It needs nothing from the
// primary, so PlanRunner runs it alongside the primary's steps (initdb takes
// seconds). StandbyCloneStep makes it too when it went missing since.
class StandbyClusterStep : public SetupStep
{
public:
    explicit StandbyClusterStep(PlanBasis basis);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    bool runsAlongside() const override { return true; }
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;
};
