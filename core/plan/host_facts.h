#pragma once

#include "core/version/pg_version.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What discovery found on one host (read only): the OS, the PostgreSQL
// installations and clusters, how to become root and postgres, free disk.
// SetupPlan builds its steps from a pair of these; tests build them from
// fixtures to render plans for majors that are not installed here.
struct PgInstallation
{
    // Where discovery found it: a directory the user named, the
    // distribution's layout (/usr/lib/postgresql/N/bin, /usr/pgsql-N/bin),
    // a source build or vendor tree (/usr/local/pgsql/bin, /opt/...), the PATH.
    enum class Origin { Named, Distribution, Local, Path };

    PgVersion version;
    QString binDir;          // /usr/lib/postgresql/15/bin, /usr/pgsql-15/bin, ...
    bool clientTools = true; // psql and pg_basebackup beside the server
    Origin origin = Origin::Distribution;

    static QString originName(Origin origin);
    static Origin originFromName(const QString &name);
    // "PostgreSQL 11 in /usr/local/pgsql/bin (a source build or vendor tree)", translated.
    QString describe() const;
};

struct ClusterInfo
{
    PgVersion version;
    QString name; // Debian's cluster name ("main"); empty elsewhere
    int port = 5432;
    QString dataDir;
    QString confDir; // where postgresql.conf and pg_hba.conf live (the data dir outside Debian)
    QString socketDir;
    QString logFile;
    bool running = false;
    bool serviceUnit = false; // a postgresql-N-NAME.service of ours starts it (plain initdb clusters)
};

struct HostFacts
{
    enum class OsFamily { Debian, Rhel, Other };

    QString osId;      // ID= of /etc/os-release ("debian", "rhel", "rocky")
    QString osVersion; // VERSION_ID=
    OsFamily family = OsFamily::Other;
    QString packageManager; // "apt", "dnf", "yum" or empty
    bool systemd = false;   // systemd runs the host: a service unit can start a cluster at boot
    QList<PgInstallation> installations;
    QList<ClusterInfo> clusters;
    bool canBecomeRoot = false;
    bool canBecomePostgres = false;
    QString postgresHome;     // the postgres user's home (for its passfile)
    qint64 freeBytes = -1;    // at the data directory (or its nearest existing parent)
    qint64 clockOffsetMs = 0; // host clock minus this computer's clock
    QString hostname;
    QStringList addresses; // the host's own IPv4 addresses
    QStringList problems;  // what discovery could not find out, translated

    std::optional<PgInstallation> installation(const PgVersion &version) const;
    std::optional<ClusterInfo> cluster(const PgVersion &version, const QString &name = {}) const;
    // The newest installed major, or an invalid version.
    PgVersion newestInstalled() const;

    QJsonObject toJson() const;
    static HostFacts fromJson(const QJsonObject &object);
    static QString familyName(OsFamily family);
};
