#include "choices_page.h"

#include "core/host/ssh_host.h"
#include "core/plan/plan_preparation.h"
#include "core/plan/setup_plan.h"
#include "ui/wizard/wizard_session.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWizard>

ChoicesPage::ChoicesPage(WizardSession &session, QWidget *parent) : QWizardPage(parent), m_session(session)
{
    setTitle(tr("Choices"));
    setSubTitle(
        tr("How the standby replicates. Next reads the hosts' files and builds the plan; nothing is changed yet."));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_major = new QComboBox;
    m_major->setAccessibleName(tr("PostgreSQL major version"));
    form->addRow(tr("PostgreSQL &major:"), m_major);

    m_sync = new QRadioButton(tr("S&ynchronous: a commit on the primary waits until the standby has it"));
    m_async = new QRadioButton(tr("&Asynchronous: commits do not wait; the standby may lag a little"));
    m_sync->setAccessibleName(tr("Synchronous replication"));
    m_async->setAccessibleName(tr("Asynchronous replication"));
    auto *mode = new QButtonGroup(this);
    mode->addButton(m_sync);
    mode->addButton(m_async);
    m_sync->setChecked(true);
    auto *modes = new QVBoxLayout;
    modes->addWidget(m_sync);
    modes->addWidget(m_async);
    form->addRow(tr("Replication:"), modes);
    form->addRow(tr("Several standbys:"), severalStandbys());

    // The names become identifiers in synchronous_standby_names and pg_create_physical_replication_slot.
    const auto *nameValidator =
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-z_][a-z0-9_]{0,62}")), this);
    m_applicationName = new QLineEdit;
    m_applicationName->setValidator(nameValidator);
    m_applicationName->setAccessibleName(tr("Application name of the standby"));
    m_slotName = new QLineEdit;
    m_slotName->setValidator(nameValidator);
    m_slotName->setAccessibleName(tr("Replication slot name"));
    form->addRow(tr("Standby's application &name:"), m_applicationName);
    form->addRow(tr("Replication s&lot:"), m_slotName);
    m_demoData = new QCheckBox(tr("Create the walkthrough's &demo database (mydb with the weather table)"));
    m_demoData->setAccessibleName(tr("Create the demo data"));
    m_install = new QCheckBox(tr("&Install the PostgreSQL packages where they are missing"));
    m_install->setAccessibleName(tr("Install the PostgreSQL packages"));
    form->addRow(QString(), m_demoData);
    form->addRow(QString(), m_install);
    layout->addLayout(form);

    m_busy = new QProgressBar;
    m_busy->setRange(0, 0);
    m_busy->setAccessibleName(tr("Building the plan"));
    m_busy->hide();
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Plan status"));
    layout->addWidget(m_busy);
    layout->addWidget(m_status);
    layout->addStretch();
    connect(m_session.preparation, &PlanPreparation::progress, this, [this](const QString &text) {
        if (m_preparing)
            m_status->setText(text);
    });
}

// With other synchronous standbys on the primary already (adding a standby to
// a running primary), how many of them confirm each commit, and whether the
// first ones named must (FIRST, priority) or any of them may (ANY, quorum).
QWidget *ChoicesPage::severalStandbys()
{
    m_syncMethod = new QComboBox;
    m_syncMethod->addItem(tr("FIRST: the first standbys named confirm each commit (priority)"), false);
    m_syncMethod->addItem(tr("ANY: any of the standbys named may confirm it (quorum)"), true);
    m_syncMethod->setAccessibleName(tr("How several synchronous standbys confirm a commit"));
    m_syncMethod->setToolTip(tr("Written into synchronous_standby_names as FIRST n (...) or ANY n (...). With one "
                                "standby both mean the same."));
    m_syncCount = new QSpinBox;
    m_syncCount->setRange(1, 100);
    m_syncCount->setAccessibleName(tr("Number of standbys that confirm each commit"));
    m_syncCount->setSuffix(tr(" must confirm"));
    auto *row = new QWidget;
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(m_syncMethod, 1);
    rowLayout->addWidget(m_syncCount);
    connect(m_sync, &QRadioButton::toggled, row, &QWidget::setEnabled);
    return row;
}

