#pragma once

#include <QList>
#include <QString>

// One statement script of a lesson step and where it runs.
struct LessonAction
{
    bool onStandby = false;
    QString sql;
};

// A step of the guided lesson: what to look at, the SQL that shows it, and
// what happened. The lesson pane shows the text and sends the actions to the
// query console in order; the SQL lives here because ui/ holds none.
struct LessonStep
{
    QString title;
    QString text;
    QList<LessonAction> actions;
    QString afterText; // what the result means, shown once the step has run
};

// Steps 1-3 of the walkthrough (the seed's scenario) on the sandbox: the
// standby streams, a row written on the primary appears on the standby, a
// write on the standby is refused (25006). Every step can run again.
QList<LessonStep> walkthroughLesson();
