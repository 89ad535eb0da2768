#include "host_lock.h"

#include "core/host/host.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QSysInfo>
#include <QThread>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HostLock", text);
}

// Written by us, never by the user. Prints "path <lock file>", then when
// there is one "age <seconds since it changed>", its owner line and an
// "alive <group> <command>" line for each process still running in a group
// it recorded. A process that started before that run did is not its own
// (a process id used again), and neither is this script.
const char inspectScript[] = R"sh(d=/var/run/postgresql; [ -d "$d" ] || d=/run
lock=$d/replica-studio.lock
printf 'path %s\n' "$lock"
[ -f "$lock" ] || exit 0
now=$(date +%s)
printf 'age %s\n' $((now - $(stat -c %Y -- "$lock")))
grep -m 1 '^owner ' -- "$lock"
start=$(sed -n 's/^started //p' -- "$lock" | head -n 1)
groups=$(sed -n 's/^group //p' -- "$lock" | sort -un | tr '\n' ' ')
[ -n "$groups" ] && command -v ps >/dev/null 2>&1 || exit 0
self=$(ps -o pgid= -p $$ | tr -d ' ')
ps -e -o pgid= -o etimes= -o stat= -o args= | awk -v now="$now" -v start="${start:-0}" -v self="$self" -v groups="$groups" '
  BEGIN { n = split(groups, g, " "); for (i = 1; i <= n; i++) want[g[i]] = 1 }
  ($1 in want) && $1 != self && $3 !~ /^Z/ && now - $2 >= start - 2 {
    pg = $1; $1 = ""; $2 = ""; $3 = ""; sub(/^ +/, ""); print "alive " pg " " $0 }'
exit 0
)sh";

// $1 lock file, $2 the owner line seen by inspectScript (empty: none), $3 ours,
// $4 the login user, who appends the command journal to it.
const char takeScript[] = R"sh(now=$(grep -m 1 '^owner ' -- "$1" 2>/dev/null)
[ "$now" = "$2" ] || { printf '%s\n' "$now"; exit 3; }
tmp=$(mktemp -- "$1.XXXXXX") || exit 1
printf '%s\nstarted %s\n' "$3" "$(date +%s)" >"$tmp" || exit 1
[ -z "$4" ] || chown -- "$4" "$tmp" || exit 1
mv -f -- "$tmp" "$1"
)sh";

const char releaseScript[] = R"sh([ "$(grep -m 1 '^owner ' -- "$1" 2>/dev/null)" = "$2" ] && rm -f -- "$1"
exit 0
)sh";

QString bootId()
{
    QFile file(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().trimmed()) : QStringLiteral("-");
}

// When the process started (clock ticks since boot, /proc/<pid>/stat field
// 22): with the pid, it names one process; empty when there is none.
QString processStart(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? QString::fromLatin1(fields.at(19)) : QString();
}

} // namespace

struct HostLock::Found
{
    QString path;
    qint64 ageSeconds = 0;
    QString owner;                   // the whole "owner ..." line, empty when none
    QMap<qint64, QStringList> alive; // group -> its processes' command lines
};

QString HostLock::ownerLine()
{
    const qint64 pid = QCoreApplication::applicationPid();
    const QString program = QCoreApplication::applicationName().isEmpty() ? QStringLiteral("replica-studio")
                                                                          : QCoreApplication::applicationName();
    return QStringLiteral("owner %1 %2 %3 %4 %5")
        .arg(QSysInfo::machineHostName(), bootId())
        .arg(pid)
        .arg(processStart(pid), program);
}

Result<HostLock::Found> HostLock::inspect() const
{
    RunOptions options;
    options.as = RunAs::Root;
    options.timeoutMs = 30000;
    auto ran = m_host->run(CommandLine::shell(QString::fromLatin1(inspectScript)), options);
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return ran->toError(tr("look for an earlier run's lock file on %1").arg(m_host->displayName()));
    Found found;
    for (const QString &line : QString::fromUtf8(ran->stdOut).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString word = line.section(QLatin1Char(' '), 0, 0);
        const QString rest = line.section(QLatin1Char(' '), 1);
        if (word == QLatin1String("path"))
            found.path = rest;
        else if (word == QLatin1String("age"))
            found.ageSeconds = rest.toLongLong();
        else if (word == QLatin1String("owner"))
            found.owner = line;
        else if (word == QLatin1String("alive"))
            found.alive[rest.section(QLatin1Char(' '), 0, 0).toLongLong()].append(rest.section(QLatin1Char(' '), 1));
    }
    if (found.path.isEmpty())
        return makeError(tr("Could not find where to keep the lock file on %1.").arg(m_host->displayName()),
                         QString::fromUtf8(ran->stdOut + ran->stdErr));
    return found;
}

