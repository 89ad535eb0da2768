#include "verify_step.h"

#include "core/plan/password_verifier.h"
#include "core/plan/steps/standby_recovery_step.h"
#include "core/plan/steps/standby_start_step.h"
#include "core/plan/steps/sync_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("VerifyStep", text);
}
const QString markerTable = QStringLiteral("replica_studio_check");
} // namespace

VerifyStep::VerifyStep(PlanBasis basis) : SetupStep(QStringLiteral("verify"), std::move(basis))
{
}

CommandLine VerifyStep::freshConnection() const
{
    // As the walreceiver connects after a restart: primary_conninfo, the
    // passfile, a physical replication connection; never the one open now.
    const ClusterLayout &standby = basis().standby;
    return CommandLine(
        QStringLiteral("env"),
        {QStringLiteral("PGPASSFILE=") + standby.passfile(), QStringLiteral("PGCONNECT_TIMEOUT=10"),
         standby.clientProgram(QStringLiteral("psql")), QStringLiteral("-X"), QStringLiteral("-A"),
         QStringLiteral("-t"), QStringLiteral("-w"), QStringLiteral("-d"),
         StandbyRecoveryStep::primaryConninfo(basis()) + QStringLiteral(" dbname=replication replication=true"),
         QStringLiteral("-c"), QStringLiteral("IDENTIFY_SYSTEM")});
}

QString VerifyStep::title() const
{
    return tr("Verify the replication");
}

QString VerifyStep::why() const
{
    return tr("Proof that it works: a new replication connection from the standby, made as its walreceiver makes one "
              "after a restart, is accepted; a row written on the primary appears on the standby, and the standby "
              "refuses writes.");
}

QList<PlannedCommand> VerifyStep::commands() const
{
    const QString create =
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS %1 (token text PRIMARY KEY, written_at timestamptz DEFAULT now());\n")
            .arg(markerTable);
    return {
        {HostRole::Standby,
         freshConnection(),
         RunAs::Postgres,
         tr("Connect to the primary afresh as the standby does after a restart (its primary_conninfo and passfile)."),
         {}},
        {HostRole::Primary,
         basis().primary.psql(QStringLiteral("postgres")),
         RunAs::Postgres,
         tr("Write a marker row on the primary."),
         {},
         create + QStringLiteral("INSERT INTO %1 (token) SELECT 'shell-check' WHERE NOT EXISTS (SELECT 1 FROM %1 WHERE "
                                 "token = 'shell-check');")
                      .arg(markerTable)},
        {HostRole::Standby,
         basis().standby.psql(QStringLiteral("postgres")),
         RunAs::Postgres,
         tr("Read the marker row on the standby."),
         {},
         QStringLiteral("SELECT token FROM %1 WHERE token = 'shell-check';").arg(markerTable)},
        {HostRole::Standby,
         basis().standby.psql(QStringLiteral("postgres")),
         RunAs::Postgres,
         tr("Try a write on the standby: it must fail with SQLSTATE 25006."),
         {},
         QStringLiteral("INSERT INTO %1 (token) VALUES ('standby');").arg(markerTable)}};
}

Result<bool> VerifyStep::check(StepContext &)
{
    return false;
}

