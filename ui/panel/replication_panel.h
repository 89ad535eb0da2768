#pragma once

#include "core/monitor/lag_history.h"
#include "core/monitor/replication_sample.h"

#include <QWidget>

#include <functional>

class CompactTableView;
class LagChart;
class ProblemBanner;
class QLabel;
class ReplicationSampler;
class ReplicationTableModel;
class SlotTableModel;
class TopologyStrip;
class WalPipelineView;

// The replication panel for the engineer on call: alerts in banners with
// what to do, the cluster's shape (TopologyStrip), a table of standbys
// (state and sync_state coloured) with each one's WAL pipeline
// (WalPipelineView), the slots and the archiver, and the lag history
// (LagChart over the panel's own LagHistory). It only listens to the
// ReplicationSampler it is given (which the window owns, configures and
// starts); it never queries a server itself.
class ReplicationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReplicationPanel(ReplicationSampler *sampler, QWidget *parent = nullptr);
    ~ReplicationPanel() override;

    // Advice for this kind of cluster on top of the sampler's sentences (the
    // demo sandbox names its `replicactl sandbox` commands); shown under the
    // alerts. Called with each sample.
    void setHintProvider(std::function<QString(const ReplicationSample &)> hintFor) { m_hintFor = std::move(hintFor); }

    // Everything shown comes from here; exposed for tests and the benchmark.
    void showSample(const ReplicationSample &sample);
    const LagHistory &history() const { return m_history; }

    ProblemBanner *banner() const { return m_banner; }
    TopologyStrip *topology() const { return m_topology; }
    CompactTableView *standbyTable() const { return m_standbyTable; }
    WalPipelineView *pipeline() const { return m_pipeline; }
    CompactTableView *slotTable() const { return m_slotTable; }
    QLabel *archiverLine() const { return m_archiver; }
    LagChart *chart() const { return m_chart; }

private:
    QWidget *buildTables();
    void showArchiver(const ReplicationSample &sample);

    LagHistory m_history;
    std::function<QString(const ReplicationSample &)> m_hintFor;
    ReplicationTableModel *m_standbys;
    SlotTableModel *m_slots;
    ProblemBanner *m_banner;
    TopologyStrip *m_topology;
    CompactTableView *m_standbyTable = nullptr;
    QLabel *m_noStandby = nullptr;
    WalPipelineView *m_pipeline = nullptr;
    CompactTableView *m_slotTable = nullptr;
    QLabel *m_noSlot = nullptr;
    QLabel *m_archiver = nullptr;
    LagChart *m_chart;
    QLabel *m_updated;
};
