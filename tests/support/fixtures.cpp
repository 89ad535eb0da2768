#include "fixtures.h"

#include <QFile>
#include <QtTest/QTest>

namespace Fixtures {

QString path(const QString &relative)
{
    return QStringLiteral(REPLICA_TEST_SOURCE_DIR "/fixtures/") + relative;
}

QByteArray read(const QString &relative)
{
    QFile file(path(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("fixture missing: %s", qPrintable(file.fileName()));
        return {};
    }
    return file.readAll();
}

HostFacts debianHost(const PgVersion &version, const QString &address)
{
    HostFacts facts;
    facts.osId = QStringLiteral("debian");
    facts.osVersion = QStringLiteral("12");
    facts.family = HostFacts::OsFamily::Debian;
    facts.packageManager = QStringLiteral("apt");
    facts.installations.append(
        {version, QStringLiteral("/usr/lib/postgresql/%1/bin").arg(version.majorString()), true});
    facts.canBecomeRoot = true;
    facts.canBecomePostgres = true;
    facts.postgresHome = QStringLiteral("/var/lib/postgresql");
    facts.freeBytes = 50LL * 1024 * 1024 * 1024;
    facts.addresses = {address};
    facts.hostname = address;
    return facts;
}

HostFacts debianHostWithSourceBuild(const PgVersion &built, const QString &address, bool systemd)
{
    HostFacts facts = debianHost(PgVersion(15), address);
    facts.systemd = systemd;
    facts.installations.append({built, QStringLiteral("/usr/local/pgsql/bin"), false, PgInstallation::Origin::Local});
    return facts;
}

} // namespace Fixtures
