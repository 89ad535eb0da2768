#include "found_page.h"

#include "core/host/ssh_host.h"
#include "core/plan/plan_preparation.h"
#include "ui/wizard/wizard_session.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <cstdlib>

FoundPage::FoundPage(WizardSession &session, QWidget *parent) : QWizardPage(parent), m_session(session)
{
    setTitle(tr("What was found"));
    setSubTitle(tr("Read only: nothing was changed on the hosts."));
    auto *layout = new QVBoxLayout(this);
    m_progress = new QLabel;
    m_progress->setWordWrap(true);
    m_progress->setAccessibleName(tr("What is being looked at"));
    m_busy = new QProgressBar;
    m_busy->setRange(0, 0);
    m_busy->setAccessibleName(tr("Looking at the hosts"));
    m_facts = new QStandardItemModel(this);
    m_facts->setHorizontalHeaderLabels({tr("What"), tr("Found")});
    m_factsView = new QTreeView;
    m_factsView->setModel(m_facts);
    m_factsView->setAccessibleName(tr("What was found on the hosts"));
    m_factsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_factsView->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_factsView->setWordWrap(true);
    m_problems = new QLabel;
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setAccessibleName(tr("Problems and what to do"));
    layout->addWidget(m_progress);
    layout->addWidget(m_busy);
    layout->addWidget(m_factsView, 1);
    layout->addWidget(m_problems);
    connect(m_session.preparation, &PlanPreparation::progress, this, [this](const QString &text) {
        if (m_busy->isVisible())
            m_progress->setText(text);
    });
}

void FoundPage::initializePage()
{
    m_surveyed = false;
    m_facts->removeRows(0, m_facts->rowCount());
    m_problems->clear();
    // This page's own connections: the Choices page's prepare() reports through the same object.
    connect(m_session.preparation, &PlanPreparation::surveyed, this, &FoundPage::onSurveyed, Qt::UniqueConnection);
    connect(m_session.preparation, &PlanPreparation::failed, this, &FoundPage::onFailed, Qt::UniqueConnection);
    const bool started = m_session.preparation->survey(m_session.primary, m_session.standby, m_session.choices);
    setBusy(started);
    m_progress->setText(started ? tr("Connecting…")
                                : tr("The previous look at the hosts is still ending. Go Back, then Next again."));
    emit completeChanged();
}

void FoundPage::cleanupPage()
{
    m_session.preparation->cancel();
    disconnect(m_session.preparation, &PlanPreparation::surveyed, this, nullptr);
    disconnect(m_session.preparation, &PlanPreparation::failed, this, nullptr);
    setBusy(false);
}

void FoundPage::setBusy(bool busy)
{
    m_busy->setVisible(busy);
}

void FoundPage::onSurveyed()
{
    disconnect(m_session.preparation, &PlanPreparation::surveyed, this, nullptr);
    disconnect(m_session.preparation, &PlanPreparation::failed, this, nullptr);
    setBusy(false);
    m_session.findings = m_session.preparation->findings();
    const PairFindings &found = m_session.findings;
    addHost(tr("Primary: %1").arg(m_session.choices.primary.toString()), found.primary);
    addHost(tr("Standby: %1").arg(m_session.choices.standby.toString()), found.standby);
    auto *network = new QStandardItem(tr("Between the hosts"));
    const qint64 skew = std::abs(found.primary.clockOffsetMs - found.standby.clockOffsetMs);
    const QString reach = found.reach == PairFindings::Reach::Open ? tr("open")
                          : found.reach == PairFindings::Reach::NotListeningYet
                              ? tr("the host answers; nothing listens there yet (see below)")
                              : tr("blocked (see below)");
    network->appendRow({new QStandardItem(tr("Standby to %1:%2").arg(found.primaryAddress).arg(found.primaryPort)),
                        new QStandardItem(reach)});
    network->appendRow(
        {new QStandardItem(tr("Clock difference")), new QStandardItem(tr("%1 s").arg(skew / 1000.0, 0, 'f', 1))});
    m_facts->appendRow(network);
    m_factsView->expandAll();

    const QStringList problems = found.problems();
    m_progress->setText(problems.isEmpty() ? tr("Both hosts are ready for the setup.")
                                           : tr("Found %n problem(s). Each says what to do; solve them, then go Back "
                                                "and Next to look again.",
                                                nullptr, int(problems.size())));
    QString html;
    for (const QString &problem : problems)
        html += QStringLiteral("<li>%1</li>").arg(problem.toHtmlEscaped());
    if (found.reach == PairFindings::Reach::NotListeningYet)
        html += QStringLiteral("<li>%1</li>").arg(found.reachability.toHtmlEscaped());
    m_problems->setText(html.isEmpty() ? QString() : QStringLiteral("<ul>%1</ul>").arg(html));
    m_surveyed = true;
    emit completeChanged();
}

void FoundPage::onFailed(const QString &message, const QString &detail)
{
    disconnect(m_session.preparation, &PlanPreparation::surveyed, this, nullptr);
    disconnect(m_session.preparation, &PlanPreparation::failed, this, nullptr);
    setBusy(false);
    m_progress->setText(detail.isEmpty() ? message : tr("%1 (%2)").arg(message, detail));
}

void FoundPage::addHost(const QString &role, const HostFacts &facts)
{
    auto *host = new QStandardItem(role);
    auto add = [host](const QString &what, const QString &found) {
        host->appendRow({new QStandardItem(what), new QStandardItem(found)});
    };
    add(tr("System"), tr("%1 %2 (%3)").arg(facts.osId, facts.osVersion, facts.hostname));
    if (facts.installations.isEmpty())
        add(tr("PostgreSQL installed"), tr("none"));
    for (const PgInstallation &installation : facts.installations)
        add(tr("PostgreSQL %1").arg(installation.version.majorString()), installation.describe());
    if (facts.clusters.isEmpty())
        add(tr("Clusters"), tr("none"));
    for (const ClusterInfo &cluster : facts.clusters)
        add(cluster.name.isEmpty() ? tr("Cluster %1").arg(cluster.version.majorString())
                                   : tr("Cluster %1/%2").arg(cluster.version.majorString(), cluster.name),
            tr("port %1, %2, data in %3")
                .arg(cluster.port)
                .arg(cluster.running ? tr("running") : tr("stopped"), cluster.dataDir));
    add(tr("Free disk"), facts.freeBytes < 0 ? tr("unknown") : QLocale().formattedDataSize(facts.freeBytes));
    add(tr("Becomes root"), facts.canBecomeRoot ? tr("yes") : tr("no"));
    m_facts->appendRow(host);
}

bool FoundPage::isComplete() const
{
    return m_surveyed && m_session.findings.reach != PairFindings::Reach::Blocked;
}
