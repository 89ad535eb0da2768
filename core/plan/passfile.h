#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// libpq's password file (~/.pgpass, or the file `passfile=` names): lines
// of host:port:database:user:password with ':' and '\' escaped by '\'.
// The replication step keeps the replication password here (0600, owned by
// postgres) on the standby, and on the primary so that a later standby can
// be added without asking for it again; never in primary_conninfo.
class Passfile
{
public:
    // The content with exactly one line for host:port:database:user carrying
    // this password; other lines stay as they were.
    static QByteArray withEntry(const QByteArray &content, const QString &host, int port, const QString &database,
                                const QString &user, const QString &password);
    // The password of the first line that matches these fields literally (or with '*').
    static std::optional<QString> password(const QByteArray &content, const QString &host, int port,
                                           const QString &database, const QString &user);
    // The password of the first line for this database and user, whatever the host.
    static std::optional<QString> passwordForUser(const QByteArray &content, const QString &database,
                                                  const QString &user);

    static QString escape(const QString &field);
};
