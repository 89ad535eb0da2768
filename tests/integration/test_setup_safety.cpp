// A running server is never taken down by `replicactl setup`, on the suite's
// test hosts (network namespaces with their own sshd, Debian's PostgreSQL
// 15): a pg_hba.conf line PostgreSQL rejects stops the setup before any
// reload or restart; a restart that fails for a reason no check can see puts
// the primary back on its old files; a setting that postgresql.auto.conf or
// an include_dir file keeps at another value is named, or refuses the plan.
// After each refusal the corrected pair is set up by the same command.
#include "child_run.h"
#include "core/plan/setup_plan.h"
#include "test_host_network.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest/QTest>

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

class TestSetupSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rejectedHbaLineStopsBeforeAnyRestart();
    void failedRestartPutsThePrimaryBackOnItsFiles();
    void overridingSettingsAreNamedOrRefused();
    void clusterCutShortIsMadeAgain_data();
    void clusterCutShortIsMadeAgain();

private:
    ChildRun setup(TestHost *primary, TestHost *standby, const QStringList &extra);
    QString sql(TestHost *host, const QString &query, bool *ok = nullptr);
    bool shell(TestHost *host, const QString &script, bool asPostgres = false);
    // sha256 of the cluster's postgresql.conf and pg_hba.conf.
    QByteArray configSums(TestHost *host);

    std::unique_ptr<TestHostNetwork> m_net;
    QList<TestHost *> m_hosts;
};

namespace {
const QString confDir = QStringLiteral("/etc/postgresql/15/main");
}

void TestSetupSafety::initTestCase()
{
    m_net = std::make_unique<TestHostNetwork>();
    if (!m_net->skipReason().isEmpty())
        QSKIP(qPrintable(m_net->skipReason()));
    if (!QFile::exists(QStringLiteral("/usr/lib/postgresql/15/bin/postgres")))
        QSKIP("Debian's postgresql-15 package is needed on this machine.");
    if (!QFile::exists(replicactlProgram()))
        QSKIP("Build the replicactl target first.");
    m_hosts = m_net->create(4);
    QCOMPARE(m_hosts.size(), 4);
}

void TestSetupSafety::cleanupTestCase()
{
    m_net.reset();
}

ChildRun TestSetupSafety::setup(TestHost *primary, TestHost *standby, const QStringList &extra)
{
    return ChildRun::start(
        replicactlProgram(),
        QStringList{QStringLiteral("setup"), QStringLiteral("--primary"), QStringLiteral("root@") + primary->address(),
                    QStringLiteral("--standby"), QStringLiteral("root@") + standby->address(), QStringLiteral("-i"),
                    m_net->clientKeyPath(), QStringLiteral("--known-hosts"), m_net->knownHostsPath()} +
            extra);
}

