#pragma once

#include "core/plan/pair_findings.h"
#include "core/plan/plan_choices.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

class Host;
class SetupPlan;

// Finds out what two hosts have and turns the user's choices into a
// SetupPlan, off the GUI thread: survey() runs discovery on both hosts and
// the standby's probe of the primary's port (the wizard's "What was found"
// page); prepare() runs SetupPlan::prepare() (discovery again, the files
// read, the plan built). Each says what it looks at through progress(),
// can be cancelled (the running remote command ends), and reports by
// surveyed(), prepared() or failed(). One worker thread (a std::thread,
// joined, as PlanRunner's); one job at a time. The hosts are shared with
// the caller; the object may be deleted at any time (it cancels and joins).
class PlanPreparation : public QObject
{
    Q_OBJECT

public:
    explicit PlanPreparation(QObject *parent = nullptr);
    ~PlanPreparation() override;

    // false when a job runs already.
    bool survey(std::shared_ptr<Host> primary, std::shared_ptr<Host> standby, const PlanChoices &choices);
    bool prepare(std::shared_ptr<Host> primary, std::shared_ptr<Host> standby, const PlanChoices &choices);
    void cancel();
    bool isRunning() const { return m_running; }

    // After surveyed(): what was found.
    PairFindings findings() const;
    // After prepared(): the plan (shared with whoever runs and edits it).
    std::shared_ptr<SetupPlan> plan() const;

signals:
    void progress(const QString &text);
    void surveyed();
    void prepared();
    // message: what went wrong and what to do; detail: technical.
    void failed(const QString &message, const QString &detail);

private:
    bool start(std::function<void()> job);
    void runSurvey(Host &primary, Host &standby, PlanChoices choices);
    void runPrepare(Host &primary, Host &standby, PlanChoices choices);
    void finish(const std::function<void()> &report);
    void join();

    std::thread m_thread;
    std::atomic_bool m_running{false};
    std::atomic_bool m_cancel{false};
    mutable std::mutex m_mutex; // the results below
    PairFindings m_findings;
    std::shared_ptr<SetupPlan> m_plan;
};
