#pragma once

#include <QDir>
#include <QList>
#include <QString>

// One PostgreSQL server build of the version matrix, as tests/support/pg-builds
// left it in its cache: a folder with bin/ (initdb, pg_ctl, postgres), lib/ and
// share/. When the build is missing, skipReason says why, for QSKIP.
struct PgBuild
{
    int major = 0;
    QString version;    // the package's version, e.g. "17.10.0-beta.17"
    QString dir;        // holds bin/ lib/ share/
    QString skipReason; // empty when the build is usable

    bool ok() const { return skipReason.isEmpty(); }
    QString binDir() const { return dir + QStringLiteral("/bin"); }
    // The build laid out as Debian installs a major (bin/ with Debian's psql,
    // no pg_basebackup): what a test host binds at /usr/lib/postgresql/<major>.
    QString debianLayout() const { return QDir::cleanPath(dir + QStringLiteral("/../../debian")); }
};

// Finds the builds that tests/support/pg-builds fetched (./run test runs it
// and exports REPLICA_PG_BUILDS). Used by the live version-matrix tests; the
// program itself never needs these builds.
class PgBuilds
{
public:
    // Every major the matrix covers, oldest first.
    static QList<int> majors();

    // $REPLICA_PG_BUILDS, else the script's own default for this user.
    static QString cacheDir();

    static PgBuild build(int major);

    // The build's bin folder, or empty with *skipReason set.
    static QString binDir(int major, QString *skipReason = nullptr);

    // Debian's client tools (psql, pg_basebackup): the builds have none.
    static QString clientBinDir();
};
