#include "goal_page.h"

#include "ui/wizard/wizard_session.h"

#include <QButtonGroup>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

GoalPage::GoalPage(WizardSession &session, QWidget *parent) : QWizardPage(parent), m_session(session)
{
    setTitle(tr("What do you want to set up?"));
    setSubTitle(tr("Nothing changes on any machine before the Run page, and every change is shown to you first."));
    auto *layout = new QVBoxLayout(this);
    m_goals = new QButtonGroup(this);
    struct Choice
    {
        WizardSession::Goal goal;
        QString label;
        QString explanation;
    };
    const QList<Choice> choices{
        {WizardSession::Goal::NewPair, tr("A &new primary and standby"),
         tr("Two machines with PostgreSQL installed: the primary is created or reused, the standby is copied from "
            "it with pg_basebackup and streams from it.")},
        {WizardSession::Goal::AddStandby, tr("A standby for a primary that &runs already"),
         tr("The primary keeps running and its data; only what replication needs is added to its settings.")},
        {WizardSession::Goal::Walkthrough, tr("The &walkthrough's own choices (for teaching)"),
         tr("The standby connects as the postgres superuser with md5, as in the classic walkthrough. Weaker: use "
            "it only to follow the lesson, never for a server that matters.")},
    };
    for (const Choice &choice : choices) {
        auto *button = new QRadioButton(choice.label);
        button->setAccessibleName(QString(choice.label).remove(QLatin1Char('&')));
        button->setAccessibleDescription(choice.explanation);
        auto *explanation = new QLabel(choice.explanation);
        explanation->setWordWrap(true);
        explanation->setIndent(24);
        m_goals->addButton(button, int(choice.goal));
        layout->addWidget(button);
        layout->addWidget(explanation);
        layout->addSpacing(8);
    }
    m_goals->button(int(WizardSession::Goal::NewPair))->setChecked(true);
    layout->addStretch();
}

bool GoalPage::validatePage()
{
    m_session.goal = WizardSession::Goal(m_goals->checkedId());
    m_session.choices.asInWalkthrough = m_session.goal == WizardSession::Goal::Walkthrough;
    return true;
}
