#include "ui/main/main_window.h"

#include "core/conf/conninfo.h"
#include "core/host/command_line.h"
#include "core/host/ssh_tunnel.h"
#include "core/monitor/replication_sampler.h"
#include "core/plan/host_target.h"
#include "core/profile/cluster_profile_store.h"
#include "core/profile/secret_store.h"
#include "core/sandbox/sandbox.h"
#include "core/version/library_versions.h"
#include "core/version/pg_version.h"
#include "ui/console/query_console.h"
#include "ui/lesson/lesson_pane.h"
#include "ui/main/cluster_profile_dialog.h"
#include "ui/main/settings_dialog.h"
#include "ui/main/welcome_page.h"
#include "ui/panel/replication_panel.h"
#include "ui/sandbox_view.h"
#include "ui/wizard/setup_wizard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>

#include <algorithm>

namespace {

constexpr auto monitoringSecret = "monitoring-password";

QAction *menuAction(QMenu *menu, const QString &text, const QString &name, const QKeySequence &shortcut = {})
{
    QAction *action = menu->addAction(text);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}

ClusterListModel::Health healthOf(const ReplicationSample &sample)
{
    if (!sample.primary.reachable)
        return sample.primary.connecting ? ClusterListModel::Health::Unknown : ClusterListModel::Health::Unreachable;
    ClusterListModel::Health health = ClusterListModel::Health::Healthy;
    for (const ReplicationProblem &problem : sample.problems) {
        if (problem.severity == ReplicationProblem::Severity::Critical)
            return ClusterListModel::Health::Critical;
        health = ClusterListModel::Health::Warning;
    }
    return health;
}

// A page that may be taller than a laptop's screen scrolls instead of
// holding the window at its height.
QScrollArea *scrolled(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

QIcon trayIcon(const QColor &colour)
{
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour.darker(140), 4));
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(6, 6, 52, 52));
    return QIcon(pixmap);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_clusters(new ClusterListModel(this)), m_store(new ClusterProfileStore(QString(), this)),
      m_secrets(new SecretStore(QStringLiteral("Replica Studio"), this)), m_splitter(new QSplitter(this)),
      m_sidebar(new QListView(this)), m_stack(new QStackedWidget(this)), m_welcome(new WelcomePage(this)),
      m_tabs(new QTabWidget(this)), m_connectionState(new QLabel(this))
{
    setWindowTitle(tr("Replica Studio"));
    setObjectName(QStringLiteral("mainWindow"));
    m_sidebar->setObjectName(QStringLiteral("clusterSidebar"));
    m_sidebar->setAccessibleName(tr("Clusters"));
    m_sidebar->setModel(m_clusters);
    m_sidebar->setIconSize(QSize(16, 16));
    m_sidebar->setSpacing(2);
    m_sidebar->setMinimumWidth(180);
    connect(m_sidebar->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showCluster(current.data(ClusterListModel::IdRole).toString());
            });
    m_tabs->setObjectName(QStringLiteral("clusterTabs"));
    m_tabs->setDocumentMode(true);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_tabs);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({220, 960});
    setCentralWidget(m_splitter);
    m_connectionState->setObjectName(QStringLiteral("connectionState"));
    statusBar()->addPermanentWidget(m_connectionState);

    connect(m_welcome, &WelcomePage::sandboxRequested, this, &MainWindow::startSandbox);
    connect(m_welcome, &WelcomePage::setupRequested, this, &MainWindow::openSetupWizard);
    connect(m_secrets, &SecretStore::fellBackToMemory, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, 15000); });
    connect(m_store, &ClusterProfileStore::saved, this, [this](const QString &id, const QString &error) {
        if (!error.isEmpty()) {
            warn(tr("Cluster not saved"), error);
            return;
        }
        reloadProfiles();
        selectCluster(id);
    });

    m_recheck.setInterval(2000);
    connect(&m_recheck, &QTimer::timeout, this, &MainWindow::checkForSandbox);
    buildLessonDock();
    buildMenus();
    buildTray();
    reloadProfiles();
    resize(1180, 760);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

// ---- layout and menus -------------------------------------------------------

void MainWindow::buildMenus()
{
    buildFileMenu();
    buildClusterMenu();
    buildSandboxMenu();
    buildViewMenu();
    buildHelpMenu();
}

