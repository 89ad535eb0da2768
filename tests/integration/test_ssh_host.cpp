#include "core/host/host_lock.h"
#include "core/host/host_prompts.h"
#include "core/host/host_task.h"
#include "core/host/local_host.h"
#include "core/host/ssh_host.h"
#include "test_host_network.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QtTest/QTest>

#include <atomic>
#include <thread>

Q_DECLARE_METATYPE(RunAs)

// Designated initializers name only the options each test sets.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

// SshHost against real sshds on the suite's test hosts: logins, host keys,
// streaming, cancel and timeout on the remote side, files, sudo, and a
// connection that times out without stalling the event loop, a link that
// dies under a running command, and the run lock of HostLock.
class TestSshHost : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keyLogin();
    void passwordLogin();
    void agentLogin();
    void keyWithPassphrase();
    void fileThatIsNoKeyIsSaidSo();
    void wrongPasswordSaysWhatWasTried();
    void keyboardInteractiveThroughPam();
    void unknownKeyAcceptedIsWrittenToKnownHosts();
    void unknownKeyRefusedShowsFingerprint();
    void hashedKnownHostsEntryIsRecognised();
    void changedKeyIsRefusedBeforeLogin();
    void unreachableAddressTimesOutWithoutStall();
    void streamsTenThousandLines();
    void cancelEndsRemoteProcess_data();
    void cancelEndsRemoteProcess();
    void timeoutEndsRemoteProcess();
    void hostileArgumentsArriveUnchanged_data();
    void hostileArgumentsArriveUnchanged();
    void exitStatusAndSignal();
    void fiftyMegabytesWrittenAndReadBack();
    void interruptedWriteKeepsOldFile();
    void cancelledWriteThroughShellKeepsOldFile();
    void writeAsPostgresKeepsBackup();
    void filesWithoutSftpMatchSftp_data();
    void filesWithoutSftpMatchSftp();
    void sudoWithoutPassword();
    void sudoWithPassword();
    void wrongSudoPasswordIsExplained();
    void suWithRootPassword();
    void startupFilesRunOncePerSession();
    void withoutSetsidEveryCommandHasItsOwnChannel();
    void loginShellThatRefusesIsExplained();
    void reconnectsAfterConnectionDropped();
    void concurrentCallsAreSerialised();
    void deadLinkEndsACommandWithinTheBound();
    void lockEndsWhatAnEarlierRunLeftRunning();

private:
    SshHostConfig rootConfig() const;
    SshHostConfig userConfig(const QString &user, const QString &password) const;
    QString freshKnownHosts(const QString &content = {});
    int acceptedLogins() const;
    TestHost *noSftpHost();
    // Puts `lines` at the head of the sudo-without-password user's ~/.bashrc
    // (Debian's bash reads it for every command over SSH) until the guard goes.
    QString testUserFile(const QString &name) const;
    [[nodiscard]] auto withBashrcHead(const QByteArray &lines);
    void writeRewriteAppendRead(SshHost &host, const TestHost &inside, const QString &path, RunAs as,
                                const QString &owner, QStringList *facts);

    std::unique_ptr<TestHostNetwork> m_net;
    TestHost *m_host = nullptr;
    TestHost *m_noSftpHost = nullptr;
    std::shared_ptr<SshHost> m_root;
    QTemporaryDir m_dir;
    int m_knownHostsCount = 0;
};

namespace {

QString text(const Result<CommandResult> &result)
{
    return result ? result->explain() + QLatin1Char('\n') + QString::fromUtf8(result->stdErr)
                  : result.error().fullText();
}

template <typename T> QString errorText(const Result<T> &result)
{
    return result ? QString() : result.error().fullText();
}

// Prompts answered on the connecting thread by `reply` (as replicactl does).
std::shared_ptr<HostPrompts> answeredBy(const std::function<SshPromptReply(const SshPrompt &)> &reply)
{
    auto prompts = std::make_shared<HostPrompts>();
    HostPrompts *raw = prompts.get();
    QObject::connect(
        raw, &HostPrompts::requested, raw,
        [raw, reply](quint64 id, const SshPrompt &prompt) { raw->answer(id, reply(prompt)); }, Qt::DirectConnection);
    return prompts;
}

SshPromptReply textReply(const std::optional<QString> &text)
{
    return text ? SshPromptReply{SshPromptReply::Decision::Text, *text} : SshPromptReply{};
}

bool processGone(const QString &pattern)
{
    LocalHost local;
    auto found = local.run(CommandLine(QStringLiteral("pgrep"), {QStringLiteral("-f"), pattern}));
    return found && found->exitCode == 1;
}

} // namespace

void TestSshHost::initTestCase()
{
    m_net = std::make_unique<TestHostNetwork>();
    if (!m_net->skipReason().isEmpty())
        QSKIP(qPrintable(m_net->skipReason()));
    const QList<TestHost *> hosts = m_net->create(1);
    QCOMPARE(hosts.size(), 1);
    m_host = hosts.first();
    QVERIFY(m_dir.isValid());
    m_root = std::make_shared<SshHost>(rootConfig());
    auto connected = m_root->connect();
    QVERIFY2(connected.ok(), qPrintable(errorText(connected)));
}

SshHostConfig TestSshHost::rootConfig() const
{
    SshHostConfig config;
    config.host = m_host->address();
    config.user = QStringLiteral("root");
    config.identityFiles = {m_net->clientKeyPath()};
    config.useAgent = false;
    config.readUserConfig = false;
    config.knownHostsPath = m_net->knownHostsPath();
    config.connectTimeoutMs = 5000;
    return config;
}

SshHostConfig TestSshHost::userConfig(const QString &user, const QString &password) const
{
    SshHostConfig config = rootConfig();
    config.user = user;
    config.password = password;
    config.identityFiles = {m_dir.filePath(QStringLiteral("no-such-key"))};
    return config;
}

QString TestSshHost::freshKnownHosts(const QString &content)
{
    const QString path = m_dir.filePath(QStringLiteral("known_hosts_%1").arg(++m_knownHostsCount));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content.toUtf8());
    return path;
}

int TestSshHost::acceptedLogins() const
{
    QFile log(m_host->stateDir() + QStringLiteral("/ssh/sshd.log"));
    if (!log.open(QIODevice::ReadOnly))
        return -1;
    return int(log.readAll().count("Accepted "));
}

void TestSshHost::keyLogin()
{
    auto result = m_root->run(CommandLine(QStringLiteral("id"), {QStringLiteral("-un")}));
    QVERIFY2(result.ok() && result->succeeded(), qPrintable(text(result)));
    QCOMPARE(result->stdOut, QByteArray("root\n"));
    QCOMPARE(m_root->displayName(), QStringLiteral("root@") + m_host->address());
}

void TestSshHost::passwordLogin()
{
    SshHost host(userConfig(m_net->sudoNoPasswordUser(), m_net->userPassword()));
    auto result = host.run(CommandLine(QStringLiteral("id"), {QStringLiteral("-un")}));
    QVERIFY2(result.ok() && result->succeeded(), qPrintable(text(result)));
    QCOMPARE(QString::fromUtf8(result->stdOut.trimmed()), m_net->sudoNoPasswordUser());
}

