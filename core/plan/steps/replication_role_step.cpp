#include "replication_role_step.h"

#include "core/plan/passfile.h"
#include "core/plan/password_verifier.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ReplicationRoleStep", text);
}

// In place: a role that may log in and replicate; outside the walkthrough's
// postgres superuser, also nothing more (no superuser, no createdb, no createrole).
QString roleQuery(bool leastPrivilege)
{
    return leastPrivilege
               ? QStringLiteral("SELECT (rolcanlogin AND rolreplication "
                                "AND NOT rolsuper AND NOT rolcreatedb AND NOT rolcreaterole)::text "
                                "FROM pg_roles WHERE rolname = :'role'")
               : QStringLiteral("SELECT (rolcanlogin AND rolreplication)::text FROM pg_roles WHERE rolname = :'role'");
}
} // namespace

ReplicationRoleStep::ReplicationRoleStep(PlanBasis basis)
    : SetupStep(QStringLiteral("replication-role"), std::move(basis))
{
    // Every place the secret lives, changed together: the role, the
    // primary's passfile (kept for the next standby) and the standby's
    // (read by its walreceiver at each connection).
    for (HostRole role : {HostRole::Primary, HostRole::Standby})
        m_edits.append(passfileEdit(this->basis(), role));
}

FileEdit ReplicationRoleStep::passfileEdit(const PlanBasis &basis, HostRole role)
{
    FileEdit passfile;
    passfile.host = role;
    passfile.path = basis.cluster(role).passfile();
    passfile.kind = FileEdit::Kind::Passfile;
    passfile.beforeKnown = false;
    passfile.as = RunAs::Postgres;
    passfile.mode = 0600;
    passfile.owner = QStringLiteral("postgres");
    return passfile;
}

QString ReplicationRoleStep::title() const
{
    return tr("Replication role \"%1\"").arg(choices().replicationUser);
}

QString ReplicationRoleStep::why() const
{
    if (choices().asInWalkthrough) {
        return tr("As in the walkthrough, the standby connects as the postgres superuser with an md5 password. "
                  "This is weaker than a role that may only replicate; use it for teaching only.");
    }
    return tr("The standby connects as a role that may log in and replicate and do nothing else, "
              "with a %1 password that never appears on a command line. The password is kept in the passfiles of "
              "the postgres user on both hosts; a new password changes the role and both passfiles together.")
        .arg(choices().authMethod);
}

QList<PlannedCommand> ReplicationRoleStep::commands() const
{
    PlannedCommand psql;
    psql.host = HostRole::Primary;
    psql.command = basis().primary.psql(QStringLiteral("postgres"));
    psql.as = RunAs::Postgres;
    psql.purpose = choices().asInWalkthrough
                       ? tr("Set the password of the postgres role (ALTER ROLE ... PASSWORD).")
                       : tr("Create the role: CREATE ROLE %1 LOGIN REPLICATION PASSWORD '<verifier>' "
                            "(or, when it exists, ALTER ROLE ... NOSUPERUSER NOCREATEDB NOCREATEROLE).")
                             .arg(choices().replicationUser);
    psql.stdinNote = tr("the SQL with the password's %1 verifier").arg(choices().authMethod);
    return {psql};
}

QString ReplicationRoleStep::verifierFor(const QString &role, const QString &authMethod, const QString &password)
{
    if (authMethod == QLatin1String("scram-sha-256"))
        return PasswordVerifier::scramSha256(password);
    return PasswordVerifier::md5(password, role);
}

Result<std::optional<QString>> ReplicationRoleStep::keptPassword(StepContext &context, const QString &database,
                                                                 const QString &user)
{
    FileEdit passfile;
    passfile.host = HostRole::Primary;
    passfile.path = context.cluster(HostRole::Primary).passfile();
    passfile.as = RunAs::Postgres;
    // Read as a file, never through run(): a command's output is kept for failure reports and logs.
    bool exists = false;
    auto content = readCurrent(context, passfile, exists);
    if (!content)
        return content.error();
    if (!exists)
        return std::optional<QString>();
    return Passfile::passwordForUser(*content, database, user);
}

Result<std::optional<QString>> ReplicationRoleStep::keptReplicationPassword(StepContext &context)
{
    return keptPassword(context, QStringLiteral("replication"), context.choices().replicationUser);
}

Result<QString> ReplicationRoleStep::resolvePassword(StepContext &context)
{
    if (!context.replicationPassword.isEmpty())
        return context.replicationPassword;
    auto kept = keptReplicationPassword(context);
    if (!kept)
        return kept.error();
    if (*kept) {
        context.replicationPassword = **kept;
        return **kept;
    }
    context.replicationPassword = PasswordVerifier::generatePassword();
    context.log(
        tr("A new replication password was generated; it is kept in the passfiles of the postgres user (0600)."));
    return context.replicationPassword;
}

QString ReplicationRoleStep::narrowing(const PlanChoices &choices)
{
    return choices.asInWalkthrough ? QString() : QStringLiteral(" NOSUPERUSER NOCREATEDB NOCREATEROLE");
}

