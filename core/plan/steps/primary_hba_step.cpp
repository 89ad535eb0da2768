#include "primary_hba_step.h"

#include "core/conf/hba_file.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace {
QString tr(const char *text) { return QCoreApplication::translate("PrimaryHbaStep", text); }
}

PrimaryHbaStep::PrimaryHbaStep(PlanBasis basis, const QByteArray &currentHba, bool beforeKnown)
    : SetupStep(QStringLiteral("primary-hba"), std::move(basis))
{
    FileEdit edit;
    edit.host = HostRole::Primary;
    edit.path = this->basis().primary.hbaFile();
    edit.kind = FileEdit::Kind::HbaConf;
    edit.beforeKnown = beforeKnown;
    edit.before = currentHba;
    const HbaRule wanted = rule();
    edit.settings.append({QStringLiteral("rule"), HbaFile::formatRule(wanted)});
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

QStringList PrimaryHbaStep::introducedErrors(const QStringList &before, const QStringList &after)
{
    // Rows are "line<TAB>error"; the new line moves those below it, so only the error text counts.
    QStringList known;
    for (const QString &row : before)
        known.append(row.section(QLatin1Char('\t'), 1));
    QStringList introduced;
    for (const QString &row : after) {
        if (!known.removeOne(row.section(QLatin1Char('\t'), 1)))
            introduced.append(row.section(QLatin1Char('\t'), 0, 0) + QStringLiteral(": ") +
                              row.section(QLatin1Char('\t'), 1));
    }
    return introduced;
}

Result<QStringList> PrimaryHbaStep::errorRows(StepContext &context) const
{
    auto rows = context.sql(HostRole::Primary, QStringLiteral("postgres"),
                            QStringLiteral("SELECT line_number || E'\\t' || error FROM pg_hba_file_rules WHERE error "
                                           "IS NOT NULL ORDER BY line_number"));
    if (!rows)
        return rows.error();
    return rows->split(QLatin1Char('\n'), Qt::SkipEmptyParts);
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
    if (rules().hasHbaFileRules()) {
        list.append({HostRole::Primary, basis().primary.psql(QStringLiteral("postgres")), RunAs::Postgres,
                     tr("Ask the server to read the new file (pg_hba_file_rules) before it takes effect; a file with errors is restored."),
                     {}, QStringLiteral("SELECT line_number, error FROM pg_hba_file_rules WHERE error IS NOT NULL;")});
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
    return makeError(tr("The edited pg_hba.conf no longer lets the standby in. Keep a line like \"%1\".").arg(HbaFile::formatRule(rule())));
}

Result<bool> PrimaryHbaStep::check(StepContext &context)
{
    return editInPlace(context, m_edits.first());
}

Result<void> PrimaryHbaStep::apply(StepContext &context)
{
    QStringList errorsBefore;
    if (rules().hasHbaFileRules()) {
        auto rows = errorRows(context);
        if (!rows)
            return rows.error();
        errorsBefore = *rows;
    }
    auto written = writeEdit(context, m_edits.first());
    if (!written)
        return written.error();
    // HbaFile warns about a shadowing line also when the rule is there already:
    // the file as written tells, without reading it a second time.
    for (const QString &warning : shadowWarnings(*written))
        context.log(tr("Warning: %1").arg(warning));
    if (rules().hasHbaFileRules()) {
        auto rows = errorRows(context);
        if (!rows)
            return rows.error();
        // Lines that were wrong before this edit are the user's business, not a reason to undo it.
        const QStringList introduced = introducedErrors(errorsBefore, *rows);
        if (!introduced.isEmpty()) {
            return makeError(tr("PostgreSQL refused the new pg_hba.conf on the primary (line %1). It was restored; "
                                "correct the line and run the setup again.")
                                 .arg(introduced.join(QStringLiteral("; "))));
        }
    }
    auto reloaded = context.sql(HostRole::Primary, QStringLiteral("postgres"), QStringLiteral("SELECT pg_reload_conf()"));
    if (!reloaded)
        return reloaded.error();
    return {};
}
