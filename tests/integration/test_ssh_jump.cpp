#include "core/host/command_line.h"
#include "core/host/local_host.h"
#include "core/host/ssh_host.h"
#include "core/host/ssh_tunnel.h"

#include "child_run.h"
#include "test_host_network.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QThread>
#include <QtTest/QTest>

#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// Hosts as `ssh` reaches them, on real test hosts: two hosts on a network
// this machine cannot reach, a bastion on both, and an SSH config naming
// them (Host aliases with HostName, User, IdentityFile, UserKnownHostsFile,
// ProxyJump). SshHost reaches them through the bastion natively (SshJump),
// and replicactl sets up a pair through it.
class TestSshJump : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void directConnectionToAHiddenHostFails();
    void runsACommandThroughTheJumpHost();
    void chainOfTwoJumpHosts();
    void unknownJumpHostKeyIsRefused();
    void cancelWhileConnectingReturns();
    void closingLeavesNoSocketOrThread();
    void tunnelThroughAnAlias();
    void deadJumpLinkEndsACommandWithinTheBound();
    void closingWithTheJumpLinkDownIsQuick();
    void setupThroughTheBastionIsVerified();

private:
    SshHostConfig aliasConfig(const QString &alias) const;
    bool setBastionLink(const char *state) const; // "up" or "down": the bastion's link to this machine

    TestHostNetwork m_net;
    TestHost *m_bastion = nullptr;
    TestHost *m_primary = nullptr;
    TestHost *m_standby = nullptr;
    QString m_config;
};

