#include "setup_plan.h"

#include "core/conf/conf_tree.h"

#include "core/conf/conf_file.h"
#include "core/conf/recovery_settings.h"
#include "core/diff/text_diff.h"
#include "core/host/host.h"
#include "core/plan/discovery.h"
#include "core/plan/side_by_side.h"
#include "core/plan/steps/backup_clone_step.h"
#include "core/plan/steps/demo_data_step.h"
#include "core/plan/steps/install_step.h"
#include "core/plan/steps/monitoring_role_step.h"
#include "core/plan/steps/primary_cluster_step.h"
#include "core/plan/steps/primary_conf_step.h"
#include "core/plan/steps/primary_hba_step.h"
#include "core/plan/steps/primary_restart_step.h"
#include "core/plan/steps/replication_role_step.h"
#include "core/plan/steps/service_unit_step.h"
#include "core/plan/steps/slot_step.h"
#include "core/plan/steps/standby_clone_step.h"
#include "core/plan/steps/standby_cluster_step.h"
#include "core/plan/steps/standby_recovery_step.h"
#include "core/plan/steps/standby_start_step.h"
#include "core/plan/steps/sync_step.h"
#include "core/plan/steps/verify_step.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <tuple>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SetupPlan", text);
}

const QString formatName = QStringLiteral("replica-studio-setup-plan");
// 2: every file edit with its host, path, before and after (1: only the user's edits, without before).
constexpr int formatVersion = 2;

QString describeMajors(const HostFacts &facts)
{
    QStringList majors;
    for (const PgInstallation &found : facts.installations)
        majors.append(found.version.majorString());
    return majors.isEmpty() ? QCoreApplication::translate("SetupPlan", "none") : majors.join(QStringLiteral(", "));
}

// The newest major with a cluster, else the newest installed.
PgVersion defaultVersion(const HostFacts &facts)
{
    PgVersion best;
    for (const ClusterInfo &cluster : facts.clusters) {
        if (!best.isValid() || cluster.version > best)
            best = cluster.version;
    }
    return best.isValid() ? best : facts.newestInstalled();
}

// Mismatched majors are refused before anything changes. A host that already
// has a cluster of another major is never "fixed" by installing the chosen
// one beside it; a host without the chosen major gets it installed only when
// the user agreed to installing packages.
Result<void> refuseMismatch(const PlanChoices &choices, const HostFacts &primary, const HostFacts &standby)
{
    const PgVersion &version = choices.version;
    for (const auto &[facts, role] : {std::pair{&primary, HostRole::Primary}, std::pair{&standby, HostRole::Standby}}) {
        if (facts->installation(version))
            continue;
        if (!facts->clusters.isEmpty()) {
            const ClusterInfo &cluster = facts->clusters.first();
            return makeRefusal(
                QCoreApplication::translate("SetupPlan", "The %1 has a PostgreSQL %2 cluster (%3), not %4: primary and "
                                                         "standby must run the same major version. "
                                                         "Choose PostgreSQL %2 for both, or upgrade the %1 first.")
                    .arg(hostRoleName(role), cluster.version.majorString(), cluster.dataDir, version.majorString()));
        }
        if (!facts->installations.isEmpty() && !choices.installPackages) {
            return makeRefusal(
                QCoreApplication::translate(
                    "SetupPlan",
                    "The %1 has PostgreSQL %2, not %3: primary and standby must run the same major version. "
                    "Install PostgreSQL %3 on the %1 (or let the setup install it: replicactl setup --install), or "
                    "choose another version.")
                    .arg(hostRoleName(role), describeMajors(*facts), version.majorString()));
        }
        if (facts->installations.isEmpty() && !choices.installPackages) {
            return makeRefusal(
                QCoreApplication::translate(
                    "SetupPlan",
                    "The %1 has no PostgreSQL installed. Install PostgreSQL %2 there, or let the setup install it "
                    "(replicactl setup --install; the plan shows the package commands).")
                    .arg(hostRoleName(role), version.majorString()));
        }
    }
    // A cluster of another major already running on the port would make the new one fail to start.
    for (const auto &[facts, role, port] : {std::tuple{&primary, HostRole::Primary, choices.primaryPort},
                                            std::tuple{&standby, HostRole::Standby, choices.standbyPort}}) {
        for (const ClusterInfo &cluster : facts->clusters) {
            if (cluster.version != version && cluster.running && cluster.port == port)
                return makeRefusal(QCoreApplication::translate(
                                       "SetupPlan", "The %1 runs a PostgreSQL %2 cluster on port %3, and the plan is "
                                                    "for %4. Stop it, choose another port, or choose PostgreSQL %2.")
                                       .arg(hostRoleName(role), cluster.version.majorString())
                                       .arg(cluster.port)
                                       .arg(version.majorString()));
        }
    }
    return {};
}

// A program directory the user named must hold the chosen major: else the plan
// would quietly use another installation.
Result<void> refuseMissingPrograms(const PlanChoices &choices, const HostFacts &primary, const HostFacts &standby)
{
    for (const auto &[facts, role, dir] : {std::tuple{&primary, HostRole::Primary, choices.primaryPgBin},
                                           std::tuple{&standby, HostRole::Standby, choices.standbyPgBin}}) {
        if (dir.isEmpty())
            continue;
        const std::optional<PgInstallation> used = facts->installation(choices.version);
        if (used && used->origin == PgInstallation::Origin::Named)
            continue;
        QString there;
        for (const PgInstallation &found : facts->installations) {
            if (found.origin == PgInstallation::Origin::Named)
                there = found.version.majorString();
        }
        return makeRefusal(there.isEmpty()
                               ? QCoreApplication::translate(
                                     "SetupPlan", "There is no postgres program in %1 on the %2. Name the directory "
                                                  "that holds postgres, initdb and pg_ctl of PostgreSQL %3.")
                                     .arg(dir, hostRoleName(role), choices.version.majorString())
                               : QCoreApplication::translate(
                                     "SetupPlan", "%1 on the %2 holds PostgreSQL %3, and the plan is for %4. Name the "
                                                  "directory of PostgreSQL %4, or choose PostgreSQL %3.")
                                     .arg(dir, hostRoleName(role), there, choices.version.majorString()));
    }
    return {};
}

