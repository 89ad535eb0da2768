#include "core/host/local_host.h"
#include "core/sandbox/free_port.h"
#include "core/sandbox/sandbox.h"
#include "pg_builds.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

// The demo sandbox on real servers (Debian's PostgreSQL 15): up to
// synchronous streaming, the walkthrough's lesson (the row on the standby,
// an INSERT there refused with SQLSTATE 25006), every operation and what
// pg_stat_replication says after it, a commit that waits for a stopped
// synchronous standby (wait_event SyncRep) and is released by switching to
// asynchronous, clean-up after kill -9, two sandboxes side by side, a plain
// user, a folder of the first format, a sandbox with three standbys, and bad
// input that changes nothing. A few sandboxes in all, not dozens: the whole
// file takes about a minute.
class TestSandbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void upStreamsSynchronously();
    void lessonRowAndReadOnlyStandby();
    void stoppedSyncStandbyMakesCommitsWait();
    void syncRefusedWhileStandbyIsDown();
    void pauseAndResumeReplay();
    void promoteThenReset();
    void staleSandboxAfterKill9();
    void cliReusesRunningSandbox();
    void format1FolderComesUp();
    void twoSandboxesSideBySide();
    void threeStandbys();
    void brokenConfIsReportedAndKept();
    void statusAndDownAgreeOnNoSandbox();
    void plainUser();
    void otherMajors_data();
    void otherMajors();
    void badInputChangesNothing_data();
    void badInputChangesNothing();

private:
    QString sandboxDir(const QString &name) const { return m_base.path() + QLatin1Char('/') + name; }
    QString replicactl() const { return QStringLiteral(REPLICA_BINARY_DIR "/app/replicactl/replicactl"); }
    // psql on one server as the servers' user, SQL on stdin, errors verbose
    // (with SQLSTATE).
    CommandResult psql(const SandboxServer &server, const QString &sql);
    QString scalar(Sandbox &sandbox, const SandboxServer &server, const QString &sql,
                   const QString &database = QStringLiteral("mydb"));
    QList<SandboxReplicationRow> replication(Sandbox &sandbox);
    static QByteArray listing(const QString &dir);
    // Every path under dir, without sizes or times.
    static QByteArray names(const QString &dir);

    QTemporaryDir m_base;
    LocalHost m_host;
    std::unique_ptr<Sandbox> m_sandbox; // the main one, shared by the lesson's tests in order
    QStringList m_made;                 // folders to take down at the end
};

void TestSandbox::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The sandbox tests need root: they run servers as postgres and make a throw-away user.");
    if (!QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb")))
        QSKIP("Debian's PostgreSQL 15 (postgresql-15) is not installed.");
    if (!QFileInfo::exists(replicactl()))
        QSKIP("replicactl is not built.");
    QVERIFY(m_base.isValid());
    // postgres (and the plain user) must enter the folder.
    QVERIFY(QFile::setPermissions(m_base.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                     QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                     QFileDevice::ExeOther));
}

void TestSandbox::cleanupTestCase()
{
    for (const QString &dir : std::as_const(m_made)) {
        Sandbox sandbox(m_host, dir);
        (void)sandbox.down(true);
    }
}

CommandResult TestSandbox::psql(const SandboxServer &server, const QString &sql)
{
    const auto state = Sandbox::loadState(QFileInfo(server.socketDir).path());
    const QString psqlPath = state ? QDir(state->clientBinDir).filePath(QStringLiteral("psql")) : QString();
    RunOptions options;
    options.as = RunAs::Postgres;
    options.stdinData = (QStringLiteral("\\set VERBOSITY verbose\n") + sql).toUtf8();
    options.timeoutMs = 30000;
    auto ran = m_host.run(
        CommandLine(psqlPath, {QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-v"),
                               QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), server.connectionString()}),
        options);
    return ran ? *ran : CommandResult{};
}

QString TestSandbox::scalar(Sandbox &sandbox, const SandboxServer &server, const QString &sql, const QString &database)
{
    auto rows = sandbox.query(server, sql, database);
    if (!rows) {
        qWarning("%s", qPrintable(rows.error().fullText()));
        return QStringLiteral("<error>");
    }
    return rows->isEmpty() ? QString() : rows->constFirst().value(0);
}

QList<SandboxReplicationRow> TestSandbox::replication(Sandbox &sandbox)
{
    auto status = sandbox.status();
    if (!status) {
        qWarning("%s", qPrintable(status.error().fullText()));
        return {};
    }
    return status->replication;
}

QByteArray TestSandbox::listing(const QString &dir)
{
    QProcess ls;
    ls.start(QStringLiteral("ls"), {QStringLiteral("-laR"), QStringLiteral("--time-style=full-iso"), dir});
    ls.waitForFinished();
    return ls.readAllStandardOutput();
}

