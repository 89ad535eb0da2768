#pragma once

#include "core/monitor/replication_problem.h"
#include "core/pg/pg_error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <algorithm>
#include <optional>

// One look at a replication cluster, as plain data: what the primary's
// pg_stat_replication, pg_replication_slots and pg_stat_archiver said, and
// what each server said about itself (role, WAL positions, replay state).
// ReplicationSampler makes one every interval; LagHistory keeps their lags,
// ReplicationTable renders them for replicactl, the GUI's models show them.
// LSNs stay in PostgreSQL's text form ("0/3000148"); byte lags are computed
// by the server (pg_wal_lsn_diff), times are UTC.
struct ReplicationSample
{
    // One row of the primary's pg_stat_replication: a connected standby.
    struct Standby
    {
        int pid = 0;
        QString applicationName;
        QString clientAddr; // empty when the standby came over a Unix socket
        QString state;      // startup, catchup, streaming, backup, stopping
        QString syncState;  // async, potential, sync, quorum (10+)
        int syncPriority = 0;
        QString sentLsn;
        QString writeLsn;
        QString flushLsn;
        QString replayLsn;
        // How far behind the primary's current position each LSN is, in
        // bytes (pg_wal_lsn_diff on the primary, in the same query): where
        // WAL is held up, the network (sent), the disk (write, flush) or replay.
        std::optional<qint64> sentLagBytes;
        std::optional<qint64> writeLagBytes;
        std::optional<qint64> flushLagBytes;
        std::optional<qint64> byteLag;    // primary's position - replay_lsn (the replay lag in bytes)
        std::optional<double> writeLagMs; // 10+; NULL while the standby is idle (sub-ms precision)
        std::optional<double> flushLagMs;
        std::optional<double> replayLagMs;
        std::optional<QDateTime> replyTime; // 12+
    };

    // One row of pg_replication_slots (9.4+).
    struct Slot
    {
        QString name;
        QString type; // physical, logical
        bool active = false;
        std::optional<int> activePid;
        QString restartLsn;
        QString walStatus;                      // reserved, extended, unreserved, lost (13+)
        std::optional<qint64> safeWalSize;      // 13+; NULL when max_slot_wal_keep_size = -1
        std::optional<qint64> retainedBytes;    // WAL the slot holds back: position - restart_lsn
        std::optional<QDateTime> inactiveSince; // 17+
    };

    // pg_stat_archiver (9.4+).
    struct Archiver
    {
        qint64 archivedCount = 0;
        QString lastArchivedWal;
        std::optional<QDateTime> lastArchivedTime;
        qint64 failedCount = 0;
        QString lastFailedWal;
        std::optional<QDateTime> lastFailedTime;
    };

    // What one server (primary or standby) said about itself.
    struct Server
    {
        QString name;     // as the caller named it: "primary", "standby1"
        QString endpoint; // host:port, or socket-dir:port
        // Its IP address as the primary's pg_stat_replication shows it
        // (client_addr), when the caller knows it: what ties this server
        // to its row there when the server itself cannot be asked.
        QString address;
        bool reachable = false;
        // false: its machine could not be asked (replicactl status: SSH
        // failed, or no way to become postgres there), so whether its
        // PostgreSQL runs is unknown, not "down".
        bool hostReached = true;
        bool connecting = false; // not reachable yet, first attempt still under way (not a problem yet)
        PgError error;           // why not, when !reachable
        int serverVersionNum = 0;
        bool inRecovery = false;                 // pg_is_in_recovery(): a standby
        QString currentLsn;                      // primary: pg_current_wal_lsn()
        QString receiveLsn;                      // standby: pg_last_wal_receive_lsn()
        QString replayLsn;                       // standby: pg_last_wal_replay_lsn()
        std::optional<QDateTime> lastReplayTime; // pg_last_xact_replay_timestamp()
        bool replayPaused = false;
        std::optional<qint64> replayBacklogBytes; // standby: receive - replay
        // Standby: how old the last replayed transaction is while WAL waits
        // to be replayed; 0 when everything received is replayed (an idle
        // primary does not make it grow); unknown before any replay.
        std::optional<double> replayDelayMs;
        // Primary: backends whose commit has waited more than a second for a
        // synchronous standby (pg_stat_activity wait_event SyncRep, 10+);
        // unknown on 9.x.
        std::optional<int> commitsWaiting;
        // Primary: WAL written per second since the previous sample (the
        // sampler computes it from two current LSNs); unknown on the first.
        std::optional<double> walBytesPerSecond;
        QString synchronousStandbyNames; // primary: the setting, verbatim
        QString synchronousCommit;

        QString role() const
        {
            return !reachable ? QString() : inRecovery ? QStringLiteral("standby") : QStringLiteral("primary");
        }
    };

    QDateTime sampledAt; // UTC
    Server primary;
    QList<Server> standbyServers;       // the standbys the sampler was asked to watch
    QList<Standby> standbys;            // pg_stat_replication on the primary
    QList<Slot> replicationSlots;       // not "slots": a Qt keyword
    std::optional<Archiver> archiver;   // none before 9.4 or when the primary is down
    QList<ReplicationProblem> problems; // what the sampler found wrong in this sample

    const Standby *standby(const QString &applicationName) const
    {
        for (const Standby &s : standbys)
            if (s.applicationName == applicationName)
                return &s;
        return nullptr;
    }

    const Standby *standbyFrom(const QString &clientAddr) const
    {
        for (const Standby &s : standbys)
            if (!clientAddr.isEmpty() && s.clientAddr == clientAddr)
                return &s;
        return nullptr;
    }

    // The watched standby server a pg_stat_replication row comes from (by
    // name = application_name, or by address); nullptr when not watched.
    const Server *serverOf(const Standby &row) const
    {
        for (const Server &server : standbyServers)
            if (server.name == row.applicationName || (!server.address.isEmpty() && server.address == row.clientAddr))
                return &server;
        return nullptr;
    }

    // Of the standby servers that answered as standbys, the one with the
    // most WAL (received, or replayed where more): the one to promote when
    // the primary is lost. nullptr when none answered.
    const Server *mostAdvancedStandby() const
    {
        const Server *best = nullptr;
        quint64 bestLsn = 0;
        for (const Server &server : standbyServers) {
            if (!server.reachable || !server.inRecovery)
                continue;
            const quint64 lsn =
                std::max(parseLsn(server.receiveLsn).value_or(0), parseLsn(server.replayLsn).value_or(0));
            if (!best || lsn > bestLsn) {
                best = &server;
                bestLsn = lsn;
            }
        }
        return best;
    }

    // "0/3000148" as a byte position; nullopt when it is not an LSN.
    static std::optional<quint64> parseLsn(const QString &lsn)
    {
        const qsizetype slash = lsn.indexOf(QLatin1Char('/'));
        if (slash <= 0 || slash == lsn.size() - 1)
            return std::nullopt;
        bool highOk = false;
        bool lowOk = false;
        const quint64 high = lsn.left(slash).toULongLong(&highOk, 16);
        const quint64 low = lsn.mid(slash + 1).toULongLong(&lowOk, 16);
        if (!highOk || !lowOk || high > 0xFFFFFFFFu || low > 0xFFFFFFFFu)
            return std::nullopt;
        return (high << 32) | low;
    }
};
