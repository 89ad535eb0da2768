#include "test_host_network.h"

#include "core/host/local_host.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QtGlobal>

#include <csignal>
#include <cstdlib>
#include <cstring>

#include <sys/wait.h>
#include <unistd.h>

namespace {

// What the signal handler needs, kept in plain memory: it may only call
// async-signal-safe functions (fork, execv, waitpid).
constexpr int maxNetworks = 8;
char g_script[4096];
char g_runs[maxNetworks][32];
QList<TestHostNetwork *> g_networks;

void destroyFromSignal(int signal)
{
    for (auto &run : g_runs) {
        if (run[0] == '\0')
            continue;
        const pid_t child = ::fork();
        if (child == 0) {
            char destroy[] = "destroy";
            char *argv[] = {g_script, destroy, run, nullptr};
            ::execv(g_script, argv);
            ::_exit(127);
        }
        if (child > 0)
            ::waitpid(child, nullptr, 0);
        run[0] = '\0';
    }
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

void destroyAtExit()
{
    const QList<TestHostNetwork *> networks = g_networks;
    for (TestHostNetwork *network : networks)
        network->tearDown();
}

void remember(const QString &script, const QString &run)
{
    static bool installed = false;
    if (!installed) {
        installed = true;
        std::atexit(destroyAtExit);
    }
    // Installed each time: QTest puts its own handlers in place when it starts.
    struct sigaction action
    {
    };
    action.sa_handler = destroyFromSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);
    std::strncpy(g_script, QFile::encodeName(script).constData(), sizeof g_script - 1);
    for (auto &slot : g_runs) {
        if (slot[0] == '\0') {
            std::strncpy(slot, run.toLatin1().constData(), sizeof slot - 1);
            return;
        }
    }
}

void forget(const QString &run)
{
    for (auto &slot : g_runs) {
        if (run.toLatin1() == slot)
            slot[0] = '\0';
    }
}

QString firstLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readLine().trimmed());
}

QString randomPassword()
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString password;
    for (int i = 0; i < 20; ++i)
        password += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return password;
}

} // namespace

QString TestHost::hostPublicKey() const
{
    const QStringList words =
        firstLine(m_dir + QStringLiteral("/ssh/ssh_host_ed25519_key.pub")).split(QLatin1Char(' '));
    return words.mid(0, 2).join(QLatin1Char(' '));
}

