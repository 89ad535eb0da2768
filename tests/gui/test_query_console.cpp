#include "core/host/local_host.h"
#include "core/sandbox/sandbox.h"
#include "ui/console/query_console.h"
#include "ui/console/result_table_model.h"
#include "ui/console/result_view.h"
#include "ui/console/sql_editor.h"

#include "stall_meter.h"

#include "accessibility_check.h"
#include "screenshot.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <unistd.h>

namespace {

} // namespace

// The query console on a real sandbox (PostgreSQL 15 primary and hot
// standby), offscreen, with screenshots for a teacher and a DBA to look at.
class TestQueryConsoleGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void badgeSaysWhichServerIsReadOnly();
    void resultTableShowsReplication();
    void insertOnStandbyIsExplainedAndMarked();
    void ctrlEnterRunsTheStatementUnderTheCursor();
    void rowsAppearWhileTheQueryRuns();
    void escapeCancels();
    void historyIsKeptPerCluster();
    void cleanupTestCase();

private:
    QTemporaryDir m_base;
    LocalHost m_host;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<QueryConsole> m_console;
};

void TestQueryConsoleGui::initTestCase()
{
    QCoreApplication::setOrganizationName(
        QStringLiteral("replica-studio-test-%1").arg(QCoreApplication::applicationPid()));
    if (::geteuid() != 0)
        QSKIP("needs root: the sandbox runs its servers as the postgres user");
    if (!QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb")))
        QSKIP("Debian's PostgreSQL 15 (postgresql-15) is not installed");
    QVERIFY(m_base.isValid());
    QVERIFY(QFile::setPermissions(m_base.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                     QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                     QFileDevice::ExeOther));
    m_sandbox = std::make_unique<Sandbox>(m_host, m_base.path() + QStringLiteral("/sandbox"));
    const auto made = m_sandbox->up();
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().fullText()));
    auto created = m_sandbox->query(made->primary,
                                    QStringLiteral("CREATE TABLE lesson (id int, note text); "
                                                   "INSERT INTO lesson VALUES (1, 'written on the primary')"),
                                    made->primary.database);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().fullText()));

    m_console = std::make_unique<QueryConsole>();
    m_console->setHistoryKey(QStringLiteral("sandbox-test"));
    m_console->setTargets({{made->primary.name, made->primary.connectionString(), false},
                           {made->standby().name, made->standby().connectionString(), true}});
    m_console->resize(1000, 640);
    m_console->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_console.get()));
}

void TestQueryConsoleGui::cleanupTestCase()
{
    m_console.reset();
    if (m_sandbox)
        (void)m_sandbox->down(true);
    QSettings().clear();
}

void TestQueryConsoleGui::badgeSaysWhichServerIsReadOnly()
{
    QComboBox *target = m_console->targetSelector();
    target->setCurrentIndex(target->findText(QStringLiteral("standby")));
    QVERIFY(m_console->badge()->isVisible());
    QCOMPARE(m_console->badge()->text(), QStringLiteral("Read-only standby"));
    target->setCurrentIndex(target->findText(QStringLiteral("primary")));
    QCOMPARE(m_console->badge()->text(), QStringLiteral("Primary: reads and writes"));
    QVERIFY(!m_console->cancelAction()->isEnabled());
    QVERIFY(m_console->runAction()->isEnabled());
}

void TestQueryConsoleGui::resultTableShowsReplication()
{
    QVERIFY(m_console->runSql(QStringLiteral("primary"),
                              QStringLiteral("SELECT application_name, client_addr, state, sync_state,\n"
                                             "       pg_wal_lsn_diff(sent_lsn, replay_lsn) AS replay_lag_bytes\n"
                                             "FROM pg_stat_replication;\n"
                                             "SELECT id, note FROM lesson;")));
    QVERIFY(m_console->cancelAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!m_console->isRunning(), 20000);
    QCOMPARE(m_console->results()->count(), 2);
    ResultView *replication = m_console->resultView(0);
    QCOMPARE(replication->model()->rowCount(), 1);
    QCOMPARE(replication->model()->index(0, 0).data().toString(), QStringLiteral("standby"));
    QCOMPARE(replication->model()->index(0, 2).data().toString(), QStringLiteral("streaming"));
    QVERIFY2(replication->summary()->text().contains(QLatin1String("1 row in")),
             qPrintable(replication->summary()->text()));
    m_console->results()->setCurrentIndex(0);
    LOOK_AT(m_console.get(), QStringLiteral("console-result-table.png"));
}

