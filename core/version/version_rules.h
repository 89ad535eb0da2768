#pragma once

#include "core/result.h"
#include "core/version/pg_version.h"

#include <QString>
#include <QStringList>

#include <optional>

// What one server setting is in one major: PostgreSQL's own metadata
// (pg_settings' vartype, context, unit, min_val, max_val, enumvals) for the
// settings Replica Studio reads, writes or shows.
struct SettingInfo
{
    enum class Type { Bool, Integer, Real, String, Enum };
    // pg_settings.context, in the order of how hard a change is.
    enum class Context {
        Internal,   // fixed at initdb or build time (data_checksums): cannot be set in a file
        Postmaster, // a restart
        Sighup,     // a reload
        Backend,    // new sessions only (superuser-backend / backend)
        Superuser,  // a reload, or SET by a superuser
        User,       // a reload, or SET by anyone
    };
    // Where the setting is written: postgresql.conf, or recovery.conf (up to 11).
    enum class Place { PostgresqlConf, RecoveryConf };

    QString name;
    Type type = Type::String;
    Context context = Context::Sighup;
    Place place = Place::PostgresqlConf;
    QString unit;       // base unit as pg_settings shows it: "8kB", "kB", "MB", "ms", "s", "min"; empty for none
    qint64 minimum = 0; // Integer: in the base unit
    qint64 maximum = 0;
    double realMinimum = 0; // Real
    double realMaximum = 0;
    QStringList enumValues;       // what the documentation lists (pg_settings.enumvals)
    QStringList hiddenEnumValues; // also accepted (aliases: "hot_standby" for replica from 9.6, "true" for on)
    QString defaultValue;         // as postgresql.conf.sample writes it ("128MB", "replica", "''" shown as empty)

    bool needsRestart() const { return context == Context::Postmaster || place == Place::RecoveryConf; }
};

// Every difference between PostgreSQL majors that Replica Studio cares
// about, in one place (../shared/pg-versions.md, checked against each
// version's documentation). Built from a PgVersion; the setup plan, the
// file editors, the sandbox and the monitor ask it instead of comparing
// version numbers themselves.
class VersionRules
{
public:
    enum class SyncMethod { First, Any };
    enum class RecoveryKind {
        RecoveryConf, // up to 11: recovery.conf in the data directory, standby_mode = 'on'
        SignalFile,   // 12+: standby.signal + settings in postgresql.conf / postgresql.auto.conf
    };

    explicit VersionRules(PgVersion version);

    const PgVersion &version() const { return m_version; }
    // The oldest and newest majors these rules describe.
    static PgVersion oldestSupported() { return PgVersion(9, 3); }
    static PgVersion newestSupported() { return PgVersion(18); }
    static QList<PgVersion> supportedMajors();
    bool isSupported() const;

    // --- primary settings
    // hot_standby up to 9.5, replica from 9.6.
    QString walLevelForReplication() const;
    QStringList walLevelValues() const;
    QString defaultWalLevel() const;
    int defaultMaxWalSenders() const;
    int defaultMaxReplicationSlots() const;
    bool defaultHotStandby() const;
    bool hasReplicationSlots() const; // 9.4+
    // wal_keep_segments (16 MB segments) up to 12, wal_keep_size (MB) from 13.
    QString walKeepSetting() const;
    QString walKeepUnit() const; // "segments" or "MB"
    // The value of walKeepSetting() that keeps at least this much WAL.
    QString walKeepValue(qint64 megabytes) const;
    bool hasMaxSlotWalKeepSize() const; // 13+
    bool hasArchiveLibrary() const;     // 15+
    bool hasArchiveModeAlways() const;  // 9.5+
    bool hasClusterName() const;        // 9.5+
    bool hasWalLogHints() const;        // 9.4+

    // --- standby settings
    RecoveryKind recoveryKind() const;
    bool usesRecoveryConf() const { return recoveryKind() == RecoveryKind::RecoveryConf; }
    // trigger_file (recovery.conf) up to 11, promote_trigger_file 12-15, empty from 16.
    QString promoteTriggerSetting() const;
    bool hasPgPromote() const;              // SELECT pg_promote(), 12+
    bool primaryConninfoReloadable() const; // 13+
    // 'latest' is the default from 12; before, a standby that should follow a promotion needs it set.
    QString defaultRecoveryTargetTimeline() const;

    // --- authentication
    bool hasScram() const;                     // 10+
    bool hasPgMonitor() const;                 // the pg_monitor role, 10+
    QString defaultPasswordEncryption() const; // "md5" before 14, "scram-sha-256" from 14 ("on" = md5 before 10)
    // The best method the major has for pg_hba.conf and password_encryption.
    QString preferredPasswordMethod() const;
    bool md5Deprecated() const; // 18+: CREATE/ALTER ROLE warn on MD5 passwords

