#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

// What the window shows when there is nothing to watch yet: the two ways in
// (set up a pair on real machines with the wizard, or make the demo sandbox
// here), the same sandbox as a terminal command, and while the sandbox is
// being made, its progress line by line. Emits requests; the main window
// does the work.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // dir: the sandbox folder; command: "replicactl sandbox up ..." for a terminal.
    void setSandboxPlace(const QString &dir, const QString &command);
    void showProblem(const QString &problem);
    // While the sandbox is made: the buttons wait, the lines show.
    void setSandboxStarting(bool starting);
    void addProgressLine(const QString &line);

    QPushButton *setupButton() const { return m_setup; }
    QPushButton *sandboxButton() const { return m_sandbox; }

signals:
    void setupRequested();
    void sandboxRequested();

private:
    QPushButton *m_setup;
    QPushButton *m_sandbox;
    QLabel *m_sandboxText;
    QLabel *m_command;
    QLabel *m_problem;
    QProgressBar *m_busy;
    QPlainTextEdit *m_progress;
};