void TestSandbox::upStreamsSynchronously()
{
    const QString dir = sandboxDir(QStringLiteral("main"));
    m_made.append(dir);
    m_sandbox = std::make_unique<Sandbox>(m_host, dir);
    auto made = m_sandbox->up();
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().fullText()));
    QVERIFY(!m_sandbox->reusedRunning());
    QVERIFY(made->synchronous);
    QCOMPARE(made->version, PgVersion(15));
    QVERIFY(made->primary.port != made->standby().port);

    // What the primary itself says.
    const auto rows = replication(*m_sandbox);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().applicationName, QStringLiteral("standby"));
    QCOMPARE(rows.first().state, QStringLiteral("streaming"));
    QCOMPARE(rows.first().syncState, QStringLiteral("sync"));
    QCOMPARE(scalar(*m_sandbox, made->standby(), QStringLiteral("SELECT pg_is_in_recovery()")), QStringLiteral("t"));
    // The role may replicate and nothing more; its password is scram.
    auto role =
        m_sandbox->query(made->primary, QStringLiteral("SELECT rolreplication, rolcanlogin, rolsuper, rolcreatedb, "
                                                       "rolcreaterole, left(rolpassword, 13) FROM pg_authid "
                                                       "WHERE rolname = 'replicator'"));
    QVERIFY(role.ok());
    QCOMPARE(role->value(0), (QStringList{QStringLiteral("t"), QStringLiteral("t"), QStringLiteral("f"),
                                          QStringLiteral("f"), QStringLiteral("f"), QStringLiteral("SCRAM-SHA-256")}));
    // The standby uses its slot and names itself.
    QCOMPARE(scalar(*m_sandbox, made->primary,
                    QStringLiteral("SELECT active FROM pg_replication_slots WHERE slot_name = 'standby'")),
             QStringLiteral("t"));
    // Data checksums on, as initdb was asked.
    QCOMPARE(scalar(*m_sandbox, made->primary, QStringLiteral("SHOW data_checksums")), QStringLiteral("on"));
    // The passfile is the servers' user's alone.
    const QFileInfo passFile(made->passFile);
    QCOMPARE(passFile.owner(), QStringLiteral("postgres"));
    struct stat st
    {
    };
    QCOMPARE(::stat(QFile::encodeName(made->passFile).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0600));
    QCOMPARE(QFileInfo(dir).owner(), QStringLiteral("postgres"));
    // Every phase was timed.
    QVERIFY(m_sandbox->phases().size() >= 6);
    QVERIFY(m_sandbox->totalMs() > 0);
    // The state the GUI reads.
    auto loaded = Sandbox::loadState(dir);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->primary, made->primary);
    QVERIFY(loaded->synchronous);
}

void TestSandbox::lessonRowAndReadOnlyStandby()
{
    if (!m_sandbox || !m_sandbox->state())
        QSKIP("no sandbox from the previous test");
    const SandboxState state = *m_sandbox->state();
    QCOMPARE(scalar(*m_sandbox, state.standby(),
                    QStringLiteral("SELECT city || ',' || temp_lo || ',' || temp_hi || ',' || "
                                   "prcp || ',' || date FROM weather"),
                    QStringLiteral("mydb")),
             QStringLiteral("San Francisco,46,50,0.25,1994-11-27"));

    // A row inserted on the primary is on the standby when the (synchronous)
    // commit returns... applied shortly after.
    const CommandResult inserted =
        psql(state.primary, QStringLiteral("INSERT INTO weather VALUES ('Hayward', 37, 54, NULL, '1994-11-29');\n"));
    QVERIFY2(inserted.succeeded(), inserted.stdErr.constData());
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar(*m_sandbox, state.standby(), QStringLiteral("SELECT count(*) FROM weather WHERE city = 'Hayward'")),
        QStringLiteral("1"), 10000);

    const CommandResult refused =
        psql(state.standby(), QStringLiteral("INSERT INTO weather VALUES ('Oakland', 40, 50, 0, '1994-11-30');\n"));
    QVERIFY(!refused.succeeded());
    QVERIFY2(refused.stdErr.contains("ERROR:  25006: cannot execute INSERT in a read-only transaction"),
             refused.stdErr.constData());
}

void TestSandbox::stoppedSyncStandbyMakesCommitsWait()
{
    if (!m_sandbox || !m_sandbox->state())
        QSKIP("no sandbox from the previous test");
    const SandboxState state = *m_sandbox->state();
    auto stopped = m_sandbox->stopStandby();
    QVERIFY2(stopped.ok(), qPrintable(stopped.ok() ? QString() : stopped.error().fullText()));
    QVERIFY(m_sandbox->actions().join(QLatin1Char(' ')).contains(QStringLiteral("wait")));
    QVERIFY(replication(*m_sandbox).isEmpty());

    // A commit on the primary now waits for the standby.
    QProcess commit;
    commit.start(QStringLiteral("runuser"),
                 {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                  QDir(state.clientBinDir).filePath(QStringLiteral("psql")), QStringLiteral("-X"), QStringLiteral("-d"),
                  state.primary.connectionString(), QStringLiteral("-c"),
                  QStringLiteral("INSERT INTO weather VALUES ('Waiting', 1, 2, NULL, '2000-01-01')")});
    QVERIFY(commit.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar(*m_sandbox, state.primary,
               QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'IPC' "
                              "AND wait_event = 'SyncRep'"),
               QStringLiteral("postgres")),
        QStringLiteral("1"), 10000);
    QVERIFY(!commit.waitForFinished(500)); // still waiting

    // Asynchronous releases it (a reload, no restart).
    auto async = m_sandbox->setSynchronous(false);
    QVERIFY2(async.ok(), qPrintable(async.ok() ? QString() : async.error().fullText()));
    QVERIFY(commit.waitForFinished(10000));
    QCOMPARE(commit.exitCode(), 0);
    QCOMPARE(scalar(*m_sandbox, state.primary,
                    QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'SyncRep'"),
                    QStringLiteral("postgres")),
             QStringLiteral("0"));
    QCOMPARE(Sandbox::loadState(state.dir)->synchronous, false);

    // The standby comes back, catches up, and streams asynchronously.
    auto started = m_sandbox->startStandby();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().fullText()));
    auto rows = replication(*m_sandbox);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().state, QStringLiteral("streaming"));
    QCOMPARE(rows.first().syncState, QStringLiteral("async"));
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar(*m_sandbox, state.standby(), QStringLiteral("SELECT count(*) FROM weather WHERE city = 'Waiting'")),
        QStringLiteral("1"), 10000);

    // And synchronous again.
    auto sync = m_sandbox->setSynchronous(true);
    QVERIFY2(sync.ok(), qPrintable(sync.ok() ? QString() : sync.error().fullText()));
    rows = replication(*m_sandbox);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().syncState, QStringLiteral("sync"));
}

