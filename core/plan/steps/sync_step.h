#pragma once

#include "core/plan/setup_step.h"

#include <QMap>

#include <QStringList>

// Step 12 (synchronous mode): only now, with the standby streaming, name it
// in the primary's synchronous_standby_names (syntax by version, keeping
// standbys already named there), reload, and wait for sync_state sync.
// Before this point the primary never waits for a standby that is not there.
// In asynchronous mode on a primary that was there already (a re-run, a
// pair made synchronous before) the same step takes the standby's name out
// of synchronous_standby_names (the other names and their form kept) and
// waits for sync_state async, so that a re-run converges to the new choice.
class SyncStep : public SetupStep
{
public:
    // laterFiles: what PostgreSQL reads after postgresql.conf (includes, postgresql.auto.conf), by
    // path; one that sets synchronous_standby_names to another value refuses the plan.
    SyncStep(PlanBasis basis, const QByteArray &currentConf, bool beforeKnown,
             const QMap<QString, QByteArray> &laterFiles = {});

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;
    Result<void> rebase(const SetupPlan &plan) override;

    // The names in a synchronous_standby_names value of any era: "a, b", "2 (a, b)", "FIRST 1 (a)", "ANY 1 (a, b)".
    static QStringList namesIn(const QString &value);

    // Whether a sync_state means commits wait for this standby: sync, or quorum
    // under ANY n (...). potential does not: another standby is named before it.
    static bool isSynchronous(const QString &syncState, const QString &standbyNames);
    // sync_state for a report, potential spelled out.
    static QString stateText(const QString &syncState);
    // The value without `name`, in the form it had (FIRST/ANY and the count, at most the names left).
    static QString withoutName(const VersionRules &rules, const QString &value, const QString &name);

protected:
    Result<QByteArray> afterFor(const FileEdit &edit, const QByteArray &current, bool exists) const override;

private:
    // The setting's value, the after (unless the user edited it) and the planning error, from the before.
    void followBefore();
    void refuseWhenOverridden(const FileEdit &edit, const QMap<QString, QByteArray> &laterFiles);
    QString valueFor(const QByteArray &current) const;
    // Whether the running value and sync_state are what this step wants.
    bool reached(const QString &syncState, const QString &standbyNames) const;

    QMap<QString, QByteArray> m_laterFiles;
};
