#include "ssh_options.h"

#include "commands.h"

#include "core/host/host_prompts.h"

#include <QFile>
#include <QTextStream>

#include <algorithm>

namespace ReplicaCtl {

void addSshOptions(QCommandLineParser &parser)
{
    parser.addOption({{QStringLiteral("i"), QStringLiteral("identity")},
                      tr("Private key file for SSH (may be given twice)."),
                      tr("KEYFILE")});
    parser.addOption({QStringLiteral("F"),
                      tr("SSH config file to read Host aliases from (HostName, User, Port, IdentityFile, ProxyJump), "
                         "instead of ~/.ssh/config and /etc/ssh/ssh_config."),
                      tr("FILE")});
    parser.addOption({QStringLiteral("known-hosts"),
                      tr("known_hosts file to check the hosts' keys against (default ~/.ssh/known_hosts)."),
                      tr("FILE")});
    parser.addOption(
        {QStringLiteral("accept-new-host-keys"),
         tr("Trust a host key seen for the first time (its fingerprint is printed); a changed key is still refused.")});
    parser.addOption({QStringLiteral("link-timeout"),
                      tr("Give a host up when it does not answer for this many seconds, while connecting or while a "
                         "command runs (default 30)."),
                      tr("SECONDS")});
    parser.addOption({QStringLiteral("ssh-password-file"),
                      tr("File whose first line is the SSH login password (for hosts that take a password; a key is "
                         "tried first)."),
                      tr("FILE")});
    parser.addOption({QStringLiteral("sudo"),
                      tr("A login user other than root becomes root and postgres with sudo, without a password.")});
    parser.addOption({QStringLiteral("sudo-password-file"),
                      tr("As --sudo, with the login user's sudo password from the first line of FILE."), tr("FILE")});
    parser.addOption({QStringLiteral("su-password-file"),
                      tr("A login user other than root becomes root with su, root's password from the first line of "
                         "FILE."),
                      tr("FILE")});
}

namespace {

// --accept-new-host-keys: a new key is trusted (and its fingerprint printed)
// on the thread that connects; a passphrase or password is never asked.
std::shared_ptr<HostPrompts> newKeyTruster()
{
    auto prompts = std::make_shared<HostPrompts>();
    HostPrompts *raw = prompts.get();
    QObject::connect(
        raw, &HostPrompts::requested, raw,
        [raw](quint64 id, const SshPrompt &prompt) {
            if (prompt.kind != SshPrompt::Kind::UnknownHostKey) {
                raw->answer(id, {});
                return;
            }
            const HostKeyInfo &key = prompt.hostKey;
            QTextStream err(stderr);
            err << tr("Trusting the new host key of %1:%2: %3 %4\n")
                       .arg(key.host)
                       .arg(key.port)
                       .arg(key.keyType, key.fingerprint);
            err.flush();
            raw->answer(id, {SshPromptReply::Decision::AcceptAndRemember, {}});
        },
        Qt::DirectConnection);
    return prompts;
}

SshHostConfig sshConfig(const HostTarget &target, const QCommandLineParser &parser)
{
    SshHostConfig config;
    target.applyTo(config);
    config.configFile = parser.value(QStringLiteral("F"));
    config.identityFiles = parser.values(QStringLiteral("identity"));
    config.knownHostsPath = parser.value(QStringLiteral("known-hosts"));
    if (const int seconds = parser.value(QStringLiteral("link-timeout")).toInt(); seconds > 0) {
        config.deadLinkMs = seconds * 1000;
        config.connectTimeoutMs = std::min(config.connectTimeoutMs, config.deadLinkMs);
        config.keepaliveMs = std::clamp(config.deadLinkMs / 3, 1000, config.keepaliveMs);
    }
    if (parser.isSet(QStringLiteral("accept-new-host-keys")))
        config.prompts = newKeyTruster();
    return config;
}

} // namespace

Result<QString> passwordFromFile(const QCommandLineParser &parser, const QString &option)
{
    QFile file(parser.value(option));
    if (!file.open(QIODevice::ReadOnly))
        return makeRefusal(tr("Could not read the file of --%1, %2.").arg(option, file.fileName()), file.errorString());
    QByteArray line = file.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return makeRefusal(
            tr("The file of --%1, %2, is empty: put the password on its first line.").arg(option, file.fileName()));
    return QString::fromUtf8(line);
}

bool linkTimeoutValid(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("link-timeout")))
        return true;
    bool isNumber = false;
    const int seconds = parser.value(QStringLiteral("link-timeout")).toInt(&isNumber);
    if (isNumber && seconds > 0 && seconds <= 24 * 3600)
        return true;
    QTextStream(stderr) << tr("--link-timeout takes a number of seconds, such as 30, not \"%1\".")
                               .arg(parser.value(QStringLiteral("link-timeout")))
                        << '\n';
    return false;
}

Result<SshHostConfig> hostConfig(const HostTarget &target, const QCommandLineParser &parser)
{
    SshHostConfig config = sshConfig(target, parser);
    if (parser.isSet(QStringLiteral("ssh-password-file"))) {
        auto password = passwordFromFile(parser, QStringLiteral("ssh-password-file"));
        if (!password)
            return password.error();
        config.password = *password;
    }
    // An SSH config that cannot be read is bad input, said before connecting.
    if (auto resolved = SshDestination::resolve(target.host, config.configFile); !resolved)
        return resolved.error();
    return config;
}

Result<std::unique_ptr<SshHost>> openHost(const HostTarget &target, const QCommandLineParser &parser)
{
    auto config = hostConfig(target, parser);
    if (!config)
        return config.error();
    return openHost(*config, parser);
}

Result<std::unique_ptr<SshHost>> openHost(const SshHostConfig &config, const QCommandLineParser &parser)
{
    const QStringList ways{QStringLiteral("sudo"), QStringLiteral("sudo-password-file"),
                           QStringLiteral("su-password-file")};
    QStringList chosen;
    for (const QString &way : ways)
        if (parser.isSet(way))
            chosen << QStringLiteral("--") + way;
    if (chosen.size() > 1)
        return makeRefusal(tr("Choose one way to become root: %1.").arg(chosen.join(QStringLiteral(", "))));
    Privilege privilege;
    if (parser.isSet(QStringLiteral("sudo"))) {
        privilege.method = Privilege::Method::SudoNoPassword;
    } else if (!chosen.isEmpty()) {
        const QString option = chosen.constFirst().mid(2);
        auto password = passwordFromFile(parser, option);
        if (!password)
            return password.error();
        privilege.method =
            option == QLatin1String("su-password-file") ? Privilege::Method::Su : Privilege::Method::SudoPassword;
        privilege.password = *password;
    }
    auto host = std::make_unique<SshHost>(config);
    host->setPrivilege(privilege);
    return host;
}

} // namespace ReplicaCtl
