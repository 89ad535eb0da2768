#include "standby_start_step.h"

#include "core/plan/server_control.h"
#include "core/plan/setup_plan.h"
#include "core/plan/steps/replication_role_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StandbyStartStep", text);
}
} // namespace

StandbyStartStep::StandbyStartStep(PlanBasis basis) : SetupStep(QStringLiteral("standby-start"), std::move(basis))
{
}

QString StandbyStartStep::title() const
{
    return tr("Start the standby and wait until it streams");
}

QString StandbyStartStep::why() const
{
    return tr("The standby connects to the primary and replays its WAL; the primary lists it in pg_stat_replication as "
              "%1. "
              "A standby that runs already gets its new settings or password by a reload (13+) or a restart, "
              "and connects again with them.")
        .arg(choices().applicationName);
}

QList<PlannedCommand> StandbyStartStep::commands() const
{
    PlannedCommand start = basis().standby.start();
    start.host = HostRole::Standby;
    PlannedCommand wait{HostRole::Primary,
                        basis().primary.psql(QStringLiteral("postgres")),
                        RunAs::Postgres,
                        tr("Wait until the standby streams."),
                        {},
                        QStringLiteral("SELECT state FROM pg_stat_replication WHERE application_name = '%1';")
                            .arg(choices().applicationName)};
    return {start, wait};
}

Result<QString> StandbyStartStep::replicationState(StepContext &context)
{
    return context.sql(
        HostRole::Primary, QStringLiteral("postgres"),
        QStringLiteral("SELECT state || '|' || sync_state FROM pg_stat_replication WHERE application_name = :'name' "
                       "ORDER BY state = 'streaming' DESC LIMIT 1"),
        {{QStringLiteral("name"), context.choices().applicationName}});
}

Result<bool> StandbyStartStep::check(StepContext &context)
{
    // standby-recovery wrote the standby's files in this run: a running standby must read them.
    if (const SetupStep *recovery = context.plan().step(QStringLiteral("standby-recovery"));
        recovery && recovery->wroteFiles())
        return false;
    // A new password in its passfile: the connection made with the old one must be made again.
    if (const auto *role =
            dynamic_cast<const ReplicationRoleStep *>(context.plan().step(QStringLiteral("replication-role")));
        role && role->wroteStandbyPassfile())
        return false;
    auto state = replicationState(context);
    if (!state)
        return state.error();
    return state->startsWith(QLatin1String("streaming|"));
}

Result<void> StandbyStartStep::control(StepContext &context, const PlannedCommand &command, const QString &action) const
{
    auto ran = context.run(HostRole::Standby, command.command, command.as);
    if (!ran)
        return ran.error();
    if (ran->succeeded())
        return {};
    Error error = ran->toError(action);
    auto log = context.run(
        HostRole::Standby,
        CommandLine(QStringLiteral("tail"), {QStringLiteral("-n"), QStringLiteral("20"), basis().standby.logFile()}),
        RunAs::Root);
    if (log && log->succeeded())
        error.detail += QStringLiteral("\n") + QString::fromUtf8(log->stdOut);
    return error;
}

Result<void> StandbyStartStep::applyNewSettings(StepContext &context) const
{
    // It runs, but standby-recovery changed its settings (application_name,
    // slot, primary, hot_standby) since it started, in this run or an earlier one.
    bool restart = !rules().version().atLeast(13); // primary_conninfo and primary_slot_name are reloadable from 13
    if (!restart) {
        if (auto reloaded = ServerControl::reload(context, HostRole::Standby); !reloaded)
            return reloaded;
        // hot_standby, for one, still waits for a restart.
        auto pending = context.sql(HostRole::Standby, QStringLiteral("postgres"),
                                   QStringLiteral("SELECT count(*) FROM pg_settings WHERE pending_restart"));
        if (!pending)
            return pending.error();
        restart = *pending != QLatin1String("0");
    }
    if (!restart)
        return reconnect(context);
    context.log(tr("The standby runs with its earlier settings: restarting it."));
    // A restart that fails gets the standby back on the files it ran with.
    return ServerControl::restart(context, HostRole::Standby, {QStringLiteral("standby-recovery")});
}

Result<QString> StandbyStartStep::walReceiverPid(StepContext &context)
{
    return context.sql(HostRole::Standby, QStringLiteral("postgres"),
                       QStringLiteral("SELECT pid FROM pg_stat_wal_receiver WHERE status = 'streaming'"));
}

Result<void> StandbyStartStep::reconnect(StepContext &context) const
{
    // A reload does not end a connection made with the old password or
    // settings: end the walreceiver (the startup process starts a new one,
    // which reads primary_conninfo and the passfile afresh) and wait for the
    // new one to stream, so that what follows never rests on the old connection.
    auto old = walReceiverPid(context);
    if (!old)
        return old.error();
    context.log(tr("The standby connects to the primary again, with its new settings."));
    if (!old->isEmpty()) {
        auto ended = context.run(HostRole::Standby,
                                 CommandLine(QStringLiteral("kill"), {QStringLiteral("-TERM"), *old}), RunAs::Postgres);
        if (!ended)
            return ended.error();
    }
    return context.waitUntil(
        [&]() -> Result<bool> {
            auto pid = walReceiverPid(context);
            if (!pid)
                return pid.error();
            return !pid->isEmpty() && *pid != *old;
        },
        120000,
        tr("the standby does not stream again after reconnecting. Look at the standby's log (%1) for the reason, "
           "such as a refused password or pg_hba.conf line.")
            .arg(basis().standby.logFile()));
}

Result<void> StandbyStartStep::apply(StepContext &context)
{
    const ClusterLayout &standby = basis().standby;
    auto status = context.run(HostRole::Standby,
                              CommandLine(standby.serverProgram(QStringLiteral("pg_ctl")),
                                          {QStringLiteral("status"), QStringLiteral("-D"), standby.dataDir()}),
                              RunAs::Postgres);
    if (!status)
        return status.error();
    if (status->exitCode != 0) {
        if (auto started = control(context, standby.start(), tr("start the standby")); !started)
            return started;
    } else if (auto updated = applyNewSettings(context); !updated) {
        return updated;
    }
    auto streaming = context.waitUntil(
        [&]() -> Result<bool> {
            auto state = replicationState(context);
            if (!state)
                return state.error();
            return state->startsWith(QLatin1String("streaming|"));
        },
        120000,
        tr("the standby does not stream. Look at the standby's log (%1) for the reason, such as a refused password or "
           "pg_hba.conf line.")
            .arg(standby.logFile()));
    if (!streaming) {
        Error error = streaming.error();
        auto log = context.run(
            HostRole::Standby,
            CommandLine(QStringLiteral("tail"), {QStringLiteral("-n"), QStringLiteral("20"), standby.logFile()}),
            RunAs::Root);
        if (log && log->succeeded())
            error.detail += QStringLiteral("\n") + QString::fromUtf8(log->stdOut);
        return error;
    }
    return {};
}