void ChoicesPage::initializePage()
{
    m_major->clear();
    QList<PgVersion> majors = m_session.findings.usableMajors();
    if (majors.isEmpty())
        majors = VersionRules::supportedMajors();
    for (const PgVersion &major : majors)
        m_major->addItem(tr("PostgreSQL %1").arg(major.majorString()), major.majorString());
    m_install->setChecked(m_session.findings.usableMajors().isEmpty());
    const QString defaultName = PlanChoices::nameFromHost(m_session.choices.standby.host);
    const bool walkthrough = m_session.choices.asInWalkthrough;
    m_applicationName->setPlaceholderText(walkthrough ? QStringLiteral("slave") : defaultName);
    m_slotName->setPlaceholderText(tr("the application name"));
    m_demoData->setChecked(walkthrough);
    m_status->clear();
}

PlanChoices ChoicesPage::choicesFromFields() const
{
    PlanChoices choices = m_session.choices;
    choices.version = PgVersion::parse(m_major->currentData().toString()).value_or(PgVersion());
    choices.synchronous = m_sync->isChecked();
    choices.syncAny = choices.synchronous && m_syncMethod->currentData().toBool();
    choices.syncCount = choices.synchronous ? m_syncCount->value() : 1;
    choices.applicationName = m_applicationName->text();
    choices.slotName = m_slotName->text();
    choices.demoData = m_demoData->isChecked();
    choices.installPackages = m_install->isChecked();
    if (!m_session.findings.standbyAddress.isEmpty())
        choices.standbyAddress = m_session.findings.standbyAddress;
    choices.fillDefaults();
    return choices;
}

bool ChoicesPage::validatePage()
{
    const PlanChoices choices = choicesFromFields();
    if (m_session.plan && m_preparedFor == choices.toJson())
        return true;
    if (auto valid = choices.validate(); !valid) {
        m_status->setText(valid.error().message);
        return false;
    }
    connect(m_session.preparation, &PlanPreparation::prepared, this, &ChoicesPage::onPrepared, Qt::UniqueConnection);
    connect(m_session.preparation, &PlanPreparation::failed, this, &ChoicesPage::onFailed, Qt::UniqueConnection);
    if (!m_session.preparation->prepare(m_session.primary, m_session.standby, choices)) {
        m_status->setText(tr("The hosts are still being looked at. Wait a moment, then press Next again."));
        return false;
    }
    m_session.plan.reset();
    m_preparedFor = choices.toJson();
    setPreparing(true);
    return false; // onPrepared() moves on
}

void ChoicesPage::setPreparing(bool preparing)
{
    m_preparing = preparing;
    m_busy->setVisible(preparing);
    if (!preparing) {
        disconnect(m_session.preparation, &PlanPreparation::prepared, this, nullptr);
        disconnect(m_session.preparation, &PlanPreparation::failed, this, nullptr);
    }
    emit completeChanged();
}

void ChoicesPage::onPrepared()
{
    setPreparing(false);
    m_session.plan = m_session.preparation->plan();
    const QStringList warnings = m_session.plan->warnings();
    m_status->setText(warnings.isEmpty() ? tr("The plan is ready.") : warnings.join(QLatin1Char('\n')));
    wizard()->next();
}

void ChoicesPage::onFailed(const QString &message, const QString &detail)
{
    setPreparing(false);
    m_preparedFor = {};
    m_status->setText(detail.isEmpty() ? message : tr("%1 (%2)").arg(message, detail));
}

void ChoicesPage::cleanupPage()
{
    if (m_preparing) {
        m_session.preparation->cancel();
        setPreparing(false);
        m_preparedFor = {};
    }
}

bool ChoicesPage::isComplete() const
{
    return !m_preparing && m_major->count() > 0;
}
