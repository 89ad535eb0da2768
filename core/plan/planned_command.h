#pragma once

#include "core/host/command_line.h"
#include "core/host/host.h"
#include "core/plan/host_role.h"

#include <QString>

// One command a step will run, as the wizard and the dry run show it: on
// which host, as whom, and why. Secrets never appear here; a command that
// needs one gets it on stdin, which `stdinNote` names (e.g. "the password").
struct PlannedCommand
{
    HostRole host = HostRole::Primary;
    CommandLine command;
    RunAs as = RunAs::Postgres;
    QString purpose;        // one sentence, translated
    QString stdinNote = {}; // what goes on stdin, never the secret itself
    QString stdinSql = {};  // the exact SQL sent on stdin, when it holds no secret (the shell export uses it)
};
