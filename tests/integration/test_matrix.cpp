#include "core/host/local_host.h"
#include "core/host/ssh_host.h"
#include "core/plan/backup_clone.h"
#include "core/plan/discovery.h"
#include "core/plan/plan_choices.h"
#include "core/plan/setup_plan.h"
#include "core/sandbox/sandbox.h"
#include "core/version/version_rules.h"

#include "pg_builds.h"
#include "test_host_network.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <map>
#include <memory>

#include <unistd.h>

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

// The live version matrix: every major from 10 to 18 for real, on the
// builds of tests/support/pg-builds.
// - A test host given a major (the build bound at /usr/lib/postgresql/<major>
//   in its private mount view, as Debian installs it) is found by discovery
//   with its version; a plan for two hosts of different majors is refused.
// - BackupClone over SSH between two test hosts (16 to 18, and 15 once): the
//   clone starts as a hot standby and streams.
// - The live pair per major: `replicactl setup --sync --demo-data --yes` on two
//   fresh test hosts (16-18 through the plan's low-level backup clone, as
//   their hosts have no pg_basebackup of that major), and the same major's pair through the sandbox
//   (`replicactl sandbox up --pg-bin`), with the version checks: recovery.conf
//   with standby_mode on 10/11, standby.signal + postgresql.auto.conf from 12,
//   wal_keep_segments up to 12 / wal_keep_size from 13, max_slot_wal_keep_size
//   from 13, a primary_conninfo with only options the standby's major knows.
// - The live pair again outside Debian's packaging, which postgresql-common
//   does not know: 11 as a source build leaves it (/usr/local/pgsql, found),
//   17 in a vendor tree named with --pg-bin. The plan makes and runs the
//   clusters with the build's own initdb and pg_ctl in Debian's usual place,
//   says so, and a second run changes no file.
// A failure names the major, the step and the server's own log lines. The
// time per major is printed at the end.
class TestMatrix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void buildOnTestHostIsDiscovered_data();
    void buildOnTestHostIsDiscovered();
    void mismatchedMajorsRefused();
    void cloneBetweenTestHosts_data();
    void cloneBetweenTestHosts();
    void sandboxPair_data();
    void sandboxPair();
    void setupPair_data();
    void setupPair();

private:
    struct Pair
    {
        std::unique_ptr<TestHostNetwork> net;
        QList<TestHost *> hosts;
    };
    // Where a test host has the major: as Debian installs it (/usr/lib/postgresql/<major>, which
    // postgresql-common manages), as a source build leaves it (/usr/local/pgsql, which it does
    // not), or in a vendor tree only the user knows about (named with --pg-bin).
    enum class Layout { Debian, SourceBuild, NamedTree };
    static QString namedTree(int major) { return QStringLiteral("/srv/vendor-postgresql-%1").arg(major); }
    static TestHostOptions optionsFor(int major, Layout layout = Layout::Debian);
    static std::unique_ptr<SshHost> sshTo(TestHostNetwork &net, TestHost *host);
    static QString inside(TestHost *host, const QString &script, const QStringList &arguments = {},
                          RunAs as = RunAs::Root, bool *ok = nullptr);
    static QString serverLog(TestHost *host, int major);
    // The pair runs on the build's own programs, made without postgresql-common, as the plan said.
    static void checkSourceBuildPair(int major, const QString &binDir, const QList<TestHost *> &hosts,
                                     const QString &output);
    static QString replicactl() { return QStringLiteral(REPLICA_BINARY_DIR "/app/replicactl/replicactl"); }
    static void addMajorRows(int from = 10);
    void addTime(int major, const QString &what, qint64 ms);

    QElapsedTimer m_suite;
    std::map<int, QStringList> m_times;
};

void TestMatrix::initTestCase()
{
    m_suite.start();
    if (::geteuid() != 0)
        QSKIP("The matrix makes test hosts and runs servers as postgres: run the integration tests as root.");
}

void TestMatrix::cleanupTestCase()
{
    QStringList summary;
    for (const auto &[major, times] : m_times)
        summary << QStringLiteral("PostgreSQL %1: %2").arg(major).arg(times.join(QStringLiteral(", ")));
    summary << QStringLiteral("The matrix took %1 s in all.").arg(m_suite.elapsed() / 1000);
    for (const QString &line : summary)
        qInfo("%s", qPrintable(line));
    // ctest shows no output of a test that passed: ./run test prints this file instead.
    if (const QString report = qEnvironmentVariable("REPLICA_MATRIX_REPORT"); !report.isEmpty()) {
        QFile file(report);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(summary.join(QLatin1Char('\n')).toUtf8() + '\n');
    }
}

