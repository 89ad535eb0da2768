#include "primary_hba_step.h"

#include "core/conf/hba_file.h"
#include "core/plan/server_control.h"
#include "core/plan/steps/monitoring_role_step.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <algorithm>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PrimaryHbaStep", text);
}
} // namespace

PrimaryHbaStep::PrimaryHbaStep(PlanBasis basis, const QByteArray &currentHba, bool beforeKnown)
    : SetupStep(QStringLiteral("primary-hba"), std::move(basis))
{
    FileEdit edit;
    edit.host = HostRole::Primary;
    edit.path = this->basis().primary.hbaFile();
    edit.kind = FileEdit::Kind::HbaConf;
    edit.beforeKnown = beforeKnown;
    edit.before = currentHba;
    edit.settings.append({QStringLiteral("rule"), HbaFile::formatRule(rule())});
    for (const HbaRule &local : monitoringRules())
        edit.settings.append({QStringLiteral("rule"), HbaFile::formatRule(local)});
    auto after = afterFor(edit, currentHba, beforeKnown);
    edit.after = after ? *after : currentHba;
    if (!after)
        m_planningError = after.error();
    m_edits.append(edit);
    m_shadowed = shadowWarnings(currentHba);
}

QStringList PrimaryHbaStep::shadowWarnings(const QByteArray &hba) const
{
    HbaFile file = HbaFile::read(hba, m_edits.first().path, rules().version());
    auto added = file.addRule(rule());
    return added ? added->warnings : QStringList();
}

HbaRule PrimaryHbaStep::rule() const
{
    HbaRule rule;
    rule.type = QStringLiteral("host");
    rule.databases = {QStringLiteral("replication")};
    rule.users = {choices().replicationUser};
    const QHostAddress address(choices().standbyAddress);
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    rule.address = choices().standbyAddress + (v6 ? QStringLiteral("/128") : QStringLiteral("/32"));
    rule.method = choices().authMethod;
    return rule;
}

QList<HbaRule> PrimaryHbaStep::monitoringRules() const
{
    if (!MonitoringRoleStep::wanted(basis()))
        return {};
    QList<HbaRule> local;
    for (const QString &address : {QStringLiteral("127.0.0.1/32"), QStringLiteral("::1/128")}) {
        HbaRule rule;
        rule.type = QStringLiteral("host");
        rule.databases = {QStringLiteral("postgres")};
        rule.users = {choices().monitoringUser};
        rule.address = address;
        rule.method = choices().authMethod;
        local.append(rule);
    }
    return local;
}

QString PrimaryHbaStep::title() const
{
    return tr("Let the standby in: pg_hba.conf on the primary");
}

QString PrimaryHbaStep::why() const
{
    QString text = tr("Only the standby's own address (%1) may open replication connections, as %2, with %3.")
                       .arg(choices().standbyAddress, choices().replicationUser, choices().authMethod);
    for (const QString &warning : m_shadowed)
        text += QLatin1Char(' ') + tr("Warning: %1").arg(warning);
    return text;
}

QList<PlannedCommand> PrimaryHbaStep::commands() const
{
    QList<PlannedCommand> list;
    // A cluster the plan created has not run yet: its first start reads the file (and refuses a bad one).
    if (!basis().primary.existed())
        return list;
    if (rules().hasHbaFileRules()) {
        list.append({HostRole::Primary,
                     basis().primary.psql(QStringLiteral("postgres")),
                     RunAs::Postgres,
                     tr("Ask the server to read the new file (pg_hba_file_rules) before it takes effect; a file with "
                        "an error on any line is restored and the server is not reloaded."),
                     {},
                     QStringLiteral("SELECT line_number, error FROM pg_hba_file_rules WHERE error IS NOT NULL;")});
    }
    PlannedCommand reload = basis().primary.reload();
    reload.host = HostRole::Primary;
    list.append(reload);
    return list;
}

Result<QByteArray> PrimaryHbaStep::afterFor(const FileEdit &edit, const QByteArray &current, bool exists) const
{
    if (edit.userEdited)
        return SetupStep::afterFor(edit, current, exists);
    HbaFile file = HbaFile::read(current, edit.path, rules().version());
    auto added = file.addRule(rule());
    if (!added)
        return added.error();
    for (const HbaRule &local : monitoringRules()) {
        // A line that takes these connections already (Debian's "host all all 127.0.0.1/32") is enough.
        const QList<HbaRule> present = file.rules();
        if (std::any_of(present.cbegin(), present.cend(),
                        [&local](const HbaRule &found) { return HbaFile::covers(found, local); }))
            continue;
        if (auto addedLocal = file.addRule(local); !addedLocal)
            return addedLocal.error();
    }
    return file.render();
}

Result<void> PrimaryHbaStep::validateAfter(const FileEdit &edit) const
{
    auto parsed = HbaFile::parse(edit.after, edit.path, rules().version());
    if (!parsed)
        return parsed.error();
    for (const HbaRule &found : parsed->rules()) {
        if (HbaFile::covers(found, rule()) || HbaFile::covers(rule(), found))
            return {};
    }
    return makeError(tr("The edited pg_hba.conf no longer lets the standby in. Keep a line like \"%1\".")
                         .arg(HbaFile::formatRule(rule())));
}

Result<bool> PrimaryHbaStep::check(StepContext &context)
{
    return editInPlace(context, m_edits.first());
}

Result<void> PrimaryHbaStep::apply(StepContext &context)
{
    auto written = writeEdit(context, m_edits.first());
    if (!written)
        return written.error();
    // HbaFile warns about a shadowing line also when the rule is there already:
    // the file as written tells, without reading it a second time.
    for (const QString &warning : shadowWarnings(*written))
        context.log(tr("Warning: %1").arg(warning));
    // Every error row counts, not only the new line's: a reload keeps the old rules when the file
    // does not load, and a restart would not start at all. The runner restores the file.
    return ServerControl::reload(context, HostRole::Primary);
}
