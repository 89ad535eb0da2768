// How long the GUI thread stays away while the setup wizard's Run page runs a
// plan on two fresh test hosts (Debian's PostgreSQL 15): once with both hosts
// answering, once with the standby's network cut as the copy starts (it stops
// answering halfway: no reset, no reply, as a machine that hangs or a cable
// pulled), until the run gives up on it. Against a baseline in the same run:
// the same 10 ms timer on an idle event loop.
//
//   bench_wizard_run   (needs root for the test hosts; offscreen unless QT_QPA_PLATFORM says otherwise)
//
// Prints, for each run, the longest lateness of a 10 ms timer on the GUI
// thread (goal: under 16 ms, one frame) and how much of it the thread itself
// worked (the rest is waiting for a core), how long the run took and how it
// ended. Never passes or fails on time.

#include "core/host/ssh_host.h"
#include "core/plan/plan_preparation.h"
#include "core/plan/plan_runner.h"
#include "core/plan/setup_plan.h"
#include "test_host_network.h"
#include "ui/wizard/run_page.h"
#include "ui/wizard/wizard_session.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QTextStream>
#include <QTimer>
#include <QtTest/QTest>

#include <ctime>

namespace {

QTextStream out(stdout);

std::shared_ptr<SshHost> open(const TestHostNetwork &net, TestHost *host)
{
    SshHostConfig config;
    config.host = host->address();
    config.user = QStringLiteral("root");
    config.identityFiles = {net.clientKeyPath()};
    config.useAgent = false;
    config.knownHostsPath = net.knownHostsPath();
    config.readUserConfig = false;
    auto ssh = std::make_shared<SshHost>(config);
    if (auto connected = ssh->connect(); !connected) {
        out << host->address() << ": " << connected.error().fullText() << Qt::endl;
        return nullptr;
    }
    return ssh;
}

// The GUI thread's own CPU time in ms.
double threadCpuMs()
{
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

// The longest lateness of a 10 ms timer, what the run was doing then, and how
// much of it the GUI thread spent working (the rest it waited for a core: on a
// machine with every core busy, lateness is not only the program's).
class LatenessMeter
{
public:
    LatenessMeter()
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 late = m_sinceTick.restart() - 10;
            const double cpu = threadCpuMs();
            if (late > m_longest) {
                m_longest = late;
                m_busyMs = qint64(cpu - m_cpuAtTick);
                m_during = m_now;
            }
            m_cpuAtTick = cpu;
        });
        m_cpuAtTick = threadCpuMs();
        m_sinceTick.start();
        m_timer.start(10);
    }
    void stop() { m_timer.stop(); }
    void setNow(const QString &what) { m_now = what; }
    qint64 longestMs() const { return m_longest; }
    qint64 busyMs() const { return m_busyMs; }
    QString during() const { return m_during; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_longest = 0;
    qint64 m_busyMs = 0;
    double m_cpuAtTick = 0;
    QString m_now;
    QString m_during;
};

struct RunFigures
{
    qint64 latenessMs = -1; // the longest lateness of the 10 ms timer
    qint64 busyMs = -1;     // of that interval, the GUI thread's own CPU time
    QString during;         // the step running then
    qint64 runMs = 0;
    QString ending;
};

