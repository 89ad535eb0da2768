#pragma once

#include "core/plan/setup_step.h"
#include "core/plan/verification_report.h"

// Step 13: the proof. The primary lists the standby as streaming (and sync
// when chosen), the standby is in recovery, a marker row written on the
// primary is read on the standby (and the demo row, when there is one),
// and a write on the standby fails with SQLSTATE 25006. Never skipped: a
// re-run verifies again, changing no file.
class VerifyStep : public SetupStep
{
public:
    explicit VerifyStep(PlanBasis basis);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

    const VerificationReport &report() const { return m_report; }

private:
    VerificationReport m_report;
};