void TestSshHost::agentLogin()
{
    LocalHost local;
    const QString socket = m_dir.filePath(QStringLiteral("agent.sock"));
    auto agent = local.run(CommandLine(QStringLiteral("ssh-agent"), {QStringLiteral("-a"), socket}));
    QVERIFY2(agent.ok() && agent->succeeded(), qPrintable(text(agent)));
    const QByteArray pidLine = agent->stdOut.mid(agent->stdOut.indexOf("SSH_AGENT_PID=") + 14);
    const QString agentPid = QString::fromUtf8(pidLine.left(pidLine.indexOf(';')));
    auto stopAgent = qScopeGuard([&] { (void)local.run(CommandLine(QStringLiteral("kill"), {agentPid})); });
    const QByteArray oldSocket = qgetenv("SSH_AUTH_SOCK");
    qputenv("SSH_AUTH_SOCK", socket.toUtf8());
    auto restoreEnv =
        qScopeGuard([&] { oldSocket.isEmpty() ? qunsetenv("SSH_AUTH_SOCK") : qputenv("SSH_AUTH_SOCK", oldSocket); });
    auto added = local.run(CommandLine(QStringLiteral("ssh-add"), {m_net->clientKeyPath()}));
    QVERIFY2(added.ok() && added->succeeded(), qPrintable(text(added)));

    SshHostConfig config = rootConfig();
    config.useAgent = true;
    config.identityFiles = {m_dir.filePath(QStringLiteral("no-such-key"))}; // only the agent has the key
    SshHost host(config);
    auto result = host.run(CommandLine(QStringLiteral("id"), {QStringLiteral("-un")}));
    QVERIFY2(result.ok() && result->succeeded(), qPrintable(text(result)));
    QCOMPARE(result->stdOut, QByteArray("root\n"));
}

void TestSshHost::keyWithPassphrase()
{
    const QString key = m_dir.filePath(QStringLiteral("protected_key"));
    LocalHost local;
    auto made =
        local.run(CommandLine(QStringLiteral("ssh-keygen"),
                              {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                               QStringLiteral("-N"), QStringLiteral("open sesame"), QStringLiteral("-f"), key}));
    QVERIFY(made.ok() && made->succeeded());
    QFile publicKey(key + QStringLiteral(".pub"));
    QVERIFY(publicKey.open(QIODevice::ReadOnly));
    QVERIFY(local.appendFile(m_net->runDir() + QStringLiteral("/authorized_keys"), publicKey.readAll()).ok());

    SshHostConfig config = rootConfig();
    config.identityFiles = {key};
    QStringList askedFor;
    config.prompts = answeredBy([&](const SshPrompt &prompt) {
        if (prompt.kind != SshPrompt::Kind::Passphrase)
            return SshPromptReply{}; // no login password
        askedFor << prompt.keyPath;
        return textReply(askedFor.size() == 1 ? QStringLiteral("wrong") : QStringLiteral("open sesame"));
    });
    SshHost wrong(config);
    auto refused = wrong.connect();
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("wrong passphrase")), qPrintable(refused.error().message));
    SshHost right(config);
    auto connected = right.connect();
    QVERIFY2(connected.ok(), qPrintable(errorText(connected)));
    QCOMPARE(askedFor, QStringList({key, key}));
}

void TestSshHost::fileThatIsNoKeyIsSaidSo()
{
    // A public key or any other file named as the key: said as such, and no
    // passphrase asked for it.
    const QString notAKey = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(notAKey);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("my shopping list\n");
    file.close();
    SshHostConfig config = rootConfig();
    config.useAgent = false;
    config.identityFiles = {notAKey};
    int asked = 0;
    config.prompts = answeredBy([&asked](const SshPrompt &prompt) {
        asked += prompt.kind == SshPrompt::Kind::Passphrase ? 1 : 0;
        return SshPromptReply{};
    });
    SshHost host(config);
    auto refused = host.connect();
    QVERIFY(!refused.ok());
    const QString message = refused.error().message;
    QVERIFY2(message.contains(QStringLiteral("key %1 (not a private key file)").arg(notAKey)), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("passphrase")), qPrintable(message));
    // No password was given: the advice does not ask to check one, it names how to give one.
    QVERIFY2(!message.contains(QStringLiteral("and the password")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("--ssh-password-file")), qPrintable(message));
    QCOMPARE(asked, 0);
}

void TestSshHost::wrongPasswordSaysWhatWasTried()
{
    SshHost host(userConfig(m_net->sudoNoPasswordUser(), QStringLiteral("not the password")));
    auto result = host.connect();
    QVERIFY(!result.ok());
    const QString message = result.error().message;
    QVERIFY2(message.contains(QStringLiteral("Could not log in")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("The server accepts: public key, password")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("password (refused)")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("no-such-key (no such file)")), qPrintable(message));
}

