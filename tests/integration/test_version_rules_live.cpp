#include "core/conf/conf_file.h"
#include "core/conf/hba_file.h"
#include "core/version/pg_version.h"
#include "core/version/version_rules.h"

#include "live_server.h"
#include "pg_builds.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QtTest/QTest>

#include <map>
#include <memory>

// PostgreSQL is the judge of VersionRules: for every major from 10 to 18 the
// real server (one initdb per major, kept for the whole run) is asked what
// VersionRules claims about it: which settings exist, their type, context
// (restart or reload), unit, range, enum values and defaults; which functions,
// views and columns the monitor and the clone use; and whether each value
// validateSetting() accepts is accepted by that major's own `postgres -C`. The
// postgresql.conf and pg_hba.conf edits of a replication setup are checked by
// each major too (pg_file_settings, pg_hba_file_rules, hba include on 16+).
class TestVersionRulesLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void settingsMatchPgSettings_data();
    void settingsMatchPgSettings();
    void namesOfOtherMajorsAreUnknown_data();
    void namesOfOtherMajorsAreUnknown();
    void replicationAnswersMatchServer_data();
    void replicationAnswersMatchServer();
    void validateSettingAgreesWithServer_data();
    void validateSettingAgreesWithServer();
    void replicationEditsAccepted_data();
    void replicationEditsAccepted();
    void hbaEditsAccepted_data();
    void hbaEditsAccepted();

private:
    struct ServerSetting
    {
        QString type, context, unit, minimum, maximum, enumValues, bootValue, setting;
    };
    // The server of a major, made on first use; nullptr with *skip set when missing.
    LiveServer *server(int major, QString *skip);
    QHash<QString, ServerSetting> serverSettings(int major, LiveServer *live);
    // `postgres -C name` on a postgresql.conf of these lines: exit code and what it printed.
    QPair<int, QString> postgresC(LiveServer *live, const QByteArray &confText, const QString &name);
    static void addMajorRows();

    std::map<int, std::unique_ptr<LiveServer>> m_servers;
    std::map<int, QString> m_failures;
    std::map<int, QHash<QString, ServerSetting>> m_settings;
};

void TestVersionRulesLive::initTestCase()
{
    if (!LiveServer::runningAsRoot())
        QSKIP("The servers run as the postgres user: run the integration tests as root.");
}

void TestVersionRulesLive::cleanupTestCase()
{
    m_servers.clear();
}

void TestVersionRulesLive::addMajorRows()
{
    QTest::addColumn<int>("major");
    for (int major : PgBuilds::majors())
        QTest::addRow("%d", major) << major;
}

LiveServer *TestVersionRulesLive::server(int major, QString *skip)
{
    if (auto found = m_servers.find(major); found != m_servers.end())
        return found->second.get();
    if (auto failed = m_failures.find(major); failed != m_failures.end()) {
        *skip = failed->second;
        return nullptr;
    }
    const QString binDir = PgBuilds::binDir(major, skip);
    if (binDir.isEmpty()) {
        m_failures[major] = *skip;
        return nullptr;
    }
    auto live = std::make_unique<LiveServer>(binDir);
    Result<void> step = live->initdb();
    if (step)
        step = live->start();
    if (!step) {
        // Not a skip: the build is there and should run.
        *skip = QString();
        m_failures[major] = QStringLiteral("PostgreSQL %1 did not come up: %2").arg(major).arg(step.error().fullText());
        return nullptr;
    }
    return (m_servers[major] = std::move(live)).get();
}

#define SERVER_OR_SKIP(major)                                                                                          \
    QString skip;                                                                                                      \
    LiveServer *live = server(major, &skip);                                                                           \
    if (!live && !skip.isEmpty())                                                                                      \
        QSKIP(qPrintable(skip));                                                                                       \
    QVERIFY2(live, qPrintable(m_failures[major]));

QHash<QString, TestVersionRulesLive::ServerSetting> TestVersionRulesLive::serverSettings(int major, LiveServer *live)
{
    if (auto found = m_settings.find(major); found != m_settings.end())
        return found->second;
    QHash<QString, ServerSetting> settings;
    auto rows = live->rows(QStringLiteral(
        "SELECT name, vartype, context, coalesce(unit, ''), coalesce(min_val, ''), coalesce(max_val, ''), "
        "coalesce(array_to_string(enumvals, ' '), ''), coalesce(boot_val, ''), coalesce(setting, '') FROM "
        "pg_settings"));
    if (rows) {
        for (const QStringList &row : *rows) {
            if (row.size() == 9)
                settings.insert(row.at(0), {row.at(1), row.at(2), row.at(3), row.at(4), row.at(5), row.at(6), row.at(7),
                                            row.at(8)});
        }
    }
    m_settings[major] = settings;
    return settings;
}

