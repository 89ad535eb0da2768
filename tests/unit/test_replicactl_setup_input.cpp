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

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run replicactl(const QStringList &arguments);
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
    QProcess process;
    process.start(binary, QStringList{QStringLiteral("setup")} + arguments);
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
    QTest::newRow("no standbys to wait for") << QStringList{QStringLiteral("--sync-count"), QStringLiteral("0")}
                                             << "from 1 to 100";
    QTest::newRow("count not a number") << QStringList{QStringLiteral("--sync-count"), QStringLiteral("two")}
                                        << "a number of standbys";
    QTest::newRow("ANY before 10") << QStringList{QStringLiteral("--pg-version"), QStringLiteral("9.6"), QStringLiteral("--sync-any")}
                                   << "ANY came with 10";
    QTest::newRow("quorum but async") << QStringList{QStringLiteral("--async"), QStringLiteral("--sync-any")}
                                      << "leave out --async";
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

QTEST_GUILESS_MAIN(TestReplicactlSetupInput)
#include "test_replicactl_setup_input.moc"
