#include "core/host/local_host.h"
#include "core/sandbox/free_port.h"
#include "core/sandbox/postmaster_pid_file.h"
#include "core/sandbox/sandbox.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <unistd.h>

// The sandbox's saved state (what the GUI reads), its conninfo strings
// (checked by libpq's own parser through psql where it is installed), the
// lock-file reading that tells a running sandbox from a stale one, and free
// port finding. No server needed.
class TestSandboxState : public QObject
{
    Q_OBJECT

private slots:
    void jsonRoundTrip();
    void readsFormat1();
    void loadStateFromFolder();
    void loadStateRefuses_data();
    void loadStateRefuses();
    void connectionString_data();
    void connectionString();
    void connectionStringReadByLibpq();
    void pidFileParse();
    void pidFileAliveness();
    void freePort();
    void defaultDirIgnoresApplicationName();
    void checkInputRefuses_data();
    void checkInputRefuses();
    void checkInputRefusesStandbyOptions_data();
    void checkInputRefusesStandbyOptions();

private:
    static SandboxState sample(const QString &dir);
};

SandboxState TestSandboxState::sample(const QString &dir)
{
    SandboxState state;
    state.dir = dir;
    state.version = PgVersion(15);
    state.binDir = QStringLiteral("/usr/lib/postgresql/15/bin");
    state.clientBinDir = state.binDir;
    state.synchronous = true;
    state.osUser = QStringLiteral("postgres");
    state.replicationUser = QStringLiteral("replicator");
    state.passFile = dir + QStringLiteral("/replicator.pgpass");
    state.created = QDateTime(QDate(2026, 11, 25), QTime(22, 0), Qt::UTC);
    const auto server = [&dir](const QString &name, int port) {
        SandboxServer made;
        made.name = name;
        made.port = port;
        made.dataDir = dir + QLatin1Char('/') + name;
        made.socketDir = dir + QStringLiteral("/run");
        made.superuser = QStringLiteral("postgres");
        made.database = QStringLiteral("mydb");
        return made;
    };
    state.primary = server(QStringLiteral("primary"), 55432);
    for (int i = 1; i <= 3; ++i) {
        SandboxServer standby = server(QStringLiteral("standby%1").arg(i), 55432 + i);
        standby.slotName = standby.name;
        state.standbys.append(standby);
    }
    state.standbys[1].promoted = true;
    state.synchronousStandbyNames = QStringLiteral("FIRST 2 (standby1, standby2, standby3)");
    return state;
}

void TestSandboxState::jsonRoundTrip()
{
    const SandboxState state = sample(QStringLiteral("/tmp/some sandbox"));
    const QJsonObject json = state.toJson();
    QCOMPARE(json.value(QStringLiteral("format")).toInt(), 2);
    QCOMPARE(json.value(QStringLiteral("version")).toString(), QStringLiteral("15"));
    auto back = SandboxState::fromJson(json, state.dir);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().fullText()));
    QCOMPARE(back->version, state.version);
    QCOMPARE(back->binDir, state.binDir);
    QCOMPARE(back->synchronous, true);
    QCOMPARE(back->synchronousStandbyNames, state.synchronousStandbyNames);
    QCOMPARE(back->primary, state.primary);
    QCOMPARE(back->standbys, state.standbys);
    QCOMPARE(back->standbyNames(),
             (QStringList{QStringLiteral("standby1"), QStringLiteral("standby2"), QStringLiteral("standby3")}));
    QCOMPARE(back->standby().name, QStringLiteral("standby1"));
    QCOMPARE(back->standbyNamed(QStringLiteral("standby3"))->port, 55435);
    QVERIFY(!back->standbyNamed(QStringLiteral("standby4")));
    QCOMPARE(back->standbys.at(2).slotName, QStringLiteral("standby3"));
    QCOMPARE(back->passFile, state.passFile);
    QCOMPARE(back->created, state.created);
    QVERIFY(back->anyPromoted());
    QVERIFY(!back->standbys.at(0).promoted);
}

