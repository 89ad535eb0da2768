#include "backup_clone.h"

#include "core/host/host.h"
#include "core/version/version_rules.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BackupClone", text);
}

// Written by us, never by the user: everything variable arrives as "$1"...
// Runs as the postgres user on the primary. stdout carries three tar
// archives in a row (data directory, backup_label + tablespace_map, WAL);
// stderr carries "replica-clone: <what> <values>" lines for BackupClone and
// anything psql or tar had to say.
const char primaryScript[] = R"sh(set -u
psql=$1 data=$2 pghost=$3 pgport=$4 pguser=$5 prep=$6 start=$7 stop=$8 copywal=$9
say() { printf 'replica-clone: %s\n' "$*" >&2; }
[ -f "$data/PG_VERSION" ] || { say "error no-data-directory"; exit 64; }
if [ -n "$(ls -A "$data/pg_tblspc" 2>/dev/null)" ]; then say "error tablespaces"; exit 65; fi
work=$(mktemp -d) || exit 70
pid=
cleanup() { exec 3>&- 2>/dev/null; [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
trap '' PIPE
mkfifo "$work/in" || exit 70
# The backup session: one psql fed through a FIFO, open until pg_backup_stop.
"$psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$pghost" -p "$pgport" -U "$pguser" -d postgres \
    <"$work/in" >"$work/out" 2>"$work/err" &
pid=$!
exec 3>"$work/in"
await() {
    while :; do
        if row=$(grep "^$1|" "$work/out"); then printf '%s\n' "$row"; return 0; fi
        if ! kill -0 "$pid" 2>/dev/null; then
            if row=$(grep "^$1|" "$work/out"); then printf '%s\n' "$row"; return 0; fi
            sed 's/^/replica-clone: psql: /' "$work/err" >&2
            return 1
        fi
        sleep 0.05
    done
}
if [ -n "$prep" ]; then
    printf '%s\n' "$prep" >&3
    row=$(await PREP) || { say "error start"; exit 71; }
    say "prepared ${row#PREP|}"
fi
printf '%s\n' "$start" >&3
row=$(await START) || { say "error start"; exit 71; }
IFS='|' read -r _ start_lsn start_wal <<EOF
$row
EOF
say "start $start_lsn $start_wal"
say "total $(du -sb --exclude=pg_wal "$data" 2>/dev/null | cut -f1)"
tar -c -f - -C "$data" --warning=no-file-changed --warning=no-file-removed --warning=no-file-shrank \
    --ignore-failed-read --anchored \
    --exclude=./postmaster.pid --exclude=./postmaster.opts --exclude=./pg_wal \
    --exclude=./backup_label --exclude=./tablespace_map --exclude=./backup_manifest \
    --exclude=./postgresql.auto.conf.tmp --exclude=./current_logfiles \
    --exclude=./standby.signal --exclude=./recovery.signal --exclude=./recovery.conf \
    --exclude='./pg_replslot/*' --exclude='./pg_dynshmem/*' --exclude='./pg_notify/*' \
    --exclude='./pg_serial/*' --exclude='./pg_snapshots/*' --exclude='./pg_stat_tmp/*' \
    --exclude='./pg_subtrans/*' \
    --no-anchored --exclude='pgsql_tmp*' --exclude=pg_internal.init .
rc=$?
# 1: files changed while being read, as they do in a live data directory.
[ $rc -le 1 ] || { say "error tar $rc"; exit 72; }
printf '%s\n' "$stop" >&3
row=$(await STOP) || { say "error stop"; exit 73; }
IFS='|' read -r _ stop_lsn stop_wal label map <<EOF
$row
EOF
say "stop $stop_lsn $stop_wal"
mkdir "$work/files" || exit 70
printf '%s' "$label" | base64 -d >"$work/files/backup_label" || exit 74
set -- backup_label
if [ -n "$map" ]; then
    printf '%s' "$map" | base64 -d >"$work/files/tablespace_map" || exit 74
    set -- backup_label tablespace_map
fi
tar -c -f - -C "$work/files" "$@" || exit 75
if [ "$copywal" = 1 ]; then
    set --
    for s in $(ls "$data/pg_wal" | awk -v a="$start_wal" -v b="$stop_wal" \
            'length($0) == 24 && ($0 "") >= (a "") && ($0 "") <= (b "")'); do
        set -- "$@" "pg_wal/$s"
    done
    say "wal $#"
    if [ $# -gt 0 ]; then tar -c -f - -C "$data" "$@" || exit 76; fi
fi
printf '\\q\n' >&3
exec 3>&-
wait "$pid"
pid=
say "done"
)sh";

// Runs as the postgres user on the standby: the stream into an empty data
// directory. -i: the stream is several archives in a row.
const char standbyScript[] = R"sh(set -u
dir=$1 summaries=$2
say() { printf 'replica-clone: %s\n' "$*" >&2; }
if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then say "error not-empty"; exit 66; fi
mkdir -p -- "$dir" && chmod 700 -- "$dir" || { say "error mkdir"; exit 67; }
tar -x -i -f - -C "$dir" || { say "error tar"; exit 68; }
mkdir -p -- "$dir/pg_wal/archive_status" && chmod 700 -- "$dir/pg_wal" || exit 67
if [ "$summaries" = 1 ]; then mkdir -p -- "$dir/pg_wal/summaries" || exit 67; fi
[ -f "$dir/backup_label" ] || { say "error no-backup-label"; exit 69; }
sync
say "done"
)sh";

// Bytes from the primary's command to the standby's, bounded so that a slow
// standby slows the primary's tar down instead of filling memory.
class ByteQueue
{
public:
    // Blocks while full; drops the bytes once aborted.
    void push(const QByteArray &chunk)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_aborted || m_size < limit; });
        if (m_aborted)
            return;
        m_chunks.push_back(chunk);
        m_size += chunk.size();
        m_changed.notify_all();
    }
    // The next bytes, empty when none came within a short wait, nullopt at the end.
    std::optional<QByteArray> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, std::chrono::milliseconds(10),
                           [&] { return m_aborted || m_closed || !m_chunks.empty(); });
        if (m_aborted)
            return std::nullopt;
        if (m_chunks.empty())
            return m_closed ? std::nullopt : std::optional<QByteArray>(QByteArray());
        QByteArray chunk;
        while (!m_chunks.empty() && chunk.size() < (1 << 20)) {
            chunk += m_chunks.front();
            m_chunks.pop_front();
        }
        m_size -= chunk.size();
        m_changed.notify_all();
        return chunk;
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }
    void abort()
    {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
        m_chunks.clear();
        m_changed.notify_all();
    }

