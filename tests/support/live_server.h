#pragma once

#include "core/host/command_result.h"
#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A throw-away PostgreSQL server on this machine, for every test that needs a
// real one (the monitor's PgConnection and ReplicationSampler, the version
// matrix, the conf and hba judges, the clone): its own folder, programs run as
// the postgres user when the test runs as root (initdb and postgres refuse
// root), a free loopback port and a Unix socket in its folder. It can be made a
// streaming standby of another one (pg_basebackup -R with a slot). Queries go
// through Debian's psql (the builds have no client tools), the SQL on stdin.
// Stopped and removed on destruction, also after a failed test.
class LiveServer
{
public:
    enum class StopMode { Smart, Fast, Immediate };

    // binDir: the server programs (initdb, pg_ctl, postgres), e.g. a build of
    // the matrix from PgBuilds; defaultBinDir() when empty.
    explicit LiveServer(QString binDir = {});
    ~LiveServer();
    LiveServer(const LiveServer &) = delete;
    LiveServer &operator=(const LiveServer &) = delete;

    // Why a server cannot run here (not root, no server programs), or empty.
    static QString unavailableReason();
    // Debian's PostgreSQL 15 server programs, or $REPLICA_PG_BIN.
    static QString defaultBinDir();
    // psql and pg_basebackup: Debian's (the other majors' builds have none).
    static QString clientBinDir();
    static int freePort();
    static bool runningAsRoot();
    // Settings for a small server whose replication state shows within a
    // second or two (fsync off, 16MB shared_buffers, 5 s wal_sender_timeout):
    // for appendSettings() in the monitor's tests.
    static QString smallFastSettings();

    // Makes the folder (owned by the server user); initdb into folder()/data,
    // UTF-8 in the C locale, trust for everyone.
    Result<void> initdb(const QStringList &extraArguments = {});
    // Uses a data directory made elsewhere instead of initdb; by default
    // folder()/data, left for a clone to fill.
    Result<void> adoptDataDir(const QString &dataDir = {});
    // A hot standby of the running `primary` (pg_basebackup -R), streaming
    // through slot applicationName under that application_name.
    Result<void> initStandbyOf(const LiveServer &primary, const QString &applicationName);

    // Starts on a free port (the same one again on a restart), listening on
    // 127.0.0.1; settings are extra "name=value" given as -c, and win.
    Result<void> start(const QStringList &settings = {});
    Result<void> stop(StopMode mode = StopMode::Fast);
    // SIGKILL to the postmaster and its children: a crash, as seen by clients.
    Result<void> killAll();
    Result<void> reload();
    bool isRunning() const { return m_running; }

    // Adds lines to postgresql.auto.conf (read last, so they win).
    Result<void> appendSettings(const QString &lines) const;
    // Replaces pg_hba.conf.
    Result<void> writeHba(const QByteArray &content) const;
    // Writes a file owned by the server user (postgresql.conf, pg_hba.conf...).
    Result<void> writeServerFile(const QString &path, const QByteArray &content) const;

    // SQL through psql; the unaligned, tuples-only output, fields joined by
    // '|', trimmed. Setup and checks only.
    Result<QString> query(const QString &sql, const QString &database = QStringLiteral("postgres")) const;
    // Rows of the output, fields split (psql's unit-separator output).
    Result<QList<QStringList>> rows(const QString &sql, const QString &database = QStringLiteral("postgres")) const;

    // A program of this server's binDir (or an absolute path) run as the
    // server user, `input` on its stdin. An error only when it cannot start.
    Result<CommandResult> runAsServerUser(const QString &program, const QStringList &arguments,
                                          const QByteArray &input = {}, int timeoutMs = 120000) const;

    QString binDir() const { return m_binDir; }
    QString folder() const;
    QString dataDir() const { return m_dataDir; }
    QString socketDir() const { return folder(); }
    QString logFile() const;
    int port() const { return m_port; }
    // libpq connection strings for this server: the superuser over the Unix
    // socket, or `user` over TCP.
    QString conninfo(const QString &database = QStringLiteral("postgres")) const;
    QString tcpConninfo(const QString &user, const QString &database = QStringLiteral("postgres")) const;
    // The server's own last log lines, for failure messages.
    QString logTail(int lines = 40) const;

private:
    Result<void> makeFolder();
    Result<void> pgCtl(const QStringList &arguments, const QString &failure, int timeoutMs = 120000) const;

    QString m_binDir;
    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_dataDir;
    int m_port = 0;
    bool m_running = false;
};
