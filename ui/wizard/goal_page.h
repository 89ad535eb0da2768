#pragma once

#include <QWizardPage>

class QButtonGroup;
struct WizardSession;

// The wizard's first page: a new primary + standby, a standby for a running
// primary, or the walkthrough's own (weaker) choices for teaching.
class GoalPage : public QWizardPage
{
    Q_OBJECT

public:
    GoalPage(WizardSession &session, QWidget *parent = nullptr);
    bool validatePage() override;

private:
    WizardSession &m_session;
    QButtonGroup *m_goals = nullptr;
};
