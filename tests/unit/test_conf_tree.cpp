#include "core/conf/conf_tree.h"
#include "core/version/pg_version.h"
#include "core/version/setting_grammar.h"

#include <QMap>
#include <QtTest/QTest>

// ConfTree follows includes in PostgreSQL's order (guc-file.l) and names the
// line that wins; SettingGrammar reads synchronous_standby_names as each
// major's syncrep grammar does. Files come from a map, no disk. PostgreSQL 15
// itself judges the same cases in integration/test_conf_vs_postgres.
class TestConfTree : public QObject
{
    Q_OBJECT

private slots:
    void winnerFollowsReadingOrder_data();
    void winnerFollowsReadingOrder();
    void missingIncludeIsPostgresqlsError();
    void syncStandbyNamesByMajor_data();
    void syncStandbyNamesByMajor();
};

namespace {

Result<ConfTree> readTree(const QByteArray &main, const QMap<QString, QByteArray> &files)
{
    return ConfTree::readFromFiles(QStringLiteral("/etc/pg/postgresql.conf"), main, files, QStringLiteral("/data"));
}

} // namespace

void TestConfTree::winnerFollowsReadingOrder_data()
{
    QTest::addColumn<QByteArray>("main");
    QTest::addColumn<QString>("winnerFile"); // empty: the main file wins
    QTest::addColumn<int>("winnerLine");
    QTest::addColumn<QString>("value");

    QTest::addRow("main only") << QByteArray("wal_level = replica\n") << QString() << 1 << QStringLiteral("replica");
    QTest::addRow("include after the line wins")
        << QByteArray("wal_level = replica\ninclude 'extra.conf'\n") << QStringLiteral("/etc/pg/extra.conf") << 2
        << QStringLiteral("logical");
    QTest::addRow("a line after the include wins")
        << QByteArray("include 'extra.conf'\nwal_level = replica\n") << QString() << 2 << QStringLiteral("replica");
    QTest::addRow("include_dir: files by name, dot files and other endings skipped")
        << QByteArray("wal_level = replica\ninclude_dir 'conf.d'\n") << QStringLiteral("/etc/pg/conf.d/10-b.conf") << 1
        << QStringLiteral("minimal");
    QTest::addRow("include_if_exists of a missing file")
        << QByteArray("wal_level = replica\ninclude_if_exists = 'nowhere.conf'\n") << QString() << 1
        << QStringLiteral("replica");
    QTest::addRow("absolute include") << QByteArray("wal_level = replica\ninclude '/etc/pg/extra.conf'\n")
                                      << QStringLiteral("/etc/pg/extra.conf") << 2 << QStringLiteral("logical");
    QTest::addRow("names are case-insensitive")
        << QByteArray("WAL_LEVEL = replica\n") << QString() << 1 << QStringLiteral("replica");
    // postgresql.auto.conf of the data directory the file names, read last.
    QTest::addRow("data_directory's postgresql.auto.conf")
        << QByteArray("data_directory = '/other'\nmax_wal_senders = 10\n")
        << QStringLiteral("/other/postgresql.auto.conf") << 1 << QStringLiteral("3");
}

void TestConfTree::winnerFollowsReadingOrder()
{
    QFETCH(QByteArray, main);
    QFETCH(QString, winnerFile);
    QFETCH(int, winnerLine);
    QFETCH(QString, value);
    const QMap<QString, QByteArray> files{
        {QStringLiteral("/etc/pg/extra.conf"), "# extra\nwal_level = logical\n"},
        {QStringLiteral("/etc/pg/conf.d/01-a.conf"), "wal_level = hot_standby\n"},
        {QStringLiteral("/etc/pg/conf.d/10-b.conf"), "wal_level = minimal\n"},
        {QStringLiteral("/etc/pg/conf.d/.hidden.conf"), "wal_level = archive\n"},
        {QStringLiteral("/etc/pg/conf.d/zz.conf.bak"), "wal_level = archive\n"},
        {QStringLiteral("/other/postgresql.auto.conf"), "max_wal_senders = 3\n"},
    };
    const auto tree = readTree(main, files);
    QVERIFY2(tree, qPrintable(tree ? QString() : tree.error().message));
    const QString name =
        main.startsWith("data_directory") ? QStringLiteral("max_wal_senders") : QStringLiteral("wal_level");
    const auto winner = tree->winner(name);
    QVERIFY(winner);
    QCOMPARE(winner->file, winnerFile.isEmpty() ? QStringLiteral("/etc/pg/postgresql.conf") : winnerFile);
    QCOMPARE(winner->line, winnerLine);
    QCOMPARE(winner->value, value);
    QCOMPARE(tree->overrideOf(name).has_value(), !winnerFile.isEmpty());
}

void TestConfTree::missingIncludeIsPostgresqlsError()
{
    const auto tree = readTree("include 'nowhere.conf'\n", {});
    QVERIFY(!tree);
    QCOMPARE(tree.error().message,
             QStringLiteral("could not open configuration file \"/etc/pg/nowhere.conf\": No such file or directory"));
    // A file that includes itself: PostgreSQL's nesting limit, not a hang.
    const auto loop = readTree("include 'postgresql.conf'\n",
                               {{QStringLiteral("/etc/pg/postgresql.conf"), "include 'postgresql.conf'\n"}});
    QVERIFY(!loop);
    QVERIFY2(loop.error().message.contains(QStringLiteral("maximum nesting depth")), qPrintable(loop.error().message));
}

void TestConfTree::syncStandbyNamesByMajor_data()
{
    QTest::addColumn<QString>("major");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("accepted");

    // 9.5 and older: a plain list of names.
    QTest::addRow("9.5 list") << QStringLiteral("9.5") << QStringLiteral("s1, \"s 2\"") << true;
    QTest::addRow("9.5 count form") << QStringLiteral("9.5") << QStringLiteral("2 (s1, s2)") << false;
    QTest::addRow("9.5 trailing comma") << QStringLiteral("9.5") << QStringLiteral("s1,") << false;
    // 9.6: "n (list)"; FIRST and ANY are not key words yet, so "first" is a standby's name.
    QTest::addRow("9.6 count form") << QStringLiteral("9.6") << QStringLiteral("2 (s1, s2)") << true;
    QTest::addRow("9.6 first is a name") << QStringLiteral("9.6") << QStringLiteral("first, second") << true;
    QTest::addRow("9.6 FIRST n") << QStringLiteral("9.6") << QStringLiteral("FIRST 1 (s1)") << false;
    // 10+: FIRST and ANY.
    QTest::addRow("10 ANY") << QStringLiteral("10") << QStringLiteral("ANY 1 (s1, s2)") << true;
    QTest::addRow("10 first is a key word") << QStringLiteral("10") << QStringLiteral("first, second") << false;
    QTest::addRow("10 zero") << QStringLiteral("10") << QStringLiteral("FIRST 0 (s1)") << false;
    QTest::addRow("10 digits as a name") << QStringLiteral("10") << QStringLiteral("s1, 2") << true;
    QTest::addRow("18 unterminated quote") << QStringLiteral("18") << QStringLiteral("ANY 1 (\"s1)") << false;
}

void TestConfTree::syncStandbyNamesByMajor()
{
    QFETCH(QString, major);
    QFETCH(QString, value);
    QFETCH(bool, accepted);
    const auto error = SettingGrammar::syncStandbyNamesError(value, *PgVersion::parse(major));
    QVERIFY2(error.has_value() != accepted, qPrintable(error.value_or(QStringLiteral("accepted"))));
}

QTEST_GUILESS_MAIN(TestConfTree)
#include "test_conf_tree.moc"
