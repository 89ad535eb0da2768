#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

// Where a host name really leads once ~/.ssh/config (or the file of -F) has
// had its say, as OpenSSH reads it: HostName, User, Port, IdentityFile,
// ProxyJump and UserKnownHostsFile of the Host blocks that match, the first
// value of each winning (IdentityFile adds up), Include followed. SshHost
// connects by it; replicactl's plan and the wizard's machines page show it
// ("db1 → root@10.0.0.5:22 via bastion"). Reading is local file I/O of a few
// small files.
struct SshDestination
{
    QString alias;             // as the user wrote it
    QString host;              // HostName, or the alias itself
    int port = 0;              // 0: the config names none
    QString user;              // empty: the config names none
    QStringList identityFiles; // absolute paths, in the config's order
    QStringList proxyJump;     // hops as [user@]host[:port], the first one contacted first; empty: direct
    QString knownHostsFile;    // UserKnownHostsFile's first file; empty: none named

    // configFile empty: ~/.ssh/config, where a missing file means no
    // aliases; a file named by the user must exist. Refused when it cannot
    // be read or holds a value OpenSSH would refuse.
    static Result<SshDestination> resolve(const QString &alias, const QString &configFile = {});
    static QString defaultConfigFile();
    static QString localUser(); // what OpenSSH logs in as when nothing names a user
    // One ProxyJump hop, [user@]host[:port] or ssh://[user@]host[:port], as
    // typed (not resolved yet): alias and host are the host part.
    static Result<SshDestination> parseHop(const QString &text);

    // Whether the config changed anything about reaching the alias.
    bool changesAnything() const;
    // "root@10.0.0.5:22 via bastion"; fallbackUser when the config names no user.
    QString describe(const QString &fallbackUser) const;
};
