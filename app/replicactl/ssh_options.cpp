#include "ssh_options.h"

#include "commands.h"

#include <QTextStream>

namespace ReplicaCtl {

void addSshOptions(QCommandLineParser &parser)
{
    parser.addOption({{QStringLiteral("i"), QStringLiteral("identity")}, tr("Private key file for SSH (may be given twice)."), tr("KEYFILE")});
    parser.addOption({QStringLiteral("known-hosts"), tr("known_hosts file to check the hosts' keys against (default ~/.ssh/known_hosts)."), tr("FILE")});
    parser.addOption({QStringLiteral("accept-new-host-keys"), tr("Trust a host key seen for the first time (its fingerprint is printed); a changed key is still refused.")});
}

SshHostConfig sshConfig(const HostTarget &target, const QCommandLineParser &parser)
{
    SshHostConfig config;
    config.host = target.host;
    config.port = target.port;
    config.user = target.user;
    config.identityFiles = parser.values(QStringLiteral("identity"));
    config.knownHostsPath = parser.value(QStringLiteral("known-hosts"));
    if (parser.isSet(QStringLiteral("accept-new-host-keys"))) {
        config.onUnknownHostKey = [](const HostKeyInfo &key) {
            QTextStream err(stderr);
            err << tr("Trusting the new host key of %1:%2: %3 %4\n").arg(key.host).arg(key.port).arg(key.keyType, key.fingerprint);
            err.flush();
            return true;
        };
    }
    return config;
}

} // namespace ReplicaCtl