void TestMatrix::addTime(int major, const QString &what, qint64 ms)
{
    m_times[major] << QStringLiteral("%1 %2 s").arg(what).arg(double(ms) / 1000, 0, 'f', 1);
}

void TestMatrix::addMajorRows(int from)
{
    QTest::addColumn<int>("major");
    for (int major : PgBuilds::majors()) {
        if (major >= from)
            QTest::addRow("%d", major) << major;
    }
}

TestHostOptions TestMatrix::optionsFor(int major, Layout layout)
{
    TestHostOptions options;
    if (layout == Layout::SourceBuild)
        options.extraMounts.append({PgBuilds::build(major).dir, QStringLiteral("/usr/local/pgsql")});
    else if (layout == Layout::NamedTree)
        options.extraMounts.append({PgBuilds::build(major).dir, namedTree(major)});
    // 15 is Debian's own package here; the others come from the builds.
    else if (major != 15)
        options.extraMounts.append(
            {PgBuilds::build(major).debianLayout(), QStringLiteral("/usr/lib/postgresql/%1").arg(major)});
    return options;
}

std::unique_ptr<SshHost> TestMatrix::sshTo(TestHostNetwork &net, TestHost *host)
{
    SshHostConfig config;
    config.host = host->address();
    config.port = host->port();
    config.user = QStringLiteral("root");
    config.identityFiles = {net.clientKeyPath()};
    config.useAgent = false;
    config.knownHostsPath = net.knownHostsPath();
    config.readUserConfig = false;
    return std::make_unique<SshHost>(config);
}

QString TestMatrix::inside(TestHost *host, const QString &script, const QStringList &arguments, RunAs as, bool *ok)
{
    RunOptions options;
    options.as = as;
    options.timeoutMs = 120000;
    auto ran = host->runInside(CommandLine::shell(script, arguments), options);
    if (ok)
        *ok = ran && ran->succeeded();
    if (!ran)
        return ran.error().fullText();
    return QString::fromUtf8(ran->succeeded() ? ran->stdOut : ran->stdOut + ran->stdErr).trimmed();
}

QString TestMatrix::serverLog(TestHost *host, int major)
{
    return QStringLiteral("log of PostgreSQL %1 on %2:\n").arg(major).arg(host->name()) +
           inside(host, QStringLiteral("tail -n 30 /var/log/postgresql/postgresql-$1-main.log 2>&1"),
                  {QString::number(major)});
}

// QTest cuts a failure message short: the whole detail (a command's output,
// the servers' logs) is printed before the check fails.
#define STEP_OK(major, step, condition, detail)                                                                        \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            qWarning().noquote() << QStringLiteral("PostgreSQL %1, step \"%2\" failed:\n%3")                           \
                                        .arg(major)                                                                    \
                                        .arg(QStringLiteral(step), detail);                                            \
        QVERIFY2(                                                                                                      \
            condition,                                                                                                 \
            qPrintable(                                                                                                \
                QStringLiteral("PostgreSQL %1, step \"%2\" (details above)").arg(major).arg(QStringLiteral(step))));   \
    } while (false)

void TestMatrix::buildOnTestHostIsDiscovered_data()
{
    addMajorRows();
}

void TestMatrix::buildOnTestHostIsDiscovered()
{
    QFETCH(int, major);
    const PgBuild build = PgBuilds::build(major);
    if (!build.ok())
        QSKIP(qPrintable(build.skipReason));
    TestHostNetwork net;
    if (!net.skipReason().isEmpty())
        QSKIP(qPrintable(net.skipReason()));
    const auto hosts = net.create(1, optionsFor(major));
    STEP_OK(major, "test host", hosts.size() == 1, QStringLiteral("could not make a test host"));

    // Where a distribution puts it, and it runs there.
    bool ran = false;
    const QString version = inside(hosts.first(), QStringLiteral("/usr/lib/postgresql/$1/bin/postgres --version"),
                                   {QString::number(major)}, RunAs::Postgres, &ran);
    STEP_OK(major, "postgres --version inside the host", ran, version);

    auto ssh = sshTo(net, hosts.first());
    auto facts = Discovery::discover(*ssh);
    STEP_OK(major, "discovery", facts, facts ? QString() : facts.error().fullText());
    const auto found = facts->installation(PgVersion(major));
    STEP_OK(major, "discovery", found.has_value(),
            QStringLiteral("no PostgreSQL %1 among what discovery found (%2)")
                .arg(major)
                .arg(facts->problems.join(QStringLiteral("; "))));
    QCOMPARE(found->binDir, QStringLiteral("/usr/lib/postgresql/%1/bin").arg(major));
    QCOMPARE(found->version.first(), major);
    // The builds have no pg_basebackup: discovery must not count on one.
    QCOMPARE(found->clientTools, major == 15);
}

