#include "live_server.h"

#include "pg_builds.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>

#include <algorithm>
#include <csignal>
#include <pwd.h>
#include <unistd.h>

namespace {

QString serverUser()
{
    return QStringLiteral("postgres");
}

QString runuser()
{
    return QStringLiteral("/usr/sbin/runuser");
}

Result<CommandResult> runProcess(const CommandLine &command, const QByteArray &input, int timeoutMs)
{
    CommandResult result;
    result.command = command;
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    // The server user may not enter the test's folder; messages in English.
    process.setWorkingDirectory(QDir::tempPath());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    // The sanitizers' runtime options mean nothing to these programs.
    environment.remove(QStringLiteral("LD_PRELOAD"));
    process.setProcessEnvironment(environment);
    process.start(command.program(), command.arguments());
    if (!process.waitForStarted(10000))
        return makeError(QStringLiteral("Cannot run %1.").arg(command.program()), process.errorString());
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        result.timedOut = true;
        process.kill();
        process.waitForFinished(5000);
    }
    result.stdOut = process.readAllStandardOutput();
    result.stdErr = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.durationMs = timer.elapsed();
    return result;
}

Result<void> giveToServerUser(const QString &path)
{
    if (!LiveServer::runningAsRoot())
        return {};
    const passwd *user = ::getpwnam(serverUser().toLocal8Bit().constData());
    if (!user || ::chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) != 0)
        return makeError(QStringLiteral("Cannot give %1 to the postgres user.").arg(path));
    return {};
}

QString output(const CommandResult &ran)
{
    return QString::fromUtf8(ran.stdOut + ran.stdErr);
}

// Processes whose parent is `pid` (/proc/<n>/stat, field 4).
QList<pid_t> childrenOf(pid_t pid)
{
    QList<pid_t> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const pid_t candidate = entry.toInt(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(candidate));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // "pid (comm) state ppid ...": comm may hold spaces, so split after ')'.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toInt() == pid)
            children << candidate;
    }
    return children;
}

QString modeName(LiveServer::StopMode mode)
{
    switch (mode) {
    case LiveServer::StopMode::Smart:
        return QStringLiteral("smart");
    case LiveServer::StopMode::Fast:
        return QStringLiteral("fast");
    case LiveServer::StopMode::Immediate:
        return QStringLiteral("immediate");
    }
    return QStringLiteral("fast");
}

} // namespace

LiveServer::LiveServer(QString binDir) : m_binDir(binDir.isEmpty() ? defaultBinDir() : std::move(binDir))
{
}

LiveServer::~LiveServer()
{
    if (m_running && !stop(StopMode::Immediate))
        (void)killAll();
}

QString LiveServer::unavailableReason()
{
    if (!runningAsRoot())
        return QStringLiteral("needs root: the test server's programs run as the postgres user through runuser");
    if (!QFile::exists(defaultBinDir() + QStringLiteral("/initdb")))
        return QStringLiteral("no PostgreSQL server programs in %1 (install postgresql-15 or set REPLICA_PG_BIN)")
            .arg(defaultBinDir());
    if (!QFile::exists(runuser()))
        return QStringLiteral("runuser is missing");
    return {};
}

QString LiveServer::defaultBinDir()
{
    const QString fromEnvironment = qEnvironmentVariable("REPLICA_PG_BIN");
    return fromEnvironment.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : fromEnvironment;
}

QString LiveServer::clientBinDir()
{
    return PgBuilds::clientBinDir();
}

bool LiveServer::runningAsRoot()
{
    return ::geteuid() == 0;
}

int LiveServer::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString LiveServer::smallFastSettings()
{
    return QStringLiteral("fsync = off\n"
                          "shared_buffers = 16MB\n"
                          "max_connections = 30\n"
                          "wal_sender_timeout = 5s\n"
                          "wal_receiver_status_interval = 1s\n"
                          "logging_collector = off\n");
}

QString LiveServer::folder() const
{
    return m_folder ? m_folder->path() : QString();
}

QString LiveServer::logFile() const
{
    return folder() + QStringLiteral("/server.log");
}

Result<void> LiveServer::makeFolder()
{
    if (m_folder)
        return {};
    m_folder = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/replica-live-XXXXXX"));
    if (!m_folder->isValid())
        return makeError(QStringLiteral("Cannot make a temporary folder under /tmp."), m_folder->errorString());
    return giveToServerUser(m_folder->path());
}

