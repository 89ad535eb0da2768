#include "library_versions.h"

#include <libpq-fe.h>
#include <libssh/libssh.h>

QList<LibraryVersion> libraryVersions()
{
    const int pq = PQlibVersion(); // e.g. 150008, or 90624 before 10
    const QString libpq = pq >= 100000 ? QStringLiteral("%1.%2").arg(pq / 10000).arg(pq % 10000)
                                       : QStringLiteral("%1.%2.%3").arg(pq / 10000).arg(pq / 100 % 100).arg(pq % 100);
    return {{QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
            {QStringLiteral("libpq"), libpq},
            {QStringLiteral("libssh"), QString::fromLatin1(ssh_version(0))}};
}
