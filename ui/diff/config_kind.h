#pragma once

// Which configuration file a ConfigDiffView shows: it picks the lexer and the
// checks (settings validated by VersionRules, pg_hba.conf rules shadowed by
// earlier ones). Used by the setup wizard's file pages.
enum class ConfigKind {
    PostgresqlConf, // postgresql.conf (or a file it includes)
    PgHbaConf,      // pg_hba.conf
    RecoveryConf,   // recovery.conf, up to PostgreSQL 11
    AutoConf,       // postgresql.auto.conf, read after every other file
    StandbySignal,  // standby.signal, from PostgreSQL 12: its presence is what counts
    ServiceUnit,    // a systemd unit of ours; systemd-analyze verify judges it on the host
};
