#include "plan_runner.h"

#include "core/host/host_lock.h"
#include "core/plan/setup_plan.h"
#include "core/plan/step_context.h"
#include "core/plan/steps/verify_step.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>

PlanRunner::PlanRunner(QObject *parent) : QObject(parent)
{
}

PlanRunner::~PlanRunner()
{
    m_cancel = true;
    join();
}

bool PlanRunner::start(SetupPlan *plan, Host *primary, Host *standby, const QString &password)
{
    return start(plan, primary, standby, password, Span{});
}

bool PlanRunner::start(SetupPlan *plan, Host *primary, Host *standby, const QString &password, Span span)
{
    if (isRunning())
        return false;
    const int last = span.to < 0 ? plan->stepCount() - 1 : span.to;
    if (span.from < 0 || last >= plan->stepCount() || span.from > last)
        return false;
    join();
    m_plan = plan;
    m_primary = primary;
    m_standby = standby;
    m_password = password;
    m_span = {span.from, last};
    m_cancel = false;
    m_failure.reset();
    m_verification = {};
    m_applied = 0;
    m_skipped = 0;
    m_resumeIndex = span.from;
    m_current = -1;
    m_running = true;
    m_thread = std::thread(
        [this, plan, primary, standby, password, span = m_span] { run(plan, primary, standby, password, span); });
    return true;
}

