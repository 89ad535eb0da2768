#pragma once

#include "core/plan/host_facts.h"
#include "core/version/pg_version.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// What discovery found on both hosts before the user chooses anything: the
// facts of each, whether the standby reaches the primary's port, and every
// problem said with what to do. Made by PlanPreparation::survey(); the
// wizard's "What was found" and "Choices" pages show it.
struct PairFindings
{
    Q_DECLARE_TR_FUNCTIONS(PairFindings)

public:
    HostFacts primary;
    HostFacts standby;
    QString primaryAddress; // as the standby reaches it
    int primaryPort = 5432;
    QString standbyAddress; // the standby's source address towards the primary (empty: unknown)
    enum class Reach {
        Open,            // the standby's TCP connect to primaryAddress:primaryPort got through
        NotListeningYet, // the host answers, nothing listens there yet (known once the plan sets listen_addresses)
        Blocked,         // a firewall, no route, a wrong address: the setup cannot work
    };
    Reach reach = Reach::Blocked;
    QString reachability; // what was seen, as a sentence (with what to do when Blocked)

    // Majors installed on both hosts, newest first.
    QList<PgVersion> usableMajors() const;
    // Each problem as a sentence that says what to do; empty when none.
    QStringList problems() const;
    // The hosts' clocks differ by more than this many ms: lag times would be off.
    static constexpr qint64 clockSkewLimitMs = 2000;
    // Less than this free on the standby: the copy of even a small primary would not fit.
    static constexpr qint64 minimumFreeBytes = qint64(1) << 30;

private:
    static void hostProblems(const HostFacts &facts, const QString &role, QStringList &into);
};
