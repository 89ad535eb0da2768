// Discovery of clusters that pg_lsclusters does not list (RHEL's
// /var/lib/pgsql/N/data, a plain initdb directory the user names): the
// discovery script itself run here with sh on a data directory made for the
// test, and its report turned into facts and a cluster layout.
#include "core/plan/cluster_layout.h"
#include "core/plan/discovery.h"
#include "core/plan/setup_plan.h"
#include "fixtures.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <algorithm>

class TestDiscovery : public QObject
{
    Q_OBJECT

private slots:
    void scriptFindsNamedDataDirectory_data();
    void scriptFindsNamedDataDirectory();
    void scriptFindsNamedProgramDirectory();
    void clusterCutShortIsNotACluster();
    void rhelClusterGivesExistingLayout();
    void pgLsclustersListedOnce();
    void rhelPrimaryShowsRealDiff();
    void portProbe();
    void reachabilityJudged_data();
    void reachabilityJudged();
};

namespace {

void write(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QByteArray runScript(const QString &dataDir, const QStringList &more = {})
{
    QProcess sh;
    sh.start(QStringLiteral("sh"),
             QStringList{QStringLiteral("-c"), Discovery::script(), QStringLiteral("sh"), dataDir} + more);
    sh.waitForFinished(30000);
    return sh.readAllStandardOutput();
}

} // namespace

void TestDiscovery::scriptFindsNamedDataDirectory_data()
{
    QTest::addColumn<bool>("running");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("socketDir");
    QTest::newRow("stopped: port from postgresql.conf") << false << 5439 << QString();
    QTest::newRow("running: port and socket from postmaster.pid") << true << 5440 << QStringLiteral("/tmp");
}

void TestDiscovery::scriptFindsNamedDataDirectory()
{
    QFETCH(bool, running);
    QFETCH(int, port);
    QFETCH(QString, socketDir);
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("my data"));
    QVERIFY(QDir().mkpath(dataDir));
    write(dataDir + QStringLiteral("/PG_VERSION"), "15\n");
    write(dataDir + QStringLiteral("/postgresql.conf"),
          "#port = 5432\nport = 5433\n  port = 5439 # the last one wins\n");
    if (running) {
        // A live pid (this test's), as the postmaster writes the file.
        write(dataDir + QStringLiteral("/postmaster.pid"), QByteArray::number(QCoreApplication::applicationPid()) +
                                                               '\n' + dataDir.toUtf8() +
                                                               "\n1700000000\n5440\n/tmp\n*\n 123 456\nready\n");
    }
    const HostFacts facts = Discovery::parseReport(runScript(dataDir));
    std::optional<ClusterInfo> found;
    for (const ClusterInfo &cluster : facts.clusters) {
        if (cluster.dataDir == dataDir)
            found = cluster;
    }
    QVERIFY2(found, qPrintable(QString::fromUtf8(runScript(dataDir))));
    QCOMPARE(found->version, PgVersion(15));
    QCOMPARE(found->port, port);
    QCOMPARE(found->running, running);
    QCOMPARE(found->socketDir, socketDir);
    QCOMPARE(found->confDir, dataDir);
}