void TestMatrix::mismatchedMajorsRefused()
{
    const PgBuild sixteen = PgBuilds::build(16), seventeen = PgBuilds::build(17);
    if (!sixteen.ok() || !seventeen.ok())
        QSKIP(qPrintable(sixteen.skipReason + seventeen.skipReason));
    TestHostNetwork net;
    if (!net.skipReason().isEmpty())
        QSKIP(qPrintable(net.skipReason()));
    QList<TestHost *> hosts = net.create(1, optionsFor(16));
    hosts += net.create(1, optionsFor(17));
    QCOMPARE(hosts.size(), 2);
    auto primary = sshTo(net, hosts.at(0));
    auto standby = sshTo(net, hosts.at(1));
    PlanChoices choices;
    choices.version = PgVersion(16);
    choices.primary = HostTarget{QStringLiteral("root"), hosts.at(0)->address(), 22};
    choices.standby = HostTarget{QStringLiteral("root"), hosts.at(1)->address(), 22};
    choices.primaryAddress = hosts.at(0)->address();
    choices.standbyAddress = hosts.at(1)->address();
    auto plan = SetupPlan::prepare(choices, *primary, *standby);
    QVERIFY2(!plan, "a plan for a 16 primary and a standby without 16 was accepted");
    QVERIFY2(plan.error().message.contains(QLatin1String("16")), qPrintable(plan.error().fullText()));
    // And nothing changed on either host: no cluster was made.
    QCOMPARE(inside(hosts.at(0), QStringLiteral("ls /etc/postgresql")), QString());
    QCOMPARE(inside(hosts.at(1), QStringLiteral("ls /etc/postgresql")), QString());
}

void TestMatrix::cloneBetweenTestHosts_data()
{
    addMajorRows(15);
}

