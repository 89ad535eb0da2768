// The replication panel's chart with 8 standbys x 24 h of 1 Hz history:
// milliseconds to update every series from LagHistory (decimation to the
// plot's width + QXYSeries::replace) and to paint the chart, for the 24 h
// window against the 1 min window in the same run (the baseline: the cost
// should not grow with the length of history); and the bytes the history
// holds. The goal is a frame, 16 ms. Prints figures; never fails on time.
#include "core/monitor/lag_history.h"
#include "ui/charts/lag_chart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

namespace {

constexpr qint64 start = 1764115200000;
constexpr int standbyCount = 8;
constexpr int seconds = 24 * 3600;

void fill(LagHistory &history)
{
    for (int s = 0; s < seconds; ++s) {
        const qint64 t = start + s * 1000LL;
        for (int i = 0; i < standbyCount; ++i) {
            const double wave = double((qint64(s) * (i + 7) * 7919) % 65536);
            history.append(QStringLiteral("standby%1").arg(i + 1), t,
                           LagHistory::Values{wave * 4, double(s % 50), double(s % 70), double(s % 90), wave, wave * 2,
                                              wave * 3, std::nullopt});
        }
        LagHistory::Values rate{};
        rate[LagHistory::WalBytesPerSecond] = double((qint64(s) * 31) % 100000);
        history.append(LagHistory::primarySeries(), t, rate);
    }
}

struct Timing
{
    double updateMs = 0;
    double paintMs = 0;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

Timing measure(LagChart &chart, qint64 windowMs, int rounds)
{
    chart.setWindowMs(windowMs);
    std::vector<double> update;
    std::vector<double> paint;
    QElapsedTimer clock;
    for (int r = 0; r < rounds; ++r) {
        clock.start();
        chart.redraw();
        update.push_back(double(clock.nsecsElapsed()) / 1e6);
        clock.start();
        (void)chart.grab();
        paint.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    return {median(update), median(paint)};
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);

    LagHistory history;
    QElapsedTimer clock;
    clock.start();
    fill(history);
    const qint64 fillMs = clock.elapsed();
    out << QStringLiteral("history: %1 standbys x %2 s of 1 Hz samples (+ the primary's WAL rate), filled in %3 ms\n")
               .arg(standbyCount)
               .arg(seconds)
               .arg(fillMs);
    out.flush();
    out << QStringLiteral("history holds %1 KB (%2 KB per series); upper bound for 16 standbys %3 KB\n")
               .arg(history.memoryBytes() / 1024)
               .arg(history.memoryBytes() / 1024 / (standbyCount + 1))
               .arg(history.capacityBytes() / 1024);

    LagChart chart(&history);
    chart.resize(1280, 480);
    chart.show();
    chart.refresh(start + seconds * 1000LL);
    QCoreApplication::processEvents();

    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("chart"), -28)
               .arg(QStringLiteral("series"), 7)
               .arg(QStringLiteral("update ms"), 10)
               .arg(QStringLiteral("paint ms"), 10)
               .arg(QStringLiteral("total ms"), 10);
    const struct
    {
        LagChart::Kind kind;
        const char *name;
    } kinds[] = {{LagChart::ByteLag, "byte lag"}, {LagChart::TimeLag, "time lag"}, {LagChart::WalRate, "WAL rate"}};
    const struct
    {
        qint64 ms;
        const char *name;
    } windows[] = {{60 * 1000LL, "1 min"}, {3600 * 1000LL, "1 h"}, {24 * 3600 * 1000LL, "24 h"}};
    double baseline = 0;
    double day = 0;
    for (const auto &kind : kinds) {
        chart.setKind(kind.kind);
        for (const auto &window : windows) {
            const Timing t = measure(chart, window.ms, 15);
            const double total = t.updateMs + t.paintMs;
            if (kind.kind == LagChart::ByteLag && window.ms == 60 * 1000LL)
                baseline = total;
            if (kind.kind == LagChart::ByteLag && window.ms == 24 * 3600 * 1000LL)
                day = total;
            out << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(QStringLiteral("%1, %2").arg(QLatin1String(kind.name), QLatin1String(window.name)), -28)
                       .arg(chart.seriesCount(), 7)
                       .arg(t.updateMs, 10, 'f', 2)
                       .arg(t.paintMs, 10, 'f', 2)
                       .arg(total, 10, 'f', 2);
        }
    }
    chart.setKind(LagChart::ByteLag);
    chart.setFocusStandby(QStringLiteral("standby1"));
    for (const auto &window : windows) {
        const Timing t = measure(chart, window.ms, 15);
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(QStringLiteral("standby1's 4 stages, %1").arg(QLatin1String(window.name)), -28)
                   .arg(chart.seriesCount(), 7)
                   .arg(t.updateMs, 10, 'f', 2)
                   .arg(t.paintMs, 10, 'f', 2)
                   .arg(t.updateMs + t.paintMs, 10, 'f', 2);
    }
    out << QStringLiteral("byte lag, 24 h against 1 min (same chart, same run): %1x; goal: under 16 ms a frame\n")
               .arg(baseline > 0 ? day / baseline : 0.0, 0, 'f', 2);
    return 0;
}
