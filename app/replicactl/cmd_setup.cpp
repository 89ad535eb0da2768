#include "commands.h"

#include "core/host/ssh_host.h"
#include "core/monitor/replication_queries.h"
#include "core/monitor/replication_table.h"
#include "core/plan/cluster_layout.h"
#include "core/plan/discovery.h"
#include "core/plan/plan_runner.h"
#include "core/plan/setup_plan.h"
#include "core/plan/step_context.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTextStream>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

// replicactl setup / apply / status: the setup plan (core/plan) from the
// command line, over SSH. setup discovers both hosts, builds the plan, shows
// it (or prints it with --dry-run, saves it with --save-plan), asks, and runs
// it with PlanRunner, printing the live log and the verification report.
// apply runs a saved plan (checked before anything changes); status prints
// the replication table of a primary.
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

// The SSH options shared by setup, apply and status.
void addSshOptions(QCommandLineParser &parser)
{
    parser.addOption({{QStringLiteral("i"), QStringLiteral("identity")}, tr("Private key file for SSH (may be given twice)."), tr("KEYFILE")});
    parser.addOption({QStringLiteral("known-hosts"), tr("known_hosts file to check the hosts' keys against (default ~/.ssh/known_hosts)."), tr("FILE")});
    parser.addOption({QStringLiteral("accept-new-host-keys"), tr("Trust a host key seen for the first time (its fingerprint is printed); a changed key is still refused.")});
    parser.addOption({QStringLiteral("link-timeout"),
                      tr("Give a host up when it does not answer for this many seconds, while connecting or while a "
                         "command runs (default 30)."),
                      tr("SECONDS")});
}

SshHostConfig sshConfig(const HostTarget &target, const QCommandLineParser &parser)
{
    SshHostConfig config;
    config.host = target.host;
    config.port = target.port;
    config.user = target.user;
    config.identityFiles = parser.values(QStringLiteral("identity"));
    config.knownHostsPath = parser.value(QStringLiteral("known-hosts"));
    if (const int seconds = parser.value(QStringLiteral("link-timeout")).toInt(); seconds > 0) {
        config.deadLinkMs = seconds * 1000;
        config.connectTimeoutMs = std::min(config.connectTimeoutMs, config.deadLinkMs);
        config.keepaliveMs = std::clamp(config.deadLinkMs / 3, 1000, config.keepaliveMs);
    }
    if (parser.isSet(QStringLiteral("accept-new-host-keys"))) {
        config.onUnknownHostKey = [](const HostKeyInfo &key) {
            err() << tr("Trusting the new host key of %1:%2: %3 %4\n").arg(key.host).arg(key.port).arg(key.keyType, key.fingerprint);
            err().flush();
            return true;
        };
    }
    return config;
}

// --link-timeout, when given, is a whole number of seconds; false (and said why) otherwise.
bool linkTimeoutValid(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("link-timeout")))
        return true;
    bool isNumber = false;
    const int seconds = parser.value(QStringLiteral("link-timeout")).toInt(&isNumber);
    if (isNumber && seconds > 0 && seconds <= 24 * 3600)
        return true;
    err() << tr("--link-timeout takes a number of seconds, such as 30, not \"%1\".").arg(parser.value(QStringLiteral("link-timeout")))
          << '\n';
    return false;
}

struct Connection
{
    std::unique_ptr<SshHost> primary;
    std::unique_ptr<SshHost> standby;
};

