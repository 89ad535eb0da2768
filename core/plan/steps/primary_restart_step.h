#pragma once

#include "core/plan/setup_step.h"

// Step 6: make the primary run with the new settings: a restart when one of
// them needs it (pending_restart from 9.5, VersionRules before), else a
// reload; then wait until it accepts connections again.
class PrimaryRestartStep : public SetupStep
{
public:
    explicit PrimaryRestartStep(PlanBasis basis);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

    // The values the primary-conf step leaves in the file (the user's edit included).
    QList<QPair<QString, QString>> wantedSettings(const SetupPlan &plan) const;

private:
    // Settings whose running value differs from the wanted one.
    Result<QStringList> differing(StepContext &context) const;
    // Asked after a reload: pending_restart from 9.5, VersionRules before.
    Result<bool> needsRestart(StepContext &context, const QStringList &differ) const;
};
