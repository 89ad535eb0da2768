#pragma once

#include "core/conf/conninfo.h"
#include "core/result.h"
#include "core/version/pg_version.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// What makes a data directory a streaming standby, written for its major:
// recovery.conf (standby_mode, primary_conninfo, primary_slot_name,
// recovery_target_timeline, restore_command, trigger_file) up to 11; from 12
// the same settings in postgresql.auto.conf plus an empty standby.signal.
// The setup plan renders the files from it; discovery and a step's check()
// read an existing recovery.conf / postgresql.auto.conf back into one.
class RecoverySettings
{
public:
    // How the standby reaches the primary; primaryConninfo() makes the
    // libpq connection string of it for the standby's major.
    struct PrimaryConnection
    {
        QString host;
        int port = 5432;
        QString user;
        QString applicationName; // the standby's name in synchronous_standby_names
        QString passfile;        // a 0600 file on the standby (libpq 10+); empty: none
        QString password;        // only for the "as in the walkthrough" mode; prefer passfile
        QString sslmode;         // empty: libpq's default
    };

    // A file of the data directory and its whole new content.
    struct FileContent
    {
        QString name; // relative to the data directory: recovery.conf, postgresql.auto.conf, standby.signal
        QByteArray content;
    };

    explicit RecoverySettings(PgVersion version = {});

    // The libpq connection string for a standby of that major: keywords its
    // libpq does not know are never written (a 15 client's defaults broke
    // 11 standbys); passfile needs 10+.
    static Result<ConnInfo> primaryConninfo(const PrimaryConnection &connection, PgVersion version);

    PgVersion version() const { return m_version; }
    bool usesRecoveryConf() const;

    ConnInfo conninfo;
    QString slotName;        // primary_slot_name (9.4+)
    QString targetTimeline;  // recovery_target_timeline; empty: 'latest' where the default differs
    QString restoreCommand;  // restore_command, e.g. from a WAL archive
    QString triggerFile;     // trigger_file (up to 11) / promote_trigger_file (12-15); none in 16+
    bool standbyMode = true; // standby_mode = on (up to 11) / standby.signal (12+)

    // Refuses what the major cannot take, saying what to do instead.
    Result<void> validate() const;

    // recovery.conf (up to 11), whole.
    Result<QByteArray> recoveryConf() const;
    // postgresql.auto.conf (12+) with the settings set in the given current
    // content (empty: a new file with the header ALTER SYSTEM writes).
    Result<QByteArray> autoConf(const QByteArray &current) const;
    // postgresql.auto.conf as initdb writes it (12+): the header ALTER SYSTEM keeps.
    static QByteArray freshAutoConf();
    // The files to write for this major: recovery.conf; or
    // postgresql.auto.conf and an empty standby.signal.
    Result<QList<FileContent>> files(const QByteArray &currentAutoConf = {}) const;
    // Files that must not be in the data directory for this major (a
    // recovery.conf stops a 12+ server from starting).
    QStringList obsoleteFiles() const;
    // name = value pairs as the server sees them (after defaults we add).
    QList<QPair<QString, QString>> settings() const;

    // Reads a recovery.conf (up to 11).
    static Result<RecoverySettings> parseRecoveryConf(const QByteArray &text, PgVersion version);
    // Reads the standby settings of a postgresql.conf / postgresql.auto.conf
    // (12+); standbySignal: whether standby.signal is in the data directory.
    static Result<RecoverySettings> parseConf(const QByteArray &text, PgVersion version, bool standbySignal);

private:
    QString triggerSettingName() const;

    PgVersion m_version;
};
