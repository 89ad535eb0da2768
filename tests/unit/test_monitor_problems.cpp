#include "core/monitor/replication_sampler.h"

#include <QtTest/QTest>

namespace {

QStringList codes(const QList<ReplicationProblem> &problems)
{
    QStringList result;
    for (const auto &problem : problems)
        result << problem.code;
    return result;
}

ReplicationSample primaryWith(const QString &synchronousStandbyNames, std::optional<int> commitsWaiting)
{
    ReplicationSample sample;
    sample.primary.name = QStringLiteral("primary");
    sample.primary.reachable = true;
    sample.primary.serverVersionNum = 150020;
    sample.primary.synchronousStandbyNames = synchronousStandbyNames;
    sample.primary.synchronousCommit = QStringLiteral("on");
    sample.primary.commitsWaiting = commitsWaiting;
    return sample;
}

ReplicationSample::Standby streaming(const QString &name, const QString &syncState)
{
    ReplicationSample::Standby row;
    row.applicationName = name;
    row.state = QStringLiteral("streaming");
    row.syncState = syncState;
    return row;
}

ReplicationSample::Server standbyServer(const QString &name, bool reachable)
{
    ReplicationSample::Server server;
    server.name = name;
    server.reachable = reachable;
    server.inRecovery = reachable;
    return server;
}

} // namespace

// ReplicationSampler::problemsIn on made-up samples: the alert table of
// issue 16 (which code, when, naming what) and the WAL rate between samples.
class TestMonitorProblems : public QObject
{
    Q_OBJECT

private slots:
    void waitingCommits_data();
    void waitingCommits();
    void watchedStandbyThatDoesNotStream();
    void inactiveSlotOverTheLimit_data();
    void inactiveSlotOverTheLimit();
    void walRateBetweenSamples_data();
    void walRateBetweenSamples();
};

void TestMonitorProblems::waitingCommits_data()
{
    QTest::addColumn<QString>("names");
    QTest::addColumn<int>("waiting"); // -1: unknown (9.x)
    QTest::addColumn<QStringList>("syncStates");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("named");
    QTest::addRow("stuck commit, standby gone")
        << QStringLiteral("FIRST 1 (a, \"b c\")") << 1 << QStringList()
        << QStringList{QStringLiteral("commits-waiting")} << QStringLiteral("not streaming: a, b c");
    QTest::addRow("nothing committed yet")
        << QStringLiteral("FIRST 1 (a, \"b c\")") << 0 << QStringList()
        << QStringList{QStringLiteral("sync-standby-missing")} << QStringLiteral("not streaming: a, b c");
    QTest::addRow("9.x: only the sync_state counts")
        << QStringLiteral("a") << -1 << QStringList() << QStringList{QStringLiteral("sync-standby-missing")}
        << QStringLiteral("not streaming: a");
    QTest::addRow("ANY 2 with one quorum standby")
        << QStringLiteral("ANY 2 (s0, s1)") << 0 << QStringList{QStringLiteral("quorum")}
        << QStringList{QStringLiteral("sync-standby-missing")} << QStringLiteral("not streaming: s1");
    QTest::addRow("stuck although the sync standby streams")
        << QStringLiteral("s0") << 3 << QStringList{QStringLiteral("sync")}
        << QStringList{QStringLiteral("commits-waiting")} << QStringLiteral("flush lag");
    QTest::addRow("all well") << QStringLiteral("s0") << 0 << QStringList{QStringLiteral("sync")} << QStringList()
                              << QString();
    QTest::addRow("asynchronous") << QString() << 0 << QStringList{QStringLiteral("async")} << QStringList()
                                  << QString();
}

void TestMonitorProblems::waitingCommits()
{
    QFETCH(QString, names);
    QFETCH(int, waiting);
    QFETCH(QStringList, syncStates);
    QFETCH(QStringList, expected);
    QFETCH(QString, named);
    ReplicationSample sample = primaryWith(names, waiting < 0 ? std::nullopt : std::optional<int>(waiting));
    for (int i = 0; i < syncStates.size(); ++i)
        sample.standbys << streaming(QStringLiteral("s%1").arg(i), syncStates.at(i));
    const auto problems = ReplicationSampler::problemsIn(sample);
    QCOMPARE(codes(problems), expected);
    if (!expected.isEmpty()) {
        QCOMPARE(problems.first().severity, ReplicationProblem::Severity::Critical);
        QVERIFY2(problems.first().message.contains(named), qPrintable(problems.first().message));
        QVERIFY(problems.first().message.contains(QStringLiteral("pg_reload_conf()")));
    }
}

