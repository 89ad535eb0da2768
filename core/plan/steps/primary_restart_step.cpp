#include "primary_restart_step.h"

#include "core/plan/server_control.h"
#include "core/plan/setup_plan.h"
#include "core/plan/steps/primary_conf_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PrimaryRestartStep", text);
}
} // namespace

PrimaryRestartStep::PrimaryRestartStep(PlanBasis basis) : SetupStep(QStringLiteral("primary-restart"), std::move(basis))
{
}

QString PrimaryRestartStep::title() const
{
    return basis().primary.existed() ? tr("Restart the primary with the new settings")
                                     : tr("Start the primary with the new settings");
}

QString PrimaryRestartStep::why() const
{
    if (!basis().primary.existed())
        return tr("The cluster created by this plan starts for the first time, with the replication settings and the "
                  "standby's pg_hba.conf line already in its files: no restart is needed.");
    QStringList restart;
    for (const auto &[name, value] : PrimaryConfStep::replicationSettings(basis(), true)) {
        if (rules().needsRestart(name))
            restart.append(name);
    }
    return tr("%1 take effect only after a restart; the others after a reload. The restart is skipped when the running "
              "server has them already.")
        .arg(restart.join(QStringLiteral(", ")));
}

QList<PlannedCommand> PrimaryRestartStep::commands() const
{
    PlannedCommand restart = basis().primary.existed() ? basis().primary.restart() : basis().primary.start();
    restart.host = HostRole::Primary;
    return {restart};
}

QList<QPair<QString, QString>> PrimaryRestartStep::wantedSettings(const SetupPlan &plan) const
{
    // The user may have edited the values in the primary-conf diff: those are what the server runs with.
    if (const auto *conf = dynamic_cast<const PrimaryConfStep *>(plan.step(QStringLiteral("primary-conf"))))
        return conf->expectedSettings();
    return PrimaryConfStep::replicationSettings(basis(), true);
}

Result<QStringList> PrimaryRestartStep::differing(StepContext &context) const
{
    const auto settings = wantedSettings(context.plan());
    QStringList names;
    for (const auto &[name, value] : settings)
        names.append(name);
    // One query: each setting's running value in its base unit, as `postgres -C` prints it.
    auto rows = context.sql(
        HostRole::Primary, QStringLiteral("postgres"),
        QStringLiteral(
            "SELECT name || '=' || setting FROM pg_settings WHERE name = ANY (string_to_array(:'names', ','))"),
        {{QStringLiteral("names"), names.join(QLatin1Char(','))}});
    if (!rows)
        return rows.error();
    QHash<QString, QString> running;
    for (const QString &line : rows->split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        running.insert(line.left(equals), line.mid(equals + 1));
    }
    QStringList differ;
    for (const auto &[name, value] : settings) {
        const bool same = rules().sameSettingValue(name, running.value(name), value);
        if (!same)
            differ.append(name);
    }
    return differ;
}

Result<bool> PrimaryRestartStep::needsRestart(StepContext &context, const QStringList &differ) const
{
    if (!rules().hasPendingRestart()) {
        for (const QString &name : differ) {
            if (rules().needsRestart(name))
                return true;
        }
        return false;
    }
    // After the reload, PostgreSQL itself says which of them wait for a restart.
    auto pending = context.sql(
        HostRole::Primary, QStringLiteral("postgres"),
        QStringLiteral(
            "SELECT count(*) FROM pg_settings WHERE pending_restart AND name = ANY (string_to_array(:'names', ','))"),
        {{QStringLiteral("names"), differ.join(QLatin1Char(','))}});
    if (!pending)
        return pending.error();
    return *pending != QLatin1String("0");
}

Result<bool> PrimaryRestartStep::running(StepContext &context)
{
    auto answers = context.query(HostRole::Primary, QStringLiteral("postgres"), QStringLiteral("SELECT 1"));
    if (!answers)
        return answers.error();
    return answers->ok;
}

Result<bool> PrimaryRestartStep::check(StepContext &context)
{
    auto up = running(context);
    if (!up || !*up)
        return up;
    auto differ = differing(context);
    if (!differ)
        return differ.error();
    return differ->isEmpty();
}

Result<void> PrimaryRestartStep::apply(StepContext &context)
{
    auto up = running(context);
    if (!up)
        return up.error();
    // Not running: the cluster this plan created, started once with its files as written.
    if (!*up) {
        if (auto started = ServerControl::start(context, HostRole::Primary,
                                                {QStringLiteral("primary-conf"), QStringLiteral("primary-hba")});
            !started)
            return started;
        return waitForSettings(context);
    }
    auto differ = differing(context);
    if (!differ)
        return differ.error();
    // Both go through ServerControl: a file that would not load stops the step before the server is touched.
    if (auto reloaded = ServerControl::reload(context, HostRole::Primary); !reloaded)
        return reloaded;
    auto restart = needsRestart(context, *differ);
    if (!restart)
        return restart.error();
    if (*restart) {
        context.log(tr("Restarting the primary for: %1").arg(differ->join(QStringLiteral(", "))));
        // A restart that fails gets the primary back on the files it ran with.
        if (auto done = ServerControl::restart(context, HostRole::Primary,
                                               {QStringLiteral("primary-conf"), QStringLiteral("primary-hba")});
            !done)
            return done;
    }
    if (auto accepting = context.waitUntilAccepting(HostRole::Primary); !accepting)
        return accepting;
    return waitForSettings(context);
}

Result<void> PrimaryRestartStep::waitForSettings(StepContext &context) const
{
    return context.waitUntil(
        [&]() -> Result<bool> {
            auto left = differing(context);
            if (!left)
                return left.error();
            return left->isEmpty();
        },
        10000, tr("the primary does not run with the new settings after the restart. Look at its log file."));
}
