#pragma once

#include "core/plan/plan_basis.h"
#include "core/plan/setup_step.h"
#include "core/plan/step_description.h"
#include "core/plan/steps/standby_clone_step.h"
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class Host;

// The configuration files as read at planning time, so that the wizard can
// show (and the user edit) the exact diffs before anything changes. A file
// of a cluster that does not exist yet is not known.
struct PlanFiles
{
    QByteArray primaryConf;
    QByteArray primaryHba;
    QByteArray primaryAutoConf;
    // The files the primary's postgresql.conf includes (include, include_dir), by path: a
    // setting they set again wins over the primary-conf step's edit.
    QMap<QString, QByteArray> primaryIncluded;
    QByteArray standbyConf;
    // Our systemd unit of each host's cluster where it has one (ServiceUnitStep's before).
    QMap<HostRole, QByteArray> serviceUnits;
    bool primaryConfKnown = false;
    bool primaryHbaKnown = false;
    bool standbyConfKnown = false;
    // The standby's data directory as found at planning time (what the copy
    // step does with it, and how much disk a set-aside keeps taking).
    DataDirFacts standbyDataDir;
};

// The ordered steps that turn two hosts into a verified primary + standby,
// with the choices and discovery facts they come from. Built from discovery
// (prepare() on a worker thread, or build() from facts for tests and dry
// runs); saved as JSON with the user's edits and loaded back (an invalid
// setting refuses the whole plan before anything changes); printed for
// `--dry-run` and exported as a readable shell script. PlanRunner runs it.
class SetupPlan
{
public:
    SetupPlan() = default;
    SetupPlan(SetupPlan &&) = default;
    SetupPlan &operator=(SetupPlan &&) = default;

    // Steps from choices and facts (no connection). Refuses mismatched majors
    // and what the hosts cannot do, with a message that says what to do.
    static Result<SetupPlan> build(PlanChoices choices, const HostFacts &primary, const HostFacts &standby,
                                   const PlanFiles &files = {});
    // Discovery on both hosts, the files read, then build(). Blocking: call on a worker thread
    // (PlanPreparation). `progress` hears what it looks at, one sentence each time.
    static Result<SetupPlan> prepare(PlanChoices choices, Host &primary, Host &standby,
                                     const std::atomic_bool *cancel = nullptr,
                                     const std::function<void(const QString &)> &progress = {});

    const PlanBasis &basis() const { return m_basis; }
    const PlanChoices &choices() const { return m_basis.choices; }
    const VersionRules &rules() const { return m_basis.rules; }
    const ClusterLayout &cluster(HostRole role) const { return m_basis.cluster(role); }
    const PlanFiles &files() const { return m_files; }
    // The configuration files this plan's befores come from, read on the hosts now. Blocking.
    Result<PlanFiles> readFiles(Host &primary, Host &standby) const;
    // Before a saved plan runs: a refusal naming the first file (and host) that is no longer
    // what the plan was made from (a before would not match). Blocking; reads only.
    Result<void> checkFilesUnchanged(Host &primary, Host &standby) const;

    int stepCount() const { return int(m_steps.size()); }
    SetupStep &step(int index) const { return *m_steps.at(size_t(index)); }
    SetupStep *step(const QString &id) const;
    QList<StepDescription> describe() const;
    // What the user should know before agreeing (weaker choices, clock skew, ...), translated.
    const QStringList &warnings() const { return m_warnings; }

    // The user's own text for one file edit of one step (validated first). A later
    // step that edits the same file takes it as its before and works its after out
    // again; when that later edit holds the user's own text too, the edit is
    // refused (saying so) and nothing changes.
    Result<void> editFile(const QString &stepId, int editIndex, const QByteArray &after);
    // Back to the step's proposal for one file edit (the later steps follow, as above).
    Result<void> resetFile(const QString &stepId, int editIndex);
    int indexOf(const QString &stepId) const;

    QJsonObject toJson() const;
    static Result<SetupPlan> fromJson(const QJsonObject &object);
    Result<void> save(const QString &path) const;
    static Result<SetupPlan> load(const QString &path);

    // Every step with its commands and diffs, as `replicactl setup --dry-run` prints it.
    QString toText() const;
    // The head of toText(): hosts, major, names, directories, which installation each host uses and how it is started.
    QString summary() const;
    // A POSIX shell script doing the same over ssh, for reading and for hands-on use.
    QString toShellScript() const;

private:
    // Links each file edit to the latest earlier edit of the same file on the same host.
    void linkEdits();
    // SetupStep::rebase() for every step after `index` (-1: all), in order.
    Result<void> rebaseAfter(int index);
    // One file edit of a saved plan (fromJson): an after that differs from the plan's proposal is
    // the user's edit, validated as one; its before must be what this plan starts from.
    Result<void> takeSavedEdit(const SetupPlan &proposed, const QJsonObject &saved);
    // Runs `change` on one step, then the later steps follow; all back as they were on a refusal.
    Result<void> changeEdit(const QString &stepId, const std::function<Result<void>(SetupStep &)> &change);

    PlanBasis m_basis;
    PlanFiles m_files;
    std::vector<std::unique_ptr<SetupStep>> m_steps;
    QStringList m_warnings;
};
