#include "host_task.h"

#include "core/host/ssh_host.h"

#include <QCoreApplication>
#include <QRunnable>
#include <QThreadPool>

#include <atomic>
#include <optional>

struct HostTask::Outcome
{
    std::optional<Error> error;
    CommandResult commandResult;
    QByteArray content;
    WriteReport writeReport;
    bool isCommand = false;
};

// What the worker and the task share; outlives whichever goes first.
struct HostTask::Shared
{
    std::atomic_bool cancel{false};
    Outcome outcome; // written by the worker before it signals, read after
    std::function<void(OutputChannel, const QByteArray &)> emitLine; // to the relay, from the worker
};

namespace {

// Emits from the worker thread; lives in the GUI thread, so the queued
// deliveries to the task are dropped by Qt if the task is gone by then.
class Relay : public QObject
{
    Q_OBJECT
signals:
    void line(OutputChannel channel, const QByteArray &line);
    void done();
};

} // namespace

QThreadPool *HostTask::threadPool()
{
    // Not the global pool: long commands (a basebackup) must not starve
    // Qt's own users of it. Threads are cheap next to an SSH session.
    static QThreadPool *instance = [] {
        auto *threads = new QThreadPool(QCoreApplication::instance());
        threads->setMaxThreadCount(64);
        threads->setExpiryTimeout(30000);
        return threads;
    }();
    return instance;
}

HostTask::HostTask(QObject *parent) : QObject(parent), m_shared(std::make_shared<Shared>())
{
}

HostTask::~HostTask()
{
    m_shared->cancel = true;
}

void HostTask::start(std::function<void(Shared &)> work)
{
    auto *relay = new Relay; // deleted later in this (the GUI) thread, after its signals
    connect(relay, &Relay::line, this, &HostTask::lineReceived, Qt::QueuedConnection);
    connect(
        relay, &Relay::done, this,
        [this] {
            m_finished = true;
            emit finished();
        },
        Qt::QueuedConnection);
    m_shared->emitLine = [relay](OutputChannel channel, const QByteArray &line) { emit relay->line(channel, line); };
    std::shared_ptr<Shared> shared = m_shared;
    threadPool()->start(QRunnable::create([shared, relay, work = std::move(work)] {
        work(*shared);
        emit relay->done();
        relay->deleteLater();
    }));
}

HostTask *HostTask::run(std::shared_ptr<Host> host, const CommandLine &command, RunOptions options, QObject *parent)
{
    auto *task = new HostTask(parent);
    task->start([host, command, options](Shared &shared) mutable {
        shared.outcome.isCommand = true;
        options.cancel = &shared.cancel;
        options.onLine = [&shared](OutputChannel channel, const QByteArray &line) { shared.emitLine(channel, line); };
        auto result = host->run(command, options);
        if (result)
            shared.outcome.commandResult = std::move(result.value());
        else
            shared.outcome.error = result.error();
    });
    return task;
}

HostTask *HostTask::readFile(std::shared_ptr<Host> host, const QString &path, RunAs as, QObject *parent)
{
    auto *task = new HostTask(parent);
    task->start([host, path, as](Shared &shared) {
        auto result = host->readFile(path, as);
        if (result)
            shared.outcome.content = std::move(result.value());
        else
            shared.outcome.error = result.error();
    });
    return task;
}

HostTask *HostTask::writeFile(std::shared_ptr<Host> host, const QString &path, const QByteArray &content,
                              WriteOptions options, QObject *parent)
{
    auto *task = new HostTask(parent);
    task->start([host, path, content, options](Shared &shared) mutable {
        options.cancel = &shared.cancel;
        auto result = host->writeFile(path, content, options);
        if (result)
            shared.outcome.writeReport = std::move(result.value());
        else
            shared.outcome.error = result.error();
    });
    return task;
}

HostTask *HostTask::connectTo(std::shared_ptr<SshHost> host, QObject *parent)
{
    auto *task = new HostTask(parent);
    task->start([host](Shared &shared) {
        auto result = host->connect(&shared.cancel);
        if (!result)
            shared.outcome.error = result.error();
    });
    return task;
}

void HostTask::cancel()
{
    m_shared->cancel = true;
}

bool HostTask::ok() const
{
    const Outcome &outcome = m_shared->outcome;
    return m_finished && !outcome.error && (!outcome.isCommand || outcome.commandResult.succeeded());
}

const Error &HostTask::error() const
{
    static const Error none;
    return m_shared->outcome.error ? *m_shared->outcome.error : none;
}

const CommandResult &HostTask::commandResult() const
{
    return m_shared->outcome.commandResult;
}

const QByteArray &HostTask::content() const
{
    return m_shared->outcome.content;
}

const WriteReport &HostTask::writeReport() const
{
    return m_shared->outcome.writeReport;
}

QString HostTask::summary() const
{
    const Outcome &outcome = m_shared->outcome;
    if (!m_finished)
        return tr("Still running.");
    if (outcome.error)
        return outcome.error->message;
    if (outcome.isCommand)
        return outcome.commandResult.explain();
    return tr("Done.");
}

#include "host_task.moc"
