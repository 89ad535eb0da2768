#include "pair_findings.h"

#include <algorithm>
#include <cstdlib>

void PairFindings::hostProblems(const HostFacts &facts, const QString &role, QStringList &into)
{
    for (const QString &problem : facts.problems)
        into << tr("On the %1: %2").arg(role, problem);
    if (facts.installations.isEmpty())
        into << tr("No PostgreSQL is installed on the %1. Choose \"Install the PostgreSQL packages\" on the "
                   "Choices page, or install the server package of the major you want there first.")
                    .arg(role);
    if (!facts.canBecomeRoot)
        into << tr("The login user on the %1 cannot become root. Log in as root, or as a user who may use sudo "
                   "(give the sudo password on the Machines page).")
                    .arg(role);
}

QList<PgVersion> PairFindings::usableMajors() const
{
    QList<PgVersion> majors;
    for (const PgInstallation &installation : primary.installations) {
        if (standby.installation(installation.version) && !majors.contains(installation.version))
            majors << installation.version;
    }
    std::sort(majors.begin(), majors.end(), [](const PgVersion &a, const PgVersion &b) { return b < a; });
    return majors;
}

QStringList PairFindings::problems() const
{
    QStringList found;
    hostProblems(primary, tr("primary"), found);
    hostProblems(standby, tr("standby"), found);
    if (!primary.installations.isEmpty() && !standby.installations.isEmpty() && usableMajors().isEmpty())
        found << tr("The two hosts have no PostgreSQL major in common. Install the primary's major on the standby "
                    "(or choose \"Install the PostgreSQL packages\").");
    if (standby.freeBytes >= 0 && standby.freeBytes < minimumFreeBytes)
        found << tr("The standby has less than 1 GB free for the copy of the primary. Free some space on it first.");
    const qint64 skew = std::abs(primary.clockOffsetMs - standby.clockOffsetMs);
    if (skew > clockSkewLimitMs)
        found << tr("The clocks of the two hosts differ by %1 s: lag times would be off. Synchronise them (NTP).")
                     .arg(skew / 1000.0, 0, 'f', 1);
    if (reach == Reach::Blocked)
        found << reachability;
    return found;
}