void MainWindow::buildFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    connect(menuAction(file, tr("&New replication setup…"), QStringLiteral("newSetupAction"), QKeySequence::New),
            &QAction::triggered, this, &MainWindow::openSetupWizard);
    file->addSeparator();
    QAction *settings = menuAction(file, tr("&Settings…"), QStringLiteral("settingsAction"), QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, [this] {
        auto *dialog = new SettingsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    file->addSeparator();
    QAction *quit = menuAction(file, tr("&Quit"), QStringLiteral("quitAction"), QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, [this] {
        saveLayout();
        QApplication::quit(); // really quits, also while the window hides in the tray
    });
}

void MainWindow::buildClusterMenu()
{
    QMenu *cluster = menuBar()->addMenu(tr("&Cluster"));
    connect(menuAction(cluster, tr("&New cluster…"), QStringLiteral("newClusterAction"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)),
            &QAction::triggered, this, &MainWindow::newProfile);
    QAction *reconnect =
        menuAction(cluster, tr("&Connect again"), QStringLiteral("connectAction"), QKeySequence::Refresh);
    connect(reconnect, &QAction::triggered, this, [this] { showCluster(m_currentId); });
    QAction *edit =
        menuAction(cluster, tr("&Edit…"), QStringLiteral("editClusterAction"), QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(edit, &QAction::triggered, this, &MainWindow::editProfile);
    QAction *remove = menuAction(cluster, tr("&Remove"), QStringLiteral("removeClusterAction"));
    connect(remove, &QAction::triggered, this, &MainWindow::removeProfile);
    cluster->addSeparator();
    QAction *exportAction = menuAction(cluster, tr("E&xport profile…"), QStringLiteral("exportClusterAction"));
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportProfile);
    connect(menuAction(cluster, tr("&Import profile…"), QStringLiteral("importClusterAction")), &QAction::triggered,
            this, &MainWindow::importProfile);
    m_profileActions = {edit, remove, exportAction};
}

void MainWindow::buildSandboxMenu()
{
    QMenu *sandbox = menuBar()->addMenu(tr("&Sandbox"));
    QAction *start = menuAction(sandbox, tr("&Start the demo sandbox"), QStringLiteral("sandboxUpAction"));
    connect(start, &QAction::triggered, this, &MainWindow::startSandbox);
    sandbox->addSeparator();
    const QList<std::tuple<QString, QString, SandboxTask::Action, QString>> operations{
        {tr("Stop the s&tandby"), QStringLiteral("stopStandbyAction"), SandboxTask::Action::StopStandby,
         tr("Stopping the standby…")},
        {tr("Start the standb&y"), QStringLiteral("startStandbyAction"), SandboxTask::Action::StartStandby,
         tr("Starting the standby…")},
        {tr("&Pause replay"), QStringLiteral("pauseReplayAction"), SandboxTask::Action::PauseReplay,
         tr("Pausing replay…")},
        {tr("&Resume replay"), QStringLiteral("resumeReplayAction"), SandboxTask::Action::ResumeReplay,
         tr("Resuming replay…")},
        {tr("Make replication s&ynchronous"), QStringLiteral("syncAction"), SandboxTask::Action::MakeSynchronous,
         tr("Switching to synchronous replication…")},
        {tr("Make replication &asynchronous"), QStringLiteral("asyncAction"), SandboxTask::Action::MakeAsynchronous,
         tr("Switching to asynchronous replication…")},
        {tr("Pro&mote the standby"), QStringLiteral("promoteAction"), SandboxTask::Action::Promote,
         tr("Promoting the standby…")},
    };
    m_sandboxActions.clear();
    m_standbyChoices.clear();
    for (const auto &[text, name, action, doing] : operations) {
        QAction *item = menuAction(sandbox, text, name);
        connect(item, &QAction::triggered, this, [this, action, doing] { runSandbox(action, doing); });
        m_sandboxActions << item;
        if (action != SandboxTask::Action::MakeSynchronous && action != SandboxTask::Action::MakeAsynchronous)
            m_standbyChoices.append({item, new QMenu(this), action, doing});
    }
    sandbox->addSeparator();
    QAction *reset = menuAction(sandbox, tr("Reset to a &fresh pair"), QStringLiteral("resetSandboxAction"));
    connect(reset, &QAction::triggered, this, [this] {
        confirm(tr("Reset the sandbox?"),
                tr("Both servers of the demo sandbox and every row written in them are removed, and a fresh primary "
                   "and standby are made."),
                [this] { runSandbox(SandboxTask::Action::Reset, tr("Making a fresh pair…")); });
    });
    QAction *down = menuAction(sandbox, tr("S&hut down"), QStringLiteral("sandboxDownAction"));
    connect(down, &QAction::triggered, this,
            [this] { runSandbox(SandboxTask::Action::Down, tr("Stopping both servers…")); });
    m_sandboxActions << reset << down;
    updateSandboxActions();
}

void MainWindow::buildViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *sidebar = menuAction(view, tr("Show the &cluster list"), QStringLiteral("toggleSidebarAction"),
                                  QKeySequence(Qt::CTRL | Qt::Key_B));
    sidebar->setCheckable(true);
    sidebar->setChecked(true);
    connect(sidebar, &QAction::toggled, m_sidebar, &QWidget::setVisible);
    QAction *fullScreen =
        menuAction(view, tr("&Full screen"), QStringLiteral("fullScreenAction"), QKeySequence::FullScreen);
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });
    QAction *lesson = m_lessonDock->toggleViewAction();
    lesson->setText(tr("The &lesson"));
    lesson->setObjectName(QStringLiteral("lessonAction"));
    lesson->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(lesson);
    view->addSeparator();
    for (int tab = 0; tab < 3; ++tab) {
        QAction *go = menuAction(view, tr("Go to tab %1").arg(tab + 1), QStringLiteral("tab%1Action").arg(tab + 1),
                                 QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + tab)));
        connect(go, &QAction::triggered, this, [this, tab] {
            if (tab < m_tabs->count())
                m_tabs->setCurrentIndex(tab);
        });
    }
}

