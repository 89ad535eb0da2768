// Dry-run plans for every major the walkthrough and the DBAs use, rendered
// as `replicactl setup --dry-run` prints them and compared with golden files
// (tests/fixtures/plan/dry-run-<major>.txt; REPLICA_UPDATE_GOLDEN=1 rewrites
// them), and the facts of ../shared/pg-versions.md checked one by one.
#include "core/plan/setup_plan.h"
#include "core/plan/steps/standby_clone_step.h"
#include "core/plan/steps/standby_recovery_step.h"
#include "fixtures.h"

#include <QFile>
#include <QtTest/QTest>

namespace {

PlanChoices choicesFor(const PgVersion &version, bool synchronous)
{
    PlanChoices choices;
    choices.primary = *HostTarget::parse(QStringLiteral("root@198.18.0.2"));
    choices.standby = *HostTarget::parse(QStringLiteral("root@198.18.0.3"));
    choices.version = version;
    choices.synchronous = synchronous;
    choices.demoData = true;
    return choices;
}

QString stepIds(const SetupPlan &plan)
{
    QStringList ids;
    for (int i = 0; i < plan.stepCount(); ++i)
        ids.append(plan.step(i).id());
    return ids.join(QLatin1Char(','));
}

} // namespace

class TestPlanDryRun : public QObject
{
    Q_OBJECT

private slots:
    void golden_data();
    void golden();
    void versionFacts_data();
    void versionFacts();
    void existingPrimaryShowsRealDiffs();
    void mismatchedMajorsRefused_data();
    void mismatchedMajorsRefused();
    void olderBasebackupMeansBackupClone();
    void rhelSetupScript_data();
    void rhelSetupScript();
    void secondStandbyKeepsTheFirst_data();
    void secondStandbyKeepsTheFirst();
    void asyncTakesTheStandbyOut_data();
    void asyncTakesTheStandbyOut();
    void standbyDataDirectoryInThePlan_data();
    void standbyDataDirectoryInThePlan();
    void createdPrimaryStartsOnceWithItsSettings_data();
    void createdPrimaryStartsOnceWithItsSettings();
};

void TestPlanDryRun::golden_data()
{
    QTest::addColumn<QString>("major");
    for (const char *major : {"9.3", "9.6", "10", "11", "12", "13", "16", "17", "18"})
        QTest::newRow(major) << QString::fromLatin1(major);
}

void TestPlanDryRun::golden()
{
    QFETCH(QString, major);
    const PgVersion version = *PgVersion::parse(major);
    auto plan = SetupPlan::build(choicesFor(version, true), Fixtures::debianHost(version, QStringLiteral("198.18.0.2")),
                                 Fixtures::debianHost(version, QStringLiteral("198.18.0.3")));
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().fullText()));
    const QString text = plan->toText();
    const QString golden = QStringLiteral("plan/dry-run-%1.txt").arg(major);
    if (qEnvironmentVariableIsSet("REPLICA_UPDATE_GOLDEN")) {
        QFile file(Fixtures::path(golden));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text.toUtf8());
    }
    QCOMPARE(text, QString::fromUtf8(Fixtures::read(golden)));
}

