#include "core/host/local_host.h"
#include "core/monitor/replication_sampler.h"
#include "core/sandbox/sandbox.h"
#include "ui/main/main_window.h"
#include "ui/main/welcome_page.h"
#include "ui/panel/compact_table_view.h"
#include "ui/panel/replication_panel.h"
#include "ui/problem_banner.h"
#include "ui/sandbox_view.h"
#include "ui/server_list_model.h"

#include "stall_meter.h"

#include "accessibility_check.h"
#include "screenshot.h"

#include <QAccessible>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <unistd.h>

namespace {

QString cell(QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

} // namespace

// The demo window on a real sandbox (core/sandbox's up: a PostgreSQL 15
// primary and hot standby), offscreen, with screenshots for a person to look at.
class TestDemoWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noSandboxSaysWhatToRun();
    void showsTheSandboxOnceItIsUp();
    void troubleIsShownInlineAndClears();
    void showsEveryStandby();
    void cleanupTestCase();

private:
    QTemporaryDir m_base;
    LocalHost m_host;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<MainWindow> m_window;
    QString m_skip;
};

void TestDemoWindow::initTestCase()
{
    QVERIFY(m_base.isValid());
    // postgres must enter the folder to run the sandbox's servers.
    QVERIFY(QFile::setPermissions(m_base.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                     QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                     QFileDevice::ExeOther));
    if (::geteuid() != 0)
        m_skip = QStringLiteral("needs root: the sandbox runs its servers as the postgres user");
    else if (!QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb")))
        m_skip = QStringLiteral("Debian's PostgreSQL 15 (postgresql-15) is not installed");
}

void TestDemoWindow::cleanupTestCase()
{
    m_window.reset();
    if (m_sandbox)
        (void)m_sandbox->down(true);
}

void TestDemoWindow::noSandboxSaysWhatToRun()
{
    MainWindow window;
    const QString dir = m_base.path() + QStringLiteral("/nothing here");
    window.openDemo(dir);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.welcomePage()->isVisible());
    QVERIFY(!window.sandboxView());
    auto *command = window.welcomePage()->findChild<QLabel *>(QStringLiteral("sandboxUpCommand"));
    QVERIFY(command);
    QCOMPARE(command->text(), QStringLiteral("replicactl sandbox up --dir '%1'").arg(dir));
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    LOOK_AT(&window, QStringLiteral("demo-no-sandbox.png"));
}

void TestDemoWindow::showsTheSandboxOnceItIsUp()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    const QString dir = m_base.path() + QStringLiteral("/demo");
    m_window = std::make_unique<MainWindow>();
    m_window->openDemo(dir);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->welcomePage()->isVisible());

    m_sandbox = std::make_unique<Sandbox>(m_host, dir);
    const auto made = m_sandbox->up();
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().fullText()));

    // The window notices the new sandbox by itself and starts sampling.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->sandboxView() != nullptr, 10000);
    QTableView *servers = m_window->sandboxView()->serverTable();
    QTableView *replication = m_window->panel()->standbyTable();
    QTRY_COMPARE_WITH_TIMEOUT(cell(servers, 1, ServerListModel::Status), QStringLiteral("up"), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(replication->model()->rowCount(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(replication, 0, 2), QStringLiteral("streaming"), 15000);

    QCOMPARE(cell(servers, 0, ServerListModel::Name), made->primary.name);
    QCOMPARE(cell(servers, 0, ServerListModel::Role), QStringLiteral("primary"));
    QCOMPARE(cell(servers, 1, ServerListModel::Role), QStringLiteral("standby"));
    QCOMPARE(cell(servers, 0, ServerListModel::Port), QString::number(made->primary.port));
    QCOMPARE(cell(servers, 1, ServerListModel::Port), QString::number(made->standby().port));
    QVERIFY(cell(servers, 0, ServerListModel::Version).startsWith(QStringLiteral("15.")));
    QCOMPARE(cell(replication, 0, 0), made->standby().name);
    QCOMPARE(cell(replication, 0, 3), QStringLiteral("sync (1)"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->panel()->banner()->isVisible(), 10000);

    // Updated every second, without holding the event loop up.
    const int roundsBefore = m_window->sampler()->roundsCompleted();
    StallMeter meter;
    QTest::qWait(3500);
    meter.stop();
    const int rounds = m_window->sampler()->roundsCompleted() - roundsBefore;
    QVERIFY2(rounds >= 3 && rounds <= 5, qPrintable(QString::number(rounds)));
    QVERIFY2(meter.longestMs() < 100,
             qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(meter.longestMs())));
    qInfo("%d samples in 3.5 s; longest GUI-thread stall %lld ms", rounds, meter.longestMs());

    // Nothing in the tables is cut off: every column shows its whole text.
    for (QTableView *table : {servers, replication})
        for (int c = 0; c < table->model()->columnCount() - 1; ++c)
            QVERIFY2(
                table->columnWidth(c) >= static_cast<QAbstractItemView *>(table)->sizeHintForColumn(c) &&
                    table->columnWidth(c) >= table->horizontalHeader()->sectionSizeHint(c),
                qPrintable(
                    QStringLiteral("%1, column %2: %3 px").arg(table->objectName()).arg(c).arg(table->columnWidth(c))));
    LOOK_AT(m_window.get(), QStringLiteral("demo-window.png"));
}

void TestDemoWindow::troubleIsShownInlineAndClears()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    QVERIFY(m_sandbox && m_window && m_window->sandboxView());
    ProblemBanner *banner = m_window->panel()->banner();

    const auto stopped = m_sandbox->stopStandby();
    QVERIFY2(stopped.ok(), qPrintable(stopped.ok() ? QString() : stopped.error().fullText()));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->text().contains(QStringLiteral("start-standby")), 15000);
    QVERIFY2(banner->text().contains(QStringLiteral("Commits on the primary wait")), qPrintable(banner->text()));
    // What a screen reader reads out with the alert event the band sends.
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(banner);
    QVERIFY(accessible);
    QCOMPARE(accessible->text(QAccessible::Name), QStringLiteral("Replication alerts"));
    QVERIFY2(accessible->text(QAccessible::Description).contains(QStringLiteral("Commits on the primary wait")),
             qPrintable(accessible->text(QAccessible::Description)));
    QCOMPARE(cell(m_window->sandboxView()->serverTable(), 1, ServerListModel::Status), QStringLiteral("down"));
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    LOOK_AT(m_window.get(), QStringLiteral("demo-standby-stopped.png"));

    const auto started = m_sandbox->startStandby();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().fullText()));
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(m_window->panel()->standbyTable(), 0, 2), QStringLiteral("streaming"), 15000);
}