void MainWindow::buildHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    connect(menuAction(help, tr("The replication &lesson on the demo sandbox"), QStringLiteral("tourAction"),
                       QKeySequence::HelpContents),
            &QAction::triggered, this, [this] {
                selectCluster(ClusterListModel::demoId());
                m_lessonDock->show();
                m_lessonDock->raise();
            });
    help->addSeparator();
    QAction *about = menuAction(help, tr("&About Replica Studio"), QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(menuAction(help, tr("About &Qt"), QStringLiteral("aboutQtAction")), &QAction::triggered, qApp,
            &QApplication::aboutQt);
}

void MainWindow::buildTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(this);
    auto *menu = new QMenu(this);
    connect(menu->addAction(tr("Show Replica Studio")), &QAction::triggered, this, [this] {
        showNormal();
        activateWindow();
    });
    connect(menu->addAction(tr("Quit")), &QAction::triggered, qApp, &QApplication::quit);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger) {
            showNormal();
            activateWindow();
        }
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        showNormal();
        activateWindow();
    });
    updateTrayIcon();
    m_tray->show();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    const QString last = settings.value(QStringLiteral("window/lastCluster")).toString();
    if (!last.isEmpty() && last != ClusterListModel::demoId() && m_clusters->indexOf(last).isValid())
        selectCluster(last);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/lastCluster"), m_currentId);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    // With a tray, closing the window keeps the watch going; Quit ends it.
    if (m_tray && m_tray->isVisible() && m_sampler && SettingsDialog::keepWatchingInTray()) {
        hide();
        m_tray->showMessage(tr("Replica Studio keeps watching"),
                            tr("The replication panel goes on sampling in the background. Choose Quit to stop."));
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

// ---- clusters ---------------------------------------------------------------

void MainWindow::selectCluster(const QString &id)
{
    const QModelIndex index = m_clusters->indexOf(id);
    if (!index.isValid())
        return;
    if (m_sidebar->currentIndex() == index)
        showCluster(id);
    else
        m_sidebar->setCurrentIndex(index);
}

void MainWindow::clearClusterPage()
{
    delete m_sampler;
    m_sampler = nullptr;
    m_panel = nullptr;
    m_console = nullptr;
    qDeleteAll(m_tunnels);
    m_tunnels.clear();
    m_sandboxView = nullptr;
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    m_recheck.stop();
    m_connectionState->clear();
}

void MainWindow::showCluster(const QString &id)
{
    clearClusterPage();
    m_currentId = id;
    for (QAction *action : m_profileActions)
        action->setEnabled(id != ClusterListModel::demoId());
    if (id == ClusterListModel::demoId()) {
        if (m_demoDir.isEmpty())
            m_demoDir = QDir::cleanPath(Sandbox::defaultDir());
        m_welcome->setSandboxPlace(m_demoDir, sandboxCommand(QStringLiteral("up")));
        m_clusters->setDemoAddress(m_demoDir);
        setWindowTitle(tr("Replica Studio: demo sandbox"));
        checkForSandbox();
        return;
    }
    if (const ClusterProfile *profile = m_clusters->profile(id))
        showProfile(*profile);
}

void MainWindow::openDemo(const QString &dir)
{
    m_demoDir = QDir::cleanPath(QFileInfo(dir.isEmpty() ? Sandbox::defaultDir() : dir).absoluteFilePath());
    selectCluster(ClusterListModel::demoId());
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
    // While a sandbox call runs, its end shows the outcome.
    if (m_currentId != ClusterListModel::demoId() || m_sandboxTask)
        return;
    // A few hundred bytes of JSON: reading it does not hold the window up.
    const bool exists = QFile::exists(SandboxState::stateFilePath(m_demoDir));
    const Result<SandboxState> state =
        exists ? Sandbox::loadState(m_demoDir) : Result<SandboxState>(makeError(QString()));
    m_demoUp = state.ok();
    updateSandboxActions();
    if (state.ok()) {
        m_recheck.stop();
        if (!m_sandboxView)
            showSandbox(state.value());
        return;
    }
    m_stack->setCurrentWidget(m_welcome);
    if (!m_sandboxTask)
        m_welcome->showProblem(
            exists ? tr("The sandbox in this folder could not be read: %1").arg(state.error().fullText()) : QString());
    statusBar()->showMessage(tr("No sandbox in %1 yet.").arg(m_demoDir));
    m_recheck.start();
}

void MainWindow::showSandbox(const SandboxState &state)
{
    clearClusterPage();
    m_sampler = new ReplicationSampler(this);
    m_sampler->setInterval(1000);
    m_sampler->setConnectTimeout(3000);
    m_sampler->setPrimary(state.primary.name, state.primary.connectionString(QStringLiteral("postgres")));
    for (const SandboxServer &standby : state.standbys)
        m_sampler->addStandby(standby.name, standby.connectionString(QStringLiteral("postgres")));

    QStringList standbyNames;
    for (const SandboxServer &standby : state.standbys)
        standbyNames << standby.name;
    offerStandbyChoice(standbyNames);

    m_panel = new ReplicationPanel(m_sampler, m_tabs);
    m_sandboxView = new SandboxView(state, m_sampler, m_tabs);
    m_sandboxView->setCommandFor([this](const QString &action) { return sandboxCommand(action); });
    m_panel->setHintProvider([view = m_sandboxView](const ReplicationSample &sample) { return view->hintFor(sample); });
    m_tabs->addTab(scrolled(m_panel), tr("Replication"));
    QList<QueryTarget> targets{{state.primary.name, state.primary.connectionString(), false}};
    for (const SandboxServer &standby : state.standbys)
        targets.append({standby.name, standby.connectionString(), !standby.promoted});
    addConsole(ClusterListModel::demoId(), targets);
    m_tabs->addTab(m_sandboxView, tr("Servers"));
    m_stack->setCurrentWidget(m_tabs);
    statusBar()->clearMessage();
    watch(ClusterListModel::demoId());
}

void MainWindow::showProfile(const ClusterProfile &profile)
{
    setWindowTitle(tr("Replica Studio: %1").arg(profile.name));
    m_stack->setCurrentWidget(m_tabs);
    const QString key = profile.secretKey(QString::fromLatin1(monitoringSecret));
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        m_secrets, &SecretStore::secretRead, this,
        [this, profile, key, connection](const QString &readKey, const QString &secret, bool, const QString &error) {
            if (readKey != key)
                return;
            disconnect(*connection);
            if (!error.isEmpty())
                statusBar()->showMessage(error, 15000);
            if (m_currentId == profile.id)
                connectProfile(profile, secret);
        });
    m_secrets->read(key);
}