void TestSandbox::syncRefusedWhileStandbyIsDown()
{
    if (!m_sandbox || !m_sandbox->state())
        QSKIP("no sandbox from the previous test");
    QVERIFY(m_sandbox->setSynchronous(false).ok());
    QVERIFY(m_sandbox->stopStandby().ok());
    auto refused = m_sandbox->setSynchronous(true);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("start-standby")), qPrintable(refused.error().message));
    // Nothing changed: still asynchronous, and a commit does not wait.
    QCOMPARE(Sandbox::loadState(m_sandbox->dir())->synchronous, false);
    QCOMPARE(scalar(*m_sandbox, m_sandbox->state()->primary, QStringLiteral("SHOW synchronous_standby_names")),
             QString());
    const CommandResult commit =
        psql(m_sandbox->state()->primary,
             QStringLiteral("INSERT INTO weather VALUES ('Fast', 1, 2, NULL, '2000-01-01');\n"));
    QVERIFY(commit.succeeded());
    QVERIFY(m_sandbox->startStandby().ok());
    QVERIFY(m_sandbox->setSynchronous(true).ok());
}

void TestSandbox::pauseAndResumeReplay()
{
    if (!m_sandbox || !m_sandbox->state())
        QSKIP("no sandbox from the previous test");
    const SandboxState state = *m_sandbox->state();
    auto paused = m_sandbox->pauseReplay();
    QVERIFY2(paused.ok(), qPrintable(paused.ok() ? QString() : paused.error().fullText()));
    QTRY_VERIFY_WITH_TIMEOUT(m_sandbox->status()->standby().replayPaused, 5000);

    const QString before = scalar(*m_sandbox, state.standby(), QStringLiteral("SELECT count(*) FROM weather"));
    // Synchronous commit waits for the flush, not the replay: it returns.
    QVERIFY(psql(state.primary, QStringLiteral("INSERT INTO weather VALUES ('Paused', 1, 2, NULL, '2000-01-01');\n"))
                .succeeded());
    // Received but not replayed: the standby's replay LSN stays behind.
    QTRY_VERIFY_WITH_TIMEOUT(replication(*m_sandbox).value(0).replayLagBytes > 0, 5000);
    QCOMPARE(scalar(*m_sandbox, state.standby(), QStringLiteral("SELECT count(*) FROM weather")), before);

    auto resumed = m_sandbox->resumeReplay();
    QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().fullText()));
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar(*m_sandbox, state.standby(), QStringLiteral("SELECT count(*) FROM weather WHERE city = 'Paused'")),
        QStringLiteral("1"), 10000);
    QVERIFY(!m_sandbox->status()->standby().replayPaused);
}

void TestSandbox::promoteThenReset()
{
    if (!m_sandbox || !m_sandbox->state())
        QSKIP("no sandbox from the previous test");
    const SandboxState state = *m_sandbox->state();
    auto promoted = m_sandbox->promote();
    QVERIFY2(promoted.ok(), qPrintable(promoted.ok() ? QString() : promoted.error().fullText()));
    auto status = m_sandbox->status();
    QVERIFY(status.ok());
    QVERIFY(!status->standby().inRecovery);
    QVERIFY(status->replication.isEmpty());
    QVERIFY(status->state.standby().promoted);
    QVERIFY(!status->state.synchronous); // the old primary does not wait for a standby that is gone
    // The former standby takes writes; the old primary commits without waiting.
    QVERIFY(
        psql(state.standby(), QStringLiteral("INSERT INTO weather VALUES ('Promoted', 1, 2, NULL, '2000-01-01');\n"))
            .succeeded());
    QVERIFY(psql(state.primary, QStringLiteral("INSERT INTO weather VALUES ('Alone', 1, 2, NULL, '2000-01-01');\n"))
                .succeeded());
    // The slot nobody will use again is gone.
    QCOMPARE(scalar(*m_sandbox, state.primary, QStringLiteral("SELECT count(*) FROM pg_replication_slots")),
             QStringLiteral("0"));
    QVERIFY(!m_sandbox->pauseReplay().ok());

    auto reset = m_sandbox->reset();
    QVERIFY2(reset.ok(), qPrintable(reset.ok() ? QString() : reset.error().fullText()));
    QVERIFY(!reset->anyPromoted());
    QVERIFY(reset->synchronous);
    const auto rows = replication(*m_sandbox);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().syncState, QStringLiteral("sync"));
    // A fresh pair: the walkthrough's one row again.
    QCOMPARE(scalar(*m_sandbox, reset->standby(), QStringLiteral("SELECT count(*) FROM weather")), QStringLiteral("1"));
}

QByteArray TestSandbox::names(const QString &dir)
{
    QProcess find;
    find.start(QStringLiteral("sh"),
               {QStringLiteral("-c"), QStringLiteral("find \"$1\" | sort"), QStringLiteral("sh"), dir});
    find.waitForFinished();
    return find.readAllStandardOutput();
}

