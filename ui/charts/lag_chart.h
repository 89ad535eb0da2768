#pragma once

#include "core/monitor/lag_history.h"

#include <QHash>
#include <QWidget>

#include <array>

class QAbstractAxis;
class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineSeries;
class QToolButton;
class QValueAxis;

// One chart of the replication panel over a LagHistory: every standby's
// replay lag, or one standby's byte lag (sent, write, flush, replay) or time
// lag (write, flush, replay), or the primary's WAL rate; over the last minute, 10 minutes, hour or day;
// linear or log scale; paused on demand; exported as PNG or CSV. Every
// series is fed through LagHistory::decimated() to a column per 3 pixels
// and set with QXYSeries::replace(), never point by point; the axes are set
// only when they change, since each change makes Qt Charts lay out every
// line again. So 8 standbys' day of history redraws within a frame
// (bench/bench_panel_chart). The only Qt Charts user besides this
// folder's other charts: the panel sees a plain QWidget. Owned by
// ReplicationPanel, which calls refresh() after each sample.
class LagChart : public QWidget
{
    Q_OBJECT

public:
    enum Kind { ByteLag, TimeLag, WalRate };

    LagChart(const LagHistory *history, QWidget *parent = nullptr);
    ~LagChart() override;

    void setKind(Kind kind);
    Kind kind() const { return m_kind; }
    // How far back the chart reaches: 1 min, 10 min, 1 h or 24 h.
    void setWindowMs(qint64 ms);
    qint64 windowMs() const { return m_windowMs; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void setLogScale(bool log);
    bool isLogScale() const { return m_log; }
    // Empty: every standby's replay lag; a standby: its sent, write, flush
    // and replay lags (time lag: write, flush, replay).
    void setFocusStandby(const QString &standby);
    QString focusStandby() const { return m_focus; }

    // Redraws from the history up to nowMs (the last sample's time), unless paused.
    void refresh(qint64 nowMs);
    // Redraws now whatever the pause (after a change of kind, window or scale).
    void redraw();

    // The chart as shown, and the history of the window as CSV; false with
    // errorString() when the file cannot be written.
    bool exportPng(const QString &path);
    bool exportCsv(const QString &path);
    QString errorString() const { return m_error; }

    // For tests and the benchmark: the points of one line as drawn.
    int seriesCount() const { return int(m_series.size()); }
    QList<QPointF> seriesPoints(const QString &standby, LagHistory::Metric metric) const;

private:
    struct Line
    {
        QString standby;
        LagHistory::Metric metric;
        bool operator==(const Line &) const = default;
    };
    // What the axes show: the time axis from -span to 0 in the window's
    // unit, the value axis from low to high (its ticks: 0 on a log axis).
    struct Axes
    {
        double span = 0;
        int timeTicks = 0;
        QString timeTitle;
        double low = 0;
        double high = 0;
        int valueTicks = 0;
        QString valueTitle;
        bool operator==(const Axes &) const = default;
    };

    void buildControls();
    QList<Line> wantedLines() const;
    void rebuildSeries(const QList<Line> &lines);
    // The lines' pens and antialiasing for the window's density.
    void setStrokes();
    void updateStandbyChoice();
    void replaceYAxis();
    // Each line's points over the window, decimated to the plot's width, in
    // ms since the epoch and the metric's own unit; their largest value.
    QHash<QLineSeries *, QList<QPointF>> decimatedLines(double &maximum) const;
    Axes axesFor(double span, const QString &timeTitle, double top, const QString &valueTitle) const;
    void applyAxes(const Axes &axes);
    QString seriesName(const QString &standby, LagHistory::Metric metric) const;
    // What the values are divided by for the axis, and the axis title.
    std::pair<double, QString> unitFor(double maximum) const;
    // Milliseconds per unit of the time axis, and its title.
    std::pair<double, QString> timeUnit() const;
    void askExportPng();
    void askExportCsv();
    void showExportResult(bool saved, const QString &path);

    const LagHistory *m_history;
    Kind m_kind = ByteLag;
    qint64 m_windowMs = 10 * 60 * 1000;
    bool m_paused = false;
    bool m_log = false;
    qint64 m_nowMs = 0;
    QString m_error;

    QChart *m_chart;
    QChartView *m_view;
    QValueAxis *m_xAxis; // time before the last sample, in the window's unit
    QAbstractAxis *m_yAxis = nullptr;
    Axes m_axes; // as last set, so that a redraw leaves unchanged axes alone
    QComboBox *m_kindBox;
    QComboBox *m_standbyBox;
    QComboBox *m_windowBox;
    QToolButton *m_pauseButton;
    QCheckBox *m_logBox;
    QLabel *m_message; // where an export says where it went, or why not
    QString m_focus;
    QStringList m_standbys; // the history's standbys, as the choice offers them
    QList<Line> m_lines;    // what the series show now
    QHash<QLineSeries *, Line> m_series;
};
