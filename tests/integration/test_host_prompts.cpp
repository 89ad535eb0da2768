// HostPrompts against a real sshd on a test host, the way the wizard uses
// it: the SshHost connects on a worker (HostTask), the request reaches this
// thread through a queued connection, and the answer given here lets the
// worker go on. An unknown key is asked with OpenSSH's own SHA256
// fingerprint; accepted it connects (known_hosts written only when asked),
// cancelled it is refused with the fingerprint; a changed key is refused
// without a question; a fingerprint accepted later is handed to the same
// SshHost; a missing login password is asked.
#include "core/host/host_prompts.h"
#include "core/host/host_task.h"
#include "core/host/local_host.h"
#include "core/host/ssh_host.h"
#include "test_host_network.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <memory>

Q_DECLARE_METATYPE(SshPromptReply::Decision)

class TestHostPrompts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void unknownKeyAnsweredFromThisThread_data();
    void unknownKeyAnsweredFromThisThread();
    void cancellingTheConnectEndsTheWait();
    void changedKeyIsRefusedWithoutAQuestion();
    void acceptedFingerprintHandedToTheSameHost();
    void missingPasswordIsAsked();

private:
    SshHostConfig config(const QString &knownHosts) const;
    QString freshKnownHosts(const QString &content = {});
    QString sshKeygenFingerprint() const;

    std::unique_ptr<TestHostNetwork> m_net;
    TestHost *m_host = nullptr;
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestHostPrompts::initTestCase()
{
    m_net = std::make_unique<TestHostNetwork>();
    if (!m_net->skipReason().isEmpty())
        QSKIP(qPrintable(m_net->skipReason()));
    const QList<TestHost *> hosts = m_net->create(1);
    QCOMPARE(hosts.size(), 1);
    m_host = hosts.first();
    QVERIFY(m_dir.isValid());
}

SshHostConfig TestHostPrompts::config(const QString &knownHosts) const
{
    SshHostConfig config;
    config.host = m_host->address();
    config.user = QStringLiteral("root");
    config.identityFiles = {m_net->clientKeyPath()};
    config.useAgent = false;
    config.readUserConfig = false;
    config.knownHostsPath = knownHosts;
    config.connectTimeoutMs = 5000;
    return config;
}

QString TestHostPrompts::freshKnownHosts(const QString &content)
{
    const QString path = m_dir.filePath(QStringLiteral("known_hosts_%1").arg(++m_files));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content.toUtf8());
    return path;
}

QString TestHostPrompts::sshKeygenFingerprint() const
{
    LocalHost local;
    auto keygen = local.run(
        CommandLine(QStringLiteral("ssh-keygen"),
                    {QStringLiteral("-lf"), m_host->stateDir() + QStringLiteral("/ssh/ssh_host_ed25519_key.pub")}));
    return keygen && keygen->succeeded() ? QString::fromUtf8(keygen->stdOut).section(QLatin1Char(' '), 1, 1)
                                         : QString();
}

void TestHostPrompts::unknownKeyAnsweredFromThisThread_data()
{
    QTest::addColumn<SshPromptReply::Decision>("decision");
    QTest::addColumn<bool>("connects");
    QTest::addColumn<bool>("remembered");
    QTest::addRow("accept once") << SshPromptReply::Decision::AcceptOnce << true << false;
    QTest::addRow("accept and remember") << SshPromptReply::Decision::AcceptAndRemember << true << true;
    QTest::addRow("cancel") << SshPromptReply::Decision::Cancel << false << false;
}

void TestHostPrompts::unknownKeyAnsweredFromThisThread()
{
    QFETCH(SshPromptReply::Decision, decision);
    QFETCH(bool, connects);
    QFETCH(bool, remembered);
    SshHostConfig settings = config(freshKnownHosts());
    auto prompts = std::make_shared<HostPrompts>();
    settings.prompts = prompts;
    auto host = std::make_shared<SshHost>(settings);

    // This object answers as the wizard's page does: queued, on this thread.
    QObject page;
    QList<SshPrompt> asked;
    connect(prompts.get(), &HostPrompts::requested, &page, [&](quint64 id, const SshPrompt &prompt) {
        QCOMPARE(QThread::currentThread(), page.thread());
        asked << prompt;
        prompts->answer(id, SshPromptReply{decision, {}});
    });
    HostTask *task = HostTask::connectTo(host, &page);
    QSignalSpy finished(task, &HostTask::finished);
    QVERIFY(finished.wait(15000));

    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked[0].kind, SshPrompt::Kind::UnknownHostKey);
    QCOMPARE(asked[0].hostKey.keyType, QStringLiteral("ssh-ed25519"));
    QCOMPARE(asked[0].hostKey.fingerprint, sshKeygenFingerprint());
    QCOMPARE(asked[0].hostName, QStringLiteral("root@") + m_host->address());
    QCOMPARE(task->ok(), connects);
    QCOMPARE(QFileInfo(settings.knownHostsPath).size() > 0, remembered);
    if (!connects) {
        const QString message = task->summary();
        QVERIFY2(message.contains(QStringLiteral("is not known yet")), qPrintable(message));
        QVERIFY2(message.contains(asked[0].hostKey.fingerprint), qPrintable(message));
        return;
    }
    // The same SshHost reconnects without asking again.
    host->disconnect();
    HostTask *again = HostTask::connectTo(host, &page);
    QSignalSpy finishedAgain(again, &HostTask::finished);
    QVERIFY(finishedAgain.wait(15000));
    QVERIFY2(again->ok(), qPrintable(again->summary()));
    QCOMPARE(asked.size(), 1);
}

