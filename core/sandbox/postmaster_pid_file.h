#pragma once

#include <QString>

#include <optional>

// The postmaster.pid lock file of a data directory, read to tell a running
// server from a stale one left by a crash or kill -9 (Sandbox::up and
// status). Its first lines are: pid, data directory, start time, port,
// socket directory, listen address, shared memory key, status.
class PostmasterPidFile
{
public:
    // nullopt when the file is missing or unreadable (no server, or a clean stop).
    static std::optional<PostmasterPidFile> read(const QString &dataDir);
    // Parsed from the file's content (for tests and remote reads).
    static PostmasterPidFile parse(const QByteArray &content);

    qint64 pid() const { return m_pid; }
    int port() const { return m_port; }
    QString dataDir() const { return m_dataDir; }
    QString socketDir() const { return m_socketDir; }
    QString status() const { return m_status; } // "ready", "starting", "stopping", "standby" (10+)

    // The process named in the file exists and is a PostgreSQL server. A pid
    // reused by another program after a crash counts as not alive.
    bool processAlive() const;

private:
    qint64 m_pid = 0;
    int m_port = 0;
    QString m_dataDir;
    QString m_socketDir;
    QString m_status;
};
