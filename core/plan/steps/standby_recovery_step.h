#pragma once

#include "core/plan/setup_step.h"

#include <QHash>

// Step 10: make the copy a standby of the primary, in the form its major
// reads: recovery.conf with standby_mode up to 11, standby.signal and the
// settings in postgresql.auto.conf from 12. primary_conninfo is written
// here (never by pg_basebackup -R, whose newer client writes options an
// older server refuses) with application_name, and without the password
// (it lives in the passfile). hot_standby goes on in the standby's own
// postgresql.conf, which pg_basebackup does not copy on Debian, with the
// primary's max_connections and the like where they are higher.
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
    QString primaryConninfo() const { return primaryConninfo(basis()); }
    static QString primaryConninfo(const PlanBasis &basis);

    // The settings of `onPrimary` (name -> pg_settings.setting) that are higher
    // than what `standbyConf` sets (or PostgreSQL's default): a hot standby needs
    // max_connections, max_worker_processes, max_prepared_transactions,
    // max_locks_per_transaction (and max_wal_senders from 12) at least as high.
    static QList<QPair<QString, QString>> raisedToPrimary(const VersionRules &rules, const QByteArray &standbyConf,
                                                          const QHash<QString, QString> &onPrimary);

private:
    QList<QPair<QString, QString>> recoverySettings() const;
    // The standby's postgresql.conf edit with the primary's values where they are higher (read at run time).
    Result<FileEdit> confEdit(StepContext &context) const;
    Result<QList<FileEdit>> editsNow(StepContext &context) const;
};
