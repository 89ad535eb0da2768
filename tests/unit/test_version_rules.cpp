#include "core/version/version_rules.h"

#include <QtTest/QTest>

#include <functional>
#include <map>

// VersionRules against ../shared/pg-versions.md: one row per major and fact,
// so a wrong answer names the fact and the version that broke.
class TestVersionRules : public QObject
{
    Q_OBJECT

private slots:
    void facts_data();
    void facts();
    void validateSetting_data();
    void validateSetting();
    void integerInBaseUnit_data();
    void integerInBaseUnit();
    void parseBool_data();
    void parseBool();
    void renderSyncStandbyNames_data();
    void renderSyncStandbyNames();
    void errorNamesSettingValueAndAllowed();
    void everySupportedMajorDescribesTheReplicationSettings();
};

namespace {

QString yesNo(bool b)
{
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}

// Each fact of pg-versions.md as a string, so one table can hold them all.
const std::map<QString, std::function<QString(const VersionRules &)>> &factReaders()
{
    static const std::map<QString, std::function<QString(const VersionRules &)>> readers{
        {QStringLiteral("walLevelForReplication"), [](const VersionRules &r) { return r.walLevelForReplication(); }},
        {QStringLiteral("walLevelValues"),
         [](const VersionRules &r) { return r.walLevelValues().join(QLatin1Char(' ')); }},
        {QStringLiteral("defaultWalLevel"), [](const VersionRules &r) { return r.defaultWalLevel(); }},
        {QStringLiteral("defaultMaxWalSenders"),
         [](const VersionRules &r) { return QString::number(r.defaultMaxWalSenders()); }},
        {QStringLiteral("defaultMaxReplicationSlots"),
         [](const VersionRules &r) { return QString::number(r.defaultMaxReplicationSlots()); }},
        {QStringLiteral("defaultHotStandby"), [](const VersionRules &r) { return yesNo(r.defaultHotStandby()); }},
        {QStringLiteral("hasReplicationSlots"), [](const VersionRules &r) { return yesNo(r.hasReplicationSlots()); }},
        {QStringLiteral("walKeepSetting"),
         [](const VersionRules &r) { return r.walKeepSetting() + QLatin1Char(' ') + r.walKeepUnit(); }},
        {QStringLiteral("walKeepValue(1024MB)"), [](const VersionRules &r) { return r.walKeepValue(1024); }},
        {QStringLiteral("hasMaxSlotWalKeepSize"),
         [](const VersionRules &r) { return yesNo(r.hasMaxSlotWalKeepSize()); }},
        {QStringLiteral("hasArchiveLibrary"), [](const VersionRules &r) { return yesNo(r.hasArchiveLibrary()); }},
        {QStringLiteral("hasArchiveModeAlways"), [](const VersionRules &r) { return yesNo(r.hasArchiveModeAlways()); }},
        {QStringLiteral("recoveryKind"),
         [](const VersionRules &r) {
             return r.usesRecoveryConf() ? QStringLiteral("recovery.conf") : QStringLiteral("standby.signal");
         }},
        {QStringLiteral("promoteTriggerSetting"), [](const VersionRules &r) { return r.promoteTriggerSetting(); }},
        {QStringLiteral("hasPgPromote"), [](const VersionRules &r) { return yesNo(r.hasPgPromote()); }},
        {QStringLiteral("primaryConninfoReloadable"),
         [](const VersionRules &r) { return yesNo(r.primaryConninfoReloadable()); }},
        {QStringLiteral("hasScram"), [](const VersionRules &r) { return yesNo(r.hasScram()); }},
        {QStringLiteral("defaultPasswordEncryption"),
         [](const VersionRules &r) { return r.defaultPasswordEncryption(); }},
        {QStringLiteral("syncStateValues"),
         [](const VersionRules &r) { return r.syncStateValues().join(QLatin1Char(' ')); }},
        {QStringLiteral("synchronousCommitValues"),
         [](const VersionRules &r) { return r.synchronousCommitValues().join(QLatin1Char(' ')); }},
        {QStringLiteral("hasSyncRepWaitEvent"), [](const VersionRules &r) { return yesNo(r.hasSyncRepWaitEvent()); }},
        {QStringLiteral("currentWalLsnFunction"), [](const VersionRules &r) { return r.currentWalLsnFunction(); }},
        {QStringLiteral("walLsnDiffFunction"), [](const VersionRules &r) { return r.walLsnDiffFunction(); }},
        {QStringLiteral("lastWalReceiveLsnFunction"),
         [](const VersionRules &r) { return r.lastWalReceiveLsnFunction(); }},
        {QStringLiteral("lastWalReplayLsnFunction"),
         [](const VersionRules &r) { return r.lastWalReplayLsnFunction(); }},
        {QStringLiteral("walReplayPauseFunction"),
         [](const VersionRules &r) {
             return r.walReplayPauseFunction() + QLatin1Char(' ') + r.walReplayResumeFunction();
         }},
        {QStringLiteral("lsnColumns"),
         [](const VersionRules &r) {
             return QStringList{r.sentLsnColumn(), r.writeLsnColumn(), r.flushLsnColumn(), r.replayLsnColumn()}.join(
                 QLatin1Char(' '));
         }},
        {QStringLiteral("hasLagColumns"), [](const VersionRules &r) { return yesNo(r.hasLagColumns()); }},
        {QStringLiteral("hasReplyTime"), [](const VersionRules &r) { return yesNo(r.hasReplyTime()); }},
        {QStringLiteral("hasStatWalReceiver"), [](const VersionRules &r) { return yesNo(r.hasStatWalReceiver()); }},
        {QStringLiteral("hasStatArchiver"), [](const VersionRules &r) { return yesNo(r.hasStatArchiver()); }},
        {QStringLiteral("hasSlotWalStatus"), [](const VersionRules &r) { return yesNo(r.hasSlotWalStatus()); }},
        {QStringLiteral("hasSlotInactiveSince"), [](const VersionRules &r) { return yesNo(r.hasSlotInactiveSince()); }},
        {QStringLiteral("hasHbaFileRules"), [](const VersionRules &r) { return yesNo(r.hasHbaFileRules()); }},
        {QStringLiteral("hasFileSettings"), [](const VersionRules &r) { return yesNo(r.hasFileSettings()); }},
        {QStringLiteral("hasPendingRestart"), [](const VersionRules &r) { return yesNo(r.hasPendingRestart()); }},
        {QStringLiteral("hasHbaInclude"), [](const VersionRules &r) { return yesNo(r.hasHbaInclude()); }},
        {QStringLiteral("basebackupHasSlotOption"),
         [](const VersionRules &r) { return yesNo(r.basebackupHasSlotOption()); }},
        {QStringLiteral("basebackupCanCreateSlot"),
         [](const VersionRules &r) { return yesNo(r.basebackupCanCreateSlot()); }},
        {QStringLiteral("basebackupStreamsByDefault"),
         [](const VersionRules &r) { return yesNo(r.basebackupStreamsByDefault()); }},
        {QStringLiteral("dataChecksumsByDefault"),
         [](const VersionRules &r) { return yesNo(r.dataChecksumsByDefault()); }},
        {QStringLiteral("backupFunctions"),
         [](const VersionRules &r) { return r.backupStartFunction() + QLatin1Char(' ') + r.backupStopFunction(); }},
        {QStringLiteral("hasNonExclusiveBackup"),
         [](const VersionRules &r) { return yesNo(r.hasNonExclusiveBackup()); }},
        {QStringLiteral("md5Deprecated"), [](const VersionRules &r) { return yesNo(r.md5Deprecated()); }},
        {QStringLiteral("needsRestart(hot_standby)"),
         [](const VersionRules &r) { return yesNo(r.needsRestart(QStringLiteral("hot_standby"))); }},
        {QStringLiteral("needsRestart(primary_conninfo)"),
         [](const VersionRules &r) { return yesNo(r.needsRestart(QStringLiteral("primary_conninfo"))); }},
        {QStringLiteral("needsRestart(synchronous_standby_names)"),
         [](const VersionRules &r) { return yesNo(r.needsRestart(QStringLiteral("synchronous_standby_names"))); }},
        {QStringLiteral("needsRestart(archive_command)"),
         [](const VersionRules &r) { return yesNo(r.needsRestart(QStringLiteral("archive_command"))); }},
        {QStringLiteral("needsRestart(wal_level,max_wal_senders,archive_mode,listen_addresses)"),
         [](const VersionRules &r) {
             return yesNo(
                 r.needsRestart(QStringLiteral("wal_level")) && r.needsRestart(QStringLiteral("max_wal_senders")) &&
                 r.needsRestart(QStringLiteral("archive_mode")) && r.needsRestart(QStringLiteral("listen_addresses")));
         }},
        {QStringLiteral("needsRestart(max_replication_slots)"),
         [](const VersionRules &r) { return yesNo(r.needsRestart(QStringLiteral("max_replication_slots"))); }},
        {QStringLiteral("knows(wal_keep_segments)"),
         [](const VersionRules &r) { return yesNo(r.isKnownSetting(QStringLiteral("wal_keep_segments"))); }},
        {QStringLiteral("knows(wal_keep_size)"),
         [](const VersionRules &r) { return yesNo(r.isKnownSetting(QStringLiteral("wal_keep_size"))); }},
        {QStringLiteral("knows(archive_library)"),
         [](const VersionRules &r) { return yesNo(r.isKnownSetting(QStringLiteral("archive_library"))); }},
        {QStringLiteral("knows(promote_trigger_file)"),
         [](const VersionRules &r) { return yesNo(r.isKnownSetting(QStringLiteral("promote_trigger_file"))); }},
        {QStringLiteral("knows(max_replication_slots)"),
         [](const VersionRules &r) { return yesNo(r.isKnownSetting(QStringLiteral("max_replication_slots"))); }},
        {QStringLiteral("primary_conninfo place"),
         [](const VersionRules &r) {
             return r.setting(QStringLiteral("primary_conninfo"))->place == SettingInfo::Place::RecoveryConf
                        ? QStringLiteral("recovery.conf")
                        : QStringLiteral("postgresql.conf");
         }},
    };
    return readers;
}

struct FactRow
{
    const char *fact;
    QList<std::pair<QList<PgVersion>, const char *>> eras;
};

QList<PgVersion> majors(int fromNumber, int toNumber)
{
    QList<PgVersion> list;
    for (const PgVersion &v : VersionRules::supportedMajors()) {
        if (v.majorNumber() >= fromNumber && v.majorNumber() <= toNumber)
            list << v;
    }
    return list;
}

} // namespace

