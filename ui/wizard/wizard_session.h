#pragma once

#include "core/plan/pair_findings.h"
#include "core/plan/plan_choices.h"

#include <memory>

class HostPrompts;
class PlanPreparation;
class PlanRunner;
class SetupPlan;
class SshHost;

// What the pages of one SetupWizard share: the goal, the choices as the
// pages fill them, the two hosts once their connection was tested, what was
// found on them, the plan and the objects that prepare and run it. Plain
// data owned by SetupWizard (which owns the QObjects and ends them first);
// each page reads what earlier pages left and adds its part.
struct WizardSession
{
    enum class Goal {
        NewPair,     // a new primary and a standby
        AddStandby,  // a standby for a primary that runs already
        Walkthrough, // the walkthrough's own weaker choices, for teaching
    };

    Goal goal = Goal::NewPair;
    PlanChoices choices;
    std::shared_ptr<HostPrompts> prompts;
    std::shared_ptr<SshHost> primary;
    std::shared_ptr<SshHost> standby;
    PairFindings findings;
    std::shared_ptr<SetupPlan> plan;
    PlanPreparation *preparation = nullptr;
    PlanRunner *runner = nullptr;
};
