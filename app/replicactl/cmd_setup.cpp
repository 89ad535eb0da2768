#include "commands.h"
#include "ssh_options.h"

#include "core/host/ssh_host.h"
#include "core/plan/plan_runner.h"
#include "core/plan/setup_plan.h"
#include "core/plan/step_context.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

// replicactl setup / apply: the setup plan (core/plan) from the command
// line, over SSH. setup discovers both hosts, builds the plan, shows it (or
// prints it with --dry-run, saves it with --save-plan), asks, and runs it
// with PlanRunner, printing the live log and the verification report. apply
// runs a saved plan as saved: its file edits (the user's edits in them) are
// validated when it loads, and the files they start from are compared with
// the hosts' before anything changes.
namespace ReplicaCtl {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

struct Connection
{
    std::unique_ptr<SshHost> primary;
    std::unique_ptr<SshHost> standby;
};

Result<Connection> connectBoth(const PlanChoices &choices, const QCommandLineParser &parser)
{
    Connection connection;
    for (auto [target, host] :
         {std::pair{&choices.primary, &connection.primary}, std::pair{&choices.standby, &connection.standby}}) {
        auto opened = openHost(*target, parser);
        if (!opened)
            return opened.error();
        *host = std::move(*opened);
        // Where each name leads once the SSH config had its say, before anything is sent there.
        out() << (host == &connection.primary ? tr("Primary %1 → %2") : tr("Standby %1 → %2"))
                     .arg(target->host, (*host)->destination().describe({}))
              << '\n';
    }
    for (SshHost *host : {connection.primary.get(), connection.standby.get()}) {
        if (auto connected = host->connect(); !connected) {
            QString message = connected.error().message;
            if (auto key = host->lastHostKey(); key && !parser.isSet(QStringLiteral("accept-new-host-keys")))
                message += QLatin1Char(' ') +
                           tr("Its key is %1 %2: check it, then add --accept-new-host-keys or put it in known_hosts.")
                               .arg(key->keyType, key->fingerprint);
            return makeError(message, connected.error().detail);
        }
    }
    return connection;
}

Result<QString> passwordFrom(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("password-file")))
        return QString();
    QFile file(parser.value(QStringLiteral("password-file")));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(tr("Could not read the password file %1.").arg(file.fileName()), file.errorString());
    QByteArray line = file.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return makeError(
            tr("The password file %1 is empty: put the replication password on its first line.").arg(file.fileName()));
    return QString::fromUtf8(line);
}