void MainWindow::connectProfile(const ClusterProfile &profile, const QString &password)
{
    clearClusterPage();
    m_currentId = profile.id;
    // By value: it is called again once a tunnel is up, after this function returned.
    auto conninfoOf = [profile, password](const QString &text) {
        Result<ConnInfo> conninfo = ConnInfo::parse(text);
        if (!conninfo)
            return text;
        if (!conninfo->contains(QStringLiteral("user")))
            conninfo->set(QStringLiteral("user"), profile.monitoringRole);
        if (!conninfo->contains(QStringLiteral("dbname")))
            conninfo->set(QStringLiteral("dbname"), profile.database);
        if (!password.isEmpty())
            conninfo->set(QStringLiteral("password"), password); // in memory only
        conninfo->set(QStringLiteral("application_name"), QStringLiteral("replica-studio"));
        return conninfo->toString();
    };
    auto conninfos = std::make_shared<QHash<QString, QString>>();
    auto waiting = std::make_shared<int>(0);
    for (const ClusterServer &server : profile.servers) {
        if (server.access == ServerAccess::ConnectionString) {
            conninfos->insert(server.name, conninfoOf(server.conninfo));
            continue;
        }
        SshHostConfig config;
        HostTarget::fromGiven(server.sshUser, server.sshHost, server.sshPort).applyTo(config);
        auto *tunnel = new SshTunnel(config, QStringLiteral("localhost"), server.pgPort, this);
        m_tunnels << tunnel;
        ++*waiting;
        connect(tunnel, &SshTunnel::ready, this, [=, this, name = server.name](int port) {
            conninfos->insert(name, conninfoOf(QStringLiteral("host=127.0.0.1 port=%1").arg(port)));
            if (--*waiting == 0)
                showProfilePage(profile, *conninfos);
        });
        connect(tunnel, &SshTunnel::failed, this, [this, name = server.name](const QString &message) {
            statusBar()->showMessage(tr("No SSH tunnel to %1: %2 Press F5 to try again.").arg(name, message));
        });
        tunnel->start();
    }
    statusBar()->showMessage(*waiting > 0 ? tr("Opening SSH tunnels to the servers…") : QString());
    if (*waiting == 0)
        showProfilePage(profile, *conninfos);
}

