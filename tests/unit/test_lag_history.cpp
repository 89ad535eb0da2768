#include "core/monitor/lag_history.h"

#include <QRandomGenerator>
#include <QtTest/QTest>

#include <algorithm>
#include <cmath>
#include <map>

namespace {

constexpr qint64 start = 1764115200000; // 2025-11-26 00:00:00 UTC, a whole minute

LagHistory::Values bytes(double value)
{
    return LagHistory::Values{value, std::nullopt, std::nullopt, std::nullopt};
}

} // namespace

// LagHistory: bounded memory, exact min/max/average per bucket, the right
// tier for a time range, NULL lags kept apart from zero.
class TestLagHistory : public QObject
{
    Q_OBJECT

private slots:
    void memoryStaysFixedWhateverTheRunTime();
    void bucketsKeepMinMaxAverage();
    void nullLagsAreNotZero();
    void rangeUsesTheFinestTierThatReachesBack_data();
    void rangeUsesTheFinestTierThatReachesBack();
    void gapsStayGaps();
    void clockGoingBackDoesNotRewriteThePast();
    void standbysBeyondTheLimitEvictTheSilentOne();
    void appendTakesEveryStandbyOfASample();
    void decimationKeepsEveryPeakWithinTwoPointsAColumn_data();
    void decimationKeepsEveryPeakWithinTwoPointsAColumn();
    void decimationIsTheEnvelopeOfEveryColumn_data();
    void decimationIsTheEnvelopeOfEveryColumn();
    void primaryWalRateIsNotAStandby();
    void csvHasEverySeriesAndMetric();
};

void TestLagHistory::memoryStaysFixedWhateverTheRunTime()
{
    LagHistory history;
    qsizetype afterAnHour = 0;
    for (qint64 s = 0; s < 10 * 24 * 3600; ++s) {
        history.append(QStringLiteral("standby1"), start + s * 1000, bytes(double(s % 1000)));
        if (s == 3600)
            afterAnHour = history.memoryBytes();
    }
    QVERIFY(afterAnHour > 0);
    QCOMPARE(history.memoryBytes(), afterAnHour);
    // One standby of 16: the bound covers sixteen such.
    QVERIFY(history.memoryBytes() * 16 <= history.capacityBytes() + 16 * 1024);
    QVERIFY2(history.memoryBytes() < 1024 * 1024, qPrintable(QString::number(history.memoryBytes())));

    // Ten days still reach back ten days, at the coarsest resolution.
    const auto all = history.points(QStringLiteral("standby1"), start, start + 11LL * 24 * 3600 * 1000);
    QVERIFY(!all.isEmpty());
    QCOMPARE(all.first().resolutionMs, 900 * 1000);
    QCOMPARE(all.first().timeMs, start);
    QCOMPARE(all.size(), 10 * 24 * 4);
}

void TestLagHistory::bucketsKeepMinMaxAverage()
{
    LagHistory history({{1000, 100}, {10 * 1000, 100}});
    // 0..29 s, value = second: buckets of 10 s hold 0..9, 10..19, 20..29.
    for (int s = 0; s < 30; ++s)
        history.append(QStringLiteral("s"), start + s * 1000, bytes(s));
    const auto fine = history.points(QStringLiteral("s"), start, start + 30 * 1000);
    QCOMPARE(fine.size(), 30);
    QCOMPARE(fine.at(7).average[LagHistory::ByteLag], 7.0);

    LagHistory coarseOnly({{10 * 1000, 100}});
    for (int s = 0; s < 30; ++s)
        coarseOnly.append(QStringLiteral("s"), start + s * 1000, bytes(s));
    const auto coarse = coarseOnly.points(QStringLiteral("s"), start, start + 30 * 1000);
    QCOMPARE(coarse.size(), 3);
    QCOMPARE(coarse.at(1).timeMs, start + 10 * 1000);
    QCOMPARE(coarse.at(1).minimum[LagHistory::ByteLag], 10.0);
    QCOMPARE(coarse.at(1).maximum[LagHistory::ByteLag], 19.0);
    QCOMPARE(coarse.at(1).average[LagHistory::ByteLag], 14.5);
    QCOMPARE(coarse.at(2).average[LagHistory::ByteLag], 24.5); // the open bucket is shown too
}