void TestPlanDryRun::versionFacts_data()
{
    QTest::addColumn<QString>("major");
    QTest::addColumn<QString>("walLevel");
    QTest::addColumn<QString>("walKeep");
    QTest::addColumn<bool>("recoveryConf");
    QTest::addColumn<bool>("slotFlag");
    QTest::addColumn<QString>("syncNames");
    QTest::addColumn<bool>("slotCap");
    QTest::addColumn<bool>("passfileOption");

    // From ../shared/pg-versions.md.
    QTest::newRow("9.3") << "9.3"
                         << "hot_standby"
                         << "wal_keep_segments = 64" << true << false << "standby_198_18_0_3" << false << false;
    QTest::newRow("9.6") << "9.6"
                         << "replica"
                         << "wal_keep_segments = 64" << true << true << "standby_198_18_0_3" << false << false;
    QTest::newRow("10") << "10"
                        << "replica"
                        << "wal_keep_segments = 64" << true << true << "standby_198_18_0_3" << false << true;
    QTest::newRow("11") << "11"
                        << "replica"
                        << "wal_keep_segments = 64" << true << true << "standby_198_18_0_3" << false << true;
    QTest::newRow("12") << "12"
                        << "replica"
                        << "wal_keep_segments = 64" << false << true << "standby_198_18_0_3" << false << true;
    QTest::newRow("13") << "13"
                        << "replica"
                        << "wal_keep_size = 1024MB" << false << true << "standby_198_18_0_3" << true << true;
    QTest::newRow("16") << "16"
                        << "replica"
                        << "wal_keep_size = 1024MB" << false << true << "standby_198_18_0_3" << true << true;
    QTest::newRow("17") << "17"
                        << "replica"
                        << "wal_keep_size = 1024MB" << false << true << "standby_198_18_0_3" << true << true;
    QTest::newRow("18") << "18"
                        << "replica"
                        << "wal_keep_size = 1024MB" << false << true << "standby_198_18_0_3" << true << true;
}

void TestPlanDryRun::versionFacts()
{
    QFETCH(QString, major);
    QFETCH(QString, walLevel);
    QFETCH(QString, walKeep);
    QFETCH(bool, recoveryConf);
    QFETCH(bool, slotFlag);
    QFETCH(QString, syncNames);
    QFETCH(bool, slotCap);
    QFETCH(bool, passfileOption);
    const PgVersion version = *PgVersion::parse(major);
    auto plan = SetupPlan::build(choicesFor(version, true), Fixtures::debianHost(version, QStringLiteral("198.18.0.2")),
                                 Fixtures::debianHost(version, QStringLiteral("198.18.0.3")));
    QVERIFY(plan.ok());
    const QString text = plan->toText();

    QVERIFY2(text.contains(QStringLiteral("+wal_level = ") + walLevel), qPrintable(major));
    QVERIFY(text.contains(QLatin1Char('+') + walKeep));
    QCOMPARE(text.contains(QStringLiteral("max_slot_wal_keep_size")), slotCap);
    QCOMPARE(text.contains(QStringLiteral("/recovery.conf")), recoveryConf);
    QCOMPARE(text.contains(QStringLiteral("+standby_mode = 'on'")), recoveryConf);
    QCOMPARE(text.contains(QStringLiteral("/standby.signal: created empty")), !recoveryConf);
    QVERIFY(text.contains(QStringLiteral("+synchronous_standby_names = '%1'").arg(syncNames)));

    // pg_basebackup: written primary_conninfo (never -R), fast checkpoint, WAL streamed, the slot from 9.6.
    auto *clone = dynamic_cast<StandbyCloneStep *>(plan->step(QStringLiteral("standby-clone")));
    QVERIFY(clone);
    const QStringList flags = clone->basebackup().arguments();
    QVERIFY(!flags.contains(QStringLiteral("-R")));
    QVERIFY(flags.contains(QStringLiteral("--checkpoint=fast")));
    QCOMPARE(flags.at(flags.indexOf(QStringLiteral("-X")) + 1), QStringLiteral("stream"));
    QCOMPARE(flags.contains(QStringLiteral("-S")), slotFlag);
    QCOMPARE(plan->step(QStringLiteral("slot")) != nullptr, version.atLeast(9, 4));

    // primary_conninfo names the standby and never carries the password.
    auto *recovery = dynamic_cast<StandbyRecoveryStep *>(plan->step(QStringLiteral("standby-recovery")));
    QVERIFY(recovery);
    const QString conninfo = recovery->primaryConninfo();
    QVERIFY(conninfo.contains(QStringLiteral("application_name=standby_198_18_0_3")));
    QVERIFY(!conninfo.contains(QStringLiteral("password")));
    QCOMPARE(conninfo.contains(QStringLiteral("passfile=")), passfileOption);

    // Synchronous replication comes after the standby streams.
    QVERIFY(stepIds(*plan).indexOf(QStringLiteral("standby-start")) < stepIds(*plan).indexOf(QStringLiteral("sync")));
}