void TestDemoWindow::showsEveryStandby()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    // A sandbox made for teaching priority and quorum: three standbys, the
    // first two synchronous. The window lists every server and every standby.
    const QString dir = m_base.path() + QStringLiteral("/three");
    Sandbox sandbox(m_host, dir);
    SandboxOptions options;
    options.standbys = 3;
    options.synchronousStandbyNames = QStringLiteral("FIRST 2 (standby1, standby2, standby3)");
    const auto made = sandbox.up(options);
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().fullText()));
    const auto takeDown = qScopeGuard([&sandbox] { (void)sandbox.down(true); });

    MainWindow window;
    window.openDemo(dir);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.sandboxView() != nullptr, 10000);
    QTableView *servers = window.sandboxView()->serverTable();
    QTableView *replication = window.panel()->standbyTable();
    QTRY_COMPARE_WITH_TIMEOUT(replication->model()->rowCount(), 3, 15000);
    QCOMPARE(servers->model()->rowCount(), 4);
    for (int row = 1; row <= 3; ++row) {
        const SandboxServer &standby = made->standbys.at(row - 1);
        QCOMPARE(cell(servers, row, ServerListModel::Name), standby.name);
        QCOMPARE(cell(servers, row, ServerListModel::Port), QString::number(standby.port));
        QTRY_COMPARE_WITH_TIMEOUT(cell(servers, row, ServerListModel::Status), QStringLiteral("up"), 15000);
        QCOMPARE(cell(servers, row, ServerListModel::Role), QStringLiteral("standby"));
    }
    // Every row of the table is shown, none scrolled away.
    QVERIFY(servers->height() >= servers->rowViewportPosition(3) + servers->rowHeight(3));
    QTRY_COMPARE_WITH_TIMEOUT(cell(replication, 2, 3), QStringLiteral("potential (3)"), 15000);
    QCOMPARE(cell(replication, 0, 3), QStringLiteral("sync (1)"));
    QCOMPARE(cell(replication, 1, 3), QStringLiteral("sync (2)"));
    LOOK_AT(&window, QStringLiteral("demo-three-standbys.png"));
    // The standby items of the Sandbox menu open a list of the three; the one chosen is the one
    // stopped, and the hint names it, in the menu and on the command line.
    QAction *stop = window.findChild<QAction *>(QStringLiteral("stopStandbyAction"));
    QVERIFY(stop->menu());
    QCOMPARE(stop->menu()->actions().size(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(stop->isEnabled(), 15000);
    window.findChild<QAction *>(QStringLiteral("stopStandbyAction_standby3"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(servers, 3, ServerListModel::Status), QStringLiteral("down"), 20000);
    QCOMPARE(cell(servers, 1, ServerListModel::Status), QStringLiteral("up"));
    QCOMPARE(cell(servers, 2, ServerListModel::Status), QStringLiteral("up"));
    ProblemBanner *banner = window.panel()->banner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->text().contains(QStringLiteral("--standby standby3")),
                             15000);
    QVERIFY2(banner->text().contains(QStringLiteral("Start the standby &gt; standby3")), qPrintable(banner->text()));
    LOOK_AT(&window, QStringLiteral("demo-three-standbys-one-stopped.png"));
    QTRY_VERIFY_WITH_TIMEOUT(stop->isEnabled(), 15000);
    window.findChild<QAction *>(QStringLiteral("startStandbyAction_standby3"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(cell(servers, 3, ServerListModel::Status), QStringLiteral("up"), 20000);

    auto *tabs = window.findChild<QTabWidget *>();
    QVERIFY(tabs && tabs->indexOf(window.sandboxView()) >= 0);
    tabs->setCurrentWidget(window.sandboxView());
    LOOK_AT(&window, QStringLiteral("demo-three-standbys-servers.png"));
}

QTEST_MAIN(TestDemoWindow)
#include "test_demo_window.moc"
