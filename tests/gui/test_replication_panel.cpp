#include "core/host/local_host.h"
#include "core/monitor/replication_sampler.h"
#include "core/pg/pg_connection.h"
#include "core/sandbox/sandbox.h"
#include "ui/charts/lag_chart.h"
#include "ui/panel/compact_table_view.h"
#include "ui/panel/replication_panel.h"
#include "ui/panel/wal_pipeline_view.h"
#include "ui/problem_banner.h"

#include "accessibility_check.h"
#include "screenshot.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest/QTest>

#include <algorithm>
#include <cmath>

#include <unistd.h>

namespace {

bool hasProblem(const ReplicationSample &sample, const QString &code)
{
    return std::any_of(sample.problems.cbegin(), sample.problems.cend(),
                       [&code](const ReplicationProblem &problem) { return problem.code == code; });
}

qint64 replayLag(const ReplicationSample &sample)
{
    return sample.standbys.isEmpty() ? -1 : sample.standbys.first().byteLag.value_or(-1);
}

} // namespace

// The replication panel on a live sandbox (core/sandbox: a PostgreSQL 15
// primary and a synchronous hot standby), offscreen: what it shows while the
// pair streams, while replay is paused under writes, and while a commit
// waits for the stopped sync standby; screenshots for a person to look at.
class TestReplicationPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsTheStreamingPair();
    void lagRisesWhileReplayIsPausedAndFallsBack();
    void waitingCommitIsShownAndClears();
    void chartExportsPngAndCsv();
    void dayOfHistoryKeepsAOneSecondSpike();
    void cleanupTestCase();

private:
    void startWriteLoad();
    void stopWriteLoad();

    QTemporaryDir m_base;
    LocalHost m_host;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<ReplicationSampler> m_sampler;
    std::unique_ptr<ReplicationPanel> m_panel;
    PgConnection m_writer;
    QTimer m_load;
    QString m_skip;
};

void TestReplicationPanel::initTestCase()
{
    QVERIFY(m_base.isValid());
    QVERIFY(QFile::setPermissions(m_base.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                     QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                     QFileDevice::ExeOther));
    if (::geteuid() != 0)
        m_skip = QStringLiteral("needs root: the sandbox runs its servers as the postgres user");
    else if (!QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb")))
        m_skip = QStringLiteral("Debian's PostgreSQL 15 (postgresql-15) is not installed");
    if (!m_skip.isEmpty())
        return;
    m_sandbox = std::make_unique<Sandbox>(m_host, m_base.path() + QStringLiteral("/panel"));
    const auto made = m_sandbox->up();
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().fullText()));

    m_sampler = std::make_unique<ReplicationSampler>();
    m_sampler->setInterval(500);
    m_sampler->setConnectTimeout(3000);
    m_sampler->setPrimary(made->primary.name, made->primary.connectionString(QStringLiteral("postgres")));
    m_sampler->addStandby(made->standby().name, made->standby().connectionString(QStringLiteral("postgres")));
    m_panel = std::make_unique<ReplicationPanel>(m_sampler.get());
    m_panel->resize(1280, 980);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    m_sampler->start();

    QSignalSpy connected(&m_writer, &PgConnection::connected);
    m_writer.open(made->primary.connectionString());
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    m_writer.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS load (n int, pad text)"));
    m_load.setInterval(150);
    connect(&m_load, &QTimer::timeout, this, [this] {
        if (m_writer.queuedCount() == 0)
            m_writer.exec(
                QStringLiteral("INSERT INTO load SELECT g, repeat('x', 300) FROM generate_series(1, 4000) g"));
    });
}

void TestReplicationPanel::cleanupTestCase()
{
    m_load.stop();
    m_writer.close();
    m_panel.reset();
    m_sampler.reset();
    if (m_sandbox)
        (void)m_sandbox->down(true);
}

void TestReplicationPanel::startWriteLoad()
{
    m_load.start();
}

void TestReplicationPanel::stopWriteLoad()
{
    m_load.stop();
    QTRY_COMPARE_WITH_TIMEOUT(m_writer.queuedCount(), 0, 20000);
}

void TestReplicationPanel::showsTheStreamingPair()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    CompactTableView *standbys = m_panel->standbyTable();
    QTRY_COMPARE_WITH_TIMEOUT(standbys->model()->rowCount(), 1, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(standbys->model()->index(0, 2).data().toString(), QStringLiteral("streaming"), 15000);
    QCOMPARE(standbys->model()->index(0, 3).data().toString(), QStringLiteral("sync (1)"));
    QTRY_COMPARE_WITH_TIMEOUT(replayLag(m_sampler->lastSample()), 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->banner()->isVisible(), 10000);
    QCOMPARE(WalPipelineView::verdict(m_sampler->lastSample().standbys.first()), QStringLiteral("caught up"));
    QCOMPARE(m_panel->slotTable()->model()->rowCount(), 1);
    QVERIFY(m_panel->archiverLine()->text().startsWith(QStringLiteral("Archiver:")));
    // Every standby's replay lag; or one standby's sent, write, flush and replay.
    QCOMPARE(m_panel->chart()->seriesCount(), 1);
    m_panel->chart()->setFocusStandby(QStringLiteral("standby"));
    QCOMPARE(m_panel->chart()->seriesCount(), 4);
    QTest::qWait(3000); // a few seconds of history in the chart
    LOOK_AT(m_panel.get(), QStringLiteral("panel-streaming.png"));
}

