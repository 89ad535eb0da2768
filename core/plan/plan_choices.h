#pragma once

#include "core/plan/host_target.h"
#include "core/result.h"
#include "core/version/pg_version.h"
#include "core/version/version_rules.h"

#include <QJsonObject>
#include <QString>

// What the user chose for a primary + standby setup: the hosts, the major,
// sync or async, names, directories and the optional extras. Plain data:
// the wizard pages and replicactl fill it, SetupPlan builds its steps from
// it and saves it as JSON. The replication password is never part of it.
struct PlanChoices
{
    HostTarget primary;
    HostTarget standby;
    QString primaryAddress; // how the standby reaches the primary; default: primary.host
    QString standbyAddress; // the standby's own address for pg_hba.conf (/32); default: found by discovery

    PgVersion version;
    bool synchronous = true;
    // With more than one synchronous standby: how many confirm each commit,
    // and whether any of them may (ANY, a quorum, 10+) or the first ones
    // named must (FIRST). One standby is synchronous whatever these say.
    int syncCount = 1;
    bool syncAny = false;
    VersionRules::SyncMethod syncMethod() const
    {
        return syncAny ? VersionRules::SyncMethod::Any : VersionRules::SyncMethod::First;
    }
    QString slotName;        // default: applicationName
    QString applicationName; // default: from the standby's host name
    QString replicationUser = QStringLiteral("replicator");
    QString monitoringUser = QStringLiteral("replica_monitor"); // the panel's role (10+); empty: none
    QString authMethod;                                         // "scram-sha-256" or "md5"; default: by version
    int primaryPort = 5432;
    int standbyPort = 5432;
    QString clusterName = QStringLiteral("main");
    QString primaryDataDir; // default: by the OS's layout
    QString standbyDataDir;
    // Where the major's programs are when the distribution did not install
    // them (a source build, a vendor tree); empty: found by discovery.
    QString primaryPgBin;
    QString standbyPgBin;
    QString archiveDir;           // default: beside the data directory
    int walKeepMb = 1024;         // WAL kept for standbys (wal_keep_size / wal_keep_segments)
    int maxSlotWalKeepMb = 10240; // cap of the WAL a slot may hold back (13+)
    bool demoData = false;
    bool asInWalkthrough = false; // postgres superuser, md5, application_name "slave": weaker, for teaching
    bool installPackages = false; // the user agreed to package installation

    // Empty fields get their defaults (by version, by host, by walkthrough mode).
    void fillDefaults();
    // Every field checked, with a message that names it and says what is allowed.
    Result<void> validate() const;
    // What validate() checks without knowing the major (names, ports, paths,
    // addresses): replicactl runs it before connecting, so bad input changes nothing.
    Result<void> validateVersionIndependent() const;

    QJsonObject toJson() const;
    static Result<PlanChoices> fromJson(const QJsonObject &object);

    // "standby_db2": an application_name / slot name made from a host name.
    static QString nameFromHost(const QString &host);
};
