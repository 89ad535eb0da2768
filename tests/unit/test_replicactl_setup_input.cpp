#include <QFile>
#include <QProcess>
#include <QtTest/QTest>

// `replicactl setup`, the built binary, given bad input: refused with exit
// code 2 before any connection (the hosts are in TEST-NET-1, 192.0.2.0/24,
// which nothing answers), so that nothing changes; and its --help.
class TestReplicactlSetupInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void badInputBeforeConnecting_data();
    void badInputBeforeConnecting();
    void helpNamesCommandAndInstall();
    void topLevelHelpAndUnknownCommand();
    void contradictoryWaysToRootRefused();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run replicactl(const QStringList &arguments);
    // replicactl itself, arguments as given (no "setup" in front).
    static Run plainReplicactl(const QStringList &arguments);
};

namespace {
const QString binary = QStringLiteral(REPLICA_BINARY_DIR "/app/replicactl/replicactl");
}

void TestReplicactlSetupInput::initTestCase()
{
    QVERIFY2(QFile::exists(binary), qPrintable(binary));
}

TestReplicactlSetupInput::Run TestReplicactlSetupInput::replicactl(const QStringList &arguments)
{
    return plainReplicactl(QStringList{QStringLiteral("setup")} + arguments);
}

TestReplicactlSetupInput::Run TestReplicactlSetupInput::plainReplicactl(const QStringList &arguments)
{
    QProcess process;
    process.start(binary, arguments);
    process.closeWriteChannel();
    // Refusing bad input takes no network: far less than an SSH connect timeout.
    if (!process.waitForFinished(15000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

void TestReplicactlSetupInput::badInputBeforeConnecting_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("slot with capitals") << QStringList{QStringLiteral("--slot"), QStringLiteral("Standby1")}
                                        << "slot name";
    QTest::newRow("application_name with space")
        << QStringList{QStringLiteral("--application-name"), QStringLiteral("my standby")} << "application_name";
    QTest::newRow("relative data dir") << QStringList{QStringLiteral("--standby-data-dir"), QStringLiteral("data")}
                                       << "data directory";
    QTest::newRow("address with a space")
        << QStringList{QStringLiteral("--primary-address"), QStringLiteral("db 1")} << "db 1";
    QTest::newRow("standby address a host name")
        << QStringList{QStringLiteral("--standby-address"), QStringLiteral("db2.example")} << "must be an IP address";
    QTest::newRow("no standbys to wait for")
        << QStringList{QStringLiteral("--sync-count"), QStringLiteral("0")} << "from 1 to 100";
    QTest::newRow("count not a number") << QStringList{QStringLiteral("--sync-count"), QStringLiteral("two")}
                                        << "a number of standbys";
    QTest::newRow("ANY before 10") << QStringList{QStringLiteral("--pg-version"), QStringLiteral("9.6"),
                                                  QStringLiteral("--sync-any")}
                                   << "ANY came with 10";
    QTest::newRow("quorum but async") << QStringList{QStringLiteral("--async"), QStringLiteral("--sync-any")}
                                      << "leave out --async";
    QTest::newRow("SSH config missing") << QStringList{QStringLiteral("-F"), QStringLiteral("/nonexistent/ssh_config")}
                                        << "/nonexistent/ssh_config";
    QTest::newRow("with a version too") << QStringList{QStringLiteral("--pg-version"), QStringLiteral("15"),
                                                       QStringLiteral("--slot"), QStringLiteral("a-b")}
                                        << "slot name";
}

void TestReplicactlSetupInput::badInputBeforeConnecting()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const Run run = replicactl(QStringList{QStringLiteral("--primary"), QStringLiteral("root@192.0.2.1"),
                                           QStringLiteral("--standby"), QStringLiteral("root@192.0.2.2"),
                                           QStringLiteral("--dry-run")} +
                               arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
    QVERIFY2(run.err.contains(named), qPrintable(run.err));
}

void TestReplicactlSetupInput::helpNamesCommandAndInstall()
{
    const Run run = replicactl({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral("Usage: replicactl setup [options]")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("--install")), qPrintable(run.out));
    QVERIFY(!run.out.contains(QStringLiteral("--no-install")));
}

void TestReplicactlSetupInput::topLevelHelpAndUnknownCommand()
{
    // Help asked for is an answer: stdout, exit 0.
    for (const QString &asked : {QStringLiteral("--help"), QStringLiteral("-h"), QStringLiteral("help")}) {
        const Run help = plainReplicactl({asked});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("Usage: replicactl COMMAND")), qPrintable(help.out));
        QVERIFY(help.err.isEmpty());
    }
    const Run bogus = plainReplicactl({QStringLiteral("bogus")});
    QCOMPARE(bogus.exitCode, 2);
    QVERIFY2(bogus.err.startsWith(QStringLiteral("replicactl: unknown command 'bogus'.")), qPrintable(bogus.err));
    QVERIFY(bogus.out.isEmpty());
    const Run nothing = plainReplicactl({});
    QCOMPARE(nothing.exitCode, 2);
    QVERIFY2(nothing.err.contains(QStringLiteral("Usage: replicactl COMMAND")), qPrintable(nothing.err));
}

void TestReplicactlSetupInput::contradictoryWaysToRootRefused()
{
    // Refused before any connection (nothing answers at 192.0.2.1).
    const Run both = plainReplicactl({QStringLiteral("status"), QStringLiteral("--primary"),
                                      QStringLiteral("admin@192.0.2.1"), QStringLiteral("--sudo"),
                                      QStringLiteral("--su-password-file"), QStringLiteral("/nonexistent")});
    QCOMPARE(both.exitCode, 2);
    QVERIFY2(both.err.contains(QStringLiteral("Choose one way to become root: --sudo, --su-password-file.")),
             qPrintable(both.err));
    const Run unreadable =
        plainReplicactl({QStringLiteral("status"), QStringLiteral("--primary"), QStringLiteral("admin@192.0.2.1"),
                         QStringLiteral("--sudo-password-file"), QStringLiteral("/nonexistent/password")});
    QCOMPARE(unreadable.exitCode, 2);
    QVERIFY2(unreadable.err.contains(QStringLiteral("Could not read the file of --sudo-password-file")),
             qPrintable(unreadable.err));
    const Run help = replicactl({QStringLiteral("--help")});
    for (const QString &option : {QStringLiteral("--sudo"), QStringLiteral("--sudo-password-file"),
                                  QStringLiteral("--su-password-file"), QStringLiteral("--ssh-password-file")})
        QVERIFY2(help.out.contains(option), qPrintable(option));
}

QTEST_GUILESS_MAIN(TestReplicactlSetupInput)
#include "test_replicactl_setup_input.moc"
