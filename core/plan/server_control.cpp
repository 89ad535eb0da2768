#include "server_control.h"

#include "core/plan/cluster_layout.h"
#include "core/plan/setup_plan.h"
#include "core/plan/step_context.h"
#include "core/version/version_rules.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ServerControl", text);
}

const QChar tab = QLatin1Char('\t');

} // namespace

bool ServerControl::isHbaWarning(const QString &error)
{
    return error.contains(QLatin1String("record cannot match because"));
}

Result<QStringList> ServerControl::settingsErrors(StepContext &context, HostRole role, bool running)
{
    const ClusterLayout &cluster = context.cluster(role);
    if (running && context.rules().hasFileSettings()) {
        auto rows =
            context.sql(role, QStringLiteral("postgres"),
                        QStringLiteral("SELECT coalesce(sourcefile, '') || E'\\t' || coalesce(sourceline, 0) || "
                                       "E'\\t' || coalesce(name, '') || E'\\t' || error "
                                       "FROM pg_file_settings WHERE error IS NOT NULL ORDER BY seqno"));
        if (!rows)
            return rows.error();
        QStringList errors;
        for (const QString &row : rows->split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList field = row.split(tab);
            QString text = tr("%1 line %2: %3").arg(field.value(0), field.value(1), field.value(3));
            if (!field.value(2).isEmpty()) {
                // "setting could not be applied" is also what a valid value that waits for a restart
                // gets; postgres -C on that setting tells the two apart and prints PostgreSQL's reason.
                auto shown = context.run(role, cluster.showSetting(field.value(2)), RunAs::Postgres);
                if (!shown)
                    return shown.error();
                if (shown->succeeded())
                    continue;
                text += QStringLiteral(" (%1): %2").arg(field.value(2), shown->lastOutputLines(3));
            }
            errors.append(text);
        }
        return errors;
    }
    // 9.3 and 9.4, or a server that is not running: postgres -C reads every file and refuses what a start would refuse.
    auto shown = context.run(role, cluster.showSetting(QStringLiteral("port")), RunAs::Postgres);
    if (!shown)
        return shown.error();
    if (shown->succeeded())
        return QStringList();
    return QStringList{shown->lastOutputLines(5)};
}

Result<QStringList> ServerControl::hbaErrors(StepContext &context, HostRole role, bool running)
{
    if (!running) {
        context.log(tr("The %1 server is not running, so pg_hba.conf cannot be checked before it starts.")
                        .arg(hostRoleName(role)));
        return QStringList();
    }
    if (!context.rules().hasHbaFileRules()) {
        context.log(tr("PostgreSQL %1 cannot check pg_hba.conf before it takes effect (pg_hba_file_rules came in "
                       "10): after this, look at the %2's log for \"could not load pg_hba.conf\".")
                        .arg(context.rules().version().majorString(), hostRoleName(role)));
        return QStringList();
    }
    auto rows = context.sql(role, QStringLiteral("postgres"),
                            QStringLiteral("SELECT line_number || E'\\t' || error FROM pg_hba_file_rules "
                                           "WHERE error IS NOT NULL ORDER BY line_number"));
    if (!rows)
        return rows.error();
    QStringList errors;
    const QString file = context.cluster(role).hbaFile();
    for (const QString &row : rows->split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString error = row.section(tab, 1);
        const QString text = tr("%1 line %2: %3").arg(file, row.section(tab, 0, 0), error);
        if (isHbaWarning(error))
            context.log(tr("Warning: %1").arg(text));
        else
            errors.append(text);
    }
    return errors;
}

Result<void> ServerControl::checkFilesLoad(StepContext &context, HostRole role)
{
    auto answers = context.query(role, QStringLiteral("postgres"), QStringLiteral("SELECT 1"));
    if (!answers)
        return answers.error();
    auto settings = settingsErrors(context, role, answers->ok);
    if (!settings)
        return settings.error();
    auto hba = hbaErrors(context, role, answers->ok);
    if (!hba)
        return hba.error();
    const QStringList errors = *settings + *hba;
    if (errors.isEmpty())
        return {};
    return makeError(tr("PostgreSQL on the %1 would not load its configuration files, so the server was not "
                        "reloaded or restarted and runs on as it was. %2. Correct or remove that line (it may "
                        "have been there before this setup), then run the setup again.")
                         .arg(hostRoleName(role), errors.join(QStringLiteral("; "))),
                     errors.join(QLatin1Char('\n')));
}

