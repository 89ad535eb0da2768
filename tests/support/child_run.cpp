#include "child_run.h"

#include <QElapsedTimer>
#include <QProcess>

ChildRun ChildRun::start(const QString &program, const QStringList &arguments,
                         const std::function<void(const QString &)> &onOutput, int timeoutMs)
{
    QProcess process;
    ChildRun result;
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [&] {
        result.out += QString::fromUtf8(process.readAllStandardOutput());
        if (onOutput)
            onOutput(result.out);
    });
    process.start(program, arguments);
    process.closeWriteChannel();
    if (!process.waitForStarted())
        return result;
    QElapsedTimer clock;
    clock.start();
    // waitForFinished() emits readyRead as output arrives, so onOutput sees it live.
    while (!process.waitForFinished(100) && process.state() != QProcess::NotRunning) {
        if (clock.elapsed() > timeoutMs) {
            process.kill();
            process.waitForFinished();
            qWarning("%s took longer than %d ms and was killed", qPrintable(program), timeoutMs);
            break;
        }
    }
    result.out += QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}
