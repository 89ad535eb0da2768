#pragma once

#include "core/result.h"

#include <QString>

#include <atomic>
#include <functional>

class Host;

// A run's claim on a host for as long as it works there, so that a run
// started right after another one was killed (kill -9, a laptop that died)
// does not race what that one left behind. The claim is a file on the host
// (in /var/run/postgresql, else /run) naming its owner (machine, boot, pid)
// and, through Host::setCommandJournal, the process group of every command
// the run starts. acquire() reads what an earlier run left: an owner that is
// still alive is refused; the commands of a dead one that still run (a
// pg_ctlcluster start, a pg_basebackup holding the slot) are waited for a
// while and then ended, and the log says so. PlanRunner holds one per host.
class HostLock
{
public:
    struct Options
    {
        // How long the commands of a dead run may go on before they are ended.
        int leftoverWaitMs = 30000;
        // An owner on another machine is taken for alive while its file
        // changed within this time (its liveness cannot be asked).
        int foreignOwnerStaleMs = 120000;
        const std::atomic_bool *cancel = nullptr;
        std::function<void(const QString &)> log;
    };

    HostLock() = default;
    HostLock(const HostLock &) = delete;
    HostLock &operator=(const HostLock &) = delete;
    ~HostLock() { release(); }

    // Claims `host` (`name` names it in messages: "primary"); from then on
    // the host journals its commands into the lock file.
    Result<void> acquire(Host &host, const QString &name, const Options &options);
    // Gives the claim up (the file removed when it is still ours); safe to call twice.
    void release();

private:
    struct Found;
    Result<Found> inspect() const;
    Result<void> endLeftovers(const Found &found, const QString &name, const Options &options);
    static QString ownerLine();

    Host *m_host = nullptr;
    QString m_path;
    QString m_owner;
};