void TestSshHost::keyboardInteractiveThroughPam()
{
    const QList<TestHost *> made = m_net->create(1, TestHostOptions{.keyboardInteractiveOnly = true});
    QCOMPARE(made.size(), 1);
    SshHostConfig config = userConfig(m_net->sudoNoPasswordUser(), m_net->userPassword());
    config.host = made[0]->address();
    SshHost host(config);
    auto result = host.run(CommandLine(QStringLiteral("id"), {QStringLiteral("-un")}));
    QVERIFY2(result.ok() && result->succeeded(), qPrintable(text(result) + made[0]->sshdLog()));
    QCOMPARE(QString::fromUtf8(result->stdOut.trimmed()), m_net->sudoNoPasswordUser());
    QTRY_VERIFY2(made[0]->sshdLog().contains(QStringLiteral("Accepted keyboard-interactive/pam for ") +
                                             m_net->sudoNoPasswordUser()),
                 qPrintable(made[0]->sshdLog()));

    config.password = QStringLiteral("not the password");
    SshHost wrong(config);
    auto refused = wrong.connect();
    QVERIFY(!refused.ok());
    const QString message = refused.error().message;
    QVERIFY2(message.contains(QStringLiteral("Could not log in")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("The server accepts: keyboard-interactive.")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Tried: keyboard-interactive with the password (refused).")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("this server takes no keys")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("authorized_keys")), qPrintable(message));
    // sshd's monitor writes the log after the client got the answer.
    QTRY_VERIFY2(made[0]->sshdLog().contains(QStringLiteral("Failed keyboard-interactive/pam for ") +
                                             m_net->sudoNoPasswordUser()),
                 qPrintable(made[0]->sshdLog()));
}

void TestSshHost::unknownKeyAcceptedIsWrittenToKnownHosts()
{
    SshHostConfig config = rootConfig();
    config.knownHostsPath = freshKnownHosts();
    QFile::remove(config.knownHostsPath); // not even the file exists yet
    std::optional<HostKeyInfo> asked;
    config.prompts = answeredBy([&](const SshPrompt &prompt) {
        asked = prompt.hostKey;
        return SshPromptReply{SshPromptReply::Decision::AcceptAndRemember, {}};
    });
    {
        SshHost host(config);
        auto connected = host.connect();
        QVERIFY2(connected.ok(), qPrintable(errorText(connected)));
    }
    QVERIFY(asked);
    QCOMPARE(asked->keyType, QStringLiteral("ssh-ed25519"));
    QCOMPARE(asked->host, m_host->address());
    // The same fingerprint as OpenSSH's own tool prints for the host key.
    LocalHost local;
    auto keygen = local.run(
        CommandLine(QStringLiteral("ssh-keygen"),
                    {QStringLiteral("-lf"), m_host->stateDir() + QStringLiteral("/ssh/ssh_host_ed25519_key.pub")}));
    QVERIFY(keygen.ok() && keygen->succeeded());
    QCOMPARE(QString::fromUtf8(keygen->stdOut).section(QLatin1Char(' '), 1, 1), asked->fingerprint);
    QFile written(config.knownHostsPath);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray line = written.readAll();
    QVERIFY2(line.startsWith(m_host->address().toUtf8() + ' '), line.constData());
    QVERIFY(line.contains(m_host->hostPublicKey().section(QLatin1Char(' '), 1, 1).toUtf8()));

    // Known now: no question the second time.
    asked.reset();
    SshHost again(config);
    QVERIFY(again.connect().ok());
    QVERIFY(!asked);
}

void TestSshHost::unknownKeyRefusedShowsFingerprint()
{
    SshHostConfig config = rootConfig();
    config.knownHostsPath = freshKnownHosts();
    const int loginsBefore = acceptedLogins();
    SshHost host(config);
    auto refused = host.connect();
    QVERIFY(!refused.ok());
    QVERIFY(host.lastHostKey());
    const QString fingerprint = host.lastHostKey()->fingerprint;
    QVERIFY(fingerprint.startsWith(QStringLiteral("SHA256:")));
    QVERIFY2(refused.error().message.contains(fingerprint), qPrintable(refused.error().message));
    QCOMPARE(QFileInfo(config.knownHostsPath).size(), 0);
    QCOMPARE(acceptedLogins(), loginsBefore);

    // What the GUI does once the user compared and said yes.
    config.acceptedFingerprint = fingerprint;
    SshHost accepted(config);
    QVERIFY(accepted.connect().ok());
    QVERIFY(QFileInfo(config.knownHostsPath).size() > 0);
}

void TestSshHost::hashedKnownHostsEntryIsRecognised()
{
    SshHostConfig config = rootConfig();
    config.knownHostsPath =
        freshKnownHosts(m_host->address() + QLatin1Char(' ') + m_host->hostPublicKey() + QLatin1Char('\n'));
    LocalHost local;
    auto hashed = local.run(
        CommandLine(QStringLiteral("ssh-keygen"), {QStringLiteral("-H"), QStringLiteral("-f"), config.knownHostsPath}));
    QVERIFY(hashed.ok() && hashed->succeeded());
    QFile file(config.knownHostsPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("|1|"));
    config.prompts = answeredBy([](const SshPrompt &) {
        qWarning("asked about a key that is known (hashed)");
        return SshPromptReply{};
    });
    SshHost host(config);
    auto connected = host.connect();
    QVERIFY2(connected.ok(), qPrintable(errorText(connected)));
}

void TestSshHost::changedKeyIsRefusedBeforeLogin()
{
    // known_hosts says the address has another ed25519 key (the client's own).
    QFile clientKey(m_net->clientKeyPath() + QStringLiteral(".pub"));
    QVERIFY(clientKey.open(QIODevice::ReadOnly));
    const QString otherKey = QString::fromUtf8(clientKey.readAll()).section(QLatin1Char(' '), 0, 1);
    SshHostConfig config = rootConfig();
    config.knownHostsPath = freshKnownHosts(m_host->address() + QLatin1Char(' ') + otherKey + QLatin1Char('\n'));
    bool asked = false;
    config.prompts = answeredBy([&](const SshPrompt &) {
        asked = true;
        return SshPromptReply{SshPromptReply::Decision::AcceptOnce, {}};
    });
    const int loginsBefore = acceptedLogins();
    SshHost host(config);
    auto refused = host.run(CommandLine(QStringLiteral("touch"), {QStringLiteral("/tmp/replica-should-not-exist")}));
    QVERIFY(!refused.ok());
    QVERIFY(!asked);
    const QString message = refused.error().message;
    QVERIFY2(message.contains(QStringLiteral("is not the one recorded")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("nothing was sent")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("ssh-keygen -R ") + m_host->address()), qPrintable(message));
    QCOMPARE(acceptedLogins(), loginsBefore);
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/replica-should-not-exist")));
}

void TestSshHost::unreachableAddressTimesOutWithoutStall()
{
    SshHostConfig config = rootConfig();
    config.host = m_net->unusedAddress();
    config.connectTimeoutMs = 1500;
    auto host = std::make_shared<SshHost>(config);

    // The event loop keeps turning while the connection attempt waits.
    QElapsedTimer sinceTick;
    qint64 longestStall = 0;
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (ticks++ > 0)
            longestStall = std::max(longestStall, sinceTick.elapsed());
        sinceTick.restart();
    });
    sinceTick.start();
    ticker.start();
    QElapsedTimer clock;
    clock.start();
    HostTask *task = HostTask::run(host, CommandLine(QStringLiteral("true")), {}, this);
    QSignalSpy finished(task, &HostTask::finished);
    QVERIFY(finished.wait(20000));
    ticker.stop();
    const qint64 elapsed = clock.elapsed();
    qInfo("connection attempt: %lld ms, %d ticks, longest event loop stall %lld ms", elapsed, ticks, longestStall);
    QVERIFY(!task->ok());
    QVERIFY2(task->error().message.contains(QStringLiteral("did not answer within 1.5 s")),
             qPrintable(task->error().fullText()));
    QVERIFY(elapsed >= 1500);
    QVERIFY(ticks > 50);
    QVERIFY2(longestStall <= 100, qPrintable(QStringLiteral("the event loop stalled %1 ms").arg(longestStall)));
}

void TestSshHost::streamsTenThousandLines()
{
    QList<QByteArray> lines;
    qsizetype linesWhenLastArrived = 0;
    RunOptions options;
    options.onLine = [&](OutputChannel channel, const QByteArray &line) {
        if (channel == OutputChannel::StdOut)
            lines.append(line);
        else
            linesWhenLastArrived = lines.size();
    };
    auto result = m_root->run(CommandLine::shell(QStringLiteral("seq 1 10000; echo done >&2")), options);
    QVERIFY2(result.ok() && result->succeeded(), qPrintable(text(result)));
    QCOMPARE(lines.size(), 10000);
    for (int i = 0; i < lines.size(); ++i)
        QCOMPARE(lines[i].toInt(), i + 1);
    QCOMPARE(result->stdOut.count('\n'), 10000);
    QCOMPARE(result->stdErr, QByteArray("done\n"));
}

void TestSshHost::cancelEndsRemoteProcess_data()
{
    QTest::addColumn<RunAs>("as");
    QTest::addColumn<QString>("duration");
    QTest::addRow("login user") << RunAs::LoginUser << QStringLiteral("611.5");
    QTest::addRow("as postgres") << RunAs::Postgres << QStringLiteral("611.7");
}

