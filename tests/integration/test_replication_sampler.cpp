#include "core/monitor/replication_queries.h"
#include "core/monitor/replication_sampler.h"
#include "core/pg/pg_connection.h"

#include "live_server.h"
#include "pg_builds.h"
#include "silent_port.h"
#include "stall_meter.h"

#include <QSignalSpy>
#include <QtTest/QTest>

Q_DECLARE_METATYPE(ReplicationSample)
Q_DECLARE_METATYPE(PgResult)

namespace {

bool hasProblem(const ReplicationSample &sample, const QString &code)
{
    for (const auto &problem : sample.problems)
        if (problem.code == code)
            return true;
    return false;
}

QStringList problemCodes(const QList<ReplicationProblem> &problems)
{
    QStringList codes;
    for (const auto &problem : problems)
        codes << problem.code;
    return codes;
}

ReplicationSample::Standby standbyRow(const QString &name, const QString &syncState)
{
    ReplicationSample::Standby standby;
    standby.applicationName = name;
    standby.state = QStringLiteral("streaming");
    standby.syncState = syncState;
    return standby;
}

} // namespace

// ReplicationSampler against a real primary and hot standby (PostgreSQL 15,
// streaming through a slot), and its problem finder on made-up samples.
class TestReplicationSampler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void olderMajorsGetTheirOwnNames_data();
    void olderMajorsGetTheirOwnNames();
    void primaryWouldBlock_data();
    void primaryWouldBlock();
    void firstConnectIsNotAProblemYet();
    void samplesAStreamingPair();
    void lsnsMoveAndTheStandbyCatchesUp();
    void synchronousStandbyAndBlockingPrimary();
    void stoppedStandbyIsReportedAndRecovers();
    void pausedReplayIsReported();
    void standbyRefusesWritesWith25006();
    void silentStandbyDoesNotHoldTheRoundsBack();
    void monitoringSqlRunsOnEveryMajor_data();
    void monitoringSqlRunsOnEveryMajor();
    void cleanupTestCase();

private:
    // Starts sampling the class's primary and standby every 200 ms.
    void watchPrimaryAndStandby(ReplicationSampler &sampler) const;
    ReplicationSample waitForSample(ReplicationSampler &sampler,
                                    const std::function<bool(const ReplicationSample &)> &wanted,
                                    int timeoutMs = 20000);

    std::unique_ptr<LiveServer> m_primary;
    std::unique_ptr<LiveServer> m_standby;
    QString m_skip;
};

void TestReplicationSampler::initTestCase()
{
    qRegisterMetaType<ReplicationSample>();
    qRegisterMetaType<PgResult>();
    m_skip = LiveServer::unavailableReason();
    if (!m_skip.isEmpty())
        return; // the server-less tests still run
    m_primary = std::make_unique<LiveServer>();
    auto step = m_primary->initdb();
    if (step)
        step = m_primary->appendSettings(LiveServer::smallFastSettings());
    if (step)
        step = m_primary->start();
    QVERIFY2(step, qPrintable(step ? QString() : step.error().fullText()));
    m_standby = std::make_unique<LiveServer>();
    step = m_standby->initStandbyOf(*m_primary, QStringLiteral("standby1"));
    if (step)
        step = m_standby->start();
    QVERIFY2(step, qPrintable(step ? QString() : step.error().fullText()));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_primary->query(QStringLiteral("SELECT state FROM pg_stat_replication WHERE application_name = 'standby1'"))
            .valueOr(QString()),
        QStringLiteral("streaming"), 30000);
}

void TestReplicationSampler::cleanupTestCase()
{
    m_standby.reset();
    m_primary.reset();
}

void TestReplicationSampler::watchPrimaryAndStandby(ReplicationSampler &sampler) const
{
    sampler.setInterval(200);
    sampler.setPrimary(QStringLiteral("primary"), m_primary->conninfo());
    sampler.addStandby(QStringLiteral("standby1"), m_standby->conninfo());
    sampler.start();
}

