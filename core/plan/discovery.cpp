#include "discovery.h"

#include "core/host/host.h"
#include "core/plan/plan_choices.h"
#include "core/plan/side_by_side.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Discovery", text);
}

// "15|/var/lib/pgsql/15/data|5432|yes|/var/run/postgresql": a cluster found by its data directory.
std::optional<ClusterInfo> scannedCluster(const QString &value)
{
    const QStringList parts = value.split(QLatin1Char('|'));
    if (parts.size() < 5)
        return std::nullopt;
    ClusterInfo cluster;
    cluster.version = PgVersion::parse(parts.at(0)).value_or(PgVersion());
    cluster.dataDir = parts.at(1);
    cluster.confDir = cluster.dataDir;
    cluster.port = parts.at(2).toInt();
    cluster.running = parts.at(3) == QLatin1String("yes");
    cluster.socketDir = parts.at(4);
    cluster.serviceUnit = parts.value(5) == QLatin1String("yes");
    if (!cluster.version.isValid() || cluster.port <= 0)
        return std::nullopt;
    return cluster;
}

// "/usr/local/pgsql/bin|no|postgres (PostgreSQL) 11.22|local|/usr/local/pgsql/bin/postgres":
// the installation and the real path of its postgres program.
std::optional<std::pair<PgInstallation, QString>> foundInstallation(const QString &value)
{
    const QStringList parts = value.split(QLatin1Char('|'));
    if (parts.size() < 3)
        return std::nullopt;
    const auto version = PgVersion::parse(parts.at(2));
    if (!version)
        return std::nullopt;
    PgInstallation installation{*version, parts.at(0), parts.at(1) == QLatin1String("yes"),
                                PgInstallation::originFromName(parts.value(3))};
    const QString real = parts.value(4).isEmpty() ? parts.at(0) : parts.at(4);
    return std::make_pair(installation, real);
}
} // namespace

