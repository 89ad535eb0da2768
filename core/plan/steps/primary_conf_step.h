#pragma once

#include "core/plan/setup_step.h"

#include <QMap>

// Step 4: the primary's postgresql.conf: listen_addresses, wal_level,
// max_wal_senders, max_replication_slots, the WAL kept for standbys (and its
// cap for slots from 13), archiving into a directory this step creates, and
// hot_standby (for when the primary becomes a standby). PostgreSQL judges
// the new file (`postgres -C`) before anything restarts; a refused file gets
// its previous content back.
class PrimaryConfStep : public SetupStep
{
public:
    // `currentConf`: the file as read at planning time (empty when the cluster does not exist yet).
    // `laterFiles`: what PostgreSQL reads after it (its includes, postgresql.auto.conf), by path. A
    // setting they keep at a value replication cannot work with refuses the plan; another value
    // is named in why().
    PrimaryConfStep(PlanBasis basis, const QByteArray &currentConf, bool beforeKnown,
                    const QMap<QString, QByteArray> &laterFiles = {});

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

    // What the server must read once this step is done: the step's settings,
    // with the user's own values where the user edited the file.
    QList<QPair<QString, QString>> expectedSettings() const;

    // The settings a primary needs for this plan (name, value as written in the file), in order.
    static QList<QPair<QString, QString>> replicationSettings(const PlanBasis &basis, bool forPrimary);
    static QString archiveDirectory(const PlanBasis &basis);

    // Asks the server (`postgres -C`) for each setting; an Error names the first that differs.
    static Result<void> confirmWithServer(StepContext &context, HostRole role,
                                          const QList<QPair<QString, QString>> &settings);
    // `postgres -C` for each name in turn, in one shell command, settingSeparator() on a line
    // between the values; it stops at the first file or value PostgreSQL refuses.
    static CommandLine showSettings(const ClusterLayout &cluster, const QStringList &names);
    static QString settingSeparator();

private:
    // A primary that already has more than the plan needs keeps it: lowering wal_level from
    // logical, or max_wal_senders from 20 to 10, would break what already uses them.
    void keepHigherValues(QList<QPair<QString, QString>> &settings, const QByteArray &currentConf) const;
    bool isHigher(const QString &name, const QString &have, const QString &wanted) const;
    int walLevelRank(const QString &level) const;
    // Settings of this step that a later file sets again; a refusal when replication cannot work with one.
    void noteOverrides(const FileEdit &edit, const QMap<QString, QByteArray> &laterFiles);
    bool keepsReplicationWorking(const QString &name, const QString &kept) const;

    QStringList m_overrides;                // sentences for why()
    QMap<QString, QString> m_keptOverrides; // name -> the value a later file keeps, which the server runs with
};
