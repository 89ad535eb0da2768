#include "ui/panel/topology_strip.h"

#include "core/monitor/replication_table.h"
#include "ui/replication_table_model.h"

#include <QPainter>
#include <QPainterPath>

namespace {

constexpr double boxHeight = 46;
constexpr double primaryWidth = 290;
constexpr double nodeWidth = 150;
constexpr double gap = 14;
constexpr double arrowLength = 56;

} // namespace

TopologyStrip::TopologyStrip(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("topologyStrip"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void TopologyStrip::setSample(const ReplicationSample &sample)
{
    const auto &primary = sample.primary;
    m_primaryName = primary.name;
    m_primaryUp = primary.reachable;
    m_syncNames = primary.synchronousStandbyNames;
    if (!primary.reachable) {
        m_primaryDetail = tr("does not answer");
    } else {
        m_primaryDetail = tr("PostgreSQL %1").arg(ReplicationTable::formatVersion(primary.serverVersionNum));
        if (primary.walBytesPerSecond)
            m_primaryDetail += tr(", WAL %1/s").arg(ReplicationTable::formatBytes(qint64(*primary.walBytesPerSecond)));
        if (primary.commitsWaiting.value_or(0) > 0)
            m_primaryDetail = tr("commits stuck waiting for a standby: %1").arg(*primary.commitsWaiting);
    }
    m_primaryWaiting = primary.commitsWaiting.value_or(0) > 0;
    m_nodes.clear();
    for (const auto &standby : sample.standbys) {
        Node node;
        node.name = standby.applicationName;
        node.detail = standby.syncState.isEmpty()
                          ? standby.state
                          : QStringLiteral("%1 (%2)").arg(standby.syncState).arg(standby.syncPriority);
        if (standby.state != QLatin1String("streaming"))
            node.detail += QStringLiteral(", ") + standby.state;
        node.color = ReplicationTableModel::syncStateColor(standby.syncState);
        m_nodes << node;
    }
    for (const auto &server : sample.standbyServers) {
        if (sample.standby(server.name) || sample.standbyFrom(server.address) || server.connecting)
            continue;
        m_nodes << Node{server.name, server.reachable ? tr("not streaming") : tr("down"), QColor(0xcf, 0x22, 0x2e),
                        true};
    }
    updateGeometry();
    update();
}

QSize TopologyStrip::sizeHint() const
{
    return {int(primaryWidth + arrowLength + (nodeWidth + gap) * double(qMax<qsizetype>(1, m_nodes.size()))),
            int(boxHeight) + 26};
}

QSize TopologyStrip::minimumSizeHint() const
{
    return {int(primaryWidth + arrowLength + nodeWidth), int(boxHeight) + 26};
}

void TopologyStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF primaryBox(1, 1, primaryWidth, boxHeight);
    paintPrimary(painter, primaryBox);

    // The standbys in a row; those that do not fit are summed up.
    const double first = primaryBox.right() + arrowLength;
    const int fit = qMax(1, int((width() - first) / (nodeWidth + gap)));
    const double midY = primaryBox.center().y();
    painter.setPen(QPen(palette().color(QPalette::WindowText), 1.6));
    painter.drawLine(QPointF(primaryBox.right(), midY), QPointF(first - 8, midY));
    QPainterPath head;
    head.moveTo(first - 2, midY);
    head.lineTo(first - 11, midY - 5);
    head.lineTo(first - 11, midY + 5);
    head.closeSubpath();
    painter.fillPath(head, palette().color(QPalette::WindowText));
    for (int i = 0; i < m_nodes.size() && i < fit; ++i) {
        Node node = m_nodes.at(i);
        if (i == fit - 1 && m_nodes.size() > fit)
            node = Node{tr("%1 more").arg(m_nodes.size() - fit + 1), tr("see the table"), QColor(0x57, 0x60, 0x6a)};
        paintNode(painter, QRectF(first + i * (nodeWidth + gap), 1, nodeWidth, boxHeight), node);
    }
    if (m_nodes.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRectF(first, 1, width() - first, boxHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         m_primaryUp ? tr("no standby") : tr("unknown"));
    }
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRectF(1, boxHeight + 4, width() - 2, 20), Qt::AlignLeft | Qt::AlignVCenter,
                     m_syncNames.isEmpty()
                         ? tr("Asynchronous: synchronous_standby_names is empty; commits do not wait for a standby.")
                         : tr("Synchronous: synchronous_standby_names = '%1'").arg(m_syncNames));
}

void TopologyStrip::paintPrimary(QPainter &painter, const QRectF &box) const
{
    paintNode(painter, box,
              Node{m_primaryName.isEmpty() ? tr("primary") : m_primaryName, m_primaryDetail,
                   m_primaryUp && !m_primaryWaiting ? palette().color(QPalette::WindowText) : QColor(0xcf, 0x22, 0x2e),
                   !m_primaryUp});
}

void TopologyStrip::paintNode(QPainter &painter, const QRectF &box, const Node &node)
{
    QPainterPath path;
    path.addRoundedRect(box.adjusted(1, 1, -1, -1), 6, 6);
    QColor fill = node.color;
    fill.setAlpha(28);
    painter.fillPath(path, fill);
    QPen border(node.color, 1.6);
    if (node.missing)
        border.setStyle(Qt::DashLine);
    painter.setPen(border);
    painter.drawPath(path);
    QFont bold = painter.font();
    bold.setBold(true);
    painter.save();
    painter.setFont(bold);
    painter.setPen(QColor(0x1f, 0x23, 0x28));
    const QRectF inner = box.adjusted(10, 4, -8, -4);
    painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), inner.height() / 2),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(node.name, Qt::ElideRight, int(inner.width())));
    painter.restore();
    painter.setPen(node.color);
    painter.drawText(QRectF(inner.left(), inner.center().y(), inner.width(), inner.height() / 2),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(node.detail, Qt::ElideRight, int(inner.width())));
}
