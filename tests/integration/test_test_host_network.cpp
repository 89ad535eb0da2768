#include "test_host_network.h"

#include "core/host/local_host.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <unistd.h>

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

// The test hosts every integration suite builds on: separate addresses,
// separate PostgreSQL folders, a working sshd with the suite's key, the
// test users' sudo, and nothing left behind.
class TestTestHostNetwork : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sshWithSuiteKeyReachesEachHost();
    void postgresFoldersArePrivate();
    void extraBindMountIsVisibleInside();
    void hostsReachEachOther();
    void sudoOfTestUsers();
    void sshdStopsAndStarts();
    void sshdWithoutSftp();
    void sshdWithKeyboardInteractiveOnly();
    void secondNetworkInSameProcess();
    void teardownLeavesNothing();
    void staleRunIsCleaned();

private:
    Result<CommandResult> ssh(const TestHost &host, const QString &user, const QStringList &command);

    std::unique_ptr<TestHostNetwork> m_net;
    QList<TestHost *> m_hosts;
    QTemporaryDir m_extra;
};

void TestTestHostNetwork::initTestCase()
{
    m_net = std::make_unique<TestHostNetwork>();
    if (!m_net->skipReason().isEmpty())
        QSKIP(qPrintable(m_net->skipReason()));
    QFile marker(m_extra.filePath(QStringLiteral("marker")));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.write("bound\n");
    marker.close();
    m_hosts = m_net->create(1);
    QCOMPARE(m_hosts.size(), 1);
    TestHostOptions options;
    options.extraMounts.append({m_extra.path(), QStringLiteral("/usr/lib/postgresql/replica-test-extra")});
    m_hosts += m_net->create(1, options);
    QCOMPARE(m_hosts.size(), 2);
}

Result<CommandResult> TestTestHostNetwork::ssh(const TestHost &host, const QString &user, const QStringList &command)
{
    LocalHost local;
    QStringList arguments{QStringLiteral("-i"),
                          m_net->clientKeyPath(),
                          QStringLiteral("-o"),
                          QStringLiteral("UserKnownHostsFile=") + m_net->knownHostsPath(),
                          QStringLiteral("-o"),
                          QStringLiteral("StrictHostKeyChecking=yes"),
                          QStringLiteral("-o"),
                          QStringLiteral("BatchMode=yes"),
                          QStringLiteral("-o"),
                          QStringLiteral("ConnectTimeout=5"),
                          QStringLiteral("-l"),
                          user,
                          host.address(),
                          QStringLiteral("--"),
                          CommandLine(command.first(), command.mid(1)).toShellString()};
    return local.run(CommandLine(QStringLiteral("ssh"), arguments), RunOptions{.timeoutMs = 30000});
}

void TestTestHostNetwork::sshWithSuiteKeyReachesEachHost()
{
    for (TestHost *host : m_hosts) {
        QVERIFY(host->address().startsWith(m_net->networkPrefix()));
        auto result = ssh(*host, QStringLiteral("root"),
                          {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("id -un; echo $SSH_CONNECTION")});
        QVERIFY(result.ok());
        QVERIFY2(result->succeeded(), qPrintable(result->explain() + QLatin1Char('\n') + host->sshdLog()));
        const QList<QByteArray> lines = result->stdOut.split('\n');
        QCOMPARE(lines.value(0), QByteArray("root"));
        QVERIFY(lines.value(1).contains(host->address().toUtf8()));
    }
}

void TestTestHostNetwork::postgresFoldersArePrivate()
{
    for (const char *folder :
         {"/var/lib/postgresql", "/etc/postgresql", "/var/run/postgresql", "/var/log/postgresql"}) {
        const QString file = QString::fromLatin1(folder) + QStringLiteral("/replica-test-marker");
        auto written =
            m_hosts[0]->runInside(CommandLine(QStringLiteral("touch"), {file}), RunOptions{.as = RunAs::Postgres});
        QVERIFY(written.ok());
        QVERIFY2(written->succeeded(), qPrintable(written->explain()));
        auto there = ssh(*m_hosts[0], QStringLiteral("root"), {QStringLiteral("test"), QStringLiteral("-e"), file});
        QVERIFY(there.ok());
        QCOMPARE(there->exitCode, 0);
        auto elsewhere = m_hosts[1]->runInside(CommandLine(QStringLiteral("test"), {QStringLiteral("-e"), file}));
        QVERIFY(elsewhere.ok());
        QCOMPARE(elsewhere->exitCode, 1);
        QVERIFY(!QFileInfo::exists(file));
    }
}