// A file's content as postgres reads it; nullopt when there is no such file.
Result<std::optional<QByteArray>> readIfExists(Host &host, const QString &path)
{
    RunOptions asPostgres;
    asPostgres.as = RunAs::Postgres;
    auto exists = host.run(CommandLine(QStringLiteral("test"), {QStringLiteral("-f"), path}), asPostgres);
    if (!exists)
        return exists.error();
    if (exists->exitCode != 0)
        return std::optional<QByteArray>();
    auto content = host.readFile(path, RunAs::Postgres);
    if (!content)
        return content.error();
    return std::optional<QByteArray>(*content);
}

// What a postgresql.conf includes, read over the host the way PostgreSQL follows it
// (postgresql.auto.conf, read already, is not read again). A file that cannot be followed is
// left out: the primary-conf step's own check with the server reports it.
QMap<QString, QByteArray> includedFiles(Host &host, const QString &confFile, const QByteArray &conf,
                                        const QString &autoConfFile, const QByteArray &autoConf, const QString &dataDir)
{
    QMap<QString, QByteArray> files;
    RunOptions asPostgres;
    asPostgres.as = RunAs::Postgres;
    const ConfTree::FileReader reader = [&](const QString &path) -> Result<std::optional<QByteArray>> {
        if (path == autoConfFile)
            return std::optional<QByteArray>(autoConf);
        auto content = readIfExists(host, path);
        if (content && *content)
            files.insert(path, **content);
        return content;
    };
    const ConfTree::FolderLister lister = [&](const QString &folder) -> Result<QStringList> {
        auto listed = host.run(CommandLine(QStringLiteral("find"),
                                           {folder, QStringLiteral("-mindepth"), QStringLiteral("1"),
                                            QStringLiteral("-maxdepth"), QStringLiteral("1"), QStringLiteral("-type"),
                                            QStringLiteral("f"), QStringLiteral("-printf"), QStringLiteral("%f\\n")}),
                               asPostgres);
        if (!listed)
            return listed.error();
        if (!listed->succeeded())
            return listed->toError(QCoreApplication::translate("SetupPlan", "list %1").arg(folder));
        return QString::fromUtf8(listed->stdOut).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    };
    (void)ConfTree::read(confFile, conf, reader, lister, dataDir);
    return files;
}

} // namespace

