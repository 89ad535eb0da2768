#include "standby_recovery_step.h"

#include "core/conf/conf_file.h"
#include "core/conf/conf_tree.h"
#include "core/conf/conninfo.h"
#include "core/conf/recovery_settings.h"
#include "core/plan/setup_plan.h"
#include "core/plan/steps/primary_conf_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StandbyRecoveryStep", text);
}

// A hot standby refuses to run (FATAL up to 13, paused recovery from 14)
// when one of these is lower than on the primary.
QStringList capacityNames(const VersionRules &rules)
{
    QStringList names{QStringLiteral("max_connections"), QStringLiteral("max_prepared_transactions"),
                      QStringLiteral("max_locks_per_transaction")};
    if (rules.setting(QStringLiteral("max_worker_processes")))
        names.append(QStringLiteral("max_worker_processes"));
    if (rules.version().atLeast(12))
        names.append(QStringLiteral("max_wal_senders"));
    return names;
}

QString listed(const QList<QPair<QString, QString>> &settings)
{
    QStringList lines;
    for (const auto &[name, value] : settings)
        lines.append(QStringLiteral("%1 = %2").arg(name, value));
    return lines.join(QStringLiteral(", "));
}
} // namespace

StandbyRecoveryStep::StandbyRecoveryStep(PlanBasis basis, const QByteArray &autoConfAfterCopy, bool autoConfKnown,
                                         const QByteArray &standbyConf, bool standbyConfKnown)
    : SetupStep(QStringLiteral("standby-recovery"), std::move(basis))
{
    const ClusterLayout &standby = this->basis().standby;
    auto addEdit = [this](FileEdit edit) {
        auto after = afterFor(edit, edit.before, edit.beforeKnown);
        edit.after = after ? *after : edit.before;
        if (!after)
            m_planningError = after.error();
        m_edits.append(edit);
    };
    auto dataDirFile = [&standby](const QString &name, FileEdit::Kind kind) {
        FileEdit edit;
        edit.host = HostRole::Standby;
        edit.path = standby.dataDir() + QLatin1Char('/') + name;
        edit.kind = kind;
        edit.mode = 0600;
        edit.owner = QStringLiteral("postgres");
        return edit;
    };
    if (rules().usesRecoveryConf()) {
        // A fresh copy has no recovery.conf: a primary has none, and pg_basebackup runs without -R.
        FileEdit recovery = dataDirFile(QStringLiteral("recovery.conf"), FileEdit::Kind::RecoveryConf);
        recovery.settings = recoverySettings();
        addEdit(recovery);
    } else {
        // The copy brings the primary's postgresql.auto.conf along.
        FileEdit autoConf = dataDirFile(QStringLiteral("postgresql.auto.conf"), FileEdit::Kind::PostgresqlConf);
        autoConf.beforeKnown = autoConfKnown;
        autoConf.before = autoConfAfterCopy;
        autoConf.settings = recoverySettings();
        addEdit(autoConf);
        // Absent after the copy (pg_basebackup without -R), empty once written.
        m_edits.append(dataDirFile(QStringLiteral("standby.signal"), FileEdit::Kind::Signal));
    }
    FileEdit conf;
    conf.host = HostRole::Standby;
    conf.path = standby.configFile();
    conf.kind = FileEdit::Kind::PostgresqlConf;
    conf.beforeKnown = standbyConfKnown;
    conf.before = standbyConf;
    conf.settings = PrimaryConfStep::replicationSettings(this->basis(), false);
    addEdit(conf);
}

bool StandbyRecoveryStep::isRecoveryEdit(const FileEdit &edit) const
{
    return edit.kind == FileEdit::Kind::RecoveryConf || edit.path == basis().standby.autoConfFile();
}

RecoverySettings StandbyRecoveryStep::recovery() const
{
    RecoverySettings settings(rules().version());
    settings.conninfo = primaryConnInfo(basis());
    if (rules().hasReplicationSlots())
        settings.slotName = choices().slotName;
    return settings;
}

Result<QByteArray> StandbyRecoveryStep::afterFor(const FileEdit &edit, const QByteArray &current, bool exists) const
{
    if (edit.userEdited || !isRecoveryEdit(edit))
        return SetupStep::afterFor(edit, current, exists);
    // One renderer of a standby's settings: the sandbox writes its standby with it too.
    const RecoverySettings settings = recovery();
    if (settings.usesRecoveryConf())
        return settings.recoveryConf();
    return settings.autoConf(exists ? current : QByteArray());
}

