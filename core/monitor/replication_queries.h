#pragma once

#include "core/monitor/replication_sample.h"
#include "core/pg/pg_result.h"
#include "core/version/version_rules.h"

#include <QString>

// The monitoring SQL for one PostgreSQL major, built from VersionRules
// (pg_current_wal_lsn or pg_current_xlog_location, sent_lsn or
// sent_location, lag columns from 10, reply_time from 12, wal_status from
// 13...), and the readers that turn its rows into ReplicationSample parts.
// Every query returns the same columns on every major (NULL where the
// major has no such thing), so the readers need not know the version.
// Used by ReplicationSampler; the tests run each query on a real server.
class ReplicationQueries
{
public:
    explicit ReplicationQueries(const VersionRules &rules);

    // What a server says about itself: role, WAL positions, replay state,
    // synchronous settings. Safe on a primary and on a standby.
    QString serverStatus() const;
    // pg_stat_replication with byte lag (from the server's own position) and time lags.
    QString statReplication() const;
    // pg_replication_slots (9.4+); empty when the major has none.
    QString replicationSlots() const;
    // pg_stat_archiver (9.4+); empty when the major has none.
    QString statArchiver() const;

    // Fills a Server from serverStatus()'s row (name and endpoint stay as given).
    static void readServerStatus(const PgResult &result, ReplicationSample::Server &server);
    static QList<ReplicationSample::Standby> readStatReplication(const PgResult &result);
    static QList<ReplicationSample::Slot> readReplicationSlots(const PgResult &result);
    static std::optional<ReplicationSample::Archiver> readStatArchiver(const PgResult &result);

private:
    // The server's WAL position whatever its role: the replay position on a
    // standby (pg_current_wal_lsn() fails there), the insert position on a primary.
    QString positionExpression() const;

    VersionRules m_rules;
};