Result<SetupPlan> SetupPlan::build(PlanChoices choices, const HostFacts &primary, const HostFacts &standby,
                                   const PlanFiles &files)
{
    if (!choices.version.isValid()) {
        choices.version = defaultVersion(primary);
        if (!choices.version.isValid())
            choices.version = defaultVersion(standby);
        if (!choices.version.isValid())
            return makeRefusal(tr("Neither host has PostgreSQL installed. Choose the major version to install (for "
                                  "example --pg-version 15)."));
    }
    choices.fillDefaults();
    if (choices.standbyAddress.isEmpty() && !standby.addresses.isEmpty())
        choices.standbyAddress = standby.addresses.first();
    if (auto valid = choices.validate(); !valid)
        return makeRefusal(valid.error().message, valid.error().detail);
    if (choices.standbyAddress.isEmpty())
        return makeRefusal(tr("Could not find the standby's IP address for pg_hba.conf. Give it explicitly (the "
                              "standby's address as the primary sees it)."));

    const PgVersion &version = choices.version;
    if (auto refused = refuseMismatch(choices, primary, standby); !refused)
        return refused.error();
    if (auto refused = refuseMissingPrograms(choices, primary, standby); !refused)
        return refused.error();

    SetupPlan plan;
    plan.m_files = files;
    PlanBasis &basis = plan.m_basis;
    basis.choices = choices;
    basis.primaryFacts = primary;
    basis.standbyFacts = standby;
    basis.rules = VersionRules(version);
    basis.primary = ClusterLayout(primary, version, choices.clusterName, choices.primaryPort, choices.primaryDataDir);
    basis.standby = ClusterLayout(standby, version, choices.clusterName, choices.standbyPort, choices.standbyDataDir);

    if (choices.asInWalkthrough) {
        plan.m_warnings.append(tr("As in the walkthrough: the standby connects as the postgres superuser with md5 and "
                                  "application_name \"%1\". "
                                  "This is weaker than the default (a replicator role that may only replicate, "
                                  "scram-sha-256); use it for teaching only.")
                                   .arg(choices.applicationName));
    }
    if (std::abs(primary.clockOffsetMs - standby.clockOffsetMs) > 2000) {
        plan.m_warnings.append(
            tr("The clocks of the two hosts differ by %1 s: lag times shown later will be off. Synchronise them (NTP).")
                .arg(std::abs(primary.clockOffsetMs - standby.clockOffsetMs) / 1000.0, 0, 'f', 1));
    }
    for (const QString &problem : primary.problems + standby.problems)
        plan.m_warnings.append(problem);
    const qint64 minimumFree = 1024LL * 1024 * 1024;
    if (standby.freeBytes >= 0 && standby.freeBytes < minimumFree)
        plan.m_warnings.append(tr("The standby has less than 1 GB free for the copy of the primary."));

    auto add = [&plan](SetupStep *step) { plan.m_steps.emplace_back(step); };
    if (!primary.installation(version))
        add(new InstallStep(basis, HostRole::Primary));
    if (!standby.installation(version))
        add(new InstallStep(basis, HostRole::Standby));
    if (ServiceUnitStep::wanted(basis, HostRole::Primary) || ServiceUnitStep::wanted(basis, HostRole::Standby))
        add(new ServiceUnitStep(basis, files.serviceUnits));
    if (StandbyCloneStep::needsConfigCluster(basis))
        add(new StandbyClusterStep(basis));
    add(new PrimaryClusterStep(basis));
    // A cluster the plan creates gets its files written before its first start, so that it never
    // needs a restart; the role is made once it runs.
    auto addRoles = [&add, &basis] {
        add(new ReplicationRoleStep(basis));
        if (MonitoringRoleStep::wanted(basis))
            add(new MonitoringRoleStep(basis));
    };
    if (basis.primary.existed())
        addRoles();
    QMap<QString, QByteArray> laterFiles = files.primaryIncluded;
    laterFiles.insert(basis.primary.autoConfFile(), files.primaryAutoConf);
    add(new PrimaryConfStep(basis, files.primaryConf, files.primaryConfKnown, laterFiles));
    add(new PrimaryHbaStep(basis, files.primaryHba, files.primaryHbaKnown));
    add(new PrimaryRestartStep(basis));
    if (!basis.primary.existed())
        addRoles();
    if (basis.rules.hasReplicationSlots())
        add(new SlotStep(basis));
    if (choices.demoData)
        add(new DemoDataStep(basis));
    // pg_basebackup refuses a server newer than itself: without one of the
    // primary's major or newer on the standby, the low-level backup API copies.
    bool basebackupNewEnough = false;
    for (const PgInstallation &found : standby.installations)
        basebackupNewEnough = basebackupNewEnough || (found.clientTools && found.version >= version);
    if (basebackupNewEnough || standby.installations.isEmpty())
        add(new StandbyCloneStep(basis, files.standbyDataDir));
    else
        add(new BackupCloneStep(basis, files.standbyDataDir));
    // The copy brings the primary's postgresql.auto.conf: as read, or initdb's for a primary the plan creates.
    const bool autoConfKnown = !basis.primary.existed() || files.primaryConfKnown;
    const QByteArray autoConf = basis.primary.existed() ? files.primaryAutoConf : RecoverySettings::freshAutoConf();
    add(new StandbyRecoveryStep(basis, autoConf, autoConfKnown, files.standbyConf, files.standbyConfKnown));
    add(new StandbyStartStep(basis));
    // Asynchronous: a primary that was there may name the standby from an earlier setup; taken out then.
    if (choices.synchronous || basis.primary.existed())
        add(new SyncStep(basis, files.primaryConf, files.primaryConfKnown, laterFiles));
    add(new VerifyStep(basis));
    plan.linkEdits();
    if (auto rebased = plan.rebaseAfter(-1); !rebased)
        return makeRefusal(rebased.error().message, rebased.error().detail);
    for (const auto &step : plan.m_steps) {
        if (const std::optional<Error> &problem = step->planningError())
            return makeRefusal(step->title() + QStringLiteral(": ") + problem->message, problem->detail);
    }
    return plan;
}

Result<SetupPlan> SetupPlan::prepare(PlanChoices choices, Host &primaryHost, Host &standbyHost,
                                     const std::atomic_bool *cancel,
                                     const std::function<void(const QString &)> &progress)
{
    auto say = [&progress](const QString &text) {
        if (progress)
            progress(text);
    };
    if (choices.primaryAddress.isEmpty())
        choices.primaryAddress = choices.primary.host;
    say(tr("Looking at %1: the system, PostgreSQL, its clusters and free disk.").arg(primaryHost.displayName()));
    say(tr("Looking at %1: the system, PostgreSQL, its clusters and free disk.").arg(standbyHost.displayName()));
    auto found = Discovery::discoverPair(primaryHost, standbyHost, choices, choices.primaryAddress,
                                         choices.standbyAddress.isEmpty(), cancel);
    if (!found)
        return found.error();
    if (!found->standbyAddress.isEmpty())
        choices.standbyAddress = found->standbyAddress;
    const HostFacts &primary = found->primary;
    const HostFacts &standby = found->standby;
    // A first build tells where the files are; read them and build again with them.
    auto first = build(choices, primary, standby);
    if (!first)
        return first;
    say(tr("Reading the configuration files of %1 and %2.").arg(primaryHost.displayName(), standbyHost.displayName()));
    auto read = first->readFiles(primaryHost, standbyHost);
    if (!read)
        return read.error();
    PlanFiles files = *read;
    const ClusterLayout &p = first->cluster(HostRole::Primary);
    const ClusterLayout &s = first->cluster(HostRole::Standby);
    say(tr("Looking at the standby's data directory %1.").arg(s.dataDir()));
    if (auto found = StandbyCloneStep::inspectDataDir(standbyHost, s.dataDir()))
        files.standbyDataDir = *found;
    say(tr("Checking that the standby reaches the primary at %1:%2.")
            .arg(first->choices().primaryAddress)
            .arg(p.port()));
    auto reachable =
        Discovery::standbyReachesPrimary(primaryHost, standbyHost, first->choices().primaryAddress, p.port());
    if (!reachable)
        return reachable.error();
    auto plan = build(first->choices(), primary, standby, files);
    if (plan && !reachable->isEmpty())
        plan->m_warnings.append(*reachable);
    return plan;
}

