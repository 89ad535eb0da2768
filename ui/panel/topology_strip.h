#pragma once

#include "core/monitor/replication_sample.h"

#include <QWidget>

// The shape of the cluster in one line: the primary (version, WAL rate,
// synchronous_standby_names) and an arrow to each standby, marked with how
// commits treat it (sync, quorum, potential, async), and the standbys the
// panel watches that do not stream, in red. Fed by ReplicationPanel.
class TopologyStrip : public QWidget
{
    Q_OBJECT

public:
    explicit TopologyStrip(QWidget *parent = nullptr);

    void setSample(const ReplicationSample &sample);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Node
    {
        QString name;
        QString detail; // "sync (1)", "not streaming"
        QColor color;
        bool missing = false;
    };

    void paintPrimary(QPainter &painter, const QRectF &box) const;
    static void paintNode(QPainter &painter, const QRectF &box, const Node &node);

    QString m_primaryName;
    QString m_primaryDetail;
    QString m_syncNames;
    bool m_primaryUp = false;
    bool m_primaryWaiting = false; // commits wait for a synchronous standby
    QList<Node> m_nodes;
};
