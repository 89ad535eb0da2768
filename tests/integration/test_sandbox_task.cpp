#include "core/host/local_host.h"
#include "core/sandbox/sandbox.h"
#include "core/sandbox/sandbox_task.h"

#include "stall_meter.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <unistd.h>

// SandboxTask: the window's way to make and operate the demo sandbox. The
// sandbox's calls block for seconds; through the task they run on a pool
// thread while the event loop keeps turning, and report as they go.
class TestSandboxTask : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void upReportsProgressWithoutHoldingTheEventLoop();
    void operationsLeaveTheSandboxAsSaid();
    void aMistakeIsAnErrorNotACrash();
    void deletingTheTaskDropsItsSignals();
    void cleanupTestCase();

private:
    QString dir() const { return m_base.path() + QStringLiteral("/demo"); }
    static void waitFor(SandboxTask *task, int timeoutMs = 120000);

    QTemporaryDir m_base;
};

void TestSandboxTask::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("needs root: the sandbox runs its servers as the postgres user");
    if (!QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb")))
        QSKIP("Debian's PostgreSQL 15 (postgresql-15) is not installed");
    QVERIFY(m_base.isValid());
    QVERIFY(QFile::setPermissions(m_base.path(), QFile::permissions(m_base.path()) | QFileDevice::ExeOther |
                                                     QFileDevice::ReadOther | QFileDevice::ExeGroup));
}

void TestSandboxTask::waitFor(SandboxTask *task, int timeoutMs)
{
    QSignalSpy finished(task, &SandboxTask::finished);
    if (!task->isFinished())
        QVERIFY(finished.wait(timeoutMs));
    QVERIFY(task->isFinished());
}

void TestSandboxTask::upReportsProgressWithoutHoldingTheEventLoop()
{
    StallMeter meter;
    SandboxTask *task = SandboxTask::start(dir(), SandboxTask::Action::Up, {}, this);
    QStringList lines;
    connect(task, &SandboxTask::progress, this, [&](const QString &line) { lines << line; });
    waitFor(task);
    meter.stop();
    QVERIFY2(task->ok(), qPrintable(task->error().fullText()));
    QVERIFY(task->state().has_value());
    QVERIFY(task->state()->primary.port > 0);
    QVERIFY2(lines.size() >= 3, qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY2(meter.longestMs() < 100, qPrintable(QStringLiteral("event loop held %1 ms").arg(meter.longestMs())));
    qInfo("sandbox up through the task: %lld lines, longest stall %lld ms", qint64(lines.size()), meter.longestMs());
    delete task;
}

void TestSandboxTask::operationsLeaveTheSandboxAsSaid()
{
    SandboxTask *stop = SandboxTask::start(dir(), SandboxTask::Action::StopStandby, {}, this);
    waitFor(stop);
    QVERIFY2(stop->ok(), qPrintable(stop->error().fullText()));
    LocalHost host;
    Sandbox sandbox(host, dir());
    QVERIFY(sandbox.status().ok());
    QCOMPARE(sandbox.status()->standby().running, false);
    SandboxTask *start = SandboxTask::start(dir(), SandboxTask::Action::StartStandby, {}, this);
    waitFor(start);
    QVERIFY2(start->ok(), qPrintable(start->error().fullText()));
    QVERIFY(!start->actions().isEmpty());
    QCOMPARE(sandbox.status()->standby().running, true);
    delete stop;
    delete start;
}

void TestSandboxTask::aMistakeIsAnErrorNotACrash()
{
    SandboxTask *task =
        SandboxTask::start(m_base.path() + QStringLiteral("/none"), SandboxTask::Action::PauseReplay, {}, this);
    waitFor(task);
    QVERIFY(!task->ok());
    QVERIFY(!task->error().message.isEmpty());
    QVERIFY(!task->state().has_value());
    delete task;
}

void TestSandboxTask::deletingTheTaskDropsItsSignals()
{
    SandboxTask *task = SandboxTask::start(dir(), SandboxTask::Action::ResumeReplay, {}, this);
    bool reported = false;
    connect(task, &SandboxTask::finished, this, [&] { reported = true; });
    delete task;
    QTest::qWait(3000); // the call ends on its own; nothing may reach the deleted task
    QVERIFY(!reported);
}

void TestSandboxTask::cleanupTestCase()
{
    LocalHost host;
    Sandbox sandbox(host, dir());
    if (QFileInfo::exists(SandboxState::stateFilePath(dir())))
        QVERIFY(sandbox.down(true).ok());
}

QTEST_GUILESS_MAIN(TestSandboxTask)
#include "test_sandbox_task.moc"
