#pragma once

#include <QWidget>

class QLabel;

// What the demo window shows while there is no sandbox in its folder: what a
// sandbox is and the command that makes one. The window checks again every
// few seconds and moves on by itself once the sandbox exists.
class NoSandboxView : public QWidget
{
    Q_OBJECT

public:
    explicit NoSandboxView(QWidget *parent = nullptr);

    // dir: the folder looked in; command: what to run; problem: why the
    // folder's sandbox.json could not be read, when it exists.
    void setSituation(const QString &dir, const QString &command, const QString &problem);

private:
    QLabel *m_explanation;
    QLabel *m_command;
    QLabel *m_problem;
};
