#pragma once

#include "core/sandbox/sandbox_state.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// One row of the primary's pg_stat_replication, as text (LSNs and
// intervals as the server prints them; empty when NULL).
struct SandboxReplicationRow
{
    QString applicationName;
    QString state;     // streaming, catchup, startup, backup, stopping
    QString syncState; // sync, async, potential, quorum
    QString sentLsn;
    QString writeLsn;
    QString flushLsn;
    QString replayLsn;
    qint64 replayLagBytes = -1; // current WAL position minus replay LSN; -1 when unknown
    QString writeLag;           // 10+; empty when idle or older
    QString flushLag;
    QString replayLag;
};

// One standby as it says itself (empty and false while it is down).
struct SandboxStandbyStatus
{
    QString name;
    bool running = false;
    bool inRecovery = false; // false after promote
    bool replayPaused = false;
    QString receiveLsn; // pg_last_wal_receive_lsn()
    QString replayLsn;  // pg_last_wal_replay_lsn()
};

// What `replicactl sandbox status` shows: every server, their roles, the
// replication table. Made by Sandbox::status (blocking: a worker thread or
// the command line).
struct SandboxStatus
{
    SandboxState state;
    bool primaryRunning = false;
    QList<SandboxStandbyStatus> standbys; // in the order of state.standbys
    QString primaryLsn;                   // pg_current_wal_lsn()
    QString synchronousStandbyNames;
    QList<SandboxReplicationRow> replication;

    // The first standby's (the one operations default to).
    const SandboxStandbyStatus &standby() const { return standbys.first(); }

    QJsonObject toJson() const;
};
