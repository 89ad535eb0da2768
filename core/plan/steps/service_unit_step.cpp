#include "service_unit_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ServiceUnitStep", text);
}
} // namespace

ServiceUnitStep::ServiceUnitStep(PlanBasis basis, const QMap<HostRole, QByteArray> &currentUnits)
    : SetupStep(QStringLiteral("service-unit"), std::move(basis))
{
    for (HostRole role : {HostRole::Primary, HostRole::Standby}) {
        if (!wanted(this->basis(), role))
            continue;
        FileEdit edit;
        edit.host = role;
        edit.path = layout(role).serviceUnitFile();
        edit.kind = FileEdit::Kind::ServiceUnit;
        edit.before = currentUnits.value(role);
        edit.after = layout(role).serviceUnit();
        edit.as = RunAs::Root;
        edit.mode = 0644;
        edit.owner = QStringLiteral("root");
        m_edits.append(edit);
    }
}

bool ServiceUnitStep::wanted(const PlanBasis &basis, HostRole role)
{
    return !(role == HostRole::Primary ? basis.primary : basis.standby).serviceUnitName().isEmpty();
}

const ClusterLayout &ServiceUnitStep::layout(HostRole role) const
{
    return role == HostRole::Primary ? basis().primary : basis().standby;
}

QString ServiceUnitStep::title() const
{
    return tr("Start the server at boot: a systemd unit");
}

QString ServiceUnitStep::why() const
{
    QStringList lines;
    for (const FileEdit &edit : m_edits)
        lines << QStringLiteral("%1: %2").arg(hostRoleName(edit.host), layout(edit.host).howStarted());
    return lines.join(QLatin1Char(' '));
}

CommandLine ServiceUnitStep::verify(const QString &unitFile)
{
    return CommandLine(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), unitFile});
}

CommandLine ServiceUnitStep::daemonReload()
{
    return CommandLine(QStringLiteral("systemctl"), {QStringLiteral("daemon-reload")});
}

CommandLine ServiceUnitStep::enable(const QString &unitName)
{
    return CommandLine(QStringLiteral("systemctl"), {QStringLiteral("enable"), unitName});
}

QList<PlannedCommand> ServiceUnitStep::commands() const
{
    QList<PlannedCommand> list;
    for (const FileEdit &edit : m_edits) {
        const QString name = layout(edit.host).serviceUnitName();
        list.append({edit.host,
                     verify(edit.path),
                     RunAs::Root,
                     tr("systemd reads the unit first; a unit it finds fault with is restored and nothing is enabled."),
                     {}});
        list.append({edit.host, daemonReload(), RunAs::Root, tr("systemd takes the new unit in."), {}});
        list.append({edit.host, enable(name), RunAs::Root, tr("The server starts at boot."), {}});
    }
    return list;
}

Result<QByteArray> ServiceUnitStep::afterFor(const FileEdit &edit, const QByteArray &current, bool exists) const
{
    if (edit.userEdited)
        return SetupStep::afterFor(edit, current, exists);
    return edit.after;
}

Result<void> ServiceUnitStep::validateAfter(const FileEdit &edit) const
{
    // The unit must still run this cluster: systemd judges the rest on the host.
    if (!edit.after.contains(layout(edit.host).dataDir().toUtf8()) || !edit.after.contains("ExecStart="))
        return makeError(tr("The edited unit %1 no longer starts the cluster in %2. Keep its ExecStart line with the "
                            "data directory.")
                             .arg(edit.path, layout(edit.host).dataDir()));
    return {};
}

Result<bool> ServiceUnitStep::enabled(StepContext &context, HostRole role) const
{
    auto state = context.run(
        role, CommandLine(QStringLiteral("systemctl"), {QStringLiteral("is-enabled"), layout(role).serviceUnitName()}),
        RunAs::Root);
    if (!state)
        return state.error();
    return state->exitCode == 0;
}

Result<bool> ServiceUnitStep::check(StepContext &context)
{
    for (const FileEdit &edit : std::as_const(m_edits)) {
        auto inPlace = editInPlace(context, edit);
        if (!inPlace || !*inPlace)
            return inPlace;
        auto on = enabled(context, edit.host);
        if (!on || !*on)
            return on;
    }
    return true;
}

QString ServiceUnitStep::faultsIn(const CommandResult &verdict, const QString &path)
{
    const QString said = QString::fromUtf8(verdict.stdErr + verdict.stdOut).trimmed();
    if (verdict.exitCode != 0)
        return said.isEmpty() ? QStringLiteral("systemd-analyze exited with %1").arg(verdict.exitCode) : said;
    QStringList faults;
    for (const QString &line : said.split(QLatin1Char('\n'))) {
        if (line.contains(path))
            faults << line;
    }
    return faults.join(QLatin1Char('\n'));
}

Result<void> ServiceUnitStep::judge(StepContext &context, const FileEdit &edit) const
{
    auto verdict = context.run(edit.host, verify(edit.path), RunAs::Root);
    if (!verdict)
        return verdict.error();
    const QString said = faultsIn(*verdict, edit.path);
    if (!said.isEmpty())
        return makeError(
            tr("systemd finds fault with the unit %1 on the %2; it was restored. Correct it and run the setup again.")
                .arg(edit.path, hostRoleName(edit.host)),
            said);
    return {};
}

Result<void> ServiceUnitStep::apply(StepContext &context)
{
    for (const FileEdit &edit : std::as_const(m_edits)) {
        if (auto written = writeEdit(context, edit); !written)
            return written.error();
        if (auto judged = judge(context, edit); !judged)
            return judged;
        auto reloaded = context.runOk(edit.host, daemonReload(), RunAs::Root, tr("make systemd read the new unit"));
        if (!reloaded)
            return reloaded.error();
        auto on = context.runOk(edit.host, enable(layout(edit.host).serviceUnitName()), RunAs::Root,
                                tr("enable the unit so that the server starts at boot"));
        if (!on)
            return on.error();
    }
    return {};
}