ReplicationSample TestReplicationSampler::waitForSample(ReplicationSampler &sampler,
                                                        const std::function<bool(const ReplicationSample &)> &wanted,
                                                        int timeoutMs)
{
    ReplicationSample found;
    bool done = false;
    const auto link = connect(&sampler, &ReplicationSampler::sampleReady, this, [&](const ReplicationSample &sample) {
        if (!done && wanted(sample)) {
            found = sample;
            done = true;
        }
    });
    if (!QTest::qWaitFor([&done] { return done; }, timeoutMs))
        qWarning() << "no such sample; the last one:" << sampler.lastSample().problems.size() << "problems"
                   << problemCodes(sampler.lastSample().problems);
    disconnect(link);
    return found;
}

void TestReplicationSampler::olderMajorsGetTheirOwnNames_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::addRow("9.3") << 9 << 3
                         << QStringList{QStringLiteral("pg_current_xlog_location"), QStringLiteral("sent_location"),
                                        QStringLiteral("pg_xlog_location_diff"),
                                        QStringLiteral("pg_is_xlog_replay_paused")}
                         << QStringList{QStringLiteral("_lsn()"), QStringLiteral("FROM write_lag"),
                                        QStringLiteral("FROM reply_time"), QStringLiteral("wal_status AS")};
    QTest::addRow("9.6") << 9 << 6
                         << QStringList{QStringLiteral("replay_location"),
                                        QStringLiteral("pg_last_xlog_receive_location")}
                         << QStringList{QStringLiteral("pg_current_wal_lsn"), QStringLiteral("FROM flush_lag")};
    QTest::addRow("10") << 10 << 0 << QStringList{QStringLiteral("pg_current_wal_lsn"), QStringLiteral("write_lag")}
                        << QStringList{QStringLiteral("xlog"), QStringLiteral("FROM reply_time"),
                                       QStringLiteral("wal_status AS")};
    QTest::addRow("13") << 13 << 0
                        << QStringList{QStringLiteral("FROM reply_time"), QStringLiteral("wal_status AS"),
                                       QStringLiteral("safe_wal_size AS")}
                        << QStringList{QStringLiteral("xlog"), QStringLiteral("_location")};
}

void TestReplicationSampler::olderMajorsGetTheirOwnNames()
{
    QFETCH(int, major);
    QFETCH(int, minor);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const VersionRules rules(major >= 10 ? PgVersion(major) : PgVersion(major, minor));
    const ReplicationQueries queries(rules);
    const QString all =
        queries.serverStatus() + queries.statReplication() + queries.replicationSlots() + queries.statArchiver();
    for (const QString &name : present)
        QVERIFY2(all.contains(name), qPrintable(name));
    for (const QString &name : absent)
        QVERIFY2(!all.contains(name), qPrintable(name));
    QCOMPARE(queries.replicationSlots().isEmpty(), !rules.hasReplicationSlots());
    QCOMPARE(queries.statArchiver().isEmpty(), !rules.hasStatArchiver());
}

void TestReplicationSampler::primaryWouldBlock_data()
{
    QTest::addColumn<QString>("names");
    QTest::addColumn<QString>("commit");
    QTest::addColumn<QStringList>("syncStates");
    QTest::addColumn<bool>("blocks");
    QTest::addRow("not synchronous") << QString() << QStringLiteral("on") << QStringList() << false;
    QTest::addRow("sole sync standby gone")
        << QStringLiteral("standby1") << QStringLiteral("on") << QStringList() << true;
    QTest::addRow("sync standby there") << QStringLiteral("standby1") << QStringLiteral("on")
                                        << QStringList{QStringLiteral("sync")} << false;
    QTest::addRow("only a potential one")
        << QStringLiteral("a, b") << QStringLiteral("remote_apply") << QStringList{QStringLiteral("potential")} << true;
    QTest::addRow("FIRST 2 with one") << QStringLiteral("FIRST 2 (a, b, c)") << QStringLiteral("on")
                                      << QStringList{QStringLiteral("sync"), QStringLiteral("potential")} << true;
    QTest::addRow("9.6 style 2 with two") << QStringLiteral("2 (a, b)") << QStringLiteral("on")
                                          << QStringList{QStringLiteral("sync"), QStringLiteral("sync")} << false;
    QTest::addRow("ANY 2 with two") << QStringLiteral("any 2 (a, b)") << QStringLiteral("on")
                                    << QStringList{QStringLiteral("quorum"), QStringLiteral("quorum")} << false;
    QTest::addRow("ANY 2 with one") << QStringLiteral("ANY 2 (a, b)") << QStringLiteral("on")
                                    << QStringList{QStringLiteral("quorum")} << true;
    QTest::addRow("commit local does not wait")
        << QStringLiteral("standby1") << QStringLiteral("local") << QStringList() << false;
    QTest::addRow("commit off does not wait") << QStringLiteral("*") << QStringLiteral("off") << QStringList() << false;
}