namespace {

QString typeName(SettingInfo::Type type)
{
    switch (type) {
    case SettingInfo::Type::Bool:
        return QStringLiteral("bool");
    case SettingInfo::Type::Integer:
        return QStringLiteral("integer");
    case SettingInfo::Type::Real:
        return QStringLiteral("real");
    case SettingInfo::Type::String:
        return QStringLiteral("string");
    case SettingInfo::Type::Enum:
        return QStringLiteral("enum");
    }
    return {};
}

// pg_settings.context as VersionRules groups it.
QString contextName(SettingInfo::Context context)
{
    switch (context) {
    case SettingInfo::Context::Internal:
        return QStringLiteral("internal");
    case SettingInfo::Context::Postmaster:
        return QStringLiteral("postmaster");
    case SettingInfo::Context::Sighup:
        return QStringLiteral("sighup");
    case SettingInfo::Context::Backend:
        return QStringLiteral("backend");
    case SettingInfo::Context::Superuser:
        return QStringLiteral("superuser");
    case SettingInfo::Context::User:
        return QStringLiteral("user");
    }
    return {};
}

QString serverContextGroup(const QString &context)
{
    return context == QLatin1String("superuser-backend") ? QStringLiteral("backend") : context;
}

QStringList sortedWords(const QString &text)
{
    QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    words.sort();
    return words;
}

// The defaults postgresql.conf.sample of a build writes: "#name = value # comment".
QHash<QString, QString> sampleDefaults(const QString &binDir)
{
    QHash<QString, QString> defaults;
    QFile sample(binDir + QStringLiteral("/../share/postgresql/postgresql.conf.sample"));
    if (!sample.open(QIODevice::ReadOnly))
        return defaults;
    static const QRegularExpression line(QStringLiteral("^#?([a-z_]+)\\s*=\\s*('(?:[^']|'')*'|[^\\s#]+)"));
    for (const QString &text : QString::fromUtf8(sample.readAll()).split(QLatin1Char('\n'))) {
        const auto match = line.match(text);
        if (!match.hasMatch() || defaults.contains(match.captured(1)))
            continue;
        QString value = match.captured(2);
        if (value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\'')) && value.size() >= 2)
            value = value.mid(1, value.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
        defaults.insert(match.captured(1), value);
    }
    return defaults;
}

// Every mismatch on a line of its own: Qt Test cuts long failure messages.
void report(int major, const QStringList &mismatches)
{
    for (const QString &mismatch : mismatches)
        qWarning("PostgreSQL %d: %s", major, qPrintable(mismatch));
}

QByteArray confLine(const QString &name, const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("''"));
    return QStringLiteral("%1 = '%2'\n").arg(name, quoted).toUtf8();
}

} // namespace

QPair<int, QString> TestVersionRulesLive::postgresC(LiveServer *live, const QByteArray &confText, const QString &name)
{
    const QString path = live->folder() + QStringLiteral("/judged.conf");
    if (!live->writeServerFile(path, confText))
        return {-1, QStringLiteral("cannot write %1").arg(path)};
    auto ran = live->runAsServerUser(QStringLiteral("postgres"),
                                     {QStringLiteral("-D"), live->dataDir(), QStringLiteral("-c"),
                                      QStringLiteral("config_file=") + path, QStringLiteral("-C"), name});
    if (!ran)
        return {-1, ran.error().fullText()};
    return {ran->exitCode, QString::fromUtf8(ran->exitCode == 0 ? ran->stdOut : ran->stdErr).trimmed()};
}

void TestVersionRulesLive::settingsMatchPgSettings_data()
{
    addMajorRows();
}