QString TestHost::sshdLog() const
{
    QFile file(m_dir + QStringLiteral("/ssh/sshd.log"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll().right(4000));
}

bool TestHost::stopSshd()
{
    LocalHost local;
    auto result = local.run(CommandLine(m_script, {QStringLiteral("stop-sshd"), m_run, QString::number(m_number)}));
    if (!result || !result->succeeded()) {
        qWarning("could not stop sshd of %s: %s", qPrintable(m_name),
                 qPrintable(result ? result->explain() : result.error().fullText()));
        return false;
    }
    return true;
}

bool TestHost::startSshd()
{
    LocalHost local;
    auto result = local.run(CommandLine(m_script, {QStringLiteral("start-sshd"), m_run, QString::number(m_number)}));
    if (!result || !result->succeeded()) {
        qWarning("could not start sshd of %s: %s", qPrintable(m_name),
                 qPrintable(result ? result->explain() : result.error().fullText()));
        return false;
    }
    return true;
}

Result<CommandResult> TestHost::runInside(const CommandLine &command, const RunOptions &options) const
{
    QStringList arguments{QStringLiteral("-t"), QString::number(m_keeperPid), QStringLiteral("-m"),
                          QStringLiteral("-n"), QStringLiteral("--")};
    if (options.as == RunAs::Postgres)
        arguments << QStringLiteral("runuser") << QStringLiteral("-u") << QStringLiteral("postgres")
                  << QStringLiteral("--");
    arguments << command.program() << command.arguments();
    RunOptions inside = options;
    inside.as = RunAs::LoginUser;
    LocalHost local;
    auto result = local.run(CommandLine(QStringLiteral("nsenter"), arguments), inside);
    if (result)
        result->command = command;
    return result;
}

TestHostNetwork::TestHostNetwork()
    : m_script(QStringLiteral(REPLICA_TEST_SUPPORT_DIR "/test-hosts")), m_run(QString::number(::getpid())),
      m_userPassword(randomPassword()), m_local(std::make_unique<LocalHost>())
{
    if (::geteuid() != 0) {
        m_skipReason = QStringLiteral("Test hosts need root (network namespaces, bind mounts, a throwaway "
                                      "sshd per host); run the integration tests as root, as CI does.");
        return;
    }
    for (const char *tool : {"/usr/sbin/sshd", "/usr/bin/ssh-keygen", "/usr/bin/nsenter", "/usr/bin/unshare",
                             "/usr/sbin/useradd", "/usr/bin/sudo"}) {
        if (!QFileInfo::exists(QString::fromLatin1(tool))) {
            m_skipReason = QStringLiteral("%1 is missing: install openssh-server, openssh-client, util-linux, "
                                          "passwd and sudo (./run test does).")
                               .arg(QString::fromLatin1(tool));
            return;
        }
    }
    // A second network alive in this process gets a letter: rs<pid>a...
    for (char suffix = 'a'; suffix <= 'z'; ++suffix) {
        const bool taken = std::any_of(g_networks.begin(), g_networks.end(),
                                       [&](const TestHostNetwork *other) { return other->m_run == m_run; });
        if (!taken)
            break;
        m_run = QString::number(::getpid()) + QLatin1Char(suffix);
    }
    m_runDir = QStringLiteral("/var/tmp/replica-test/") + m_run;
    remember(m_script, m_run);
    g_networks.append(this);
    m_up = true;
    auto made = script({QStringLiteral("create-network"), m_run});
    if (!made || !made->succeeded()) {
        m_skipReason = QStringLiteral("This machine cannot make the test network (bridge, namespaces): %1")
                           .arg(made ? made->explain() : made.error().fullText());
        tearDown();
        return;
    }
    m_octet = QString::fromUtf8(made->stdOut.trimmed()).toInt();
    auto users = script({QStringLiteral("add-users"), m_run}, m_userPassword.toUtf8());
    if (!users || !users->succeeded()) {
        m_skipReason = QStringLiteral("Could not make the test users: %1")
                           .arg(users ? users->explain() : users.error().fullText());
        tearDown();
    }
}

TestHostNetwork::~TestHostNetwork()
{
    tearDown();
}

void TestHostNetwork::tearDown()
{
    g_networks.removeAll(this);
    if (!m_up)
        return;
    m_up = false;
    auto result = script({QStringLiteral("destroy"), m_run});
    if (!result || !result->succeeded())
        qWarning("test host teardown: %s", qPrintable(result ? result->explain() : result.error().fullText()));
    forget(m_run);
    m_hosts.clear();
}

Result<CommandResult> TestHostNetwork::script(const QStringList &arguments, const QByteArray &input) const
{
    RunOptions options;
    options.stdinData = input;
    options.timeoutMs = 120000;
    return m_local->run(CommandLine(m_script, arguments), options);
}

QList<TestHost *> TestHostNetwork::create(int n, const TestHostOptions &options)
{
    QList<TestHost *> made;
    if (!m_skipReason.isEmpty() || !m_up) {
        qWarning("test hosts cannot be made: %s", qPrintable(m_skipReason));
        return {};
    }
    for (int i = 0; i < n; ++i) {
        const int number = int(m_hosts.size()) + 1;
        QStringList arguments{QStringLiteral("create-host"), m_run, QString::number(m_octet), QString::number(number),
                              options.permitRootPassword ? QStringLiteral("yes") : QStringLiteral("prohibit-password")};
        if (!options.sftp)
            arguments << QStringLiteral("--no-sftp");
        if (options.keyboardInteractiveOnly)
            arguments << QStringLiteral("--kbdint-only");
        if (options.reach == TestHostOptions::Reach::Hidden)
            arguments << QStringLiteral("--hidden");
        if (options.reach == TestHostOptions::Reach::Bastion)
            arguments << QStringLiteral("--bastion");
        for (const auto &mount : options.extraMounts)
            arguments << mount.source + QLatin1Char(':') + mount.target;
        auto result = script(arguments);
        if (!result || !result->succeeded()) {
            qWarning("could not make test host h%d: %s", number,
                     qPrintable(result ? result->explain() : result.error().fullText()));
            return {};
        }
        auto host = std::make_shared<TestHost>();
        host->m_name = QStringLiteral("h%1").arg(number);
        host->m_number = number;
        host->m_run = m_run;
        host->m_script = m_script;
        host->m_dir = m_runDir + QLatin1Char('/') + host->m_name;
        host->m_address = (options.reach == TestHostOptions::Reach::Hidden ? hiddenNetworkPrefix() : networkPrefix()) +
                          QString::number(number);
        host->m_namespace = QStringLiteral("rs%1h%2").arg(m_run).arg(number);
        host->m_keeperPid = firstLine(host->m_dir + QStringLiteral("/keeper.pid")).toLongLong();
        m_hosts.append(host);
        made.append(host.get());
    }
    return made;
}

QList<TestHost *> TestHostNetwork::hosts() const
{
    QList<TestHost *> all;
    for (const auto &host : m_hosts)
        all.append(host.get());
    return all;
}

QString TestHostNetwork::clientKeyPath() const
{
    return m_runDir + QStringLiteral("/client_key");
}

QString TestHostNetwork::knownHostsPath() const
{
    return m_runDir + QStringLiteral("/known_hosts");
}

QString TestHostNetwork::networkPrefix() const
{
    return QStringLiteral("198.18.%1.").arg(m_octet);
}

QString TestHostNetwork::hiddenNetworkPrefix() const
{
    return QStringLiteral("198.19.%1.").arg(m_octet);
}

QString TestHostNetwork::writeSshConfig(const QList<TestSshAlias> &aliases) const
{
    static int written = 0;
    const QString path = m_runDir + QStringLiteral("/ssh_config_%1").arg(++written);
    QString text;
    for (const TestSshAlias &alias : aliases) {
        text += QStringLiteral("Host %1\n  HostName %2\n  Port %3\n  User root\n  IdentityFile %4\n"
                               "  UserKnownHostsFile %5\n")
                    .arg(alias.alias, alias.host->address())
                    .arg(alias.host->port())
                    .arg(clientKeyPath(), knownHostsPath());
        if (!alias.jumpAlias.isEmpty())
            text += QStringLiteral("  ProxyJump %1\n").arg(alias.jumpAlias);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0)
        qWarning("could not write %s: %s", qPrintable(path), qPrintable(file.errorString()));
    return path;
}

QString TestHostNetwork::sudoNoPasswordUser() const
{
    return QStringLiteral("rs%1n").arg(m_run);
}

QString TestHostNetwork::sudoPasswordUser() const
{
    return QStringLiteral("rs%1p").arg(m_run);
}
