#include "core/version/pg_version.h"

#include <QtTest/QTest>

// PgVersion: every way a version reaches us (psql --version, SELECT version(),
// server_version, server_version_num, a directory name) gives the same major.
class TestPgVersion : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void fromServerVersionNum_data();
    void fromServerVersionNum();
    void comparesByMajor();
    void constructors();
};

void TestPgVersion::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("major");
    QTest::addColumn<int>("minorRelease");
    QTest::addColumn<int>("majorNumber");

    QTest::addRow("9.3") << QStringLiteral("9.3") << true << QStringLiteral("9.3") << -1 << 903;
    QTest::addRow("9.3.25") << QStringLiteral("9.3.25") << true << QStringLiteral("9.3") << 25 << 903;
    QTest::addRow("9.6.24") << QStringLiteral("9.6.24") << true << QStringLiteral("9.6") << 24 << 906;
    QTest::addRow("15") << QStringLiteral("15") << true << QStringLiteral("15") << -1 << 1500;
    QTest::addRow("15.18") << QStringLiteral("15.18") << true << QStringLiteral("15") << 18 << 1500;
    QTest::addRow("server_version 17.10") << QStringLiteral("17.10") << true << QStringLiteral("17") << 10 << 1700;
    QTest::addRow("10.23") << QStringLiteral("10.23") << true << QStringLiteral("10") << 23 << 1000;
    QTest::addRow("version()") << QStringLiteral("PostgreSQL 15.18 (Debian 15.18-1.pgdg120+1) on x86_64-pc-linux-gnu, "
                                                 "compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit")
                               << true << QStringLiteral("15") << 18 << 1500;
    QTest::addRow("version() 9.3") << QStringLiteral("PostgreSQL 9.3.25 on x86_64-unknown-linux-gnu, compiled by gcc")
                                   << true << QStringLiteral("9.3") << 25 << 903;
    QTest::addRow("postgres --version") << QStringLiteral("postgres (PostgreSQL) 15.18") << true << QStringLiteral("15")
                                        << 18 << 1500;
    QTest::addRow("psql --version Debian") << QStringLiteral("psql (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n")
                                           << true << QStringLiteral("15") << 18 << 1500;
    QTest::addRow("beta") << QStringLiteral("18beta2") << true << QStringLiteral("18") << -1 << 1800;
    QTest::addRow("devel") << QStringLiteral("PostgreSQL 19devel on x86_64") << true << QStringLiteral("19") << -1
                           << 1900;
    QTest::addRow("surrounding blanks") << QStringLiteral("  12.22 ") << true << QStringLiteral("12") << 22 << 1200;
    QTest::addRow("empty") << QString() << false << QString() << -1 << 0;
    QTest::addRow("words") << QStringLiteral("not a version") << false << QString() << -1 << 0;
    QTest::addRow("9 alone") << QStringLiteral("9") << false << QString() << -1 << 0;
    QTest::addRow("zero") << QStringLiteral("0") << false << QString() << -1 << 0;
    QTest::addRow("npm package version") << QStringLiteral("17.10.0-beta.17") << true << QStringLiteral("17") << 10
                                         << 1700;
    QTest::addRow("year is not a major") << QStringLiteral("2026") << false << QString() << -1 << 0;
}

void TestPgVersion::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, major);
    QFETCH(int, minorRelease);
    QFETCH(int, majorNumber);

    const auto version = PgVersion::parse(text);
    QCOMPARE(version.has_value(), valid);
    if (!valid)
        return;
    QVERIFY(version->isValid());
    QCOMPARE(version->majorString(), major);
    QCOMPARE(version->minorRelease(), minorRelease);
    QCOMPARE(version->majorNumber(), majorNumber);
}

void TestPgVersion::fromServerVersionNum_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("major");
    QTest::addColumn<QString>("full");

    QTest::addRow("9.3.25") << 90325 << QStringLiteral("9.3") << QStringLiteral("9.3.25");
    QTest::addRow("9.4.0") << 90400 << QStringLiteral("9.4") << QStringLiteral("9.4.0");
    QTest::addRow("9.6.24") << 90624 << QStringLiteral("9.6") << QStringLiteral("9.6.24");
    QTest::addRow("10.23") << 100023 << QStringLiteral("10") << QStringLiteral("10.23");
    QTest::addRow("15.18") << 150018 << QStringLiteral("15") << QStringLiteral("15.18");
    QTest::addRow("17.10") << 170010 << QStringLiteral("17") << QStringLiteral("17.10");
    QTest::addRow("18.0") << 180000 << QStringLiteral("18") << QStringLiteral("18.0");
}

void TestPgVersion::fromServerVersionNum()
{
    QFETCH(int, number);
    QFETCH(QString, major);
    QFETCH(QString, full);
    const PgVersion version = PgVersion::fromServerVersionNum(number);
    QVERIFY(version.isValid());
    QCOMPARE(version.majorString(), major);
    QCOMPARE(version.toString(), full);
    QVERIFY(version.serverVersionNumFloor() <= number);
    QVERIFY(number - version.serverVersionNumFloor() < 100);
}

void TestPgVersion::comparesByMajor()
{
    QVERIFY(PgVersion(9, 3) < PgVersion(9, 4));
    QVERIFY(PgVersion(9, 6) < PgVersion(10));
    QVERIFY(PgVersion(10) < PgVersion(11));
    QVERIFY(PgVersion(18) > PgVersion(9, 6));
    QCOMPARE(*PgVersion::parse(QStringLiteral("15.1")), *PgVersion::parse(QStringLiteral("15.18")));
    QVERIFY(PgVersion(15) != PgVersion(16));
    QVERIFY(PgVersion(13).atLeast(9, 6));
    QVERIFY(PgVersion(13).atLeast(13));
    QVERIFY(!PgVersion(12).atLeast(13));
    QVERIFY(!PgVersion(9, 5).atLeast(9, 6));
    QVERIFY(!PgVersion().isValid());
    QVERIFY(!PgVersion::fromServerVersionNum(0).isValid());
}

void TestPgVersion::constructors()
{
    QCOMPARE(PgVersion(9, 3).majorString(), QStringLiteral("9.3"));
    QCOMPARE(PgVersion(15).majorString(), QStringLiteral("15"));
    // From 10 on the second number is the minor release, not part of the major.
    QCOMPARE(PgVersion(15, 18).majorString(), QStringLiteral("15"));
    QCOMPARE(PgVersion(15, 18).toString(), QStringLiteral("15.18"));
    QCOMPARE(PgVersion(9, 3).withMinorRelease(25).toString(), QStringLiteral("9.3.25"));
}

QTEST_APPLESS_MAIN(TestPgVersion)
#include "test_pg_version.moc"
