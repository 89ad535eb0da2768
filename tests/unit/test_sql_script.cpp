#include "core/pg/sql_script.h"

#include <QtTest/QTest>

// SqlScript against the lexical rules of PostgreSQL's own scanner: what ends a
// statement and what does not.
class TestSqlScript : public QObject
{
    Q_OBJECT

private slots:
    void split_data();
    void split();
    void offsetsPointIntoTheScript();
    void statementAt_data();
    void statementAt();
};

void TestSqlScript::split_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("statements");

    QTest::addRow("one") << QStringLiteral("SELECT 1") << QStringList{QStringLiteral("SELECT 1")};
    QTest::addRow("two, blanks trimmed") << QStringLiteral("  SELECT 1;\n\n SELECT 2 ;  ")
                                         << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
    QTest::addRow("semicolon in a string")
        << QStringLiteral("INSERT INTO t VALUES ('a;b'); SELECT 2")
        << QStringList{QStringLiteral("INSERT INTO t VALUES ('a;b')"), QStringLiteral("SELECT 2")};
    QTest::addRow("doubled quote") << QStringLiteral("SELECT 'it''s; fine'; SELECT 2")
                                   << QStringList{QStringLiteral("SELECT 'it''s; fine'"), QStringLiteral("SELECT 2")};
    QTest::addRow("E string with backslash quote")
        << QStringLiteral("SELECT E'a\\';b'; SELECT 2")
        << QStringList{QStringLiteral("SELECT E'a\\';b'"), QStringLiteral("SELECT 2")};
    QTest::addRow("plain string ends at a backslash quote")
        << QStringLiteral("SELECT 'a\\'; SELECT 2")
        << QStringList{QStringLiteral("SELECT 'a\\'"), QStringLiteral("SELECT 2")};
    QTest::addRow("quoted identifier") << QStringLiteral("SELECT 1 AS \"x;y\"; SELECT 2")
                                       << QStringList{QStringLiteral("SELECT 1 AS \"x;y\""),
                                                      QStringLiteral("SELECT 2")};
    QTest::addRow("dollar quote") << QStringLiteral("DO $$ BEGIN PERFORM 1; END $$; SELECT 2")
                                  << QStringList{QStringLiteral("DO $$ BEGIN PERFORM 1; END $$"),
                                                 QStringLiteral("SELECT 2")};
    QTest::addRow("tagged dollar quote holding $$")
        << QStringLiteral("SELECT $fn$ a $$; b $fn$; SELECT 2")
        << QStringList{QStringLiteral("SELECT $fn$ a $$; b $fn$"), QStringLiteral("SELECT 2")};
    QTest::addRow("parameter is no dollar quote")
        << QStringLiteral("PREPARE p AS SELECT $1; SELECT 2")
        << QStringList{QStringLiteral("PREPARE p AS SELECT $1"), QStringLiteral("SELECT 2")};
    QTest::addRow("line comment") << QStringLiteral("SELECT 1 -- a; b\n; SELECT 2")
                                  << QStringList{QStringLiteral("SELECT 1 -- a; b"), QStringLiteral("SELECT 2")};
    QTest::addRow("nested block comment")
        << QStringLiteral("SELECT /* a /* b; */ c; */ 1; SELECT 2")
        << QStringList{QStringLiteral("SELECT /* a /* b; */ c; */ 1"), QStringLiteral("SELECT 2")};
    QTest::addRow("comments and empty statements only")
        << QStringLiteral("-- nothing\n;; /* here */ ;") << QStringList{};
    QTest::addRow("unclosed string runs to the end")
        << QStringLiteral("SELECT 'a; SELECT 2") << QStringList{QStringLiteral("SELECT 'a; SELECT 2")};
}

void TestSqlScript::split()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, statements);
    QStringList texts;
    for (const SqlStatement &statement : SqlScript::split(sql))
        texts << statement.text;
    QCOMPARE(texts, statements);
}

void TestSqlScript::offsetsPointIntoTheScript()
{
    const QString sql = QStringLiteral("SELECT 1;\n  INSERT INTO t VALUES (1);");
    const QList<SqlStatement> statements = SqlScript::split(sql);
    QCOMPARE(statements.size(), 2);
    for (const SqlStatement &statement : statements)
        QCOMPARE(sql.mid(statement.offset, statement.text.size()), statement.text);
    QCOMPARE(statements.at(1).offset, 12);
}

void TestSqlScript::statementAt_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("cursor");
    QTest::addColumn<QString>("statement");

    const QString two = QStringLiteral("SELECT 1;\nSELECT 2;\n");
    QTest::addRow("inside the first") << two << 3 << QStringLiteral("SELECT 1");
    QTest::addRow("on the first's semicolon") << two << 8 << QStringLiteral("SELECT 1");
    QTest::addRow("just after the first's semicolon") << two << 9 << QStringLiteral("SELECT 1");
    QTest::addRow("start of the second line") << two << 10 << QStringLiteral("SELECT 2");
    QTest::addRow("after the last") << two << int(two.size()) << QStringLiteral("SELECT 2");
    QTest::addRow("empty text") << QString() << 0 << QString();
    QTest::addRow("semicolon in a string")
        << QStringLiteral("SELECT ';';\nSELECT 3") << 9 << QStringLiteral("SELECT ';'");
}

void TestSqlScript::statementAt()
{
    QFETCH(QString, sql);
    QFETCH(int, cursor);
    QFETCH(QString, statement);
    QCOMPARE(SqlScript::statementAt(sql, cursor).text, statement);
}

QTEST_APPLESS_MAIN(TestSqlScript)
#include "test_sql_script.moc"