void TestVersionRules::facts_data()
{
    QTest::addColumn<QString>("fact");
    QTest::addColumn<PgVersion>("version");
    QTest::addColumn<QString>("expected");

    // Rows of pg-versions.md, era by era: {first major, last major, expected answer}.
    struct Era
    {
        int from;
        int to;
        const char *expected;
    };
    const std::vector<std::pair<const char *, std::vector<Era>>> table{
        {"walLevelForReplication", {{903, 905, "hot_standby"}, {906, 1800, "replica"}}},
        {"walLevelValues",
         {{903, 903, "minimal archive hot_standby"},
          {904, 905, "minimal archive hot_standby logical"},
          {906, 1800, "minimal replica logical"}}},
        {"defaultWalLevel", {{903, 906, "minimal"}, {1000, 1800, "replica"}}},
        {"defaultMaxWalSenders", {{903, 906, "0"}, {1000, 1800, "10"}}},
        {"defaultMaxReplicationSlots", {{903, 906, "0"}, {1000, 1800, "10"}}},
        {"defaultHotStandby", {{903, 906, "no"}, {1000, 1800, "yes"}}},
        {"hasReplicationSlots", {{903, 903, "no"}, {904, 1800, "yes"}}},
        {"walKeepSetting", {{903, 1200, "wal_keep_segments segments"}, {1300, 1800, "wal_keep_size MB"}}},
        {"walKeepValue(1024MB)", {{903, 1200, "64"}, {1300, 1800, "1024MB"}}},
        {"hasMaxSlotWalKeepSize", {{903, 1200, "no"}, {1300, 1800, "yes"}}},
        {"hasArchiveLibrary", {{903, 1400, "no"}, {1500, 1800, "yes"}}},
        // pg-versions.md puts archive_mode = always at 9.6; the 9.5 documentation and release notes have it.
        {"hasArchiveModeAlways", {{903, 904, "no"}, {905, 1800, "yes"}}},
        {"recoveryKind", {{903, 1100, "recovery.conf"}, {1200, 1800, "standby.signal"}}},
        {"promoteTriggerSetting",
         {{903, 1100, "trigger_file"}, {1200, 1500, "promote_trigger_file"}, {1600, 1800, ""}}},
        {"hasPgPromote", {{903, 1100, "no"}, {1200, 1800, "yes"}}},
        {"primaryConninfoReloadable", {{903, 1200, "no"}, {1300, 1800, "yes"}}},
        {"primary_conninfo place", {{903, 1100, "recovery.conf"}, {1200, 1800, "postgresql.conf"}}},
        {"hasScram", {{903, 906, "no"}, {1000, 1800, "yes"}}},
        {"defaultPasswordEncryption", {{903, 906, "on"}, {1000, 1300, "md5"}, {1400, 1800, "scram-sha-256"}}},
        {"syncStateValues", {{903, 906, "async potential sync"}, {1000, 1800, "async potential sync quorum"}}},
        {"synchronousCommitValues",
         {{903, 905, "local remote_write on off"}, {906, 1800, "local remote_write remote_apply on off"}}},
        {"hasSyncRepWaitEvent", {{903, 906, "no"}, {1000, 1800, "yes"}}},
        {"currentWalLsnFunction", {{903, 906, "pg_current_xlog_location"}, {1000, 1800, "pg_current_wal_lsn"}}},
        {"walLsnDiffFunction", {{903, 906, "pg_xlog_location_diff"}, {1000, 1800, "pg_wal_lsn_diff"}}},
        {"lastWalReceiveLsnFunction",
         {{903, 906, "pg_last_xlog_receive_location"}, {1000, 1800, "pg_last_wal_receive_lsn"}}},
        {"lastWalReplayLsnFunction",
         {{903, 906, "pg_last_xlog_replay_location"}, {1000, 1800, "pg_last_wal_replay_lsn"}}},
        {"walReplayPauseFunction",
         {{903, 906, "pg_xlog_replay_pause pg_xlog_replay_resume"},
          {1000, 1800, "pg_wal_replay_pause pg_wal_replay_resume"}}},
        {"lsnColumns",
         {{903, 906, "sent_location write_location flush_location replay_location"},
          {1000, 1800, "sent_lsn write_lsn flush_lsn replay_lsn"}}},
        {"hasLagColumns", {{903, 906, "no"}, {1000, 1800, "yes"}}},
        {"hasReplyTime", {{903, 1100, "no"}, {1200, 1800, "yes"}}},
        {"hasStatWalReceiver", {{903, 905, "no"}, {906, 1800, "yes"}}},
        {"hasStatArchiver", {{903, 903, "no"}, {904, 1800, "yes"}}},
        {"hasSlotWalStatus", {{903, 1200, "no"}, {1300, 1800, "yes"}}},
        {"hasSlotInactiveSince", {{903, 1600, "no"}, {1700, 1800, "yes"}}},
        {"hasHbaFileRules", {{903, 906, "no"}, {1000, 1800, "yes"}}},
        {"hasFileSettings", {{903, 904, "no"}, {905, 1800, "yes"}}},
        {"hasPendingRestart", {{903, 904, "no"}, {905, 1800, "yes"}}},
        {"hasHbaInclude", {{903, 1500, "no"}, {1600, 1800, "yes"}}},
        {"basebackupHasSlotOption", {{903, 905, "no"}, {906, 1800, "yes"}}},
        {"basebackupCanCreateSlot", {{903, 1000, "no"}, {1100, 1800, "yes"}}},
        {"basebackupStreamsByDefault", {{903, 906, "no"}, {1000, 1800, "yes"}}},
        {"dataChecksumsByDefault", {{903, 1700, "no"}, {1800, 1800, "yes"}}},
        {"backupFunctions",
         {{903, 1400, "pg_start_backup pg_stop_backup"}, {1500, 1800, "pg_backup_start pg_backup_stop"}}},
        {"hasNonExclusiveBackup", {{903, 905, "no"}, {906, 1800, "yes"}}},
        {"md5Deprecated", {{903, 1700, "no"}, {1800, 1800, "yes"}}},
        {"needsRestart(hot_standby)", {{903, 1800, "yes"}}},
        {"needsRestart(wal_level,max_wal_senders,archive_mode,listen_addresses)", {{903, 1800, "yes"}}},
        {"needsRestart(max_replication_slots)", {{904, 1800, "yes"}}},
        {"needsRestart(synchronous_standby_names)", {{903, 1800, "no"}}},
        {"needsRestart(archive_command)", {{903, 1800, "no"}}},
        {"needsRestart(primary_conninfo)", {{903, 1200, "yes"}, {1300, 1800, "no"}}},
        {"knows(wal_keep_segments)", {{903, 1200, "yes"}, {1300, 1800, "no"}}},
        {"knows(wal_keep_size)", {{903, 1200, "no"}, {1300, 1800, "yes"}}},
        {"knows(archive_library)", {{903, 1400, "no"}, {1500, 1800, "yes"}}},
        {"knows(promote_trigger_file)", {{903, 1100, "no"}, {1200, 1500, "yes"}, {1600, 1800, "no"}}},
        {"knows(max_replication_slots)", {{903, 903, "no"}, {904, 1800, "yes"}}},
    };
    for (const auto &[fact, eras] : table) {
        QVERIFY2(factReaders().count(QString::fromLatin1(fact)), fact);
        for (const Era &era : eras) {
            for (const PgVersion &version : majors(era.from, era.to)) {
                QTest::addRow("%s %s", fact, qPrintable(version.majorString()))
                    << QString::fromLatin1(fact) << version << QString::fromLatin1(era.expected);
            }
        }
    }
}