void TestLagHistory::nullLagsAreNotZero()
{
    LagHistory history({{10 * 1000, 10}});
    history.append(QStringLiteral("s"), start, LagHistory::Values{0.0, 5.0, std::nullopt, std::nullopt});
    history.append(QStringLiteral("s"), start + 1000,
                   LagHistory::Values{0.0, std::nullopt, std::nullopt, std::nullopt});
    const auto points = history.points(QStringLiteral("s"), start, start + 10000);
    QCOMPARE(points.size(), 1);
    QCOMPARE(points.at(0).average[LagHistory::ByteLag], 0.0);
    QCOMPARE(points.at(0).average[LagHistory::WriteLagMs], 5.0); // one value, not (5 + 0) / 2
    QVERIFY(std::isnan(points.at(0).average[LagHistory::ReplayLagMs]));
}

void TestLagHistory::rangeUsesTheFinestTierThatReachesBack_data()
{
    QTest::addColumn<qint64>("agoSeconds");
    QTest::addColumn<qint64>("resolutionMs");
    // Tiers: 1 s x 60, 10 s x 60, 100 s x 60; two hours of 1 s samples.
    QTest::addRow("last 30 s") << qint64(30) << qint64(1000);
    QTest::addRow("last 59 s") << qint64(59) << qint64(1000);
    QTest::addRow("last 5 min") << qint64(300) << qint64(10000);
    QTest::addRow("last hour") << qint64(3600) << qint64(100000);
    QTest::addRow("beyond everything") << qint64(100000) << qint64(100000);
}

void TestLagHistory::rangeUsesTheFinestTierThatReachesBack()
{
    QFETCH(qint64, agoSeconds);
    QFETCH(qint64, resolutionMs);
    LagHistory history({{1000, 60}, {10000, 60}, {100000, 60}});
    const qint64 end = start + 2 * 3600 * 1000;
    for (qint64 t = start; t < end; t += 1000)
        history.append(QStringLiteral("s"), t, bytes(1));
    const auto points = history.points(QStringLiteral("s"), end - agoSeconds * 1000, end);
    QVERIFY(!points.isEmpty());
    QCOMPARE(points.first().resolutionMs, resolutionMs);
    for (const auto &point : points)
        QVERIFY(point.timeMs + point.resolutionMs > end - agoSeconds * 1000 || agoSeconds == 100000);
}

void TestLagHistory::gapsStayGaps()
{
    LagHistory history({{1000, 100}});
    history.append(QStringLiteral("s"), start, bytes(1));
    history.append(QStringLiteral("s"), start + 1000, bytes(2));
    history.append(QStringLiteral("s"), start + 30 * 1000, bytes(3)); // away for 29 s
    const auto points = history.points(QStringLiteral("s"), start, start + 60 * 1000);
    QCOMPARE(points.size(), 3);
    QCOMPARE(points.at(2).timeMs - points.at(1).timeMs, 29 * 1000);
}

void TestLagHistory::clockGoingBackDoesNotRewriteThePast()
{
    LagHistory history({{1000, 100}});
    history.append(QStringLiteral("s"), start + 5000, bytes(1));
    history.append(QStringLiteral("s"), start + 6000, bytes(2));
    history.append(QStringLiteral("s"), start + 2000, bytes(9)); // NTP stepped back
    const auto points = history.points(QStringLiteral("s"), start, start + 10000);
    QCOMPARE(points.size(), 2);
    QCOMPARE(points.at(0).maximum[LagHistory::ByteLag], 1.0);
    QCOMPARE(points.at(1).maximum[LagHistory::ByteLag], 9.0);
    QCOMPARE(history.latestMs(QStringLiteral("s")), start + 6000);
}

void TestLagHistory::standbysBeyondTheLimitEvictTheSilentOne()
{
    LagHistory history({{1000, 10}}, 2);
    history.append(QStringLiteral("old"), start, bytes(1));
    history.append(QStringLiteral("kept"), start + 5000, bytes(1));
    const qsizetype two = history.memoryBytes();
    history.append(QStringLiteral("new"), start + 6000, bytes(1));
    QCOMPARE(history.standbys(), (QStringList{QStringLiteral("kept"), QStringLiteral("new")}));
    QVERIFY(history.points(QStringLiteral("old"), start, start + 10000).isEmpty());
    QCOMPARE(history.memoryBytes(), two);
}