void TestSshHost::cancelEndsRemoteProcess()
{
    QFETCH(RunAs, as);
    QFETCH(QString, duration);
    std::atomic_bool cancel{false};
    RunOptions options;
    options.as = as;
    options.cancel = &cancel;
    options.onLine = [&](OutputChannel, const QByteArray &line) {
        if (line == "started")
            cancel = true;
    };
    // A grandchild of the remote shell: only ending the group reaches it.
    auto result =
        m_root->run(CommandLine::shell(QStringLiteral("sleep \"$1\" & echo started; wait"), {duration}), options);
    QVERIFY2(result.ok(), qPrintable(text(result)));
    QVERIFY(result->cancelled);
    QVERIFY(!result->succeeded());
    QTRY_VERIFY_WITH_TIMEOUT(processGone(QStringLiteral("sleep ") + duration), 10000);
    // The session is still good for the next command.
    auto next = m_root->run(CommandLine(QStringLiteral("true")));
    QVERIFY(next.ok() && next->succeeded());
}

void TestSshHost::timeoutEndsRemoteProcess()
{
    auto result =
        m_root->run(CommandLine(QStringLiteral("sleep"), {QStringLiteral("613.25")}), RunOptions{.timeoutMs = 500});
    QVERIFY2(result.ok(), qPrintable(text(result)));
    QVERIFY(result->timedOut);
    QVERIFY(result->explain().contains(QStringLiteral("did not finish within")));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(QStringLiteral("sleep 613.25")), 10000);
}

void TestSshHost::hostileArgumentsArriveUnchanged_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<RunAs>("as");
    const QStringList words{QStringLiteral("'; rm -rf / #'"),
                            QStringLiteral("$(touch /tmp/pwned)"),
                            QStringLiteral("`id`"),
                            QStringLiteral("line1\nline2"),
                            QStringLiteral("a; b | c && d"),
                            QStringLiteral("  spaces  "),
                            QStringLiteral("say \"hi\" \\n"),
                            QStringLiteral("日本語 ünïcode"),
                            QStringLiteral("-n"),
                            QString(),
                            QStringLiteral("$$ ${HOME} !")};
    for (int i = 0; i < words.size(); ++i) {
        QTest::addRow("login %d", i) << words[i] << RunAs::LoginUser;
        QTest::addRow("postgres %d", i) << words[i] << RunAs::Postgres;
    }
}

void TestSshHost::hostileArgumentsArriveUnchanged()
{
    QFETCH(QString, word);
    QFETCH(RunAs, as);
    auto result =
        m_root->run(CommandLine(QStringLiteral("printf"), {QStringLiteral("%s\\0"), word, QStringLiteral("end")}),
                    RunOptions{.as = as});
    QVERIFY2(result.ok() && result->succeeded(), qPrintable(text(result)));
    QCOMPARE(result->stdOut, word.toUtf8() + '\0' + QByteArray("end") + '\0');
}

void TestSshHost::exitStatusAndSignal()
{
    auto three = m_root->run(CommandLine::shell(QStringLiteral("echo 'no space left' >&2; exit 3")));
    QVERIFY(three.ok());
    QCOMPARE(three->exitCode, 3);
    QVERIFY(three->explain().contains(QStringLiteral("no space left")));
    auto missing = m_root->run(CommandLine(QStringLiteral("pg_no_such_program")));
    QVERIFY(missing.ok());
    QCOMPARE(missing->exitCode, 127);
    auto killed = m_root->run(CommandLine::shell(QStringLiteral("kill -KILL $$")));
    QVERIFY(killed.ok());
    QCOMPARE(killed->exitSignal, QStringLiteral("KILL"));
    QCOMPARE(killed->exitCode, 137);
}

void TestSshHost::fiftyMegabytesWrittenAndReadBack()
{
    QByteArray content(50 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(content.data()), content.size() / 4);
    const QString path = m_dir.filePath(QStringLiteral("big.bin"));
    QElapsedTimer clock;
    clock.start();
    auto written = m_root->writeFile(path, content);
    QVERIFY2(written.ok(), qPrintable(errorText(written)));
    const qint64 writeMs = clock.restart();
    auto read = m_root->readFile(path);
    QVERIFY2(read.ok(), qPrintable(errorText(read)));
    qInfo("50 MB: written in %lld ms, read back in %lld ms", writeMs, clock.elapsed());
    QCOMPARE(read->size(), content.size());
    QVERIFY(*read == content);
    QVERIFY(!m_root->readFile(m_dir.filePath(QStringLiteral("missing"))).ok());
}

void TestSshHost::interruptedWriteKeepsOldFile()
{
    const QString path = m_dir.filePath(QStringLiteral("postgresql.conf"));
    QVERIFY(m_root->writeFile(path, "the old content\n").ok());
    const QByteArray huge(256 * 1024 * 1024, 'x');
    std::atomic_bool cancel{false};
    std::atomic_bool sawTemp{false};
    std::thread watcher([&] {
        const QDir dir(m_dir.path());
        while (!cancel) {
            if (!dir.entryList({QStringLiteral(".postgresql.conf.*")}, QDir::Files | QDir::Hidden).isEmpty())
                sawTemp = cancel = true;
        }
    });
    auto report = m_root->writeFile(path, huge, WriteOptions{.cancel = &cancel});
    cancel = true;
    watcher.join();
    QVERIFY(sawTemp);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.contains(QStringLiteral("left as it was")), qPrintable(report.error().fullText()));
    auto read = m_root->readFile(path);
    QVERIFY(read.ok());
    QCOMPARE(*read, QByteArray("the old content\n"));
    QTRY_COMPARE(QDir(m_dir.path()).entryList({QStringLiteral(".postgresql.conf.*")}, QDir::Files | QDir::Hidden),
                 QStringList());
}

void TestSshHost::cancelledWriteThroughShellKeepsOldFile()
{
    // As postgres the content goes through the shell on stdin. Cancelled
    // before it all arrived, the command there sees its input end early:
    // that must not become the file.
    const QString path = QStringLiteral("/var/lib/postgresql/cancelled-write.conf");
    QVERIFY(m_root->writeFile(path, "the old content\n", WriteOptions{.as = RunAs::Postgres}).ok());
    std::atomic_bool cancel{true};
    auto report = m_root->writeFile(path, QByteArray(5 * 1024 * 1024, 'x'),
                                    WriteOptions{.as = RunAs::Postgres, .cancel = &cancel});
    QVERIFY(!report.ok());
    QTest::qWait(1000); // whatever was still running there has ended
    auto read = m_root->readFile(path, RunAs::Postgres);
    QVERIFY2(read.ok(), qPrintable(errorText(read)));
    QCOMPARE(read->left(100), QByteArray("the old content\n"));
    auto temps = m_root->run(
        CommandLine::shell(QStringLiteral("ls -A /var/lib/postgresql | grep -c '^\\.cancelled-write' || true")));
    QVERIFY(temps.ok());
    QCOMPARE(temps->stdOut.trimmed(), QByteArray("0"));
}

