#include "core/monitor/replication_sampler.h"
#include "core/monitor/replication_table.h"

#include "fixtures.h"

#include <QFile>
#include <QJsonDocument>
#include <QtTest/QTest>

Q_DECLARE_METATYPE(ReplicationSample)

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

ReplicationSample::Server primaryServer()
{
    ReplicationSample::Server server;
    server.name = QStringLiteral("primary");
    server.endpoint = QStringLiteral("/var/run/replica:5433");
    server.reachable = true;
    server.serverVersionNum = 150020;
    server.currentLsn = QStringLiteral("0/3000148");
    server.synchronousStandbyNames = QStringLiteral("standby1");
    server.synchronousCommit = QStringLiteral("on");
    return server;
}

ReplicationSample::Server standbyServer()
{
    ReplicationSample::Server server;
    server.name = QStringLiteral("standby1");
    server.endpoint = QStringLiteral("/var/run/replica:5434");
    server.reachable = true;
    server.serverVersionNum = 150020;
    server.inRecovery = true;
    server.receiveLsn = QStringLiteral("0/3000148");
    server.replayLsn = QStringLiteral("0/3000100");
    server.lastReplayTime = at("2026-11-25T22:59:58.250Z");
    server.replayBacklogBytes = 72;
    return server;
}

ReplicationSample::Standby syncStandby()
{
    ReplicationSample::Standby standby;
    standby.pid = 4242;
    standby.applicationName = QStringLiteral("standby1");
    standby.state = QStringLiteral("streaming");
    standby.syncState = QStringLiteral("sync");
    standby.syncPriority = 1;
    standby.sentLsn = QStringLiteral("0/3000148");
    standby.writeLsn = QStringLiteral("0/3000148");
    standby.flushLsn = QStringLiteral("0/3000148");
    standby.replayLsn = QStringLiteral("0/3000100");
    standby.byteLag = 72;
    standby.writeLagMs = 0.213;
    standby.flushLagMs = 0.802;
    standby.replayLagMs = 1.5;
    standby.replyTime = at("2026-11-25T22:59:59.900Z");
    return standby;
}

ReplicationSample healthyPair()
{
    ReplicationSample sample;
    sample.sampledAt = at("2026-11-25T23:00:00.000Z");
    sample.primary = primaryServer();
    sample.standbyServers << standbyServer();
    sample.standbys << syncStandby();
    ReplicationSample::Slot slot;
    slot.name = QStringLiteral("standby1");
    slot.type = QStringLiteral("physical");
    slot.active = true;
    slot.restartLsn = QStringLiteral("0/3000000");
    slot.walStatus = QStringLiteral("reserved");
    slot.retainedBytes = 328;
    sample.replicationSlots << slot;
    sample.archiver = ReplicationSample::Archiver();
    sample.problems = ReplicationSampler::problemsIn(sample);
    return sample;
}

ReplicationSample standbyStopped()
{
    ReplicationSample sample = healthyPair();
    sample.standbys.clear();
    sample.standbyServers.first() = ReplicationSample::Server();
    sample.standbyServers.first().name = QStringLiteral("standby1");
    sample.standbyServers.first().endpoint = QStringLiteral("/var/run/replica:5434");
    sample.standbyServers.first().error.sqlState = QStringLiteral("08001");
    sample.standbyServers.first().error.sentence =
        QStringLiteral("No PostgreSQL server is listening at /var/run/replica:5434. Start the server.");
    sample.replicationSlots.first().active = false;
    sample.replicationSlots.first().retainedBytes = 50331648;
    sample.problems = ReplicationSampler::problemsIn(sample);
    return sample;
}

