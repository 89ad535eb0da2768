#pragma once

#include "core/result.h"

#include <QString>

// Where to reach a host over SSH, as the user writes it: USER@HOST[:PORT]
// (IPv6 in brackets: USER@[::1]:22). Part of PlanChoices; replicactl and
// the wizard's host page parse it.
struct HostTarget
{
    QString user;
    QString host;
    int port = 22;

    static Result<HostTarget> parse(const QString &text);
    QString toString() const;
    bool isEmpty() const { return host.isEmpty(); }
    bool operator==(const HostTarget &) const = default;
};
