#include "monitoring_role_step.h"

#include "core/plan/password_verifier.h"
#include "core/plan/steps/replication_role_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("MonitoringRoleStep", text);
}

// LOGIN, a member of pg_monitor, and nothing that could change the cluster.
const char *roleQuery = "SELECT (rolcanlogin AND NOT rolsuper AND NOT rolcreatedb AND NOT rolcreaterole "
                        "AND NOT rolreplication AND pg_has_role(oid, 'pg_monitor', 'MEMBER'))::text "
                        "FROM pg_roles WHERE rolname = :'role'";
} // namespace

MonitoringRoleStep::MonitoringRoleStep(PlanBasis basis) : SetupStep(QStringLiteral("monitoring-role"), std::move(basis))
{
    m_edits.append(ReplicationRoleStep::passfileEdit(this->basis(), HostRole::Primary));
}

bool MonitoringRoleStep::wanted(const PlanBasis &basis)
{
    return basis.rules.hasPgMonitor() && !basis.choices.monitoringUser.isEmpty();
}

QString MonitoringRoleStep::title() const
{
    return tr("Monitoring role \"%1\"").arg(choices().monitoringUser);
}

QString MonitoringRoleStep::why() const
{
    return tr("The replication panel connects as %1: it may log in and read what pg_monitor may read, and change "
              "nothing. Its %2 password is kept in the postgres user's passfile on the primary (0600), and by the "
              "program in the system's keychain.")
        .arg(choices().monitoringUser, choices().authMethod);
}

QList<PlannedCommand> MonitoringRoleStep::commands() const
{
    PlannedCommand psql;
    psql.host = HostRole::Primary;
    psql.command = basis().primary.psql(QStringLiteral("postgres"));
    psql.as = RunAs::Postgres;
    psql.purpose = tr("Create the role: CREATE ROLE %1 LOGIN PASSWORD '<verifier>' IN ROLE pg_monitor (or, when it "
                      "exists, ALTER ROLE ... NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION and GRANT pg_monitor).")
                       .arg(choices().monitoringUser);
    psql.stdinNote = tr("the SQL with the password's %1 verifier").arg(choices().authMethod);
    return {psql};
}

Result<std::optional<QString>> MonitoringRoleStep::keptPassword(StepContext &context) const
{
    return ReplicationRoleStep::keptPassword(context, QStringLiteral("postgres"), choices().monitoringUser);
}

Result<bool> MonitoringRoleStep::check(StepContext &context)
{
    auto role = context.sql(HostRole::Primary, QStringLiteral("postgres"), QString::fromLatin1(roleQuery),
                            {{QStringLiteral("role"), choices().monitoringUser}});
    if (!role)
        return role.error();
    if (*role != QLatin1String("true"))
        return false;
    auto kept = keptPassword(context);
    if (!kept)
        return kept.error();
    if (!*kept || (!context.monitoringPassword.isEmpty() && context.monitoringPassword != **kept))
        return false;
    auto matches =
        ReplicationRoleStep::roleHasPassword(context, choices().monitoringUser, choices().authMethod, **kept);
    if (!matches || !*matches)
        return matches;
    context.monitoringPassword = **kept;
    return true;
}

Result<void> MonitoringRoleStep::apply(StepContext &context)
{
    auto kept = keptPassword(context);
    if (!kept)
        return kept.error();
    QString password = context.monitoringPassword;
    if (password.isEmpty())
        password = *kept ? **kept : PasswordVerifier::generatePassword();
    auto role = context.sql(HostRole::Primary, QStringLiteral("postgres"),
                            QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = :'role'"),
                            {{QStringLiteral("role"), choices().monitoringUser}});
    if (!role)
        return role.error();
    // The verifier holds only base64 letters, '$' and ':' (safe in a literal); the name goes through psql's quoting.
    const QString verifier = ReplicationRoleStep::verifierFor(choices().monitoringUser, choices().authMethod, password);
    const QString sql =
        *role == QLatin1String("0")
            ? QStringLiteral("CREATE ROLE :\"role\" LOGIN PASSWORD '%1' IN ROLE pg_monitor;\n").arg(verifier)
            : QStringLiteral("ALTER ROLE :\"role\" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                             "PASSWORD '%1';\nGRANT pg_monitor TO :\"role\";\n")
                  .arg(verifier);
    auto done = context.sql(HostRole::Primary, QStringLiteral("postgres"), sql,
                            {{QStringLiteral("role"), choices().monitoringUser}});
    if (!done)
        return done.error();
    auto passfile = ReplicationRoleStep::withPasswordLine(context, m_edits.first(), QStringLiteral("localhost"),
                                                          basis().primary.port(), QStringLiteral("postgres"),
                                                          choices().monitoringUser, password);
    if (!passfile)
        return passfile.error();
    if (auto written = writeEdit(context, *passfile); !written)
        return written.error();
    context.monitoringPassword = password;
    if (!*kept)
        context.log(tr("A password was generated for %1; it is kept in the postgres user's passfile on the primary "
                       "(0600).")
                        .arg(choices().monitoringUser));
    return {};
}
