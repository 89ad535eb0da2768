#include "ui/panel/replication_panel.h"

#include "core/monitor/replication_sampler.h"
#include "core/monitor/replication_table.h"
#include "ui/charts/lag_chart.h"
#include "ui/panel/compact_table_view.h"
#include "ui/panel/slot_table_model.h"
#include "ui/panel/topology_strip.h"
#include "ui/panel/wal_pipeline_view.h"
#include "ui/problem_banner.h"
#include "ui/replication_table_model.h"

#include <QGroupBox>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

ReplicationPanel::ReplicationPanel(ReplicationSampler *sampler, QWidget *parent)
    : QWidget(parent), m_standbys(new ReplicationTableModel(this)), m_slots(new SlotTableModel(this)),
      m_banner(new ProblemBanner(this)), m_topology(new TopologyStrip(this)), m_chart(new LagChart(&m_history, this)),
      m_updated(new QLabel(tr("Connecting to the servers..."), this))
{
    setObjectName(QStringLiteral("replicationPanel"));
    m_updated->setForegroundRole(QPalette::PlaceholderText);

    auto *chartBox = new QGroupBox(tr("Lag history"), this);
    auto *chartLayout = new QVBoxLayout(chartBox);
    chartLayout->addWidget(m_chart);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("panelSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildTables());
    splitter->addWidget(chartBox);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);
    layout->setSpacing(8);
    layout->addWidget(m_banner);
    layout->addWidget(m_topology);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_updated);

    connect(sampler, &ReplicationSampler::sampleReady, this, &ReplicationPanel::showSample);
}

ReplicationPanel::~ReplicationPanel() = default;

QWidget *ReplicationPanel::buildTables()
{
    auto *top = new QWidget(this);
    auto *standbyBox = new QGroupBox(tr("Standbys (pg_stat_replication on the primary)"), top);
    m_standbyTable = new CompactTableView(m_standbys, standbyBox);
    m_standbyTable->setObjectName(QStringLiteral("standbyTable"));
    m_standbyTable->setAccessibleName(tr("Standbys streaming from the primary"));
    m_noStandby = new QLabel(tr("Waiting for the first sample..."), standbyBox);
    m_pipeline = new WalPipelineView(standbyBox);
    auto *standbyLayout = new QVBoxLayout(standbyBox);
    standbyLayout->addWidget(m_standbyTable);
    standbyLayout->addWidget(m_noStandby);
    standbyLayout->addWidget(m_pipeline);

    auto *slotBox = new QGroupBox(tr("Replication slots and WAL archiving"), top);
    m_slotTable = new CompactTableView(m_slots, slotBox);
    m_slotTable->setObjectName(QStringLiteral("slotTable"));
    m_slotTable->setAccessibleName(tr("Replication slots"));
    m_noSlot = new QLabel(tr("No replication slot on the primary: a standby that falls behind further than "
                             "wal_keep_size can lose the WAL it needs."),
                          slotBox);
    m_noSlot->setWordWrap(true);
    m_noSlot->hide();
    m_archiver = new QLabel(slotBox);
    m_archiver->setObjectName(QStringLiteral("archiverLine"));
    m_archiver->setWordWrap(true);
    m_archiver->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *slotLayout = new QVBoxLayout(slotBox);
    slotLayout->addWidget(m_slotTable);
    slotLayout->addWidget(m_noSlot);
    slotLayout->addWidget(m_archiver);

    auto *layout = new QVBoxLayout(top);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(standbyBox);
    layout->addWidget(slotBox);
    return top;
}

void ReplicationPanel::showSample(const ReplicationSample &sample)
{
    m_history.append(sample);
    m_banner->setProblems(sample.problems, m_hintFor ? m_hintFor(sample) : QString());
    m_topology->setSample(sample);
    m_standbys->setSample(sample);
    m_pipeline->setSample(sample);
    m_slots->setSample(sample);

    const bool anyStandby = !sample.standbys.isEmpty();
    m_standbyTable->setVisible(anyStandby);
    m_noStandby->setVisible(!anyStandby);
    m_pipeline->setVisible(anyStandby);
    if (!anyStandby)
        m_noStandby->setText(sample.primary.reachable ? tr("No standby streams from the primary right now.")
                                                      : tr("Unknown: the primary does not answer."));
    const bool anySlot = !sample.replicationSlots.isEmpty();
    m_slotTable->setVisible(anySlot);
    m_noSlot->setVisible(!anySlot && sample.primary.reachable);
    showArchiver(sample);

    m_chart->refresh(sample.sampledAt.toMSecsSinceEpoch());
    m_updated->setText(tr("Updated %1.").arg(sample.sampledAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
}

void ReplicationPanel::showArchiver(const ReplicationSample &sample)
{
    if (!sample.archiver) {
        m_archiver->setText(sample.primary.reachable ? tr("Archiver: not available on this version.")
                                                     : tr("Archiver: unknown, the primary does not answer."));
        m_archiver->setStyleSheet(QString());
        return;
    }
    const auto &archiver = *sample.archiver;
    const auto when = [](const std::optional<QDateTime> &time) {
        return time ? time->toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QStringLiteral("-");
    };
    QString text;
    if (archiver.archivedCount == 0 && archiver.failedCount == 0)
        text = tr("Archiver: nothing archived yet (archive_mode off, or no WAL segment finished since the start).");
    else
        text = tr("Archiver: %1 segments archived, the last %2 at %3; %4 failed")
                   .arg(archiver.archivedCount)
                   .arg(archiver.lastArchivedWal.isEmpty() ? QStringLiteral("-") : archiver.lastArchivedWal,
                        when(archiver.lastArchivedTime))
                   .arg(archiver.failedCount) +
               (archiver.failedCount > 0
                    ? tr(", the last %1 at %2.").arg(archiver.lastFailedWal, when(archiver.lastFailedTime))
                    : QStringLiteral("."));
    const bool failing = std::any_of(sample.problems.begin(), sample.problems.end(), [](const ReplicationProblem &p) {
        return p.code == QLatin1String("archiver-failing");
    });
    m_archiver->setText(text);
    m_archiver->setStyleSheet(failing ? QStringLiteral("color: #a40e26; font-weight: bold;") : QString());
}
