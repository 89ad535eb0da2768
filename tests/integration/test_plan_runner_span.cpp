// PlanRunner on two of the suite's test hosts (network namespaces with their
// own sshd, Debian's PostgreSQL 15), in process: a run up to a chosen step
// stops there on purpose and touches nothing after it; a run resumed from the
// next step checks the earlier ones without applying them and finishes the
// setup; a cancelled run is retried from the step it stopped at. Every
// output line arrives tagged with the step that was running, and each step
// with its time. A resume on hosts where an earlier step is not done stops
// before changing anything.
#include "core/host/ssh_host.h"
#include "core/plan/plan_runner.h"
#include "core/plan/setup_plan.h"
#include "test_host_network.h"

#include <QFile>
#include <QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>

namespace {

constexpr int RunTimeoutMs = 600000;

// Every signal of a run, in the order the GUI thread receives them.
struct RunEvents
{
    struct Line
    {
        int step = -2;
        int lastStarted = -1; // the step started last when the line arrived
        QString text;
    };
    QList<int> started;
    QList<int> skipped;
    QList<int> applied;
    QList<int> failed;
    QList<qint64> times; // of every skipped, finished and failed step
    QList<Line> lines;
    QStringList logLines;
    bool finished = false;
    bool succeeded = false;
    int stoppedAfter = -2;

    void listen(PlanRunner &runner, QObject *context)
    {
        QObject::connect(&runner, &PlanRunner::stepStarted, context, [this](int index) { started << index; });
        QObject::connect(&runner, &PlanRunner::stepSkipped, context,
                         [this](int index, const QString &, const QString &, qint64 ms) {
                             skipped << index;
                             times << ms;
                         });
        QObject::connect(&runner, &PlanRunner::stepFinished, context,
                         [this](int index, const QString &, const QString &, qint64 ms) {
                             applied << index;
                             times << ms;
                         });
        QObject::connect(
            &runner, &PlanRunner::stepFailed, context,
            [this](int index, const QString &, const QString &, const QString &, const QString &, qint64 ms) {
                failed << index;
                times << ms;
            });
        QObject::connect(&runner, &PlanRunner::outputLine, context, [this](int step, const QString &text) {
            lines << Line{step, started.isEmpty() ? -1 : started.last(), text};
        });
        QObject::connect(&runner, &PlanRunner::logLine, context, [this](const QString &text) { logLines << text; });
        QObject::connect(&runner, &PlanRunner::finished, context, [this](bool ok, int stopped) {
            finished = true;
            succeeded = ok;
            stoppedAfter = stopped;
        });
    }

    QStringList linesOf(int step) const
    {
        QStringList texts;
        for (const Line &line : lines)
            if (line.step == step)
                texts << line.text;
        return texts;
    }
};

int indexOf(const SetupPlan &plan, const QString &id)
{
    for (int i = 0; i < plan.stepCount(); ++i)
        if (plan.step(i).id() == id)
            return i;
    return -1;
}

QList<int> range(int from, int to)
{
    QList<int> list;
    for (int i = from; i <= to; ++i)
        list << i;
    return list;
}

} // namespace

class TestPlanRunnerSpan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void runUpToAStepThenResume();
    void resumeRefusesWhenAnEarlierStepIsNotDone();

private:
    // Two test hosts reached over SSH and the plan that makes them a synchronous pair.
    struct Pair
    {
        std::unique_ptr<SshHost> primary;
        std::unique_ptr<SshHost> standby;
        std::optional<SetupPlan> plan;
        int cluster = -1; // the steps that make the primary's cluster and copy it
        int clone = -1;
    };
    bool preparePair(int first, Pair &pair);
    std::unique_ptr<SshHost> open(TestHost *host);
    std::optional<SetupPlan> plan(TestHost *primaryHost, TestHost *standbyHost, SshHost &primary, SshHost &standby);
    bool dataDirExists(TestHost *host);
    bool fileExists(TestHost *host, const QString &path);

    std::unique_ptr<TestHostNetwork> m_net;
    QList<TestHost *> m_hosts;
};

void TestPlanRunnerSpan::initTestCase()
{
    m_net = std::make_unique<TestHostNetwork>();
    if (!m_net->skipReason().isEmpty())
        QSKIP(qPrintable(m_net->skipReason()));
    if (!QFile::exists(QStringLiteral("/usr/lib/postgresql/15/bin/postgres")))
        QSKIP("Debian's postgresql-15 package is needed on this machine.");
    m_hosts = m_net->create(4);
    QCOMPARE(m_hosts.size(), 4);
}

void TestPlanRunnerSpan::cleanupTestCase()
{
    m_net.reset();
}

