#include "standby_clone_step.h"

#include "core/plan/passfile.h"
#include "core/plan/steps/replication_role_step.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

namespace {
QString tr(const char *text) { return QCoreApplication::translate("StandbyCloneStep", text); }
}

StandbyCloneStep::StandbyCloneStep(PlanBasis basis) : SetupStep(QStringLiteral("standby-clone"), std::move(basis))
{
    FileEdit passfile;
    passfile.host = HostRole::Standby;
    passfile.path = this->basis().standby.passfile();
    passfile.kind = FileEdit::Kind::Passfile;
    passfile.beforeKnown = false;
    passfile.as = RunAs::Postgres;
    passfile.mode = 0600;
    passfile.owner = QStringLiteral("postgres");
    m_edits.append(passfile);
}

QString StandbyCloneStep::title() const
{
    return tr("Copy the primary to the standby (pg_basebackup)");
}

QString StandbyCloneStep::why() const
{
    return tr("A standby starts from a copy of the primary's data directory. An existing data directory in %1 is renamed, never deleted.")
        .arg(basis().standby.dataDir());
}

QString StandbyCloneStep::setAsidePath(const QString &stamp) const
{
    return basis().standby.dataDir() + QStringLiteral(".set-aside-") + stamp;
}

CommandLine StandbyCloneStep::basebackup() const
{
    const ClusterLayout &standby = basis().standby;
    CommandLine command(QStringLiteral("env"), {QStringLiteral("PGPASSFILE=") + standby.passfile(), standby.clientProgram(QStringLiteral("pg_basebackup")),
                                                QStringLiteral("-h"), choices().primaryAddress,
                                                QStringLiteral("-p"), QString::number(basis().primary.port()),
                                                QStringLiteral("-U"), choices().replicationUser,
                                                QStringLiteral("-D"), standby.dataDir(),
                                                QStringLiteral("-X"), QStringLiteral("stream"),
                                                QStringLiteral("--checkpoint=fast"),
                                                QStringLiteral("-w"), QStringLiteral("-P"), QStringLiteral("-v")});
    if (rules().hasReplicationSlots() && rules().basebackupHasSlotOption())
        command.args({QStringLiteral("-S"), choices().slotName});
    return command;
}

QList<PlannedCommand> StandbyCloneStep::commands() const
{
    const ClusterLayout &standby = basis().standby;
    QList<PlannedCommand> list;
    if (standby.family() == HostFacts::OsFamily::Debian && !standby.existed()) {
        PlannedCommand create = standby.create(!rules().dataChecksumsByDefault());
        create.host = HostRole::Standby;
        create.purpose = tr("Create the standby's cluster for its configuration folder (%1); its data directory is replaced below.").arg(standby.confDir());
        list.append(create);
    }
    PlannedCommand stop = standby.stop();
    stop.host = HostRole::Standby;
    stop.purpose = tr("Stop the standby's server if it runs.");
    list.append(stop);
    list.append({HostRole::Standby, CommandLine(QStringLiteral("mv"), {standby.dataDir(), setAsidePath(QStringLiteral("<date>"))}), RunAs::Root,
                 tr("Set the existing data directory aside (when there is one)."), {}});
    list.append({HostRole::Standby,
                 CommandLine(QStringLiteral("install"), {QStringLiteral("-d"), QStringLiteral("-o"), QStringLiteral("postgres"), QStringLiteral("-g"),
                                                         QStringLiteral("postgres"), QStringLiteral("-m"), QStringLiteral("0700"), standby.dataDir()}),
                 RunAs::Root, tr("An empty data directory, readable by postgres only."), {}});
    list.append({HostRole::Standby,
                 CommandLine(standby.clientProgram(QStringLiteral("pg_isready")),
                             {QStringLiteral("-h"), choices().primaryAddress, QStringLiteral("-p"), QString::number(basis().primary.port())}),
                 RunAs::Postgres, tr("Check that the standby reaches the primary's port."), {}});
    list.append({HostRole::Standby, basebackup(), RunAs::Postgres,
                 tr("Copy the primary with an immediate checkpoint, streaming the WAL through the slot; the password comes from the passfile."), {}});
    return list;
}

Result<QString> StandbyCloneStep::systemIdentifier(StepContext &context, HostRole role, const QString &dataDir)
{
    auto control = context.run(role, CommandLine(context.cluster(role).serverProgram(QStringLiteral("pg_controldata")), {dataDir}), RunAs::Postgres);
    if (!control)
        return control.error();
    if (!control->succeeded())
        return QString();
    static const QRegularExpression pattern(QStringLiteral("Database system identifier:\\s*(\\d+)"));
    return pattern.match(QString::fromUtf8(control->stdOut)).captured(1);
}

Result<bool> StandbyCloneStep::check(StepContext &context)
{
    auto standbyId = systemIdentifier(context, HostRole::Standby, basis().standby.dataDir());
    if (!standbyId)
        return standbyId.error();
    if (standbyId->isEmpty())
        return false;
    auto primaryId = systemIdentifier(context, HostRole::Primary, basis().primary.dataDir());
    if (!primaryId)
        return primaryId.error();
    if (*primaryId != *standbyId)
        return false;
    // A copy counts as done once it was made a standby (step 10): a copy cut
    // short by a lost connection is set aside and made again.
    const QString marker = basis().standby.dataDir() + (rules().usesRecoveryConf() ? QStringLiteral("/recovery.conf") : QStringLiteral("/standby.signal"));
    auto test = context.run(HostRole::Standby, CommandLine(QStringLiteral("test"), {QStringLiteral("-f"), marker}), RunAs::Postgres);
    if (!test)
        return test.error();
    return test->exitCode == 0;
}

