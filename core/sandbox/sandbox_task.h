#pragma once

#include "core/result.h"
#include "core/sandbox/sandbox.h"

#include <QObject>

#include <memory>
#include <optional>

// One Sandbox call run off the GUI thread, on HostTask's pool, reporting
// each line of progress and the outcome by signals: how the window starts,
// resets or operates the demo sandbox without freezing (Sandbox itself
// blocks its caller). Delete the task at any time: its signals are dropped,
// and the call finishes on its own (sandbox calls take seconds and leave
// the sandbox usable).
class SandboxTask : public QObject
{
    Q_OBJECT

public:
    enum class Action {
        Up,
        Reset,
        Down,
        StopStandby,
        StartStandby,
        PauseReplay,
        ResumeReplay,
        MakeSynchronous,
        MakeAsynchronous,
        Promote
    };

    // options: up and reset read the creation options, the operations on one
    // standby options.standby (empty: the first).
    static SandboxTask *start(const QString &dir, Action action, const SandboxOptions &options = {},
                              QObject *parent = nullptr);
    ~SandboxTask() override;

    // Valid once finished() was emitted.
    bool isFinished() const { return m_finished; }
    bool ok() const;
    const Error &error() const;
    // The sandbox as the call left it (when it could be read).
    const std::optional<SandboxState> &state() const;
    // What the call did, one sentence each.
    const QStringList &actions() const;

signals:
    void progress(const QString &line);
    void finished();

private:
    struct Shared;
    explicit SandboxTask(QObject *parent);

    std::shared_ptr<Shared> m_shared;
    bool m_finished = false;
};
