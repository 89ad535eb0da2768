#pragma once

#include <QList>
#include <QString>

// The closing proof of a setup: every check the verify step made, passed or
// not, with what it saw. replicactl prints it; the wizard's last page lists it.
struct VerificationReport
{
    struct Check
    {
        QString name; // translated sentence: "A row written on the primary is read on the standby"
        bool passed = false;
        QString detail; // what was seen
    };

    QList<Check> checks;

    bool passed() const
    {
        if (checks.isEmpty())
            return false;
        for (const Check &check : checks) {
            if (!check.passed)
                return false;
        }
        return true;
    }
};
