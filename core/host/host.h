#pragma once

#include "core/host/command_line.h"
#include "core/host/command_result.h"
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
        Su,             // su to root with root's password (first line of stdin)
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
    // Binary streams between hosts (a data directory as tar from one host
    // into tar -x on another, BackupClone): when set, standard output goes
    // here in chunks as it arrives, not into CommandResult::stdOut; the call
    // may block to slow the command down.
    std::function<void(const QByteArray &chunk)> onStdOutData;
    // When set, the command's standard input continues after stdinData with
    // what this returns while the command runs: the next bytes, an empty
    // array when there are none yet (asked again shortly), std::nullopt at
    // the end of the input.
    std::function<std::optional<QByteArray>()> stdinSource;
};

struct WriteOptions
{
    RunAs as = RunAs::LoginUser;
    std::optional<int> mode; // e.g. 0600; default: keep the old file's mode (0644 for a new file)
    QString owner;           // "user" or "user:group"; default: keep the old file's owner
    bool keepBackup = true;  // the previous content stays beside it as <path>.<date>.bak
    // Set from any thread to stop a long write; the old file stays as it was.
    const std::atomic_bool *cancel = nullptr;
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
    virtual Result<void> appendFile(const QString &path, const QByteArray &content, RunAs as = RunAs::LoginUser) = 0;

    // Set before the host is shared between threads (discovery does it).
    const Privilege &privilege() const { return m_privilege; }
    void setPrivilege(Privilege privilege) { m_privilege = std::move(privilege); }

    // The user whose name the commands run under when RunAs::LoginUser.
    virtual QString loginUser() const = 0;

    // A file on the host to which every command started from now on appends
    // its process group ("group <pgid>"), before it runs: HostLock's lock
    // file, so that a later run finds what this one left running. Empty: none.
    // Set between commands, on the thread that runs them.
    void setCommandJournal(const QString &path) { m_commandJournal = path; }
    const QString &commandJournal() const { return m_commandJournal; }

    // Ends a process group on the host: TERM, up to 3 s to go, then KILL.
    // Run it as the group's user, or as root.
    static CommandLine endGroupCommand(qint64 processGroup);

protected:
    // The shared part of both hosts, so that LocalHost and SshHost become
    // root or postgres, and write files, in exactly the same way.

    // `command` turned into what runs it as `as` from the login user:
    // unchanged for the login user itself, `runuser -u postgres --` when the
    // login user is root, else sudo per privilege(). sudo's password, when
    // one is needed, goes first on the command's stdin (stdinPrefix).
    struct PrivilegedCommand
    {
        CommandLine command;
        QByteArray stdinPrefix;
    };
    // stdinFile (su only): the command's input, staged in a file, since su
    // leaves nothing of stdin for the command (PAM reads ahead).
    Result<PrivilegedCommand> withPrivilege(const CommandLine &command, RunAs as, const QString &stdinFile = {}) const;

    // su with input for the command: run() implementations hand such calls
    // here first. The input goes to a private file of the login user
    // (/dev/shm when there is one), su's root shell redirects it into the
    // command, and the file is removed afterwards.
    bool needsStagedInput(const RunOptions &options) const;
    Result<CommandResult> runWithStagedInput(const CommandLine &command, const RunOptions &options);

    // Files through fixed shell scripts run with run() (user text only as
    // "$1"): the way to act as another user, and SshHost's fallback when the
    // server has no SFTP. The write puts the content in a temp file beside
    // the target, fsyncs it, keeps the old file as <path>.<yyyyMMdd-HHmmss>.bak
    // (a hard link, so nothing is copied; -N added when two land in one
    // second) and renames the temp file over the target, keeping owner and
    // mode unless given. Killed midway, or given only part of the content
    // (its size is checked), the old file stays untouched.
    // uploadedTemp: the content is already in that file (SFTP upload, same
    // folder as the target), so the script takes it instead of stdin.
    Result<QByteArray> readFileThroughShell(const QString &path, RunAs as);
    // The one wording of a failed read, whichever way it was read.
    enum class ReadFailure { Missing, Denied, Other };
    Error readError(const QString &path, ReadFailure failure, const QString &detail = {}) const;
    Result<WriteReport> writeFileThroughShell(const QString &path, const QByteArray &content,
                                              const WriteOptions &options, const QString &uploadedTemp = {});
    Result<void> appendFileThroughShell(const QString &path, const QByteArray &content, RunAs as);

    Privilege m_privilege;
    QString m_commandJournal;
};
