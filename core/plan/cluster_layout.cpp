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

ClusterLayout::ClusterLayout(const HostFacts &facts, const PgVersion &version, const QString &clusterName,
                             int port, const QString &dataDirChoice)
    : m_family(facts.family), m_version(version), m_name(clusterName), m_port(port)
{
    const QString major = version.majorString();
    m_postgresHome = facts.postgresHome.isEmpty()
                         ? (m_family == HostFacts::OsFamily::Rhel ? QStringLiteral("/var/lib/pgsql") : QStringLiteral("/var/lib/postgresql"))
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
    if (found && (dataDirChoice.isEmpty() || dataDirChoice == found->dataDir)) {
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
        switch (m_family) {
        case HostFacts::OsFamily::Debian:
            m_dataDir = dataDirChoice.isEmpty() ? QStringLiteral("/var/lib/postgresql/%1/%2").arg(major, clusterName) : dataDirChoice;
            m_confDir = QStringLiteral("/etc/postgresql/%1/%2").arg(major, clusterName);
            m_logFile = QStringLiteral("/var/log/postgresql/postgresql-%1-%2.log").arg(major, clusterName);
            break;
        case HostFacts::OsFamily::Rhel:
            m_dataDir = dataDirChoice.isEmpty() ? QStringLiteral("/var/lib/pgsql/%1/data").arg(major) : dataDirChoice;
            m_confDir = m_dataDir;
            break;
        case HostFacts::OsFamily::Other:
            m_dataDir = dataDirChoice.isEmpty() ? m_postgresHome + QStringLiteral("/%1/%2").arg(major, clusterName) : dataDirChoice;
            m_confDir = m_dataDir;
            m_logFile = m_dataDir + QStringLiteral("/server.log");
            break;
        }
    }
    if (m_socketDir.isEmpty())
        m_socketDir = m_family == HostFacts::OsFamily::Other ? QStringLiteral("/tmp") : QStringLiteral("/var/run/postgresql");
}

QString ClusterLayout::configFile() const { return m_confDir + QStringLiteral("/postgresql.conf"); }
QString ClusterLayout::hbaFile() const { return m_confDir + QStringLiteral("/pg_hba.conf"); }
QString ClusterLayout::autoConfFile() const { return m_dataDir + QStringLiteral("/postgresql.auto.conf"); }
QString ClusterLayout::logFile() const { return m_logFile; }
QString ClusterLayout::passfile() const { return m_postgresHome + QStringLiteral("/.pgpass"); }

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
    switch (m_family) {
    case HostFacts::OsFamily::Debian: {
        CommandLine command(QStringLiteral("pg_createcluster"),
                            {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--datadir"), m_dataDir,
                             m_version.majorString(), m_name});
        if (dataChecksums)
            command.args({QStringLiteral("--"), QStringLiteral("--data-checksums")});
        planned.command = command;
        planned.as = RunAs::Root;
        break;
    }
    case HostFacts::OsFamily::Rhel: {
        CommandLine command(QStringLiteral("env"));
        if (dataChecksums)
            command.arg(QStringLiteral("PGSETUP_INITDB_OPTIONS=--data-checksums"));
        // postgresql96-setup up to 9.6, postgresql-10-setup from 10.
        const QString script = m_version.atLeast(10) ? QStringLiteral("/postgresql-%1-setup") : QStringLiteral("/postgresql%1-setup");
        command.arg(m_binDir + script.arg(rhelSuffix(m_version))).arg(QStringLiteral("initdb"));
        planned.command = command;
        planned.as = RunAs::Root;
        break;
    }
    case HostFacts::OsFamily::Other: {
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

static PlannedCommand control(const ClusterLayout &layout, const QString &action, const QString &purpose)
{
    PlannedCommand planned;
    planned.purpose = purpose;
    switch (layout.family()) {
    case HostFacts::OsFamily::Debian:
        // As postgres, pg_ctlcluster drives pg_ctl itself rather than asking systemd.
        planned.command = CommandLine(QStringLiteral("pg_ctlcluster"), {layout.version().majorString(), layout.name(), action});
        planned.as = RunAs::Postgres;
        break;
    case HostFacts::OsFamily::Rhel:
        planned.command = CommandLine(QStringLiteral("systemctl"),
                                      {action, QStringLiteral("postgresql-%1").arg(layout.version().majorString())});
        planned.as = RunAs::Root;
        break;
    case HostFacts::OsFamily::Other: {
        CommandLine command(layout.serverProgram(QStringLiteral("pg_ctl")), {QStringLiteral("-D"), layout.dataDir(), QStringLiteral("-w")});
        if (action != QLatin1String("reload"))
            command.args({QStringLiteral("-l"), layout.logFile(), QStringLiteral("-o"), QStringLiteral("-p %1").arg(layout.port())});
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

PlannedCommand ClusterLayout::start() const { return control(*this, QStringLiteral("start"), tr("Start the server.")); }
PlannedCommand ClusterLayout::stop() const { return control(*this, QStringLiteral("stop"), tr("Stop the server (fast shutdown).")); }
PlannedCommand ClusterLayout::restart() const { return control(*this, QStringLiteral("restart"), tr("Restart the server so that the new settings take effect.")); }
PlannedCommand ClusterLayout::reload() const { return control(*this, QStringLiteral("reload"), tr("Reload the configuration.")); }

CommandLine ClusterLayout::psql(const QString &database) const
{
    return CommandLine(clientProgram(QStringLiteral("psql")),
                       {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                        QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose"),
                        QStringLiteral("-h"), m_socketDir, QStringLiteral("-p"), QString::number(m_port),
                        QStringLiteral("-d"), database});
}

CommandLine ClusterLayout::showSetting(const QString &name) const
{
    return CommandLine(serverProgram(QStringLiteral("postgres")), {QStringLiteral("-D"), m_confDir, QStringLiteral("-C"), name});
}
