#include "core/conf/recovery_settings.h"

#include "core/conf/conf_file.h"
#include "core/version/version_rules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RecoverySettings", text);
}

PgVersion orNewest(PgVersion version)
{
    return version.isValid() ? version : VersionRules::newestSupported();
}

} // namespace

RecoverySettings::RecoverySettings(PgVersion version) : m_version(orNewest(version))
{
}

bool RecoverySettings::usesRecoveryConf() const
{
    return VersionRules(m_version).usesRecoveryConf();
}

QString RecoverySettings::triggerSettingName() const
{
    return VersionRules(m_version).promoteTriggerSetting();
}

Result<ConnInfo> RecoverySettings::primaryConninfo(const PrimaryConnection &connection, PgVersion version)
{
    version = orNewest(version);
    if (connection.host.isEmpty())
        return makeError(tr("Give the primary's address for primary_conninfo."));
    if (connection.port <= 0 || connection.port > 65535)
        return makeError(
            tr("The primary's port %1 is not a TCP port; give a number from 1 to 65535.").arg(connection.port));
    if (!connection.passfile.isEmpty() && !version.atLeast(10))
        return makeError(tr("PostgreSQL %1's libpq has no passfile option: put the password in the .pgpass file in "
                            "the home folder of the server's user and leave the passfile empty.")
                             .arg(version.majorString()));
    ConnInfo info;
    if (!connection.user.isEmpty())
        info.set(QStringLiteral("user"), connection.user);
    if (!connection.passfile.isEmpty())
        info.set(QStringLiteral("passfile"), connection.passfile);
    if (!connection.password.isEmpty())
        info.set(QStringLiteral("password"), connection.password);
    info.set(QStringLiteral("host"), connection.host);
    info.set(QStringLiteral("port"), QString::number(connection.port));
    if (!connection.sslmode.isEmpty())
        info.set(QStringLiteral("sslmode"), connection.sslmode);
    if (!connection.applicationName.isEmpty())
        info.set(QStringLiteral("application_name"), connection.applicationName);
    return info;
}

Result<void> RecoverySettings::validate() const
{
    const VersionRules rules(m_version);
    if (!standbyMode)
        return makeError(tr("These settings describe a standby; standby mode must be on."));
    if (conninfo.isEmpty() && restoreCommand.isEmpty())
        return makeError(tr("A standby needs primary_conninfo to stream from the primary, or restore_command to "
                            "read an archive; give at least one."));
    QStringList dropped;
    conninfo.limitedTo(m_version, &dropped);
    if (!dropped.isEmpty())
        return makeError(tr("PostgreSQL %1's libpq does not know %2 and would refuse the whole primary_conninfo; "
                            "leave %3 out.")
                             .arg(m_version.majorString(), dropped.join(QStringLiteral(", ")),
                                  dropped.size() == 1 ? tr("it") : tr("them")));
    if (!slotName.isEmpty()) {
        if (!rules.hasReplicationSlots())
            return makeError(tr("PostgreSQL %1 has no replication slots (they came in 9.4); leave the slot name empty.")
                                 .arg(m_version.majorString()));
        static const QRegularExpression slotPattern(QStringLiteral("^[a-z0-9_]{1,63}$"));
        if (!slotPattern.match(slotName).hasMatch())
            return makeError(tr("\"%1\" is not a replication slot name: use 1 to 63 lower-case letters, digits "
                                "and underscores.")
                                 .arg(slotName));
    }
    if (!triggerFile.isEmpty() && triggerSettingName().isEmpty())
        return makeError(tr("PostgreSQL %1 has no promote trigger file; promote the standby with pg_ctl promote "
                            "or SELECT pg_promote() instead.")
                             .arg(m_version.majorString()));
    return {};
}

QList<QPair<QString, QString>> RecoverySettings::settings() const
{
    QList<QPair<QString, QString>> list;
    const bool recoveryConf = usesRecoveryConf();
    if (recoveryConf)
        list.append({QStringLiteral("standby_mode"), standbyMode ? QStringLiteral("on") : QStringLiteral("off")});
    if (!conninfo.isEmpty())
        list.append({QStringLiteral("primary_conninfo"), conninfo.toString()});
    if (!slotName.isEmpty())
        list.append({QStringLiteral("primary_slot_name"), slotName});
    // Up to 11 the default is 'current': a standby would not follow the new
    // primary after a promotion without 'latest'.
    if (!targetTimeline.isEmpty())
        list.append({QStringLiteral("recovery_target_timeline"), targetTimeline});
    else if (recoveryConf)
        list.append({QStringLiteral("recovery_target_timeline"), QStringLiteral("latest")});
    if (!restoreCommand.isEmpty())
        list.append({QStringLiteral("restore_command"), restoreCommand});
    if (!triggerFile.isEmpty())
        list.append({triggerSettingName(), triggerFile});
    return list;
}

Result<QByteArray> RecoverySettings::recoveryConf() const
{
    if (!usesRecoveryConf())
        return makeError(tr("PostgreSQL %1 has no recovery.conf: its standby settings go into postgresql.auto.conf "
                            "with an empty standby.signal.")
                             .arg(m_version.majorString()));
    if (Result<void> valid = validate(); !valid)
        return valid.error();
    QByteArray text = "# recovery.conf for a PostgreSQL " + m_version.majorString().toUtf8() +
                      " standby, written by Replica Studio\n";
    for (const auto &[name, value] : settings())
        text += name.toUtf8() + " = " + ConfFile::renderValue(value, true) + '\n';
    return text;
}

