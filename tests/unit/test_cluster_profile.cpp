#include "core/profile/cluster_profile.h"
#include "core/profile/cluster_profile_store.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QTest>

namespace {

ClusterProfile twoServerProfile()
{
    ClusterProfile profile;
    profile.id = QStringLiteral("billing");
    profile.name = QStringLiteral("Billing");
    ClusterServer primary;
    primary.name = QStringLiteral("primary");
    primary.isPrimary = true;
    primary.access = ServerAccess::SshTunnel;
    primary.sshUser = QStringLiteral("dba");
    primary.sshHost = QStringLiteral("db1.example.net");
    primary.sshPort = 2222;
    primary.pgPort = 5433;
    primary.dataDir = QStringLiteral("/var/lib/postgresql/16/main");
    ClusterServer standby;
    standby.name = QStringLiteral("standby1");
    standby.conninfo = QStringLiteral("host=10.0.0.12 port=5432 dbname=postgres");
    profile.servers = {primary, standby};
    return profile;
}

} // namespace

// ClusterProfile (a saved cluster, without secrets) and its store: JSON that
// reads back equal, refusals that say what to fix, atomic files per profile.
class TestClusterProfile : public QObject
{
    Q_OBJECT

private slots:
    void jsonRoundTrip();
    void aliasLeavesUserAndPortToTheSshConfig();
    void refusals_data();
    void refusals();
    void idsFromNames_data();
    void idsFromNames();
    void storeSavesLoadsAndRemoves();
    void unreadableFileIsNamedAndSkipped();
    void backgroundSaveReports();
    void exportAndImport();
};

void TestClusterProfile::jsonRoundTrip()
{
    const ClusterProfile profile = twoServerProfile();
    const Result<ClusterProfile> back = ClusterProfile::fromJson(profile.toJson());
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QCOMPARE(back.value(), profile);
    QCOMPARE(back->primary()->displayAddress(), QStringLiteral("dba@db1.example.net:2222"));
    QCOMPARE(back->standbys().size(), 1);
    QCOMPARE(back->secretKey(QStringLiteral("monitoring")), QStringLiteral("billing/monitoring"));
}

void TestClusterProfile::aliasLeavesUserAndPortToTheSshConfig()
{
    ClusterProfile profile = twoServerProfile();
    profile.servers[0].sshUser.clear();
    profile.servers[0].sshHost = QStringLiteral("db1");
    profile.servers[0].sshPort = 0;
    const Result<ClusterProfile> back = ClusterProfile::fromJson(profile.toJson());
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QCOMPARE(back.value(), profile);
    QCOMPARE(back->primary()->displayAddress(), QStringLiteral("db1"));
}

void TestClusterProfile::refusals_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no name") << "name"
                             << "a name";
    QTest::newRow("password in conninfo") << "password"
                                          << "keychain";
    QTest::newRow("two primaries") << "primaries"
                                   << "exactly one primary";
    QTest::newRow("no machine") << "host"
                                << "machine it runs on";
    QTest::newRow("bad port") << "port"
                              << "1 to 65535";
}

void TestClusterProfile::refusals()
{
    QFETCH(QString, change);
    QFETCH(QString, expected);
    ClusterProfile profile = twoServerProfile();
    if (change == QLatin1String("name"))
        profile.name = QStringLiteral("  ");
    else if (change == QLatin1String("password"))
        profile.servers[1].conninfo += QStringLiteral(" password='s3cr$t'");
    else if (change == QLatin1String("primaries"))
        profile.servers[1].isPrimary = true;
    else if (change == QLatin1String("host"))
        profile.servers[0].sshHost.clear();
    else if (change == QLatin1String("port"))
        profile.servers[0].pgPort = 70000;
    const Result<void> valid = profile.validate();
    QVERIFY(!valid.ok());
    QVERIFY(valid.error().refused);
    QVERIFY2(valid.error().message.contains(expected), qPrintable(valid.error().message));
    QVERIFY(!ClusterProfile::fromJson(profile.toJson()).ok());
}

void TestClusterProfile::idsFromNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<QString>("id");
    QTest::newRow("plain") << "Billing" << QStringList{} << "billing";
    QTest::newRow("spaces and signs") << "  Billing / EU (prod) " << QStringList{} << "billing-eu-prod";
    QTest::newRow("taken") << "Billing" << QStringList{QStringLiteral("billing"), QStringLiteral("billing-2")}
                           << "billing-3";
    QTest::newRow("nothing usable") << "本番" << QStringList{} << "cluster";
}

void TestClusterProfile::idsFromNames()
{
    QFETCH(QString, name);
    QFETCH(QStringList, taken);
    QFETCH(QString, id);
    QCOMPARE(ClusterProfile::idFor(name, taken), id);
}

void TestClusterProfile::storeSavesLoadsAndRemoves()
{
    QTemporaryDir dir;
    ClusterProfileStore store(dir.path() + QStringLiteral("/clusters"));
    QVERIFY(store.load().isEmpty());
    ClusterProfile second = twoServerProfile();
    second.id = QStringLiteral("analytics");
    second.name = QStringLiteral("Analytics");
    QVERIFY(store.save(twoServerProfile()).ok());
    QVERIFY(store.save(second).ok());
    const QList<ClusterProfile> loaded = store.load();
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(loaded[0].name, QStringLiteral("Analytics")); // by name
    QCOMPARE(loaded[1], twoServerProfile());
    QVERIFY(store.problems().isEmpty());
    QVERIFY(store.remove(QStringLiteral("analytics")).ok());
    QCOMPARE(store.load().size(), 1);

    ClusterProfile invalid = twoServerProfile();
    invalid.servers.clear();
    QVERIFY(!store.save(invalid).ok());
}

void TestClusterProfile::unreadableFileIsNamedAndSkipped()
{
    QTemporaryDir dir;
    ClusterProfileStore store(dir.path());
    QVERIFY(store.save(twoServerProfile()).ok());
    QFile broken(dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{ not json");
    broken.close();
    QCOMPARE(store.load().size(), 1);
    QCOMPARE(store.problems().size(), 1);
    QVERIFY2(store.problems().first().contains(QStringLiteral("broken.json")), qPrintable(store.problems().first()));
}

void TestClusterProfile::backgroundSaveReports()
{
    QTemporaryDir dir;
    ClusterProfileStore store(dir.path());
    QSignalSpy saved(&store, &ClusterProfileStore::saved);
    store.saveInBackground(twoServerProfile());
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.first().at(0).toString(), QStringLiteral("billing"));
    QCOMPARE(saved.first().at(1).toString(), QString());
    QCOMPARE(store.load().size(), 1);
}

void TestClusterProfile::exportAndImport()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("billing-profile.json"));
    QVERIFY(ClusterProfileStore::exportTo(twoServerProfile(), path).ok());
    const Result<ClusterProfile> imported = ClusterProfileStore::importFrom(path);
    QVERIFY(imported.ok());
    QCOMPARE(imported.value(), twoServerProfile());
    QVERIFY(!ClusterProfileStore::importFrom(dir.filePath(QStringLiteral("missing.json"))).ok());
}

QTEST_GUILESS_MAIN(TestClusterProfile)
#include "test_cluster_profile.moc"
