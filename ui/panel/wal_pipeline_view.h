#pragma once

#include "core/monitor/replication_sample.h"

#include <QWidget>

#include <array>
#include <optional>

// The WAL pipeline of each standby as one horizontal bar: from the
// primary's current position on the right back through what was sent,
// written, flushed and replayed, each stretch coloured by where that WAL
// waits (not sent yet: the sender or the network; sent but not written:
// the network; written but not flushed: the standby's disk; flushed but not
// replayed: replay). All bars share one scale, so the standby that is
// furthest behind has the longest bar, and the widest colour in a bar says
// where WAL is held up. Fed by ReplicationPanel with each sample.
class WalPipelineView : public QWidget
{
    Q_OBJECT

public:
    // The stretches of one bar, from the primary's position backwards.
    enum Stage { NotSent, Network, Disk, Replay, StageCount };

    explicit WalPipelineView(QWidget *parent = nullptr);

    void setSample(const ReplicationSample &sample);

    // Bytes in each stage for one standby of the last sample; nullopt
    // where the server did not say (a standby that sent no reply yet).
    static std::array<std::optional<qint64>, StageCount> stages(const ReplicationSample::Standby &standby);
    // "held up in replay", "caught up"...: what the bar says in words.
    static QString verdict(const ReplicationSample::Standby &standby);
    static QColor stageColor(Stage stage);
    static QString stageName(Stage stage);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintLegend(QPainter &painter, const QRect &area) const;
    void paintRow(QPainter &painter, const QRect &area, const ReplicationSample::Standby &standby, double scale) const;

    QList<ReplicationSample::Standby> m_standbys;
    bool m_primaryKnown = false;
};
