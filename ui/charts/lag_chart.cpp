#include "ui/charts/lag_chart.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace {

// The colour of a line is its stage of the WAL pipeline, the same as in the
// panel's pipeline bars: not sent grey, written blue, flushed amber,
// replayed red; the WAL rate dark.
QColor metricColor(LagHistory::Metric metric)
{
    switch (metric) {
    case LagHistory::SentLagBytes:
        return {0x8c, 0x95, 0x9f};
    case LagHistory::WriteLagBytes:
    case LagHistory::WriteLagMs:
        return {0x09, 0x69, 0xda};
    case LagHistory::FlushLagBytes:
    case LagHistory::FlushLagMs:
        return {0xd4, 0xa7, 0x2c};
    case LagHistory::ByteLag:
    case LagHistory::ReplayLagMs:
        return {0xcf, 0x22, 0x2e};
    default:
        return {0x24, 0x29, 0x2f};
    }
}

// With every standby on one chart, each has its hue (solid strokes: dashes
// cost the raster engine ten times more on a day of data).
QColor standbyColor(int index)
{
    static const QColor colors[] = {QColor(0xcf, 0x22, 0x2e), QColor(0x09, 0x69, 0xda), QColor(0x1a, 0x7f, 0x37),
                                    QColor(0x82, 0x50, 0xdf), QColor(0xbc, 0x4c, 0x00), QColor(0x0a, 0x7e, 0xa4),
                                    QColor(0xbf, 0x39, 0x89), QColor(0x57, 0x60, 0x6a)};
    return colors[index % int(std::size(colors))];
}

// The smallest value a log axis shows: zero has no place on it.
constexpr double logFloor = 0.001;

// A round figure (1, 2 or 5 times a power of ten) near x: at or above it
// with `ceiling`, else the closest. The rule of QValueAxis::applyNiceNumbers(),
// done here so that a redraw sets the axis range once, not twice.
double niceNumber(double x, bool ceiling)
{
    const double power = std::pow(10.0, std::floor(std::log10(x)));
    const double q = x / power;
    if (ceiling)
        return (q <= 1.0 ? 1.0 : q <= 2.0 ? 2.0 : q <= 5.0 ? 5.0 : 10.0) * power;
    return (q < 1.5 ? 1.0 : q < 3.0 ? 2.0 : q < 7.0 ? 5.0 : 10.0) * power;
}

// A value axis from zero to a round figure at or above `top` (> 0) with
// about `ticks` ticks on round steps: the top and the tick count.
std::pair<double, int> niceRange(double top, int ticks)
{
    const double step = niceNumber(niceNumber(top, true) / (ticks - 1), false);
    const double steps = std::ceil(top / step);
    return {steps * step, int(steps) + 1};
}

} // namespace

LagChart::LagChart(const LagHistory *history, QWidget *parent)
    : QWidget(parent), m_history(history), m_chart(new QChart), m_view(new QChartView(m_chart, this)),
      m_xAxis(new QValueAxis(m_chart)), m_kindBox(new QComboBox(this)), m_standbyBox(new QComboBox(this)),
      m_windowBox(new QComboBox(this)), m_pauseButton(new QToolButton(this)),
      m_logBox(new QCheckBox(tr("&Log scale"), this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("lagChart"));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_xAxis->setLabelFormat(QStringLiteral("%g"));
    m_xAxis->setTickCount(7);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    setStrokes();
    m_view->setMinimumHeight(300); // room for the value axis title beside a plot of useful height
    buildControls();
    replaceYAxis();
}

LagChart::~LagChart() = default;