Result<PlanFiles> SetupPlan::readFiles(Host &primaryHost, Host &standbyHost) const
{
    PlanFiles files;
    const ClusterLayout &p = cluster(HostRole::Primary);
    const ClusterLayout &s = cluster(HostRole::Standby);
    auto read = [](Host &host, const QString &path, QByteArray &into, bool &known) -> Result<void> {
        auto content = readIfExists(host, path);
        if (!content)
            return content.error();
        known = content->has_value();
        into = content->value_or(QByteArray());
        return {};
    };
    // The primary's files whenever they are there, even of a cluster discovery
    // did not find: the user sees the real diff. The standby's data directory
    // is replaced by the copy, so only a known cluster's files count there.
    // Each host's files are read at the same time as the other's.
    Result<void> primaryRead, standbyRead;
    sideBySide(
        [&] {
            bool ignored = false;
            for (auto [path, into, known] : {std::tuple{p.configFile(), &files.primaryConf, &files.primaryConfKnown},
                                             std::tuple{p.hbaFile(), &files.primaryHba, &files.primaryHbaKnown},
                                             std::tuple{p.autoConfFile(), &files.primaryAutoConf, &ignored}}) {
                if (primaryRead = read(primaryHost, path, *into, *known); !primaryRead)
                    return;
            }
            if (files.primaryConfKnown)
                files.primaryIncluded = includedFiles(primaryHost, p.configFile(), files.primaryConf, p.autoConfFile(),
                                                      files.primaryAutoConf, p.dataDir());
        },
        [&] {
            if (s.existed())
                standbyRead = read(standbyHost, s.configFile(), files.standbyConf, files.standbyConfKnown);
        });
    if (!primaryRead)
        return primaryRead.error();
    if (!standbyRead)
        return standbyRead.error();
    for (const auto &[role, host] :
         {std::pair<HostRole, Host *>{HostRole::Primary, &primaryHost}, {HostRole::Standby, &standbyHost}}) {
        const QString unit = cluster(role).serviceUnitFile();
        if (unit.isEmpty())
            continue;
        bool found = false;
        if (auto done = read(*host, unit, files.serviceUnits[role], found); !done)
            return done.error();
    }
    return files;
}

Result<void> SetupPlan::checkFilesUnchanged(Host &primaryHost, Host &standbyHost) const
{
    auto now = readFiles(primaryHost, standbyHost);
    if (!now)
        return now.error();
    const ClusterLayout &p = cluster(HostRole::Primary);
    struct Compared
    {
        HostRole host;
        QString path;
        bool same;
    };
    QList<Compared> files{
        {HostRole::Primary, p.configFile(),
         now->primaryConfKnown == m_files.primaryConfKnown && now->primaryConf == m_files.primaryConf},
        {HostRole::Primary, p.hbaFile(),
         now->primaryHbaKnown == m_files.primaryHbaKnown && now->primaryHba == m_files.primaryHba},
        {HostRole::Primary, p.autoConfFile(), now->primaryAutoConf == m_files.primaryAutoConf},
        {HostRole::Standby, cluster(HostRole::Standby).configFile(),
         now->standbyConfKnown == m_files.standbyConfKnown && now->standbyConf == m_files.standbyConf}};
    QStringList included = m_files.primaryIncluded.keys() + now->primaryIncluded.keys();
    included.removeDuplicates();
    for (const QString &path : std::as_const(included))
        files.append({HostRole::Primary, path,
                      m_files.primaryIncluded.value(path) == now->primaryIncluded.value(path) &&
                          m_files.primaryIncluded.contains(path) == now->primaryIncluded.contains(path)});
    for (const Compared &file : std::as_const(files)) {
        if (!file.same) {
            return makeRefusal(tr("%1 on the %2 is not what it was when the plan was made, so the plan's diffs no "
                                  "longer show what would change, and nothing was changed. Make the plan again.")
                                   .arg(file.path, hostRoleName(file.host)));
        }
    }
    return {};
}

SetupStep *SetupPlan::step(const QString &id) const
{
    for (const auto &step : m_steps) {
        if (step->id() == id)
            return step.get();
    }
    return nullptr;
}

QList<StepDescription> SetupPlan::describe() const
{
    QList<StepDescription> list;
    for (const auto &step : m_steps)
        list.append(step->describe());
    return list;
}

int SetupPlan::indexOf(const QString &stepId) const
{
    for (size_t i = 0; i < m_steps.size(); ++i) {
        if (m_steps[i]->id() == stepId)
            return int(i);
    }
    return -1;
}

void SetupPlan::linkEdits()
{
    for (size_t s = 0; s < m_steps.size(); ++s) {
        for (FileEdit &edit : m_steps[s]->m_edits) {
            if (edit.isSecret())
                continue;
            for (size_t p = s; p-- > 0 && edit.previousStep.isEmpty();) {
                const QList<FileEdit> &earlier = m_steps[p]->edits();
                for (int e = 0; e < earlier.size(); ++e) {
                    if (earlier.at(e).sameFile(edit)) {
                        edit.previousStep = m_steps[p]->id();
                        edit.previousIndex = e;
                    }
                }
            }
        }
    }
}

Result<void> SetupPlan::rebaseAfter(int index)
{
    for (size_t i = size_t(index + 1); i < m_steps.size(); ++i) {
        if (auto rebased = m_steps[i]->rebase(*this); !rebased)
            return rebased;
    }
    return {};
}

Result<void> SetupPlan::changeEdit(const QString &stepId, const std::function<Result<void>(SetupStep &)> &change)
{
    const int index = indexOf(stepId);
    if (index < 0)
        return makeError(tr("The plan has no step \"%1\".").arg(stepId));
    std::vector<QList<FileEdit>> saved;
    for (const auto &each : m_steps)
        saved.push_back(each->m_edits);
    auto changed = change(*m_steps[size_t(index)]);
    if (changed)
        changed = rebaseAfter(index);
    if (!changed) {
        for (size_t i = 0; i < m_steps.size(); ++i)
            m_steps[i]->m_edits = saved[i];
    }
    return changed;
}

