#include "sampler_options.h"

#include "commands.h"

#include "core/conf/conninfo.h"
#include "core/sandbox/sandbox.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>

namespace ReplicaCtl {

namespace {

Result<void> configureSandbox(const QCommandLineParser &parser, ReplicationSampler &sampler)
{
    const QStringList positional = parser.positionalArguments();
    const QString dir = positional.isEmpty() ? Sandbox::defaultDir() : positional.first();
    auto state = Sandbox::loadState(dir);
    if (!state) // its sentence already says how to make one
        return makeRefusal(state.error().message, state.error().detail);
    sampler.setPrimary(state->primary.name, state->primary.connectionString(QStringLiteral("postgres")));
    for (const SandboxServer &standby : state->standbys)
        sampler.addStandby(standby.name, standby.connectionString(QStringLiteral("postgres")));
    return {};
}

Result<void> configureConninfo(const QCommandLineParser &parser, ReplicationSampler &sampler)
{
    const QString primary = parser.value(QStringLiteral("conninfo"));
    auto parsed = ConnInfo::parse(primary);
    if (!parsed)
        return makeRefusal(tr("--conninfo is not a connection string libpq reads: %1").arg(parsed.error().message));
    sampler.setPrimary(QStringLiteral("primary"), primary);
    int number = 0;
    for (const QString &text : parser.values(QStringLiteral("standby-conninfo"))) {
        auto standby = ConnInfo::parse(text);
        if (!standby)
            return makeRefusal(
                tr("--standby-conninfo is not a connection string libpq reads: %1").arg(standby.error().message));
        ++number;
        // Its application_name is the name the primary's pg_stat_replication shows.
        sampler.addStandby(
            standby->value(QStringLiteral("application_name")).value_or(QStringLiteral("standby%1").arg(number)), text);
    }
    return {};
}

} // namespace

void addSamplerOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("sandbox"),
                      tr("The demo sandbox (its folder as the argument; the default sandbox without one).")});
    parser.addOption({QStringLiteral("conninfo"), tr("The primary, as a libpq connection string."), tr("CONNSTR")});
    parser.addOption({QStringLiteral("standby-conninfo"),
                      tr("A standby, as a libpq connection string (may be given more than once); its "
                         "application_name=NAME is the name the primary shows it under."),
                      tr("CONNSTR")});
    parser.addPositionalArgument(QStringLiteral("DIR"), tr("The sandbox folder, with --sandbox."), tr("[DIR]"));
}

bool hasSamplerTarget(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("sandbox")) || parser.isSet(QStringLiteral("conninfo"));
}

Result<void> configureSampler(const QCommandLineParser &parser, ReplicationSampler &sampler)
{
    const bool sandbox = parser.isSet(QStringLiteral("sandbox"));
    if (sandbox && parser.isSet(QStringLiteral("conninfo")))
        return makeRefusal(tr("Give either --sandbox or --conninfo, not both."));
    if (!sandbox && parser.isSet(QStringLiteral("standby-conninfo")) && !parser.isSet(QStringLiteral("conninfo")))
        return makeRefusal(tr("--standby-conninfo needs the primary's --conninfo."));
    if (!sandbox && parser.positionalArguments().size() > 0)
        return makeRefusal(tr("Unexpected argument '%1'.").arg(parser.positionalArguments().first()));
    return sandbox ? configureSandbox(parser, sampler) : configureConninfo(parser, sampler);
}

bool isSettled(const ReplicationSample &sample)
{
    return !sample.primary.connecting &&
           std::none_of(sample.standbyServers.cbegin(), sample.standbyServers.cend(),
                        [](const ReplicationSample::Server &server) { return server.connecting; });
}

std::optional<ReplicationSample> sampleOnce(ReplicationSampler &sampler, int timeoutMs)
{
    std::optional<ReplicationSample> sample;
    QEventLoop loop;
    QObject::connect(&sampler, &ReplicationSampler::sampleReady, &loop, [&](const ReplicationSample &ready) {
        sample = ready;
        if (isSettled(ready))
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    sampler.setInterval(100);
    sampler.start();
    loop.exec();
    sampler.stop();
    return sample;
}

} // namespace ReplicaCtl
