#include "ui/main_window.h"

#include "core/host/command_line.h"
#include "core/monitor/replication_sampler.h"
#include "core/sandbox/sandbox.h"
#include "ui/no_sandbox_view.h"
#include "ui/sandbox_view.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QStatusBar>

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Replica Studio"));
    auto *placeholder = new QLabel(tr("Replica Studio sets up, watches and teaches PostgreSQL streaming replication."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    setCentralWidget(placeholder);
    resize(1180, 720);
    m_recheck.setInterval(2000);
    connect(&m_recheck, &QTimer::timeout, this, &MainWindow::checkForSandbox);
}

MainWindow::~MainWindow() = default;

void MainWindow::openDemo(const QString &dir)
{
    m_demoDir = QDir::cleanPath(QFileInfo(dir.isEmpty() ? Sandbox::defaultDir() : dir).absoluteFilePath());
    setWindowTitle(tr("Replica Studio: demo sandbox"));
    checkForSandbox();
}

QString MainWindow::sandboxCommand(const QString &action) const
{
    QStringList arguments{QStringLiteral("sandbox"), action};
    if (m_demoDir != QDir::cleanPath(Sandbox::defaultDir()))
        arguments << QStringLiteral("--dir") << m_demoDir;
    return CommandLine(QStringLiteral("replicactl"), arguments).toShellString();
}

void MainWindow::checkForSandbox()
{
    // A few hundred bytes of JSON: reading it does not hold the window up.
    const bool exists = QFile::exists(SandboxState::stateFilePath(m_demoDir));
    const Result<SandboxState> state = exists ? Sandbox::loadState(m_demoDir)
                                              : Result<SandboxState>(makeError(QString()));
    if (state.ok()) {
        m_recheck.stop();
        showSandbox(state.value());
        return;
    }
    if (!m_noSandboxView) {
        m_noSandboxView = new NoSandboxView(this);
        setCentralWidget(m_noSandboxView);
        m_sandboxView = nullptr;
    }
    const QString problem = exists ? tr("The sandbox in this folder could not be read: %1").arg(state.error().fullText())
                                   : QString();
    m_noSandboxView->setSituation(m_demoDir, sandboxCommand(QStringLiteral("up")), problem);
    statusBar()->showMessage(tr("No sandbox in %1 yet.").arg(m_demoDir));
    m_recheck.start();
}

void MainWindow::showSandbox(const SandboxState &state)
{
    delete m_sampler;
    m_sampler = new ReplicationSampler(this);
    m_sampler->setInterval(1000);
    m_sampler->setConnectTimeout(3000);
    m_sampler->setPrimary(state.primary.name, state.primary.connectionString(QStringLiteral("postgres")));
    m_sampler->addStandby(state.standby.name, state.standby.connectionString(QStringLiteral("postgres")));

    m_sandboxView = new SandboxView(state, m_sampler, this);
    m_sandboxView->setCommandFor([this](const QString &action) { return sandboxCommand(action); });
    setCentralWidget(m_sandboxView); // deletes the previous page
    m_noSandboxView = nullptr;
    statusBar()->clearMessage();
    statusBar()->hide();
    m_sampler->start();
}
