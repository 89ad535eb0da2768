#include "review_page.h"

#include "core/host/host_task.h"
#include "core/host/local_host.h"
#include "core/plan/setup_plan.h"
#include "ui/wizard/wizard_session.h"

#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

ReviewPage::ReviewPage(WizardSession &session, QWidget *parent) : QWizardPage(parent), m_session(session)
{
    setTitle(tr("Review the plan"));
    setSubTitle(tr("Every step, the commands it runs and the files it changes. \"Go to Run\" fixes the plan; "
                   "nothing runs before you start it there."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Go to &Run"));
    auto *layout = new QVBoxLayout(this);
    m_warnings = new QLabel;
    m_warnings->setWordWrap(true);
    m_warnings->setAccessibleName(tr("What to know before running the plan"));
    m_text = new QPlainTextEdit;
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("The plan's steps and commands"));
    auto *buttons = new QHBoxLayout;
    m_save = new QPushButton(tr("&Save plan…"));
    m_save->setAccessibleName(tr("Save the plan as a file that replicactl apply runs"));
    m_export = new QPushButton(tr("&Export shell script…"));
    m_export->setAccessibleName(tr("Export the plan as a shell script"));
    m_saved = new QLabel;
    m_saved->setWordWrap(true);
    m_saved->setAccessibleName(tr("Where the plan was saved"));
    buttons->addWidget(m_save);
    buttons->addWidget(m_export);
    buttons->addWidget(m_saved, 1);
    layout->addWidget(m_warnings);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, [this] {
        chooseAndWrite(tr("Save the plan"), tr("Plans (*.json)"), QStringLiteral("json"), 0600,
                       [this] { return QJsonDocument(m_session.plan->toJson()).toJson(QJsonDocument::Indented); });
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        chooseAndWrite(tr("Export the plan as a shell script"), tr("Shell scripts (*.sh)"), QStringLiteral("sh"), 0700,
                       [this] { return m_session.plan->toShellScript().toUtf8(); });
    });
}

void ReviewPage::initializePage()
{
    const QStringList warnings = m_session.plan->warnings();
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());
    m_text->setPlainText(m_session.plan->toText());
    m_saved->clear();
}

void ReviewPage::chooseAndWrite(const QString &caption, const QString &filter, const QString &suffix, int mode,
                                const std::function<QByteArray()> &content)
{
    auto *dialog = new QFileDialog(this, caption, QDir::homePath(), filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(suffix);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, content, mode](const QString &path) { write(path, content(), mode); });
    dialog->open();
}

void ReviewPage::write(const QString &path, const QByteArray &content, int mode)
{
    WriteOptions options;
    options.mode = mode;
    options.keepBackup = false;
    m_saved->setText(tr("Writing %1…").arg(path));
    HostTask *task = HostTask::writeFile(std::make_shared<LocalHost>(), path, content, options, this);
    connect(task, &HostTask::finished, this, [this, task, path] {
        m_saved->setText(task->ok() ? tr("Written to %1.").arg(path) : task->summary());
        task->deleteLater();
    });
}
