#include "setup_step.h"

#include "core/conf/conf_file.h"
#include "core/plan/setup_plan.h"
#include "core/version/version_rules.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SetupStep", text);
}

// A value as a file may spell it: quoted or not, with spaces around.
QString unquoted(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\'')))
        value = value.mid(1, value.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
    return value;
}

// postgresql.conf values compare as the server reads them (VersionRules: units, booleans, case).
bool sameSetting(const VersionRules &rules, const QString &name, const QString &a, const QString &b)
{
    return rules.sameSettingValue(name, unquoted(a), unquoted(b));
}

} // namespace

StepDescription SetupStep::describe() const
{
    StepDescription description;
    description.id = m_id;
    description.title = title();
    description.why = why();
    description.commands = commands();
    description.edits = m_edits;
    return description;
}

QList<HostRole> SetupStep::hosts() const
{
    QList<HostRole> touched;
    auto add = [&touched](HostRole role) {
        if (!touched.contains(role))
            touched.append(role);
    };
    for (const PlannedCommand &command : commands())
        add(command.host);
    for (const FileEdit &edit : m_edits)
        add(edit.host);
    if (touched.isEmpty())
        touched = {HostRole::Primary, HostRole::Standby}; // its check may look at either
    return touched;
}

Result<void> SetupStep::setEditedAfter(int index, const QByteArray &after)
{
    if (index < 0 || index >= m_edits.size())
        return makeError(tr("The step \"%1\" has no file edit number %2.").arg(m_id).arg(index));
    FileEdit edited = m_edits.at(index);
    if (edited.kind == FileEdit::Kind::Signal)
        return makeError(
            tr("%1 stays empty: its presence alone makes the server a standby, so there is nothing in it to edit.")
                .arg(edited.path));
    if (!edited.beforeKnown || edited.isSecret())
        return makeError(tr("%1 does not exist yet (an earlier step makes it), so it cannot be edited by hand; change "
                            "it after the setup.")
                             .arg(edited.path));
    edited.after = after;
    edited.userEdited = true;
    if (auto valid = validateAfter(edited); !valid)
        return valid;
    m_edits[index] = edited;
    return {};
}

Result<void> SetupStep::resetEdit(int index)
{
    if (index < 0 || index >= m_edits.size())
        return makeError(tr("The step \"%1\" has no file edit number %2.").arg(m_id).arg(index));
    FileEdit proposed = m_edits.at(index);
    proposed.userEdited = false;
    auto after = proposalFor(proposed);
    if (!after)
        return after.error();
    proposed.after = *after;
    m_edits[index] = proposed;
    return {};
}

Result<QByteArray> SetupStep::proposalFor(const FileEdit &edit) const
{
    FileEdit proposed = edit;
    proposed.userEdited = false;
    return afterFor(proposed, proposed.before, true);
}

Result<void> SetupStep::rebase(const SetupPlan &plan)
{
    QList<FileEdit> edits = m_edits;
    for (FileEdit &edit : edits) {
        const SetupStep *earlier = edit.previousStep.isEmpty() ? nullptr : plan.step(edit.previousStep);
        if (!earlier || edit.previousIndex < 0 || edit.previousIndex >= earlier->edits().size())
            continue;
        const FileEdit &previous = earlier->edits().at(edit.previousIndex);
        if (edit.before == previous.after && edit.beforeKnown == previous.beforeKnown)
            continue;
        if (edit.userEdited) {
            return makeRefusal(tr("You edited %1 on the %2 in the later step \"%3\" too, and that text starts from "
                                  "this one. Reset your edit in \"%3\" to the proposal first, then make this change "
                                  "again (or make it in \"%3\" only).")
                                   .arg(edit.path, hostRoleName(edit.host), title()));
        }
        edit.before = previous.after;
        edit.beforeKnown = previous.beforeKnown;
        auto after = proposalFor(edit);
        if (!after)
            return after.error();
        edit.after = *after;
    }
    m_edits = edits;
    return {};
}

QList<QPair<QString, QString>> SetupStep::wantedSettings(const FileEdit &edit)
{
    QList<QPair<QString, QString>> wanted = edit.settings;
    if (!edit.userEdited)
        return wanted;
    if (auto parsed = ConfFile::parse(edit.after, edit.path)) {
        for (auto &[name, value] : wanted)
            value = parsed->value(name).value_or(value);
    }
    return wanted;
}

Result<void> SetupStep::validateAfter(const FileEdit &edit) const
{
    if (edit.kind != FileEdit::Kind::PostgresqlConf && edit.kind != FileEdit::Kind::RecoveryConf)
        return {};
    auto parsed = ConfFile::parse(edit.after, edit.path);
    if (!parsed)
        return parsed.error();
    for (const ConfFile::Setting &entry : parsed->settings()) {
        if (auto valid = m_basis.rules.validateSetting(entry.name, entry.value); !valid) {
            return makeError(tr("%1 on the %2: %3").arg(edit.path, hostRoleName(edit.host), valid.error().message),
                             valid.error().detail);
        }
    }
    // What the step needs must still be there, or the replication would not work.
    for (const auto &[name, value] : edit.settings) {
        const auto found = parsed->value(name);
        if (!found) {
            return makeError(
                tr("The edited %1 no longer sets %2, which the replication needs. Put the line \"%2 = %3\" back.")
                    .arg(edit.path, name, value));
        }
    }
    return {};
}