void TestSandboxState::readsFormat1()
{
    // sandbox.json as the first release wrote it: one "standby", its slot
    // and whether it was promoted at the top level.
    const QByteArray format1 = R"({
        "format": 1, "dir": "/old", "version": "15", "binDir": "/usr/lib/postgresql/15/bin",
        "clientBinDir": "/usr/lib/postgresql/15/bin", "basebackupBinDir": "/usr/lib/postgresql/15/bin",
        "synchronous": true, "osUser": "postgres", "replicationUser": "replicator", "slotName": "standby",
        "passFile": "/old/replicator.pgpass", "standbyPromoted": true, "created": "2026-11-25T22:00:00Z",
        "primary": {"name": "primary", "port": 55432, "dataDir": "/old/primary", "socketDir": "/old/run",
                    "superuser": "postgres", "database": "mydb"},
        "standby": {"name": "standby", "port": 55433, "dataDir": "/old/standby", "socketDir": "/old/run",
                    "superuser": "postgres", "database": "mydb"}})";
    auto old = SandboxState::fromJson(QJsonDocument::fromJson(format1).object(), QStringLiteral("/old"));
    QVERIFY2(old.ok(), qPrintable(old.ok() ? QString() : old.error().fullText()));
    QCOMPARE(old->standbys.size(), 1);
    QCOMPARE(old->standby().name, QStringLiteral("standby"));
    QCOMPARE(old->standby().port, 55433);
    QCOMPARE(old->standby().slotName, QStringLiteral("standby"));
    QVERIFY(old->standby().promoted);
    QVERIFY(old->synchronous);
    QVERIFY(old->synchronousStandbyNames.isEmpty()); // the sandbox's own choice: the standby
    // Written again, it is format 2 and reads back the same.
    const QJsonObject again = old->toJson();
    QCOMPARE(again.value(QStringLiteral("format")).toInt(), 2);
    QVERIFY(!again.contains(QStringLiteral("standby")));
    auto back = SandboxState::fromJson(again, QStringLiteral("/old"));
    QVERIFY(back.ok());
    QCOMPARE(back->standbys, old->standbys);
}

void TestSandboxState::loadStateFromFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(SandboxState::stateFilePath(dir.path()));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(sample(QStringLiteral("/elsewhere")).toJson()).toJson());
    file.close();
    auto loaded = Sandbox::loadState(dir.path());
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().fullText()));
    QCOMPARE(loaded->dir, dir.path()); // where it was found
    QCOMPARE(loaded->primary.port, 55432);
    QCOMPARE(loaded->standby().port, 55433);
}

void TestSandboxState::loadStateRefuses_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::addRow("missing") << QByteArray() << QStringLiteral("There is no sandbox");
    // Not ours (the sandbox writes its state atomically): refused, and nothing in the folder is touched.
    QTest::addRow("not JSON") << QByteArrayLiteral("{ not json") << QStringLiteral("that Replica Studio did not write");
    QTest::addRow("future format") << QByteArrayLiteral(R"({"format": 9})") << QStringLiteral("format 9");
    QTest::addRow("no version") << QByteArrayLiteral(R"({"format": 1, "binDir": "/x"})")
                                << QStringLiteral("no valid PostgreSQL version");
    QTest::addRow("no primary") << QByteArrayLiteral(R"({"format": 1, "version": "15", "binDir": "/x"})")
                                << QStringLiteral("describes its primary incompletely");
    QTest::addRow("format 2 without standbys")
        << QByteArrayLiteral(R"({"format": 2, "version": "15", "binDir": "/x", "primary": {"name": "primary",
            "port": 55432, "dataDir": "/x/primary", "socketDir": "/x/run", "superuser": "postgres"}})")
        << QStringLiteral("names no standbys");
}