Result<void> StandbyCloneStep::prepare(StepContext &context)
{
    const ClusterLayout &standby = basis().standby;
    // Debian keeps the configuration apart from the data: a cluster made here gives the standby its own.
    if (standby.family() == HostFacts::OsFamily::Debian) {
        auto conf = context.run(HostRole::Standby, CommandLine(QStringLiteral("test"), {QStringLiteral("-f"), standby.configFile()}), RunAs::Root);
        if (!conf)
            return conf.error();
        if (conf->exitCode != 0) {
            const PlannedCommand create = standby.create(!rules().dataChecksumsByDefault());
            auto created = context.runOk(HostRole::Standby, create.command, create.as, tr("create the standby's cluster"));
            if (!created)
                return created.error();
        }
    }
    auto status = context.run(HostRole::Standby, CommandLine(standby.serverProgram(QStringLiteral("pg_ctl")), {QStringLiteral("status"), QStringLiteral("-D"), standby.dataDir()}),
                              RunAs::Postgres);
    if (!status)
        return status.error();
    if (status->exitCode == 0) {
        const PlannedCommand stop = standby.stop();
        auto stopped = context.runOk(HostRole::Standby, stop.command, stop.as, tr("stop the standby's server"));
        if (!stopped)
            return stopped.error();
    }
    auto existing = context.run(HostRole::Standby, CommandLine(QStringLiteral("test"), {QStringLiteral("-e"), standby.dataDir()}), RunAs::Root);
    if (!existing)
        return existing.error();
    if (existing->exitCode == 0) {
        const QString aside = setAsidePath(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        auto moved = context.runOk(HostRole::Standby, CommandLine(QStringLiteral("mv"), {QStringLiteral("-T"), standby.dataDir(), aside}), RunAs::Root,
                                   tr("set the standby's old data directory aside"));
        if (!moved)
            return moved.error();
        context.log(tr("The standby's previous data directory is kept as %1.").arg(aside));
    }
    auto made = context.runOk(HostRole::Standby,
                              CommandLine(QStringLiteral("install"), {QStringLiteral("-d"), QStringLiteral("-o"), QStringLiteral("postgres"), QStringLiteral("-g"),
                                                                      QStringLiteral("postgres"), QStringLiteral("-m"), QStringLiteral("0700"), standby.dataDir()}),
                              RunAs::Root, tr("create the standby's data directory"));
    if (!made)
        return made.error();

    auto password = ReplicationRoleStep::resolvePassword(context);
    if (!password)
        return password.error();
    FileEdit passfile = m_edits.first();
    bool exists = false;
    auto current = readCurrent(context, passfile, exists);
    if (!current)
        return current.error();
    passfile.after = Passfile::withEntry(*current, choices().primaryAddress, basis().primary.port(), QStringLiteral("replication"),
                                         choices().replicationUser, *password);
    if (auto written = writeEdit(context, passfile); !written)
        return written.error();

    // A copy cut short (a dropped connection) may still hold the slot for a moment.
    if (rules().hasReplicationSlots()) {
        auto free = context.waitUntil(
            [&]() -> Result<bool> {
                auto active = context.sql(HostRole::Primary, QStringLiteral("postgres"),
                                          QStringLiteral("SELECT active FROM pg_replication_slots WHERE slot_name = :'slot'"),
                                          {{QStringLiteral("slot"), choices().slotName}});
                if (!active)
                    return active.error();
                return *active != QLatin1String("t");
            },
            60000, tr("the slot %1 is still in use by another connection. End that connection (pg_stat_replication shows it) and run the setup again.").arg(choices().slotName));
        if (!free)
            return free;
    }
    auto ready = context.run(HostRole::Standby,
                             CommandLine(standby.clientProgram(QStringLiteral("pg_isready")),
                                         {QStringLiteral("-h"), choices().primaryAddress, QStringLiteral("-p"), QString::number(basis().primary.port()),
                                          QStringLiteral("-t"), QStringLiteral("10")}),
                             RunAs::Postgres);
    if (!ready)
        return ready.error();
    if (ready->exitCode != 0) {
        return makeError(tr("The standby cannot reach the primary at %1 port %2. Check the firewall between them and listen_addresses on the primary.")
                             .arg(choices().primaryAddress)
                             .arg(basis().primary.port()),
                         QString::fromUtf8(ready->stdOut + ready->stdErr));
    }
    return {};
}

Result<void> StandbyCloneStep::copy(StepContext &context)
{
    static const QRegularExpression percent(QStringLiteral("\\((\\d+)%\\)"));
    auto onLine = [&context](OutputChannel, const QByteArray &raw) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty())
            return;
        const auto match = percent.match(line);
        if (match.hasMatch())
            context.progress(match.captured(1).toInt(), line);
        else
            context.log(line);
    };
    auto copied = context.runOk(HostRole::Standby, basebackup(), RunAs::Postgres,
                                tr("copy the primary with pg_basebackup"), {}, StepContext::Unbounded, onLine);
    if (!copied)
        return copied.error();
    context.progress(100, tr("Copy complete."));
    return {};
}

Result<void> StandbyCloneStep::apply(StepContext &context)
{
    if (auto prepared = prepare(context); !prepared)
        return prepared;
    return copy(context);
}
