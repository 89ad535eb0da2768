#pragma once

#include "core/conf/hba_rule.h"
#include "core/plan/setup_step.h"

// Step 5: the primary's pg_hba.conf lets the replication role in for
// replication from the standby's own address (/32) only, with
// scram-sha-256 where the server has it. The server judges the file
// (pg_hba_file_rules from 10) and reloads; a file with errors the edit
// introduced is restored. An earlier line that shadows the rule is warned about.
// The monitoring role (MonitoringRoleStep) gets lines for local connections,
// where the panel's SSH tunnel arrives, unless a line already takes them.
class PrimaryHbaStep : public SetupStep
{
public:
    PrimaryHbaStep(PlanBasis basis, const QByteArray &currentHba, bool beforeKnown);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

    HbaRule rule() const;
    // The monitoring role from 127.0.0.1 and ::1 (none when the plan makes no such role).
    QList<HbaRule> monitoringRules() const;

protected:
    Result<QByteArray> afterFor(const FileEdit &edit, const QByteArray &current, bool exists) const override;
    Result<void> validateAfter(const FileEdit &edit) const override;

private:
    // What HbaFile::addRule warns about in this file: an earlier line that takes the standby's connections first.
    QStringList shadowWarnings(const QByteArray &hba) const;

    QStringList m_shadowed; // for the file as planned, shown in why()
};
