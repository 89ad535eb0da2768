#include "monitored_server.h"

#include "core/conf/conninfo.h"
#include "core/conf/recovery_settings.h"
#include "core/plan/cluster_layout.h"
#include "core/plan/discovery.h"
#include "core/plan/passfile.h"

namespace {

// The application_name of the standby's primary_conninfo, where the setup
// plan writes it: recovery.conf up to 11, postgresql.auto.conf from 12.
// Empty for a primary, or when the file cannot be read.
QString applicationNameOf(Host &host, const ClusterInfo &cluster)
{
    const RecoverySettings probe(cluster.version);
    const QString file =
        probe.usesRecoveryConf() ? QStringLiteral("recovery.conf") : QStringLiteral("postgresql.auto.conf");
    const auto text = host.readFile(cluster.dataDir + QLatin1Char('/') + file, RunAs::Postgres);
    if (!text)
        return {};
    const auto settings = probe.usesRecoveryConf() ? RecoverySettings::parseRecoveryConf(*text, cluster.version)
                                                   : RecoverySettings::parseConf(*text, cluster.version, true);
    if (!settings)
        return {};
    return settings->conninfo.value(QStringLiteral("application_name")).value_or(QString());
}

} // namespace

Result<MonitoredServer> MonitoredServer::find(Host &host, const QString &monitoringUser)
{
    auto facts = Discovery::discover(host);
    if (!facts)
        return facts.error();
    const auto cluster = runningCluster(*facts);
    if (!cluster)
        return makeRefusal(tr("No running PostgreSQL cluster was found on %1.").arg(host.displayName()));
    MonitoredServer server;
    server.cluster = *cluster;
    server.applicationName = applicationNameOf(host, *cluster);
    const ClusterLayout layout(*facts, cluster->version, cluster->name, cluster->port, cluster->dataDir);
    // Read as a file, never through a command: a command's output is kept in logs.
    if (auto passfile = host.readFile(layout.passfile(), RunAs::Postgres))
        server.monitoringPassword = Passfile::passwordForUser(*passfile, QStringLiteral("postgres"), monitoringUser);
    return server;
}

std::optional<ClusterInfo> MonitoredServer::runningCluster(const HostFacts &facts)
{
    std::optional<ClusterInfo> newest;
    for (const ClusterInfo &found : facts.clusters) {
        if (found.running && (!newest || found.version > newest->version))
            newest = found;
    }
    return newest;
}

QString MonitoredServer::tunnelConninfo(int localPort, const QString &user, const QString &password)
{
    ConnInfo conninfo;
    conninfo.set(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    conninfo.set(QStringLiteral("port"), QString::number(localPort));
    conninfo.set(QStringLiteral("user"), user);
    conninfo.set(QStringLiteral("dbname"), QStringLiteral("postgres"));
    conninfo.set(QStringLiteral("password"), password);
    conninfo.set(QStringLiteral("application_name"), QStringLiteral("replicactl"));
    return conninfo.toString();
}
