#include "sandbox_state.h"

#include "core/conf/conninfo.h"
#include "core/host/command_line.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>

namespace {

// 2: a list of standbys. 1 (read only): one standby, its slot and promotion at the top level.
constexpr int formatVersion = 2;

QJsonObject serverToJson(const SandboxServer &server)
{
    return QJsonObject{
        {QStringLiteral("name"), server.name},
        {QStringLiteral("port"), server.port},
        {QStringLiteral("dataDir"), server.dataDir},
        {QStringLiteral("socketDir"), server.socketDir},
        {QStringLiteral("superuser"), server.superuser},
        {QStringLiteral("database"), server.database},
        {QStringLiteral("slotName"), server.slotName},
        {QStringLiteral("promoted"), server.promoted},
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
    server.slotName = object.value(QStringLiteral("slotName")).toString();
    server.promoted = object.value(QStringLiteral("promoted")).toBool(false);
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

Result<QList<SandboxServer>> standbysFromJson(const QJsonObject &object)
{
    const QJsonArray array = object.value(QStringLiteral("standbys")).toArray();
    if (array.isEmpty() || array.size() > 5)
        return makeError(QCoreApplication::translate("Sandbox", "The sandbox file names no standbys, or more than "
                                                                "five. Run 'replicactl sandbox reset' to make a "
                                                                "fresh sandbox."));
    QList<SandboxServer> standbys;
    for (const QJsonValue &value : array) {
        auto standby = serverFromJson(value, QStringLiteral("standby"));
        if (!standby)
            return standby.error();
        standbys.append(*standby);
    }
    return standbys;
}

// Format 1: one "standby"; its slot and whether it was promoted were the sandbox's.
Result<QList<SandboxServer>> standbysOfFormat1(const QJsonObject &object)
{
    auto standby = serverFromJson(object.value(QStringLiteral("standby")), QStringLiteral("standby"));
    if (!standby)
        return standby.error();
    standby->slotName = object.value(QStringLiteral("slotName")).toString();
    standby->promoted = object.value(QStringLiteral("standbyPromoted")).toBool(false);
    return QList<SandboxServer>{*standby};
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

const SandboxServer *SandboxState::standbyNamed(const QString &name) const
{
    for (const SandboxServer &server : standbys) {
        if (server.name == name)
            return &server;
    }
    return nullptr;
}

QStringList SandboxState::standbyNames() const
{
    QStringList names;
    for (const SandboxServer &server : standbys)
        names.append(server.name);
    return names;
}

bool SandboxState::anyPromoted() const
{
    return std::any_of(standbys.cbegin(), standbys.cend(), [](const SandboxServer &server) { return server.promoted; });
}

QJsonObject SandboxState::toJson() const
{
    QJsonArray servers;
    for (const SandboxServer &server : standbys)
        servers.append(serverToJson(server));
    return QJsonObject{
        {QStringLiteral("format"), formatVersion},
        {QStringLiteral("dir"), dir},
        {QStringLiteral("version"), version.majorString()},
        {QStringLiteral("binDir"), binDir},
        {QStringLiteral("clientBinDir"), clientBinDir},
        {QStringLiteral("basebackupBinDir"), basebackupBinDir},
        {QStringLiteral("synchronous"), synchronous},
        {QStringLiteral("synchronousStandbyNames"), synchronousStandbyNames},
        {QStringLiteral("osUser"), osUser},
        {QStringLiteral("replicationUser"), replicationUser},
        {QStringLiteral("passFile"), passFile},
        {QStringLiteral("created"), created.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("primary"), serverToJson(primary)},
        {QStringLiteral("standbys"), servers},
    };
}

Result<SandboxState> SandboxState::fromJson(const QJsonObject &object, const QString &dir)
{
    const int format = object.value(QStringLiteral("format")).toInt();
    if (format != 1 && format != formatVersion) {
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
    state.synchronousStandbyNames = object.value(QStringLiteral("synchronousStandbyNames")).toString();
    state.osUser = object.value(QStringLiteral("osUser")).toString();
    state.replicationUser = object.value(QStringLiteral("replicationUser")).toString();
    state.passFile = object.value(QStringLiteral("passFile")).toString();
    state.created = QDateTime::fromString(object.value(QStringLiteral("created")).toString(), Qt::ISODate);
    auto primary = serverFromJson(object.value(QStringLiteral("primary")), QStringLiteral("primary"));
    if (!primary)
        return primary.error();
    state.primary = *primary;
    auto standbys = format == 1 ? standbysOfFormat1(object) : standbysFromJson(object);
    if (!standbys)
        return standbys.error();
    state.standbys = *standbys;
    if (state.binDir.isEmpty()) {
        return makeError(QCoreApplication::translate("Sandbox", "The sandbox file in %1 names no PostgreSQL programs. "
                                                                "Run 'replicactl sandbox reset'.")
                             .arg(dir));
    }
    return state;
}
