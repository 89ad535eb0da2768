#include "standby_clone_step.h"

#include "core/host/host.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StandbyCloneStep", text);
}

// True for "$1" when it is the setup's own: empty, or marked by it and never
// started since (a postmaster writes postmaster.opts at every start, and
// neither initdb nor pg_basebackup leaves one). One test for the plan's
// look and for the step, so that both judge a folder alike.
QString ownTest()
{
    return QStringLiteral("[ -z \"$(ls -A \"$1\" 2>/dev/null)\" ] || "
                          "{ [ -f \"$1/%1\" ] && [ ! -e \"$1/postmaster.opts\" ]; }")
        .arg(StandbyCloneStep::markerName());
}

QString kindName(DataDirFacts::Kind kind)
{
    switch (kind) {
    case DataDirFacts::Kind::Missing:
        return QStringLiteral("missing");
    case DataDirFacts::Kind::Own:
        return QStringLiteral("own");
    case DataDirFacts::Kind::Other:
        return QStringLiteral("other");
    case DataDirFacts::Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

DataDirFacts::Kind kindFromName(const QString &name)
{
    for (auto kind : {DataDirFacts::Kind::Missing, DataDirFacts::Kind::Own, DataDirFacts::Kind::Other}) {
        if (kindName(kind) == name)
            return kind;
    }
    return DataDirFacts::Kind::Unknown;
}

QString megabytes(qint64 kilobytes)
{
    return QString::number(std::max<qint64>(1, (kilobytes + 1023) / 1024));
}
} // namespace

QJsonObject DataDirFacts::toJson() const
{
    return QJsonObject{{QStringLiteral("kind"), kindName(kind)}, {QStringLiteral("kilobytes"), kilobytes}};
}

DataDirFacts DataDirFacts::fromJson(const QJsonObject &object)
{
    DataDirFacts facts;
    facts.kind = kindFromName(object.value(QStringLiteral("kind")).toString());
    facts.kilobytes = object.value(QStringLiteral("kilobytes")).toInteger(-1);
    return facts;
}

StandbyCloneStep::StandbyCloneStep(PlanBasis basis, const DataDirFacts &dataDir)
    : SetupStep(QStringLiteral("standby-clone"), std::move(basis)), m_dataDir(dataDir)
{
}

QString StandbyCloneStep::markerName()
{
    return QStringLiteral("replica-studio-made");
}

QString StandbyCloneStep::title() const
{
    return tr("Copy the primary to the standby (pg_basebackup)");
}

QString StandbyCloneStep::why() const
{
    return tr("A standby starts from a copy of the primary's data directory. The copy is made beside %1 and replaces "
              "it only once it is complete; an unfinished copy from an earlier attempt is removed first.")
        .arg(basis().standby.dataDir());
}

QString StandbyCloneStep::copyParent() const
{
    return basis().standby.dataDir() + QStringLiteral(".replica-studio-copy");
}

QString StandbyCloneStep::copyDir() const
{
    return copyParent() + QStringLiteral("/data");
}

CommandLine StandbyCloneStep::mark(const QString &dir)
{
    return CommandLine::shell(QStringLiteral("printf '%s\\n' \"$2\" > \"$1/%1\"").arg(markerName()),
                              {dir, tr("Made by the Replica Studio setup. A later setup removes this folder instead of "
                                       "setting it aside, as long as PostgreSQL has never been started on it.")});
}

CommandLine StandbyCloneStep::clearDataDir() const
{
    // The setup's own is removed; anything else is renamed with the date, and said where and how big.
    return CommandLine::shell(
        QStringLiteral(
            "[ -e \"$1\" ] || exit 0; if %1; then rm -rf -- \"$1\" && echo removed; "
            "else k=$(timeout 60 du -sk \"$1\" 2>/dev/null | cut -f1); a=\"$1.set-aside-$(date +%Y%m%d-%H%M%S)\"; "
            "mv -T -- \"$1\" \"$a\" && echo \"set-aside ${k:--1} $a\"; fi")
            .arg(ownTest()),
        {basis().standby.dataDir()});
}

CommandLine StandbyCloneStep::removeOwnCopy() const
{
    return CommandLine::shell(
        QStringLiteral("[ -e \"$1\" ] || exit 0; if %1; then rm -rf -- \"$1.removing\" && "
                       "mv -T -- \"$1\" \"$1.removing\" && rm -rf -- \"$1.removing\"; else exit 3; fi")
            .arg(ownTest()),
        {copyParent()});
}

QString StandbyCloneStep::clearPurpose() const
{
    const QString dataDir = basis().standby.dataDir();
    const bool creates =
        basis().standby.control() == ClusterLayout::Control::DebianCluster && !basis().standby.existed();
    if (creates || m_dataDir.kind == DataDirFacts::Kind::Own)
        return tr("Remove %1: it holds only what this setup made (a new cluster or its own copy), no data of yours.")
            .arg(dataDir);
    if (m_dataDir.kind == DataDirFacts::Kind::Missing)
        return tr("Nothing to replace: %1 does not exist now.").arg(dataDir);
    if (m_dataDir.kind == DataDirFacts::Kind::Other && m_dataDir.kilobytes >= 0) {
        return tr("Set %1 aside as %1.set-aside-<date>: it holds %2 MB that this setup did not make. It is renamed, "
                  "never deleted, and keeps taking %2 MB of disk on the standby until you remove it.")
            .arg(dataDir, megabytes(m_dataDir.kilobytes));
    }
    return tr("Set %1 aside as %1.set-aside-<date> (renamed, never deleted; it keeps taking its disk space until you "
              "remove it) when it holds data this setup did not make; what this setup made there is removed.")
        .arg(dataDir);
}

CommandLine StandbyCloneStep::basebackup() const
{
    const ClusterLayout &standby = basis().standby;
    CommandLine command(QStringLiteral("env"),
                        {QStringLiteral("PGPASSFILE=") + standby.passfile(),
                         standby.clientProgram(QStringLiteral("pg_basebackup")), QStringLiteral("-h"),
                         choices().primaryAddress, QStringLiteral("-p"), QString::number(basis().primary.port()),
                         QStringLiteral("-U"), choices().replicationUser, QStringLiteral("-D"), copyDir(),
                         QStringLiteral("-X"), QStringLiteral("stream"), QStringLiteral("--checkpoint=fast"),
                         QStringLiteral("-w"), QStringLiteral("-P"), QStringLiteral("-v")});
    if (rules().hasReplicationSlots() && rules().basebackupHasSlotOption())
        command.args({QStringLiteral("-S"), choices().slotName});
    return command;
}

QList<PlannedCommand> StandbyCloneStep::copyCommands() const
{
    return {{HostRole::Standby,
             basebackup(),
             RunAs::Postgres,
             tr("Copy the primary with an immediate checkpoint, streaming the WAL through the slot; the password comes "
                "from the passfile."),
             {}}};
}

bool StandbyCloneStep::needsConfigCluster(const PlanBasis &basis)
{
    return basis.standby.control() == ClusterLayout::Control::DebianCluster && !basis.standby.existed();
}

QList<PlannedCommand> StandbyCloneStep::configClusterCommands(const PlanBasis &basis)
{
    const ClusterLayout &standby = basis.standby;
    PlannedCommand create = standby.create(!basis.rules.dataChecksumsByDefault());
    create.host = HostRole::Standby;
    create.purpose =
        tr("Create the standby's cluster for its configuration folder (%1); its data directory is replaced below.")
            .arg(standby.confDir());
    PlannedCommand start = standby.startCreating();
    PlannedCommand finish = standby.finishCreating();
    start.host = finish.host = HostRole::Standby;
    return {start,
            create,
            {HostRole::Standby,
             mark(standby.dataDir()),
             RunAs::Postgres,
             tr("Mark the new data directory as made by this setup, so that it is removed, not kept, when the "
                "copy replaces it."),
             {}},
            finish};
}

Result<bool> StandbyCloneStep::hasConfigCluster(StepContext &context)
{
    const ClusterLayout &standby = context.cluster(HostRole::Standby);
    if (standby.control() != ClusterLayout::Control::DebianCluster)
        return true;
    auto conf = context.run(HostRole::Standby,
                            CommandLine::shell(QStringLiteral("test -f \"$1\" && test ! -e \"$2\""),
                                               {standby.configFile(), standby.creatingMarker()}),
                            RunAs::Root);
    if (!conf)
        return conf.error();
    return conf->exitCode == 0;
}

Result<void> StandbyCloneStep::makeConfigCluster(StepContext &context)
{
    auto there = hasConfigCluster(context);
    if (!there)
        return there.error();
    if (*there)
        return {};
    const ClusterLayout &standby = context.cluster(HostRole::Standby);
    // pg_createcluster cut short (a killed run) leaves a configuration folder
    // without pg_hba.conf, whose server cannot start: createCluster() removes it
    // and its data directory before they are made again.
    return context.createCluster(HostRole::Standby, !context.rules().dataChecksumsByDefault(), [&context, &standby] {
        // Its data directory is the setup's own: removed, not set aside, when the copy replaces it.
        auto marked = context.runOk(HostRole::Standby, mark(standby.dataDir()), RunAs::Postgres,
                                    tr("mark the new data directory as made by the setup"));
        return marked ? Result<void>() : Result<void>(marked.error());
    });
}

QList<PlannedCommand> StandbyCloneStep::commands() const
{
    const ClusterLayout &standby = basis().standby;
    const QString parent = copyParent();
    QList<PlannedCommand> list;
    PlannedCommand stop = standby.stop();
    stop.host = HostRole::Standby;
    stop.purpose = tr("Stop the standby's server if it runs.");
    list.append(stop);
    list.append({HostRole::Standby,
                 removeOwnCopy(),
                 RunAs::Root,
                 tr("Remove an unfinished copy left by an earlier attempt, when there is one (refused when the folder "
                    "was not made by the setup)."),
                 {}});
    list.append(
        {HostRole::Standby,
         CommandLine(QStringLiteral("install"),
                     {QStringLiteral("-d"), QStringLiteral("-o"), QStringLiteral("postgres"), QStringLiteral("-g"),
                      QStringLiteral("postgres"), QStringLiteral("-m"), QStringLiteral("0700"), parent}),
         RunAs::Root,
         tr("A folder for the copy, readable by postgres only."),
         {}});
    list.append({HostRole::Standby, mark(parent), RunAs::Postgres, tr("Mark it as made by this setup."), {}});
    list.append({HostRole::Standby,
                 CommandLine(standby.clientProgram(QStringLiteral("pg_isready")),
                             {QStringLiteral("-h"), choices().primaryAddress, QStringLiteral("-p"),
                              QString::number(basis().primary.port())}),
                 RunAs::Postgres,
                 tr("Check that the standby reaches the primary's port."),
                 {}});
    list.append(copyCommands());
    list.append({HostRole::Standby,
                 mark(copyDir()),
                 RunAs::Postgres,
                 tr("Mark the finished copy as made by this setup (until the standby first starts)."),
                 {}});
    list.append({HostRole::Standby, clearDataDir(), RunAs::Root, clearPurpose(), {}});
    list.append({HostRole::Standby,
                 CommandLine(QStringLiteral("mv"), {QStringLiteral("-T"), copyDir(), standby.dataDir()}),
                 RunAs::Root,
                 tr("Put the finished copy in place."),
                 {}});
    list.append({HostRole::Standby,
                 CommandLine(QStringLiteral("rm"), {QStringLiteral("-rf"), parent}),
                 RunAs::Root,
                 tr("Remove the copy's emptied folder."),
                 {}});
    return list;
}

Result<DataDirFacts> StandbyCloneStep::inspectDataDir(Host &standby, const QString &dataDir)
{
    RunOptions options;
    options.as = RunAs::Root;
    options.timeoutMs = 120000;
    auto found = standby.run(
        CommandLine::shell(QStringLiteral("[ -e \"$1\" ] || { echo missing; exit 0; }; "
                                          "k=$(timeout 20 du -sk \"$1\" 2>/dev/null | cut -f1); "
                                          "if %1; then echo \"own ${k:--1}\"; else echo \"other ${k:--1}\"; fi")
                               .arg(ownTest()),
                           {dataDir}),
        options);
    if (!found)
        return found.error();
    const QStringList words = QString::fromUtf8(found->stdOut).simplified().split(QLatin1Char(' '));
    DataDirFacts facts;
    facts.kind = kindFromName(words.value(0));
    facts.kilobytes = words.value(1).toLongLong();
    return facts;
}

Result<QString> StandbyCloneStep::systemIdentifier(StepContext &context, HostRole role, const QString &dataDir)
{
    // The first field of pg_control in every major: read without pg_controldata,
    // which a vendor tree or a build may not have.
    auto control = context.run(
        role,
        CommandLine(QStringLiteral("od"), {QStringLiteral("-An"), QStringLiteral("-tu8"), QStringLiteral("-N8"),
                                           dataDir + QStringLiteral("/global/pg_control")}),
        RunAs::Postgres);
    if (!control)
        return control.error();
    if (!control->succeeded())
        return QString();
    return QString::fromUtf8(control->stdOut).trimmed();
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
    // short by a lost connection is made again.
    const QString marker = basis().standby.dataDir() + (rules().usesRecoveryConf() ? QStringLiteral("/recovery.conf")
                                                                                   : QStringLiteral("/standby.signal"));
    auto test = context.run(HostRole::Standby, CommandLine(QStringLiteral("test"), {QStringLiteral("-f"), marker}),
                            RunAs::Postgres);
    if (!test)
        return test.error();
    return test->exitCode == 0;
}

Result<void> StandbyCloneStep::prepare(StepContext &context)
{
    const ClusterLayout &standby = basis().standby;
    // Made by the standby-cluster step before; again here when it went missing since.
    if (auto made = makeConfigCluster(context); !made)
        return made;
    auto status = context.run(HostRole::Standby,
                              CommandLine(standby.serverProgram(QStringLiteral("pg_ctl")),
                                          {QStringLiteral("status"), QStringLiteral("-D"), standby.dataDir()}),
                              RunAs::Postgres);
    if (!status)
        return status.error();
    if (status->exitCode == 0) {
        const PlannedCommand stop = standby.stop();
        auto stopped = context.runOk(HostRole::Standby, stop.command, stop.as, tr("stop the standby's server"));
        if (!stopped)
            return stopped.error();
    }
    // The copy's folder is the setup's own: what an earlier attempt left there
    // goes. Renamed first, so that a copy still running from a run cut short
    // fails at its next file and lets go of the slot.
    const QString parent = copyParent();
    auto cleared = context.run(HostRole::Standby, removeOwnCopy(), RunAs::Root);
    if (!cleared)
        return cleared.error();
    if (cleared->exitCode == 3) {
        return makeError(tr("%1 on the standby is in the way of the copy and was not made by the setup. Move it "
                            "elsewhere and run the setup again.")
                             .arg(parent));
    }
    if (!cleared->succeeded())
        return cleared->toError(tr("remove the unfinished copy of an earlier attempt"));
    // A copy cut short (a dropped connection) may still hold the slot for a moment.
    if (rules().hasReplicationSlots()) {
        auto free = context.waitUntil(
            [&]() -> Result<bool> {
                auto active =
                    context.sql(HostRole::Primary, QStringLiteral("postgres"),
                                QStringLiteral("SELECT active FROM pg_replication_slots WHERE slot_name = :'slot'"),
                                {{QStringLiteral("slot"), choices().slotName}});
                if (!active)
                    return active.error();
                return *active != QLatin1String("t");
            },
            60000,
            tr("the slot %1 is still in use by another connection. End that connection (pg_stat_replication shows it) "
               "and run the setup again.")
                .arg(choices().slotName));
        if (!free)
            return free;
    }
    auto made = context.runOk(
        HostRole::Standby,
        CommandLine(QStringLiteral("install"),
                    {QStringLiteral("-d"), QStringLiteral("-o"), QStringLiteral("postgres"), QStringLiteral("-g"),
                     QStringLiteral("postgres"), QStringLiteral("-m"), QStringLiteral("0700"), parent}),
        RunAs::Root, tr("create the folder for the copy"));
    if (!made)
        return made.error();
    if (auto marked =
            context.runOk(HostRole::Standby, mark(parent), RunAs::Postgres, tr("mark the folder for the copy"));
        !marked)
        return marked.error();

    auto ready =
        context.run(HostRole::Standby,
                    CommandLine(standby.clientProgram(QStringLiteral("pg_isready")),
                                {QStringLiteral("-h"), choices().primaryAddress, QStringLiteral("-p"),
                                 QString::number(basis().primary.port()), QStringLiteral("-t"), QStringLiteral("10")}),
                    RunAs::Postgres);
    if (!ready)
        return ready.error();
    if (ready->exitCode != 0) {
        return makeError(tr("The standby cannot reach the primary at %1 port %2. Check the firewall between them and "
                            "listen_addresses on the primary.")
                             .arg(choices().primaryAddress)
                             .arg(basis().primary.port()),
                         QString::fromUtf8(ready->stdOut + ready->stdErr));
    }
    return {};
}

Result<void> StandbyCloneStep::finish(StepContext &context)
{
    const QString dataDir = basis().standby.dataDir();
    if (auto marked = context.runOk(HostRole::Standby, mark(copyDir()), RunAs::Postgres, tr("mark the finished copy"));
        !marked)
        return marked.error();
    auto cleared =
        context.runOk(HostRole::Standby, clearDataDir(), RunAs::Root, tr("make room for the copy in %1").arg(dataDir));
    if (!cleared)
        return cleared.error();
    const QStringList outcome = QString::fromUtf8(cleared->stdOut).simplified().split(QLatin1Char(' '));
    if (outcome.value(0) == QLatin1String("removed")) {
        context.log(tr("Removed %1: it held only what the setup had made.").arg(dataDir));
    } else if (outcome.value(0) == QLatin1String("set-aside")) {
        const QString aside = outcome.mid(2).join(QLatin1Char(' '));
        const qint64 kilobytes = outcome.value(1).toLongLong();
        if (kilobytes >= 0) {
            context.log(tr("The standby's previous data directory is kept as %1 (%2 MB, on the standby's disk until "
                           "you remove it).")
                            .arg(aside, megabytes(kilobytes)));
        } else {
            context.log(tr("The standby's previous data directory is kept as %1 (on the standby's disk until you "
                           "remove it).")
                            .arg(aside));
        }
    }
    auto moved =
        context.runOk(HostRole::Standby, CommandLine(QStringLiteral("mv"), {QStringLiteral("-T"), copyDir(), dataDir}),
                      RunAs::Root, tr("put the copy in place"));
    if (!moved)
        return moved.error();
    auto removed =
        context.runOk(HostRole::Standby, CommandLine(QStringLiteral("rm"), {QStringLiteral("-rf"), copyParent()}),
                      RunAs::Root, tr("remove the copy's emptied folder"));
    if (!removed)
        return removed.error();
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
    if (auto copied = copy(context); !copied)
        return copied;
    return finish(context);
}