void TestReplicationSampler::primaryWouldBlock()
{
    QFETCH(QString, names);
    QFETCH(QString, commit);
    QFETCH(QStringList, syncStates);
    QFETCH(bool, blocks);
    ReplicationSample sample;
    sample.primary.name = QStringLiteral("primary");
    sample.primary.reachable = true;
    sample.primary.serverVersionNum = 150020;
    sample.primary.synchronousStandbyNames = names;
    sample.primary.synchronousCommit = commit;
    for (int i = 0; i < syncStates.size(); ++i)
        sample.standbys << standbyRow(QStringLiteral("s%1").arg(i), syncStates.at(i));
    const auto problems = ReplicationSampler::problemsIn(sample);
    QCOMPARE(problemCodes(problems).contains(QStringLiteral("sync-standby-missing")), blocks);
    if (blocks) {
        QCOMPARE(problems.first().severity, ReplicationProblem::Severity::Critical);
        QVERIFY(problems.first().message.contains(names));
        QVERIFY(problems.first().message.contains(QStringLiteral("pg_reload_conf()")));
    }
}

void TestReplicationSampler::firstConnectIsNotAProblemYet()
{
    ReplicationSample sample;
    sample.primary.name = QStringLiteral("primary");
    sample.primary.connecting = true;
    ReplicationSample::Server standby;
    standby.name = QStringLiteral("standby1");
    standby.connecting = true;
    sample.standbyServers << standby;
    QVERIFY(ReplicationSampler::problemsIn(sample).isEmpty());

    // Once an attempt has failed, it is.
    sample.primary.connecting = false;
    sample.standbyServers.first().connecting = false;
    QCOMPARE(problemCodes(ReplicationSampler::problemsIn(sample)),
             (QStringList{QStringLiteral("server-unreachable"), QStringLiteral("server-unreachable")}));
}

void TestReplicationSampler::samplesAStreamingPair()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    ReplicationSampler sampler;
    watchPrimaryAndStandby(sampler);
    const ReplicationSample sample = waitForSample(sampler, [](const ReplicationSample &s) {
        return s.primary.reachable && !s.standbyServers.isEmpty() && s.standbyServers.first().reachable &&
               !s.standbys.isEmpty();
    });
    QVERIFY(sample.primary.reachable);
    QCOMPARE(sample.primary.role(), QStringLiteral("primary"));
    QVERIFY(sample.primary.serverVersionNum >= 150000);
    QVERIFY(ReplicationSample::parseLsn(sample.primary.currentLsn).has_value());
    QCOMPARE(sample.primary.synchronousCommit, QStringLiteral("on"));

    QCOMPARE(sample.standbys.size(), 1);
    const auto &row = sample.standbys.first();
    QCOMPARE(row.applicationName, QStringLiteral("standby1"));
    QCOMPARE(row.state, QStringLiteral("streaming"));
    QCOMPARE(row.syncState, QStringLiteral("async"));
    QVERIFY(row.clientAddr.isEmpty()); // over the Unix socket
    QVERIFY(row.pid > 0);
    QVERIFY(ReplicationSample::parseLsn(row.sentLsn).has_value());
    QVERIFY(ReplicationSample::parseLsn(row.replayLsn).has_value());
    QVERIFY(row.byteLag.has_value());
    QVERIFY(*row.byteLag >= 0);
    QVERIFY(row.replyTime.has_value());
    QVERIFY(qAbs(row.replyTime->secsTo(QDateTime::currentDateTimeUtc())) < 60);

    const auto &standby = sample.standbyServers.first();
    QCOMPARE(standby.name, QStringLiteral("standby1"));
    QCOMPARE(standby.role(), QStringLiteral("standby"));
    QVERIFY(standby.currentLsn.isEmpty());
    QVERIFY(ReplicationSample::parseLsn(standby.receiveLsn).has_value());
    QVERIFY(ReplicationSample::parseLsn(standby.replayLsn).has_value());
    QVERIFY(!standby.replayPaused);

    QCOMPARE(sample.replicationSlots.size(), 1);
    QCOMPARE(sample.replicationSlots.first().name, QStringLiteral("standby1"));
    QVERIFY(sample.replicationSlots.first().active);
    QCOMPARE(sample.replicationSlots.first().walStatus, QStringLiteral("reserved"));
    QVERIFY(sample.archiver.has_value());
    QCOMPARE(sample.archiver->failedCount, 0);
    QVERIFY2(sample.problems.isEmpty(), qPrintable(problemCodes(sample.problems).join(QLatin1Char(','))));
}