    // --- synchronous replication
    // synchronous_standby_names for these standbys: "s1, s2" up to 9.5 (the first connected one is
    // synchronous: count must be 1 and method First), "N (s1, s2)" in 9.6, "FIRST N (s1, s2)" or
    // "ANY N (s1, s2)" from 10. Names that are not plain identifiers are double-quoted.
    QString renderSyncStandbyNames(const QStringList &names, int count = 1,
                                   SyncMethod method = SyncMethod::First) const;
    // Whether renderSyncStandbyNames can express this (count > 1 needs 9.6+, Any needs 10+).
    bool canRenderSyncStandbyNames(int count, SyncMethod method) const;
    QStringList syncStateValues() const;         // + "quorum" from 10
    QStringList synchronousCommitValues() const; // + remote_apply from 9.6
    bool hasSyncRepWaitEvent() const;            // pg_stat_activity wait_event 'SyncRep', 10+

    // --- monitoring names
    QString currentWalLsnFunction() const;     // pg_current_wal_lsn / pg_current_xlog_location
    QString walLsnDiffFunction() const;        // pg_wal_lsn_diff / pg_xlog_location_diff
    QString lastWalReceiveLsnFunction() const; // pg_last_wal_receive_lsn / pg_last_xlog_receive_location
    QString lastWalReplayLsnFunction() const;  // pg_last_wal_replay_lsn / pg_last_xlog_replay_location
    QString walReplayPauseFunction() const;    // pg_wal_replay_pause / pg_xlog_replay_pause
    QString walReplayResumeFunction() const;   // pg_wal_replay_resume / pg_xlog_replay_resume
    QString walFileNameFunction() const;       // pg_walfile_name / pg_xlogfile_name (BackupClone)
    QString walReplayPausedFunction() const;   // pg_is_wal_replay_paused / pg_is_xlog_replay_paused
    QString sentLsnColumn() const;             // sent_lsn / sent_location
    QString writeLsnColumn() const;
    QString flushLsnColumn() const;
    QString replayLsnColumn() const;
    bool hasLagColumns() const;        // write_lag, flush_lag, replay_lag: 10+
    bool hasReplyTime() const;         // 12+
    bool hasStatWalReceiver() const;   // 9.6+
    bool hasStatArchiver() const;      // 9.4+
    bool hasSlotWalStatus() const;     // wal_status, safe_wal_size: 13+
    bool hasSlotInactiveSince() const; // 17+
    bool hasHbaFileRules() const;      // pg_hba_file_rules: 10+
    bool hasFileSettings() const;      // pg_file_settings: 9.5+
    bool hasPendingRestart() const;    // pg_settings.pending_restart: 9.5+
    bool hasHbaInclude() const;        // include* in pg_hba.conf: 16+

    // --- pg_basebackup
    bool basebackupHasSlotOption() const;        // -S: 9.6+
    bool basebackupCanCreateSlot() const;        // -C / --create-slot: 11+
    bool basebackupStreamsByDefault() const;     // -X stream is the default from 10
    bool basebackupHasWriteRecoveryConf() const; // -R: 9.3+

    // --- initdb and backups
    bool dataChecksumsByDefault() const; // 18+
    QString backupStartFunction() const; // pg_backup_start (15+) / pg_start_backup
    QString backupStopFunction() const;  // pg_backup_stop (15+) / pg_stop_backup
    bool hasNonExclusiveBackup() const;  // 9.6+

    // --- settings
    // PostgreSQL's metadata of a setting in this major; nullopt when the name does not exist
    // in this major or Replica Studio does not describe it.
    std::optional<SettingInfo> setting(const QString &name) const;
    // What a setting is for, in one sentence, for the config editors' tooltips; empty for a
    // setting Replica Studio does not describe. The same in every major that has it.
    static QString settingPurpose(const QString &name);
    // Whether the name exists in this major (described or not; custom "ext.name" always does).
    bool isKnownSetting(const QString &name) const;
    // A change needs a restart (context postmaster, or recovery.conf up to 11).
    bool needsRestart(const QString &name) const;
    // Accepts exactly what this major's server accepts for the setting in a configuration file:
    // enum values (case-insensitive), booleans in every spelling, integers with units, ranges.
    // Refuses unknown names for this major (wal_keep_segments on 13+) and settings that
    // cannot be set in a file (data_checksums), naming the setting, the value and what is allowed.
    Result<void> validateSetting(const QString &name, const QString &value) const;
    // An integer setting's value in its base unit as `postgres -C` prints it (shared_buffers =
    // '128MB' is 16384 pages of 8 kB); nullopt when it is not a valid integer for the setting.
    std::optional<qint64> integerInBaseUnit(const QString &name, const QString &value) const;
    // Whether `shown` (as `postgres -C` or pg_settings.setting print it: integers in the base unit,
    // booleans as on/off, wal_level's old names as the new one) is `wanted` as written in a file.
    // Two values as written in files compare the same way.
    bool sameSettingValue(const QString &name, const QString &shown, const QString &wanted) const;
    // PostgreSQL's boolean reading: on/off, true/false, yes/no, 1/0 and unique prefixes, any case.
    static std::optional<bool> parseBool(const QString &value);

private:
    Result<qint64> parseInteger(const SettingInfo &info, const QString &value) const;
    QString memoryUnitsText() const;
    QString timeUnitsText() const;

    PgVersion m_version;
};
