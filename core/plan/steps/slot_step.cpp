#include "slot_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SlotStep", text);
}
} // namespace

SlotStep::SlotStep(PlanBasis basis) : SetupStep(QStringLiteral("slot"), std::move(basis))
{
}

QString SlotStep::title() const
{
    return tr("Replication slot \"%1\" on the primary").arg(choices().slotName);
}

QString SlotStep::why() const
{
    return tr("The slot makes the primary keep the WAL this standby still needs, even while it is disconnected.");
}

QString SlotStep::createSql() const
{
    // From 9.6 the slot reserves WAL at once (immediately_reserve), not only
    // once a standby first connects: the copy's WAL is kept from its start.
    if (rules().version().atLeast(9, 6))
        return QStringLiteral("SELECT pg_create_physical_replication_slot(:'slot', true);");
    return QStringLiteral("SELECT pg_create_physical_replication_slot(:'slot');");
}

QList<PlannedCommand> SlotStep::commands() const
{
    PlannedCommand command;
    command.host = HostRole::Primary;
    command.command = basis().primary.psql(QStringLiteral("postgres"));
    command.command.args({QStringLiteral("-v"), QStringLiteral("slot=") + choices().slotName});
    command.as = RunAs::Postgres;
    command.purpose = tr("Create the slot.");
    command.stdinSql = createSql();
    return {command};
}

Result<bool> SlotStep::check(StepContext &context)
{
    auto found = context.sql(HostRole::Primary, QStringLiteral("postgres"),
                             QStringLiteral("SELECT slot_type FROM pg_replication_slots WHERE slot_name = :'slot'"),
                             {{QStringLiteral("slot"), choices().slotName}});
    if (!found)
        return found.error();
    if (!found->isEmpty() && *found != QLatin1String("physical"))
        return makeError(
            tr("A logical slot named \"%1\" exists on the primary. Choose another slot name.").arg(choices().slotName));
    return !found->isEmpty();
}

Result<void> SlotStep::apply(StepContext &context)
{
    auto made = context.sql(HostRole::Primary, QStringLiteral("postgres"), createSql(),
                            {{QStringLiteral("slot"), choices().slotName}});
    if (!made)
        return made.error();
    return {};
}