QString TestSetupSafety::sql(TestHost *host, const QString &query, bool *ok)
{
    RunOptions options{.as = RunAs::Postgres, .stdinData = query.toUtf8()};
    auto ran = host->runInside(
        CommandLine(QStringLiteral("psql"), {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"),
                                             QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1")}),
        options);
    if (ok)
        *ok = ran && ran->succeeded();
    return ran ? QString::fromUtf8(ran->stdOut).trimmed() : ran.error().fullText();
}

bool TestSetupSafety::shell(TestHost *host, const QString &script, bool asPostgres)
{
    RunOptions options{.as = asPostgres ? RunAs::Postgres : RunAs::LoginUser};
    auto ran = host->runInside(CommandLine::shell(script), options);
    if (!ran || !ran->succeeded())
        qWarning("%s: %s", qPrintable(script), ran ? ran->stdErr.constData() : qPrintable(ran.error().fullText()));
    return ran && ran->succeeded();
}

QByteArray TestSetupSafety::configSums(TestHost *host)
{
    auto sums = host->runInside(CommandLine(QStringLiteral("sha256sum"), {confDir + QStringLiteral("/postgresql.conf"),
                                                                          confDir + QStringLiteral("/pg_hba.conf")}));
    return sums && sums->succeeded() ? sums->stdOut : QByteArray("unreadable");
}

void TestSetupSafety::rejectedHbaLineStopsBeforeAnyRestart()
{
    TestHost *primary = m_hosts.at(0);
    TestHost *standby = m_hosts.at(1);
    // A primary that runs fine on its old rules: the reload that met the bad line kept them.
    QVERIFY(
        shell(primary, QStringLiteral("pg_createcluster 15 main --start >/dev/null && "
                                      "echo 'host all all 10.0.0.5/33 md5' >> /etc/postgresql/15/main/pg_hba.conf && "
                                      "pg_ctlcluster 15 main reload")));
    const QString badLine = QString::number(
        QString::fromUtf8(primary
                              ->runInside(CommandLine(QStringLiteral("wc"),
                                                      {QStringLiteral("-l"), confDir + QStringLiteral("/pg_hba.conf")}))
                              ->stdOut)
            .section(QLatin1Char(' '), 0, 0)
            .toInt());
    const QString startedAt = sql(primary, QStringLiteral("SELECT pg_postmaster_start_time()"));
    const QByteArray sumsBefore = configSums(primary);

    const ChildRun refused = setup(primary, standby, {QStringLiteral("--sync"), QStringLiteral("--yes")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(confDir + QStringLiteral("/pg_hba.conf line ") + badLine +
                                  QStringLiteral(": invalid CIDR mask in address \"10.0.0.5/33\"")),
             qPrintable(refused.all()));
    QVERIFY2(refused.err.contains(QStringLiteral("was not reloaded or restarted")), qPrintable(refused.all()));
    // Not restarted, not reloaded onto anything new, nothing written; no standby streams.
    QCOMPARE(sql(primary, QStringLiteral("SELECT pg_postmaster_start_time()")), startedAt);
    QCOMPARE(configSums(primary), sumsBefore);
    QCOMPARE(sql(primary, QStringLiteral("SELECT count(*) FROM pg_stat_replication")), QStringLiteral("0"));

    // The line corrected, the same command ends verified.
    QVERIFY(shell(primary, QStringLiteral("sed -i '/10.0.0.5\\/33/d' /etc/postgresql/15/main/pg_hba.conf")));
    const ChildRun again = setup(primary, standby, {QStringLiteral("--sync"), QStringLiteral("--yes")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.all()));
    QVERIFY(again.out.contains(QStringLiteral("Done: the standby streams and is verified.")));
}

void TestSetupSafety::failedRestartPutsThePrimaryBackOnItsFiles()
{
    TestHost *primary = m_hosts.at(2);
    TestHost *standby = m_hosts.at(3);
    QVERIFY(shell(primary, QStringLiteral("pg_createcluster 15 main --start >/dev/null")));
    const QByteArray sumsBefore = configSums(primary);
    QTemporaryDir dir;
    const QString planPath = dir.filePath(QStringLiteral("plan.json"));
    const ChildRun saved =
        setup(primary, standby,
              {QStringLiteral("--async"), QStringLiteral("--dry-run"), QStringLiteral("--save-plan"), planPath});
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.all()));

    // The user's edit of the planned postgresql.conf: each value is valid, and postgres -C and
    // pg_file_settings accept the file, but the postmaster refuses to start with it
    // (superuser_reserved_connections must be less than max_connections).
    auto plan = SetupPlan::load(planPath);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().fullText()));
    const QByteArray planned = plan->step(QStringLiteral("primary-conf"))->edits().first().after;
    QVERIFY(plan->editFile(QStringLiteral("primary-conf"), 0, planned + "superuser_reserved_connections = 100\n"));
    QVERIFY(plan->save(planPath));

    const ChildRun failed = ChildRun::start(
        replicactlProgram(), {QStringLiteral("apply"), planPath, QStringLiteral("--yes"), QStringLiteral("-i"),
                              m_net->clientKeyPath(), QStringLiteral("--known-hosts"), m_net->knownHostsPath()});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains(QStringLiteral("The restart of the primary failed")), qPrintable(failed.all()));
    QVERIFY2(failed.err.contains(QStringLiteral("were given their previous content back")), qPrintable(failed.all()));
    QVERIFY2(failed.err.contains(QStringLiteral("started again on them and answers queries")),
             qPrintable(failed.all()));
    QVERIFY2(failed.all().contains(QStringLiteral("superuser_reserved_connections")), qPrintable(failed.all()));
    // Up, on exactly the files it had.
    bool ok = false;
    QCOMPARE(sql(primary, QStringLiteral("SELECT 1"), &ok), QStringLiteral("1"));
    QVERIFY(ok);
    QCOMPARE(configSums(primary), sumsBefore);
    QCOMPARE(sql(primary, QStringLiteral("SHOW superuser_reserved_connections")), QStringLiteral("3"));
}