Result<void> ServerControl::reload(StepContext &context, HostRole role)
{
    // A cluster the plan created is started only once its files are written (no restart then):
    // its first start reads them, and refuses what would not load.
    auto answers = context.query(role, QStringLiteral("postgres"), QStringLiteral("SELECT 1"));
    if (!answers)
        return answers.error();
    if (!answers->ok) {
        context.log(tr("The %1 server is not running: it reads the new files when it starts.").arg(hostRoleName(role)));
        return {};
    }
    if (auto loads = checkFilesLoad(context, role); !loads)
        return loads;
    auto reloaded = context.sql(role, QStringLiteral("postgres"), QStringLiteral("SELECT pg_reload_conf()"));
    if (!reloaded)
        return reloaded.error();
    return {};
}

QString ServerControl::logTail(StepContext &context, HostRole role)
{
    auto log = context.run(role,
                           CommandLine(QStringLiteral("tail"),
                                       {QStringLiteral("-n"), QStringLiteral("20"), context.cluster(role).logFile()}),
                           RunAs::Root);
    if (log && log->succeeded())
        return QString::fromUtf8(log->stdOut).trimmed();
    return {};
}

QStringList ServerControl::restoreFiles(StepContext &context, const QStringList &fileSteps, QStringList &failures)
{
    QStringList restored;
    for (const QString &id : fileSteps) {
        SetupStep *step = context.plan().step(id);
        if (!step || !step->wroteFiles())
            continue;
        for (const FileEdit &edit : step->edits())
            restored.append(edit.path);
        if (auto undone = step->undo(context); !undone)
            failures.append(undone.error().message);
        step->clearUndo();
    }
    return restored;
}

Result<void> ServerControl::restart(StepContext &context, HostRole role, const QStringList &fileSteps)
{
    return bringUp(context, role, true, fileSteps);
}

Result<void> ServerControl::start(StepContext &context, HostRole role, const QStringList &fileSteps)
{
    return bringUp(context, role, false, fileSteps);
}

Result<void> ServerControl::bringUp(StepContext &context, HostRole role, bool restart, const QStringList &fileSteps)
{
    if (auto loads = checkFilesLoad(context, role); !loads)
        return loads;
    const ClusterLayout &cluster = context.cluster(role);
    const PlannedCommand command = restart ? cluster.restart() : cluster.start();
    const QString action =
        restart ? tr("restart the %1").arg(hostRoleName(role)) : tr("start the %1").arg(hostRoleName(role));
    auto ran = context.runOk(role, command.command, command.as, action);
    Result<void> up = ran ? context.waitUntilAccepting(role) : Result<void>(ran.error());
    if (up)
        return {};
    if (context.isCancelled())
        return up;

    // The server is down, or up on files it cannot run with: back to the files it ran on.
    const QString why = up.error().message;
    const QString log = logTail(context, role);
    QStringList failures;
    const QStringList restored = restoreFiles(context, fileSteps, failures);
    const PlannedCommand start = cluster.start();
    context.log(
        tr("The %1 did not come back: putting its previous files back and starting it again.").arg(hostRoleName(role)));
    auto started = context.runOk(role, start.command, start.as, tr("start the %1 again").arg(hostRoleName(role)));
    const Result<void> answers = started ? context.waitUntilAccepting(role) : Result<void>(started.error());

    QString message = (restart ? tr("The restart of the %1 failed: %2") : tr("The first start of the %1 failed: %2"))
                          .arg(hostRoleName(role), why);
    if (!restored.isEmpty())
        message += QLatin1Char(' ') + tr("The files this run changed were given their previous content back: %1.")
                                          .arg(restored.join(QStringLiteral(", ")));
    if (!failures.isEmpty())
        message += QLatin1Char(' ') + tr("Some could not be restored: %1.").arg(failures.join(QStringLiteral("; ")));
    if (answers)
        message += QLatin1Char(' ') + tr("The %1 was started again on them and answers queries. Read its log lines "
                                         "below, correct the cause, then run the setup again.")
                                          .arg(hostRoleName(role));
    else
        message +=
            QLatin1Char(' ') +
            tr("Starting it again failed too (%1): start it by hand with %2 once the cause in its log is corrected.")
                .arg(answers.error().message, start.command.toShellString());
    return makeError(message, log);
}
