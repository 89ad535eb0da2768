#include "backup_clone_step.h"

#include "core/plan/backup_clone.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("BackupCloneStep", text);
}
} // namespace

BackupCloneStep::BackupCloneStep(PlanBasis basis, const DataDirFacts &dataDir)
    : StandbyCloneStep(std::move(basis), dataDir)
{
}

CloneOptions BackupCloneStep::options() const
{
    CloneOptions options;
    options.version = rules().version();
    options.primaryDataDir = basis().primary.dataDir();
    options.psqlPath = basis().primary.clientProgram(QStringLiteral("psql"));
    options.socketDir = basis().primary.socketDir();
    options.port = basis().primary.port();
    options.standbyDataDir = copyDir();
    if (rules().hasReplicationSlots())
        options.slotName = choices().slotName;
    return options;
}

QString BackupCloneStep::title() const
{
    return tr("Copy the primary to the standby (low-level backup API)");
}

QString BackupCloneStep::why() const
{
    return tr("The standby has no pg_basebackup of PostgreSQL %1 or newer, so the copy goes through %2 / %3 and the "
              "SSH connections. "
              "The copy is made beside %4 and replaces it only once it is complete.")
        .arg(rules().version().majorString(), rules().backupStartFunction(), rules().backupStopFunction(),
             basis().standby.dataDir());
}

QList<PlannedCommand> BackupCloneStep::copyCommands() const
{
    QList<PlannedCommand> list;
    if (auto primary = BackupClone::primaryCommand(options()))
        list.append({HostRole::Primary,
                     *primary,
                     RunAs::Postgres,
                     tr("Hold the backup open and stream the data directory and its WAL as tar."),
                     {},
                     {}});
    list.append({HostRole::Standby,
                 BackupClone::standbyCommand(options()),
                 RunAs::Postgres,
                 tr("Unpack the stream into the folder for the copy on the standby."),
                 {},
                 {}});
    return list;
}

Result<void> BackupCloneStep::copy(StepContext &context)
{
    context.log(tr("Copying through the low-level backup API (no pg_basebackup of this major on the standby)."));
    auto report = BackupClone::run(
        context.host(HostRole::Primary), context.host(HostRole::Standby), options(),
        [&context](qint64 done, qint64 total) {
            if (total > 0)
                context.progress(int(std::min<qint64>(100, done * 100 / total)),
                                 tr("%1 of %2 MB").arg(done >> 20).arg(total >> 20));
        },
        context.cancelFlag());
    if (!report)
        return report.error();
    context.progress(100,
                     tr("Copy complete: %1 MB, %2 WAL segments.").arg(report->bytes >> 20).arg(report->walSegments));
    return {};
}
