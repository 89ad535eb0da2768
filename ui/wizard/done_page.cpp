#include "done_page.h"

#include "core/plan/plan_runner.h"
#include "ui/wizard/wizard_session.h"

#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

DonePage::DonePage(WizardSession &session, QWidget *parent) : QWizardPage(parent), m_session(session)
{
    setTitle(tr("Done"));
    setSubTitle(tr("What the last step checked on both servers."));
    setFinalPage(true);
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setAccessibleName(tr("Result of the setup"));
    m_checks = new QStandardItemModel(this);
    m_checks->setHorizontalHeaderLabels({tr("Check"), tr("What was seen")});
    m_view = new QTreeView;
    m_view->setModel(m_checks);
    m_view->setRootIsDecorated(false);
    m_view->setWordWrap(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_view->setAccessibleName(tr("Verification checks"));
    m_openPanel = new QPushButton(tr("&Open the panel on this cluster"));
    m_openPanel->setAccessibleName(tr("Open the replication panel on this cluster"));
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_openPanel, 0, Qt::AlignLeft);
    connect(m_openPanel, &QPushButton::clicked, this, &DonePage::openPanelClicked);
}

void DonePage::initializePage()
{
    const VerificationReport report = m_session.runner->verification();
    m_checks->removeRows(0, m_checks->rowCount());
    for (const VerificationReport::Check &check : report.checks) {
        auto *name = new QStandardItem(check.name);
        name->setIcon(
            style()->standardIcon(check.passed ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxCritical));
        name->setData(check.passed, Qt::UserRole);
        name->setAccessibleText(tr("%1: %2").arg(check.passed ? tr("passed") : tr("failed"), check.name));
        name->setForeground(check.passed ? QColor(0x1b, 0x6e, 0x20) : QColor(0xb3, 0x26, 0x1e));
        m_checks->appendRow({name, new QStandardItem(check.detail)});
    }
    m_summary->setText(report.passed()
                           ? tr("The standby %1 streams from the primary %2, and every check passed.")
                                 .arg(m_session.choices.standby.toString(), m_session.choices.primary.toString())
                           : tr("Not every check passed: read what was seen below, then go Back to the Run page."));
}