void MainWindow::showProfilePage(const ClusterProfile &profile, const QHash<QString, QString> &conninfos)
{
    m_sampler = new ReplicationSampler(this);
    m_sampler->setInterval(1000);
    m_sampler->setPrimary(profile.primary()->name, conninfos.value(profile.primary()->name));
    for (const ClusterServer &standby : profile.standbys())
        m_sampler->addStandby(standby.name, conninfos.value(standby.name));

    m_panel = new ReplicationPanel(m_sampler, m_tabs);
    m_tabs->addTab(scrolled(m_panel), tr("Replication"));
    QList<QueryTarget> targets;
    for (const ClusterServer &server : profile.servers)
        targets << QueryTarget{server.name, conninfos.value(server.name), !server.isPrimary};
    addConsole(profile.id, targets);
    statusBar()->clearMessage();
    watch(profile.id);
}

void MainWindow::addConsole(const QString &clusterId, const QList<QueryTarget> &targets)
{
    m_console = new QueryConsole(m_tabs);
    m_console->setTargets(targets);
    m_console->setHistoryKey(clusterId);
    m_tabs->addTab(m_console, tr("Console"));
}

// ---- the lesson -------------------------------------------------------------

void MainWindow::buildLessonDock()
{
    m_lesson = new LessonPane(this);
    m_lessonDock = new QDockWidget(tr("Lesson"), this);
    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    m_lessonDock->setWidget(m_lesson);
    m_lessonDock->setMinimumWidth(360);
    addDockWidget(Qt::RightDockWidgetArea, m_lessonDock);
    m_lessonDock->hide();
    connect(m_lesson, &LessonPane::sqlRequested, this, &MainWindow::runLessonSql);
    connect(m_lesson, &LessonPane::sandboxRequested, this, &MainWindow::runLessonOperation);
}

void MainWindow::runLessonSql(int step, int action, const QString &server, const QString &sql)
{
    if (m_currentId != ClusterListModel::demoId() || !m_console) {
        m_lesson->actionFinished(step, action, false, QString(),
                                 tr("The lesson runs on the demo sandbox: start it first (Sandbox > Start the demo "
                                    "sandbox)."));
        return;
    }
    m_tabs->setCurrentWidget(m_console);
    if (!lessonTarget(server)) {
        m_lesson->actionFinished(
            step, action, false, QString(),
            tr("The sandbox has no server named %1 now: reset it (Sandbox > Reset to a fresh pair) and run the "
               "step again.")
                .arg(server));
        return;
    }
    if (!m_console->runSql(*lessonTarget(server), sql)) {
        m_lesson->actionFinished(step, action, false, QString(),
                                 tr("The console is still running a statement: wait for it, or cancel it with Esc."));
        return;
    }
    // A script's last statement tells how the action went; the run's end reports it.
    auto last = std::make_shared<std::tuple<bool, QString, QString>>(false, QString(), tr("Cancelled."));
    QueryConsole *console = m_console;
    auto ended = connect(console, &QueryConsole::statementEnded, this,
                         [last](bool ok, const QString &state, const QString &summary) {
                             *last = {ok, state, summary};
                         });
    auto finished = std::make_shared<QMetaObject::Connection>();
    *finished = connect(console, &QueryConsole::runFinished, this, [=, this] {
        disconnect(ended);
        disconnect(*finished);
        m_lesson->actionFinished(step, action, std::get<0>(*last), std::get<1>(*last), std::get<2>(*last));
    });
}

// The lesson's "standby" is the sandbox's first standby, whatever its name (standby1 among several).
std::optional<QString> MainWindow::lessonTarget(const QString &server) const
{
    // The lesson's "standby" is the sandbox's first standby, whatever its name (standby1 among several),
    // promoted or not.
    const QString name =
        server == QLatin1String("standby") && m_sandboxView && !m_sandboxView->state().standbys.isEmpty()
            ? m_sandboxView->state().standby().name
            : server;
    const QList<QueryTarget> &targets = m_console->targets();
    const bool known = std::any_of(targets.cbegin(), targets.cend(),
                                   [&name](const QueryTarget &target) { return target.name == name; });
    return known ? std::optional<QString>(name) : std::nullopt;
}