// A 9.6 primary: no time lags, an idle async standby over TCP, a failing archiver.
ReplicationSample olderPrimaryWithTrouble()
{
    ReplicationSample sample;
    sample.sampledAt = at("2026-11-25T23:00:00.000Z");
    sample.primary = primaryServer();
    sample.primary.serverVersionNum = 90624;
    sample.primary.synchronousStandbyNames.clear();
    sample.primary.currentLsn = QStringLiteral("1A/FF000060");
    ReplicationSample::Standby standby;
    standby.pid = 917;
    standby.applicationName = QStringLiteral("walreceiver");
    standby.clientAddr = QStringLiteral("198.18.7.2");
    standby.state = QStringLiteral("catchup");
    standby.syncState = QStringLiteral("async");
    standby.sentLsn = QStringLiteral("1A/F0000000");
    standby.writeLsn = QStringLiteral("1A/E0000000");
    standby.flushLsn = QStringLiteral("1A/E0000000");
    standby.replayLsn = QStringLiteral("1A/D0000000");
    standby.byteLag = 788529248;
    sample.standbys << standby;
    ReplicationSample::Archiver archiver;
    archiver.archivedCount = 1500;
    archiver.lastArchivedWal = QStringLiteral("000000010000001A000000FE");
    archiver.lastArchivedTime = at("2026-11-25T22:50:00.000Z");
    archiver.failedCount = 3;
    archiver.lastFailedWal = QStringLiteral("000000010000001A000000FF");
    archiver.lastFailedTime = at("2026-11-25T22:59:00.000Z");
    sample.archiver = archiver;
    sample.problems = ReplicationSampler::problemsIn(sample);
    return sample;
}

ReplicationSample primaryDown()
{
    ReplicationSample sample;
    sample.sampledAt = at("2026-11-25T23:00:00.000Z");
    sample.primary.name = QStringLiteral("primary");
    sample.primary.endpoint = QStringLiteral("db1.example.net:5432");
    sample.primary.error.sqlState = QStringLiteral("08001");
    sample.primary.error.sentence = QStringLiteral("The server at db1.example.net:5432 does not answer. Check the "
                                                   "address and port.");
    sample.primary.error.raw = QStringLiteral("timeout expired");
    sample.problems = ReplicationSampler::problemsIn(sample);
    return sample;
}

// The primary gone, its two standbys asked directly: how far each got, and
// which one is most advanced (standby2 received more than standby1).
ReplicationSample primaryDownStandbysUp()
{
    ReplicationSample sample = primaryDown();
    sample.standbyServers << standbyServer() << standbyServer();
    sample.standbyServers[1].name = QStringLiteral("standby2");
    sample.standbyServers[1].endpoint = QStringLiteral("db3.example.net:5432");
    sample.standbyServers[1].receiveLsn = QStringLiteral("0/3000200");
    sample.standbyServers[1].replayLsn = QStringLiteral("0/3000148");
    sample.problems = ReplicationSampler::problemsIn(sample);
    return sample;
}

// A standby whose machine cannot be asked (SSH refused) while the primary's
// pg_stat_replication shows it streaming: both, as they are.
ReplicationSample standbyNotAskedButStreaming()
{
    ReplicationSample sample = healthyPair();
    ReplicationSample::Server unasked;
    unasked.name = QStringLiteral("standby2");
    unasked.endpoint = QStringLiteral("198.18.7.3");
    unasked.address = QStringLiteral("198.18.7.3");
    unasked.hostReached = false;
    unasked.error.message = QStringLiteral("Could not connect to root@198.18.7.3. Check the address and port, and "
                                           "that an SSH server runs there.");
    sample.standbyServers << unasked;
    ReplicationSample::Standby streaming = syncStandby();
    streaming.pid = 4343;
    streaming.applicationName = QStringLiteral("standby_198_18_7_3");
    streaming.clientAddr = QStringLiteral("198.18.7.3");
    streaming.syncState = QStringLiteral("async");
    streaming.syncPriority = 0;
    sample.standbys << streaming;
    sample.problems = ReplicationSampler::problemsIn(sample);
    return sample;
}

// Compares with tests/fixtures/monitor/<name>; REPLICA_UPDATE_GOLDEN=1 rewrites it instead.
void compareGolden(const QByteArray &actual, const QString &name)
{
    const QString path = Fixtures::path(QStringLiteral("monitor/") + name);
    if (qEnvironmentVariableIsSet("REPLICA_UPDATE_GOLDEN")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(actual);
        return;
    }
    const QByteArray expected = Fixtures::read(QStringLiteral("monitor/") + name);
    QVERIFY2(!expected.isEmpty(), qPrintable(path));
    QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected));
}

} // namespace

