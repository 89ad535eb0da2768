#pragma once

#include "core/result.h"
#include "core/version/pg_version.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// One server of a sandbox. Plain value; saved in <dir>/sandbox.json.
struct SandboxServer
{
    QString name; // "primary" or "standby"; also the standby's application_name
    int port = 0; // TCP port on 127.0.0.1, and the Unix socket's number
    QString dataDir;
    QString socketDir; // unix_socket_directories
    QString superuser; // the role initdb made: the OS user that runs the servers
    QString database;  // the lesson's database (mydb)

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
// versioned ("format": 1) so that a newer program can read an older folder.
struct SandboxState
{
    QString dir;              // the sandbox folder (absolute)
    PgVersion version;        // the servers' major
    QString binDir;           // initdb, postgres, pg_ctl
    QString clientBinDir;     // psql (binDir, or Debian's)
    QString basebackupBinDir; // pg_basebackup of the same or a newer major; empty: cloned with BackupClone
    bool synchronous = true;
    SandboxServer primary;
    SandboxServer standby;

    QString osUser;               // who owns the folders and runs the servers
    QString replicationUser;      // replicator
    QString slotName;             // the standby's physical slot
    QString passFile;             // 0600, the replicator's password for the standby
    bool standbyPromoted = false; // after promote: two primaries, no replication
    QDateTime created;

    QJsonObject toJson() const;
    // dir: the folder the file was read from, kept as SandboxState::dir.
    static Result<SandboxState> fromJson(const QJsonObject &object, const QString &dir);

    // <dir>/sandbox.json
    static QString stateFilePath(const QString &dir);
};
