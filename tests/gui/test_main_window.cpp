#include "core/host/local_host.h"
#include "core/monitor/replication_sampler.h"
#include "core/profile/cluster_profile_store.h"
#include "core/profile/secret_store.h"
#include "core/sandbox/sandbox.h"
#include "ui/lesson/lesson_pane.h"
#include "ui/main/cluster_list_model.h"
#include "ui/main/cluster_profile_dialog.h"
#include "ui/main/main_window.h"
#include "ui/main/settings_dialog.h"
#include "ui/main/welcome_page.h"
#include "ui/sandbox_view.h"

#include "accessibility_check.h"
#include "stall_meter.h"

#include "screenshot.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <unistd.h>

namespace {

// Set before QApplication exists, so that QSettings and QStandardPaths of
// the whole test use a folder of its own.
QTemporaryDir &configHome()
{
    static QTemporaryDir dir;
    return dir;
}

void useOwnConfigHome()
{
    qputenv("XDG_CONFIG_HOME", configHome().path().toLocal8Bit());
}
Q_CONSTRUCTOR_FUNCTION(useOwnConfigHome)

const QString hostilePassword = QStringLiteral("p4ss'word\"$HOME`x`\\");

} // namespace

// The desktop program's window as a DBA meets it: the first start's empty
// state, the demo sandbox made from its button without freezing, a saved
// cluster with a password, and a restart that brings everything back with
// the password in the keychain (or memory) and never on disk.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstStartShowsTheTwoWaysIn();
    void everyControlHasAName();
    void languageIsAChoice();
    void sandboxFromTheButton();
    void aSavedClusterIsWatched();
    void aRestartBringsItAllBack();
    void noSecretOnDisk();
    void theWholeLesson();
    void removingAClusterAsksWithoutWaiting();
    void cleanupTestCase();

private:
    QString demoDir() const { return m_base.path() + QStringLiteral("/demo"); }
    ClusterProfileDialog *openProfileDialog(MainWindow &window);

    QTemporaryDir m_base;
    std::unique_ptr<MainWindow> m_window;
    QString m_skip;
    QString m_primaryConninfo;
    QString m_standbyConninfo;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(configHome().isValid());
    QVERIFY(m_base.isValid());
    QVERIFY(QFile::setPermissions(m_base.path(), QFile::permissions(m_base.path()) | QFileDevice::ExeOther |
                                                     QFileDevice::ReadOther | QFileDevice::ExeGroup));
    if (::geteuid() != 0)
        m_skip = QStringLiteral("needs root: the sandbox runs its servers as the postgres user");
    else if (!QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb")))
        m_skip = QStringLiteral("Debian's PostgreSQL 15 (postgresql-15) is not installed");
}

void TestMainWindow::firstStartShowsTheTwoWaysIn()
{
    m_window = std::make_unique<MainWindow>();
    m_window->openDemo(demoDir());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->welcomePage()->isVisible());
    QVERIFY(m_window->welcomePage()->setupButton()->isEnabled());
    QVERIFY(m_window->welcomePage()->sandboxButton()->isEnabled());
    QCOMPARE(m_window->clusters()->rowCount(), 1); // the demo, no saved cluster yet
    for (const char *name : {"newSetupAction", "quitAction", "newClusterAction", "sandboxUpAction", "aboutAction"})
        QVERIFY2(m_window->findChild<QAction *>(QString::fromLatin1(name)), name);
    QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("quitAction"))->shortcut(),
             QKeySequence(QKeySequence::Quit));
    // Nothing to operate before the sandbox exists.
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("stopStandbyAction"))->isEnabled());
    LOOK_AT(m_window.get(), QStringLiteral("main-first-start.png"));
}

void TestMainWindow::everyControlHasAName()
{
    const QStringList unnamed = AccessibilityCheck::unnamedControls(m_window.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestMainWindow::languageIsAChoice()
{
    QCOMPARE(SettingsDialog::locale(), QLocale::system());
    m_window->findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
    SettingsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SettingsDialog *>()) && dialog->isVisible());
    QVERIFY2(AccessibilityCheck::unnamedControls(dialog).isEmpty(),
             qPrintable(AccessibilityCheck::unnamedControls(dialog).join(QStringLiteral(", "))));
    auto *language = dialog->findChild<QComboBox *>();
    language->setCurrentIndex(language->findData(QStringLiteral("ja")));
    dialog->accept();
    QCOMPARE(SettingsDialog::locale().language(), QLocale::Japanese);
    QSettings().remove(QStringLiteral("ui/language"));
    QCOMPARE(SettingsDialog::locale(), QLocale::system());
}