void LagChart::buildControls()
{
    m_kindBox->addItem(tr("Byte lag"), ByteLag);
    m_kindBox->addItem(tr("Time lag"), TimeLag);
    m_kindBox->addItem(tr("WAL rate of the primary"), WalRate);
    m_kindBox->setToolTip(
        tr("What to draw: how many bytes each standby is behind (sent, written, flushed, "
           "replayed), how long its write, flush and replay take, or how fast the primary writes WAL."));
    m_windowBox->addItem(tr("Last minute"), qint64(60 * 1000));
    m_windowBox->addItem(tr("Last 10 minutes"), qint64(10 * 60 * 1000));
    m_windowBox->addItem(tr("Last hour"), qint64(3600 * 1000));
    m_windowBox->addItem(tr("Last 24 hours"), qint64(24 * 3600 * 1000));
    m_windowBox->setCurrentIndex(1);
    m_pauseButton->setText(tr("&Pause"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setIcon(QIcon::fromTheme(QStringLiteral("media-playback-pause")));
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_pauseButton->setToolTip(
        tr("Freeze the chart to read it; sampling goes on and the chart catches up when resumed."));
    m_logBox->setToolTip(tr("A log scale shows small and large lags together; zero is drawn at the bottom line."));
    auto *png = new QPushButton(tr("Export PN&G..."), this);
    png->setToolTip(tr("Save the chart as it is shown as a PNG image."));
    auto *csv = new QPushButton(tr("Export &CSV..."), this);
    csv->setToolTip(
        tr("Save the history of the shown time window (every series, minimum, average and maximum) as CSV."));

    connect(m_kindBox, &QComboBox::currentIndexChanged, this,
            [this] { setKind(Kind(m_kindBox->currentData().toInt())); });
    m_standbyBox->addItem(tr("All standbys (replay)"), QString());
    for (QComboBox *box : {m_kindBox, m_standbyBox, m_windowBox})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_standbyBox->setToolTip(tr("Every standby's replay lag together, or one standby's whole pipeline: how far "
                                "behind what it was sent, wrote, flushed and replayed is."));
    connect(m_standbyBox, &QComboBox::currentIndexChanged, this,
            [this] { setFocusStandby(m_standbyBox->currentData().toString()); });
    connect(m_windowBox, &QComboBox::currentIndexChanged, this,
            [this] { setWindowMs(m_windowBox->currentData().toLongLong()); });
    connect(m_pauseButton, &QToolButton::toggled, this, &LagChart::setPaused);
    connect(m_logBox, &QCheckBox::toggled, this, &LagChart::setLogScale);
    connect(png, &QPushButton::clicked, this, &LagChart::askExportPng);
    connect(csv, &QPushButton::clicked, this, &LagChart::askExportCsv);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_kindBox);
    controls->addWidget(m_standbyBox);
    controls->addWidget(m_windowBox);
    controls->addWidget(m_pauseButton);
    controls->addWidget(m_logBox);
    controls->addStretch();
    controls->addWidget(png);
    controls->addWidget(csv);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
}

void LagChart::setKind(Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    m_kindBox->setCurrentIndex(m_kindBox->findData(kind));
    redraw();
}

void LagChart::setWindowMs(qint64 ms)
{
    m_windowMs = ms;
    setStrokes();
    const int index = m_windowBox->findData(ms);
    if (index >= 0)
        m_windowBox->setCurrentIndex(index);
    redraw();
}

void LagChart::setPaused(bool paused)
{
    m_paused = paused;
    m_pauseButton->setChecked(paused);
    m_pauseButton->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_pauseButton->setIcon(
        QIcon::fromTheme(paused ? QStringLiteral("media-playback-start") : QStringLiteral("media-playback-pause")));
    if (!paused)
        redraw();
}

void LagChart::setLogScale(bool log)
{
    if (log == m_log)
        return;
    m_log = log;
    m_logBox->setChecked(log);
    replaceYAxis();
    redraw();
}

void LagChart::replaceYAxis()
{
    if (m_yAxis) {
        m_chart->removeAxis(m_yAxis);
        delete m_yAxis;
    }
    for (QLineSeries *series : m_series.keys())
        series->clear(); // zeros have no place on a log axis; redraw() refills
    if (m_log) {
        auto *axis = new QLogValueAxis(m_chart);
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setBase(10);
        axis->setMinorTickCount(-1);
        m_yAxis = axis;
    } else {
        auto *axis = new QValueAxis(m_chart);
        axis->setLabelFormat(QStringLiteral("%.4g"));
        axis->setTickCount(5);
        m_yAxis = axis;
    }
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    for (QLineSeries *series : m_series.keys())
        series->attachAxis(m_yAxis);
    m_axes = Axes(); // the new axis has none of the old one's range
}

QList<LagChart::Line> LagChart::wantedLines() const
{
    if (m_kind == WalRate)
        return {Line{LagHistory::primarySeries(), LagHistory::WalBytesPerSecond}};
    QList<Line> lines;
    if (m_focus.isEmpty()) {
        // Every standby, by what its readers see: the replay lag.
        for (const QString &standby : m_standbys)
            lines << Line{standby, m_kind == ByteLag ? LagHistory::ByteLag : LagHistory::ReplayLagMs};
        return lines;
    }
    // One standby, each stage of its pipeline.
    const QList<LagHistory::Metric> stages =
        m_kind == ByteLag
            ? QList<LagHistory::Metric>{LagHistory::SentLagBytes, LagHistory::WriteLagBytes, LagHistory::FlushLagBytes,
                                        LagHistory::ByteLag}
            : QList<LagHistory::Metric>{LagHistory::WriteLagMs, LagHistory::FlushLagMs, LagHistory::ReplayLagMs};
    for (const LagHistory::Metric metric : stages)
        lines << Line{m_focus, metric};
    return lines;
}

QString LagChart::seriesName(const QString &standby, LagHistory::Metric metric) const
{
    switch (metric) {
    case LagHistory::SentLagBytes:
        return tr("%1 sent").arg(standby);
    case LagHistory::WriteLagBytes:
    case LagHistory::WriteLagMs:
        return tr("%1 write").arg(standby);
    case LagHistory::FlushLagBytes:
    case LagHistory::FlushLagMs:
        return tr("%1 flush").arg(standby);
    case LagHistory::ByteLag:
    case LagHistory::ReplayLagMs:
        return tr("%1 replay").arg(standby);
    default:
        return tr("WAL written by the primary");
    }
}

void LagChart::rebuildSeries(const QList<Line> &lines)
{
    m_chart->removeAllSeries(); // deletes them
    m_series.clear();
    m_lines = lines;
    for (int i = 0; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        auto *series = new QLineSeries;
        series->setName(m_focus.isEmpty() && m_kind != WalRate ? line.standby : seriesName(line.standby, line.metric));
        series->setPen(QPen(m_focus.isEmpty() && m_kind != WalRate ? standbyColor(i) : metricColor(line.metric)));
        m_chart->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
        m_series.insert(series, line);
    }
    setStrokes();
}

void LagChart::setStrokes()
{
    // Wide antialiased strokes read best, but the raster engine outlines a
    // wide pen segment by segment, and antialiasing doubles the cost again:
    // several times a 1 px cosmetic line's. Only the last minute's few
    // points can afford them.
    const bool wide = m_windowMs <= 2 * 60 * 1000;
    m_view->setRenderHint(QPainter::Antialiasing, wide);
    for (QLineSeries *series : m_series.keys()) {
        QPen pen = series->pen();
        pen.setWidthF(wide ? 1.8 : 1.0);
        pen.setCosmetic(!wide);
        series->setPen(pen);
    }
}

void LagChart::updateStandbyChoice()
{
    const QStringList standbys = m_history->standbys();
    if (standbys == m_standbys)
        return;
    m_standbys = standbys;
    const QSignalBlocker quiet(m_standbyBox);
    m_standbyBox->clear();
    m_standbyBox->addItem(tr("All standbys (replay)"), QString());
    for (const QString &standby : standbys)
        m_standbyBox->addItem(tr("%1, every stage").arg(standby), standby);
    const int kept = m_standbyBox->findData(m_focus);
    m_standbyBox->setCurrentIndex(qMax(0, kept));
    if (kept < 0)
        m_focus.clear();
}

void LagChart::setFocusStandby(const QString &standby)
{
    m_focus = standby;
    const int index = m_standbyBox->findData(standby);
    if (index >= 0)
        m_standbyBox->setCurrentIndex(index);
    redraw();
}

std::pair<double, QString> LagChart::unitFor(double maximum) const
{
    if (m_kind == TimeLag) {
        if (maximum >= 2000)
            return {1000.0, tr("Lag (s)")};
        return {1.0, tr("Lag (ms)")};
    }
    const QString what = m_kind == WalRate ? tr("WAL per second (%1)") : tr("Behind the primary (%1)");
    if (maximum >= 2.0 * (1 << 30))
        return {double(1 << 30), what.arg(tr("GB"))};
    if (maximum >= 2.0 * (1 << 20))
        return {double(1 << 20), what.arg(tr("MB"))};
    if (maximum >= 2.0 * (1 << 10))
        return {double(1 << 10), what.arg(tr("kB"))};
    return {1.0, what.arg(tr("bytes"))};
}

void LagChart::refresh(qint64 nowMs)
{
    m_nowMs = nowMs;
    if (!m_paused)
        redraw();
}

void LagChart::redraw()
{
    if (!m_history || m_nowMs == 0)
        return;
    updateStandbyChoice();
    m_standbyBox->setEnabled(m_kind != WalRate);
    if (const QList<Line> lines = wantedLines(); lines != m_lines)
        rebuildSeries(lines);

    double maximum = 0;
    QHash<QLineSeries *, QList<QPointF>> points = decimatedLines(maximum);
    // Time runs to the right, ending now: "minutes ago" reads without a clock.
    const auto [ago, agoTitle] = timeUnit();
    const auto [unit, title] = unitFor(maximum);
    for (auto it = points.begin(); it != points.end(); ++it) {
        for (QPointF &point : it.value()) {
            point.setX((point.x() - double(m_nowMs)) / ago);
            point.setY(m_log ? std::max(point.y() / unit, logFloor) : point.y() / unit);
        }
    }
    // Every change of an axis lays out every line again (its path and the
    // stroked shape Qt Charts keeps for the mouse): the old lines go first,
    // so that only the new ones are laid out, once.
    const Axes axes = axesFor(double(m_windowMs) / ago, agoTitle, maximum / unit, title);
    if (axes != m_axes) {
        for (QLineSeries *series : points.keys())
            series->clear();
        applyAxes(axes);
    }
    for (auto it = points.cbegin(); it != points.cend(); ++it)
        it.key()->replace(it.value());
}

QHash<QLineSeries *, QList<QPointF>> LagChart::decimatedLines(double &maximum) const
{
    const qint64 from = m_nowMs - m_windowMs;
    // Two points (minimum, maximum) per column of three pixels: every peak
    // stays, and a day of 8 standbys paints within a frame (each point
    // costs Qt Charts a path element and a stroked outline, and its pixels).
    const int columns = qMax(50, int(m_chart->plotArea().width()) / 3);
    QHash<QLineSeries *, QList<QPointF>> points;
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
        QList<QPointF> line = m_history->decimated(it->standby, it->metric, from, m_nowMs, columns);
        for (const QPointF &point : std::as_const(line))
            maximum = std::max(maximum, point.y());
        points.insert(it.key(), std::move(line));
    }
    return points;
}