void TestSshHost::writeAsPostgresKeepsBackup()
{
    // /var/lib/postgresql is the test host's own folder, owned by postgres.
    const QString path = QStringLiteral("/var/lib/postgresql/replica-test.conf");
    auto first = m_root->writeFile(path, "a = 1\n", WriteOptions{.as = RunAs::Postgres, .mode = 0600});
    QVERIFY2(first.ok(), qPrintable(errorText(first)));
    auto second = m_root->writeFile(path, "a = 2\n", WriteOptions{.as = RunAs::Postgres});
    QVERIFY2(second.ok(), qPrintable(errorText(second)));
    QVERIFY(!second->backupPath.isEmpty());
    auto stat =
        m_host->runInside(CommandLine(QStringLiteral("stat"), {QStringLiteral("-c"), QStringLiteral("%U %a"), path}));
    QVERIFY(stat.ok());
    QCOMPARE(stat->stdOut, QByteArray("postgres 600\n"));
    auto backup = m_root->readFile(second->backupPath, RunAs::Postgres);
    QVERIFY(backup.ok());
    QCOMPARE(*backup, QByteArray("a = 1\n"));
    QVERIFY(m_root->appendFile(path, "b = 3\n", RunAs::Postgres).ok());
    auto now = m_root->readFile(path, RunAs::Postgres);
    QVERIFY(now.ok());
    QCOMPARE(*now, QByteArray("a = 2\nb = 3\n"));
    QVERIFY(!QFileInfo::exists(path)); // the test host's folder, not this machine's
}

TestHost *TestSshHost::noSftpHost()
{
    if (!m_noSftpHost) {
        const QList<TestHost *> made = m_net->create(1, TestHostOptions{.sftp = false});
        m_noSftpHost = made.value(0);
    }
    return m_noSftpHost;
}

// Writes binary content with NULs to `path`, reads it back, replaces it with
// 5 MB, appends, reads again and the backup too, each byte for byte; `facts`
// gets what stays on the machine (owner, mode, backup), to compare hosts.
void TestSshHost::writeRewriteAppendRead(SshHost &host, const TestHost &inside, const QString &path, RunAs as,
                                         const QString &owner, QStringList *facts)
{
    QByteArray small = QByteArrayLiteral("\0\0leading NULs\n\0");
    for (int byte = 0; byte < 256; ++byte)
        small.append(char(byte));
    QByteArray big(5 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(big.data()), big.size() / 4);
    big.replace(0, 4096, QByteArray(4096, '\0'));
    const QByteArray tail = QByteArrayLiteral("\0appended\0\n");

    auto first = host.writeFile(path, small, WriteOptions{.as = as, .mode = 0640, .owner = owner});
    QVERIFY2(first.ok(), qPrintable(errorText(first)));
    QVERIFY(first->backupPath.isEmpty());
    auto readSmall = host.readFile(path, as);
    QVERIFY2(readSmall.ok(), qPrintable(errorText(readSmall)));
    QVERIFY(*readSmall == small);
    auto second = host.writeFile(path, big, WriteOptions{.as = as});
    QVERIFY2(second.ok(), qPrintable(errorText(second)));
    QVERIFY(second->backupPath.startsWith(path + QLatin1Char('.')));
    auto appended = host.appendFile(path, tail, as);
    QVERIFY2(appended.ok(), qPrintable(errorText(appended)));
    auto readBig = host.readFile(path, as);
    QVERIFY2(readBig.ok(), qPrintable(errorText(readBig)));
    QCOMPARE(readBig->size(), big.size() + tail.size());
    QVERIFY(*readBig == big + tail);
    auto backup = host.readFile(second->backupPath, as);
    QVERIFY2(backup.ok(), qPrintable(errorText(backup)));
    QVERIFY(*backup == small);
    auto missing = host.readFile(path + QStringLiteral(".missing"), as);
    QVERIFY(!missing.ok());
    QVERIFY2(
        missing.error().message.startsWith(QStringLiteral("Could not read ") + path + QStringLiteral(".missing on ")),
        qPrintable(missing.error().message));
    *facts << QStringLiteral("missing: ") + missing.error().message.section(QStringLiteral(": "), -1);

    auto stat = inside.runInside(CommandLine(
        QStringLiteral("stat"), {QStringLiteral("-c"), QStringLiteral("%U:%G %a"), path, second->backupPath}));
    QVERIFY2(stat.ok() && stat->succeeded(), qPrintable(text(stat)));
    const QStringList modes = QString::fromUtf8(stat->stdOut.trimmed()).split(QLatin1Char('\n'));
    QCOMPARE(modes.size(), 2);
    *facts << QStringLiteral("file ") + modes[0] << QStringLiteral("backup ") + modes[1];
    const QRegularExpression dated(QStringLiteral("^\\.\\d{8}-\\d{6}(-\\d+)?\\.bak$"));
    QVERIFY2(dated.match(second->backupPath.mid(path.size())).hasMatch(), qPrintable(second->backupPath));
    auto leftovers = inside.runInside(CommandLine::shell(
        QStringLiteral("ls -A \"$(dirname \"$1\")\" | grep -c \"^\\.$(basename \"$1\")\" || true"), {path}));
    QVERIFY(leftovers.ok());
    *facts << QStringLiteral("temp files left: ") + QString::fromUtf8(leftovers->stdOut.trimmed());
}

void TestSshHost::filesWithoutSftpMatchSftp_data()
{
    QTest::addColumn<bool>("asRoot"); // log in as root (key) or as the sudo user (password)
    QTest::addColumn<RunAs>("as");
    QTest::addColumn<QString>("folder"); // empty: the test's temporary folder
    QTest::addColumn<QString>("owner");  // given on the first write
    QTest::addColumn<QString>("expected");

    QTest::newRow("root logs in, writes as root")
        << true << RunAs::LoginUser << QString() << QStringLiteral("postgres:postgres")
        << QStringLiteral("postgres:postgres 640");
    QTest::newRow("root logs in, writes as postgres")
        << true << RunAs::Postgres << QStringLiteral("/var/lib/postgresql") << QString()
        << QStringLiteral("postgres:postgres 640");
    QTest::newRow("user logs in, writes as the login user")
        << false << RunAs::LoginUser << QStringLiteral("/home/%1") << QString() << QStringLiteral("%1:%1 640");
    QTest::newRow("user logs in, writes as root by sudo")
        << false << RunAs::Root << QString() << QString() << QStringLiteral("root:root 640");
}

void TestSshHost::filesWithoutSftpMatchSftp()
{
    QFETCH(bool, asRoot);
    QFETCH(RunAs, as);
    QFETCH(QString, folder);
    QFETCH(QString, owner);
    QFETCH(QString, expected);
    TestHost *withoutSftp = noSftpHost();
    QVERIFY(withoutSftp);
    const QString user = m_net->sudoNoPasswordUser();
    if (folder.isEmpty())
        folder = m_dir.path();
    folder.replace(QStringLiteral("%1"), user);
    expected.replace(QStringLiteral("%1"), user);

    QMap<QString, QStringList> factsPerHost;
    for (TestHost *inside : {m_host, withoutSftp}) {
        SshHostConfig config = asRoot ? rootConfig() : userConfig(user, m_net->userPassword());
        config.host = inside->address();
        SshHost host(config);
        host.setPrivilege({Privilege::Method::SudoNoPassword, {}});
        // Some folders are shared by the hosts, and rows in one folder differ in `as`.
        const QString path = folder + QStringLiteral("/files-%1-%2.bin").arg(inside->name()).arg(int(as));
        QStringList facts;
        writeRewriteAppendRead(host, *inside, path, as, owner, &facts);
        if (QTest::currentTestFailed())
            return;
        factsPerHost[inside->name()] = facts;
    }
    const QStringList sftpFacts = factsPerHost.value(m_host->name());
    QCOMPARE(factsPerHost.value(withoutSftp->name()), sftpFacts);
    QCOMPARE(sftpFacts, QStringList({QStringLiteral("missing: it does not exist."), QStringLiteral("file ") + expected,
                                     QStringLiteral("backup ") + expected, QStringLiteral("temp files left: 0")}));
    // The host without SFTP was asked for it, said no, and the shell did the work.
    QVERIFY2(withoutSftp->sshdLog().contains(QStringLiteral("subsystem not found")),
             qPrintable(withoutSftp->sshdLog()));
    QVERIFY(!withoutSftp->sshdLog().contains(QStringLiteral("Starting session: subsystem")));
    if (as == RunAs::LoginUser)
        QVERIFY2(m_host->sshdLog().contains(QStringLiteral("Starting session: subsystem 'sftp'")),
                 qPrintable(m_host->sshdLog()));
}