void TestSetupSafety::overridingSettingsAreNamedOrRefused()
{
    TestHost *primary = m_hosts.at(2);
    TestHost *standby = m_hosts.at(3);
    // Debian's postgresql.conf reads conf.d after its own lines: wal_level = minimal there would win.
    QVERIFY(
        shell(primary, QStringLiteral("echo 'wal_level = minimal' > /etc/postgresql/15/main/conf.d/01.conf"), true));
    const ChildRun included = setup(primary, standby, {QStringLiteral("--async"), QStringLiteral("--dry-run")});
    QCOMPARE(included.exitCode, 2);
    QVERIFY2(included.err.contains(QStringLiteral("wal_level is set again in %1/conf.d/01.conf line 1").arg(confDir)),
             qPrintable(included.all()));
    QVERIFY(shell(primary, QStringLiteral("rm /etc/postgresql/15/main/conf.d/01.conf")));

    // ALTER SYSTEM writes postgresql.auto.conf, which PostgreSQL reads last.
    bool ok = false;
    sql(primary, QStringLiteral("ALTER SYSTEM SET wal_level = minimal"), &ok);
    QVERIFY(ok);
    const ChildRun automatic = setup(primary, standby, {QStringLiteral("--async"), QStringLiteral("--dry-run")});
    QCOMPARE(automatic.exitCode, 2);
    QVERIFY2(automatic.err.contains(QStringLiteral("postgresql.auto.conf line")) &&
                 automatic.err.contains(QStringLiteral("ALTER SYSTEM RESET wal_level")),
             qPrintable(automatic.all()));

    // A value replication works with is the DBA's: named, kept, and the pair is set up.
    sql(primary, QStringLiteral("ALTER SYSTEM RESET wal_level; ALTER SYSTEM SET max_slot_wal_keep_size = '5GB'"), &ok);
    QVERIFY(ok);
    const ChildRun noted = setup(primary, standby, {QStringLiteral("--async"), QStringLiteral("--dry-run")});
    QVERIFY2(noted.exitCode == 0, qPrintable(noted.all()));
    QVERIFY2(noted.out.contains(QStringLiteral(
                 "Note: max_slot_wal_keep_size is set again in /var/lib/postgresql/15/main/postgresql.auto.conf line")),
             qPrintable(noted.all()));
    const ChildRun kept = setup(primary, standby, {QStringLiteral("--async"), QStringLiteral("--yes")});
    QVERIFY2(kept.exitCode == 0, qPrintable(kept.all()));
    QCOMPARE(sql(primary, QStringLiteral("SHOW max_slot_wal_keep_size")), QStringLiteral("5GB"));
    QCOMPARE(sql(primary, QStringLiteral("SELECT state FROM pg_stat_replication")), QStringLiteral("streaming"));
}

// A run killed while pg_createcluster was making a cluster left it half made
// (the server cannot start on it) with the setup's marker beside its
// configuration folder: the next run removes that cluster, makes it again,
// and ends verified. On the primary as on the standby.
void TestSetupSafety::clusterCutShortIsMadeAgain_data()
{
    QTest::addColumn<bool>("onPrimary");
    QTest::addColumn<QString>("cutShort");
    const QString withoutHba =
        QStringLiteral("rm /etc/postgresql/15/main/pg_hba.conf /etc/postgresql/15/main/pg_ident.conf");
    // Killed after initdb, before pg_createcluster moved the configuration out of the data
    // directory: discovery must not take the data directory for a plain cluster.
    const QString beforeTheMove = QStringLiteral(
        "cp /etc/postgresql/15/main/postgresql.conf /var/lib/postgresql/15/main/ && rm -r /etc/postgresql/15/main");
    QTest::newRow("standby without pg_hba.conf") << false << withoutHba;
    QTest::newRow("standby, only the data directory") << false << QStringLiteral("rm -r /etc/postgresql/15/main");
    QTest::newRow("primary without pg_hba.conf") << true << withoutHba;
    QTest::newRow("primary, configuration not moved yet") << true << beforeTheMove;
}

void TestSetupSafety::clusterCutShortIsMadeAgain()
{
    QFETCH(bool, onPrimary);
    QFETCH(QString, cutShort);
    const QList<TestHost *> pair = m_net->create(2);
    QCOMPARE(pair.size(), 2);
    TestHost *cut = onPrimary ? pair.at(0) : pair.at(1);
    QVERIFY(shell(cut, QStringLiteral("pg_createcluster 15 main >/dev/null && %1 && "
                                      "touch /etc/postgresql/15/main.replica-studio-creating")
                           .arg(cutShort)));
    const ChildRun run = setup(pair.at(0), pair.at(1), {QStringLiteral("--sync"), QStringLiteral("--yes")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    QVERIFY(run.out.contains(QStringLiteral("Done: the standby streams and is verified.")));
    if (onPrimary)
        QVERIFY2(run.out.contains(QStringLiteral("Create the primary's cluster")), qPrintable(run.out));
    QVERIFY(shell(cut, QStringLiteral("test -f /etc/postgresql/15/main/pg_hba.conf && test ! -e "
                                      "/etc/postgresql/15/main.replica-studio-creating")));
}

QTEST_GUILESS_MAIN(TestSetupSafety)
#include "test_setup_safety.moc"
