#include "core/monitor/replication_sampler.h"

#include "live_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest/QTest>

namespace {

bool hasProblem(const ReplicationSample &sample, const QString &code)
{
    return std::any_of(sample.problems.cbegin(), sample.problems.cend(),
                       [&code](const ReplicationProblem &problem) { return problem.code == code; });
}

QString replicactl()
{
    return QStringLiteral(REPLICA_BINARY_DIR "/app/replicactl/replicactl");
}

} // namespace

// The sampler's figures and alerts against a real primary (archive_mode on)
// and hot standby "standby1" (PostgreSQL 15): an idle pair has no lag,
// archive_command = 'false' is reported and clears, and `replicactl watch
// --json` prints the NDJSON the issue specifies.
class TestSamplerAlerts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void idlePrimaryHasNoLag();
    void failingArchiverIsReportedAndClears();
    void watchJsonPrintsOneObjectPerSample();
    void slotOfAStoppedStandbyWalksToLost(); // last: the standby cannot come back
    void cleanupTestCase();

private:
    ReplicationSample waitForSample(const std::function<bool(const ReplicationSample &)> &wanted,
                                    int timeoutMs = 30000);

    std::unique_ptr<LiveServer> m_primary;
    std::unique_ptr<LiveServer> m_standby;
    std::unique_ptr<ReplicationSampler> m_sampler;
    QString m_skip;
};

void TestSamplerAlerts::initTestCase()
{
    m_skip = LiveServer::unavailableReason();
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    m_primary = std::make_unique<LiveServer>();
    auto step = m_primary->initdb();
    if (step)
        step = m_primary->appendSettings(LiveServer::smallFastSettings() + QStringLiteral("archive_mode = on\n"));
    if (step)
        step = m_primary->start();
    QVERIFY2(step, qPrintable(step ? QString() : step.error().fullText()));
    m_standby = std::make_unique<LiveServer>();
    step = m_standby->initStandbyOf(*m_primary, QStringLiteral("standby1"));
    if (step)
        step = m_standby->appendSettings(QStringLiteral("archive_mode = off\n"));
    if (step)
        step = m_standby->start();
    QVERIFY2(step, qPrintable(step ? QString() : step.error().fullText()));
    m_sampler = std::make_unique<ReplicationSampler>();
    m_sampler->setInterval(200);
    m_sampler->setPrimary(QStringLiteral("primary"), m_primary->conninfo());
    m_sampler->addStandby(QStringLiteral("standby1"), m_standby->conninfo());
    m_sampler->start();
}

void TestSamplerAlerts::cleanupTestCase()
{
    m_sampler.reset();
    m_standby.reset();
    m_primary.reset();
}

ReplicationSample TestSamplerAlerts::waitForSample(const std::function<bool(const ReplicationSample &)> &wanted,
                                                   int timeoutMs)
{
    ReplicationSample found;
    bool done = false;
    const auto link = connect(m_sampler.get(), &ReplicationSampler::sampleReady, this, [&](const ReplicationSample &s) {
        if (!done && wanted(s)) {
            found = s;
            done = true;
        }
    });
    if (!QTest::qWaitFor([&done] { return done; }, timeoutMs))
        qWarning("no such sample within %d ms", timeoutMs);
    disconnect(link);
    return found;
}

void TestSamplerAlerts::idlePrimaryHasNoLag()
{
    const ReplicationSample idle = waitForSample([](const ReplicationSample &s) {
        if (s.standbys.isEmpty() || s.standbyServers.isEmpty())
            return false;
        const auto &row = s.standbys.first();
        return row.sentLagBytes == 0 && row.writeLagBytes == 0 && row.flushLagBytes == 0 && row.byteLag == 0 &&
               s.standbyServers.first().replayDelayMs.has_value();
    });
    QVERIFY2(!idle.standbys.isEmpty(), "the standby never caught up");
    // Nothing left to replay: the delay is 0, not the age of the last transaction.
    QCOMPARE(*idle.standbyServers.first().replayDelayMs, 0.0);
    QCOMPARE(idle.primary.commitsWaiting.value_or(-1), 0);
    QVERIFY(idle.primary.walBytesPerSecond.has_value());
    QVERIFY(*idle.primary.walBytesPerSecond >= 0);
    QVERIFY2(idle.problems.isEmpty(), qPrintable(idle.problems.value(0).message));
    // A few seconds later it is still idle: the delay does not grow.
    QTest::qWait(2500);
    const ReplicationSample later = m_sampler->lastSample();
    QCOMPARE(later.standbyServers.first().replayDelayMs.value_or(-1), 0.0);
}

void TestSamplerAlerts::failingArchiverIsReportedAndClears()
{
    QVERIFY(m_primary->query(QStringLiteral("ALTER SYSTEM SET archive_command = 'false'; SELECT pg_reload_conf()")));
    QVERIFY(m_primary->query(QStringLiteral("CREATE TABLE IF NOT EXISTS t (n int); INSERT INTO t VALUES (1); "
                                            "SELECT pg_switch_wal()")));
    const ReplicationSample failing = waitForSample(
        [](const ReplicationSample &s) { return hasProblem(s, QStringLiteral("archiver-failing")); }, 60000);
    QVERIFY2(hasProblem(failing, QStringLiteral("archiver-failing")), "archive_command = 'false' was not reported");
    QVERIFY(failing.archiver->failedCount > 0);
    QVERIFY(!failing.archiver->lastFailedWal.isEmpty());

    QVERIFY(m_primary->query(QStringLiteral("ALTER SYSTEM SET archive_command = 'true'; SELECT pg_reload_conf()")));
    const ReplicationSample archived = waitForSample(
        [](const ReplicationSample &s) {
            return s.archiver && s.archiver->archivedCount > 0 && !hasProblem(s, QStringLiteral("archiver-failing"));
        },
        90000);
    QVERIFY2(archived.archiver && archived.archiver->archivedCount > 0, "archiving did not recover");
}