void TestPlanDryRun::existingPrimaryShowsRealDiffs()
{
    const PgVersion version(15);
    HostFacts primary = Fixtures::debianHost(version, QStringLiteral("198.18.0.2"));
    primary.clusters.append({version, QStringLiteral("main"), 5432, QStringLiteral("/var/lib/postgresql/15/main"),
                             QStringLiteral("/etc/postgresql/15/main"), QStringLiteral("/var/run/postgresql"),
                             QStringLiteral("/var/log/postgresql/postgresql-15-main.log"), true});
    PlanFiles files;
    files.primaryConf = Fixtures::read(QStringLiteral("plan/debian-15-postgresql.conf"));
    files.primaryHba = Fixtures::read(QStringLiteral("plan/debian-15-pg_hba.conf"));
    files.primaryConfKnown = files.primaryHbaKnown = true;
    auto plan = SetupPlan::build(choicesFor(version, false), primary,
                                 Fixtures::debianHost(version, QStringLiteral("198.18.0.3")), files);
    QVERIFY(plan.ok());
    QVERIFY(!plan->step(QStringLiteral("sync")));
    const QString text = plan->toText();
    const QString golden = QStringLiteral("plan/dry-run-15-existing-async.txt");
    if (qEnvironmentVariableIsSet("REPLICA_UPDATE_GOLDEN")) {
        QFile file(Fixtures::path(golden));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text.toUtf8());
    }
    QCOMPARE(text, QString::fromUtf8(Fixtures::read(golden)));
    // The commented default line is switched on in place, not appended.
    QVERIFY(text.contains(QStringLiteral("-#wal_level = replica")));
    QVERIFY(text.contains(
                QStringLiteral("+host    replication     replicator      198.18.0.3/32           scram-sha-256")) ||
            text.contains(QStringLiteral("+host replication replicator 198.18.0.3/32 scram-sha-256")));
}

void TestPlanDryRun::createdPrimaryStartsOnceWithItsSettings_data()
{
    QTest::addColumn<bool>("primaryExists");
    QTest::addColumn<bool>("standbyExists");
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("bringUp"); // the primary-restart step's command
    QTest::newRow("both made by the plan")
        << false << false
        << QStringLiteral("standby-cluster,primary-cluster,primary-conf,primary-hba,primary-restart,replication-role,"
                          "monitoring-role")
        << QStringLiteral("pg_ctlcluster 15 main start");
    QTest::newRow("primary there")
        << true << false
        << QStringLiteral("standby-cluster,primary-cluster,replication-role,monitoring-role,primary-conf,primary-hba,"
                          "primary-restart")
        << QStringLiteral("pg_ctlcluster 15 main restart");
    QTest::newRow("standby there")
        << false << true
        << QStringLiteral("primary-cluster,primary-conf,primary-hba,primary-restart,replication-role,monitoring-role")
        << QStringLiteral("pg_ctlcluster 15 main start");
}

