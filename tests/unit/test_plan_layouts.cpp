// Plans for PostgreSQL installed outside the distribution's packages: a
// source build in /usr/local/pgsql/bin, a directory the user named, a plain
// initdb cluster found by its data directory. The cluster is made and run
// with the major's own initdb and pg_ctl, in Debian's usual place, under a
// service unit of ours where systemd runs; the distribution's own majors
// keep pg_createcluster and pg_ctlcluster.
#include "core/plan/discovery.h"
#include "core/plan/setup_plan.h"
#include "core/plan/steps/service_unit_step.h"
#include "fixtures.h"

#include <QtTest/QTest>

namespace {

const PgVersion eleven(11);

// Debian's own 15 (with its clients), and a source build of 11 without them.
HostFacts debianHost(const QString &address, bool systemd)
{
    return Fixtures::debianHostWithSourceBuild(eleven, address, systemd);
}

PlanChoices choicesFor(const PgVersion &version)
{
    PlanChoices choices;
    choices.primary = *HostTarget::parse(QStringLiteral("root@198.18.0.2"));
    choices.standby = *HostTarget::parse(QStringLiteral("root@198.18.0.3"));
    choices.version = version;
    return choices;
}

QStringList commandsOf(const SetupPlan &plan, const QString &stepId)
{
    QStringList lines;
    for (const PlannedCommand &command : plan.step(plan.indexOf(stepId)).commands())
        lines << command.command.toShellString();
    return lines;
}

bool hasStep(const SetupPlan &plan, const QString &id)
{
    return plan.indexOf(id) >= 0;
}

} // namespace

class TestPlanLayouts : public QObject
{
    Q_OBJECT

private slots:
    void controlByWhereTheMajorIs_data();
    void controlByWhereTheMajorIs();
    void sourceBuildWithoutSystemd();
    void sourceBuildUnderSystemd();
    void runningPlainClusterKeepsPgCtl();
    void namedDirectoryMustHoldTheMajor_data();
    void namedDirectoryMustHoldTheMajor();
    void reportSaysWhereEachCameFrom();
    void exportedScriptLeavesAliasesToSsh();
};

void TestPlanLayouts::controlByWhereTheMajorIs_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("binDir");
    QTest::addColumn<bool>("systemd");
    QTest::addColumn<int>("control");
    QTest::addColumn<QString>("dataDir");
    using C = ClusterLayout::Control;
    const int debian = int(HostFacts::OsFamily::Debian), rhel = int(HostFacts::OsFamily::Rhel),
              other = int(HostFacts::OsFamily::Other);
    QTest::newRow("Debian's package") << debian << "/usr/lib/postgresql/11/bin" << true << int(C::DebianCluster)
                                      << "/var/lib/postgresql/11/main";
    QTest::newRow("source build on Debian")
        << debian << "/usr/local/pgsql/bin" << false << int(C::PgCtl) << "/var/lib/postgresql/11/main";
    QTest::newRow("vendor tree on Debian, systemd")
        << debian << "/opt/PostgreSQL/11/bin" << true << int(C::ServiceUnit) << "/var/lib/postgresql/11/main";
    QTest::newRow("PGDG package") << rhel << "/usr/pgsql-11/bin" << true << int(C::RhelService)
                                  << "/var/lib/pgsql/11/data";
    QTest::newRow("source build on RHEL")
        << rhel << "/usr/local/pgsql/bin" << true << int(C::ServiceUnit) << "/var/lib/pgsql/11/data";
    QTest::newRow("no postgresql-common")
        << other << "/usr/lib/postgresql/11/bin" << false << int(C::PgCtl) << "/var/lib/postgresql/11/main";
}

