#pragma once

#include "core/plan/setup_step.h"

#include <QJsonObject>

class Host;

// What the standby's data directory held when the plan was made: nothing,
// only what this setup made (a cluster it created, a copy it made, never
// started since: removed when replaced), or other data (set aside once,
// and `kilobytes` says how much disk it keeps taking).
struct DataDirFacts
{
    enum class Kind { Unknown, Missing, Own, Other };
    Kind kind = Kind::Unknown;
    qint64 kilobytes = -1;

    QJsonObject toJson() const;
    static DataDirFacts fromJson(const QJsonObject &object);
};

// Step 9: the standby's data directory becomes a copy of the primary's.
// A standby cluster that runs is stopped; pg_basebackup copies the primary
// with an immediate checkpoint (--checkpoint=fast), the WAL streamed
// alongside (-X stream) through the slot, into a folder of the setup's own
// beside the data directory, and its progress reaches the runner line by
// line. Only a finished copy replaces the data directory: what the setup
// made itself (a cluster it just created, its own earlier copy, each marked
// by a file in it, never started since) is removed, other data is set aside
// once (renamed with the date, never deleted). An interrupted copy is
// removed by the next attempt, so retries leave nothing behind.
class StandbyCloneStep : public SetupStep
{
public:
    StandbyCloneStep(PlanBasis basis, const DataDirFacts &dataDir = {});

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

    CommandLine basebackup() const;
    // The database system identifier of a data directory (pg_control read directly), or empty.
    static Result<QString> systemIdentifier(StepContext &context, HostRole role, const QString &dataDir);
    // What a data directory on the standby holds now (for the plan).
    static Result<DataDirFacts> inspectDataDir(Host &standby, const QString &dataDir);
    // The file that marks a folder as made by the setup.
    static QString markerName();
    // A command that marks a folder as made by the setup.
    static CommandLine mark(const QString &dir);

    // Debian keeps the configuration apart from the data: a standby without a cluster gets one
    // made for its configuration folder, whose data directory the copy replaces (the
    // standby-cluster step, ahead of the copy and while the primary is configured).
    static bool needsConfigCluster(const PlanBasis &basis);
    static QList<PlannedCommand> configClusterCommands(const PlanBasis &basis);
    // Whether the standby has that configuration folder (always true outside Debian).
    static Result<bool> hasConfigCluster(StepContext &context);
    // Makes it (and marks its data directory as the setup's own) unless it is there.
    static Result<void> makeConfigCluster(StepContext &context);

protected:
    // Everything before the copy itself (stop, the copy's folder, reachability).
    Result<void> prepare(StepContext &context);
    // The copy into copyDir(), and the commands the plan shows for it.
    virtual Result<void> copy(StepContext &context);
    virtual QList<PlannedCommand> copyCommands() const;
    // The finished copy replaces the data directory.
    Result<void> finish(StepContext &context);
    // Where the copy is made: <data directory>.replica-studio-copy/data.
    QString copyDir() const;

private:
    QString copyParent() const;
    CommandLine clearDataDir() const;
    CommandLine removeOwnCopy() const;
    QString clearPurpose() const;

    DataDirFacts m_dataDir;
};
