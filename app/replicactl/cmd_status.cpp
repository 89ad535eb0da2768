#include "commands.h"
#include "sampler_options.h"
#include "ssh_options.h"
#include "ssh_sampler_targets.h"

#include "core/host/ssh_host.h"
#include "core/monitor/monitored_server.h"
#include "core/monitor/replication_queries.h"
#include "core/monitor/replication_sampler.h"
#include "core/monitor/replication_table.h"
#include "core/plan/cluster_layout.h"
#include "core/plan/discovery.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QHostInfo>
#include <QJsonDocument>
#include <QTextStream>

// replicactl status: the replication table of a primary and the state of
// its standbys with the alerts: one sample of the monitor's
// ReplicationSampler (--sandbox, --conninfo, and --primary over SSH tunnels
// as the monitoring role), or, when that cannot be had over SSH (the primary
// or a host down, no role), the same queries read with psql as postgres and
// the same problem finder, so that each standby is still shown.
namespace ReplicaCtl {

namespace {

// One monitoring query run by psql over SSH as postgres, read back as the
// PgResult that ReplicationQueries' readers take (unaligned, unit separator
// between fields, a marker for NULL).
Result<PgResult> psqlResult(Host &host, const ClusterLayout &cluster, const QString &sql)
{
    static const QString nullMarker = QStringLiteral("\x02NULL\x02");
    // Not tuples-only as the plan's psql: the first line names the columns.
    const CommandLine command(cluster.clientProgram(QStringLiteral("psql")),
                              {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-P"),
                               QStringLiteral("footer=off"), QStringLiteral("-F"), QStringLiteral("\x1f"),
                               QStringLiteral("-P"), QStringLiteral("null=") + nullMarker, QStringLiteral("-v"),
                               QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), cluster.socketDir(),
                               QStringLiteral("-p"), QString::number(cluster.port()), QStringLiteral("-d"),
                               QStringLiteral("postgres")});
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

// An IP address as pg_stat_replication's client_addr shows it.
QString addressOf(const QString &host)
{
    if (!QHostAddress(host).isNull())
        return host;
    const QList<QHostAddress> found = QHostInfo::fromName(host).addresses();
    return found.isEmpty() ? QString() : found.constFirst().toString();
}

// What one server says about itself (and, with sample, the primary's
// replication tables). Never fails: a server that cannot be asked is
// returned as such, with why, so that the others are still shown.
ReplicationSample::Server serverStatus(Host &host, const HostTarget &target, const QString &name,
                                       ReplicationSample *sample)
{
    ReplicationSample::Server server;
    server.name = name;
    server.endpoint = target.host;
    server.address = addressOf(target.host);
    // A host that cannot be asked (SSH, no way to become root) leaves its
    // PostgreSQL's state unknown: not the same as a server found down.
    auto facts = Discovery::discover(host);
    if (!facts) {
        server.hostReached = false;
        server.error.message = facts.error().message;
        return server;
    }
    const std::optional<ClusterInfo> cluster = MonitoredServer::runningCluster(*facts);
    if (!cluster) {
        server.error.message = tr("No running PostgreSQL cluster was found on %1.").arg(target.toString());
        return server;
    }
    const ClusterLayout layout(*facts, cluster->version, cluster->name, cluster->port, cluster->dataDir);
    server.endpoint = target.host + QLatin1Char(':') + QString::number(cluster->port);
    const ReplicationQueries queries{VersionRules(cluster->version)};
    auto status = psqlResult(host, layout, queries.serverStatus());
    if (!status) {
        server.hostReached = false;
        server.error.message = status.error().message;
        return server;
    }
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

void print(QTextStream &out, const ReplicationSample &sample, bool json)
{
    if (json)
        out << QJsonDocument(ReplicationTable::toJson(sample)).toJson(QJsonDocument::Indented);
    else
        out << ReplicationTable::renderText(sample);
}

// Over SSH tunnels as the monitoring role, the same sample as watch and the
// window (with the commits waiting and the WAL rate), when every host
// answers and the primary keeps the role's password; nothing otherwise, and
// psql over SSH says what it can (a standby's state when the primary is gone).
std::optional<int> tunnelledStatus(const QCommandLineParser &parser, QTextStream &out)
{
    SshSamplerTargets tunnels; // outlives the sampler
    ReplicationSampler sampler;
    sampler.setConnectTimeout(5000);
    if (!tunnels.configure(parser, sampler))
        return std::nullopt;
    const auto sample = sampleOnce(sampler, 15000);
    if (!sample || !sample->primary.reachable)
        return std::nullopt;
    print(out, *sample, parser.isSet(QStringLiteral("json")));
    return Done;
}

int sampledStatus(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    ReplicationSampler sampler;
    sampler.setConnectTimeout(5000);
    if (const auto configured = configureSampler(parser, sampler); !configured) {
        err << configured.error().fullText() << '\n';
        return BadInput;
    }
    const auto sample = sampleOnce(sampler, 15000);
    if (!sample) {
        err << tr("The servers did not answer within 15 s.") << '\n';
        return Failed;
    }
    print(out, *sample, parser.isSet(QStringLiteral("json")));
    return sample->primary.reachable ? Done : Failed;
}

} // namespace

int status(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Show the replication table of a primary and the state of its standbys over SSH. When the "
           "primary does not answer, each standby is still shown (how far it got, which one is most "
           "advanced) and the exit status is 1."));
    parser.addHelpOption();
    SshSamplerTargets::addOptions(parser);
    SshSamplerTargets::addMonitoringOptions(parser);
    parser.addOption({QStringLiteral("json"), tr("Print JSON instead of a table.")});
    addSamplerOptions(parser);
    addSshOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("replicactl status")} + arguments)) {
        err << parser.errorText() << '\n';
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << commandHelp(parser, QStringLiteral("status"));
        return Done;
    }
    if (!linkTimeoutValid(parser))
        return BadInput;
    if (hasSamplerTarget(parser)) {
        if (SshSamplerTargets::isGiven(parser)) {
            err << tr("Give either --primary (over SSH), or --sandbox or --conninfo, not both.") << '\n';
            return BadInput;
        }
        return sampledStatus(parser, out, err);
    }
    auto primaryTarget = HostTarget::parse(parser.value(QStringLiteral("primary")));
    if (!parser.isSet(QStringLiteral("primary")) || !primaryTarget) {
        err << tr("Name the primary: --primary USER@HOST[:PORT], or --sandbox [DIR], or --conninfo CONNSTR.") << '\n';
        return BadInput;
    }
    QList<HostTarget> standbyTargets;
    for (const QString &text : parser.values(QStringLiteral("standby"))) {
        auto parsed = HostTarget::parse(text);
        if (!parsed) {
            err << parsed.error().message << '\n';
            return BadInput;
        }
        standbyTargets.append(*parsed);
    }
    if (const auto done = tunnelledStatus(parser, out))
        return *done;
    ReplicationSample sample;
    sample.sampledAt = QDateTime::currentDateTimeUtc();
    // Every server is asked even when the primary is gone: which standby
    // is up, and how far each got, is what a promotion is decided on.
    auto primary = openHost(*primaryTarget, parser);
    if (!primary) {
        err << primary.error().fullText() << '\n';
        return BadInput;
    }
    sample.primary = serverStatus(**primary, *primaryTarget, QStringLiteral("primary"), &sample);
    int number = 0;
    for (const HostTarget &target : std::as_const(standbyTargets)) {
        auto standby = openHost(target, parser);
        if (!standby) {
            err << standby.error().fullText() << '\n';
            return BadInput;
        }
        sample.standbyServers.append(
            serverStatus(**standby, target, QStringLiteral("standby%1").arg(++number), nullptr));
    }
    sample.problems = ReplicationSampler::problemsIn(sample);
    print(out, sample, parser.isSet(QStringLiteral("json")));
    return sample.primary.reachable ? Done : Failed;
}

} // namespace ReplicaCtl