void MainWindow::runLessonOperation(int step, int action, SandboxTask::Action what, const SandboxOptions &options)
{
    SandboxTask *task = runSandbox(what, tr("Lesson: working on the sandbox…"), options);
    if (!task) {
        m_lesson->actionFinished(step, action, false, QString(),
                                 tr("Another sandbox operation is running: wait for it to end."));
        return;
    }
    connect(task, &SandboxTask::finished, this, [this, task, step, action] {
        m_lesson->actionFinished(step, action, task->ok(), QString(),
                                 task->ok() ? task->actions().join(QLatin1Char(' ')) : task->error().message);
    });
}

// Health in the sidebar and tray, the status bar line, and notifications as
// alerts start and clear, from the selected cluster's sampler.
void MainWindow::watch(const QString &id)
{
    connect(m_sampler, &ReplicationSampler::sampleReady, this, [this, id](const ReplicationSample &sample) {
        m_clusters->setHealth(id, healthOf(sample));
        updateTrayIcon();
        showSampleState(sample);
    });
    connect(m_sampler, &ReplicationSampler::problemsChanged, this,
            [this, id](const QList<ReplicationProblem> &problems) { notifyProblems(id, problems); });
    m_sampler->start();
}

void MainWindow::showSampleState(const ReplicationSample &sample)
{
    QStringList parts;
    auto stateOf = [](const ReplicationSample::Server &server) {
        return server.reachable    ? tr("%1: connected").arg(server.name)
               : server.connecting ? tr("%1: connecting…").arg(server.name)
                                   : tr("%1: not answering").arg(server.name);
    };
    parts << stateOf(sample.primary);
    for (const ReplicationSample::Server &standby : sample.standbyServers)
        parts << stateOf(standby);
    parts << tr("sampled %1").arg(sample.sampledAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    m_connectionState->setText(parts.join(QStringLiteral("  ·  ")));
}

void MainWindow::notifyProblems(const QString &id, const QList<ReplicationProblem> &problems)
{
    QStringList codes;
    for (const ReplicationProblem &problem : problems)
        codes << problem.code + QLatin1Char('/') + problem.subject;
    const QStringList before = m_alertCodes.value(id);
    m_alertCodes.insert(id, codes);
    if (!m_tray || !m_tray->isVisible())
        return;
    const QModelIndex index = m_clusters->indexOf(id);
    const QString cluster = index.data().toString();
    for (qsizetype i = 0; i < problems.size(); ++i)
        if (!before.contains(codes[i]))
            m_tray->showMessage(tr("%1: %2").arg(cluster, problems[i].code), problems[i].message,
                                problems[i].severity == ReplicationProblem::Severity::Critical
                                    ? QSystemTrayIcon::Critical
                                    : QSystemTrayIcon::Warning);
    if (!before.isEmpty() && codes.isEmpty())
        m_tray->showMessage(cluster, tr("All clear: every alert of %1 has cleared.").arg(cluster));
}

void MainWindow::updateTrayIcon()
{
    if (!m_tray)
        return;
    const ClusterListModel::Health worst = m_clusters->worstHealth();
    m_tray->setIcon(trayIcon(ClusterListModel::healthColour(worst)));
    m_tray->setToolTip(tr("Replica Studio: %1").arg(ClusterListModel::healthText(worst)));
}

// ---- the demo sandbox -------------------------------------------------------

void MainWindow::startSandbox()
{
    if (m_currentId != ClusterListModel::demoId())
        selectCluster(ClusterListModel::demoId());
    runSandbox(SandboxTask::Action::Up, tr("Making the demo sandbox…"));
}

SandboxTask *MainWindow::runSandbox(SandboxTask::Action action, const QString &doing, const SandboxOptions &options)
{
    if (m_sandboxTask)
        return nullptr;
    m_sandboxTask = SandboxTask::start(m_demoDir.isEmpty() ? Sandbox::defaultDir() : m_demoDir, action, options, this);
    const bool making = action == SandboxTask::Action::Up || action == SandboxTask::Action::Reset;
    if (making && !m_sandboxView)
        m_welcome->setSandboxStarting(true);
    statusBar()->showMessage(doing);
    connect(m_sandboxTask, &SandboxTask::progress, this, [this](const QString &line) {
        m_welcome->addProgressLine(line);
        statusBar()->showMessage(line);
    });
    SandboxTask *task = m_sandboxTask;
    connect(task, &SandboxTask::finished, this, [this, task, doing] { sandboxFinished(task, doing); });
    updateSandboxActions();
    return task;
}

// A sandbox's servers as the window connects to them.
static QList<SandboxServer> servers(const SandboxState &state)
{
    return QList<SandboxServer>{state.primary} + state.standbys;
}

void MainWindow::sandboxFinished(SandboxTask *task, const QString &doing)
{
    task->deleteLater();
    m_sandboxTask = nullptr;
    m_welcome->setSandboxStarting(false);
    if (!task->ok()) {
        statusBar()->clearMessage();
        const QString message = tr("%1 failed: %2").arg(doing, task->error().fullText());
        if (m_stack->currentWidget() == m_welcome)
            m_welcome->showProblem(message);
        else
            warn(tr("Sandbox"), message);
    } else {
        statusBar()->showMessage(task->actions().isEmpty() ? tr("Done.") : task->actions().last(), 8000);
    }
    // Up, reset or down change the pair itself: show it afresh.
    if (m_currentId == ClusterListModel::demoId() && (!m_sandboxView || !task->state()))
        showCluster(ClusterListModel::demoId());
    else if (task->state() && m_sandboxView &&
             (task->state()->anyPromoted() || servers(*task->state()) != servers(m_sandboxView->state())))
        showSandbox(*task->state()); // promoted, or made again with other standbys or ports (the lesson's quorum)
    updateSandboxActions();
}

// A question that does not wait: onYes runs when the user answers Yes. No
// nested event loop, so that sampling, the tray and running tasks go on.
void MainWindow::confirm(const QString &title, const QString &text, std::function<void()> onYes)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No, this);
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [onYes = std::move(onYes)](int answer) {
        if (answer == QMessageBox::Yes)
            onYes();
    });
    box->open();
}

