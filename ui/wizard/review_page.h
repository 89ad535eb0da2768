#pragma once

#include <QWizardPage>

#include <functional>

class HostTask;
class QLabel;
class QPlainTextEdit;
class QPushButton;
struct WizardSession;

// The whole plan before it runs: every step with why, the commands it runs
// on which host as whom, and the file changes (with the user's edits), as
// `replicactl setup --dry-run` prints it; the plan's warnings above.
// Save plan… writes the JSON that `replicactl apply` runs; Export shell
// script… the same steps as a script. Both are written off the GUI thread.
class ReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    ReviewPage(WizardSession &session, QWidget *parent = nullptr);
    void initializePage() override;

private:
    void chooseAndWrite(const QString &caption, const QString &filter, const QString &suffix, int mode,
                        const std::function<QByteArray()> &content);
    void write(const QString &path, const QByteArray &content, int mode);

    WizardSession &m_session;
    QLabel *m_warnings = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_saved = nullptr;
};