void TestMainWindow::sandboxFromTheButton()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    StallMeter meter;
    QTest::mouseClick(m_window->welcomePage()->sandboxButton(), Qt::LeftButton);
    QVERIFY(!m_window->welcomePage()->sandboxButton()->isEnabled()); // one at a time
    QTRY_VERIFY_WITH_TIMEOUT(m_window->sandboxView() != nullptr, 120000);
    meter.stop();
    QVERIFY2(meter.longestMs() < 200, qPrintable(QStringLiteral("the window froze for %1 ms").arg(meter.longestMs())));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->clusters()->health(ClusterListModel::demoId()),
                              ClusterListModel::Health::Healthy, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<QAction *>(QStringLiteral("stopStandbyAction"))->isEnabled(), 30000);
    LocalHost host;
    Sandbox sandbox(host, demoDir());
    const auto state = Sandbox::loadState(demoDir());
    QVERIFY(state.ok());
    m_primaryConninfo = state->primary.connectionString(QStringLiteral("postgres"));
    m_standbyConninfo = state->standby().connectionString(QStringLiteral("postgres"));
    LOOK_AT(m_window.get(), QStringLiteral("main-sandbox.png"));
    const QStringList unnamed = AccessibilityCheck::unnamedControls(m_window.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));

    // An operation from the menu: the standby stops, the sidebar says so, it comes back.
    m_window->findChild<QAction *>(QStringLiteral("stopStandbyAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->clusters()->health(ClusterListModel::demoId()) != ClusterListModel::Health::Healthy, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<QAction *>(QStringLiteral("startStandbyAction"))->isEnabled(), 30000);
    m_window->findChild<QAction *>(QStringLiteral("startStandbyAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->clusters()->health(ClusterListModel::demoId()),
                              ClusterListModel::Health::Healthy, 30000);
}

ClusterProfileDialog *TestMainWindow::openProfileDialog(MainWindow &window)
{
    window.findChild<QAction *>(QStringLiteral("newClusterAction"))->trigger();
    ClusterProfileDialog *dialog = nullptr;
    [&] { QTRY_VERIFY((dialog = window.findChild<ClusterProfileDialog *>()) && dialog->isVisible()); }();
    return dialog;
}

void TestMainWindow::aSavedClusterIsWatched()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    ClusterProfileDialog *dialog = openProfileDialog(*m_window);
    QVERIFY(dialog);
    QVERIFY2(AccessibilityCheck::unnamedControls(dialog).isEmpty(),
             qPrintable(AccessibilityCheck::unnamedControls(dialog).join(QStringLiteral(", "))));
    auto fields = dialog->findChildren<QLineEdit *>();
    auto fieldNamed = [&](const QString &name) -> QLineEdit * {
        for (QLineEdit *field : fields)
            if (field->accessibleName() == name)
                return field;
        return nullptr;
    };
    fieldNamed(QStringLiteral("Cluster name"))->setText(QStringLiteral("Lesson pair"));
    // A password in the connection string is refused, with where it belongs instead.
    fieldNamed(QStringLiteral("Primary address"))->setText(m_primaryConninfo + QStringLiteral(" password=x"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("profileProblem"))->text().contains(QStringLiteral("keychain")));
    fieldNamed(QStringLiteral("Primary address"))->setText(m_primaryConninfo);
    fieldNamed(QStringLiteral("Monitoring role"))->setText(QStringLiteral("postgres"));
    dialog->findChild<QLineEdit *>(QStringLiteral("passwordField"))->setText(hostilePassword);
    auto *standbys = dialog->findChild<QTableWidget *>(QStringLiteral("standbyTable"));
    standbys->insertRow(0);
    standbys->setItem(0, 0, new QTableWidgetItem(QStringLiteral("standby")));
    standbys->setItem(0, 1, new QTableWidgetItem(m_standbyConninfo));
    LOOK_AT(dialog, QStringLiteral("main-cluster-dialog.png"));
    dialog->accept();

    QTRY_COMPARE_WITH_TIMEOUT(m_window->clusters()->rowCount(), 2, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentClusterId(), QStringLiteral("lesson-pair"), 10000);
    auto problems = [&] {
        QStringList found;
        for (const ReplicationProblem &problem : m_window->sampler()->lastSample().problems)
            found << problem.code + QStringLiteral(": ") + problem.message;
        return found.join(QLatin1Char('\n'));
    };
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->clusters()->health(QStringLiteral("lesson-pair")) ==
                                  ClusterListModel::Health::Healthy,
                              qPrintable(problems()), 20000);
    QVERIFY(m_window->sampler());
    QCOMPARE(m_window->sampler()->lastSample().standbys.size(), 1);
    LOOK_AT(m_window.get(), QStringLiteral("main-saved-cluster.png"));
}

void TestMainWindow::aRestartBringsItAllBack()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    m_window->resize(1100, 700);
    splitter->setSizes({300, 800});
    const int sidebarWidth = splitter->sizes().first();
    m_window->close(); // saves the layout (offscreen has no tray: it really closes)
    const bool secretInKeychain = m_window->secrets()->usesKeychain();
    m_window.reset();

    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->currentClusterId(), QStringLiteral("lesson-pair"));
    QCOMPARE(m_window->clusters()->rowCount(), 2);
    QCOMPARE(m_window->size(), QSize(1100, 700));
    QCOMPARE(m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes().first(), sidebarWidth);

    QSignalSpy read(m_window->secrets(), &SecretStore::secretRead);
    m_window->secrets()->read(QStringLiteral("lesson-pair/monitoring-password"));
    QTRY_COMPARE(read.size(), 1);
    if (secretInKeychain) {
        QCOMPARE(read.first().at(1).toString(), hostilePassword);
    } else {
        // No keychain service here: the password lived for that run only, as the window said.
        QVERIFY(!m_window->secrets()->usesKeychain());
        QCOMPARE(read.first().at(2).toBool(), false);
        qInfo("no keychain service answered: %s", qPrintable(m_window->secrets()->fallbackReason()));
    }
}