void TestPlanLayouts::controlByWhereTheMajorIs()
{
    QFETCH(int, family);
    QFETCH(QString, binDir);
    QFETCH(bool, systemd);
    QFETCH(int, control);
    QFETCH(QString, dataDir);
    HostFacts facts = debianHost(QStringLiteral("198.18.0.2"), systemd);
    facts.family = HostFacts::OsFamily(family);
    facts.postgresHome = facts.family == HostFacts::OsFamily::Rhel ? QStringLiteral("/var/lib/pgsql")
                                                                   : QStringLiteral("/var/lib/postgresql");
    facts.installations = {{eleven, binDir, true, PgInstallation::Origin::Local}};
    const ClusterLayout layout(facts, eleven, QStringLiteral("main"), 5432, {});
    QCOMPARE(int(layout.control()), control);
    QCOMPARE(layout.dataDir(), dataDir);
    QCOMPARE(layout.serverProgram(QStringLiteral("initdb")), binDir + QStringLiteral("/initdb"));
    QVERIFY(!layout.howStarted().isEmpty());
    // Only a cluster of initdb and pg_ctl gets a unit of ours, and only where systemd runs.
    const bool ownUnit = control == int(ClusterLayout::Control::ServiceUnit);
    QCOMPARE(!layout.serviceUnitName().isEmpty(), ownUnit);
}

void TestPlanLayouts::sourceBuildWithoutSystemd()
{
    auto plan = SetupPlan::build(choicesFor(eleven), debianHost(QStringLiteral("198.18.0.2"), false),
                                 debianHost(QStringLiteral("198.18.0.3"), false));
    QVERIFY2(plan, plan ? "" : qPrintable(plan.error().fullText()));
    const QString text = plan->toText();
    QVERIFY2(!text.contains(QLatin1String("pg_createcluster")) && !text.contains(QLatin1String("pg_ctlcluster")),
             qPrintable(text));
    QVERIFY(!hasStep(*plan, QStringLiteral("service-unit")));
    // initdb between the setup's marker and its removal: a run cut short in between leaves the marker.
    const QStringList cluster = commandsOf(*plan, QStringLiteral("primary-cluster"));
    QVERIFY2(
        cluster.size() == 3 && cluster.value(0).contains(QLatin1String("main.replica-studio-creating")) &&
            cluster.value(1).startsWith(QLatin1String("/usr/local/pgsql/bin/initdb -D /var/lib/postgresql/11/main")) &&
            cluster.value(2) == QLatin1String("rm -f /var/lib/postgresql/11/main.replica-studio-creating"),
        qPrintable(cluster.join(QLatin1Char('\n'))));
    // Its first start comes once its settings are written.
    const QStringList start = commandsOf(*plan, QStringLiteral("primary-restart"));
    QVERIFY2(start.value(0).contains(
                 QLatin1String("/usr/local/pgsql/bin/pg_ctl -D /var/lib/postgresql/11/main -w -l "
                               "/var/log/postgresql/postgresql-11-main.log -o '-p 5432 -k /var/run/postgresql'")),
             qPrintable(start.join(QLatin1Char('\n'))));
    // The files are in the data directory; psql and pg_basebackup come from Debian's 15, which talks to 11.
    QCOMPARE(plan->cluster(HostRole::Primary).configFile(),
             QStringLiteral("/var/lib/postgresql/11/main/postgresql.conf"));
    QCOMPARE(plan->cluster(HostRole::Primary).clientProgram(QStringLiteral("psql")),
             QStringLiteral("/usr/lib/postgresql/15/bin/psql"));
    QVERIFY(hasStep(*plan, QStringLiteral("standby-clone")));
    QVERIFY2(text.contains(QLatin1String("does not start by itself after a reboot")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("/usr/local/pgsql/bin (a source build or vendor installation)")),
             qPrintable(text));
}

