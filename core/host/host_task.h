#pragma once

#include "core/host/host.h"

#include <QObject>

#include <memory>

class QThreadPool;

class SshHost;

// One Host call (a command, a file read or write, a connection test) run
// off the GUI thread, reported by signals: the GUI's way to use a Host.
// Calls run in a thread pool of their own; a host serialises its calls
// itself (SshHost's mutex), so tasks on one host queue up while tasks on
// different hosts run side by side. Delete the task (or its parent) at any
// time: a running call is cancelled and its signals are dropped.
//
//   auto *task = HostTask::run(host, CommandLine(...), {}, this);
//   connect(task, &HostTask::lineReceived, view, ...);
//   connect(task, &HostTask::finished, view, [task] { ... task->ok() ... });
class HostTask : public QObject
{
    Q_OBJECT

public:
    ~HostTask() override;

    // options.onLine and options.cancel are the task's own: use
    // lineReceived and cancel() instead.
    static HostTask *run(std::shared_ptr<Host> host, const CommandLine &command, RunOptions options = {},
                         QObject *parent = nullptr);
    static HostTask *readFile(std::shared_ptr<Host> host, const QString &path, RunAs as = RunAs::LoginUser,
                              QObject *parent = nullptr);
    static HostTask *writeFile(std::shared_ptr<Host> host, const QString &path, const QByteArray &content,
                               WriteOptions options = {}, QObject *parent = nullptr);
    // Connects and logs in, nothing more: "test the connection".
    static HostTask *connectTo(std::shared_ptr<SshHost> host, QObject *parent = nullptr);

    // The pool these calls run in; other core work the GUI starts (a sandbox
    // call) runs here too rather than on a pool of its own.
    static QThreadPool *threadPool();

    // Ends the call: the command (and its remote process group) is stopped,
    // a write leaves the old file; finished() follows.
    void cancel();

    // Valid once finished() was emitted.
    bool isFinished() const { return m_finished; }
    bool ok() const;            // the call worked (a command: it ran and exited 0)
    const Error &error() const; // when the call itself failed
    const CommandResult &commandResult() const;
    const QByteArray &content() const; // readFile
    const WriteReport &writeReport() const;
    // One sentence for the user whatever went wrong (or right).
    QString summary() const;

signals:
    void lineReceived(OutputChannel channel, const QByteArray &line);
    void finished();

private:
    struct Outcome;
    struct Shared;
    explicit HostTask(QObject *parent);
    void start(std::function<void(Shared &)> work);

    std::shared_ptr<Shared> m_shared;
    bool m_finished = false;
};