// A warning that does not wait: no nested event loop, so that sampling, the
// tray and running tasks go on while it is shown.
void MainWindow::warn(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::offerStandbyChoice(const QStringList &standbys)
{
    // One standby: the item acts on it. Several: the item opens a list of them.
    for (const StandbyChoice &choice : std::as_const(m_standbyChoices)) {
        choice.menu->clear();
        for (const QString &name : standbys) {
            QAction *item = choice.menu->addAction(name);
            item->setObjectName(choice.item->objectName() + QLatin1Char('_') + name);
            connect(item, &QAction::triggered, this, [this, choice, name] {
                SandboxOptions options;
                options.standby = name;
                runSandbox(choice.action, choice.doing, options);
            });
        }
        choice.item->setMenu(standbys.size() > 1 ? choice.menu : nullptr);
    }
}

void MainWindow::updateSandboxActions()
{
    for (QAction *action : m_sandboxActions)
        action->setEnabled(m_demoUp && !m_sandboxTask);
    if (auto *start = findChild<QAction *>(QStringLiteral("sandboxUpAction")))
        start->setEnabled(!m_sandboxTask);
}

// ---- saved clusters ---------------------------------------------------------

void MainWindow::reloadProfiles()
{
    const QString current = m_currentId;
    m_clusters->setProfiles(m_store->load());
    for (const QString &problem : m_store->problems())
        statusBar()->showMessage(problem, 15000);
    const QModelIndex index = m_clusters->indexOf(current);
    if (index.isValid()) {
        const QSignalBlocker quiet(m_sidebar->selectionModel());
        m_sidebar->setCurrentIndex(index);
    }
}

void MainWindow::newProfile()
{
    ClusterProfile profile;
    profile.name = tr("New cluster");
    editProfileInDialog(profile, true);
}

void MainWindow::editProfile()
{
    if (const ClusterProfile *profile = m_clusters->profile(m_currentId))
        editProfileInDialog(*profile, false);
}

void MainWindow::editProfileInDialog(const ClusterProfile &start, bool isNew)
{
    auto *dialog = new ClusterProfileDialog(start, isNew, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, isNew] {
        ClusterProfile profile = dialog->profile();
        if (isNew) {
            QStringList taken;
            for (const ClusterProfile &existing : m_clusters->profiles())
                taken << existing.id;
            profile.id = ClusterProfile::idFor(profile.name, taken);
        }
        if (!dialog->password().isEmpty())
            m_secrets->write(profile.secretKey(QString::fromLatin1(monitoringSecret)), dialog->password());
        m_store->saveInBackground(profile);
    });
    dialog->open();
}

