#include "plan_runner.h"

#include "core/host/host_lock.h"
#include "core/plan/setup_plan.h"
#include "core/plan/step_context.h"
#include "core/plan/steps/verify_step.h"

#include <QCoreApplication>

PlanRunner::PlanRunner(QObject *parent) : QObject(parent) {}

PlanRunner::~PlanRunner()
{
    m_cancel = true;
    join();
}

bool PlanRunner::start(SetupPlan *plan, Host *primary, Host *standby, const QString &password)
{
    if (isRunning())
        return false;
    join();
    m_cancel = false;
    m_failure.reset();
    m_verification = {};
    m_applied = 0;
    m_skipped = 0;
    m_running = true;
    m_thread = std::thread([this, plan, primary, standby, password] { run(plan, primary, standby, password); });
    return true;
}

void PlanRunner::cancel()
{
    m_cancel = true;
}

bool PlanRunner::isRunning() const
{
    return m_running;
}

void PlanRunner::wait()
{
    join();
}

void PlanRunner::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

std::optional<PlanRunner::Failure> PlanRunner::failure() const
{
    return m_failure;
}

VerificationReport PlanRunner::verification() const
{
    return m_verification;
}

Result<void> PlanRunner::claimHosts(StepContext &context, HostLock &primaryLock, HostLock &standbyLock)
{
    HostLock::Options options;
    options.cancel = &m_cancel;
    options.log = context.logSink;
    for (const auto &[lock, role] :
         {std::pair{&primaryLock, HostRole::Primary}, std::pair{&standbyLock, HostRole::Standby}}) {
        if (auto claimed = lock->acquire(context.host(role), hostRoleName(role), options); !claimed)
            return claimed;
    }
    return {};
}

void PlanRunner::run(SetupPlan *plan, Host *primary, Host *standby, QString password)
{
    StepContext context(*plan, primary, standby, &m_cancel);
    context.replicationPassword = password;
    context.logSink = [this](const QString &line) { emit logLine(line); };
    int current = 0;
    context.progressSink = [this, &current](int percent, const QString &text) { emit progress(current, percent, text); };

    auto failureOf = [&](SetupStep &step, const Error &error) {
        Failure failure;
        failure.stepId = step.id();
        failure.stepTitle = step.title();
        failure.message = error.message;
        failure.detail = error.detail;
        failure.command = context.lastCommand().isEmpty() ? QString() : context.lastCommand().toShellString();
        failure.output = context.lastOutput();
        if (m_cancel)
            failure.message = tr("Cancelled during \"%1\"; the commands it had started on the hosts were ended. Run "
                                 "the same plan again to go on: the steps already done are skipped.")
                                  .arg(step.title());
        else
            failure.message += QLatin1Char(' ') + tr("Once this is corrected, run the same plan again: the steps already done are skipped.");
        return failure;
    };
    auto report = [&](const Failure &failure) {
        m_failure = failure;
        emit stepFailed(current, failure.stepId, failure.message, failure.command, failure.output);
    };
    auto fail = [&](SetupStep &step, const Error &error) { report(failureOf(step, error)); };

    // Each host is claimed for the whole run: what an interrupted earlier
    // run left running there ends first, and no other run starts meanwhile.
    HostLock primaryLock, standbyLock;
    if (auto claimed = claimHosts(context, primaryLock, standbyLock); !claimed) {
        Failure failure;
        failure.stepId = QStringLiteral("host-lock");
        failure.stepTitle = tr("Claim both hosts for this run");
        failure.message = claimed.error().message;
        failure.detail = claimed.error().detail;
        m_failure = failure;
        m_running = false;
        emit finished(false);
        return;
    }

    bool succeeded = true;
    for (current = 0; current < plan->stepCount(); ++current) {
        SetupStep &step = plan->step(current);
        emit stepStarted(current, step.id(), step.title());
        emit logLine(tr("== %1. %2").arg(current + 1).arg(step.title()));
        if (m_cancel) {
            // The previous step's command is not this step's.
            context.forgetLastCommand();
            fail(step, makeError(tr("Cancelled.")));
            succeeded = false;
            break;
        }
        step.clearUndo();
        auto done = step.check(context);
        if (!done) {
            fail(step, done.error());
            succeeded = false;
            break;
        }
        if (*done) {
            ++m_skipped;
            emit logLine(tr("Already done: %1").arg(step.title()));
            emit stepSkipped(current, step.id(), step.title());
            continue;
        }
        auto applied = step.apply(context);
        if (auto *verify = dynamic_cast<VerifyStep *>(&step))
            m_verification = verify->report();
        if (!applied) {
            const Failure failure = failureOf(step, applied.error());
            // A step that only runs commands may fail because its goal was
            // reached meanwhile (a server that an earlier, interrupted run
            // was starting): what counts is whether it is in place now.
            if (!m_cancel && !step.wroteFiles() && !dynamic_cast<VerifyStep *>(&step)) {
                if (auto reached = step.check(context); reached && *reached) {
                    emit logLine(
                        tr("\"%1\" reported a failure, but what it does is in place now: counted as done. (%2)")
                            .arg(step.title(), applied.error().message));
                    ++m_applied;
                    emit stepFinished(current, step.id(), step.title());
                    continue;
                }
            }
            report(failure);
            // Every file the step wrote gets its previous content back.
            if (auto undone = step.undo(context); !undone)
                emit logLine(tr("Could not restore every file of this step: %1").arg(undone.error().fullText()));
            succeeded = false;
            break;
        }
        ++m_applied;
        emit stepFinished(current, step.id(), step.title());
    }
    standbyLock.release();
    primaryLock.release();
    m_running = false; // before finished(): its receivers may start the next run
    emit finished(succeeded);
}