Result<void> VerifyStep::apply(StepContext &context)
{
    m_report = {};
    auto add = [this, &context](const QString &name, bool passed, const QString &detail) {
        m_report.checks.append({name, passed, detail});
        context.log(QStringLiteral("%1 %2: %3")
                        .arg(passed ? QStringLiteral("[ok]") : QStringLiteral("[FAILED]"), name, detail));
    };

    auto state = StandbyStartStep::replicationState(context);
    if (!state)
        return state.error();
    add(tr("The primary lists the standby %1 as streaming").arg(choices().applicationName),
        state->startsWith(QLatin1String("streaming|")),
        state->isEmpty() ? tr("not in pg_stat_replication") : state->section(QLatin1Char('|'), 0, 0));
    const QString sync = state->section(QLatin1Char('|'), 1);
    if (choices().synchronous) {
        auto names = context.sql(HostRole::Primary, QStringLiteral("postgres"),
                                 QStringLiteral("SHOW synchronous_standby_names"));
        if (!names)
            return names.error();
        add(tr("The standby is synchronous"), SyncStep::isSynchronous(sync, *names), SyncStep::stateText(sync));
    } else {
        add(tr("The standby is asynchronous"), sync == QLatin1String("async"), SyncStep::stateText(sync));
    }
    auto fresh = context.run(HostRole::Standby, freshConnection(), RunAs::Postgres);
    if (!fresh)
        return fresh.error();
    add(tr("A new replication connection from the standby is accepted"), fresh->succeeded(),
        fresh->succeeded() ? tr("IDENTIFY_SYSTEM as %1: system %2")
                                 .arg(choices().replicationUser,
                                      QString::fromUtf8(fresh->stdOut).trimmed().section(QLatin1Char('|'), 0, 0))
                           : fresh->lastOutputLines(2));
    auto recovery =
        context.sql(HostRole::Standby, QStringLiteral("postgres"), QStringLiteral("SELECT pg_is_in_recovery()"));
    if (!recovery)
        return recovery.error();
    add(tr("The standby is in recovery (a hot standby)"), *recovery == QLatin1String("t"),
        tr("pg_is_in_recovery() = %1").arg(*recovery));

    const QString token = PasswordVerifier::generatePassword(16);
    auto written = context.sql(
        HostRole::Primary, QStringLiteral("postgres"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (token text PRIMARY KEY, written_at timestamptz DEFAULT now());\n"
                       "INSERT INTO %1 (token) VALUES (:'token');\n")
            .arg(markerTable),
        {{QStringLiteral("token"), token}});
    if (!written)
        return written.error();
    auto seen = context.waitUntil(
        [&]() -> Result<bool> {
            auto row = context.query(HostRole::Standby, QStringLiteral("postgres"),
                                     QStringLiteral("SELECT 1 FROM %1 WHERE token = :'token'").arg(markerTable),
                                     {{QStringLiteral("token"), token}});
            if (!row)
                return row.error();
            return row->ok && row->output == QLatin1String("1");
        },
        30000, tr("the marker row did not reach the standby"), 200);
    add(tr("A row written on the primary is read on the standby"), seen.ok(),
        seen ? tr("marker %1 seen").arg(token) : seen.error().message);

    if (choices().demoData) {
        auto demo = context.query(HostRole::Standby, QStringLiteral("mydb"),
                                  QStringLiteral("SELECT city FROM weather WHERE city = 'San Francisco'"));
        if (!demo)
            return demo.error();
        add(tr("The demo row (weather, San Francisco) is on the standby"),
            demo->ok && demo->output == QLatin1String("San Francisco"), demo->ok ? demo->output : demo->message);
    }

    auto refused =
        context.query(HostRole::Standby, QStringLiteral("postgres"),
                      QStringLiteral("INSERT INTO %1 (token) VALUES ('written-on-standby')").arg(markerTable));
    if (!refused)
        return refused.error();
    add(tr("A write on the standby is refused with SQLSTATE 25006"),
        !refused->ok && refused->sqlState == QLatin1String("25006"),
        refused->ok ? tr("the INSERT succeeded") : QStringLiteral("%1: %2").arg(refused->sqlState, refused->message));

    // The marker goes again (the table stays small; replicated like any change).
    (void)context.sql(HostRole::Primary, QStringLiteral("postgres"),
                      QStringLiteral("DELETE FROM %1 WHERE token = :'token'").arg(markerTable),
                      {{QStringLiteral("token"), token}});

    if (!m_report.passed()) {
        QStringList failed;
        for (const auto &check : m_report.checks) {
            if (!check.passed)
                failed.append(check.name + QStringLiteral(": ") + check.detail);
        }
        return makeError(tr("The replication does not work as it should. Look at the standby's log file."),
                         failed.join(QLatin1Char('\n')));
    }
    return {};
}
