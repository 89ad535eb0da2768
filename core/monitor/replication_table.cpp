#include "core/monitor/replication_table.h"

#include "core/version/pg_version.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReplicationTable", text);
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QJsonValue jsonText(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

template <typename T> QJsonValue jsonNumber(const std::optional<T> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue jsonTime(const std::optional<QDateTime> &time)
{
    return time ? QJsonValue(time->toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QJsonObject problemJson(const ReplicationProblem &problem)
{
    QJsonObject object;
    object[QStringLiteral("code")] = problem.code;
    object[QStringLiteral("severity")] = problem.severity == ReplicationProblem::Severity::Critical
                                             ? QStringLiteral("critical")
                                             : QStringLiteral("warning");
    object[QStringLiteral("subject")] = problem.subject;
    object[QStringLiteral("message")] = problem.message;
    return object;
}

// The columns of a pg_stat_replication row both JSON forms share.
QJsonObject standbyJson(const ReplicationSample::Standby &standby)
{
    QJsonObject object;
    object[QStringLiteral("application_name")] = standby.applicationName;
    object[QStringLiteral("client_addr")] = jsonText(standby.clientAddr);
    object[QStringLiteral("state")] = jsonText(standby.state);
    object[QStringLiteral("sync_state")] = jsonText(standby.syncState);
    object[QStringLiteral("sync_priority")] = standby.syncPriority;
    object[QStringLiteral("sent_lsn")] = jsonText(standby.sentLsn);
    object[QStringLiteral("write_lsn")] = jsonText(standby.writeLsn);
    object[QStringLiteral("flush_lsn")] = jsonText(standby.flushLsn);
    object[QStringLiteral("replay_lsn")] = jsonText(standby.replayLsn);
    object[QStringLiteral("write_lag_ms")] = jsonNumber(standby.writeLagMs);
    object[QStringLiteral("flush_lag_ms")] = jsonNumber(standby.flushLagMs);
    object[QStringLiteral("replay_lag_ms")] = jsonNumber(standby.replayLagMs);
    object[QStringLiteral("reply_time")] = jsonTime(standby.replyTime);
    return object;
}

// The columns of a pg_replication_slots row both JSON forms share.
QJsonObject slotJson(const ReplicationSample::Slot &slot)
{
    QJsonObject object;
    object[QStringLiteral("slot_name")] = slot.name;
    object[QStringLiteral("active")] = slot.active;
    object[QStringLiteral("wal_status")] = jsonText(slot.walStatus);
    object[QStringLiteral("retained_bytes")] = jsonNumber(slot.retainedBytes);
    object[QStringLiteral("safe_wal_size")] = jsonNumber(slot.safeWalSize);
    return object;
}

QString timeText(const std::optional<QDateTime> &time)
{
    return time ? time->toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) : QStringLiteral("-");
}

// Rows of cells as aligned columns, two spaces apart, no trailing blanks.
QString alignedTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows)
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths << 0;
            widths[c] = qMax(widths[c], row.at(c).size());
        }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row.at(c).leftJustified(widths.at(c) + 2) : row.at(c);
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        text += line + QLatin1Char('\n');
    }
    return text;
}

// A server whose machine could not be asked: why, and what the
// primary's pg_stat_replication says about it, both as they are.
QString unreachedLine(const QString &where, const ReplicationSample::Server &server, const ReplicationSample &sample)
{
    QString line = tr("%1: could not be asked, so whether its PostgreSQL runs is not known from here. %2")
                       .arg(where, server.error.userText());
    if (const ReplicationSample::Standby *seen = sample.standbyFrom(server.address))
        line += QLatin1Char(' ') +
                tr("The primary's pg_stat_replication shows it connected from %1 as %2: state %3, sync_state %4, "
                   "replayed %5.")
                    .arg(server.address, orDash(seen->applicationName), orDash(seen->state), orDash(seen->syncState),
                         orDash(seen->replayLsn));
    else if (sample.primary.reachable && !server.address.isEmpty())
        line += QLatin1Char(' ') +
                tr("The primary's pg_stat_replication shows no standby connected from %1.").arg(server.address);
    return line;
}