void TestMatrix::cloneBetweenTestHosts()
{
    QFETCH(int, major);
    const PgBuild build = PgBuilds::build(major);
    if (!build.ok())
        QSKIP(qPrintable(build.skipReason));
    TestHostNetwork net;
    if (!net.skipReason().isEmpty())
        QSKIP(qPrintable(net.skipReason()));
    QElapsedTimer clock;
    clock.start();
    const auto hosts = net.create(2, optionsFor(major));
    STEP_OK(major, "test hosts", hosts.size() == 2, QStringLiteral("could not make two test hosts"));
    TestHost *primaryHost = hosts.at(0);
    TestHost *standbyHost = hosts.at(1);
    const QString v = QString::number(major);

    // A primary as Debian makes one, open to the standby's address for replication.
    bool ok = false;
    QString out =
        inside(primaryHost,
               QStringLiteral("set -e; pg_createcluster \"$1\" main >/dev/null\n"
                              "echo \"listen_addresses = '*'\" >> /etc/postgresql/$1/main/postgresql.conf\n"
                              "echo \"host replication all $2/32 trust\" >> /etc/postgresql/$1/main/pg_hba.conf\n"
                              "pg_ctlcluster \"$1\" main start\n"
                              "runuser -u postgres -- psql -X -q -c 'CREATE TABLE weather (city text, temp_lo int)' "
                              "-c \"INSERT INTO weather VALUES ('San Francisco', 46)\""),
               {v, standbyHost->address()}, RunAs::Root, &ok);
    STEP_OK(major, "primary cluster", ok, out + QLatin1Char('\n') + serverLog(primaryHost, major));
    // The standby's cluster configuration, its data directory left for the clone.
    out = inside(standbyHost,
                 QStringLiteral("set -e; pg_createcluster \"$1\" main >/dev/null; rm -rf /var/lib/postgresql/$1/main"),
                 {v}, RunAs::Root, &ok);
    STEP_OK(major, "standby cluster", ok, out);

    auto primary = sshTo(net, primaryHost);
    auto standby = sshTo(net, standbyHost);
    CloneOptions options;
    options.version = PgVersion(major);
    options.primaryDataDir = QStringLiteral("/var/lib/postgresql/%1/main").arg(major);
    options.psqlPath = QStringLiteral("/usr/lib/postgresql/%1/bin/psql").arg(major);
    options.standbyDataDir = options.primaryDataDir;
    options.slotName = QStringLiteral("standby1");
    qint64 lastDone = 0, lastTotal = 0;
    auto cloned = BackupClone::run(*primary, *standby, options, [&](qint64 done, qint64 total) {
        lastDone = done;
        lastTotal = total;
    });
    STEP_OK(major, "clone over SSH", cloned,
            (cloned ? QString() : cloned.error().fullText()) + serverLog(primaryHost, major));
    QCOMPARE(lastDone, lastTotal);
    QVERIFY(lastDone > 1000000);

    out = inside(
        standbyHost,
        QStringLiteral(
            "set -e; d=/var/lib/postgresql/$1/main\n"
            "printf \"primary_conninfo = 'host=%s port=5432 user=postgres "
            "application_name=standby1'\\nprimary_slot_name = 'standby1'\\n\" \"$2\" >> $d/postgresql.auto.conf\n"
            "touch $d/standby.signal; chown postgres: $d/standby.signal $d/postgresql.auto.conf\n"
            "pg_ctlcluster \"$1\" main start"),
        {v, primaryHost->address()}, RunAs::Root, &ok);
    STEP_OK(major, "start standby", ok, out + QLatin1Char('\n') + serverLog(standbyHost, major));

    QString state;
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < 60000) {
        state = inside(
            primaryHost,
            QStringLiteral(
                "psql -X -A -t -c \"SELECT state FROM pg_stat_replication WHERE application_name = 'standby1'\""),
            {}, RunAs::Postgres);
        if (state == QLatin1String("streaming"))
            break;
        QTest::qWait(200);
    }
    STEP_OK(major, "streaming", state == QLatin1String("streaming"),
            QStringLiteral("state '%1'\n").arg(state) + serverLog(standbyHost, major));
    (void)inside(primaryHost, QStringLiteral("psql -X -q -c \"INSERT INTO weather VALUES ('Hayward', 37)\""), {},
                 RunAs::Postgres);
    QTRY_COMPARE_WITH_TIMEOUT(
        inside(standbyHost, QStringLiteral("psql -X -A -t -c 'SELECT count(*) FROM weather'"), {}, RunAs::Postgres),
        QStringLiteral("2"), 30000);
    addTime(major, QStringLiteral("clone over SSH"), clock.elapsed());
}

void TestMatrix::sandboxPair_data()
{
    addMajorRows();
}