// The table replicactl prints and the GUI shows: golden text and JSON for
// typical samples, and the number formats.
class TestReplicationTable : public QObject
{
    Q_OBJECT

private slots:
    void renderText_data();
    void renderText();
    void toJson_data();
    void toJson();
    void formatBytes_data();
    void formatBytes();
    void formatMs_data();
    void formatMs();
    void everyColumnHasAHeader();
};

void TestReplicationTable::renderText_data()
{
    QTest::addColumn<ReplicationSample>("sample");
    QTest::addColumn<QString>("golden");
    QTest::addRow("healthy sync pair") << healthyPair() << QStringLiteral("healthy-pair.txt");
    QTest::addRow("standby stopped") << standbyStopped() << QStringLiteral("standby-stopped.txt");
    QTest::addRow("9.6 with trouble") << olderPrimaryWithTrouble() << QStringLiteral("older-primary.txt");
    QTest::addRow("primary down") << primaryDown() << QStringLiteral("primary-down.txt");
    QTest::addRow("primary down, standbys up")
        << primaryDownStandbysUp() << QStringLiteral("primary-down-standbys-up.txt");
    QTest::addRow("standby not asked but streaming")
        << standbyNotAskedButStreaming() << QStringLiteral("standby-not-asked.txt");
}

void TestReplicationTable::renderText()
{
    QFETCH(ReplicationSample, sample);
    QFETCH(QString, golden);
    compareGolden(ReplicationTable::renderText(sample).toUtf8(), golden);
}

void TestReplicationTable::toJson_data()
{
    QTest::addColumn<ReplicationSample>("sample");
    QTest::addColumn<QString>("golden");
    QTest::addRow("healthy sync pair") << healthyPair() << QStringLiteral("healthy-pair.json");
    QTest::addRow("standby stopped") << standbyStopped() << QStringLiteral("standby-stopped.json");
    QTest::addRow("primary down") << primaryDown() << QStringLiteral("primary-down.json");
    QTest::addRow("primary down, standbys up")
        << primaryDownStandbysUp() << QStringLiteral("primary-down-standbys-up.json");
}

void TestReplicationTable::toJson()
{
    QFETCH(ReplicationSample, sample);
    QFETCH(QString, golden);
    compareGolden(QJsonDocument(ReplicationTable::toJson(sample)).toJson(QJsonDocument::Indented), golden);
}

void TestReplicationTable::formatBytes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addRow("zero") << qint64(0) << QStringLiteral("0 bytes");
    QTest::addRow("below a kB") << qint64(1023) << QStringLiteral("1023 bytes");
    QTest::addRow("1.5 kB") << qint64(1536) << QStringLiteral("1.5 kB");
    QTest::addRow("a WAL segment") << qint64(16 * 1024 * 1024) << QStringLiteral("16 MB");
    QTest::addRow("9.9 GB") << qint64(10630044058LL) << QStringLiteral("9.9 GB");
    QTest::addRow("negative (standby ahead)") << qint64(-2048) << QStringLiteral("-2.0 kB");
}

void TestReplicationTable::formatBytes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(ReplicationTable::formatBytes(bytes), text);
}

void TestReplicationTable::formatMs_data()
{
    QTest::addColumn<double>("ms");
    QTest::addColumn<bool>("isNull");
    QTest::addColumn<QString>("text");
    QTest::addRow("null") << 0.0 << true << QStringLiteral("-");
    QTest::addRow("sub-millisecond") << 0.213 << false << QStringLiteral("0.213 ms");
    QTest::addRow("milliseconds") << 12.44 << false << QStringLiteral("12.4 ms");
    QTest::addRow("seconds") << 3240.0 << false << QStringLiteral("3.2 s");
}

void TestReplicationTable::formatMs()
{
    QFETCH(double, ms);
    QFETCH(bool, isNull);
    QFETCH(QString, text);
    QCOMPARE(ReplicationTable::formatMs(isNull ? std::nullopt : std::optional<double>(ms)), text);
}

void TestReplicationTable::everyColumnHasAHeader()
{
    for (int c = 0; c < ReplicationTable::ColumnCount; ++c) {
        QVERIFY(!ReplicationTable::header(ReplicationTable::Column(c)).isEmpty());
        QVERIFY(!ReplicationTable::cell(syncStandby(), ReplicationTable::Column(c)).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestReplicationTable)
#include "test_replication_table.moc"