void TestTestHostNetwork::extraBindMountIsVisibleInside()
{
    const QString inside = QStringLiteral("/usr/lib/postgresql/replica-test-extra/marker");
    auto second = m_hosts[1]->runInside(CommandLine(QStringLiteral("cat"), {inside}));
    QVERIFY(second.ok());
    QCOMPARE(second->stdOut, QByteArray("bound\n"));
    auto first = m_hosts[0]->runInside(CommandLine(QStringLiteral("cat"), {inside}));
    QVERIFY(first.ok());
    QVERIFY(!first->succeeded());
}

void TestTestHostNetwork::hostsReachEachOther()
{
    const QString probe = QStringLiteral("exec 3<>/dev/tcp/%1/22 && head -c 7 <&3").arg(m_hosts[1]->address());
    auto result = m_hosts[0]->runInside(CommandLine(QStringLiteral("bash"), {QStringLiteral("-c"), probe}),
                                        RunOptions{.timeoutMs = 10000});
    QVERIFY(result.ok());
    QVERIFY2(result->succeeded(), qPrintable(result->explain()));
    QCOMPARE(result->stdOut, QByteArray("SSH-2.0"));
}

void TestTestHostNetwork::sudoOfTestUsers()
{
    auto free = ssh(*m_hosts[0], m_net->sudoNoPasswordUser(),
                    {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("id"), QStringLiteral("-un")});
    QVERIFY(free.ok());
    QVERIFY2(free->succeeded(), qPrintable(free->explain()));
    QCOMPARE(free->stdOut, QByteArray("root\n"));
    auto needsPassword = ssh(*m_hosts[0], m_net->sudoPasswordUser(),
                             {QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("true")});
    QVERIFY(needsPassword.ok());
    QVERIFY(!needsPassword->succeeded());
    QVERIFY2(needsPassword->explain().contains(QStringLiteral("sudo asked for a password")),
             qPrintable(needsPassword->explain()));
}

void TestTestHostNetwork::sshdStopsAndStarts()
{
    QVERIFY(m_hosts[0]->stopSshd());
    auto refused = ssh(*m_hosts[0], QStringLiteral("root"), {QStringLiteral("true")});
    QVERIFY(refused.ok());
    QCOMPARE(refused->exitCode, 255);
    QVERIFY2(refused->stdErr.contains("refused"), refused->stdErr.constData());
    QVERIFY(m_hosts[0]->startSshd());
    auto back = ssh(*m_hosts[0], QStringLiteral("root"), {QStringLiteral("true")});
    QVERIFY(back.ok());
    QVERIFY2(back->succeeded(), qPrintable(back->explain()));
}

void TestTestHostNetwork::sshdWithoutSftp()
{
    const QList<TestHost *> made = m_net->create(1, TestHostOptions{.sftp = false});
    QCOMPARE(made.size(), 1);
    auto commands = ssh(*made[0], QStringLiteral("root"), {QStringLiteral("true")});
    QVERIFY(commands.ok());
    QVERIFY2(commands->succeeded(), qPrintable(commands->explain()));
    LocalHost local;
    auto sftp =
        local.run(CommandLine(QStringLiteral("sftp"),
                              {QStringLiteral("-b"), QStringLiteral("-"), QStringLiteral("-i"), m_net->clientKeyPath(),
                               QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=") + m_net->knownHostsPath(),
                               QStringLiteral("root@") + made[0]->address()}),
                  RunOptions{.stdinData = "pwd\n", .timeoutMs = 30000});
    QVERIFY(sftp.ok());
    QVERIFY(!sftp->succeeded());
    QVERIFY2(sftp->stdErr.contains("subsystem request failed"), sftp->stdErr.constData());
}

