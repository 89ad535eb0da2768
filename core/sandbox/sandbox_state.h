#pragma once

#include "core/result.h"
#include "core/version/pg_version.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

// One server of a sandbox. Plain value; saved in <dir>/sandbox.json.
struct SandboxServer
{
    QString name; // "primary", "standby" or "standby1".."standby5"; a standby's application_name too
    int port = 0; // TCP port on 127.0.0.1, and the Unix socket's number
    QString dataDir;
    QString socketDir;     // unix_socket_directories
    QString superuser;     // the role initdb made: the OS user that runs the servers
    QString database;      // the lesson's database (mydb)
    QString slotName;      // a standby's physical slot on the primary (9.4+); empty for the primary
    bool promoted = false; // a standby after promote: a primary of its own, no longer replicating

    // A libpq conninfo a GUI, psql or a test can use:
    // host=<socketDir> port=<port> user=<superuser> dbname=<database>.
    QString connectionString() const;
    // The same for another database (postgres, for administration).
    QString connectionString(const QString &databaseName) const;
    // "psql -h <socketDir> -p <port> -U <superuser> <database>", quoted for a shell.
    QString psqlCommand(const QString &psqlPath) const;

    bool operator==(const SandboxServer &) const = default;
};

// What a sandbox is: written by Sandbox::up, read by Sandbox::loadState (the
// command line, the GUI's demo window, the tests). The JSON format is
// versioned so that a newer program can read an older folder: format 1 had
// one "standby" (with the slot and the promotion at the top level), format 2
// has "standbys", a list of one to five.
struct SandboxState
{
    QString dir;              // the sandbox folder (absolute)
    PgVersion version;        // the servers' major
    QString binDir;           // initdb, postgres, pg_ctl
    QString clientBinDir;     // psql (binDir, or Debian's)
    QString basebackupBinDir; // pg_basebackup of the same or a newer major; empty: cloned with BackupClone
    bool synchronous = true;
    // synchronous_standby_names as the user gave it (--synchronous-standby-names);
    // empty: the first standby alone is synchronous.
    QString synchronousStandbyNames;
    SandboxServer primary;
    QList<SandboxServer> standbys; // never empty once read or made

    QString osUser;          // who owns the folders and runs the servers
    QString replicationUser; // replicator
    QString passFile;        // 0600, the replicator's password for the standbys
    QDateTime created;

    // The first standby: the one an operation acts on when no name is given.
    const SandboxServer &standby() const { return standbys.first(); }
    // The standby of that name; nullptr when there is none.
    const SandboxServer *standbyNamed(const QString &name) const;
    QStringList standbyNames() const;
    // Whether a standby was promoted (the sandbox then has two primaries).
    bool anyPromoted() const;

    QJsonObject toJson() const;
    // dir: the folder the file was read from, kept as SandboxState::dir.
    static Result<SandboxState> fromJson(const QJsonObject &object, const QString &dir);

    // <dir>/sandbox.json
    static QString stateFilePath(const QString &dir);
};
