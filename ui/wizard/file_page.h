#pragma once

#include <QWizardPage>

class ConfigDiffView;
class QLabel;
struct FileEdit;
struct WizardSession;

// One configuration file of the plan as an editable side-by-side diff
// (ConfigDiffView): the primary's postgresql.conf or pg_hba.conf, the
// standby's postgresql.conf, its recovery settings, or the systemd unit
// the plan installs on either host (for a PostgreSQL it runs with pg_ctl). A value the server
// would refuse blocks Next (with its reason on its line); Next hands what
// the right side holds to the plan's step (SetupPlan::editFile), which
// writes exactly that. A file whose content is known only when an earlier
// step has run is said as such, with what the step will set in it.
class FilePage : public QWizardPage
{
    Q_OBJECT

public:
    enum class Slot { PrimaryConf, PrimaryHba, StandbyConf, Recovery, PrimaryUnit, StandbyUnit };

    FilePage(WizardSession &session, Slot slot, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    // Whether the session's plan edits this page's file (the wizard skips a service unit page that it does not).
    bool applies() const;

    // For tests: the diff shown (hidden when the file is not known yet).
    ConfigDiffView *diffView() const { return m_diff; }

private:
    bool matches(const FileEdit &edit) const;
    void showUnknown(const QString &stepTitle, const FileEdit &edit);

    WizardSession &m_session;
    Slot m_slot;
    ConfigDiffView *m_diff = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_error = nullptr;
    QString m_stepId;
    int m_editIndex = -1;
    bool m_editable = false;
};