std::unique_ptr<SshHost> TestPlanRunnerSpan::open(TestHost *host)
{
    SshHostConfig config;
    config.host = host->address();
    config.user = QStringLiteral("root");
    config.identityFiles = {m_net->clientKeyPath()};
    config.useAgent = false;
    config.knownHostsPath = m_net->knownHostsPath();
    config.readUserConfig = false;
    auto ssh = std::make_unique<SshHost>(config);
    if (auto connected = ssh->connect(); !connected) {
        qWarning("%s: %s", qPrintable(host->address()), qPrintable(connected.error().fullText()));
        return nullptr;
    }
    return ssh;
}

std::optional<SetupPlan> TestPlanRunnerSpan::plan(TestHost *primaryHost, TestHost *standbyHost, SshHost &primary,
                                                  SshHost &standby)
{
    PlanChoices choices;
    choices.primary = HostTarget{QStringLiteral("root"), primaryHost->address(), 22};
    choices.standby = HostTarget{QStringLiteral("root"), standbyHost->address(), 22};
    choices.version = PgVersion(15);
    choices.synchronous = true;
    auto prepared = SetupPlan::prepare(choices, primary, standby);
    if (!prepared) {
        qWarning("%s", qPrintable(prepared.error().fullText()));
        return std::nullopt;
    }
    return std::move(prepared.value());
}

bool TestPlanRunnerSpan::preparePair(int first, Pair &pair)
{
    pair.primary = open(m_hosts.at(first));
    pair.standby = open(m_hosts.at(first + 1));
    if (!pair.primary || !pair.standby)
        return false;
    pair.plan = plan(m_hosts.at(first), m_hosts.at(first + 1), *pair.primary, *pair.standby);
    if (!pair.plan)
        return false;
    pair.cluster = indexOf(*pair.plan, QStringLiteral("primary-cluster"));
    pair.clone = indexOf(*pair.plan, QStringLiteral("standby-clone"));
    // The plan makes the primary before it copies it.
    return pair.cluster >= 0 && pair.clone > pair.cluster;
}

bool TestPlanRunnerSpan::dataDirExists(TestHost *host)
{
    return fileExists(host, QStringLiteral("/var/lib/postgresql/15/main/PG_VERSION"));
}

bool TestPlanRunnerSpan::fileExists(TestHost *host, const QString &path)
{
    auto test = host->runInside(CommandLine(QStringLiteral("test"), {QStringLiteral("-e"), path}));
    return test && test->exitCode == 0;
}

