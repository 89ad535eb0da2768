#include "sandbox_state.h"

#include "core/conf/conninfo.h"
#include "core/host/command_line.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonValue>

namespace {

constexpr int formatVersion = 1;

QJsonObject serverToJson(const SandboxServer &server)
{
    return QJsonObject{
        {QStringLiteral("name"), server.name},
        {QStringLiteral("port"), server.port},
        {QStringLiteral("dataDir"), server.dataDir},
        {QStringLiteral("socketDir"), server.socketDir},
        {QStringLiteral("superuser"), server.superuser},
        {QStringLiteral("database"), server.database},
        // For readers that do not link core (scripts, jq).
        {QStringLiteral("connectionString"), server.connectionString()},
    };
}

Result<SandboxServer> serverFromJson(const QJsonValue &value, const QString &which)
{
    const QJsonObject object = value.toObject();
    SandboxServer server;
    server.name = object.value(QStringLiteral("name")).toString();
    server.port = object.value(QStringLiteral("port")).toInt();
    server.dataDir = object.value(QStringLiteral("dataDir")).toString();
    server.socketDir = object.value(QStringLiteral("socketDir")).toString();
    server.superuser = object.value(QStringLiteral("superuser")).toString();
    server.database = object.value(QStringLiteral("database")).toString();
    if (server.name.isEmpty() || server.port <= 0 || server.port > 65535 || server.dataDir.isEmpty() ||
        server.socketDir.isEmpty() || server.superuser.isEmpty()) {
        return makeError(QCoreApplication::translate("Sandbox", "The sandbox file describes its %1 incompletely. "
                                                                "Run 'replicactl sandbox reset' to make a fresh pair.")
                             .arg(which));
    }
    if (server.database.isEmpty())
        server.database = QStringLiteral("postgres");
    return server;
}

} // namespace

QString SandboxServer::connectionString() const
{
    return connectionString(database);
}

QString SandboxServer::connectionString(const QString &databaseName) const
{
    ConnInfo conninfo;
    conninfo.set(QStringLiteral("host"), socketDir);
    conninfo.set(QStringLiteral("port"), QString::number(port));
    conninfo.set(QStringLiteral("user"), superuser);
    conninfo.set(QStringLiteral("dbname"), databaseName);
    return conninfo.toString();
}

QString SandboxServer::psqlCommand(const QString &psqlPath) const
{
    return CommandLine(psqlPath, {QStringLiteral("-h"), socketDir, QStringLiteral("-p"), QString::number(port),
                                  QStringLiteral("-U"), superuser, database})
        .toShellString();
}

QString SandboxState::stateFilePath(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("sandbox.json"));
}

QJsonObject SandboxState::toJson() const
{
    return QJsonObject{
        {QStringLiteral("format"), formatVersion},
        {QStringLiteral("dir"), dir},
        {QStringLiteral("version"), version.majorString()},
        {QStringLiteral("binDir"), binDir},
        {QStringLiteral("clientBinDir"), clientBinDir},
        {QStringLiteral("basebackupBinDir"), basebackupBinDir},
        {QStringLiteral("synchronous"), synchronous},
        {QStringLiteral("osUser"), osUser},
        {QStringLiteral("replicationUser"), replicationUser},
        {QStringLiteral("slotName"), slotName},
        {QStringLiteral("passFile"), passFile},
        {QStringLiteral("standbyPromoted"), standbyPromoted},
        {QStringLiteral("created"), created.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("primary"), serverToJson(primary)},
        {QStringLiteral("standby"), serverToJson(standby)},
    };
}

Result<SandboxState> SandboxState::fromJson(const QJsonObject &object, const QString &dir)
{
    const int format = object.value(QStringLiteral("format")).toInt();
    if (format != formatVersion) {
        return makeError(QCoreApplication::translate("Sandbox", "The sandbox in %1 was written by another version of "
                                                                "Replica Studio (format %2). Remove the folder or "
                                                                "choose another one with --dir.")
                             .arg(dir)
                             .arg(format));
    }
    SandboxState state;
    state.dir = dir;
    const auto version = PgVersion::parse(object.value(QStringLiteral("version")).toString());
    if (!version || !version->isValid()) {
        return makeError(QCoreApplication::translate("Sandbox", "The sandbox file in %1 names no valid PostgreSQL "
                                                                "version. Run 'replicactl sandbox reset'.")
                             .arg(dir));
    }
    state.version = *version;
    state.binDir = object.value(QStringLiteral("binDir")).toString();
    state.clientBinDir = object.value(QStringLiteral("clientBinDir")).toString(state.binDir);
    state.basebackupBinDir = object.value(QStringLiteral("basebackupBinDir")).toString();
    state.synchronous = object.value(QStringLiteral("synchronous")).toBool(true);
    state.osUser = object.value(QStringLiteral("osUser")).toString();
    state.replicationUser = object.value(QStringLiteral("replicationUser")).toString();
    state.slotName = object.value(QStringLiteral("slotName")).toString();
    state.passFile = object.value(QStringLiteral("passFile")).toString();
    state.standbyPromoted = object.value(QStringLiteral("standbyPromoted")).toBool(false);
    state.created = QDateTime::fromString(object.value(QStringLiteral("created")).toString(), Qt::ISODate);
    auto primary = serverFromJson(object.value(QStringLiteral("primary")), QStringLiteral("primary"));
    if (!primary)
        return primary.error();
    auto standby = serverFromJson(object.value(QStringLiteral("standby")), QStringLiteral("standby"));
    if (!standby)
        return standby.error();
    state.primary = *primary;
    state.standby = *standby;
    if (state.binDir.isEmpty()) {
        return makeError(QCoreApplication::translate("Sandbox", "The sandbox file in %1 names no PostgreSQL programs. "
                                                                "Run 'replicactl sandbox reset'.")
                             .arg(dir));
    }
    return state;
}
