#include "core/monitor/replication_sampler.h"

#include "core/monitor/replication_queries.h"
#include "core/monitor/replication_table.h"
#include "core/version/version_rules.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using Severity = ReplicationProblem::Severity;

namespace {

enum QueryKind { ServerStatus, StatReplication, Slots, Archiver };

VersionRules rulesFor(int serverVersionNum)
{
    const PgVersion version = PgVersion::fromServerVersionNum(serverVersionNum);
    return VersionRules(version.isValid() ? version : PgVersion(15));
}

// How many synchronous standbys synchronous_standby_names asks for, and
// whether by quorum: "s1, s2" and "FIRST 1 (s1)" need one, "2 (a, b)"
// (9.6) and "FIRST 2 (...)" two by priority, "ANY 2 (...)" two by quorum.
struct SyncRequirement
{
    int count = 0;
    bool quorum = false;
};

SyncRequirement syncRequirement(const QString &names)
{
    SyncRequirement requirement;
    if (names.trimmed().isEmpty())
        return requirement;
    static const QRegularExpression numbered(QStringLiteral("^\\s*(FIRST\\s+|ANY\\s+)?(\\d+)\\s*\\("),
                                             QRegularExpression::CaseInsensitiveOption);
    const auto match = numbered.match(names);
    requirement.count = 1;
    if (match.hasMatch()) {
        requirement.count = qMax(1, match.captured(2).toInt());
        requirement.quorum = match.captured(1).trimmed().compare(QLatin1String("ANY"), Qt::CaseInsensitive) == 0;
    }
    return requirement;
}

// synchronous_commit values with which a commit waits for a standby.
bool commitsWaitForStandbys(const QString &synchronousCommit)
{
    const QString value = synchronousCommit.trimmed().toLower();
    return value != QLatin1String("off") && value != QLatin1String("local");
}

} // namespace

ReplicationSampler::ReplicationSampler(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &ReplicationSampler::sampleNow);
}

ReplicationSampler::~ReplicationSampler() = default;

ReplicationSampler::Target *ReplicationSampler::addTarget(const QString &name, const QString &conninfo, bool isPrimary)
{
    auto target = std::make_unique<Target>();
    target->name = name;
    target->conninfo = conninfo;
    target->isPrimary = isPrimary;
    target->connection = std::make_unique<PgConnection>();
    target->connection->setConnectTimeout(m_connectTimeoutMs);
    Target *raw = target.get();
    connect(raw->connection.get(), &PgConnection::resultReady, this,
            [this, raw](const PgResult &result) { onResult(raw, result); });
    // A server that comes (back) up shows at once rather than at the next tick.
    connect(raw->connection.get(), &PgConnection::connected, this, [this] {
        if (m_timer.isActive() && !m_inRound)
            startRound();
    });
    if (isPrimary)
        m_targets.insert(m_targets.begin(), std::move(target));
    else
        m_targets.push_back(std::move(target));
    if (m_timer.isActive())
        raw->connection->open(conninfo);
    return raw;
}

void ReplicationSampler::setPrimary(const QString &name, const QString &conninfo, const QString &where)
{
    const auto old = std::find_if(m_targets.begin(), m_targets.end(), [](const auto &t) { return t->isPrimary; });
    if (old != m_targets.end())
        m_targets.erase(old);
    addTarget(name, conninfo, true)->where = where;
}

void ReplicationSampler::addStandby(const QString &name, const QString &conninfo, const QString &where)
{
    addTarget(name, conninfo, false)->where = where;
}

void ReplicationSampler::clearServers()
{
    m_targets.clear();
    m_inRound = false;
}

void ReplicationSampler::setInterval(int ms)
{
    m_timer.setInterval(qMax(50, ms));
}

void ReplicationSampler::setConnectTimeout(int ms)
{
    m_connectTimeoutMs = ms;
    for (const auto &target : m_targets)
        target->connection->setConnectTimeout(ms);
}

void ReplicationSampler::start()
{
    for (const auto &target : m_targets)
        if (!target->connection->isReady())
            target->connection->open(target->conninfo);
    m_timer.start();
}

void ReplicationSampler::stop()
{
    m_timer.stop();
    for (const auto &target : m_targets) {
        target->pending.clear();
        target->connection->close();
    }
    m_inRound = false;
}

void ReplicationSampler::sampleNow()
{
    if (m_inRound) {
        // A server that takes this long is reported as not answering; the
        // round ends without it rather than holding the others back.
        if (m_roundClock.elapsed() > qMax(3 * m_timer.interval(), 5000))
            abandonRound();
        return;
    }
    startRound();
}

ReplicationSample::Server &ReplicationSampler::serverFor(Target *target)
{
    if (target->isPrimary)
        return m_building.primary;
    for (ReplicationSample::Server &server : m_building.standbyServers)
        if (server.name == target->name)
            return server;
    m_building.standbyServers << ReplicationSample::Server();
    return m_building.standbyServers.last();
}

