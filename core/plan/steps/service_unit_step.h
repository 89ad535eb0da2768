#pragma once

#include "core/plan/setup_step.h"

#include <QMap>

// Where a host runs systemd and the major is not the distribution's
// (a source build, a vendor tree, a directory the user named), the cluster
// gets a service unit of ours around the major's own pg_ctl, so that it
// starts again after a reboot: one file edit per such host, shown as a diff
// and editable. systemd judges the unit (systemd-analyze verify) before it is
// enabled; a unit it finds fault with is restored. SetupPlan adds it before
// the cluster is created, when ClusterLayout::serviceUnitName() says so.
class ServiceUnitStep : public SetupStep
{
public:
    // currentUnits: each host's unit file as read at planning time (absent: not there).
    ServiceUnitStep(PlanBasis basis, const QMap<HostRole, QByteArray> &currentUnits);

    // Whether this host's cluster gets a unit.
    static bool wanted(const PlanBasis &basis, HostRole role);

    // What systemd-analyze verify said against the unit at `path`; empty when it found no fault.
    // It exits 0 on many faults and names each with the file's path.
    static QString faultsIn(const CommandResult &verdict, const QString &path);
    static CommandLine verify(const QString &unitFile);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

protected:
    Result<QByteArray> afterFor(const FileEdit &edit, const QByteArray &current, bool exists) const override;
    Result<void> validateAfter(const FileEdit &edit) const override;

private:
    const ClusterLayout &layout(HostRole role) const;
    static CommandLine daemonReload();
    static CommandLine enable(const QString &unitName);
    Result<bool> enabled(StepContext &context, HostRole role) const;
    Result<void> judge(StepContext &context, const FileEdit &edit) const;
};
