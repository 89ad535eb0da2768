#pragma once

#include "core/conf/conninfo.h"
#include "core/conf/recovery_settings.h"
#include "core/plan/setup_step.h"

#include <QHash>

// Step 10: make the copy a standby of the primary, in the form its major
// reads: recovery.conf with standby_mode up to 11, standby.signal and the
// settings in postgresql.auto.conf from 12. primary_conninfo is written
// here (never by pg_basebackup -R, whose newer client writes options an
// older server refuses) with application_name, and without the password
// (it lives in the passfile). hot_standby goes on in the standby's own
// postgresql.conf, which pg_basebackup does not copy on Debian, with the
// primary's max_connections and the like where they are higher: planned from
// what the primary-conf step leaves (so the diff shows them), and checked
// against the running primary before the standby starts. The files are
// rendered by RecoverySettings, as the sandbox's are; their befores are known
// when planning (the copy brings the primary's postgresql.auto.conf; it has
// no recovery.conf and no standby.signal), so the user can edit all of them.
class StandbyRecoveryStep : public SetupStep
{
public:
    // `autoConfAfterCopy`: the postgresql.auto.conf the copy brings along (12+): the primary's, or
    // initdb's for a primary the plan creates; `autoConfKnown` false when it could not be read.
    // `standbyConf`: the standby's postgresql.conf when it exists already (Debian), else empty.
    StandbyRecoveryStep(PlanBasis basis, const QByteArray &autoConfAfterCopy, bool autoConfKnown,
                        const QByteArray &standbyConf, bool standbyConfKnown);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;
    Result<void> rebase(const SetupPlan &plan) override;

    // host=... port=... user=... application_name=... [passfile=...]: only options the standby's major knows.
    QString primaryConninfo() const { return primaryConninfo(basis()); }
    static QString primaryConninfo(const PlanBasis &basis);
    static ConnInfo primaryConnInfo(const PlanBasis &basis);

    // The settings of `onPrimary` (name -> pg_settings.setting) that are higher
    // than what `standbyConf` sets (or PostgreSQL's default): a hot standby needs
    // max_connections, max_worker_processes, max_prepared_transactions,
    // max_locks_per_transaction (and max_wal_senders from 12) at least as high.
    static QList<QPair<QString, QString>> raisedToPrimary(const VersionRules &rules, const QByteArray &standbyConf,
                                                          const QHash<QString, QString> &onPrimary);

protected:
    Result<QByteArray> afterFor(const FileEdit &edit, const QByteArray &current, bool exists) const override;
    Result<void> validateAfter(const FileEdit &edit) const override;

private:
    RecoverySettings recovery() const;
    QList<QPair<QString, QString>> recoverySettings() const;
    bool isRecoveryEdit(const FileEdit &edit) const;
    // What the primary runs with for capacityNames() once the primary-conf step is done.
    QHash<QString, QString> primaryCapacity(const SetupPlan &plan) const;
    // An Error naming the primary's values that a standby's postgresql.conf text is below.
    Result<void> enoughCapacity(const QByteArray &standbyConf) const;
    // The running primary's values against the standby's written postgresql.conf.
    Result<void> primaryStillFits(StepContext &context, const QByteArray &standbyConf) const;

    QHash<QString, QString> m_primaryCapacity;
};