Result<Connection> connectBoth(const PlanChoices &choices, const QCommandLineParser &parser)
{
    Connection connection;
    connection.primary = std::make_unique<SshHost>(sshConfig(choices.primary, parser));
    connection.standby = std::make_unique<SshHost>(sshConfig(choices.standby, parser));
    for (SshHost *host : {connection.primary.get(), connection.standby.get()}) {
        if (auto connected = host->connect(); !connected) {
            QString message = connected.error().message;
            if (auto key = host->lastHostKey(); key && !parser.isSet(QStringLiteral("accept-new-host-keys")))
                message += QLatin1Char(' ') + tr("Its key is %1 %2: check it, then add --accept-new-host-keys or put it in known_hosts.").arg(key->keyType, key->fingerprint);
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
        return makeError(tr("The password file %1 is empty: put the replication password on its first line.").arg(file.fileName()));
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
    QObject::connect(&runner, &PlanRunner::stepStarted, &loop, [&lastPercent](int, const QString &, const QString &) { lastPercent = -1; });
    QObject::connect(&runner, &PlanRunner::finished, &loop, &QEventLoop::quit);
    runner.start(&plan, connection.primary.get(), connection.standby.get(), password);
    loop.exec();
    runner.wait();

    const VerificationReport report = runner.verification();
    if (!report.checks.isEmpty()) {
        out() << '\n' << tr("Verification:") << '\n';
        for (const VerificationReport::Check &check : report.checks)
            out() << QStringLiteral("  [%1] %2 (%3)\n").arg(check.passed ? QStringLiteral("ok") : QStringLiteral("FAILED"), check.name, check.detail);
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
    parser.setApplicationDescription(tr("Set up a PostgreSQL primary and a hot standby over SSH, and verify that the standby streams."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("primary"), tr("The primary, reached over SSH."), tr("USER@HOST[:PORT]")});
    parser.addOption({QStringLiteral("standby"), tr("The standby, reached over SSH."), tr("USER@HOST[:PORT]")});
    addSshOptions(parser);
    parser.addOption({QStringLiteral("sync"), tr("Synchronous replication (the default): commits wait for the standby.")});
    parser.addOption({QStringLiteral("async"), tr("Asynchronous replication.")});
    parser.addOption({QStringLiteral("sync-any"),
                      tr("With several synchronous standbys: a commit waits for any of them (ANY, a quorum; "
                         "PostgreSQL 10+), not for the first one named.")});
    parser.addOption({QStringLiteral("sync-count"),
                      tr("With several synchronous standbys: how many confirm each commit (default 1)."), tr("N")});
    parser.addOption({QStringLiteral("pg-version"), tr("PostgreSQL major version (default: what the primary has)."), tr("N")});
    parser.addOption({QStringLiteral("slot"), tr("Name of the replication slot (default: the application name)."), tr("NAME")});
    parser.addOption({QStringLiteral("application-name"), tr("The standby's application_name (default: from its host name)."), tr("NAME")});
    parser.addOption({QStringLiteral("primary-address"), tr("How the standby reaches the primary (default: the primary's SSH host)."), tr("ADDRESS")});
    parser.addOption({QStringLiteral("standby-address"),
                      tr("The standby's IP address as the primary sees it, for pg_hba.conf (default: found out; a host "
                         "name is refused)."),
                      tr("ADDRESS")});
    parser.addOption({QStringLiteral("primary-data-dir"), tr("The primary's data directory (default: the distribution's)."), tr("DIR")});
    parser.addOption({QStringLiteral("standby-data-dir"), tr("The standby's data directory (default: the distribution's)."), tr("DIR")});
    parser.addOption({QStringLiteral("password-file"), tr("File whose first line is the replication password (default: kept on the primary, or generated)."), tr("FILE")});
    parser.addOption({QStringLiteral("demo-data"), tr("Create the walkthrough's mydb database with its weather table and row.")});
    parser.addOption({QStringLiteral("as-in-walkthrough"), tr("The walkthrough's own choices (postgres superuser, md5, application_name slave): weaker, for teaching only.")});
    parser.addOption({QStringLiteral("install"),
                      tr("Install the chosen PostgreSQL major with the host's package manager where it is missing "
                         "(the plan shows the commands). Without it, a host that lacks PostgreSQL is refused.")});
    parser.addOption({QStringLiteral("dry-run"), tr("Print every step with its commands and file diffs; change nothing.")});
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
        err() << tr("Unexpected argument: %1. Run 'replicactl setup --help' for the options.").arg(parser.positionalArguments().first()) << '\n';
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
    for (const auto &[option, target] : {std::pair{QStringLiteral("primary"), &choices.primary}, std::pair{QStringLiteral("standby"), &choices.standby}}) {
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
            err() << tr("\"%1\" is not a PostgreSQL version: give a major such as 9.6 or 15.").arg(parser.value(QStringLiteral("pg-version"))) << '\n';
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
            err() << tr("--sync-count takes a number of standbys, such as 2, not \"%1\".").arg(parser.value(QStringLiteral("sync-count"))) << '\n';
            return BadInput;
        }
    }
    if (!choices.synchronous && (choices.syncAny || parser.isSet(QStringLiteral("sync-count")))) {
        err() << tr("--sync-any and --sync-count are for synchronous replication: leave out --async.") << '\n';
        return BadInput;
    }
    choices.slotName = parser.value(QStringLiteral("slot"));
    choices.applicationName = parser.value(QStringLiteral("application-name"));
    choices.primaryAddress = parser.value(QStringLiteral("primary-address"));
    choices.standbyAddress = parser.value(QStringLiteral("standby-address"));
    choices.primaryDataDir = parser.value(QStringLiteral("primary-data-dir"));
    choices.standbyDataDir = parser.value(QStringLiteral("standby-data-dir"));
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
        return Failed;
    }
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
    parser.addOption({QStringLiteral("password-file"), tr("File whose first line is the replication password."), tr("FILE")});
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
    // Discovery again (the hosts may have changed since), then the user's edits on top.
    auto plan = SetupPlan::prepare(saved->choices(), *connection->primary, *connection->standby);
    if (!plan) {
        err() << plan.error().fullText() << '\n';
        return plan.error().refused ? BadInput : Failed;
    }
    for (int i = 0; i < saved->stepCount(); ++i) {
        const SetupStep &step = saved->step(i);
        for (int e = 0; e < step.edits().size(); ++e) {
            if (!step.edits().at(e).userEdited)
                continue;
            const FileEdit &edit = step.edits().at(e);
            SetupStep *now = plan->step(step.id());
            if (!now || now->edits().size() <= e || now->edits().at(e).before != edit.before) {
                err() << tr("%1 changed on the %2 since the plan was saved, so your edit of it cannot be applied. Make the plan again.")
                             .arg(edit.path, hostRoleName(edit.host))
                      << '\n';
                return Failed;
            }
            if (auto applied = plan->editFile(step.id(), e, edit.after); !applied) {
                err() << applied.error().fullText() << '\n';
                return BadInput;
            }
        }
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

namespace {

// One monitoring query run by psql over SSH as postgres, read back as the
// PgResult that ReplicationQueries' readers take (unaligned, unit separator
// between fields, a marker for NULL).
Result<PgResult> psqlResult(Host &host, const ClusterLayout &cluster, const QString &sql)
{
    static const QString nullMarker = QStringLiteral("\x02NULL\x02");
    // Not tuples-only as the plan's psql: the first line names the columns.
    const CommandLine command(cluster.clientProgram(QStringLiteral("psql")),
                              {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-P"), QStringLiteral("footer=off"),
                               QStringLiteral("-F"), QStringLiteral("\x1f"), QStringLiteral("-P"), QStringLiteral("null=") + nullMarker,
                               QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), cluster.socketDir(),
                               QStringLiteral("-p"), QString::number(cluster.port()), QStringLiteral("-d"), QStringLiteral("postgres")});
    RunOptions options;
    options.as = RunAs::Postgres;
    options.stdinData = sql.toUtf8();
    options.timeoutMs = 30000;
    auto ran = host.run(command, options);
    if (!ran)
        return ran.error();
    PgResult result;
    result.ok = ran->succeeded();
    if (!result.ok) {
        result.error.message = QString::fromUtf8(ran->stdErr).trimmed();
        return result;
    }
    QStringList lines = QString::fromUtf8(ran->stdOut).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return result;
    result.columns = lines.takeFirst().split(QChar(0x1f));
    for (const QString &line : std::as_const(lines)) {
        PgRow row;
        for (const QString &field : line.split(QChar(0x1f)))
            row.append(field == nullMarker ? PgValue() : PgValue(field));
        result.rows.append(row);
    }
    return result;
}

Result<ReplicationSample::Server> serverStatus(Host &host, const HostTarget &target, const QString &name, ReplicationSample *sample)
{
    ReplicationSample::Server server;
    server.name = name;
    auto facts = Discovery::discover(host);
    if (!facts)
        return facts.error();
    std::optional<ClusterInfo> cluster;
    for (const ClusterInfo &found : facts->clusters) {
        if (found.running && (!cluster || found.version > cluster->version))
            cluster = found;
    }
    if (!cluster)
        return makeError(tr("No running PostgreSQL cluster was found on %1.").arg(target.toString()));
    const ClusterLayout layout(*facts, cluster->version, cluster->name, cluster->port, cluster->dataDir);
    server.endpoint = target.host + QLatin1Char(':') + QString::number(cluster->port);
    const ReplicationQueries queries{VersionRules(cluster->version)};
    auto status = psqlResult(host, layout, queries.serverStatus());
    if (!status)
        return status.error();
    if (!status->ok) {
        server.error.message = status->error.message;
        return server;
    }
    server.reachable = true;
    ReplicationQueries::readServerStatus(*status, server);
    if (sample) {
        if (auto rows = psqlResult(host, layout, queries.statReplication()); rows && rows->ok)
            sample->standbys = ReplicationQueries::readStatReplication(*rows);
        if (!queries.replicationSlots().isEmpty()) {
            if (auto rows = psqlResult(host, layout, queries.replicationSlots()); rows && rows->ok)
                sample->replicationSlots = ReplicationQueries::readReplicationSlots(*rows);
        }
        if (!queries.statArchiver().isEmpty()) {
            if (auto rows = psqlResult(host, layout, queries.statArchiver()); rows && rows->ok)
                sample->archiver = ReplicationQueries::readStatArchiver(*rows);
        }
    }
    return server;
}

} // namespace

int status(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show the replication table of a primary (and the state of its standbys) over SSH."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("primary"), tr("The primary, reached over SSH."), tr("USER@HOST[:PORT]")});
    parser.addOption({QStringLiteral("standby"), tr("A standby, reached over SSH (may be given more than once)."), tr("USER@HOST[:PORT]")});
    parser.addOption({QStringLiteral("json"), tr("Print JSON instead of a table.")});
    addSshOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("replicactl status")} + arguments)) {
        err() << parser.errorText() << '\n';
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << commandHelp(parser, QStringLiteral("status"));
        return Done;
    }
    auto primaryTarget = HostTarget::parse(parser.value(QStringLiteral("primary")));
    if (!parser.isSet(QStringLiteral("primary")) || !primaryTarget) {
        err() << tr("Name the primary: --primary USER@HOST[:PORT].") << '\n';
        return BadInput;
    }
    QList<HostTarget> standbyTargets;
    for (const QString &text : parser.values(QStringLiteral("standby"))) {
        auto parsed = HostTarget::parse(text);
        if (!parsed) {
            err() << parsed.error().message << '\n';
            return BadInput;
        }
        standbyTargets.append(*parsed);
    }
    ReplicationSample sample;
    sample.sampledAt = QDateTime::currentDateTimeUtc();
    SshHost primary(sshConfig(*primaryTarget, parser));
    auto primaryServer = serverStatus(primary, *primaryTarget, QStringLiteral("primary"), &sample);
    if (!primaryServer) {
        err() << primaryServer.error().fullText() << '\n';
        return Failed;
    }
    sample.primary = *primaryServer;
    int number = 0;
    for (const HostTarget &target : std::as_const(standbyTargets)) {
        SshHost standby(sshConfig(target, parser));
        auto server = serverStatus(standby, target, QStringLiteral("standby%1").arg(++number), nullptr);
        if (server) {
            sample.standbyServers.append(*server);
        } else {
            ReplicationSample::Server unreachable;
            unreachable.name = QStringLiteral("standby%1").arg(number);
            unreachable.endpoint = target.host;
            unreachable.error.message = server.error().message;
            sample.standbyServers.append(unreachable);
        }
    }
    if (parser.isSet(QStringLiteral("json")))
        out() << QJsonDocument(ReplicationTable::toJson(sample)).toJson(QJsonDocument::Indented);
    else
        out() << ReplicationTable::renderText(sample);
    return sample.primary.reachable ? Done : Failed;
}

} // namespace ReplicaCtl