void TestSandbox::staleSandboxAfterKill9()
{
    if (!m_sandbox || !m_sandbox->state())
        QSKIP("no sandbox from the previous test");
    const SandboxState state = *m_sandbox->state();
    QVERIFY(psql(state.primary, QStringLiteral("INSERT INTO weather VALUES ('Kept', 1, 2, NULL, '2000-01-01');\n"))
                .succeeded());
    for (const SandboxServer &server : {state.primary, state.standby()}) {
        QFile pidFile(server.dataDir + QStringLiteral("/postmaster.pid"));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const pid_t pid = pid_t(pidFile.readLine().trimmed().toLongLong());
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid, SIGKILL), 0);
    }
    QTRY_VERIFY_WITH_TIMEOUT(FreePort::isFree(state.primary.port), 10000);
    // Someone else takes the primary's port meanwhile.
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, quint16(state.primary.port)));
    QVERIFY(QFile::exists(state.primary.dataDir + QStringLiteral("/postmaster.pid"))); // stale

    Sandbox again(m_host, state.dir);
    auto up = again.up();
    QVERIFY2(up.ok(), qPrintable(up.ok() ? QString() : up.error().fullText()));
    QVERIFY(up->primary.port != state.primary.port);
    const QString said = again.actions().join(QLatin1Char('\n'));
    QVERIFY2(said.contains(QStringLiteral("stale postmaster.pid")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("taken by another program")), qPrintable(said));
    // The same pair, with its data, streaming synchronously again.
    const auto rows = replication(again);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().state, QStringLiteral("streaming"));
    QCOMPARE(rows.first().syncState, QStringLiteral("sync"));
    QCOMPARE(scalar(again, up->standby(), QStringLiteral("SELECT count(*) FROM weather WHERE city = 'Kept'")),
             QStringLiteral("1"));
    m_sandbox = std::make_unique<Sandbox>(m_host, state.dir);
    QVERIFY(m_sandbox->status().ok());
}

void TestSandbox::cliReusesRunningSandbox()
{
    if (!m_sandbox || !m_sandbox->state())
        QSKIP("no sandbox from the previous test");
    QProcess help;
    help.start(replicactl(), {QStringLiteral("sandbox"), QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(10000));
    QCOMPARE(help.exitCode(), 0);
    QVERIFY(help.readAllStandardOutput().contains("stop-standby"));

    QProcess up;
    up.start(replicactl(),
             {QStringLiteral("sandbox"), QStringLiteral("up"), QStringLiteral("--dir"), m_sandbox->dir()});
    QVERIFY(up.waitForFinished(60000));
    const QByteArray said = up.readAllStandardOutput();
    QCOMPARE(up.exitCode(), 0);
    QVERIFY2(said.contains("already running"), said.constData());
    QVERIFY2(said.contains("psql -h "), said.constData());

    QProcess status;
    status.start(replicactl(), {QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--json"),
                                QStringLiteral("--dir"), m_sandbox->dir()});
    QVERIFY(status.waitForFinished(30000));
    QCOMPARE(status.exitCode(), 0);
    const QJsonObject json = QJsonDocument::fromJson(status.readAllStandardOutput()).object();
    const QJsonObject row = json.value(QStringLiteral("replication")).toArray().at(0).toObject();
    QCOMPARE(row.value(QStringLiteral("state")).toString(), QStringLiteral("streaming"));
    QCOMPARE(row.value(QStringLiteral("sync_state")).toString(), QStringLiteral("sync"));
    QVERIFY(json.value(QStringLiteral("standby")).toObject().value(QStringLiteral("inRecovery")).toBool());
}

void TestSandbox::format1FolderComesUp()
{
    if (!m_sandbox || !m_sandbox->state())
        QSKIP("no sandbox from the previous test");
    const QString dir = m_sandbox->dir();
    QVERIFY(m_sandbox->down(false).ok());
    // sandbox.json as the first release wrote it: one "standby", its slot
    // and its promotion at the top level.
    QFile file(SandboxState::stateFilePath(dir));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonObject standby = json.value(QStringLiteral("standbys")).toArray().at(0).toObject();
    json.insert(QStringLiteral("slotName"), standby.take(QStringLiteral("slotName")));
    json.insert(QStringLiteral("standbyPromoted"), standby.take(QStringLiteral("promoted")));
    json.insert(QStringLiteral("standby"), standby);
    json.remove(QStringLiteral("standbys"));
    json.remove(QStringLiteral("synchronousStandbyNames"));
    json.insert(QStringLiteral("format"), 1);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(json).toJson());
    file.close();

    QProcess up;
    up.start(replicactl(), {QStringLiteral("sandbox"), QStringLiteral("up"), QStringLiteral("--dir"), dir});
    QVERIFY(up.waitForFinished(60000));
    QVERIFY2(up.exitCode() == 0, up.readAllStandardError().constData());
    const auto rows = replication(*m_sandbox);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().applicationName, QStringLiteral("standby"));
    QCOMPARE(rows.first().syncState, QStringLiteral("sync"));
    // Its slot kept, and the file written again in the new format.
    QCOMPARE(scalar(*m_sandbox, m_sandbox->state()->primary,
                    QStringLiteral("SELECT active FROM pg_replication_slots WHERE slot_name = 'standby'")),
             QStringLiteral("t"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("format")).toInt(), 2);
}

