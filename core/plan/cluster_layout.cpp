#include "cluster_layout.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ClusterLayout", text);
}

// RHEL's packages name 9.x directories without the dot (/usr/pgsql-9.3 but postgresql93-setup).
QString rhelSuffix(const PgVersion &version)
{
    QString text = version.majorString();
    return text.remove(QLatin1Char('.'));
}

} // namespace

ClusterLayout::ClusterLayout(const HostFacts &facts, const PgVersion &version, const QString &clusterName, int port,
                             const QString &dataDirChoice)
    : m_family(facts.family), m_version(version), m_name(clusterName), m_port(port)
{
    const QString major = version.majorString();
    m_postgresHome = facts.postgresHome.isEmpty()
                         ? (m_family == HostFacts::OsFamily::Rhel ? QStringLiteral("/var/lib/pgsql")
                                                                  : QStringLiteral("/var/lib/postgresql"))
                         : facts.postgresHome;
    if (const auto installed = facts.installation(version))
        m_binDir = installed->binDir;
    else if (m_family == HostFacts::OsFamily::Rhel)
        m_binDir = QStringLiteral("/usr/pgsql-%1/bin").arg(major);
    else
        m_binDir = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(major);

    // Client tools (psql, pg_basebackup): the server's own major when it has
    // them, else the newest installed major that has them and is at least as
    // new (pg_basebackup refuses a server newer than itself).
    m_clientBinDir = m_binDir;
    const std::optional<PgInstallation> own = facts.installation(version);
    if (!own || !own->clientTools) {
        PgVersion best;
        for (const PgInstallation &candidate : facts.installations) {
            if (candidate.clientTools && (!best.isValid() || candidate.version > best)) {
                best = candidate.version;
                m_clientBinDir = candidate.binDir;
            }
        }
    }

    std::optional<ClusterInfo> found =
        facts.cluster(version, m_family == HostFacts::OsFamily::Debian ? clusterName : QString());
    for (const ClusterInfo &cluster : facts.clusters) {
        if (!dataDirChoice.isEmpty() && cluster.dataDir == dataDirChoice && cluster.version == version)
            found = cluster; // the one the user named, among several of the major
    }
    if (found && !dataDirChoice.isEmpty() && dataDirChoice != found->dataDir)
        found.reset();
    m_control = controlFor(facts, version, m_binDir, found);
    m_systemd = facts.systemd;
    if (found) {
        m_existed = true;
        m_wasRunning = found->running;
        m_port = found->port;
        m_dataDir = found->dataDir;
        m_confDir = found->confDir.isEmpty() ? found->dataDir : found->confDir;
        m_socketDir = found->socketDir;
        m_logFile = found->logFile;
        if (!found->name.isEmpty())
            m_name = found->name;
    } else {
        switch (m_control) {
        case Control::DebianCluster:
            m_dataDir = dataDirChoice.isEmpty() ? QStringLiteral("/var/lib/postgresql/%1/%2").arg(major, clusterName)
                                                : dataDirChoice;
            m_confDir = QStringLiteral("/etc/postgresql/%1/%2").arg(major, clusterName);
            break;
        case Control::RhelService:
            m_dataDir = dataDirChoice.isEmpty() ? QStringLiteral("/var/lib/pgsql/%1/data").arg(major) : dataDirChoice;
            m_confDir = m_dataDir;
            break;
        case Control::ServiceUnit:
        case Control::PgCtl:
            // The distribution's usual place for the major, so that a DBA finds it there.
            if (!dataDirChoice.isEmpty())
                m_dataDir = dataDirChoice;
            else if (m_family == HostFacts::OsFamily::Rhel)
                m_dataDir = QStringLiteral("/var/lib/pgsql/%1/data").arg(major);
            else
                m_dataDir = m_postgresHome + QStringLiteral("/%1/%2").arg(major, clusterName);
            m_confDir = m_dataDir;
            break;
        }
    }
    if (m_logFile.isEmpty() && m_control != Control::RhelService) {
        // Debian's postgresql-common keeps /var/log/postgresql writable for postgres.
        m_logFile = m_family == HostFacts::OsFamily::Debian
                        ? QStringLiteral("/var/log/postgresql/postgresql-%1-%2.log").arg(major, m_name)
                        : m_dataDir + QStringLiteral("/server.log");
    }
    if (m_socketDir.isEmpty())
        m_socketDir =
            m_family == HostFacts::OsFamily::Other ? QStringLiteral("/tmp") : QStringLiteral("/var/run/postgresql");
}

