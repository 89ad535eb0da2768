#pragma once

#include "core/sandbox/sandbox_task.h"

#include <QList>
#include <QString>

// One thing a lesson step does when its button is pressed: a statement on
// one server of the sandbox, or an operation on the sandbox itself.
struct LessonAction
{
    enum class Kind { Sql, Sandbox };

    Kind kind = Kind::Sql;
    QString label;  // the button: "Insert a row on the primary"
    QString server; // Sql: "primary", "standby" (the first standby, whatever its name) or a standby's name
    QString sql;    // Sql: what runs, in the lesson's database
    SandboxTask::Action sandboxAction = SandboxTask::Action::StartStandby; // Sandbox
    SandboxOptions sandboxOptions; // Sandbox: which standby; for a reset, how many and their synchronous names
    QString expectedSqlState;      // Sql: the error the lesson expects ("25006"); empty: success expected
    // Sql: the statement is expected to wait (a commit held by a stopped
    // synchronous standby): the next button is offered while it runs.
    bool waits = false;
};

// One step of the lesson: what to look at, the buttons that do it, and what
// it shows once done. Text is translated; rich text for emphasis only.
struct LessonStep
{
    QString id; // stable: "read-only-standby"
    QString title;
    QString explanation; // shown before running
    QString afterwards;  // what happened, shown once every action ran
    QList<LessonAction> actions;
};

// The walkthrough's scenario on the demo sandbox, and what comes after it:
// who streams, a row that crosses over, a write the standby refuses, lag
// under load, paused replay, a commit that waits for a stopped synchronous
// standby (and the two safe ways out), a quorum of three standbys, and a
// promotion. Every step leaves
// the sandbox usable, so the lesson can start again at any step. The
// lesson pane shows it; its test runs it against a real sandbox.
namespace LessonScript {

QList<LessonStep> steps();

} // namespace LessonScript