void TestLagHistory::appendTakesEveryStandbyOfASample()
{
    ReplicationSample sample;
    sample.sampledAt = QDateTime::fromMSecsSinceEpoch(start, Qt::UTC);
    ReplicationSample::Standby a;
    a.applicationName = QStringLiteral("a");
    a.byteLag = 8192;
    a.replayLagMs = 3;
    ReplicationSample::Standby b;
    b.applicationName = QStringLiteral("b");
    sample.standbys = {a, b};
    LagHistory history;
    history.append(sample);
    QCOMPARE(history.standbys(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    const auto points = history.points(QStringLiteral("a"), start, start + 1000);
    QCOMPARE(points.size(), 1);
    QCOMPARE(points.at(0).average[LagHistory::ByteLag], 8192.0);
    QCOMPARE(points.at(0).average[LagHistory::ReplayLagMs], 3.0);
    QVERIFY(std::isnan(points.at(0).average[LagHistory::FlushLagMs]));
    QVERIFY(std::isnan(history.points(QStringLiteral("b"), start, start + 1000).at(0).average[LagHistory::ByteLag]));
}

void TestLagHistory::decimationKeepsEveryPeakWithinTwoPointsAColumn_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<int>("columns");
    QTest::addRow("fewer points than columns") << 60 << 800;
    QTest::addRow("an hour on 800 pixels") << 3600 << 800;
    QTest::addRow("a day on 1000 pixels") << 24 * 3600 << 1000;
    QTest::addRow("a day on 3 pixels") << 24 * 3600 << 3;
}

void TestLagHistory::decimationKeepsEveryPeakWithinTwoPointsAColumn()
{
    QFETCH(int, seconds);
    QFETCH(int, columns);
    LagHistory history;
    // A saw tooth with one tall spike in the middle: the spike must survive.
    const int spikeAt = seconds / 2;
    for (int s = 0; s < seconds; ++s)
        history.append(QStringLiteral("s"), start + s * 1000LL, bytes(s == spikeAt ? 1e9 : double(s % 10)));
    const qint64 to = start + seconds * 1000LL;
    const QList<QPointF> line = history.decimated(QStringLiteral("s"), LagHistory::ByteLag, start, to, columns);
    QVERIFY(!line.isEmpty());
    QVERIFY2(line.size() <= 2 * columns, qPrintable(QString::number(line.size())));
    double highest = 0;
    double lowest = 1e18;
    for (int i = 0; i < line.size(); ++i) {
        highest = std::max(highest, line.at(i).y());
        lowest = std::min(lowest, line.at(i).y());
        if (i > 0)
            QVERIFY2(line.at(i).x() >= line.at(i - 1).x(), "in time order");
    }
    QCOMPARE(highest, 1e9);
    QCOMPARE(lowest, 0.0);
    // The same points the undecimated history has, when it fits.
    if (seconds <= columns)
        QCOMPARE(line.size(), seconds);
}

void TestLagHistory::decimationIsTheEnvelopeOfEveryColumn_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("seconds");
    QTest::addColumn<int>("windowSeconds");
    QTest::addColumn<int>("columns");
    QTest::addRow("a minute of noise on 393 columns") << 1u << 600 << 60 << 393;
    QTest::addRow("10 minutes on 393 columns") << 2u << 900 << 600 << 393;
    QTest::addRow("an hour of 15 s buckets on 100 columns") << 3u << 3 * 3600 << 3600 << 100;
    QTest::addRow("a day of 2 min buckets on 393 columns") << 4u << 24 * 3600 << 24 * 3600 << 393;
    QTest::addRow("a day on 7 columns") << 5u << 24 * 3600 << 24 * 3600 << 7;
}