void TestVersionRules::facts()
{
    QFETCH(QString, fact);
    QFETCH(PgVersion, version);
    QFETCH(QString, expected);
    const VersionRules rules(version);
    QCOMPARE(factReaders().at(fact)(rules), expected);
}

void TestVersionRules::validateSetting_data()
{
    QTest::addColumn<PgVersion>("version");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    const PgVersion v93(9, 3), v94(9, 4), v95(9, 5), v96(9, 6), v10(10), v11(11), v12(12), v13(13), v14(14), v15(15),
        v16(16), v18(18);
    QTest::addRow("9.3 wal_level hot_standby") << v93 << "wal_level"
                                               << "hot_standby" << true;
    QTest::addRow("9.3 wal_level archive") << v93 << "wal_level"
                                           << "archive" << true;
    QTest::addRow("9.3 wal_level logical") << v93 << "wal_level"
                                           << "logical" << false;
    QTest::addRow("9.4 wal_level logical") << v94 << "wal_level"
                                           << "logical" << true;
    QTest::addRow("9.5 wal_level replica") << v95 << "wal_level"
                                           << "replica" << false;
    QTest::addRow("9.6 wal_level replica") << v96 << "wal_level"
                                           << "replica" << true;
    QTest::addRow("9.6 wal_level hot_standby alias") << v96 << "wal_level"
                                                     << "hot_standby" << true;
    QTest::addRow("15 wal_level archive alias") << v15 << "wal_level"
                                                << "archive" << true;
    QTest::addRow("15 wal_level case") << v15 << "wal_level"
                                       << "REPLICA" << true;
    QTest::addRow("15 wal_level bogus") << v15 << "wal_level"
                                        << "full" << false;
    QTest::addRow("15 bool on") << v15 << "hot_standby"
                                << "on" << true;
    QTest::addRow("15 bool OFF") << v15 << "hot_standby"
                                 << "OFF" << true;
    QTest::addRow("15 bool t") << v15 << "hot_standby"
                               << "t" << true;
    QTest::addRow("15 bool tru") << v15 << "hot_standby"
                                 << "tru" << true;
    QTest::addRow("15 bool Yes") << v15 << "hot_standby"
                                 << "Yes" << true;
    QTest::addRow("15 bool n") << v15 << "hot_standby"
                               << "n" << true;
    QTest::addRow("15 bool 1") << v15 << "hot_standby"
                               << "1" << true;
    QTest::addRow("15 bool 0") << v15 << "hot_standby"
                               << "0" << true;
    QTest::addRow("15 bool o ambiguous") << v15 << "hot_standby"
                                         << "o" << false;
    QTest::addRow("15 bool of") << v15 << "hot_standby"
                                << "of" << true;
    QTest::addRow("15 bool 2") << v15 << "hot_standby"
                               << "2" << false;
    QTest::addRow("15 bool 01") << v15 << "hot_standby"
                                << "01" << false;
    QTest::addRow("15 bool enable") << v15 << "hot_standby"
                                    << "enable" << false;
    QTest::addRow("15 bool blank") << v15 << "hot_standby"
                                   << " on" << false;
    QTest::addRow("9.4 archive_mode bool") << v94 << "archive_mode"
                                           << "on" << true;
    QTest::addRow("9.4 archive_mode always") << v94 << "archive_mode"
                                             << "always" << false;
    QTest::addRow("9.5 archive_mode always") << v95 << "archive_mode"
                                             << "always" << true;
    QTest::addRow("15 archive_mode true") << v15 << "archive_mode"
                                          << "true" << true;
    QTest::addRow("15 archive_mode tru") << v15 << "archive_mode"
                                         << "tru" << false; // an enum: no prefixes
    QTest::addRow("15 max_wal_senders 3") << v15 << "max_wal_senders"
                                          << "3" << true;
    QTest::addRow("15 max_wal_senders -1") << v15 << "max_wal_senders"
                                           << "-1" << false;
    QTest::addRow("15 max_wal_senders 262144") << v15 << "max_wal_senders"
                                               << "262144" << false;
    QTest::addRow("15 max_wal_senders hex") << v15 << "max_wal_senders"
                                            << "0x10" << true;
    QTest::addRow("15 max_wal_senders unit") << v15 << "max_wal_senders"
                                             << "3kB" << false;
    QTest::addRow("15 max_wal_senders words") << v15 << "max_wal_senders"
                                              << "three" << false;
    QTest::addRow("15 port 0") << v15 << "port"
                               << "0" << false;
    QTest::addRow("15 port 65536") << v15 << "port"
                                   << "65536" << false;
    QTest::addRow("15 shared_buffers 128MB") << v15 << "shared_buffers"
                                             << "128MB" << true;
    QTest::addRow("15 shared_buffers 128 MB") << v15 << "shared_buffers"
                                              << "128 MB" << true;
    QTest::addRow("15 shared_buffers 128mb") << v15 << "shared_buffers"
                                             << "128mb" << false;
    QTest::addRow("15 shared_buffers 64kB") << v15 << "shared_buffers"
                                            << "64kB" << false; // 8 pages < 16
    QTest::addRow("15 shared_buffers 1.5GB") << v15 << "shared_buffers"
                                             << "1.5GB" << true;
    QTest::addRow("11 shared_buffers 1.5GB") << v11 << "shared_buffers"
                                             << "1.5GB" << false;
    QTest::addRow("11 shared_buffers B") << v11 << "shared_buffers"
                                         << "134217728B" << true;
    QTest::addRow("10 shared_buffers B") << v10 << "shared_buffers"
                                         << "134217728B" << false;
    QTest::addRow("9.3 work_mem TB") << v93 << "work_mem"
                                     << "1TB" << false;
    QTest::addRow("9.4 work_mem 1TB out of range") << v94 << "work_mem"
                                                   << "1TB" << true; // 2^30 kB fits
    QTest::addRow("15 wal_sender_timeout 1min") << v15 << "wal_sender_timeout"
                                                << "1min" << true;
    QTest::addRow("15 wal_sender_timeout 500us") << v15 << "wal_sender_timeout"
                                                 << "500us" << true;
    QTest::addRow("11 wal_sender_timeout 500us") << v11 << "wal_sender_timeout"
                                                 << "500us" << false;
    QTest::addRow("15 wal_sender_timeout 5MB") << v15 << "wal_sender_timeout"
                                               << "5MB" << false;
    QTest::addRow("12 wal_keep_segments") << v12 << "wal_keep_segments"
                                          << "64" << true;
    QTest::addRow("13 wal_keep_segments") << v13 << "wal_keep_segments"
                                          << "64" << false;
    QTest::addRow("13 wal_keep_size") << v13 << "wal_keep_size"
                                      << "1GB" << true;
    QTest::addRow("12 wal_keep_size") << v12 << "wal_keep_size"
                                      << "1GB" << false;
    QTest::addRow("13 max_slot_wal_keep_size -1") << v13 << "max_slot_wal_keep_size"
                                                  << "-1" << true;
    QTest::addRow("15 archive_library") << v15 << "archive_library"
                                        << "basic_archive" << true;
    QTest::addRow("14 archive_library") << v14 << "archive_library"
                                        << "basic_archive" << false;
    QTest::addRow("16 promote_trigger_file") << v16 << "promote_trigger_file"
                                             << "/tmp/x" << false;
    QTest::addRow("15 promote_trigger_file") << v15 << "promote_trigger_file"
                                             << "/tmp/x" << true;
    QTest::addRow("9.6 password_encryption on") << v96 << "password_encryption"
                                                << "on" << true;
    QTest::addRow("9.6 password_encryption md5") << v96 << "password_encryption"
                                                 << "md5" << false;
    QTest::addRow("10 password_encryption scram") << v10 << "password_encryption"
                                                  << "scram-sha-256" << true;
    QTest::addRow("13 password_encryption on") << v13 << "password_encryption"
                                               << "on" << true;
    QTest::addRow("14 password_encryption on") << v14 << "password_encryption"
                                               << "on" << false;
    QTest::addRow("15 synchronous_commit remote_apply") << v15 << "synchronous_commit"
                                                        << "remote_apply" << true;
    QTest::addRow("9.5 synchronous_commit remote_apply") << v95 << "synchronous_commit"
                                                         << "remote_apply" << false;
    QTest::addRow("15 data_checksums") << v15 << "data_checksums"
                                       << "on" << false;
    QTest::addRow("15 unknown name") << v15 << "wal_levle"
                                     << "replica" << false;
    QTest::addRow("15 custom name") << v15 << "my_ext.setting"
                                    << "anything" << true;
    QTest::addRow("15 undescribed but real") << v15 << "enable_seqscan"
                                             << "off" << true;
    QTest::addRow("15 name case") << v15 << "WAL_LEVEL"
                                  << "replica" << true;
    QTest::addRow("18 io_method") << v18 << "io_method"
                                  << "worker" << true;
    QTest::addRow("15 io_method") << v15 << "io_method"
                                  << "worker" << false;
    QTest::addRow("11 cluster_name") << v11 << "cluster_name"
                                     << "main" << true;
    QTest::addRow("9.4 cluster_name") << v94 << "cluster_name"
                                      << "main" << false;
    QTest::addRow("11 standby_mode") << v11 << "standby_mode"
                                     << "on" << true;
    QTest::addRow("12 standby_mode") << v12 << "standby_mode"
                                     << "on" << false;
    QTest::addRow("15 checkpoint_completion_target") << v15 << "checkpoint_completion_target"
                                                     << "0.9" << true;
    QTest::addRow("15 checkpoint_completion_target 2") << v15 << "checkpoint_completion_target"
                                                       << "2" << false;
}

