#include "sandbox.h"

#include "core/conf/conf_file.h"
#include "core/conf/conninfo.h"
#include "core/conf/recovery_settings.h"
#include "core/plan/backup_clone.h"
#include "core/sandbox/free_port.h"
#include "core/sandbox/postmaster_pid_file.h"
#include "core/sandbox/server_user_host.h"
#include "core/version/version_rules.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox", text);
}

// Names inside the sandbox folder.
const QString primaryName = QStringLiteral("primary");
const QString standbyName = QStringLiteral("standby");
const QString socketFolder = QStringLiteral("run");
const QString passFileName = QStringLiteral("replicator.pgpass");
const QString replicationUser = QStringLiteral("replicator");
const QString lessonDatabase = QStringLiteral("mydb");
constexpr int maxStandbys = 5;

// Above Debian's clusters (5432 and up), below the ephemeral range.
constexpr int firstPort = 55432;
// sun_path is 108 bytes with its terminating zero.
constexpr int maxSocketPath = 107;
constexpr int streamingTimeoutMs = 30000;
const QChar fieldSeparator(0x1f);

bool runningAsRoot()
{
    return ::geteuid() == 0;
}

QString homeOf(const char *user)
{
    const passwd *entry = ::getpwnam(user);
    return entry ? QString::fromLocal8Bit(entry->pw_dir) : QString();
}

// A password only the standby's passfile knows; letters and digits, so that
// no quoting question arises in the passfile or SQL.
QString generatePassword()
{
    static const QString alphabet = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    QString password;
    for (int i = 0; i < 24; ++i)
        password.append(alphabet.at(QRandomGenerator::system()->bounded(alphabet.size())));
    return password;
}

QString lastLines(const QByteArray &text, int count)
{
    QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(QLatin1Char('\n'));
}

// RunOptions and WriteOptions as the sandbox uses them (designated
// initialisers would leave -Wextra complaining about the members skipped).
RunOptions runOptions(RunAs as, int timeoutMs = 120000, const QByteArray &stdinData = {})
{
    RunOptions options;
    options.as = as;
    options.timeoutMs = timeoutMs;
    options.stdinData = stdinData;
    return options;
}

WriteOptions writeOptions(RunAs as, int mode)
{
    WriteOptions options;
    options.as = as;
    options.mode = mode;
    options.keepBackup = false; // a throw-away folder: no dated copies
    return options;
}

} // namespace

Sandbox::Sandbox(Host &host, QString dir)
    : m_host(host), m_dir(QDir::cleanPath(QFileInfo(dir.isEmpty() ? defaultDir() : dir).absoluteFilePath())),
      m_as(runningAsRoot() ? RunAs::Postgres : RunAs::LoginUser),
      m_osUser(runningAsRoot() ? QStringLiteral("postgres") : host.loginUser())
{
}

QString Sandbox::defaultDir()
{
    const QString tail = QStringLiteral("/replica-studio/sandbox");
    if (runningAsRoot()) {
        const QString home = homeOf("postgres");
        if (!home.isEmpty())
            return home + QStringLiteral("/.local/share") + tail;
    }
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + tail;
}

