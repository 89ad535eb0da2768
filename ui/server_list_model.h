#pragma once

#include "core/monitor/replication_sample.h"

#include <QAbstractTableModel>

// The servers of the last sample (the primary first, then each standby the
// sampler watches): name, role from pg_is_in_recovery(), version, port, up
// or down, and WAL position. Shown by the demo window's servers table.
class ServerListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Role, Version, Port, Status, Wal, ColumnCount };

    explicit ServerListModel(QObject *parent = nullptr);

    void setSample(const ReplicationSample &sample);
    // The servers before the first sample arrives (all "connecting").
    void setServerNames(const QStringList &names, const QStringList &endpoints);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ReplicationSample::Server> m_servers;
    bool m_sampled = false;
};