bool confirm()
{
    out() << tr("Apply this plan? [y/N] ");
    out().flush();
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

// SIGINT and SIGTERM cancel the run as the wizard's Cancel does: the
// handler only writes the signal's number to a pipe (all it may do), and
// the event loop tells the runner. A second one ends the program at once.
class SignalCancel
{
public:
    explicit SignalCancel(const std::function<void(int)> &onSignal)
    {
        if (::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(s_pipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this, onSignal] {
            unsigned char number = 0;
            while (::read(s_pipe[0], &number, 1) == 1) {
                if (m_received == 0)
                    m_received = number;
                onSignal(number);
            }
        });
        struct sigaction action;
        std::memset(&action, 0, sizeof action);
        action.sa_handler = &SignalCancel::handle;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART | SA_RESETHAND; // the second one takes the default action
        for (const int number : {SIGINT, SIGTERM})
            ::sigaction(number, &action, &m_previous[number == SIGINT ? 0 : 1]);
    }
    ~SignalCancel()
    {
        if (!m_notifier)
            return;
        ::sigaction(SIGINT, &m_previous[0], nullptr);
        ::sigaction(SIGTERM, &m_previous[1], nullptr);
        m_notifier.reset();
        ::close(s_pipe[0]);
        ::close(s_pipe[1]);
        s_pipe[0] = s_pipe[1] = -1;
    }
    SignalCancel(const SignalCancel &) = delete;
    SignalCancel &operator=(const SignalCancel &) = delete;

    int received() const { return m_received; } // 0: none

private:
    static void handle(int number)
    {
        const int saved = errno;
        const unsigned char byte = static_cast<unsigned char>(number);
        [[maybe_unused]] const ssize_t written = ::write(s_pipe[1], &byte, 1);
        // SA_RESETHAND gave the next one its default action; SIGINT's and
        // SIGTERM's is to end the program, as a second Ctrl-C asks.
        errno = saved;
    }

    static inline int s_pipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_previous[2];
    int m_received = 0;
};

// Runs the plan, printing as it goes; the exit code (128 + the signal's
// number when SIGINT or SIGTERM cancelled it).
int runPlan(SetupPlan &plan, Connection &connection, const QString &password)
{
    PlanRunner runner;
    QEventLoop loop;
    SignalCancel interrupt([&runner](int number) {
        err() << '\n'
              << tr("Interrupted (SIG%1): cancelling; the commands this run started on the hosts are being ended. "
                    "Interrupt again to quit at once and leave them running.")
                     .arg(QString::fromLatin1(sigabbrev_np(number)))
              << '\n';
        err().flush();
        runner.cancel();
    });
    int lastPercent = -1;
    QObject::connect(&runner, &PlanRunner::logLine, &loop, [](const QString &line) {
        out() << line << '\n';
        out().flush();
    });
    QObject::connect(&runner, &PlanRunner::progress, &loop, [&lastPercent](int, int percent, const QString &text) {
        // Every tenth percent is enough for a terminal or a CI log.
        if (percent / 10 != lastPercent / 10 || percent == 100) {
            out() << QStringLiteral("   %1% %2\n").arg(percent).arg(text);
            out().flush();
        }
        lastPercent = percent;
    });
    QObject::connect(&runner, &PlanRunner::stepStarted, &loop,
                     [&lastPercent](int, const QString &, const QString &) { lastPercent = -1; });
    QObject::connect(&runner, &PlanRunner::finished, &loop, &QEventLoop::quit);
    runner.start(&plan, connection.primary.get(), connection.standby.get(), password);
    loop.exec();
    runner.wait();

    const VerificationReport report = runner.verification();
    if (!report.checks.isEmpty()) {
        out() << '\n' << tr("Verification:") << '\n';
        for (const VerificationReport::Check &check : report.checks)
            out() << QStringLiteral("  [%1] %2 (%3)\n")
                         .arg(check.passed ? QStringLiteral("ok") : QStringLiteral("FAILED"), check.name, check.detail);
    }
    out() << tr("%1 steps applied, %2 already done.").arg(runner.appliedCount()).arg(runner.skippedCount()) << '\n';
    out().flush();
    if (const auto failure = runner.failure()) {
        err() << '\n' << tr("Step failed: %1 [%2]").arg(failure->stepTitle, failure->stepId) << '\n';
        err() << failure->message << '\n';
        if (!failure->command.isEmpty())
            err() << tr("Last command: %1").arg(failure->command) << '\n';
        if (!failure->output.isEmpty())
            err() << tr("Its output:") << '\n' << failure->output << '\n';
        if (!failure->detail.isEmpty() && failure->detail != failure->output)
            err() << failure->detail << '\n';
        if (interrupt.received()) {
            err() << tr("Stopped by SIG%1 in step \"%2\" with %3 steps applied and %4 already done; the hosts are "
                        "as those steps left them. Run the same command again to continue from there.")
                         .arg(QString::fromLatin1(sigabbrev_np(interrupt.received())), failure->stepTitle)
                         .arg(runner.appliedCount())
                         .arg(runner.skippedCount())
                  << '\n';
            err().flush();
            return 128 + interrupt.received();
        }
        err().flush();
        return Failed;
    }
    if (!report.passed()) {
        err() << tr("The plan ran, but the replication could not be verified.") << '\n';
        return Failed;
    }
    out() << tr("Done: the standby streams and is verified.") << '\n';
    return Done;
}

} // namespace

