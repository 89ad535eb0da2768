#include "plan_choices.h"

#include "core/version/version_rules.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PlanChoices", text);
}

bool isPlainName(const QString &name, int maxLength)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    return !name.isEmpty() && name.size() <= maxLength && pattern.match(name).hasMatch();
}

Result<void> checkDirectory(const QString &path, const QString &what)
{
    if (path.isEmpty())
        return {};
    if (!path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\n')) || path.contains(QChar(0)) ||
        path.contains(QLatin1Char('\''))) {
        return makeError(QCoreApplication::translate(
                             "PlanChoices", "The %1 \"%2\" must be an absolute path without newlines or single quotes.")
                             .arg(what, path));
    }
    return {};
}

} // namespace

QString PlanChoices::nameFromHost(const QString &host)
{
    QString name = host.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    name = QStringLiteral("standby_") + name;
    return name.left(63);
}

void PlanChoices::fillDefaults()
{
    if (primaryAddress.isEmpty())
        primaryAddress = primary.host;
    if (standbyAddress.isEmpty() && !QHostAddress(standby.host).isNull())
        standbyAddress = standby.host;
    if (asInWalkthrough) {
        if (applicationName.isEmpty())
            applicationName = QStringLiteral("slave");
        replicationUser = QStringLiteral("postgres");
        if (authMethod.isEmpty())
            authMethod = QStringLiteral("md5");
    }
    if (applicationName.isEmpty())
        applicationName = nameFromHost(standby.host);
    if (slotName.isEmpty())
        slotName = applicationName.toLower();
    if (authMethod.isEmpty() && version.isValid())
        authMethod = VersionRules(version).hasScram() ? QStringLiteral("scram-sha-256") : QStringLiteral("md5");
}

Result<void> PlanChoices::validate() const
{
    if (auto valid = validateVersionIndependent(); !valid)
        return valid;
    if (!version.isValid() || !version.atLeast(9, 3) || version.atLeast(19))
        return makeError(tr("Choose a PostgreSQL major version from 9.3 to 18."));
    if (authMethod == QLatin1String("scram-sha-256") && !VersionRules(version).hasScram())
        return makeError(
            tr("PostgreSQL %1 has no scram-sha-256 (it came with 10): choose md5.").arg(version.majorString()));
    if (synchronous && !VersionRules(version).canRenderSyncStandbyNames(syncCount, syncMethod())) {
        if (syncAny)
            return makeError(
                tr("PostgreSQL %1 cannot let a commit wait for any of several standbys (ANY came with 10): "
                   "name them in order instead.")
                    .arg(version.majorString()));
        return makeError(tr("PostgreSQL %1 lets a commit wait for one standby only (more came with 9.6).")
                             .arg(version.majorString()));
    }
    return {};
}

Result<void> PlanChoices::validateVersionIndependent() const
{
    if (primary.isEmpty() || standby.isEmpty())
        return makeError(tr("Name both hosts: the primary and the standby, as USER@HOST[:PORT]."));
    if (primary.host == standby.host && primary.port == standby.port)
        return makeError(tr("The primary and the standby are the same host (%1). Choose two different machines.")
                             .arg(primary.toString()));
    // application_name first: the default slot name is made from it.
    static const QRegularExpression appName(QStringLiteral("^[A-Za-z0-9_.-]{1,63}$"));
    if (!applicationName.isEmpty() && !appName.match(applicationName).hasMatch())
        return makeError(tr("The application_name \"%1\" may hold only letters, digits, '_', '.' and '-' (at most 63).")
                             .arg(applicationName));
    if (!isPlainName(slotName, 63) && !(slotName.isEmpty()))
        return makeError(
            tr("The slot name \"%1\" may hold only lower-case letters, digits and underscores (at most 63).")
                .arg(slotName));
    if (!isPlainName(replicationUser, 63))
        return makeError(tr("The replication role \"%1\" may hold only lower-case letters, digits and underscores.")
                             .arg(replicationUser));
    if (!monitoringUser.isEmpty() && (!isPlainName(monitoringUser, 63) || monitoringUser == replicationUser))
        return makeError(tr("The monitoring role \"%1\" may hold only lower-case letters, digits and underscores, and "
                            "must not be the replication role.")
                             .arg(monitoringUser));
    if (!authMethod.isEmpty() && authMethod != QLatin1String("scram-sha-256") && authMethod != QLatin1String("md5"))
        return makeError(
            tr("The authentication method \"%1\" is not offered: choose scram-sha-256 or md5.").arg(authMethod));
    for (int port : {primaryPort, standbyPort}) {
        if (port < 1 || port > 65535)
            return makeError(tr("The PostgreSQL port %1 must be between 1 and 65535.").arg(port));
    }
    static const QRegularExpression clusterPattern(QStringLiteral("^[A-Za-z0-9_.-]{1,63}$"));
    if (!clusterPattern.match(clusterName).hasMatch())
        return makeError(
            tr("The cluster name \"%1\" may hold only letters, digits, '_', '.' and '-'.").arg(clusterName));
    for (const auto &[path, what] : {std::pair{primaryDataDir, tr("primary's data directory")},
                                     std::pair{standbyDataDir, tr("standby's data directory")},
                                     std::pair{primaryPgBin, tr("primary's PostgreSQL program directory")},
                                     std::pair{standbyPgBin, tr("standby's PostgreSQL program directory")},
                                     std::pair{archiveDir, tr("archive directory")}}) {
        if (auto checked = checkDirectory(path, what); !checked)
            return checked;
    }
    if (syncCount < 1 || syncCount > 100)
        return makeError(tr("The number of standbys a commit waits for must be from 1 to 100, not %1.").arg(syncCount));
    if (walKeepMb < 0 || maxSlotWalKeepMb < -1)
        return makeError(tr("The WAL sizes kept for standbys must be zero or more megabytes."));
    static const QRegularExpression address(QStringLiteral("^[A-Za-z0-9_.:-]+$"));
    for (const QString &a : {primaryAddress, standbyAddress}) {
        if (!a.isEmpty() && !address.match(a).hasMatch())
            return makeError(tr("\"%1\" is not a host name or IP address.").arg(a));
    }
    if (!standbyAddress.isEmpty() && QHostAddress(standbyAddress).isNull()) {
        return makeError(
            tr("The standby's address \"%1\" must be an IP address: pg_hba.conf takes it as %1/32, and PostgreSQL "
               "refuses a host name there. Give the address the primary sees the standby connect from.")
                .arg(standbyAddress));
    }
    return {};
}