void TestReplicationSampler::lsnsMoveAndTheStandbyCatchesUp()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    ReplicationSampler sampler;
    watchPrimaryAndStandby(sampler);
    const ReplicationSample before =
        waitForSample(sampler, [](const ReplicationSample &s) { return s.primary.reachable && !s.standbys.isEmpty(); });
    const quint64 startLsn = ReplicationSample::parseLsn(before.primary.currentLsn).value_or(0);
    QVERIFY(startLsn > 0);
    QVERIFY(m_primary->query(
        QStringLiteral("CREATE TABLE IF NOT EXISTS filler (n int, pad text);"
                       "INSERT INTO filler SELECT g, repeat('x', 200) FROM generate_series(1, 20000) g;")));
    const ReplicationSample after = waitForSample(sampler, [startLsn](const ReplicationSample &s) {
        if (s.standbys.isEmpty() || s.standbyServers.isEmpty())
            return false;
        const auto primary = ReplicationSample::parseLsn(s.primary.currentLsn).value_or(0);
        const auto replayed = ReplicationSample::parseLsn(s.standbys.first().replayLsn).value_or(0);
        const auto standbySide = ReplicationSample::parseLsn(s.standbyServers.first().replayLsn).value_or(0);
        return primary > startLsn + 1000000 && replayed >= primary && standbySide >= primary;
    });
    QVERIFY(after.sampledAt.isValid());
    QCOMPARE(after.standbys.first().byteLag.value_or(-1), 0);
    QVERIFY(after.standbyServers.first().lastReplayTime.has_value());
    QCOMPARE(m_standby->query(QStringLiteral("SELECT count(*) FROM filler")).valueOr(QString()),
             QStringLiteral("20000"));
}

void TestReplicationSampler::synchronousStandbyAndBlockingPrimary()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    ReplicationSampler sampler;
    sampler.setInterval(200);
    sampler.setPrimary(QStringLiteral("primary"), m_primary->conninfo());
    QSignalSpy problemsChanged(&sampler, &ReplicationSampler::problemsChanged);
    sampler.start();

    QVERIFY(m_primary->query(
        QStringLiteral("ALTER SYSTEM SET synchronous_standby_names = 'standby1'; SELECT pg_reload_conf()")));
    const ReplicationSample sync = waitForSample(sampler, [](const ReplicationSample &s) {
        return !s.standbys.isEmpty() && s.standbys.first().syncState == QLatin1String("sync");
    });
    QCOMPARE(sync.primary.synchronousStandbyNames, QStringLiteral("standby1"));
    QCOMPARE(sync.standbys.first().syncPriority, 1);
    QVERIFY(!hasProblem(sync, QStringLiteral("sync-standby-missing")));

    // Names a standby that is not there: every commit would wait.
    QVERIFY(m_primary->query(
        QStringLiteral("ALTER SYSTEM SET synchronous_standby_names = 'nobody'; SELECT pg_reload_conf()")));
    const ReplicationSample blocked = waitForSample(
        sampler, [](const ReplicationSample &s) { return hasProblem(s, QStringLiteral("sync-standby-missing")); });
    QCOMPARE(blocked.problems.first().code, QStringLiteral("sync-standby-missing"));
    QCOMPARE(blocked.problems.first().severity, ReplicationProblem::Severity::Critical);
    QCOMPARE(blocked.standbys.first().syncState, QStringLiteral("async"));
    QVERIFY(!problemsChanged.isEmpty());

    QVERIFY(m_primary->query(QStringLiteral("ALTER SYSTEM RESET synchronous_standby_names; SELECT pg_reload_conf()")));
    const ReplicationSample released =
        waitForSample(sampler, [](const ReplicationSample &s) { return s.primary.reachable && s.problems.isEmpty(); });
    QVERIFY(released.primary.synchronousStandbyNames.isEmpty());
    QVERIFY(problemCodes(problemsChanged.last().first().value<QList<ReplicationProblem>>()).isEmpty());
}

