#pragma once

#include "core/plan/file_edit.h"
#include "core/plan/plan_basis.h"
#include "core/plan/planned_command.h"
#include "core/plan/step_context.h"
#include "core/plan/step_description.h"
#include "core/result.h"

#include <QList>
#include <QString>

#include <optional>

class SetupPlan;

// One step of a setup plan (install, create the primary, role, settings,
// ..., verify). A step can describe() exactly what it will run and change,
// check() whether it is already in place (then the runner skips it, so a
// re-run changes nothing), apply() itself on a worker thread, and undo the
// file edits it made (each file gets its previous content back). The wizard
// shows describe(); PlanRunner calls check/apply/undo; SetupPlan owns steps.
class SetupStep
{
public:
    SetupStep(QString id, PlanBasis basis) : m_basis(std::move(basis)), m_id(std::move(id)) {}
    virtual ~SetupStep() = default;
    SetupStep(const SetupStep &) = delete;
    SetupStep &operator=(const SetupStep &) = delete;

    const QString &id() const { return m_id; }
    virtual QString title() const = 0;
    virtual QString why() const = 0;
    // The commands this step runs, in order (what the dry run and the shell export show).
    virtual QList<PlannedCommand> commands() const = 0;
    virtual StepDescription describe() const;

    // Whether PlanRunner may run this step on a thread of its own while it goes on with the
    // steps after it that touch none of its hosts (the standby's preparation while the primary
    // is configured). For a step that needs nothing the steps before it do on its hosts.
    virtual bool runsAlongside() const { return false; }
    // The hosts this step's commands and file edits touch (both when it names none).
    QList<HostRole> hosts() const;

    // Already in place? Read only.
    virtual Result<bool> check(StepContext &context) = 0;
    virtual Result<void> apply(StepContext &context) = 0;
    // Gives every file this step wrote its previous content back (a file the
    // step created is removed). Called by the runner when apply() failed.
    Result<void> undo(StepContext &context);
    // Forgets what an earlier apply() wrote (the runner calls it before each step).
    void clearUndo() { m_applied.clear(); }
    // Whether apply() wrote a file in this run (what undo() would restore).
    bool wroteFiles() const { return !m_applied.isEmpty(); }
    // Whether apply() wrote this file on this host in this run.
    bool wroteFile(HostRole host, const QString &path) const;

    const QList<FileEdit> &edits() const { return m_edits; }
    // Why this step could not be planned (a file edit its choices cannot make),
    // or nothing. SetupPlan::build() refuses the whole plan then, rather than
    // showing the file as unchanged.
    const std::optional<Error> &planningError() const { return m_planningError; }
    // A user's own text for one edit: validated (ConfFile / HbaFile parse and
    // VersionRules for every setting) before it replaces the planned after.
    // A later step that edits the same file follows only when the edit goes
    // through SetupPlan::editFile(), which the wizard and replicactl call.
    virtual Result<void> setEditedAfter(int index, const QByteArray &after);
    // Forgets the user's text for one edit: the after is the step's proposal again.
    Result<void> resetEdit(int index);
    // Takes the before of each edit linked to an earlier step's edit of the same
    // file (FileEdit::previousStep) from that edit's after, and works the after
    // out again from it. Refused, changing nothing, when such an edit holds the
    // user's own text and its before would change. SetupPlan calls it.
    virtual Result<void> rebase(const SetupPlan &plan);

protected:
    // The text a file should get: the user's edited after (refused when the
    // file changed since planning), or the step's settings applied to what
    // the file holds now.
    virtual Result<QByteArray> afterFor(const FileEdit &edit, const QByteArray &current, bool exists) const;
    // Checks a user-edited after before it is accepted (conf kinds: parse + validateSetting).
    virtual Result<void> validateAfter(const FileEdit &edit) const;
    // The edit's settings with the user's own values where the user edited the file.
    static QList<QPair<QString, QString>> wantedSettings(const FileEdit &edit);
    // The step's proposal for an edit: its settings applied to the edit's before.
    Result<QByteArray> proposalFor(const FileEdit &edit) const;
    // Whether the file holds what the edit wants (for check()).
    Result<bool> editInPlace(StepContext &context, const FileEdit &edit) const;
    // Reads the file as the edit's user; `exists` false (and no error) when it is missing.
    static Result<QByteArray> readCurrent(StepContext &context, const FileEdit &edit, bool &exists);
    // Writes one edit, remembering the previous content for undo(). Returns the text written.
    Result<QByteArray> writeEdit(StepContext &context, const FileEdit &edit);

    const PlanBasis &basis() const { return m_basis; }
    const VersionRules &rules() const { return m_basis.rules; }
    const PlanChoices &choices() const { return m_basis.choices; }

    PlanBasis m_basis;
    QList<FileEdit> m_edits;
    std::optional<Error> m_planningError;

private:
    friend class SetupPlan;
    struct Applied
    {
        FileEdit edit;
        QByteArray previous;
        bool existed = false;
    };

    QString m_id;
    QList<Applied> m_applied;
};
