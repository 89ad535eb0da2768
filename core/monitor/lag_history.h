#pragma once

#include "core/monitor/replication_sample.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

// The lag of each standby over time, for the replication panel's charts:
// byte lags (sent, write, flush, replay) and write/flush/replay lag, and the
// primary's WAL rate (under primarySeries()), kept in tiers of fixed-size rings
// (by default 1 s for 15 min, 15 s for 4 h, 2 min for 24 h, 15 min for 30
// days), each bucket holding min/max/average. Memory is fixed by the tiers
// and the number of standbys, whatever the run time (about 470 KB per
// standby, 7 metrics), and an append costs about 150 ns (bench/bench_lag_history).
// decimated() hands a chart at most two points per pixel column.
// Fed by the window from ReplicationSampler's samples; read by the chart
// widgets in ui/charts/.
class LagHistory
{
public:
    // ByteLag is the replay lag in bytes (the first metric there was).
    enum Metric {
        ByteLag,
        WriteLagMs,
        FlushLagMs,
        ReplayLagMs,
        SentLagBytes,
        WriteLagBytes,
        FlushLagBytes,
        WalBytesPerSecond, // the primary's series only
        MetricCount
    };
    using Values = std::array<std::optional<double>, MetricCount>;

    struct Tier
    {
        qint64 resolutionMs = 1000;
        int capacity = 900; // buckets kept
    };

    // One bucket, as the charts read it. A metric with no value in the bucket
    // (NULL lags while a standby is idle, or a standby that was away) is NaN.
    struct Point
    {
        qint64 timeMs = 0; // start of the bucket, ms since the epoch (UTC)
        qint64 resolutionMs = 0;
        std::array<double, MetricCount> average{};
        std::array<double, MetricCount> minimum{};
        std::array<double, MetricCount> maximum{};
    };

    static QList<Tier> defaultTiers();

    explicit LagHistory(QList<Tier> tiers = defaultTiers(), int maxStandbys = 16);

    // Every standby of pg_stat_replication in the sample, at its sample time.
    void append(const ReplicationSample &sample);
    void append(const QString &standby, qint64 timeMs, const Values &values);

    // The series that holds the primary's WAL rate (not a standby name:
    // application_name cannot be empty... but it can, so a control character).
    static QString primarySeries() { return QStringLiteral("\x01primary"); }

    // The standbys with a history (not the primary's series), sorted.
    QStringList standbys() const;
    // The points of one standby between two times, from the finest tier that
    // still reaches back to `fromMs` (the coarsest one when none does).
    QList<Point> points(const QString &standby, qint64 fromMs, qint64 toMs) const;
    // One metric between two times as at most two points (the minimum and
    // the maximum, the one nearer the previous column's last point first)
    // per column when the span is cut into `columns` equal columns: what a
    // chart `columns` pixels wide can show, whatever the length of the
    // history. Times in ms since the epoch; buckets without a value are left out.
    QList<QPointF> decimated(const QString &standby, Metric metric, qint64 fromMs, qint64 toMs, int columns) const;
    // Every point of every series between two times, as CSV (time in ISO
    // 8601 UTC, series, metric, minimum, average, maximum), for export.
    QByteArray toCsv(qint64 fromMs, qint64 toMs) const;

    // The time of the last value appended for this standby (0 when none).
    qint64 latestMs(const QString &standby) const;

    // Bytes this history can ever hold (its rings are allocated up front).
    qsizetype capacityBytes() const;
    // Bytes held now.
    qsizetype memoryBytes() const;
    void clear();

private:
    struct Bucket
    {
        qint64 start = 0;
        std::array<float, MetricCount> minimum{};
        std::array<float, MetricCount> maximum{};
        std::array<double, MetricCount> sum{};
        std::array<quint32, MetricCount> count{};
    };
    struct Ring
    {
        qint64 resolutionMs = 0;
        std::vector<Bucket> buckets; // capacity fixed at creation
        int head = 0;                // index of the oldest closed bucket
        int size = 0;
        Bucket open;
        bool hasOpen = false;

        void add(qint64 timeMs, const Values &values);
        void close();
        const Bucket &at(int i) const { return buckets[size_t((head + i) % int(buckets.size()))]; }
    };
    struct Series
    {
        std::vector<Ring> rings;
        qint64 latestMs = 0;
    };

    Series makeSeries() const;
    static QByteArray csvField(const QByteArray &text);
    static Point toPoint(const Bucket &bucket, qint64 resolutionMs);

    QList<Tier> m_tiers;
    int m_maxStandbys;
    QHash<QString, Series> m_series;
};
