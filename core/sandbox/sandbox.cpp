#include "sandbox.h"


#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
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

} // namespace

Sandbox::Sandbox(Host &host, QString dir)
    : m_host(host)
    , m_dir(QDir::cleanPath(QFileInfo(dir.isEmpty() ? defaultDir() : dir).absoluteFilePath()))
    , m_as(runningAsRoot() ? RunAs::Postgres : RunAs::LoginUser)
    , m_osUser(runningAsRoot() ? QStringLiteral("postgres") : host.loginUser())
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
    if (!document.isObject())
        return makeError(tr("The sandbox file %1 is damaged. Run 'replicactl sandbox reset' to make a fresh pair.")
                             .arg(file.fileName()),
                         parseError.errorString());
    return SandboxState::fromJson(document.object(), absolute);
}

QString Sandbox::psqlCommand(const SandboxServer &server) const
{
    const QString psql = m_binaries ? m_binaries->psql()
                                    : (m_state ? QDir(m_state->clientBinDir).filePath(QStringLiteral("psql"))
                                               : QStringLiteral("psql"));
    QString line = server.psqlCommand(psql);
    if (runningAsRoot())
        line = CommandLine(QStringLiteral("runuser"), {QStringLiteral("-u"), m_osUser, QStringLiteral("--")}).toShellString()
            + QLatin1Char(' ') + line;
    return line;
}