// A vendor tree the user names, and a second directory whose postgres is a
// link to the same program: one installation, the named one first.
void TestDiscovery::scriptFindsNamedProgramDirectory()
{
    QTemporaryDir dir;
    const QString bin = dir.filePath(QStringLiteral("pg 13/bin"));
    const QString linked = dir.filePath(QStringLiteral("links"));
    QVERIFY(QDir().mkpath(bin) && QDir().mkpath(linked));
    write(bin + QStringLiteral("/postgres"), "#!/bin/sh\necho 'postgres (PostgreSQL) 13.99'\n");
    QVERIFY(QFile::setPermissions(bin + QStringLiteral("/postgres"),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY(QFile::link(bin + QStringLiteral("/postgres"), linked + QStringLiteral("/postgres")));
    const QByteArray report =
        runScript(QStringLiteral("data:") + dir.filePath(QStringLiteral("none")),
                  {QStringLiteral("bin:") + bin, QStringLiteral("bin:") + linked, QStringLiteral("bin:/nonexistent")});
    const HostFacts facts = Discovery::parseReport(report);
    const auto found = facts.installation(PgVersion(13));
    QVERIFY2(found, report.constData());
    QCOMPARE(found->binDir, bin);
    QCOMPARE(found->origin, PgInstallation::Origin::Named);
    QVERIFY(!found->clientTools);
    int thirteens = 0;
    for (const PgInstallation &installation : facts.installations)
        thirteens += installation.version == PgVersion(13) ? 1 : 0;
    QCOMPARE(thirteens, 1);
    QVERIFY(found->describe().contains(QLatin1String("the directory you named")));
}

// A data directory complete enough to look like a cluster, with the setup's
// marker beside it (a run cut short making it): no cluster, so the plan makes
// it again; the same directory without the marker is one.
void TestDiscovery::clusterCutShortIsNotACluster()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("main"));
    QVERIFY(QDir().mkpath(dataDir));
    write(dataDir + QStringLiteral("/PG_VERSION"), "17\n");
    write(dataDir + QStringLiteral("/postgresql.conf"), "port = 5433\n");
    const QString data = QStringLiteral("data:") + dataDir;
    const auto found = [&dataDir](const HostFacts &facts) {
        return std::any_of(facts.clusters.cbegin(), facts.clusters.cend(),
                           [&dataDir](const ClusterInfo &cluster) { return cluster.dataDir == dataDir; });
    };
    QVERIFY(found(Discovery::parseReport(runScript(data))));

    write(dataDir + QStringLiteral(".replica-studio-creating"), "");
    const QByteArray report = runScript(data);
    QVERIFY2(report.contains("creating=" + dataDir.toUtf8() + '\n'), report.constData());
    QVERIFY2(!found(Discovery::parseReport(report)), report.constData());
    // pg_lsclusters lists a Debian cluster whose configuration folder has the marker: not one either.
    const HostFacts debian = Discovery::parseReport(
        "os_id=debian\nclusters_json=[{\"version\":\"15\",\"cluster\":\"main\",\"port\":5432,"
        "\"pgdata\":\"/var/lib/postgresql/15/main\",\"configdir\":\"/etc/postgresql/15/main\",\"running\":0}]\n"
        "creating=/etc/postgresql/15/main\n");
    QVERIFY(debian.clusters.isEmpty());
}

void TestDiscovery::rhelClusterGivesExistingLayout()
{
    const HostFacts facts = Discovery::parseReport("os_id=rocky\nos_like=rhel centos fedora\npkg=dnf\n"
                                                   "bin=/usr/pgsql-15/bin|yes|postgres (PostgreSQL) 15.4\n"
                                                   "cluster=15|/var/lib/pgsql/15/data|5432|yes|/run/postgresql\n");
    QCOMPARE(facts.family, HostFacts::OsFamily::Rhel);
    QCOMPARE(facts.clusters.size(), 1);
    const ClusterLayout layout(facts, PgVersion(15), QStringLiteral("main"), 5432, QString());
    QVERIFY(layout.existed());
    QVERIFY(layout.wasRunning());
    QCOMPARE(layout.configFile(), QStringLiteral("/var/lib/pgsql/15/data/postgresql.conf"));
    QCOMPARE(layout.socketDir(), QStringLiteral("/run/postgresql"));
}

void TestDiscovery::pgLsclustersListedOnce()
{
    // Debian: a data directory the user names that pg_lsclusters lists too is one cluster, with its /etc config.
    const HostFacts facts = Discovery::parseReport(
        "os_id=debian\npkg=apt-get\nbin=/usr/lib/postgresql/15/bin|yes|postgres (PostgreSQL) 15.4\n"
        "clusters_json=[{\"version\":\"15\",\"cluster\":\"main\",\"port\":5432,\"pgdata\":\"/var/lib/postgresql/15/"
        "main\","
        "\"configdir\":\"/etc/postgresql/15/main\",\"running\":1}]\n"
        "cluster=15|/var/lib/postgresql/15/main|5432|yes|/var/run/postgresql\n"
        "cluster=16|/srv/pg16|5433|no|\n");
    QCOMPARE(facts.family, HostFacts::OsFamily::Debian);
    QCOMPARE(facts.clusters.size(), 2);
    QCOMPARE(facts.clusters.first().confDir, QStringLiteral("/etc/postgresql/15/main"));
    QCOMPARE(facts.clusters.last().dataDir, QStringLiteral("/srv/pg16"));
}

