#include "install_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("InstallStep", text);
}
} // namespace

InstallStep::InstallStep(PlanBasis basis, HostRole role)
    : SetupStep(QStringLiteral("install-") + hostRoleName(role), std::move(basis)), m_role(role)
{
}

QString InstallStep::title() const
{
    return tr("Install PostgreSQL %1 on the %2").arg(rules().version().majorString(), hostRoleName(m_role));
}

QString InstallStep::why() const
{
    return tr("The %1 has no PostgreSQL %2 server yet; both machines need the same major version.")
        .arg(hostRoleName(m_role), rules().version().majorString());
}

QList<PlannedCommand> InstallStep::commands() const
{
    const HostFacts &facts = basis().facts(m_role);
    const QString major = rules().version().majorString();
    QList<PlannedCommand> list;
    if (facts.packageManager == QLatin1String("apt") || facts.family == HostFacts::OsFamily::Debian) {
        list.append({m_role,
                     CommandLine(QStringLiteral("apt-get"), {QStringLiteral("update"), QStringLiteral("-q")}),
                     RunAs::Root,
                     tr("Refresh the package lists."),
                     {}});
        list.append({m_role,
                     CommandLine(QStringLiteral("env"),
                                 {QStringLiteral("DEBIAN_FRONTEND=noninteractive"), QStringLiteral("apt-get"),
                                  QStringLiteral("install"), QStringLiteral("-y"), QStringLiteral("-q"),
                                  QStringLiteral("postgresql-%1").arg(major),
                                  QStringLiteral("postgresql-client-%1").arg(major)}),
                     RunAs::Root,
                     tr("Install the server and client packages."),
                     {}});
    } else {
        const QString manager = facts.packageManager.isEmpty() ? QStringLiteral("dnf") : facts.packageManager;
        QString suffix = major;
        suffix.remove(QLatin1Char('.'));
        list.append({m_role,
                     CommandLine(manager, {QStringLiteral("install"), QStringLiteral("-y"),
                                           QStringLiteral("postgresql%1-server").arg(suffix)}),
                     RunAs::Root,
                     tr("Install the server package from the PostgreSQL (PGDG) repository."),
                     {}});
    }
    return list;
}

Result<bool> InstallStep::check(StepContext &context)
{
    auto test = context.run(
        m_role,
        CommandLine(QStringLiteral("test"),
                    {QStringLiteral("-x"), basis().cluster(m_role).serverProgram(QStringLiteral("postgres"))}),
        RunAs::LoginUser);
    if (!test)
        return test.error();
    return test->exitCode == 0;
}

Result<void> InstallStep::apply(StepContext &context)
{
    if (!choices().installPackages) {
        return makeError(tr("PostgreSQL %1 is not installed on the %2. Install it with the commands shown, or run the "
                            "setup with --install, then run it again.")
                             .arg(rules().version().majorString(), hostRoleName(m_role)));
    }
    for (const PlannedCommand &planned : commands()) {
        auto done = context.runOk(m_role, planned.command, planned.as, tr("install PostgreSQL"), {}, 30 * 60 * 1000);
        if (!done)
            return done.error();
    }
    return {};
}
