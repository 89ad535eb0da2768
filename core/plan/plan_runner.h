#pragma once

#include "core/plan/host_role.h"
#include "core/plan/verification_report.h"
#include "core/result.h"

#include <QObject>
#include <QString>

#include <QList>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

class Host;
class HostLock;
class SetupPlan;
class SetupStep;
class StepContext;

// Runs a SetupPlan's steps, in order, on a worker thread of its own: for
// each step check() (already in place: skipped, so running a plan again
// resumes where it stopped and changes nothing that is done), else apply().
// On a failure it stops, gives the failed step's files their previous
// content back, and reports the step, the command, its output and what to
// do. Cancel through an atomic flag that also ends the running command.
// Both hosts are claimed (HostLock) for the whole run, so that a run started
// right after an interrupted one waits for, or ends, what that one left
// running; a step that failed while its goal got reached counts as done.
//
// A run may cover part of the plan (Span): it stops on purpose after a
// chosen step ("Run up to here", to look at the primary before the standby
// is touched), and it may resume from a step. The steps before that one are
// checked, never applied: each must be in place, else the run stops there,
// having changed nothing, and says to run from that step. So a resumed run
// never builds on a step that is not done, and the context they set up (the
// replication password kept on the primary) is read again. Retry after a
// failure resumes at the failed step.
//
// A step that runsAlongside() (the standby's preparation) runs on a second
// thread of the runner while it goes on with the steps after it, until the
// first one that touches a host of that step: the runner waits for it there
// (and at the end). A failure of either stops the run before its next step;
// the failure reported, and where a next run resumes, is the earliest failed
// step. Steps that are only checked never run alongside.
//
// Every line of the run (its own messages, each command, and each output
// line of a running command) is reported with the step it belongs to, and
// each step with its time; while a step runs alongside, the lines of the
// two steps interleave, each with its own step index. The wizard's Run page
// and replicactl listen to its signals (queued: they come from the worker
// threads); the plan and the hosts must outlive the run.
class PlanRunner : public QObject
{
    Q_OBJECT

public:
    struct Failure
    {
        int stepIndex = -1; // -1: before any step (claiming the hosts)
        QString stepId;
        QString stepTitle;
        QString message; // what went wrong, and what to do
        QString detail;  // technical: stderr, server message
        QString command; // the last command run, as a shell line
        QString output;  // its output
    };

    // The steps a run covers, as indexes into the plan.
    struct Span
    {
        int from = 0; // the steps before it are checked only (see the class comment)
        int to = -1;  // the last step run, inclusive; -1: the plan's last
    };

    explicit PlanRunner(QObject *parent = nullptr);
    ~PlanRunner() override;

    // Starts the run; false when one is running already or the span is not within the plan.
    // `password`: the replication password given by the user (empty: kept on the primary, or
    // generated).
    bool start(SetupPlan *plan, Host *primary, Host *standby, const QString &password = {});
    bool start(SetupPlan *plan, Host *primary, Host *standby, const QString &password, Span span);
    // After a failed run: the same plan, hosts and password again from the failed step, to the
    // same last step. False when the last run did not fail at a step, or one is running.
    bool retry();
    void cancel();
    bool isRunning() const;
    // Waits for the worker to end (for the command line and tests; never on the GUI thread).
    void wait();

    // After finished(): what failed (none when the run succeeded), the steps done and skipped.
    std::optional<Failure> failure() const;
    VerificationReport verification() const;
    // After finished(): the monitoring role's password, when the run made or checked the role
    // (for the keychain; never logged).
    QString monitoringPassword() const { return m_monitoringPassword; }
    int appliedCount() const { return m_applied; }
    int skippedCount() const { return m_skipped; }
    // After finished(): where a next run of this plan starts: the step after the span when the
    // run stopped on purpose, the failed step after a failure, -1 once the plan's last step is done.
    int resumeIndex() const { return m_resumeIndex; }

signals:
    void stepStarted(int index, const QString &id, const QString &title);
    // elapsedMs: the step's time on the wall clock, its check included.
    void stepSkipped(int index, const QString &id, const QString &title, qint64 elapsedMs);
    void stepFinished(int index, const QString &id, const QString &title, qint64 elapsedMs);
    void stepFailed(int index, const QString &id, const QString &message, const QString &command, const QString &output,
                    qint64 elapsedMs);
    // Every line of the run with the step it belongs to (-1: before the first step): the
    // runner's messages, each command ("[primary] $ ..."), each output line of a running command.
    void outputLine(int stepIndex, const QString &line);
    // What replicactl prints: the runner's messages and each command, not the commands' output.
    void logLine(const QString &line);
    void progress(int index, int percent, const QString &text);
    // succeeded: every step of the span is done. stoppedAfter: the span's last step when the
    // run stopped there on purpose before the plan's end; -1 when it ran to the end or failed.
    void finished(bool succeeded, int stoppedAfter);

private:
    enum class StepOutcome { Applied, Skipped, Failed };

    // A step running on the second thread (see the class comment).
    struct Alongside
    {
        int index = -1;
        QList<HostRole> hosts;
        std::thread thread;
        std::unique_ptr<StepContext> context;
        std::atomic<StepOutcome> outcome{StepOutcome::Applied}; // set by its thread as it ends
    };

    void run(SetupPlan *plan, Host *primary, Host *standby, QString password, Span span);
    void startAlongside(Alongside &alongside, int index, SetupStep &step, const StepContext &main);
    // Waits for the step alongside, if any; false when it failed.
    bool joinAlongside(Alongside &alongside);
    // The sinks that tag each line and progress report of a context with step `index` (-1: the current one).
    void connectSinks(StepContext &context, int index);
    Result<void> claimHosts(StepContext &context, HostLock &primaryLock, HostLock &standbyLock);
    // announced: stepStarted and the heading went out already.
    StepOutcome runStep(int index, SetupStep &step, StepContext &context, bool checkOnly, bool announced = false);
    void announce(int index, const SetupStep &step);
    Failure failureOf(int index, SetupStep &step, const StepContext &context, const Error &error) const;
    void report(const Failure &failure, qint64 elapsedMs);
    void say(int stepIndex, const QString &line);
    void end(bool succeeded, int stoppedAfter);

    void join();

    // A std::thread, joined rather than QThread::wait()ed: join returns only
    // once the thread's thread-local data (OpenSSL's, from libssh) is freed.
    std::thread m_thread;
    std::atomic_bool m_running{false};
    std::atomic_bool m_cancel{false};
    std::mutex m_failureMutex; // m_failure and m_resumeIndex while a step runs alongside
    std::optional<Failure> m_failure;
    VerificationReport m_verification;
    std::atomic_int m_applied{0};
    std::atomic_int m_skipped{0};
    std::atomic_int m_resumeIndex{0};
    // The step the worker is in, for the lines and progress its context reports (-1: none yet).
    std::atomic_int m_current{-1};

    // What retry() runs again.
    SetupPlan *m_plan = nullptr;
    Host *m_primary = nullptr;
    Host *m_standby = nullptr;
    QString m_password;
    QString m_monitoringPassword;
    Span m_span;
};