Result<SandboxState> Sandbox::loadState(const QString &dir)
{
    const QString absolute = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    QFile file(SandboxState::stateFilePath(absolute));
    if (!file.exists())
        return makeError(tr("There is no sandbox in %1. Run 'replicactl sandbox up' to make one.").arg(absolute));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(tr("The sandbox file %1 cannot be read: %2. Run this as the user who made the sandbox.")
                             .arg(file.fileName(), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    // Ours are written whole (temp file, rename) and always say their
    // format: anything else is another program's folder, not to be touched.
    if (!document.isObject() || !document.object().contains(QStringLiteral("format")))
        return makeRefusal(tr("The folder %1 holds a sandbox.json that Replica Studio did not write, so it is not a "
                              "sandbox of this program and nothing in it is touched. Choose another folder with "
                              "--dir.")
                               .arg(absolute),
                           parseError.error == QJsonParseError::NoError ? file.fileName() : parseError.errorString());
    return SandboxState::fromJson(document.object(), absolute);
}

QStringList Sandbox::standbyNamesFor(int count)
{
    if (count == 1)
        return {standbyName};
    QStringList names;
    for (int i = 1; i <= count; ++i)
        names.append(standbyName + QString::number(i));
    return names;
}

QString Sandbox::psqlCommand(const SandboxServer &server) const
{
    const QString psql =
        m_binaries ? m_binaries->psql()
                   : (m_state ? QDir(m_state->clientBinDir).filePath(QStringLiteral("psql")) : QStringLiteral("psql"));
    // Root needs no runuser here: it may enter the socket folder, and local
    // connections are trusted (the folder is the servers' user's alone).
    return server.psqlCommand(psql);
}

// ---------------------------------------------------------------- input

Result<PgBinaries> Sandbox::checkInput(const SandboxOptions &options)
{
    const QFileInfo info(m_dir);
    const bool hasState = QFileInfo::exists(SandboxState::stateFilePath(m_dir));
    if (info.exists() && !info.isDir())
        return makeError(tr("%1 is a file, not a folder. Give --dir a new or empty folder, or the folder of a "
                            "sandbox.")
                             .arg(m_dir));
    if (info.exists() && !hasState &&
        !QDir(m_dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot).isEmpty())
        return makeError(tr("The folder %1 already holds other files and no sandbox. Give --dir a new or empty "
                            "folder.")
                             .arg(m_dir));
    const QString socketPath = m_dir + QLatin1Char('/') + socketFolder + QStringLiteral("/.s.PGSQL.65535");
    if (socketPath.toLocal8Bit().size() > maxSocketPath)
        return makeError(tr("The folder %1 has too long a path for the servers' Unix sockets (at most %2 "
                            "bytes in all). Give --dir a shorter path.")
                             .arg(m_dir)
                             .arg(maxSocketPath - 20));
    if (runningAsRoot() && homeOf("postgres").isEmpty())
        return makeError(tr("Run as root, the sandbox runs its servers as the postgres system user, and there is "
                            "none here. Install PostgreSQL's server package, or run this as a normal user."));
    // Whoever runs the servers must reach the folder: root makes missing
    // folders and hands the sandbox's own to postgres, but postgres must
    // still pass through every folder above it (a home folder is often
    // closed); a plain user must be able to make it.
    QString ancestor = info.exists() && runningAsRoot() ? info.path() : m_dir;
    while (!QFileInfo::exists(ancestor) && ancestor != QFileInfo(ancestor).path())
        ancestor = QFileInfo(ancestor).path();
    if (!info.exists() || runningAsRoot()) {
        const CommandLine probe =
            runningAsRoot() ? CommandLine::shell(QStringLiteral("cd -- \"$1\""), {ancestor})
                            : CommandLine::shell(QStringLiteral("test -w \"$1\" && test -x \"$1\""), {ancestor});
        auto reachable = m_host.run(probe, runOptions(m_as, 30000));
        if (!reachable)
            return reachable.error();
        if (!reachable->succeeded())
            return makeError(
                runningAsRoot() ? tr("The postgres system user, who runs the sandbox's servers, cannot enter %1, so it "
                                     "could not reach %2. Choose a folder it can reach with --dir (for example "
                                     "under /tmp or %3).")
                                      .arg(ancestor, m_dir, homeOf("postgres"))
                                : tr("You cannot create %1: %2 is not writable for you. Choose another folder with "
                                     "--dir.")
                                      .arg(m_dir, ancestor));
    }

    std::optional<SandboxState> existing;
    if (hasState) {
        // A sandbox that cannot be read (another program's folder, another
        // version's) is refused as it is: never replaced behind the user.
        auto loaded = loadState(m_dir);
        if (!loaded)
            return loaded.error();
        existing = *loaded;
    }
    std::optional<PgBinaries> binaries;
    if (existing && options.pgBinDir.isEmpty() &&
        QFileInfo(QDir(existing->binDir).filePath(QStringLiteral("initdb"))).isExecutable()) {
        // The sandbox keeps its own programs; they must still be there.
        binaries = PgBinaries::fromState(existing->version, existing->binDir, existing->clientBinDir,
                                         existing->basebackupBinDir);
    } else {
        auto found = PgBinaries::find(m_host, options.pgBinDir);
        if (!found)
            return found.error();
        binaries = *found;
    }
    if (existing && !(existing->version == binaries->version())) {
        return makeError(
            tr("The sandbox in %1 runs PostgreSQL %2, not %3. Run 'replicactl sandbox reset "
               "--pg-bin %4' to replace it, or choose another folder with --dir.")
                .arg(m_dir, existing->version.majorString(), binaries->version().majorString(), options.pgBinDir));
    }
    auto standbys = checkStandbyOptions(options, binaries->version(), existing);
    if (!standbys)
        return standbys.error();
    return *binaries;
}

Result<void> Sandbox::checkStandbyOptions(const SandboxOptions &options, const PgVersion &version,
                                          const std::optional<SandboxState> &existing) const
{
    if (options.standbys && (*options.standbys < 1 || *options.standbys > maxStandbys))
        return makeRefusal(tr("A sandbox has 1 to %1 standbys, not %2. Give --standbys a number from 1 to %1.")
                               .arg(maxStandbys)
                               .arg(*options.standbys));
    if (existing && options.standbys && *options.standbys != existing->standbys.size())
        return makeRefusal(tr("The sandbox in %1 has %2 standby(s), not %3. Run 'replicactl sandbox reset "
                              "--standbys %3' to replace it, or choose another folder with --dir.")
                               .arg(m_dir)
                               .arg(existing->standbys.size())
                               .arg(*options.standbys));
    if (options.synchronousStandbyNames) {
        // The same judge as every other edit of a server's settings: what
        // PostgreSQL of this major would refuse at reload is refused here.
        auto valid = VersionRules(version).validateSetting(QStringLiteral("synchronous_standby_names"),
                                                           *options.synchronousStandbyNames);
        if (!valid)
            return makeRefusal(tr("--synchronous-standby-names: %1").arg(valid.error().message), valid.error().detail);
    }
    return {};
}

// ---------------------------------------------------------------- up

Result<SandboxState> Sandbox::up(const SandboxOptions &options)
{
    m_actions.clear();
    m_phases.clear();
    m_totalMs = 0;
    m_reusedRunning = false;
    QElapsedTimer clock;
    clock.start();

    auto binaries = checkInput(options);
    if (!binaries)
        return binaries.error();
    m_binaries = *binaries;

    if (QFileInfo::exists(SandboxState::stateFilePath(m_dir))) {
        // The user's tables and the log that says what went wrong live
        // here: a sandbox that does not start is reported, never replaced.
        auto resumed = resume(options);
        m_totalMs = clock.elapsed();
        if (resumed)
            return resumed;
        Error error = resumed.error();
        error.message = tr("The sandbox in %1 could not be brought up; its files are kept as they are. %2 Fix what "
                           "the lines below say (a setting in postgresql.conf, say) and run 'replicactl sandbox "
                           "up' again, or run 'replicactl sandbox reset' to throw this sandbox away for a fresh "
                           "pair.")
                            .arg(m_dir, error.message);
        return error;
    }
    auto made = createFresh(*m_binaries, options);
    m_totalMs = clock.elapsed();
    return made;
}

Result<SandboxState> Sandbox::resume(const SandboxOptions &options)
{
    auto loaded = loadState(m_dir);
    if (!loaded)
        return loaded.error();
    m_state = *loaded;
    SandboxState &state = *m_state;

    const bool primaryUp = isRunning(state.primary);
    const bool standbysUp = std::all_of(state.standbys.cbegin(), state.standbys.cend(),
                                        [this](const SandboxServer &standby) { return isRunning(standby); });
    if (primaryUp && standbysUp) {
        m_reusedRunning = true;
        note(tr("The sandbox in %1 is already running; it is reused as it is.").arg(m_dir));
    }
    if (!primaryUp) {
        const int oldPort = state.primary.port;
        auto cleaned = cleanStale(state.primary);
        if (!cleaned)
            return cleaned.error();
        for (const SandboxServer &standby : std::as_const(state.standbys)) {
            if (state.primary.port == oldPort || !isRunning(standby))
                continue;
            // Its primary_conninfo names the old port.
            auto stopped = stopServer(standby);
            if (!stopped)
                return stopped.error();
        }
        auto started = startServer(state.primary);
        if (!started)
            return started.error();
        note(tr("Started the primary on port %1.").arg(state.primary.port));
    }
    for (SandboxServer &standby : state.standbys) {
        if (isRunning(standby))
            continue;
        auto cleaned = cleanStale(standby);
        if (!cleaned)
            return cleaned.error();
        if (!standby.promoted) {
            auto written = writeStandbySettings(standby);
            if (!written)
                return written.error();
        }
        auto started = startServer(standby);
        if (!started)
            return started.error();
        note(tr("Started %1 on port %2.").arg(called(standby.name)).arg(standby.port));
    }
    auto saved = saveState();
    if (!saved)
        return saved.error();
    if (state.anyPromoted())
        note(tr("A standby was promoted earlier: the sandbox has two primaries. Run 'replicactl sandbox reset' "
                "for a fresh sandbox."));
    for (const SandboxServer &standby : std::as_const(state.standbys)) {
        if (standby.promoted)
            continue;
        auto streaming = waitForStreaming(standby, streamingTimeoutMs);
        if (!streaming)
            return streaming.error();
    }
    if (state.anyPromoted())
        return state;
    if (options.synchronousStandbyNames) {
        auto set = changeStandbyNames(*options.synchronousStandbyNames);
        if (!set)
            return set.error();
        return *m_state;
    }
    const bool wanted = options.synchronous.value_or(state.synchronous);
    if (wanted != state.synchronous || !m_reusedRunning) {
        auto applied = applySynchronous(wanted, true);
        if (!applied)
            return applied.error();
        state.synchronous = wanted;
        saved = saveState();
        if (!saved)
            return saved.error();
    }
    return state;
}

Result<SandboxState> Sandbox::createFresh(const PgBinaries &binaries, const SandboxOptions &options)
{
    QElapsedTimer clock;
    const VersionRules rules(binaries.version());
    const QStringList standbyNames = standbyNamesFor(options.standbys.value_or(1));
    const bool synchronous = options.synchronousStandbyNames ? !options.synchronousStandbyNames->isEmpty()
                                                             : options.synchronous.value_or(true);

    auto prepared = prepareFolder();
    if (!prepared)
        return prepared.error();

    auto primaryPort = FreePort::find(firstPort);
    if (!primaryPort)
        return primaryPort.error();

    SandboxState state;
    state.dir = m_dir;
    state.version = binaries.version();
    state.binDir = binaries.serverBinDir();
    state.clientBinDir = binaries.clientBinDir();
    state.basebackupBinDir = binaries.basebackupBinDir();
    state.synchronous = false; // until the standbys stream
    state.synchronousStandbyNames = options.synchronousStandbyNames.value_or(QString());
    state.osUser = m_osUser;
    state.replicationUser = replicationUser;
    state.passFile = QDir(m_dir).filePath(passFileName);
    state.created = QDateTime::currentDateTimeUtc();
    const auto server = [this](const QString &name, int port) {
        SandboxServer made;
        made.name = name;
        made.port = port;
        made.dataDir = QDir(m_dir).filePath(name);
        made.socketDir = QDir(m_dir).filePath(socketFolder);
        made.superuser = m_osUser;
        made.database = lessonDatabase;
        return made;
    };
    state.primary = server(primaryName, *primaryPort);
    QList<int> taken{*primaryPort};
    for (const QString &name : standbyNames) {
        auto port = FreePort::find(taken.last() + 1, taken);
        if (!port)
            return port.error();
        taken.append(*port);
        SandboxServer standby = server(name, *port);
        standby.slotName = rules.hasReplicationSlots() ? name : QString();
        state.standbys.append(standby);
    }
    m_state = state;
    // Written first, so that a crash from here on leaves a folder that is
    // recognised as a sandbox, which `reset` may clean.
    auto saved = saveState();
    if (!saved)
        return saved.error();
    QStringList ports;
    for (qsizetype i = 1; i < taken.size(); ++i)
        ports.append(QString::number(taken.at(i)));
    note(standbyNames.size() == 1
             ? tr("Making a PostgreSQL %1 primary and standby in %2 (ports %3 and %4).")
                   .arg(state.version.majorString(), m_dir)
                   .arg(state.primary.port)
                   .arg(state.standby().port)
             : tr("Making a PostgreSQL %1 primary and %2 standbys in %3 (port %4; standbys on %5).")
                   .arg(state.version.majorString())
                   .arg(standbyNames.size())
                   .arg(m_dir)
                   .arg(state.primary.port)
                   .arg(ports.join(QStringLiteral(", "))));

    // initdb: small and quick (no fsync of a throw-away folder), checksums on
    // as for a real cluster.
    clock.start();
    CommandLine initdb(binaries.initdb(),
                       {QStringLiteral("-D"), state.primary.dataDir, QStringLiteral("-U"), m_osUser,
                        QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-locale"),
                        QStringLiteral("--auth-local=trust"),
                        QStringLiteral("--auth-host=") + rules.preferredPasswordMethod(), QStringLiteral("--no-sync")});
    if (!rules.dataChecksumsByDefault())
        initdb.arg(QStringLiteral("--data-checksums"));
    auto ran = runChecked(initdb, tr("create the primary's data directory with initdb"));
    if (!ran)
        return ran.error();
    auto written = writePrimarySettings();
    if (!written)
        return written.error();
    phase(tr("initdb and settings"), clock.restart());

    auto started = startServer(m_state->primary);
    if (!started)
        return started.error();
    phase(tr("primary start"), clock.restart());

    auto role = makeReplicationRole(rules);
    if (!role)
        return role.error();
    phase(tr("role and slot"), clock.restart());

    auto cloned = cloneFirstStandby(binaries, rules);
    if (!cloned)
        return cloned.error();
    phase(tr("base backup"), clock.restart());
    if (m_state->standbys.size() > 1) {
        auto copied = copyFirstStandby();
        if (!copied)
            return copied.error();
        phase(tr("copies for the other standbys"), clock.restart());
    }
    for (const SandboxServer &standby : std::as_const(m_state->standbys)) {
        auto written = writeStandbySettings(standby, true);
        if (!written)
            return written.error();
    }
    phase(tr("standby settings"), clock.restart());

    auto standbysStarted = startStandbys();
    if (!standbysStarted)
        return standbysStarted.error();
    phase(tr("standby start"), clock.restart());

    for (const SandboxServer &standby : std::as_const(m_state->standbys)) {
        auto streaming = waitForStreaming(standby, streamingTimeoutMs);
        if (!streaming)
            return streaming.error();
    }
    phase(tr("streaming"), clock.restart());

    // The walkthrough's database only now: made before the base backup, its
    // few hundred new files would all be fsynced by the backup's checkpoint
    // (over a second on a busy disk); made now, it reaches the standbys as WAL.
    auto loaded = query(m_state->primary,
                        QStringLiteral("CREATE DATABASE %1;\n"
                                       "\\connect %1\n"
                                       "CREATE TABLE weather (city varchar(80), temp_lo int, temp_hi int, prcp real, "
                                       "date date);\n"
                                       "INSERT INTO weather VALUES ('San Francisco', 46, 50, 0.25, '1994-11-27');\n")
                            .arg(lessonDatabase));
    if (!loaded)
        return loaded.error();
    note(tr("Created the database %1 and its weather table with the San Francisco row.").arg(lessonDatabase));
    phase(tr("demo data"), clock.restart());

    if (synchronous) {
        auto applied = applySynchronous(true, true);
        if (!applied)
            return applied.error();
    }
    // When up returns, every standby shows the row.
    auto replayed = waitForReplay(streamingTimeoutMs);
    if (!replayed)
        return replayed.error();
    phase(synchronous ? tr("synchronous, replayed") : tr("replayed"), clock.restart());
    m_state->synchronous = synchronous;
    saved = saveState();
    if (!saved)
        return saved.error();
    note(!synchronous ? tr("The standbys stream asynchronously.")
         : m_state->synchronousStandbyNames.isEmpty()
             ? tr("%1 streams synchronously: a commit on the primary returns once it has flushed it.")
                   .arg(called(m_state->standby().name, true))
             : tr("Replication is synchronous as synchronous_standby_names = '%1' says.")
                   .arg(m_state->synchronousStandbyNames));
    return *m_state;
}

QString Sandbox::called(const QString &name, bool sentenceStart)
{
    if (name != QLatin1String("primary") && name != QLatin1String("standby"))
        return name;
    return sentenceStart ? tr("The %1").arg(name) : tr("the %1").arg(name);
}

Result<void> Sandbox::makeReplicationRole(const VersionRules &rules)
{
    // The replication role and one slot per standby. The password travels
    // on psql's standard input, never in its arguments. The slots keep WAL
    // from now on (9.6+), before the base backup starts: the copies of the
    // first standby's backup need it too.
    const QString password = generatePassword();
    QString script = QStringLiteral("\\set password '%1'\n").arg(password);
    if (rules.hasScram())
        script += QStringLiteral("SET password_encryption = 'scram-sha-256';\n");
    script += QStringLiteral("CREATE ROLE %1 WITH LOGIN REPLICATION PASSWORD :'password';\n").arg(replicationUser);
    const QString reserve = m_state->version.atLeast(9, 6) ? QStringLiteral(", true") : QString();
    QStringList slotNames;
    for (const SandboxServer &standby : std::as_const(m_state->standbys)) {
        if (standby.slotName.isEmpty())
            continue;
        script +=
            QStringLiteral("SELECT pg_create_physical_replication_slot('%1'%2);\n").arg(standby.slotName, reserve);
        slotNames.append(standby.slotName);
    }
    auto made = query(m_state->primary, script);
    if (!made)
        return made.error();
    note(tr("Created the role %1 (LOGIN REPLICATION, %2 password) and the slot(s) %3.")
             .arg(replicationUser, rules.preferredPasswordMethod(), slotNames.join(QStringLiteral(", "))));

    // Any port: the primary may move to another one when this one is taken.
    const QByteArray passLine = QStringLiteral("127.0.0.1:*:*:%1:%2\n").arg(replicationUser, password).toUtf8();
    auto passWritten = m_host.writeFile(m_state->passFile, passLine, writeOptions(m_as, 0600));
    if (!passWritten)
        return passWritten.error();
    return {};
}

Result<void> Sandbox::cloneFirstStandby(const PgBinaries &binaries, const VersionRules &rules)
{
    const SandboxServer &first = m_state->standby();
    if (binaries.hasBasebackup()) {
        CommandLine basebackup(binaries.pgBasebackup(),
                               {QStringLiteral("-D"), first.dataDir, QStringLiteral("-d"),
                                replicationConnInfo().toString(), QStringLiteral("-w"),
                                QStringLiteral("--checkpoint=fast"), QStringLiteral("-X"), QStringLiteral("stream")});
        if (!first.slotName.isEmpty() && rules.basebackupHasSlotOption())
            basebackup.args({QStringLiteral("-S"), first.slotName});
        if (binaries.version().atLeast(10))
            basebackup.arg(QStringLiteral("--no-sync"));
        auto ran = runChecked(basebackup, tr("copy the primary with pg_basebackup"));
        if (!ran)
            return ran.error();
    } else {
        // No pg_basebackup here of this major or newer (Debian's 15 refuses
        // a 16+ server): the same copy through the low-level backup API.
        CloneOptions clone;
        clone.version = binaries.version();
        clone.primaryDataDir = m_state->primary.dataDir;
        clone.psqlPath = binaries.psql();
        clone.socketDir = m_state->primary.socketDir;
        clone.port = m_state->primary.port;
        clone.user = m_state->primary.superuser;
        clone.standbyDataDir = first.dataDir;
        clone.slotName = first.slotName;
        clone.label = QStringLiteral("replica-studio sandbox");
        ServerUserHost host(m_host, m_as);
        auto cloned = BackupClone::run(host, host, clone);
        if (!cloned)
            return cloned.error();
        note(tr("No pg_basebackup of PostgreSQL %1 or newer is installed, so the standby was cloned through the "
                "low-level backup API (%2 MB, WAL %3 to %4).")
                 .arg(binaries.version().majorString())
                 .arg(cloned->bytes / (1024 * 1024))
                 .arg(cloned->startLsn, cloned->stopLsn));
    }
    return {};
}

Result<void> Sandbox::copyFirstStandby()
{
    // The other standbys copy the first one's copy before it ever starts:
    // the same base backup (its backup_label and WAL), a local copy instead
    // of another checkpoint and stream from the primary. Their own slots
    // have kept WAL since before the backup began. The copies run side by
    // side: their time goes into the kernel's writes more than into one core.
    QStringList arguments;
    for (const SandboxServer &standby : std::as_const(m_state->standbys))
        arguments.append(standby.dataDir); // the first is the source
    auto copied =
        runChecked(CommandLine::shell(QStringLiteral("src=$1; shift; pids=; for d; do cp -a -- \"$src\" \"$d\" & "
                                                     "pids=\"$pids $!\"; done; rc=0; for p in $pids; do wait \"$p\" || "
                                                     "rc=1; done; exit $rc"),
                                      arguments),
                   tr("copy the first standby's base backup for the others"));
    if (!copied)
        return copied.error();
    return {};
}

Result<void> Sandbox::startStandbys()
{
    for (SandboxServer &standby : m_state->standbys) {
        auto started = startServer(standby);
        if (!started)
            return started.error();
        const QString conf = QDir(standby.dataDir).filePath(QStringLiteral("postgresql.conf"));
        auto written = writeConf(conf, {{QStringLiteral("fsync"), QStringLiteral("on")}});
        if (!written)
            return written.error();
        auto reloaded = query(standby, QStringLiteral("SELECT pg_reload_conf();\n"));
        if (!reloaded)
            return reloaded.error();
    }
    return {};
}

Result<void> Sandbox::prepareFolder()
{
    const bool existed = QFileInfo::exists(m_dir);
    QStringList created; // innermost first
    for (QString dir = m_dir; !QFileInfo::exists(dir) && dir != QFileInfo(dir).path(); dir = QFileInfo(dir).path())
        created.append(dir);
    if (!existed) {
        // As the servers' user when it may write the parent; as root else,
        // handing the folder over afterwards.
        auto made =
            m_host.run(CommandLine(QStringLiteral("mkdir"), {QStringLiteral("-p"), QStringLiteral("--"), m_dir}),
                       runOptions(m_as));
        if (!made)
            return made.error();
        if (!made->succeeded()) {
            if (m_as == RunAs::LoginUser)
                return made->toError(tr("create the sandbox folder %1").arg(m_dir));
            made =
                m_host.run(CommandLine(QStringLiteral("mkdir"), {QStringLiteral("-p"), QStringLiteral("--"), m_dir}));
            if (!made)
                return made.error();
            if (!made->succeeded())
                return made->toError(tr("create the sandbox folder %1").arg(m_dir));
        }
        note(tr("Created the folder %1.").arg(m_dir));
    }
    if (runningAsRoot() && QFileInfo(m_dir).ownerId() != ::getpwnam("postgres")->pw_uid) {
        auto owned = m_host.run(CommandLine(QStringLiteral("chown"), {QStringLiteral("--"), m_osUser, m_dir}));
        if (!owned)
            return owned.error();
        if (!owned->succeeded())
            return owned->toError(tr("give the folder %1 to the postgres user").arg(m_dir));
    }
    // The servers' user must reach the folder through every parent.
    auto reachable =
        m_host.run(CommandLine::shell(QStringLiteral("test -w \"$1\" && test -x \"$1\""), {m_dir}), runOptions(m_as));
    if (!reachable)
        return reachable.error();
    if (!reachable->succeeded()) {
        // Leave nothing behind: the folders made here, innermost first.
        for (const QString &made : std::as_const(created))
            (void)m_host.run(CommandLine(QStringLiteral("rmdir"), {QStringLiteral("--"), made}));
        return makeError(tr("The user %1, who runs the sandbox's servers, cannot reach the folder %2: a folder "
                            "above it is closed to that user. Choose a folder that user can enter with --dir "
                            "(for example under /tmp or %3).")
                             .arg(m_osUser, m_dir, homeOf(m_osUser.toLocal8Bit().constData())));
    }
    auto sockets = m_host.run(
        CommandLine(QStringLiteral("mkdir"), {QStringLiteral("-p"), QStringLiteral("-m"), QStringLiteral("0700"),
                                              QStringLiteral("--"), QDir(m_dir).filePath(socketFolder)}),
        runOptions(m_as));
    if (!sockets)
        return sockets.error();
    if (!sockets->succeeded())
        return sockets->toError(tr("create the socket folder"));
    return {};
}

Result<void> Sandbox::removeFiles()
{
    // Only what a sandbox makes: --dir may be a folder of the user's.
    CommandLine remove(QStringLiteral("rm"), {QStringLiteral("-rf"), QStringLiteral("--")});
    QStringList names{socketFolder, passFileName, QStringLiteral("sandbox.json")};
    // Whatever the (perhaps damaged) sandbox.json says: every name a sandbox may use.
    for (const QString &server : QStringList{primaryName} + standbyNamesFor(1) + standbyNamesFor(maxStandbys))
        names << server << server + QStringLiteral(".log");
    for (const QString &name : std::as_const(names))
        remove.arg(QDir(m_dir).filePath(name));
    auto ran = runChecked(remove, tr("remove the sandbox's files in %1").arg(m_dir), RunAs::LoginUser);
    if (!ran)
        return ran.error();
    note(tr("Removed the sandbox's files in %1.").arg(m_dir));
    return {};
}

Result<void> Sandbox::saveState()
{
    const QByteArray json = QJsonDocument(m_state->toJson()).toJson(QJsonDocument::Indented);
    auto written = m_host.writeFile(SandboxState::stateFilePath(m_dir), json, writeOptions(m_as, 0644));
    if (!written)
        return written.error();
    return {};
}

Result<void> Sandbox::ensureLoaded()
{
    auto loaded = loadState(m_dir);
    if (!loaded)
        return loaded.error();
    m_state = *loaded;
    m_binaries =
        PgBinaries::fromState(m_state->version, m_state->binDir, m_state->clientBinDir, m_state->basebackupBinDir);
    return {};
}

// ---------------------------------------------------------------- settings

Result<CommandResult> Sandbox::runChecked(const CommandLine &command, const QString &action, std::optional<RunAs> as)
{
    auto ran = m_host.run(command, runOptions(as.value_or(m_as)));
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return ran->toError(action);
    return ran;
}

Result<void> Sandbox::writeConf(const QString &path, const QList<std::pair<QString, QString>> &settings,
                                const QStringList &unset, const SandboxServer *judge)
{
    const VersionRules rules(m_state->version);
    QByteArray text;
    if (QFileInfo::exists(path)) {
        auto read = m_host.readFile(path); // root and the owner may both read it
        if (!read)
            return read.error();
        text = *read;
    }
    auto conf = ConfFile::parse(text, QFileInfo(path).fileName());
    if (!conf)
        return conf.error();
    for (const auto &[name, value] : settings) {
        auto set = conf->set(name, value, rules);
        if (!set)
            return set.error();
    }
    for (const QString &name : unset)
        conf->unset(name);
    auto written = m_host.writeFile(path, conf->render(), writeOptions(m_as, 0600));
    if (!written)
        return written.error();
    if (judge) {
        // PostgreSQL judges the file before a reload or start takes it; a
        // refused file is put back as it was.
        auto checked = checkSettings(*judge);
        if (!checked) {
            (void)m_host.writeFile(path, text, writeOptions(m_as, 0600));
            return checked.error();
        }
    }
    return {};
}

Result<void> Sandbox::writePrimarySettings()
{
    const VersionRules rules(m_state->version);
    const SandboxServer &primary = m_state->primary;
    QList<std::pair<QString, QString>> settings{
        {QStringLiteral("listen_addresses"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("port"), QString::number(primary.port)},
        {QStringLiteral("unix_socket_directories"), primary.socketDir},
        {QStringLiteral("unix_socket_permissions"), QStringLiteral("0700")},
        {QStringLiteral("max_connections"), QStringLiteral("30")},
        {QStringLiteral("shared_buffers"), QStringLiteral("32MB")},
        {QStringLiteral("wal_level"), rules.walLevelForReplication()},
        {QStringLiteral("max_wal_senders"), QStringLiteral("5")},
        {QStringLiteral("hot_standby"), QStringLiteral("on")},
    };
    if (rules.hasReplicationSlots())
        settings.append({QStringLiteral("max_replication_slots"), QStringLiteral("5")});
    if (rules.hasMaxSlotWalKeepSize())
        settings.append({QStringLiteral("max_slot_wal_keep_size"), QStringLiteral("256MB")});
    if (rules.hasClusterName())
        settings.append({QStringLiteral("cluster_name"), QStringLiteral("sandbox-primary")});
    if (rules.hasScram())
        settings.append({QStringLiteral("password_encryption"), QStringLiteral("scram-sha-256")});
    return writeConf(QDir(primary.dataDir).filePath(QStringLiteral("postgresql.conf")), settings, {}, &primary);
}

Result<void> Sandbox::writeStandbySettings(const SandboxServer &standby, bool firstStart)
{
    const VersionRules rules(m_state->version);
    QList<std::pair<QString, QString>> settings{{QStringLiteral("port"), QString::number(standby.port)}};
    if (rules.hasClusterName())
        settings.append({QStringLiteral("cluster_name"), QStringLiteral("sandbox-") + standby.name});
    if (firstStart) {
        // A server started from a base backup first fsyncs its whole data
        // directory (it was not shut down cleanly): seconds on a busy disk,
        // for a copy that exists for a lesson. So the standby's first start
        // runs with fsync off, and startStandbys turns it back on (a reload)
        // once it runs; the kernel writes the copy out within moments anyway.
        // Should the machine crash in between, the next `up` reports a broken
        // standby and `reset` makes a fresh pair.
        settings.append({QStringLiteral("fsync"), QStringLiteral("off")});
    }
    auto written = writeConf(QDir(standby.dataDir).filePath(QStringLiteral("postgresql.conf")), settings);
    if (!written)
        return written.error();

    // Written by us rather than by pg_basebackup -R: a newer client writes
    // options an older standby refuses, and we want application_name (the
    // name synchronous_standby_names uses) and the passfile.
    RecoverySettings::PrimaryConnection connection;
    connection.host = QStringLiteral("127.0.0.1");
    connection.port = m_state->primary.port;
    connection.user = m_state->replicationUser;
    connection.applicationName = standby.name;
    connection.passfile = m_state->passFile;
    auto conninfo = RecoverySettings::primaryConninfo(connection, m_state->version);
    if (!conninfo)
        return conninfo.error();
    RecoverySettings recovery(m_state->version);
    recovery.conninfo = *conninfo;
    recovery.slotName = standby.slotName;
    QByteArray currentAutoConf;
    const QString autoConfPath = QDir(standby.dataDir).filePath(QStringLiteral("postgresql.auto.conf"));
    if (!recovery.usesRecoveryConf() && QFileInfo::exists(autoConfPath)) {
        auto read = m_host.readFile(autoConfPath);
        if (!read)
            return read.error();
        currentAutoConf = *read;
    }
    auto files = recovery.files(currentAutoConf);
    if (!files)
        return files.error();
    for (const RecoverySettings::FileContent &file : *files) {
        auto wrote =
            m_host.writeFile(QDir(standby.dataDir).filePath(file.name), file.content, writeOptions(m_as, 0600));
        if (!wrote)
            return wrote.error();
    }
    return checkSettings(standby);
}

ConnInfo Sandbox::replicationConnInfo() const
{
    // Over TCP with the replicator's password, as a standby on another
    // machine would connect; the password in the 0600 passfile.
    ConnInfo conninfo;
    conninfo.set(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    conninfo.set(QStringLiteral("port"), QString::number(m_state->primary.port));
    conninfo.set(QStringLiteral("user"), m_state->replicationUser);
    conninfo.set(QStringLiteral("passfile"), m_state->passFile);
    return conninfo;
}

Result<void> Sandbox::checkSettings(const SandboxServer &server)
{
    // PostgreSQL reads the files the way it will at start, and exits 1 on
    // any error in them.
    auto ran = m_host.run(CommandLine(m_binaries->postgres(), {QStringLiteral("-D"), server.dataDir,
                                                               QStringLiteral("-C"), QStringLiteral("wal_level")}),
                          runOptions(m_as, 30000));
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return ran->toError(tr("check %1's settings with postgres -C").arg(called(server.name)));
    return {};
}

// ---------------------------------------------------------------- servers

bool Sandbox::isRunning(const SandboxServer &server) const
{
    const auto pidFile = PostmasterPidFile::read(server.dataDir);
    return pidFile && pidFile->processAlive();
}

Result<void> Sandbox::cleanStale(SandboxServer &server)
{
    const auto pidFile = PostmasterPidFile::read(server.dataDir);
    if (pidFile && !pidFile->processAlive()) {
        // PostgreSQL would refuse the lock file when the old pid now belongs
        // to another process; its socket lock file likewise.
        const QString socketBase = QDir(server.socketDir).filePath(QStringLiteral(".s.PGSQL.%1").arg(server.port));
        auto removed = runChecked(
            CommandLine(QStringLiteral("rm"), {QStringLiteral("-f"), QStringLiteral("--"),
                                               QDir(server.dataDir).filePath(QStringLiteral("postmaster.pid")),
                                               socketBase, socketBase + QStringLiteral(".lock")}),
            tr("remove %1's stale lock files").arg(called(server.name)));
        if (!removed)
            return removed.error();
        note(tr("%1 had stopped without cleaning up (process %2 is gone); removed its stale postmaster.pid.")
                 .arg(called(server.name, true))
                 .arg(pidFile->pid()));
    }
    if (!FreePort::isFree(server.port)) {
        QList<int> others{m_state->primary.port};
        for (const SandboxServer &standby : std::as_const(m_state->standbys))
            others.append(standby.port);
        others.removeOne(server.port);
        auto port = FreePort::find(server.port + 1, others);
        if (!port)
            return port.error();
        note(tr("Port %1 of the %2 is taken by another program; the %2 moves to port %3.")
                 .arg(server.port)
                 .arg(server.name)
                 .arg(*port));
        server.port = *port;
        auto written = writeConf(QDir(server.dataDir).filePath(QStringLiteral("postgresql.conf")),
                                 {{QStringLiteral("port"), QString::number(server.port)}});
        if (!written)
            return written.error();
        return saveState();
    }
    return {};
}

Result<void> Sandbox::startServer(SandboxServer &server)
{
    const QString logFile = QDir(m_dir).filePath(server.name + QStringLiteral(".log"));
    const CommandLine start(m_binaries->pgCtl(), {QStringLiteral("-D"), server.dataDir, QStringLiteral("-l"), logFile,
                                                  QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                                                  QStringLiteral("-s"), QStringLiteral("start")});
    constexpr int attempts = 20;
    for (int attempt = 1;; ++attempt) {
        auto ran = m_host.run(start, runOptions(m_as, 90000));
        if (!ran)
            return ran.error();
        if (ran->succeeded())
            return {};
        auto log = m_host.readFile(logFile, m_as);
        const QString tail = log ? lastLines(*log, 12) : QString();
        if (attempt >= attempts || isRunning(server)) {
            Error error = ran->toError(tr("start %1 (see %2)").arg(called(server.name), logFile));
            error.detail += QLatin1Char('\n') + tail;
            return error;
        }
        if (tail.contains(QLatin1String("could not bind")) ||
            tail.contains(QLatin1String("could not create any TCP/IP"))) {
            // Taken between our check and the server's bind.
            auto cleaned = cleanStale(server);
            if (!cleaned)
                return cleaned.error();
            for (const SandboxServer &standby : std::as_const(m_state->standbys)) {
                if (&server != &m_state->primary || !QFileInfo::exists(standby.dataDir) || standby.promoted)
                    continue;
                auto written = writeStandbySettings(standby);
                if (!written)
                    return written.error();
            }
        } else if (tail.contains(QLatin1String("pre-existing shared memory block")) ||
                   tail.contains(QLatin1String("lock file"))) {
            // Children of a killed server still hold its shared memory; they
            // leave within moments of noticing their postmaster is gone.
            QThread::msleep(250);
            auto cleaned = cleanStale(server);
            if (!cleaned)
                return cleaned.error();
        } else {
            Error error = ran->toError(tr("start %1 (see %2)").arg(called(server.name), logFile));
            error.detail += QLatin1Char('\n') + tail;
            return error;
        }
    }
}

Result<void> Sandbox::stopServer(const SandboxServer &server)
{
    auto ran = m_host.run(
        CommandLine(m_binaries->pgCtl(), {QStringLiteral("-D"), server.dataDir, QStringLiteral("-w"),
                                          QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-s"),
                                          QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("stop")}),
        runOptions(m_as, 90000));
    if (!ran)
        return ran.error();
    if (!ran->succeeded() && isRunning(server))
        return ran->toError(tr("stop %1").arg(called(server.name)));
    return {};
}

Result<QList<QStringList>> Sandbox::query(const SandboxServer &server, const QString &sql, const QString &database)
{
    if (!m_binaries && m_state)
        m_binaries =
            PgBinaries::fromState(m_state->version, m_state->binDir, m_state->clientBinDir, m_state->basebackupBinDir);
    const CommandLine psql(m_binaries->psql(),
                           {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                            QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-F"),
                            QString(fieldSeparator), QStringLiteral("-h"), server.socketDir, QStringLiteral("-p"),
                            QString::number(server.port), QStringLiteral("-U"), server.superuser, QStringLiteral("-d"),
                            database, QStringLiteral("-f"), QStringLiteral("-")});
    auto ran = m_host.run(psql, runOptions(m_as, 120000, sql.toUtf8()));
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return ran->toError(tr("run SQL on %1").arg(called(server.name)));
    QList<QStringList> rows;
    const QStringList lines = QString::fromUtf8(ran->stdOut).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines)
        rows.append(line.split(fieldSeparator));
    return rows;
}

Result<bool> Sandbox::waitOn(const SandboxServer &server, const QString &condition, int timeoutMs)
{
    // One connection that polls on the server every 20 ms: far cheaper than
    // a psql per poll. pg_stat_replication reads shared memory on each call,
    // so the loop sees changes while it runs.
    const QString sql = QStringLiteral("DO $sandbox$ BEGIN FOR i IN 1..%1 LOOP EXIT WHEN (%2); "
                                       "PERFORM pg_sleep(0.02); END LOOP; END $sandbox$;\nSELECT (%2);\n")
                            .arg(QString::number(std::max(1, timeoutMs / 20)), condition);
    auto rows = query(server, sql);
    if (!rows)
        return rows.error();
    return !rows->isEmpty() && rows->constFirst().value(0) == QLatin1String("t");
}

Result<void> Sandbox::waitForStreaming(const SandboxServer &standby, int timeoutMs)
{
    const QString condition = QStringLiteral("EXISTS (SELECT 1 FROM pg_stat_replication WHERE application_name = '%1' "
                                             "AND state = 'streaming')")
                                  .arg(standby.name);
    auto streaming = waitOn(m_state->primary, condition, timeoutMs);
    if (!streaming)
        return streaming.error();
    if (!*streaming) {
        const QString logFile = QDir(m_dir).filePath(standby.name + QStringLiteral(".log"));
        auto log = m_host.readFile(logFile, m_as);
        return makeError(tr("%1 did not start streaming from the primary within %2 s. Its log (%3) says "
                            "why; 'replicactl sandbox reset' makes a fresh sandbox.")
                             .arg(called(standby.name, true))
                             .arg(timeoutMs / 1000)
                             .arg(logFile),
                         log ? lastLines(*log, 12) : QString());
    }
    return {};
}

Result<void> Sandbox::waitForReplay(int timeoutMs)
{
    const VersionRules rules(m_state->version);
    auto position = query(m_state->primary, QStringLiteral("SELECT %1();\n").arg(rules.currentWalLsnFunction()));
    if (!position)
        return position.error();
    const QString lsn = position->value(0).value(0);
    static const QRegularExpression lsnPattern(QStringLiteral("^[0-9A-F]+/[0-9A-F]+$"));
    if (!lsnPattern.match(lsn).hasMatch())
        return makeError(tr("The primary reported no WAL position."), lsn);
    for (const SandboxServer &standby : std::as_const(m_state->standbys)) {
        const QString condition =
            QStringLiteral("EXISTS (SELECT 1 FROM pg_stat_replication WHERE application_name = '%1' "
                           "AND %2 >= '%3'::pg_lsn)")
                .arg(standby.name, rules.replayLsnColumn(), lsn);
        auto replayed = waitOn(m_state->primary, condition, timeoutMs);
        if (!replayed)
            return replayed.error();
        if (!*replayed)
            return makeError(tr("%1 did not replay the primary's changes within %2 s. Its log (%3) says why.")
                                 .arg(called(standby.name, true))
                                 .arg(timeoutMs / 1000)
                                 .arg(QDir(m_dir).filePath(standby.name + QStringLiteral(".log"))));
    }
    return {};
}

QString Sandbox::syncStandbyNames() const
{
    if (!m_state->synchronousStandbyNames.isEmpty())
        return m_state->synchronousStandbyNames;
    return VersionRules(m_state->version).renderSyncStandbyNames({m_state->standby().name});
}

Result<void> Sandbox::applySynchronous(bool synchronous, bool wait)
{
    const QString conf = QDir(m_state->primary.dataDir).filePath(QStringLiteral("postgresql.conf"));
    const QString names = syncStandbyNames();
    auto written = synchronous
                       ? writeConf(conf, {{QStringLiteral("synchronous_standby_names"), names}}, {}, &m_state->primary)
                       : writeConf(conf, {}, {QStringLiteral("synchronous_standby_names")}, &m_state->primary);
    if (!written)
        return written.error();
    auto reloaded = query(m_state->primary, QStringLiteral("SELECT pg_reload_conf();\n"));
    if (!reloaded)
        return reloaded.error();
    note(synchronous ? tr("Set synchronous_standby_names = '%1' on the primary and reloaded it.").arg(names)
                     : tr("Cleared synchronous_standby_names on the primary and reloaded it: commits no longer "
                          "wait for a standby."));
    if (!wait)
        return {};
    // The sandbox's own choice names the first standby; a value of the
    // user's is taken once the primary reports any synchronous standby.
    const QString condition =
        !synchronous ? QStringLiteral("NOT EXISTS (SELECT 1 FROM pg_stat_replication WHERE sync_state IN "
                                      "('sync', 'quorum'))")
        : m_state->synchronousStandbyNames.isEmpty()
            ? QStringLiteral("EXISTS (SELECT 1 FROM pg_stat_replication WHERE application_name = '%1' AND "
                             "sync_state = 'sync')")
                  .arg(m_state->standby().name)
            : QStringLiteral("EXISTS (SELECT 1 FROM pg_stat_replication WHERE sync_state IN ('sync', 'quorum'))");
    auto held = waitOn(m_state->primary, condition, 10000);
    if (!held)
        return held.error();
    if (!*held)
        return makeError(synchronous ? tr("The primary did not report a synchronous standby within 10 s. "
                                          "Check the logs in %1.")
                                           .arg(m_dir)
                                     : tr("The primary still reports a synchronous standby after 10 s. Check its log "
                                          "in %1.")
                                           .arg(m_dir));
    return {};
}

// ---------------------------------------------------------------- operations

Result<void> Sandbox::down(bool removeFiles)
{
    m_actions.clear();
    if (!QFileInfo::exists(SandboxState::stateFilePath(m_dir))) {
        note(tr("There is no sandbox in %1; nothing to stop.").arg(m_dir));
        return {};
    }
    auto loaded = ensureLoaded();
    if (!loaded) {
        // A damaged sandbox of ours may go; another program's folder may not.
        if (!removeFiles || loaded.error().refused)
            return loaded.error();
        return this->removeFiles();
    }
    auto stopped = stopAll();
    if (!stopped)
        return stopped;
    if (removeFiles) {
        auto removed = this->removeFiles();
        if (!removed)
            return removed;
        // The folder itself too when nothing else is in it.
        (void)m_host.run(CommandLine(QStringLiteral("rmdir"), {QStringLiteral("--"), m_dir}));
    }
    return {};
}

Result<void> Sandbox::stopAll()
{
    QList<const SandboxServer *> servers;
    for (const SandboxServer &standby : std::as_const(m_state->standbys))
        servers.append(&standby);
    servers.append(&m_state->primary); // last, so that no standby complains of a lost primary
    for (const SandboxServer *server : std::as_const(servers)) {
        if (!isRunning(*server)) {
            note(tr("%1 was not running.").arg(called(server->name, true)));
            continue;
        }
        auto stopped = stopServer(*server);
        if (!stopped)
            return stopped.error();
        note(tr("Stopped %1.").arg(called(server->name)));
    }
    return {};
}

Result<SandboxServer *> Sandbox::findStandby(const QString &name)
{
    if (name.isEmpty())
        return &m_state->standbys.first();
    for (SandboxServer &standby : m_state->standbys) {
        if (standby.name == name)
            return &standby;
    }
    return makeRefusal(tr("The sandbox in %1 has no standby named '%2'. Its standbys: %3.")
                           .arg(m_dir, name, m_state->standbyNames().join(QStringLiteral(", "))));
}

Result<void> Sandbox::readPrimaryStatus(SandboxStatus &status)
{
    const VersionRules rules(m_state->version);
    const QString lag = rules.hasLagColumns() ? QStringLiteral("write_lag::text, flush_lag::text, replay_lag::text")
                                              : QStringLiteral("NULL, NULL, NULL");
    const QString sql =
        QStringLiteral("SELECT %1()::text, current_setting('synchronous_standby_names');\n"
                       "SELECT application_name, state, sync_state, %2::text, %3::text, %4::text, %5::text, "
                       "%6(%1(), %5)::bigint, %7 FROM pg_stat_replication ORDER BY application_name;\n")
            .arg(rules.currentWalLsnFunction(), rules.sentLsnColumn(), rules.writeLsnColumn(), rules.flushLsnColumn(),
                 rules.replayLsnColumn(), rules.walLsnDiffFunction(), lag);
    auto rows = query(m_state->primary, sql);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return {};
    status.primaryLsn = rows->constFirst().value(0);
    status.synchronousStandbyNames = rows->constFirst().value(1);
    for (qsizetype i = 1; i < rows->size(); ++i) {
        const QStringList &row = rows->at(i);
        SandboxReplicationRow replication;
        replication.applicationName = row.value(0);
        replication.state = row.value(1);
        replication.syncState = row.value(2);
        replication.sentLsn = row.value(3);
        replication.writeLsn = row.value(4);
        replication.flushLsn = row.value(5);
        replication.replayLsn = row.value(6);
        bool ok = false;
        const qint64 bytes = row.value(7).toLongLong(&ok);
        replication.replayLagBytes = ok ? bytes : -1;
        replication.writeLag = row.value(8);
        replication.flushLag = row.value(9);
        replication.replayLag = row.value(10);
        status.replication.append(replication);
    }
    return {};
}

Result<SandboxStandbyStatus> Sandbox::readStandbyStatus(const SandboxServer &standby)
{
    SandboxStandbyStatus status;
    status.name = standby.name;
    status.running = isRunning(standby);
    if (!status.running)
        return status;
    const VersionRules rules(m_state->version);
    // pg_wal_replay_pause -> pg_is_wal_replay_paused (pg_xlog_... before 10).
    const QString paused = QStringLiteral("pg_is_") + rules.walReplayPauseFunction().mid(3) + QLatin1Char('d');
    const QString sql = QStringLiteral("SELECT pg_is_in_recovery(), CASE WHEN pg_is_in_recovery() THEN %1() "
                                       "ELSE false END, %2()::text, %3()::text;\n")
                            .arg(paused, rules.lastWalReceiveLsnFunction(), rules.lastWalReplayLsnFunction());
    auto rows = query(standby, sql);
    if (!rows)
        return rows.error();
    if (!rows->isEmpty()) {
        const QStringList &row = rows->constFirst();
        status.inRecovery = row.value(0) == QLatin1String("t");
        status.replayPaused = row.value(1) == QLatin1String("t");
        status.receiveLsn = row.value(2);
        status.replayLsn = row.value(3);
    }
    return status;
}

Result<SandboxStatus> Sandbox::status()
{
    m_actions.clear();
    auto loaded = ensureLoaded();
    if (!loaded)
        return loaded.error();
    SandboxStatus status;
    status.state = *m_state;
    status.primaryRunning = isRunning(m_state->primary);
    if (status.primaryRunning) {
        auto read = readPrimaryStatus(status);
        if (!read)
            return read.error();
    }
    for (const SandboxServer &standby : std::as_const(m_state->standbys)) {
        auto read = readStandbyStatus(standby);
        if (!read)
            return read.error();
        status.standbys.append(*read);
    }
    return status;
}

Result<SandboxServer *> Sandbox::loadStandby(const QString &name)
{
    m_actions.clear();
    auto loaded = ensureLoaded();
    if (!loaded)
        return loaded.error();
    return findStandby(name);
}

Result<void> Sandbox::stopStandby(const QString &name)
{
    auto found = loadStandby(name);
    if (!found)
        return found.error();
    const SandboxServer &standby = **found;
    if (!isRunning(standby)) {
        note(tr("%1 was not running.").arg(called(standby.name, true)));
        return {};
    }
    auto stopped = stopServer(standby);
    if (!stopped)
        return stopped.error();
    note(tr("Stopped %1.").arg(called(standby.name)));
    const bool waitedFor = !m_state->synchronousStandbyNames.isEmpty() || &standby == &m_state->standby();
    if (m_state->synchronous && !standby.promoted && waitedFor)
        note(tr("The primary is synchronous: if it counted on %1, its commits now wait until %1 is back. "
                "Start it again (start-standby) or switch to asynchronous (async) to release them.")
                 .arg(called(standby.name)));
    return {};
}

Result<void> Sandbox::startStandby(const QString &name)
{
    auto found = loadStandby(name);
    if (!found)
        return found.error();
    SandboxServer &standby = **found;
    if (isRunning(standby)) {
        note(tr("%1 was already running.").arg(called(standby.name, true)));
    } else {
        auto cleaned = cleanStale(standby);
        if (!cleaned)
            return cleaned.error();
        auto started = startServer(standby);
        if (!started)
            return started.error();
        note(tr("Started %1 on port %2.").arg(called(standby.name)).arg(standby.port));
    }
    if (standby.promoted || !isRunning(m_state->primary))
        return {};
    auto streaming = waitForStreaming(standby, streamingTimeoutMs);
    if (!streaming)
        return streaming.error();
    note(tr("%1 streams from the primary again.").arg(called(standby.name, true)));
    return {};
}

Result<SandboxServer *> Sandbox::recoveringStandby(const QString &name)
{
    auto found = loadStandby(name);
    if (!found)
        return found.error();
    if (!isRunning(**found) || (*found)->promoted)
        return makeError(tr("%1 is not running as a standby. Start it with 'replicactl sandbox start-standby', "
                            "or 'reset' after a promote.")
                             .arg(called((*found)->name, true)));
    return *found;
}

Result<void> Sandbox::pauseReplay(const QString &name)
{
    auto standby = recoveringStandby(name);
    if (!standby)
        return standby.error();
    const QString function = VersionRules(m_state->version).walReplayPauseFunction();
    auto ran = query(**standby, QStringLiteral("SELECT %1();\n").arg(function));
    if (!ran)
        return ran.error();
    note(tr("Paused replay on %1 (%2()): it still receives WAL but applies none, so new rows stay "
            "invisible there until resume-replay.")
             .arg(called((*standby)->name), function));
    return {};
}

Result<void> Sandbox::resumeReplay(const QString &name)
{
    auto standby = recoveringStandby(name);
    if (!standby)
        return standby.error();
    const QString function = VersionRules(m_state->version).walReplayResumeFunction();
    auto ran = query(**standby, QStringLiteral("SELECT %1();\n").arg(function));
    if (!ran)
        return ran.error();
    note(tr("Resumed replay on %1 (%2()).").arg(called((*standby)->name), function));
    return {};
}

Result<void> Sandbox::setSynchronous(bool synchronous)
{
    m_actions.clear();
    auto loaded = ensureLoaded();
    if (!loaded)
        return loaded.error();
    return switchSynchronous(synchronous, true);
}

Result<void> Sandbox::setSynchronousStandbyNames(const QString &value)
{
    m_actions.clear();
    auto loaded = ensureLoaded();
    if (!loaded)
        return loaded.error();
    return changeStandbyNames(value);
}

Result<void> Sandbox::changeStandbyNames(const QString &value)
{
    SandboxOptions options;
    options.synchronousStandbyNames = value;
    auto valid = checkStandbyOptions(options, m_state->version, std::nullopt);
    if (!valid)
        return valid;
    const QString before = m_state->synchronousStandbyNames;
    m_state->synchronousStandbyNames = value;
    auto switched = switchSynchronous(!value.isEmpty(), false);
    if (!switched)
        m_state->synchronousStandbyNames = before;
    return switched;
}

Result<void> Sandbox::switchSynchronous(bool synchronous, bool wait)
{
    if (m_state->anyPromoted())
        return makeError(tr("A standby was promoted: the sandbox has two primaries. Run 'replicactl sandbox reset' "
                            "for a fresh sandbox."));
    if (!isRunning(m_state->primary))
        return makeError(tr("The primary is not running. Run 'replicactl sandbox up' first."));
    if (synchronous) {
        // The sandbox's own choice waits for the first standby; a value of
        // the user's for any standby that streams. None: every commit would wait.
        const bool ownChoice = m_state->synchronousStandbyNames.isEmpty();
        const QString condition =
            ownChoice ? QStringLiteral("EXISTS (SELECT 1 FROM pg_stat_replication WHERE application_name = '%1' "
                                       "AND state = 'streaming')")
                            .arg(m_state->standby().name)
                      : QStringLiteral("EXISTS (SELECT 1 FROM pg_stat_replication WHERE state = 'streaming')");
        auto streaming = waitOn(m_state->primary, condition, 5000);
        if (!streaming)
            return streaming.error();
        if (!*streaming)
            return makeError(ownChoice
                                 ? tr("%1 does not stream now, so with synchronous replication every commit on the "
                                      "primary would wait. Start it first with 'replicactl sandbox start-standby'.")
                                       .arg(called(m_state->standby().name, true))
                                 : tr("No standby streams now, so with synchronous replication every commit on the "
                                      "primary would wait. Start one first with 'replicactl sandbox start-standby'."));
    }
    auto applied = applySynchronous(synchronous, wait);
    if (!applied)
        return applied.error();
    m_state->synchronous = synchronous;
    return saveState();
}

Result<void> Sandbox::promote(const QString &name)
{
    auto found = loadStandby(name);
    if (!found)
        return found.error();
    SandboxServer &standby = **found;
    if (standby.promoted)
        return makeError(tr("%1 was promoted already. Run 'replicactl sandbox reset' for a fresh sandbox.")
                             .arg(called(standby.name, true)));
    if (!isRunning(standby))
        return makeError(tr("%1 is not running. Start it with 'replicactl sandbox start-standby' first.")
                             .arg(called(standby.name, true)));
    if (m_state->synchronous && isRunning(m_state->primary)) {
        // Once promoted it no longer replicates: commits waiting for it would wait forever.
        auto applied = applySynchronous(false, false);
        if (!applied)
            return applied.error();
        m_state->synchronous = false;
    }
    CommandLine promote(m_binaries->pgCtl(), {QStringLiteral("-D"), standby.dataDir});
    if (m_state->version.atLeast(10))
        promote.args({QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60")});
    promote.arg(QStringLiteral("promote"));
    auto ran = runChecked(promote, tr("promote %1").arg(called(standby.name)));
    if (!ran)
        return ran.error();
    auto primaryNow = waitOn(standby, QStringLiteral("NOT pg_is_in_recovery()"), 30000);
    if (!primaryNow)
        return primaryNow.error();
    if (!*primaryNow)
        return makeError(
            tr("%1 did not finish its promotion within 30 s. See %2.")
                .arg(called(standby.name, true), QDir(m_dir).filePath(standby.name + QStringLiteral(".log"))));
    standby.promoted = true;
    auto saved = saveState();
    if (!saved)
        return saved.error();
    note(tr("Promoted %1: it now accepts writes on port %2, on a new timeline. The old primary keeps "
            "running on its own; the two no longer replicate.")
             .arg(called(standby.name))
             .arg(standby.port));
    dropSlotOf(standby);
    return {};
}

void Sandbox::dropSlotOf(const SandboxServer &standby)
{
    if (!isRunning(m_state->primary) || standby.slotName.isEmpty())
        return;
    // Nobody will use the slot again; left alone it would hold WAL.
    auto released = waitOn(m_state->primary,
                           QStringLiteral("NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = '%1' "
                                          "AND active)")
                               .arg(standby.slotName),
                           5000);
    if (released && *released &&
        query(m_state->primary, QStringLiteral("SELECT pg_drop_replication_slot(slot_name) FROM "
                                               "pg_replication_slots WHERE slot_name = '%1';\n")
                                    .arg(standby.slotName)))
        note(tr("Dropped the slot %1 on the old primary, so that it does not keep WAL for a standby that is gone.")
                 .arg(standby.slotName));
}

Result<SandboxState> Sandbox::reset(const SandboxOptions &options)
{
    m_actions.clear();
    m_phases.clear();
    m_reusedRunning = false;
    QElapsedTimer clock;
    clock.start();
    SandboxOptions wanted = options;
    std::optional<PgBinaries> binaries;
    const bool hasState = QFileInfo::exists(SandboxState::stateFilePath(m_dir));
    auto loaded = hasState ? ensureLoaded() : Result<void>();
    if (!loaded && loaded.error().refused)
        return loaded.error();
    if (hasState && loaded) {
        if (wanted.pgBinDir.isEmpty() &&
            QFileInfo(QDir(m_state->binDir).filePath(QStringLiteral("initdb"))).isExecutable())
            binaries = PgBinaries::fromState(m_state->version, m_state->binDir, m_state->clientBinDir,
                                             m_state->basebackupBinDir);
        // A fresh sandbox of the same shape unless told otherwise.
        if (!wanted.standbys)
            wanted.standbys = int(m_state->standbys.size());
    }
    if (!binaries) {
        const QFileInfo info(m_dir);
        if (info.exists() && !info.isDir())
            return makeError(tr("%1 is a file, not a folder. Give --dir a new or empty folder, or the folder of a "
                                "sandbox.")
                                 .arg(m_dir));
        auto found = PgBinaries::find(m_host, wanted.pgBinDir);
        if (!found)
            return found.error();
        binaries = *found;
    }
    // Bad input is refused before anything is stopped or removed.
    auto valid = checkStandbyOptions(wanted, binaries->version(), std::nullopt);
    if (!valid)
        return valid.error();
    if (hasState && loaded) {
        auto stopped = stopAll();
        if (!stopped)
            return stopped.error();
    }
    m_binaries = *binaries;
    // Only a sandbox's files go: a folder without one is checked below like
    // a new folder (one holding the user's files is refused).
    if (hasState) {
        auto removed = removeFiles();
        if (!removed)
            return removed.error();
    }
    SandboxOptions again = wanted;
    again.pgBinDir = binaries->serverBinDir();
    auto checked = checkInput(again);
    if (!checked)
        return checked.error();
    auto made = createFresh(*binaries, wanted);
    m_totalMs = clock.elapsed();
    return made;
}

void Sandbox::note(const QString &action)
{
    m_actions.append(action);
    if (m_onProgress)
        m_onProgress(action);
}

void Sandbox::phase(const QString &name, qint64 ms)
{
    m_phases.append(SandboxPhase{name, ms});
    if (m_onProgress)
        m_onProgress(tr("%1: %2 ms").arg(name).arg(ms));
}