QString Discovery::script()
{
    // Each fact on its own "key=value" line; nothing here changes the host.
    return QStringLiteral(R"SH(
if [ -r /etc/os-release ]; then . /etc/os-release; fi
echo "os_id=${ID:-}"
echo "os_version=${VERSION_ID:-}"
echo "os_like=${ID_LIKE:-}"
for m in apt-get dnf yum; do command -v "$m" >/dev/null 2>&1 && echo "pkg=$m"; done
# Every PostgreSQL found, with where it came from: the directories the user
# named (args "bin:DIR") first, then the distribution's layout, then source
# builds and vendor tarballs, then the PATH (root's and the postgres user's
# login shell's). "bin=DIR|clients|version|origin|real path".
found() {
  [ -x "$1/postgres" ] || return 0
  c=no; if [ -x "$1/psql" ] && [ -x "$1/pg_basebackup" ]; then c=yes; fi
  echo "bin=$1|$c|$("$1/postgres" --version 2>/dev/null)|$2|$(readlink -f "$1/postgres")"
}
for a in "$@"; do case $a in bin:*) found "${a#bin:}" named ;; esac; done
for d in /usr/lib/postgresql/*/bin /usr/pgsql-*/bin; do found "$d" distribution; done
for d in /usr/local/pgsql/bin /usr/local/pgsql-*/bin /usr/local/bin /opt/*/bin /opt/*/*/bin; do found "$d" local; done
p=$(command -v postgres 2>/dev/null) && found "$(dirname "$p")" path
p=$(command -v pg_config 2>/dev/null) && found "$("$p" --bindir 2>/dev/null)" path
p=$(runuser -l postgres -c 'command -v postgres' 2>/dev/null </dev/null | tail -n 1) && [ -n "$p" ] && found "$(dirname "$p")" path
p=$(command -v pg_basebackup 2>/dev/null) && echo "client=$(dirname "$p")|$("$p" --version 2>/dev/null)"
[ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1 && echo "systemd=yes"
if command -v pg_lsclusters >/dev/null 2>&1; then echo "clusters_json=$(pg_lsclusters --json 2>/dev/null | tr -d '\n')"; fi
# Clusters pg_lsclusters does not know: RHEL's /var/lib/pgsql/N/data and
# /var/lib/pgsql/data, plain initdb clusters in Debian's place (a major the
# wrapper does not know), and data directories named by the user (args
# "data:DIR"). Version from PG_VERSION; port and socket from postmaster.pid
# while it runs, else the last "port =" of postgresql.conf. A plain cluster
# keeps its postgresql.conf beside its data: in Debian's place, a data
# directory without one is postgresql-common's (listed above) or one that
# pg_createcluster left half made, not a plain cluster.
for a in /var/lib/pgsql/*/data /var/lib/pgsql/data /var/lib/postgresql/*/* "$@"; do
  case $a in bin:*) continue ;; data:*) d=${a#data:} ;; *) d=$a ;; esac
  [ -f "$d/PG_VERSION" ] || continue
  case $a in /var/lib/postgresql/*) [ -f "$d/postgresql.conf" ] || continue ;; esac
  v=$(cat "$d/PG_VERSION"); r=no; port=; sock=
  if [ -f "$d/postmaster.pid" ]; then
    pid=$(sed -n 1p "$d/postmaster.pid")
    if [ -n "$pid" ] && [ -d "/proc/$pid" ]; then r=yes; port=$(sed -n 4p "$d/postmaster.pid"); sock=$(sed -n 5p "$d/postmaster.pid"); fi
  fi
  [ -n "$port" ] || port=$(sed -n 's/^[[:space:]]*port[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' "$d/postgresql.conf" 2>/dev/null | tail -n 1)
  unit=no; [ -f "/etc/systemd/system/postgresql-$v-$(basename "$d").service" ] && unit=yes
  echo "cluster=$v|$d|${port:-5432}|$r|$sock|$unit"
done
# A cluster this setup was cut short making (ClusterLayout::startCreating): not a cluster.
for m in /etc/postgresql/*/*.replica-studio-creating /var/lib/postgresql/*/*.replica-studio-creating \
  /var/lib/pgsql/*/*.replica-studio-creating /var/lib/pgsql/*.replica-studio-creating "$@"; do
  case $m in bin:*) continue ;; data:*) m=${m#data:} ;; esac
  case $m in *.replica-studio-creating) ;; *) m=$m.replica-studio-creating ;; esac
  [ -e "$m" ] || continue
  c=${m%.replica-studio-creating}; echo "creating=$c"
  # pg_createcluster cut short before it moved the files out: its data directory looks like a plain cluster.
  case $c in /etc/postgresql/*/*) echo "creating=/var/lib/postgresql/${c#/etc/postgresql/}" ;; esac
done
h=$(getent passwd postgres | cut -d: -f6) && echo "postgres_home=$h"
echo "hostname=$(hostname 2>/dev/null)"
for a in $(hostname -I 2>/dev/null); do echo "address=$a"; done
for d in /var/lib/postgresql /var/lib/pgsql /var/lib /; do
  if [ -d "$d" ]; then echo "free_kb=$(df -Pk "$d" | awk 'NR==2 {print $4}')"; break; fi
done
echo "now_ms=$(date +%s%3N)"
)SH");
}