void TestMainWindow::noSecretOnDisk()
{
    const QByteArray needle = hostilePassword.toUtf8();
    QDirIterator files(configHome().path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int searched = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(needle), qPrintable(file.fileName()));
        ++searched;
    }
    if (m_skip.isEmpty())
        QVERIFY2(searched >= 2, "expected the profile and the settings file");
    qInfo("searched %d files under the config folder", searched);
}

// The lesson from the Help menu on the sandbox, every step pressed in order
// as a teacher would, each result as PostgreSQL gives it.
void TestMainWindow::theWholeLesson()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    m_window->openDemo(demoDir()); // this test's sandbox, not the user's
    m_window->selectCluster(QStringLiteral("lesson-pair"));
    m_window->findChild<QAction *>(QStringLiteral("tourAction"))->trigger();
    QCOMPARE(m_window->currentClusterId(), ClusterListModel::demoId());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->console() != nullptr, 20000);
    LessonPane *lesson = m_window->lesson();
    QVERIFY(lesson->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->clusters()->health(ClusterListModel::demoId()),
                              ClusterListModel::Health::Healthy, 20000);
    for (int step = 0; step < lesson->stepCount(); ++step) {
        lesson->showStep(step);
        for (int action = 0; lesson->actionButton(action); ++action) {
            QTRY_VERIFY_WITH_TIMEOUT(lesson->actionButton(action)->isEnabled(), 60000);
            lesson->actionButton(action)->click();
            if (step == 3 && action == 0) // under load: the charts move
                LOOK_AT(m_window.get(), QStringLiteral("lesson-load.png"));
        }
        QTRY_VERIFY2_WITH_TIMEOUT(lesson->isStepDone(),
                                  qPrintable(QStringLiteral("step %1: %2").arg(step + 1).arg(lesson->outcomeText(0))),
                                  90000);
        LOOK_AT(m_window.get(), QStringLiteral("lesson-step-%1.png").arg(step + 1));
        if (step == 1) // the row crossed over: the standby counts one more
            QVERIFY2(lesson->outcomeText(2).contains(QStringLiteral("last_city=Tokyo")),
                     qPrintable(lesson->outcomeText(2)));
        if (step == 2)
            QVERIFY2(lesson->outcomeText(0).contains(QStringLiteral("25006")), qPrintable(lesson->outcomeText(0)));
        if (step == 6) { // the quorum: three standbys in sync_state quorum; one stopped, a commit still returns
            QVERIFY2(lesson->outcomeText(1).contains(QStringLiteral("quorum")), qPrintable(lesson->outcomeText(1)));
            QVERIFY2(!lesson->outcomeText(1).contains(QStringLiteral("async")), qPrintable(lesson->outcomeText(1)));
            QVERIFY2(lesson->outcomeText(3).contains(QStringLiteral("INSERT 0 1")) ||
                         lesson->outcomeText(3).contains(QStringLiteral("1 row")),
                     qPrintable(lesson->outcomeText(3)));
        }
    }
    // The last step reset the sandbox: a fresh pair streams again.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->clusters()->health(ClusterListModel::demoId()),
                              ClusterListModel::Health::Healthy, 60000);
}

// Cluster > Remove asks first, in a box that does not hold the event loop
// (trigger() returns while it is shown); No keeps the cluster, Yes removes it.
void TestMainWindow::removingAClusterAsksWithoutWaiting()
{
    const QString id = QStringLiteral("lesson-pair");
    m_window->selectCluster(id);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentClusterId(), id, 10000);
    auto *remove = m_window->findChild<QAction *>(QStringLiteral("removeClusterAction"));
    QVERIFY(remove);
    const auto question = [this]() -> QMessageBox * {
        for (QMessageBox *box : m_window->findChildren<QMessageBox *>())
            if (box->isVisible() && box->windowTitle().startsWith(QLatin1String("Remove ")))
                return box;
        return nullptr;
    };
    remove->trigger();
    QTRY_VERIFY(question());
    question()->button(QMessageBox::No)->click();
    QTRY_VERIFY(!question());
    QVERIFY(m_window->clusters()->profile(id));

    remove->trigger();
    QTRY_VERIFY(question());
    question()->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(!m_window->clusters()->profile(id));
    QCOMPARE(m_window->currentClusterId(), ClusterListModel::demoId());
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
    LocalHost host;
    Sandbox sandbox(host, demoDir());
    if (QFileInfo::exists(SandboxState::stateFilePath(demoDir())))
        QVERIFY(sandbox.down(true).ok());
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
