#include "ui/panel/slot_table_model.h"

#include "core/monitor/replication_table.h"

#include <QBrush>
#include <QColor>

SlotTableModel::SlotTableModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void SlotTableModel::setSample(const ReplicationSample &sample)
{
    bool sameRows = sample.replicationSlots.size() == m_slots.size();
    for (int i = 0; sameRows && i < m_slots.size(); ++i)
        sameRows = sample.replicationSlots.at(i).name == m_slots.at(i).name;
    if (sameRows) {
        m_slots = sample.replicationSlots;
        if (!m_slots.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_slots.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_slots = sample.replicationSlots;
    endResetModel();
}

int SlotTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_slots.size());
}

int SlotTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SlotTableModel::text(const ReplicationSample::Slot &slot, Column column) const
{
    const QString unknown = QStringLiteral("-");
    switch (column) {
    case Name:
        return slot.name;
    case Type:
        return slot.type;
    case Active:
        return slot.active ? (slot.activePid ? tr("yes (pid %1)").arg(*slot.activePid) : tr("yes")) : tr("no");
    case WalStatus:
        return slot.walStatus.isEmpty() ? unknown : slot.walStatus;
    case Retained:
        return slot.retainedBytes ? ReplicationTable::formatBytes(*slot.retainedBytes) : unknown;
    case SafeWalSize:
        return slot.safeWalSize ? ReplicationTable::formatBytes(*slot.safeWalSize) : tr("no limit");
    case InactiveSince:
        return slot.inactiveSince ? slot.inactiveSince->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                  : unknown;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SlotTableModel::color(const ReplicationSample::Slot &slot, Column column)
{
    if (column == Active && !slot.active)
        return QBrush(QColor(0x9a, 0x67, 0x00));
    if (column != WalStatus)
        return {};
    if (slot.walStatus == QLatin1String("reserved"))
        return QBrush(QColor(0x1a, 0x7f, 0x37));
    if (slot.walStatus == QLatin1String("extended"))
        return QBrush(QColor(0x9a, 0x67, 0x00));
    if (slot.walStatus == QLatin1String("unreserved") || slot.walStatus == QLatin1String("lost"))
        return QBrush(QColor(0xcf, 0x22, 0x2e));
    return {};
}

QVariant SlotTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_slots.size())
        return {};
    const auto &slot = m_slots.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return text(slot, column);
    case Qt::ForegroundRole:
        return color(slot, column);
    case Qt::TextAlignmentRole:
        return column == Retained || column == SafeWalSize ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                           : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == WalStatus)
            return tr("reserved: within max_wal_size. extended: beyond it, kept for the slot. unreserved: may be "
                      "removed at the next checkpoint. lost: removed; the standby cannot resume.");
        if (column == SafeWalSize)
            return tr("How much more WAL can be written before this slot is in danger of losing what it needs "
                      "(max_slot_wal_keep_size); no limit when that is -1.");
        return {};
    default:
        return {};
    }
}

QVariant SlotTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Slot");
    case Type:
        return tr("Type");
    case Active:
        return tr("In use");
    case WalStatus:
        return tr("WAL status");
    case Retained:
        return tr("WAL held");
    case SafeWalSize:
        return tr("Safe WAL size");
    case InactiveSince:
        return tr("Unused since");
    case ColumnCount:
        break;
    }
    return {};
}