void TestReplicationPanel::lagRisesWhileReplayIsPausedAndFallsBack()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    m_panel->chart()->setWindowMs(60 * 1000);
    const auto paused = m_sandbox->pauseReplay();
    QVERIFY2(paused.ok(), qPrintable(paused.ok() ? QString() : paused.error().fullText()));
    startWriteLoad();
    // Replay stops, the rest of the pipeline keeps up: WAL waits in replay.
    QTRY_VERIFY_WITH_TIMEOUT(replayLag(m_sampler->lastSample()) > 8 * 1024 * 1024, 30000);
    const ReplicationSample lagging = m_sampler->lastSample();
    const auto &row = lagging.standbys.first();
    QVERIFY2(row.flushLagBytes.value_or(-1) < *row.byteLag / 2,
             qPrintable(QStringLiteral("flush %1, replay %2").arg(row.flushLagBytes.value_or(-1)).arg(*row.byteLag)));
    QVERIFY(WalPipelineView::verdict(row).contains(QStringLiteral("replay")));
    QVERIFY(hasProblem(lagging, QStringLiteral("replay-paused")));
    QVERIFY(lagging.standbyServers.first().replayDelayMs.value_or(0) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_panel->banner()->isVisible() && m_panel->banner()->text().contains(QStringLiteral("Replay is paused")), 5000);
    const QList<QPointF> line = m_panel->chart()->seriesPoints(row.applicationName, LagHistory::ByteLag);
    QVERIFY(!line.isEmpty());
    QVERIFY(std::any_of(line.cbegin(), line.cend(), [](const QPointF &p) { return p.y() > 0; }));
    QVERIFY(lagging.primary.walBytesPerSecond.value_or(0) > 0);
    QTest::qWait(8000); // the lag climbing for a few seconds in the chart
    LOOK_AT(m_panel.get(), QStringLiteral("panel-lag-rising.png"));

    stopWriteLoad();
    const auto resumed = m_sandbox->resumeReplay();
    QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().fullText()));
    QTRY_COMPARE_WITH_TIMEOUT(replayLag(m_sampler->lastSample()), 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->banner()->isVisible(), 10000);
    QTest::qWait(2000);
    LOOK_AT(m_panel.get(), QStringLiteral("panel-lag-recovered.png"));
}

void TestReplicationPanel::waitingCommitIsShownAndClears()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    const auto stopped = m_sandbox->stopStandby();
    QVERIFY2(stopped.ok(), qPrintable(stopped.ok() ? QString() : stopped.error().fullText()));
    QTRY_VERIFY_WITH_TIMEOUT(hasProblem(m_sampler->lastSample(), QStringLiteral("sync-standby-missing")), 15000);
    QVERIFY(!hasProblem(m_sampler->lastSample(), QStringLiteral("commits-waiting"))); // nothing committed yet

    // A commit now waits for the only synchronous standby: PostgreSQL says so.
    QSignalSpy results(&m_writer, &PgConnection::resultReady);
    m_writer.exec(QStringLiteral("INSERT INTO load VALUES (-1, 'waits for the standby')"));
    QTRY_VERIFY_WITH_TIMEOUT(hasProblem(m_sampler->lastSample(), QStringLiteral("commits-waiting")), 15000);
    const ReplicationSample waiting = m_sampler->lastSample();
    QCOMPARE(waiting.primary.commitsWaiting.value_or(0), 1);
    QCOMPARE(waiting.problems.first().code, QStringLiteral("commits-waiting"));
    QVERIFY(waiting.problems.first().message.contains(QStringLiteral("not streaming: standby")));
    QVERIFY(!hasProblem(waiting, QStringLiteral("sync-standby-missing"))); // said once
    QVERIFY(results.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->banner()->text().contains(QStringLiteral("Commits on the primary are waiting")),
                             5000);
    LOOK_AT(m_panel.get(), QStringLiteral("panel-commits-waiting.png"));

    const auto started = m_sandbox->startStandby();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().fullText()));
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 30000); // the commit returned
    QVERIFY(results.first().first().value<PgResult>().ok);
    QTRY_VERIFY_WITH_TIMEOUT(m_sampler->lastSample().problems.isEmpty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_panel->banner()->isVisible(), 5000);
}