private:
    static constexpr qint64 limit = 16 << 20;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QByteArray> m_chunks;
    qint64 m_size = 0;
    bool m_closed = false;
    bool m_aborted = false;
};

QString sqlLiteral(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool isSlotName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9_]{1,63}$"));
    return valid.match(name).hasMatch();
}

struct Statements
{
    QString prep;
    QString start;
    QString stop;
};

Result<Statements> statementsFor(const CloneOptions &options)
{
    const VersionRules rules(options.version);
    if (!options.version.isValid())
        return makeError(QCoreApplication::translate(
            "BackupClone", "The primary's PostgreSQL version is unknown: find it before cloning."));
    if (!rules.hasNonExclusiveBackup())
        return makeError(
            QCoreApplication::translate("BackupClone",
                                        "PostgreSQL %1 has only the exclusive backup API, which cannot clone a running "
                                        "primary safely. Use pg_basebackup of version %1 on the standby.")
                .arg(options.version.majorString()));
    if (!options.slotName.isEmpty() && !isSlotName(options.slotName))
        return makeError(
            QCoreApplication::translate("BackupClone",
                                        "The slot name \"%1\" is not valid: use 1 to 63 lower-case letters, digits and "
                                        "underscores.")
                .arg(options.slotName));

    // The label is ours, but keep it to characters that need no thought.
    QString label = options.label;
    label.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9 _.:-]")), QStringLiteral("_"));
    const bool modern = options.version.atLeast(15);
    const QString walFileName = rules.walFileNameFunction();

    Statements statements;
    QStringList prep;
    if (!options.slotName.isEmpty()) {
        const QString slot = sqlLiteral(options.slotName);
        prep << QStringLiteral("SELECT 'PREP', CASE WHEN EXISTS (SELECT 1 FROM pg_replication_slots "
                               "WHERE slot_name = %1) THEN 'kept' ELSE (SELECT 'made' FROM "
                               "pg_create_physical_replication_slot(%1, true)) END;")
                    .arg(slot);
    } else if (options.copyWal && options.version.atLeast(10)) {
        // Keeps the backup's WAL until it is copied; gone with the session.
        prep << QStringLiteral("SELECT 'PREP', 'temporary' FROM pg_create_physical_replication_slot("
                               "'replica_clone_' || pg_backend_pid(), true, true);");
    }
    statements.prep = prep.join(QLatin1Char('\n'));
    statements.start = QStringLiteral("SELECT 'START', l, %1(l) FROM %2(%3, true%4) AS l;")
                           .arg(walFileName, rules.backupStartFunction(), sqlLiteral(label),
                                modern ? QString() : QStringLiteral(", false"));
    // No wait for the archiver: the WAL travels with the copy, or through the slot.
    QString stopCall;
    if (modern)
        stopCall = rules.backupStopFunction() + QStringLiteral("(false)");
    else if (options.version.atLeast(10))
        stopCall = rules.backupStopFunction() + QStringLiteral("(false, false)");
    else
        stopCall = rules.backupStopFunction() + QStringLiteral("(false)");
    statements.stop = QStringLiteral("SELECT 'STOP', lsn, %1(lsn), "
                                     "replace(encode(convert_to(labelfile, 'UTF8'), 'base64'), E'\\n', ''), "
                                     "replace(encode(convert_to(coalesce(spcmapfile, ''), 'UTF8'), 'base64'), "
                                     "E'\\n', '') FROM %2;")
                          .arg(walFileName, stopCall);
    return statements;
}