QJsonObject PlanChoices::toJson() const
{
    return QJsonObject{
        {QStringLiteral("primary"), primary.toString()},
        {QStringLiteral("standby"), standby.toString()},
        {QStringLiteral("primaryAddress"), primaryAddress},
        {QStringLiteral("standbyAddress"), standbyAddress},
        {QStringLiteral("version"), version.isValid() ? version.majorString() : QString()},
        {QStringLiteral("synchronous"), synchronous},
        {QStringLiteral("syncCount"), syncCount},
        {QStringLiteral("syncAny"), syncAny},
        {QStringLiteral("slotName"), slotName},
        {QStringLiteral("applicationName"), applicationName},
        {QStringLiteral("replicationUser"), replicationUser},
        {QStringLiteral("monitoringUser"), monitoringUser},
        {QStringLiteral("authMethod"), authMethod},
        {QStringLiteral("primaryPort"), primaryPort},
        {QStringLiteral("standbyPort"), standbyPort},
        {QStringLiteral("clusterName"), clusterName},
        {QStringLiteral("primaryDataDir"), primaryDataDir},
        {QStringLiteral("standbyDataDir"), standbyDataDir},
        {QStringLiteral("primaryPgBin"), primaryPgBin},
        {QStringLiteral("standbyPgBin"), standbyPgBin},
        {QStringLiteral("archiveDir"), archiveDir},
        {QStringLiteral("walKeepMb"), walKeepMb},
        {QStringLiteral("maxSlotWalKeepMb"), maxSlotWalKeepMb},
        {QStringLiteral("demoData"), demoData},
        {QStringLiteral("asInWalkthrough"), asInWalkthrough},
        {QStringLiteral("installPackages"), installPackages},
    };
}

Result<PlanChoices> PlanChoices::fromJson(const QJsonObject &object)
{
    PlanChoices choices;
    auto primary = HostTarget::parse(object.value(QStringLiteral("primary")).toString());
    if (!primary)
        return primary.error();
    auto standby = HostTarget::parse(object.value(QStringLiteral("standby")).toString());
    if (!standby)
        return standby.error();
    choices.primary = *primary;
    choices.standby = *standby;
    const auto version = PgVersion::parse(object.value(QStringLiteral("version")).toString());
    if (!version)
        return makeError(tr("The plan names no PostgreSQL version it can use (\"%1\").")
                             .arg(object.value(QStringLiteral("version")).toString()));
    choices.version = *version;
    auto text = [&](const char *key, const QString &fallback) {
        const QJsonValue value = object.value(QLatin1String(key));
        return value.isString() ? value.toString() : fallback;
    };
    auto number = [&](const char *key, int fallback) { return object.value(QLatin1String(key)).toInt(fallback); };
    auto flag = [&](const char *key, bool fallback) { return object.value(QLatin1String(key)).toBool(fallback); };
    choices.primaryAddress = text("primaryAddress", {});
    choices.standbyAddress = text("standbyAddress", {});
    choices.synchronous = flag("synchronous", true);
    choices.syncCount = number("syncCount", 1);
    choices.syncAny = flag("syncAny", false);
    choices.slotName = text("slotName", {});
    choices.applicationName = text("applicationName", {});
    choices.replicationUser = text("replicationUser", choices.replicationUser);
    choices.monitoringUser = text("monitoringUser", choices.monitoringUser);
    choices.authMethod = text("authMethod", {});
    choices.primaryPort = number("primaryPort", 5432);
    choices.standbyPort = number("standbyPort", 5432);
    choices.clusterName = text("clusterName", choices.clusterName);
    choices.primaryDataDir = text("primaryDataDir", {});
    choices.standbyDataDir = text("standbyDataDir", {});
    choices.primaryPgBin = text("primaryPgBin", {});
    choices.standbyPgBin = text("standbyPgBin", {});
    choices.archiveDir = text("archiveDir", {});
    choices.walKeepMb = number("walKeepMb", choices.walKeepMb);
    choices.maxSlotWalKeepMb = number("maxSlotWalKeepMb", choices.maxSlotWalKeepMb);
    choices.demoData = flag("demoData", false);
    choices.asInWalkthrough = flag("asInWalkthrough", false);
    choices.installPackages = flag("installPackages", false);
    if (auto valid = choices.validate(); !valid)
        return valid.error();
    return choices;
}
