#pragma once

#include "core/plan/host_facts.h"
#include "core/plan/planned_command.h"
#include "core/version/pg_version.h"

#include <QString>

// Where one cluster lives on a host and the exact commands that create,
// start, stop and query it, by the host's OS family: pg_createcluster and
// pg_ctlcluster on Debian, postgresql-N-setup and systemctl on RHEL, plain
// initdb and pg_ctl elsewhere. Every step asks it instead of knowing
// layouts itself; SetupPlan makes one per host from discovery.
class ClusterLayout
{
public:
    ClusterLayout() = default;
    ClusterLayout(const HostFacts &facts, const PgVersion &version, const QString &clusterName,
                  int port, const QString &dataDirChoice);

    HostFacts::OsFamily family() const { return m_family; }
    const PgVersion &version() const { return m_version; }
    const QString &name() const { return m_name; }
    int port() const { return m_port; }
    const QString &dataDir() const { return m_dataDir; }
    const QString &confDir() const { return m_confDir; }
    const QString &socketDir() const { return m_socketDir; }
    const QString &binDir() const { return m_binDir; }
    QString configFile() const;
    QString hbaFile() const;
    QString autoConfFile() const;
    QString logFile() const;
    // True when a cluster was already there at discovery time.
    bool existed() const { return m_existed; }
    bool wasRunning() const { return m_wasRunning; }
    // The postgres user's home, where libpq finds .pgpass.
    const QString &postgresHome() const { return m_postgresHome; }
    QString passfile() const;

    // A program of the server's own major (initdb, postgres, pg_ctl, pg_controldata).
    QString serverProgram(const QString &name) const;
    // A client program (psql, pg_basebackup, pg_isready): the major's own when
    // installed, else the newest client the host has, else the PATH's.
    QString clientProgram(const QString &name) const;

    PlannedCommand create(bool dataChecksums) const;
    PlannedCommand start() const;
    PlannedCommand stop() const;
    PlannedCommand restart() const;
    PlannedCommand reload() const;
    // psql on this cluster through its local socket, as postgres, reading SQL on stdin.
    CommandLine psql(const QString &database) const;
    // `postgres -C name`: the server reads its configuration and prints a value (the judge of our edits).
    CommandLine showSetting(const QString &name) const;

private:
    HostFacts::OsFamily m_family = HostFacts::OsFamily::Other;
    PgVersion m_version;
    QString m_name;
    int m_port = 5432;
    QString m_dataDir;
    QString m_confDir;
    QString m_socketDir;
    QString m_binDir;
    QString m_clientBinDir;
    QString m_logFile;
    QString m_postgresHome;
    bool m_existed = false;
    bool m_wasRunning = false;
};
