#include "primary_cluster_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PrimaryClusterStep", text);
}
} // namespace

PrimaryClusterStep::PrimaryClusterStep(PlanBasis basis) : SetupStep(QStringLiteral("primary-cluster"), std::move(basis))
{
}

QString PrimaryClusterStep::title() const
{
    return basis().primary.existed() ? tr("Use the primary's cluster") : tr("Create the primary's cluster");
}

QString PrimaryClusterStep::why() const
{
    return basis().primary.existed()
               ? tr("The primary already has a PostgreSQL %1 cluster in %2; it must be running.")
                     .arg(rules().version().majorString(), basis().primary.dataDir())
               : tr("The primary has no PostgreSQL %1 cluster yet: one is created in %2. It starts later, once its "
                    "replication settings are written, so that it never needs a restart.")
                     .arg(rules().version().majorString(), basis().primary.dataDir());
}

QList<PlannedCommand> PrimaryClusterStep::commands() const
{
    QList<PlannedCommand> list;
    const ClusterLayout &layout = basis().primary;
    if (!layout.existed()) {
        for (PlannedCommand command :
             {layout.startCreating(), layout.create(!rules().dataChecksumsByDefault()), layout.finishCreating()}) {
            command.host = HostRole::Primary;
            list.append(command);
        }
    }
    // A created cluster is started by the primary-restart step, once its files are written.
    if (layout.existed() && !layout.wasRunning()) {
        PlannedCommand start = layout.start();
        start.host = HostRole::Primary;
        list.append(start);
    }
    return list;
}

Result<bool> PrimaryClusterStep::check(StepContext &context)
{
    auto there = context.clusterComplete(HostRole::Primary);
    if (!there || !*there || !basis().primary.existed())
        return there;
    auto alive = context.query(HostRole::Primary, QStringLiteral("postgres"), QStringLiteral("SELECT 1"));
    if (!alive)
        return alive.error();
    return alive->ok;
}

Result<void> PrimaryClusterStep::apply(StepContext &context)
{
    const ClusterLayout &layout = basis().primary;
    auto there = context.clusterComplete(HostRole::Primary);
    if (!there)
        return there.error();
    if (!*there) {
        // A cluster an earlier run was cut short making is removed and made again.
        auto created = context.createCluster(HostRole::Primary, !rules().dataChecksumsByDefault());
        if (!created)
            return created.error();
    }
    if (!layout.existed())
        return {};
    auto alive = context.query(HostRole::Primary, QStringLiteral("postgres"), QStringLiteral("SELECT 1"));
    if (!alive)
        return alive.error();
    if (!alive->ok) {
        const PlannedCommand start = layout.start();
        auto started = context.runOk(HostRole::Primary, start.command, start.as, tr("start the primary"));
        if (!started)
            return started.error();
    }
    return context.waitUntilAccepting(HostRole::Primary);
}
