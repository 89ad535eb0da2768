#pragma once

#include "core/host/ssh_host.h"
#include "core/plan/host_target.h"
#include "core/result.h"

#include <QCommandLineParser>

#include <memory>

// The SSH options that setup, apply and status share: the key, known_hosts,
// the login password, and how a login user other than root becomes root
// and postgres (sudo or su).
namespace ReplicaCtl {

void addSshOptions(QCommandLineParser &parser);
// --link-timeout, when given, is a whole number of seconds; false (and said why on stderr) otherwise.
bool linkTimeoutValid(const QCommandLineParser &parser);
// The first line of the file an option names (a password), or why it cannot be had.
Result<QString> passwordFromFile(const QCommandLineParser &parser, const QString &option);
// The SSH settings for target (the options, a password file, the SSH
// config checked): what an SshTunnel to the same host logs in with.
Result<SshHostConfig> hostConfig(const HostTarget &target, const QCommandLineParser &parser);
// An SshHost for target with everything the options say (not connected
// yet); a refused Error when they contradict each other, a password file
// or the SSH config (-F, ~/.ssh/config) cannot be read.
Result<std::unique_ptr<SshHost>> openHost(const HostTarget &target, const QCommandLineParser &parser);
// The same for settings hostConfig() made (so that a tunnel to the host logs in alike).
Result<std::unique_ptr<SshHost>> openHost(const SshHostConfig &config, const QCommandLineParser &parser);

} // namespace ReplicaCtl