// A primary the plan creates is not started until its files hold the replication settings, then
// started (never restarted); the roles are made once it runs. The standby's configuration cluster,
// when it has none, is its own step that runs alongside the primary's.
void TestPlanDryRun::createdPrimaryStartsOnceWithItsSettings()
{
    QFETCH(bool, primaryExists);
    QFETCH(bool, standbyExists);
    QFETCH(QString, order);
    QFETCH(QString, bringUp);
    const PgVersion version(15);
    HostFacts primary = Fixtures::debianHost(version, QStringLiteral("198.18.0.2"));
    HostFacts standby = Fixtures::debianHost(version, QStringLiteral("198.18.0.3"));
    const ClusterInfo cluster{version,
                              QStringLiteral("main"),
                              5432,
                              QStringLiteral("/var/lib/postgresql/15/main"),
                              QStringLiteral("/etc/postgresql/15/main"),
                              QStringLiteral("/var/run/postgresql"),
                              QStringLiteral("/var/log/postgresql/postgresql-15-main.log"),
                              true};
    if (primaryExists)
        primary.clusters.append(cluster);
    if (standbyExists)
        standby.clusters.append(cluster);
    auto plan = SetupPlan::build(choicesFor(version, true), primary, standby);
    QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().fullText()));
    QVERIFY2(stepIds(*plan).startsWith(order), qPrintable(stepIds(*plan)));
    const QList<PlannedCommand> restart = plan->step(QStringLiteral("primary-restart"))->commands();
    QCOMPARE(restart.size(), 1);
    QCOMPARE(restart.first().command.toShellString(), bringUp);
    // The cluster step never starts the primary before its settings are written.
    for (const PlannedCommand &command : plan->step(QStringLiteral("primary-cluster"))->commands())
        QVERIFY2(!command.command.toShellString().contains(QStringLiteral("main start")),
                 qPrintable(command.command.toShellString()));
    if (SetupStep *made = plan->step(QStringLiteral("standby-cluster"))) {
        QVERIFY(made->runsAlongside());
        QCOMPARE(made->hosts(), QList<HostRole>{HostRole::Standby});
    }
}

void TestPlanDryRun::mismatchedMajorsRefused_data()
{
    QTest::addColumn<bool>("install");
    QTest::addColumn<int>("standbyMajor"); // 0: nothing installed
    QTest::addColumn<bool>("standbyCluster");
    QTest::addColumn<bool>("primaryRunsFifteen"); // a running 15 cluster on 5432 beside the planned 16
    QTest::addColumn<QString>("refusal");         // empty: a plan, with an install step when the standby lacks 16
    QTest::newRow("other major installed") << false << 13 << false << false << "same major version";
    QTest::newRow("other major installed, --install") << true << 13 << false << false << "";
    QTest::newRow("other major's cluster, --install") << true << 13 << true << false << "same major version";
    QTest::newRow("nothing installed") << false << 0 << false << false << "--install";
    QTest::newRow("nothing installed, --install") << true << 0 << false << false << "";
    QTest::newRow("primary's port taken by 15") << false << 16 << false << true << "port 5432";
    QTest::newRow("primary's port taken by 15, --install") << true << 16 << false << true << "port 5432";
}

void TestPlanDryRun::mismatchedMajorsRefused()
{
    QFETCH(bool, install);
    QFETCH(int, standbyMajor);
    QFETCH(bool, standbyCluster);
    QFETCH(bool, primaryRunsFifteen);
    QFETCH(QString, refusal);
    const PgVersion version(16);
    PlanChoices choices = choicesFor(version, true);
    choices.installPackages = install;
    HostFacts primary = Fixtures::debianHost(version, QStringLiteral("198.18.0.2"));
    if (primaryRunsFifteen) {
        primary.installations.append({PgVersion(15), QStringLiteral("/usr/lib/postgresql/15/bin"), true});
        primary.clusters.append(
            {PgVersion(15), QStringLiteral("main"), 5432, QStringLiteral("/var/lib/postgresql/15/main"),
             QStringLiteral("/etc/postgresql/15/main"), QStringLiteral("/var/run/postgresql"), QString(), true});
    }
    HostFacts standby =
        Fixtures::debianHost(PgVersion(standbyMajor == 0 ? 16 : standbyMajor), QStringLiteral("198.18.0.3"));
    if (standbyMajor == 0)
        standby.installations.clear();
    if (standbyCluster) {
        standby.clusters.append(
            {PgVersion(standbyMajor), QStringLiteral("main"), 5433, QStringLiteral("/var/lib/postgresql/13/main"),
             QStringLiteral("/etc/postgresql/13/main"), QStringLiteral("/var/run/postgresql"), QString(), false});
    }
    auto plan = SetupPlan::build(choices, primary, standby);
    if (refusal.isEmpty()) {
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().fullText()));
        QCOMPARE(plan->step(QStringLiteral("install-standby")) != nullptr, standbyMajor != 16);
        return;
    }
    QVERIFY(!plan.ok());
    QVERIFY2(plan.error().message.contains(refusal), qPrintable(plan.error().message));
    QVERIFY(plan.error().refused); // replicactl's exit 2, not 1
}

