#pragma once

#include "core/plan/setup_step.h"

// Step 1: install the chosen PostgreSQL major with the host's package
// manager where it is missing. Described in full; applied only when the
// user agreed to installing packages (PlanChoices::installPackages).
class InstallStep : public SetupStep
{
public:
    InstallStep(PlanBasis basis, HostRole role);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

private:
    HostRole m_role;
};
