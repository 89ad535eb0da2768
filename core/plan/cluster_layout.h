#pragma once

#include "core/plan/host_facts.h"
#include "core/plan/planned_command.h"
#include "core/version/pg_version.h"

#include <QString>

// Where one cluster lives on a host and the exact commands that create,
// start, stop and query it: pg_createcluster and pg_ctlcluster for a major
// Debian's postgresql-common manages, postgresql-N-setup and systemctl for
// RHEL's packages, and the major's own initdb and pg_ctl as postgres for a
// major installed any other way (a source build, a vendor tree, a directory
// the user named), under a service unit of ours where systemd runs. Every
// step asks it instead of knowing layouts itself; SetupPlan makes one per
// host from discovery.
class ClusterLayout
{
public:
    enum class Control {
        DebianCluster, // pg_createcluster / pg_ctlcluster (postgresql-common)
        RhelService,   // postgresql-N-setup / systemctl postgresql-N (PGDG packages)
        ServiceUnit,   // initdb, then systemctl on our postgresql-N-NAME.service around pg_ctl
        PgCtl,         // initdb and pg_ctl as postgres: a host without systemd, or a server started by hand
    };

    ClusterLayout() = default;
    ClusterLayout(const HostFacts &facts, const PgVersion &version, const QString &clusterName, int port,
                  const QString &dataDirChoice);

    HostFacts::OsFamily family() const { return m_family; }
    Control control() const { return m_control; }
    // One sentence for the plan: how this cluster is created and started, and whether it comes back after a reboot.
    QString howStarted() const;
    // Our systemd unit for a cluster of initdb and pg_ctl (ServiceUnit, or PgCtl on a
    // systemd host whose server runs already): its name, path and text. Empty name: none.
    QString serviceUnitName() const;
    QString serviceUnitFile() const;
    QByteArray serviceUnit() const;
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
    // A cluster is made between startCreating() and finishCreating(): the marker
    // between them (beside the configuration folder) says that a run was cut
    // short making it. Discovery does not count such a cluster, and
    // startCreating() removes it before it is made again.
    QString creatingMarker() const;
    PlannedCommand startCreating() const;
    PlannedCommand finishCreating() const;
    // Exits 0 when the cluster is made and complete: PG_VERSION there, no marker.
    CommandLine testComplete() const;
    PlannedCommand start() const;
    PlannedCommand stop() const;
    PlannedCommand restart() const;
    PlannedCommand reload() const;
    // psql on this cluster through its local socket, as postgres, reading SQL on stdin.
    CommandLine psql(const QString &database) const;
    // `postgres -C name`: the server reads its configuration and prints a value (the judge of our edits).
    CommandLine showSetting(const QString &name) const;

private:
    static Control controlFor(const HostFacts &facts, const PgVersion &version, const QString &binDir,
                              const std::optional<ClusterInfo> &found);
    // pg_ctl's options for the server: port and socket directory.
    QString serverOptions() const;

    HostFacts::OsFamily m_family = HostFacts::OsFamily::Other;
    Control m_control = Control::PgCtl;
    bool m_systemd = false;
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