void TestPlanRunnerSpan::runUpToAStepThenResume()
{
    Pair pair;
    QVERIFY(preparePair(0, pair));
    auto &[primary, standby, setup, clusterStep, cloneStep] = pair;
    const int clone = cloneStep;
    const int last = setup->stepCount() - 1;

    // 1. Up to the step before the copy: the primary is ready, the standby has only the cluster made
    // for its configuration folder (marked as the setup's own, for the copy to replace), no copy.
    PlanRunner runner;
    RunEvents first;
    first.listen(runner, this);
    QVERIFY(runner.start(&*setup, primary.get(), standby.get(), {}, {0, clone - 1}));
    QTRY_VERIFY_WITH_TIMEOUT(first.finished, RunTimeoutMs);
    runner.wait();
    QVERIFY2(first.succeeded, qPrintable(runner.failure() ? runner.failure()->message : QString()));
    QCOMPARE(first.stoppedAfter, clone - 1);
    QCOMPARE(runner.resumeIndex(), clone);
    QVERIFY(!runner.failure());
    QCOMPARE(first.started, range(0, clone - 1));
    QVERIFY(first.failed.isEmpty());
    QVERIFY(fileExists(m_hosts.at(1), QStringLiteral("/var/lib/postgresql/15/main/replica-studio-made")));
    QVERIFY(!fileExists(m_hosts.at(1), QStringLiteral("/var/lib/postgresql/15/main/standby.signal")));
    QCOMPARE(first.times.size(), clone);
    for (qint64 ms : std::as_const(first.times))
        QVERIFY(ms >= 0);

    // Each line carries the step that was running when it was reported (the standby's cluster
    // is made alongside the primary's steps: its lines come while they run, with its own index)...
    const int standbyCluster = indexOf(*setup, QStringLiteral("standby-cluster"));
    QVERIFY(standbyCluster >= 0 && setup->step(standbyCluster).runsAlongside());
    QVERIFY(first.applied.contains(standbyCluster));
    for (const RunEvents::Line &line : std::as_const(first.lines))
        QVERIFY2(line.step == line.lastStarted || (line.step == standbyCluster && line.lastStarted > standbyCluster),
                 qPrintable(QStringLiteral("%1 (%2, started %3)").arg(line.text).arg(line.step).arg(line.lastStarted)));
    QVERIFY(!first.linesOf(standbyCluster).filter(QStringLiteral("pg_createcluster")).isEmpty());
    // ... commands and the output they print as they run (psql's "1" for SELECT 1 once the
    // created primary is started), where replicactl's log has the commands only.
    const QStringList startLines = first.linesOf(indexOf(*setup, QStringLiteral("primary-restart")));
    QVERIFY2(startLines.contains(QStringLiteral("1")), qPrintable(startLines.join(QLatin1Char('\n'))));
    QVERIFY(!first.logLines.contains(QStringLiteral("1")));
    for (const QString &logged : std::as_const(first.logLines))
        QVERIFY2(std::any_of(first.lines.cbegin(), first.lines.cend(),
                             [&](const RunEvents::Line &line) { return line.text == logged; }),
                 qPrintable(logged));

    // 2. From the copy on, cancelled as it starts: it fails there, changing nothing before it.
    RunEvents second;
    second.listen(runner, this);
    const auto cancelAtCopy = connect(&runner, &PlanRunner::stepStarted, this, [&runner, clone](int index) {
        if (index == clone)
            runner.cancel();
    });
    QVERIFY(runner.start(&*setup, primary.get(), standby.get(), {}, {clone, -1}));
    QTRY_VERIFY_WITH_TIMEOUT(second.finished, RunTimeoutMs);
    runner.wait();
    QVERIFY(!second.succeeded);
    QCOMPARE(second.stoppedAfter, -1);
    QVERIFY(runner.failure());
    QVERIFY2(runner.failure()->stepIndex >= clone, qPrintable(runner.failure()->message));
    QCOMPARE(runner.resumeIndex(), runner.failure()->stepIndex);
    qInfo("cancelled at step %d: %s", runner.failure()->stepIndex, qPrintable(runner.failure()->message));
    // The steps before the copy were checked, not run again.
    QCOMPARE(second.skipped, range(0, clone - 1));
    QVERIFY(std::all_of(second.applied.cbegin(), second.applied.cend(), [clone](int index) { return index >= clone; }));
    disconnect(cancelAtCopy);

    // 3. Retry: resumes at the failed step and finishes the setup, verified.
    const int failedAt = runner.failure()->stepIndex;
    RunEvents third;
    third.listen(runner, this);
    QVERIFY(runner.retry());
    QTRY_VERIFY_WITH_TIMEOUT(third.finished, RunTimeoutMs);
    runner.wait();
    QVERIFY2(third.succeeded,
             qPrintable(runner.failure() ? runner.failure()->message + QLatin1Char('\n') + runner.failure()->output
                                         : QString()));
    QCOMPARE(third.stoppedAfter, -1);
    QCOMPARE(runner.resumeIndex(), -1);
    QCOMPARE(third.started, range(0, last));
    QCOMPARE(third.skipped.mid(0, failedAt), range(0, failedAt - 1));
    QVERIFY(third.applied.contains(clone));
    QVERIFY(dataDirExists(m_hosts.at(1)));
    const VerificationReport report = runner.verification();
    QVERIFY(!report.checks.isEmpty());
    for (const VerificationReport::Check &check : report.checks)
        QVERIFY2(check.passed, qPrintable(check.name + QStringLiteral(": ") + check.detail));
    for (const RunEvents::Line &line : std::as_const(third.lines))
        QCOMPARE(line.step, line.lastStarted);
    // pg_basebackup's own lines are the copy step's.
    QVERIFY2(!third.linesOf(clone).filter(QStringLiteral("pg_basebackup")).isEmpty(),
             qPrintable(third.linesOf(clone).join(QLatin1Char('\n'))));
}

void TestPlanRunnerSpan::resumeRefusesWhenAnEarlierStepIsNotDone()
{
    Pair pair;
    QVERIFY(preparePair(2, pair));
    auto &[primary, standby, setup, clusterStep, cloneStep] = pair;
    // The first step not in place: the standby's cluster (made alongside the primary's) comes first.
    const int first = std::min(clusterStep, indexOf(*setup, QStringLiteral("standby-cluster")));
    QVERIFY(first >= 0);
    const int clone = cloneStep;
    PlanRunner runner;
    RunEvents events;
    events.listen(runner, this);
    // Nothing was run on these hosts: resuming at the copy must not copy a primary that is not there.
    QVERIFY(runner.start(&*setup, primary.get(), standby.get(), {}, {clone, -1}));
    QTRY_VERIFY_WITH_TIMEOUT(events.finished, RunTimeoutMs);
    runner.wait();
    QVERIFY(!events.succeeded);
    QVERIFY(runner.failure());
    QCOMPARE(runner.failure()->stepIndex, first);
    QVERIFY2(runner.failure()->message.contains(QStringLiteral("Run the plan from step %1").arg(first + 1)),
             qPrintable(runner.failure()->message));
    QVERIFY(events.applied.isEmpty());
    QVERIFY(!dataDirExists(m_hosts.at(2)));
    QVERIFY(!dataDirExists(m_hosts.at(3)));
    // A span outside the plan is refused before anything starts.
    QVERIFY(!runner.start(&*setup, primary.get(), standby.get(), {}, {0, setup->stepCount()}));
    QVERIFY(!runner.start(&*setup, primary.get(), standby.get(), {}, {clone, clone - 1}));
}

QTEST_GUILESS_MAIN(TestPlanRunnerSpan)
#include "test_plan_runner_span.moc"
