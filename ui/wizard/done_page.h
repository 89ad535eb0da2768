#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTreeView;
struct WizardSession;

// The proof at the end: each check of the verification (the standby
// streams, sync_state as chosen, a row written on the primary read on the
// standby, a write refused there) with what was seen, and "Open the panel on
// this cluster", which SetupWizard turns into openPanelRequested().
class DonePage : public QWizardPage
{
    Q_OBJECT

public:
    DonePage(WizardSession &session, QWidget *parent = nullptr);
    void initializePage() override;

    // For tests: the checks as shown.
    QStandardItemModel *checksModel() const { return m_checks; }

signals:
    void openPanelClicked();

private:
    WizardSession &m_session;
    QLabel *m_summary = nullptr;
    QStandardItemModel *m_checks = nullptr;
    QTreeView *m_view = nullptr;
    QPushButton *m_openPanel = nullptr;
};
