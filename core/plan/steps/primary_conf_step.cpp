#include "primary_conf_step.h"

#include "core/conf/conf_file.h"
#include "core/conf/conf_tree.h"
#include "core/plan/server_control.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PrimaryConfStep", text);
}
} // namespace

QString PrimaryConfStep::archiveDirectory(const PlanBasis &basis)
{
    if (!basis.choices.archiveDir.isEmpty())
        return basis.choices.archiveDir;
    const QFileInfo data(basis.primary.dataDir());
    return data.path() + QLatin1Char('/') + data.fileName() + QStringLiteral("-archive");
}

QList<QPair<QString, QString>> PrimaryConfStep::replicationSettings(const PlanBasis &basis, bool forPrimary)
{
    const VersionRules &rules = basis.rules;
    QList<QPair<QString, QString>> settings;
    settings.append({QStringLiteral("listen_addresses"), QStringLiteral("*")});
    settings.append({QStringLiteral("wal_level"), rules.walLevelForReplication()});
    settings.append({QStringLiteral("max_wal_senders"), QStringLiteral("10")});
    if (rules.hasReplicationSlots())
        settings.append({QStringLiteral("max_replication_slots"), QStringLiteral("10")});
    settings.append({rules.walKeepSetting(), rules.walKeepValue(basis.choices.walKeepMb)});
    if (rules.hasMaxSlotWalKeepSize())
        settings.append(
            {QStringLiteral("max_slot_wal_keep_size"), QStringLiteral("%1MB").arg(basis.choices.maxSlotWalKeepMb)});
    if (forPrimary) {
        const QString archive = CommandLine::quote(archiveDirectory(basis));
        settings.append({QStringLiteral("archive_mode"), QStringLiteral("on")});
        settings.append(
            {QStringLiteral("archive_command"), QStringLiteral("test ! -f %1/%f && cp %p %1/%f").arg(archive)});
    }
    settings.append({QStringLiteral("hot_standby"), QStringLiteral("on")});
    return settings;
}

PrimaryConfStep::PrimaryConfStep(PlanBasis basis, const QByteArray &currentConf, bool beforeKnown,
                                 const QMap<QString, QByteArray> &laterFiles)
    : SetupStep(QStringLiteral("primary-conf"), std::move(basis))
{
    FileEdit edit;
    edit.host = HostRole::Primary;
    edit.path = this->basis().primary.configFile();
    edit.kind = FileEdit::Kind::PostgresqlConf;
    edit.settings = replicationSettings(this->basis(), true);
    keepHigherValues(edit.settings, currentConf);
    edit.beforeKnown = beforeKnown;
    edit.before = currentConf;
    auto after = afterFor(edit, currentConf, beforeKnown);
    edit.after = after ? *after : currentConf;
    if (!after)
        m_planningError = after.error();
    m_edits.append(edit);
    if (beforeKnown && after)
        noteOverrides(edit, laterFiles);
}

int PrimaryConfStep::walLevelRank(const QString &level) const
{
    // In order: minimal < replica < logical; 9.6+ reads archive and hot_standby as replica. -1: no level.
    const QStringList levels = rules().walLevelValues();
    if (rules().setting(QStringLiteral("wal_level"))->hiddenEnumValues.contains(level.toLower()))
        return int(levels.indexOf(rules().walLevelForReplication()));
    return int(levels.indexOf(level.toLower()));
}

bool PrimaryConfStep::isHigher(const QString &name, const QString &have, const QString &wanted) const
{
    const QString lower = name.toLower();
    if (lower == QLatin1String("wal_level"))
        return walLevelRank(have) > walLevelRank(wanted);
    const auto haveNumber = rules().integerInBaseUnit(name, have);
    const auto wantedNumber = rules().integerInBaseUnit(name, wanted);
    if (!haveNumber || !wantedNumber)
        return false;
    if (lower == QLatin1String("max_slot_wal_keep_size"))
        return *haveNumber == -1 || *haveNumber > *wantedNumber; // -1: no cap at all
    const bool capacity = lower == QLatin1String("max_wal_senders") ||
                          lower == QLatin1String("max_replication_slots") || lower == rules().walKeepSetting();
    return capacity && *haveNumber > *wantedNumber;
}