void TestReplicationPanel::chartExportsPngAndCsv()
{
    if (!m_skip.isEmpty())
        QSKIP(qPrintable(m_skip));
    LagChart *chart = m_panel->chart();
    const QString png = m_base.path() + QStringLiteral("/lag.png");
    const QString csv = m_base.path() + QStringLiteral("/lag.csv");
    QVERIFY2(chart->exportPng(png), qPrintable(chart->errorString()));
    QVERIFY(QImage(png).width() > 100);
    QVERIFY2(chart->exportCsv(csv), qPrintable(chart->errorString()));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("time,series,metric,minimum,average,maximum\n"));
    QVERIFY(text.contains(",standby,replay_lag_bytes,"));
    QVERIFY(text.contains(",primary,wal_bytes_per_second,"));
    QVERIFY(!chart->exportPng(QStringLiteral("/nonexistent-folder/lag.png")));
    QVERIFY(!chart->errorString().isEmpty());

    // Paused, the lines stay as they are while sampling goes on.
    chart->setPaused(true);
    const QList<QPointF> frozen = chart->seriesPoints(QStringLiteral("standby"), LagHistory::ByteLag);
    const int rounds = m_sampler->roundsCompleted();
    QTRY_VERIFY_WITH_TIMEOUT(m_sampler->roundsCompleted() >= rounds + 3, 10000);
    QCOMPARE(chart->seriesPoints(QStringLiteral("standby"), LagHistory::ByteLag), frozen);
    chart->setPaused(false);
    QVERIFY(chart->seriesPoints(QStringLiteral("standby"), LagHistory::ByteLag) != frozen);

    chart->setLogScale(true);
    chart->setKind(LagChart::TimeLag);
    QCOMPARE(chart->seriesCount(), 3);
    chart->setKind(LagChart::WalRate);
    QCOMPARE(chart->seriesCount(), 1);
    QTest::qWait(1500); // the chart's scene lays out its new axis on the event loop
    LOOK_AT(m_panel.get(), QStringLiteral("panel-wal-rate-log.png"));
}

// A day of 1 Hz history for three standbys, without a sandbox: on the 24 h
// window one second's spike of 5 GB on standby2 six hours ago still shows at
// its height and its time, every point stays on the time axis, and a new
// second moves the lines along (what the panel does each second).
void TestReplicationPanel::dayOfHistoryKeepsAOneSecondSpike()
{
    constexpr qint64 start = 1764115200000;
    constexpr int seconds = 24 * 3600;
    constexpr int spikeAt = seconds - 6 * 3600;
    constexpr double gb = 1 << 30;
    LagHistory history;
    const auto appendSecond = [&history](qint64 s) {
        for (int i = 1; i <= 3; ++i) {
            const double wave = double((s * (i + 7) * 7919) % 65536) * 1024 * i;
            const double bytes = i == 2 && s == spikeAt ? 5 * gb : wave;
            history.append(QStringLiteral("standby%1").arg(i), start + s * 1000,
                           LagHistory::Values{bytes, double(s % 50), double(s % 70), double(s % 90 * i)});
        }
    };
    for (qint64 s = 0; s < seconds; ++s)
        appendSecond(s);
    LagChart chart(&history);
    chart.resize(1280, 480);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setWindowMs(24 * 3600 * 1000LL);
    chart.refresh(start + (seconds - 1) * 1000LL);
    QCOMPARE(chart.seriesCount(), 3);

    const auto check = [&chart](qint64 secondsAfterSpike) {
        const QList<QPointF> line = chart.seriesPoints(QStringLiteral("standby2"), LagHistory::ByteLag);
        QVERIFY(line.size() > 100);
        QVERIFY(line.size() <= 2 * 1280 / 3);
        const auto top = std::max_element(line.cbegin(), line.cend(),
                                          [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
        QCOMPARE(top->y(), 5.0); // in GB
        // Hours ago, to within a bucket of 2 minutes.
        QVERIFY2(std::abs(-top->x() - double(secondsAfterSpike) / 3600) <= 2.0 / 60,
                 qPrintable(QString::number(top->x())));
        // The oldest bucket may start before the window's edge (by less than a bucket).
        for (const QPointF &point : line)
            QVERIFY2(point.x() >= -24.0 - 2.0 / 60 && point.x() <= 0.0, qPrintable(QString::number(point.x())));
    };
    check(seconds - 1 - spikeAt);
    QTest::qWait(200); // the chart's scene lays out its axes on the event loop
    LOOK_AT(&chart, QStringLiteral("chart-day-of-history.png"));

    const QList<QPointF> before = chart.seriesPoints(QStringLiteral("standby1"), LagHistory::ByteLag);
    for (qint64 s = seconds; s < seconds + 120; ++s)
        appendSecond(s);
    chart.refresh(start + (seconds + 119) * 1000LL);
    QVERIFY(chart.seriesPoints(QStringLiteral("standby1"), LagHistory::ByteLag) != before);
    check(seconds + 119 - spikeAt);
}

QTEST_MAIN(TestReplicationPanel)
#include "test_replication_panel.moc"
