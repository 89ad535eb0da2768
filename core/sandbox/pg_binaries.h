#pragma once

#include "core/result.h"
#include "core/version/pg_version.h"

#include <QString>

class Host;

// The PostgreSQL programs a sandbox runs: initdb, postgres and pg_ctl from
// one folder (Debian's newest /usr/lib/postgresql/<N>/bin by default, or a
// --pg-bin folder such as a version-matrix build), and psql and
// pg_basebackup from the same folder or, when it has none, from Debian's
// client of the same or a newer major. An older pg_basebackup refuses a
// newer server, so without one of the same or a newer major there is none
// (Sandbox clones through the low-level backup API instead); an older psql
// still runs plain SQL against a newer server. Found once by Sandbox::up,
// saved in the sandbox state.
class PgBinaries
{
public:
    // Where Debian installs its majors; a parameter so that tests can point
    // at a copy.
    static QString debianRoot() { return QStringLiteral("/usr/lib/postgresql"); }

    // binDir empty: the newest major under debianRoot(). Errors are the
    // user's to fix (a folder without initdb, no PostgreSQL installed).
    static Result<PgBinaries> find(Host &host, const QString &binDir, const QString &root = debianRoot());

    PgVersion version() const { return m_version; }
    QString serverBinDir() const { return m_serverBinDir; }
    QString clientBinDir() const { return m_clientBinDir; }
    // Empty when no pg_basebackup here can copy this major.
    QString basebackupBinDir() const { return m_basebackupBinDir; }
    bool hasBasebackup() const { return !m_basebackupBinDir.isEmpty(); }

    QString initdb() const { return server(QStringLiteral("initdb")); }
    QString postgres() const { return server(QStringLiteral("postgres")); }
    QString pgCtl() const { return server(QStringLiteral("pg_ctl")); }
    QString psql() const { return client(QStringLiteral("psql")); }
    QString pgBasebackup() const;

    // Built from saved state (the sandbox file) without looking again.
    static PgBinaries fromState(const PgVersion &version, const QString &serverBinDir, const QString &clientBinDir,
                                const QString &basebackupBinDir);

private:
    QString server(const QString &program) const;
    QString client(const QString &program) const;

    PgVersion m_version;
    QString m_serverBinDir;
    QString m_clientBinDir;
    QString m_basebackupBinDir;
};
