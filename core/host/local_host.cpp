#include "local_host.h"

#include "core/host/line_splitter.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QProcess>

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LocalHost", text);
}

// Ends the command's whole process group: TERM first so that it can clean
// up (the write script removes its temp file), KILL for what lingers.
void endProcessGroup(QProcess &process)
{
    const qint64 pid = process.processId();
    if (pid <= 0)
        return;
    ::kill(-pid_t(pid), SIGTERM);
    if (!process.waitForFinished(3000)) {
        ::kill(-pid_t(pid), SIGKILL);
        process.waitForFinished(-1);
    }
    // Children that ignored TERM and outlived their parent.
    ::kill(-pid_t(pid), SIGKILL);
}

} // namespace

LocalHost::LocalHost()
{
    const passwd *entry = ::getpwuid(::geteuid());
    m_loginUser = entry ? QString::fromLocal8Bit(entry->pw_name) : QString::number(::geteuid());
}

QString LocalHost::displayName() const
{
    return tr("this computer");
}

QString LocalHost::address() const
{
    return QHostInfo::localHostName();
}

Result<CommandResult> LocalHost::run(const CommandLine &command, const RunOptions &options)
{
    if (needsStagedInput(options))
        return runWithStagedInput(command, options);
    CommandResult result;
    result.command = command;
    auto privileged = withPrivilege(command, options.as);
    if (!privileged)
        return privileged.error();

    QProcess process;
    process.setProgram(privileged->command.program());
    process.setArguments(privileged->command.arguments());
    // Its own process group (and session: no terminal to read a password
    // from), so that a cancel reaches grandchildren too.
    process.setChildProcessModifier([] { ::setsid(); });
    if (options.as != RunAs::LoginUser)
        process.setWorkingDirectory(QStringLiteral("/")); // postgres may not enter ours

    QElapsedTimer clock;
    clock.start();
    process.start();
    if (!process.waitForStarted(-1)) {
        // Reported as a shell would: the callers treat hosts alike.
        result.exitCode = process.error() == QProcess::FailedToStart && !QFile::exists(process.program()) ? 127 : 126;
        result.stdErr = (process.program() + QStringLiteral(": ") + process.errorString()).toUtf8();
        result.durationMs = clock.elapsed();
        return result;
    }

    if (!commandJournal().isEmpty()) {
        QFile journal(commandJournal());
        if (journal.open(QIODevice::Append))
            journal.write("group " + QByteArray::number(process.processId()) + '\n');
    }
    const QByteArray input = privileged->stdinPrefix + options.stdinData;
    if (!input.isEmpty())
        process.write(input);
    bool inputOpen = bool(options.stdinSource);
    if (!inputOpen)
        process.closeWriteChannel(); // after the buffered input has gone
    // Streamed input is pulled while less than this waits in Qt's buffer.
    constexpr qint64 inputBufferLimit = 4 << 20;
    auto feedInput = [&] {
        while (inputOpen && process.bytesToWrite() < inputBufferLimit) {
            const std::optional<QByteArray> chunk = options.stdinSource();
            if (!chunk) {
                inputOpen = false;
                process.closeWriteChannel();
            } else if (chunk->isEmpty()) {
                break;
            } else {
                process.write(*chunk);
            }
        }
    };

    LineSplitter outLines(options.onLine ? LineSplitter::Sink([&](const QByteArray &line) {
        options.onLine(OutputChannel::StdOut, line);
    })
                                         : LineSplitter::Sink());
    LineSplitter errLines(options.onLine ? LineSplitter::Sink([&](const QByteArray &line) {
        options.onLine(OutputChannel::StdErr, line);
    })
                                         : LineSplitter::Sink());
    auto drain = [&] {
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        if (options.onStdOutData) {
            if (!out.isEmpty())
                options.onStdOutData(out);
        } else {
            result.stdOut += out;
            outLines.feed(out);
        }
        result.stdErr += err;
        errLines.feed(err);
    };

    while (process.state() != QProcess::NotRunning) {
        feedInput();
        // Short waits: the cancel flag and the timeout are looked at between them.
        // A stream wakes up as soon as bytes move, not after the whole wait.
        if (options.onStdOutData)
            process.waitForReadyRead(20);
        else if (options.stdinSource && process.bytesToWrite() > 0)
            process.waitForBytesWritten(20);
        else
            process.waitForFinished(20);
        drain();
        if (options.cancel && options.cancel->load()) {
            result.cancelled = true;
            endProcessGroup(process);
        } else if (options.timeoutMs > 0 && clock.elapsed() > options.timeoutMs) {
            result.timedOut = true;
            endProcessGroup(process);
        }
    }
    drain();
    outLines.finish();
    errLines.finish();
    result.durationMs = clock.elapsed();
    if (process.exitStatus() == QProcess::CrashExit) {
        // Qt reports the signal number as the exit code of a crashed process.
        result.exitSignal = signalName(process.exitCode());
        result.exitCode = 128 + process.exitCode();
    } else {
        result.exitCode = process.exitCode();
    }
    return result;
}

Result<QByteArray> LocalHost::readFile(const QString &path, RunAs as)
{
    auto privileged = withPrivilege(CommandLine(QStringLiteral("cat")), as);
    if (!privileged)
        return privileged.error();
    if (privileged->command.program() != QLatin1String("cat")) // another user: runuser or sudo
        return readFileThroughShell(path, as);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return readError(path,
                         !QFileInfo::exists(path)                        ? ReadFailure::Missing
                         : file.error() == QFileDevice::PermissionsError ? ReadFailure::Denied
                                                                         : ReadFailure::Other,
                         file.errorString());
    return file.readAll();
}

Result<WriteReport> LocalHost::writeFile(const QString &path, const QByteArray &content, const WriteOptions &options)
{
    return writeFileThroughShell(path, content, options);
}

Result<void> LocalHost::appendFile(const QString &path, const QByteArray &content, RunAs as)
{
    return appendFileThroughShell(path, content, as);
}