void TestSandboxState::loadStateRefuses()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    if (!content.isEmpty()) {
        QFile file(SandboxState::stateFilePath(dir.path()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    auto loaded = Sandbox::loadState(dir.path());
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().message.contains(expected), qPrintable(loaded.error().message));
}

void TestSandboxState::connectionString_data()
{
    QTest::addColumn<QString>("socketDir");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << QStringLiteral("/tmp/sb/run") << QStringLiteral("postgres")
                           << QStringLiteral("host='/tmp/sb/run' port=55432 user=postgres dbname=mydb");
    QTest::addRow("space") << QStringLiteral("/tmp/my sandbox/run") << QStringLiteral("postgres")
                           << QStringLiteral("host='/tmp/my sandbox/run' port=55432 user=postgres dbname=mydb");
    QTest::addRow("quote and backslash") << QStringLiteral("/tmp/it's\\here") << QStringLiteral("o'neil")
                                         << QStringLiteral(
                                                "host='/tmp/it\\'s\\\\here' port=55432 user='o\\'neil' dbname=mydb");
}

void TestSandboxState::connectionString()
{
    QFETCH(QString, socketDir);
    QFETCH(QString, user);
    QFETCH(QString, expected);
    const SandboxServer server{QStringLiteral("primary"),
                               55432,
                               QStringLiteral("/x"),
                               socketDir,
                               user,
                               QStringLiteral("mydb"),
                               QString(),
                               false};
    QCOMPARE(server.connectionString(), expected);
}

void TestSandboxState::connectionStringReadByLibpq()
{
    // psql's \conninfo is libpq's reading of the string; an unreachable
    // server still lets us see that the words came through unchanged:
    // libpq names the socket path it tried.
    const QString psql = QStringLiteral("/usr/lib/postgresql/15/bin/psql");
    if (!QFile::exists(psql))
        QSKIP("Debian's psql 15 is not installed");
    const SandboxServer server{QStringLiteral("primary"),
                               1,
                               QStringLiteral("/x"),
                               QStringLiteral("/tmp/no such 'dir"),
                               QStringLiteral("nobody"),
                               QStringLiteral("mydb"),
                               QString(),
                               false};
    QProcess process;
    process.start(psql, {QStringLiteral("-X"), QStringLiteral("-d"), server.connectionString(), QStringLiteral("-c"),
                         QStringLiteral("select 1")});
    QVERIFY(process.waitForFinished(10000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("/tmp/no such 'dir/.s.PGSQL.1")), qPrintable(err));
}

void TestSandboxState::pidFileParse()
{
    const QByteArray content = "4242\n/var/lib/sb/primary\n1764108000\n55432\n/var/lib/sb/run\n127.0.0.1\n"
                               "  55432001    32768\nready   \n";
    const PostmasterPidFile file = PostmasterPidFile::parse(content);
    QCOMPARE(file.pid(), 4242);
    QCOMPARE(file.dataDir(), QStringLiteral("/var/lib/sb/primary"));
    QCOMPARE(file.port(), 55432);
    QCOMPARE(file.socketDir(), QStringLiteral("/var/lib/sb/run"));
    QCOMPARE(file.status(), QStringLiteral("ready"));
}

void TestSandboxState::pidFileAliveness()
{
    // This test process is alive but not a PostgreSQL server: a reused pid.
    const PostmasterPidFile ours = PostmasterPidFile::parse(QByteArray::number(qint64(::getpid())) + "\n/x\n");
    QVERIFY(!ours.processAlive());
    // A process that has ended.
    QProcess gone;
    gone.start(QStringLiteral("sleep"), {QStringLiteral("0.1")});
    QVERIFY(gone.waitForStarted());
    const qint64 gonePid = gone.processId();
    QVERIFY(gone.waitForFinished());
    const PostmasterPidFile dead = PostmasterPidFile::parse(QByteArray::number(gonePid) + "\n/x\n");
    QCOMPARE(dead.pid(), gonePid);
    QVERIFY(!dead.processAlive());
    QVERIFY(!PostmasterPidFile::parse(QByteArray()).processAlive());
    // A live process whose command line names postgres.
    QProcess postgres;
    postgres.start(QStringLiteral("sh"),
                   {QStringLiteral("-c"), QStringLiteral("sleep 30"), QStringLiteral("postgres")});
    QVERIFY(postgres.waitForStarted());
    const PostmasterPidFile alive = PostmasterPidFile::parse(QByteArray::number(postgres.processId()) + "\n/x\n");
    QVERIFY(alive.processAlive());
    postgres.kill();
    postgres.waitForFinished();
}

void TestSandboxState::freePort()
{
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    const int taken = listener.serverPort();
    QVERIFY(!FreePort::isFree(taken));
    auto found = FreePort::find(taken);
    QVERIFY(found.ok());
    QVERIFY(*found != taken);
    QVERIFY(FreePort::isFree(*found));
    auto avoided = FreePort::find(*found, {*found});
    QVERIFY(avoided.ok());
    QVERIFY(*avoided != *found);
    QVERIFY(!FreePort::isFree(0));
    QVERIFY(!FreePort::isFree(70000));
}

void TestSandboxState::defaultDirIgnoresApplicationName()
{
    QCoreApplication::setApplicationName(QStringLiteral("one"));
    const QString first = Sandbox::defaultDir();
    QCoreApplication::setApplicationName(QStringLiteral("another"));
    QCOMPARE(Sandbox::defaultDir(), first);
    QVERIFY(first.endsWith(QStringLiteral("/replica-studio/sandbox")));
    if (::geteuid() == 0)
        QVERIFY2(!first.startsWith(QStringLiteral("/root")), qPrintable(first)); // closed to postgres
}

void TestSandboxState::checkInputRefuses_data()
{
    QTest::addColumn<QString>("relative"); // under a temporary folder
    QTest::addColumn<QString>("expected");
    QTest::addRow("a file") << QStringLiteral("afile") << QStringLiteral("is a file, not a folder");
    QTest::addRow("a folder with other files") << QStringLiteral("full") << QStringLiteral("already holds other files");
    // sun_path holds 107 bytes: <dir>/run/.s.PGSQL.NNNNN must fit.
    QTest::addRow("too long for a socket") << QStringLiteral("d").repeated(100) << QStringLiteral("too long a path");
}

void TestSandboxState::checkInputRefuses()
{
    QFETCH(QString, relative);
    QFETCH(QString, expected);
    QTemporaryDir base;
    QVERIFY(base.isValid());
    QFile file(base.filePath(QStringLiteral("afile")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(QDir(base.path()).mkpath(QStringLiteral("full/inside")));
    LocalHost host;
    Sandbox sandbox(host, base.filePath(relative));
    auto checked = sandbox.checkInput({});
    QVERIFY(!checked.ok());
    QVERIFY2(checked.error().message.contains(expected), qPrintable(checked.error().message));
    QVERIFY(!QFileInfo::exists(base.filePath(relative + QStringLiteral("/sandbox.json"))));
}

void TestSandboxState::checkInputRefusesStandbyOptions_data()
{
    QTest::addColumn<int>("standbys");  // -1: not given
    QTest::addColumn<QString>("names"); // "-": not given
    QTest::addColumn<QString>("expected");
    QTest::addRow("no standbys") << 0 << QStringLiteral("-") << QStringLiteral("1 to 5 standbys");
    QTest::addRow("six standbys") << 6 << QStringLiteral("-") << QStringLiteral("1 to 5 standbys");
    // What PostgreSQL's syncrep_gram.y refuses, in its own words.
    QTest::addRow("unclosed list") << 3 << QStringLiteral("FIRST 2 (standby1, standby2")
                                   << QStringLiteral("synchronous_standby_names");
    QTest::addRow("zero standbys") << 3 << QStringLiteral("ANY 0 (*)") << QStringLiteral("greater than zero");
    QTest::addRow("trailing comma") << 1 << QStringLiteral("standby,") << QStringLiteral("synchronous_standby_names");
}

void TestSandboxState::checkInputRefusesStandbyOptions()
{
    QFETCH(int, standbys);
    QFETCH(QString, names);
    QFETCH(QString, expected);
    if (!QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb")))
        QSKIP("Debian's PostgreSQL 15 is not installed: the check needs a major.");
    QTemporaryDir base;
    QVERIFY(base.isValid());
    // Run as root, the servers' user (postgres) must be able to enter it.
    QVERIFY(QFile::setPermissions(base.path(), QFile::permissions(base.path()) | QFileDevice::ExeOther));
    LocalHost host;
    const QString dir = base.filePath(QStringLiteral("new"));
    Sandbox sandbox(host, dir);
    SandboxOptions options;
    options.pgBinDir = QStringLiteral("/usr/lib/postgresql/15/bin");
    if (standbys != -1)
        options.standbys = standbys;
    if (names != QLatin1String("-"))
        options.synchronousStandbyNames = names;
    auto checked = sandbox.checkInput(options);
    QVERIFY(!checked.ok());
    QVERIFY2(checked.error().refused, qPrintable(checked.error().fullText())); // exit status 2
    QVERIFY2(checked.error().fullText().contains(expected), qPrintable(checked.error().fullText()));
    QVERIFY(!QFileInfo::exists(dir));
}

QTEST_GUILESS_MAIN(TestSandboxState)
#include "test_sandbox_state.moc"
