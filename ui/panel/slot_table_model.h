#pragma once

#include "core/monitor/replication_sample.h"

#include <QAbstractTableModel>

// pg_replication_slots of the last sample for the panel's slot table: in
// use or not (and by which process), wal_status coloured from reserved
// (green) to lost (red), the WAL each slot holds back, how much more it may
// hold (safe_wal_size, 13+) and since when it is unused (17+).
class SlotTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Type, Active, WalStatus, Retained, SafeWalSize, InactiveSince, ColumnCount };

    explicit SlotTableModel(QObject *parent = nullptr);

    void setSample(const ReplicationSample &sample);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const ReplicationSample::Slot &slot, Column column) const;
    static QVariant color(const ReplicationSample::Slot &slot, Column column);

    QList<ReplicationSample::Slot> m_slots;
};