QString serverLine(const ReplicationSample::Server &server, const ReplicationSample &sample)
{
    const QString where =
        server.endpoint.isEmpty()
            ? server.name
            : QCoreApplication::translate("ReplicationTable", "%1 (%2)").arg(server.name, server.endpoint);
    if (!server.reachable && !server.hostReached)
        return unreachedLine(where, server, sample);
    if (!server.reachable)
        return QCoreApplication::translate("ReplicationTable", "%1: down. %2").arg(where, server.error.userText());
    const QString version = ReplicationTable::formatVersion(server.serverVersionNum);
    if (!server.inRecovery)
        return QCoreApplication::translate("ReplicationTable", "%1: primary, PostgreSQL %2, WAL at %3")
            .arg(where, version, orDash(server.currentLsn));
    QString line =
        QCoreApplication::translate(
            "ReplicationTable", "%1: standby, PostgreSQL %2, received %3, replayed %4, last replayed transaction %5")
            .arg(where, version, orDash(server.receiveLsn), orDash(server.replayLsn), timeText(server.lastReplayTime));
    if (server.replayPaused)
        line += QCoreApplication::translate("ReplicationTable", ", replay paused");
    return line;
}

QJsonObject serverJson(const ReplicationSample::Server &server)
{
    QJsonObject object;
    object[QStringLiteral("name")] = server.name;
    object[QStringLiteral("endpoint")] = jsonText(server.endpoint);
    object[QStringLiteral("address")] = jsonText(server.address);
    object[QStringLiteral("reachable")] = server.reachable;
    object[QStringLiteral("host_reached")] = server.hostReached;
    object[QStringLiteral("connecting")] = server.connecting;
    object[QStringLiteral("role")] = jsonText(server.role());
    if (!server.reachable) {
        QJsonObject error;
        error[QStringLiteral("sqlstate")] = jsonText(server.error.sqlState);
        error[QStringLiteral("message")] = server.error.userText();
        error[QStringLiteral("detail")] = jsonText(server.error.raw);
        object[QStringLiteral("error")] = error;
        return object;
    }
    object[QStringLiteral("server_version_num")] = server.serverVersionNum;
    object[QStringLiteral("in_recovery")] = server.inRecovery;
    object[QStringLiteral("current_lsn")] = jsonText(server.currentLsn);
    object[QStringLiteral("receive_lsn")] = jsonText(server.receiveLsn);
    object[QStringLiteral("replay_lsn")] = jsonText(server.replayLsn);
    object[QStringLiteral("last_replay_time")] = jsonTime(server.lastReplayTime);
    object[QStringLiteral("replay_paused")] = server.replayPaused;
    object[QStringLiteral("replay_backlog_bytes")] = jsonNumber(server.replayBacklogBytes);
    object[QStringLiteral("synchronous_standby_names")] = server.synchronousStandbyNames;
    object[QStringLiteral("synchronous_commit")] = jsonText(server.synchronousCommit);
    return object;
}

} // namespace

QString ReplicationTable::header(Column column)
{
    switch (column) {
    case Standby:
        return tr("Standby");
    case Client:
        return tr("Client");
    case State:
        return tr("State");
    case SyncState:
        return tr("Sync");
    case SentLsn:
        return tr("Sent LSN");
    case WriteLsn:
        return tr("Write LSN");
    case FlushLsn:
        return tr("Flush LSN");
    case ReplayLsn:
        return tr("Replay LSN");
    case ByteLag:
        return tr("Byte lag");
    case WriteLag:
        return tr("Write lag");
    case FlushLag:
        return tr("Flush lag");
    case ReplayLag:
        return tr("Replay lag");
    case ColumnCount:
        break;
    }
    return {};
}

