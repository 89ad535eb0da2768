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
    void setPrimary(const QString &name, const QString &conninfo);
    // A standby to ask about itself (role, receive/replay positions, pause).
    void addStandby(const QString &name, const QString &conninfo);
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

    // What is wrong in a sample, most serious first; pure, so replicactl
    // and tests use it on samples they made themselves.
    static QList<ReplicationProblem> problemsIn(const ReplicationSample &sample);

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
        std::unique_ptr<PgConnection> connection;
        // This round's queries on this server: id -> what it reads.
        QHash<quint64, int> pending;
    };

    Target *addTarget(const QString &name, const QString &conninfo, bool isPrimary);
    void startRound();
    void onResult(Target *target, const PgResult &result);
    void finishRound();
    void abandonRound();
    ReplicationSample::Server &serverFor(Target *target);

    QTimer m_timer;
    int m_connectTimeoutMs = 5000;
    std::vector<std::unique_ptr<Target>> m_targets;

    bool m_inRound = false;
    QElapsedTimer m_roundClock;
    ReplicationSample m_building;
    ReplicationSample m_last;
    int m_rounds = 0;
};
