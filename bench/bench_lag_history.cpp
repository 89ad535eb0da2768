// LagHistory's cost: nanoseconds per append and memory held after runs of
// 1 s samples (one standby), against the plain baseline a chart could use
// instead: every sample kept in a QList. Prints figures; never fails on time.
#include "core/monitor/lag_history.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QTextStream>

#include <cstdio>

namespace {

struct RawSample
{
    qint64 timeMs;
    LagHistory::Values values;
};

constexpr qint64 start = 1764115200000;

LagHistory::Values valuesAt(qint64 second)
{
    // Replay lag is NULL one sample in ten (an idle standby), as in real life.
    const double bytes = double((second * 7919) % 65536);
    return {bytes, double(second % 50), double(second % 70),
            second % 10 == 0 ? std::nullopt : std::optional<double>(double(second % 90))};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    out << "1 s samples, one standby; LagHistory default tiers vs QList<sample> baseline\n";
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("run"), -10)
               .arg(QStringLiteral("history ns/append"), 18)
               .arg(QStringLiteral("history bytes"), 14)
               .arg(QStringLiteral("QList ns/append"), 16)
               .arg(QStringLiteral("QList bytes"), 14);

    const struct
    {
        const char *name;
        qint64 seconds;
    } runs[] = {{"1 hour", 3600}, {"1 day", 24 * 3600}, {"7 days", 7 * 24 * 3600}, {"30 days", 30 * 24 * 3600}};

    volatile double sink = 0;
    for (const auto &run : runs) {
        LagHistory history;
        QElapsedTimer clock;
        clock.start();
        for (qint64 s = 0; s < run.seconds; ++s)
            history.append(QStringLiteral("standby1"), start + s * 1000, valuesAt(s));
        const double historyNs = double(clock.nsecsElapsed()) / double(run.seconds);
        sink = sink + double(history.points(QStringLiteral("standby1"), start, start + run.seconds * 1000).size());

        QList<RawSample> baseline;
        clock.restart();
        for (qint64 s = 0; s < run.seconds; ++s)
            baseline.append(RawSample{start + s * 1000, valuesAt(s)});
        const double baselineNs = double(clock.nsecsElapsed()) / double(run.seconds);
        const qsizetype baselineBytes = baseline.capacity() * qsizetype(sizeof(RawSample));
        sink = sink + double(baseline.size());

        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(QString::fromLatin1(run.name), -10)
                   .arg(historyNs, 18, 'f', 1)
                   .arg(history.memoryBytes(), 14)
                   .arg(baselineNs, 16, 'f', 1)
                   .arg(baselineBytes, 14);
    }
    LagHistory bound;
    out << QStringLiteral("LagHistory upper bound with 16 standbys: %1 bytes; per standby and hour of the "
                          "baseline: %2 bytes\n")
               .arg(bound.capacityBytes())
               .arg(3600 * qsizetype(sizeof(RawSample)));
    return sink < 0 ? 1 : 0;
}