ClusterLayout::Control ClusterLayout::controlFor(const HostFacts &facts, const PgVersion &version,
                                                 const QString &binDir, const std::optional<ClusterInfo> &found)
{
    // postgresql-common knows a major exactly when it lives in /usr/lib/postgresql/N/bin;
    // a cluster it lists has a name, one found by its data directory has none.
    if (facts.family == HostFacts::OsFamily::Debian &&
        binDir == QStringLiteral("/usr/lib/postgresql/%1/bin").arg(version.majorString()) &&
        (!found || !found->name.isEmpty()))
        return Control::DebianCluster;
    if (facts.family == HostFacts::OsFamily::Rhel && binDir.startsWith(QLatin1String("/usr/pgsql-")))
        return Control::RhelService;
    // A server that runs already, not under our unit, is left to how it was started.
    if (facts.systemd && (!found || found->serviceUnit || !found->running))
        return Control::ServiceUnit;
    return Control::PgCtl;
}

QString ClusterLayout::howStarted() const
{
    switch (m_control) {
    case Control::DebianCluster:
        return tr("PostgreSQL %1 is managed by Debian's postgresql-common: the cluster is created with "
                  "pg_createcluster "
                  "and started with pg_ctlcluster, and systemd starts it at boot.")
            .arg(m_version.majorString());
    case Control::RhelService:
        return tr("PostgreSQL %1 is the distribution's package: the cluster is created with its setup script and "
                  "started by systemd (postgresql-%1), also at boot.")
            .arg(m_version.majorString());
    case Control::ServiceUnit:
        return tr("PostgreSQL %1 in %2 is not managed by the distribution: the cluster is created with its own initdb "
                  "as postgres, and started by systemd through the unit %3 around its pg_ctl, also at boot.")
            .arg(m_version.majorString(), m_binDir, serviceUnitName());
    case Control::PgCtl:
        if (m_systemd)
            return tr("PostgreSQL %1 in %2 is not managed by the distribution and runs already, started by hand: it is "
                      "controlled with its own pg_ctl as postgres. The unit %3 is installed and enabled so that it "
                      "starts at boot.")
                .arg(m_version.majorString(), m_binDir, serviceUnitName());
        return tr("PostgreSQL %1 in %2 is not managed by the distribution: the cluster is created with its own initdb "
                  "and started with its own pg_ctl as postgres. This host has no systemd, so it does not start by "
                  "itself after a reboot.")
            .arg(m_version.majorString(), m_binDir);
    }
    return {};
}

QString ClusterLayout::serviceUnitName() const
{
    if (!m_systemd || (m_control != Control::ServiceUnit && m_control != Control::PgCtl))
        return {};
    return QStringLiteral("postgresql-%1-%2.service").arg(m_version.majorString(), m_name);
}

QString ClusterLayout::serviceUnitFile() const
{
    const QString name = serviceUnitName();
    return name.isEmpty() ? QString() : QStringLiteral("/etc/systemd/system/") + name;
}

