#include "ui/diff/config_line_checks.h"

#include "core/conf/conf_file.h"
#include "core/conf/conf_tree.h"
#include "core/conf/hba_file.h"
#include "core/version/version_rules.h"

#include <algorithm>

namespace {

using Kind = ConfigLineNote::Kind;

QList<QByteArray> splitLines(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (lines.size() > 1 && lines.last().isEmpty())
        lines.removeLast(); // the newline that ends the last line opens no line of its own
    return lines;
}

// Where a setting line's value stands: the first token after the name and its '='.
std::pair<int, int> valueSpan(const QByteArray &line)
{
    for (const ConfFile::LineToken &token : ConfFile::tokenizeLine(line)) {
        using TokenKind = ConfFile::LineToken::Kind;
        if (token.kind != TokenKind::Name && token.kind != TokenKind::Equals && token.kind != TokenKind::Comment)
            return {token.start, token.end};
    }
    return {-1, -1};
}

ConfigLineNote note(Kind kind, int line, const QString &message, std::pair<int, int> span = {-1, -1}, int otherLine = 0)
{
    return ConfigLineNote{kind, line, message, span.first, span.second, otherLine};
}

// The lines PostgreSQL's grammar refuses, each with the server's own message, and the text
// with those lines blanked, so that the other lines can still be checked. The grammar reads a
// line alone, so a line is tried alone first; its message is then made with its real number.
QByteArray syntaxErrors(const ConfigLineChecks::Input &input, QList<ConfigLineNote> &notes)
{
    const QString fileName = input.path.section(QLatin1Char('/'), -1);
    if (ConfFile::parse(input.text, fileName))
        return input.text;
    QList<QByteArray> lines = input.text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (ConfFile::parse(lines[i], fileName))
            continue;
        const auto numbered = ConfFile::parse(QByteArray(i, '\n') + lines[i], fileName);
        notes.append(note(Kind::Invalid, int(i + 1),
                          ConfigLineChecks::tr("PostgreSQL would refuse this file: %1. Correct the line or "
                                               "comment it out with #.")
                              .arg(numbered ? QString() : numbered.error().message),
                          {0, int(lines[i].size())}));
        lines[i].clear();
    }
    return lines.join('\n');
}

// The line that really sets each setting of the file: across the files PostgreSQL reads when
// the view knows them, else within the file.
std::optional<ConfTree::Assignment> winnerOf(const ConfigLineChecks::Input &input, const ConfFile &file,
                                             const std::optional<ConfTree> &tree, const QString &name)
{
    if (tree)
        return tree->winner(name);
    const int line = file.lineOf(name);
    if (line == 0)
        return std::nullopt;
    return ConfTree::Assignment{input.path, line, name, file.value(name).value_or(QString())};
}

QString overrideMessage(const ConfFile::Setting &setting, const ConfTree::Assignment &winner, const QString &mainFile)
{
    if (winner.file != mainFile)
        return ConfTree::describeOverride(setting.name, winner);
    return ConfigLineChecks::tr("%1 is set again on line %2 of this file, and PostgreSQL keeps the last line: "
                                "%1 = '%3'. Remove one of the two lines.")
        .arg(setting.name)
        .arg(winner.line)
        .arg(winner.value);
}

} // namespace

ConfigLineChecks::Output ConfigLineChecks::check(const Input &input)
{
    Output output;
    switch (input.kind) {
    case ConfigKind::PostgresqlConf:
    case ConfigKind::RecoveryConf:
    case ConfigKind::AutoConf:
        checkConf(input, output);
        break;
    case ConfigKind::PgHbaConf:
        checkHba(input, output);
        break;
    case ConfigKind::StandbySignal:
        break; // its presence is what counts; any content is ignored
    case ConfigKind::ServiceUnit:
        break; // systemd judges it on the host (ServiceUnitStep), the plan that it runs this cluster
    }
    std::stable_sort(output.notes.begin(), output.notes.end(),
                     [](const ConfigLineNote &a, const ConfigLineNote &b) { return a.line < b.line; });
    return output;
}