void TestPlanLayouts::sourceBuildUnderSystemd()
{
    auto plan = SetupPlan::build(choicesFor(eleven), debianHost(QStringLiteral("198.18.0.2"), true),
                                 debianHost(QStringLiteral("198.18.0.3"), true));
    QVERIFY2(plan, plan ? "" : qPrintable(plan.error().fullText()));
    QVERIFY(hasStep(*plan, QStringLiteral("service-unit")));
    // Before the cluster is made, so that systemd starts it from the first start on.
    QVERIFY(plan->indexOf(QStringLiteral("service-unit")) < plan->indexOf(QStringLiteral("primary-cluster")));
    const SetupStep &units = plan->step(plan->indexOf(QStringLiteral("service-unit")));
    QCOMPARE(units.edits().size(), 2);
    for (const FileEdit &edit : units.edits()) {
        QCOMPARE(edit.path, QStringLiteral("/etc/systemd/system/postgresql-11-main.service"));
        QCOMPARE(edit.kind, FileEdit::Kind::ServiceUnit);
        QVERIFY(edit.editable());
        QVERIFY2(edit.after.contains("ExecStart=/usr/local/pgsql/bin/pg_ctl start -D /var/lib/postgresql/11/main"),
                 edit.after.constData());
        QVERIFY(edit.after.contains("User=postgres"));
    }
    QCOMPARE(commandsOf(*plan, QStringLiteral("primary-restart")).value(0),
             QStringLiteral("systemctl start postgresql-11-main.service"));
    QCOMPARE(plan->cluster(HostRole::Standby).restart().command.toShellString(),
             QStringLiteral("systemctl restart postgresql-11-main.service"));

    // The unit is the user's to edit, but it must still run this cluster.
    SetupPlan edited = std::move(*plan);
    const int index = edited.indexOf(QStringLiteral("service-unit"));
    QVERIFY(!edited.editFile(QStringLiteral("service-unit"), 0, "[Service]\nExecStart=/bin/true\n"));
    QByteArray mine = edited.step(index).edits().at(0).after;
    mine.replace("TimeoutSec=300", "TimeoutSec=600");
    QVERIFY(edited.editFile(QStringLiteral("service-unit"), 0, mine));
    QVERIFY(edited.toText().contains(QLatin1String("+TimeoutSec=600")));
}

void TestPlanLayouts::runningPlainClusterKeepsPgCtl()
{
    HostFacts primary = debianHost(QStringLiteral("198.18.0.2"), true);
    ClusterInfo running;
    running.version = eleven;
    running.dataDir = QStringLiteral("/var/lib/postgresql/11/main");
    running.confDir = running.dataDir;
    running.port = 5432;
    running.running = true;
    running.socketDir = QStringLiteral("/var/run/postgresql");
    primary.clusters.append(running);
    auto plan = SetupPlan::build(choicesFor(eleven), primary, debianHost(QStringLiteral("198.18.0.3"), true));
    QVERIFY2(plan, plan ? "" : qPrintable(plan.error().fullText()));
    const ClusterLayout &layout = plan->cluster(HostRole::Primary);
    QVERIFY(layout.existed());
    // Started by hand: restarted the same way, never through a unit that did not start it.
    QCOMPARE(layout.control(), ClusterLayout::Control::PgCtl);
    QVERIFY(layout.restart().command.toShellString().startsWith(QLatin1String("/usr/local/pgsql/bin/pg_ctl")));
    QCOMPARE(layout.serviceUnitName(), QStringLiteral("postgresql-11-main.service"));
    QVERIFY(hasStep(*plan, QStringLiteral("service-unit")));
    QVERIFY(commandsOf(*plan, QStringLiteral("primary-cluster")).isEmpty());
}

void TestPlanLayouts::namedDirectoryMustHoldTheMajor_data()
{
    QTest::addColumn<QString>("named");
    QTest::addColumn<int>("major");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("message");
    QTest::newRow("holds 11") << "/srv/pg11/bin" << 11 << true << "";
    QTest::newRow("holds another major") << "/srv/pg11/bin" << 15 << false
                                         << "holds PostgreSQL 11, and the plan is for 15";
    QTest::newRow("holds nothing") << "/srv/empty" << 11 << false << "There is no postgres program in /srv/empty";
}

