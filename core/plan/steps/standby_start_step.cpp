#include "standby_start_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text) { return QCoreApplication::translate("StandbyStartStep", text); }
}

StandbyStartStep::StandbyStartStep(PlanBasis basis) : SetupStep(QStringLiteral("standby-start"), std::move(basis)) {}

QString StandbyStartStep::title() const
{
    return tr("Start the standby and wait until it streams");
}

QString StandbyStartStep::why() const
{
    return tr("The standby connects to the primary and replays its WAL; the primary lists it in pg_stat_replication as %1.")
        .arg(choices().applicationName);
}

QList<PlannedCommand> StandbyStartStep::commands() const
{
    PlannedCommand start = basis().standby.start();
    start.host = HostRole::Standby;
    PlannedCommand wait{HostRole::Primary, basis().primary.psql(QStringLiteral("postgres")), RunAs::Postgres,
                        tr("Wait until the standby streams."),
                        {}, QStringLiteral("SELECT state FROM pg_stat_replication WHERE application_name = '%1';").arg(choices().applicationName)};
    return {start, wait};
}

Result<QString> StandbyStartStep::replicationState(StepContext &context)
{
    return context.sql(HostRole::Primary, QStringLiteral("postgres"),
                       QStringLiteral("SELECT state || '|' || sync_state FROM pg_stat_replication WHERE application_name = :'name' "
                                      "ORDER BY state = 'streaming' DESC LIMIT 1"),
                       {{QStringLiteral("name"), context.choices().applicationName}});
}

Result<bool> StandbyStartStep::check(StepContext &context)
{
    auto state = replicationState(context);
    if (!state)
        return state.error();
    return state->startsWith(QLatin1String("streaming|"));
}

Result<void> StandbyStartStep::apply(StepContext &context)
{
    const ClusterLayout &standby = basis().standby;
    auto status = context.run(HostRole::Standby, CommandLine(standby.serverProgram(QStringLiteral("pg_ctl")), {QStringLiteral("status"), QStringLiteral("-D"), standby.dataDir()}),
                              RunAs::Postgres);
    if (!status)
        return status.error();
    if (status->exitCode != 0) {
        const PlannedCommand start = standby.start();
        auto started = context.run(HostRole::Standby, start.command, start.as);
        if (!started)
            return started.error();
        if (!started->succeeded()) {
            Error error = started->toError(tr("start the standby"));
            auto log = context.run(HostRole::Standby, CommandLine(QStringLiteral("tail"), {QStringLiteral("-n"), QStringLiteral("20"), standby.logFile()}), RunAs::Root);
            if (log && log->succeeded())
                error.detail += QStringLiteral("\n") + QString::fromUtf8(log->stdOut);
            return error;
        }
    }
    auto streaming = context.waitUntil(
        [&]() -> Result<bool> {
            auto state = replicationState(context);
            if (!state)
                return state.error();
            return state->startsWith(QLatin1String("streaming|"));
        },
        120000, tr("the standby does not stream. Look at the standby's log (%1) for the reason, such as a refused password or pg_hba.conf line.").arg(standby.logFile()));
    if (!streaming) {
        Error error = streaming.error();
        auto log = context.run(HostRole::Standby, CommandLine(QStringLiteral("tail"), {QStringLiteral("-n"), QStringLiteral("20"), standby.logFile()}), RunAs::Root);
        if (log && log->succeeded())
            error.detail += QStringLiteral("\n") + QString::fromUtf8(log->stdOut);
        return error;
    }
    return {};
}
