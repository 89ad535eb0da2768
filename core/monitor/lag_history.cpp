#include "core/monitor/lag_history.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <limits>

QList<LagHistory::Tier> LagHistory::defaultTiers()
{
    return {
        {1000, 900},        // 1 s for 15 minutes
        {15 * 1000, 960},   // 15 s for 4 hours
        {120 * 1000, 720},  // 2 min for 24 hours
        {900 * 1000, 2880}, // 15 min for 30 days
    };
}

LagHistory::LagHistory(QList<Tier> tiers, int maxStandbys) : m_tiers(std::move(tiers)), m_maxStandbys(maxStandbys)
{
    for (Tier &tier : m_tiers) {
        tier.resolutionMs = qMax<qint64>(1, tier.resolutionMs);
        tier.capacity = qMax(1, tier.capacity);
    }
}

LagHistory::Series LagHistory::makeSeries() const
{
    Series series;
    series.rings.reserve(size_t(m_tiers.size()));
    for (const Tier &tier : m_tiers) {
        Ring ring;
        ring.resolutionMs = tier.resolutionMs;
        ring.buckets.resize(size_t(tier.capacity));
        series.rings.push_back(std::move(ring));
    }
    return series;
}

void LagHistory::Ring::close()
{
    if (!hasOpen)
        return;
    const int capacity = int(buckets.size());
    if (size < capacity) {
        buckets[size_t((head + size) % capacity)] = open;
        ++size;
    } else {
        buckets[size_t(head)] = open; // the oldest makes room
        head = (head + 1) % capacity;
    }
    hasOpen = false;
}

void LagHistory::Ring::add(qint64 timeMs, const Values &values)
{
    // Floor to the bucket (times before 1970 do not occur, but stay correct).
    qint64 start = timeMs - timeMs % resolutionMs;
    if (timeMs < 0 && timeMs % resolutionMs != 0)
        start -= resolutionMs;
    if (hasOpen && start > open.start)
        close();
    if (!hasOpen) {
        open = Bucket();
        open.start = start;
        hasOpen = true;
    }
    // A clock that went back lands in the open bucket rather than rewriting the past.
    for (int m = 0; m < MetricCount; ++m) {
        if (!values[size_t(m)])
            continue;
        const double v = *values[size_t(m)];
        const float f = float(v);
        if (open.count[size_t(m)] == 0) {
            open.minimum[size_t(m)] = f;
            open.maximum[size_t(m)] = f;
        } else {
            open.minimum[size_t(m)] = std::min(open.minimum[size_t(m)], f);
            open.maximum[size_t(m)] = std::max(open.maximum[size_t(m)], f);
        }
        open.sum[size_t(m)] += v;
        ++open.count[size_t(m)];
    }
}

void LagHistory::append(const ReplicationSample &sample)
{
    const qint64 timeMs = sample.sampledAt.toMSecsSinceEpoch();
    for (const ReplicationSample::Standby &standby : sample.standbys) {
        const std::optional<double> bytes =
            standby.byteLag ? std::optional<double>(double(*standby.byteLag)) : std::nullopt;
        const auto asDouble = [](const std::optional<qint64> &v) {
            return v ? std::optional<double>(double(*v)) : std::nullopt;
        };
        append(standby.applicationName, timeMs,
               Values{bytes, standby.writeLagMs, standby.flushLagMs, standby.replayLagMs,
                      asDouble(standby.sentLagBytes), asDouble(standby.writeLagBytes), asDouble(standby.flushLagBytes),
                      std::nullopt});
    }
    if (sample.primary.walBytesPerSecond) {
        Values rate{};
        rate[WalBytesPerSecond] = sample.primary.walBytesPerSecond;
        append(primarySeries(), timeMs, rate);
    }
}

void LagHistory::append(const QString &standby, qint64 timeMs, const Values &values)
{
    auto it = m_series.find(standby);
    if (it == m_series.end()) {
        if (m_series.size() >= m_maxStandbys) {
            // Memory stays bounded when standbys come and go: the one
            // silent for longest goes.
            auto oldest = m_series.begin();
            for (auto candidate = m_series.begin(); candidate != m_series.end(); ++candidate)
                if (candidate->latestMs < oldest->latestMs)
                    oldest = candidate;
            m_series.erase(oldest);
        }
        it = m_series.insert(standby, makeSeries());
    }
    for (Ring &ring : it->rings)
        ring.add(timeMs, values);
    it->latestMs = qMax(it->latestMs, timeMs);
}

QStringList LagHistory::standbys() const
{
    QStringList names = m_series.keys();
    names.removeAll(primarySeries());
    names.sort();
    return names;
}

qint64 LagHistory::latestMs(const QString &standby) const
{
    const auto it = m_series.constFind(standby);
    return it == m_series.constEnd() ? 0 : it->latestMs;
}

LagHistory::Point LagHistory::toPoint(const Bucket &bucket, qint64 resolutionMs)
{
    Point point;
    point.timeMs = bucket.start;
    point.resolutionMs = resolutionMs;
    const double none = std::numeric_limits<double>::quiet_NaN();
    for (size_t m = 0; m < MetricCount; ++m) {
        const bool has = bucket.count[m] > 0;
        point.average[m] = has ? bucket.sum[m] / bucket.count[m] : none;
        point.minimum[m] = has ? double(bucket.minimum[m]) : none;
        point.maximum[m] = has ? double(bucket.maximum[m]) : none;
    }
    return point;
}

