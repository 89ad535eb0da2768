#include "step_context.h"

#include "core/plan/cluster_layout.h"
#include "core/plan/setup_plan.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QThread>

#include <algorithm>

StepContext::StepContext(const SetupPlan &plan, Host *primary, Host *standby, const std::atomic_bool *cancel)
    : m_plan(plan), m_primary(primary), m_standby(standby), m_cancel(cancel)
{
}

const PlanChoices &StepContext::choices() const
{
    return m_plan.choices();
}
const VersionRules &StepContext::rules() const
{
    return m_plan.rules();
}
const ClusterLayout &StepContext::cluster(HostRole role) const
{
    return m_plan.cluster(role);
}

Host &StepContext::host(HostRole role) const
{
    return role == HostRole::Primary ? *m_primary : *m_standby;
}

void StepContext::log(const QString &line) const
{
    if (logSink)
        logSink(line);
}

void StepContext::progress(int percent, const QString &text) const
{
    if (progressSink)
        progressSink(percent, text);
}

Result<CommandResult> StepContext::run(HostRole role, const CommandLine &command, RunAs as, const QByteArray &stdinData,
                                       int timeoutMs, std::function<void(OutputChannel, const QByteArray &)> onLine)
{
    if (isCancelled()) {
        // The last command's output must not stand for this one in a failure report.
        forgetLastCommand();
        return makeError(QCoreApplication::translate("StepContext", "Cancelled before the command ran."),
                         command.toShellString());
    }
    const QString who = as == RunAs::Root       ? QStringLiteral("#")
                        : as == RunAs::Postgres ? QStringLiteral("postgres$")
                                                : QStringLiteral("$");
    if (m_logCommands)
        log(QStringLiteral("[%1] %2 %3").arg(hostRoleName(role), who, command.toShellString()));
    m_lastCommand = command;
    m_lastOutput.clear();
    RunOptions options;
    options.as = as;
    options.stdinData = stdinData;
    options.timeoutMs = timeoutMs == 0 ? commandTimeoutMs : std::max(0, timeoutMs);
    options.cancel = m_cancel;
    options.onLine = onLine ? std::move(onLine) : outputForwarder();
    Result<CommandResult> result = host(role).run(command, options);
    // A command that never answered (no connection, connection lost) has
    // no output: its error is the failure's message and detail already,
    // and repeating it as "output" printed every line twice.
    if (result)
        m_lastOutput = QString::fromUtf8(result->stdErr.isEmpty() ? result->stdOut : result->stdErr).trimmed();
    return result;
}

std::function<void(OutputChannel, const QByteArray &)> StepContext::outputForwarder() const
{
    if (!outputSink || !m_logCommands)
        return {};
    return [this](OutputChannel, const QByteArray &line) { outputSink(QString::fromUtf8(line)); };
}

void StepContext::forgetLastCommand()
{
    m_lastCommand = CommandLine();
    m_lastOutput.clear();
}

Result<CommandResult> StepContext::runOk(HostRole role, const CommandLine &command, RunAs as, const QString &action,
                                         const QByteArray &stdinData, int timeoutMs,
                                         std::function<void(OutputChannel, const QByteArray &)> onLine)
{
    Result<CommandResult> result = run(role, command, as, stdinData, timeoutMs, std::move(onLine));
    if (!result)
        return result;
    if (!result->succeeded())
        return result->toError(action);
    return result;
}

Result<SqlResult> StepContext::query(HostRole role, const QString &database, const QString &sql,
                                     const QList<QPair<QString, QString>> &variables)
{
    CommandLine command = cluster(role).psql(database);
    for (const auto &[name, value] : variables)
        command.args({QStringLiteral("-v"), name + QLatin1Char('=') + value});
    auto result = run(role, command, RunAs::Postgres, sql.toUtf8(), 120000);
    if (!result)
        return result.error();
    SqlResult outcome;
    outcome.output = QString::fromUtf8(result->stdOut).trimmed();
    outcome.ok = result->succeeded();
    if (!outcome.ok) {
        const QString errorText = QString::fromUtf8(result->stdErr);
        static const QRegularExpression state(QStringLiteral("(?:ERROR|FATAL):\\s+([0-9A-Z]{5}):\\s*(.*)"));
        const auto match = state.match(errorText);
        if (match.hasMatch()) {
            outcome.sqlState = match.captured(1);
            outcome.message = match.captured(2).trimmed();
        } else {
            outcome.message = errorText.trimmed();
        }
    }
    return outcome;
}

