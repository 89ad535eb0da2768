#include "core/host/host_task.h"
#include "core/host/local_host.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest/QTest>

// HostTask, the GUI's way to call a Host: work happens off the event loop's
// thread, lines and the end arrive as signals, cancel and deletion stop the
// command. (The SSH side, an unreachable host, is in test_ssh_host.)
class TestHostTask : public QObject
{
    Q_OBJECT

private slots:
    void linesArriveBeforeFinished();
    void eventLoopKeepsTurning();
    void cancelStopsCommand();
    void deletingTaskCancelsAndStaysQuiet();
    void readAndWriteFiles();
    void failureIsSummarised();
    void tasksRunSideBySide();

private:
    std::shared_ptr<Host> m_host = std::make_shared<LocalHost>();
};

void TestHostTask::linesArriveBeforeFinished()
{
    HostTask *task = HostTask::run(
        m_host, CommandLine(QStringLiteral("seq"), {QStringLiteral("1"), QStringLiteral("2000")}), {}, this);
    QList<QByteArray> lines;
    bool finishedSeen = false;
    bool lineAfterFinished = false;
    connect(task, &HostTask::lineReceived, this, [&](OutputChannel channel, const QByteArray &line) {
        QCOMPARE(channel, OutputChannel::StdOut);
        lineAfterFinished = lineAfterFinished || finishedSeen;
        lines.append(line);
    });
    QSignalSpy finished(task, &HostTask::finished);
    connect(task, &HostTask::finished, this, [&] { finishedSeen = true; });
    QVERIFY(finished.wait(10000));
    QVERIFY(task->isFinished());
    QVERIFY(task->ok());
    QCOMPARE(lines.size(), 2000);
    QCOMPARE(lines.last(), QByteArray("2000"));
    QVERIFY(!lineAfterFinished);
    QCOMPARE(task->commandResult().exitCode, 0);
    QCOMPARE(finished.count(), 1);
}

void TestHostTask::eventLoopKeepsTurning()
{
    QElapsedTimer sinceTick;
    qint64 longestStall = 0;
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (ticks++ > 0)
            longestStall = std::max(longestStall, sinceTick.elapsed());
        sinceTick.restart();
    });
    sinceTick.start();
    ticker.start();
    HostTask *task = HostTask::run(m_host, CommandLine(QStringLiteral("sleep"), {QStringLiteral("1")}), {}, this);
    QSignalSpy finished(task, &HostTask::finished);
    QVERIFY(finished.wait(10000));
    ticker.stop();
    qInfo("%d ticks, longest stall %lld ms", ticks, longestStall);
    QVERIFY(task->ok());
    QVERIFY(ticks > 50);
    QVERIFY2(longestStall <= 100, qPrintable(QString::number(longestStall)));
}

void TestHostTask::cancelStopsCommand()
{
    HostTask *task =
        HostTask::run(m_host, CommandLine::shell(QStringLiteral("echo started; exec sleep 600")), {}, this);
    connect(task, &HostTask::lineReceived, task, &HostTask::cancel);
    QSignalSpy finished(task, &HostTask::finished);
    QVERIFY(finished.wait(20000));
    QVERIFY(!task->ok());
    QVERIFY(task->commandResult().cancelled);
    QVERIFY2(task->summary().contains(QStringLiteral("cancelled")), qPrintable(task->summary()));
}

void TestHostTask::deletingTaskCancelsAndStaysQuiet()
{
    QTemporaryDir dir;
    const QString pidFile = dir.filePath(QStringLiteral("pid"));
    QPointer<HostTask> task = HostTask::run(
        m_host, CommandLine::shell(QStringLiteral("echo $$ > \"$1\"; exec sleep 600"), {pidFile}), {}, this);
    bool anySignal = false;
    connect(task, &HostTask::finished, this, [&] { anySignal = true; });
    connect(task, &HostTask::lineReceived, this, [&] { anySignal = true; });
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pidFile).size() > 0, 10000);
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString proc = QStringLiteral("/proc/") + QString::fromUtf8(file.readAll().trimmed());
    QVERIFY(QFileInfo::exists(proc));
    delete task; // e.g. the window that started it was closed
    QVERIFY(task.isNull());
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(proc), 10000);
    QCoreApplication::processEvents();
    QVERIFY(!anySignal);
}

void TestHostTask::readAndWriteFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pg_hba.conf"));
    HostTask *write = HostTask::writeFile(m_host, path, "local all all peer\n", {}, this);
    QSignalSpy written(write, &HostTask::finished);
    QVERIFY(written.wait(10000));
    QVERIFY2(write->ok(), qPrintable(write->summary()));
    QCOMPARE(write->writeReport().path, path);
    HostTask *read = HostTask::readFile(m_host, path, RunAs::LoginUser, this);
    QSignalSpy readDone(read, &HostTask::finished);
    QVERIFY(readDone.wait(10000));
    QVERIFY(read->ok());
    QCOMPARE(read->content(), QByteArray("local all all peer\n"));
}

void TestHostTask::failureIsSummarised()
{
    HostTask *task =
        HostTask::run(m_host, CommandLine::shell(QStringLiteral("echo 'could not bind' >&2; exit 2")), {}, this);
    QSignalSpy finished(task, &HostTask::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY(!task->ok());
    QVERIFY2(task->summary().contains(QStringLiteral("exit status 2")), qPrintable(task->summary()));
    QVERIFY(task->summary().contains(QStringLiteral("could not bind")));
    HostTask *missing = HostTask::readFile(m_host, QStringLiteral("/nonexistent/replica"), RunAs::LoginUser, this);
    QSignalSpy missingDone(missing, &HostTask::finished);
    QVERIFY(missingDone.wait(10000));
    QVERIFY(!missing->ok());
    QCOMPARE(missing->summary(), missing->error().message);
}

void TestHostTask::tasksRunSideBySide()
{
    // Each command waits until all four have started: they finish only if
    // the tasks really run at the same time (else they time out).
    QTemporaryDir dir;
    QList<HostTask *> tasks;
    for (int i = 0; i < 4; ++i) {
        RunOptions options;
        options.timeoutMs = 30000;
        tasks.append(
            HostTask::run(m_host,
                          CommandLine::shell(QStringLiteral("touch \"$1/$2\"; while [ $(ls \"$1\" | wc -l) -lt 4 ]; "
                                                            "do sleep 0.05; done"),
                                             {dir.path(), QString::number(i)}),
                          options, this));
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(tasks.begin(), tasks.end(), [](HostTask *t) { return t->isFinished(); }),
                             40000);
    for (HostTask *task : tasks)
        QVERIFY2(task->ok(), qPrintable(task->summary()));
}

QTEST_MAIN(TestHostTask)
#include "test_host_task.moc"