ConnInfo StandbyRecoveryStep::primaryConnInfo(const PlanBasis &basis)
{
    ConnInfo conninfo;
    conninfo.set(QStringLiteral("host"), basis.choices.primaryAddress);
    conninfo.set(QStringLiteral("port"), QString::number(basis.primary.port()));
    conninfo.set(QStringLiteral("user"), basis.choices.replicationUser);
    conninfo.set(QStringLiteral("application_name"), basis.choices.applicationName);
    // The password stays in the passfile; libpq before 10 has no passfile=
    // and reads the same file as ~postgres/.pgpass, so limitedTo() drops it.
    conninfo.set(QStringLiteral("passfile"), basis.standby.passfile());
    return conninfo.limitedTo(basis.rules.version());
}

QString StandbyRecoveryStep::primaryConninfo(const PlanBasis &basis)
{
    return primaryConnInfo(basis).toString();
}

QList<QPair<QString, QString>> StandbyRecoveryStep::recoverySettings() const
{
    return recovery().settings();
}

QList<QPair<QString, QString>> StandbyRecoveryStep::raisedToPrimary(const VersionRules &rules,
                                                                    const QByteArray &standbyConf,
                                                                    const QHash<QString, QString> &onPrimary)
{
    QList<QPair<QString, QString>> raised;
    const auto parsed = ConfFile::parse(standbyConf, QStringLiteral("postgresql.conf"));
    for (const QString &name : capacityNames(rules)) {
        const auto info = rules.setting(name);
        if (!info || !onPrimary.contains(name))
            continue;
        const QString own = (parsed ? parsed->value(name) : std::nullopt).value_or(info->defaultValue);
        const auto standbyValue = rules.integerInBaseUnit(name, own);
        const auto primaryValue = rules.integerInBaseUnit(name, onPrimary.value(name));
        if (primaryValue && (!standbyValue || *primaryValue > *standbyValue))
            raised.append({name, onPrimary.value(name)});
    }
    return raised;
}

QHash<QString, QString> StandbyRecoveryStep::primaryCapacity(const SetupPlan &plan) const
{
    QHash<QString, QString> values;
    const SetupStep *primaryConf = plan.step(QStringLiteral("primary-conf"));
    if (!primaryConf || primaryConf->edits().isEmpty())
        return values;
    // What the primary runs with once the primary-conf step is done: its after (with the user's
    // edit in it), then what its includes and postgresql.auto.conf set again, else the default.
    const FileEdit &conf = primaryConf->edits().first();
    QMap<QString, QByteArray> later = plan.files().primaryIncluded;
    later.insert(basis().primary.autoConfFile(), plan.files().primaryAutoConf);
    const auto tree = ConfTree::readFromFiles(conf.path, conf.after, later, basis().primary.dataDir());
    for (const QString &name : capacityNames(rules())) {
        const auto winner = tree ? tree->winner(name) : std::nullopt;
        const auto info = rules().setting(name);
        const QString value = winner ? winner->value : info ? info->defaultValue : QString();
        if (!value.isEmpty())
            values.insert(name, value);
    }
    return values;
}

Result<void> StandbyRecoveryStep::rebase(const SetupPlan &plan)
{
    if (auto rebased = SetupStep::rebase(plan); !rebased)
        return rebased;
    m_primaryCapacity = primaryCapacity(plan);
    FileEdit conf = m_edits.last();
    conf.settings = PrimaryConfStep::replicationSettings(basis(), false);
    for (const auto &raised : raisedToPrimary(rules(), conf.before, m_primaryCapacity)) {
        // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
        conf.settings.removeIf(
            [&raised](const QPair<QString, QString> &setting) { return setting.first == raised.first; });
        conf.settings.append(raised);
    }
    if (conf.userEdited) {
        if (auto enough = enoughCapacity(conf.after, m_primaryCapacity, false); !enough)
            return makeRefusal(enough.error().message);
    } else {
        auto after = proposalFor(conf);
        if (!after)
            return after.error();
        conf.after = *after;
    }
    m_edits.last() = conf;
    return {};
}

Result<void> StandbyRecoveryStep::enoughCapacity(const QByteArray &standbyConf,
                                                 const QHash<QString, QString> &onPrimary, bool running) const
{
    const auto lower = raisedToPrimary(rules(), standbyConf, onPrimary);
    if (lower.isEmpty())
        return {};
    // Never added at run time: what is written is what the plan showed. A plan made again shows them.
    return makeError((running ? tr("The primary now runs with %1, more than the plan gives the standby, and a hot "
                                   "standby refuses to run with less. Make the plan again: it then gives the standby "
                                   "these values.")
                              : tr("The primary runs with %1, more than the standby's postgresql.conf gives the "
                                   "standby, and a hot standby refuses to run with less. Give the standby at least "
                                   "these values."))
                         .arg(listed(lower)));
}