void TestVersionRulesLive::settingsMatchPgSettings()
{
    QFETCH(int, major);
    SERVER_OR_SKIP(major);
    const VersionRules rules{PgVersion(major)};
    const auto settings = serverSettings(major, live);
    QVERIFY2(settings.size() > 200, qPrintable(QStringLiteral("PostgreSQL %1: pg_settings unreadable").arg(major)));
    const auto sample = sampleDefaults(live->binDir());
    QVERIFY2(!sample.isEmpty(), qPrintable(QStringLiteral("PostgreSQL %1: no postgresql.conf.sample").arg(major)));

    QStringList mismatches;
    int described = 0;
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        const QString &name = it.key();
        const ServerSetting &server = it.value();
        if (!rules.isKnownSetting(name))
            mismatches << QStringLiteral("%1: exists in %2 but VersionRules does not know it").arg(name).arg(major);
        const auto info = rules.setting(name);
        if (!info)
            continue;
        ++described;
        auto differs = [&](const char *what, const QString &claimed, const QString &actual) {
            if (claimed != actual)
                mismatches << QStringLiteral("%1 %2: VersionRules says '%3', PostgreSQL %4 says '%5'")
                                  .arg(name, QLatin1String(what), claimed)
                                  .arg(major)
                                  .arg(actual);
        };
        differs("type", typeName(info->type), server.type);
        differs("context", contextName(info->context), serverContextGroup(server.context));
        differs("unit", info->unit, server.unit);
        if (info->place != SettingInfo::Place::PostgresqlConf)
            mismatches << QStringLiteral("%1: in pg_settings of %2 but VersionRules places it in recovery.conf")
                              .arg(name)
                              .arg(major);
        if (info->type == SettingInfo::Type::Integer) {
            differs("minimum", QString::number(info->minimum), server.minimum);
            differs("maximum", QString::number(info->maximum), server.maximum);
        } else if (info->type == SettingInfo::Type::Real) {
            differs("minimum", QString::number(info->realMinimum), QString::number(server.minimum.toDouble()));
            differs("maximum", QString::number(info->realMaximum), QString::number(server.maximum.toDouble()));
        } else if (info->type == SettingInfo::Type::Enum) {
            differs("enum values", sortedWords(info->enumValues.join(QLatin1Char(' '))).join(QLatin1Char(' ')),
                    sortedWords(server.enumValues).join(QLatin1Char(' ')));
        }
        // The default: as postgresql.conf.sample writes it, as the server boots
        // without a file, or as initdb wrote it (shared_buffers: sample 32MB up
        // to 14, boot 8MB, initdb 128MB). File locations have no fixed default.
        static const QStringList locations{QStringLiteral("data_directory"), QStringLiteral("hba_file"),
                                           QStringLiteral("ident_file"), QStringLiteral("config_file"),
                                           QStringLiteral("external_pid_file")};
        if (locations.contains(name))
            continue;
        auto sameValue = [&](const QString &expected) {
            if (info->defaultValue == expected)
                return true;
            switch (info->type) {
            case SettingInfo::Type::Integer: {
                const auto claimed = rules.integerInBaseUnit(name, info->defaultValue);
                const auto actual = rules.integerInBaseUnit(name, expected);
                return claimed && actual && *claimed == *actual;
            }
            case SettingInfo::Type::Bool: {
                const auto claimed = VersionRules::parseBool(info->defaultValue);
                return claimed && claimed == VersionRules::parseBool(expected);
            }
            case SettingInfo::Type::Real:
                return info->defaultValue.toDouble() == expected.toDouble();
            default:
                return false;
            }
        };
        if (!sameValue(sample.value(name, server.bootValue)) && !sameValue(server.bootValue) &&
            !sameValue(server.setting))
            differs("default", info->defaultValue, sample.value(name, server.bootValue));
    }
    QVERIFY2(described > 60, qPrintable(QStringLiteral("only %1 settings described for %2").arg(described).arg(major)));
    report(major, mismatches);
    QVERIFY2(mismatches.isEmpty(), qPrintable(QStringLiteral("PostgreSQL %1 disagrees with VersionRules in %2 ways "
                                                             "(each one above)")
                                                  .arg(major)
                                                  .arg(mismatches.size())));
}

void TestVersionRulesLive::namesOfOtherMajorsAreUnknown_data()
{
    addMajorRows();
}

void TestVersionRulesLive::namesOfOtherMajorsAreUnknown()
{
    QFETCH(int, major);
    SERVER_OR_SKIP(major);
    const VersionRules rules{PgVersion(major)};
    const auto own = serverSettings(major, live);
    QSet<QString> others;
    for (int other : PgBuilds::majors()) {
        QString otherSkip;
        if (LiveServer *otherLive = server(other, &otherSkip)) {
            for (const QString &name : serverSettings(other, otherLive).keys())
                others.insert(name);
        }
    }
    // recovery.conf's names up to 11 are not in pg_settings, and that is right.
    QStringList mismatches;
    for (const QString &name : std::as_const(others)) {
        if (own.contains(name))
            continue;
        const auto info = rules.setting(name);
        if (info && info->place == SettingInfo::Place::RecoveryConf && major <= 11)
            continue;
        if (rules.isKnownSetting(name) || info)
            mismatches << QStringLiteral("%1: VersionRules says it exists in %2, the server does not have it")
                              .arg(name)
                              .arg(major);
    }
    report(major, mismatches);
    QVERIFY2(mismatches.isEmpty(), qPrintable(QStringLiteral("PostgreSQL %1 disagrees with VersionRules in %2 ways "
                                                             "(each one above)")
                                                  .arg(major)
                                                  .arg(mismatches.size())));
}

void TestVersionRulesLive::replicationAnswersMatchServer_data()
{
    addMajorRows();
}