QByteArray ClusterLayout::serviceUnit() const
{
    if (serviceUnitName().isEmpty())
        return {};
    const QString pgCtl = serverProgram(QStringLiteral("pg_ctl"));
    const QStringList lines{
        QStringLiteral("# Written by Replica Studio: PostgreSQL %1 in %2, started with its own pg_ctl.")
            .arg(m_version.majorString(), m_dataDir),
        QStringLiteral("[Unit]"),
        QStringLiteral("Description=PostgreSQL %1 (%2)").arg(m_version.majorString(), m_dataDir),
        QStringLiteral("After=network-online.target"),
        QStringLiteral("Wants=network-online.target"),
        QString(),
        QStringLiteral("[Service]"),
        QStringLiteral("Type=forking"),
        QStringLiteral("User=postgres"),
        QStringLiteral("Group=postgres"),
        QStringLiteral("PIDFile=%1/postmaster.pid").arg(m_dataDir),
        QStringLiteral("ExecStart=%1 start -D %2 -w -t 300 -l %3 -o \"%4\"")
            .arg(pgCtl, m_dataDir, m_logFile, serverOptions()),
        QStringLiteral("ExecStop=%1 stop -D %2 -m fast").arg(pgCtl, m_dataDir),
        QStringLiteral("ExecReload=%1 reload -D %2").arg(pgCtl, m_dataDir),
        QStringLiteral("TimeoutSec=300"),
        // The postmaster handles its children itself; systemd must not kill them at stop.
        QStringLiteral("KillMode=mixed"),
        QStringLiteral("KillSignal=SIGINT"),
        QString(),
        QStringLiteral("[Install]"),
        QStringLiteral("WantedBy=multi-user.target"),
    };
    return lines.join(QLatin1Char('\n')).toUtf8() + '\n';
}

QString ClusterLayout::serverOptions() const
{
    return QStringLiteral("-p %1 -k %2").arg(m_port).arg(m_socketDir);
}

QString ClusterLayout::configFile() const
{
    return m_confDir + QStringLiteral("/postgresql.conf");
}
QString ClusterLayout::hbaFile() const
{
    return m_confDir + QStringLiteral("/pg_hba.conf");
}
QString ClusterLayout::autoConfFile() const
{
    return m_dataDir + QStringLiteral("/postgresql.auto.conf");
}
QString ClusterLayout::logFile() const
{
    return m_logFile;
}
QString ClusterLayout::passfile() const
{
    return m_postgresHome + QStringLiteral("/.pgpass");
}

QString ClusterLayout::serverProgram(const QString &name) const
{
    return m_binDir + QLatin1Char('/') + name;
}

QString ClusterLayout::clientProgram(const QString &name) const
{
    return m_clientBinDir + QLatin1Char('/') + name;
}

PlannedCommand ClusterLayout::create(bool dataChecksums) const
{
    PlannedCommand planned;
    planned.purpose = tr("Create the cluster (initdb) with data checksums, so that corrupted pages are detected.");
    switch (m_control) {
    case Control::DebianCluster: {
        CommandLine command(QStringLiteral("pg_createcluster"),
                            {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--datadir"), m_dataDir,
                             m_version.majorString(), m_name});
        if (dataChecksums)
            command.args({QStringLiteral("--"), QStringLiteral("--data-checksums")});
        planned.command = command;
        planned.as = RunAs::Root;
        break;
    }
    case Control::RhelService: {
        CommandLine command(QStringLiteral("env"));
        if (dataChecksums)
            command.arg(QStringLiteral("PGSETUP_INITDB_OPTIONS=--data-checksums"));
        // postgresql96-setup up to 9.6, postgresql-10-setup from 10.
        const QString script =
            m_version.atLeast(10) ? QStringLiteral("/postgresql-%1-setup") : QStringLiteral("/postgresql%1-setup");
        command.arg(m_binDir + script.arg(rhelSuffix(m_version))).arg(QStringLiteral("initdb"));
        planned.command = command;
        planned.as = RunAs::Root;
        break;
    }
    case Control::ServiceUnit:
    case Control::PgCtl: {
        CommandLine command(serverProgram(QStringLiteral("initdb")),
                            {QStringLiteral("-D"), m_dataDir, QStringLiteral("--auth-local=peer")});
        if (dataChecksums)
            command.arg(QStringLiteral("--data-checksums"));
        planned.command = command;
        planned.as = RunAs::Postgres;
        break;
    }
    }
    return planned;
}

QString ClusterLayout::creatingMarker() const
{
    return m_confDir + QStringLiteral(".replica-studio-creating"); // the discovery script knows it too
}

// The marker is written by whoever owns the folder the cluster is made in:
// root for /etc/postgresql and the packages' service, postgres for initdb's own
// data directory (whose parent must stay the postgres user's).
static RunAs creatingUser(ClusterLayout::Control control)
{
    const bool packaged =
        control == ClusterLayout::Control::DebianCluster || control == ClusterLayout::Control::RhelService;
    return packaged ? RunAs::Root : RunAs::Postgres;
}

