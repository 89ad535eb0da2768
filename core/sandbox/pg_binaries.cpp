#include "pg_binaries.h"

#include "core/host/host.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <map>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PgBinaries", text);
}

bool isExecutable(const QString &dir, const QString &program)
{
    const QFileInfo info(QDir(dir).filePath(program));
    return info.isFile() && info.isExecutable();
}

bool hasServerPrograms(const QString &dir)
{
    return isExecutable(dir, QStringLiteral("initdb")) && isExecutable(dir, QStringLiteral("postgres")) &&
           isExecutable(dir, QStringLiteral("pg_ctl"));
}

// Debian's installed majors: <root>/<N>/bin, by version.
std::map<PgVersion, QString> debianMajors(const QString &root)
{
    std::map<PgVersion, QString> majors;
    const QStringList names = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        const auto version = PgVersion::parse(name);
        if (version && version->isValid())
            majors.emplace(*version, QDir(root).filePath(name + QStringLiteral("/bin")));
    }
    return majors;
}

} // namespace

Result<PgBinaries> PgBinaries::find(Host &host, const QString &binDir, const QString &root)
{
    PgBinaries binaries;
    const auto majors = debianMajors(root);
    if (binDir.isEmpty()) {
        for (auto it = majors.rbegin(); it != majors.rend(); ++it) {
            if (hasServerPrograms(it->second)) {
                binaries.m_serverBinDir = it->second;
                break;
            }
        }
        if (binaries.m_serverBinDir.isEmpty()) {
            return makeError(tr("No PostgreSQL server is installed here. Install one (for example: apt-get install "
                                "postgresql-15) or give the folder of its programs with --pg-bin."),
                             root);
        }
    } else {
        const QFileInfo info(binDir);
        if (!info.exists())
            return makeError(tr("The folder %1 given with --pg-bin does not exist. Give the bin folder of a "
                                "PostgreSQL installation, such as /usr/lib/postgresql/15/bin.")
                                 .arg(binDir));
        if (!info.isDir())
            return makeError(tr("%1 given with --pg-bin is a file, not a folder. Give the bin folder of a "
                                "PostgreSQL installation, such as /usr/lib/postgresql/15/bin.")
                                 .arg(binDir));
        if (!hasServerPrograms(binDir))
            return makeError(tr("The folder %1 given with --pg-bin holds no initdb, postgres and pg_ctl. Give the "
                                "bin folder of a PostgreSQL installation, such as /usr/lib/postgresql/15/bin.")
                                 .arg(binDir));
        binaries.m_serverBinDir = QFileInfo(binDir).absoluteFilePath();
    }

    // The server says what it is; the folder name may lie.
    RunOptions options;
    options.timeoutMs = 15000;
    const auto ran = host.run(CommandLine(binaries.postgres(), {QStringLiteral("--version")}), options);
    if (!ran)
        return ran.error();
    if (!ran->succeeded())
        return ran->toError(tr("run %1 --version").arg(binaries.postgres()));
    const auto version = PgVersion::parse(QString::fromUtf8(ran->stdOut).trimmed());
    if (!version || !version->isValid())
        return makeError(tr("%1 did not report a PostgreSQL version this program knows.").arg(binaries.postgres()),
                         QString::fromUtf8(ran->stdOut + ran->stdErr));
    binaries.m_version = *version;

    // pg_basebackup: this folder's own, else Debian's of the same major,
    // else the oldest newer one (closest in behaviour).
    if (isExecutable(binaries.m_serverBinDir, QStringLiteral("pg_basebackup"))) {
        binaries.m_basebackupBinDir = binaries.m_serverBinDir;
    } else {
        for (const auto &[major, dir] : majors) {
            if (!(major < binaries.m_version) && isExecutable(dir, QStringLiteral("pg_basebackup"))) {
                binaries.m_basebackupBinDir = dir;
                break;
            }
        }
    }
    // psql likewise, else the newest older one: plain SQL works across majors.
    if (isExecutable(binaries.m_serverBinDir, QStringLiteral("psql"))) {
        binaries.m_clientBinDir = binaries.m_serverBinDir;
    } else {
        for (const auto &[major, dir] : majors) {
            if (!(major < binaries.m_version) && isExecutable(dir, QStringLiteral("psql"))) {
                binaries.m_clientBinDir = dir;
                break;
            }
        }
        for (auto it = majors.rbegin(); binaries.m_clientBinDir.isEmpty() && it != majors.rend(); ++it) {
            if (isExecutable(it->second, QStringLiteral("psql")))
                binaries.m_clientBinDir = it->second;
        }
    }
    if (binaries.m_clientBinDir.isEmpty()) {
        return makeError(tr("The PostgreSQL %1 programs in %2 come without psql, and no psql is installed here. "
                            "Install postgresql-client-%1 (or any postgresql-client), or give --pg-bin a folder "
                            "that has psql too.")
                             .arg(binaries.m_version.majorString(), binaries.m_serverBinDir));
    }
    return binaries;
}

PgBinaries PgBinaries::fromState(const PgVersion &version, const QString &serverBinDir, const QString &clientBinDir,
                                 const QString &basebackupBinDir)
{
    PgBinaries binaries;
    binaries.m_version = version;
    binaries.m_serverBinDir = serverBinDir;
    binaries.m_clientBinDir = clientBinDir.isEmpty() ? serverBinDir : clientBinDir;
    binaries.m_basebackupBinDir = basebackupBinDir;
    return binaries;
}

QString PgBinaries::pgBasebackup() const
{
    return m_basebackupBinDir.isEmpty() ? QString()
                                        : QDir(m_basebackupBinDir).filePath(QStringLiteral("pg_basebackup"));
}

QString PgBinaries::server(const QString &program) const
{
    return QDir(m_serverBinDir).filePath(program);
}

QString PgBinaries::client(const QString &program) const
{
    return QDir(m_clientBinDir).filePath(program);
}
