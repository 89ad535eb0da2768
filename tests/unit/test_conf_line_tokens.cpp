#include "core/conf/conf_file.h"

#include <QtTest/QTest>

// ConfFile::tokenizeLine: the tokens the diff view colours, read as
// PostgreSQL's lexer reads them (a '#' inside quotes is not a comment, a
// number keeps its unit, a stray character is an error).
class TestConfLineTokens : public QObject
{
    Q_OBJECT

private slots:
    void tokens_data();
    void tokens();
};

namespace {

// "Name:0-4 Equals:5-6 ..." so that a failure shows the whole line's reading.
QString describe(const QList<ConfFile::LineToken> &tokens)
{
    static const char *const names[] = {"Name", "Equals", "QuotedString", "Number", "Word", "Comment", "Error"};
    QStringList parts;
    for (const ConfFile::LineToken &token : tokens)
        parts << QStringLiteral("%1:%2-%3").arg(QLatin1String(names[int(token.kind)])).arg(token.start).arg(token.end);
    return parts.join(QLatin1Char(' '));
}

} // namespace

void TestConfLineTokens::tokens_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");

    QTest::addRow("setting with unit") << QByteArray("shared_buffers = 128MB") << "Name:0-14 Equals:15-16 Number:17-22";
    QTest::addRow("word and comment") << QByteArray("wal_level = replica # minimal, replica")
                                      << "Name:0-9 Equals:10-11 Word:12-19 Comment:20-38";
    QTest::addRow("hash inside quotes") << QByteArray("archive_command = 'cp %p /x#y'#c")
                                        << "Name:0-15 Equals:16-17 QuotedString:18-30 Comment:30-32";
    QTest::addRow("commented out") << QByteArray("#port = 5432") << "Comment:0-12";
    QTest::addRow("blank") << QByteArray("   \t") << "";
    QTest::addRow("include without equals") << QByteArray("include 'extra.conf'") << "Name:0-7 QuotedString:8-20";
    QTest::addRow("negative real") << QByteArray("x.y -1.5e3") << "Name:0-3 Number:4-10";
    QTest::addRow("stray character") << QByteArray("port = 54;32")
                                     << "Name:0-4 Equals:5-6 Number:7-9 Error:9-10 Number:10-12";
    QTest::addRow("unterminated quote") << QByteArray("listen_addresses = '*")
                                        << "Name:0-16 Equals:17-18 Error:19-20 Error:20-21";
}

void TestConfLineTokens::tokens()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    QCOMPARE(describe(ConfFile::tokenizeLine(line)), expected);
}

QTEST_APPLESS_MAIN(TestConfLineTokens)
#include "test_conf_line_tokens.moc"