// On random data with gaps, each column of decimated() against the buckets
// of points() in that column, worked out here from scratch: the same minimum
// and maximum, at most two points, the line never running back in time, and
// each column entered at its extreme nearer the line.
void TestLagHistory::decimationIsTheEnvelopeOfEveryColumn()
{
    QFETCH(quint32, seed);
    QFETCH(int, seconds);
    QFETCH(int, windowSeconds);
    QFETCH(int, columns);
    QRandomGenerator random(seed);
    LagHistory history;
    for (int s = 0; s < seconds; ++s) {
        // An idle standby now and then (NULL), and now and then a spike.
        const bool idle = random.bounded(20) == 0;
        const double value = random.bounded(50) == 0 ? 1e9 * random.generateDouble() : random.bounded(100000.0);
        history.append(QStringLiteral("s"), start + s * 1000LL, idle ? LagHistory::Values{} : bytes(value));
    }
    const qint64 to = start + seconds * 1000LL;
    const qint64 from = to - windowSeconds * 1000LL;
    const double columnMs = double(to - from) / columns;
    const auto columnOf = [&](double timeMs) {
        return int(std::clamp((timeMs - double(from)) / columnMs, 0.0, double(columns - 1)));
    };
    std::map<int, std::pair<double, double>> expected; // column: minimum, maximum
    for (const LagHistory::Point &point : history.points(QStringLiteral("s"), from, to)) {
        const double low = point.minimum[LagHistory::ByteLag];
        const double high = point.maximum[LagHistory::ByteLag];
        if (std::isnan(low))
            continue;
        const auto [it, added] = expected.try_emplace(columnOf(double(point.timeMs)), low, high);
        it->second = {std::min(it->second.first, low), std::max(it->second.second, high)};
    }
    QVERIFY(expected.size() > 2);

    const QList<QPointF> line = history.decimated(QStringLiteral("s"), LagHistory::ByteLag, from, to, columns);
    std::map<int, QList<QPointF>> got;
    for (int i = 0; i < line.size(); ++i) {
        if (i > 0)
            QVERIFY2(line.at(i).x() >= line.at(i - 1).x(), "in time order");
        got[columnOf(line.at(i).x())] << line.at(i);
    }
    QCOMPARE(got.size(), expected.size());
    std::optional<double> previous;
    for (const auto &[column, points] : got) {
        QVERIFY2(expected.count(column) == 1, qPrintable(QString::number(column)));
        QVERIFY(points.size() <= 2);
        const auto [low, high] = std::minmax(points.first().y(), points.last().y());
        QCOMPARE(low, expected.at(column).first);
        QCOMPARE(high, expected.at(column).second);
        if (previous && points.size() == 2)
            QVERIFY(std::abs(points.first().y() - *previous) <= std::abs(points.last().y() - *previous));
        previous = points.last().y();
    }
}

void TestLagHistory::primaryWalRateIsNotAStandby()
{
    ReplicationSample sample;
    sample.sampledAt = QDateTime::fromMSecsSinceEpoch(start, Qt::UTC);
    sample.primary.walBytesPerSecond = 4096;
    ReplicationSample::Standby a;
    a.applicationName = QStringLiteral("a");
    a.sentLagBytes = 1;
    a.writeLagBytes = 2;
    a.flushLagBytes = 3;
    a.byteLag = 4;
    sample.standbys = {a};
    LagHistory history;
    history.append(sample);
    QCOMPARE(history.standbys(), QStringList{QStringLiteral("a")});
    const auto rate = history.points(LagHistory::primarySeries(), start, start + 1000);
    QCOMPARE(rate.size(), 1);
    QCOMPARE(rate.at(0).average[LagHistory::WalBytesPerSecond], 4096.0);
    const auto lags = history.points(QStringLiteral("a"), start, start + 1000).at(0).average;
    QCOMPARE(lags[LagHistory::SentLagBytes], 1.0);
    QCOMPARE(lags[LagHistory::WriteLagBytes], 2.0);
    QCOMPARE(lags[LagHistory::FlushLagBytes], 3.0);
    QCOMPARE(lags[LagHistory::ByteLag], 4.0);
    QVERIFY(std::isnan(lags[LagHistory::WalBytesPerSecond]));
}

void TestLagHistory::csvHasEverySeriesAndMetric()
{
    LagHistory history({{1000, 10}});
    LagHistory::Values rate{};
    rate[LagHistory::WalBytesPerSecond] = 100.0;
    history.append(LagHistory::primarySeries(), start, rate);
    history.append(QStringLiteral("a,b"), start, LagHistory::Values{5.0, 1.5, std::nullopt, std::nullopt});
    history.append(QStringLiteral("a,b"), start + 500, LagHistory::Values{7.0, 2.5, std::nullopt, std::nullopt});
    QCOMPARE(history.toCsv(start, start + 1000),
             QByteArray("time,series,metric,minimum,average,maximum\n"
                        "2025-11-26T00:00:00.000Z,primary,wal_bytes_per_second,100,100,100\n"
                        "2025-11-26T00:00:00.000Z,\"a,b\",replay_lag_bytes,5,6,7\n"
                        "2025-11-26T00:00:00.000Z,\"a,b\",write_lag_ms,1.5,2,2.5\n"));
}

QTEST_GUILESS_MAIN(TestLagHistory)
#include "test_lag_history.moc"