Result<void> HostLock::acquire(Host &host, const QString &name, const Options &options)
{
    release();
    m_host = &host;
    auto found = inspect();
    if (!found)
        return found.error();
    if (!found->owner.isEmpty()) {
        // owner MACHINE BOOT PID START PROGRAM
        const QStringList words = found->owner.split(QLatin1Char(' '));
        const QString me = ownerLine();
        const QStringList mine = me.split(QLatin1Char(' '));
        const bool sameMachine = words.size() > 5 && words.at(1) == mine.at(1) && words.at(2) == mine.at(2);
        const qint64 pid = words.value(3).toLongLong();
        const QString program = words.mid(5).join(QLatin1Char(' '));
        if (sameMachine && found->owner != me && !words.at(4).isEmpty() && processStart(pid) == words.at(4)) {
            return makeError(tr("Another run (%1, process %2 on this computer) is working on the %3 (%4). Wait for it "
                                "to end, or stop it, then run this again.")
                                 .arg(program)
                                 .arg(pid)
                                 .arg(name, host.displayName()),
                             found->owner);
        }
        if (!sameMachine && found->ageSeconds * 1000 < options.foreignOwnerStaleMs) {
            return makeError(tr("A run from %1 (%2, process %3) worked on the %4 (%5) %6 s ago and may still be "
                                "working there. Wait for it to end; if it is gone, remove %7 on that host and run "
                                "this again.")
                                 .arg(words.value(1), program)
                                 .arg(pid)
                                 .arg(name, host.displayName())
                                 .arg(found->ageSeconds)
                                 .arg(found->path),
                             found->owner);
        }
    }
    if (!found->alive.isEmpty()) {
        if (auto ended = endLeftovers(*found, name, options); !ended)
            return ended;
    }

    const QString owner = ownerLine();
    RunOptions take;
    take.as = RunAs::Root;
    take.timeoutMs = 30000;
    const QString user = host.loginUser() == QLatin1String("root") ? QString() : host.loginUser();
    auto taken =
        host.run(CommandLine::shell(QString::fromLatin1(takeScript), {found->path, found->owner, owner, user}), take);
    if (!taken)
        return taken.error();
    if (taken->exitCode == 3)
        return makeError(tr("Another run claimed the %1 (%2) just now. Wait for it to end, then run this again.")
                             .arg(name, host.displayName()),
                         QString::fromUtf8(taken->stdOut));
    if (!taken->succeeded())
        return taken->toError(tr("write the lock file %1 on %2").arg(found->path, host.displayName()));
    m_path = found->path;
    m_owner = owner;
    host.setCommandJournal(m_path);
    return {};
}

Result<void> HostLock::endLeftovers(const Found &found, const QString &name, const Options &options)
{
    auto describe = [](const QMap<qint64, QStringList> &groups) {
        QStringList commands;
        for (const QStringList &processes : groups)
            commands.append(processes.first().left(200));
        return commands.join(QStringLiteral("; "));
    };
    if (options.log)
        options.log(tr("An earlier run was interrupted and left commands running on the %1 (%2): %3. Waiting up to "
                       "%4 s for them to end before this run goes on.")
                        .arg(name, m_host->displayName(), describe(found.alive))
                        .arg(options.leftoverWaitMs / 1000));
    QMap<qint64, QStringList> alive = found.alive;
    QElapsedTimer clock;
    clock.start();
    while (!alive.isEmpty() && clock.elapsed() < options.leftoverWaitMs) {
        if (options.cancel && options.cancel->load())
            return makeError(tr("Cancelled while waiting for an earlier run's commands on the %1 to end.").arg(name));
        QThread::msleep(500);
        auto again = inspect();
        if (!again)
            return again.error();
        alive = again->alive;
    }
    if (alive.isEmpty()) {
        if (options.log)
            options.log(tr("They ended after %1 s.").arg(clock.elapsed() / 1000));
        return {};
    }
    for (auto group = alive.cbegin(); group != alive.cend(); ++group) {
        RunOptions end;
        end.as = RunAs::Root;
        end.timeoutMs = 15000;
        auto ended = m_host->run(Host::endGroupCommand(group.key()), end);
        if (!ended)
            return ended.error();
    }
    if (options.log)
        options.log(tr("Ended them: they still ran after %1 s.").arg(clock.elapsed() / 1000));
    return {};
}

void HostLock::release()
{
    if (!m_host)
        return;
    m_host->setCommandJournal({});
    if (!m_path.isEmpty()) {
        RunOptions options;
        options.as = RunAs::Root;
        options.timeoutMs = 15000;
        // A host that cannot be reached keeps the file: its owner is gone, which the next run sees.
        (void)m_host->run(CommandLine::shell(QString::fromLatin1(releaseScript), {m_path, m_owner}), options);
    }
    m_host = nullptr;
    m_path.clear();
    m_owner.clear();
}
