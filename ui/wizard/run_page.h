#pragma once

#include <QStringList>
#include <QTimer>
#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class RunStepModel;
struct WizardSession;

// Runs the reviewed plan (PlanRunner, on its own thread): each step's state
// and time in a table, the live output of the running command, the copy's
// progress (pg_basebackup) as a bar, Cancel. "Run up to the selected step"
// stops after it (to look at the primary before the standby is touched);
// Run goes on from where the last run stopped; on a failure the step, its
// output and what to do are shown, and Retry resumes at the failed step.
// Next (to the verification) once every step is done.
class RunPage : public QWizardPage
{
    Q_OBJECT

public:
    RunPage(WizardSession &session, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;

    // For tests and the keyboard: the steps' table.
    QTableView *stepsView() const { return m_steps; }
    RunStepModel *stepsModel() const { return m_model; }

private:
    void connectRunner();
    void runSpan(int to);
    void onFinished(bool succeeded, int stoppedAfter);
    void setRunning(bool running);
    // Output lines come in bursts: appended together at most every 50 ms, so that a burst costs one layout.
    void queueOutput(const QString &line);
    void flushOutput();

    WizardSession &m_session;
    RunStepModel *m_model = nullptr;
    QTableView *m_steps = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QStringList m_pendingOutput;
    QTimer m_outputTimer;
    QPushButton *m_run = nullptr;
    QPushButton *m_runTo = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_retry = nullptr;
    int m_next = 0; // the step the next run starts at; -1 once all are done
    bool m_running = false;
};