void ReplicationSampler::startRound()
{
    m_inRound = true;
    m_roundClock.start();
    m_building = ReplicationSample();
    m_building.sampledAt = QDateTime::currentDateTimeUtc();
    for (const auto &owned : m_targets) {
        Target *target = owned.get();
        target->pending.clear();
        PgConnection *connection = target->connection.get();
        ReplicationSample::Server &server = serverFor(target);
        server.name = target->name;
        server.endpoint = target->endpoint();
        switch (connection->state()) {
        case PgConnection::State::Ready:
        case PgConnection::State::Busy: {
            server.serverVersionNum = connection->serverVersionNum();
            const ReplicationQueries queries(rulesFor(connection->serverVersionNum()));
            target->pending.insert(connection->exec(queries.serverStatus()), ServerStatus);
            if (target->isPrimary) {
                target->pending.insert(connection->exec(queries.statReplication()), StatReplication);
                if (!queries.replicationSlots().isEmpty())
                    target->pending.insert(connection->exec(queries.replicationSlots()), Slots);
                if (!queries.statArchiver().isEmpty())
                    target->pending.insert(connection->exec(queries.statArchiver()), Archiver);
            }
            break;
        }
        case PgConnection::State::Disconnected:
        case PgConnection::State::Failed:
            server.reachable = false;
            server.error = connection->lastError();
            if (server.error.isEmpty())
                server.error.sentence = tr("Not connected yet.");
            connection->open(target->conninfo); // try again in the background
            server.endpoint = target->endpoint();
            break;
        case PgConnection::State::Resolving:
        case PgConnection::State::Connecting:
            server.reachable = false;
            server.error = connection->lastError();
            if (server.error.isEmpty()) {
                // The first attempt: nothing is known to be wrong yet.
                server.connecting = true;
                server.error.sentence = tr("Connecting to %1...").arg(target->endpoint());
            }
            break;
        }
    }
    const bool waiting =
        std::any_of(m_targets.begin(), m_targets.end(), [](const auto &t) { return !t->pending.isEmpty(); });
    if (!waiting)
        finishRound();
}

void ReplicationSampler::onResult(Target *target, const PgResult &result)
{
    if (!m_inRound || !target->pending.contains(result.id))
        return;
    const int kind = target->pending.take(result.id);
    ReplicationSample::Server &server = serverFor(target);
    if (!result.ok) {
        server.error = result.error;
        if (kind == ServerStatus)
            server.reachable = false;
    } else {
        switch (kind) {
        case ServerStatus:
            server.reachable = true;
            ReplicationQueries::readServerStatus(result, server);
            break;
        case StatReplication:
            m_building.standbys = ReplicationQueries::readStatReplication(result);
            break;
        case Slots:
            m_building.replicationSlots = ReplicationQueries::readReplicationSlots(result);
            break;
        case Archiver:
            m_building.archiver = ReplicationQueries::readStatArchiver(result);
            break;
        }
    }
    const bool waiting =
        std::any_of(m_targets.begin(), m_targets.end(), [](const auto &t) { return !t->pending.isEmpty(); });
    if (!waiting)
        finishRound();
}

void ReplicationSampler::abandonRound()
{
    for (const auto &target : m_targets) {
        if (target->pending.isEmpty())
            continue;
        target->pending.clear();
        ReplicationSample::Server &server = serverFor(target.get());
        server.reachable = false;
        server.error = PgError();
        server.error.sqlState = QStringLiteral("57014");
        server.error.sentence = tr("%1 did not answer the monitoring queries within %2 seconds: the server is "
                                   "overloaded or the network is stalled.")
                                    .arg(target->name)
                                    .arg(m_roundClock.elapsed() / 1000);
        target->connection->cancel();
    }
    finishRound();
}

std::optional<double> ReplicationSampler::walRate(const ReplicationSample &before, const ReplicationSample &now)
{
    const auto from = ReplicationSample::parseLsn(before.primary.currentLsn);
    const auto to = ReplicationSample::parseLsn(now.primary.currentLsn);
    const qint64 ms = before.sampledAt.isValid() ? before.sampledAt.msecsTo(now.sampledAt) : 0;
    // Another primary (after a failover) or a clock step: unknown, not a made-up figure.
    if (!from || !to || *to < *from || ms <= 0 || before.primary.name != now.primary.name)
        return std::nullopt;
    return double(*to - *from) * 1000.0 / double(ms);
}

void ReplicationSampler::finishRound()
{
    m_inRound = false;
    m_building.primary.walBytesPerSecond = walRate(m_last, m_building);
    m_building.problems = problemsIn(m_building, m_thresholds);
    const bool changed = m_building.problems != m_last.problems || m_rounds == 0;
    m_last = m_building;
    ++m_rounds;
    emit sampleReady(m_last);
    if (changed)
        emit problemsChanged(m_last.problems);
}