void TestVersionRules::validateSetting()
{
    QFETCH(PgVersion, version);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    const Result<void> result = VersionRules(version).validateSetting(name, value);
    if (result.ok() != valid)
        qWarning() << (result.ok() ? QStringLiteral("accepted") : result.error().fullText());
    QCOMPARE(result.ok(), valid);
    if (!valid)
        QVERIFY2(result.error().message.contains(name, Qt::CaseInsensitive), qPrintable(result.error().message));
}

void TestVersionRules::integerInBaseUnit_data()
{
    QTest::addColumn<PgVersion>("version");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<qint64>("expected"); // -999: invalid

    QTest::addRow("shared_buffers 128MB pages") << PgVersion(15) << "shared_buffers"
                                                << "128MB" << qint64(16384);
    QTest::addRow("shared_buffers plain pages") << PgVersion(15) << "shared_buffers"
                                                << "1000" << qint64(1000);
    QTest::addRow("shared_buffers 1GB") << PgVersion(15) << "shared_buffers"
                                        << "1GB" << qint64(131072);
    QTest::addRow("shared_buffers 1.5GB") << PgVersion(15) << "shared_buffers"
                                          << "1.5GB" << qint64(196608);
    QTest::addRow("shared_buffers 129kB rounds") << PgVersion(15) << "shared_buffers"
                                                 << "132kB" << qint64(16);
    QTest::addRow("wal_keep_size 1GB in MB") << PgVersion(15) << "wal_keep_size"
                                             << "1GB" << qint64(1024);
    QTest::addRow("max_wal_size 9.5 segments") << PgVersion(9, 5) << "max_wal_size"
                                               << "1GB" << qint64(64);
    QTest::addRow("wal_sender_timeout 1min") << PgVersion(15) << "wal_sender_timeout"
                                             << "1min" << qint64(60000);
    QTest::addRow("wal_sender_timeout 1.5s") << PgVersion(15) << "wal_sender_timeout"
                                             << "1.5s" << qint64(1500);
    QTest::addRow("archive_timeout 1h in s") << PgVersion(15) << "archive_timeout"
                                             << "1h" << qint64(3600);
    QTest::addRow("octal") << PgVersion(15) << "max_wal_senders"
                           << "010" << qint64(8);
    QTest::addRow("hex") << PgVersion(15) << "max_wal_senders"
                         << "0x1F" << qint64(31);
    QTest::addRow("not an integer setting") << PgVersion(15) << "wal_level"
                                            << "1" << qint64(-999);
    QTest::addRow("out of range") << PgVersion(15) << "port"
                                  << "70000" << qint64(-999);
}

