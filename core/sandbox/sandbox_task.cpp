#include "sandbox_task.h"

#include "core/host/host_task.h"
#include "core/host/local_host.h"

#include <QRunnable>
#include <QThreadPool>

struct SandboxTask::Shared
{
    std::optional<Error> error; // written by the worker before it signals, read after
    std::optional<SandboxState> state;
    QStringList actions;
};

namespace {

// Emits from the worker; lives in the task's thread, so queued deliveries
// are dropped by Qt when the task is gone.
class Relay : public QObject
{
    Q_OBJECT
signals:
    void line(const QString &line);
    void done();
};

Result<void> perform(Sandbox &sandbox, SandboxTask::Action action, const SandboxOptions &options)
{
    using Action = SandboxTask::Action;
    auto made = [](const Result<SandboxState> &state) { return state ? Result<void>() : Result<void>(state.error()); };
    switch (action) {
    case Action::Up:
        if (auto checked = sandbox.checkInput(options); !checked)
            return checked.error();
        return made(sandbox.up(options));
    case Action::Reset:
        return made(sandbox.reset(options));
    case Action::Down:
        return sandbox.down();
    case Action::StopStandby:
        return sandbox.stopStandby(options.standby);
    case Action::StartStandby:
        return sandbox.startStandby(options.standby);
    case Action::PauseReplay:
        return sandbox.pauseReplay(options.standby);
    case Action::ResumeReplay:
        return sandbox.resumeReplay(options.standby);
    case Action::MakeSynchronous:
        return sandbox.setSynchronous(true);
    case Action::MakeAsynchronous:
        return sandbox.setSynchronous(false);
    case Action::Promote:
        return sandbox.promote(options.standby);
    }
    return {};
}

} // namespace

SandboxTask::SandboxTask(QObject *parent) : QObject(parent), m_shared(std::make_shared<Shared>())
{
}

SandboxTask::~SandboxTask() = default;

SandboxTask *SandboxTask::start(const QString &dir, Action action, const SandboxOptions &options, QObject *parent)
{
    auto *task = new SandboxTask(parent);
    auto *relay = new Relay;
    connect(relay, &Relay::line, task, &SandboxTask::progress, Qt::QueuedConnection);
    connect(
        relay, &Relay::done, task,
        [task] {
            task->m_finished = true;
            emit task->finished();
        },
        Qt::QueuedConnection);
    std::shared_ptr<Shared> shared = task->m_shared;
    HostTask::threadPool()->start(QRunnable::create([shared, relay, dir, action, options] {
        LocalHost host;
        Sandbox sandbox(host, dir);
        sandbox.setProgress([relay](const QString &line) { emit relay->line(line); });
        if (Result<void> result = perform(sandbox, action, options); !result)
            shared->error = result.error();
        shared->actions = sandbox.actions();
        if (auto state = Sandbox::loadState(sandbox.dir()))
            shared->state = state.value();
        emit relay->done();
        relay->deleteLater();
    }));
    return task;
}

bool SandboxTask::ok() const
{
    return m_finished && !m_shared->error;
}

const Error &SandboxTask::error() const
{
    static const Error none;
    return m_shared->error ? *m_shared->error : none;
}

const std::optional<SandboxState> &SandboxTask::state() const
{
    return m_shared->state;
}

const QStringList &SandboxTask::actions() const
{
    return m_shared->actions;
}

#include "sandbox_task.moc"
