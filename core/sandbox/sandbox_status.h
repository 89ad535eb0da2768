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

// What `replicactl sandbox status` shows: both servers, their roles, the
// replication table. Made by Sandbox::status (blocking: a worker thread or
// the command line).
struct SandboxStatus
{
    SandboxState state;
    bool primaryRunning = false;
    bool standbyRunning = false;
    bool standbyInRecovery = false; // false after promote
    bool replayPaused = false;
    QString primaryLsn;        // pg_current_wal_lsn()
    QString standbyReceiveLsn; // pg_last_wal_receive_lsn()
    QString standbyReplayLsn;  // pg_last_wal_replay_lsn()
    QString synchronousStandbyNames;
    QList<SandboxReplicationRow> replication;

    QJsonObject toJson() const;
};
