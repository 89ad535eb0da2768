#include "ssh_sampler_targets.h"

#include "commands.h"
#include "ssh_options.h"

#include "core/monitor/monitored_server.h"
#include "core/plan/host_target.h"
#include "core/plan/plan_choices.h"

#include <QEventLoop>
#include <QTimer>

namespace ReplicaCtl {

struct SshSamplerTargets::Found
{
    QString given; // USER@HOST as written
    QString where; // HOST:PORT of the server, as the sample names it
    SshHostConfig config;
    MonitoredServer server;
    int localPort = 0;
};

void SshSamplerTargets::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("primary"), tr("The primary, reached over SSH."), tr("USER@HOST[:PORT]")});
    parser.addOption({QStringLiteral("standby"), tr("A standby, reached over SSH (may be given more than once)."),
                      tr("USER@HOST[:PORT]")});
}

void SshSamplerTargets::addMonitoringOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("monitoring-role"),
                      tr("The role to connect as over the SSH tunnels (default: %1, which replicactl setup makes).")
                          .arg(PlanChoices().monitoringUser),
                      tr("NAME"), PlanChoices().monitoringUser});
    parser.addOption({QStringLiteral("monitoring-password-file"),
                      tr("File whose first line is the monitoring role's password (default: the line the primary's "
                         "~postgres/.pgpass keeps for it)."),
                      tr("FILE")});
}

bool SshSamplerTargets::isGiven(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("primary")) || parser.isSet(QStringLiteral("standby"));
}

Result<SshSamplerTargets::Found> SshSamplerTargets::find(const QString &given, const QCommandLineParser &parser,
                                                         const QString &monitoringUser) const
{
    auto target = HostTarget::parse(given);
    if (!target)
        return makeRefusal(target.error().message);
    auto config = hostConfig(*target, parser);
    if (!config)
        return config.error();
    auto host = openHost(*config, parser);
    if (!host)
        return host.error();
    auto server = MonitoredServer::find(**host, monitoringUser);
    if (!server) {
        Error error = server.error();
        error.message = tr("%1 could not be asked: %2").arg(given, error.message);
        return error;
    }
    const QString where = target->host + QLatin1Char(':') + QString::number(server->cluster.port);
    return Found{given, where, *config, *server, 0};
}

Result<void> SshSamplerTargets::openTunnels(QList<Found> &servers)
{
    QEventLoop loop;
    int waiting = int(servers.size());
    QString failure;
    for (Found &found : servers) {
        auto tunnel = std::make_unique<SshTunnel>(found.config, QStringLiteral("localhost"), found.server.cluster.port);
        QObject::connect(tunnel.get(), &SshTunnel::ready, &loop, [&](int port) {
            found.localPort = port;
            if (--waiting == 0)
                loop.quit();
        });
        QObject::connect(tunnel.get(), &SshTunnel::failed, &loop, [&](const QString &message) {
            failure = tr("No SSH tunnel to %1: %2").arg(found.given, message);
            loop.quit();
        });
        tunnel->start();
        m_tunnels.push_back(std::move(tunnel));
    }
    QTimer::singleShot(60000, &loop, [&] {
        failure = tr("The SSH tunnels were not open after 60 s.");
        loop.quit();
    });
    loop.exec();
    if (!failure.isEmpty())
        return makeError(failure);
    return {};
}

Result<void> SshSamplerTargets::configure(const QCommandLineParser &parser, ReplicationSampler &sampler)
{
    if (!parser.isSet(QStringLiteral("primary")))
        return makeRefusal(tr("--standby needs the primary's --primary USER@HOST."));
    const QString user = parser.value(QStringLiteral("monitoring-role"));
    QList<Found> servers;
    for (const QString &given :
         QStringList{parser.value(QStringLiteral("primary"))} + parser.values(QStringLiteral("standby"))) {
        auto found = find(given, parser, user);
        if (!found)
            return found.error();
        servers.append(*found);
    }
    // The role and its password reach the standbys by replication.
    std::optional<QString> password = servers.constFirst().server.monitoringPassword;
    if (parser.isSet(QStringLiteral("monitoring-password-file"))) {
        auto given = passwordFromFile(parser, QStringLiteral("monitoring-password-file"));
        if (!given)
            return given.error();
        password = *given;
    }
    if (!password)
        return makeRefusal(
            tr("The primary's passfile (~postgres/.pgpass) keeps no password for the monitoring role %1. Make the "
               "role with replicactl setup (PostgreSQL 10 and later make it unless --monitoring-role \"\" is given), "
               "or give its password with --monitoring-password-file FILE.")
                .arg(user));
    if (auto opened = openTunnels(servers); !opened)
        return opened;
    const Found &primary = servers.constFirst();
    sampler.setPrimary(QStringLiteral("primary"), MonitoredServer::tunnelConninfo(primary.localPort, user, *password),
                       primary.where);
    for (qsizetype i = 1; i < servers.size(); ++i) {
        const Found &standby = servers.at(i);
        const QString name = standby.server.applicationName.isEmpty() ? QStringLiteral("standby%1").arg(i)
                                                                      : standby.server.applicationName;
        sampler.addStandby(name, MonitoredServer::tunnelConninfo(standby.localPort, user, *password), standby.where);
    }
    return {};
}

} // namespace ReplicaCtl
