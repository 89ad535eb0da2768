#include "commands.h"

#include "core/host/local_host.h"
#include "core/monitor/replication_sampler.h"
#include "core/monitor/replication_table.h"
#include "core/sandbox/sandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

// replicactl sandbox: the local demo pair (core/sandbox/sandbox.h) from the
// command line. ./run demo runs `replicactl sandbox --help` to see whether
// this build has it, then `replicactl sandbox up`, which reuses a running
// sandbox.
namespace ReplicaCtl {

namespace {

struct Action
{
    QString name;
    const char *summary;
    bool takesCreateOptions; // --async/--sync, --pg-bin, --standbys, --synchronous-standby-names
    bool takesStandby;       // --standby NAME
};

// In the order of a lesson, as the help lists them.
const QList<Action> &actions()
{
    static const QList<Action> table{
        {QStringLiteral("up"),
         QT_TRANSLATE_NOOP("ReplicaCtl", "make the sandbox and wait until it streams, or reuse a running one"), true,
         false},
        {QStringLiteral("down"),
         QT_TRANSLATE_NOOP("ReplicaCtl", "stop every server (--remove: delete the sandbox's files too)"), false, false},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("ReplicaCtl", "every server and the replication table (--json)"),
         false, true},
        {QStringLiteral("stop-standby"),
         QT_TRANSLATE_NOOP("ReplicaCtl", "stop a standby (in sync mode, commits on the primary then wait)"), false,
         true},
        {QStringLiteral("start-standby"), QT_TRANSLATE_NOOP("ReplicaCtl", "start a standby and wait until it streams"),
         false, true},
        {QStringLiteral("pause-replay"), QT_TRANSLATE_NOOP("ReplicaCtl", "pause WAL replay on a standby"), false, true},
        {QStringLiteral("resume-replay"), QT_TRANSLATE_NOOP("ReplicaCtl", "resume WAL replay on a standby"), false,
         true},
        {QStringLiteral("sync"), QT_TRANSLATE_NOOP("ReplicaCtl", "make replication synchronous (reload)"), false,
         false},
        {QStringLiteral("async"), QT_TRANSLATE_NOOP("ReplicaCtl", "make replication asynchronous (reload)"), false,
         false},
        {QStringLiteral("promote"), QT_TRANSLATE_NOOP("ReplicaCtl", "promote a standby to a primary"), false, true},
        {QStringLiteral("reset"), QT_TRANSLATE_NOOP("ReplicaCtl", "throw every server away and make a fresh sandbox"),
         true, false},
    };
    return table;
}

void printHelp(QTextStream &out)
{
    out << tr("Usage: replicactl sandbox ACTION [--dir DIR] [OPTIONS]\n\n"
              "A PostgreSQL primary and one to five hot standbys on this computer, in one\n"
              "folder, on free loopback ports, for the demo and for learning. Run as root, the\n"
              "servers run as the postgres system user.\n\nActions:\n");
    for (const Action &action : actions())
        out << QStringLiteral("  %1  %2\n").arg(action.name, -14).arg(tr(action.summary));
    out << tr("\nOptions:\n"
              "  --dir DIR      the sandbox folder (default: %1)\n"
              "  --async        up/reset: asynchronous replication (default: synchronous)\n"
              "  --sync         up: switch an existing sandbox to synchronous\n"
              "  --pg-bin DIR   up/reset: the folder of initdb, postgres and pg_ctl of another\n"
              "                 PostgreSQL major (default: Debian's newest, /usr/lib/postgresql/N/bin)\n"
              "  --standbys N   up/reset: 1 to 5 standbys (default 1, named 'standby'; with more,\n"
              "                 'standby1' .. 'standbyN', each its application_name and slot)\n"
              "  --synchronous-standby-names VALUE\n"
              "                 up/reset/sync: synchronous_standby_names, as given (for example\n"
              "                 'FIRST 2 (standby1, standby2)' or 'ANY 2 (*)'; default: the first\n"
              "                 standby); checked first, an empty value means asynchronous\n"
              "  --standby NAME stop-standby, start-standby, pause-replay, resume-replay, promote,\n"
              "                 status: the standby to act on (default: the first)\n"
              "  --json         status: print JSON\n"
              "  --remove       down: delete the sandbox's files after stopping it\n"
              "\nExit status: 0 done, 1 failed, 2 bad input. 'status' and 'down' on a folder without a\n"
              "sandbox say so and exit 0; the other actions need a sandbox. A folder that is not a\n"
              "sandbox of this program is refused (exit 2) with nothing in it touched.\n")
               .arg(Sandbox::defaultDir());
}

void printActions(QTextStream &out, const Sandbox &sandbox, qsizetype alreadyPrinted)
{
    const QStringList &done = sandbox.actions();
    for (qsizetype i = alreadyPrinted; i < done.size(); ++i)
        out << done.at(i) << '\n';
}

void printConnections(QTextStream &out, const Sandbox &sandbox)
{
    const auto &state = sandbox.state();
    if (!state)
        return;
    out << '\n' << tr("Connect with psql:") << '\n';
    const QList<SandboxServer> servers = QList<SandboxServer>{state->primary} + state->standbys;
    const int width = state->standbys.size() > 1 ? -10 : -9;
    for (const SandboxServer &server : servers)
        out << QStringLiteral("  %1  %2\n").arg(server.name + QLatin1Char(':'), width).arg(sandbox.psqlCommand(server));
    out << tr("Connection strings:") << '\n';
    for (const SandboxServer &server : servers)
        out << QStringLiteral("  %1  %2\n").arg(server.name + QLatin1Char(':'), width).arg(server.connectionString());
}

int fail(QTextStream &err, const Error &error, int code)
{
    err << error.message << '\n';
    if (!error.detail.isEmpty())
        err << error.detail << '\n';
    return code;
}

// One round of the monitor's sampler over every server (libpq, the Unix
// socket), so that this table is the one `replicactl status` and the GUI show.
std::optional<ReplicationSample> sampleOnce(const SandboxStatus &status)
{
    const SandboxState &state = status.state;
    ReplicationSampler sampler;
    sampler.setPrimary(state.primary.name, state.primary.connectionString(QStringLiteral("postgres")));
    for (const SandboxServer &standby : state.standbys)
        sampler.addStandby(standby.name, standby.connectionString(QStringLiteral("postgres")));
    sampler.setConnectTimeout(5000);
    const bool standbysRunning = std::any_of(status.standbys.cbegin(), status.standbys.cend(),
                                             [](const SandboxStandbyStatus &standby) { return standby.running; });
    std::optional<ReplicationSample> sample;
    QEventLoop loop;
    // The first rounds may end before the connections are made: sample
    // again until every running server has answered (or time is up).
    QObject::connect(&sampler, &ReplicationSampler::sampleReady, &loop, [&](const ReplicationSample &ready) {
        sample = ready;
        const bool standbyAnswered =
            std::all_of(ready.standbyServers.cbegin(), ready.standbyServers.cend(),
                        [](const ReplicationSample::Server &server) { return server.reachable; });
        if ((ready.primary.reachable || !status.primaryRunning) && (standbyAnswered || !standbysRunning))
            loop.quit();
        else
            QTimer::singleShot(50, &sampler, &ReplicationSampler::sampleNow);
    });
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    sampler.sampleNow();
    loop.exec();
    return sample;
}

void printStatus(QTextStream &out, const SandboxStatus &status, const std::optional<ReplicationSample> &sample,
                 const QString &onlyStandby)
{
    const SandboxState &state = status.state;
    out << tr("Sandbox %1: PostgreSQL %2, %3.")
               .arg(state.dir, state.version.majorString(),
                    state.anyPromoted()  ? tr("a standby promoted (two primaries)")
                    : !state.synchronous ? tr("asynchronous")
                    : status.synchronousStandbyNames.isEmpty()
                        ? tr("synchronous")
                        : tr("synchronous (synchronous_standby_names = '%1')").arg(status.synchronousStandbyNames))
        << '\n';
    const QString running = tr("running"), stopped = tr("stopped");
    const int width = state.standbys.size() > 1 ? -10 : -9;
    out << QStringLiteral("  %1 %2\n")
               .arg(state.primary.name + QLatin1Char(':'), width)
               .arg(tr("port %1, %2").arg(state.primary.port).arg(status.primaryRunning ? running : stopped));
    for (qsizetype i = 0; i < status.standbys.size(); ++i) {
        const SandboxStandbyStatus &standby = status.standbys.at(i);
        if (!onlyStandby.isEmpty() && standby.name != onlyStandby)
            continue;
        out << QStringLiteral("  %1 %2\n")
                   .arg(standby.name + QLatin1Char(':'), width)
                   .arg(tr("port %1, %2%3%4")
                            .arg(state.standbys.at(i).port)
                            .arg(standby.running ? running : stopped)
                            .arg(standby.running && standby.replayPaused ? tr(", replay paused") : QString())
                            .arg(state.standbys.at(i).promoted ? tr(", promoted") : QString()));
    }
    out << '\n';
    if (!sample) {
        out << tr("The servers did not answer within 15 s.") << '\n';
        return;
    }
    out << ReplicationTable::renderText(*sample);
}

} // namespace