void PrimaryConfStep::keepHigherValues(QList<QPair<QString, QString>> &settings, const QByteArray &currentConf) const
{
    const auto parsed = ConfFile::parse(currentConf, QStringLiteral("postgresql.conf"));
    if (!parsed)
        return;
    for (auto &[name, value] : settings) {
        if (const auto now = parsed->value(name); now && isHigher(name, *now, value))
            value = *now;
    }
}

bool PrimaryConfStep::keepsReplicationWorking(const QString &name, const QString &kept) const
{
    const QString lower = name.toLower();
    if (lower == QLatin1String("wal_level"))
        return walLevelRank(kept) >= walLevelRank(rules().walLevelForReplication());
    if (lower == QLatin1String("max_wal_senders") || lower == QLatin1String("max_replication_slots"))
        return rules().integerInBaseUnit(name, kept).value_or(0) > 0;
    if (lower == QLatin1String("hot_standby"))
        return VersionRules::parseBool(kept).value_or(false);
    if (lower == QLatin1String("listen_addresses")) {
        const QString address = choices().primaryAddress;
        return kept.contains(QLatin1Char('*')) || kept.contains(QLatin1String("0.0.0.0")) ||
               (!address.isEmpty() && kept.contains(address));
    }
    return true; // the WAL kept, the archive: a DBA's own choice, named in why()
}

void PrimaryConfStep::noteOverrides(const FileEdit &edit, const QMap<QString, QByteArray> &laterFiles)
{
    const auto tree = ConfTree::readFromFiles(edit.path, edit.after, laterFiles, basis().primary.dataDir());
    if (!tree)
        return; // the server's own check at apply time names what does not load
    for (const auto &[name, value] : edit.settings) {
        const auto winner = tree->overrideOf(name);
        if (!winner || rules().sameSettingValue(name, winner->value, value))
            continue;
        const QString sentence = ConfTree::describeOverride(name, *winner);
        if (!keepsReplicationWorking(name, winner->value)) {
            m_planningError = makeError(tr("%1 Replication cannot work with %2 = '%3': change it there (ALTER SYSTEM "
                                           "RESET %2 on the primary for postgresql.auto.conf), then plan again.")
                                            .arg(sentence, name, winner->value));
            return;
        }
        m_overrides.append(sentence);
        m_keptOverrides.insert(name, winner->value);
    }
}

QString PrimaryConfStep::title() const
{
    return tr("Replication settings in the primary's postgresql.conf");
}

QString PrimaryConfStep::why() const
{
    QString text =
        tr("The primary must write enough WAL for a standby (wal_level = %1), accept WAL sender connections, "
           "keep WAL for a standby that falls behind and archive it.")
            .arg(rules().walLevelForReplication());
    if (rules().hasMaxSlotWalKeepSize())
        text += QLatin1Char(' ') + tr("max_slot_wal_keep_size caps the WAL a slot may hold back, so that a standby "
                                      "that goes away cannot fill the primary's disk.");
    for (const QString &sentence : m_overrides)
        text += QLatin1Char(' ') + tr("Note: %1").arg(sentence);
    return text;
}

QList<PlannedCommand> PrimaryConfStep::commands() const
{
    PlannedCommand mkdir;
    mkdir.host = HostRole::Primary;
    mkdir.as = RunAs::Root;
    mkdir.command =
        CommandLine(QStringLiteral("install"), {QStringLiteral("-d"), QStringLiteral("-o"), QStringLiteral("postgres"),
                                                QStringLiteral("-g"), QStringLiteral("postgres"), QStringLiteral("-m"),
                                                QStringLiteral("0700"), archiveDirectory(basis())});
    mkdir.purpose = tr("Create the WAL archive directory, readable by postgres only.");
    PlannedCommand judge;
    judge.host = HostRole::Primary;
    judge.as = RunAs::Postgres;
    judge.command = basis().primary.showSetting(QStringLiteral("wal_level"));
    judge.purpose = tr("Let PostgreSQL read the new file and print each setting back (one run per setting); a file it "
                       "refuses is restored.");
    return {mkdir, judge};
}

