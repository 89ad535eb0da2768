#include "sync_step.h"

#include "core/conf/conf_file.h"
#include "core/conf/conf_tree.h"
#include "core/plan/server_control.h"
#include "core/plan/steps/primary_conf_step.h"
#include "core/plan/steps/standby_start_step.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("SyncStep", text);
}
} // namespace

SyncStep::SyncStep(PlanBasis basis, const QByteArray &currentConf, bool beforeKnown,
                   const QMap<QString, QByteArray> &laterFiles)
    : SetupStep(basis.choices.synchronous ? QStringLiteral("sync") : QStringLiteral("async"), std::move(basis)),
      m_laterFiles(laterFiles)
{
    FileEdit edit;
    edit.host = HostRole::Primary;
    edit.path = this->basis().primary.configFile();
    edit.kind = FileEdit::Kind::PostgresqlConf;
    edit.beforeKnown = beforeKnown;
    // In a plan, the before is the file as the primary-conf step leaves it (SetupPlan links the two).
    edit.before = currentConf;
    m_edits.append(edit);
    followBefore();
}

Result<void> SyncStep::rebase(const SetupPlan &plan)
{
    if (auto rebased = SetupStep::rebase(plan); !rebased)
        return rebased;
    followBefore();
    return {};
}

void SyncStep::followBefore()
{
    FileEdit &edit = m_edits.first();
    edit.settings = {{QStringLiteral("synchronous_standby_names"), valueFor(edit.before)}};
    if (!edit.userEdited) {
        auto after = afterFor(edit, edit.before, true);
        edit.after = after ? *after : edit.before;
    }
    m_planningError.reset();
    refuseWhenOverridden(edit, m_laterFiles);
}

void SyncStep::refuseWhenOverridden(const FileEdit &edit, const QMap<QString, QByteArray> &laterFiles)
{
    // ALTER SYSTEM SET synchronous_standby_names is a common way to set it: then postgresql.auto.conf
    // wins, and an edit of postgresql.conf would change nothing while the plan said it did.
    const QString name = QStringLiteral("synchronous_standby_names");
    const auto tree = ConfTree::readFromFiles(edit.path, edit.after, laterFiles, basis().primary.dataDir());
    if (!tree)
        return;
    const auto winner = tree->overrideOf(name);
    if (!winner)
        return;
    // Asynchronous: only a value that still names this standby is in the way.
    const bool inTheWay = choices().synchronous ? winner->value != edit.settings.first().second
                                                : namesIn(winner->value).contains(choices().applicationName);
    if (!inTheWay)
        return;
    m_planningError = makeError(tr("%1 The setup's change of %2 would have no effect there: run ALTER SYSTEM RESET %2 "
                                   "on the primary (or change that line), then plan again.")
                                    .arg(ConfTree::describeOverride(name, *winner), name));
}