int sandbox(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") ||
        arguments.first() == QLatin1String("-h") || arguments.first() == QLatin1String("help")) {
        printHelp(arguments.isEmpty() ? err : out);
        return arguments.isEmpty() ? BadInput : Done;
    }
    const QString name = arguments.first();
    const auto found = std::find_if(actions().cbegin(), actions().cend(),
                                    [&name](const Action &action) { return action.name == name; });
    if (found == actions().cend()) {
        err << tr("replicactl sandbox: unknown action '%1'.").arg(name) << "\n\n";
        printHelp(err);
        return BadInput;
    }

    QCommandLineParser parser;
    const QCommandLineOption dirOption(QStringLiteral("dir"), tr("The sandbox folder."), QStringLiteral("DIR"));
    const QCommandLineOption asyncOption(QStringLiteral("async"), tr("Asynchronous replication."));
    const QCommandLineOption syncOption(QStringLiteral("sync"), tr("Synchronous replication."));
    const QCommandLineOption pgBinOption(QStringLiteral("pg-bin"), tr("PostgreSQL's programs."), QStringLiteral("DIR"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("JSON output."));
    const QCommandLineOption removeOption(QStringLiteral("remove"), tr("Delete the files."));
    const QCommandLineOption standbysOption(QStringLiteral("standbys"), tr("How many standbys."), QStringLiteral("N"));
    const QCommandLineOption namesOption(QStringLiteral("synchronous-standby-names"),
                                         tr("synchronous_standby_names, as given."), QStringLiteral("VALUE"));
    const QCommandLineOption standbyOption(QStringLiteral("standby"), tr("The standby to act on."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")}, tr("This help."));
    parser.addOptions({dirOption, asyncOption, syncOption, pgBinOption, jsonOption, removeOption, standbysOption,
                       namesOption, standbyOption, helpOption});
    if (!parser.parse(QStringList{QStringLiteral("replicactl sandbox")} + arguments.mid(1))) {
        err << parser.errorText() << '\n' << tr("Run 'replicactl sandbox --help' for the options.") << '\n';
        return BadInput;
    }
    if (parser.isSet(helpOption)) {
        printHelp(out);
        return Done;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << tr("replicactl sandbox %1: unexpected argument '%2'.").arg(name, parser.positionalArguments().first())
            << '\n';
        return BadInput;
    }
    if (parser.isSet(asyncOption) && parser.isSet(syncOption)) {
        err << tr("Give --sync or --async, not both.") << '\n';
        return BadInput;
    }
    const bool createOptions = parser.isSet(asyncOption) || parser.isSet(syncOption) || parser.isSet(pgBinOption) ||
                               parser.isSet(standbysOption);
    if (createOptions && !found->takesCreateOptions) {
        err << tr("--async, --sync, --pg-bin and --standbys belong to 'up' and 'reset'; use 'replicactl sandbox "
                  "sync' or 'async' to switch an existing sandbox.")
            << '\n';
        return BadInput;
    }
    if (parser.isSet(namesOption) && !found->takesCreateOptions && name != QLatin1String("sync")) {
        err << tr("--synchronous-standby-names belongs to 'up', 'reset' and 'sync'.") << '\n';
        return BadInput;
    }
    if (parser.isSet(namesOption) && (parser.isSet(asyncOption) || parser.isSet(syncOption))) {
        err << tr("Give --synchronous-standby-names or --sync/--async, not both (an empty value means "
                  "asynchronous).")
            << '\n';
        return BadInput;
    }
    if (parser.isSet(standbyOption) && !found->takesStandby) {
        err << tr("--standby belongs to the actions on one standby: stop-standby, start-standby, pause-replay, "
                  "resume-replay, promote and status.")
            << '\n';
        return BadInput;
    }
    if ((parser.isSet(jsonOption) && name != QLatin1String("status")) ||
        (parser.isSet(removeOption) && name != QLatin1String("down"))) {
        err << tr("--json belongs to 'status' and --remove to 'down'.") << '\n';
        return BadInput;
    }
    if (parser.isSet(dirOption) && parser.value(dirOption).isEmpty()) {
        err << tr("--dir needs a folder.") << '\n';
        return BadInput;
    }

    SandboxOptions options;
    options.pgBinDir = parser.value(pgBinOption);
    if (parser.isSet(asyncOption))
        options.synchronous = false;
    else if (parser.isSet(syncOption))
        options.synchronous = true;
    if (parser.isSet(standbysOption)) {
        bool number = false;
        options.standbys = parser.value(standbysOption).toInt(&number);
        if (!number) {
            err << tr("--standbys needs a number from 1 to 5, not '%1'.").arg(parser.value(standbysOption)) << '\n';
            return BadInput;
        }
    }
    if (parser.isSet(namesOption))
        options.synchronousStandbyNames = parser.value(namesOption);
    options.standby = parser.value(standbyOption);

    LocalHost host;
    Sandbox sandbox(host, parser.value(dirOption));
    const bool quiet = parser.isSet(jsonOption);
    qsizetype printed = 0;
    sandbox.setProgress([&](const QString &line) {
        if (quiet)
            return;
        out << line << '\n';
        out.flush();
        printed = sandbox.actions().size();
    });

    // Like down, status asks about what is there: no sandbox is an answer
    // (exit 0), not an error. The other actions need one: a wrong --dir is
    // bad input.
    if (name == QLatin1String("status") && !QFileInfo::exists(SandboxState::stateFilePath(sandbox.dir()))) {
        if (parser.isSet(jsonOption))
            out << QJsonDocument(QJsonObject{{QStringLiteral("dir"), sandbox.dir()}, {QStringLiteral("exists"), false}})
                       .toJson(QJsonDocument::Indented);
        else
            out << tr("There is no sandbox in %1. Run 'replicactl sandbox up' to make one.").arg(sandbox.dir()) << '\n';
        return Done;
    }
    const bool needsSandbox =
        name != QLatin1String("up") && name != QLatin1String("reset") && name != QLatin1String("down");
    if (needsSandbox) {
        auto loaded = Sandbox::loadState(sandbox.dir());
        if (!loaded)
            return fail(err, loaded.error(),
                        QFileInfo::exists(sandbox.dir()) && !loaded.error().refused ? Failed : BadInput);
    }

    if (name == QLatin1String("up") || name == QLatin1String("reset")) {
        if (name == QLatin1String("up")) {
            auto checked = sandbox.checkInput(options);
            if (!checked)
                return fail(err, checked.error(), BadInput);
        }
        auto made = name == QLatin1String("up") ? sandbox.up(options) : sandbox.reset(options);
        if (!made)
            return fail(err, made.error(), made.error().refused ? BadInput : Failed);
        if (!sandbox.reusedRunning() && !sandbox.phases().isEmpty()) {
            QStringList parts;
            for (const SandboxPhase &phase : sandbox.phases())
                parts.append(tr("%1 %2 ms").arg(phase.name).arg(phase.ms));
            out << tr("Ready in %1 ms from '%2' (%3).")
                       .arg(sandbox.totalMs())
                       .arg(name, parts.join(QStringLiteral(", ")))
                << '\n';
        } else if (!sandbox.reusedRunning()) {
            out << tr("Running again in %1 ms.").arg(sandbox.totalMs()) << '\n';
        }
        printConnections(out, sandbox);
        return Done;
    }

    if (name == QLatin1String("status")) {
        auto status = sandbox.status();
        if (!status)
            return fail(err, status.error(), Failed);
        if (!options.standby.isEmpty() && !status->state.standbyNamed(options.standby))
            return fail(err,
                        makeRefusal(tr("The sandbox in %1 has no standby named '%2'. Its standbys: %3.")
                                        .arg(sandbox.dir(), options.standby,
                                             status->state.standbyNames().join(QStringLiteral(", ")))),
                        BadInput);
        const auto sample = sampleOnce(*status);
        if (parser.isSet(jsonOption)) {
            QJsonObject json = status->toJson();
            json.insert(QStringLiteral("exists"), true);
            json.insert(QStringLiteral("monitor"),
                        sample ? QJsonValue(ReplicationTable::toJson(*sample)) : QJsonValue(QJsonValue::Null));
            out << QJsonDocument(json).toJson(QJsonDocument::Indented);
            return Done;
        }
        printStatus(out, *status, sample, options.standby);
        printConnections(out, sandbox);
        return Done;
    }

    const std::map<QString, std::function<Result<void>()>> operations{
        {QStringLiteral("down"), [&] { return sandbox.down(parser.isSet(removeOption)); }},
        {QStringLiteral("stop-standby"), [&] { return sandbox.stopStandby(options.standby); }},
        {QStringLiteral("start-standby"), [&] { return sandbox.startStandby(options.standby); }},
        {QStringLiteral("pause-replay"), [&] { return sandbox.pauseReplay(options.standby); }},
        {QStringLiteral("resume-replay"), [&] { return sandbox.resumeReplay(options.standby); }},
        {QStringLiteral("sync"),
         [&] {
             return options.synchronousStandbyNames
                        ? sandbox.setSynchronousStandbyNames(*options.synchronousStandbyNames)
                        : sandbox.setSynchronous(true);
         }},
        {QStringLiteral("async"), [&] { return sandbox.setSynchronous(false); }},
        {QStringLiteral("promote"), [&] { return sandbox.promote(options.standby); }},
    };
    auto done = operations.at(name)();
    printActions(out, sandbox, printed);
    if (!done)
        return fail(err, done.error(), done.error().refused ? BadInput : Failed);
    if (name != QLatin1String("down"))
        printConnections(out, sandbox);
    return Done;
}

} // namespace ReplicaCtl