QList<ReplicationProblem> ReplicationSampler::problemsIn(const ReplicationSample &sample, const Thresholds &thresholds)
{
    QList<ReplicationProblem> problems;
    const ReplicationSample::Server &primary = sample.primary;
    if (!primary.reachable && !primary.connecting) {
        problems << ReplicationProblem{
            Severity::Critical, QStringLiteral("server-unreachable"), primary.name,
            tr("The primary \"%1\" does not answer. %2").arg(primary.name, primary.error.userText())};
    } else if (primary.inRecovery) {
        problems << ReplicationProblem{
            Severity::Warning, QStringLiteral("primary-in-recovery"), primary.name,
            tr("\"%1\" is watched as the primary but is in recovery (a standby): its pg_stat_replication only shows "
               "cascading standbys. Point the monitor at the real primary.")
                .arg(primary.name)};
    }
    if (primary.reachable && !primary.inRecovery) {
        addSynchronousProblems(sample, problems);
        addStandbyRowProblems(sample, problems);
        addSlotProblems(sample, thresholds, problems);
        addArchiverProblems(sample, problems);
    }
    addStandbyServerProblems(sample, problems);

    std::stable_sort(problems.begin(), problems.end(), [](const ReplicationProblem &a, const ReplicationProblem &b) {
        return a.severity == Severity::Critical && b.severity != Severity::Critical;
    });
    return problems;
}

void ReplicationSampler::addSynchronousProblems(const ReplicationSample &sample, QList<ReplicationProblem> &problems)
{
    const ReplicationSample::Server &primary = sample.primary;
    const SyncRequirement required = syncRequirement(primary.synchronousStandbyNames);
    if (required.count == 0)
        return;
    int synchronous = 0;
    QStringList streaming;
    for (const auto &standby : sample.standbys) {
        if (standby.syncState == (required.quorum ? QLatin1String("quorum") : QLatin1String("sync")))
            ++synchronous;
        streaming << standby.applicationName;
    }
    const QString missing = missingStandbys(primary.synchronousStandbyNames, streaming);
    const QString waysOut =
        missing.isEmpty()
            ? tr("The synchronous standbys stream but do not confirm in time: look at their flush lag (disk) and their "
                 "logs, or make replication asynchronous: ALTER SYSTEM SET synchronous_standby_names = ''; SELECT "
                 "pg_reload_conf();")
            : tr("Start the missing standby, or make replication asynchronous: ALTER SYSTEM SET "
                 "synchronous_standby_names = ''; SELECT pg_reload_conf();");
    // What PostgreSQL itself says: backends waiting on SyncRep (10+).
    if (primary.commitsWaiting.value_or(0) > 0) {
        problems << ReplicationProblem{
            Severity::Critical, QStringLiteral("commits-waiting"), primary.name,
            tr("Commits on the primary are waiting for a synchronous standby (waiting for more than a second: %1; "
               "synchronous_standby_names is '%2'; not streaming: %3). %4")
                .arg(*primary.commitsWaiting)
                .arg(primary.synchronousStandbyNames, missing.isEmpty() ? tr("none") : missing, waysOut)};
        return; // the same fact as sync-standby-missing, seen from the commits
    }
    if (synchronous < required.count && commitsWaitForStandbys(primary.synchronousCommit))
        problems << ReplicationProblem{
            Severity::Critical, QStringLiteral("sync-standby-missing"), primary.name,
            tr("Commits on the primary wait: synchronous_standby_names is '%1' (synchronous standbys needed: %2, "
               "streaming as such: %3; not streaming: %4). %5")
                .arg(primary.synchronousStandbyNames)
                .arg(required.count)
                .arg(synchronous)
                .arg(missing.isEmpty() ? tr("none") : missing, waysOut)};
}