void TestHostPrompts::cancellingTheConnectEndsTheWait()
{
    SshHostConfig settings = config(freshKnownHosts());
    auto prompts = std::make_shared<HostPrompts>();
    settings.prompts = prompts;
    auto host = std::make_shared<SshHost>(settings);
    QSignalSpy requested(prompts.get(), &HostPrompts::requested);
    HostTask *task = HostTask::connectTo(host, this);
    QSignalSpy finished(task, &HostTask::finished);
    QVERIFY(requested.wait(15000));
    QCOMPARE(prompts->pendingCount(), 1);
    // Nobody answers: the worker waits, and this thread keeps running.
    QTest::qWait(200);
    QVERIFY(finished.isEmpty());
    task->cancel();
    QVERIFY(finished.wait(5000));
    QVERIFY(!task->ok());
    QCOMPARE(prompts->pendingCount(), 0);
    QCOMPARE(QFileInfo(settings.knownHostsPath).size(), 0);
    delete task;
}

void TestHostPrompts::changedKeyIsRefusedWithoutAQuestion()
{
    QFile clientKey(m_net->clientKeyPath() + QStringLiteral(".pub"));
    QVERIFY(clientKey.open(QIODevice::ReadOnly));
    const QString otherKey = QString::fromUtf8(clientKey.readAll()).section(QLatin1Char(' '), 0, 1);
    SshHostConfig settings =
        config(freshKnownHosts(m_host->address() + QLatin1Char(' ') + otherKey + QLatin1Char('\n')));
    auto prompts = std::make_shared<HostPrompts>();
    settings.prompts = prompts;
    auto host = std::make_shared<SshHost>(settings);
    QSignalSpy requested(prompts.get(), &HostPrompts::requested);
    HostTask *task = HostTask::connectTo(host, this);
    QSignalSpy finished(task, &HostTask::finished);
    QVERIFY(finished.wait(15000));
    QVERIFY(!task->ok());
    QCOMPARE(requested.size(), 0);
    const QString message = task->summary();
    QVERIFY2(message.contains(QStringLiteral("is not the one recorded")), qPrintable(message));
    QVERIFY2(message.contains(sshKeygenFingerprint()), qPrintable(message));
    delete task;
}

void TestHostPrompts::acceptedFingerprintHandedToTheSameHost()
{
    // No prompts: the connect is refused, the user looks at lastHostKey() and says yes.
    SshHostConfig settings = config(freshKnownHosts());
    SshHost host(settings);
    QVERIFY(!host.connect().ok());
    QVERIFY(host.lastHostKey());
    host.trustHostKey(host.lastHostKey()->fingerprint, false);
    auto connected = host.connect();
    QVERIFY2(connected.ok(), qPrintable(connected ? QString() : connected.error().fullText()));
    QCOMPARE(QFileInfo(settings.knownHostsPath).size(), 0); // once: not written
    // Another fingerprint is still refused.
    SshHost other(settings);
    other.trustHostKey(QStringLiteral("SHA256:notthisone"), true);
    QVERIFY(!other.connect().ok());
}

void TestHostPrompts::missingPasswordIsAsked()
{
    SshHostConfig settings = config(m_net->knownHostsPath());
    settings.user = m_net->sudoNoPasswordUser();
    settings.identityFiles = {m_dir.filePath(QStringLiteral("no-such-key"))};
    auto prompts = std::make_shared<HostPrompts>();
    settings.prompts = prompts;
    QList<SshPrompt::Kind> asked;
    connect(prompts.get(), &HostPrompts::requested, this, [&](quint64 id, const SshPrompt &prompt) {
        asked << prompt.kind;
        prompts->answer(id, {SshPromptReply::Decision::Text, m_net->userPassword()});
    });
    auto host = std::make_shared<SshHost>(settings);
    HostTask *task = HostTask::run(host, CommandLine(QStringLiteral("id"), {QStringLiteral("-un")}), {}, this);
    QSignalSpy finished(task, &HostTask::finished);
    QVERIFY(finished.wait(15000));
    QVERIFY2(task->ok(), qPrintable(task->summary()));
    QCOMPARE(QString::fromUtf8(task->commandResult().stdOut.trimmed()), m_net->sudoNoPasswordUser());
    QCOMPARE(asked, QList<SshPrompt::Kind>{SshPrompt::Kind::Password});
    delete task;
}

QTEST_GUILESS_MAIN(TestHostPrompts)
#include "test_host_prompts.moc"