Result<void> StandbyRecoveryStep::validateAfter(const FileEdit &edit) const
{
    if (auto valid = SetupStep::validateAfter(edit); !valid)
        return valid;
    if (edit.kind == FileEdit::Kind::PostgresqlConf && edit.path == basis().standby.configFile()) {
        if (auto enough = enoughCapacity(edit.after, m_primaryCapacity, false); !enough)
            return makeError(tr("%1 on the standby: %2").arg(edit.path, enough.error().message));
        return {};
    }
    if (!isRecoveryEdit(edit))
        return {};
    // Read back as the standby will: a primary_conninfo its libpq refuses, a slot name it cannot have.
    auto read = rules().usesRecoveryConf() ? RecoverySettings::parseRecoveryConf(edit.after, rules().version())
                                           : RecoverySettings::parseConf(edit.after, rules().version(), true);
    if (!read)
        return makeError(tr("%1 on the standby: %2").arg(edit.path, read.error().message), read.error().detail);
    if (auto valid = read->validate(); !valid)
        return makeError(tr("%1 on the standby: %2").arg(edit.path, valid.error().message), valid.error().detail);
    return {};
}

Result<void> StandbyRecoveryStep::primaryStillFits(StepContext &context, const QByteArray &standbyConf) const
{
    const QStringList names = capacityNames(rules());
    auto rows = context.sql(
        HostRole::Primary, QStringLiteral("postgres"),
        QStringLiteral(
            "SELECT name || '=' || setting FROM pg_settings WHERE name = ANY (string_to_array(:'names', ','))"),
        {{QStringLiteral("names"), names.join(QLatin1Char(','))}});
    if (!rows)
        return rows.error();
    QHash<QString, QString> onPrimary;
    for (const QString &line : rows->split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        onPrimary.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
    return enoughCapacity(standbyConf, onPrimary, true);
}

QString StandbyRecoveryStep::title() const
{
    return rules().usesRecoveryConf() ? tr("Make the copy a standby: recovery.conf")
                                      : tr("Make the copy a standby: standby.signal and primary_conninfo");
}

QString StandbyRecoveryStep::why() const
{
    return tr("The standby connects to the primary as %1 with application_name %2 (the name synchronous_standby_names "
              "uses), "
              "through the slot, and answers read-only queries (hot_standby). Where the primary runs with a higher %3 "
              "than the standby's postgresql.conf has, the standby gets the primary's value, since a hot standby "
              "refuses to run with less.")
        .arg(choices().replicationUser, choices().applicationName, capacityNames(rules()).join(QStringLiteral(", ")));
}

QList<PlannedCommand> StandbyRecoveryStep::commands() const
{
    if (rules().usesRecoveryConf())
        return {{HostRole::Standby,
                 basis().standby.showSetting(QStringLiteral("hot_standby")),
                 RunAs::Postgres,
                 tr("Let PostgreSQL read the standby's configuration back."),
                 {}}};
    return {{HostRole::Standby,
             basis().standby.showSetting(QStringLiteral("primary_conninfo")),
             RunAs::Postgres,
             tr("Let PostgreSQL read the standby's configuration back (also primary_slot_name and hot_standby)."),
             {}}};
}

Result<bool> StandbyRecoveryStep::check(StepContext &context)
{
    for (const FileEdit &edit : std::as_const(m_edits)) {
        auto there = editInPlace(context, edit);
        if (!there || !*there)
            return there;
    }
    return true;
}

Result<void> StandbyRecoveryStep::apply(StepContext &context)
{
    QByteArray standbyConf;
    for (const FileEdit &edit : std::as_const(m_edits)) {
        auto written = writeEdit(context, edit);
        if (!written)
            return written.error();
        standbyConf = *written; // the standby's postgresql.conf comes last
    }
    if (auto fits = primaryStillFits(context, standbyConf); !fits)
        return fits; // the runner gives the files their previous content back
    QList<QPair<QString, QString>> judged{{QStringLiteral("hot_standby"), QStringLiteral("on")}};
    if (!rules().usesRecoveryConf())
        judged = wantedSettings(m_edits.first()) + judged;
    return PrimaryConfStep::confirmWithServer(context, HostRole::Standby, judged);
}