Result<QString> StepContext::sql(HostRole role, const QString &database, const QString &sql,
                                 const QList<QPair<QString, QString>> &variables)
{
    auto outcome = query(role, database, sql, variables);
    if (!outcome)
        return outcome.error();
    if (!outcome->ok) {
        return makeError(QCoreApplication::translate("StepContext", "The %1 server refused a query: %2")
                             .arg(hostRoleName(role), outcome->message),
                         m_lastCommand.toShellString() + QLatin1Char('\n') + m_lastOutput);
    }
    return outcome->output;
}

Result<void> StepContext::waitUntil(const std::function<Result<bool>()> &probe, int timeoutMs, const QString &what,
                                    int intervalMs)
{
    QElapsedTimer timer;
    timer.start();
    Error last = makeError(what);
    const bool logging = m_logCommands;
    auto restore = qScopeGuard([&] { m_logCommands = logging; });
    while (true) {
        if (isCancelled())
            return makeError(QCoreApplication::translate("StepContext", "Cancelled while waiting: %1").arg(what));
        auto done = probe();
        if (done && *done)
            return {};
        if (!done)
            last = done.error();
        if (timer.elapsed() > timeoutMs) {
            return makeError(
                QCoreApplication::translate("StepContext", "Gave up after %1 s: %2").arg(timeoutMs / 1000).arg(what),
                last.fullText());
        }
        if (m_logCommands && logging) {
            log(QCoreApplication::translate("StepContext",
                                            "Not yet: the commands above are run again every %1 s, for up to %2 s.")
                    .arg(intervalMs / 1000.0)
                    .arg(timeoutMs / 1000));
            m_logCommands = false;
        }
        QThread::msleep(intervalMs);
    }
}

Result<void> StepContext::waitUntilAccepting(HostRole role, int timeoutMs)
{
    return waitUntil(
        [&]() -> Result<bool> {
            auto outcome = query(role, QStringLiteral("postgres"), QStringLiteral("SELECT 1"));
            if (!outcome)
                return outcome.error();
            return outcome->ok;
        },
        timeoutMs,
        QCoreApplication::translate("StepContext", "the %1 server does not accept connections. Look at its log file.")
            .arg(hostRoleName(role)));
}

Result<bool> StepContext::clusterComplete(HostRole role)
{
    auto test = run(role, cluster(role).testComplete(), RunAs::Postgres);
    if (!test)
        return test.error();
    return test->exitCode == 0;
}

Result<void> StepContext::createCluster(HostRole role, bool dataChecksums,
                                        const std::function<Result<void>()> &whileMarked)
{
    const ClusterLayout &layout = cluster(role);
    const QString where = layout.dataDir();
    const PlannedCommand start = layout.startCreating();
    auto started =
        runOk(role, start.command, start.as,
              QCoreApplication::translate("StepContext", "remove what an earlier run left making the cluster in %1")
                  .arg(where));
    if (!started)
        return started.error();
    const PlannedCommand create = layout.create(dataChecksums);
    auto created = runOk(role, create.command, create.as,
                         QCoreApplication::translate("StepContext", "create the cluster in %1").arg(where));
    if (!created)
        return created.error();
    if (whileMarked) {
        auto marked = whileMarked();
        if (!marked)
            return marked.error();
    }
    const PlannedCommand finish = layout.finishCreating();
    auto finished =
        runOk(role, finish.command, finish.as,
              QCoreApplication::translate("StepContext", "note that the cluster in %1 is complete").arg(where));
    if (!finished)
        return finished.error();
    return {};
}
