#pragma once

#include "core/plan/file_edit.h"
#include "core/plan/planned_command.h"

#include <QList>
#include <QString>
#include <QStringList>

// Everything one step will do, as plain data: what a wizard page shows (and
// lets the user edit), what `replicactl setup --dry-run` prints and what the
// shell-script export writes. Built by SetupStep::describe().
struct StepDescription
{
    QString id;
    QString title;
    QString why;
    QList<PlannedCommand> commands;
    QList<FileEdit> edits;
    QStringList notes; // facts worth knowing (e.g. "needs a restart"), translated
};
