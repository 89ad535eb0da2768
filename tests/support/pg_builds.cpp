#include "pg_builds.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <unistd.h>

QList<int> PgBuilds::majors()
{
    return {10, 11, 12, 13, 14, 15, 16, 17, 18};
}

QString PgBuilds::cacheDir()
{
    const QString fromEnv = qEnvironmentVariable("REPLICA_PG_BUILDS");
    if (!fromEnv.isEmpty())
        return fromEnv;
    // Same choice as the script: root's home is closed to the postgres user.
    if (::geteuid() == 0)
        return QStringLiteral("/var/cache/replica-studio/pg");
    QString cache = qEnvironmentVariable("XDG_CACHE_HOME");
    if (cache.isEmpty())
        cache = QDir::homePath() + QStringLiteral("/.cache");
    return cache + QStringLiteral("/replica-studio/pg");
}

PgBuild PgBuilds::build(int major)
{
    PgBuild build;
    build.major = major;
    const QString manifest = cacheDir() + QStringLiteral("/manifest.tsv");
    QFile file(manifest);
    if (!file.open(QIODevice::ReadOnly)) {
        build.skipReason = QStringLiteral("No PostgreSQL builds in %1: run tests/support/pg-builds "
                                          "(./run test does) to fetch them.")
                               .arg(cacheDir());
        return build;
    }
    while (!file.atEnd()) {
        const QStringList fields = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char('\t'));
        if (fields.size() < 4 || fields.at(0).toInt() != major)
            continue;
        build.version = fields.at(1);
        if (fields.at(2) != QLatin1String("ok")) {
            build.skipReason = QStringLiteral("No usable build of PostgreSQL %1: %2").arg(major).arg(fields.at(3));
            return build;
        }
        build.dir = fields.at(3);
        if (!QFileInfo(build.binDir() + QStringLiteral("/postgres")).isExecutable())
            build.skipReason =
                QStringLiteral("The build of PostgreSQL %1 in %2 is gone: run tests/support/pg-builds again.")
                    .arg(major)
                    .arg(build.dir);
        return build;
    }
    build.skipReason =
        QStringLiteral("No build of PostgreSQL %1 in %2: run tests/support/pg-builds %1.").arg(major).arg(cacheDir());
    return build;
}

QString PgBuilds::binDir(int major, QString *skipReason)
{
    const PgBuild found = build(major);
    if (skipReason)
        *skipReason = found.skipReason;
    return found.ok() ? found.binDir() : QString();
}

QString PgBuilds::clientBinDir()
{
    return QStringLiteral("/usr/lib/postgresql/15/bin");
}
