#pragma once

#include "core/monitor/replication_sample.h"

#include <QAbstractTableModel>
#include <QColor>

// pg_stat_replication of the last sample, one row per standby, for a
// QTableView: the demo window and, later, the replication panel. Headers
// and cell texts come from ReplicationTable, so the window shows what
// `replicactl status` prints; the model adds alignment, colours and tooltips.
class ReplicationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit ReplicationTableModel(QObject *parent = nullptr);

    void setSample(const ReplicationSample &sample);
    // How commits treat a standby: sync green, quorum teal, potential amber,
    // async grey (the replication panel's topology strip uses the same).
    static QColor syncStateColor(const QString &syncState);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ReplicationSample::Standby> m_standbys;
};