Result<CommandResult> LiveServer::runAsServerUser(const QString &program, const QStringList &arguments,
                                                  const QByteArray &input, int timeoutMs) const
{
    const QString path = program.startsWith(QLatin1Char('/')) ? program : m_binDir + QLatin1Char('/') + program;
    CommandLine command = runningAsRoot()
                              ? CommandLine(runuser(), {QStringLiteral("-u"), serverUser(), QStringLiteral("--"), path})
                              : CommandLine(path);
    command.args(arguments);
    return runProcess(command, input, timeoutMs);
}

Result<void> LiveServer::writeServerFile(const QString &path, const QByteArray &content) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(QStringLiteral("Cannot write %1.").arg(path), file.errorString());
    if (file.write(content) != content.size())
        return makeError(QStringLiteral("Cannot write %1.").arg(path), file.errorString());
    file.close();
    return giveToServerUser(path);
}

Result<void> LiveServer::appendSettings(const QString &lines) const
{
    QFile file(m_dataDir + QStringLiteral("/postgresql.auto.conf"));
    if (!file.open(QIODevice::Append | QIODevice::Text))
        return makeError(QStringLiteral("Cannot add to %1.").arg(file.fileName()), file.errorString());
    QByteArray text = lines.toUtf8();
    if (!text.endsWith('\n'))
        text += '\n';
    if (file.write(text) != text.size())
        return makeError(QStringLiteral("Cannot add to %1.").arg(file.fileName()), file.errorString());
    return {}; // an existing file keeps its owner
}

Result<void> LiveServer::writeHba(const QByteArray &content) const
{
    return writeServerFile(m_dataDir + QStringLiteral("/pg_hba.conf"), content);
}

Result<void> LiveServer::initdb(const QStringList &extraArguments)
{
    if (auto made = makeFolder(); !made)
        return made;
    m_dataDir = folder() + QStringLiteral("/data");
    QStringList arguments{QStringLiteral("-D"),         m_dataDir,
                          QStringLiteral("-U"),         serverUser(),
                          QStringLiteral("-A"),         QStringLiteral("trust"),
                          QStringLiteral("-E"),         QStringLiteral("UTF8"),
                          QStringLiteral("--locale=C"), QStringLiteral("--no-sync")};
    arguments += extraArguments;
    auto ran = runAsServerUser(QStringLiteral("initdb"), arguments);
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return makeError(QStringLiteral("initdb of %1 failed.").arg(m_binDir), output(*ran));
    return {};
}

Result<void> LiveServer::adoptDataDir(const QString &dataDir)
{
    if (auto made = makeFolder(); !made)
        return made;
    m_dataDir = dataDir.isEmpty() ? folder() + QStringLiteral("/data") : dataDir;
    return {};
}

Result<void> LiveServer::initStandbyOf(const LiveServer &primary, const QString &applicationName)
{
    if (auto made = adoptDataDir(); !made)
        return made;
    auto ran = runAsServerUser(clientBinDir() + QStringLiteral("/pg_basebackup"),
                               {QStringLiteral("-D"), m_dataDir, QStringLiteral("-h"), primary.socketDir(),
                                QStringLiteral("-p"), QString::number(primary.port()), QStringLiteral("-U"),
                                serverUser(), QStringLiteral("-X"), QStringLiteral("stream"), QStringLiteral("-c"),
                                QStringLiteral("fast"), QStringLiteral("-R"), QStringLiteral("-C"),
                                QStringLiteral("-S"), applicationName, QStringLiteral("--no-sync")});
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return makeError(QStringLiteral("pg_basebackup of the server on port %1 failed.").arg(primary.port()),
                         output(*ran));
    // -R wrote a primary_conninfo without the application name the primary
    // knows the standby by; this one is read after it.
    const QString conninfo = QStringLiteral("host=%1 port=%2 user=postgres application_name=%3")
                                 .arg(primary.socketDir())
                                 .arg(primary.port())
                                 .arg(applicationName);
    return appendSettings(QStringLiteral("primary_conninfo = '%1'\nhot_standby = on\n").arg(conninfo));
}