LagChart::Axes LagChart::axesFor(double span, const QString &timeTitle, double top, const QString &valueTitle) const
{
    Axes axes;
    axes.span = span;
    // Ticks on round figures: every 10 s, 1 min, 10 min or 3 h.
    axes.timeTicks = span == 10.0 ? 11 : span == 24.0 ? 9 : 7;
    axes.timeTitle = timeTitle;
    axes.valueTitle = valueTitle;
    top = top > 0 ? top * 1.1 : 1.0;
    if (m_log) {
        axes.low = logFloor;
        axes.high = std::max(top, 1.0);
    } else {
        std::tie(axes.high, axes.valueTicks) = niceRange(top, 5);
    }
    return axes;
}

void LagChart::applyAxes(const Axes &axes)
{
    m_axes = axes;
    m_xAxis->setTickCount(axes.timeTicks);
    m_xAxis->setRange(-axes.span, 0.0);
    m_xAxis->setTitleText(axes.timeTitle);
    m_yAxis->setTitleText(axes.valueTitle);
    m_yAxis->setRange(axes.low, axes.high);
    if (auto *linear = qobject_cast<QValueAxis *>(m_yAxis))
        linear->setTickCount(axes.valueTicks);
}

std::pair<double, QString> LagChart::timeUnit() const
{
    if (m_windowMs <= 2 * 60 * 1000)
        return {1000.0, tr("Seconds ago")};
    if (m_windowMs <= 2 * 3600 * 1000)
        return {60 * 1000.0, tr("Minutes ago")};
    return {3600 * 1000.0, tr("Hours ago")};
}

