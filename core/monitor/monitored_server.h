#pragma once

#include "core/host/host.h"
#include "core/plan/host_facts.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// A PostgreSQL server on an SSH host as the monitor finds it before it
// connects: the cluster running there (the newest major when several run)
// and its port on that host; the monitoring role's password, which the
// setup plan keeps in the postgres user's passfile; and, for a standby, the
// name the primary knows it by (the application_name of its
// primary_conninfo). `replicactl watch --primary` reaches it through an
// SshTunnel to that port, as that role; `replicactl status` asks it with psql.
struct MonitoredServer
{
    Q_DECLARE_TR_FUNCTIONS(MonitoredServer)

public:
    ClusterInfo cluster;
    QString applicationName;                   // a standby's; empty when none is set
    std::optional<QString> monitoringPassword; // none: no line for the role in the passfile

    // Discovery on the host, then the passfile and the recovery settings
    // read as postgres. Refused with a sentence when no cluster runs there.
    static Result<MonitoredServer> find(Host &host, const QString &monitoringUser);
    // The cluster the monitor watches among those discovery found: the
    // newest running major.
    static std::optional<ClusterInfo> runningCluster(const HostFacts &facts);
    // libpq's connection string to a server through a local tunnel port,
    // as the monitoring role (password only in memory).
    static QString tunnelConninfo(int localPort, const QString &user, const QString &password);
};
