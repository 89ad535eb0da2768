#include "sandbox_status.h"

#include <QJsonArray>

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject standbyToJson(const SandboxServer &server, const SandboxStandbyStatus &status)
{
    return QJsonObject{
        {QStringLiteral("name"), server.name},
        {QStringLiteral("running"), status.running},
        {QStringLiteral("port"), server.port},
        {QStringLiteral("connectionString"), server.connectionString()},
        {QStringLiteral("inRecovery"), status.inRecovery},
        {QStringLiteral("replayPaused"), status.replayPaused},
        {QStringLiteral("receiveLsn"), textOrNull(status.receiveLsn)},
        {QStringLiteral("replayLsn"), textOrNull(status.replayLsn)},
        {QStringLiteral("promoted"), server.promoted},
    };
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
    QJsonArray standbyList;
    for (qsizetype i = 0; i < standbys.size() && i < state.standbys.size(); ++i)
        standbyList.append(standbyToJson(state.standbys.at(i), standbys.at(i)));
    return QJsonObject{
        {QStringLiteral("dir"), state.dir},
        {QStringLiteral("version"), state.version.majorString()},
        {QStringLiteral("synchronous"), state.synchronous},
        {QStringLiteral("primary"), primary},
        // The first standby under its format-1 key too, for scripts written before there were several.
        {QStringLiteral("standby"), standbyList.isEmpty() ? QJsonValue() : standbyList.first()},
        {QStringLiteral("standbys"), standbyList},
        {QStringLiteral("replication"), rows},
    };
}