void TestVersionRulesLive::replicationAnswersMatchServer()
{
    QFETCH(int, major);
    SERVER_OR_SKIP(major);
    const VersionRules rules{PgVersion(major)};
    const auto settings = serverSettings(major, live);
    QStringList mismatches;
    auto check = [&](bool holds, const QString &what) {
        if (!holds)
            mismatches << what;
    };
    auto exists = [&](const QString &name) { return settings.contains(name); };
    auto boot = [&](const QString &name) { return settings.value(name).bootValue; };

    check(sortedWords(settings.value(QStringLiteral("wal_level")).enumValues).contains(rules.walLevelForReplication()),
          QStringLiteral("wal_level %1 is not one of the server's values").arg(rules.walLevelForReplication()));
    check(rules.defaultWalLevel() == boot(QStringLiteral("wal_level")),
          QStringLiteral("default wal_level %1, server %2")
              .arg(rules.defaultWalLevel(), boot(QStringLiteral("wal_level"))));
    check(QString::number(rules.defaultMaxWalSenders()) == boot(QStringLiteral("max_wal_senders")),
          QStringLiteral("default max_wal_senders %1").arg(rules.defaultMaxWalSenders()));
    check(QString::number(rules.defaultMaxReplicationSlots()) == boot(QStringLiteral("max_replication_slots")),
          QStringLiteral("default max_replication_slots %1").arg(rules.defaultMaxReplicationSlots()));
    check(rules.defaultHotStandby() == (boot(QStringLiteral("hot_standby")) == QLatin1String("on")),
          QStringLiteral("default hot_standby"));
    check(rules.hasReplicationSlots() == exists(QStringLiteral("max_replication_slots")), QStringLiteral("slots"));
    check(exists(rules.walKeepSetting()), QStringLiteral("%1 does not exist").arg(rules.walKeepSetting()));
    check((rules.walKeepUnit() == QLatin1String("MB")) ==
              (settings.value(rules.walKeepSetting()).unit == QLatin1String("MB")),
          QStringLiteral("unit of %1: %2").arg(rules.walKeepSetting(), rules.walKeepUnit()));
    check(!exists(rules.walKeepSetting() == QLatin1String("wal_keep_size") ? QStringLiteral("wal_keep_segments")
                                                                           : QStringLiteral("wal_keep_size")),
          QStringLiteral("both wal_keep settings exist"));
    check(rules.hasMaxSlotWalKeepSize() == exists(QStringLiteral("max_slot_wal_keep_size")),
          QStringLiteral("max_slot_wal_keep_size"));
    check(rules.hasArchiveLibrary() == exists(QStringLiteral("archive_library")), QStringLiteral("archive_library"));
    check(rules.hasArchiveModeAlways() ==
              settings.value(QStringLiteral("archive_mode")).enumValues.contains(QLatin1String("always")),
          QStringLiteral("archive_mode = always"));
    check(rules.hasClusterName() == exists(QStringLiteral("cluster_name")), QStringLiteral("cluster_name"));
    check(rules.hasWalLogHints() == exists(QStringLiteral("wal_log_hints")), QStringLiteral("wal_log_hints"));

    // Standby settings: server settings from 12, recovery.conf before.
    check((rules.recoveryKind() == VersionRules::RecoveryKind::SignalFile) ==
              exists(QStringLiteral("primary_conninfo")),
          QStringLiteral("recovery settings kind"));
    const QString trigger = rules.promoteTriggerSetting();
    if (major >= 12)
        check(trigger.isEmpty() ? !exists(QStringLiteral("promote_trigger_file")) : exists(trigger),
              QStringLiteral("promote trigger setting '%1'").arg(trigger));
    else
        check(trigger == QLatin1String("trigger_file") && !exists(trigger), QStringLiteral("trigger_file up to 11"));
    if (exists(QStringLiteral("primary_conninfo")))
        check(rules.primaryConninfoReloadable() ==
                  (settings.value(QStringLiteral("primary_conninfo")).context == QLatin1String("sighup")),
              QStringLiteral("primary_conninfo reloadable"));
    if (exists(QStringLiteral("recovery_target_timeline")))
        check(rules.defaultRecoveryTargetTimeline() == boot(QStringLiteral("recovery_target_timeline")),
              QStringLiteral("recovery_target_timeline default %1").arg(rules.defaultRecoveryTargetTimeline()));

    // Authentication.
    check(rules.hasScram() ==
              settings.value(QStringLiteral("password_encryption")).enumValues.contains(QLatin1String("scram-sha-256")),
          QStringLiteral("scram"));
    check(rules.defaultPasswordEncryption() == boot(QStringLiteral("password_encryption")),
          QStringLiteral("default password_encryption %1, server %2")
              .arg(rules.defaultPasswordEncryption(), boot(QStringLiteral("password_encryption"))));
    for (const QString &value : rules.synchronousCommitValues())
        check(sortedWords(settings.value(QStringLiteral("synchronous_commit")).enumValues).contains(value),
              QStringLiteral("synchronous_commit %1").arg(value));
    check(rules.md5Deprecated() == exists(QStringLiteral("md5_password_warnings")), QStringLiteral("md5 deprecation"));

    // Functions, views and columns the monitor, the plan and the clone use.
    auto one = [&](const QString &sql) { return live->query(sql).valueOr(QStringLiteral("?")); };
    auto hasFunction = [&](const QString &name) {
        return one(QStringLiteral("SELECT count(*) > 0 FROM pg_proc WHERE proname = '%1'").arg(name)) ==
               QLatin1String("t");
    };
    auto hasRelation = [&](const QString &name) {
        return one(QStringLiteral("SELECT to_regclass('pg_catalog.%1') IS NOT NULL").arg(name)) == QLatin1String("t");
    };
    auto hasColumn = [&](const QString &relation, const QString &column) {
        return one(QStringLiteral("SELECT count(*) > 0 FROM pg_attribute WHERE attrelid = 'pg_catalog.%1'::regclass "
                                  "AND attname = '%2'")
                       .arg(relation, column)) == QLatin1String("t");
    };
    for (const QString &function :
         {rules.currentWalLsnFunction(), rules.walLsnDiffFunction(), rules.lastWalReceiveLsnFunction(),
          rules.lastWalReplayLsnFunction(), rules.walReplayPauseFunction(), rules.walReplayResumeFunction(),
          rules.walFileNameFunction(), rules.backupStartFunction(), rules.backupStopFunction()})
        check(hasFunction(function), QStringLiteral("function %1 does not exist").arg(function));
    check(rules.hasPgPromote() == hasFunction(QStringLiteral("pg_promote")), QStringLiteral("pg_promote"));
    for (const QString &column :
         {rules.sentLsnColumn(), rules.writeLsnColumn(), rules.flushLsnColumn(), rules.replayLsnColumn()})
        check(hasColumn(QStringLiteral("pg_stat_replication"), column), QStringLiteral("column %1").arg(column));
    check(rules.hasLagColumns() == hasColumn(QStringLiteral("pg_stat_replication"), QStringLiteral("replay_lag")),
          QStringLiteral("lag columns"));
    check(rules.hasReplyTime() == hasColumn(QStringLiteral("pg_stat_replication"), QStringLiteral("reply_time")),
          QStringLiteral("reply_time"));
    check(rules.hasStatWalReceiver() == hasRelation(QStringLiteral("pg_stat_wal_receiver")),
          QStringLiteral("pg_stat_wal_receiver"));
    check(rules.hasStatArchiver() == hasRelation(QStringLiteral("pg_stat_archiver")),
          QStringLiteral("pg_stat_archiver"));
    check(rules.hasSlotWalStatus() == hasColumn(QStringLiteral("pg_replication_slots"), QStringLiteral("wal_status")),
          QStringLiteral("wal_status"));
    check(rules.hasSlotInactiveSince() ==
              hasColumn(QStringLiteral("pg_replication_slots"), QStringLiteral("inactive_since")),
          QStringLiteral("inactive_since"));
    check(rules.hasHbaFileRules() == hasRelation(QStringLiteral("pg_hba_file_rules")),
          QStringLiteral("pg_hba_file_rules"));
    check(rules.hasFileSettings() == hasRelation(QStringLiteral("pg_file_settings")),
          QStringLiteral("pg_file_settings"));
    check(rules.hasPendingRestart() == hasColumn(QStringLiteral("pg_settings"), QStringLiteral("pending_restart")),
          QStringLiteral("pending_restart"));
    if (major >= 17) // pg_wait_events lists them from 17
        check(rules.hasSyncRepWaitEvent() ==
                  (one(QStringLiteral("SELECT count(*) > 0 FROM pg_wait_events WHERE name = 'SyncRep'")) ==
                   QLatin1String("t")),
              QStringLiteral("SyncRep wait event"));
    check(rules.dataChecksumsByDefault() == (one(QStringLiteral("SHOW data_checksums")) == QLatin1String("on")),
          QStringLiteral("data checksums after a plain initdb"));

    report(major, mismatches);
    QVERIFY2(mismatches.isEmpty(), qPrintable(QStringLiteral("PostgreSQL %1 disagrees with VersionRules in %2 ways "
                                                             "(each one above)")
                                                  .arg(major)
                                                  .arg(mismatches.size())));
}

