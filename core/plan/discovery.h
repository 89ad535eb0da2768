#pragma once

#include "core/plan/host_facts.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>

class Host;
struct PlanChoices;

// Finds out, read only, what a host has: the OS (/etc/os-release), the
// package manager, PostgreSQL installations (directories the user named,
// Debian's /usr/lib/postgresql/N, RHEL's /usr/pgsql-N, source builds in
// /usr/local/pgsql, vendor trees under /opt, pg_config / postgres on root's
// and the postgres user's login PATH) with their versions and origin,
// clusters (pg_lsclusters on Debian; elsewhere by their data directory:
// RHEL's /var/lib/pgsql/N/data, plain initdb clusters under
// /var/lib/postgresql, or one the user named), whether systemd runs, how to
// become root and postgres, free disk and the clock. One fixed script per host, so that discovery costs a
// round trip or three. Used by SetupPlan::prepare() and the wizard's first page.
class Discovery
{
public:
    // dataDirs: data directories the user named, looked at as well (a plain initdb cluster);
    // binDirs: directories of PostgreSQL programs the user named, preferred for their major.
    static Result<HostFacts> discover(Host &host, const std::atomic_bool *cancel = nullptr,
                                      const QStringList &dataDirs = {}, const QStringList &binDirs = {});
    // Both hosts of a plan, looked at at the same time (the data and program
    // directories the user named in `choices` included), and with
    // `findStandbyAddress` the standby's source address towards
    // `primaryAddress` (empty when it cannot be found). What SetupPlan::prepare()
    // and the wizard's survey start from.
    struct Pair
    {
        HostFacts primary;
        HostFacts standby;
        QString standbyAddress;
    };
    static Result<Pair> discoverPair(Host &primary, Host &standby, const PlanChoices &choices,
                                     const QString &primaryAddress, bool findStandbyAddress,
                                     const std::atomic_bool *cancel = nullptr);
    // The report of the discovery script turned into facts (public for tests).
    static HostFacts parseReport(const QByteArray &report);
    // The fixed script discover() runs (no user text in it).
    static QString script();
    // The address `from` uses to reach `target` (its source address), for the /32 pg_hba line.
    static Result<QString> sourceAddressTowards(Host &from, const QString &target);

    // A TCP connect from one host to an address and port, read only.
    struct PortProbe
    {
        enum class Outcome { Open, Refused, TimedOut, NoRoute, Unknown, Failed };
        Outcome outcome = Outcome::Unknown;
        QString detail; // what the connect said, for the message
    };
    static Result<PortProbe> probePort(Host &from, const QString &address, int port);
    // The fixed probe script ($1 address, $2 port) and its report (public for tests).
    static QString portProbeScript();
    static PortProbe parsePortProbe(const QByteArray &report);
    // Whether the standby will reach the primary's port, judged before anything
    // changes: an error when it cannot (a firewall dropping or rejecting it, no
    // route); a warning (non-empty) when it cannot be known yet because the
    // primary does not listen there before the plan sets listen_addresses.
    // `primarySelf` is the primary's connect to its own address and port.
    // Probes from the standby (and, when refused, from the primary itself) judged as above.
    static Result<QString> standbyReachesPrimary(Host &primary, Host &standby, const QString &address, int port);
    static Result<QString> judgeReachability(const PortProbe &fromStandby, const PortProbe &primarySelf,
                                             const QString &address, int port);
};
