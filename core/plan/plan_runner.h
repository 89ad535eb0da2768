#pragma once

#include "core/plan/verification_report.h"
#include "core/result.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <optional>
#include <thread>

class Host;
class HostLock;
class SetupPlan;
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
// The wizard's progress page and replicactl listen to its signals; the plan
// and the hosts must outlive the run.
class PlanRunner : public QObject
{
    Q_OBJECT

public:
    struct Failure
    {
        QString stepId;
        QString stepTitle;
        QString message; // what went wrong, and what to do
        QString detail;  // technical: stderr, server message
        QString command; // the last command run, as a shell line
        QString output;  // its output
    };

    explicit PlanRunner(QObject *parent = nullptr);
    ~PlanRunner() override;

    // Starts the run; false when one is running already. `password`: the
    // replication password given by the user (empty: kept on the primary, or generated).
    bool start(SetupPlan *plan, Host *primary, Host *standby, const QString &password = {});
    void cancel();
    bool isRunning() const;
    // Waits for the worker to end (for the command line and tests; never on the GUI thread).
    void wait();

    // After finished(): what failed (none when the run succeeded), the steps done and skipped.
    std::optional<Failure> failure() const;
    VerificationReport verification() const;
    int appliedCount() const { return m_applied; }
    int skippedCount() const { return m_skipped; }

signals:
    void stepStarted(int index, const QString &id, const QString &title);
    void stepSkipped(int index, const QString &id, const QString &title);
    void stepFinished(int index, const QString &id, const QString &title);
    void stepFailed(int index, const QString &id, const QString &message, const QString &command, const QString &output);
    void logLine(const QString &line);
    void progress(int index, int percent, const QString &text);
    void finished(bool succeeded);

private:
    void run(SetupPlan *plan, Host *primary, Host *standby, QString password);
    Result<void> claimHosts(StepContext &context, HostLock &primaryLock, HostLock &standbyLock);

    void join();

    // A std::thread, joined rather than QThread::wait()ed: join returns only
    // once the thread's thread-local data (OpenSSL's, from libssh) is freed.
    std::thread m_thread;
    std::atomic_bool m_running{false};
    std::atomic_bool m_cancel{false};
    std::optional<Failure> m_failure;
    VerificationReport m_verification;
    std::atomic_int m_applied{0};
    std::atomic_int m_skipped{0};
};