// "replica-clone: error tablespaces" and friends turned into sentences.
QString explainPrimaryFailure(const QString &what, const CloneOptions &options)
{
    if (what == QLatin1String("no-data-directory"))
        return QCoreApplication::translate(
                   "BackupClone",
                   "%1 on the primary is not a PostgreSQL data directory: check the cluster's data directory.")
            .arg(options.primaryDataDir);
    if (what == QLatin1String("tablespaces"))
        return QCoreApplication::translate(
            "BackupClone", "The primary has tablespaces outside its data directory, which the clone does not copy. "
                           "Use pg_basebackup of the primary's version on the standby.");
    if (what == QLatin1String("start"))
        return QCoreApplication::translate(
                   "BackupClone", "The primary refused to start the backup: check that the role may run %1 and that "
                                  "max_replication_slots and wal_level allow a replication slot.")
            .arg(VersionRules(options.version).backupStartFunction());
    if (what == QLatin1String("stop"))
        return QCoreApplication::translate("BackupClone", "The primary could not finish the backup: see its log.");
    if (what.startsWith(QLatin1String("tar")))
        return QCoreApplication::translate(
                   "BackupClone",
                   "Reading the primary's data directory failed: check that the postgres user can read all of %1.")
            .arg(options.primaryDataDir);
    return QCoreApplication::translate("BackupClone", "The copy on the primary failed.");
}

