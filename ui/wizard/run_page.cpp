#include "run_page.h"

#include "core/host/ssh_host.h"
#include "core/plan/plan_runner.h"
#include "core/plan/setup_plan.h"
#include "ui/wizard/run_step_model.h"
#include "ui/wizard/wizard_session.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

RunPage::RunPage(WizardSession &session, QWidget *parent) : QWizardPage(parent), m_session(session)
{
    setTitle(tr("Run"));
    setSubTitle(tr("The steps run in order (the standby's own preparation alongside the primary's); a step already "
                   "in place is skipped. Cancel stops the running command; Run goes on from where it stopped."));
    auto *layout = new QVBoxLayout(this);
    m_model = new RunStepModel(this);
    m_steps = new QTableView;
    m_steps->setModel(m_model);
    m_steps->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_steps->verticalHeader()->hide();
    m_steps->horizontalHeader()->setSectionResizeMode(RunStepModel::StepColumn, QHeaderView::Stretch);
    m_steps->horizontalHeader()->setSectionResizeMode(RunStepModel::StateColumn, QHeaderView::ResizeToContents);
    m_steps->horizontalHeader()->setSectionResizeMode(RunStepModel::TimeColumn, QHeaderView::ResizeToContents);
    m_steps->setAccessibleName(tr("Steps of the plan"));
    m_output = new QPlainTextEdit;
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(20000);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setAccessibleName(tr("Output of the running command"));
    m_outputTimer.setSingleShot(true);
    m_outputTimer.setInterval(50);
    connect(&m_outputTimer, &QTimer::timeout, this, &RunPage::flushOutput);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_steps);
    splitter->addWidget(m_output);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_status = new QLabel(tr("Press Run to start, or select a step and run up to it."));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Run status"));
    m_progress = new QProgressBar;
    m_progress->setAccessibleName(tr("Progress of the copy"));
    m_progress->hide();

    auto *buttons = new QHBoxLayout;
    m_run = new QPushButton(tr("&Run"));
    m_run->setAccessibleName(tr("Run the remaining steps"));
    m_runTo = new QPushButton(tr("Run &up to the selected step"));
    m_runTo->setAccessibleName(tr("Run up to the selected step and stop"));
    m_cancel = new QPushButton(tr("&Cancel the run"));
    m_cancel->setAccessibleName(tr("Cancel the run"));
    m_retry = new QPushButton(tr("Re&try"));
    m_retry->setAccessibleName(tr("Retry from the failed step"));
    for (QPushButton *button : {m_run, m_runTo, m_cancel, m_retry})
        buttons->addWidget(button);
    buttons->addStretch();

    layout->addWidget(splitter, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(m_run, &QPushButton::clicked, this, [this] { runSpan(-1); });
    connect(m_runTo, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_steps->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            runSpan(rows.first().row());
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_session.runner->cancel();
        m_status->setText(tr("Cancelling: the running command is being ended…"));
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_session.runner->retry()) {
            m_output->clear();
            setRunning(true);
        }
    });
    connectRunner();
    setRunning(false);
}

void RunPage::connectRunner()
{
    PlanRunner *runner = m_session.runner;
    connect(runner, &PlanRunner::stepStarted, this, [this](int index, const QString &, const QString &title) {
        m_model->setState(index, RunStepModel::State::Running);
        m_steps->scrollTo(m_model->index(index, 0));
        m_status->setText(tr("Running step %1: %2").arg(index + 1).arg(title));
        m_progress->hide();
    });
    connect(runner, &PlanRunner::stepSkipped, this, [this](int index, const QString &, const QString &, qint64 ms) {
        m_model->setState(index, RunStepModel::State::Skipped, ms);
    });
    connect(runner, &PlanRunner::stepFinished, this, [this](int index, const QString &, const QString &, qint64 ms) {
        m_model->setState(index, RunStepModel::State::Done, ms);
    });
    connect(runner, &PlanRunner::stepFailed, this,
            [this](int index, const QString &, const QString &, const QString &, const QString &, qint64 ms) {
                m_model->setState(index, RunStepModel::State::Failed, ms);
            });
    connect(runner, &PlanRunner::outputLine, this, [this](int, const QString &line) { queueOutput(line); });
    connect(runner, &PlanRunner::progress, this, [this](int, int percent, const QString &text) {
        m_progress->setVisible(percent >= 0);
        m_progress->setValue(percent);
        m_progress->setFormat(text.isEmpty() ? QStringLiteral("%p%") : text);
    });
    connect(runner, &PlanRunner::finished, this, &RunPage::onFinished);
}

void RunPage::initializePage()
{
    m_model->setPlan(*m_session.plan);
    m_next = 0;
    m_output->clear();
    setRunning(false);
}

void RunPage::runSpan(int to)
{
    if (m_next < 0 || (to >= 0 && to < m_next))
        return;
    m_output->clear();
    const bool started = m_session.runner->start(m_session.plan.get(), m_session.primary.get(), m_session.standby.get(),
                                                 QString(), PlanRunner::Span{m_next, to});
    if (started)
        setRunning(true);
}

void RunPage::queueOutput(const QString &line)
{
    m_pendingOutput << line;
    if (!m_outputTimer.isActive())
        m_outputTimer.start();
}

void RunPage::flushOutput()
{
    m_outputTimer.stop();
    if (m_pendingOutput.isEmpty())
        return;
    m_output->appendPlainText(m_pendingOutput.join(QLatin1Char('\n')));
    m_pendingOutput.clear();
}

void RunPage::onFinished(bool succeeded, int stoppedAfter)
{
    flushOutput();
    m_model->resetUnfinished();
    m_next = m_session.runner->resumeIndex();
    setRunning(false);
    if (const auto failure = m_session.runner->failure()) {
        QString text = tr("The step \"%1\" failed: %2").arg(failure->stepTitle, failure->message);
        if (!failure->command.isEmpty())
            text += QLatin1Char('\n') + tr("Command: %1").arg(failure->command);
        if (!failure->detail.isEmpty())
            text += QLatin1Char('\n') + failure->detail;
        m_status->setText(text);
    } else if (succeeded && stoppedAfter >= 0) {
        m_status->setText(tr("Stopped after step %1, as asked. Press Run to go on.").arg(stoppedAfter + 1));
    } else if (succeeded) {
        m_status->setText(tr("Every step is done. Next shows the verification."));
    }
    emit completeChanged();
}

void RunPage::setRunning(bool running)
{
    m_running = running;
    const bool failed =
        !running && m_session.runner->failure().has_value() && m_session.runner->failure()->stepIndex >= 0;
    m_run->setEnabled(!running && m_next >= 0);
    m_runTo->setEnabled(!running && m_next >= 0);
    m_cancel->setEnabled(running);
    m_retry->setEnabled(failed);
    if (!running)
        m_progress->hide();
    emit completeChanged();
}

bool RunPage::isComplete() const
{
    return !m_running && m_next < 0 && !m_session.runner->failure();
}