void TestSandbox::threeStandbys()
{
    const QString dir = sandboxDir(QStringLiteral("three"));
    m_made.append(dir);
    QProcess up;
    up.start(replicactl(), {QStringLiteral("sandbox"), QStringLiteral("up"), QStringLiteral("--standbys"),
                            QStringLiteral("3"), QStringLiteral("--dir"), dir});
    QVERIFY(up.waitForFinished(120000));
    QVERIFY2(up.exitCode() == 0, up.readAllStandardError().constData());
    Sandbox sandbox(m_host, dir);
    auto status = sandbox.status();
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().fullText()));
    const QStringList names{QStringLiteral("standby1"), QStringLiteral("standby2"), QStringLiteral("standby3")};
    QCOMPARE(status->state.standbyNames(), names);
    // Each streams under its own name, from its own slot, from its own folder and port.
    QCOMPARE(status->replication.size(), 3);
    QSet<int> ports{status->state.primary.port};
    QSet<QString> dataDirs{status->state.primary.dataDir};
    for (qsizetype i = 0; i < names.size(); ++i) {
        const SandboxServer &standby = status->state.standbys.at(i);
        QCOMPARE(status->replication.at(i).applicationName, names.at(i));
        QCOMPARE(status->replication.at(i).state, QStringLiteral("streaming"));
        QCOMPARE(status->replication.at(i).syncState, i == 0 ? QStringLiteral("sync") : QStringLiteral("async"));
        QCOMPARE(
            scalar(sandbox, status->state.primary,
                   QStringLiteral("SELECT active FROM pg_replication_slots WHERE slot_name = '%1'").arg(names.at(i))),
            QStringLiteral("t"));
        QCOMPARE(scalar(sandbox, standby, QStringLiteral("SELECT city FROM weather")), QStringLiteral("San Francisco"));
        QCOMPARE(scalar(sandbox, standby, QStringLiteral("SHOW cluster_name")),
                 QStringLiteral("sandbox-") + names.at(i));
        QVERIFY(status->standbys.at(i).inRecovery);
        QVERIFY(QFileInfo::exists(dir + QLatin1Char('/') + names.at(i) + QStringLiteral(".log")));
        ports.insert(standby.port);
        dataDirs.insert(standby.dataDir);
    }
    QCOMPARE(ports.size(), 4);
    QCOMPARE(dataDirs.size(), 4);

    // The operations take a standby's name; the others are left alone.
    QProcess stop;
    stop.start(replicactl(), {QStringLiteral("sandbox"), QStringLiteral("stop-standby"), QStringLiteral("--standby"),
                              QStringLiteral("standby2"), QStringLiteral("--dir"), dir});
    QVERIFY(stop.waitForFinished(60000));
    QCOMPARE(stop.exitCode(), 0);
    status = sandbox.status();
    QVERIFY(status.ok());
    QCOMPARE(status->standbys.at(0).running, true);
    QCOMPARE(status->standbys.at(1).running, false);
    QCOMPARE(status->standbys.at(2).running, true);
    QProcess unknown;
    unknown.start(replicactl(),
                  {QStringLiteral("sandbox"), QStringLiteral("start-standby"), QStringLiteral("--standby"),
                   QStringLiteral("standby9"), QStringLiteral("--dir"), dir});
    QVERIFY(unknown.waitForFinished(30000));
    QCOMPARE(unknown.exitCode(), 2);
    QVERIFY(unknown.readAllStandardError().contains("standby1, standby2, standby3"));
    QVERIFY(sandbox.startStandby(QStringLiteral("standby2")).ok());

    // status and watch show every standby.
    QProcess json;
    json.start(replicactl(), {QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--json"),
                              QStringLiteral("--dir"), dir});
    QVERIFY(json.waitForFinished(30000));
    QCOMPARE(json.exitCode(), 0);
    const QJsonObject said = QJsonDocument::fromJson(json.readAllStandardOutput()).object();
    QCOMPARE(said.value(QStringLiteral("standbys")).toArray().size(), 3);
    QCOMPARE(said.value(QStringLiteral("replication")).toArray().size(), 3);
    QProcess watch;
    watch.start(replicactl(), {QStringLiteral("watch"), QStringLiteral("--sandbox"), dir, QStringLiteral("--count"),
                               QStringLiteral("1"), QStringLiteral("--json")});
    QVERIFY(watch.waitForFinished(30000));
    QCOMPARE(watch.exitCode(), 0);
    const QJsonObject sample = QJsonDocument::fromJson(watch.readAllStandardOutput().trimmed()).object();
    QStringList watched;
    for (const QJsonValue &standby : sample.value(QStringLiteral("standbys")).toArray())
        watched.append(standby.toObject().value(QStringLiteral("name")).toString());
    watched.sort();
    QCOMPARE(watched, names);

    // Another count for an existing sandbox is a reset, not an up.
    QProcess other;
    other.start(replicactl(), {QStringLiteral("sandbox"), QStringLiteral("up"), QStringLiteral("--standbys"),
                               QStringLiteral("2"), QStringLiteral("--dir"), dir});
    QVERIFY(other.waitForFinished(30000));
    QCOMPARE(other.exitCode(), 2);
    QVERIFY(other.readAllStandardError().contains("reset --standbys 2"));
    QCOMPARE(Sandbox::loadState(dir)->standbys.size(), 3);

    QVERIFY(sandbox.down(true).ok());
    QVERIFY(!QFileInfo::exists(dir));
}