Result<void> SetupPlan::editFile(const QString &stepId, int editIndex, const QByteArray &after)
{
    return changeEdit(stepId, [&](SetupStep &step) { return step.setEditedAfter(editIndex, after); });
}

Result<void> SetupPlan::resetFile(const QString &stepId, int editIndex)
{
    return changeEdit(stepId, [&](SetupStep &step) { return step.resetEdit(editIndex); });
}

namespace {
QJsonObject includedToJson(const QMap<QString, QByteArray> &files)
{
    QJsonObject object;
    for (auto it = files.begin(); it != files.end(); ++it)
        object.insert(it.key(), QString::fromUtf8(it.value()));
    return object;
}
} // namespace

QJsonObject SetupPlan::toJson() const
{
    // Every file edit as reviewed: where, the text before (null: not known when planning) and after.
    QJsonArray edits;
    for (const auto &step : m_steps) {
        for (int i = 0; i < step->edits().size(); ++i) {
            const FileEdit &edit = step->edits().at(i);
            if (edit.isSecret())
                continue;
            QJsonObject object{{QStringLiteral("step"), step->id()},
                               {QStringLiteral("index"), i},
                               {QStringLiteral("host"), hostRoleName(edit.host)},
                               {QStringLiteral("path"), edit.path},
                               {QStringLiteral("kind"), FileEdit::kindName(edit.kind)},
                               {QStringLiteral("before"),
                                edit.beforeKnown ? QJsonValue(QString::fromUtf8(edit.before)) : QJsonValue()},
                               {QStringLiteral("after"), QString::fromUtf8(edit.after)}};
            if (!edit.previousStep.isEmpty()) {
                object.insert(QStringLiteral("follows"), QJsonObject{{QStringLiteral("step"), edit.previousStep},
                                                                     {QStringLiteral("index"), edit.previousIndex}});
            }
            edits.append(object);
        }
    }
    QJsonObject files{{QStringLiteral("primaryConf"),
                       m_files.primaryConfKnown ? QJsonValue(QString::fromUtf8(m_files.primaryConf)) : QJsonValue()},
                      {QStringLiteral("primaryHba"),
                       m_files.primaryHbaKnown ? QJsonValue(QString::fromUtf8(m_files.primaryHba)) : QJsonValue()},
                      {QStringLiteral("primaryAutoConf"), QString::fromUtf8(m_files.primaryAutoConf)},
                      {QStringLiteral("primaryIncluded"), includedToJson(m_files.primaryIncluded)},
                      {QStringLiteral("standbyConf"),
                       m_files.standbyConfKnown ? QJsonValue(QString::fromUtf8(m_files.standbyConf)) : QJsonValue()},
                      {QStringLiteral("standbyDataDir"), m_files.standbyDataDir.toJson()}};
    QJsonArray steps;
    for (const auto &step : m_steps)
        steps.append(step->id());
    return QJsonObject{{QStringLiteral("format"), formatName},
                       {QStringLiteral("formatVersion"), formatVersion},
                       {QStringLiteral("choices"), m_basis.choices.toJson()},
                       {QStringLiteral("primaryFacts"), m_basis.primaryFacts.toJson()},
                       {QStringLiteral("standbyFacts"), m_basis.standbyFacts.toJson()},
                       {QStringLiteral("files"), files},
                       {QStringLiteral("steps"), steps},
                       {QStringLiteral("edits"), edits}};
}

Result<SetupPlan> SetupPlan::fromJson(const QJsonObject &object)
{
    if (object.value(QStringLiteral("format")).toString() != formatName)
        return makeError(tr("This file is not a Replica Studio setup plan."));
    if (object.value(QStringLiteral("formatVersion")).toInt() > formatVersion)
        return makeError(tr("This plan was saved by a newer Replica Studio. Update the program to apply it."));
    auto choices = PlanChoices::fromJson(object.value(QStringLiteral("choices")).toObject());
    if (!choices)
        return makeError(
            tr("The saved plan has an invalid choice, so nothing was changed: %1").arg(choices.error().message),
            choices.error().detail);
    const QJsonObject filesObject = object.value(QStringLiteral("files")).toObject();
    PlanFiles files;
    auto text = [&filesObject](const char *key, QByteArray &into, bool *known) {
        const QJsonValue value = filesObject.value(QLatin1String(key));
        if (value.isString()) {
            into = value.toString().toUtf8();
            if (known)
                *known = true;
        }
    };
    text("primaryConf", files.primaryConf, &files.primaryConfKnown);
    text("primaryHba", files.primaryHba, &files.primaryHbaKnown);
    text("primaryAutoConf", files.primaryAutoConf, nullptr);
    text("standbyConf", files.standbyConf, &files.standbyConfKnown);
    const QJsonObject included = filesObject.value(QStringLiteral("primaryIncluded")).toObject();
    for (auto it = included.begin(); it != included.end(); ++it)
        files.primaryIncluded.insert(it.key(), it.value().toString().toUtf8());
    files.standbyDataDir = DataDirFacts::fromJson(filesObject.value(QStringLiteral("standbyDataDir")).toObject());
    const HostFacts primaryFacts = HostFacts::fromJson(object.value(QStringLiteral("primaryFacts")).toObject());
    const HostFacts standbyFacts = HostFacts::fromJson(object.value(QStringLiteral("standbyFacts")).toObject());
    auto plan = build(*choices, primaryFacts, standbyFacts, files);
    if (!plan)
        return plan;
    // The plan's own proposals, before any edit: a saved after equal to one follows the earlier edits.
    auto proposed = build(*choices, primaryFacts, standbyFacts, files);
    if (!proposed)
        return proposed;
    for (const QJsonValue &item : object.value(QStringLiteral("edits")).toArray()) {
        if (auto taken = plan->takeSavedEdit(*proposed, item.toObject()); !taken)
            return taken.error();
    }
    return plan;
}