CommandLine PrimaryConfStep::showSettings(const ClusterLayout &cluster, const QStringList &names)
{
    QStringList runs;
    for (const QString &name : names)
        runs.append(cluster.showSetting(name).toShellString());
    return CommandLine::shell(runs.join(QStringLiteral(" && echo %1 && ").arg(settingSeparator())));
}

QString PrimaryConfStep::settingSeparator()
{
    return QStringLiteral("--replica-studio-next-setting--");
}

Result<void> PrimaryConfStep::confirmWithServer(StepContext &context, HostRole role,
                                                const QList<QPair<QString, QString>> &settings)
{
    const VersionRules &rules = context.rules();
    QStringList names;
    for (const auto &[name, value] : settings)
        names.append(name);
    // One command for all of them: a round trip per setting added up.
    auto shown = context.run(role, showSettings(context.cluster(role), names), RunAs::Postgres);
    if (!shown)
        return shown.error();
    if (!shown->succeeded()) {
        return makeError(tr("PostgreSQL refused the new configuration on the %1: %2")
                             .arg(hostRoleName(role), shown->lastOutputLines(3)),
                         QString::fromUtf8(shown->stdErr));
    }
    const QStringList printedValues =
        QString::fromUtf8(shown->stdOut).split(QLatin1Char('\n') + settingSeparator() + QLatin1Char('\n'));
    for (qsizetype i = 0; i < settings.size(); ++i) {
        const auto &[name, value] = settings.at(i);
        const QString printed = printedValues.value(i).trimmed();
        const bool same = rules.sameSettingValue(name, printed, value);
        if (!same) {
            return makeError(tr("On the %1, PostgreSQL reads %2 = %3, not %4: another file (postgresql.auto.conf after "
                                "ALTER SYSTEM, or an include) sets it later. "
                                "Remove that setting (ALTER SYSTEM RESET %2) and run the setup again.")
                                 .arg(hostRoleName(role), name, printed, value));
        }
    }
    return {};
}

QList<QPair<QString, QString>> PrimaryConfStep::expectedSettings() const
{
    QList<QPair<QString, QString>> expected = wantedSettings(m_edits.first());
    // A later file's value wins over both.
    for (auto &[name, value] : expected)
        value = m_keptOverrides.value(name, value);
    return expected;
}

Result<bool> PrimaryConfStep::check(StepContext &context)
{
    auto archive = context.run(HostRole::Primary,
                               CommandLine(QStringLiteral("test"), {QStringLiteral("-d"), archiveDirectory(basis())}),
                               RunAs::Postgres);
    if (!archive)
        return archive.error();
    if (archive->exitCode != 0)
        return false;
    return editInPlace(context, m_edits.first());
}

Result<void> PrimaryConfStep::apply(StepContext &context)
{
    // A file that already would not load (a bad line a reload has kept out so far) stops the setup
    // here, before anything is written: the restart later would take the primary down.
    if (auto loads = ServerControl::checkFilesLoad(context, HostRole::Primary); !loads)
        return loads;
    const PlannedCommand mkdir = commands().first();
    auto made = context.runOk(HostRole::Primary, mkdir.command, mkdir.as, tr("create the archive directory"));
    if (!made)
        return made.error();
    auto written = writeEdit(context, m_edits.first());
    if (!written)
        return written.error();
    if (auto confirmed = confirmWithServer(context, HostRole::Primary, expectedSettings()); !confirmed)
        return confirmed.error(); // the runner restores the file (undo)
    return {};
}
