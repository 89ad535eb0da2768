#include "plan_preparation.h"

#include "core/host/host.h"
#include "core/plan/discovery.h"
#include "core/plan/setup_plan.h"

#include <QStringList>

PlanPreparation::PlanPreparation(QObject *parent) : QObject(parent)
{
}

PlanPreparation::~PlanPreparation()
{
    cancel();
    join();
}

void PlanPreparation::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

void PlanPreparation::cancel()
{
    m_cancel = true;
}

bool PlanPreparation::start(std::function<void()> job)
{
    if (m_running.exchange(true))
        return false;
    join(); // the previous job's thread has ended its work already
    m_cancel = false;
    m_thread = std::thread(std::move(job));
    return true;
}

bool PlanPreparation::survey(std::shared_ptr<Host> primary, std::shared_ptr<Host> standby, const PlanChoices &choices)
{
    return start([this, primary, standby, choices] { runSurvey(*primary, *standby, choices); });
}

bool PlanPreparation::prepare(std::shared_ptr<Host> primary, std::shared_ptr<Host> standby, const PlanChoices &choices)
{
    return start([this, primary, standby, choices] { runPrepare(*primary, *standby, choices); });
}

void PlanPreparation::finish(const std::function<void()> &report)
{
    // Not running any more before the report, so that a receiver may start the next job.
    m_running = false;
    report();
}

PairFindings PlanPreparation::findings() const
{
    std::lock_guard lock(m_mutex);
    return m_findings;
}

std::shared_ptr<SetupPlan> PlanPreparation::plan() const
{
    std::lock_guard lock(m_mutex);
    return m_plan;
}

void PlanPreparation::runSurvey(Host &primaryHost, Host &standbyHost, PlanChoices choices)
{
    PairFindings found;
    found.primaryAddress = choices.primaryAddress.isEmpty() ? choices.primary.host : choices.primaryAddress;
    found.primaryPort = choices.primaryPort;
    for (Host *host : {&primaryHost, &standbyHost})
        emit progress(
            tr("Looking at %1: the system, PostgreSQL, its clusters and free disk.").arg(host->displayName()));
    auto pair = Discovery::discoverPair(primaryHost, standbyHost, choices, found.primaryAddress, true, &m_cancel);
    if (!pair) {
        finish([&] { emit failed(pair.error().message, pair.error().detail); });
        return;
    }
    found.primary = pair->primary;
    found.standby = pair->standby;
    found.standbyAddress = pair->standbyAddress;
    emit progress(
        tr("Checking that the standby reaches the primary at %1:%2.").arg(found.primaryAddress).arg(found.primaryPort));
    auto reach = Discovery::standbyReachesPrimary(primaryHost, standbyHost, found.primaryAddress, found.primaryPort);
    if (m_cancel) {
        finish([this] { emit failed(tr("Looking at the hosts was cancelled."), {}); });
        return;
    }
    if (!reach) {
        found.reach = PairFindings::Reach::Blocked;
        found.reachability = reach.error().message;
    } else {
        found.reach = reach->isEmpty() ? PairFindings::Reach::Open : PairFindings::Reach::NotListeningYet;
        found.reachability =
            reach->isEmpty()
                ? tr("The standby reaches the primary at %1:%2.").arg(found.primaryAddress).arg(found.primaryPort)
                : *reach;
    }
    {
        std::lock_guard lock(m_mutex);
        m_findings = found;
    }
    finish([this] { emit surveyed(); });
}

void PlanPreparation::runPrepare(Host &primaryHost, Host &standbyHost, PlanChoices choices)
{
    auto plan = SetupPlan::prepare(std::move(choices), primaryHost, standbyHost, &m_cancel,
                                   [this](const QString &text) { emit progress(text); });
    if (!plan) {
        finish([&] { emit failed(plan.error().message, plan.error().detail); });
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_plan = std::make_shared<SetupPlan>(std::move(*plan));
    }
    finish([this] { emit prepared(); });
}