int setup(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Set up a PostgreSQL primary and a hot standby over SSH, and verify that the standby streams."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("primary"), tr("The primary, reached over SSH."), tr("USER@HOST[:PORT]")});
    parser.addOption({QStringLiteral("standby"), tr("The standby, reached over SSH."), tr("USER@HOST[:PORT]")});
    addSshOptions(parser);
    parser.addOption(
        {QStringLiteral("sync"), tr("Synchronous replication (the default): commits wait for the standby.")});
    parser.addOption({QStringLiteral("async"), tr("Asynchronous replication.")});
    parser.addOption({QStringLiteral("sync-any"),
                      tr("With several synchronous standbys: a commit waits for any of them (ANY, a quorum; "
                         "PostgreSQL 10+), not for the first one named.")});
    parser.addOption({QStringLiteral("sync-count"),
                      tr("With several synchronous standbys: how many confirm each commit (default 1)."), tr("N")});
    parser.addOption(
        {QStringLiteral("pg-version"), tr("PostgreSQL major version (default: what the primary has)."), tr("N")});
    parser.addOption(
        {QStringLiteral("slot"), tr("Name of the replication slot (default: the application name)."), tr("NAME")});
    parser.addOption({QStringLiteral("monitoring-role"),
                      tr("The role the replication panel and \"replicactl watch\" connect as, with pg_monitor's rights "
                         "(PostgreSQL 10+; default: replica_monitor; an empty name makes none). Its password is kept "
                         "in the postgres user's passfile on the primary."),
                      tr("NAME")});
    parser.addOption({QStringLiteral("application-name"),
                      tr("The standby's application_name (default: from its host name)."), tr("NAME")});
    parser.addOption({QStringLiteral("primary-address"),
                      tr("How the standby reaches the primary (default: the primary's SSH host)."), tr("ADDRESS")});
    parser.addOption({QStringLiteral("standby-address"),
                      tr("The standby's IP address as the primary sees it, for pg_hba.conf (default: found out; a host "
                         "name is refused)."),
                      tr("ADDRESS")});
    parser.addOption({QStringLiteral("primary-data-dir"),
                      tr("The primary's data directory (default: the distribution's)."), tr("DIR")});
    parser.addOption({QStringLiteral("standby-data-dir"),
                      tr("The standby's data directory (default: the distribution's)."), tr("DIR")});
    parser.addOption({QStringLiteral("pg-bin"),
                      tr("Directory of the PostgreSQL programs (postgres, initdb, pg_ctl) on both hosts, where the "
                         "distribution did not install them (default: found, see the plan)."),
                      tr("DIR")});
    parser.addOption({QStringLiteral("primary-pg-bin"), tr("As --pg-bin, for the primary only."), tr("DIR")});
    parser.addOption({QStringLiteral("standby-pg-bin"), tr("As --pg-bin, for the standby only."), tr("DIR")});
    parser.addOption(
        {QStringLiteral("password-file"),
         tr("File whose first line is the replication password (default: kept on the primary, or generated)."),
         tr("FILE")});
    parser.addOption(
        {QStringLiteral("demo-data"), tr("Create the walkthrough's mydb database with its weather table and row.")});
    parser.addOption({QStringLiteral("as-in-walkthrough"), tr("The walkthrough's own choices (postgres superuser, md5, "
                                                              "application_name slave): weaker, for teaching only.")});
    parser.addOption({QStringLiteral("install"),
                      tr("Install the chosen PostgreSQL major with the host's package manager where it is missing "
                         "(the plan shows the commands). Without it, a host that lacks PostgreSQL is refused.")});
    parser.addOption(
        {QStringLiteral("dry-run"), tr("Print every step with its commands and file diffs; change nothing.")});
    parser.addOption({QStringLiteral("save-plan"), tr("Save the plan as JSON (for replicactl apply)."), tr("FILE")});
    parser.addOption({QStringLiteral("export-script"), tr("Write the plan as a shell script."), tr("FILE")});
    parser.addOption({QStringLiteral("yes"), tr("Apply without asking.")});
    if (!parser.parse(QStringList{QStringLiteral("replicactl setup")} + arguments)) {
        err() << parser.errorText() << '\n' << tr("Run 'replicactl setup --help' for the options.") << '\n';
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << commandHelp(parser, QStringLiteral("setup"));
        return Done;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("Unexpected argument: %1. Run 'replicactl setup --help' for the options.")
                     .arg(parser.positionalArguments().first())
              << '\n';
        return BadInput;
    }
    if (!parser.isSet(QStringLiteral("primary")) || !parser.isSet(QStringLiteral("standby"))) {
        err() << tr("Name both hosts: --primary USER@HOST[:PORT] --standby USER@HOST[:PORT].") << '\n';
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("sync")) && parser.isSet(QStringLiteral("async"))) {
        err() << tr("Choose either --sync or --async.") << '\n';
        return BadInput;
    }

    PlanChoices choices;
    for (const auto &[option, target] : {std::pair{QStringLiteral("primary"), &choices.primary},
                                         std::pair{QStringLiteral("standby"), &choices.standby}}) {
        auto parsed = HostTarget::parse(parser.value(option));
        if (!parsed) {
            err() << parsed.error().message << '\n';
            return BadInput;
        }
        *target = *parsed;
    }
    if (parser.isSet(QStringLiteral("pg-version"))) {
        const auto version = PgVersion::parse(parser.value(QStringLiteral("pg-version")));
        if (!version) {
            err() << tr("\"%1\" is not a PostgreSQL version: give a major such as 9.6 or 15.")
                         .arg(parser.value(QStringLiteral("pg-version")))
                  << '\n';
            return BadInput;
        }
        choices.version = *version;
    }
    choices.synchronous = !parser.isSet(QStringLiteral("async"));
    choices.syncAny = parser.isSet(QStringLiteral("sync-any"));
    if (parser.isSet(QStringLiteral("sync-count"))) {
        bool isNumber = false;
        choices.syncCount = parser.value(QStringLiteral("sync-count")).toInt(&isNumber);
        if (!isNumber) {
            err() << tr("--sync-count takes a number of standbys, such as 2, not \"%1\".")
                         .arg(parser.value(QStringLiteral("sync-count")))
                  << '\n';
            return BadInput;
        }
    }
    if (!choices.synchronous && (choices.syncAny || parser.isSet(QStringLiteral("sync-count")))) {
        err() << tr("--sync-any and --sync-count are for synchronous replication: leave out --async.") << '\n';
        return BadInput;
    }
    choices.slotName = parser.value(QStringLiteral("slot"));
    if (parser.isSet(QStringLiteral("monitoring-role")))
        choices.monitoringUser = parser.value(QStringLiteral("monitoring-role"));
    choices.applicationName = parser.value(QStringLiteral("application-name"));
    choices.primaryAddress = parser.value(QStringLiteral("primary-address"));
    choices.standbyAddress = parser.value(QStringLiteral("standby-address"));
    choices.primaryDataDir = parser.value(QStringLiteral("primary-data-dir"));
    choices.standbyDataDir = parser.value(QStringLiteral("standby-data-dir"));
    for (auto [into, own] : {std::pair{&choices.primaryPgBin, QStringLiteral("primary-pg-bin")},
                             std::pair{&choices.standbyPgBin, QStringLiteral("standby-pg-bin")}}) {
        const QString dir = parser.isSet(own) ? parser.value(own) : parser.value(QStringLiteral("pg-bin"));
        *into = dir.isEmpty() ? QString() : QDir::cleanPath(dir);
    }
    choices.demoData = parser.isSet(QStringLiteral("demo-data"));
    choices.asInWalkthrough = parser.isSet(QStringLiteral("as-in-walkthrough"));
    choices.installPackages = parser.isSet(QStringLiteral("install"));
    {
        // Check what can be checked before connecting: bad input changes nothing.
        PlanChoices early = choices;
        early.fillDefaults();
        auto valid = early.version.isValid() ? early.validate() : early.validateVersionIndependent();
        if (!valid) {
            err() << valid.error().message << '\n';
            return BadInput;
        }
    }
    if (!linkTimeoutValid(parser))
        return BadInput;
    auto password = passwordFrom(parser);
    if (!password) {
        err() << password.error().fullText() << '\n';
        return BadInput;
    }

    auto connection = connectBoth(choices, parser);
    if (!connection) {
        err() << connection.error().fullText() << '\n';
        return connection.error().refused ? BadInput : Failed;
    }
    // A Host alias means nothing on the standby: it reaches the primary at the HostName.
    if (choices.primaryAddress.isEmpty() && connection->primary->address() != choices.primary.host)
        choices.primaryAddress = connection->primary->address();
    auto plan = SetupPlan::prepare(choices, *connection->primary, *connection->standby);
    if (!plan) {
        err() << plan.error().fullText() << '\n';
        return plan.error().refused ? BadInput : Failed;
    }
    if (parser.isSet(QStringLiteral("save-plan"))) {
        if (auto saved = plan->save(parser.value(QStringLiteral("save-plan"))); !saved) {
            err() << saved.error().fullText() << '\n';
            return Failed;
        }
    }
    if (parser.isSet(QStringLiteral("export-script"))) {
        QFile script(parser.value(QStringLiteral("export-script")));
        if (!script.open(QIODevice::WriteOnly) || script.write(plan->toShellScript().toUtf8()) < 0) {
            err() << tr("Could not write the script to %1.").arg(script.fileName()) << '\n';
            return Failed;
        }
        script.setPermissions(script.permissions() | QFileDevice::ExeOwner);
    }
    if (parser.isSet(QStringLiteral("dry-run"))) {
        out() << plan->toText();
        return Done;
    }
    if (!parser.isSet(QStringLiteral("yes"))) {
        out() << plan->toText() << '\n';
        if (!confirm()) {
            out() << tr("Nothing was changed.") << '\n';
            return Failed;
        }
    } else {
        out() << plan->summary();
        for (const QString &warning : plan->warnings())
            out() << tr("Warning: %1").arg(warning) << '\n';
    }
    return runPlan(*plan, *connection, *password);
}

