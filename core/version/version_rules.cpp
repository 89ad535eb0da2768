#include "core/version/version_rules.h"
#include "core/version/setting_grammar.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <iterator>

namespace {

using Type = SettingInfo::Type;
using Context = SettingInfo::Context;
using Place = SettingInfo::Place;

// Majors as VersionRules compares them (PgVersion::majorNumber()).
constexpr int V93 = 903, V94 = 904, V95 = 905, V96 = 906, V10 = 1000, V11 = 1100, V12 = 1200, V13 = 1300, V14 = 1400,
              V15 = 1500, V16 = 1600, V17 = 1700, V18 = 1800, Now = 9999;

constexpr double IntMax = INT_MAX;
constexpr double MaxBackends = 0x3FFFF; // MAX_BACKENDS: the cap of every connection/process count
constexpr double HalfIntMax = INT_MAX / 2;

// One era of one setting: PostgreSQL's guc tables for the majors [from, to].
struct Row
{
    const char *name;
    int from;
    int to;
    Type type;
    Context context;
    Place place;
    const char *unit;
    double minimum;
    double maximum;
    const char *enumValues;   // space-separated
    const char *hiddenValues; // space-separated
    const char *defaultValue;
};

constexpr const char *BoolAliases = "true false yes no 1 0";
constexpr const char *LogLevels = "debug5 debug4 debug3 debug2 debug1 info notice warning error log fatal panic";

// The settings Replica Studio reads, writes, shows or tests with; an era per row.
// Sources: the "Server Configuration" chapter and release notes of each major.
const Row rows[] = {
    // connections and authentication
    {"listen_addresses", V93, Now, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "",
     "localhost"},
    {"port", V93, Now, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "", 1, 65535, "", "", "5432"},
    {"max_connections", V93, Now, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "", 1, MaxBackends, "", "",
     "100"},
    {"superuser_reserved_connections", V93, Now, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "", 0,
     MaxBackends, "", "", "3"},
    {"reserved_connections", V16, Now, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "", 0, MaxBackends,
     "", "", "0"},
    {"unix_socket_directories", V93, Now, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "",
     "/tmp"},
    {"unix_socket_group", V93, Now, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"unix_socket_permissions", V93, Now, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "", 0, 0777, "",
     "", "0777"},
    {"authentication_timeout", V93, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "s", 1, 600, "", "",
     "1min"},
    {"ssl", V93, V96, Type::Bool, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"ssl", V10, Now, Type::Bool, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"password_encryption", V93, V96, Type::Bool, Context::User, Place::PostgresqlConf, "", 0, 0, "", "", "on"},
    {"password_encryption", V10, V13, Type::Enum, Context::User, Place::PostgresqlConf, "", 0, 0, "md5 scram-sha-256",
     "on true yes 1", "md5"},
    {"password_encryption", V14, Now, Type::Enum, Context::User, Place::PostgresqlConf, "", 0, 0, "md5 scram-sha-256",
     "", "scram-sha-256"},
    {"md5_password_warnings", V18, Now, Type::Bool, Context::User, Place::PostgresqlConf, "", 0, 0, "", "", "on"},

    // resources
    {"shared_buffers", V93, Now, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "8kB", 16, HalfIntMax, "",
     "", "128MB"},
    {"work_mem", V93, Now, Type::Integer, Context::User, Place::PostgresqlConf, "kB", 64, IntMax, "", "", "4MB"},
    {"maintenance_work_mem", V93, V16, Type::Integer, Context::User, Place::PostgresqlConf, "kB", 1024, IntMax, "", "",
     "64MB"},
    {"maintenance_work_mem", V17, Now, Type::Integer, Context::User, Place::PostgresqlConf, "kB", 64, IntMax, "", "",
     "64MB"},
    {"max_worker_processes", V94, Now, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "", 0, MaxBackends,
     "", "", "8"},
    {"max_prepared_transactions", V93, Now, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "", 0,
     MaxBackends, "", "", "0"},
    {"max_locks_per_transaction", V93, Now, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "", 10, IntMax,
     "", "", "64"},
    {"huge_pages", V94, Now, Type::Enum, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "off on try",
     BoolAliases, "try"},
    {"shared_preload_libraries", V93, Now, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "",
     ""},

    // write-ahead log
    {"wal_level", V93, V93, Type::Enum, Context::Postmaster, Place::PostgresqlConf, "", 0, 0,
     "minimal archive hot_standby", "", "minimal"},
    {"wal_level", V94, V95, Type::Enum, Context::Postmaster, Place::PostgresqlConf, "", 0, 0,
     "minimal archive hot_standby logical", "", "minimal"},
    {"wal_level", V96, V96, Type::Enum, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "minimal replica logical",
     "archive hot_standby", "minimal"},
    {"wal_level", V10, Now, Type::Enum, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "minimal replica logical",
     "archive hot_standby", "replica"},
    {"fsync", V93, Now, Type::Bool, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "on"},
    {"synchronous_commit", V93, V95, Type::Enum, Context::User, Place::PostgresqlConf, "", 0, 0,
     "local remote_write on off", BoolAliases, "on"},
    {"synchronous_commit", V96, Now, Type::Enum, Context::User, Place::PostgresqlConf, "", 0, 0,
     "local remote_write remote_apply on off", BoolAliases, "on"},
    {"full_page_writes", V93, Now, Type::Bool, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "on"},
    {"wal_log_hints", V94, Now, Type::Bool, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"wal_buffers", V93, Now, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "8kB", -1, MaxBackends, "", "",
     "-1"},
    {"wal_writer_delay", V93, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "ms", 1, 10000, "", "",
     "200ms"},
    {"checkpoint_timeout", V93, V95, Type::Integer, Context::Sighup, Place::PostgresqlConf, "s", 30, 3600, "", "",
     "5min"},
    {"checkpoint_timeout", V96, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "s", 30, 86400, "", "",
     "5min"},
    {"checkpoint_completion_target", V93, V13, Type::Real, Context::Sighup, Place::PostgresqlConf, "", 0, 1, "", "",
     "0.5"},
    {"checkpoint_completion_target", V14, Now, Type::Real, Context::Sighup, Place::PostgresqlConf, "", 0, 1, "", "",
     "0.9"},
    {"checkpoint_segments", V93, V94, Type::Integer, Context::Sighup, Place::PostgresqlConf, "", 1, IntMax, "", "",
     "3"},
    {"max_wal_size", V95, V96, Type::Integer, Context::Sighup, Place::PostgresqlConf, "16MB", 2, IntMax, "", "", "1GB"},
    {"max_wal_size", V10, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "MB", 2, IntMax, "", "", "1GB"},
    {"min_wal_size", V95, V96, Type::Integer, Context::Sighup, Place::PostgresqlConf, "16MB", 2, IntMax, "", "",
     "80MB"},
    {"min_wal_size", V10, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "MB", 2, IntMax, "", "", "80MB"},
    {"checkpoint_warning", V93, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "s", 0, IntMax, "", "",
     "30s"},
    {"archive_mode", V93, V94, Type::Bool, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"archive_mode", V95, Now, Type::Enum, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "always on off",
     BoolAliases, "off"},
    {"archive_command", V93, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"archive_library", V15, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"archive_timeout", V93, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "s", 0, HalfIntMax, "", "",
     "0"},

    // recovery: recovery.conf up to 11, server settings from 12
    {"standby_mode", V93, V11, Type::Bool, Context::Postmaster, Place::RecoveryConf, "", 0, 0, "", "", "off"},
    {"primary_conninfo", V93, V11, Type::String, Context::Postmaster, Place::RecoveryConf, "", 0, 0, "", "", ""},
    {"primary_conninfo", V12, V12, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"primary_conninfo", V13, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"primary_slot_name", V94, V11, Type::String, Context::Postmaster, Place::RecoveryConf, "", 0, 0, "", "", ""},
    {"primary_slot_name", V12, V12, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"primary_slot_name", V13, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"restore_command", V93, V11, Type::String, Context::Postmaster, Place::RecoveryConf, "", 0, 0, "", "", ""},
    {"restore_command", V12, V13, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"restore_command", V14, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"archive_cleanup_command", V93, V11, Type::String, Context::Postmaster, Place::RecoveryConf, "", 0, 0, "", "", ""},
    {"archive_cleanup_command", V12, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"recovery_end_command", V93, V11, Type::String, Context::Postmaster, Place::RecoveryConf, "", 0, 0, "", "", ""},
    {"recovery_end_command", V12, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"recovery_target_timeline", V93, V11, Type::String, Context::Postmaster, Place::RecoveryConf, "", 0, 0, "", "",
     "current"},
    {"recovery_target_timeline", V12, Now, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "",
     "latest"},
    {"recovery_min_apply_delay", V94, V11, Type::Integer, Context::Postmaster, Place::RecoveryConf, "ms", 0, IntMax, "",
     "", "0"},
    {"recovery_min_apply_delay", V12, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "ms", 0, IntMax, "",
     "", "0"},
    {"trigger_file", V93, V11, Type::String, Context::Postmaster, Place::RecoveryConf, "", 0, 0, "", "", ""},
    {"promote_trigger_file", V12, V15, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", ""},

    // replication
    {"max_wal_senders", V93, V96, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "", 0, MaxBackends, "", "",
     "0"},
    {"max_wal_senders", V10, Now, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "", 0, MaxBackends, "", "",
     "10"},
    {"max_replication_slots", V94, V96, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "", 0, MaxBackends,
     "", "", "0"},
    {"max_replication_slots", V10, Now, Type::Integer, Context::Postmaster, Place::PostgresqlConf, "", 0, MaxBackends,
     "", "", "10"},
    {"wal_keep_segments", V93, V12, Type::Integer, Context::Sighup, Place::PostgresqlConf, "", 0, IntMax, "", "", "0"},
    {"wal_keep_size", V13, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "MB", 0, IntMax, "", "", "0"},
    {"max_slot_wal_keep_size", V13, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "MB", -1, IntMax, "",
     "", "-1"},
    {"wal_sender_timeout", V93, V11, Type::Integer, Context::Sighup, Place::PostgresqlConf, "ms", 0, IntMax, "", "",
     "60s"},
    {"wal_sender_timeout", V12, Now, Type::Integer, Context::User, Place::PostgresqlConf, "ms", 0, IntMax, "", "",
     "60s"},
    {"track_commit_timestamp", V95, Now, Type::Bool, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "",
     "off"},
    {"synchronous_standby_names", V93, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"vacuum_defer_cleanup_age", V93, V15, Type::Integer, Context::Sighup, Place::PostgresqlConf, "", 0, 1000000, "",
     "", "0"},
    {"hot_standby", V93, V96, Type::Bool, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"hot_standby", V10, Now, Type::Bool, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", "on"},
    {"max_standby_archive_delay", V93, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "ms", -1, IntMax, "",
     "", "30s"},
    {"max_standby_streaming_delay", V93, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "ms", -1, IntMax,
     "", "", "30s"},
    {"wal_receiver_status_interval", V93, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "s", 0,
     INT_MAX / 1000, "", "", "10s"},
    {"hot_standby_feedback", V93, Now, Type::Bool, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"wal_receiver_timeout", V93, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "ms", 0, IntMax, "", "",
     "60s"},
    {"wal_retrieve_retry_interval", V95, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "ms", 1, IntMax,
     "", "", "5s"},
    {"wal_receiver_create_temp_slot", V13, Now, Type::Bool, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "",
     "off"},
    {"sync_replication_slots", V17, Now, Type::Bool, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"synchronized_standby_slots", V17, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "",
     ""},
    {"idle_replication_slot_timeout", V18, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "s", 0, IntMax,
     "", "", "0"},

    // identity, checksums
    {"cluster_name", V95, Now, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"data_checksums", V93, Now, Type::Bool, Context::Internal, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"ignore_checksum_failure", V93, Now, Type::Bool, Context::Superuser, Place::PostgresqlConf, "", 0, 0, "", "",
     "off"},
    {"data_directory", V93, Now, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"hba_file", V93, Now, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"ident_file", V93, Now, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"external_pid_file", V93, Now, Type::String, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"stats_temp_directory", V93, V14, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "",
     "pg_stat_tmp"},

    // logging
    {"log_destination", V93, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "stderr"},
    {"logging_collector", V93, Now, Type::Bool, Context::Postmaster, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"log_directory", V93, V96, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "pg_log"},
    {"log_directory", V10, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "log"},
    {"log_filename", V93, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "",
     "postgresql-%Y-%m-%d_%H%M%S.log"},
    {"log_file_mode", V93, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "", 0, 0777, "", "", "0600"},
    {"log_rotation_age", V93, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "min", 0, INT_MAX / 60, "",
     "", "1d"},
    {"log_rotation_size", V93, V17, Type::Integer, Context::Sighup, Place::PostgresqlConf, "kB", 0, INT_MAX / 1024, "",
     "", "10MB"},
    {"log_rotation_size", V18, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "kB", 0, IntMax, "", "",
     "10MB"},
    {"log_truncate_on_rotation", V93, Now, Type::Bool, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"log_min_messages", V93, Now, Type::Enum, Context::Superuser, Place::PostgresqlConf, "", 0, 0, LogLevels, "",
     "warning"},
    {"log_min_error_statement", V93, Now, Type::Enum, Context::Superuser, Place::PostgresqlConf, "", 0, 0, LogLevels,
     "", "error"},
    {"log_min_duration_statement", V93, Now, Type::Integer, Context::Superuser, Place::PostgresqlConf, "ms", -1, IntMax,
     "", "", "-1"},
    {"log_checkpoints", V93, V14, Type::Bool, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"log_checkpoints", V15, Now, Type::Bool, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "on"},
    {"log_connections", V93, V17, Type::Bool, Context::Backend, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    // 18: a list of aspects (receipt, authentication, authorization, setup_durations, all); booleans still read.
    {"log_connections", V18, Now, Type::String, Context::Backend, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"log_disconnections", V93, Now, Type::Bool, Context::Backend, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"log_duration", V93, Now, Type::Bool, Context::Superuser, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"log_error_verbosity", V93, Now, Type::Enum, Context::Superuser, Place::PostgresqlConf, "", 0, 0,
     "terse default verbose", "", "default"},
    {"log_hostname", V93, Now, Type::Bool, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"log_line_prefix", V93, V96, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", ""},
    {"log_line_prefix", V10, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "%m [%p] "},
    {"log_lock_waits", V93, Now, Type::Bool, Context::Superuser, Place::PostgresqlConf, "", 0, 0, "", "", "off"},
    {"log_statement", V93, Now, Type::Enum, Context::Superuser, Place::PostgresqlConf, "", 0, 0, "none ddl mod all", "",
     "none"},
    {"log_replication_commands", V95, Now, Type::Bool, Context::Superuser, Place::PostgresqlConf, "", 0, 0, "", "",
     "off"},
    {"log_temp_files", V93, Now, Type::Integer, Context::Superuser, Place::PostgresqlConf, "kB", -1, IntMax, "", "",
     "-1"},
    {"log_timezone", V93, Now, Type::String, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "", "GMT"},
    {"log_autovacuum_min_duration", V93, V14, Type::Integer, Context::Sighup, Place::PostgresqlConf, "ms", -1, IntMax,
     "", "", "-1"},
    {"log_autovacuum_min_duration", V15, Now, Type::Integer, Context::Sighup, Place::PostgresqlConf, "ms", -1, IntMax,
     "", "", "10min"},
    {"log_recovery_conflict_waits", V14, Now, Type::Bool, Context::Sighup, Place::PostgresqlConf, "", 0, 0, "", "",
     "off"},
};

// Every setting name PostgreSQL 15 knows (postgres --describe-config), so that a name this
// table does not describe is still told apart from a typo.
const char *const knownIn15[] = {
#include "core/version/settings_15.inc"
};

// Read-only settings (pg_settings.context internal): fixed by initdb or the build, refused in a file.
const char *const internalSettings[] = {
    "block_size",
    "data_checksums",
    "data_directory_mode",
    "debug_assertions",
    "huge_pages_status",
    "in_hot_standby",
    "integer_datetimes",
    "lc_collate",
    "lc_ctype",
    "max_function_args",
    "max_identifier_length",
    "max_index_keys",
    "segment_size",
    "server_encoding",
    "server_version",
    "server_version_num",
    "shared_memory_size",
    "shared_memory_size_in_huge_pages",
    "ssl_library",
    "wal_block_size",
    "wal_segment_size",
};

bool isInternalSetting(const QString &name)
{
    for (const char *internal : internalSettings) {
        if (name.compare(QLatin1String(internal), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The exact names of 10 to 18, from their servers.
struct ServerSettingNames
{
    int major;
    const char *const *names;
    std::size_t count;
};
#include "core/version/settings_by_major.inc"

// Settings of other majors that the table above does not describe, with their eras.
struct Era
{
    const char *name;
    int from;
    int to;
};
const Era otherEras[] = {
    {"checkpoint_segments", V93, V94},
    {"replacement_sort_tuples", V96, V10},
    {"min_parallel_relation_size", V96, V96},
    {"sql_inheritance", V93, V96},
    {"operator_precedence_warning", V95, V13},
    {"default_with_oids", V93, V11},
    {"unix_socket_directory", 0, 0}, // 9.2 and older
    {"force_parallel_mode", V96, V15},
    {"db_user_namespace", V93, V16},
    {"old_snapshot_threshold", V96, V16},
    {"trace_recovery_messages", V93, V16},
    {"vacuum_buffer_usage_limit", V16, Now},
    {"debug_parallel_query", V16, Now},
    {"debug_io_direct", V16, Now},
    {"scram_iterations", V16, Now},
    {"icu_validation_level", V16, Now},
    {"createrole_self_grant", V16, Now},
    {"send_abort_for_crash", V16, Now},
    {"send_abort_for_kill", V16, Now},
    {"gss_accept_delegation", V16, Now},
    {"require_auth", 0, 0}, // a libpq option, never a server setting
    {"enable_presorted_aggregate", V16, Now},
    {"summarize_wal", V17, Now},
    {"wal_summary_keep_time", V17, Now},
    {"allow_alter_system", V17, Now},
    {"transaction_timeout", V17, Now},
    {"event_triggers", V17, Now},
    {"commit_timestamp_buffers", V17, Now},
    {"multixact_member_buffers", V17, Now},
    {"multixact_offset_buffers", V17, Now},
    {"notify_buffers", V17, Now},
    {"serializable_buffers", V17, Now},
    {"subtransaction_buffers", V17, Now},
    {"transaction_buffers", V17, Now},
    {"enable_group_by_reordering", V17, Now},
    {"io_combine_limit", V17, Now},
    {"trace_connection_negotiation", V17, Now},
    {"io_method", V18, Now},
    {"io_workers", V18, Now},
    {"io_max_combine_limit", V18, Now},
    {"io_max_concurrency", V18, Now},
    {"autovacuum_worker_slots", V18, Now},
    {"autovacuum_vacuum_max_threshold", V18, Now},
    {"vacuum_truncate", V18, Now},
    {"vacuum_max_eager_freeze_failure_rate", V18, Now},
    {"track_cost_delay_timing", V18, Now},
    {"log_lock_failures", V18, Now},
    {"oauth_validator_libraries", V18, Now},
    {"ssl_tls13_ciphers", V18, Now},
    {"ssl_groups", V18, Now},
    {"max_active_replication_origins", V18, Now},
    {"file_copy_method", V18, Now},
    {"extension_control_path", V18, Now},
    {"enable_self_join_elimination", V18, Now},
    {"enable_distinct_reordering", V18, Now},
    {"num_os_semaphores", V18, Now},
    {"effective_wal_level", 0, 0},
};

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

SettingInfo infoFrom(const Row &row)
{
    SettingInfo info;
    info.name = QString::fromLatin1(row.name);
    info.type = row.type;
    info.context = row.context;
    info.place = row.place;
    info.unit = QString::fromLatin1(row.unit);
    info.minimum = static_cast<qint64>(row.minimum);
    info.maximum = static_cast<qint64>(row.maximum);
    info.realMinimum = row.minimum;
    info.realMaximum = row.maximum;
    info.enumValues = words(row.enumValues);
    info.hiddenEnumValues = words(row.hiddenValues);
    info.defaultValue = QString::fromLatin1(row.defaultValue);
    return info;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("VersionRules", text);
}

// A unit and what one of it is worth in the smallest unit of its kind (bytes, microseconds).
struct UnitFactor
{
    const char *unit;
    double factor;
};
const UnitFactor memoryUnits[] = {
    {"B", 1}, {"kB", 1024.0}, {"MB", 1024.0 * 1024}, {"GB", 1024.0 * 1024 * 1024}, {"TB", 1024.0 * 1024 * 1024 * 1024},
};
const UnitFactor timeUnits[] = {
    {"us", 1},
    {"ms", 1000.0},
    {"s", 1000.0 * 1000},
    {"min", 60.0 * 1000 * 1000},
    {"h", 3600.0 * 1000 * 1000},
    {"d", 86400.0 * 1000 * 1000},
};

double baseUnitFactor(const QString &unit)
{
    if (unit == QLatin1String("kB"))
        return 1024.0;
    if (unit == QLatin1String("8kB"))
        return 8192.0;
    if (unit == QLatin1String("MB"))
        return 1024.0 * 1024;
    if (unit == QLatin1String("16MB"))
        return 16.0 * 1024 * 1024;
    if (unit == QLatin1String("ms"))
        return 1000.0;
    if (unit == QLatin1String("s"))
        return 1000.0 * 1000;
    if (unit == QLatin1String("min"))
        return 60.0 * 1000 * 1000;
    return 1;
}

bool isMemoryUnit(const QString &unit)
{
    return unit.endsWith(QLatin1Char('B'));
}

} // namespace

VersionRules::VersionRules(PgVersion version) : m_version(version)
{
}

QList<PgVersion> VersionRules::supportedMajors()
{
    return {PgVersion(9, 3), PgVersion(9, 4), PgVersion(9, 5), PgVersion(9, 6), PgVersion(10),
            PgVersion(11),   PgVersion(12),   PgVersion(13),   PgVersion(14),   PgVersion(15),
            PgVersion(16),   PgVersion(17),   PgVersion(18)};
}

bool VersionRules::isSupported() const
{
    return m_version >= oldestSupported() && m_version <= newestSupported();
}

// --- primary settings

QString VersionRules::walLevelForReplication() const
{
    return m_version.atLeast(9, 6) ? QStringLiteral("replica") : QStringLiteral("hot_standby");
}

QStringList VersionRules::walLevelValues() const
{
    return setting(QStringLiteral("wal_level"))->enumValues;
}

QString VersionRules::defaultWalLevel() const
{
    return m_version.atLeast(10) ? QStringLiteral("replica") : QStringLiteral("minimal");
}

int VersionRules::defaultMaxWalSenders() const
{
    return m_version.atLeast(10) ? 10 : 0;
}

int VersionRules::defaultMaxReplicationSlots() const
{
    return m_version.atLeast(10) ? 10 : 0;
}

bool VersionRules::defaultHotStandby() const
{
    return m_version.atLeast(10);
}

bool VersionRules::hasReplicationSlots() const
{
    return m_version.atLeast(9, 4);
}

QString VersionRules::walKeepSetting() const
{
    return m_version.atLeast(13) ? QStringLiteral("wal_keep_size") : QStringLiteral("wal_keep_segments");
}

QString VersionRules::walKeepUnit() const
{
    return m_version.atLeast(13) ? QStringLiteral("MB") : QStringLiteral("segments");
}

QString VersionRules::walKeepValue(qint64 megabytes) const
{
    if (megabytes < 0)
        megabytes = 0;
    if (m_version.atLeast(13))
        return QStringLiteral("%1MB").arg(megabytes);
    // Default 16 MB segments: round up so that at least this much is kept.
    return QString::number((megabytes + 15) / 16);
}

bool VersionRules::hasMaxSlotWalKeepSize() const
{
    return m_version.atLeast(13);
}

bool VersionRules::hasArchiveLibrary() const
{
    return m_version.atLeast(15);
}

bool VersionRules::hasArchiveModeAlways() const
{
    return m_version.atLeast(9, 5);
}

bool VersionRules::hasClusterName() const
{
    return m_version.atLeast(9, 5);
}

bool VersionRules::hasWalLogHints() const
{
    return m_version.atLeast(9, 4);
}

// --- standby settings

VersionRules::RecoveryKind VersionRules::recoveryKind() const
{
    return m_version.atLeast(12) ? RecoveryKind::SignalFile : RecoveryKind::RecoveryConf;
}

QString VersionRules::promoteTriggerSetting() const
{
    if (m_version.atLeast(16))
        return {};
    return m_version.atLeast(12) ? QStringLiteral("promote_trigger_file") : QStringLiteral("trigger_file");
}

bool VersionRules::hasPgPromote() const
{
    return m_version.atLeast(12);
}

bool VersionRules::primaryConninfoReloadable() const
{
    return m_version.atLeast(13);
}

QString VersionRules::defaultRecoveryTargetTimeline() const
{
    return m_version.atLeast(12) ? QStringLiteral("latest") : QStringLiteral("current");
}

// --- authentication

bool VersionRules::hasScram() const
{
    return m_version.atLeast(10);
}

bool VersionRules::hasPgMonitor() const
{
    return m_version.atLeast(10);
}

QString VersionRules::defaultPasswordEncryption() const
{
    if (m_version.atLeast(14))
        return QStringLiteral("scram-sha-256");
    if (m_version.atLeast(10))
        return QStringLiteral("md5");
    return QStringLiteral("on"); // a boolean before 10: on means md5
}

QString VersionRules::preferredPasswordMethod() const
{
    return hasScram() ? QStringLiteral("scram-sha-256") : QStringLiteral("md5");
}

bool VersionRules::md5Deprecated() const
{
    return m_version.atLeast(18);
}

// --- synchronous replication

bool VersionRules::canRenderSyncStandbyNames(int count, SyncMethod method) const
{
    if (count < 1)
        return false;
    if (method == SyncMethod::Any)
        return m_version.atLeast(10);
    return count == 1 || m_version.atLeast(9, 6);
}

QString VersionRules::renderSyncStandbyNames(const QStringList &names, int count, SyncMethod method) const
{
    // A standby name is an identifier: plain when lower-case letters, digits and _ only (or "*"),
    // else double-quoted with embedded quotes doubled, as syncrep's grammar reads it.
    static const QRegularExpression plain(QStringLiteral("^(\\*|[a-z_][a-z0-9_$]*)$"));
    QStringList quoted;
    for (const QString &name : names) {
        if (plain.match(name).hasMatch())
            quoted << name;
        else
            quoted << QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                          QLatin1Char('"');
    }
    const QString list = quoted.join(QStringLiteral(", "));
    if (names.isEmpty())
        return {};
    count = std::max(1, std::min(count, static_cast<int>(names.size())));
    if (!m_version.atLeast(9, 6))
        return list; // the first connected standby in the list is the synchronous one
    if (!m_version.atLeast(10))
        return count == 1 ? list : QStringLiteral("%1 (%2)").arg(count).arg(list);
    if (method == SyncMethod::Any)
        return QStringLiteral("ANY %1 (%2)").arg(count).arg(list);
    return count == 1 ? list : QStringLiteral("FIRST %1 (%2)").arg(count).arg(list);
}

QStringList VersionRules::syncStateValues() const
{
    QStringList values{QStringLiteral("async"), QStringLiteral("potential"), QStringLiteral("sync")};
    if (m_version.atLeast(10))
        values << QStringLiteral("quorum");
    return values;
}

QStringList VersionRules::synchronousCommitValues() const
{
    return setting(QStringLiteral("synchronous_commit"))->enumValues;
}

bool VersionRules::hasSyncRepWaitEvent() const
{
    return m_version.atLeast(10);
}

// --- monitoring

QString VersionRules::currentWalLsnFunction() const
{
    return m_version.atLeast(10) ? QStringLiteral("pg_current_wal_lsn") : QStringLiteral("pg_current_xlog_location");
}

QString VersionRules::walLsnDiffFunction() const
{
    return m_version.atLeast(10) ? QStringLiteral("pg_wal_lsn_diff") : QStringLiteral("pg_xlog_location_diff");
}

QString VersionRules::lastWalReceiveLsnFunction() const
{
    return m_version.atLeast(10) ? QStringLiteral("pg_last_wal_receive_lsn")
                                 : QStringLiteral("pg_last_xlog_receive_location");
}

QString VersionRules::lastWalReplayLsnFunction() const
{
    return m_version.atLeast(10) ? QStringLiteral("pg_last_wal_replay_lsn")
                                 : QStringLiteral("pg_last_xlog_replay_location");
}

QString VersionRules::walReplayPauseFunction() const
{
    return m_version.atLeast(10) ? QStringLiteral("pg_wal_replay_pause") : QStringLiteral("pg_xlog_replay_pause");
}

QString VersionRules::walReplayResumeFunction() const
{
    return m_version.atLeast(10) ? QStringLiteral("pg_wal_replay_resume") : QStringLiteral("pg_xlog_replay_resume");
}

QString VersionRules::walFileNameFunction() const
{
    return m_version.atLeast(10) ? QStringLiteral("pg_walfile_name") : QStringLiteral("pg_xlogfile_name");
}

QString VersionRules::walReplayPausedFunction() const
{
    return m_version.atLeast(10) ? QStringLiteral("pg_is_wal_replay_paused")
                                 : QStringLiteral("pg_is_xlog_replay_paused");
}

QString VersionRules::sentLsnColumn() const
{
    return m_version.atLeast(10) ? QStringLiteral("sent_lsn") : QStringLiteral("sent_location");
}

QString VersionRules::writeLsnColumn() const
{
    return m_version.atLeast(10) ? QStringLiteral("write_lsn") : QStringLiteral("write_location");
}

QString VersionRules::flushLsnColumn() const
{
    return m_version.atLeast(10) ? QStringLiteral("flush_lsn") : QStringLiteral("flush_location");
}

QString VersionRules::replayLsnColumn() const
{
    return m_version.atLeast(10) ? QStringLiteral("replay_lsn") : QStringLiteral("replay_location");
}

bool VersionRules::hasLagColumns() const
{
    return m_version.atLeast(10);
}
bool VersionRules::hasReplyTime() const
{
    return m_version.atLeast(12);
}
bool VersionRules::hasStatWalReceiver() const
{
    return m_version.atLeast(9, 6);
}
bool VersionRules::hasStatArchiver() const
{
    return m_version.atLeast(9, 4);
}
bool VersionRules::hasSlotWalStatus() const
{
    return m_version.atLeast(13);
}
bool VersionRules::hasSlotInactiveSince() const
{
    return m_version.atLeast(17);
}
bool VersionRules::hasHbaFileRules() const
{
    return m_version.atLeast(10);
}
bool VersionRules::hasFileSettings() const
{
    return m_version.atLeast(9, 5);
}
bool VersionRules::hasPendingRestart() const
{
    return m_version.atLeast(9, 5);
}
bool VersionRules::hasHbaInclude() const
{
    return m_version.atLeast(16);
}

// --- pg_basebackup, initdb, backups

bool VersionRules::basebackupHasSlotOption() const
{
    return m_version.atLeast(9, 6);
}
bool VersionRules::basebackupCanCreateSlot() const
{
    return m_version.atLeast(11);
}
bool VersionRules::basebackupStreamsByDefault() const
{
    return m_version.atLeast(10);
}
bool VersionRules::basebackupHasWriteRecoveryConf() const
{
    return m_version.atLeast(9, 3);
}
bool VersionRules::dataChecksumsByDefault() const
{
    return m_version.atLeast(18);
}
bool VersionRules::hasNonExclusiveBackup() const
{
    return m_version.atLeast(9, 6);
}

QString VersionRules::backupStartFunction() const
{
    return m_version.atLeast(15) ? QStringLiteral("pg_backup_start") : QStringLiteral("pg_start_backup");
}

QString VersionRules::backupStopFunction() const
{
    return m_version.atLeast(15) ? QStringLiteral("pg_backup_stop") : QStringLiteral("pg_stop_backup");
}

// --- settings

std::optional<SettingInfo> VersionRules::setting(const QString &name) const
{
    const int major = m_version.majorNumber();
    for (const Row &row : rows) {
        if (major >= row.from && major <= row.to && name.compare(QLatin1String(row.name), Qt::CaseInsensitive) == 0)
            return infoFrom(row);
    }
    return std::nullopt;
}

QString VersionRules::settingPurpose(const QString &name)
{
    // The settings a replication setup touches: what a DBA reads a tooltip for.
    static const struct
    {
        const char *name;
        const char *purpose;
    } purposes[] = {
        {"listen_addresses",
         QT_TRANSLATE_NOOP("VersionRules",
                           "The addresses the server listens on; a standby must reach one of them ('*' for all).")},
        {"port", QT_TRANSLATE_NOOP("VersionRules", "The TCP port the server listens on.")},
        {"max_connections", QT_TRANSLATE_NOOP("VersionRules", "How many client connections the server accepts at once; "
                                                              "a hot standby needs at least the primary's value.")},
        {"shared_buffers", QT_TRANSLATE_NOOP("VersionRules", "The memory the server keeps for caching data pages.")},
        {"wal_level",
         QT_TRANSLATE_NOOP(
             "VersionRules",
             "How much the write-ahead log records; a standby needs replica (hot_standby before 9.6) or logical.")},
        {"max_wal_senders",
         QT_TRANSLATE_NOOP("VersionRules",
                           "How many standbys and base backups may stream WAL from this server at once.")},
        {"max_replication_slots",
         QT_TRANSLATE_NOOP(
             "VersionRules",
             "How many replication slots the server can hold; each slot keeps WAL until its standby has it.")},
        {"wal_keep_size",
         QT_TRANSLATE_NOOP("VersionRules",
                           "How much WAL the primary keeps for standbys that fall behind without a slot.")},
        {"wal_keep_segments",
         QT_TRANSLATE_NOOP("VersionRules",
                           "How many 16 MB WAL files the primary keeps for standbys that fall behind without a slot.")},
        {"max_slot_wal_keep_size",
         QT_TRANSLATE_NOOP(
             "VersionRules",
             "The most WAL a replication slot may hold back before the slot is given up (-1: no limit).")},
        {"wal_log_hints",
         QT_TRANSLATE_NOOP(
             "VersionRules",
             "Logs whole pages on hint-bit changes, which pg_rewind needs to bring an old primary back as a standby.")},
        {"archive_mode",
         QT_TRANSLATE_NOOP("VersionRules",
                           "Whether finished WAL files are handed to archive_command or archive_library.")},
        {"archive_command",
         QT_TRANSLATE_NOOP(
             "VersionRules",
             "The shell command that copies one finished WAL file to the archive (%p its path, %f its name).")},
        {"restore_command",
         QT_TRANSLATE_NOOP("VersionRules", "The shell command a standby runs to fetch a WAL file from the archive.")},
        {"hot_standby",
         QT_TRANSLATE_NOOP("VersionRules", "Whether a standby accepts read-only queries while it replays WAL.")},
        {"hot_standby_feedback",
         QT_TRANSLATE_NOOP(
             "VersionRules",
             "Whether a standby tells the primary which rows its queries still need, so that vacuum keeps them.")},
        {"synchronous_standby_names",
         QT_TRANSLATE_NOOP(
             "VersionRules",
             "The standbys a commit waits for (FIRST or ANY n of them); empty: commits never wait for a standby.")},
        {"synchronous_commit",
         QT_TRANSLATE_NOOP("VersionRules",
                           "How far a commit waits: local flush, or a synchronous standby's write, flush or replay.")},
        {"primary_conninfo",
         QT_TRANSLATE_NOOP("VersionRules",
                           "How a standby connects to its primary (host, port, user, application_name).")},
        {"primary_slot_name",
         QT_TRANSLATE_NOOP("VersionRules", "The replication slot on the primary that this standby streams through.")},
        {"standby_mode",
         QT_TRANSLATE_NOOP("VersionRules",
                           "In recovery.conf (up to 11): on makes the server a standby that keeps replaying WAL.")},
        {"recovery_target_timeline",
         QT_TRANSLATE_NOOP("VersionRules", "Which timeline a standby follows; latest follows a promoted primary.")},
        {"cluster_name",
         QT_TRANSLATE_NOOP("VersionRules", "A name shown in the server's process titles, to tell clusters apart.")},
        {"password_encryption",
         QT_TRANSLATE_NOOP("VersionRules", "How new passwords are stored: scram-sha-256 or md5.")},
    };
    for (const auto &entry : purposes)
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return tr(entry.purpose);
    return {};
}

bool VersionRules::isKnownSetting(const QString &name) const
{
    // "extension.name": a placeholder any loaded library may claim; PostgreSQL accepts it.
    if (name.contains(QLatin1Char('.')))
        return true;
    if (setting(name))
        return true;
    const int major = m_version.majorNumber();
    // 10 to 18: what the server itself lists in pg_settings, nothing else.
    for (const ServerSettingNames &server : settingsFromServers) {
        if (server.major != major)
            continue;
        for (std::size_t i = 0; i < server.count; ++i) {
            if (name.compare(QLatin1String(server.names[i]), Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    bool described = false;
    for (const Row &row : rows) {
        if (name.compare(QLatin1String(row.name), Qt::CaseInsensitive) == 0)
            described = true;
    }
    if (described)
        return false; // the table has every era of its names: not one of this major's
    for (const Era &era : otherEras) {
        if (name.compare(QLatin1String(era.name), Qt::CaseInsensitive) == 0)
            return major >= era.from && major <= era.to;
    }
    if (isInternalSetting(name))
        return true;
    for (const char *known : knownIn15) {
        if (name.compare(QLatin1String(known), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool VersionRules::needsRestart(const QString &name) const
{
    const auto info = setting(name);
    return info && info->needsRestart();
}

std::optional<bool> VersionRules::parseBool(const QString &value)
{
    // PostgreSQL's parse_bool: a unique prefix of true/false/yes/no, on/off (two letters at least),
    // or 1/0; any case; no surrounding blanks.
    const QString v = value.toLower();
    if (v.isEmpty())
        return std::nullopt;
    auto prefixOf = [&](const char *word, int minimum) {
        return v.size() >= minimum && QLatin1String(word).startsWith(v);
    };
    if (prefixOf("true", 1) || prefixOf("yes", 1) || prefixOf("on", 2) || v == QLatin1String("1"))
        return true;
    if (prefixOf("false", 1) || prefixOf("no", 1) || prefixOf("off", 2) || v == QLatin1String("0"))
        return false;
    return std::nullopt;
}

QString VersionRules::memoryUnitsText() const
{
    return m_version.atLeast(11)     ? tr("B, kB, MB, GB and TB")
           : m_version.atLeast(9, 4) ? tr("kB, MB, GB and TB")
                                     : tr("kB, MB and GB");
}

QString VersionRules::timeUnitsText() const
{
    return m_version.atLeast(12) ? tr("us, ms, s, min, h and d") : tr("ms, s, min, h and d");
}

Result<qint64> VersionRules::parseInteger(const SettingInfo &info, const QString &value) const
{
    // PostgreSQL's parse_int: strtol with base 0 (so 0x1F and 010 are hex and octal), from 12 a
    // fraction or exponent too (rounded), then blanks, an optional unit (case matters), blanks.
    const QByteArray bytes = value.toUtf8();
    const char *start = bytes.constData();
    char *end = nullptr;
    errno = 0;
    double number = static_cast<double>(std::strtol(start, &end, 0));
    bool overflow = errno == ERANGE;
    if (end == start)
        return makeError(tr("\"%1\" is not a number.").arg(value));
    if (m_version.atLeast(12) && (*end == '.' || *end == 'e' || *end == 'E')) {
        errno = 0;
        number = std::strtod(start, &end);
        overflow = errno == ERANGE || std::isnan(number);
    }
    if (overflow)
        return makeError(tr("\"%1\" exceeds the integer range.").arg(value));
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r' || *end == '\f' || *end == '\v')
        ++end;
    QString unit = QString::fromUtf8(end);
    const qsizetype blank = unit.indexOf(QRegularExpression(QStringLiteral("\\s")));
    QString tail;
    if (blank >= 0) {
        tail = unit.mid(blank).trimmed();
        unit.truncate(blank);
    }
    if (!tail.isEmpty())
        return makeError(tr("\"%1\" has something after its unit.").arg(value));
    if (!unit.isEmpty()) {
        if (info.unit.isEmpty())
            return makeError(tr("%1 takes a plain number, without a unit.").arg(info.name));
        const bool memory = isMemoryUnit(info.unit);
        double factor = 0;
        if (memory) {
            for (const UnitFactor &u : memoryUnits) {
                if (unit == QLatin1String(u.unit))
                    factor = u.factor;
            }
            if ((unit == QLatin1String("B") && !m_version.atLeast(11)) ||
                (unit == QLatin1String("TB") && !m_version.atLeast(9, 4)))
                factor = 0;
        } else {
            for (const UnitFactor &u : timeUnits) {
                if (unit == QLatin1String(u.unit))
                    factor = u.factor;
            }
            if (unit == QLatin1String("us") && !m_version.atLeast(12))
                factor = 0;
        }
        if (factor == 0) {
            return makeError(tr("\"%1\" is not a unit of %2: use %3.")
                                 .arg(unit, info.name, memory ? memoryUnitsText() : timeUnitsText()));
        }
        const double inBase = number * factor / baseUnitFactor(info.unit);
        // 12+ rounds to the nearest base unit; before 12 the conversion truncated.
        number = m_version.atLeast(12) ? std::rint(inBase) : std::trunc(inBase);
    } else if (m_version.atLeast(12)) {
        number = std::rint(number);
    }
    if (number > IntMax || number < INT_MIN)
        return makeError(tr("\"%1\" exceeds the integer range.").arg(value));
    return static_cast<qint64>(number);
}

std::optional<qint64> VersionRules::integerInBaseUnit(const QString &name, const QString &value) const
{
    const auto info = setting(name);
    if (!info || info->type != SettingInfo::Type::Integer)
        return std::nullopt;
    auto number = parseInteger(*info, value);
    if (!number || *number < info->minimum || *number > info->maximum)
        return std::nullopt;
    return *number;
}

bool VersionRules::sameSettingValue(const QString &name, const QString &shown, const QString &wanted) const
{
    if (shown.compare(wanted, Qt::CaseInsensitive) == 0)
        return true;
    const auto info = setting(name);
    if (!info)
        return false;
    switch (info->type) {
    case SettingInfo::Type::Integer: {
        // A bare number is in the base unit, so this also compares two values as written ("1GB", "1024MB").
        const auto a = integerInBaseUnit(name, shown);
        const auto b = integerInBaseUnit(name, wanted);
        return a && b && *a == *b;
    }
    case SettingInfo::Type::Bool:
        return parseBool(shown) && parseBool(shown) == parseBool(wanted);
    case SettingInfo::Type::Real: {
        bool shownOk = false, wantedOk = false;
        const double a = shown.toDouble(&shownOk), b = wanted.trimmed().toDouble(&wantedOk);
        return shownOk && wantedOk && a == b;
    }
    case SettingInfo::Type::Enum:
        // 9.6+ reads the old name hot_standby as replica; "true" is "on".
        if (name.compare(QLatin1String("wal_level"), Qt::CaseInsensitive) == 0)
            return wanted.compare(QLatin1String("hot_standby"), Qt::CaseInsensitive) == 0 &&
                   shown == walLevelForReplication();
        return parseBool(shown) && parseBool(shown) == parseBool(wanted);
    case SettingInfo::Type::String:
        return false;
    }
    return false;
}

Result<void> VersionRules::validateSetting(const QString &name, const QString &value) const
{
    const QString major = m_version.majorString();
    const auto info = setting(name);
    if (!info && isInternalSetting(name)) {
        return makeError(tr("%1 cannot be set in a configuration file: PostgreSQL fixes it when the cluster is made "
                            "(initdb) or the server is built.")
                             .arg(name),
                         QStringLiteral("%1 = %2").arg(name, value));
    }
    if (!info) {
        if (isKnownSetting(name))
            return SettingGrammar::check(name, value, m_version); // else PostgreSQL checks it
        QString hint;
        const QString lower = name.toLower();
        if (lower == QLatin1String("wal_keep_segments") || lower == QLatin1String("wal_keep_size"))
            hint = tr(" Use %1 instead.").arg(walKeepSetting());
        else if (lower == QLatin1String("promote_trigger_file") || lower == QLatin1String("trigger_file"))
            hint = promoteTriggerSetting().isEmpty()
                       ? tr(" Promote with pg_ctl promote or SELECT pg_promote() instead.")
                       : tr(" Use %1 instead.").arg(promoteTriggerSetting());
        else if (lower == QLatin1String("checkpoint_segments"))
            hint = tr(" Use max_wal_size instead.");
        else if (lower == QLatin1String("standby_mode"))
            hint = tr(" From 12 on, an empty standby.signal file in the data directory makes a standby.");
        return makeError(tr("PostgreSQL %1 has no setting named %2.%3").arg(major, name, hint),
                         QStringLiteral("%1 = %2").arg(name, value));
    }
    const QString detail = QStringLiteral("%1 = '%2' (PostgreSQL %3)").arg(info->name, value, major);
    switch (info->type) {
    case SettingInfo::Type::Bool:
        if (!parseBool(value))
            return makeError(tr("%1 cannot be \"%2\" in PostgreSQL %3: it takes a boolean (on or off, true or false, "
                                "yes or no, 1 or 0).")
                                 .arg(info->name, value, major),
                             detail);
        break;
    case SettingInfo::Type::Enum: {
        bool found = false;
        for (const QString &allowed : info->enumValues + info->hiddenEnumValues)
            found = found || allowed.compare(value, Qt::CaseInsensitive) == 0;
        if (found)
            break;
        return makeError(tr("%1 cannot be \"%2\" in PostgreSQL %3: use one of %4.")
                             .arg(info->name, value, major, info->enumValues.join(QStringLiteral(", "))),
                         detail);
    }
    case SettingInfo::Type::Integer: {
        const auto number = parseInteger(*info, value);
        if (!number) {
            return makeError(
                tr("%1 cannot be \"%2\" in PostgreSQL %3: %4").arg(info->name, value, major, number.error().message),
                detail);
        }
        if (*number < info->minimum || *number > info->maximum) {
            const QString unit = info->unit.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(info->unit);
            return makeError(tr("%1 cannot be \"%2\" in PostgreSQL %3: it must be between %4 and %5%6.")
                                 .arg(info->name, value, major)
                                 .arg(info->minimum)
                                 .arg(info->maximum)
                                 .arg(unit),
                             detail);
        }
        break;
    }
    case SettingInfo::Type::Real: {
        bool ok = false;
        const double number = value.trimmed().toDouble(&ok);
        if (!ok || number < info->realMinimum || number > info->realMaximum)
            return makeError(tr("%1 cannot be \"%2\" in PostgreSQL %3: it takes a number between %4 and %5.")
                                 .arg(info->name, value, major)
                                 .arg(info->realMinimum)
                                 .arg(info->realMaximum),
                             detail);
        break;
    }
    case SettingInfo::Type::String:
        if (auto valid = SettingGrammar::check(info->name, value, m_version); !valid)
            return valid;
        break;
    }
    if (info->context == SettingInfo::Context::Internal) {
        return makeError(tr("%1 cannot be set in a configuration file: it is fixed when the cluster is made "
                            "(initdb).")
                             .arg(info->name),
                         detail);
    }
    return {};
}
