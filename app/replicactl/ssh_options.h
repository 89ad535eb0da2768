#pragma once

#include "core/host/ssh_host.h"
#include "core/plan/host_target.h"

#include <QCommandLineParser>

// The SSH options that setup, apply and status share, and the SshHostConfig
// they make for one host.
namespace ReplicaCtl {

void addSshOptions(QCommandLineParser &parser);
SshHostConfig sshConfig(const HostTarget &target, const QCommandLineParser &parser);

} // namespace ReplicaCtl
