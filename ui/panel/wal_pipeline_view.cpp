#include "ui/panel/wal_pipeline_view.h"

#include "core/monitor/replication_table.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace {

constexpr int rowHeight = 26;
constexpr int legendHeight = 22;
constexpr int nameWidth = 120;
constexpr int verdictWidth = 260;

qint64 difference(const std::optional<qint64> &behind, const std::optional<qint64> &ahead)
{
    return std::max<qint64>(0, behind.value_or(0) - ahead.value_or(0));
}

} // namespace

WalPipelineView::WalPipelineView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("walPipeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Each bar runs from the primary's current WAL position (right) back to what the standby has "
                  "replayed (left). The widest colour is where WAL is held up."));
}

void WalPipelineView::setSample(const ReplicationSample &sample)
{
    const bool resize = sample.standbys.size() != m_standbys.size();
    m_standbys = sample.standbys;
    m_primaryKnown = sample.primary.reachable;
    if (resize)
        updateGeometry();
    update();
}

std::array<std::optional<qint64>, WalPipelineView::StageCount>
WalPipelineView::stages(const ReplicationSample::Standby &standby)
{
    std::array<std::optional<qint64>, StageCount> result;
    if (!standby.sentLagBytes)
        return result;
    result[NotSent] = std::max<qint64>(0, *standby.sentLagBytes);
    if (standby.writeLagBytes)
        result[Network] = difference(standby.writeLagBytes, standby.sentLagBytes);
    if (standby.writeLagBytes && standby.flushLagBytes)
        result[Disk] = difference(standby.flushLagBytes, standby.writeLagBytes);
    if (standby.flushLagBytes && standby.byteLag)
        result[Replay] = difference(standby.byteLag, standby.flushLagBytes);
    return result;
}

QString WalPipelineView::verdict(const ReplicationSample::Standby &standby)
{
    const auto parts = stages(standby);
    if (!standby.byteLag)
        return tr("position unknown");
    if (*standby.byteLag <= 0)
        return tr("caught up");
    int worst = NotSent;
    for (int stage = NotSent; stage < StageCount; ++stage)
        if (parts[size_t(stage)].value_or(0) > parts[size_t(worst)].value_or(0))
            worst = stage;
    return tr("%1 behind, most in %2").arg(ReplicationTable::formatBytes(*standby.byteLag), stageName(Stage(worst)));
}

QColor WalPipelineView::stageColor(Stage stage)
{
    switch (stage) {
    case NotSent:
        return QColor(0x8c, 0x95, 0x9f);
    case Network:
        return QColor(0x09, 0x69, 0xda);
    case Disk:
        return QColor(0xd4, 0xa7, 0x2c);
    case Replay:
        return QColor(0xcf, 0x22, 0x2e);
    case StageCount:
        break;
    }
    return {};
}

QString WalPipelineView::stageName(Stage stage)
{
    switch (stage) {
    case NotSent:
        return tr("not sent yet");
    case Network:
        return tr("the network");
    case Disk:
        return tr("the standby's disk");
    case Replay:
        return tr("replay");
    case StageCount:
        break;
    }
    return {};
}

QSize WalPipelineView::sizeHint() const
{
    return {640, minimumSizeHint().height()};
}

QSize WalPipelineView::minimumSizeHint() const
{
    return {nameWidth + verdictWidth + 120,
            legendHeight + rowHeight * int(std::max<qsizetype>(1, m_standbys.size())) + 4};
}

void WalPipelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    paintLegend(painter, QRect(0, 0, width(), legendHeight));
    if (m_standbys.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRect(0, legendHeight, width(), rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         m_primaryKnown ? tr("No standby streams from the primary.")
                                        : tr("Unknown: the primary does not answer."));
        return;
    }
    // One scale for all bars: the furthest-behind standby fills the width.
    qint64 longest = 0;
    for (const auto &standby : std::as_const(m_standbys))
        longest = std::max(longest, standby.byteLag.value_or(0));
    const int barWidth = std::max(40, width() - nameWidth - verdictWidth - 16);
    const double scale = longest > 0 ? double(barWidth) / double(longest) : 0.0;
    int y = legendHeight;
    for (const auto &standby : std::as_const(m_standbys)) {
        paintRow(painter, QRect(0, y, width(), rowHeight), standby, scale);
        y += rowHeight;
    }
}

void WalPipelineView::paintLegend(QPainter &painter, const QRect &area) const
{
    int x = nameWidth;
    const QFontMetrics metrics(font());
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(0, area.top(), nameWidth, area.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("WAL waiting in:"));
    for (int stage = NotSent; stage < StageCount; ++stage) {
        const QRect swatch(x, area.center().y() - 5, 14, 10);
        painter.fillRect(swatch, stageColor(Stage(stage)));
        const QString label = stageName(Stage(stage));
        painter.drawText(QPoint(x + 19, area.center().y() + metrics.ascent() / 2 - 1), label);
        x += 19 + metrics.horizontalAdvance(label) + 16;
    }
}

void WalPipelineView::paintRow(QPainter &painter, const QRect &area, const ReplicationSample::Standby &standby,
                               double scale) const
{
    const QPalette &colors = palette();
    painter.setPen(colors.color(QPalette::WindowText));
    painter.drawText(QRect(area.left(), area.top(), nameWidth - 8, area.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(standby.applicationName, Qt::ElideRight, nameWidth - 8));
    const int barLeft = area.left() + nameWidth;
    const int barRight = area.right() - verdictWidth - 8;
    const QRectF track(barLeft, area.top() + 6, barRight - barLeft, area.height() - 12);
    QPainterPath rounded;
    rounded.addRoundedRect(track, 3, 3);
    const bool caughtUp = standby.byteLag.value_or(-1) == 0;
    // Nothing held up: a calm green track rather than an empty one.
    painter.fillPath(rounded, caughtUp ? QColor(0x1a, 0x7f, 0x37, 45) : colors.color(QPalette::AlternateBase));
    painter.save();
    painter.setClipPath(rounded);
    // From the primary's position (right) backwards: not sent, network, disk, replay.
    const auto parts = stages(standby);
    double right = track.right();
    for (int stage = NotSent; stage < StageCount; ++stage) {
        const qint64 bytes = parts[size_t(stage)].value_or(0);
        if (bytes <= 0)
            continue;
        const double width = std::max(3.0, double(bytes) * scale); // a few bytes still show
        painter.fillRect(QRectF(right - width, track.top(), width, track.height()), stageColor(Stage(stage)));
        right -= width;
    }
    painter.restore();
    // The primary's position: a mark at the right end of every bar.
    painter.setPen(QPen(colors.color(QPalette::WindowText), 2));
    painter.drawLine(QPointF(track.right(), track.top() - 3), QPointF(track.right(), track.bottom() + 3));

    painter.setPen(caughtUp ? QColor(0x1a, 0x7f, 0x37) : colors.color(QPalette::WindowText));
    painter.drawText(QRect(barRight + 10, area.top(), verdictWidth, area.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     verdict(standby));
}
