#pragma once

#include "core/host/command_line.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

// Who a command or file access runs as on a host.
enum class RunAs { LoginUser, Root, Postgres };

// How a host turns its login user into root or postgres; found by discovery,
// chosen per host. Passwords never appear in a command line: they travel on
// the command's standard input.
struct Privilege
{
    enum class Method {
        Direct,         // the login user is root already (or nothing is needed)
        SudoNoPassword, // sudo -n
        SudoPassword,   // sudo -S, password on stdin
        Su,             // su, root's password on a pty
    };
    Method method = Method::Direct;
    QString password;
};

enum class OutputChannel { StdOut, StdErr };

struct RunOptions
{
    RunAs as = RunAs::LoginUser;
    QByteArray stdinData; // secrets go here, never into arguments
    int timeoutMs = 0;    // 0: no limit
    // Called for each complete line while the command runs (on the thread
    // that called run()); pg_basebackup's progress reaches the GUI this way.
    std::function<void(OutputChannel, const QByteArray &line)> onLine;
    // Set from any thread to end the command; the remote process is ended too.
    const std::atomic_bool *cancel = nullptr;
};

// What a command that started did. A command that could not be started at
// all (host unreachable, connection lost) is an Error instead.
struct CommandResult
{
    CommandLine command;
    int exitCode = -1;
    QByteArray stdOut;
    QByteArray stdErr;
    qint64 durationMs = 0;
    bool timedOut = false;
    bool cancelled = false;

    bool succeeded() const { return exitCode == 0 && !timedOut && !cancelled; }
};

struct WriteOptions
{
    RunAs as = RunAs::LoginUser;
    std::optional<int> mode; // e.g. 0600; default: keep the old file's mode (0644 for a new file)
    QString owner;           // "user" or "user:group"; default: keep the old file's owner
    bool keepBackup = true;  // the previous content stays beside it as <path>.<date>.bak
};

struct WriteReport
{
    QString path;
    QString backupPath; // empty when there was no previous file
};

// A machine to act on: SshHost (libssh) or LocalHost (QProcess). Every call
// here blocks until done, so call it from a worker thread (PlanRunner,
// Sandbox, HostTask), never from the GUI thread. Concurrent calls on one
// host are serialised by the implementation.
class Host
{
public:
    virtual ~Host() = default;

    // "postgres@db1:22", "this computer": for messages and logs.
    virtual QString displayName() const = 0;
    // How other machines reach this one (pg_hba.conf, primary_conninfo).
    virtual QString address() const = 0;

    virtual Result<CommandResult> run(const CommandLine &command, const RunOptions &options = {}) = 0;

    // write = temp file + fsync + rename, the previous content kept as a
    // dated backup; owner and mode kept unless given.
    virtual Result<QByteArray> readFile(const QString &path, RunAs as = RunAs::LoginUser) = 0;
    virtual Result<WriteReport> writeFile(const QString &path, const QByteArray &content,
                                          const WriteOptions &options = {}) = 0;
    virtual Result<void> appendFile(const QString &path, const QByteArray &content,
                                    RunAs as = RunAs::LoginUser) = 0;

    const Privilege &privilege() const { return m_privilege; }
    void setPrivilege(Privilege privilege) { m_privilege = std::move(privilege); }

protected:
    Privilege m_privilege;
};
