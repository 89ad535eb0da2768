#include "lesson_script.h"

#include <QCoreApplication>

namespace {

// Each string spelled out with its context: lupdate finds no class here.
LessonAction sql(const QString &label, const QString &server, const QString &statement,
                 const QString &expectedSqlState = {})
{
    LessonAction action;
    action.kind = LessonAction::Kind::Sql;
    action.label = label;
    action.server = server;
    action.sql = statement;
    action.expectedSqlState = expectedSqlState;
    return action;
}

LessonAction sandbox(const QString &label, SandboxTask::Action what)
{
    LessonAction action;
    action.kind = LessonAction::Kind::Sandbox;
    action.label = label;
    action.sandboxAction = what;
    return action;
}

// An operation on one standby of several, by its name.
LessonAction onStandby(LessonAction action, const QString &name)
{
    action.sandboxOptions.standby = name;
    return action;
}

LessonAction waiting(LessonAction action)
{
    action.waits = true;
    return action;
}

const QString primary = QStringLiteral("primary");
const QString standby = QStringLiteral("standby");
const QString countRows = QStringLiteral("SELECT count(*) AS rows, max(city) AS last_city FROM weather;");

LessonStep whoStreams()
{
    return {QStringLiteral("who-streams"),
            QCoreApplication::translate("LessonScript", "1. Who streams to whom"),
            QCoreApplication::translate(
                "LessonScript", "The primary lists every standby that streams from it in pg_stat_replication. Ask it."),
            QCoreApplication::translate(
                "LessonScript",
                "One row: the standby, in state <b>streaming</b>, with sync_state <b>sync</b>: every commit on the "
                "primary waits until the standby has its WAL. The Replication tab shows the same, live."),
            {sql(QCoreApplication::translate("LessonScript", "Ask the primary"), primary,
                 QStringLiteral("SELECT application_name, client_addr, state, sync_state\n"
                                "  FROM pg_stat_replication;"))}};
}

LessonStep rowCrossesOver()
{
    return {QStringLiteral("row-crosses-over"),
            QCoreApplication::translate("LessonScript", "2. A row written on the primary appears on the standby"),
            QCoreApplication::translate(
                "LessonScript",
                "Count the rows of the weather table on the standby, insert a row on the primary, and count again "
                "on the standby."),
            QCoreApplication::translate(
                "LessonScript",
                "The new row is on the standby at once: the primary sent its WAL, the standby replayed it. "
                "Nothing was copied by hand."),
            {sql(QCoreApplication::translate("LessonScript", "Count on the standby"), standby, countRows),
             sql(QCoreApplication::translate("LessonScript", "Insert on the primary"), primary,
                 QStringLiteral("INSERT INTO weather VALUES ('Tokyo', 41, 52, 0.1, current_date);")),
             sql(QCoreApplication::translate("LessonScript", "Count on the standby again"), standby, countRows)}};
}

LessonStep readOnlyStandby()
{
    return {QStringLiteral("read-only-standby"),
            QCoreApplication::translate("LessonScript", "3. The standby refuses writes"),
            QCoreApplication::translate("LessonScript", "Try the same INSERT on the standby."),
            QCoreApplication::translate(
                "LessonScript",
                "Refused with SQLSTATE 25006, \"cannot execute INSERT in a read-only transaction\": a hot standby "
                "only replays what the primary writes. Write on the primary; read on either."),
            {sql(QCoreApplication::translate("LessonScript", "Insert on the standby"), standby,
                 QStringLiteral("INSERT INTO weather VALUES ('Osaka', 44, 55, 0.0, current_date);"),
                 QStringLiteral("25006"))}};
}

LessonStep lagUnderLoad()
{
    return {QStringLiteral("lag-under-load"),
            QCoreApplication::translate("LessonScript", "4. Lag under a write load"),
            QCoreApplication::translate(
                "LessonScript",
                "Write a few hundred thousand rows on the primary and watch the Replication tab's charts: the "
                "bytes sent, written, flushed and replayed follow the primary's WAL."),
            QCoreApplication::translate(
                "LessonScript", "The lag rose while WAL was written and fell back to zero once the standby caught up."),
            {sql(QCoreApplication::translate("LessonScript", "Write a load on the primary"), primary,
                 QStringLiteral("CREATE TABLE IF NOT EXISTS load (id int, payload text);\n"
                                "INSERT INTO load SELECT g, md5(g::text) FROM generate_series(1, 300000) g;"))}};
}

LessonStep pausedReplay()
{
    return {QStringLiteral("paused-replay"),
            QCoreApplication::translate("LessonScript", "5. Replay paused"),
            QCoreApplication::translate(
                "LessonScript",
                "Pause replay on the standby, insert a row on the primary and count on the standby; then resume."),
            QCoreApplication::translate(
                "LessonScript",
                "While replay was paused the standby still received WAL, but its rows stood still and its replay "
                "lag grew. Resumed, it replayed everything it had received."),
            {sandbox(QCoreApplication::translate("LessonScript", "Pause replay on the standby"),
                     SandboxTask::Action::PauseReplay),
             sql(QCoreApplication::translate("LessonScript", "Insert on the primary"), primary,
                 QStringLiteral("INSERT INTO weather VALUES ('Sapporo', 25, 33, 0.4, current_date);")),
             sql(QCoreApplication::translate("LessonScript", "Count on the standby"), standby, countRows),
             sandbox(QCoreApplication::translate("LessonScript", "Resume replay"), SandboxTask::Action::ResumeReplay),
             sql(QCoreApplication::translate("LessonScript", "Count on the standby again"), standby, countRows)}};
}

LessonStep commitsWait()
{
    return {QStringLiteral("commits-wait"),
            QCoreApplication::translate("LessonScript", "6. A stopped synchronous standby holds commits"),
            QCoreApplication::translate(
                "LessonScript",
                "Stop the standby, then insert on the primary. The INSERT does not return: a synchronous commit waits "
                "for the standby's confirmation, and the Replication tab shows commits waiting. Then take one of the "
                "two safe ways out."),
            QCoreApplication::translate(
                "LessonScript",
                "Starting the standby again let the waiting commit return. (Making replication asynchronous would "
                "have let it return too, with less protection against losing it.)"),
            {sandbox(QCoreApplication::translate("LessonScript", "Make sure replication is synchronous"),
                     SandboxTask::Action::MakeSynchronous),
             sandbox(QCoreApplication::translate("LessonScript", "Stop the standby"), SandboxTask::Action::StopStandby),
             waiting(sql(QCoreApplication::translate("LessonScript", "Insert on the primary (it waits)"), primary,
                         QStringLiteral("INSERT INTO weather VALUES ('Naha', 70, 80, 0.0, current_date);"))),
             sandbox(QCoreApplication::translate("LessonScript", "Way out: start the standby again"),
                     SandboxTask::Action::StartStandby)}};
}

LessonStep quorum()
{
    LessonAction three = sandbox(QCoreApplication::translate("LessonScript", "Make three standbys, ANY 2 of them"),
                                 SandboxTask::Action::Reset);
    three.sandboxOptions.standbys = 3;
    three.sandboxOptions.synchronousStandbyNames = QStringLiteral("ANY 2 (standby1, standby2, standby3)");
    return {QStringLiteral("quorum"),
            QCoreApplication::translate("LessonScript", "7. A quorum of standbys"),
            QCoreApplication::translate(
                "LessonScript",
                "Make the sandbox again with three standbys and synchronous_standby_names = 'ANY 2 (standby1, "
                "standby2, standby3)': a commit waits until any two of the three have it. Stop one standby and "
                "insert: the commit returns. Stop a second one and insert again: now it waits."),
            QCoreApplication::translate(
                "LessonScript",
                "All three showed sync_state = quorum. With one standby stopped two could still confirm; with two "
                "stopped the commit waited until one came back. A quorum rides out the loss of any one standby, "
                "where FIRST 1 would have waited for its one named standby."),
            {three,
             sql(QCoreApplication::translate("LessonScript", "Show the quorum on the primary"), primary,
                 QStringLiteral("SELECT application_name, state, sync_state FROM pg_stat_replication ORDER BY 1;")),
             onStandby(sandbox(QCoreApplication::translate("LessonScript", "Stop standby1"),
                               SandboxTask::Action::StopStandby),
                       QStringLiteral("standby1")),
             sql(QCoreApplication::translate("LessonScript", "Insert on the primary (two standbys confirm)"), primary,
                 QStringLiteral("INSERT INTO weather VALUES ('Sendai', 40, 48, 0.1, current_date);")),
             onStandby(sandbox(QCoreApplication::translate("LessonScript", "Stop standby2"),
                               SandboxTask::Action::StopStandby),
                       QStringLiteral("standby2")),
             waiting(sql(QCoreApplication::translate("LessonScript", "Insert on the primary (it waits)"), primary,
                         QStringLiteral("INSERT INTO weather VALUES ('Kyoto', 42, 55, 0.0, current_date);"))),
             onStandby(sandbox(QCoreApplication::translate("LessonScript", "Way out: start standby2 again"),
                               SandboxTask::Action::StartStandby),
                       QStringLiteral("standby2")),
             onStandby(sandbox(QCoreApplication::translate("LessonScript", "Start standby1 again"),
                               SandboxTask::Action::StartStandby),
                       QStringLiteral("standby1"))}};
}

LessonStep promotion()
{
    // Back to the walkthrough's pair afterwards, whatever the quorum step made.
    LessonAction reset =
        sandbox(QCoreApplication::translate("LessonScript", "Reset the sandbox"), SandboxTask::Action::Reset);
    reset.sandboxOptions.standbys = 1;
    return {QStringLiteral("promotion"),
            QCoreApplication::translate("LessonScript", "8. Promote the standby"),
            QCoreApplication::translate(
                "LessonScript",
                "Promote the standby: it leaves recovery and becomes a primary of its own. Then write on it."),
            QCoreApplication::translate(
                "LessonScript",
                "The former standby accepts writes now; the two servers no longer replicate. Reset the sandbox to "
                "start the lesson again from a fresh pair."),
            {sandbox(QCoreApplication::translate("LessonScript", "Promote the standby"), SandboxTask::Action::Promote),
             sql(QCoreApplication::translate("LessonScript", "Insert on the former standby"), standby,
                 QStringLiteral("INSERT INTO weather VALUES ('Kobe', 45, 56, 0.2, current_date);")),
             reset}};
}

} // namespace

namespace LessonScript {

QList<LessonStep> steps()
{
    return {whoStreams(),   rowCrossesOver(), readOnlyStandby(), lagUnderLoad(),
            pausedReplay(), commitsWait(),    quorum(),          promotion()};
}

} // namespace LessonScript