namespace {

int entriesIn(const QString &dir)
{
    return int(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
}

QString hiddenAddressSeen(SshHost &host)
{
    auto ran = host.run(CommandLine::shell(QStringLiteral("ip -o -4 addr show dev eth0")));
    return ran && ran->succeeded() ? QString::fromUtf8(ran->stdOut) : (ran ? ran->explain() : ran.error().fullText());
}

} // namespace

SshHostConfig TestSshJump::aliasConfig(const QString &alias) const
{
    SshHostConfig config;
    config.host = alias;
    config.configFile = m_config;
    config.useAgent = false;
    config.connectTimeoutMs = 5000;
    return config;
}

bool TestSshJump::setBastionLink(const char *state) const
{
    LocalHost local;
    auto done = local.run(
        CommandLine(QStringLiteral("ip"), {QStringLiteral("-n"), m_bastion->namespaceName(), QStringLiteral("link"),
                                           QStringLiteral("set"), QStringLiteral("eth0"), QString::fromLatin1(state)}));
    return done && done->succeeded();
}

void TestSshJump::initTestCase()
{
    if (!m_net.skipReason().isEmpty())
        QSKIP(qPrintable(m_net.skipReason()));
    TestHostOptions options;
    options.reach = TestHostOptions::Reach::Bastion;
    const QList<TestHost *> bastion = m_net.create(1, options);
    options.reach = TestHostOptions::Reach::Hidden;
    const QList<TestHost *> hidden = m_net.create(2, options);
    QCOMPARE(bastion.size(), 1);
    QCOMPARE(hidden.size(), 2);
    m_bastion = bastion.first();
    m_primary = hidden.at(0);
    m_standby = hidden.at(1);
    QVERIFY(m_primary->address().startsWith(m_net.hiddenNetworkPrefix()));
    m_config = m_net.writeSshConfig({{QStringLiteral("bastion"), m_bastion, {}},
                                     {QStringLiteral("p"), m_primary, QStringLiteral("bastion")},
                                     {QStringLiteral("s"), m_standby, QStringLiteral("bastion")},
                                     {QStringLiteral("s-via-p"), m_standby, QStringLiteral("bastion,p")}});
}

void TestSshJump::directConnectionToAHiddenHostFails()
{
    SshHostConfig config;
    config.host = m_primary->address();
    config.user = QStringLiteral("root");
    config.identityFiles = {m_net.clientKeyPath()};
    config.knownHostsPath = m_net.knownHostsPath();
    config.readUserConfig = false;
    config.useAgent = false;
    config.connectTimeoutMs = 3000;
    SshHost host(config);
    QElapsedTimer clock;
    clock.start();
    const Result<void> connected = host.connect();
    QVERIFY(!connected.ok());
    QVERIFY2(clock.elapsed() < 2500, "the unreachable route answers at once, no timeout");
}

void TestSshJump::runsACommandThroughTheJumpHost()
{
    SshHost host(aliasConfig(QStringLiteral("p")));
    QCOMPARE(host.destination().describe({}), QStringLiteral("root@%1:22 via bastion").arg(m_primary->address()));
    QCOMPARE(host.address(), m_primary->address());
    QCOMPARE(host.displayName(), QStringLiteral("root@p"));
    const QString seen = hiddenAddressSeen(host);
    QVERIFY2(seen.contains(m_primary->address() + QLatin1Char('/')), qPrintable(seen));
    // A file through SFTP on the same way.
    QVERIFY(host.writeFile(QStringLiteral("/tmp/jump-test"), "through the bastion\n").ok());
    const Result<QByteArray> back = host.readFile(QStringLiteral("/tmp/jump-test"));
    QVERIFY(back.ok());
    QCOMPARE(*back, QByteArray("through the bastion\n"));
}

void TestSshJump::chainOfTwoJumpHosts()
{
    SshHost host(aliasConfig(QStringLiteral("s-via-p")));
    QCOMPARE(host.destination().proxyJump, (QStringList{QStringLiteral("bastion"), QStringLiteral("p")}));
    const QString seen = hiddenAddressSeen(host);
    QVERIFY2(seen.contains(m_standby->address() + QLatin1Char('/')), qPrintable(seen));
    // The last hop was p: the standby saw the session come from p's address.
    auto from = host.run(CommandLine::shell(QStringLiteral("echo $SSH_CONNECTION")));
    QVERIFY(from.ok());
    QVERIFY2(from->stdOut.startsWith(m_primary->address().toUtf8() + ' '), from->stdOut.constData());
}

void TestSshJump::unknownJumpHostKeyIsRefused()
{
    // A known_hosts with the hidden hosts' keys only: the bastion is new.
    QFile all(m_net.knownHostsPath());
    QVERIFY(all.open(QIODevice::ReadOnly));
    QByteArray hiddenOnly;
    for (const QByteArray &line : all.readAll().split('\n'))
        if (line.startsWith(m_net.hiddenNetworkPrefix().toUtf8()))
            hiddenOnly += line + '\n';
    const QString knownHosts = m_net.runDir() + QStringLiteral("/known_hosts_hidden_only");
    QFile file(knownHosts);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(hiddenOnly);
    file.close();

    SshHostConfig config = aliasConfig(QStringLiteral("p"));
    config.knownHostsPath = knownHosts;
    SshHost host(config);
    const Result<void> connected = host.connect();
    QVERIFY(!connected.ok());
    const QString message = connected.error().message;
    QVERIFY2(message.contains(QStringLiteral("through the jump host root@bastion")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("is not known yet")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("SHA256:")), qPrintable(message));
    // Nothing was written for the refused key.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), hiddenOnly);
}

void TestSshJump::cancelWhileConnectingReturns()
{
    SshHost host(aliasConfig(QStringLiteral("s-via-p")));
    const std::atomic_bool cancel{true};
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!host.connect(&cancel).ok());
    QVERIFY(clock.elapsed() < 2000);
}

void TestSshJump::closingLeavesNoSocketOrThread()
{
    const int fds = entriesIn(QStringLiteral("/proc/self/fd"));
    const int threads = entriesIn(QStringLiteral("/proc/self/task"));
    {
        SshHost host(aliasConfig(QStringLiteral("s-via-p")));
        QVERIFY(host.connect().ok());
        QVERIFY(entriesIn(QStringLiteral("/proc/self/task")) >= threads + 2); // a relay per hop
        QElapsedTimer clock;
        clock.start();
        host.disconnect();
        QVERIFY(clock.elapsed() < 1000);
    }
    QCOMPARE(entriesIn(QStringLiteral("/proc/self/fd")), fds);
    QCOMPARE(entriesIn(QStringLiteral("/proc/self/task")), threads);
}