void TestVersionRulesLive::validateSettingAgreesWithServer_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    const QList<QPair<QString, QString>> cases = {
        {QStringLiteral("wal_level"), QStringLiteral("replica")},
        {QStringLiteral("wal_level"), QStringLiteral("hot_standby")},
        {QStringLiteral("wal_level"), QStringLiteral("archive")},
        {QStringLiteral("wal_level"), QStringLiteral("REPLICA")},
        {QStringLiteral("wal_level"), QStringLiteral("full")},
        {QStringLiteral("hot_standby"), QStringLiteral("on")},
        {QStringLiteral("hot_standby"), QStringLiteral("TRUE")},
        {QStringLiteral("hot_standby"), QStringLiteral("ye")},
        {QStringLiteral("hot_standby"), QStringLiteral("o")},
        {QStringLiteral("hot_standby"), QStringLiteral("1")},
        {QStringLiteral("hot_standby"), QStringLiteral("2")},
        {QStringLiteral("max_wal_senders"), QStringLiteral("10")},
        {QStringLiteral("max_wal_senders"), QStringLiteral("-1")},
        {QStringLiteral("max_wal_senders"), QStringLiteral("ten")},
        {QStringLiteral("max_replication_slots"), QStringLiteral("10")},
        {QStringLiteral("wal_keep_segments"), QStringLiteral("64")},
        {QStringLiteral("wal_keep_size"), QStringLiteral("1GB")},
        {QStringLiteral("wal_keep_size"), QStringLiteral("512")},
        {QStringLiteral("wal_keep_size"), QStringLiteral("1 GB")},
        {QStringLiteral("wal_keep_size"), QStringLiteral("1gb")},
        {QStringLiteral("wal_keep_size"), QStringLiteral("1.5GB")},
        {QStringLiteral("max_slot_wal_keep_size"), QStringLiteral("10GB")},
        {QStringLiteral("max_slot_wal_keep_size"), QStringLiteral("-1")},
        {QStringLiteral("max_slot_wal_keep_size"), QStringLiteral("-2")},
        {QStringLiteral("shared_buffers"), QStringLiteral("128MB")},
        {QStringLiteral("shared_buffers"), QStringLiteral("1024kB")},
        {QStringLiteral("shared_buffers"), QStringLiteral("100kB")},
        {QStringLiteral("shared_buffers"), QStringLiteral("131072B")},
        {QStringLiteral("wal_sender_timeout"), QStringLiteral("60s")},
        {QStringLiteral("wal_sender_timeout"), QStringLiteral("1min")},
        {QStringLiteral("wal_sender_timeout"), QStringLiteral("500us")},
        {QStringLiteral("wal_sender_timeout"), QStringLiteral("1 h")},
        {QStringLiteral("archive_mode"), QStringLiteral("always")},
        {QStringLiteral("archive_mode"), QStringLiteral("on")},
        {QStringLiteral("archive_mode"), QStringLiteral("yes")},
        {QStringLiteral("archive_mode"), QStringLiteral("sometimes")},
        {QStringLiteral("archive_library"), QStringLiteral("basic_archive")},
        {QStringLiteral("synchronous_commit"), QStringLiteral("remote_apply")},
        {QStringLiteral("synchronous_commit"), QStringLiteral("remote_write")},
        {QStringLiteral("synchronous_commit"), QStringLiteral("true")},
        {QStringLiteral("password_encryption"), QStringLiteral("scram-sha-256")},
        {QStringLiteral("password_encryption"), QStringLiteral("md5")},
        {QStringLiteral("password_encryption"), QStringLiteral("on")},
        {QStringLiteral("promote_trigger_file"), QStringLiteral("/tmp/promote")},
        {QStringLiteral("primary_slot_name"), QStringLiteral("standby1")},
        {QStringLiteral("recovery_target_timeline"), QStringLiteral("latest")},
        {QStringLiteral("checkpoint_completion_target"), QStringLiteral("0.9")},
        {QStringLiteral("checkpoint_completion_target"), QStringLiteral("1.5")},
        {QStringLiteral("listen_addresses"), QStringLiteral("*")},
        {QStringLiteral("wal_keep_segments"), QStringLiteral("1GB")},
        {QStringLiteral("no_such_setting"), QStringLiteral("1")},
    };
    for (int major : PgBuilds::majors()) {
        for (const auto &[name, value] : cases)
            QTest::addRow("%d %s=%s", major, qPrintable(name), qPrintable(value)) << major << name << value;
    }
}