void TestPlanDryRun::secondStandbyKeepsTheFirst_data()
{
    QTest::addColumn<QString>("major");
    QTest::addColumn<QString>("existing");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("syncCount");
    QTest::addColumn<bool>("syncAny");
    QTest::newRow("9.3") << "9.3"
                         << "standby_a"
                         << "synchronous_standby_names = 'standby_a, standby_198_18_0_3'" << 1 << false;
    QTest::newRow("9.6 priority form") << "9.6"
                                       << "1 (standby_a)"
                                       << "synchronous_standby_names = 'standby_a, standby_198_18_0_3'" << 1 << false;
    QTest::newRow("9.6 both") << "9.6"
                              << "standby_a"
                              << "synchronous_standby_names = '2 (standby_a, standby_198_18_0_3)'" << 2 << false;
    QTest::newRow("15 FIRST form") << "15"
                                   << "FIRST 1 (standby_a)"
                                   << "synchronous_standby_names = 'standby_a, standby_198_18_0_3'" << 1 << false;
    QTest::newRow("15 quoted name") << "15"
                                    << "\"Standby A\""
                                    << "synchronous_standby_names = '\"Standby A\", standby_198_18_0_3'" << 1 << false;
    QTest::newRow("15 already named") << "15"
                                      << "standby_198_18_0_3"
                                      << "" << 1 << false;
    QTest::newRow("15 any one") << "15"
                                << "standby_a"
                                << "synchronous_standby_names = 'ANY 1 (standby_a, standby_198_18_0_3)'" << 1 << true;
    QTest::newRow("15 both") << "15"
                             << "FIRST 1 (standby_a)"
                             << "synchronous_standby_names = 'FIRST 2 (standby_a, standby_198_18_0_3)'" << 2 << false;
    QTest::newRow("15 more than named") << "15"
                                        << "standby_a"
                                        << "synchronous_standby_names = 'ANY 2 (standby_a, standby_198_18_0_3)'" << 5
                                        << true;
}

void TestPlanDryRun::secondStandbyKeepsTheFirst()
{
    QFETCH(QString, major);
    QFETCH(QString, existing);
    QFETCH(QString, expected);
    QFETCH(int, syncCount);
    QFETCH(bool, syncAny);
    const PgVersion version = *PgVersion::parse(major);
    HostFacts primary = Fixtures::debianHost(version, QStringLiteral("198.18.0.2"));
    primary.clusters.append(
        {version, QStringLiteral("main"), 5432, QStringLiteral("/var/lib/postgresql/%1/main").arg(major),
         QStringLiteral("/etc/postgresql/%1/main").arg(major), QStringLiteral("/var/run/postgresql"), QString(), true});
    PlanFiles files;
    files.primaryConf =
        "wal_level = hot_standby\nsynchronous_standby_names = '" + existing.toUtf8().replace('\'', "''") + "'\n";
    files.primaryConfKnown = true;
    PlanChoices choices = choicesFor(version, true);
    choices.syncCount = syncCount;
    choices.syncAny = syncAny;
    auto plan = SetupPlan::build(choices, primary, Fixtures::debianHost(version, QStringLiteral("198.18.0.3")), files);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().fullText()));
    const FileEdit edit = plan->step(QStringLiteral("sync"))->edits().first();
    if (expected.isEmpty()) {
        QCOMPARE(edit.after, edit.before);
    } else {
        QVERIFY2(QString::fromUtf8(edit.after).contains(expected), edit.after.constData());
    }
}