bool PlanRunner::retry()
{
    if (isRunning() || !m_plan || !m_failure || m_failure->stepIndex < 0)
        return false;
    return start(m_plan, m_primary, m_standby, m_password, {m_failure->stepIndex, m_span.to});
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

// One line of the run, to both streams: with its step for the wizard, alone for replicactl.
void PlanRunner::say(int stepIndex, const QString &line)
{
    emit logLine(line);
    emit outputLine(stepIndex, line);
}

PlanRunner::Failure PlanRunner::failureOf(int index, SetupStep &step, const StepContext &context,
                                          const Error &error) const
{
    Failure failure;
    failure.stepIndex = index;
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
        failure.message += QLatin1Char(' ') +
                           tr("Once this is corrected, run the same plan again: the steps already done are skipped.");
    return failure;
}

void PlanRunner::report(const Failure &failure, qint64 elapsedMs)
{
    {
        // With a step alongside, the earliest failed step is where a next run resumes.
        std::lock_guard lock(m_failureMutex);
        if (!m_failure || failure.stepIndex < m_failure->stepIndex) {
            m_failure = failure;
            m_resumeIndex = failure.stepIndex;
        }
    }
    emit stepFailed(failure.stepIndex, failure.stepId, failure.message, failure.command, failure.output, elapsedMs);
}

void PlanRunner::announce(int index, const SetupStep &step)
{
    emit stepStarted(index, step.id(), step.title());
    say(index, tr("== %1. %2").arg(index + 1).arg(step.title()));
}

// checkOnly: a step before the span's first, which must be in place already (see the class comment).
PlanRunner::StepOutcome PlanRunner::runStep(int index, SetupStep &step, StepContext &context, bool checkOnly,
                                            bool announced)
{
    QElapsedTimer timer;
    timer.start();
    const auto fail = [&](const Error &error) {
        report(failureOf(index, step, context, error), timer.elapsed());
        return StepOutcome::Failed;
    };
    if (!announced)
        announce(index, step);
    if (m_cancel) {
        // The previous step's command is not this step's.
        context.forgetLastCommand();
        return fail(makeError(tr("Cancelled.")));
    }
    // A checked-only step keeps what an earlier run of it wrote: later steps ask (a standby
    // whose files were written must be started again).
    if (!checkOnly)
        step.clearUndo();
    auto done = step.check(context);
    if (!done)
        return fail(done.error());
    if (*done) {
        ++m_skipped;
        say(index, tr("Already done: %1").arg(step.title()));
        emit stepSkipped(index, step.id(), step.title(), timer.elapsed());
        return StepOutcome::Skipped;
    }
    if (checkOnly) {
        context.forgetLastCommand();
        return fail(makeError(tr("\"%1\" is not in place, so the steps after it cannot go on safely; nothing was "
                                 "changed. Run the plan from step %2.")
                                  .arg(step.title())
                                  .arg(index + 1)));
    }
    auto applied = step.apply(context);
    if (auto *verify = dynamic_cast<VerifyStep *>(&step))
        m_verification = verify->report();
    if (!applied) {
        const Failure failure = failureOf(index, step, context, applied.error());
        // A step that only runs commands may fail because its goal was
        // reached meanwhile (a server that an earlier, interrupted run
        // was starting): what counts is whether it is in place now.
        if (!m_cancel && !step.wroteFiles() && !dynamic_cast<VerifyStep *>(&step)) {
            if (auto reached = step.check(context); reached && *reached) {
                say(index, tr("\"%1\" reported a failure, but what it does is in place now: counted as done. (%2)")
                               .arg(step.title(), applied.error().message));
                ++m_applied;
                emit stepFinished(index, step.id(), step.title(), timer.elapsed());
                return StepOutcome::Applied;
            }
        }
        report(failure, timer.elapsed());
        // Every file the step wrote gets its previous content back.
        if (auto undone = step.undo(context); !undone)
            say(index, tr("Could not restore every file of this step: %1").arg(undone.error().fullText()));
        return StepOutcome::Failed;
    }
    ++m_applied;
    emit stepFinished(index, step.id(), step.title(), timer.elapsed());
    return StepOutcome::Applied;
}

void PlanRunner::end(bool succeeded, int stoppedAfter)
{
    m_running = false; // before finished(): its receivers may start the next run
    emit finished(succeeded, stoppedAfter);
}

void PlanRunner::connectSinks(StepContext &context, int index)
{
    const auto step = [this, index] { return index >= 0 ? index : m_current.load(); };
    context.logSink = [this, step](const QString &line) { say(step(), line); };
    context.outputSink = [this, step](const QString &line) { emit outputLine(step(), line); };
    context.progressSink = [this, step](int percent, const QString &text) { emit progress(step(), percent, text); };
}

void PlanRunner::startAlongside(Alongside &alongside, int index, SetupStep &step, const StepContext &main)
{
    alongside.index = index;
    alongside.hosts = step.hosts();
    alongside.context = std::make_unique<StepContext>(main.plan(), &main.host(HostRole::Primary),
                                                      &main.host(HostRole::Standby), &m_cancel);
    alongside.context->replicationPassword = main.replicationPassword;
    alongside.context->monitoringPassword = main.monitoringPassword;
    connectSinks(*alongside.context, index);
    // Announced here, so that steps are reported as started in their order.
    announce(index, step);
    alongside.thread = std::thread([this, &alongside, &step] {
        const StepOutcome outcome = runStep(alongside.index, step, *alongside.context, false, true);
        if (outcome != StepOutcome::Failed)
            say(alongside.index, tr("Step %1 is done (it ran while the next steps went on): %2")
                                     .arg(alongside.index + 1)
                                     .arg(step.title()));
        alongside.outcome = outcome;
    });
}

bool PlanRunner::joinAlongside(Alongside &alongside)
{
    if (!alongside.thread.joinable())
        return true;
    alongside.thread.join();
    alongside.context.reset();
    alongside.index = -1;
    alongside.hosts.clear();
    const bool failed = alongside.outcome == StepOutcome::Failed;
    alongside.outcome = StepOutcome::Applied;
    return !failed;
}

void PlanRunner::run(SetupPlan *plan, Host *primary, Host *standby, QString password, Span span)
{
    StepContext context(*plan, primary, standby, &m_cancel);
    context.replicationPassword = password;
    connectSinks(context, -1);

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
        end(false, -1);
        return;
    }

    bool succeeded = true;
    Alongside alongside;
    const auto failedAlongside = [&alongside] { return alongside.outcome == StepOutcome::Failed; };
    for (int index = 0; index <= span.to && succeeded; ++index) {
        SetupStep &step = plan->step(index);
        const bool checkOnly = index < span.from;
        const bool sharesHost = std::any_of(alongside.hosts.cbegin(), alongside.hosts.cend(),
                                            [&step](HostRole role) { return step.hosts().contains(role); });
        if (alongside.thread.joinable() && (sharesHost || step.runsAlongside()) && !joinAlongside(alongside))
            break;
        if (failedAlongside())
            break;
        if (!checkOnly && step.runsAlongside()) {
            startAlongside(alongside, index, step, context);
            continue;
        }
        m_current = index;
        succeeded = runStep(index, step, context, checkOnly) != StepOutcome::Failed;
    }
    succeeded = joinAlongside(alongside) && succeeded && !m_failure;
    m_monitoringPassword = context.monitoringPassword;
    standbyLock.release();
    primaryLock.release();
    const bool stoppedEarly = succeeded && span.to < plan->stepCount() - 1;
    if (succeeded)
        m_resumeIndex = stoppedEarly ? span.to + 1 : -1;
    if (stoppedEarly)
        say(m_current, tr("Stopped after step %1 as asked; run the plan from step %2 to go on.")
                           .arg(span.to + 1)
                           .arg(span.to + 2));
    end(succeeded, stoppedEarly ? span.to : -1);
}
