#include "postmaster_pid_file.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <csignal>

std::optional<PostmasterPidFile> PostmasterPidFile::read(const QString &dataDir)
{
    QFile file(QDir(dataDir).filePath(QStringLiteral("postmaster.pid")));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return parse(file.readAll());
}

PostmasterPidFile PostmasterPidFile::parse(const QByteArray &content)
{
    const QList<QByteArray> lines = content.split('\n');
    const auto line = [&lines](int index) {
        return index < lines.size() ? QString::fromLocal8Bit(lines.at(index)).trimmed() : QString();
    };
    PostmasterPidFile file;
    file.m_pid = line(0).toLongLong();
    file.m_dataDir = line(1);
    file.m_port = line(3).toInt();
    file.m_socketDir = line(4);
    file.m_status = line(7);
    return file;
}

bool PostmasterPidFile::processAlive() const
{
    if (m_pid <= 0)
        return false;
    if (::kill(static_cast<pid_t>(m_pid), 0) != 0 && errno != EPERM)
        return false;
    // A killed server not yet reaped by its parent is a zombie: dead.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(m_pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        if (close >= 0 && close + 2 < text.size() && (text.at(close + 2) == 'Z' || text.at(close + 2) == 'X'))
            return false;
    }
    // The pid may belong to something else now (a reboot, a crash long ago):
    // a server's command line names postgres (or postmaster before 16).
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(m_pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return true; // no /proc: trust kill()
    const QByteArray words = cmdline.readAll();
    return words.contains("postgres") || words.contains("postmaster");
}
