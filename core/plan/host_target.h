#pragma once

#include "core/result.h"

#include <QString>

struct SshHostConfig;

// Where to reach a host over SSH, as the user writes it: USER@HOST[:PORT]
// (IPv6 in brackets: USER@[::1]:22), HOST possibly a Host alias of the SSH
// config. Part of PlanChoices; replicactl and the wizard's host page parse it.
struct HostTarget
{
    QString user;
    QString host;
    int port = 22;
    // Not written by the user: the SSH config's User and Port decide, and
    // the values above (root, 22) only where it names none.
    bool userDefaulted = false;
    bool portDefaulted = false;

    static Result<HostTarget> parse(const QString &text);
    QString toString() const; // as written: a defaulted user or port is left out
    // Host, user and port into an SshHostConfig, leaving to the SSH config what was not written.
    void applyTo(SshHostConfig &config) const;
    // As a saved cluster keeps them: empty and 0 where the SSH config decides.
    QString givenUser() const { return userDefaulted ? QString() : user; }
    int givenPort() const { return portDefaulted ? 0 : port; }
    static HostTarget fromGiven(const QString &user, const QString &host, int port);
    bool isEmpty() const { return host.isEmpty(); }
    bool operator==(const HostTarget &) const = default;
};