void TestVersionRulesLive::validateSettingAgreesWithServer()
{
    QFETCH(int, major);
    QFETCH(QString, name);
    QFETCH(QString, value);
    SERVER_OR_SKIP(major);
    const VersionRules rules{PgVersion(major)};
    if (const auto info = rules.setting(name); info && info->place == SettingInfo::Place::RecoveryConf)
        QSKIP("A recovery.conf setting up to 11: postgresql.conf is not its place; the matrix's standbys check it.");
    const auto claimed = rules.validateSetting(name, value);
    const auto judged = postgresC(live, confLine(name, value), name);
    QVERIFY2(judged.first >= 0, qPrintable(judged.second));
    const bool accepted = judged.first == 0;
    QVERIFY2(claimed.ok() == accepted,
             qPrintable(QStringLiteral("PostgreSQL %1, %2 = '%3': VersionRules %4 (%5), the server %6 (%7)")
                            .arg(major)
                            .arg(name, value, claimed ? QStringLiteral("accepts") : QStringLiteral("refuses"),
                                 claimed ? QString() : claimed.error().message,
                                 accepted ? QStringLiteral("accepts") : QStringLiteral("refuses"), judged.second)));
    if (!claimed.ok()) {
        // The message names the setting and the value, as the contract says.
        QVERIFY2(claimed.error().message.contains(name), qPrintable(claimed.error().message));
    }
    // Where both accept an integer, they agree on its value in the base unit.
    const auto info = rules.setting(name);
    if (accepted && info && info->type == SettingInfo::Type::Integer) {
        const auto base = rules.integerInBaseUnit(name, value);
        QVERIFY2(base && QString::number(*base) == judged.second,
                 qPrintable(
                     QStringLiteral("PostgreSQL %1, %2 = '%3': VersionRules reads %4, the server %5")
                         .arg(major)
                         .arg(name, value, base ? QString::number(*base) : QStringLiteral("nothing"), judged.second)));
    }
}