Result<bool> ReplicationRoleStep::check(StepContext &context)
{
    auto role = context.sql(HostRole::Primary, QStringLiteral("postgres"), roleQuery(!choices().asInWalkthrough),
                            {{QStringLiteral("role"), choices().replicationUser}});
    if (!role)
        return role.error();
    if (*role != QLatin1String("true"))
        return false;
    auto password = keptReplicationPassword(context);
    if (!password)
        return password.error();
    if (!*password)
        return false;
    // A password given for this run that differs from the kept one must be set.
    if (!context.replicationPassword.isEmpty() && context.replicationPassword != **password)
        return false;
    // The role must have it too (a run cut short between the ALTER ROLE and the passfiles).
    auto matches = roleHasPassword(context, choices().replicationUser, choices().authMethod, **password);
    if (!matches)
        return matches.error();
    if (!*matches)
        return false;
    // The standby's passfile must hold the same one, or its next connection fails.
    auto standby = passfileNow(context, HostRole::Standby, **password);
    if (!standby)
        return standby.error();
    return editInPlace(context, *standby);
}

Result<bool> ReplicationRoleStep::roleHasPassword(StepContext &context, const QString &role, const QString &authMethod,
                                                  const QString &password)
{
    // The verifier is computed here with the role's own salt and iteration
    // count (public parameters) and compared inside SQL on stdin: neither the
    // password nor the stored verifier reaches a command line or the log.
    QString verifier = PasswordVerifier::md5(password, role);
    if (authMethod == QLatin1String("scram-sha-256")) {
        auto parameters = context.sql(HostRole::Primary, QStringLiteral("postgres"),
                                      QStringLiteral("SELECT split_part(rolpassword, '$', 2) FROM pg_authid "
                                                     "WHERE rolname = :'role' AND rolpassword LIKE 'SCRAM-SHA-256$%'"),
                                      {{QStringLiteral("role"), role}});
        if (!parameters)
            return parameters.error();
        const int iterations = parameters->section(QLatin1Char(':'), 0, 0).toInt();
        const QByteArray salt = QByteArray::fromBase64(parameters->section(QLatin1Char(':'), 1).toLatin1());
        if (iterations <= 0 || salt.isEmpty())
            return false; // no SCRAM verifier yet (md5, or none): set it
        verifier = PasswordVerifier::scramSha256(password, salt, iterations);
    }
    // Only base64 letters, '$', ':' and hex digits: safe inside a literal.
    auto same =
        context.sql(HostRole::Primary, QStringLiteral("postgres"),
                    QStringLiteral("SELECT rolpassword = '%1' FROM pg_authid WHERE rolname = :'role'").arg(verifier),
                    {{QStringLiteral("role"), role}});
    if (!same)
        return same.error();
    return *same == QLatin1String("t");
}

Result<FileEdit> ReplicationRoleStep::withPasswordLine(StepContext &context, FileEdit passfile, const QString &host,
                                                       int port, const QString &database, const QString &user,
                                                       const QString &password)
{
    bool exists = false;
    auto current = readCurrent(context, passfile, exists);
    if (!current)
        return current.error();
    passfile.after = Passfile::withEntry(*current, host, port, database, user, password);
    return passfile;
}

Result<FileEdit> ReplicationRoleStep::passfileNow(StepContext &context, HostRole role, const QString &password) const
{
    return withPasswordLine(context, m_edits.at(role == HostRole::Primary ? 0 : 1), choices().primaryAddress,
                            basis().primary.port(), QStringLiteral("replication"), choices().replicationUser, password);
}

void ReplicationRoleStep::warnOtherStandbys(StepContext &context)
{
    auto others = context.sql(
        HostRole::Primary, QStringLiteral("postgres"),
        QStringLiteral("SELECT string_agg(DISTINCT application_name, ', ') FROM pg_stat_replication "
                       "WHERE usename = :'role' AND application_name <> :'name'"),
        {{QStringLiteral("role"), choices().replicationUser}, {QStringLiteral("name"), choices().applicationName}});
    if (others && !others->isEmpty()) {
        context.log(tr("Warning: other standbys (%1) connect as %2 too; their passfiles still hold the old password, "
                       "so they cannot connect again after a restart. Run the setup for each of them with the same "
                       "password.")
                        .arg(*others, choices().replicationUser));
    }
}

Result<void> ReplicationRoleStep::apply(StepContext &context)
{
    auto password = resolvePassword(context);
    if (!password)
        return password.error();
    auto role = context.sql(HostRole::Primary, QStringLiteral("postgres"), roleQuery(!choices().asInWalkthrough),
                            {{QStringLiteral("role"), choices().replicationUser}});
    if (!role)
        return role.error();
    // The verifier holds only base64 letters, '$' and ':', so it is safe
    // inside a literal; the role name goes through psql's identifier quoting.
    const QString verifier = verifierFor(choices().replicationUser, choices().authMethod, *password);
    QString sql;
    if (role->isEmpty())
        sql = QStringLiteral("CREATE ROLE :\"role\" LOGIN REPLICATION PASSWORD '%1';\n").arg(verifier);
    else
        sql = QStringLiteral("ALTER ROLE :\"role\" WITH LOGIN REPLICATION%1 PASSWORD '%2';\n")
                  .arg(narrowing(choices()), verifier);
    auto kept = keptReplicationPassword(context);
    if (!kept)
        return kept.error();
    auto done = context.sql(HostRole::Primary, QStringLiteral("postgres"), sql,
                            {{QStringLiteral("role"), choices().replicationUser}});
    if (!done)
        return done.error();
    if (*kept && **kept != *password)
        warnOtherStandbys(context);

    for (HostRole host : {HostRole::Primary, HostRole::Standby}) {
        auto passfile = passfileNow(context, host, *password);
        if (!passfile)
            return passfile.error();
        if (auto written = writeEdit(context, *passfile); !written)
            return written.error();
    }
    return {};
}

bool ReplicationRoleStep::wroteStandbyPassfile() const
{
    return wroteFile(m_edits.at(1).host, m_edits.at(1).path);
}