void TestQueryConsoleGui::insertOnStandbyIsExplainedAndMarked()
{
    QVERIFY(m_console->runSql(QStringLiteral("standby"),
                              QStringLiteral("SELECT id, note FROM lesson;\n"
                                             "INSERT INTO lesson VALUES (2, 'written on the standby');")));
    QTRY_VERIFY_WITH_TIMEOUT(!m_console->isRunning(), 20000);
    QVERIFY2(m_console->results()->count() == 2,
             qPrintable(m_console->resultView(0)->summary()->text() + m_console->resultView(0)->errorBox()->text()));
    QCOMPARE(m_console->results()->currentIndex(), 1);
    ResultView *failed = m_console->resultView(1);
    QVERIFY(failed->errorBox()->isVisible());
    QVERIFY(failed->errorBox()->text().contains(QLatin1String("25006")));
    QVERIFY(failed->errorBox()->text().contains(QLatin1String("cannot execute INSERT in a read-only transaction")));
    QVERIFY(failed->explanation()->isVisible());
    QVERIFY(failed->explanation()->text().contains(QLatin1String("hot standby")));
    QCOMPARE(m_console->badge()->text(), QStringLiteral("Read-only standby"));
    LOOK_AT(m_console.get(), QStringLiteral("console-standby-25006.png"));
}

void TestQueryConsoleGui::ctrlEnterRunsTheStatementUnderTheCursor()
{
    m_console->targetSelector()->setCurrentIndex(0);
    SqlEditor *editor = m_console->editor();
    editor->setText(QStringLiteral("SELECT 1 AS first;\nSELECT nothing_here AS second;\nSELECT 3 AS third;"));
    editor->setCursorPosition(1, 3);
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!m_console->isRunning() && m_console->results()->count() == 1, 20000);
    ResultView *view = m_console->resultView(0);
    QCOMPARE(view->statement().text, QStringLiteral("SELECT nothing_here AS second"));
    QVERIFY(view->errorBox()->text().contains(QLatin1String("42703")));
    // The error position is underlined in the editor: line 2, at "nothing_here".
    const long at = editor->positionFromLineIndex(1, 7);
    QVERIFY(editor->SendScintilla(QsciScintilla::SCI_INDICATORALLONFOR, at) != 0);
    QCOMPARE(editor->SendScintilla(QsciScintilla::SCI_INDICATORALLONFOR, editor->positionFromLineIndex(0, 3)), 0);
    int line = 0;
    int index = 0;
    editor->getCursorPosition(&line, &index);
    QCOMPARE(line, 1);
    QCOMPARE(index, 7);
    LOOK_AT(m_console.get(), QStringLiteral("console-error-position.png"));

    // Ctrl+Shift+Enter: the whole script, stopped at the error.
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!m_console->isRunning() && m_console->results()->count() == 2, 20000);
    QCOMPARE(m_console->resultView(0)->model()->index(0, 0).data().toString(), QStringLiteral("1"));
}

void TestQueryConsoleGui::rowsAppearWhileTheQueryRuns()
{
    StallMeter meter;
    QVERIFY(m_console->runSql(QStringLiteral("primary"),
                              QStringLiteral("SELECT g, md5(g::text), now() FROM generate_series(1, 300000) g")));
    QTRY_VERIFY_WITH_TIMEOUT(m_console->resultView(0) && m_console->resultView(0)->model()->rowCount() > 0, 10000);
    const bool stillRunning = m_console->isRunning();
    const int rowsWhileRunning = m_console->resultView(0)->model()->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(!m_console->isRunning(), 120000);
    meter.stop();
    qInfo("first rows shown while running: %s (%d rows); longest event-loop stall %lld ms", stillRunning ? "yes" : "no",
          rowsWhileRunning, meter.longestMs());
    QVERIFY(stillRunning);
    ResultView *view = m_console->resultView(0);
    QCOMPARE(view->model()->rowCount(), 100000);
    QVERIFY2(view->summary()->text().contains(QLatin1String("at most 100,000 rows")),
             qPrintable(view->summary()->text()));
    LOOK_AT(m_console.get(), QStringLiteral("console-row-limit.png"));
}

void TestQueryConsoleGui::escapeCancels()
{
    QVERIFY(m_console->runSql(QStringLiteral("primary"), QStringLiteral("SELECT pg_sleep(60)")));
    QTest::qWait(300);
    QVERIFY(m_console->cancelAction()->isEnabled());
    QTest::keyClick(m_console->editor(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!m_console->isRunning(), 1000);
    QVERIFY(m_console->resultView(0)->errorBox()->text().contains(QLatin1String("57014")));
    QVERIFY(m_console->resultView(0)->explanation()->text().contains(QLatin1String("cancelled")));
}

void TestQueryConsoleGui::historyIsKeptPerCluster()
{
    const QStringList history = m_console->history();
    QVERIFY(history.size() >= 4);
    QCOMPARE(history.first(), QStringLiteral("SELECT pg_sleep(60)"));
    m_console->setHistoryKey(QStringLiteral("another-cluster"));
    QVERIFY(m_console->history().isEmpty());
    m_console->setHistoryKey(QStringLiteral("sandbox-test"));
    QCOMPARE(m_console->history(), history);
}

QTEST_MAIN(TestQueryConsoleGui)
#include "test_query_console.moc"
