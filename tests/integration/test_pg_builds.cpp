#include "live_server.h"
#include "pg_builds.h"

#include <QtTest/QTest>

// The builds that tests/support/pg-builds fetched run here: for each major,
// initdb, start, the server reports that major, stop. The rest of the version
// matrix stands on this.
class TestPgBuilds : public QObject
{
    Q_OBJECT

private slots:
    void serverRuns_data();
    void serverRuns();
    void unknownMajorHasReason();
};

void TestPgBuilds::serverRuns_data()
{
    QTest::addColumn<int>("major");
    for (int major : PgBuilds::majors())
        QTest::addRow("%d", major) << major;
}

void TestPgBuilds::serverRuns()
{
    QFETCH(int, major);
    QString reason;
    const QString binDir = PgBuilds::binDir(major, &reason);
    if (binDir.isEmpty())
        QSKIP(qPrintable(reason));

    LiveServer server(binDir);
    auto made = server.initdb();
    QVERIFY2(
        made,
        qPrintable(
            QStringLiteral("PostgreSQL %1, initdb: %2").arg(major).arg(made ? QString() : made.error().fullText())));
    auto started = server.start();
    QVERIFY2(started, qPrintable(QStringLiteral("PostgreSQL %1, start: %2")
                                     .arg(major)
                                     .arg(started ? QString() : started.error().fullText())));
    auto number = server.query(QStringLiteral("SELECT current_setting('server_version_num')::int / 10000"));
    QVERIFY2(number, qPrintable(QStringLiteral("PostgreSQL %1, query: %2\n%3")
                                    .arg(major)
                                    .arg(number ? QString() : number.error().fullText(), server.logTail())));
    QCOMPARE(number->toInt(), major);
    auto version = server.query(QStringLiteral("SELECT version()"));
    QVERIFY(version);
    QVERIFY2(version->startsWith(QStringLiteral("PostgreSQL %1.").arg(major)), qPrintable(*version));
    auto stopped = server.stop();
    QVERIFY2(stopped, qPrintable(stopped ? QString() : stopped.error().fullText()));
}

void TestPgBuilds::unknownMajorHasReason()
{
    QString reason;
    QVERIFY(PgBuilds::binDir(9, &reason).isEmpty());
    QVERIFY2(reason.contains(QLatin1String("PostgreSQL 9")) || reason.contains(QLatin1String("pg-builds")),
             qPrintable(reason));
}

QTEST_GUILESS_MAIN(TestPgBuilds)
#include "test_pg_builds.moc"