void TestVersionRules::integerInBaseUnit()
{
    QFETCH(PgVersion, version);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(qint64, expected);
    const auto number = VersionRules(version).integerInBaseUnit(name, value);
    QCOMPARE(number.value_or(-999), expected);
}

void TestVersionRules::parseBool_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected"); // 1 true, 0 false, -1 invalid
    const std::pair<const char *, int> rows[] = {
        {"on", 1},    {"ON", 1},  {"off", 0}, {"of", 0},     {"o", -1},   {"true", 1},  {"t", 1},     {"TRUE", 1},
        {"false", 0}, {"f", 0},   {"fa", 0},  {"yes", 1},    {"y", 1},    {"no", 0},    {"n", 0},     {"1", 1},
        {"0", 0},     {"10", -1}, {"", -1},   {"truex", -1}, {"onn", -1}, {"offf", -1}, {"nope", -1},
    };
    for (const auto &[text, expected] : rows)
        QTest::addRow("%s", *text ? text : "(empty)") << QString::fromLatin1(text) << expected;
}

void TestVersionRules::parseBool()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    const auto value = VersionRules::parseBool(text);
    QCOMPARE(value ? int(*value) : -1, expected);
}

void TestVersionRules::renderSyncStandbyNames_data()
{
    QTest::addColumn<PgVersion>("version");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("any");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("expressible");

    const QStringList two{QStringLiteral("s1"), QStringLiteral("s2")};
    QTest::addRow("9.3 list") << PgVersion(9, 3) << two << 1 << false << "s1, s2" << true;
    QTest::addRow("9.5 count 2") << PgVersion(9, 5) << two << 2 << false << "s1, s2" << false;
    QTest::addRow("9.6 one") << PgVersion(9, 6) << two << 1 << false << "s1, s2" << true;
    QTest::addRow("9.6 count 2") << PgVersion(9, 6) << two << 2 << false << "2 (s1, s2)" << true;
    QTest::addRow("9.6 any") << PgVersion(9, 6) << two << 1 << true << "s1, s2" << false;
    QTest::addRow("10 first 2") << PgVersion(10) << two << 2 << false << "FIRST 2 (s1, s2)" << true;
    QTest::addRow("15 any 1") << PgVersion(15) << two << 1 << true << "ANY 1 (s1, s2)" << true;
    QTest::addRow("15 star") << PgVersion(15) << QStringList{QStringLiteral("*")} << 1 << false << "*" << true;
    QTest::addRow("15 quoted") << PgVersion(15) << QStringList{QStringLiteral("Standby One"), QStringLiteral("x\"y")}
                               << 1 << false << "\"Standby One\", \"x\"\"y\"" << true;
    QTest::addRow("walkthrough") << PgVersion(9, 3) << QStringList{QStringLiteral("slave")} << 1 << false << "slave"
                                 << true;
}

