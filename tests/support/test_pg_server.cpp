#include "test_pg_server.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>

#include <csignal>
#include <unistd.h>

namespace {

QString runuser()
{
    return QStringLiteral("/usr/sbin/runuser");
}

// Processes whose parent is `pid` (/proc/<n>/stat, field 4).
QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 candidate = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(candidate));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // "pid (comm) state ppid ...": comm may hold spaces, so split after ')'.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == pid)
            children << candidate;
    }
    return children;
}

} // namespace

TestPgServer::TestPgServer(QString name, QString serverBinDir)
    : m_name(std::move(name)), m_binDir(serverBinDir.isEmpty() ? binDir() : std::move(serverBinDir))
{
}

TestPgServer::~TestPgServer()
{
    if (m_started && !stop(QStringLiteral("immediate")))
        killAll();
}

QString TestPgServer::unavailableReason()
{
    if (::geteuid() != 0)
        return QStringLiteral("needs root: the test server's programs run as the postgres user through runuser");
    if (!QFile::exists(binDir() + QStringLiteral("/initdb")))
        return QStringLiteral("no PostgreSQL server programs in %1 (install postgresql-15 or set REPLICA_PG_BIN)")
            .arg(binDir());
    if (!QFile::exists(runuser()))
        return QStringLiteral("runuser is missing");
    return {};
}

QString TestPgServer::clientBinDir()
{
    return QStringLiteral("/usr/lib/postgresql/15/bin");
}

QString TestPgServer::binDir()
{
    const QString fromEnvironment = qEnvironmentVariable("REPLICA_PG_BIN");
    return fromEnvironment.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : fromEnvironment;
}

int TestPgServer::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QString TestPgServer::folder() const
{
    return m_folder ? m_folder->path() : QString();
}

QString TestPgServer::dataDir() const
{
    return folder() + QStringLiteral("/data");
}

QString TestPgServer::connectionString(const QString &database) const
{
    return QStringLiteral("host=%1 port=%2 user=postgres dbname=%3").arg(socketDir()).arg(m_port).arg(database);
}

QString TestPgServer::tcpConnectionString(const QString &user, const QString &database) const
{
    return QStringLiteral("host=127.0.0.1 port=%1 user=%2 dbname=%3 sslmode=disable").arg(m_port).arg(user, database);
}

bool TestPgServer::makeFolder(QString *error)
{
    m_folder = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/replica-pg-") + m_name +
                                               QStringLiteral("-XXXXXX"));
    if (!m_folder->isValid()) {
        *error = QStringLiteral("cannot make a temporary folder: %1").arg(m_folder->errorString());
        return false;
    }
    QProcess chown;
    chown.start(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), folder()});
    chown.waitForFinished();
    if (chown.exitCode() != 0) {
        *error = QStringLiteral("chown postgres %1 failed: %2").arg(folder(), QString::fromLocal8Bit(chown.readAllStandardError()));
        return false;
    }
    m_port = freePort();
    return m_port > 0;
}

