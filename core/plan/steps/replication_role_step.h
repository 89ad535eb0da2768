#pragma once

#include "core/plan/setup_step.h"

#include <optional>

// Step 3 (after the primary's start for a cluster the plan creates): the
// role the standby connects as: `replicator` with LOGIN
// REPLICATION and nothing more (the postgres superuser in walkthrough
// mode). The password goes to the server as a verifier computed here
// (SCRAM-SHA-256 where the server has it) inside SQL on psql's stdin, and
// is kept in the primary's 0600 passfile so that another standby can be
// added later without asking for it, and in the standby's, which its
// walreceiver and pg_basebackup read. A new password changes all three in
// one step; StandbyStartStep then makes the standby connect again with it.
class ReplicationRoleStep : public SetupStep
{
public:
    explicit ReplicationRoleStep(PlanBasis basis);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

    // The password this run uses: given by the user, kept on the primary, or new.
    static Result<QString> resolvePassword(StepContext &context);
    // What ALTER ROLE adds to LOGIN REPLICATION so that a role that was there
    // with more rights keeps none of them (nothing in walkthrough mode); the
    // exported script uses it too.
    static QString narrowing(const PlanChoices &choices);
    // Whether apply() changed the standby's passfile in this run (its walreceiver must connect again).
    bool wroteStandbyPassfile() const;
    // The postgres user's 0600 passfile on a host, as a secret edit (the monitoring role keeps its password there too).
    static FileEdit passfileEdit(const PlanBasis &basis, HostRole role);
    // The password the primary's passfile holds for this database and user, if any.
    static Result<std::optional<QString>> keptPassword(StepContext &context, const QString &database,
                                                       const QString &user);
    // The passfile edit with exactly one line for host:port:database:user carrying `password`, put into
    // what the file holds now.
    static Result<FileEdit> withPasswordLine(StepContext &context, FileEdit passfile, const QString &host, int port,
                                             const QString &database, const QString &user, const QString &password);
    // Whether the role's stored verifier is that of `password` (md5 or SCRAM, as authMethod says).
    static Result<bool> roleHasPassword(StepContext &context, const QString &role, const QString &authMethod,
                                        const QString &password);
    // The password verifier of `role` for authMethod, computed here: the password never reaches the server.
    static QString verifierFor(const QString &role, const QString &authMethod, const QString &password);

private:
    // The replication password in the primary's passfile, if it holds one.
    static Result<std::optional<QString>> keptReplicationPassword(StepContext &context);
    // The role's passfile edit with `password` put into what the file holds now.
    Result<FileEdit> passfileNow(StepContext &context, HostRole role, const QString &password) const;
    // A changed password locks out the other standbys that use the role: say so.
    void warnOtherStandbys(StepContext &context);
};
