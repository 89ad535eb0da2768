#pragma once

#include "core/plan/cluster_layout.h"
#include "core/plan/host_facts.h"
#include "core/plan/host_role.h"
#include "core/plan/plan_choices.h"
#include "core/version/version_rules.h"

// What every step of one plan is built from: the user's choices, what
// discovery found on both hosts, where each cluster lives and the rules of
// the chosen major. A plain value each step keeps a copy of, so that a step
// can describe itself without a connection.
struct PlanBasis
{
    PlanChoices choices;
    HostFacts primaryFacts;
    HostFacts standbyFacts;
    ClusterLayout primary;
    ClusterLayout standby;
    VersionRules rules{PgVersion()};

    const ClusterLayout &cluster(HostRole role) const { return role == HostRole::Primary ? primary : standby; }
    const HostFacts &facts(HostRole role) const { return role == HostRole::Primary ? primaryFacts : standbyFacts; }
};