// The wizard's Run page on a plan for two new test hosts; with cutStandby, the
// standby's link goes down (from another process, so that the cut itself
// costs the GUI thread nothing) when the copy starts.
std::optional<RunFigures> runPage(TestHostNetwork &net, bool cutStandby)
{
    const QList<TestHost *> hosts = net.create(2);
    if (hosts.size() != 2)
        return std::nullopt;
    WizardSession session;
    session.primary = open(net, hosts.at(0));
    session.standby = open(net, hosts.at(1));
    if (!session.primary || !session.standby)
        return std::nullopt;
    session.choices.primary = HostTarget{QStringLiteral("root"), hosts.at(0)->address(), 22};
    session.choices.standby = HostTarget{QStringLiteral("root"), hosts.at(1)->address(), 22};
    session.choices.version = PgVersion(15);
    session.choices.synchronous = true;
    auto prepared = SetupPlan::prepare(session.choices, *session.primary, *session.standby);
    if (!prepared) {
        out << prepared.error().fullText() << Qt::endl;
        return std::nullopt;
    }
    session.plan = std::make_shared<SetupPlan>(std::move(prepared.value()));
    PlanRunner runner;
    session.runner = &runner;

    RunPage page(session);
    page.resize(1000, 700);
    page.show();
    page.initializePage();
    QPushButton *run = nullptr;
    for (QPushButton *button : page.findChildren<QPushButton *>()) {
        if (button->accessibleName() == QStringLiteral("Run the remaining steps"))
            run = button;
    }
    if (!run)
        return std::nullopt;
    QProcess cut;
    LatenessMeter meter;
    QObject::connect(&runner, &PlanRunner::stepStarted, &page, [&](int, const QString &id) {
        meter.setNow(id);
        if (cutStandby && id == QLatin1String("standby-clone") && cut.state() == QProcess::NotRunning)
            cut.start(QStringLiteral("ip"), {QStringLiteral("-n"), hosts.at(1)->namespaceName(), QStringLiteral("link"),
                                             QStringLiteral("set"), QStringLiteral("eth0"), QStringLiteral("down")});
    });
    bool finished = false;
    bool succeeded = false;
    QObject::connect(&runner, &PlanRunner::finished, &page, [&](bool ok) {
        finished = true;
        succeeded = ok;
    });

    QElapsedTimer clock;
    clock.start();
    meter.setNow(QStringLiteral("pressing Run"));
    run->click();
    (void)QTest::qWaitFor([&] { return finished; }, 15 * 60 * 1000);
    meter.stop();
    RunFigures figures;
    figures.latenessMs = meter.longestMs();
    figures.during = meter.during();
    figures.busyMs = meter.busyMs();
    figures.runMs = clock.elapsed();
    if (!finished)
        figures.ending = QStringLiteral("still running after 15 min");
    else if (succeeded)
        figures.ending = QStringLiteral("verified");
    else
        figures.ending = QStringLiteral("failed: ") + (runner.failure() ? runner.failure()->message : QString());
    runner.wait();
    return figures;
}

void print(const QString &what, const RunFigures &figures)
{
    out << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(0) << figures.latenessMs
        << " ms late at most (GUI thread busy " << figures.busyMs << " ms of it)"
        << (figures.during.isEmpty() ? QString() : QStringLiteral(" during %1").arg(figures.during)) << ", run "
        << QString::number(figures.runMs / 1000.0, 'f', 1) << " s, " << figures.ending.left(160) << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestHostNetwork net;
    if (!net.skipReason().isEmpty()) {
        out << "cannot make test hosts here: " << net.skipReason() << Qt::endl;
        return 1;
    }
    if (!QFile::exists(QStringLiteral("/usr/lib/postgresql/15/bin/postgres"))) {
        out << "Debian's postgresql-15 package is needed on this machine." << Qt::endl;
        return 1;
    }
    RunFigures idle;
    {
        LatenessMeter meter;
        QElapsedTimer clock;
        clock.start();
        QTest::qWait(5000);
        idle.latenessMs = meter.longestMs();
        idle.busyMs = meter.busyMs();
        idle.runMs = clock.elapsed();
        idle.ending = QStringLiteral("nothing running");
    }
    const auto healthy = runPage(net, false);
    const auto cut = runPage(net, true);
    if (!healthy || !cut) {
        out << "could not set up the runs (see above)" << Qt::endl;
        return 1;
    }
    out << "GUI thread: the longest lateness of a 10 ms timer (goal: under 16 ms, one frame)" << Qt::endl;
    print(QStringLiteral("idle event loop (baseline)"), idle);
    print(QStringLiteral("Run page, both hosts answering"), *healthy);
    print(QStringLiteral("Run page, standby cut as the copy starts"), *cut);
    const qint64 base = std::max<qint64>(idle.latenessMs, 1);
    out << "ratio to the baseline: " << QString::number(double(healthy->latenessMs) / base, 'f', 1) << " answering, "
        << QString::number(double(cut->latenessMs) / base, 'f', 1) << " cut" << Qt::endl;
    return 0;
}