Result<QByteArray> SetupStep::afterFor(const FileEdit &edit, const QByteArray &current, bool exists) const
{
    if (edit.userEdited) {
        if (current != edit.before) {
            return makeError(tr("%1 on the %2 changed since the plan was made, so your edit of it would overwrite that "
                                "change. Make the plan again.")
                                 .arg(edit.path, hostRoleName(edit.host)));
        }
        return edit.after;
    }
    switch (edit.kind) {
    case FileEdit::Kind::PostgresqlConf:
    case FileEdit::Kind::RecoveryConf: {
        auto parsed = ConfFile::parse(exists ? current : QByteArray(), edit.path);
        if (!parsed)
            return parsed.error();
        for (const auto &[name, value] : edit.settings) {
            const auto now = parsed->value(name);
            if (now && sameSetting(m_basis.rules, name, *now, value))
                continue;
            if (auto set = parsed->set(name, value, m_basis.rules); !set)
                return set.error();
        }
        return parsed->render();
    }
    case FileEdit::Kind::Signal:
        return QByteArray();
    case FileEdit::Kind::HbaConf:
    case FileEdit::Kind::Passfile:
    case FileEdit::Kind::ServiceUnit:
        break;
    }
    return edit.after;
}

Result<QByteArray> SetupStep::readCurrent(StepContext &context, const FileEdit &edit, bool &exists)
{
    auto test = context.run(edit.host, CommandLine(QStringLiteral("test"), {QStringLiteral("-e"), edit.path}), edit.as);
    if (!test)
        return test.error();
    exists = test->exitCode == 0;
    if (!exists)
        return QByteArray();
    return context.host(edit.host).readFile(edit.path, edit.as);
}

Result<bool> SetupStep::editInPlace(StepContext &context, const FileEdit &edit) const
{
    bool exists = false;
    auto current = readCurrent(context, edit, exists);
    if (!current)
        return current.error();
    if (!exists)
        return false;
    if (edit.userEdited && *current == edit.after)
        return true;
    switch (edit.kind) {
    case FileEdit::Kind::PostgresqlConf:
    case FileEdit::Kind::RecoveryConf: {
        auto parsed = ConfFile::parse(*current, edit.path);
        if (!parsed)
            return false;
        // The user's own values where the user edited the file: what apply() writes.
        for (const auto &[name, value] : wantedSettings(edit)) {
            const auto now = parsed->value(name);
            if (!now || !sameSetting(m_basis.rules, name, *now, value))
                return false;
        }
        return true;
    }
    case FileEdit::Kind::Signal:
        return true;
    case FileEdit::Kind::HbaConf:
    case FileEdit::Kind::Passfile:
    case FileEdit::Kind::ServiceUnit: {
        auto after = afterFor(edit, *current, exists);
        return after && *after == *current;
    }
    }
    return false;
}

Result<QByteArray> SetupStep::writeEdit(StepContext &context, const FileEdit &edit)
{
    bool exists = false;
    auto current = readCurrent(context, edit, exists);
    if (!current)
        return current.error();
    auto after = afterFor(edit, *current, exists);
    if (!after)
        return after.error();
    if (exists && *after == *current)
        return *after; // already so: nothing written, nothing to undo
    WriteOptions options;
    options.as = edit.as;
    if (edit.mode >= 0)
        options.mode = edit.mode;
    options.owner = edit.owner;
    options.cancel = context.cancelFlag();
    context.log(tr("[%1] writing %2").arg(hostRoleName(edit.host), edit.path));
    auto written = context.host(edit.host).writeFile(edit.path, *after, options);
    if (!written)
        return written.error();
    m_applied.append({edit, *current, exists});
    return *after;
}

bool SetupStep::wroteFile(HostRole host, const QString &path) const
{
    return std::any_of(m_applied.cbegin(), m_applied.cend(),
                       [&](const Applied &applied) { return applied.edit.host == host && applied.edit.path == path; });
}

Result<void> SetupStep::undo(StepContext &context)
{
    Result<void> outcome;
    while (!m_applied.isEmpty()) {
        const Applied applied = m_applied.takeLast();
        context.log(tr("[%1] restoring %2").arg(hostRoleName(applied.edit.host), applied.edit.path));
        if (applied.existed) {
            WriteOptions options;
            options.as = applied.edit.as;
            options.keepBackup = false;
            auto restored = context.host(applied.edit.host).writeFile(applied.edit.path, applied.previous, options);
            if (!restored)
                outcome = restored.error();
        } else {
            // Straight to the host: an undo must run even after a cancel.
            RunOptions options;
            options.as = applied.edit.as;
            auto removed =
                context.host(applied.edit.host)
                    .run(CommandLine(QStringLiteral("rm"), {QStringLiteral("-f"), applied.edit.path}), options);
            if (!removed)
                outcome = removed.error();
        }
    }
    return outcome;
}