void TestSandbox::twoSandboxesSideBySide()
{
    if (!m_sandbox || !m_sandbox->state())
        QSKIP("no sandbox from the previous test");
    const QString dir = sandboxDir(QStringLiteral("second"));
    m_made.append(dir);
    QProcess up;
    up.start(replicactl(), {QStringLiteral("sandbox"), QStringLiteral("up"), QStringLiteral("--async"),
                            QStringLiteral("--dir"), dir});
    QVERIFY(up.waitForFinished(60000));
    QVERIFY2(up.exitCode() == 0, up.readAllStandardError().constData());
    QVERIFY(up.readAllStandardOutput().contains("Ready in"));

    Sandbox second(m_host, dir);
    auto status = second.status();
    QVERIFY(status.ok());
    const SandboxState first = *Sandbox::loadState(m_sandbox->dir());
    const QList<int> ports{first.primary.port, first.standby().port, status->state.primary.port,
                           status->state.standby().port};
    QCOMPARE(QSet<int>(ports.begin(), ports.end()).size(), 4);
    QCOMPARE(status->replication.value(0).syncState, QStringLiteral("async"));
    QCOMPARE(replication(*m_sandbox).value(0).syncState, QStringLiteral("sync"));
    // Each sees its own data only.
    QVERIFY(psql(status->state.primary,
                 QStringLiteral("INSERT INTO weather VALUES ('Second', 1, 2, NULL, '2000-01-01');\n"))
                .succeeded());
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar(second, status->state.standby(), QStringLiteral("SELECT count(*) FROM weather WHERE city = 'Second'")),
        QStringLiteral("1"), 10000);
    QCOMPARE(scalar(*m_sandbox, first.standby(), QStringLiteral("SELECT count(*) FROM weather WHERE city = 'Second'")),
             QStringLiteral("0"));

    QProcess down;
    down.start(replicactl(), {QStringLiteral("sandbox"), QStringLiteral("down"), QStringLiteral("--remove"),
                              QStringLiteral("--dir"), dir});
    QVERIFY(down.waitForFinished(60000));
    QCOMPARE(down.exitCode(), 0);
    QVERIFY(!QFileInfo::exists(dir));
    // The first one is untouched.
    QCOMPARE(replication(*m_sandbox).value(0).state, QStringLiteral("streaming"));
}

void TestSandbox::brokenConfIsReportedAndKept()
{
    // A setting added by hand that stops the server: up says why and keeps
    // every file (the user's rows, the log), it does not make a fresh pair.
    const QString dir = sandboxDir(QStringLiteral("broken"));
    m_made.append(dir);
    Sandbox sandbox(m_host, dir);
    SandboxOptions async;
    async.synchronous = false;
    auto made = sandbox.up(async);
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().fullText()));
    QVERIFY(psql(made->primary, QStringLiteral("INSERT INTO weather VALUES ('Mine', 1, 2, NULL, '2000-01-01');\n"))
                .succeeded());
    QVERIFY(sandbox.down(false).ok());
    QFile conf(made->primary.dataDir + QStringLiteral("/postgresql.conf"));
    QVERIFY(conf.open(QIODevice::Append));
    conf.write("shared_buffers = 1gb\n");
    conf.close();
    const QByteArray before = names(dir);

    QProcess up;
    up.start(replicactl(), {QStringLiteral("sandbox"), QStringLiteral("up"), QStringLiteral("--dir"), dir});
    QVERIFY(up.waitForFinished(120000));
    const QString said = QString::fromUtf8(up.readAllStandardOutput() + up.readAllStandardError());
    QCOMPARE(up.exitCode(), 1);
    QVERIFY2(said.contains(QStringLiteral("files are kept")), qPrintable(said));
    // The log's last lines, and the log itself, named.
    QVERIFY2(said.contains(QStringLiteral("invalid value for parameter \"shared_buffers\"")), qPrintable(said));
    QVERIFY2(said.contains(dir + QStringLiteral("/primary.log")), qPrintable(said));
    QVERIFY2(!said.contains(QStringLiteral("Removed")), qPrintable(said));
    QCOMPARE(names(dir), before);
    QFile log(dir + QStringLiteral("/primary.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("invalid value for parameter \"shared_buffers\""));

    // Fixed by hand, the same pair comes back with the user's row.
    QVERIFY(conf.open(QIODevice::ReadOnly));
    const QByteArray text = conf.readAll().replace("shared_buffers = 1gb\n", "");
    conf.close();
    QVERIFY(conf.open(QIODevice::WriteOnly | QIODevice::Truncate));
    conf.write(text);
    conf.close();
    Sandbox again(m_host, dir);
    auto resumed = again.up();
    QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().fullText()));
    QCOMPARE(scalar(again, resumed->primary, QStringLiteral("SELECT count(*) FROM weather WHERE city = 'Mine'")),
             QStringLiteral("1"));
    QVERIFY(again.down(true).ok());
}

void TestSandbox::statusAndDownAgreeOnNoSandbox()
{
    // A folder without a sandbox is an answer for both, not bad input.
    const QString dir = sandboxDir(QStringLiteral("none"));
    for (const QString &action : {QStringLiteral("status"), QStringLiteral("down")}) {
        QProcess process;
        process.start(replicactl(), {QStringLiteral("sandbox"), action, QStringLiteral("--dir"), dir});
        QVERIFY(process.waitForFinished(30000));
        const QString said = QString::fromUtf8(process.readAllStandardOutput());
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(said.contains(QStringLiteral("There is no sandbox in %1").arg(dir)), qPrintable(said));
    }
    QProcess json;
    json.start(replicactl(), {QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--json"),
                              QStringLiteral("--dir"), dir});
    QVERIFY(json.waitForFinished(30000));
    QCOMPARE(json.exitCode(), 0);
    QCOMPARE(QJsonDocument::fromJson(json.readAllStandardOutput()).object().value(QStringLiteral("exists")),
             QJsonValue(false));
    QVERIFY(!QFileInfo::exists(dir));
}

