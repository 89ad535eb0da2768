#include "core/conf/hba_file.h"

#include <QtTest/QTest>

// HbaFile::shadowedRules: a rule that an earlier rule makes unreachable is
// named with the line of the first rule that covers it, as the hba editor
// marks it; a narrower earlier rule, another type or a later wider rule does not shadow.
class TestHbaShadowing : public QObject
{
    Q_OBJECT

private slots:
    void shadowedRules_data();
    void shadowedRules();
};

using Pairs = QList<QPair<int, int>>;

void TestHbaShadowing::shadowedRules_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Pairs>("expected"); // (shadowed line, by line)

    QTest::addRow("reject all before an application rule") << QByteArray("# TYPE DATABASE USER ADDRESS METHOD\n"
                                                                         "host all all 0.0.0.0/0 reject\n"
                                                                         "host app app 10.0.0.2/32 scram-sha-256\n")
                                                           << Pairs{{3, 2}};
    // PostgreSQL's "all" does not match replication connections.
    QTest::addRow("all does not cover replication")
        << QByteArray("host all all 0.0.0.0/0 reject\n"
                      "host replication replicator 10.0.0.2/32 scram-sha-256\n")
        << Pairs{};
    QTest::addRow("wider network first") << QByteArray("host replication all 10.0.0.0/8 md5\n"
                                                       "host replication replicator 10.0.0.2/32 scram-sha-256\n")
                                         << Pairs{{2, 1}};
    QTest::addRow("narrower first: both used") << QByteArray("host replication replicator 10.0.0.2/32 scram-sha-256\n"
                                                             "host replication all 10.0.0.0/8 md5\n")
                                               << Pairs{};
    QTest::addRow("local does not cover host") << QByteArray("local all all peer\n"
                                                             "host all all 127.0.0.1/32 scram-sha-256\n")
                                               << Pairs{};
    QTest::addRow("first covering rule is named") << QByteArray("host all all all md5\n"
                                                                "host all all 10.0.0.0/8 md5\n"
                                                                "host all postgres 10.1.0.0/16 trust\n")
                                                  << Pairs{{2, 1}, {3, 1}};
    QTest::addRow("comments and blank lines keep line numbers")
        << QByteArray("\n# all first\nhost all all all md5\n\n\nhostssl app app 10.0.0.0/8 md5\n") << Pairs{{6, 3}};
}

void TestHbaShadowing::shadowedRules()
{
    QFETCH(QByteArray, text);
    QFETCH(Pairs, expected);
    const HbaFile file = HbaFile::read(text, QStringLiteral("pg_hba.conf"), PgVersion(16));
    QVERIFY2(file.problems().isEmpty(), qPrintable(file.problems().value(0).message));
    Pairs actual;
    for (const HbaFile::Shadowing &shadowing : file.shadowedRules())
        actual.append({shadowing.line, shadowing.byLine});
    QCOMPARE(actual, expected);
}

QTEST_APPLESS_MAIN(TestHbaShadowing)
#include "test_hba_shadowing.moc"