void TestSshHost::sudoWithoutPassword()
{
    SshHost host(userConfig(m_net->sudoNoPasswordUser(), m_net->userPassword()));
    auto refused = host.run(CommandLine(QStringLiteral("id")), RunOptions{.as = RunAs::Root});
    QVERIFY(!refused.ok()); // Privilege::Direct from a plain user: a clear refusal
    QVERIFY2(refused.error().message.contains(QStringLiteral("sudo")), qPrintable(refused.error().message));
    host.setPrivilege({Privilege::Method::SudoNoPassword, {}});
    for (const auto &[as, user] :
         {std::pair{RunAs::Root, QByteArray("root\n")}, std::pair{RunAs::Postgres, QByteArray("postgres\n")}}) {
        auto result = host.run(CommandLine(QStringLiteral("id"), {QStringLiteral("-un")}), RunOptions{.as = as});
        QVERIFY2(result.ok() && result->succeeded(), qPrintable(text(result)));
        QCOMPARE(result->stdOut, user);
    }
    auto written =
        host.writeFile(QStringLiteral("/var/lib/postgresql/sudo-nopass"), "x\n", WriteOptions{.as = RunAs::Postgres});
    QVERIFY2(written.ok(), qPrintable(errorText(written)));
    auto owner =
        m_host->runInside(CommandLine(QStringLiteral("stat"), {QStringLiteral("-c"), QStringLiteral("%U"),
                                                               QStringLiteral("/var/lib/postgresql/sudo-nopass")}));
    QVERIFY(owner.ok());
    QCOMPARE(owner->stdOut, QByteArray("postgres\n"));
}

void TestSshHost::sudoWithPassword()
{
    SshHost host(userConfig(m_net->sudoPasswordUser(), m_net->userPassword()));
    host.setPrivilege({Privilege::Method::SudoNoPassword, {}});
    auto needsPassword = host.run(CommandLine(QStringLiteral("true")), RunOptions{.as = RunAs::Root});
    QVERIFY(needsPassword.ok());
    QVERIFY(!needsPassword->succeeded());
    QVERIFY2(needsPassword->explain().contains(QStringLiteral("sudo asked for a password")),
             qPrintable(needsPassword->explain()));

    host.setPrivilege({Privilege::Method::SudoPassword, m_net->userPassword()});
    // The password goes first on stdin; the command's own input follows untouched.
    auto result = host.run(CommandLine(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("id -un; cat")}),
                           RunOptions{.as = RunAs::Root, .stdinData = "the command's input\n"});
    QVERIFY2(result.ok() && result->succeeded(), qPrintable(text(result)));
    QCOMPARE(result->stdOut, QByteArray("root\nthe command's input\n"));
    QVERIFY(!result->stdOut.contains(m_net->userPassword().toUtf8()));
    auto read = host.readFile(QStringLiteral("/etc/shadow"), RunAs::Root);
    QVERIFY2(read.ok(), qPrintable(errorText(read)));
    QVERIFY(read->contains(m_net->sudoPasswordUser().toUtf8()));
}

void TestSshHost::wrongSudoPasswordIsExplained()
{
    SshHost host(userConfig(m_net->sudoPasswordUser(), m_net->userPassword()));
    host.setPrivilege({Privilege::Method::SudoPassword, QStringLiteral("wrong")});
    auto result = host.run(CommandLine(QStringLiteral("true")), RunOptions{.as = RunAs::Root, .timeoutMs = 30000});
    QVERIFY(result.ok());
    QVERIFY(!result->succeeded());
    QVERIFY2(result->explain().contains(QStringLiteral("sudo refused the password")), qPrintable(text(result)));
}

void TestSshHost::suWithRootPassword()
{
    // A host of its own whose /etc/shadow (a private copy) gives root a
    // password: this machine's root password stays untouched.
    LocalHost local;
    auto hash = local.run(CommandLine(QStringLiteral("openssl"),
                                      {QStringLiteral("passwd"), QStringLiteral("-6"), QStringLiteral("-stdin")}),
                          RunOptions{.stdinData = "root's secret\n"});
    if (!hash || !hash->succeeded())
        QSKIP("openssl is needed to make a root password for the su test host.");
    const QString shadow = m_dir.filePath(QStringLiteral("shadow"));
    auto copied = local.run(CommandLine::shell(
        QStringLiteral("cp -p /etc/shadow \"$1\" && "
                       "awk -F: -v OFS=: -v h=\"$2\" '$1 == \"root\" { $2 = h } { print }' /etc/shadow > \"$1\""),
        {shadow, QString::fromUtf8(hash->stdOut.trimmed())}));
    QVERIFY2(copied.ok() && copied->succeeded(), qPrintable(text(copied)));
    TestHostOptions options;
    options.extraMounts.append({shadow, QStringLiteral("/etc/shadow")});
    const QList<TestHost *> made = m_net->create(1, options);
    QCOMPARE(made.size(), 1);

    SshHostConfig config = userConfig(m_net->sudoPasswordUser(), m_net->userPassword());
    config.host = made[0]->address();
    SshHost host(config);
    host.setPrivilege({Privilege::Method::Su, QStringLiteral("root's secret")});
    for (const auto &[as, user] :
         {std::pair{RunAs::Root, QByteArray("root\n")}, std::pair{RunAs::Postgres, QByteArray("postgres\n")}}) {
        auto result = host.run(CommandLine(QStringLiteral("id"), {QStringLiteral("-un")}), RunOptions{.as = as});
        QVERIFY2(result.ok() && result->succeeded(), qPrintable(text(result)));
        QCOMPARE(result->stdOut, user);
    }
    // Input for the command gets past su whole (PAM reads ahead on stdin).
    const QByteArray input(100000, 'x');
    auto counted = host.run(CommandLine(QStringLiteral("wc"), {QStringLiteral("-c")}),
                            RunOptions{.as = RunAs::Root, .stdinData = input});
    QVERIFY2(counted.ok() && counted->succeeded(), qPrintable(text(counted)));
    QCOMPARE(counted->stdOut.trimmed(), QByteArray("100000"));
    const QString path = QStringLiteral("/var/lib/postgresql/through-su.conf");
    auto written = host.writeFile(path, "via su\n", WriteOptions{.as = RunAs::Postgres});
    QVERIFY2(written.ok(), qPrintable(errorText(written)));
    auto read = host.readFile(path, RunAs::Postgres);
    QVERIFY(read.ok());
    QCOMPARE(*read, QByteArray("via su\n"));
    auto owner =
        made[0]->runInside(CommandLine(QStringLiteral("stat"), {QStringLiteral("-c"), QStringLiteral("%U"), path}));
    QVERIFY(owner.ok());
    QCOMPARE(owner->stdOut, QByteArray("postgres\n"));
    auto leftovers = host.run(CommandLine::shell(QStringLiteral("ls /dev/shm /tmp | grep -c replica-input || true")));
    QVERIFY(leftovers.ok());
    QCOMPARE(leftovers->stdOut.trimmed(), QByteArray("0"));

    host.setPrivilege({Privilege::Method::Su, QStringLiteral("wrong")});
    auto refused = host.run(CommandLine(QStringLiteral("true")), RunOptions{.as = RunAs::Root});
    QVERIFY(refused.ok());
    QVERIFY(!refused->succeeded());
    QVERIFY2(refused->explain().contains(QStringLiteral("su refused root's password")), qPrintable(text(refused)));
}

