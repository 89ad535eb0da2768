#include "core/host/command_line.h"
#include "core/host/ssh_host.h"
#include "core/host/ssh_tunnel.h"
#include "core/monitor/replication_sampler.h"
#include "core/pg/pg_connection.h"

#include "test_host_network.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest/QTest>

#include <thread>

namespace {

const QString password = QStringLiteral("tunnel-pw'\"$x");

} // namespace

// SshTunnel: a server that listens on localhost only, on a real test host,
// reached from here through SSH port forwarding, as `ssh -L` would; on a
// session of its own, so that a long command on the same host does not hold
// the samples up.
class TestSshTunnel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reachesAServerOnTheRemoteLoopback();
    void samplesKeepTheirIntervalWhileTheHostIsBusy();
    void nothingListeningIsAClearFailure();
    void aWrongLoginFailsTheTunnel();
    void closingNeverWaitsForTheNetwork();

private:
    SshHostConfig config() const;
    QString conninfo(int port) const;

    TestHostNetwork m_net;
    TestHost *m_host = nullptr;
};

SshHostConfig TestSshTunnel::config() const
{
    SshHostConfig config;
    config.host = m_host->address();
    config.user = QStringLiteral("root");
    config.identityFiles = {m_net.clientKeyPath()};
    config.useAgent = false;
    config.readUserConfig = false;
    config.knownHostsPath = m_net.knownHostsPath();
    config.connectTimeoutMs = 5000;
    config.deadLinkMs = 5000;
    return config;
}

QString TestSshTunnel::conninfo(int port) const
{
    return QStringLiteral("host=127.0.0.1 port=%1 user=postgres dbname=postgres password='%2' connect_timeout=5")
        .arg(port)
        .arg(QString(password).replace(QLatin1Char('\''), QStringLiteral("\\'")));
}

void TestSshTunnel::initTestCase()
{
    if (!m_net.skipReason().isEmpty())
        QSKIP(qPrintable(m_net.skipReason()));
    const QList<TestHost *> hosts = m_net.create(1);
    QVERIFY(hosts.size() == 1);
    m_host = hosts.first();
    // Debian's default: listen_addresses = 'localhost', scram for TCP.
    RunOptions options;
    options.stdinData = (QStringLiteral("ALTER ROLE postgres PASSWORD '%1';\n")
                             .arg(QString(password).replace(QLatin1Char('\''), QStringLiteral("''"))))
                            .toUtf8();
    auto made = m_host->runInside(
        CommandLine::shell(QStringLiteral("set -e; pg_createcluster 15 main --start >/dev/null\n"
                                          "runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -f -")),
        options);
    QVERIFY2(made.ok() && made->succeeded(), qPrintable(made.ok() ? made->explain() : made.error().fullText()));
}

void TestSshTunnel::reachesAServerOnTheRemoteLoopback()
{
    SshTunnel tunnel(config(), QStringLiteral("localhost"), 5432);
    QSignalSpy ready(&tunnel, &SshTunnel::ready);
    tunnel.start();
    QVERIFY(ready.wait(15000));
    QVERIFY(tunnel.localPort() > 0);
    QCOMPARE(ready.first().first().toInt(), tunnel.localPort());

    // Several connections at once, each on its own channel.
    QList<std::shared_ptr<PgConnection>> connections;
    QList<std::shared_ptr<QSignalSpy>> results;
    for (int i = 0; i < 3; ++i) {
        auto connection = std::make_shared<PgConnection>();
        results << std::make_shared<QSignalSpy>(connection.get(), &PgConnection::resultReady);
        connection->open(conninfo(tunnel.localPort()));
        connection->exec(QStringLiteral("SELECT inet_server_addr()::text, count(*) FROM generate_series(1, 20000)"));
        connections << connection;
    }
    for (auto &spy : results) {
        QTRY_COMPARE_WITH_TIMEOUT(spy->size(), 1, 15000);
        const PgResult result = spy->first().first().value<PgResult>();
        QVERIFY2(result.ok, qPrintable(result.error.message));
        // The server saw the connection on its own loopback: it came through the tunnel.
        const QString serverAddress = result.rows.first().at(0).value_or(QString());
        QVERIFY2(serverAddress == QLatin1String("127.0.0.1/32") || serverAddress == QLatin1String("::1/128"),
                 qPrintable(serverAddress));
        QCOMPARE(result.rows.first().at(1).value_or(QString()), QStringLiteral("20000"));
    }
}

void TestSshTunnel::samplesKeepTheirIntervalWhileTheHostIsBusy()
{
    SshTunnel tunnel(config(), QStringLiteral("localhost"), 5432);
    QSignalSpy ready(&tunnel, &SshTunnel::ready);
    tunnel.start();
    QVERIFY(ready.wait(15000));

    // A long command on the same machine through another SshHost, as a
    // basebackup would run during a setup.
    SshHost busy(config());
    std::thread command([&busy] { (void)busy.run(CommandLine(QStringLiteral("sleep"), {QStringLiteral("6")})); });

    ReplicationSampler sampler;
    sampler.setInterval(500);
    sampler.setPrimary(QStringLiteral("primary"), conninfo(tunnel.localPort()));
    QSignalSpy samples(&sampler, &ReplicationSampler::sampleReady);
    QElapsedTimer clock;
    clock.start();
    sampler.start();
    QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 8, 8000);
    const qint64 elapsed = clock.elapsed();
    command.join();
    QVERIFY(sampler.lastSample().primary.reachable);
    QVERIFY2(elapsed < 6000, qPrintable(QStringLiteral("8 samples at 500 ms took %1 ms").arg(elapsed)));
    qInfo("8 samples through the tunnel in %lld ms while the host ran a 6 s command", elapsed);
}

void TestSshTunnel::nothingListeningIsAClearFailure()
{
    SshTunnel tunnel(config(), QStringLiteral("localhost"), 5499);
    QSignalSpy ready(&tunnel, &SshTunnel::ready);
    QSignalSpy refused(&tunnel, &SshTunnel::connectionFailed);
    tunnel.start();
    QVERIFY(ready.wait(15000));
    PgConnection connection;
    QSignalSpy failed(&connection, &PgConnection::failed);
    connection.open(conninfo(tunnel.localPort()));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 5000);
    const QString message = refused.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("5499")), qPrintable(message));
}

void TestSshTunnel::aWrongLoginFailsTheTunnel()
{
    SshHostConfig wrong = config();
    wrong.identityFiles = {};
    wrong.password = QStringLiteral("not the password");
    SshTunnel tunnel(wrong, QStringLiteral("localhost"), 5432);
    QSignalSpy failed(&tunnel, &SshTunnel::failed);
    tunnel.start();
    QVERIFY(failed.wait(20000));
    QVERIFY(!failed.first().first().toString().isEmpty());
    QCOMPARE(tunnel.localPort(), 0);
}

void TestSshTunnel::closingNeverWaitsForTheNetwork()
{
    SshHostConfig silent = config();
    silent.host = m_net.unusedAddress(); // nothing answers: the login would wait for its timeout
    auto tunnel = std::make_unique<SshTunnel>(silent, QStringLiteral("localhost"), 5432);
    tunnel->start();
    QTest::qWait(100);
    QElapsedTimer clock;
    clock.start();
    tunnel.reset();
    QVERIFY2(clock.elapsed() < 50, qPrintable(QStringLiteral("closing took %1 ms").arg(clock.elapsed())));
    QTest::qWait(300); // the worker sees the stop flag and ends on its own
}

QTEST_GUILESS_MAIN(TestSshTunnel)
#include "test_ssh_tunnel.moc"