void TestReplicationSampler::stoppedStandbyIsReportedAndRecovers()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    ReplicationSampler sampler;
    watchPrimaryAndStandby(sampler);
    waitForSample(sampler, [](const ReplicationSample &s) { return !s.standbys.isEmpty() && s.problems.isEmpty(); });

    QVERIFY(m_standby->stop());
    // The sentence for a server that is down says what to do.
    const ReplicationSample down = waitForSample(sampler, [](const ReplicationSample &s) {
        return s.standbys.isEmpty() && !s.standbyServers.isEmpty() && !s.standbyServers.first().reachable &&
               s.standbyServers.first().error.userText().contains(QStringLiteral("Start the server"));
    });
    QVERIFY(down.sampledAt.isValid());
    // Down, not just disconnected: said once, as server-unreachable.
    QVERIFY(!hasProblem(down, QStringLiteral("standby-disconnected")));
    QVERIFY(hasProblem(down, QStringLiteral("server-unreachable")));
    QVERIFY(!hasProblem(down, QStringLiteral("slot-inactive-retaining"))); // a few MB, under the 1 GB limit
    QVERIFY(!down.replicationSlots.first().active);
    QVERIFY(down.primary.reachable);

    const auto restarted = m_standby->start();
    QVERIFY2(restarted, qPrintable(restarted ? QString() : restarted.error().fullText()));
    const ReplicationSample back = waitForSample(
        sampler,
        [](const ReplicationSample &s) {
            return !s.standbys.isEmpty() && s.standbys.first().state == QLatin1String("streaming") &&
                   s.standbyServers.first().reachable && s.problems.isEmpty();
        },
        30000);
    QVERIFY(back.replicationSlots.first().active);
}

void TestReplicationSampler::pausedReplayIsReported()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    ReplicationSampler sampler;
    watchPrimaryAndStandby(sampler);
    QVERIFY(m_standby->query(QStringLiteral("SELECT pg_wal_replay_pause()")));
    const ReplicationSample paused = waitForSample(
        sampler, [](const ReplicationSample &s) { return hasProblem(s, QStringLiteral("replay-paused")); });
    QVERIFY(!paused.standbyServers.isEmpty());
    QVERIFY(paused.standbyServers.first().replayPaused);
    bool found = false;
    for (const auto &problem : paused.problems)
        found = found || problem.message.contains(QStringLiteral("pg_wal_replay_resume()"));
    QVERIFY(found);
    QVERIFY(m_standby->query(QStringLiteral("SELECT pg_wal_replay_resume()")));
    waitForSample(sampler, [](const ReplicationSample &s) {
        return !s.standbyServers.isEmpty() && s.standbyServers.first().reachable &&
               !s.standbyServers.first().replayPaused;
    });
    QVERIFY(!sampler.lastSample().standbyServers.isEmpty());
    QVERIFY(!sampler.lastSample().standbyServers.first().replayPaused);
}

void TestReplicationSampler::standbyRefusesWritesWith25006()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    QVERIFY(m_primary->query(QStringLiteral("CREATE TABLE IF NOT EXISTS weather (city text, temp_lo int)")));
    PgConnection standby;
    QSignalSpy connected(&standby, &PgConnection::connected);
    standby.open(m_standby->conninfo());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    QSignalSpy results(&standby, &PgConnection::resultReady);
    standby.exec(QStringLiteral("INSERT INTO weather (city, temp_lo) VALUES ($1, $2)"),
                 {QStringLiteral("Hayward"), QStringLiteral("37")});
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 10000);
    const auto result = results.first().first().value<PgResult>();
    QVERIFY(!result.ok);
    QCOMPARE(result.error.sqlState, QStringLiteral("25006"));
    QCOMPARE(result.error.message, QStringLiteral("cannot execute INSERT in a read-only transaction"));
}