void TestMatrix::sandboxPair()
{
    QFETCH(int, major);
    const PgBuild build = PgBuilds::build(major);
    if (!build.ok())
        QSKIP(qPrintable(build.skipReason));
    if (!QFileInfo::exists(replicactl()))
        QSKIP("replicactl is not built.");
    QTemporaryDir base;
    QVERIFY(base.isValid());
    QFile::setPermissions(base.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                           QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                           QFileDevice::ExeOther);
    const QString dir = base.filePath(QStringLiteral("sandbox"));
    const VersionRules rules{PgVersion(major)};

    auto replicactlRun = [&](const QStringList &arguments, QString *output) {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(replicactl(), arguments);
        process.closeWriteChannel();
        process.waitForFinished(300000);
        *output = QString::fromUtf8(process.readAll());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    };
    auto down = qScopeGuard([&] {
        QString ignored;
        replicactlRun({QStringLiteral("sandbox"), QStringLiteral("down"), QStringLiteral("--dir"), dir}, &ignored);
    });

    QElapsedTimer clock;
    clock.start();
    QString output;
    int code = replicactlRun({QStringLiteral("sandbox"), QStringLiteral("up"), QStringLiteral("--dir"), dir,
                              QStringLiteral("--pg-bin"), build.binDir()},
                             &output);
    const qint64 upMs = clock.elapsed();
    auto state = Sandbox::loadState(dir);
    auto logs = [&] {
        QString text;
        for (const QString &name : {QStringLiteral("primary"), QStringLiteral("standby")}) {
            QProcess tail;
            tail.start(QStringLiteral("sh"),
                       {QStringLiteral("-c"), QStringLiteral("tail -n 20 \"$1\"/*.log \"$1\"/*/log/* 2>/dev/null"),
                        QStringLiteral("sh"), dir + QLatin1Char('/') + name});
            tail.waitForFinished(10000);
            text += QStringLiteral("\n%1 log:\n").arg(name) + QString::fromUtf8(tail.readAll());
        }
        return text;
    };
    STEP_OK(major, "sandbox up", code == 0, output + logs());
    STEP_OK(major, "sandbox state", state, state ? QString() : state.error().fullText());
    QCOMPARE(state->version.first(), major);

    auto psql = [&](const SandboxServer &server, const QString &sql, bool *ok) {
        QProcess process;
        process.start(PgBuilds::clientBinDir() + QStringLiteral("/psql"),
                      {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-v"),
                       QStringLiteral("VERBOSITY=verbose"), QStringLiteral("-d"), server.connectionString(),
                       QStringLiteral("-c"), sql});
        process.waitForFinished(60000);
        *ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        return QString::fromUtf8(*ok ? process.readAllStandardOutput() : process.readAllStandardError()).trimmed();
    };
    bool ok = false;
    // Verified as the setup's last step verifies: streaming and sync, the row on the standby, a write refused.
    QString rep;
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < 60000) {
        rep = psql(state->primary, QStringLiteral("SELECT state || ' ' || sync_state FROM pg_stat_replication"), &ok);
        if (rep == QLatin1String("streaming sync"))
            break;
        QTest::qWait(200);
    }
    STEP_OK(major, "streaming and sync", rep == QLatin1String("streaming sync"), rep + logs());
    const QString row =
        psql(state->standby(), QStringLiteral("SELECT city FROM weather WHERE city = 'San Francisco'"), &ok);
    STEP_OK(major, "the row on the standby", ok && row == QLatin1String("San Francisco"), row + logs());
    const QString refused =
        psql(state->standby(), QStringLiteral("INSERT INTO weather (city) VALUES ('Oakland')"), &ok);
    STEP_OK(major, "a write on the standby refused", !ok && refused.contains(QLatin1String("25006")), refused);

    // The version's own kind of standby settings.
    const QDir standbyData(state->standby().dataDir);
    auto read = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    QString conninfoText;
    if (rules.usesRecoveryConf()) {
        const QString recovery = read(standbyData.filePath(QStringLiteral("recovery.conf")));
        STEP_OK(major, "recovery.conf",
                recovery.contains(QRegularExpression(QStringLiteral("^standby_mode\\s*=\\s*'?on'?"),
                                                     QRegularExpression::MultilineOption)),
                recovery);
        QVERIFY(!standbyData.exists(QStringLiteral("standby.signal")));
        conninfoText = recovery;
    } else {
        STEP_OK(major, "standby.signal", standbyData.exists(QStringLiteral("standby.signal")),
                standbyData.entryList().join(QLatin1Char(' ')));
        QVERIFY2(!standbyData.exists(QStringLiteral("recovery.conf")), "a recovery.conf would stop the server from 12");
        conninfoText = read(standbyData.filePath(QStringLiteral("postgresql.auto.conf"))) +
                       read(standbyData.filePath(QStringLiteral("postgresql.conf")));
        STEP_OK(major, "primary_conninfo in the settings", conninfoText.contains(QLatin1String("primary_conninfo")),
                conninfoText);
    }
    // The regression: a newer client's options that this major's libpq does not know.
    const QString conninfo = psql(state->standby(), QStringLiteral("SELECT conninfo FROM pg_stat_wal_receiver"), &ok);
    STEP_OK(major, "pg_stat_wal_receiver", ok && !conninfo.isEmpty(), conninfo);
    if (major < 13)
        QVERIFY2(!conninfoText.contains(QLatin1String("channel_binding")), qPrintable(conninfoText));
    if (major < 14)
        QVERIFY2(!conninfoText.contains(QLatin1String("sslsni")), qPrintable(conninfoText));
    if (major < 12)
        QVERIFY2(!conninfoText.contains(QLatin1String("ssl_min_protocol_version")), qPrintable(conninfoText));

    // WAL kept for the standby, in this major's setting.
    const QString keep =
        psql(state->primary,
             QStringLiteral("SELECT name FROM pg_settings WHERE name IN "
                            "('wal_keep_segments', 'wal_keep_size', 'max_slot_wal_keep_size') ORDER BY name"),
             &ok);
    QCOMPARE(keep.split(QLatin1Char('\n')).contains(QLatin1String("wal_keep_segments")), major <= 12);
    QCOMPARE(keep.split(QLatin1Char('\n')).contains(QLatin1String("wal_keep_size")), major >= 13);
    QCOMPARE(keep.split(QLatin1Char('\n')).contains(QLatin1String("max_slot_wal_keep_size")), major >= 13);

    // up again: the running pair is reused, nothing changes.
    const QString autoConf = read(QDir(state->primary.dataDir).filePath(QStringLiteral("postgresql.auto.conf")));
    code = replicactlRun({QStringLiteral("sandbox"), QStringLiteral("up"), QStringLiteral("--dir"), dir,
                          QStringLiteral("--pg-bin"), build.binDir()},
                         &output);
    STEP_OK(major, "sandbox up again", code == 0, output);
    QCOMPARE(read(QDir(state->primary.dataDir).filePath(QStringLiteral("postgresql.auto.conf"))), autoConf);
    addTime(major, QStringLiteral("sandbox up %1 s, whole pair").arg(double(upMs) / 1000, 0, 'f', 1), clock.elapsed());
}