void TestPlanDryRun::asyncTakesTheStandbyOut_data()
{
    QTest::addColumn<QString>("major");
    QTest::addColumn<QString>("existing");
    QTest::addColumn<QString>("expected"); // empty: the file stays as it is
    QTest::newRow("only this one") << "15"
                                   << "standby_198_18_0_3"
                                   << "synchronous_standby_names = ''";
    QTest::newRow("first of two") << "15"
                                  << "standby_198_18_0_3, standby_a"
                                  << "synchronous_standby_names = 'standby_a'";
    QTest::newRow("ANY kept") << "15"
                              << "ANY 1 (standby_a, standby_198_18_0_3)"
                              << "synchronous_standby_names = 'ANY 1 (standby_a)'";
    QTest::newRow("FIRST count kept") << "15"
                                      << "FIRST 2 (standby_a, standby_198_18_0_3, standby_b)"
                                      << "synchronous_standby_names = 'FIRST 2 (standby_a, standby_b)'";
    QTest::newRow("count capped") << "15"
                                  << "FIRST 2 (standby_a, standby_198_18_0_3)"
                                  << "synchronous_standby_names = 'standby_a'";
    QTest::newRow("9.6 count") << "9.6"
                               << "2 (standby_a, standby_198_18_0_3, standby_b)"
                               << "synchronous_standby_names = '2 (standby_a, standby_b)'";
    QTest::newRow("not named") << "15"
                               << "standby_a"
                               << "";
    QTest::newRow("not set") << "15"
                             << ""
                             << "";
}

void TestPlanDryRun::asyncTakesTheStandbyOut()
{
    QFETCH(QString, major);
    QFETCH(QString, existing);
    QFETCH(QString, expected);
    const PgVersion version = *PgVersion::parse(major);
    HostFacts primary = Fixtures::debianHost(version, QStringLiteral("198.18.0.2"));
    primary.clusters.append(
        {version, QStringLiteral("main"), 5432, QStringLiteral("/var/lib/postgresql/%1/main").arg(major),
         QStringLiteral("/etc/postgresql/%1/main").arg(major), QStringLiteral("/var/run/postgresql"), QString(), true});
    PlanFiles files;
    files.primaryConf = "wal_level = replica\n";
    if (!existing.isEmpty())
        files.primaryConf += "synchronous_standby_names = '" + existing.toUtf8() + "'\n";
    files.primaryConfKnown = true;
    auto plan = SetupPlan::build(choicesFor(version, false), primary,
                                 Fixtures::debianHost(version, QStringLiteral("198.18.0.3")), files);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().fullText()));
    QVERIFY(!plan->step(QStringLiteral("sync")));
    const SetupStep *async = plan->step(QStringLiteral("async"));
    QVERIFY(async);
    const FileEdit edit = async->edits().first();
    if (expected.isEmpty()) {
        QCOMPARE(edit.after, edit.before);
    } else {
        QVERIFY2(QString::fromUtf8(edit.after).contains(expected), edit.after.constData());
    }
    // A primary made by the plan cannot name the standby yet: no step for it.
    auto fresh =
        SetupPlan::build(choicesFor(version, false), Fixtures::debianHost(version, QStringLiteral("198.18.0.2")),
                         Fixtures::debianHost(version, QStringLiteral("198.18.0.3")));
    QVERIFY(fresh.ok());
    QVERIFY(!fresh->step(QStringLiteral("async")));
}

void TestPlanDryRun::standbyDataDirectoryInThePlan_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("kilobytes");
    QTest::addColumn<QString>("said");
    QTest::newRow("other data")
        << int(DataDirFacts::Kind::Other) << qint64(3 * 1024 * 1024)
        << "it holds 3072 MB that this setup did not make. It is renamed, never deleted, and keeps taking 3072 MB";
    QTest::newRow("the setup's own") << int(DataDirFacts::Kind::Own) << qint64(40000)
                                     << "it holds only what this setup made";
    QTest::newRow("missing") << int(DataDirFacts::Kind::Missing) << qint64(-1) << "does not exist now";
    QTest::newRow("size unknown") << int(DataDirFacts::Kind::Other) << qint64(-1)
                                  << "when it holds data this setup did not make";
}