void TestVersionRulesLive::replicationEditsAccepted_data()
{
    addMajorRows();
}

void TestVersionRulesLive::replicationEditsAccepted()
{
    QFETCH(int, major);
    SERVER_OR_SKIP(major);
    const VersionRules rules{PgVersion(major)};

    // What a replication setup writes into the primary's (and from 12 the
    // standby's) postgresql.conf, as VersionRules renders it for this major.
    QList<QPair<QString, QString>> edits = {
        {QStringLiteral("listen_addresses"), QStringLiteral("*")},
        {QStringLiteral("wal_level"), rules.walLevelForReplication()},
        {QStringLiteral("max_wal_senders"), QStringLiteral("10")},
        {QStringLiteral("max_replication_slots"), QStringLiteral("10")},
        {rules.walKeepSetting(), rules.walKeepValue(1024)},
        {QStringLiteral("archive_mode"), QStringLiteral("on")},
        {QStringLiteral("archive_command"),
         QStringLiteral("test ! -f '/var/lib/postgresql/archive/%f' && cp '%p' '/var/lib/postgresql/archive/%f'")},
        {QStringLiteral("hot_standby"), QStringLiteral("on")},
        {QStringLiteral("password_encryption"), rules.preferredPasswordMethod()},
        {QStringLiteral("synchronous_commit"), QStringLiteral("on")},
        {QStringLiteral("synchronous_standby_names"), rules.renderSyncStandbyNames({QStringLiteral("standby1")})},
    };
    if (rules.hasMaxSlotWalKeepSize())
        edits.append({QStringLiteral("max_slot_wal_keep_size"), QStringLiteral("10GB")});
    if (rules.canRenderSyncStandbyNames(2, VersionRules::SyncMethod::Any))
        edits.append({QStringLiteral("synchronous_standby_names"),
                      rules.renderSyncStandbyNames({QStringLiteral("standby1"), QStringLiteral("standby-2")}, 2,
                                                   VersionRules::SyncMethod::Any)});
    if (!rules.usesRecoveryConf()) {
        edits.append({QStringLiteral("primary_conninfo"),
                      QStringLiteral("host=198.18.1.1 port=5432 user=replicator application_name=standby1")});
        edits.append({QStringLiteral("primary_slot_name"), QStringLiteral("standby1")});
        if (!rules.promoteTriggerSetting().isEmpty())
            edits.append({rules.promoteTriggerSetting(), QStringLiteral("/var/lib/postgresql/promote")});
    }

    QFile original(live->dataDir() + QStringLiteral("/postgresql.conf"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    // The edits through ConfFile, as the plan makes them, on initdb's own file.
    auto conf = ConfFile::parse(original.readAll(), original.fileName());
    QVERIFY2(conf, qPrintable(conf ? QString() : conf.error().fullText()));
    QStringList mismatches;
    for (const auto &[name, value] : edits) {
        if (auto valid = rules.validateSetting(name, value); !valid)
            mismatches
                << QStringLiteral("VersionRules refuses its own %1 = '%2': %3").arg(name, value, valid.error().message);
        if (auto set = conf->set(name, value, rules); !set)
            mismatches << QStringLiteral("ConfFile refuses %1 = '%2': %3").arg(name, value, set.error().message);
        // Each value alone, read back by the server as it will run with it.
        const auto judged = postgresC(live, confLine(name, value), name);
        if (judged.first != 0) {
            mismatches << QStringLiteral("%1 = '%2' refused: %3").arg(name, value, judged.second);
            continue;
        }
        const auto info = rules.setting(name);
        QString expected = value;
        if (info && info->type == SettingInfo::Type::Integer)
            expected = QString::number(rules.integerInBaseUnit(name, value).value_or(-1));
        else if (name == QLatin1String("wal_level") && value == QLatin1String("hot_standby") && major >= 10)
            expected = QStringLiteral("replica");
        if (judged.second != expected)
            mismatches << QStringLiteral("%1 = '%2' reads back as '%3', expected '%4'")
                              .arg(name, value, judged.second, expected);
    }
    // The whole file as one, as the server will read it at the restart; the last
    // value of each name is the one that counts.
    const QByteArray text = conf->render();
    for (const auto &[name, value] : edits) {
        const auto whole = postgresC(live, text, name);
        const auto alone = postgresC(live, confLine(name, conf->value(name).value_or(QString())), name);
        if (whole.first != 0)
            mismatches << QStringLiteral("the edited postgresql.conf is refused: %1").arg(whole.second);
        else if (whole.second != alone.second)
            mismatches << QStringLiteral("%1 in the edited file reads '%2', ConfFile says '%3'")
                              .arg(name, whole.second, alone.second);
    }

    // pg_file_settings of the running server, on the edited file in place.
    original.seek(0);
    const QByteArray untouched = original.readAll();
    QVERIFY(live->writeServerFile(original.fileName(), text));
    auto errors = live->query(QStringLiteral("SELECT string_agg(coalesce(name, '?') || ': ' || error, '; ') "
                                             "FROM pg_file_settings WHERE error IS NOT NULL"));
    QVERIFY(live->writeServerFile(original.fileName(), untouched));
    QVERIFY2(errors, qPrintable(errors ? QString() : errors.error().fullText()));
    // A changed setting that needs a restart shows "setting could not be
    // applied" on the running server: right for exactly those.
    for (const QString &error : errors->split(QStringLiteral("; "), Qt::SkipEmptyParts)) {
        const QString name = error.section(QLatin1Char(':'), 0, 0);
        if (!(error.endsWith(QLatin1String("setting could not be applied")) && rules.needsRestart(name)))
            mismatches << QStringLiteral("pg_file_settings: %1").arg(error);
    }

    report(major, mismatches);
    QVERIFY2(mismatches.isEmpty(), qPrintable(QStringLiteral("PostgreSQL %1 refused %2 replication edits "
                                                             "(each one above)")
                                                  .arg(major)
                                                  .arg(mismatches.size())));
}

void TestVersionRulesLive::hbaEditsAccepted_data()
{
    addMajorRows();
}

void TestVersionRulesLive::hbaEditsAccepted()
{
    QFETCH(int, major);
    SERVER_OR_SKIP(major);
    const VersionRules rules{PgVersion(major)};
    QVERIFY(rules.hasHbaFileRules());
    const QString hbaPath = live->dataDir() + QStringLiteral("/pg_hba.conf");
    QFile hba(hbaPath);
    QVERIFY(hba.open(QIODevice::ReadOnly));
    const QByteArray original = hba.readAll();
    hba.close();

    // The replication line for the standby's own address, with the best method
    // the major has, added by HbaFile as the plan adds it.
    const QString method = rules.preferredPasswordMethod();
    HbaRule rule;
    rule.type = QStringLiteral("host");
    rule.databases = {QStringLiteral("replication")};
    rule.users = {QStringLiteral("replicator")};
    rule.address = QStringLiteral("198.18.1.2/32");
    rule.method = method;
    auto file = HbaFile::parse(original, hbaPath, PgVersion(major));
    QVERIFY2(file, qPrintable(file ? QString() : file.error().fullText()));
    auto added = file->addRule(rule);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().fullText()));
    const QByteArray line = (HbaFile::formatRule(rule) + QLatin1Char('\n')).toUtf8();
    QVERIFY(live->writeServerFile(hbaPath, file->render()));
    auto found = live->rows(QStringLiteral("SELECT coalesce(error, ''), type, array_to_string(database, ','), "
                                           "array_to_string(user_name, ','), coalesce(address, ''), "
                                           "coalesce(netmask, ''), coalesce(auth_method, '') FROM pg_hba_file_rules"));
    QVERIFY2(found, qPrintable(found ? QString() : found.error().fullText()));
    QStringList errors;
    bool seen = false;
    for (const QStringList &row : *found) {
        if (!row.at(0).isEmpty())
            errors << row.at(0);
        if (row.value(2) == QLatin1String("replication") && row.value(3) == QLatin1String("replicator") &&
            row.value(4) == QLatin1String("198.18.1.2") && row.value(5) == QLatin1String("255.255.255.255") &&
            row.value(6) == method)
            seen = true;
    }
    QVERIFY2(
        errors.isEmpty(),
        qPrintable(QStringLiteral("PostgreSQL %1, pg_hba.conf: %2").arg(major).arg(errors.join(QStringLiteral("; ")))));
    QVERIFY2(
        seen,
        qPrintable(QStringLiteral("PostgreSQL %1: the replication line is not among pg_hba_file_rules").arg(major)));

    // include lines: 16+ reads the included file's rules; before, the line is an error.
    QVERIFY(live->writeServerFile(live->dataDir() + QStringLiteral("/replica_studio_hba.conf"), line));
    QVERIFY(live->writeServerFile(hbaPath, original + "include replica_studio_hba.conf\n"));
    auto included =
        live->query(QStringLiteral("SELECT count(*) FILTER (WHERE error IS NOT NULL) || ' ' || "
                                   "count(*) FILTER (WHERE address = '198.18.1.2') FROM pg_hba_file_rules"));
    QVERIFY(live->writeServerFile(hbaPath, original));
    QVERIFY2(included, qPrintable(included ? QString() : included.error().fullText()));
    const bool serverReadsInclude = *included == QLatin1String("0 1");
    QVERIFY2(
        rules.hasHbaInclude() == serverReadsInclude,
        qPrintable(
            QStringLiteral("PostgreSQL %1: VersionRules says hba include %2, the server's rules: %3 (errors, matches)")
                .arg(major)
                .arg(rules.hasHbaInclude() ? QStringLiteral("works") : QStringLiteral("does not exist"), *included)));
}

QTEST_GUILESS_MAIN(TestVersionRulesLive)
#include "test_version_rules_live.moc"