void TestSshJump::tunnelThroughAnAlias()
{
    // The saved cluster's way to a server: a tunnel whose host is an alias
    // behind the bastion; here to the hidden host's own sshd, whose banner
    // comes back through it.
    SshTunnel tunnel(aliasConfig(QStringLiteral("p")), m_primary->address(), 22);
    QSignalSpy ready(&tunnel, &SshTunnel::ready);
    QSignalSpy failed(&tunnel, &SshTunnel::failed);
    tunnel.start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 15000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    auto closeFd = qScopeGuard([fd] { ::close(fd); });
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(quint16(tunnel.localPort()));
    QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    const timeval wait{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    char banner[8] = {};
    QCOMPARE(::recv(fd, banner, sizeof banner, MSG_WAITALL), ssize_t(sizeof banner));
    QCOMPARE(QByteArray(banner, sizeof banner), QByteArray("SSH-2.0-"));
}

void TestSshJump::deadJumpLinkEndsACommandWithinTheBound()
{
    SshHostConfig config = aliasConfig(QStringLiteral("p"));
    config.keepaliveMs = 1000;
    config.deadLinkMs = 3000;
    SshHost host(config);
    QVERIFY(host.connect().ok());
    // The bastion's link to this machine goes down: the hidden host itself is fine.
    auto restore = qScopeGuard([&] { setBastionLink("up"); });
    std::thread cutter([&] {
        QThread::msleep(1000);
        setBastionLink("down");
    });
    RunOptions options;
    options.timeoutMs = 40000; // the backstop that would end it without the dead-link bound
    QElapsedTimer clock;
    clock.start();
    auto ran = host.run(CommandLine(QStringLiteral("sleep"), {QStringLiteral("30")}), options);
    cutter.join();
    QVERIFY2(!ran.ok(), ran.ok() ? qPrintable(ran->explain()) : "");
    QVERIFY2(ran.error().message.contains(QStringLiteral("was lost")), qPrintable(ran.error().fullText()));
    QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));

    QVERIFY(setBastionLink("up"));
    restore.dismiss();
    // Back through a new jump once the link is (the neighbour entry of the
    // bastion's address needs a moment after its link came up).
    auto runsAgain = [&host] {
        auto again = host.run(CommandLine(QStringLiteral("echo"), {QStringLiteral("back")}));
        return again.ok() && again->succeeded();
    };
    QTRY_VERIFY_WITH_TIMEOUT(runsAgain(), 15000);
}

void TestSshJump::closingWithTheJumpLinkDownIsQuick()
{
    auto host = std::make_unique<SshHost>(aliasConfig(QStringLiteral("s-via-p")));
    QVERIFY(host->connect().ok());
    QVERIFY(setBastionLink("down"));
    auto restore = qScopeGuard([&] { setBastionLink("up"); });
    QElapsedTimer clock;
    clock.start();
    host.reset();
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
}

void TestSshJump::setupThroughTheBastionIsVerified()
{
    if (!QFile::exists(QStringLiteral("/usr/lib/postgresql/15/bin/postgres")))
        QSKIP("Debian's postgresql-15 package is needed on this machine.");
    if (!QFile::exists(replicactlProgram()))
        QSKIP("Build the replicactl target first.");
    const ChildRun setup = ChildRun::start(replicactlProgram(),
                                           {QStringLiteral("setup"), QStringLiteral("--sync"), QStringLiteral("--yes"),
                                            QStringLiteral("-F"), m_config, QStringLiteral("--primary"),
                                            QStringLiteral("p"), QStringLiteral("--standby"), QStringLiteral("s")});
    QVERIFY2(setup.exitCode == 0, qPrintable(setup.all()));
    QVERIFY2(setup.out.contains(QStringLiteral("p → root@%1:22 via bastion").arg(m_primary->address())),
             qPrintable(setup.all()));
    QVERIFY2(setup.out.contains(QStringLiteral("s → root@%1:22 via bastion").arg(m_standby->address())),
             qPrintable(setup.all()));
    QVERIFY2(setup.out.contains(QStringLiteral("Done: the standby streams and is verified.")), qPrintable(setup.all()));
}

QTEST_GUILESS_MAIN(TestSshJump)
#include "test_ssh_jump.moc"