void TestSamplerAlerts::watchJsonPrintsOneObjectPerSample()
{
    if (!QFile::exists(replicactl()))
        QSKIP("Build the replicactl target first.");
    QProcess watch;
    watch.start(replicactl(),
                {QStringLiteral("watch"), QStringLiteral("--conninfo"), m_primary->conninfo(),
                 QStringLiteral("--standby-conninfo"),
                 m_standby->conninfo() + QStringLiteral(" application_name=standby1"), QStringLiteral("--json"),
                 QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--interval"), QStringLiteral("0.3")});
    QVERIFY(watch.waitForFinished(30000));
    QCOMPARE(watch.exitCode(), 0);
    const QList<QByteArray> lines = watch.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    for (const QByteArray &line : lines) {
        QJsonParseError error;
        const QJsonObject sample = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(QDateTime::fromString(sample.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs).isValid());
        const QJsonObject primary = sample.value(QStringLiteral("primary")).toObject();
        for (const char *key : {"name", "version", "current_lsn", "wal_bytes_per_second", "synchronous_standby_names"})
            QVERIFY2(primary.contains(QLatin1String(key)), key);
        QCOMPARE(primary.value(QStringLiteral("version")).toString().left(3), QStringLiteral("15."));
        const QJsonArray standbys = sample.value(QStringLiteral("standbys")).toArray();
        QCOMPARE(standbys.size(), 1);
        const QJsonObject standby = standbys.first().toObject();
        for (const char *key :
             {"name", "application_name", "client_addr", "state", "sync_state", "sync_priority", "sent_lsn",
              "write_lsn", "flush_lsn", "replay_lsn", "sent_lag_bytes", "write_lag_bytes", "flush_lag_bytes",
              "replay_lag_bytes", "write_lag_ms", "flush_lag_ms", "replay_lag_ms", "replay_paused"})
            QVERIFY2(standby.contains(QLatin1String(key)), key);
        QCOMPARE(standby.value(QStringLiteral("name")).toString(), QStringLiteral("standby1"));
        QVERIFY(standby.value(QStringLiteral("client_addr")).isNull()); // over the Unix socket: no address, not ""
        QVERIFY(standby.value(QStringLiteral("replay_lag_bytes")).isDouble());
        QCOMPARE(standby.value(QStringLiteral("replay_paused")), QJsonValue(false));
        const QJsonObject slot = sample.value(QStringLiteral("slots")).toArray().first().toObject();
        for (const char *key : {"slot_name", "active", "wal_status", "retained_bytes", "safe_wal_size"})
            QVERIFY2(slot.contains(QLatin1String(key)), key);
        QVERIFY(slot.value(QStringLiteral("safe_wal_size"))
                    .isNull()); // max_slot_wal_keep_size = -1: no limit, unknown is null
        const QJsonObject archiver = sample.value(QStringLiteral("archiver")).toObject();
        for (const char *key : {"archived_count", "failed_count", "last_failed_wal"})
            QVERIFY2(archiver.contains(QLatin1String(key)), key);
        QVERIFY(sample.value(QStringLiteral("alerts")).isArray());
    }
}

void TestSamplerAlerts::slotOfAStoppedStandbyWalksToLost()
{
    // As PostgreSQL's 019_replslot_limit.pl: a small max_slot_wal_keep_size,
    // the standby stopped, WAL written and checkpointed past the limit.
    QVERIFY(m_primary->query(QStringLiteral("ALTER SYSTEM SET max_slot_wal_keep_size = '40MB'; "
                                            "ALTER SYSTEM SET archive_command = 'true'; SELECT pg_reload_conf()")));
    QVERIFY(m_standby->stop());
    QStringList seen;
    bool unreservedAlert = false;
    const auto link = connect(m_sampler.get(), &ReplicationSampler::sampleReady, this, [&](const ReplicationSample &s) {
        for (const auto &slot : s.replicationSlots)
            if (slot.name == QLatin1String("standby1") && (seen.isEmpty() || seen.last() != slot.walStatus))
                seen << slot.walStatus;
        unreservedAlert = unreservedAlert || hasProblem(s, QStringLiteral("slot-unreserved"));
    });
    ReplicationSample lost;
    // A segment at a time, sampled before and after each checkpoint, so that
    // "unreserved" (past the limit, not yet removed) shows before "lost".
    for (int round = 0; round < 16 && !hasProblem(lost, QStringLiteral("slot-lost")); ++round) {
        QVERIFY(m_primary->query(QStringLiteral("INSERT INTO t SELECT g FROM generate_series(1, 20000) g; "
                                                "SELECT pg_switch_wal();")));
        QTest::qWait(600);
        QVERIFY(m_primary->query(QStringLiteral("CHECKPOINT")));
        QTest::qWait(600);
        lost = m_sampler->lastSample();
    }
    disconnect(link);
    QVERIFY2(hasProblem(lost, QStringLiteral("slot-lost")), qPrintable(seen.join(QStringLiteral(" -> "))));
    QCOMPARE(seen.first(), QStringLiteral("reserved"));
    QCOMPARE(seen.last(), QStringLiteral("lost"));
    QVERIFY2(seen.contains(QStringLiteral("unreserved")) == unreservedAlert,
             qPrintable(seen.join(QStringLiteral(" -> "))));
    qInfo("wal_status of the stopped standby's slot: %s", qPrintable(seen.join(QStringLiteral(" -> "))));
}

QTEST_GUILESS_MAIN(TestSamplerAlerts)
#include "test_sampler_alerts.moc"
