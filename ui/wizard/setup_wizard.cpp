#include "setup_wizard.h"

#include "core/host/host_prompts.h"
#include "core/host/ssh_host.h"
#include "core/plan/plan_preparation.h"
#include "core/plan/plan_runner.h"
#include "core/plan/setup_plan.h"
#include "ui/wizard/choices_page.h"
#include "ui/wizard/done_page.h"
#include "ui/wizard/file_page.h"
#include "ui/wizard/found_page.h"
#include "ui/wizard/goal_page.h"
#include "ui/wizard/host_key_dialog.h"
#include "ui/wizard/machines_page.h"
#include "ui/wizard/review_page.h"
#include "ui/wizard/run_page.h"
#include "ui/wizard/secret_dialog.h"
#include "ui/wizard/wizard_session.h"

#include <QDir>

SetupWizard::SetupWizard(QWidget *parent) : QWizard(parent), m_session(std::make_unique<WizardSession>())
{
    setWindowTitle(tr("New replication setup"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setMinimumSize(900, 640);
    qRegisterMetaType<HostTarget>();

    m_session->prompts = std::make_shared<HostPrompts>();
    m_session->preparation = new PlanPreparation(this);
    m_session->runner = new PlanRunner(this);
    connect(m_session->prompts.get(), &HostPrompts::requested, this, &SetupWizard::onPrompt);

    WizardSession &session = *m_session;
    setPage(GoalPageId, new GoalPage(session));
    setPage(MachinesPageId, new MachinesPage(session));
    setPage(FoundPageId, new FoundPage(session));
    setPage(ChoicesPageId, new ChoicesPage(session));
    setPage(PrimaryConfPageId, new FilePage(session, FilePage::Slot::PrimaryConf));
    setPage(PrimaryHbaPageId, new FilePage(session, FilePage::Slot::PrimaryHba));
    setPage(StandbyConfPageId, new FilePage(session, FilePage::Slot::StandbyConf));
    setPage(RecoveryPageId, new FilePage(session, FilePage::Slot::Recovery));
    setPage(PrimaryUnitPageId, new FilePage(session, FilePage::Slot::PrimaryUnit));
    setPage(StandbyUnitPageId, new FilePage(session, FilePage::Slot::StandbyUnit));
    setPage(ReviewPageId, new ReviewPage(session));
    setPage(RunPageId, new RunPage(session));
    auto *done = new DonePage(session);
    setPage(DonePageId, done);
    connect(done, &DonePage::openPanelClicked, this, [this] {
        const PlanChoices &choices = m_session->plan ? m_session->plan->choices() : m_session->choices;
        const QString password = m_session->runner->monitoringPassword();
        emit openPanelRequested(choices.primary, choices.primaryPort, choices.standby, choices.standbyPort,
                                choices.applicationName, password.isEmpty() ? QString() : choices.monitoringUser,
                                password);
    });
}

const SetupPlan *SetupWizard::plan() const
{
    return m_session->plan.get();
}

int SetupWizard::nextId() const
{
    int id = QWizard::nextId();
    while (id == PrimaryUnitPageId || id == StandbyUnitPageId) {
        if (qobject_cast<FilePage *>(page(id))->applies())
            break;
        id = id + 1;
    }
    return id;
}

SetupWizard::~SetupWizard()
{
    // Workers first: they use the hosts and the plan of the session.
    m_session->prompts->cancelAll();
    delete m_session->runner;
    delete m_session->preparation;
}

void SetupWizard::onPrompt(quint64 id, const SshPrompt &prompt)
{
    std::shared_ptr<HostPrompts> prompts = m_session->prompts;
    if (prompt.kind == SshPrompt::Kind::UnknownHostKey) {
        auto *dialog = new HostKeyDialog(prompt, QDir::homePath() + QStringLiteral("/.ssh/known_hosts"), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::finished, this, [prompts, id, dialog] {
            prompts->answer(id, {dialog->decision(), {}});
        });
        dialog->open();
        return;
    }
    auto *dialog = new SecretDialog(prompt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [prompts, id, dialog](int result) {
        prompts->answer(id, result == QDialog::Accepted ? SshPromptReply{SshPromptReply::Decision::Text, dialog->text()}
                                                        : SshPromptReply{});
    });
    dialog->open();
}
