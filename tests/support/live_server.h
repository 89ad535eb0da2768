#pragma once

#include "core/host/host.h"
#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A throw-away PostgreSQL server on this machine for the live tests of the
// version matrix: its own folder, programs run as the postgres user when the
// test runs as root (initdb and postgres refuse root), a free loopback port and
// a Unix socket in its folder. Queries go through Debian's psql (the builds
// have no client tools). Stopped and removed on destruction.
class LiveServer
{
public:
    explicit LiveServer(QString binDir);
    ~LiveServer();
    LiveServer(const LiveServer &) = delete;
    LiveServer &operator=(const LiveServer &) = delete;

    // Makes the folder (owned by the server user); initdb into folder()/data.
    Result<void> initdb(const QStringList &extraArguments = {});
    // Uses a data directory made elsewhere instead of initdb; by default
    // folder()/data, left for a clone to fill.
    Result<void> adoptDataDir(const QString &dataDir = {});

    // Starts on a free port; settings are extra "name=value" given as -c.
    Result<void> start(const QStringList &settings = {});
    Result<void> stop();
    bool isRunning() const { return m_running; }

    // One statement through psql; the unaligned, tuples-only output, trimmed.
    Result<QString> query(const QString &sql, const QString &database = QStringLiteral("postgres")) const;
    // Rows of a query, fields split (psql's unit-separator output).
    Result<QList<QStringList>> rows(const QString &sql, const QString &database = QStringLiteral("postgres")) const;

    // A program of this build (or an absolute path) run as the server user.
    Result<CommandResult> runAsServerUser(const QString &program, const QStringList &arguments,
                                          int timeoutMs = 120000) const;
    // Writes a file owned by the server user (postgresql.conf, pg_hba.conf...).
    Result<void> writeServerFile(const QString &path, const QByteArray &content) const;

    QString binDir() const { return m_binDir; }
    QString folder() const;
    QString dataDir() const { return m_dataDir; }
    QString socketDir() const { return folder(); }
    QString logFile() const;
    int port() const { return m_port; }
    // A libpq connection string for this server (Unix socket, superuser).
    QString conninfo(const QString &database = QStringLiteral("postgres")) const;
    // The server's own last log lines, for failure messages.
    QString logTail(int lines = 40) const;

    static int freePort();
    static bool runningAsRoot();

private:
    Result<void> makeFolder();

    QString m_binDir;
    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_dataDir;
    int m_port = 0;
    bool m_running = false;
};
