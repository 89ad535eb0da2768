#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

// How the program reaches one PostgreSQL server of a saved cluster.
enum class ServerAccess {
    ConnectionString, // a libpq conninfo, used as it is
    SshTunnel,        // through the SSH host the server lives on, to its port there
};

// One server of a ClusterProfile: where it runs and how the panel and the
// console reach it. Plain value; no secret is ever part of it.
struct ClusterServer
{
    QString name; // the standby's application_name, or "primary"
    bool isPrimary = false;
    ServerAccess access = ServerAccess::ConnectionString;
    QString conninfo;  // ConnectionString: host=... port=... dbname=... (no password)
    QString sshUser;   // SshTunnel: the SSH login; empty: the SSH config's User, else root
    QString sshHost;   //   the machine (a name, an address or an ~/.ssh/config alias)
    int sshPort = 22;  //   0: the SSH config's Port, else 22
    int pgPort = 5432; //   the server's port on that machine
    QString dataDir;   // for the record and for the wizard; may be empty

    // "user@host:port" for a tunnel, the conninfo otherwise: what a list shows.
    QString displayAddress() const;
    bool operator==(const ClusterServer &) const = default;
};

// A saved cluster: a primary and its standbys, as the wizard's Done page or
// the Cluster menu leaves them. Saved as JSON by ClusterProfileStore; its
// secrets (the monitoring role's password, SSH passwords) live in the OS
// keychain under secretKey(), never in the profile.
struct ClusterProfile
{
    Q_DECLARE_TR_FUNCTIONS(ClusterProfile)

public:
    QString id;   // stable file name: letters, digits, '-' only
    QString name; // what the sidebar shows
    QString monitoringRole = QStringLiteral("replica_monitor");
    QString database = QStringLiteral("postgres");
    QList<ClusterServer> servers; // the primary first

    const ClusterServer *primary() const;
    QList<ClusterServer> standbys() const;

    // The keychain entry for a secret of this profile ("<id>/<what>").
    QString secretKey(const QString &what) const;

    // A usable profile: a name, one primary, and each server complete.
    Result<void> validate() const;

    QJsonObject toJson() const;
    static Result<ClusterProfile> fromJson(const QJsonObject &object);
    // A new id from a name: lower case, '-' for anything else, a counter when taken.
    static QString idFor(const QString &name, const QStringList &taken);

    bool operator==(const ClusterProfile &) const = default;
};