int apply(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Apply a setup plan saved by 'replicactl setup --save-plan' or the wizard."));
    parser.addHelpOption();
    addSshOptions(parser);
    parser.addOption(
        {QStringLiteral("password-file"), tr("File whose first line is the replication password."), tr("FILE")});
    parser.addOption({QStringLiteral("dry-run"), tr("Print the plan; change nothing.")});
    parser.addOption({QStringLiteral("yes"), tr("Apply without asking.")});
    parser.addPositionalArgument(QStringLiteral("PLAN.json"), tr("The saved plan."));
    if (!parser.parse(QStringList{QStringLiteral("replicactl apply")} + arguments)) {
        err() << parser.errorText() << '\n';
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << commandHelp(parser, QStringLiteral("apply"));
        return Done;
    }
    if (parser.positionalArguments().size() != 1) {
        err() << tr("Give one plan file: replicactl apply PLAN.json") << '\n';
        return BadInput;
    }
    // The saved plan is checked whole before any connection: an invalid setting changes nothing.
    auto saved = SetupPlan::load(parser.positionalArguments().first());
    if (!saved) {
        err() << saved.error().fullText() << '\n';
        return BadInput;
    }
    if (!linkTimeoutValid(parser))
        return BadInput;
    auto password = passwordFrom(parser);
    if (!password) {
        err() << password.error().fullText() << '\n';
        return BadInput;
    }
    auto connection = connectBoth(saved->choices(), parser);
    if (!connection) {
        err() << connection.error().fullText() << '\n';
        return Failed;
    }
    // The saved plan is what runs, as reviewed: every file it edits must still be as it was when the
    // plan was made (a before that no longer matches refuses the whole plan, changing nothing).
    SetupPlan *plan = &*saved;
    if (auto unchanged = plan->checkFilesUnchanged(*connection->primary, *connection->standby); !unchanged) {
        err() << unchanged.error().fullText() << '\n'
              << tr("Make a new plan with replicactl setup --save-plan, review it, and apply that one.") << '\n';
        return unchanged.error().refused ? BadInput : Failed;
    }
    if (parser.isSet(QStringLiteral("dry-run"))) {
        out() << plan->toText();
        return Done;
    }
    if (!parser.isSet(QStringLiteral("yes"))) {
        out() << plan->toText() << '\n';
        if (!confirm()) {
            out() << tr("Nothing was changed.") << '\n';
            return Failed;
        }
    }
    return runPlan(*plan, *connection, *password);
}

} // namespace ReplicaCtl
