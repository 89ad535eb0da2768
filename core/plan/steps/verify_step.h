#pragma once

#include "core/plan/setup_step.h"
#include "core/plan/verification_report.h"

// Step 13: the proof. The primary lists the standby as streaming (and sync
// or async as chosen), a new replication connection from the standby, made
// as its walreceiver makes one after a restart, is accepted (a connection
// open since before a change proves nothing), the standby is in recovery, a marker row written on the
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
    // psql on the standby with its primary_conninfo and passfile, replication=true, IDENTIFY_SYSTEM.
    CommandLine freshConnection() const;

private:
    VerificationReport m_report;
};
