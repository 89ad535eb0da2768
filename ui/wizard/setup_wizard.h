#pragma once

#include "core/host/ssh_prompt.h"
#include "core/plan/host_target.h"

#include <QWizard>

#include <memory>

struct WizardSession;

// The setup wizard: from two machines to a verified primary + standby.
// Pages: goal, machines (SSH, tested in the background), what was found,
// choices, one page per configuration file (an editable diff), review, run,
// done. Long work runs in core (HostTask, PlanPreparation, PlanRunner);
// this class answers the hosts' questions (host key, passphrase, password)
// with window-modal dialogs opened without a nested event loop. The main
// window opens it (File > New replication setup…) and connects
// openPanelRequested() to show the replication panel of the new pair.
class SetupPlan;

class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId {
        GoalPageId,
        MachinesPageId,
        FoundPageId,
        ChoicesPageId,
        PrimaryConfPageId,
        PrimaryHbaPageId,
        StandbyConfPageId,
        RecoveryPageId,
        PrimaryUnitPageId, // shown only when the plan installs a service unit there
        StandbyUnitPageId,
        ReviewPageId,
        RunPageId,
        DonePageId
    };

    explicit SetupWizard(QWidget *parent = nullptr);
    ~SetupWizard() override;

    // The plan the Choices page built, with the user's edits; null before.
    const SetupPlan *plan() const;
    int nextId() const override;

signals:
    // "Open the panel on this cluster" on the last page: the pair as set up (the standby by
    // its application_name, the name the primary's pg_stat_replication shows), and the role
    // the panel connects as with its password (for the keychain; empty when the plan made none).
    void openPanelRequested(const HostTarget &primary, int primaryPort, const HostTarget &standby, int standbyPort,
                            const QString &standbyName, const QString &monitoringRole,
                            const QString &monitoringPassword);

private:
    void onPrompt(quint64 id, const SshPrompt &prompt);

    std::unique_ptr<WizardSession> m_session;
};