void TestTestHostNetwork::sshdWithKeyboardInteractiveOnly()
{
    const QList<TestHost *> made = m_net->create(1, TestHostOptions{.keyboardInteractiveOnly = true});
    QCOMPARE(made.size(), 1);
    // The suite's key opens no door here (SshHost's tests log in through PAM).
    auto refused = ssh(*made[0], QStringLiteral("root"), {QStringLiteral("true")});
    QVERIFY(refused.ok());
    QCOMPARE(refused->exitCode, 255);
    QVERIFY2(refused->stdErr.contains("Permission denied (keyboard-interactive)"), refused->stdErr.constData());
    QFile config(made[0]->stateDir() + QStringLiteral("/ssh/sshd_config"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QVERIFY(config.readAll().contains("UsePAM yes\n")); // PAM asks for the password
}

void TestTestHostNetwork::secondNetworkInSameProcess()
{
    QString namespaceName;
    {
        TestHostNetwork second;
        QVERIFY2(second.skipReason().isEmpty(), qPrintable(second.skipReason()));
        QVERIFY(second.networkPrefix() != m_net->networkPrefix());
        QVERIFY(second.runDir() != m_net->runDir());
        const QList<TestHost *> hosts = second.create(1);
        QCOMPARE(hosts.size(), 1);
        namespaceName = hosts[0]->namespaceName();
        QVERIFY(namespaceName != m_hosts[0]->namespaceName());
        auto addresses = hosts[0]->runInside(
            CommandLine(QStringLiteral("ip"), {QStringLiteral("-4"), QStringLiteral("-o"), QStringLiteral("addr")}));
        QVERIFY(addresses.ok());
        QVERIFY(addresses->stdOut.contains(hosts[0]->address().toUtf8() + '/'));
    }
    // Gone with its object; the first network still answers.
    LocalHost local;
    auto namespaces = local.run(CommandLine(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("list")}));
    QVERIFY(namespaces.ok());
    QVERIFY(!namespaces->stdOut.contains(namespaceName.toUtf8() + ' ') &&
            !namespaces->stdOut.contains(namespaceName.toUtf8() + '\n'));
    // Its link too, at once: the next network of this process reuses the name.
    auto link =
        local.run(CommandLine(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("show"), namespaceName}));
    QVERIFY(link.ok());
    QVERIFY2(!link->succeeded(), link->stdOut.constData());
    auto still = ssh(*m_hosts[0], QStringLiteral("root"), {QStringLiteral("true")});
    QVERIFY(still.ok() && still->succeeded());
}

void TestTestHostNetwork::teardownLeavesNothing()
{
    const QString namespaceName = m_hosts[0]->namespaceName();
    const QString user = m_net->sudoNoPasswordUser();
    const QString runDir = m_net->runDir();
    m_net->tearDown();
    LocalHost local;
    auto namespaces = local.run(CommandLine(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("list")}));
    QVERIFY(namespaces.ok());
    QVERIFY(!namespaces->stdOut.contains(namespaceName.toUtf8()));
    auto users = local.run(CommandLine(QStringLiteral("id"), {user}));
    QVERIFY(users.ok());
    QVERIFY(!users->succeeded());
    QVERIFY(!QFileInfo::exists(runDir));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/etc/sudoers.d/replica-test-") + QString::number(::getpid())));
}

void TestTestHostNetwork::staleRunIsCleaned()
{
    // A network left by a run whose process is gone (a pid that just ended).
    QProcess ended;
    ended.start(QStringLiteral("true"));
    QVERIFY(ended.waitForFinished());
    const QString deadRun = QString::number(ended.processId());
    LocalHost local;
    const QString script = QStringLiteral(REPLICA_TEST_SUPPORT_DIR "/test-hosts");
    auto made = local.run(CommandLine(script, {QStringLiteral("create-network"), deadRun}));
    QVERIFY(made.ok());
    QVERIFY2(made->succeeded(), qPrintable(made->explain()));
    QVERIFY(QFileInfo::exists(QStringLiteral("/var/tmp/replica-test/") + deadRun));

    TestHostNetwork fresh;
    QVERIFY(fresh.skipReason().isEmpty());
    QVERIFY(!QFileInfo::exists(QStringLiteral("/var/tmp/replica-test/") + deadRun));
    auto links = local.run(CommandLine(QStringLiteral("ip"), {QStringLiteral("-o"), QStringLiteral("link")}));
    QVERIFY(links.ok());
    QVERIFY(!links->stdOut.contains(QStringLiteral("rs%1br").arg(deadRun).toUtf8()));
}

QTEST_GUILESS_MAIN(TestTestHostNetwork)
#include "test_test_host_network.moc"