void TestSandbox::plainUser()
{
    // A throw-away user with nothing but a home folder: no sudo, no postgres.
    const QString user = QStringLiteral("rs_sandbox_%1").arg(::getpid());
    const QString home = sandboxDir(QStringLiteral("home"));
    QProcess add;
    add.start(QStringLiteral("useradd"), {QStringLiteral("-m"), QStringLiteral("-d"), home, QStringLiteral("-s"),
                                          QStringLiteral("/bin/sh"), user});
    QVERIFY(add.waitForFinished(30000));
    if (add.exitCode() != 0)
        QSKIP(qPrintable(QStringLiteral("useradd failed: %1").arg(QString::fromUtf8(add.readAllStandardError()))));
    const auto removeUser = qScopeGuard([&] {
        QProcess::execute(QStringLiteral("pkill"), {QStringLiteral("-KILL"), QStringLiteral("-u"), user});
        QProcess::execute(QStringLiteral("userdel"), {QStringLiteral("-r"), user});
    });
    const auto run = [&](const QStringList &arguments, QByteArray *output = nullptr) {
        QProcess process;
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), user, QStringLiteral("--"), QStringLiteral("env"),
                                  QStringLiteral("HOME=") + home, replicactl(), QStringLiteral("sandbox")} +
                          arguments);
        process.waitForFinished(90000);
        if (output)
            *output = process.readAllStandardOutput() + process.readAllStandardError();
        return process.exitCode();
    };
    QByteArray said;
    // The default folder: the user's own data folder.
    QCOMPARE(run({QStringLiteral("up")}, &said), 0);
    const QString dir = home + QStringLiteral("/.local/share/replica-studio/sandbox");
    QVERIFY2(said.contains(dir.toUtf8()), said.constData());
    QVERIFY2(!said.contains("runuser"), said.constData()); // the psql lines need no user switch

    QCOMPARE(run({QStringLiteral("status"), QStringLiteral("--json")}, &said), 0);
    const QJsonObject json = QJsonDocument::fromJson(said).object();
    QCOMPARE(json.value(QStringLiteral("replication"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("sync_state"))
                 .toString(),
             QStringLiteral("sync"));
    QCOMPARE(QFileInfo(dir + QStringLiteral("/primary")).owner(), user);
    QCOMPARE(QFileInfo(dir + QStringLiteral("/standby/postgresql.conf")).owner(), user);
    // The superuser is the user's own name.
    auto state = Sandbox::loadState(dir);
    QVERIFY(state.ok());
    QCOMPARE(state->primary.superuser, user);
    QCOMPARE(state->osUser, user);
    QCOMPARE(run({QStringLiteral("stop-standby")}), 0);
    QCOMPARE(run({QStringLiteral("async")}), 0);
    QCOMPARE(run({QStringLiteral("start-standby")}), 0);
    QCOMPARE(run({QStringLiteral("down"), QStringLiteral("--remove")}, &said), 0);
    QVERIFY2(!QFileInfo::exists(dir + QStringLiteral("/primary")), said.constData());
}

void TestSandbox::otherMajors_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("recoveryFile"); // what makes the copy a standby in that major
    QTest::addColumn<bool>("cloned");          // no pg_basebackup of that major here: BackupClone
    QTest::addRow("11: recovery.conf") << 11 << QStringLiteral("recovery.conf") << false;
    QTest::addRow("17: no pg_basebackup 17") << 17 << QStringLiteral("standby.signal") << true;
}

void TestSandbox::otherMajors()
{
    QFETCH(int, major);
    QFETCH(QString, recoveryFile);
    QFETCH(bool, cloned);
    QString reason;
    const QString bin = PgBuilds::binDir(major, &reason);
    if (bin.isEmpty())
        QSKIP(qPrintable(reason));
    if (cloned && QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/%1/bin/pg_basebackup").arg(major)))
        QSKIP("Debian's client of that major is installed: pg_basebackup is used, not the clone");
    const QString dir = sandboxDir(QStringLiteral("major-%1").arg(major));
    m_made.append(dir);
    Sandbox sandbox(m_host, dir);
    SandboxOptions options;
    options.pgBinDir = bin;
    auto made = sandbox.up(options);
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().fullText()));
    QCOMPARE(made->version, PgVersion(major));
    QCOMPARE(made->basebackupBinDir.isEmpty(), cloned);
    QVERIFY(QFileInfo::exists(made->standby().dataDir + QLatin1Char('/') + recoveryFile));
    const auto rows = replication(sandbox);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().state, QStringLiteral("streaming"));
    QCOMPARE(rows.first().syncState, QStringLiteral("sync"));
    QCOMPARE(scalar(sandbox, made->standby(), QStringLiteral("SELECT city FROM weather")),
             QStringLiteral("San Francisco"));
    QCOMPARE(scalar(sandbox, made->standby(),
                    QStringLiteral("SELECT setting::int / 10000 FROM pg_settings WHERE name = 'server_version_num'")),
             QString::number(major));
    QVERIFY(sandbox.down(true).ok());
    QVERIFY(!QFileInfo::exists(dir));
}