QList<LagHistory::Point> LagHistory::points(const QString &standby, qint64 fromMs, qint64 toMs) const
{
    QList<Point> result;
    const auto it = m_series.constFind(standby);
    if (it == m_series.constEnd() || it->rings.empty())
        return result;
    // A ring that has not wrapped yet holds everything since the first
    // append, so it reaches back as far as any coarser one.
    const Ring *chosen = &it->rings.back();
    for (const Ring &ring : it->rings) {
        const bool wrapped = ring.size == int(ring.buckets.size());
        if (!wrapped || (ring.size > 0 && ring.at(0).start <= fromMs)) {
            chosen = &ring;
            break;
        }
    }
    const auto inRange = [&](const Bucket &b) { return b.start + chosen->resolutionMs > fromMs && b.start <= toMs; };
    for (int i = 0; i < chosen->size; ++i)
        if (inRange(chosen->at(i)))
            result << toPoint(chosen->at(i), chosen->resolutionMs);
    if (chosen->hasOpen && inRange(chosen->open))
        result << toPoint(chosen->open, chosen->resolutionMs);
    return result;
}

QList<QPointF> LagHistory::decimated(const QString &standby, Metric metric, qint64 fromMs, qint64 toMs,
                                     int columns) const
{
    QList<QPointF> result;
    if (columns <= 0 || toMs <= fromMs)
        return result;
    const QList<Point> all = points(standby, fromMs, toMs);
    const double columnMs = double(toMs - fromMs) / columns;
    result.reserve(qMin<qsizetype>(all.size() * 2, qsizetype(columns) * 2));
    int column = -1;
    double low = 0, high = 0;
    qint64 lowAt = 0, highAt = 0;
    const auto flush = [&] {
        if (column < 0)
            return;
        if (lowAt == highAt && low == high) {
            result << QPointF(double(lowAt), low);
            return;
        }
        // The column starts at whichever extreme is nearer where the line
        // already is: the line between columns stays short (fewer pixels to
        // paint on a noisy day), and the column still spans its minimum to
        // its maximum. The earlier of the two times goes first, so the line
        // never runs back in time; within a column the order is finer than
        // a pixel.
        const bool lowFirst = result.isEmpty()
                                  ? lowAt <= highAt
                                  : std::abs(result.last().y() - low) <= std::abs(result.last().y() - high);
        const double first = double(std::min(lowAt, highAt));
        const double second = double(std::max(lowAt, highAt));
        result << QPointF(first, lowFirst ? low : high) << QPointF(second, lowFirst ? high : low);
    };
    for (const Point &point : all) {
        const double minimum = point.minimum[size_t(metric)];
        if (std::isnan(minimum))
            continue;
        const double maximum = point.maximum[size_t(metric)];
        const int at = int(std::clamp(double(point.timeMs - fromMs) / columnMs, 0.0, double(columns - 1)));
        if (at != column) {
            flush();
            column = at;
            low = minimum;
            high = maximum;
            lowAt = highAt = point.timeMs;
            continue;
        }
        if (minimum < low) {
            low = minimum;
            lowAt = point.timeMs;
        }
        if (maximum > high) {
            high = maximum;
            highAt = point.timeMs;
        }
    }
    flush();
    return result;
}

QByteArray LagHistory::toCsv(qint64 fromMs, qint64 toMs) const
{
    static const char *const names[MetricCount] = {"replay_lag_bytes", "write_lag_ms",        "flush_lag_ms",
                                                   "replay_lag_ms",    "sent_lag_bytes",      "write_lag_bytes",
                                                   "flush_lag_bytes",  "wal_bytes_per_second"};
    QByteArray csv("time,series,metric,minimum,average,maximum\n");
    QStringList series = standbys();
    if (m_series.contains(primarySeries()))
        series.prepend(primarySeries());
    for (const QString &name : series) {
        const QByteArray label = name == primarySeries() ? QByteArray("primary") : name.toUtf8();
        for (const Point &point : points(name, fromMs, toMs)) {
            const QByteArray time =
                QDateTime::fromMSecsSinceEpoch(point.timeMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
            for (int m = 0; m < MetricCount; ++m) {
                if (std::isnan(point.average[size_t(m)]))
                    continue;
                csv += time + ',' + csvField(label) + ',' + names[m] + ',' +
                       QByteArray::number(point.minimum[size_t(m)], 'g', 12) + ',' +
                       QByteArray::number(point.average[size_t(m)], 'g', 12) + ',' +
                       QByteArray::number(point.maximum[size_t(m)], 'g', 12) + '\n';
            }
        }
    }
    return csv;
}

QByteArray LagHistory::csvField(const QByteArray &text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n'))
        return text;
    QByteArray quoted = text;
    quoted.replace('"', "\"\"");
    return '"' + quoted + '"';
}

qsizetype LagHistory::capacityBytes() const
{
    qsizetype perSeries = sizeof(Series);
    for (const Tier &tier : m_tiers)
        perSeries += qsizetype(sizeof(Ring)) + qsizetype(tier.capacity) * qsizetype(sizeof(Bucket));
    return qsizetype(sizeof(LagHistory)) + perSeries * m_maxStandbys;
}

qsizetype LagHistory::memoryBytes() const
{
    qsizetype bytes = sizeof(LagHistory);
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
        bytes += qsizetype(sizeof(Series)) + it.key().capacity() * qsizetype(sizeof(QChar));
        for (const Ring &ring : it->rings)
            bytes += qsizetype(sizeof(Ring)) + qsizetype(ring.buckets.capacity() * sizeof(Bucket));
    }
    return bytes;
}

void LagHistory::clear()
{
    m_series.clear();
}
