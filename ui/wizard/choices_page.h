#pragma once

#include <QJsonObject>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;
struct PlanChoices;
struct WizardSession;

// The choices that shape the plan: the major, synchronous or asynchronous,
// how several synchronous standbys confirm a commit (FIRST or ANY, and
// how many), the standby's application name and slot, the demo data, and whether
// packages may be installed. Next builds the plan in the background
// (PlanPreparation::prepare(), saying what it reads) and moves on once it
// is ready; a plan the hosts cannot take is explained here.
class ChoicesPage : public QWizardPage
{
    Q_OBJECT

public:
    ChoicesPage(WizardSession &session, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool validatePage() override;
    bool isComplete() const override;

private:
    QWidget *severalStandbys();
    PlanChoices choicesFromFields() const;
    void onPrepared();
    void onFailed(const QString &message, const QString &detail);
    void setPreparing(bool preparing);

    WizardSession &m_session;
    QComboBox *m_major = nullptr;
    QRadioButton *m_sync = nullptr;
    QRadioButton *m_async = nullptr;
    QComboBox *m_syncMethod = nullptr; // FIRST or ANY, for a primary with several synchronous standbys
    QSpinBox *m_syncCount = nullptr;
    QLineEdit *m_applicationName = nullptr;
    QLineEdit *m_slotName = nullptr;
    QCheckBox *m_demoData = nullptr;
    QCheckBox *m_install = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_busy = nullptr;
    bool m_preparing = false;
    QJsonObject m_preparedFor; // the choices of the plan in the session
};