void TestVersionRules::renderSyncStandbyNames()
{
    QFETCH(PgVersion, version);
    QFETCH(QStringList, names);
    QFETCH(int, count);
    QFETCH(bool, any);
    QFETCH(QString, expected);
    QFETCH(bool, expressible);
    const VersionRules rules(version);
    const auto method = any ? VersionRules::SyncMethod::Any : VersionRules::SyncMethod::First;
    QCOMPARE(rules.canRenderSyncStandbyNames(count, method), expressible);
    if (expressible)
        QCOMPARE(rules.renderSyncStandbyNames(names, count, method), expected);
}

void TestVersionRules::errorNamesSettingValueAndAllowed()
{
    const Result<void> result =
        VersionRules(PgVersion(9, 3)).validateSetting(QStringLiteral("wal_level"), QStringLiteral("replica"));
    QVERIFY(!result.ok());
    const QString message = result.error().message;
    QVERIFY2(message.contains(QLatin1String("wal_level")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("replica")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("9.3")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("minimal, archive, hot_standby")), qPrintable(message));

    const Result<void> gone =
        VersionRules(PgVersion(13)).validateSetting(QStringLiteral("wal_keep_segments"), QStringLiteral("64"));
    QVERIFY(!gone.ok());
    QVERIFY2(gone.error().message.contains(QLatin1String("wal_keep_size")), qPrintable(gone.error().message));

    const Result<void> range =
        VersionRules(PgVersion(15)).validateSetting(QStringLiteral("port"), QStringLiteral("70000"));
    QVERIFY(!range.ok());
    QVERIFY2(range.error().message.contains(QLatin1String("65535")), qPrintable(range.error().message));
}