QString ReplicationTable::cell(const ReplicationSample::Standby &standby, Column column)
{
    switch (column) {
    case Standby:
        return orDash(standby.applicationName);
    case Client:
        return standby.clientAddr.isEmpty() ? tr("local socket") : standby.clientAddr;
    case State:
        return orDash(standby.state);
    case SyncState:
        return standby.syncState.isEmpty() ? QStringLiteral("-")
                                           : QStringLiteral("%1 (%2)").arg(standby.syncState).arg(standby.syncPriority);
    case SentLsn:
        return orDash(standby.sentLsn);
    case WriteLsn:
        return orDash(standby.writeLsn);
    case FlushLsn:
        return orDash(standby.flushLsn);
    case ReplayLsn:
        return orDash(standby.replayLsn);
    case ByteLag:
        return standby.byteLag ? formatBytes(*standby.byteLag) : QStringLiteral("-");
    case WriteLag:
        return formatMs(standby.writeLagMs);
    case FlushLag:
        return formatMs(standby.flushLagMs);
    case ReplayLag:
        return formatMs(standby.replayLagMs);
    case ColumnCount:
        break;
    }
    return {};
}

QString ReplicationTable::formatBytes(qint64 bytes)
{
    if (qAbs(bytes) < 1024)
        return tr("%1 bytes").arg(bytes); // as pg_size_pretty writes it, also for 1
    static const char *const units[] = {"kB", "MB", "GB", "TB", "PB"};
    double value = double(bytes);
    int unit = -1;
    while (qAbs(value) >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', qAbs(value) < 10 ? 1 : 0).arg(QLatin1String(units[unit]));
}

QString ReplicationTable::formatMs(const std::optional<double> &ms)
{
    if (!ms)
        return QStringLiteral("-");
    if (*ms < 1)
        return tr("%1 ms").arg(*ms, 0, 'f', 3);
    if (*ms < 1000)
        return tr("%1 ms").arg(*ms, 0, 'f', 1);
    return tr("%1 s").arg(*ms / 1000, 0, 'f', 1);
}

QString ReplicationTable::formatVersion(int serverVersionNum)
{
    if (serverVersionNum <= 0)
        return QStringLiteral("?");
    return PgVersion::fromServerVersionNum(serverVersionNum).toString();
}

QString ReplicationTable::renderText(const ReplicationSample &sample)
{
    QString text;
    text += tr("Sampled at %1").arg(timeText(sample.sampledAt)) + QLatin1Char('\n');
    text += serverLine(sample.primary, sample) + QLatin1Char('\n');
    if (sample.primary.reachable && !sample.primary.inRecovery)
        text += tr("  synchronous_standby_names = '%1', synchronous_commit = %2")
                    .arg(sample.primary.synchronousStandbyNames, sample.primary.synchronousCommit) +
                QLatin1Char('\n');
    for (const auto &server : sample.standbyServers)
        text += serverLine(server, sample) + QLatin1Char('\n');
    if (!sample.primary.reachable && !sample.standbyServers.isEmpty()) {
        // What a promotion is decided on when the primary is gone.
        if (const ReplicationSample::Server *best = sample.mostAdvancedStandby())
            text += tr("Most advanced standby: %1 (received %2, replayed %3).")
                        .arg(best->name, orDash(best->receiveLsn), orDash(best->replayLsn)) +
                    QLatin1Char('\n');
        else
            text += tr("No standby answered, so which one is most advanced is not known.") + QLatin1Char('\n');
    }

    text += QLatin1Char('\n');
    if (sample.standbys.isEmpty()) {
        text += (sample.primary.reachable ? tr("No standby is connected (pg_stat_replication is empty).")
                                          : tr("Replication state unknown: the primary does not answer.")) +
                QLatin1Char('\n');
    } else {
        QList<QStringList> rows;
        QStringList headers;
        for (int c = 0; c < ColumnCount; ++c)
            headers << header(Column(c));
        rows << headers;
        for (const auto &standby : sample.standbys) {
            QStringList row;
            for (int c = 0; c < ColumnCount; ++c)
                row << cell(standby, Column(c));
            rows << row;
        }
        text += alignedTable(rows);
    }

    if (!sample.replicationSlots.isEmpty()) {
        text += QLatin1Char('\n');
        QList<QStringList> rows;
        rows << QStringList{tr("Slot"),       tr("Type"),         tr("Active"),       tr("Restart LSN"),
                            tr("WAL status"), tr("Retained WAL"), tr("Safe WAL size")};
        for (const auto &slot : sample.replicationSlots)
            rows << QStringList{slot.name,
                                orDash(slot.type),
                                slot.active ? tr("yes") : tr("no"),
                                orDash(slot.restartLsn),
                                orDash(slot.walStatus),
                                slot.retainedBytes ? formatBytes(*slot.retainedBytes) : QStringLiteral("-"),
                                slot.safeWalSize ? formatBytes(*slot.safeWalSize) : QStringLiteral("-")};
        text += alignedTable(rows);
    }

    if (sample.archiver && (sample.archiver->archivedCount > 0 || sample.archiver->failedCount > 0)) {
        const auto &archiver = *sample.archiver;
        text += QLatin1Char('\n');
        text += tr("Archiver: %1 archived (last %2 at %3), %4 failed (last %5 at %6)")
                    .arg(archiver.archivedCount)
                    .arg(orDash(archiver.lastArchivedWal), timeText(archiver.lastArchivedTime))
                    .arg(archiver.failedCount)
                    .arg(orDash(archiver.lastFailedWal), timeText(archiver.lastFailedTime)) +
                QLatin1Char('\n');
    }

    if (!sample.problems.isEmpty()) {
        text += QLatin1Char('\n');
        for (const auto &problem : sample.problems)
            text +=
                (problem.severity == ReplicationProblem::Severity::Critical ? tr("CRITICAL: %1") : tr("WARNING: %1"))
                    .arg(problem.message) +
                QLatin1Char('\n');
    }
    return text;
}

QJsonObject ReplicationTable::toJson(const ReplicationSample &sample)
{
    QJsonObject root;
    root[QStringLiteral("sampled_at")] = jsonTime(sample.sampledAt);
    root[QStringLiteral("primary")] = serverJson(sample.primary);
    QJsonArray servers;
    for (const auto &server : sample.standbyServers)
        servers << serverJson(server);
    root[QStringLiteral("standby_servers")] = servers;
    const ReplicationSample::Server *best = sample.mostAdvancedStandby();
    root[QStringLiteral("most_advanced_standby")] = best ? QJsonValue(best->name) : QJsonValue(QJsonValue::Null);

    QJsonArray standbys;
    for (const auto &standby : sample.standbys) {
        QJsonObject object = standbyJson(standby);
        object[QStringLiteral("pid")] = standby.pid;
        object[QStringLiteral("byte_lag")] = jsonNumber(standby.byteLag);
        standbys << object;
    }
    root[QStringLiteral("standbys")] = standbys;

    QJsonArray slotArray;
    for (const auto &slot : sample.replicationSlots) {
        QJsonObject object = slotJson(slot);
        object[QStringLiteral("slot_type")] = jsonText(slot.type);
        object[QStringLiteral("restart_lsn")] = jsonText(slot.restartLsn);
        slotArray << object;
    }
    root[QStringLiteral("slots")] = slotArray;

    if (sample.archiver) {
        QJsonObject archiver;
        archiver[QStringLiteral("archived_count")] = double(sample.archiver->archivedCount);
        archiver[QStringLiteral("last_archived_wal")] = jsonText(sample.archiver->lastArchivedWal);
        archiver[QStringLiteral("last_archived_time")] = jsonTime(sample.archiver->lastArchivedTime);
        archiver[QStringLiteral("failed_count")] = double(sample.archiver->failedCount);
        archiver[QStringLiteral("last_failed_wal")] = jsonText(sample.archiver->lastFailedWal);
        archiver[QStringLiteral("last_failed_time")] = jsonTime(sample.archiver->lastFailedTime);
        root[QStringLiteral("archiver")] = archiver;
    } else {
        root[QStringLiteral("archiver")] = QJsonValue(QJsonValue::Null);
    }

    QJsonArray problems;
    for (const auto &problem : sample.problems)
        problems << problemJson(problem);
    root[QStringLiteral("problems")] = problems;
    return root;
}

QJsonObject ReplicationTable::toWatchJson(const ReplicationSample &sample)
{
    const ReplicationSample::Server &primary = sample.primary;
    QJsonObject root;
    root[QStringLiteral("time")] = jsonTime(sample.sampledAt);
    QJsonObject primaryObject;
    primaryObject[QStringLiteral("name")] = primary.name;
    primaryObject[QStringLiteral("reachable")] = primary.reachable;
    primaryObject[QStringLiteral("version")] =
        primary.serverVersionNum > 0 ? QJsonValue(formatVersion(primary.serverVersionNum)) : QJsonValue();
    primaryObject[QStringLiteral("current_lsn")] = jsonText(primary.currentLsn);
    primaryObject[QStringLiteral("wal_bytes_per_second")] = jsonNumber(primary.walBytesPerSecond);
    primaryObject[QStringLiteral("synchronous_standby_names")] =
        primary.reachable ? QJsonValue(primary.synchronousStandbyNames) : QJsonValue();
    primaryObject[QStringLiteral("synchronous_commit")] = jsonText(primary.synchronousCommit);
    primaryObject[QStringLiteral("commits_waiting")] = jsonNumber(primary.commitsWaiting);
    root[QStringLiteral("primary")] = primaryObject;

    QJsonArray standbys;
    for (const auto &standby : sample.standbys) {
        const ReplicationSample::Server *server = sample.serverOf(standby);
        const bool asked = server && server->reachable && server->inRecovery;
        QJsonObject object = standbyJson(standby);
        object[QStringLiteral("name")] = server ? server->name : standby.applicationName;
        object[QStringLiteral("sent_lag_bytes")] = jsonNumber(standby.sentLagBytes);
        object[QStringLiteral("write_lag_bytes")] = jsonNumber(standby.writeLagBytes);
        object[QStringLiteral("flush_lag_bytes")] = jsonNumber(standby.flushLagBytes);
        object[QStringLiteral("replay_lag_bytes")] = jsonNumber(standby.byteLag);
        // Only the standby itself knows; a standby not watched is unknown.
        object[QStringLiteral("replay_paused")] = asked ? QJsonValue(server->replayPaused) : QJsonValue();
        object[QStringLiteral("replay_delay_ms")] = asked ? jsonNumber(server->replayDelayMs) : QJsonValue();
        standbys << object;
    }
    root[QStringLiteral("standbys")] = standbys;

    QJsonArray slotArray;
    for (const auto &slot : sample.replicationSlots) {
        QJsonObject object = slotJson(slot);
        object[QStringLiteral("inactive_since")] = jsonTime(slot.inactiveSince);
        slotArray << object;
    }
    root[QStringLiteral("slots")] = slotArray;

    QJsonValue archiver;
    if (sample.archiver) {
        QJsonObject object;
        object[QStringLiteral("archived_count")] = double(sample.archiver->archivedCount);
        object[QStringLiteral("failed_count")] = double(sample.archiver->failedCount);
        object[QStringLiteral("last_failed_wal")] = jsonText(sample.archiver->lastFailedWal);
        archiver = object;
    }
    root[QStringLiteral("archiver")] = archiver;

    QJsonArray alerts;
    for (const auto &problem : sample.problems)
        alerts << problemJson(problem);
    root[QStringLiteral("alerts")] = alerts;
    return root;
}
