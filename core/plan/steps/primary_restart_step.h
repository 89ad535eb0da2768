#pragma once

#include "core/plan/setup_step.h"

// Step 6: make the primary run with the new settings: a restart when one of
// them needs it (pending_restart from 9.5, VersionRules before), else a
// reload; then wait until it accepts connections again. A cluster the plan
// created has not run yet: it is started here, for the first time, with the
// settings in its files already, so it never needs a restart.
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
    static Result<bool> running(StepContext &context);
    // Until the server reports every wanted setting.
    Result<void> waitForSettings(StepContext &context) const;
    // Settings whose running value differs from the wanted one.
    Result<QStringList> differing(StepContext &context) const;
    // Asked after a reload: pending_restart from 9.5, VersionRules before.
    Result<bool> needsRestart(StepContext &context, const QStringList &differ) const;
};
