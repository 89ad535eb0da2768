#include "ui/replication_table_model.h"

#include "core/monitor/replication_table.h"

#include <QBrush>
#include <QColor>

namespace {

// Figures (byte and time lags) line up on the right, under their headers.
QVariant alignment(ReplicationTable::Column column)
{
    if (column >= ReplicationTable::ByteLag)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
}

} // namespace

ReplicationTableModel::ReplicationTableModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ReplicationTableModel::setSample(const ReplicationSample &sample)
{
    // Same standbys as before (the usual case, every second): update the
    // cells in place so that selection and scrolling stay put.
    bool sameRows = sample.standbys.size() == m_standbys.size();
    for (int i = 0; sameRows && i < m_standbys.size(); ++i)
        sameRows = sample.standbys.at(i).applicationName == m_standbys.at(i).applicationName &&
                   sample.standbys.at(i).pid == m_standbys.at(i).pid;
    if (sameRows) {
        m_standbys = sample.standbys;
        if (!m_standbys.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_standbys.size()) - 1, ReplicationTable::ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_standbys = sample.standbys;
    endResetModel();
}

int ReplicationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_standbys.size());
}

int ReplicationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ReplicationTable::ColumnCount;
}

QVariant ReplicationTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_standbys.size())
        return {};
    const auto &standby = m_standbys.at(index.row());
    const auto column = ReplicationTable::Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return ReplicationTable::cell(standby, column);
    case Qt::TextAlignmentRole:
        return alignment(column);
    case Qt::ForegroundRole:
        if (column == ReplicationTable::State)
            return QBrush(standby.state == QLatin1String("streaming") ? QColor(0x1a, 0x7f, 0x37)
                                                                      : QColor(0xb0, 0x5a, 0x00));
        if (column == ReplicationTable::SyncState)
            return QBrush(syncStateColor(standby.syncState));
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case ReplicationTable::ByteLag:
            return tr("WAL the primary has written that this standby has not replayed yet.");
        case ReplicationTable::WriteLag:
        case ReplicationTable::FlushLag:
        case ReplicationTable::ReplayLag:
            return tr("Time between a commit on the primary and this standby's report of it; empty while "
                      "the standby has nothing to catch up on.");
        case ReplicationTable::SyncState:
            return tr("sync: commits on the primary wait for this standby. quorum: they wait for enough of the "
                      "quorum standbys. potential: it takes over when a sync standby goes. async: commits do not "
                      "wait for it. The number is sync_priority.");
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ReplicationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ReplicationTable::ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = ReplicationTable::Column(section);
    if (role == Qt::TextAlignmentRole)
        return alignment(column);
    if (role == Qt::DisplayRole)
        return ReplicationTable::header(column);
    return QAbstractTableModel::headerData(section, orientation, role);
}

// How commits treat the standby: sync green, quorum teal, potential amber,
// async grey (the replication panel's topology strip uses the same).
QColor ReplicationTableModel::syncStateColor(const QString &syncState)
{
    if (syncState == QLatin1String("sync"))
        return {0x1a, 0x7f, 0x37};
    if (syncState == QLatin1String("quorum"))
        return {0x0a, 0x7e, 0xa4};
    if (syncState == QLatin1String("potential"))
        return {0x9a, 0x67, 0x00};
    return {0x57, 0x60, 0x6a};
}