HostFacts Discovery::parseReport(const QByteArray &report)
{
    HostFacts facts;
    QString like;
    QList<ClusterInfo> scanned; // added after pg_lsclusters' own, unless it listed them
    QSet<QString> creating;     // configuration folders of clusters cut short while being made
    QSet<QString> realPaths;    // one installation per postgres program, however many ways lead to it
    for (const QByteArray &raw : report.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            continue;
        const QString key = line.left(equals);
        const QString value = line.mid(equals + 1);
        if (key == QLatin1String("os_id")) {
            facts.osId = value;
        } else if (key == QLatin1String("os_version")) {
            facts.osVersion = value;
        } else if (key == QLatin1String("os_like")) {
            like = value;
        } else if (key == QLatin1String("pkg")) {
            const QString manager = value == QLatin1String("apt-get") ? QStringLiteral("apt") : value;
            if (facts.packageManager.isEmpty())
                facts.packageManager = manager;
        } else if (key == QLatin1String("bin")) {
            if (auto found = foundInstallation(value); found && !realPaths.contains(found->second)) {
                realPaths.insert(found->second);
                facts.installations.append(found->first);
            }
        } else if (key == QLatin1String("systemd")) {
            facts.systemd = value == QLatin1String("yes");
        } else if (key == QLatin1String("clusters_json")) {
            const QJsonArray clusters = QJsonDocument::fromJson(value.toUtf8()).array();
            for (const QJsonValue &item : clusters) {
                const QJsonObject o = item.toObject();
                ClusterInfo cluster;
                cluster.version =
                    PgVersion::parse(o.value(QStringLiteral("version")).toVariant().toString()).value_or(PgVersion());
                cluster.name = o.value(QStringLiteral("cluster")).toString();
                cluster.port = o.value(QStringLiteral("port")).toVariant().toInt();
                cluster.dataDir = o.value(QStringLiteral("pgdata")).toString();
                cluster.confDir = o.value(QStringLiteral("configdir")).toString();
                cluster.socketDir = o.value(QStringLiteral("socketdir")).toString();
                cluster.logFile = o.value(QStringLiteral("logfile")).toString();
                cluster.running = o.value(QStringLiteral("running")).toInt() != 0;
                if (cluster.version.isValid())
                    facts.clusters.append(cluster);
            }
        } else if (key == QLatin1String("cluster")) {
            if (auto cluster = scannedCluster(value))
                scanned.append(*cluster);
        } else if (key == QLatin1String("creating")) {
            creating.insert(value);
        } else if (key == QLatin1String("postgres_home")) {
            facts.postgresHome = value;
        } else if (key == QLatin1String("hostname")) {
            facts.hostname = value;
        } else if (key == QLatin1String("address")) {
            if (QHostAddress(value).protocol() == QAbstractSocket::IPv4Protocol)
                facts.addresses.append(value);
        } else if (key == QLatin1String("free_kb")) {
            facts.freeBytes = value.toLongLong() * 1024;
        } else if (key == QLatin1String("now_ms")) {
            facts.clockOffsetMs = value.toLongLong(); // made relative by discover()
        }
    }
    const QString family = facts.osId + QLatin1Char(' ') + like;
    if (family.contains(QLatin1String("debian")) || family.contains(QLatin1String("ubuntu")))
        facts.family = HostFacts::OsFamily::Debian;
    else if (family.contains(QLatin1String("rhel")) || family.contains(QLatin1String("fedora")) ||
             family.contains(QLatin1String("centos")))
        facts.family = HostFacts::OsFamily::Rhel;
    if (facts.family == HostFacts::OsFamily::Debian && !report.contains("clusters_json="))
        facts.family = HostFacts::OsFamily::Other; // Debian without postgresql-common: plain initdb and pg_ctl
    for (const ClusterInfo &cluster : std::as_const(scanned)) {
        const bool listed =
            std::any_of(facts.clusters.cbegin(), facts.clusters.cend(),
                        [&cluster](const ClusterInfo &known) { return known.dataDir == cluster.dataDir; });
        if (!listed)
            facts.clusters.append(cluster);
    }
    facts.clusters.removeIf([&creating](const ClusterInfo &cluster) {
        return creating.contains(cluster.confDir) || creating.contains(cluster.dataDir);
    });
    return facts;
}

