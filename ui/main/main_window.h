#pragma once

#include "core/monitor/replication_problem.h"
#include "core/sandbox/sandbox_task.h"
#include "ui/console/query_target.h"
#include "ui/main/cluster_list_model.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class ClusterProfileStore;
class QLabel;
class QListView;
class QSplitter;
class QStackedWidget;
class QSystemTrayIcon;
class QTabWidget;
class LessonPane;
class QDockWidget;
class QueryConsole;
class ReplicationPanel;
class ReplicationSampler;
class SandboxView;
class SecretStore;
class SetupWizard;
struct HostTarget;
class SshTunnel;
class WelcomePage;
struct ReplicationSample;
struct SandboxState;

// The program's main window: a sidebar of clusters (the demo sandbox and
// every saved cluster profile) and, for the selected one, its pages as tabs;
// the empty state (WelcomePage) while there is nothing to watch; menus,
// shortcuts, a status bar with the connection states, and a tray icon whose
// colour is the worst state of the watched clusters. Owns the
// ReplicationSampler of the selected cluster (core objects on this thread
// that never block it) and starts sandbox work as SandboxTasks.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the sandbox in dir (Sandbox::defaultDir() when empty), or the
    // empty state while there is none; checks again every few seconds.
    void openDemo(const QString &dir = {});
    // Selects a cluster of the sidebar by id (ClusterListModel::demoId() for the sandbox).
    void selectCluster(const QString &id);
    QString currentClusterId() const { return m_currentId; }

    // For the tests and the pages that plug in.
    SandboxView *sandboxView() const { return m_sandboxView; }
    ReplicationPanel *panel() const { return m_panel; }
    QueryConsole *console() const { return m_console; }
    LessonPane *lesson() const { return m_lesson; }
    WelcomePage *welcomePage() const { return m_welcome; }
    ReplicationSampler *sampler() const { return m_sampler; }
    ClusterListModel *clusters() const { return m_clusters; }
    QTabWidget *clusterTabs() const { return m_tabs; }
    SecretStore *secrets() const { return m_secrets; }
    ClusterProfileStore *profileStore() const { return m_store; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildFileMenu();
    void buildClusterMenu();
    void buildSandboxMenu();
    void buildViewMenu();
    void buildHelpMenu();
    void buildTray();
    void restoreLayout();
    void saveLayout() const;

    void showCluster(const QString &id);
    void clearClusterPage();
    void checkForSandbox();
    void showSandbox(const SandboxState &state);
    void showProfile(const ClusterProfile &profile);
    void connectProfile(const ClusterProfile &profile, const QString &password);
    // The replication page of a saved cluster; where its servers are reached through SSH, once
    // every tunnel is up.
    void showProfilePage(const ClusterProfile &profile, const QHash<QString, QString> &conninfos);
    void watch(const QString &id);
    void startSandbox();
    // Null when another sandbox call runs.
    SandboxTask *runSandbox(SandboxTask::Action action, const QString &doing, const SandboxOptions &options = {});
    void addConsole(const QString &clusterId, const QList<QueryTarget> &targets);
    void buildLessonDock();
    void runLessonSql(int step, int action, const QString &server, const QString &sql);
    std::optional<QString> lessonTarget(const QString &server) const;
    void runLessonOperation(int step, int action, SandboxTask::Action what, const SandboxOptions &options);
    void sandboxFinished(SandboxTask *task, const QString &doing);
    // The standby items of the Sandbox menu: on the only standby, or a list of them.
    void offerStandbyChoice(const QStringList &standbys);
    void updateSandboxActions();
    void warn(const QString &title, const QString &text);
    void confirm(const QString &title, const QString &text, std::function<void()> onYes);

    void newProfile();
    void editProfile();
    void removeProfile();
    void exportProfile();
    void importProfile();
    void reloadProfiles();
    void editProfileInDialog(const ClusterProfile &start, bool isNew);

    void showSampleState(const ReplicationSample &sample);
    void notifyProblems(const QString &id, const QList<ReplicationProblem> &problems);
    void updateTrayIcon();
    void showAbout();
    void openSetupWizard();
    void addClusterFromSetup(const HostTarget &primary, int primaryPort, const HostTarget &standby, int standbyPort,
                             const QString &standbyName, const QString &monitoringRole,
                             const QString &monitoringPassword);
    // "replicactl sandbox <action> [--dir DIR]", quoted for a shell.
    QString sandboxCommand(const QString &action) const;

    ClusterListModel *m_clusters;
    ClusterProfileStore *m_store;
    SecretStore *m_secrets;
    QSplitter *m_splitter;
    QListView *m_sidebar;
    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    QTabWidget *m_tabs;
    QLabel *m_connectionState;
    QSystemTrayIcon *m_tray = nullptr;

    QString m_demoDir;
    QString m_currentId;
    bool m_demoUp = false;
    QTimer m_recheck;
    ReplicationSampler *m_sampler = nullptr;
    SandboxView *m_sandboxView = nullptr;
    ReplicationPanel *m_panel = nullptr;
    QueryConsole *m_console = nullptr;
    LessonPane *m_lesson = nullptr;
    QDockWidget *m_lessonDock = nullptr;
    QPointer<SetupWizard> m_wizard;
    QList<SshTunnel *> m_tunnels; // of the selected cluster's servers reached through SSH
    QPointer<SandboxTask> m_sandboxTask;
    QList<QAction *> m_sandboxActions; // enabled while the sandbox is up and idle
    // A Sandbox menu item that acts on one standby, with the list it opens when there are several.
    struct StandbyChoice
    {
        QAction *item;
        QMenu *menu;
        SandboxTask::Action action;
        QString doing;
    };
    QList<StandbyChoice> m_standbyChoices;
    QList<QAction *> m_profileActions;        // enabled while a saved cluster is selected
    QHash<QString, QStringList> m_alertCodes; // per cluster: the problem codes last seen, for notifications
};
