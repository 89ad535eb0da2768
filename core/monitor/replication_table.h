#pragma once

#include "core/monitor/replication_sample.h"

#include <QJsonObject>
#include <QString>

#include <optional>

// The replication table as people read it, one place for all who show it:
// `replicactl status` and `replicactl sandbox status` print renderText() or
// toJson(), and the GUI's ReplicationTableModel takes its headers and cells
// from here, so every front shows the same columns and the same formats.
class ReplicationTable
{
public:
    enum Column {
        Standby,
        Client,
        State,
        SyncState,
        SentLsn,
        WriteLsn,
        FlushLsn,
        ReplayLsn,
        ByteLag,
        WriteLag,
        FlushLag,
        ReplayLag,
        ColumnCount
    };

    static QString header(Column column);
    static QString cell(const ReplicationSample::Standby &standby, Column column);

    // Servers, the standby table, slots, archiver and problems, as plain
    // text with aligned columns (what a terminal shows).
    static QString renderText(const ReplicationSample &sample);
    // Everything in the sample, machine-readable; keys are stable, values raw
    // (bytes as numbers, lags in ms, times in ISO 8601 UTC, NULL as null).
    static QJsonObject toJson(const ReplicationSample &sample);

    // One line of `replicactl watch --json` (NDJSON): time, primary {name,
    // version, current_lsn, wal_bytes_per_second, synchronous_standby_names},
    // standbys [...], slots [...], archiver {...}, alerts [{code, severity,
    // subject, message}]. What is unknown is null, never a made-up 0.
    static QJsonObject toWatchJson(const ReplicationSample &sample);

    // 512 bytes, 1.5 kB, 16 MB (1024-based, like pg_size_pretty).
    static QString formatBytes(qint64 bytes);
    // 0.352 ms, 12.4 ms, 3.2 s; "-" for NULL (an idle standby reports none).
    static QString formatMs(const std::optional<double> &ms);
    // "15.20" from 150020.
    static QString formatVersion(int serverVersionNum);
};