QString TestSshHost::testUserFile(const QString &name) const
{
    return QStringLiteral("/home/%1/%2").arg(m_net->sudoNoPasswordUser(), name);
}

auto TestSshHost::withBashrcHead(const QByteArray &lines)
{
    const QString bashrc = testUserFile(QStringLiteral(".bashrc"));
    QFile file(bashrc);
    const QByteArray original = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    file.close();
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(lines + '\n' + original);
    file.close();
    QFile::remove(testUserFile(QStringLiteral("bashrc-runs")));
    return qScopeGuard([bashrc, original] {
        QFile restored(bashrc);
        if (restored.open(QIODevice::WriteOnly | QIODevice::Truncate))
            restored.write(original);
    });
}

namespace {

int linesIn(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
}

} // namespace

void TestSshHost::startupFilesRunOncePerSession()
{
    // A slow ~/.bashrc (pyenv, nvm) would cost its time for every command;
    // one that prints must not reach any command's output.
    const QString runs = testUserFile(QStringLiteral("bashrc-runs"));
    auto restore = withBashrcHead("echo run >> ~/bashrc-runs; echo 'Welcome from .bashrc'; echo 'bashrc noise' >&2");
    SshHost host(userConfig(m_net->sudoNoPasswordUser(), m_net->userPassword()));
    host.setPrivilege({Privilege::Method::SudoNoPassword, {}});
    for (int i = 0; i < 5; ++i) {
        auto echoed = host.run(CommandLine(QStringLiteral("echo"), {QString::number(i)}));
        QVERIFY2(echoed.ok() && echoed->succeeded(), qPrintable(text(echoed)));
        QCOMPARE(echoed->stdOut, QByteArray::number(i) + '\n');
        QCOMPARE(echoed->stdErr, QByteArray());
    }
    auto failed = host.run(CommandLine::shell(QStringLiteral("echo out; echo err >&2; exit 7")));
    QVERIFY(failed.ok());
    QCOMPARE(failed->exitCode, 7);
    QCOMPARE(failed->stdOut, QByteArray("out\n"));
    QCOMPARE(failed->stdErr, QByteArray("err\n"));
    // Input the command leaves unread does not spill into the next command.
    auto unread =
        host.run(CommandLine::shell(QStringLiteral("head -c 3")), RunOptions{.stdinData = QByteArray(200000, 'y')});
    QVERIFY(unread.ok() && unread->succeeded());
    QCOMPARE(unread->stdOut, QByteArray("yyy"));
    auto asRoot = host.run(CommandLine(QStringLiteral("wc"), {QStringLiteral("-c")}),
                           RunOptions{.as = RunAs::Root, .stdinData = "12345"});
    QVERIFY2(asRoot.ok() && asRoot->succeeded(), qPrintable(text(asRoot)));
    QCOMPARE(asRoot->stdOut.trimmed(), QByteArray("5"));
    QCOMPARE(linesIn(runs), 1);
    // After a pause the shell is pinged before the next command, and answers.
    QTest::qWait(5500);
    auto afterPause = host.run(CommandLine(QStringLiteral("echo"), {QStringLiteral("still here")}));
    QVERIFY2(afterPause.ok() && afterPause->succeeded(), qPrintable(text(afterPause)));
    QCOMPARE(afterPause->stdOut, QByteArray("still here\n"));
    QCOMPARE(linesIn(runs), 1);
}

void TestSshHost::withoutSetsidEveryCommandHasItsOwnChannel()
{
    // A PATH without setsid: the session shell declines, and each command
    // runs on an exec channel of its own, as it can on any sshd.
    const QString user = m_net->sudoNoPasswordUser();
    const QString bin = testUserFile(QStringLiteral("bin-without-setsid"));
    LocalHost local;
    auto linked =
        local.run(CommandLine::shell(QStringLiteral("mkdir -p \"$1\" && for f in /usr/bin/* /usr/sbin/*; do "
                                                    "[ \"${f##*/}\" = setsid ] || ln -sf \"$f\" \"$1/\"; done"),
                                     {bin}));
    QVERIFY2(linked.ok() && linked->succeeded(), qPrintable(text(linked)));
    auto restore = withBashrcHead("echo run >> ~/bashrc-runs; echo 'Welcome from .bashrc'; echo 'bashrc noise' >&2; "
                                  "export PATH=" +
                                  bin.toUtf8());
    const QString runs = testUserFile(QStringLiteral("bashrc-runs"));
    SshHost host(userConfig(user, m_net->userPassword()));
    auto echoed = host.run(CommandLine(QStringLiteral("cat")), RunOptions{.stdinData = "through exec\n"});
    QVERIFY2(echoed.ok() && echoed->succeeded(), qPrintable(text(echoed)));
    QCOMPARE(echoed->stdOut, QByteArray("through exec\n"));
    QCOMPARE(echoed->stdErr, QByteArray());
    auto three = host.run(CommandLine::shell(QStringLiteral("exit 3")));
    QVERIFY(three.ok());
    QCOMPARE(three->exitCode, 3);
    std::atomic_bool cancel{false};
    RunOptions options;
    options.cancel = &cancel;
    options.onLine = [&](OutputChannel, const QByteArray &line) {
        if (line == "started")
            cancel = true;
    };
    auto cancelled = host.run(CommandLine::shell(QStringLiteral("sleep 617.5 & echo started; wait")), options);
    QVERIFY2(cancelled.ok() && cancelled->cancelled, qPrintable(text(cancelled)));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(QStringLiteral("sleep 617.5")), 10000);
    // One run for the declined session shell, then one per command (the
    // cancel's own `kill` included).
    QCOMPARE(linesIn(runs), 5);
}

void TestSshHost::loginShellThatRefusesIsExplained()
{
    // What the login shell said before it gave up is all the user can go by.
    auto restore = withBashrcHead("echo 'This account is locked until Monday.'; exit 1");
    SshHost host(userConfig(m_net->sudoNoPasswordUser(), m_net->userPassword()));
    auto refused = host.run(CommandLine(QStringLiteral("true")));
    QVERIFY2(refused.ok(), qPrintable(text(refused)));
    QCOMPARE(refused->exitCode, 1);
    QVERIFY2(refused->explain().contains(QStringLiteral("This account is locked until Monday.")),
             qPrintable(refused->explain()));
}

