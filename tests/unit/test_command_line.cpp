#include "core/host/command_line.h"

#include <QProcess>
#include <QtTest/QTest>

// CommandLine quoting, checked against a real POSIX shell: whatever words go
// in must come out unchanged on the other side.
class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void quote_data();
    void quote();
    void shellReceivesWordsUnchanged_data();
    void shellReceivesWordsUnchanged();
    void assignmentLikeProgramIsQuoted();
};

void TestCommandLine::quote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::addRow("plain") << QStringLiteral("pg_ctl") << QStringLiteral("pg_ctl");
    QTest::addRow("path") << QStringLiteral("/var/lib/postgresql/15/main")
                          << QStringLiteral("/var/lib/postgresql/15/main");
    QTest::addRow("empty") << QString() << QStringLiteral("''");
    QTest::addRow("space") << QStringLiteral("a b") << QStringLiteral("'a b'");
    QTest::addRow("quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
    QTest::addRow("dollar") << QStringLiteral("$HOME") << QStringLiteral("'$HOME'");
    QTest::addRow("tilde") << QStringLiteral("~root") << QStringLiteral("'~root'");
}

void TestCommandLine::quote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(CommandLine::quote(word), quoted);
}

void TestCommandLine::shellReceivesWordsUnchanged_data()
{
    QTest::addColumn<QString>("word");
    QTest::addRow("single quotes") << QStringLiteral("'; rm -rf / #'");
    QTest::addRow("double quotes") << QStringLiteral("say \"hi\"");
    QTest::addRow("command substitution") << QStringLiteral("$(touch /tmp/pwned)");
    QTest::addRow("backticks") << QStringLiteral("`id`");
    QTest::addRow("newline") << QStringLiteral("line1\nline2");
    QTest::addRow("semicolon and pipe") << QStringLiteral("a; b | c && d");
    QTest::addRow("backslashes") << QStringLiteral("C:\\path\\n");
    QTest::addRow("glob") << QStringLiteral("*.conf ?");
    QTest::addRow("non-ASCII") << QStringLiteral("パスワード ünïcode");
    QTest::addRow("leading dash") << QStringLiteral("-n");
    QTest::addRow("empty") << QString();
}

void TestCommandLine::shellReceivesWordsUnchanged()
{
    QFETCH(QString, word);
    const CommandLine command(QStringLiteral("printf"), {QStringLiteral("%s"), word});
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command.toShellString()});
    QVERIFY(shell.waitForFinished(5000));
    QCOMPARE(shell.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(shell.readAllStandardOutput()), word);
}

void TestCommandLine::assignmentLikeProgramIsQuoted()
{
    const CommandLine command(QStringLiteral("A=b"), {QStringLiteral("x")});
    QCOMPARE(command.toShellString(), QStringLiteral("'A=b' x"));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "test_command_line.moc"