void TestMatrix::setupPair_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("layout");
    for (int major : PgBuilds::majors())
        QTest::addRow("%d", major) << major << int(Layout::Debian);
    // Outside the distribution's packaging: one major of the recovery.conf era found
    // in /usr/local/pgsql, one newer than Debian's own 15 (whose pg_basebackup refuses
    // it: the low-level clone) in a directory named with --pg-bin.
    QTest::addRow("11 from a source build") << 11 << int(Layout::SourceBuild);
    QTest::addRow("17 from a named vendor tree") << 17 << int(Layout::NamedTree);
}

void TestMatrix::checkSourceBuildPair(int major, const QString &binDir, const QList<TestHost *> &hosts,
                                      const QString &output)
{
    const QRegularExpression named(
        QStringLiteral("uses PostgreSQL %1[.0-9]* in %2 \\(").arg(major).arg(QRegularExpression::escape(binDir)));
    STEP_OK(major, "the plan names where PostgreSQL is", output.count(named) == 2, output);
    STEP_OK(major, "the plan says how it is started",
            output.contains(QLatin1String("started with its own pg_ctl as postgres")), output);
    STEP_OK(major, "no postgresql-common",
            !output.contains(QLatin1String("pg_createcluster")) && !output.contains(QLatin1String("pg_ctlcluster")),
            output);
    for (TestHost *host : hosts) {
        bool ok = false;
        const QString program =
            inside(host,
                   QStringLiteral("readlink /proc/$(head -n 1 /var/lib/postgresql/$1/main/postmaster.pid)/exe; "
                                  "test ! -e /etc/postgresql/$1 && echo no-debian-cluster"),
                   {QString::number(major)}, RunAs::Root, &ok);
        STEP_OK(major, "the server is the build's own",
                program.contains(binDir + QStringLiteral("/postgres")) &&
                    program.contains(QLatin1String("no-debian-cluster")),
                program + QLatin1Char('\n') + serverLog(host, major));
    }
}