Result<HostFacts> Discovery::discover(Host &host, const std::atomic_bool *cancel, const QStringList &dataDirs,
                                      const QStringList &binDirs)
{
    RunOptions asRoot;
    asRoot.as = RunAs::Root;
    asRoot.cancel = cancel;
    asRoot.timeoutMs = 30000;
    auto root = host.run(CommandLine(QStringLiteral("id"), {QStringLiteral("-u")}), asRoot);
    if (!root)
        return root.error();
    const bool canRoot = root->succeeded() && root->stdOut.trimmed() == "0";

    RunOptions asPostgres = asRoot;
    asPostgres.as = RunAs::Postgres;
    auto postgres = host.run(CommandLine(QStringLiteral("id"), {QStringLiteral("-un")}), asPostgres);
    const bool canPostgres = postgres && postgres->succeeded() && postgres->stdOut.trimmed() == "postgres";

    RunOptions options = asRoot;
    if (!canRoot)
        options.as = RunAs::LoginUser;
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QStringList named;
    for (const QString &dir : binDirs)
        named << QStringLiteral("bin:") + dir;
    for (const QString &dir : dataDirs)
        named << QStringLiteral("data:") + dir;
    auto report = host.run(CommandLine::shell(script(), named), options);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    if (!report)
        return report.error();
    if (!report->succeeded() && report->stdOut.isEmpty())
        return report->toError(tr("find out what %1 has").arg(host.displayName()));
    HostFacts facts = parseReport(report->stdOut);
    facts.clockOffsetMs = facts.clockOffsetMs > 0 ? facts.clockOffsetMs - (before + after) / 2 : 0;
    facts.canBecomeRoot = canRoot;
    facts.canBecomePostgres = canPostgres;
    if (!canRoot)
        facts.problems.append(
            tr("%1: cannot become root (sudo or su); installing packages and creating clusters will fail.")
                .arg(host.displayName()));
    if (!canPostgres)
        facts.problems.append(tr("%1: cannot run commands as the postgres user.").arg(host.displayName()));
    return facts;
}

Result<Discovery::Pair> Discovery::discoverPair(Host &primary, Host &standby, const PlanChoices &choices,
                                                const QString &primaryAddress, bool findStandbyAddress,
                                                const std::atomic_bool *cancel)
{
    auto named = [](const QString &dir) { return dir.isEmpty() ? QStringList() : QStringList{dir}; };
    // The two hosts are independent: both are looked at at the same time.
    std::optional<Result<HostFacts>> primaryFacts, standbyFacts;
    std::optional<Result<QString>> source;
    sideBySide(
        [&] { primaryFacts = discover(primary, cancel, named(choices.primaryDataDir), named(choices.primaryPgBin)); },
        [&] {
            standbyFacts = discover(standby, cancel, named(choices.standbyDataDir), named(choices.standbyPgBin));
            if (*standbyFacts && findStandbyAddress)
                source = sourceAddressTowards(standby, primaryAddress);
        });
    if (!*primaryFacts)
        return primaryFacts->error();
    if (!*standbyFacts)
        return standbyFacts->error();
    Pair pair{**primaryFacts, **standbyFacts, {}};
    if (source && *source)
        pair.standbyAddress = **source;
    return pair;
}

Result<QString> Discovery::sourceAddressTowards(Host &from, const QString &target)
{
    auto route = from.run(CommandLine(QStringLiteral("ip"),
                                      {QStringLiteral("-o"), QStringLiteral("route"), QStringLiteral("get"), target}));
    if (!route)
        return route.error();
    static const QRegularExpression source(QStringLiteral("\\bsrc\\s+(\\S+)"));
    const auto match = source.match(QString::fromUtf8(route->stdOut));
    if (!route->succeeded() || !match.hasMatch())
        return makeError(tr("Could not find which address %1 uses to reach %2. Give the standby's address explicitly.")
                             .arg(from.displayName(), target),
                         QString::fromUtf8(route->stdErr));
    return match.captured(1);
}

QString Discovery::portProbeScript()
{
    // bash's /dev/tcp opens a TCP connection; timeout cuts a connect that
    // a firewall drops (the kernel would retry for minutes). --norc: under
    // sshd, Debian's bash reads ~/.bashrc even for -c, which can take longer
    // than the probe.
    return QStringLiteral(R"SH(
command -v bash >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1 || { echo "probe=unknown"; exit 0; }
out=$(LC_ALL=C timeout 5 bash --norc -c 'exec 3<>"/dev/tcp/$1/$2"' probe "$1" "$2" 2>&1); rc=$?
if [ "$rc" -eq 0 ]; then echo "probe=open"
elif [ "$rc" -eq 124 ]; then echo "probe=timeout"
else
  case "$out" in
    *refused*) echo "probe=refused" ;;
    *"No route"*|*nreachable*) echo "probe=noroute" ;;
    *) echo "probe=failed" ;;
  esac
