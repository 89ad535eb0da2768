#include "cluster_profile.h"

#include "core/conf/conninfo.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace {

constexpr int formatVersion = 1;

QString accessName(ServerAccess access)
{
    return access == ServerAccess::SshTunnel ? QStringLiteral("ssh-tunnel") : QStringLiteral("conninfo");
}

QJsonObject serverToJson(const ClusterServer &server)
{
    QJsonObject object{{QStringLiteral("name"), server.name},
                       {QStringLiteral("primary"), server.isPrimary},
                       {QStringLiteral("access"), accessName(server.access)},
                       {QStringLiteral("data_dir"), server.dataDir}};
    if (server.access == ServerAccess::SshTunnel) {
        object.insert(QStringLiteral("ssh_user"), server.sshUser);
        object.insert(QStringLiteral("ssh_host"), server.sshHost);
        object.insert(QStringLiteral("ssh_port"), server.sshPort);
        object.insert(QStringLiteral("pg_port"), server.pgPort);
    } else {
        object.insert(QStringLiteral("conninfo"), server.conninfo);
    }
    return object;
}

Result<ClusterServer> serverFromJson(const QJsonObject &object)
{
    ClusterServer server;
    server.name = object.value(QStringLiteral("name")).toString();
    server.isPrimary = object.value(QStringLiteral("primary")).toBool();
    const QString access = object.value(QStringLiteral("access")).toString();
    if (access == accessName(ServerAccess::SshTunnel))
        server.access = ServerAccess::SshTunnel;
    else if (access != accessName(ServerAccess::ConnectionString))
        return makeRefusal(ClusterProfile::tr("Server \"%1\" is reached in a way this program does not know (\"%2\").")
                               .arg(server.name, access));
    server.conninfo = object.value(QStringLiteral("conninfo")).toString();
    server.sshUser = object.value(QStringLiteral("ssh_user")).toString();
    server.sshHost = object.value(QStringLiteral("ssh_host")).toString();
    server.sshPort = object.value(QStringLiteral("ssh_port")).toInt(22);
    server.pgPort = object.value(QStringLiteral("pg_port")).toInt(5432);
    server.dataDir = object.value(QStringLiteral("data_dir")).toString();
    return server;
}

Result<void> validateServer(const ClusterServer &server)
{
    if (server.name.trimmed().isEmpty())
        return makeRefusal(ClusterProfile::tr("Every server needs a name (a standby's is its application_name)."));
    if (server.access == ServerAccess::SshTunnel) {
        if (server.sshHost.trimmed().isEmpty())
            return makeRefusal(ClusterProfile::tr("Server \"%1\": give the machine it runs on.").arg(server.name));
        if (server.sshPort < 0 || server.sshPort > 65535 || server.pgPort < 1 || server.pgPort > 65535)
            return makeRefusal(ClusterProfile::tr("Server \"%1\": ports go from 1 to 65535.").arg(server.name));
        return {};
    }
    const Result<ConnInfo> conninfo = ConnInfo::parse(server.conninfo);
    if (!conninfo)
        return makeRefusal(ClusterProfile::tr("Server \"%1\": the connection string cannot be read: %2")
                               .arg(server.name, conninfo.error().message));
    if (conninfo->contains(QStringLiteral("password")))
        return makeRefusal(
            ClusterProfile::tr("Server \"%1\": take the password out of the connection string and type it in the "
                               "password field: it is kept in the system keychain, never in the saved profile.")
                .arg(server.name));
    return {};
}

} // namespace

QString ClusterServer::displayAddress() const
{
    if (access == ServerAccess::ConnectionString)
        return conninfo;
    const QString login = sshUser.isEmpty() ? sshHost : sshUser + QLatin1Char('@') + sshHost;
    return sshPort == 22 || sshPort == 0 ? login : login + QLatin1Char(':') + QString::number(sshPort);
}

const ClusterServer *ClusterProfile::primary() const
{
    for (const ClusterServer &server : servers)
        if (server.isPrimary)
            return &server;
    return nullptr;
}

QList<ClusterServer> ClusterProfile::standbys() const
{
    QList<ClusterServer> list;
    for (const ClusterServer &server : servers)
        if (!server.isPrimary)
            list << server;
    return list;
}

QString ClusterProfile::secretKey(const QString &what) const
{
    return id + QLatin1Char('/') + what;
}

Result<void> ClusterProfile::validate() const
{
    if (name.trimmed().isEmpty())
        return makeRefusal(ClusterProfile::tr("Give the cluster a name."));
    int primaries = 0;
    for (const ClusterServer &server : servers) {
        primaries += server.isPrimary ? 1 : 0;
        if (Result<void> valid = validateServer(server); !valid)
            return valid;
    }
    if (primaries != 1)
        return makeRefusal(ClusterProfile::tr("A cluster has exactly one primary; this one has %1.").arg(primaries));
    return {};
}

QJsonObject ClusterProfile::toJson() const
{
    QJsonArray serverArray;
    for (const ClusterServer &server : servers)
        serverArray.append(serverToJson(server));
    return {{QStringLiteral("format"), formatVersion},
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("monitoring_role"), monitoringRole},
            {QStringLiteral("database"), database},
            {QStringLiteral("servers"), serverArray}};
}

Result<ClusterProfile> ClusterProfile::fromJson(const QJsonObject &object)
{
    if (object.value(QStringLiteral("format")).toInt() != formatVersion)
        return makeRefusal(ClusterProfile::tr("This cluster profile was written by another version of Replica Studio "
                                              "(format %1); this one reads format %2.")
                               .arg(object.value(QStringLiteral("format")).toInt())
                               .arg(formatVersion));
    ClusterProfile profile;
    profile.id = object.value(QStringLiteral("id")).toString();
    profile.name = object.value(QStringLiteral("name")).toString();
    profile.monitoringRole = object.value(QStringLiteral("monitoring_role")).toString(profile.monitoringRole);
    profile.database = object.value(QStringLiteral("database")).toString(profile.database);
    for (const QJsonValue &value : object.value(QStringLiteral("servers")).toArray()) {
        Result<ClusterServer> server = serverFromJson(value.toObject());
        if (!server)
            return server.error();
        profile.servers << server.value();
    }
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    if (!idPattern.match(profile.id).hasMatch())
        return makeRefusal(ClusterProfile::tr("The cluster profile has no usable id (\"%1\").").arg(profile.id));
    if (Result<void> valid = profile.validate(); !valid)
        return valid.error();
    return profile;
}

QString ClusterProfile::idFor(const QString &name, const QStringList &taken)
{
    QString base;
    for (const QChar c : name.toLower())
        base += (c.isLetterOrNumber() && c.unicode() < 128) ? c : QLatin1Char('-');
    static const QRegularExpression dashes(QStringLiteral("-+"));
    base = base.replace(dashes, QStringLiteral("-"));
    while (base.startsWith(QLatin1Char('-')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("cluster");
    QString id = base;
    for (int n = 2; taken.contains(id); ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    return id;
}