Result<void> SetupPlan::takeSavedEdit(const SetupPlan &proposed, const QJsonObject &saved)
{
    const QString stepId = saved.value(QStringLiteral("step")).toString();
    const int index = saved.value(QStringLiteral("index")).toInt(-1);
    auto refuse = [&stepId](const QString &why, const QString &detail = {}) {
        return makeRefusal(
            tr("The saved plan has an invalid edit in step \"%1\", so nothing was changed: %2").arg(stepId, why),
            detail);
    };
    const SetupStep *found = step(stepId);
    if (!found || index < 0 || index >= found->edits().size())
        return refuse(tr("the plan has no such file edit. Make the plan again."));
    const FileEdit &edit = found->edits().at(index);
    if (edit.isSecret())
        return {};
    const QString host = saved.value(QStringLiteral("host")).toString(hostRoleName(edit.host));
    const QString path = saved.value(QStringLiteral("path")).toString(edit.path);
    if (host != hostRoleName(edit.host) || path != edit.path)
        return refuse(tr("it names %1 on the %2, where the plan edits %3 on the %4. Make the plan again.")
                          .arg(path, host, edit.path, hostRoleName(edit.host)));
    const QByteArray after = saved.value(QStringLiteral("after")).toString().toUtf8();
    // The plan's proposal, as it stands after the earlier edits or as it was before them: not the user's edit.
    if (after == edit.after || after == proposed.step(stepId)->edits().at(index).after)
        return {};
    const QJsonValue before = saved.value(QStringLiteral("before"));
    if (before.isString() && before.toString().toUtf8() != edit.before) {
        return refuse(
            tr("its before text of %1 on the %2 is not what the plan starts from (the file saved with the plan, "
               "with the earlier steps' edits in it). Edit only the after texts, or make the plan again.")
                .arg(edit.path, hostRoleName(edit.host)));
    }
    if (auto applied = editFile(stepId, index, after); !applied)
        return refuse(applied.error().message, applied.error().detail);
    return {};
}

Result<void> SetupPlan::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(tr("Could not write the plan to %1. Choose a folder you can write to.").arg(path),
                         file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return makeError(tr("Could not write the plan to %1. Choose a folder you can write to.").arg(path),
                         file.errorString());
    return {};
}

Result<SetupPlan> SetupPlan::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(tr("Could not read the plan %1.").arg(path), file.errorString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (document.isNull())
        return makeError(tr("%1 is not a valid plan file (JSON error at offset %2).").arg(path).arg(error.offset),
                         error.errorString());
    return fromJson(document.object());
}

namespace {

QString asWho(RunAs as)
{
    switch (as) {
    case RunAs::Root:
        return QStringLiteral("root");
    case RunAs::Postgres:
        return QStringLiteral("postgres");
    case RunAs::LoginUser:
        break;
    }
    return QStringLiteral("login user");
}

// The exported script's statements for the replication role, as a printf
// format whose one %s is the password: created when missing, then altered,
// so that a second run of the script does not abort. The secret is hashed
// with scram where the hba line says scram (10-13 default to md5).
// No '$' and no backslash but printf's \n: the format sits in double quotes.
QString roleSql(const PlanChoices &c)
{
    QString sql;
    if (c.authMethod == QLatin1String("scram-sha-256"))
        sql += QStringLiteral("SET password_encryption = 'scram-sha-256';\\n");
    if (!c.asInWalkthrough) {
        sql += QStringLiteral("DO 'BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''%1'') THEN CREATE "
                              "ROLE %1; END IF; END';\\n")
                   .arg(c.replicationUser);
    }
    sql += QStringLiteral("ALTER ROLE %1 WITH LOGIN REPLICATION%2 PASSWORD '%s';\\n")
               .arg(c.replicationUser, ReplicationRoleStep::narrowing(c));
    return sql;
}

// The monitoring role as the script makes it: the same rights as MonitoringRoleStep, its password from
// $MONITORING_PASSWORD through printf's %s.
QString monitoringRoleSql(const PlanChoices &c)
{
    QString sql;
    if (c.authMethod == QLatin1String("scram-sha-256"))
        sql += QStringLiteral("SET password_encryption = 'scram-sha-256';\\n");
    sql +=
        QStringLiteral("DO 'BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''%1'') THEN CREATE ROLE %1; "
                       "END IF; END';\\n")
            .arg(c.monitoringUser);
    sql += QStringLiteral("ALTER ROLE %1 WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD "
                          "'%s';\\nGRANT pg_monitor TO %1;\\n")
               .arg(c.monitoringUser);
    return sql;
}

QString indent(const QString &text, const QString &prefix)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QString &line : lines)
        line.prepend(prefix);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