PlannedCommand ClusterLayout::startCreating() const
{
    PlannedCommand planned;
    planned.command = CommandLine::shell(
        QStringLiteral(
            "if [ -e \"$1\" ]; then rm -rf -- \"$2\" \"$3\"; fi; mkdir -p \"$(dirname \"$1\")\" && touch \"$1\""),
        {creatingMarker(), m_confDir, m_dataDir});
    planned.as = creatingUser(m_control);
    planned.purpose = tr("Note that this setup is making the cluster: one cut short in the middle is removed and made "
                         "again by the next run.");
    return planned;
}

PlannedCommand ClusterLayout::finishCreating() const
{
    PlannedCommand planned;
    planned.command = CommandLine(QStringLiteral("rm"), {QStringLiteral("-f"), creatingMarker()});
    planned.as = creatingUser(m_control);
    planned.purpose = tr("The cluster is complete.");
    return planned;
}

CommandLine ClusterLayout::testComplete() const
{
    return CommandLine::shell(QStringLiteral("test -f \"$1/PG_VERSION\" && test ! -e \"$2\""),
                              {m_dataDir, creatingMarker()});
}

static PlannedCommand controlCommand(const ClusterLayout &layout, const QString &action, const QString &purpose,
                                     const QString &serverOptions)
{
    PlannedCommand planned;
    planned.purpose = purpose;
    switch (layout.control()) {
    case ClusterLayout::Control::DebianCluster:
        // As postgres, pg_ctlcluster drives pg_ctl itself rather than asking systemd.
        planned.command =
            CommandLine(QStringLiteral("pg_ctlcluster"), {layout.version().majorString(), layout.name(), action});
        planned.as = RunAs::Postgres;
        break;
    case ClusterLayout::Control::RhelService:
        planned.command = CommandLine(QStringLiteral("systemctl"),
                                      {action, QStringLiteral("postgresql-%1").arg(layout.version().majorString())});
        planned.as = RunAs::Root;
        break;
    case ClusterLayout::Control::ServiceUnit:
        planned.command = CommandLine(QStringLiteral("systemctl"), {action, layout.serviceUnitName()});
        planned.as = RunAs::Root;
        break;
    case ClusterLayout::Control::PgCtl: {
        CommandLine command(layout.serverProgram(QStringLiteral("pg_ctl")),
                            {QStringLiteral("-D"), layout.dataDir(), QStringLiteral("-w")});
        if (action != QLatin1String("reload"))
            command.args({QStringLiteral("-l"), layout.logFile(), QStringLiteral("-o"), serverOptions});
        if (action == QLatin1String("stop") || action == QLatin1String("restart"))
            command.args({QStringLiteral("-m"), QStringLiteral("fast")});
        command.arg(action);
        planned.command = command;
        planned.as = RunAs::Postgres;
        break;
    }
    }
    return planned;
}

PlannedCommand ClusterLayout::start() const
{
    return controlCommand(*this, QStringLiteral("start"), tr("Start the server."), serverOptions());
}
PlannedCommand ClusterLayout::stop() const
{
    return controlCommand(*this, QStringLiteral("stop"), tr("Stop the server (fast shutdown)."), serverOptions());
}
PlannedCommand ClusterLayout::restart() const
{
    return controlCommand(*this, QStringLiteral("restart"),
                          tr("Restart the server so that the new settings take effect."), serverOptions());
}
PlannedCommand ClusterLayout::reload() const
{
    return controlCommand(*this, QStringLiteral("reload"), tr("Reload the configuration."), serverOptions());
}

CommandLine ClusterLayout::psql(const QString &database) const
{
    return CommandLine(clientProgram(QStringLiteral("psql")),
                       {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                        QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-v"),
                        QStringLiteral("VERBOSITY=verbose"), QStringLiteral("-h"), m_socketDir, QStringLiteral("-p"),
                        QString::number(m_port), QStringLiteral("-d"), database});
}

CommandLine ClusterLayout::showSetting(const QString &name) const
{
    return CommandLine(serverProgram(QStringLiteral("postgres")),
                       {QStringLiteral("-D"), m_confDir, QStringLiteral("-C"), name});
}
