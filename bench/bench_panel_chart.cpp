// The replication panel's chart with 8 standbys x 24 h of 1 Hz history:
// milliseconds to update every series from LagHistory (decimation to the
// plot's width + QXYSeries::replace) and to paint the chart, for the 24 h
// window against the 1 min window in the same run (the baseline: the cost
// should not grow with the length of history); the same as the panel lives
// it, one new sample per series and then refresh() each second; and the
// bytes the history holds. The goal is a frame, 16 ms. Prints figures; never
// fails on time.
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

// One second of samples: every standby and the primary's WAL rate.
void appendSecond(LagHistory &history, qint64 s)
{
    const qint64 t = start + s * 1000LL;
    for (int i = 0; i < standbyCount; ++i) {
        const double wave = double((s * (i + 7) * 7919) % 65536);
        history.append(QStringLiteral("standby%1").arg(i + 1), t,
                       LagHistory::Values{wave * 4, double(s % 50), double(s % 70), double(s % 90), wave, wave * 2,
                                          wave * 3, std::nullopt});
    }
    LagHistory::Values rate{};
    rate[LagHistory::WalBytesPerSecond] = double((s * 31) % 100000);
    history.append(LagHistory::primarySeries(), t, rate);
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

// What the panel does each second: a new sample for every series, then
// refresh() to it, and the paint that follows. `second` is the last sample's.
Timing measureLive(LagChart &chart, LagHistory &history, qint64 windowMs, int rounds, qint64 &second)
{
    chart.setWindowMs(windowMs);
    std::vector<double> update;
    std::vector<double> paint;
    QElapsedTimer clock;
    for (int r = 0; r < rounds; ++r) {
        ++second;
        clock.start();
        appendSecond(history, second);
        chart.refresh(start + second * 1000LL);
        update.push_back(double(clock.nsecsElapsed()) / 1e6);
        clock.start();
        (void)chart.grab();
        paint.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    return {median(update), median(paint)};
}

void printRow(QTextStream &out, const QString &name, int series, const Timing &t)
{
    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(name, -36)
               .arg(series, 7)
               .arg(t.updateMs, 10, 'f', 2)
               .arg(t.paintMs, 10, 'f', 2)
               .arg(t.updateMs + t.paintMs, 10, 'f', 2);
    out.flush();
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
    for (qint64 s = 0; s < seconds; ++s)
        appendSecond(history, s);
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
    qint64 second = seconds - 1; // the last sample appended
    chart.refresh(start + second * 1000LL);
    QCoreApplication::processEvents();

    out << QStringLiteral("%1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("chart"), -36)
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
    } windows[] = {
        {60 * 1000LL, "1 min"}, {600 * 1000LL, "10 min"}, {3600 * 1000LL, "1 h"}, {24 * 3600 * 1000LL, "24 h"}};
    const auto rowName = [](const char *what, const char *window) {
        return QStringLiteral("%1, %2").arg(QLatin1String(what), QLatin1String(window));
    };
    double baseline = 0;
    double day = 0;
    for (const auto &kind : kinds) {
        chart.setKind(kind.kind);
        for (const auto &window : windows) {
            const Timing t = measure(chart, window.ms, 15);
            if (kind.kind == LagChart::ByteLag && window.ms == windows[0].ms)
                baseline = t.updateMs + t.paintMs;
            if (kind.kind == LagChart::ByteLag && window.ms == 24 * 3600 * 1000LL)
                day = t.updateMs + t.paintMs;
            printRow(out, rowName(kind.name, window.name), chart.seriesCount(), t);
        }
    }
    chart.setKind(LagChart::ByteLag);
    chart.setFocusStandby(QStringLiteral("standby1"));
    for (const auto &window : windows)
        printRow(out, rowName("standby1's 4 stages", window.name), chart.seriesCount(), measure(chart, window.ms, 15));
    chart.setFocusStandby(QString());
    double liveBaseline = 0;
    double liveDay = 0;
    for (const auto &window : windows) {
        const Timing t = measureLive(chart, history, window.ms, 15, second);
        if (window.ms == windows[0].ms)
            liveBaseline = t.updateMs + t.paintMs;
        liveDay = t.updateMs + t.paintMs;
        printRow(out, rowName("live: 1 new second, byte lag", window.name), chart.seriesCount(), t);
    }
    out << QStringLiteral("byte lag, 24 h against 1 min (same chart, same run): %1x; live: %2x; goal: under 16 ms a "
                          "frame\n")
               .arg(baseline > 0 ? day / baseline : 0.0, 0, 'f', 2)
               .arg(liveBaseline > 0 ? liveDay / liveBaseline : 0.0, 0, 'f', 2);
    return 0;
}
