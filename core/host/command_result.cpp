#include "command_result.h"

#include <QCoreApplication>
#include <QStringList>

#include <csignal>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandResult", text);
}

QString signalMeaning(const QString &name)
{
    if (name == QLatin1String("KILL"))
        return QCoreApplication::translate(
            "CommandResult", "It was killed (SIGKILL): by the system's out-of-memory killer, an administrator or a "
                             "timeout. Check the system log (dmesg, journalctl) on that machine.");
    if (name == QLatin1String("TERM") || name == QLatin1String("INT") || name == QLatin1String("HUP"))
        return QCoreApplication::translate("CommandResult", "It was asked to stop (SIG%1) before it finished.")
            .arg(name);
    if (name == QLatin1String("SEGV") || name == QLatin1String("BUS") || name == QLatin1String("ABRT") ||
        name == QLatin1String("ILL") || name == QLatin1String("FPE"))
        return QCoreApplication::translate(
                   "CommandResult", "It crashed (SIG%1). Check the program's log and the system log on that machine.")
            .arg(name);
    if (name == QLatin1String("PIPE"))
        return QCoreApplication::translate("CommandResult", "It lost the other end of a pipe (SIGPIPE).");
    return QCoreApplication::translate("CommandResult", "It was ended by signal SIG%1.").arg(name);
}

const QList<std::pair<int, const char *>> signalNames{
    {SIGHUP, "HUP"},   {SIGINT, "INT"},   {SIGQUIT, "QUIT"}, {SIGILL, "ILL"},   {SIGABRT, "ABRT"},
    {SIGFPE, "FPE"},   {SIGKILL, "KILL"}, {SIGSEGV, "SEGV"}, {SIGPIPE, "PIPE"}, {SIGALRM, "ALRM"},
    {SIGTERM, "TERM"}, {SIGUSR1, "USR1"}, {SIGUSR2, "USR2"}, {SIGBUS, "BUS"}};

} // namespace

QString signalName(int number)
{
    for (const auto &[signal, name] : signalNames) {
        if (signal == number)
            return QString::fromLatin1(name);
    }
    return QString::number(number);
}

int signalNumber(const QString &name)
{
    for (const auto &[signal, signalName] : signalNames) {
        if (name == QLatin1String(signalName))
            return signal;
    }
    return 0;
}

QString CommandResult::lastOutputLines(int count) const
{
    const QByteArray &source = stdErr.trimmed().isEmpty() ? stdOut : stdErr;
    const QList<QByteArray> lines = source.split('\n');
    QStringList kept;
    for (auto it = lines.crbegin(); it != lines.crend() && kept.size() < count; ++it) {
        const QByteArray line = it->trimmed();
        if (!line.isEmpty())
            kept.prepend(QString::fromUtf8(line));
    }
    return kept.join(QLatin1Char('\n'));
}

QString CommandResult::explain() const
{
    const QString program = command.program();
    const QString last = lastOutputLines();
    QString sentence;
    if (cancelled) {
        sentence = tr("%1 was cancelled before it finished; it was stopped on the host.").arg(program);
    } else if (timedOut) {
        sentence = tr("%1 did not finish within the time allowed (%2 s) and was stopped. Check whether "
                      "the host is overloaded or the command waits for something (a lock, a checkpoint, "
                      "a password prompt), or allow more time.")
                       .arg(program)
                       .arg(durationMs / 1000);
    } else if (exitCode == 0) {
        sentence = tr("%1 succeeded.").arg(program);
    } else if (stdErr.contains("a password is required") || stdErr.contains("a terminal is required")) {
        sentence = tr("sudo asked for a password. Choose \"sudo with a password\" for this host, or allow "
                      "this user to run sudo without one (NOPASSWD in sudoers).");
    } else if (stdErr.contains("incorrect password attempt") || stdErr.contains("Sorry, try again")) {
        sentence = tr("sudo refused the password. Check the password given for this host.");
    } else if (stdErr.contains("su: Authentication failure") || stdErr.contains("su: incorrect password")) {
        sentence = tr("su refused root's password. Check the root password given for this host.");
    } else if (stdErr.contains("is not in the sudoers file") || stdErr.contains("is not allowed to execute")) {
        sentence = tr("The login user may not use sudo for this. Add it to sudoers on the host, or "
                      "log in as a user that may.");
    } else if (!exitSignal.isEmpty()) {
        sentence = tr("%1 did not finish. %2").arg(program, signalMeaning(exitSignal));
    } else if (exitCode == 127) {
        sentence = tr("%1 was not found on the host. Check that it is installed and on the PATH "
                      "of the user that runs it.")
                       .arg(program);
    } else if (exitCode == 126) {
        sentence = tr("%1 was found but could not be run: check its permissions (execute bit, noexec "
                      "mount) and that it is a program for this machine.")
                       .arg(program);
    } else if (exitCode > 128 && exitCode < 160) {
        sentence = tr("%1 ended because a command in it got signal %2.").arg(program).arg(exitCode - 128);
    } else if (exitCode < 0) {
        sentence = tr("%1 ended without an exit status (the connection may have dropped).").arg(program);
    } else {
        sentence = tr("%1 failed with exit status %2.").arg(program).arg(exitCode);
    }
    if (!last.isEmpty() && exitCode != 0)
        sentence += QLatin1Char('\n') + tr("Its last words: %1").arg(last);
    return sentence;
}

Error CommandResult::toError(const QString &action) const
{
    QString detail = QStringLiteral("$ ") + command.toShellString();
    if (!stdErr.isEmpty())
        detail += QLatin1Char('\n') + QString::fromUtf8(stdErr).trimmed();
    return makeError(tr("Could not %1. %2").arg(action, explain()), detail);
}