QString SetupPlan::summary() const
{
    const PlanChoices &c = m_basis.choices;
    QString out;
    QString mode = c.synchronous ? tr("synchronous") : tr("asynchronous");
    if (c.synchronous && (c.syncAny || c.syncCount > 1))
        mode += QStringLiteral(" (%1 %2)")
                    .arg(c.syncAny ? QStringLiteral("ANY") : QStringLiteral("FIRST"))
                    .arg(c.syncCount);
    out += tr("Setup plan: primary %1, standby %2, PostgreSQL %3, %4\n")
               .arg(c.primary.toString(), c.standby.toString(), c.version.majorString(), mode);
    out += tr("Replication role %1 (%2), slot %3, application_name %4\n")
               .arg(c.replicationUser, c.authMethod,
                    m_basis.rules.hasReplicationSlots() ? c.slotName : tr("(none before 9.4)"), c.applicationName);
    out += tr("Primary data directory %1 (configuration in %2), standby data directory %3\n")
               .arg(m_basis.primary.dataDir(), m_basis.primary.confDir(), m_basis.standby.dataDir());
    for (const auto &[role, facts, layout] : {std::tuple{HostRole::Primary, &m_basis.primaryFacts, &m_basis.primary},
                                              std::tuple{HostRole::Standby, &m_basis.standbyFacts, &m_basis.standby}}) {
        if (const auto used = facts->installation(c.version))
            out += tr("The %1 uses %2.\n").arg(hostRoleName(role), used->describe());
        out += tr("The %1: %2\n").arg(hostRoleName(role), layout->howStarted());
    }
    return out;
}

QString SetupPlan::toText() const
{
    const PlanChoices &c = m_basis.choices;
    QString out = summary();
    for (const QString &warning : m_warnings)
        out += tr("Warning: %1\n").arg(warning);
    int number = 0;
    for (const auto &step : m_steps) {
        const StepDescription d = step->describe();
        out += QStringLiteral("\n%1. %2 [%3]\n").arg(++number).arg(d.title, d.id);
        out += indent(d.why, QStringLiteral("   "));
        for (const PlannedCommand &command : d.commands) {
            out += QStringLiteral("   [%1 as %2] %3\n")
                       .arg(hostRoleName(command.host), asWho(command.as), command.command.toShellString());
            if (!command.purpose.isEmpty())
                out += QStringLiteral("      # %1\n").arg(command.purpose);
            if (!command.stdinNote.isEmpty())
                out += tr("      stdin: %1\n").arg(command.stdinNote);
            if (!command.stdinSql.isEmpty())
                out += indent(command.stdinSql, QStringLiteral("      stdin> "));
        }
        for (const FileEdit &edit : d.edits) {
            if (edit.isSecret()) {
                const QString role = d.id == QLatin1String("monitoring-role") ? c.monitoringUser : c.replicationUser;
                out += tr("   [%1] %2: the line for the password of %3 (mode 0600, owner postgres; the password is "
                          "not shown)\n")
                           .arg(hostRoleName(edit.host), edit.path, role);
                continue;
            }
            if (edit.kind == FileEdit::Kind::Signal) {
                out += tr("   [%1] %2: created empty\n").arg(hostRoleName(edit.host), edit.path);
                continue;
            }
            if (!edit.beforeKnown) {
                out += tr("   [%1] %2 (made by an earlier step; the diff is against what it is expected to hold):\n")
                           .arg(hostRoleName(edit.host), edit.path);
            } else if (!edit.changes()) {
                out += tr("   [%1] %2: already as wanted, unchanged\n").arg(hostRoleName(edit.host), edit.path);
                continue;
            } else {
                out +=
                    QStringLiteral("   [%1] %2%3:\n")
                        .arg(hostRoleName(edit.host), edit.path, edit.userEdited ? tr(" (edited by you)") : QString());
            }
            const TextDiff diff(edit.before, edit.after);
            out += indent(QString::fromUtf8(diff.unified(edit.path, edit.path)), QStringLiteral("      "));
        }
    }
    return out;
}

