#include "file_page.h"

#include "core/plan/setup_plan.h"
#include "ui/diff/config_diff_view.h"
#include "ui/wizard/wizard_session.h"

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace {

bool isAutoConf(const FileEdit &edit)
{
    return edit.path.endsWith(QLatin1String("postgresql.auto.conf"));
}

ConfigKind configKind(const FileEdit &edit)
{
    switch (edit.kind) {
    case FileEdit::Kind::HbaConf:
        return ConfigKind::PgHbaConf;
    case FileEdit::Kind::RecoveryConf:
        return ConfigKind::RecoveryConf;
    case FileEdit::Kind::Signal:
        return ConfigKind::StandbySignal;
    case FileEdit::Kind::ServiceUnit:
        return ConfigKind::ServiceUnit;
    default:
        return isAutoConf(edit) ? ConfigKind::AutoConf : ConfigKind::PostgresqlConf;
    }
}

} // namespace

FilePage::FilePage(WizardSession &session, Slot slot, QWidget *parent)
    : QWizardPage(parent), m_session(session), m_slot(slot)
{
    const QString titles[] = {tr("The primary's postgresql.conf"), tr("The primary's pg_hba.conf"),
                              tr("The standby's postgresql.conf"), tr("The standby's recovery settings"),
                              tr("The primary's service unit"),    tr("The standby's service unit")};
    setTitle(titles[int(slot)]);
    auto *layout = new QVBoxLayout(this);
    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->setAccessibleName(tr("About this file"));
    m_diff = new ConfigDiffView;
    m_diff->setAccessibleName(titles[int(slot)]);
    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Why the edit was refused"));
    m_error->setStyleSheet(QStringLiteral("color: palette(highlighted-text); background: #b3261e; padding: 4px;"));
    m_error->hide();
    layout->addWidget(m_note);
    layout->addWidget(m_diff, 1);
    layout->addWidget(m_error);
    layout->addStretch(); // takes the page's height when the diff is hidden
    connect(m_diff, &ConfigDiffView::blockingChanged, this, &QWizardPage::completeChanged);
    connect(m_diff, &ConfigDiffView::edited, m_error, &QLabel::hide);
}

bool FilePage::matches(const FileEdit &edit) const
{
    switch (m_slot) {
    case Slot::PrimaryConf:
        return edit.host == HostRole::Primary && edit.kind == FileEdit::Kind::PostgresqlConf && !isAutoConf(edit);
    case Slot::PrimaryHba:
        return edit.host == HostRole::Primary && edit.kind == FileEdit::Kind::HbaConf;
    case Slot::StandbyConf:
        return edit.host == HostRole::Standby && edit.kind == FileEdit::Kind::PostgresqlConf && !isAutoConf(edit);
    case Slot::Recovery:
        return edit.host == HostRole::Standby && (edit.kind == FileEdit::Kind::RecoveryConf ||
                                                  (edit.kind == FileEdit::Kind::PostgresqlConf && isAutoConf(edit)));
    case Slot::PrimaryUnit:
    case Slot::StandbyUnit:
        return edit.kind == FileEdit::Kind::ServiceUnit &&
               edit.host == (m_slot == Slot::PrimaryUnit ? HostRole::Primary : HostRole::Standby);
    }
    return false;
}

bool FilePage::applies() const
{
    if (!m_session.plan)
        return false;
    for (int i = 0; i < m_session.plan->stepCount(); ++i) {
        const QList<FileEdit> &edits = m_session.plan->step(i).edits();
        if (std::any_of(edits.cbegin(), edits.cend(), [this](const FileEdit &edit) { return matches(edit); }))
            return true;
    }
    return false;
}

void FilePage::initializePage()
{
    m_stepId.clear();
    m_editIndex = -1;
    m_editable = false;
    m_error->hide();
    const SetupPlan &plan = *m_session.plan;
    // The first step that edits this file: a later one (the sync step) builds on its after.
    for (int i = 0; i < plan.stepCount() && m_stepId.isEmpty(); ++i) {
        const SetupStep &step = plan.step(i);
        for (int e = 0; e < step.edits().size(); ++e) {
            const FileEdit &edit = step.edits().at(e);
            if (!matches(edit))
                continue;
            m_stepId = step.id();
            m_editIndex = e;
            if (!edit.beforeKnown) {
                showUnknown(step.title(), edit);
                break;
            }
            m_editable = true;
            setSubTitle(tr("Left: the file as it is now. Right: what the plan will write; you may edit it. What the "
                           "right side holds is written exactly, after PostgreSQL's rules have checked it."));
            m_note->setText(
                tr("Written by the step \"%1\" on the %2, %3.").arg(step.title(), hostRoleName(edit.host), edit.path));
            m_diff->setDocument(configKind(edit), plan.rules().version(), edit.path, QString::fromUtf8(edit.before),
                                QString::fromUtf8(edit.after));
            if (m_slot == Slot::PrimaryConf) {
                QMap<QString, QByteArray> others = plan.files().primaryIncluded;
                others.insert(plan.cluster(HostRole::Primary).autoConfFile(), plan.files().primaryAutoConf);
                m_diff->setOtherFiles(others, plan.cluster(HostRole::Primary).dataDir());
            }
            m_diff->show();
            break;
        }
    }
    if (m_stepId.isEmpty()) {
        setSubTitle(QString());
        m_note->setText(tr("The plan does not change this file."));
        m_diff->hide();
    }
    emit completeChanged();
}

void FilePage::showUnknown(const QString &stepTitle, const FileEdit &edit)
{
    QStringList settings;
    for (const auto &[name, value] : edit.settings)
        settings << QStringLiteral("%1 = %2").arg(name, value);
    setSubTitle(tr("This file is made while the plan runs, so there is nothing to compare yet."));
    m_note->setText(tr("%1 does not exist yet: an earlier step creates it, so its content is known only when the plan "
                       "runs. The step \"%2\" will set:\n%3")
                        .arg(edit.path, stepTitle, settings.join(QLatin1Char('\n'))));
    m_diff->hide();
}

bool FilePage::isComplete() const
{
    return !m_editable || !m_diff->hasBlockingProblems();
}

bool FilePage::validatePage()
{
    if (!m_editable || !m_diff->isEdited())
        return true;
    auto edited = m_session.plan->editFile(m_stepId, m_editIndex, m_diff->editedText().toUtf8());
    if (!edited) {
        m_error->setText(edited.error().message);
        m_error->show();
        return false;
    }
    return true;
}