void ConfigLineChecks::checkConf(const Input &input, Output &output)
{
    const QByteArray text = syntaxErrors(input, output.notes);
    const auto parsed = ConfFile::parse(text, input.path);
    if (!parsed)
        return;
    const VersionRules rules(input.major);
    std::optional<ConfTree> tree;
    if (input.kind == ConfigKind::PostgresqlConf && !input.otherFiles.isEmpty()) {
        auto read = ConfTree::readFromFiles(input.path, text, input.otherFiles, input.dataDir);
        if (read)
            tree = std::move(read.value());
    }
    const QString mainFile = tree ? tree->mainFile() : input.path;
    const QList<QByteArray> lines = splitLines(text);
    for (const ConfFile::Setting &setting : parsed->settings()) {
        const QByteArray line = lines.value(setting.line - 1);
        if (const auto valid = rules.validateSetting(setting.name, setting.value); !valid) {
            output.notes.append(note(Kind::Invalid, setting.line, valid.error().message, valueSpan(line)));
            continue;
        }
        const auto winner = winnerOf(input, *parsed, tree, setting.name);
        if (winner && (winner->file != mainFile || winner->line != setting.line))
            output.notes.append(note(Kind::Overridden, setting.line, overrideMessage(setting, *winner, mainFile),
                                     {-1, -1}, winner->file == mainFile ? winner->line : 0));
        if (input.changedLines.contains(setting.line) && rules.needsRestart(setting.name))
            output.notes.append(
                note(Kind::Restart, setting.line,
                     tr("A change of %1 takes effect only when the server restarts.").arg(setting.name)));
    }
}

void ConfigLineChecks::checkHba(const Input &input, Output &output)
{
    const HbaFile file = HbaFile::read(input.text, input.path, input.major);
    for (const HbaFile::Problem &problem : file.problems())
        output.notes.append(note(Kind::Invalid, problem.line,
                                 tr("PostgreSQL would refuse this file: %1. Correct the line or comment it out "
                                    "with #.")
                                     .arg(problem.message)));
    for (const HbaFile::Shadowing &shadowing : file.shadowedRules())
        output.notes.append(note(Kind::Shadowed, shadowing.line,
                                 tr("Never used: line %1 matches every connection this rule matches, and "
                                    "PostgreSQL takes the first line that matches. Move this rule above line %1 "
                                    "or remove it.")
                                     .arg(shadowing.byLine),
                                 {-1, -1}, shadowing.byLine));
    output.rules = file.rules();
}

QString ConfigLineChecks::describeSetting(const PgVersion &major, const QString &name)
{
    const VersionRules rules(major);
    const auto info = rules.setting(name);
    if (!info) {
        return rules.isKnownSetting(name) ? tr("%1 is a setting of PostgreSQL %2.").arg(name, major.majorString())
                                          : tr("PostgreSQL %2 has no setting named %1.").arg(name, major.majorString());
    }
    QString what;
    switch (info->type) {
    case SettingInfo::Type::Bool:
        what = tr("on or off");
        break;
    case SettingInfo::Type::Integer:
        what = tr("a whole number from %1 to %2").arg(info->minimum).arg(info->maximum);
        if (!info->unit.isEmpty())
            what += tr(" (in units of %1)").arg(info->unit);
        break;
    case SettingInfo::Type::Real:
        what = tr("a number from %1 to %2").arg(info->realMinimum).arg(info->realMaximum);
        break;
    case SettingInfo::Type::String:
        what = tr("a string");
        break;
    case SettingInfo::Type::Enum:
        what = tr("one of %1").arg(info->enumValues.join(QStringLiteral(", ")));
        break;
    }
    const QString effect = info->needsRestart() ? tr("A change needs a restart of the server.")
                                                : tr("A change takes effect when the server reloads its files.");
    const QString defaultValue = info->defaultValue.isEmpty() ? tr("empty") : info->defaultValue;
    const QString purpose = VersionRules::settingPurpose(name);
    return tr("<b>%1</b> (PostgreSQL %2): %3.<br>Default: %4.<br>%5")
               .arg(name.toHtmlEscaped(), major.majorString(), what.toHtmlEscaped(), defaultValue.toHtmlEscaped(),
                    effect) +
           (purpose.isEmpty() ? QString() : QStringLiteral("<br><i>%1</i>").arg(purpose.toHtmlEscaped()));
}
