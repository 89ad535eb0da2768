#include "sandbox_status.h"

#include <QJsonArray>

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject SandboxStatus::toJson() const
{
    QJsonArray rows;
    for (const SandboxReplicationRow &row : replication) {
        rows.append(QJsonObject{
            {QStringLiteral("application_name"), row.applicationName},
            {QStringLiteral("state"), row.state},
            {QStringLiteral("sync_state"), row.syncState},
            {QStringLiteral("sent_lsn"), textOrNull(row.sentLsn)},
            {QStringLiteral("write_lsn"), textOrNull(row.writeLsn)},
            {QStringLiteral("flush_lsn"), textOrNull(row.flushLsn)},
            {QStringLiteral("replay_lsn"), textOrNull(row.replayLsn)},
            {QStringLiteral("replay_lag_bytes"),
             row.replayLagBytes < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(row.replayLagBytes)},
            {QStringLiteral("write_lag"), textOrNull(row.writeLag)},
            {QStringLiteral("flush_lag"), textOrNull(row.flushLag)},
            {QStringLiteral("replay_lag"), textOrNull(row.replayLag)},
        });
    }
    QJsonObject primary{
        {QStringLiteral("running"), primaryRunning},
        {QStringLiteral("port"), state.primary.port},
        {QStringLiteral("connectionString"), state.primary.connectionString()},
        {QStringLiteral("currentLsn"), textOrNull(primaryLsn)},
        {QStringLiteral("synchronousStandbyNames"), synchronousStandbyNames},
    };
    QJsonObject standby{
        {QStringLiteral("running"), standbyRunning},
        {QStringLiteral("port"), state.standby.port},
        {QStringLiteral("connectionString"), state.standby.connectionString()},
        {QStringLiteral("inRecovery"), standbyInRecovery},
        {QStringLiteral("replayPaused"), replayPaused},
        {QStringLiteral("receiveLsn"), textOrNull(standbyReceiveLsn)},
        {QStringLiteral("replayLsn"), textOrNull(standbyReplayLsn)},
        {QStringLiteral("promoted"), state.standbyPromoted},
    };
    return QJsonObject{
        {QStringLiteral("dir"), state.dir},
        {QStringLiteral("version"), state.version.majorString()},
        {QStringLiteral("synchronous"), state.synchronous},
        {QStringLiteral("primary"), primary},
        {QStringLiteral("standby"), standby},
        {QStringLiteral("replication"), rows},
    };
}