Result<void> LiveServer::pgCtl(const QStringList &arguments, const QString &failure, int timeoutMs) const
{
    auto ran = runAsServerUser(QStringLiteral("pg_ctl"), QStringList{QStringLiteral("-D"), m_dataDir} + arguments, {},
                               timeoutMs);
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return makeError(failure, output(*ran));
    return {};
}

Result<void> LiveServer::start(const QStringList &settings)
{
    if (m_port == 0)
        m_port = freePort();
    if (m_port == 0)
        return makeError(QStringLiteral("No free TCP port on 127.0.0.1."));
    QStringList words{QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-k"), socketDir()};
    const bool listenGiven = std::any_of(settings.begin(), settings.end(), [](const QString &setting) {
        return setting.startsWith(QLatin1String("listen_addresses="));
    });
    if (!listenGiven)
        words << QStringLiteral("-c") << QStringLiteral("listen_addresses=127.0.0.1");
    for (const QString &setting : settings)
        words << QStringLiteral("-c") << setting;
    // pg_ctl hands -o to /bin/sh: every word quoted.
    QStringList quoted;
    for (const QString &word : words)
        quoted << CommandLine::quote(word);
    auto started =
        pgCtl({QStringLiteral("-l"), logFile(), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("120"),
               QStringLiteral("-o"), quoted.join(QLatin1Char(' ')), QStringLiteral("start")},
              QStringLiteral("The server in %1 did not start.").arg(m_dataDir), 150000);
    if (!started)
        return makeError(started.error().message, started.error().detail + QLatin1Char('\n') + logTail());
    m_running = true;
    return {};
}

Result<void> LiveServer::stop(StopMode mode)
{
    auto stopped = pgCtl({QStringLiteral("-m"), modeName(mode), QStringLiteral("-w"), QStringLiteral("stop")},
                         QStringLiteral("The server in %1 did not stop.").arg(m_dataDir));
    if (stopped)
        m_running = false;
    return stopped;
}

Result<void> LiveServer::killAll()
{
    QFile pidFile(m_dataDir + QStringLiteral("/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("No postmaster.pid in %1.").arg(m_dataDir), pidFile.errorString());
    const pid_t postmaster = pidFile.readLine().trimmed().toInt();
    if (postmaster <= 0)
        return makeError(QStringLiteral("No postmaster PID in %1.").arg(pidFile.fileName()));
    const QList<pid_t> children = childrenOf(postmaster);
    ::kill(postmaster, SIGKILL);
    for (pid_t child : children)
        ::kill(child, SIGKILL);
    m_running = false;
    return {};
}

Result<void> LiveServer::reload()
{
    return pgCtl({QStringLiteral("reload")}, QStringLiteral("The server in %1 did not reload.").arg(m_dataDir));
}

QString LiveServer::conninfo(const QString &database) const
{
    return QStringLiteral("host=%1 port=%2 user=postgres dbname=%3").arg(socketDir()).arg(m_port).arg(database);
}

QString LiveServer::tcpConninfo(const QString &user, const QString &database) const
{
    return QStringLiteral("host=127.0.0.1 port=%1 user=%2 dbname=%3 sslmode=disable").arg(m_port).arg(user, database);
}

Result<QList<QStringList>> LiveServer::rows(const QString &sql, const QString &database) const
{
    auto ran = runAsServerUser(clientBinDir() + QStringLiteral("/psql"),
                               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                                QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                                QStringLiteral("--field-separator=") + QChar(0x1f), QStringLiteral("-h"), socketDir(),
                                QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"), serverUser(),
                                QStringLiteral("-d"), database},
                               sql.toUtf8(), 60000);
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return makeError(QStringLiteral("The query failed: %1").arg(sql), QString::fromUtf8(ran->stdErr));
    QList<QStringList> result;
    for (const QString &line : QString::fromUtf8(ran->stdOut).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        result.append(line.split(QChar(0x1f)));
    return result;
}

Result<QString> LiveServer::query(const QString &sql, const QString &database) const
{
    auto found = rows(sql, database);
    if (!found)
        return found.error();
    QStringList lines;
    for (const QStringList &row : *found)
        lines << row.join(QLatin1Char('|'));
    return lines.join(QLatin1Char('\n')).trimmed();
}

QString LiveServer::logTail(int lines) const
{
    QFile file(logFile());
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(no server log at %1)").arg(logFile());
    QStringList all = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return QStringLiteral("server log %1:\n").arg(logFile()) + all.join(QLatin1Char('\n'));
}
