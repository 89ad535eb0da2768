#pragma once

#include "core/lesson/lesson_script.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

// The guided lesson beside the console and the panel: the steps of
// LessonScript in a list, the current step's explanation, one button per
// action in order, each with what came of it, and what the step showed once
// done. It runs nothing itself: it asks (sqlRequested, sandboxRequested)
// and the main window runs the statement in the console or the operation
// as a SandboxTask, then reports back with actionFinished(). Any step can
// be started at any time.
class LessonPane : public QWidget
{
    Q_OBJECT

public:
    explicit LessonPane(QWidget *parent = nullptr);

    int currentStep() const { return m_current; }
    void showStep(int index);
    int stepCount() const { return int(m_steps.size()); }
    // The button of an action of the current step (tests press it).
    QPushButton *actionButton(int action) const;
    QString outcomeText(int action) const;
    bool isStepDone() const;

public slots:
    // What came of an action: ok, or the error's SQLSTATE (for expected refusals) and a short summary.
    void actionFinished(int step, int action, bool ok, const QString &sqlState, const QString &summary);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void sqlRequested(int step, int action, const QString &server, const QString &sql);
    void sandboxRequested(int step, int action, SandboxTask::Action what, const SandboxOptions &options);

private:
    enum class State { Waiting, Running, Done, Failed };

    void runAction(int action);
    void showStates();
    void fitStepArea();
    QString outcomeFor(const LessonAction &action, bool ok, const QString &sqlState, const QString &summary) const;

    QList<LessonStep> m_steps;
    int m_current = 0;
    QList<State> m_states;  // per action of the current step
    QStringList m_outcomes; // per action of the current step
    QListWidget *m_list;
    QLabel *m_title;
    QLabel *m_explanation;
    QVBoxLayout *m_actionsLayout;
    QList<QPushButton *> m_buttons;
    QList<QLabel *> m_outcomeLabels;
    QList<QWidget *> m_actionWidgets; // every widget of the current step's actions
    QLabel *m_afterwards;
    QWidget *m_stepArea;
    QScrollArea *m_scroll;
    QPushButton *m_previous;
    QPushButton *m_next;
};
