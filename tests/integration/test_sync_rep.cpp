#include "core/host/local_host.h"
#include "core/sandbox/sandbox.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <memory>

#include <unistd.h>

// PostgreSQL's own rules for sync_state, asserted on one sandbox with three
// standbys the way src/test/recovery/t/007_sync_rep.pl asserts them: set
// synchronous_standby_names (through Sandbox, as `replicactl sandbox sync
// --synchronous-standby-names` does), reload, and poll pg_stat_replication
// until each standby shows the sync_priority and sync_state expected. The
// rows run in order on the same servers; a row may stop one standby, and
// every other standby is started again first.
class TestSyncRep : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void syncStates_data();
    void syncStates();
    void refusedValueChangesNothing();

private:
    // application_name|sync_priority|sync_state per row of pg_stat_replication, by name.
    QStringList replicationRows();
    QString primarySetting();

    QTemporaryDir m_base;
    LocalHost m_host;
    std::unique_ptr<Sandbox> m_sandbox;
};

void TestSyncRep::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("The sandbox tests need root: they run servers as postgres.");
    if (!QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb")))
        QSKIP("Debian's PostgreSQL 15 (postgresql-15) is not installed.");
    QVERIFY(m_base.isValid());
    QVERIFY(QFile::setPermissions(m_base.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                     QFileDevice::ExeOther));
    m_sandbox = std::make_unique<Sandbox>(m_host, m_base.filePath(QStringLiteral("sync-rep")));
    SandboxOptions options;
    options.standbys = 3;
    auto made = m_sandbox->up(options);
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().fullText()));
    QCOMPARE(made->standbyNames(),
             (QStringList{QStringLiteral("standby1"), QStringLiteral("standby2"), QStringLiteral("standby3")}));
    // The sandbox's own default: the first standby alone is synchronous.
    QTRY_COMPARE_WITH_TIMEOUT(replicationRows(),
                              (QStringList{QStringLiteral("standby1|1|sync"), QStringLiteral("standby2|0|async"),
                                           QStringLiteral("standby3|0|async")}),
                              15000);
}

void TestSyncRep::cleanupTestCase()
{
    if (m_sandbox)
        (void)m_sandbox->down(true);
}

QStringList TestSyncRep::replicationRows()
{
    auto rows = m_sandbox->query(m_sandbox->state()->primary,
                                 QStringLiteral("SELECT application_name, sync_priority, sync_state FROM "
                                                "pg_stat_replication ORDER BY application_name;\n"));
    if (!rows)
        return {rows.error().fullText()};
    QStringList lines;
    for (const QStringList &row : *rows)
        lines.append(row.join(QLatin1Char('|')));
    return lines;
}

QString TestSyncRep::primarySetting()
{
    auto rows = m_sandbox->query(m_sandbox->state()->primary, QStringLiteral("SHOW synchronous_standby_names;\n"));
    return rows ? rows->value(0).value(0) : rows.error().fullText();
}

void TestSyncRep::syncStates_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("stopped"); // a standby stopped before the check; empty: all run
    QTest::addColumn<QStringList>("expected");
    // 007: "old syntax of synchronous_standby_names".
    QTest::addRow("standby1,standby2") << QStringLiteral("standby1,standby2") << QString()
                                       << QStringList{QStringLiteral("standby1|1|sync"),
                                                      QStringLiteral("standby2|2|potential"),
                                                      QStringLiteral("standby3|0|async")};
    // 007: "2 sync, 1 potential".
    QTest::addRow("FIRST 2 of three") << QStringLiteral("FIRST 2 (standby1, standby2, standby3)") << QString()
                                      << QStringList{QStringLiteral("standby1|1|sync"),
                                                     QStringLiteral("standby2|2|sync"),
                                                     QStringLiteral("standby3|3|potential")};
    // 007: "2 synchronous standbys": with standby1 down, the next in
    // priority, standby3, becomes sync.
    QTest::addRow("FIRST 2 of three, standby1 stopped")
        << QStringLiteral("FIRST 2 (standby1, standby2, standby3)") << QStringLiteral("standby1")
        << QStringList{QStringLiteral("standby2|2|sync"), QStringLiteral("standby3|3|sync")};
    // And back: standby1 started again takes its place before standby3.
    QTest::addRow("FIRST 2 of three, standby1 back")
        << QStringLiteral("FIRST 2 (standby1, standby2, standby3)") << QString()
        << QStringList{QStringLiteral("standby1|1|sync"), QStringLiteral("standby2|2|sync"),
                       QStringLiteral("standby3|3|potential")};
    // 007: "2 quorum and 1 async".
    QTest::addRow("ANY 2 of two") << QStringLiteral("ANY 2 (standby1, standby2)") << QString()
                                  << QStringList{QStringLiteral("standby1|1|quorum"),
                                                 QStringLiteral("standby2|1|quorum"),
                                                 QStringLiteral("standby3|0|async")};
    // 007: "all standbys are considered as candidates for quorum sync standbys".
    QTest::addRow("ANY 2 (*)") << QStringLiteral("ANY 2 (*)") << QString()
                               << QStringList{QStringLiteral("standby1|1|quorum"), QStringLiteral("standby2|1|quorum"),
                                              QStringLiteral("standby3|1|quorum")};
}

void TestSyncRep::syncStates()
{
    QFETCH(QString, setting);
    QFETCH(QString, stopped);
    QFETCH(QStringList, expected);
    if (!m_sandbox || !m_sandbox->state())
        QSKIP("no sandbox");
    for (const QString &name : m_sandbox->state()->standbyNames()) {
        auto done = name == stopped ? m_sandbox->stopStandby(name) : m_sandbox->startStandby(name);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().fullText()));
    }
    auto set = m_sandbox->setSynchronousStandbyNames(setting);
    QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().fullText()));
    QCOMPARE(primarySetting(), setting);
    QTRY_COMPARE_WITH_TIMEOUT(replicationRows(), expected, 15000);
    QVERIFY(Sandbox::loadState(m_sandbox->dir())->synchronous);
    QCOMPARE(Sandbox::loadState(m_sandbox->dir())->synchronousStandbyNames, setting);
}

void TestSyncRep::refusedValueChangesNothing()
{
    if (!m_sandbox || !m_sandbox->state())
        QSKIP("no sandbox");
    const QString before = primarySetting();
    QVERIFY(!before.isEmpty());
    auto refused = m_sandbox->setSynchronousStandbyNames(QStringLiteral("FIRST 2 (standby1, standby2"));
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("synchronous_standby_names")),
             qPrintable(refused.error().message));
    QCOMPARE(primarySetting(), before);
    QCOMPARE(Sandbox::loadState(m_sandbox->dir())->synchronousStandbyNames, before);
    // An empty value is asynchronous replication, as PostgreSQL reads it.
    auto async = m_sandbox->setSynchronousStandbyNames(QString());
    QVERIFY2(async.ok(), qPrintable(async.ok() ? QString() : async.error().fullText()));
    QTRY_COMPARE_WITH_TIMEOUT(replicationRows(),
                              (QStringList{QStringLiteral("standby1|0|async"), QStringLiteral("standby2|0|async"),
                                           QStringLiteral("standby3|0|async")}),
                              15000);
    QVERIFY(!Sandbox::loadState(m_sandbox->dir())->synchronous);
}

QTEST_GUILESS_MAIN(TestSyncRep)
#include "test_sync_rep.moc"