Result<QByteArray> RecoverySettings::autoConf(const QByteArray &current) const
{
    if (usesRecoveryConf())
        return makeError(tr("PostgreSQL %1 reads its standby settings from recovery.conf, not postgresql.auto.conf.")
                             .arg(m_version.majorString()));
    if (Result<void> valid = validate(); !valid)
        return valid.error();
    const QByteArray base = current.isEmpty() ? freshAutoConf() : current;
    Result<ConfFile> file = ConfFile::parse(base, QStringLiteral("postgresql.auto.conf"));
    if (!file)
        return file.error();
    const VersionRules rules(m_version);
    // recovery.conf settings left in a 12+ file (standby_mode, trigger_file,
    // promote_trigger_file from 16) stop the server from starting.
    for (const char *obsolete : {"standby_mode", "trigger_file", "promote_trigger_file"}) {
        if (!rules.isKnownSetting(QLatin1String(obsolete)))
            file->unset(QLatin1String(obsolete));
    }
    for (const auto &[name, value] : settings()) {
        if (Result<void> set = file->set(name, value, rules); !set)
            return set.error();
    }
    return file->render();
}

QByteArray RecoverySettings::freshAutoConf()
{
    return QByteArrayLiteral("# Do not edit this file manually!\n"
                             "# It will be overwritten by the ALTER SYSTEM command.\n");
}

Result<QList<RecoverySettings::FileContent>> RecoverySettings::files(const QByteArray &currentAutoConf) const
{
    if (usesRecoveryConf()) {
        Result<QByteArray> text = recoveryConf();
        if (!text)
            return text.error();
        return QList<FileContent>{{QStringLiteral("recovery.conf"), *text}};
    }
    Result<QByteArray> text = autoConf(currentAutoConf);
    if (!text)
        return text.error();
    return QList<FileContent>{{QStringLiteral("postgresql.auto.conf"), *text},
                              {QStringLiteral("standby.signal"), QByteArray()}};
}

QStringList RecoverySettings::obsoleteFiles() const
{
    if (usesRecoveryConf())
        return {QStringLiteral("standby.signal"), QStringLiteral("recovery.signal")};
    return {QStringLiteral("recovery.conf")};
}

namespace {

Result<RecoverySettings> fromConf(const ConfFile &file, PgVersion version, bool standby, const QString &triggerName)
{
    RecoverySettings settings(version);
    settings.standbyMode = standby;
    if (const std::optional<QString> conninfo = file.value(QStringLiteral("primary_conninfo"))) {
        Result<ConnInfo> parsed = ConnInfo::parse(*conninfo, settings.version());
        if (!parsed)
            return makeError(QCoreApplication::translate(
                                 "RecoverySettings",
                                 "primary_conninfo in %1 (line %2) is not a connection string PostgreSQL %3 can use.")
                                 .arg(file.fileName())
                                 .arg(file.lineOf(QStringLiteral("primary_conninfo")))
                                 .arg(settings.version().majorString()),
                             parsed.error().fullText());
        settings.conninfo = *parsed;
    }
    settings.slotName = file.value(QStringLiteral("primary_slot_name")).value_or(QString());
    settings.targetTimeline = file.value(QStringLiteral("recovery_target_timeline")).value_or(QString());
    settings.restoreCommand = file.value(QStringLiteral("restore_command")).value_or(QString());
    if (!triggerName.isEmpty())
        settings.triggerFile = file.value(triggerName).value_or(QString());
    return settings;
}

} // namespace

Result<RecoverySettings> RecoverySettings::parseRecoveryConf(const QByteArray &text, PgVersion version)
{
    const RecoverySettings probe(version);
    if (!probe.usesRecoveryConf())
        return makeError(tr("PostgreSQL %1 refuses to start with a recovery.conf in its data directory; move its "
                            "settings to postgresql.auto.conf and create standby.signal.")
                             .arg(probe.version().majorString()));
    Result<ConfFile> file = ConfFile::parse(text, QStringLiteral("recovery.conf"));
    if (!file)
        return file.error();
    const std::optional<QString> mode = file->value(QStringLiteral("standby_mode"));
    const std::optional<bool> standby = mode ? VersionRules::parseBool(*mode) : std::optional<bool>(false);
    if (!standby)
        return makeError(
            tr("standby_mode in recovery.conf is \"%1\", which is not a boolean; use on or off.").arg(*mode));
    return fromConf(*file, probe.version(), *standby, QStringLiteral("trigger_file"));
}

Result<RecoverySettings> RecoverySettings::parseConf(const QByteArray &text, PgVersion version, bool standbySignal)
{
    const RecoverySettings probe(version);
    if (probe.usesRecoveryConf())
        return makeError(
            tr("PostgreSQL %1 reads its standby settings from recovery.conf.").arg(probe.version().majorString()));
    Result<ConfFile> file = ConfFile::parse(text, QStringLiteral("postgresql.auto.conf"));
    if (!file)
        return file.error();
    return fromConf(*file, probe.version(), standbySignal, probe.triggerSettingName());
}
