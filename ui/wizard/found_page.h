#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QStandardItemModel;
class QTreeView;
struct HostFacts;
struct WizardSession;

// What was found on both hosts (PlanPreparation::survey() in the
// background, with what it is looking at): the OS, the PostgreSQL majors and
// clusters with their data directories, free disk, the clock, whether the
// standby reaches the primary's port; then every problem with what to do.
class FoundPage : public QWizardPage
{
    Q_OBJECT

public:
    FoundPage(WizardSession &session, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void onSurveyed();
    void onFailed(const QString &message, const QString &detail);
    void addHost(const QString &role, const HostFacts &facts);
    void setBusy(bool busy);

    WizardSession &m_session;
    QLabel *m_progress = nullptr;
    QProgressBar *m_busy = nullptr;
    QStandardItemModel *m_facts = nullptr;
    QTreeView *m_factsView = nullptr;
    QLabel *m_problems = nullptr;
    bool m_surveyed = false;
};
