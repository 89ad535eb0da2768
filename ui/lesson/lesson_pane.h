#pragma once

#include "core/pg/walkthrough_lesson.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QueryConsole;

// The guided lesson beside the query console: each step of the walkthrough
// with its text and a Run button that sends the step's SQL to the right
// server through the console (whose tabs show the result and explain an
// error), then says what happened. Any step can be run at any time, again.
class LessonPane : public QWidget
{
    Q_OBJECT

public:
    explicit LessonPane(QueryConsole *console, QWidget *parent = nullptr);

    int stepCount() const { return int(m_steps.size()); }
    QPushButton *runButton(int step) const { return m_runButtons.value(step); }
    QLabel *afterLabel(int step) const { return m_afterLabels.value(step); }

public slots:
    // False when the console is busy or has no server of the needed kind.
    bool runStep(int step);

signals:
    void stepFinished(int step);

private:
    QWidget *makeStepCard(int step);
    void runNextAction();
    QString targetName(bool standby) const;
    void setButtonsEnabled(bool enabled);

    QueryConsole *m_console;
    QList<LessonStep> m_steps;
    QList<QPushButton *> m_runButtons;
    QList<QLabel *> m_afterLabels;
    int m_runningStep = -1;
    int m_nextAction = 0;
};
