#include "host_facts.h"

#include <QCoreApplication>
#include <QJsonArray>

QString PgInstallation::originName(Origin origin)
{
    switch (origin) {
    case Origin::Named:
        return QStringLiteral("named");
    case Origin::Distribution:
        return QStringLiteral("distribution");
    case Origin::Local:
        return QStringLiteral("local");
    case Origin::Path:
        return QStringLiteral("path");
    }
    return QStringLiteral("distribution");
}

PgInstallation::Origin PgInstallation::originFromName(const QString &name)
{
    for (Origin origin : {Origin::Named, Origin::Local, Origin::Path}) {
        if (name == originName(origin))
            return origin;
    }
    return Origin::Distribution;
}

QString PgInstallation::describe() const
{
    const char *where = nullptr;
    switch (origin) {
    case Origin::Named:
        where = QT_TRANSLATE_NOOP("PgInstallation", "PostgreSQL %1 in %2 (the directory you named)");
        break;
    case Origin::Distribution:
        where = QT_TRANSLATE_NOOP("PgInstallation", "PostgreSQL %1 in %2 (the distribution's packages)");
        break;
    case Origin::Local:
        where = QT_TRANSLATE_NOOP("PgInstallation", "PostgreSQL %1 in %2 (a source build or vendor installation)");
        break;
    case Origin::Path:
        where = QT_TRANSLATE_NOOP("PgInstallation", "PostgreSQL %1 in %2 (found on the PATH)");
        break;
    }
    QString text = QCoreApplication::translate("PgInstallation", where).arg(version.toString(), binDir);
    if (!clientTools)
        text += QCoreApplication::translate("PgInstallation", ", without psql and pg_basebackup beside it");
    return text;
}

std::optional<PgInstallation> HostFacts::installation(const PgVersion &version) const
{
    for (const PgInstallation &found : installations) {
        if (found.version == version)
            return found;
    }
    return std::nullopt;
}

std::optional<ClusterInfo> HostFacts::cluster(const PgVersion &version, const QString &name) const
{
    for (const ClusterInfo &found : clusters) {
        if (found.version == version && (name.isEmpty() || found.name.isEmpty() || found.name == name))
            return found;
    }
    return std::nullopt;
}

PgVersion HostFacts::newestInstalled() const
{
    PgVersion newest;
    for (const PgInstallation &found : installations) {
        if (!newest.isValid() || found.version > newest)
            newest = found.version;
    }
    return newest;
}

QString HostFacts::familyName(OsFamily family)
{
    switch (family) {
    case OsFamily::Debian:
        return QStringLiteral("debian");
    case OsFamily::Rhel:
        return QStringLiteral("rhel");
    case OsFamily::Other:
        break;
    }
    return QStringLiteral("other");
}

QJsonObject HostFacts::toJson() const
{
    QJsonArray installationArray;
    for (const PgInstallation &found : installations)
        installationArray.append(QJsonObject{{QStringLiteral("version"), found.version.majorString()},
                                             {QStringLiteral("binDir"), found.binDir},
                                             {QStringLiteral("clientTools"), found.clientTools},
                                             {QStringLiteral("origin"), PgInstallation::originName(found.origin)}});
    QJsonArray clusterArray;
    for (const ClusterInfo &found : clusters) {
        clusterArray.append(QJsonObject{{QStringLiteral("version"), found.version.majorString()},
                                        {QStringLiteral("name"), found.name},
                                        {QStringLiteral("port"), found.port},
                                        {QStringLiteral("dataDir"), found.dataDir},
                                        {QStringLiteral("confDir"), found.confDir},
                                        {QStringLiteral("socketDir"), found.socketDir},
                                        {QStringLiteral("logFile"), found.logFile},
                                        {QStringLiteral("running"), found.running},
                                        {QStringLiteral("serviceUnit"), found.serviceUnit}});
    }
    return QJsonObject{
        {QStringLiteral("osId"), osId},
        {QStringLiteral("osVersion"), osVersion},
        {QStringLiteral("family"), familyName(family)},
        {QStringLiteral("packageManager"), packageManager},
        {QStringLiteral("systemd"), systemd},
        {QStringLiteral("installations"), installationArray},
        {QStringLiteral("clusters"), clusterArray},
        {QStringLiteral("canBecomeRoot"), canBecomeRoot},
        {QStringLiteral("canBecomePostgres"), canBecomePostgres},
        {QStringLiteral("postgresHome"), postgresHome},
        {QStringLiteral("freeBytes"), double(freeBytes)},
        {QStringLiteral("clockOffsetMs"), double(clockOffsetMs)},
        {QStringLiteral("hostname"), hostname},
        {QStringLiteral("addresses"), QJsonArray::fromStringList(addresses)},
        {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
    };
}

static QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

HostFacts HostFacts::fromJson(const QJsonObject &object)
{
    HostFacts facts;
    facts.osId = object.value(QStringLiteral("osId")).toString();
    facts.osVersion = object.value(QStringLiteral("osVersion")).toString();
    const QString family = object.value(QStringLiteral("family")).toString();
    facts.family = family == QLatin1String("debian") ? OsFamily::Debian
                   : family == QLatin1String("rhel") ? OsFamily::Rhel
                                                     : OsFamily::Other;
    facts.packageManager = object.value(QStringLiteral("packageManager")).toString();
    facts.systemd = object.value(QStringLiteral("systemd")).toBool();
    for (const QJsonValue &item : object.value(QStringLiteral("installations")).toArray()) {
        const QJsonObject o = item.toObject();
        facts.installations.append(
            {PgVersion::parse(o.value(QStringLiteral("version")).toString()).value_or(PgVersion()),
             o.value(QStringLiteral("binDir")).toString(), o.value(QStringLiteral("clientTools")).toBool(true),
             PgInstallation::originFromName(o.value(QStringLiteral("origin")).toString())});
    }
    for (const QJsonValue &item : object.value(QStringLiteral("clusters")).toArray()) {
        const QJsonObject o = item.toObject();
        ClusterInfo cluster;
        cluster.version = PgVersion::parse(o.value(QStringLiteral("version")).toString()).value_or(PgVersion());
        cluster.name = o.value(QStringLiteral("name")).toString();
        cluster.port = o.value(QStringLiteral("port")).toInt(5432);
        cluster.dataDir = o.value(QStringLiteral("dataDir")).toString();
        cluster.confDir = o.value(QStringLiteral("confDir")).toString();
        cluster.socketDir = o.value(QStringLiteral("socketDir")).toString();
        cluster.logFile = o.value(QStringLiteral("logFile")).toString();
        cluster.running = o.value(QStringLiteral("running")).toBool();
        cluster.serviceUnit = o.value(QStringLiteral("serviceUnit")).toBool();
        facts.clusters.append(cluster);
    }
    facts.canBecomeRoot = object.value(QStringLiteral("canBecomeRoot")).toBool();
    facts.canBecomePostgres = object.value(QStringLiteral("canBecomePostgres")).toBool();
    facts.postgresHome = object.value(QStringLiteral("postgresHome")).toString();
    facts.freeBytes = qint64(object.value(QStringLiteral("freeBytes")).toDouble(-1));
    facts.clockOffsetMs = qint64(object.value(QStringLiteral("clockOffsetMs")).toDouble());
    facts.hostname = object.value(QStringLiteral("hostname")).toString();
    facts.addresses = stringList(object.value(QStringLiteral("addresses")));
    facts.problems = stringList(object.value(QStringLiteral("problems")));
    return facts;
}
