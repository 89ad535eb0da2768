#include "live_server.h"

#include "pg_builds.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>

#include <unistd.h>

namespace {

QString serverUser()
{
    return QStringLiteral("postgres");
}

CommandResult runProcess(const CommandLine &command, int timeoutMs)
{
    CommandResult result;
    result.command = command;
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(command.program(), command.arguments());
    if (!process.waitForStarted(10000)) {
        result.stdErr = process.errorString().toUtf8();
        return result;
    }
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

} // namespace

LiveServer::LiveServer(QString binDir) : m_binDir(std::move(binDir)) {}

LiveServer::~LiveServer()
{
    if (m_running)
        (void)stop();
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
    if (runningAsRoot()) {
        const CommandResult chown = runProcess(
            CommandLine(QStringLiteral("chown"), {serverUser() + QLatin1Char(':'), m_folder->path()}), 10000);
        if (!chown.succeeded())
            return makeError(QStringLiteral("Cannot give the test folder to the postgres user."),
                             QString::fromUtf8(chown.stdErr));
    }
    return {};
}

Result<CommandResult> LiveServer::runAsServerUser(const QString &program, const QStringList &arguments,
                                                  int timeoutMs) const
{
    const QString path = program.startsWith(QLatin1Char('/')) ? program : m_binDir + QLatin1Char('/') + program;
    CommandLine command = runningAsRoot()
        ? CommandLine(QStringLiteral("runuser"), {QStringLiteral("-u"), serverUser(), QStringLiteral("--"), path})
        : CommandLine(path);
    command.args(arguments);
    CommandResult result = runProcess(command, timeoutMs);
    if (result.exitCode == -1 && !result.timedOut && result.stdOut.isEmpty())
        return makeError(QStringLiteral("Cannot run %1.").arg(path), QString::fromUtf8(result.stdErr));
    return result;
}

Result<void> LiveServer::writeServerFile(const QString &path, const QByteArray &content) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(QStringLiteral("Cannot write %1.").arg(path), file.errorString());
    file.write(content);
    file.close();
    if (runningAsRoot()) {
        const CommandResult chown = runProcess(
            CommandLine(QStringLiteral("chown"), {serverUser() + QLatin1Char(':'), path}), 10000);
        if (!chown.succeeded())
            return makeError(QStringLiteral("Cannot give %1 to the postgres user.").arg(path),
                             QString::fromUtf8(chown.stdErr));
    }
    return {};
}

Result<void> LiveServer::initdb(const QStringList &extraArguments)
{
    if (auto made = makeFolder(); !made)
        return made;
    m_dataDir = folder() + QStringLiteral("/data");
    QStringList arguments{QStringLiteral("-D"), m_dataDir, QStringLiteral("-U"), QStringLiteral("postgres"),
                          QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("--no-sync")};
    arguments += extraArguments;
    auto ran = runAsServerUser(QStringLiteral("initdb"), arguments);
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return makeError(QStringLiteral("initdb of %1 failed.").arg(m_binDir),
                         QString::fromUtf8(ran->stdOut + ran->stdErr));
    return {};
}

Result<void> LiveServer::adoptDataDir(const QString &dataDir)
{
    if (auto made = makeFolder(); !made)
        return made;
    m_dataDir = dataDir.isEmpty() ? folder() + QStringLiteral("/data") : dataDir;
    return {};
}

Result<void> LiveServer::start(const QStringList &settings)
{
    if (m_port == 0)
        m_port = freePort();
    // pg_ctl hands -o to /bin/sh: every word quoted.
    QStringList words{QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-k"), socketDir(),
                      QStringLiteral("-c"), QStringLiteral("listen_addresses=127.0.0.1")};
    for (const QString &setting : settings)
        words << QStringLiteral("-c") << setting;
    QStringList quoted;
    for (const QString &word : words)
        quoted << CommandLine::quote(word);
    auto ran = runAsServerUser(QStringLiteral("pg_ctl"),
                               {QStringLiteral("-D"), m_dataDir, QStringLiteral("-l"), logFile(),
                                QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("120"),
                                QStringLiteral("-o"), quoted.join(QLatin1Char(' ')), QStringLiteral("start")});
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return makeError(QStringLiteral("The server in %1 did not start.").arg(m_dataDir),
                         QString::fromUtf8(ran->stdOut + ran->stdErr) + QLatin1Char('\n') + logTail());
    m_running = true;
    return {};
}

Result<void> LiveServer::stop()
{
    auto ran = runAsServerUser(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"),
                                                          QStringLiteral("fast"), QStringLiteral("-w"),
                                                          QStringLiteral("stop")});
    m_running = false;
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return makeError(QStringLiteral("The server in %1 did not stop.").arg(m_dataDir),
                         QString::fromUtf8(ran->stdOut + ran->stdErr));
    return {};
}

QString LiveServer::conninfo(const QString &database) const
{
    return QStringLiteral("host=%1 port=%2 user=postgres dbname=%3").arg(socketDir()).arg(m_port).arg(database);
}

Result<QList<QStringList>> LiveServer::rows(const QString &sql, const QString &database) const
{
    const QString psql = PgBuilds::clientBinDir() + QStringLiteral("/psql");
    const CommandResult ran = runProcess(
        CommandLine(psql, {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                           QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                           QStringLiteral("--field-separator=") + QChar(0x1f), QStringLiteral("-h"), socketDir(),
                           QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"),
                           QStringLiteral("postgres"), QStringLiteral("-d"), database, QStringLiteral("-c"), sql}),
        60000);
    if (!ran.succeeded())
        return makeError(QStringLiteral("The query failed: %1").arg(sql), QString::fromUtf8(ran.stdErr));
    QList<QStringList> result;
    for (const QString &line : QString::fromUtf8(ran.stdOut).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
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