void TestReplicationSampler::silentStandbyDoesNotHoldTheRoundsBack()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    // A loopback port whose accept queue is full: connects hang there.
    const SilentPort ghost;

    ReplicationSampler sampler;
    sampler.setInterval(200);
    sampler.setConnectTimeout(3000);
    sampler.setPrimary(QStringLiteral("primary"), m_primary->conninfo());
    sampler.addStandby(QStringLiteral("ghost"),
                       QStringLiteral("host=127.0.0.1 port=%1 user=postgres").arg(ghost.port()));
    StallMeter meter;
    QSignalSpy samples(&sampler, &ReplicationSampler::sampleReady);
    sampler.start();
    QTest::qWait(4000);
    meter.stop();

    // Rounds go on at the interval while the ghost hangs, then times out.
    QVERIFY2(samples.size() >= 10, qPrintable(QString::number(samples.size())));
    const auto last = samples.last().first().value<ReplicationSample>();
    QVERIFY(last.primary.reachable);
    QVERIFY(!last.standbyServers.first().reachable);
    QVERIFY(hasProblem(last, QStringLiteral("server-unreachable")));
    QVERIFY2(meter.longestMs() < 100, qPrintable(QStringLiteral("event loop stalled %1 ms").arg(meter.longestMs())));
    qInfo("%lld samples in 4 s with a silent standby; longest event-loop stall %lld ms", qlonglong(samples.size()),
          meter.longestMs());
}

void TestReplicationSampler::monitoringSqlRunsOnEveryMajor_data()
{
    QTest::addColumn<int>("major");
    for (int major : PgBuilds::majors())
        QTest::addRow("%d", major) << major;
}

void TestReplicationSampler::monitoringSqlRunsOnEveryMajor()
{
    // Each major's own server parses the SQL built for it: a column or
    // function named for another major fails even when no row matches.
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    QFETCH(int, major);
    QString why;
    const QString binDir = PgBuilds::binDir(major, &why);
    if (binDir.isEmpty())
        QSKIP(qPrintable(why));
    LiveServer server(binDir);
    auto step = server.initdb();
    if (step)
        step = server.appendSettings(LiveServer::smallFastSettings());
    if (step)
        step = server.start();
    QVERIFY2(step, qPrintable(step ? QString() : step.error().fullText()));

    PgConnection connection;
    QSignalSpy connected(&connection, &PgConnection::connected);
    connection.open(server.conninfo());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    QCOMPARE(connection.serverVersionNum() / 10000, major);
    const ReplicationQueries queries{VersionRules(PgVersion::fromServerVersionNum(connection.serverVersionNum()))};
    QSignalSpy results(&connection, &PgConnection::resultReady);
    const QStringList sql{queries.serverStatus(), queries.statReplication(), queries.replicationSlots(),
                          queries.statArchiver()};
    for (const QString &statement : sql)
        connection.exec(statement);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), sql.size(), 10000);
    for (int i = 0; i < results.size(); ++i) {
        const auto result = results.at(i).first().value<PgResult>();
        QVERIFY2(result.ok, qPrintable(QStringLiteral("%1\n%2").arg(result.error.raw, sql.at(i))));
    }

    // And the sampler reads the server whole.
    ReplicationSampler sampler;
    sampler.setInterval(200);
    sampler.setPrimary(QStringLiteral("primary"), server.conninfo());
    sampler.start();
    const ReplicationSample sample =
        waitForSample(sampler, [](const ReplicationSample &s) { return s.primary.reachable; });
    QCOMPARE(sample.primary.serverVersionNum / 10000, major);
    QVERIFY(ReplicationSample::parseLsn(sample.primary.currentLsn).has_value());
    QVERIFY(sample.archiver.has_value());
    QVERIFY2(sample.problems.isEmpty(), qPrintable(problemCodes(sample.problems).join(QLatin1Char(','))));
}

QTEST_GUILESS_MAIN(TestReplicationSampler)
#include "test_replication_sampler.moc"
