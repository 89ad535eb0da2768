#include "primary_restart_step.h"

#include "core/plan/steps/primary_conf_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text) { return QCoreApplication::translate("PrimaryRestartStep", text); }
}

PrimaryRestartStep::PrimaryRestartStep(PlanBasis basis) : SetupStep(QStringLiteral("primary-restart"), std::move(basis)) {}

QString PrimaryRestartStep::title() const
{
    return tr("Restart the primary with the new settings");
}

QString PrimaryRestartStep::why() const
{
    QStringList restart;
    for (const auto &[name, value] : PrimaryConfStep::replicationSettings(basis(), true)) {
        if (rules().needsRestart(name))
            restart.append(name);
    }
    return tr("%1 take effect only after a restart; the others after a reload. The restart is skipped when the running server has them already.")
        .arg(restart.join(QStringLiteral(", ")));
}

QList<PlannedCommand> PrimaryRestartStep::commands() const
{
    PlannedCommand restart = basis().primary.restart();
    restart.host = HostRole::Primary;
    return {restart};
}

Result<QStringList> PrimaryRestartStep::differing(StepContext &context) const
{
    QStringList names;
    const auto settings = PrimaryConfStep::replicationSettings(basis(), true);
    for (const auto &[name, value] : settings)
        names.append(name);
    // One query: each setting's running value in its base unit, as `postgres -C` prints it.
    auto rows = context.sql(HostRole::Primary, QStringLiteral("postgres"),
                            QStringLiteral("SELECT name || '=' || setting FROM pg_settings WHERE name = ANY (string_to_array(:'names', ','))"),
                            {{QStringLiteral("names"), names.join(QLatin1Char(','))}});
    if (!rows)
        return rows.error();
    QHash<QString, QString> running;
    for (const QString &line : rows->split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        running.insert(line.left(equals), line.mid(equals + 1));
    }
    QStringList differ;
    for (const auto &[name, value] : settings) {
        const QString now = running.value(name);
        bool same = now.compare(value, Qt::CaseInsensitive) == 0;
        if (!same) {
            if (const auto info = rules().setting(name)) {
                if (info->type == SettingInfo::Type::Integer) {
                    const auto wanted = rules().integerInBaseUnit(name, value);
                    same = wanted && QString::number(*wanted) == now;
                } else if (info->type == SettingInfo::Type::Bool) {
                    same = VersionRules::parseBool(now) == VersionRules::parseBool(value);
                } else if (name == QLatin1String("wal_level")) {
                    same = now == rules().walLevelForReplication();
                }
            }
        }
        if (!same)
            differ.append(name);
    }
    return differ;
}

Result<bool> PrimaryRestartStep::check(StepContext &context)
{
    auto differ = differing(context);
    if (!differ)
        return differ.error();
    return differ->isEmpty();
}

Result<void> PrimaryRestartStep::apply(StepContext &context)
{
    auto differ = differing(context);
    if (!differ)
        return differ.error();
    bool restart = false;
    for (const QString &name : *differ)
        restart = restart || rules().needsRestart(name);
    if (restart) {
        context.log(tr("Restarting the primary for: %1").arg(differ->join(QStringLiteral(", "))));
        const PlannedCommand command = basis().primary.restart();
        auto done = context.runOk(HostRole::Primary, command.command, command.as, tr("restart the primary"));
        if (!done)
            return done.error();
    } else {
        auto reloaded = context.sql(HostRole::Primary, QStringLiteral("postgres"), QStringLiteral("SELECT pg_reload_conf()"));
        if (!reloaded)
            return reloaded.error();
    }
    if (auto up = context.waitUntilAccepting(HostRole::Primary); !up)
        return up;
    return context.waitUntil(
        [&]() -> Result<bool> {
            auto left = differing(context);
            if (!left)
                return left.error();
            return left->isEmpty();
        },
        10000, tr("the primary does not run with the new settings after the restart. Look at its log file."));
}
