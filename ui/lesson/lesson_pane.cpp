#include "ui/lesson/lesson_pane.h"

#include "ui/console/query_console.h"

#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

LessonPane::LessonPane(QueryConsole *console, QWidget *parent)
    : QWidget(parent), m_console(console), m_steps(walkthroughLesson())
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    auto *heading = new QLabel(tr("<b>The walkthrough, step by step</b><br>Each step runs its SQL on the right "
                                  "server; the result appears in the console."));
    heading->setWordWrap(true);
    column->addWidget(heading);
    for (int step = 0; step < m_steps.size(); ++step)
        column->addWidget(makeStepCard(step));
    column->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Text wraps to the pane's width: never a sideways scroll.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMinimumWidth(280);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    connect(m_console, &QueryConsole::runFinished, this, &LessonPane::runNextAction);
}

QWidget *LessonPane::makeStepCard(int step)
{
    const LessonStep &lesson = m_steps.at(step);
    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("lessonStep"));
    card->setStyleSheet(QStringLiteral("QFrame#lessonStep { border: 1px solid palette(mid); border-radius: 6px; "
                                       "background: palette(base); }"));
    auto *layout = new QVBoxLayout(card);
    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(lesson.title.toHtmlEscaped()));
    title->setWordWrap(true);
    auto *text = new QLabel(lesson.text);
    text->setWordWrap(true);
    auto *run = new QPushButton(tr("Run step %1").arg(step + 1));
    run->setToolTip(tr("Sends this step's SQL to its server in the console"));
    auto *after = new QLabel(lesson.afterText);
    after->setWordWrap(true);
    after->setStyleSheet(QStringLiteral("color: #1d4f8a;"));
    after->hide();
    connect(run, &QPushButton::clicked, this, [this, step] { runStep(step); });
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(run, 0, Qt::AlignLeft);
    layout->addWidget(after);
    m_runButtons << run;
    m_afterLabels << after;
    return card;
}

QString LessonPane::targetName(bool standby) const
{
    for (const QueryTarget &target : m_console->targets()) {
        if (target.isStandby == standby)
            return target.name;
    }
    return {};
}

bool LessonPane::runStep(int step)
{
    if (step < 0 || step >= m_steps.size() || m_console->isRunning() || m_runningStep >= 0)
        return false;
    for (const LessonAction &action : m_steps.at(step).actions) {
        if (targetName(action.onStandby).isEmpty())
            return false;
    }
    m_runningStep = step;
    m_nextAction = 0;
    setButtonsEnabled(false);
    runNextAction();
    return true;
}

void LessonPane::runNextAction()
{
    if (m_runningStep < 0)
        return;
    const LessonStep &step = m_steps.at(m_runningStep);
    if (m_nextAction < step.actions.size()) {
        const LessonAction &action = step.actions.at(m_nextAction++);
        if (m_console->runSql(targetName(action.onStandby), action.sql))
            return;
    }
    const int finished = m_runningStep;
    m_runningStep = -1;
    m_afterLabels.at(finished)->show();
    setButtonsEnabled(true);
    emit stepFinished(finished);
}

void LessonPane::setButtonsEnabled(bool enabled)
{
    for (QPushButton *button : std::as_const(m_runButtons))
        button->setEnabled(enabled);
}
