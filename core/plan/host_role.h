#pragma once

#include <QString>

// Which machine of the pair a command or file edit belongs to. Steps name
// hosts by role so that a plan can be described, saved and exported before
// any connection exists; StepContext maps roles to live Host objects.
enum class HostRole { Primary, Standby };

inline QString hostRoleName(HostRole role)
{
    return role == HostRole::Primary ? QStringLiteral("primary") : QStringLiteral("standby");
}