void TestVersionRules::everySupportedMajorDescribesTheReplicationSettings()
{
    const char *const everywhere[] = {
        "listen_addresses",
        "port",
        "wal_level",
        "max_wal_senders",
        "archive_mode",
        "archive_command",
        "hot_standby",
        "synchronous_standby_names",
        "synchronous_commit",
        "primary_conninfo",
        "restore_command",
        "recovery_target_timeline",
        "password_encryption",
        "shared_buffers",
        "max_connections",
        "hot_standby_feedback",
        "wal_receiver_timeout",
        "wal_sender_timeout",
        "data_checksums",
        "unix_socket_directories",
        "log_destination",
        "logging_collector",
        "log_line_prefix",
        "log_min_messages",
        "log_connections",
        "log_replication_commands",
    };
    for (const PgVersion &version : VersionRules::supportedMajors()) {
        const VersionRules rules(version);
        for (const char *name : everywhere) {
            if (QLatin1String(name) == QLatin1String("log_replication_commands") && !version.atLeast(9, 5))
                continue;
            const auto info = rules.setting(QString::fromLatin1(name));
            QVERIFY2(info.has_value(),
                     qPrintable(QStringLiteral("%1 in %2").arg(QLatin1String(name), version.majorString())));
            if (info->type == SettingInfo::Type::Enum)
                QVERIFY(!info->enumValues.isEmpty());
        }
        QVERIFY(rules.setting(rules.walKeepSetting()).has_value());
        if (!rules.promoteTriggerSetting().isEmpty())
            QVERIFY(rules.setting(rules.promoteTriggerSetting()).has_value());
        // The default of every described setting is a value the major accepts.
        const auto wal = rules.setting(QStringLiteral("wal_level"));
        QVERIFY(rules.validateSetting(QStringLiteral("wal_level"), wal->defaultValue).ok());
        QVERIFY(rules.validateSetting(QStringLiteral("wal_level"), rules.walLevelForReplication()).ok());
    }
}

QTEST_APPLESS_MAIN(TestVersionRules)
#include "test_version_rules.moc"
