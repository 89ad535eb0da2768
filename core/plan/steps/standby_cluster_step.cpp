#include "standby_cluster_step.h"

#include "core/plan/steps/standby_clone_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StandbyClusterStep", text);
}
} // namespace

StandbyClusterStep::StandbyClusterStep(PlanBasis basis) : SetupStep(QStringLiteral("standby-cluster"), std::move(basis))
{
}

QString StandbyClusterStep::title() const
{
    return tr("Create the standby's cluster for its configuration folder");
}

QString StandbyClusterStep::why() const
{
    return tr("The standby gets the configuration folder %1 of its own; the data directory made with it is replaced "
              "by the copy of the primary. It needs nothing from the primary, so it is made while the primary is "
              "being configured.")
        .arg(basis().standby.confDir());
}

QList<PlannedCommand> StandbyClusterStep::commands() const
{
    return StandbyCloneStep::configClusterCommands(basis());
}

Result<bool> StandbyClusterStep::check(StepContext &context)
{
    return StandbyCloneStep::hasConfigCluster(context);
}

Result<void> StandbyClusterStep::apply(StepContext &context)
{
    return StandbyCloneStep::makeConfigCluster(context);
}