QString explainStandbyFailure(const QString &what, const CloneOptions &options)
{
    if (what == QLatin1String("not-empty"))
        return QCoreApplication::translate("BackupClone",
                                           "%1 on the standby is not empty: set the old data directory aside first.")
            .arg(options.standbyDataDir);
    if (what == QLatin1String("mkdir"))
        return QCoreApplication::translate(
                   "BackupClone",
                   "Cannot make %1 on the standby: check that the postgres user may write its parent folder.")
            .arg(options.standbyDataDir);
    if (what == QLatin1String("tar"))
        return QCoreApplication::translate("BackupClone",
                                           "Writing the copy into %1 on the standby failed: check its free disk space.")
            .arg(options.standbyDataDir);
    return QCoreApplication::translate("BackupClone", "The copy on the standby failed.");
}

// The word after "replica-clone: error " in a command's stderr.
QString failureWord(const QByteArray &stdErr)
{
    static const QRegularExpression error(QStringLiteral("^replica-clone: error (\\S+)"),
                                          QRegularExpression::MultilineOption);
    const auto match = error.match(QString::fromUtf8(stdErr));
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

Result<CommandLine> BackupClone::primaryCommand(const CloneOptions &options)
{
    auto statements = statementsFor(options);
    if (!statements)
        return statements.error();
    return CommandLine::shell(QString::fromLatin1(primaryScript),
                              {options.psqlPath, options.primaryDataDir, options.socketDir,
                               QString::number(options.port), options.user, statements->prep, statements->start,
                               statements->stop, options.copyWal ? QStringLiteral("1") : QStringLiteral("0")});
}

CommandLine BackupClone::standbyCommand(const CloneOptions &options)
{
    return CommandLine::shell(
        QString::fromLatin1(standbyScript),
        {options.standbyDataDir, options.version.atLeast(17) ? QStringLiteral("1") : QStringLiteral("0")});
}

Result<CloneReport> BackupClone::run(Host &primary, Host &standby, const CloneOptions &options,
                                     const Progress &progress, const std::atomic_bool *cancel)
{
    if (options.primaryDataDir.isEmpty() || options.standbyDataDir.isEmpty())
        return makeError(tr("Name the data directories of both the primary and the standby."));
    auto primaryCommandLine = primaryCommand(options);
    if (!primaryCommandLine)
        return primaryCommandLine.error();

    // A data directory in the way is refused before the primary does anything.
    {
        RunOptions check;
        check.as = RunAs::Postgres;
        check.timeoutMs = 60000;
        auto empty =
            standby.run(CommandLine::shell(QStringLiteral("[ ! -e \"$1\" ] || [ -z \"$(ls -A \"$1\" 2>/dev/null)\" ]"),
                                           {options.standbyDataDir}),
                        check);
        if (!empty)
            return empty.error();
        if (!empty->succeeded())
            return makeError(explainStandbyFailure(QStringLiteral("not-empty"), options));
    }

    QElapsedTimer clock;
    clock.start();
    CloneReport report;
    ByteQueue queue;
    std::atomic_bool stop = false;
    auto cancelled = [&] { return cancel && cancel->load(); };
    qint64 total = 0;

    // The standby's side on a thread of its own; the primary's on this one,
    // so that progress reaches the caller on its own thread.
    Result<CommandResult> standbyResult = makeError(QString());
    std::thread standbyThread([&] {
        RunOptions run;
        run.as = RunAs::Postgres;
        run.cancel = &stop;
        run.stdinSource = [&]() -> std::optional<QByteArray> {
            if (cancelled())
                stop = true;
            return queue.pop();
        };
        standbyResult = standby.run(standbyCommand(options), run);
        if (!standbyResult || !standbyResult->succeeded()) {
            queue.abort();
            stop = true;
        }
    });

    RunOptions run;
    run.as = RunAs::Postgres;
    run.cancel = &stop;
    run.onStdOutData = [&](const QByteArray &chunk) {
        if (cancelled()) {
            stop = true;
            queue.abort();
            return;
        }
        report.bytes += chunk.size();
        total = std::max(total, report.bytes);
        if (progress)
            progress(report.bytes, total);
        queue.push(chunk);
    };
    run.onLine = [&](OutputChannel channel, const QByteArray &line) {
        if (cancelled())
            stop = true;
        if (channel != OutputChannel::StdErr || !line.startsWith("replica-clone: "))
            return;
        const QStringList words = QString::fromUtf8(line.mid(15)).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            return;
        const QString &what = words.first();
        if (what == QLatin1String("start") && words.size() >= 3) {
            report.startLsn = words.at(1);
            report.startWalFile = words.at(2);
        } else if (what == QLatin1String("stop") && words.size() >= 3) {
            report.stopLsn = words.at(1);
            report.stopWalFile = words.at(2);
        } else if (what == QLatin1String("prepared")) {
            report.slotCreated = words.contains(QLatin1String("made"));
        } else if (what == QLatin1String("total") && words.size() >= 2) {
            total = std::max(total, words.at(1).toLongLong());
            if (progress)
                progress(report.bytes, total);
        } else if (what == QLatin1String("wal") && words.size() >= 2) {
            report.walSegments = words.at(1).toInt();
        }
    };
    // Cancel while the primary is quiet (a fast checkpoint) still has to be seen.
    std::atomic_bool finished = false;
    std::thread watcher([&] {
        while (!finished) {
            if (cancelled()) {
                stop = true;
                queue.abort();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    Result<CommandResult> primaryResult = primary.run(*primaryCommandLine, run);
    if (primaryResult && primaryResult->succeeded())
        queue.close();
    else {
        stop = true;
        queue.abort();
    }
    standbyThread.join();
    finished = true;
    watcher.join();
    report.durationMs = clock.elapsed();

    std::optional<Error> failure;
    if (cancelled()) {
        failure = makeError(tr("The clone was cancelled; nothing is left of it on the standby."));
    } else if (!primaryResult) {
        failure = primaryResult.error();
    } else if (!primaryResult->succeeded() && !primaryResult->cancelled) {
        Error error = primaryResult->toError(tr("copy the primary's data directory"));
        error.message =
            explainPrimaryFailure(failureWord(primaryResult->stdErr), options) + QLatin1Char(' ') + error.message;
        failure = error;
    } else if (!standbyResult) {
        failure = standbyResult.error();
    } else if (!standbyResult->succeeded()) {
        Error error = standbyResult->toError(tr("write the copy on the standby"));
        error.message =
            explainStandbyFailure(failureWord(standbyResult->stdErr), options) + QLatin1Char(' ') + error.message;
        failure = error;
    } else if (!primaryResult->succeeded()) {
        failure = primaryResult->toError(tr("copy the primary's data directory"));
    }
    if (!failure) {
        if (progress)
            progress(report.bytes, report.bytes);
        return report;
    }

    // Leave nothing half-done behind: the partial copy (the standby script
    // refused a non-empty directory, so whatever is there is ours) and a slot
    // that would keep WAL on the primary for a standby that never comes.
    if (failureWord(standbyResult ? standbyResult->stdErr : QByteArray()) != QLatin1String("not-empty")) {
        RunOptions cleanup;
        cleanup.as = RunAs::Postgres;
        cleanup.timeoutMs = 300000;
        (void)standby.run(CommandLine::shell(QStringLiteral("[ ! -d \"$1\" ] || find \"$1\" -mindepth 1 -delete"),
                                             {options.standbyDataDir}),
                          cleanup);
    }
    if (report.slotCreated) {
        RunOptions drop;
        drop.as = RunAs::Postgres;
        drop.timeoutMs = 60000;
        (void)primary.run(
            CommandLine(options.psqlPath,
                        {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-h"), options.socketDir,
                         QStringLiteral("-p"), QString::number(options.port), QStringLiteral("-U"), options.user,
                         QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-c"),
                         QStringLiteral("SELECT pg_drop_replication_slot(%1)").arg(sqlLiteral(options.slotName))}),
            drop);
    }
    return *failure;
}