void TestMatrix::setupPair()
{
    QFETCH(int, major);
    QFETCH(int, layout);
    const bool sourceBuild = Layout(layout) != Layout::Debian;
    const PgBuild build = PgBuilds::build(major);
    if (!build.ok())
        QSKIP(qPrintable(build.skipReason));
    if (!QFileInfo::exists(replicactl()))
        QSKIP("replicactl is not built.");
    TestHostNetwork net;
    if (!net.skipReason().isEmpty())
        QSKIP(qPrintable(net.skipReason()));
    QElapsedTimer clock;
    clock.start();
    const auto hosts = net.create(2, optionsFor(major, Layout(layout)));
    STEP_OK(major, "test hosts", hosts.size() == 2, QStringLiteral("could not make two test hosts"));
    QStringList arguments{QStringLiteral("setup"),
                          QStringLiteral("--primary"),
                          QStringLiteral("root@") + hosts.at(0)->address(),
                          QStringLiteral("--standby"),
                          QStringLiteral("root@") + hosts.at(1)->address(),
                          QStringLiteral("-i"),
                          net.clientKeyPath(),
                          QStringLiteral("--known-hosts"),
                          net.knownHostsPath(),
                          QStringLiteral("--pg-version"),
                          QString::number(major),
                          QStringLiteral("--sync"),
                          QStringLiteral("--demo-data"),
                          QStringLiteral("--yes")};
    const QString binDir = Layout(layout) == Layout::NamedTree ? namedTree(major) + QStringLiteral("/bin")
                                                               : QStringLiteral("/usr/local/pgsql/bin");
    if (Layout(layout) == Layout::NamedTree)
        arguments << QStringLiteral("--pg-bin") << binDir;
    auto setup = [&](QString *output) {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(replicactl(), arguments);
        process.closeWriteChannel();
        // A hang is reported with what it printed so far, not only as the watchdog's stack.
        const bool ended = process.waitForFinished(120000);
        if (!ended)
            process.kill();
        process.waitForFinished();
        *output = QString::fromUtf8(process.readAll());
        if (!ended)
            output->append(QStringLiteral("\n(replicactl setup did not end within 120 s and was killed)"));
        return ended && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    };
    auto logs = [&] { return serverLog(hosts.at(0), major) + QLatin1Char('\n') + serverLog(hosts.at(1), major); };
    const QString checksumScript =
        QStringLiteral("find /etc/postgresql /var/lib/postgresql/$1/main -maxdepth 3 -type f "
                       "\\( -name '*.conf' -o -name '*.signal' \\) -exec sha256sum {} + 2>/dev/null | sort");
    QString output;
    int code = setup(&output);
    STEP_OK(major, "replicactl setup", code == 0, output + logs());
    addTime(major, sourceBuild ? QStringLiteral("replicactl setup (source build)") : QStringLiteral("replicactl setup"),
            clock.elapsed());
    if (sourceBuild)
        checkSourceBuildPair(major, binDir, hosts, output);

    const QString before = inside(hosts.at(0), checksumScript, {QString::number(major)}) +
                           inside(hosts.at(1), checksumScript, {QString::number(major)});
    code = setup(&output);
    STEP_OK(major, "replicactl setup again", code == 0, output + logs());
    const QString after = inside(hosts.at(0), checksumScript, {QString::number(major)}) +
                          inside(hosts.at(1), checksumScript, {QString::number(major)});
    STEP_OK(major, "nothing changes the second time", before == after,
            before + QStringLiteral("\n---\n") + after + QStringLiteral("\n---\n") + output);

    const QString data = QStringLiteral("/var/lib/postgresql/%1/main").arg(major);
    bool ok = false;
    if (major <= 11) {
        const QString recovery =
            inside(hosts.at(1), QStringLiteral("cat \"$1/recovery.conf\""), {data}, RunAs::Root, &ok);
        STEP_OK(major, "recovery.conf", ok && recovery.contains(QLatin1String("standby_mode")), recovery);
        QVERIFY2(!recovery.contains(QLatin1String("channel_binding")), qPrintable(recovery));
    } else {
        const QString files = inside(hosts.at(1), QStringLiteral("ls \"$1\"; cat \"$1/postgresql.auto.conf\""), {data});
        STEP_OK(major, "standby.signal",
                files.contains(QLatin1String("standby.signal")) && !files.contains(QLatin1String("recovery.conf")),
                files);
    }
    const QString conf =
        inside(hosts.at(0),
               QStringLiteral("cat /etc/postgresql/$1/main/postgresql.conf /etc/postgresql/$1/main/conf.d/*.conf "
                              "$2/postgresql.conf $2/postgresql.auto.conf 2>/dev/null"),
               {QString::number(major), data});
    STEP_OK(major, "wal_keep setting",
            conf.contains(major <= 12 ? QLatin1String("wal_keep_segments") : QLatin1String("wal_keep_size")), conf);
    if (major >= 13)
        STEP_OK(major, "max_slot_wal_keep_size", conf.contains(QLatin1String("max_slot_wal_keep_size")), conf);
    addTime(major, sourceBuild ? QStringLiteral("setup twice (source build)") : QStringLiteral("setup twice"),
            clock.elapsed());
}

QTEST_GUILESS_MAIN(TestMatrix)
#include "test_matrix.moc"