bool TestPgServer::runAsPostgres(const QStringList &command, QString *output, const QByteArray &input,
                                 int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(folder().isEmpty() ? QDir::tempPath() : folder());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    // The sanitizers' runtime options mean nothing to these programs.
    environment.remove(QStringLiteral("LD_PRELOAD"));
    process.setProcessEnvironment(environment);
    process.start(runuser(), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + command);
    if (!process.waitForStarted()) {
        if (output)
            *output = process.errorString();
        return false;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(timeoutMs);
    if (!finished)
        process.kill();
    if (output)
        *output = QString::fromUtf8(process.readAll()).trimmed();
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool TestPgServer::writeBaseSettings(QString *error)
{
    const QString settings = QStringLiteral("listen_addresses = '127.0.0.1'\n"
                                            "port = %1\n"
                                            "unix_socket_directories = '%2'\n"
                                            "fsync = off\n"
                                            "shared_buffers = 16MB\n"
                                            "max_connections = 30\n"
                                            "wal_sender_timeout = 5s\n"
                                            "wal_receiver_status_interval = 1s\n"
                                            "logging_collector = off\n")
                                 .arg(m_port)
                                 .arg(socketDir());
    if (!appendSettings(settings)) {
        *error = QStringLiteral("cannot write %1/postgresql.auto.conf").arg(dataDir());
        return false;
    }
    return true;
}

bool TestPgServer::init(QString *error)
{
    if (!makeFolder(error))
        return false;
    QString output;
    if (!runAsPostgres({m_binDir + QStringLiteral("/initdb"), QStringLiteral("-D"), dataDir(), QStringLiteral("-A"),
                        QStringLiteral("trust"), QStringLiteral("-U"), QStringLiteral("postgres"),
                        QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
                        QStringLiteral("--no-sync")},
                       &output)) {
        *error = QStringLiteral("initdb failed: %1").arg(output);
        return false;
    }
    return writeBaseSettings(error);
}

bool TestPgServer::initStandbyOf(const TestPgServer &primary, const QString &applicationName, QString *error)
{
    if (!makeFolder(error))
        return false;
    QString output;
    if (!runAsPostgres({clientBinDir() + QStringLiteral("/pg_basebackup"), QStringLiteral("-D"), dataDir(),
                        QStringLiteral("-h"), primary.socketDir(), QStringLiteral("-p"),
                        QString::number(primary.port()), QStringLiteral("-U"), QStringLiteral("postgres"),
                        QStringLiteral("-X"), QStringLiteral("stream"), QStringLiteral("-c"), QStringLiteral("fast"),
                        QStringLiteral("-R"), QStringLiteral("-C"), QStringLiteral("-S"), applicationName,
                        QStringLiteral("--no-sync")},
                       &output, {}, 120000)) {
        *error = QStringLiteral("pg_basebackup failed: %1").arg(output);
        return false;
    }
    if (!writeBaseSettings(error))
        return false;
    const QString conninfo = QStringLiteral("host=%1 port=%2 user=postgres application_name=%3")
                                 .arg(primary.socketDir())
                                 .arg(primary.port())
                                 .arg(applicationName);
    return appendSettings(QStringLiteral("primary_conninfo = '%1'\nhot_standby = on\n").arg(conninfo));
}

bool TestPgServer::appendSettings(const QString &lines)
{
    QFile file(dataDir() + QStringLiteral("/postgresql.auto.conf"));
    if (!file.open(QIODevice::Append | QIODevice::Text))
        return false;
    file.write(lines.toUtf8());
    if (!lines.endsWith(QLatin1Char('\n')))
        file.write("\n");
    return true; // root writes; the file keeps its owner (postgres)
}

bool TestPgServer::writeHba(const QString &content)
{
    QFile file(dataDir() + QStringLiteral("/pg_hba.conf"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    return file.write(content.toUtf8()) == content.toUtf8().size();
}

bool TestPgServer::start(QString *error)
{
    QString output;
    if (!runAsPostgres({m_binDir + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
                        folder() + QStringLiteral("/server.log"), QStringLiteral("-w"), QStringLiteral("-t"),
                        QStringLiteral("60"), QStringLiteral("start")},
                       &output, {}, 90000)) {
        *error = QStringLiteral("pg_ctl start failed: %1\n%2").arg(output, logTail());
        return false;
    }
    m_started = true;
    return true;
}

bool TestPgServer::stop(const QString &mode)
{
    if (!m_folder)
        return true;
    QString output;
    const bool stopped = runAsPostgres({m_binDir + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), dataDir(),
                                        QStringLiteral("-m"), mode, QStringLiteral("-w"), QStringLiteral("stop")},
                                       &output, {}, 60000);
    if (stopped)
        m_started = false;
    return stopped;
}

bool TestPgServer::killAll()
{
    QFile pidFile(dataDir() + QStringLiteral("/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return false;
    const qint64 postmaster = pidFile.readLine().trimmed().toLongLong();
    if (postmaster <= 0)
        return false;
    const QList<qint64> children = childrenOf(postmaster);
    ::kill(pid_t(postmaster), SIGKILL);
    for (qint64 child : children)
        ::kill(pid_t(child), SIGKILL);
    m_started = false;
    return true;
}

bool TestPgServer::reload()
{
    QString output;
    return runAsPostgres({m_binDir + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), dataDir(), QStringLiteral("reload")},
                         &output);
}

QString TestPgServer::psql(const QString &sql, bool *ok, const QString &database) const
{
    QString output;
    const bool succeeded = runAsPostgres({clientBinDir() + QStringLiteral("/psql"), QStringLiteral("-X"), QStringLiteral("-q"),
                                          QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-v"),
                                          QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), socketDir(),
                                          QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"),
                                          QStringLiteral("postgres"), QStringLiteral("-d"), database},
                                         &output, sql.toUtf8());
    if (ok)
        *ok = succeeded;
    return output;
}

QString TestPgServer::logTail(int lines) const
{
    QFile file(folder() + QStringLiteral("/server.log"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    return all.mid(qMax(0, all.size() - lines)).join(QLatin1Char('\n'));
}
