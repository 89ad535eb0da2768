#include "standby_recovery_step.h"

#include "core/conf/conf_file.h"
#include "core/conf/conninfo.h"
#include "core/plan/steps/primary_conf_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text) { return QCoreApplication::translate("StandbyRecoveryStep", text); }

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
}

StandbyRecoveryStep::StandbyRecoveryStep(PlanBasis basis, const QByteArray &predictedAutoConf, const QByteArray &standbyConf,
                                         bool standbyConfKnown)
    : SetupStep(QStringLiteral("standby-recovery"), std::move(basis))
{
    const ClusterLayout &standby = this->basis().standby;
    auto addEdit = [this](FileEdit edit) {
        auto after = afterFor(edit, edit.before, !edit.before.isEmpty());
        edit.after = after ? *after : edit.before;
        m_edits.append(edit);
    };
    if (rules().usesRecoveryConf()) {
        FileEdit recovery;
        recovery.host = HostRole::Standby;
        recovery.path = standby.dataDir() + QStringLiteral("/recovery.conf");
        recovery.kind = FileEdit::Kind::RecoveryConf;
        recovery.beforeKnown = false;
        recovery.settings = recoverySettings();
        recovery.mode = 0600;
        recovery.owner = QStringLiteral("postgres");
        addEdit(recovery);
    } else {
        FileEdit autoConf;
        autoConf.host = HostRole::Standby;
        autoConf.path = standby.autoConfFile();
        autoConf.kind = FileEdit::Kind::PostgresqlConf;
        autoConf.beforeKnown = false;
        autoConf.before = predictedAutoConf;
        autoConf.settings = recoverySettings();
        autoConf.mode = 0600;
        autoConf.owner = QStringLiteral("postgres");
        addEdit(autoConf);
        FileEdit signal;
        signal.host = HostRole::Standby;
        signal.path = standby.dataDir() + QStringLiteral("/standby.signal");
        signal.kind = FileEdit::Kind::Signal;
        signal.beforeKnown = false;
        signal.mode = 0600;
        signal.owner = QStringLiteral("postgres");
        m_edits.append(signal);
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

QString StandbyRecoveryStep::primaryConninfo(const PlanBasis &basis)
{
    ConnInfo conninfo;
    conninfo.set(QStringLiteral("host"), basis.choices.primaryAddress);
    conninfo.set(QStringLiteral("port"), QString::number(basis.primary.port()));
    conninfo.set(QStringLiteral("user"), basis.choices.replicationUser);
    conninfo.set(QStringLiteral("application_name"), basis.choices.applicationName);
    // The password stays in the passfile; libpq before 10 has no passfile=
    // and reads the same file as ~postgres/.pgpass, so limitedTo() drops it.
    conninfo.set(QStringLiteral("passfile"), basis.standby.passfile());
    return conninfo.limitedTo(basis.rules.version()).toString();
}

QList<QPair<QString, QString>> StandbyRecoveryStep::recoverySettings() const
{
    QList<QPair<QString, QString>> settings;
    if (rules().usesRecoveryConf())
        settings.append({QStringLiteral("standby_mode"), QStringLiteral("on")});
    settings.append({QStringLiteral("primary_conninfo"), primaryConninfo()});
    if (rules().hasReplicationSlots())
        settings.append({QStringLiteral("primary_slot_name"), choices().slotName});
    if (rules().usesRecoveryConf())
        settings.append({QStringLiteral("recovery_target_timeline"), QStringLiteral("latest")});
    return settings;
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

Result<FileEdit> StandbyRecoveryStep::confEdit(StepContext &context) const
{
    FileEdit edit = m_edits.last();
    if (edit.userEdited)
        return edit; // the user's own text, as shown
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
    bool exists = false;
    auto current = readCurrent(context, edit, exists);
    if (!current)
        return current.error();
    for (const auto &raised : raisedToPrimary(rules(), *current, onPrimary)) {
        // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
        edit.settings.removeIf([&raised](const QPair<QString, QString> &setting) { return setting.first == raised.first; });
        edit.settings.append(raised);
    }
    return edit;
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
        return {{HostRole::Standby, basis().standby.showSetting(QStringLiteral("hot_standby")), RunAs::Postgres,
                 tr("Let PostgreSQL read the standby's configuration back."), {}}};
    return {{HostRole::Standby, basis().standby.showSetting(QStringLiteral("primary_conninfo")), RunAs::Postgres,
             tr("Let PostgreSQL read the standby's configuration back (also primary_slot_name and hot_standby)."), {}}};
}

Result<QList<FileEdit>> StandbyRecoveryStep::editsNow(StepContext &context) const
{
    auto conf = confEdit(context);
    if (!conf)
        return conf.error();
    QList<FileEdit> edits = m_edits;
    edits.last() = *conf;
    return edits;
}

Result<bool> StandbyRecoveryStep::check(StepContext &context)
{
    auto edits = editsNow(context);
    if (!edits)
        return edits.error();
    for (const FileEdit &edit : std::as_const(*edits)) {
        auto there = editInPlace(context, edit);
        if (!there || !*there)
            return there;
    }
    return true;
}

Result<void> StandbyRecoveryStep::apply(StepContext &context)
{
    auto edits = editsNow(context);
    if (!edits)
        return edits.error();
    for (const FileEdit &edit : std::as_const(*edits)) {
        if (auto written = writeEdit(context, edit); !written)
            return written.error();
    }
    QList<QPair<QString, QString>> judged{{QStringLiteral("hot_standby"), QStringLiteral("on")}};
    if (!rules().usesRecoveryConf())
        judged = recoverySettings() + judged;
    return PrimaryConfStep::confirmWithServer(context, HostRole::Standby, judged);
}
