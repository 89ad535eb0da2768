#include "commands.h"
#include "sampler_options.h"
#include "ssh_options.h"
#include "ssh_sampler_targets.h"

#include "core/monitor/replication_table.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

// replicactl watch: the monitor's sampler every interval, printed as a
// table per sample or as NDJSON (one JSON object per line) for scripts.
namespace ReplicaCtl {

namespace {

struct WatchOptions
{
    int intervalMs = 1000;
    int count = 0; // 0: until interrupted
    bool json = false;
};

Result<WatchOptions> readWatchOptions(const QCommandLineParser &parser)
{
    WatchOptions options;
    options.json = parser.isSet(QStringLiteral("json"));
    bool ok = true;
    if (parser.isSet(QStringLiteral("interval"))) {
        const double seconds = parser.value(QStringLiteral("interval")).toDouble(&ok);
        if (!ok || seconds < 0.1 || seconds > 3600)
            return makeRefusal(tr("--interval takes a number of seconds from 0.1 to 3600, such as 1 or 0.5."));
        options.intervalMs = int(seconds * 1000);
    }
    if (parser.isSet(QStringLiteral("count"))) {
        options.count = parser.value(QStringLiteral("count")).toInt(&ok);
        if (!ok || options.count < 1)
            return makeRefusal(tr("--count takes a whole number of samples, 1 or more."));
    }
    return options;
}

} // namespace

int watch(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Watch replication: each interval, the primary's standbys, slots and archiver, the standbys' own "
           "state and the alerts (over SSH tunnels with --primary, as the monitoring role setup makes), as a table or "
           "as one JSON object per line (--json). Runs until interrupted "
           "(Ctrl-C) or --count samples."));
    parser.addHelpOption();
    addSamplerOptions(parser);
    SshSamplerTargets::addOptions(parser);
    SshSamplerTargets::addMonitoringOptions(parser);
    addSshOptions(parser);
    parser.addOption({QStringLiteral("interval"), tr("Seconds between samples (default 1)."), tr("SECONDS")});
    parser.addOption({QStringLiteral("count"), tr("Stop after this many samples."), tr("N")});
    parser.addOption({QStringLiteral("json"), tr("One JSON object per sample and line (NDJSON).")});
    if (!parser.parse(QStringList{QStringLiteral("replicactl watch")} + arguments)) {
        err << parser.errorText() << '\n';
        return BadInput;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << commandHelp(parser, QStringLiteral("watch"));
        return Done;
    }
    if (!linkTimeoutValid(parser))
        return BadInput;
    const bool overSsh = SshSamplerTargets::isGiven(parser);
    if (hasSamplerTarget(parser) == overSsh) {
        err << (overSsh ? tr("Give either --primary (over SSH), or --sandbox or --conninfo, not both.")
                        : tr("Name the servers: --sandbox [DIR], --primary USER@HOST [--standby USER@HOST ...] (over "
                             "SSH), or --conninfo CONNSTR [--standby-conninfo CONNSTR ...]."))
            << '\n';
        return BadInput;
    }
    const auto options = readWatchOptions(parser);
    if (!options) {
        err << options.error().fullText() << '\n';
        return BadInput;
    }
    SshSamplerTargets tunnels; // outlives the sampler
    ReplicationSampler sampler;
    const auto configured = overSsh ? tunnels.configure(parser, sampler) : configureSampler(parser, sampler);
    if (!configured) {
        err << configured.error().fullText() << '\n';
        return configured.error().refused ? BadInput : Failed;
    }
    sampler.setInterval(options->intervalMs);
    int printed = 0;
    bool primaryUp = false;
    QObject::connect(&sampler, &ReplicationSampler::sampleReady, &sampler, [&](const ReplicationSample &sample) {
        if (!isSettled(sample))
            return; // a server still on its first connection attempt is not down yet
        if (options->json)
            out << QJsonDocument(ReplicationTable::toWatchJson(sample)).toJson(QJsonDocument::Compact) << '\n';
        else
            out << "== " << sample.sampledAt.toLocalTime().toString(Qt::ISODate) << " ==\n"
                << ReplicationTable::renderText(sample) << '\n';
        out.flush();
        primaryUp = sample.primary.reachable;
        if (options->count > 0 && ++printed >= options->count)
            QCoreApplication::quit();
    });
    sampler.start();
    QCoreApplication::exec();
    sampler.stop();
    return primaryUp ? Done : Failed;
}

} // namespace ReplicaCtl