void TestSandbox::badInputChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    const QString base = m_base.path() + QStringLiteral("/bad");
    QTest::addRow("dir is a file") << QStringList{QStringLiteral("up"), QStringLiteral("--dir"),
                                                  base + QStringLiteral("/afile")}
                                   << QStringLiteral("is a file, not a folder");
    QTest::addRow("dir holds other files")
        << QStringList{QStringLiteral("up"), QStringLiteral("--dir"), base + QStringLiteral("/full")}
        << QStringLiteral("already holds other files");
    QTest::addRow("pg-bin without initdb")
        << QStringList{QStringLiteral("up"), QStringLiteral("--dir"), base + QStringLiteral("/new"),
                       QStringLiteral("--pg-bin"), base + QStringLiteral("/emptybin")}
        << QStringLiteral("holds no initdb");
    QTest::addRow("pg-bin missing") << QStringList{QStringLiteral("up"), QStringLiteral("--dir"),
                                                   base + QStringLiteral("/new"), QStringLiteral("--pg-bin"),
                                                   base + QStringLiteral("/nothing")}
                                    << QStringLiteral("does not exist");
    QTest::addRow("pg-bin is a file") << QStringList{QStringLiteral("up"), QStringLiteral("--dir"),
                                                     base + QStringLiteral("/new"), QStringLiteral("--pg-bin"),
                                                     base + QStringLiteral("/afile")}
                                      << QStringLiteral("is a file, not a folder");
    QTest::addRow("a folder closed to postgres")
        << QStringList{QStringLiteral("up"), QStringLiteral("--dir"), base + QStringLiteral("/closed/inner/sandbox")}
        << QStringLiteral("cannot enter");
    QTest::addRow("no sandbox there") << QStringList{QStringLiteral("stop-standby"), QStringLiteral("--dir"),
                                                     base + QStringLiteral("/new")}
                                      << QStringLiteral("There is no sandbox");
    // A sandbox.json of another program next to the user's files: nothing
    // may touch them, whatever the action.
    for (const QStringList &action :
         {QStringList{QStringLiteral("up")}, QStringList{QStringLiteral("reset")},
          QStringList{QStringLiteral("down"), QStringLiteral("--remove")}, QStringList{QStringLiteral("status")},
          QStringList{QStringLiteral("start-standby")}})
        QTest::addRow("foreign sandbox.json, %s", qPrintable(action.join(QLatin1Char(' '))))
            << action + QStringList{QStringLiteral("--dir"), base + QStringLiteral("/foreign")}
            << QStringLiteral("did not write");
    QTest::addRow("unknown action") << QStringList{QStringLiteral("explode")} << QStringLiteral("unknown action");
    QTest::addRow("unknown option") << QStringList{QStringLiteral("up"), QStringLiteral("--frobnicate")}
                                    << QStringLiteral("frobnicate");
    QTest::addRow("both modes") << QStringList{QStringLiteral("up"), QStringLiteral("--sync"),
                                               QStringLiteral("--async")}
                                << QStringLiteral("not both");
    QTest::addRow("too many standbys") << QStringList{QStringLiteral("up"), QStringLiteral("--dir"),
                                                      base + QStringLiteral("/new"), QStringLiteral("--standbys"),
                                                      QStringLiteral("6")}
                                       << QStringLiteral("1 to 5 standbys");
    QTest::addRow("standbys not a number")
        << QStringList{QStringLiteral("up"), QStringLiteral("--dir"), base + QStringLiteral("/new"),
                       QStringLiteral("--standbys"), QStringLiteral("three")}
        << QStringLiteral("needs a number");
    // PostgreSQL's grammar judges the value before anything is made.
    QTest::addRow("synchronous_standby_names PostgreSQL refuses")
        << QStringList{QStringLiteral("up"),
                       QStringLiteral("--dir"),
                       base + QStringLiteral("/new"),
                       QStringLiteral("--standbys"),
                       QStringLiteral("3"),
                       QStringLiteral("--synchronous-standby-names"),
                       QStringLiteral("FIRST 2 (standby1, standby2")}
        << QStringLiteral("synchronous_standby_names");
    QTest::addRow("reset with a refused synchronous_standby_names")
        << QStringList{QStringLiteral("reset"), QStringLiteral("--dir"), base + QStringLiteral("/new"),
                       QStringLiteral("--synchronous-standby-names"), QStringLiteral("ANY 0 (*)")}
        << QStringLiteral("greater than zero");
    QTest::addRow("--standby on the wrong action")
        << QStringList{QStringLiteral("async"), QStringLiteral("--standby"), QStringLiteral("standby2"),
                       QStringLiteral("--dir"), base}
        << QStringLiteral("--standby belongs");
    QTest::addRow("mode on the wrong action")
        << QStringList{QStringLiteral("promote"), QStringLiteral("--async"), QStringLiteral("--dir"), base}
        << QStringLiteral("belong to 'up' and 'reset'");
}

void TestSandbox::badInputChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const QString base = m_base.path() + QStringLiteral("/bad");
    QDir().mkpath(base + QStringLiteral("/full"));
    QDir().mkpath(base + QStringLiteral("/emptybin"));
    QDir().mkpath(base + QStringLiteral("/closed"));
    QVERIFY(QFile::setPermissions(base + QStringLiteral("/closed"),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    QDir().mkpath(base + QStringLiteral("/foreign/primary"));
    for (const auto &[path, content] :
         {std::pair{QStringLiteral("/foreign/sandbox.json"), QByteArray("{\"name\": \"my project\"}\n")},
          std::pair{QStringLiteral("/foreign/primary/data.csv"), QByteArray("1,2,3\n")}}) {
        QFile foreign(base + path);
        QVERIFY(foreign.open(QIODevice::WriteOnly));
        foreign.write(content);
    }
    QFile other(base + QStringLiteral("/full/notes.txt"));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("the user's own file\n");
    other.close();
    QFile file(base + QStringLiteral("/afile"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a folder\n");
    file.close();
    const QByteArray before = listing(base);

    QProcess process;
    process.start(replicactl(), QStringList{QStringLiteral("sandbox")} + arguments);
    QVERIFY(process.waitForFinished(30000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(err.contains(expected), qPrintable(err));
    QCOMPARE(listing(base), before);
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "test_sandbox.moc"