QString ReplicationSampler::missingStandbys(const QString &synchronousStandbyNames, const QStringList &streaming)
{
    // "FIRST 2 (a, "b c")", "ANY 1 (*)", "2 (a, b)" or "a, b": the names inside.
    QString list = synchronousStandbyNames.trimmed();
    const qsizetype open = list.indexOf(QLatin1Char('('));
    if (open >= 0 && list.endsWith(QLatin1Char(')')))
        list = list.mid(open + 1, list.size() - open - 2);
    QStringList missing;
    for (QString name : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        name = name.trimmed();
        if (name.size() >= 2 && name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')))
            name = name.mid(1, name.size() - 2);
        if (name == QLatin1String("*"))
            return streaming.isEmpty() ? tr("any standby") : QString();
        if (!streaming.contains(name, Qt::CaseInsensitive))
            missing << name;
    }
    return missing.join(QStringLiteral(", "));
}

void ReplicationSampler::addStandbyRowProblems(const ReplicationSample &sample, QList<ReplicationProblem> &problems)
{
    for (const auto &standby : sample.standbys)
        if (standby.state != QLatin1String("streaming"))
            problems << ReplicationProblem{
                Severity::Warning, QStringLiteral("standby-not-streaming"), standby.applicationName,
                tr("Standby \"%1\" is in state \"%2\", not streaming: it is still catching up or starting.")
                    .arg(standby.applicationName, standby.state)};
    // A standby the panel watches that has no row in pg_stat_replication.
    for (const auto &server : sample.standbyServers) {
        // One that does not answer at all is reported as server-unreachable.
        if (server.connecting || !server.reachable || sample.standby(server.name) || sample.standbyFrom(server.address))
            continue;
        problems << ReplicationProblem{
            Severity::Critical, QStringLiteral("standby-disconnected"), server.name,
            tr("Standby \"%1\" does not stream from the primary (no row in pg_stat_replication). Check that it runs, "
               "that its primary_conninfo points at this primary with application_name=%1, and its log.")
                .arg(server.name)};
    }
}

void ReplicationSampler::addSlotProblems(const ReplicationSample &sample, const Thresholds &thresholds,
                                         QList<ReplicationProblem> &problems)
{
    for (const auto &slot : sample.replicationSlots) {
        if (slot.walStatus == QLatin1String("lost"))
            problems << ReplicationProblem{
                Severity::Critical, QStringLiteral("slot-lost"), slot.name,
                tr("Replication slot \"%1\" has lost WAL its standby still needs (wal_status lost): that standby "
                   "cannot resume from it and must be cloned again.")
                    .arg(slot.name)};
        else if (slot.walStatus == QLatin1String("unreserved"))
            problems << ReplicationProblem{
                Severity::Warning, QStringLiteral("slot-unreserved"), slot.name,
                tr("Replication slot \"%1\" is about to lose WAL (wal_status unreserved: max_slot_wal_keep_size "
                   "reached). Bring its standby back soon, or raise max_slot_wal_keep_size.")
                    .arg(slot.name)};
        else if (!slot.active && slot.type != QLatin1String("logical") &&
                 slot.retainedBytes.value_or(0) > thresholds.inactiveSlotRetainedBytes)
            problems << ReplicationProblem{
                Severity::Warning, QStringLiteral("slot-inactive-retaining"), slot.name,
                tr("Replication slot \"%1\" is not in use and keeps %2 of WAL in pg_wal, more every minute. Start "
                   "its standby, or drop the slot if the standby is gone for good: SELECT "
                   "pg_drop_replication_slot('%1');")
                    .arg(slot.name, ReplicationTable::formatBytes(*slot.retainedBytes))};
    }
}

void ReplicationSampler::addArchiverProblems(const ReplicationSample &sample, QList<ReplicationProblem> &problems)
{
    const auto &archiver = sample.archiver;
    if (archiver && archiver->failedCount > 0 && archiver->lastFailedTime &&
        (!archiver->lastArchivedTime || *archiver->lastFailedTime > *archiver->lastArchivedTime))
        problems << ReplicationProblem{
            Severity::Warning, QStringLiteral("archiver-failing"), sample.primary.name,
            tr("WAL archiving fails: %1 failures, the last on %2. Check archive_command (or archive_library) and "
               "the archive's free space in the primary's log; WAL piles up in pg_wal until it succeeds.")
                .arg(archiver->failedCount)
                .arg(archiver->lastFailedWal)};
}

void ReplicationSampler::addStandbyServerProblems(const ReplicationSample &sample, QList<ReplicationProblem> &problems)
{
    for (const auto &server : sample.standbyServers) {
        if (server.connecting)
            continue;
        if (!server.reachable) {
            problems << ReplicationProblem{
                Severity::Warning, QStringLiteral("server-unreachable"), server.name,
                tr("Standby \"%1\" does not answer. %2").arg(server.name, server.error.userText())};
        } else if (!server.inRecovery) {
            problems << ReplicationProblem{
                Severity::Critical, QStringLiteral("standby-not-in-recovery"), server.name,
                tr("\"%1\" is not in recovery: it was promoted or started as a primary, and no longer follows \"%2\". "
                   "Rebuild it as a standby before writing to both.")
                    .arg(server.name, sample.primary.name)};
        } else if (server.replayPaused) {
            problems << ReplicationProblem{
                Severity::Warning, QStringLiteral("replay-paused"), server.name,
                tr("Replay is paused on \"%1\": it receives WAL but does not apply it, and its replay lag grows. "
                   "Resume it with SELECT %2();")
                    .arg(server.name, rulesFor(server.serverVersionNum).walReplayResumeFunction())};
        }
    }
}