QList<QPointF> LagChart::seriesPoints(const QString &standby, LagHistory::Metric metric) const
{
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it)
        if (it->standby == standby && it->metric == metric)
            return it.key()->points();
    return {};
}

bool LagChart::exportPng(const QString &path)
{
    if (m_view->grab().save(path, "PNG"))
        return true;
    m_error = tr("The chart could not be saved to %1. Choose a folder you can write to.").arg(path);
    return false;
}

bool LagChart::exportCsv(const QString &path)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(m_history->toCsv(m_nowMs - m_windowMs, m_nowMs)) >= 0 &&
        file.commit())
        return true;
    m_error =
        tr("The history could not be saved to %1: %2. Choose a folder you can write to.").arg(path, file.errorString());
    return false;
}

void LagChart::askExportPng()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the chart as PNG"),
                                                      QStringLiteral("replication-lag.png"), tr("PNG images (*.png)"));
    if (!path.isEmpty())
        showExportResult(exportPng(path), path);
}

void LagChart::askExportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the history as CSV"),
                                                      QStringLiteral("replication-lag.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        showExportResult(exportCsv(path), path);
}

void LagChart::showExportResult(bool saved, const QString &path)
{
    m_message->setText(saved ? tr("Saved to %1.").arg(path) : m_error);
    m_message->setStyleSheet(saved ? QString() : QStringLiteral("color: #a40e26;"));
    m_message->show();
}