QStringList SyncStep::namesIn(const QString &value)
{
    QString inner = value.trimmed();
    static const QRegularExpression form(QStringLiteral("^(?:(?:FIRST|ANY)\\s+)?\\d+\\s*\\((.*)\\)$"),
                                         QRegularExpression::CaseInsensitiveOption);
    if (const auto match = form.match(inner); match.hasMatch())
        inner = match.captured(1);
    QStringList names;
    for (QString name : inner.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        name = name.trimmed();
        if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
            name = name.mid(1, name.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

bool SyncStep::isSynchronous(const QString &syncState, const QString &standbyNames)
{
    if (syncState == QLatin1String("sync"))
        return true;
    // quorum: one of the ANY n (...) set, each of which a commit may wait for.
    return syncState == QLatin1String("quorum") &&
           standbyNames.trimmed().startsWith(QLatin1String("any"), Qt::CaseInsensitive);
}

QString SyncStep::stateText(const QString &syncState)
{
    if (syncState == QLatin1String("potential")) {
        return tr("sync_state = potential: commits do not wait for this standby; another standby named before it in "
                  "synchronous_standby_names is the synchronous one");
    }
    return tr("sync_state = %1").arg(syncState.isEmpty() ? tr("(none)") : syncState);
}

QString SyncStep::withoutName(const VersionRules &rules, const QString &value, const QString &name)
{
    QStringList names = namesIn(value);
    if (!names.removeAll(name))
        return value;
    static const QRegularExpression form(QStringLiteral("^(?:(FIRST|ANY)\\s+)?(\\d+)\\s*\\(.*\\)$"),
                                         QRegularExpression::CaseInsensitiveOption);
    int count = 1;
    auto method = VersionRules::SyncMethod::First;
    if (const auto match = form.match(value.trimmed()); match.hasMatch()) {
        count = match.captured(2).toInt();
        if (match.captured(1).compare(QLatin1String("any"), Qt::CaseInsensitive) == 0)
            method = VersionRules::SyncMethod::Any;
    }
    return rules.renderSyncStandbyNames(names, count, method);
}

QString SyncStep::valueFor(const QByteArray &current) const
{
    QString value;
    if (auto parsed = ConfFile::parse(current, basis().primary.configFile()))
        value = parsed->value(QStringLiteral("synchronous_standby_names")).value_or(QString());
    if (!choices().synchronous)
        return withoutName(rules(), value, choices().applicationName);
    QStringList names = namesIn(value);
    if (!names.contains(choices().applicationName))
        names.append(choices().applicationName);
    return rules().renderSyncStandbyNames(names, choices().syncCount, choices().syncMethod());
}

Result<QByteArray> SyncStep::afterFor(const FileEdit &edit, const QByteArray &current, bool exists) const
{
    if (edit.userEdited)
        return SetupStep::afterFor(edit, current, exists);
    // Asynchronous and not named: the file stays as it is (no empty setting added).
    const QString value = valueFor(current);
    if (!choices().synchronous && exists) {
        auto parsed = ConfFile::parse(current, edit.path);
        if (parsed && parsed->value(QStringLiteral("synchronous_standby_names")).value_or(QString()) == value)
            return current;
    }
    FileEdit now = edit;
    now.settings = {{QStringLiteral("synchronous_standby_names"), value}};
    return SetupStep::afterFor(now, current, exists);
}

bool SyncStep::reached(const QString &syncState, const QString &standbyNames) const
{
    if (choices().synchronous)
        return isSynchronous(syncState, standbyNames);
    return !namesIn(standbyNames).contains(choices().applicationName) && syncState == QLatin1String("async");
}

QString SyncStep::title() const
{
    if (!choices().synchronous)
        return tr("Asynchronous replication: the standby is not named in synchronous_standby_names");
    return tr("Synchronous replication: name the standby in synchronous_standby_names");
}

QString SyncStep::why() const
{
    if (!choices().synchronous) {
        return tr("Commits on the primary do not wait for this standby. Where an earlier setup made it synchronous, "
                  "its name is taken out of synchronous_standby_names (other standbys named there stay) and the "
                  "primary reloads its configuration.");
    }
    return tr("From now on a commit on the primary waits until the standby has the WAL. This is switched on only now "
              "that the standby streams; "
              "before, every commit would wait forever.");
}

QList<PlannedCommand> SyncStep::commands() const
{
    PlannedCommand reload = basis().primary.reload();
    reload.host = HostRole::Primary;
    PlannedCommand wait{HostRole::Primary,
                        basis().primary.psql(QStringLiteral("postgres")),
                        RunAs::Postgres,
                        choices().synchronous ? tr("Wait until the standby is synchronous.")
                                              : tr("Wait until the standby is asynchronous."),
                        {},
                        QStringLiteral("SELECT sync_state FROM pg_stat_replication WHERE application_name = '%1';")
                            .arg(choices().applicationName)};
    return {reload, wait};
}

Result<bool> SyncStep::check(StepContext &context)
{
    auto running =
        context.sql(HostRole::Primary, QStringLiteral("postgres"), QStringLiteral("SHOW synchronous_standby_names"));
    if (!running)
        return running.error();
    if (namesIn(*running).contains(choices().applicationName) != choices().synchronous)
        return false;
    auto state = StandbyStartStep::replicationState(context);
    if (!state)
        return state.error();
    return reached(state->section(QLatin1Char('|'), 1), *running);
}

Result<void> SyncStep::apply(StepContext &context)
{
    auto written = writeEdit(context, m_edits.first());
    if (!written)
        return written.error();
    auto parsed = ConfFile::parse(*written, m_edits.first().path);
    const QString value =
        parsed ? parsed->value(QStringLiteral("synchronous_standby_names")).value_or(QString()) : QString();
    if (auto confirmed = PrimaryConfStep::confirmWithServer(context, HostRole::Primary,
                                                            {{QStringLiteral("synchronous_standby_names"), value}});
        !confirmed)
        return confirmed;
    if (auto reloaded = ServerControl::reload(context, HostRole::Primary); !reloaded)
        return reloaded;
    QString sync;
    auto named = context.waitUntil(
        [&]() -> Result<bool> {
            auto state = StandbyStartStep::replicationState(context);
            if (!state)
                return state.error();
            sync = state->section(QLatin1Char('|'), 1);
            // potential settles at once when another standby is listed first; waiting longer would not change it.
            return reached(sync, value) || (choices().synchronous && sync == QLatin1String("potential"));
        },
        30000,
        choices().synchronous
            ? tr("the standby does not become synchronous. Check that its application_name is %1.")
                  .arg(choices().applicationName)
            : tr("the standby is still synchronous. Check that synchronous_standby_names is not also set with "
                 "ALTER SYSTEM (postgresql.auto.conf) and does not name every standby with *."));
    Result<void> synchronous = named;
    if (named && !reached(sync, value)) {
        synchronous = makeError(tr("The standby is not synchronous: %1. For commits to wait for it too, choose that "
                                   "a commit waits for any one of the standbys (ANY 1, replicactl --sync-any) or for "
                                   "all of them (replicactl --sync-count %2).")
                                    .arg(stateText(sync))
                                    .arg(namesIn(value).size()),
                                QStringLiteral("synchronous_standby_names = '%1'").arg(value));
    }
    if (!synchronous) {
        // Commits would wait for this standby forever: take the setting back at once.
        (void)undo(context);
        (void)context.sql(HostRole::Primary, QStringLiteral("postgres"), QStringLiteral("SELECT pg_reload_conf()"));
        return synchronous;
    }
    return {};
}