void TestPlanLayouts::namedDirectoryMustHoldTheMajor()
{
    QFETCH(QString, named);
    QFETCH(int, major);
    QFETCH(bool, accepted);
    QFETCH(QString, message);
    HostFacts primary = debianHost(QStringLiteral("198.18.0.2"), false);
    // What discovery reports for a named directory: first, and marked as named.
    if (named == QLatin1String("/srv/pg11/bin"))
        primary.installations.prepend({eleven, named, false, PgInstallation::Origin::Named});
    PlanChoices choices = choicesFor(PgVersion(major));
    choices.primaryPgBin = named;
    auto plan = SetupPlan::build(choices, primary, debianHost(QStringLiteral("198.18.0.3"), false));
    QCOMPARE(bool(plan), accepted);
    if (accepted)
        QCOMPARE(plan->cluster(HostRole::Primary).serverProgram(QStringLiteral("pg_ctl")),
                 named + QStringLiteral("/pg_ctl"));
    else
        QVERIFY2(plan.error().message.contains(message), qPrintable(plan.error().message));
}

void TestPlanLayouts::reportSaysWhereEachCameFrom()
{
    const QByteArray report =
        "os_id=debian\nclusters_json=[]\n"
        "bin=/srv/pg11/bin|no|postgres (PostgreSQL) 11.22|named|/srv/pg11/bin/postgres\n"
        "bin=/usr/lib/postgresql/15/bin|yes|postgres (PostgreSQL) "
        "15.8|distribution|/usr/lib/postgresql/15/bin/postgres\n"
        // The same program again, through a link on the PATH: one installation.
        "bin=/usr/local/bin|no|postgres (PostgreSQL) 11.22|path|/srv/pg11/bin/postgres\n"
        "bin=/opt/PostgreSQL/17/bin|no|postgres (PostgreSQL) 17.6|local|/opt/PostgreSQL/17/bin/postgres\n"
        "cluster=11|/var/lib/postgresql/11/main|5433|no||yes\n"
        "systemd=yes\n";
    const HostFacts facts = Discovery::parseReport(report);
    QCOMPARE(facts.installations.size(), 3);
    QCOMPARE(facts.installations.at(0).origin, PgInstallation::Origin::Named);
    QCOMPARE(facts.installations.at(2).origin, PgInstallation::Origin::Local);
    QCOMPARE(facts.installation(eleven)->binDir, QStringLiteral("/srv/pg11/bin"));
    QVERIFY(facts.systemd);
    QCOMPARE(facts.clusters.size(), 1);
    QVERIFY(facts.clusters.first().serviceUnit);
    QCOMPARE(facts.clusters.first().port, 5433);
    // Saved with a plan and read back.
    const HostFacts again = HostFacts::fromJson(facts.toJson());
    QCOMPARE(again.installations.at(0).origin, PgInstallation::Origin::Named);
    QVERIFY(again.systemd && again.clusters.first().serviceUnit);
}

// The exported script reaches the hosts as written: an alias's User and Port stay the SSH config's.
void TestPlanLayouts::exportedScriptLeavesAliasesToSsh()
{
    PlanChoices choices = choicesFor(eleven);
    choices.primary = *HostTarget::parse(QStringLiteral("db1"));
    choices.standby = *HostTarget::parse(QStringLiteral("postgres@db2:2222"));
    choices.primaryAddress = QStringLiteral("198.18.0.2");
    auto plan = SetupPlan::build(choices, debianHost(QStringLiteral("198.18.0.2"), false),
                                 debianHost(QStringLiteral("198.18.0.3"), false));
    QVERIFY2(plan, plan ? "" : qPrintable(plan.error().fullText()));
    const QString script = plan->toShellScript();
    QVERIFY2(script.contains(QLatin1String("on_primary() { ssh db1 \"$@\"; }")), qPrintable(script.left(600)));
    QVERIFY2(script.contains(QLatin1String("on_standby() { ssh -p 2222 postgres@db2 \"$@\"; }")),
             qPrintable(script.left(600)));
}

QTEST_GUILESS_MAIN(TestPlanLayouts)
#include "test_plan_layouts.moc"