void TestDiscovery::rhelPrimaryShowsRealDiff()
{
    // A running RHEL cluster is used as it is, and its files are shown as they are.
    const QByteArray rhel =
        "os_id=rocky\nos_like=rhel centos fedora\npkg=dnf\nbin=/usr/pgsql-15/bin|yes|postgres (PostgreSQL) 15.4\n";
    const HostFacts primary = Discovery::parseReport(
        rhel + "cluster=15|/var/lib/pgsql/15/data|5432|yes|/run/postgresql\naddress=198.18.0.2\n");
    const HostFacts standby = Discovery::parseReport(rhel + "address=198.18.0.3\n");
    PlanChoices choices;
    choices.primary = *HostTarget::parse(QStringLiteral("root@198.18.0.2"));
    choices.standby = *HostTarget::parse(QStringLiteral("root@198.18.0.3"));
    PlanFiles files;
    files.primaryConf = Fixtures::read(QStringLiteral("plan/debian-15-postgresql.conf"));
    files.primaryHba = Fixtures::read(QStringLiteral("plan/debian-15-pg_hba.conf"));
    files.primaryConfKnown = files.primaryHbaKnown = true;
    auto plan = SetupPlan::build(choices, primary, standby, files);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().fullText()));
    QCOMPARE(plan->choices().version, PgVersion(15));
    QVERIFY(plan->cluster(HostRole::Primary).existed());
    const QString text = plan->toText();
    QVERIFY2(!text.contains(QStringLiteral("postgresql-15-setup")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("[primary] /var/lib/pgsql/15/data/postgresql.conf:\n")));
    QVERIFY(text.contains(QStringLiteral("-#wal_level = replica")));
}

void TestDiscovery::portProbe()
{
    using Outcome = Discovery::PortProbe::Outcome;
    auto probe = [](quint16 port) {
        QProcess sh;
        sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), Discovery::portProbeScript(), QStringLiteral("sh"),
                                        QStringLiteral("127.0.0.1"), QString::number(port)});
        sh.waitForFinished(30000);
        return Discovery::parsePortProbe(sh.readAllStandardOutput());
    };
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const quint16 port = server.serverPort();
    QCOMPARE(int(probe(port).outcome), int(Outcome::Open));
    server.close();
    const Discovery::PortProbe closed = probe(port);
    QCOMPARE(int(closed.outcome), int(Outcome::Refused));
    QVERIFY2(closed.detail.contains(QStringLiteral("refused")), qPrintable(closed.detail));
}

void TestDiscovery::reachabilityJudged_data()
{
    using Outcome = Discovery::PortProbe::Outcome;
    QTest::addColumn<int>("fromStandby");
    QTest::addColumn<int>("primarySelf");
    QTest::addColumn<QString>("error");   // a refusal naming what to check
    QTest::addColumn<QString>("warning"); // else a warning, or nothing
    QTest::newRow("open") << int(Outcome::Open) << int(Outcome::Unknown) << ""
                          << "";
    QTest::newRow("dropped") << int(Outcome::TimedOut) << int(Outcome::Unknown) << "firewall"
                             << "";
    QTest::newRow("no route") << int(Outcome::NoRoute) << int(Outcome::Unknown) << "no route"
                              << "";
    QTest::newRow("rejected while the primary listens")
        << int(Outcome::Refused) << int(Outcome::Open) << "firewall on the primary"
        << "";
    QTest::newRow("nothing listens yet") << int(Outcome::Refused) << int(Outcome::Refused) << ""
                                         << "listen_addresses";
    QTest::newRow("cannot probe") << int(Outcome::Unknown) << int(Outcome::Unknown) << ""
                                  << "Could not test";
}

void TestDiscovery::reachabilityJudged()
{
    QFETCH(int, fromStandby);
    QFETCH(int, primarySelf);
    QFETCH(QString, error);
    QFETCH(QString, warning);
    Discovery::PortProbe standby{Discovery::PortProbe::Outcome(fromStandby), QStringLiteral("detail")};
    Discovery::PortProbe self{Discovery::PortProbe::Outcome(primarySelf), QString()};
    const auto judged = Discovery::judgeReachability(standby, self, QStringLiteral("198.18.0.2"), 5432);
    if (!error.isEmpty()) {
        QVERIFY(!judged.ok());
        QVERIFY2(judged.error().message.contains(error), qPrintable(judged.error().message));
        QVERIFY(judged.error().message.contains(QStringLiteral("198.18.0.2:5432")));
        QVERIFY(judged.error().message.contains(QStringLiteral("nothing was changed")));
        return;
    }
    QVERIFY(judged.ok());
    QVERIFY2(warning.isEmpty() ? judged->isEmpty() : judged->contains(warning), qPrintable(*judged));
}

QTEST_GUILESS_MAIN(TestDiscovery)
#include "test_discovery.moc"