void TestSshHost::reconnectsAfterConnectionDropped()
{
    SshHost host(rootConfig());
    QVERIFY(host.connect().ok());
    // The session's own sshd process goes: the connection drops mid-command.
    auto dropped = host.run(CommandLine::shell(QStringLiteral(
        "p=$PPID; while [ \"$(ps -o comm= -p \"$p\")\" != sshd ]; do p=$(ps -o ppid= -p \"$p\" | tr -d ' '); done; "
        "kill -KILL \"$p\"; sleep 5")));
    QVERIFY(!dropped.ok());
    QVERIFY2(dropped.error().message.contains(QStringLiteral("was lost")), qPrintable(dropped.error().fullText()));
    auto again = host.run(CommandLine(QStringLiteral("echo"), {QStringLiteral("back")}));
    QVERIFY2(again.ok() && again->succeeded(), qPrintable(text(again)));
    QCOMPARE(again->stdOut, QByteArray("back\n"));

    // The listener restarted while a session stays idle: the next call still works.
    QVERIFY(m_host->stopSshd());
    QVERIFY(m_host->startSshd());
    auto afterRestart = host.run(CommandLine(QStringLiteral("true")));
    QVERIFY2(afterRestart.ok() && afterRestart->succeeded(), qPrintable(text(afterRestart)));
}

void TestSshHost::concurrentCallsAreSerialised()
{
    std::vector<std::thread> threads;
    std::atomic_int good{0};
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&, i] {
            for (int j = 0; j < 5; ++j) {
                auto result = m_root->run(CommandLine(QStringLiteral("echo"), {QString::number(i * 10 + j)}));
                if (result && result->succeeded() && result->stdOut == QByteArray::number(i * 10 + j) + '\n')
                    ++good;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(good.load(), 20);
}

void TestSshHost::deadLinkEndsACommandWithinTheBound()
{
    // A host of its own: its link goes down for a while.
    const QList<TestHost *> made = m_net->create(1);
    QCOMPARE(made.size(), 1);
    TestHost *cut = made.first();
    SshHostConfig config = rootConfig();
    config.host = cut->address();
    config.keepaliveMs = 1000;
    config.deadLinkMs = 3000;
    SshHost host(config);
    QVERIFY(host.connect().ok());
    auto link = [cut](const char *state) {
        LocalHost local;
        auto done = local.run(CommandLine(QStringLiteral("ip"),
                                          {QStringLiteral("-n"), cut->namespaceName(), QStringLiteral("link"),
                                           QStringLiteral("set"), QStringLiteral("eth0"), QString::fromLatin1(state)}));
        return done && done->succeeded();
    };
    auto restore = qScopeGuard([&] { link("up"); });
    std::thread cutter([&] {
        QThread::msleep(1000);
        link("down");
    });
    // A quiet command: nothing but the keepalives can notice the link is gone.
    RunOptions options;
    options.timeoutMs = 40000; // the backstop that would end it without them
    auto ran = host.run(CommandLine(QStringLiteral("sleep"), {QStringLiteral("30")}), options);
    cutter.join();
    QVERIFY2(!ran.ok(), qPrintable(text(ran)));
    QVERIFY2(ran.error().message.contains(QStringLiteral("was lost")), qPrintable(ran.error().fullText()));
    QVERIFY2(ran.error().message.contains(QStringLiteral("for 3 s at most")), qPrintable(ran.error().fullText()));

    QVERIFY(link("up"));
    restore.dismiss();
    auto again = host.run(CommandLine(QStringLiteral("echo"), {QStringLiteral("back")}));
    QVERIFY2(again.ok() && again->succeeded(), qPrintable(text(again)));
}

void TestSshHost::lockEndsWhatAnEarlierRunLeftRunning()
{
    // The earlier run claims the host and starts a command that outlives it
    // (as a pg_basebackup does when the tool is killed); its owner is this
    // process, which the lock takes for one that is gone.
    SshHost earlier(rootConfig());
    HostLock first;
    QVERIFY2(first.acquire(earlier, QStringLiteral("test host"), {}).ok(), "the first claim failed");
    auto started = earlier.run(CommandLine::shell(QStringLiteral("sleep 297 >/dev/null 2>&1 & echo $!")));
    QVERIFY2(started.ok() && started->succeeded(), qPrintable(text(started)));
    QVERIFY(!processGone(QStringLiteral("sleep 297")));
    earlier.disconnect();

    SshHost later(rootConfig());
    HostLock second;
    QStringList log;
    HostLock::Options options;
    options.leftoverWaitMs = 1000;
    options.log = [&log](const QString &line) { log.append(line); };
    auto claimed = second.acquire(later, QStringLiteral("test host"), options);
    QVERIFY2(claimed.ok(), qPrintable(errorText(claimed)));
    QVERIFY2(log.join(QLatin1Char('\n')).contains(QStringLiteral("left commands running on the test host")),
             qPrintable(log.join(QLatin1Char('\n'))));
    QVERIFY2(log.join(QLatin1Char('\n')).contains(QStringLiteral("sleep 297")),
             qPrintable(log.join(QLatin1Char('\n'))));
    QVERIFY(processGone(QStringLiteral("sleep 297")));
    // The later run's own commands are journaled in its lock file.
    auto journal = later.run(CommandLine::shell(QStringLiteral("cat /var/run/postgresql/replica-studio.lock")));
    QVERIFY2(journal.ok() && journal->stdOut.contains("\ngroup "), qPrintable(text(journal)));
    second.release();

    // A run whose owner lives (here init, process 1 of this computer) is refused, its file left as it was.
    QFile bootId(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    QFile initStat(QStringLiteral("/proc/1/stat"));
    QVERIFY(bootId.open(QIODevice::ReadOnly) && initStat.open(QIODevice::ReadOnly));
    const QByteArray stat = initStat.readAll();
    const QByteArray initStart = stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(19);
    const QByteArray owner = "owner " + QSysInfo::machineHostName().toUtf8() + ' ' + bootId.readAll().trimmed() +
                             " 1 " + initStart + " another tool\nstarted 0\n";
    QVERIFY(
        later.writeFile(QStringLiteral("/var/run/postgresql/replica-studio.lock"), owner, {.keepBackup = false}).ok());
    HostLock third;
    auto refused = third.acquire(later, QStringLiteral("test host"), options);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("Another run (another tool, process 1 on this computer)")),
             qPrintable(refused.error().fullText()));
    auto kept = later.readFile(QStringLiteral("/var/run/postgresql/replica-studio.lock"));
    QVERIFY(kept.ok());
    QCOMPARE(*kept, owner);
    QVERIFY(
        later.run(CommandLine(QStringLiteral("rm"), {QStringLiteral("/var/run/postgresql/replica-studio.lock")})).ok());

    auto gone = later.run(CommandLine(
        QStringLiteral("test"), {QStringLiteral("-e"), QStringLiteral("/var/run/postgresql/replica-studio.lock")}));
    QVERIFY(gone.ok());
    QCOMPARE(gone->exitCode, 1);
}

QTEST_MAIN(TestSshHost)
#include "test_ssh_host.moc"