fi
echo "detail=$(printf '%s' "$out" | tr '\n' ' ')"
)SH");
}

Discovery::PortProbe Discovery::parsePortProbe(const QByteArray &report)
{
    PortProbe probe;
    for (const QByteArray &raw : report.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(QLatin1String("detail="))) {
            probe.detail = line.mid(7).trimmed();
            continue;
        }
        static const QList<std::pair<QString, PortProbe::Outcome>> outcomes{
            {QStringLiteral("probe=open"), PortProbe::Outcome::Open},
            {QStringLiteral("probe=refused"), PortProbe::Outcome::Refused},
            {QStringLiteral("probe=timeout"), PortProbe::Outcome::TimedOut},
            {QStringLiteral("probe=noroute"), PortProbe::Outcome::NoRoute},
            {QStringLiteral("probe=failed"), PortProbe::Outcome::Failed},
            {QStringLiteral("probe=unknown"), PortProbe::Outcome::Unknown}};
        for (const auto &[text, outcome] : outcomes) {
            if (line == text)
                probe.outcome = outcome;
        }
    }
    return probe;
}

Result<Discovery::PortProbe> Discovery::probePort(Host &from, const QString &address, int port)
{
    RunOptions options;
    options.timeoutMs = 30000;
    auto ran = from.run(CommandLine::shell(portProbeScript(), {address, QString::number(port)}), options);
    if (!ran)
        return ran.error();
    return parsePortProbe(ran->stdOut);
}

Result<QString> Discovery::standbyReachesPrimary(Host &primaryHost, Host &standbyHost, const QString &address, int port)
{
    auto fromStandby = probePort(standbyHost, address, port);
    if (!fromStandby)
        return fromStandby.error();
    PortProbe primarySelf;
    if (fromStandby->outcome == PortProbe::Outcome::Refused) {
        // Refused: nothing listens there yet, or a firewall rejects. The primary's own connect tells which.
        if (auto self = probePort(primaryHost, address, port))
            primarySelf = *self;
    }
    return judgeReachability(*fromStandby, primarySelf, address, port);
}

Result<QString> Discovery::judgeReachability(const PortProbe &fromStandby, const PortProbe &primarySelf,
                                             const QString &address, int port)
{
    using Outcome = PortProbe::Outcome;
    const QString where = QStringLiteral("%1:%2").arg(address).arg(port);
    switch (fromStandby.outcome) {
    case Outcome::Open:
        return QString();
    case Outcome::TimedOut:
    case Outcome::NoRoute:
        return makeError(
            tr("The standby cannot reach the primary at %1 (%2), so nothing was changed. Check that a firewall on the "
               "primary "
               "or between the hosts lets TCP port %3 in from the standby, and that %4 is the primary's address as the "
               "standby sees it (--primary-address).")
                .arg(where, fromStandby.outcome == Outcome::TimedOut ? tr("no answer within 5 s") : tr("no route"))
                .arg(port)
                .arg(address),
            fromStandby.detail);
    case Outcome::Failed:
        return makeError(tr("The standby could not connect to %1, so nothing was changed. Check the primary's address "
                            "as the standby "
                            "sees it (--primary-address).")
                             .arg(where),
                         fromStandby.detail);
    case Outcome::Refused:
        if (primarySelf.outcome == Outcome::Open) {
            return makeError(
                tr("The primary listens on %1, but the standby's connection to it is rejected, so nothing was changed. "
                   "Check the firewall on the primary: it must let TCP port %2 in from the standby.")
                    .arg(where)
                    .arg(port),
                fromStandby.detail);
        }
        return tr("The standby reaches the primary's host, but nothing listens on %1 yet (the plan sets "
                  "listen_addresses); "
                  "that the port is open to the standby is known only once the primary listens. A firewall that "
                  "rejects it "
                  "would stop the copy step.")
            .arg(where);
    case Outcome::Unknown:
        break;
    }
    return tr("Could not test from the standby whether it reaches the primary at %1 (no bash or timeout there).")
        .arg(where);
}
