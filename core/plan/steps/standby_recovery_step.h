#pragma once

#include "core/plan/setup_step.h"

// Step 10: make the copy a standby of the primary, in the form its major
// reads: recovery.conf with standby_mode up to 11, standby.signal and the
// settings in postgresql.auto.conf from 12. primary_conninfo is written
// here (never by pg_basebackup -R, whose newer client writes options an
// older server refuses) with application_name, and without the password
// (it lives in the passfile). hot_standby goes on in the standby's own
// postgresql.conf, which pg_basebackup does not copy on Debian.
class StandbyRecoveryStep : public SetupStep
{
public:
    // `predictedAutoConf`: the primary's postgresql.auto.conf, which the copy brings along (12+).
    // `standbyConf`: the standby's postgresql.conf when it exists already (Debian), else empty.
    StandbyRecoveryStep(PlanBasis basis, const QByteArray &predictedAutoConf, const QByteArray &standbyConf, bool standbyConfKnown);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

    // host=... port=... user=... application_name=... [passfile=...]: only options the standby's major knows.
    QString primaryConninfo() const;

private:
    QList<QPair<QString, QString>> recoverySettings() const;
};
