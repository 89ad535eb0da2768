#pragma once

#include "core/host/ssh_tunnel.h"
#include "core/monitor/replication_sampler.h"
#include "core/result.h"

#include <QCommandLineParser>

#include <memory>
#include <vector>

// The servers of `replicactl watch --primary USER@HOST [--standby USER@HOST
// ...]` for the monitor's sampler: each found on its host over SSH
// (MonitoredServer: the running cluster, its port, a standby's
// application_name), then reached through an SshTunnel of its own to that
// port, as the monitoring role with the password the primary's passfile
// keeps. The servers' ports need not be open to this machine. Holds the
// tunnels for as long as the sampler runs.
namespace ReplicaCtl {

class SshSamplerTargets
{
public:
    // --primary and --standby (replicactl status takes them too).
    static void addOptions(QCommandLineParser &parser);
    // --monitoring-role and --monitoring-password-file.
    static void addMonitoringOptions(QCommandLineParser &parser);
    static bool isGiven(const QCommandLineParser &parser);

    // Finds the servers and opens the tunnels (waits for them: a command
    // line tool); a refused Error says what to fix.
    Result<void> configure(const QCommandLineParser &parser, ReplicationSampler &sampler);

private:
    struct Found;

    Result<Found> find(const QString &given, const QCommandLineParser &parser, const QString &monitoringUser) const;
    Result<void> openTunnels(QList<Found> &servers);

    std::vector<std::unique_ptr<SshTunnel>> m_tunnels;
};

} // namespace ReplicaCtl