QString SetupPlan::toShellScript() const
{
    const PlanChoices &c = m_basis.choices;
    auto hostVar = [](HostRole role) {
        return role == HostRole::Primary ? QStringLiteral("on_primary") : QStringLiteral("on_standby");
    };
    auto wrap = [&c](HostRole role, RunAs as, const CommandLine &command) {
        const QString user = role == HostRole::Primary ? c.primary.user : c.standby.user;
        CommandLine wrapped = command;
        if (as == RunAs::Postgres)
            wrapped =
                user == QLatin1String("root")
                    ? CommandLine(QStringLiteral("runuser"),
                                  QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                                              command.program()} +
                                      command.arguments())
                    : CommandLine(QStringLiteral("sudo"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                                      QStringLiteral("--"), command.program()} +
                                                              command.arguments());
        else if (as == RunAs::Root && user != QLatin1String("root"))
            wrapped = CommandLine(QStringLiteral("sudo"),
                                  QStringList{QStringLiteral("--"), command.program()} + command.arguments());
        // ssh joins its arguments with spaces for the remote shell: give it one quoted string.
        return CommandLine::quote(wrapped.toShellString());
    };
    QString out;
    out += QStringLiteral("#!/bin/sh\n");
    out += QStringLiteral("# Replica Studio setup plan, exported as a shell script.\n");
    out += QStringLiteral("# Primary %1, standby %2, PostgreSQL %3, %4.\n")
               .arg(c.primary.toString(), c.standby.toString(), c.version.majorString(),
                    c.synchronous ? QStringLiteral("synchronous") : QStringLiteral("asynchronous"));
    out += QStringLiteral("# Run it where ssh reaches both hosts. The replication password comes from the\n"
                          "# environment (REPLICATION_PASSWORD, without a single quote or a colon) and never\n"
                          "# appears on a command line. Each step mirrors one step of the plan.\n");
    out += QStringLiteral("set -eu\n");
    out += QStringLiteral(": \"${REPLICATION_PASSWORD:?set REPLICATION_PASSWORD to the replication password}\"\n");
    if (indexOf(QStringLiteral("monitoring-role")) >= 0)
        out +=
            QStringLiteral(": \"${MONITORING_PASSWORD:?set MONITORING_PASSWORD to a password for the monitoring role "
                           "%1}\"\n")
                .arg(c.monitoringUser);
    // Only what the user wrote: ssh takes the rest (an alias's User, Port, ProxyJump) from its config, as setup did.
    auto sshTo = [](const HostTarget &target) {
        CommandLine ssh(QStringLiteral("ssh"));
        if (target.givenPort() > 0)
            ssh.args({QStringLiteral("-p"), QString::number(target.givenPort())});
        ssh.arg(target.givenUser().isEmpty() ? target.host : target.givenUser() + QLatin1Char('@') + target.host);
        return ssh.toShellString();
    };
    out += QStringLiteral("on_primary() { %1 \"$@\"; }\n").arg(sshTo(c.primary));
    out += QStringLiteral("on_standby() { %1 \"$@\"; }\n").arg(sshTo(c.standby));
    int number = 0;
    int heredoc = 0;
    for (const auto &step : m_steps) {
        const StepDescription d = step->describe();
        out += QStringLiteral("\n# %1. %2\n").arg(++number).arg(d.title);
        out += indent(d.why, QStringLiteral("# "));
        if (d.id == QLatin1String("replication-role")) {
            const PlannedCommand &psql = d.commands.first();
            out += QStringLiteral("printf \"%1\" \"$REPLICATION_PASSWORD\" | on_primary %2\n")
                       .arg(roleSql(c), wrap(HostRole::Primary, psql.as, psql.command));
        } else if (d.id == QLatin1String("monitoring-role")) {
            const PlannedCommand &psql = d.commands.first();
            out += QStringLiteral("printf \"%1\" \"$MONITORING_PASSWORD\" | on_primary %2\n")
                       .arg(monitoringRoleSql(c), wrap(HostRole::Primary, psql.as, psql.command));
        } else {
            for (const PlannedCommand &command : d.commands) {
                if (!command.purpose.isEmpty())
                    out += QStringLiteral("# %1\n").arg(command.purpose);
                if (!command.stdinSql.isEmpty()) {
                    const QString delimiter = QStringLiteral("REPLICA_SQL_%1").arg(++heredoc);
                    out += QStringLiteral("%1 %2 <<'%3'\n%4\n%3\n")
                               .arg(hostVar(command.host), wrap(command.host, command.as, command.command), delimiter,
                                    command.stdinSql.trimmed());
                } else {
                    out += QStringLiteral("%1 %2 </dev/null\n")
                               .arg(hostVar(command.host), wrap(command.host, command.as, command.command));
                }
            }
        }
        for (const FileEdit &edit : d.edits) {
            const QString target = hostVar(edit.host);
            if (edit.isSecret() && d.id == QLatin1String("monitoring-role")) {
                const CommandLine append = CommandLine::shell(QStringLiteral("umask 077; cat >> \"$1\""), {edit.path});
                out +=
                    QStringLiteral("printf 'localhost:%s:postgres:%s:%s\\n' %1 %2 \"$MONITORING_PASSWORD\" | %3 %4\n")
                        .arg(QString::number(m_basis.primary.port()), CommandLine::quote(c.monitoringUser), target,
                             wrap(edit.host, edit.as, append));
                continue;
            }
            if (edit.isSecret()) {
                const CommandLine append = CommandLine::shell(QStringLiteral("umask 077; cat >> \"$1\""), {edit.path});
                out +=
                    QStringLiteral("printf '%s:%s:replication:%s:%s\\n' %1 %2 %3 \"$REPLICATION_PASSWORD\" | %4 %5\n")
                        .arg(CommandLine::quote(c.primaryAddress), QString::number(m_basis.primary.port()),
                             CommandLine::quote(c.replicationUser), target, wrap(edit.host, edit.as, append));
                continue;
            }
            if (edit.kind == FileEdit::Kind::Signal) {
                out += QStringLiteral("%1 %2 </dev/null\n")
                           .arg(target, wrap(edit.host, edit.as, CommandLine(QStringLiteral("touch"), {edit.path})));
                continue;
            }
            const QString delimiter = QStringLiteral("REPLICA_FILE_%1").arg(++heredoc);
            if (edit.beforeKnown) {
                if (!edit.changes())
                    continue;
                // A file the copy does not bring (recovery.conf) is new: nothing to keep, and private when the step
                // says so.
                const QString umask =
                    edit.mode >= 0 && (edit.mode & 077) == 0 ? QStringLiteral("umask 077; ") : QString();
                const CommandLine write = CommandLine::shell(
                    umask + QStringLiteral("{ [ ! -e \"$1\" ] || cp -p \"$1\" \"$1.bak\"; } && cat > \"$1\""),
                    {edit.path});
                out += QStringLiteral("# %1: the whole new content (the old one kept as .bak)\n").arg(edit.path);
                out += QStringLiteral("%1 %2 <<'%3'\n%4%3\n")
                           .arg(target, wrap(edit.host, edit.as, write), delimiter, QString::fromUtf8(edit.after));
            } else {
                // Not known before it exists: append the lines (the last line of a name wins).
                QString lines;
                if (edit.kind == FileEdit::Kind::HbaConf) {
                    lines = edit.settings.isEmpty() ? QString() : edit.settings.first().second + QLatin1Char('\n');
                } else {
                    for (const auto &[name, value] : edit.settings) {
                        const auto info = m_basis.rules.setting(name);
                        const bool quoted = !info || info->type == SettingInfo::Type::String;
                        lines += name + QStringLiteral(" = ") +
                                 QString::fromUtf8(ConfFile::renderValue(value, quoted)) + QLatin1Char('\n');
                    }
                }
                const CommandLine append = CommandLine::shell(QStringLiteral("cat >> \"$1\""), {edit.path});
                out += QStringLiteral("%1 %2 <<'%3'\n%4%3\n")
                           .arg(target, wrap(edit.host, edit.as, append), delimiter, lines);
            }
        }
    }
    return out;
}