void TestPlanDryRun::standbyDataDirectoryInThePlan()
{
    QFETCH(int, kind);
    QFETCH(qint64, kilobytes);
    QFETCH(QString, said);
    const PgVersion version(15);
    HostFacts standby = Fixtures::debianHost(version, QStringLiteral("198.18.0.3"));
    standby.clusters.append({version, QStringLiteral("main"), 5432, QStringLiteral("/var/lib/postgresql/15/main"),
                             QStringLiteral("/etc/postgresql/15/main"), QStringLiteral("/var/run/postgresql"),
                             QString(), true});
    PlanFiles files;
    files.standbyDataDir = {DataDirFacts::Kind(kind), kilobytes};
    auto plan = SetupPlan::build(choicesFor(version, true), Fixtures::debianHost(version, QStringLiteral("198.18.0.2")),
                                 standby, files);
    QVERIFY(plan.ok());
    const QString text = plan->toText();
    QVERIFY2(text.contains(said), qPrintable(text));
    // Saved and loaded, the plan says the same.
    auto loaded = SetupPlan::fromJson(plan->toJson());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->toText(), text);
}

void TestPlanDryRun::olderBasebackupMeansBackupClone()
{
    // A 17 server from a build without client tools, Debian's 15 client beside it (the version matrix's hosts).
    const PgVersion version(17);
    HostFacts primary = Fixtures::debianHost(version, QStringLiteral("198.18.0.2"));
    HostFacts standby = Fixtures::debianHost(version, QStringLiteral("198.18.0.3"));
    for (HostFacts *facts : {&primary, &standby}) {
        facts->installations.first().clientTools = false;
        facts->installations.append({PgVersion(15), QStringLiteral("/usr/lib/postgresql/15/bin"), true});
    }
    auto plan = SetupPlan::build(choicesFor(version, true), primary, standby);
    QVERIFY(plan.ok());
    const QString text = plan->toText();
    QVERIFY(text.contains(QStringLiteral("Copy the primary to the standby (low-level backup API)")));
    QVERIFY(!text.contains(QStringLiteral("pg_basebackup -h")));
    QVERIFY(text.contains(QStringLiteral("pg_backup_start")));
    // psql and pg_isready come from the 15 client; the server programs from 17.
    QVERIFY(text.contains(QStringLiteral("/usr/lib/postgresql/15/bin/psql")));
    QVERIFY(text.contains(QStringLiteral("/usr/lib/postgresql/17/bin/postgres -D")));

    // With a 17 client on the standby, pg_basebackup it is.
    standby.installations.first().clientTools = true;
    auto withClient = SetupPlan::build(choicesFor(version, true), primary, standby);
    QVERIFY(withClient.ok());
    QVERIFY(withClient->toText().contains(QStringLiteral("/usr/lib/postgresql/17/bin/pg_basebackup -h")));
}

void TestPlanDryRun::rhelSetupScript_data()
{
    QTest::addColumn<QString>("major");
    QTest::addColumn<QString>("script");
    // PGDG's packages: no dash before 10.
    QTest::newRow("9.3") << "9.3"
                         << "/usr/pgsql-9.3/bin/postgresql93-setup";
    QTest::newRow("9.6") << "9.6"
                         << "/usr/pgsql-9.6/bin/postgresql96-setup";
    QTest::newRow("10") << "10"
                        << "/usr/pgsql-10/bin/postgresql-10-setup";
    QTest::newRow("16") << "16"
                        << "/usr/pgsql-16/bin/postgresql-16-setup";
}

void TestPlanDryRun::rhelSetupScript()
{
    QFETCH(QString, major);
    QFETCH(QString, script);
    HostFacts facts;
    facts.family = HostFacts::OsFamily::Rhel;
    const ClusterLayout layout(facts, *PgVersion::parse(major), QStringLiteral("main"), 5432, QString());
    const QStringList arguments = layout.create(true).command.arguments();
    QVERIFY2(arguments.contains(script), qPrintable(arguments.join(QLatin1Char(' '))));
    QCOMPARE(arguments.last(), QStringLiteral("initdb"));
}

QTEST_GUILESS_MAIN(TestPlanDryRun)
#include "test_plan_dry_run.moc"