void MainWindow::removeProfile()
{
    const ClusterProfile *profile = m_clusters->profile(m_currentId);
    if (!profile)
        return;
    const ClusterProfile removed = *profile;
    confirm(tr("Remove %1?").arg(removed.name),
            tr("The saved cluster %1 and its password in the keychain are removed from this program. Nothing "
               "changes on its servers.")
                .arg(removed.name),
            [this, removed] {
                if (Result<void> done = m_store->remove(removed.id); !done) {
                    warn(tr("Cluster not removed"), done.error().message);
                    return;
                }
                m_secrets->remove(removed.secretKey(QString::fromLatin1(monitoringSecret)));
                if (m_currentId == removed.id)
                    clearClusterPage();
                reloadProfiles();
                if (m_currentId == removed.id)
                    selectCluster(ClusterListModel::demoId());
            });
}

void MainWindow::exportProfile()
{
    const ClusterProfile *profile = m_clusters->profile(m_currentId);
    if (!profile)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export cluster profile"), profile->id + QStringLiteral(".json"), tr("Cluster profiles (*.json)"));
    if (path.isEmpty())
        return;
    if (Result<void> done = ClusterProfileStore::exportTo(*profile, path); !done)
        warn(tr("Profile not exported"), done.error().message);
    else
        statusBar()->showMessage(tr("Exported to %1 (without its password).").arg(QDir::toNativeSeparators(path)),
                                 8000);
}

void MainWindow::importProfile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import cluster profile"), QString(), tr("Cluster profiles (*.json)"));
    if (path.isEmpty())
        return;
    Result<ClusterProfile> imported = ClusterProfileStore::importFrom(path);
    if (!imported) {
        warn(tr("Profile not imported"), imported.error().message);
        return;
    }
    QStringList taken;
    for (const ClusterProfile &existing : m_clusters->profiles())
        taken << existing.id;
    imported->id = ClusterProfile::idFor(imported->name, taken);
    m_store->saveInBackground(imported.value());
}

// ---- help ---------------------------------------------------------------------

void MainWindow::showAbout()
{
    QStringList lines;
    for (const LibraryVersion &library : libraryVersions())
        lines << tr("%1 %2").arg(library.name, library.version);
    if (m_sampler) {
        const ReplicationSample &sample = m_sampler->lastSample();
        QList<ReplicationSample::Server> servers{sample.primary};
        servers << sample.standbyServers;
        for (const ReplicationSample::Server &server : servers)
            if (server.serverVersionNum > 0)
                lines << tr("PostgreSQL on %1: %2")
                             .arg(server.name, PgVersion::fromServerVersionNum(server.serverVersionNum).toString());
    }
    QMessageBox::about(this, tr("About Replica Studio"),
                       tr("<h3>Replica Studio %1</h3><p>Sets up, watches and teaches PostgreSQL streaming "
                          "replication.</p><p>%2</p>")
                           .arg(QApplication::applicationVersion(), lines.join(QStringLiteral("<br>"))));
}

void MainWindow::openSetupWizard()
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    m_wizard = new SetupWizard(this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &SetupWizard::openPanelRequested, this, &MainWindow::addClusterFromSetup);
    m_wizard->show(); // not modal: the clusters keep being watched while it works
}

// The wizard's Done page: the pair it set up becomes a saved cluster, reached
// through SSH tunnels to each server's port, and is selected once saved.
void MainWindow::addClusterFromSetup(const HostTarget &primary, int primaryPort, const HostTarget &standby,
                                     int standbyPort, const QString &standbyName, const QString &monitoringRole,
                                     const QString &monitoringPassword)
{
    auto serverFor = [](const QString &name, bool isPrimary, const HostTarget &target, int port) {
        ClusterServer server;
        server.name = name;
        server.isPrimary = isPrimary;
        server.access = ServerAccess::SshTunnel;
        server.sshUser = target.givenUser();
        server.sshHost = target.host;
        server.sshPort = target.givenPort();
        server.pgPort = port;
        return server;
    };
    ClusterProfile profile;
    profile.name = tr("%1 and %2").arg(primary.host, standby.host);
    QStringList taken;
    for (const ClusterProfile &existing : m_clusters->profiles())
        taken << existing.id;
    profile.id = ClusterProfile::idFor(profile.name, taken);
    profile.servers = {
        serverFor(QStringLiteral("primary"), true, primary, primaryPort),
        serverFor(standbyName.isEmpty() ? QStringLiteral("standby") : standbyName, false, standby, standbyPort)};
    // The role the setup made for the panel; its password goes to the keychain, never to the profile.
    if (!monitoringRole.isEmpty())
        profile.monitoringRole = monitoringRole;
    if (!monitoringPassword.isEmpty())
        m_secrets->write(profile.secretKey(QString::fromLatin1(monitoringSecret)), monitoringPassword);
    m_store->saveInBackground(profile);
    if (m_wizard)
        m_wizard->close();
}