void TestMonitorProblems::watchedStandbyThatDoesNotStream()
{
    ReplicationSample sample = primaryWith(QString(), 0);
    sample.standbyServers << standbyServer(QStringLiteral("up-but-away"), true)
                          << standbyServer(QStringLiteral("down"), false)
                          << standbyServer(QStringLiteral("streams"), true);
    sample.standbys << streaming(QStringLiteral("streams"), QStringLiteral("async"));
    const auto problems = ReplicationSampler::problemsIn(sample);
    QCOMPARE(codes(problems),
             (QStringList{QStringLiteral("standby-disconnected"), QStringLiteral("server-unreachable")}));
    QCOMPARE(problems.at(0).subject, QStringLiteral("up-but-away"));
    QCOMPARE(problems.at(1).subject, QStringLiteral("down")); // said once, as unreachable
}

void TestMonitorProblems::inactiveSlotOverTheLimit_data()
{
    QTest::addColumn<bool>("active");
    QTest::addColumn<qint64>("retained");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<bool>("reported");
    const qint64 gb = qint64(1) << 30;
    QTest::addRow("inactive, 2 GB") << false << 2 * gb << gb << true;
    QTest::addRow("inactive, 10 MB") << false << qint64(10) << gb << false;
    QTest::addRow("inactive, 10 MB, limit 1 MB") << false << qint64(10 << 20) << qint64(1 << 20) << true;
    QTest::addRow("active, 2 GB") << true << 2 * gb << gb << false;
}

void TestMonitorProblems::inactiveSlotOverTheLimit()
{
    QFETCH(bool, active);
    QFETCH(qint64, retained);
    QFETCH(qint64, limit);
    QFETCH(bool, reported);
    ReplicationSample sample = primaryWith(QString(), 0);
    ReplicationSample::Slot slot;
    slot.name = QStringLiteral("standby1");
    slot.type = QStringLiteral("physical");
    slot.active = active;
    slot.walStatus = QStringLiteral("extended");
    slot.retainedBytes = retained;
    sample.replicationSlots << slot;
    ReplicationSampler::Thresholds thresholds;
    thresholds.inactiveSlotRetainedBytes = limit;
    const auto problems = ReplicationSampler::problemsIn(sample, thresholds);
    QCOMPARE(codes(problems).contains(QStringLiteral("slot-inactive-retaining")), reported);
    if (reported)
        QVERIFY(problems.first().message.contains(QStringLiteral("pg_drop_replication_slot('standby1')")));
}

void TestMonitorProblems::walRateBetweenSamples_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<double>("rate"); // -1: unknown
    QTest::addRow("16 MB in 2 s") << QStringLiteral("0/1000000") << QStringLiteral("0/2000000") << qint64(2000)
                                  << 8388608.0;
    QTest::addRow("across the 4 GB boundary")
        << QStringLiteral("0/FFFFFF00") << QStringLiteral("1/00000100") << qint64(1000) << 512.0;
    QTest::addRow("idle") << QStringLiteral("0/3000148") << QStringLiteral("0/3000148") << qint64(1000) << 0.0;
    QTest::addRow("went back: another primary")
        << QStringLiteral("0/5000000") << QStringLiteral("0/3000000") << qint64(1000) << -1.0;
    QTest::addRow("first sample") << QString() << QStringLiteral("0/3000000") << qint64(1000) << -1.0;
}

void TestMonitorProblems::walRateBetweenSamples()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(qint64, ms);
    QFETCH(double, rate);
    ReplicationSample first = primaryWith(QString(), 0);
    first.primary.currentLsn = before;
    first.sampledAt = QDateTime::fromMSecsSinceEpoch(1764115200000, Qt::UTC);
    ReplicationSample second = primaryWith(QString(), 0);
    second.primary.currentLsn = after;
    second.sampledAt = first.sampledAt.addMSecs(ms);
    const auto found = ReplicationSampler::walRate(first, second);
    if (rate < 0)
        QVERIFY(!found.has_value());
    else
        QCOMPARE(found.value_or(-1), rate);
}

QTEST_GUILESS_MAIN(TestMonitorProblems)
#include "test_monitor_problems.moc"
