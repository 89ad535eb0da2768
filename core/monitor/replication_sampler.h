#pragma once

#include "core/monitor/replication_problem.h"
#include "core/monitor/replication_sample.h"
#include "core/pg/pg_connection.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <memory>

// Watches a primary (and optionally its standbys) every interval through one
// PgConnection per server, with the monitoring SQL of each server's major
// (ReplicationQueries), and emits a ReplicationSample per round plus the
// problems found in it (the primary would block, a standby is gone...).
// Never blocks its thread: a server that is down or slow shows as such in
// the sample, is reconnected in the background, and does not hold the
// others back. Used by the demo window, the replication panel and
// `replicactl status`.
class ReplicationSampler : public QObject
{
    Q_OBJECT

public:
    explicit ReplicationSampler(QObject *parent = nullptr);
    ~ReplicationSampler() override;

    // The server whose pg_stat_replication, slots and archiver are read.
    // where: how the sample names its place (host:port) when the connection
    // string does not say it (an SSH tunnel's local port); empty: libpq's.
    void setPrimary(const QString &name, const QString &conninfo, const QString &where = {});
    // A standby to ask about itself (role, receive/replay positions, pause).
    void addStandby(const QString &name, const QString &conninfo, const QString &where = {});
    void clearServers();

    void setInterval(int ms);
    int interval() const { return m_timer.interval(); }
    // Connection timeout for each server (default: 5 s).
    void setConnectTimeout(int ms);

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    // Starts a round now (unless one is under way).
    void sampleNow();

    const ReplicationSample &lastSample() const { return m_last; }
    int roundsCompleted() const { return m_rounds; }

    // Limits above which something is reported (settings of the panel).
    struct Thresholds
    {
        // An inactive slot holding more WAL than this: slot-inactive-retaining.
        qint64 inactiveSlotRetainedBytes = qint64(1) << 30;
    };
    void setThresholds(const Thresholds &thresholds) { m_thresholds = thresholds; }
    const Thresholds &thresholds() const { return m_thresholds; }

    // What is wrong in a sample, most serious first, with the codes of the
    // issue's alert table (commits-waiting, sync-standby-missing,
    // standby-disconnected, slot-*, archiver-failing, replay-paused,
    // server-unreachable...); pure, so replicactl and tests use it on
    // samples they made themselves.
    static QList<ReplicationProblem> problemsIn(const ReplicationSample &sample, const Thresholds &thresholds);
    static QList<ReplicationProblem> problemsIn(const ReplicationSample &sample)
    {
        return problemsIn(sample, Thresholds());
    }
    // The primary's WAL bytes per second between two samples; nullopt when
    // either lacks a position or the primary changed.
    static std::optional<double> walRate(const ReplicationSample &before, const ReplicationSample &now);

signals:
    void sampleReady(const ReplicationSample &sample);
    // Emitted when the list of problems differs from the previous sample's.
    void problemsChanged(const QList<ReplicationProblem> &problems);

private:
    struct Target
    {
        QString name;
        QString conninfo;
        bool isPrimary = false;
        QString where; // empty: the connection's own endpoint
        std::unique_ptr<PgConnection> connection;
        QString endpoint() const { return where.isEmpty() ? connection->endpoint() : where; }
        // This round's queries on this server: id -> what it reads.
        QHash<quint64, int> pending;
    };

    Target *addTarget(const QString &name, const QString &conninfo, bool isPrimary);
    void startRound();
    void onResult(Target *target, const PgResult &result);
    void finishRound();
    void abandonRound();
    ReplicationSample::Server &serverFor(Target *target);

    static void addSynchronousProblems(const ReplicationSample &sample, QList<ReplicationProblem> &problems);
    // The names of synchronous_standby_names that are not streaming, for the
    // sentence; empty when all stream.
    static QString missingStandbys(const QString &synchronousStandbyNames, const QStringList &streaming);
    static void addStandbyRowProblems(const ReplicationSample &sample, QList<ReplicationProblem> &problems);
    static void addSlotProblems(const ReplicationSample &sample, const Thresholds &thresholds,
                                QList<ReplicationProblem> &problems);
    static void addArchiverProblems(const ReplicationSample &sample, QList<ReplicationProblem> &problems);
    static void addStandbyServerProblems(const ReplicationSample &sample, QList<ReplicationProblem> &problems);

    QTimer m_timer;
    Thresholds m_thresholds;
    int m_connectTimeoutMs = 5000;
    std::vector<std::unique_ptr<Target>> m_targets;

    bool m_inRound = false;
    QElapsedTimer m_roundClock;
    ReplicationSample m_building;
    ReplicationSample m_last;
    int m_rounds = 0;
};
