#include "core/monitor/replication_queries.h"

namespace {

std::optional<qint64> toInt(const PgValue &value)
{
    if (!value)
        return std::nullopt;
    bool ok = false;
    // Byte counts come as numeric; drop a fraction if any.
    const qint64 number = value->section(QLatin1Char('.'), 0, 0).toLongLong(&ok);
    return ok ? std::optional<qint64>(number) : std::nullopt;
}

std::optional<double> toDouble(const PgValue &value)
{
    if (!value)
        return std::nullopt;
    bool ok = false;
    const double number = value->toDouble(&ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

std::optional<QDateTime> toTime(const PgValue &epochMs)
{
    const auto ms = toInt(epochMs);
    return ms ? std::optional<QDateTime>(QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC)) : std::nullopt;
}

bool toBool(const PgValue &value)
{
    return value && *value == QLatin1String("t");
}

QString text(const PgValue &value)
{
    return value.value_or(QString());
}

// Milliseconds since the epoch of a timestamptz expression, as bigint.
QString epochMs(const QString &expression)
{
    return QStringLiteral("(extract(epoch FROM %1) * 1000)::bigint").arg(expression);
}

// An interval in milliseconds with microsecond precision (lags are often below 1 ms).
QString intervalMs(const QString &expression)
{
    return QStringLiteral("round((extract(epoch FROM %1) * 1000)::numeric, 3)").arg(expression);
}

} // namespace

ReplicationQueries::ReplicationQueries(const VersionRules &rules) : m_rules(rules)
{
}

QString ReplicationQueries::positionExpression() const
{
    return QStringLiteral("CASE WHEN pg_is_in_recovery() THEN %1() ELSE %2() END")
        .arg(m_rules.lastWalReplayLsnFunction(), m_rules.currentWalLsnFunction());
}

QString ReplicationQueries::serverStatus() const
{
    const QString receive = m_rules.lastWalReceiveLsnFunction() + QStringLiteral("()");
    const QString replay = m_rules.lastWalReplayLsnFunction() + QStringLiteral("()");
    // Commits waiting for a synchronous standby: the wait event says so
    // itself from 10 (9.x shows nothing better than the sync_state counts).
    // Every commit waits for its standby's confirmation for a moment; one
    // that has waited a second is stuck, not busy.
    const QString commitsWaiting =
        m_rules.hasSyncRepWaitEvent()
            ? QStringLiteral("(SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'IPC' AND "
                             "wait_event = 'SyncRep' AND now() - state_change > interval '1 second')")
            : QStringLiteral("NULL::bigint");
    // The replay delay does not grow on an idle primary: with nothing left
    // to replay it is 0, not the age of the last transaction.
    const QString replayDelay =
        QStringLiteral("CASE WHEN NOT pg_is_in_recovery() THEN NULL WHEN %1 = %2 THEN 0 ELSE %3 END")
            .arg(receive, replay, intervalMs(QStringLiteral("now() - pg_last_xact_replay_timestamp()")));
    return QStringLiteral("SELECT pg_is_in_recovery() AS in_recovery,\n"
                          "       current_setting('server_version_num') AS server_version_num,\n"
                          "       CASE WHEN pg_is_in_recovery() THEN NULL ELSE %1()::text END AS current_lsn,\n"
                          "       %2::text AS receive_lsn,\n"
                          "       %3::text AS replay_lsn,\n"
                          "       %4 AS last_replay_ms,\n"
                          "       CASE WHEN pg_is_in_recovery() THEN %5() ELSE false END AS replay_paused,\n"
                          "       %6(%2, %3)::bigint AS replay_backlog_bytes,\n"
                          "       %7 AS replay_delay_ms,\n"
                          "       %8 AS commits_waiting,\n"
                          "       current_setting('synchronous_standby_names') AS synchronous_standby_names,\n"
                          "       current_setting('synchronous_commit') AS synchronous_commit")
        .arg(m_rules.currentWalLsnFunction(), receive, replay,
             epochMs(QStringLiteral("pg_last_xact_replay_timestamp()")), m_rules.walReplayPausedFunction(),
             m_rules.walLsnDiffFunction(), replayDelay, commitsWaiting);
}

QString ReplicationQueries::statReplication() const
{
    const bool lags = m_rules.hasLagColumns();
    // Every LSN against the same position, in the same statement, so that
    // the four byte lags add up.
    const auto behind = [this](const QString &column) {
        return QStringLiteral("%1(%2, %3)::bigint").arg(m_rules.walLsnDiffFunction(), positionExpression(), column);
    };
    return QStringLiteral("SELECT pid, application_name, host(client_addr) AS client_addr, state, sync_state,\n"
                          "       sync_priority,\n"
                          "       %1::text AS sent_lsn, %2::text AS write_lsn, %3::text AS flush_lsn,\n"
                          "       %4::text AS replay_lsn,\n"
                          "       %5 AS sent_lag_bytes, %6 AS write_lag_bytes, %7 AS flush_lag_bytes,\n"
                          "       %8 AS byte_lag,\n"
                          "       %9 AS write_lag_ms, %10 AS flush_lag_ms, %11 AS replay_lag_ms,\n"
                          "       %12 AS reply_time_ms\n"
                          "FROM pg_stat_replication\n"
                          "ORDER BY application_name, pid")
        .arg(m_rules.sentLsnColumn(), m_rules.writeLsnColumn(), m_rules.flushLsnColumn(), m_rules.replayLsnColumn(),
             behind(m_rules.sentLsnColumn()), behind(m_rules.writeLsnColumn()), behind(m_rules.flushLsnColumn()),
             behind(m_rules.replayLsnColumn()),
             lags ? intervalMs(QStringLiteral("write_lag")) : QStringLiteral("NULL::numeric"))
        .arg(lags ? intervalMs(QStringLiteral("flush_lag")) : QStringLiteral("NULL::numeric"),
             lags ? intervalMs(QStringLiteral("replay_lag")) : QStringLiteral("NULL::numeric"),
             m_rules.hasReplyTime() ? epochMs(QStringLiteral("reply_time")) : QStringLiteral("NULL::bigint"));
}

QString ReplicationQueries::replicationSlots() const
{
    if (!m_rules.hasReplicationSlots())
        return {};
    const bool walStatus = m_rules.hasSlotWalStatus();
    return QStringLiteral("SELECT slot_name, slot_type, active, active_pid, restart_lsn::text AS restart_lsn,\n"
                          "       %1 AS wal_status, %2 AS safe_wal_size,\n"
                          "       %3(%4, restart_lsn)::bigint AS retained_bytes,\n"
                          "       %5 AS inactive_since_ms\n"
                          "FROM pg_replication_slots\n"
                          "ORDER BY slot_name")
        .arg(walStatus ? QStringLiteral("wal_status") : QStringLiteral("NULL::text"),
             walStatus ? QStringLiteral("safe_wal_size") : QStringLiteral("NULL::bigint"), m_rules.walLsnDiffFunction(),
             positionExpression(),
             m_rules.hasSlotInactiveSince() ? epochMs(QStringLiteral("inactive_since"))
                                            : QStringLiteral("NULL::bigint"));
}

QString ReplicationQueries::statArchiver() const
{
    if (!m_rules.hasStatArchiver())
        return {};
    return QStringLiteral("SELECT archived_count, last_archived_wal, %1 AS last_archived_ms,\n"
                          "       failed_count, last_failed_wal, %2 AS last_failed_ms\n"
                          "FROM pg_stat_archiver")
        .arg(epochMs(QStringLiteral("last_archived_time")), epochMs(QStringLiteral("last_failed_time")));
}

void ReplicationQueries::readServerStatus(const PgResult &result, ReplicationSample::Server &server)
{
    if (result.rows.isEmpty())
        return;
    const auto v = [&result](const char *column) { return result.value(0, QLatin1String(column)); };
    server.inRecovery = toBool(v("in_recovery"));
    server.serverVersionNum = int(toInt(v("server_version_num")).value_or(0));
    server.currentLsn = text(v("current_lsn"));
    server.receiveLsn = text(v("receive_lsn"));
    server.replayLsn = text(v("replay_lsn"));
    server.lastReplayTime = toTime(v("last_replay_ms"));
    server.replayPaused = toBool(v("replay_paused"));
    server.replayBacklogBytes = toInt(v("replay_backlog_bytes"));
    server.replayDelayMs = toDouble(v("replay_delay_ms"));
    const auto waiting = toInt(v("commits_waiting"));
    server.commitsWaiting = waiting ? std::optional<int>(int(*waiting)) : std::nullopt;
    server.synchronousStandbyNames = text(v("synchronous_standby_names"));
    server.synchronousCommit = text(v("synchronous_commit"));
}

QList<ReplicationSample::Standby> ReplicationQueries::readStatReplication(const PgResult &result)
{
    QList<ReplicationSample::Standby> standbys;
    for (int row = 0; row < result.rows.size(); ++row) {
        const auto v = [&result, row](const char *column) { return result.value(row, QLatin1String(column)); };
        ReplicationSample::Standby standby;
        standby.pid = int(toInt(v("pid")).value_or(0));
        standby.applicationName = text(v("application_name"));
        standby.clientAddr = text(v("client_addr"));
        standby.state = text(v("state"));
        standby.syncState = text(v("sync_state"));
        standby.syncPriority = int(toInt(v("sync_priority")).value_or(0));
        standby.sentLsn = text(v("sent_lsn"));
        standby.writeLsn = text(v("write_lsn"));
        standby.flushLsn = text(v("flush_lsn"));
        standby.replayLsn = text(v("replay_lsn"));
        standby.sentLagBytes = toInt(v("sent_lag_bytes"));
        standby.writeLagBytes = toInt(v("write_lag_bytes"));
        standby.flushLagBytes = toInt(v("flush_lag_bytes"));
        standby.byteLag = toInt(v("byte_lag"));
        standby.writeLagMs = toDouble(v("write_lag_ms"));
        standby.flushLagMs = toDouble(v("flush_lag_ms"));
        standby.replayLagMs = toDouble(v("replay_lag_ms"));
        standby.replyTime = toTime(v("reply_time_ms"));
        standbys << standby;
    }
    return standbys;
}

QList<ReplicationSample::Slot> ReplicationQueries::readReplicationSlots(const PgResult &result)
{
    QList<ReplicationSample::Slot> slotList;
    for (int row = 0; row < result.rows.size(); ++row) {
        const auto v = [&result, row](const char *column) { return result.value(row, QLatin1String(column)); };
        ReplicationSample::Slot slot;
        slot.name = text(v("slot_name"));
        slot.type = text(v("slot_type"));
        slot.active = toBool(v("active"));
        const auto pid = toInt(v("active_pid"));
        slot.activePid = pid ? std::optional<int>(int(*pid)) : std::nullopt;
        slot.restartLsn = text(v("restart_lsn"));
        slot.walStatus = text(v("wal_status"));
        slot.safeWalSize = toInt(v("safe_wal_size"));
        slot.retainedBytes = toInt(v("retained_bytes"));
        slot.inactiveSince = toTime(v("inactive_since_ms"));
        slotList << slot;
    }
    return slotList;
}

std::optional<ReplicationSample::Archiver> ReplicationQueries::readStatArchiver(const PgResult &result)
{
    if (result.rows.isEmpty())
        return std::nullopt;
    const auto v = [&result](const char *column) { return result.value(0, QLatin1String(column)); };
    ReplicationSample::Archiver archiver;
    archiver.archivedCount = toInt(v("archived_count")).value_or(0);
    archiver.lastArchivedWal = text(v("last_archived_wal"));
    archiver.lastArchivedTime = toTime(v("last_archived_ms"));
    archiver.failedCount = toInt(v("failed_count")).value_or(0);
    archiver.lastFailedWal = text(v("last_failed_wal"));
    archiver.lastFailedTime = toTime(v("last_failed_ms"));
    return archiver;
}
