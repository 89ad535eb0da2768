#include "core/host/ssh_destination.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// How a host name resolves in an SSH config, by OpenSSH's rules: the first
// value of each keyword wins, Host patterns with * ? and !, Include, -F.
class TestSshDestination : public QObject
{
    Q_OBJECT

private slots:
    void resolves_data();
    void resolves();
    void includeFollowsWildcards();
    void defaultIsTheUsersConfig();
    void missingNamedFileIsRefused();
    void badPortIsRefused();
    void hops_data();
    void hops();
    void describes();
};

using namespace Qt::StringLiterals;

namespace {

void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(text);
}

} // namespace

void TestSshDestination::resolves_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("jumps");

    const QByteArray db1 = "Host db1\n  HostName 10.0.0.5\n  User admin\n  Port 2222\n  ProxyJump bastion\n";
    QTest::addRow("alias") << db1 << u"db1"_s << u"10.0.0.5"_s << 2222 << u"admin"_s << QStringList{u"bastion"_s};
    QTest::addRow("not an alias") << db1 << u"db2"_s << u"db2"_s << 0 << QString() << QStringList{};
    QTest::addRow("case-insensitive keywords, = syntax") << QByteArray("HOST db1\nhostname=10.0.0.7\nUSER = bob\n")
                                                         << u"db1"_s << u"10.0.0.7"_s << 0 << u"bob"_s << QStringList{};
    QTest::addRow("first value wins") << QByteArray("Host db1\n User first\nHost *\n User second\n Port 2200\n")
                                      << u"db1"_s << u"db1"_s << 2200 << u"first"_s << QStringList{};
    QTest::addRow("wildcard *") << QByteArray("Host db*\n HostName %h.example.com\n") << u"db7"_s
                                << u"db7.example.com"_s << 0 << QString() << QStringList{};
    QTest::addRow("percent tokens") << QByteArray("Host db1\n HostName %h.%%x\n") << u"db1"_s << u"db1.%x"_s << 0
                                    << QString() << QStringList{};
    QTest::addRow("wildcard ?") << QByteArray("Host db?\n User q\n") << u"db12"_s << u"db12"_s << 0 << QString()
                                << QStringList{};
    QTest::addRow("negation excludes") << QByteArray("Host * !bastion\n ProxyJump bastion\n") << u"bastion"_s
                                       << u"bastion"_s << 0 << QString() << QStringList{};
    QTest::addRow("negation lets others in") << QByteArray("Host * !bastion\n ProxyJump bastion\n") << u"db1"_s
                                             << u"db1"_s << 0 << QString() << QStringList{u"bastion"_s};
    QTest::addRow("before any Host applies to all")
        << QByteArray("User early\nHost db1\n User late\n") << u"db1"_s << u"db1"_s << 0 << u"early"_s << QStringList{};
    QTest::addRow("several patterns on one line")
        << QByteArray("Host a b c\n Port 23\n") << u"b"_s << u"b"_s << 23 << QString() << QStringList{};
    QTest::addRow("ProxyJump none") << QByteArray("Host db1\n ProxyJump none\nHost *\n ProxyJump gw\n") << u"db1"_s
                                    << u"db1"_s << 0 << QString() << QStringList{};
    QTest::addRow("jump chain") << QByteArray("Host db1\n ProxyJump admin@gw1:2222,gw2\n") << u"db1"_s << u"db1"_s << 0
                                << QString() << QStringList{u"admin@gw1:2222"_s, u"gw2"_s};
    QTest::addRow("Match all applies") << QByteArray("Match all\n User m\n") << u"x"_s << u"x"_s << 0 << u"m"_s
                                       << QStringList{};
    QTest::addRow("other Match is not taken")
        << QByteArray("Match exec \"true\"\n User m\n") << u"x"_s << u"x"_s << 0 << QString() << QStringList{};
    QTest::addRow("comments and quotes") << QByteArray("# a comment\nHost \"db1\"\n HostName 10.1.1.1 # trailing\n")
                                         << u"db1"_s << u"10.1.1.1"_s << 0 << QString() << QStringList{};
}

void TestSshDestination::resolves()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, alias);
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("config")), config);
    const Result<SshDestination> resolved = SshDestination::resolve(alias, dir.filePath(QStringLiteral("config")));
    QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().fullText()));
    QCOMPARE(resolved->alias, alias);
    QTEST(resolved->host, "host");
    QTEST(resolved->port, "port");
    QTEST(resolved->user, "user");
    QTEST(resolved->proxyJump, "jumps");
}

void TestSshDestination::includeFollowsWildcards()
{
    QTemporaryDir dir;
    QDir(dir.path()).mkdir(QStringLiteral("conf.d"));
    writeFile(dir.filePath(QStringLiteral("conf.d/10-db.conf")),
              "Host db1\n HostName 10.0.0.9\n IdentityFile ~/keys/db1\n");
    writeFile(dir.filePath(QStringLiteral("conf.d/20-all.conf")), "Host *\n HostName wrong\n User everyone\n");
    writeFile(dir.filePath(QStringLiteral("config")), "Include " +
                                                          dir.filePath(QStringLiteral("conf.d/*.conf")).toUtf8() +
                                                          "\nHost db1\n User late\n UserKnownHostsFile /tmp/kh\n");
    const Result<SshDestination> resolved =
        SshDestination::resolve(QStringLiteral("db1"), dir.filePath(QStringLiteral("config")));
    QVERIFY(resolved.ok());
    QCOMPARE(resolved->host, QStringLiteral("10.0.0.9"));
    QCOMPARE(resolved->user, QStringLiteral("everyone"));
    QCOMPARE(resolved->identityFiles, QStringList{QDir::homePath() + QStringLiteral("/keys/db1")});
    QCOMPARE(resolved->knownHostsFile, QStringLiteral("/tmp/kh"));
}

void TestSshDestination::defaultIsTheUsersConfig()
{
    QTemporaryDir home;
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    QDir(home.path()).mkdir(QStringLiteral(".ssh"));
    writeFile(home.filePath(QStringLiteral(".ssh/extra")), "Host db1\n Port 2022\n");
    writeFile(home.filePath(QStringLiteral(".ssh/config")), "Include extra\nHost db1\n HostName 192.0.2.10\n");
    const Result<SshDestination> resolved = SshDestination::resolve(QStringLiteral("db1"));
    qputenv("HOME", oldHome);
    QVERIFY(resolved.ok());
    QCOMPARE(resolved->host, QStringLiteral("192.0.2.10"));
    QCOMPARE(resolved->port, 2022);
    QVERIFY(resolved->changesAnything());
}

void TestSshDestination::missingNamedFileIsRefused()
{
    const Result<SshDestination> resolved =
        SshDestination::resolve(QStringLiteral("db1"), QStringLiteral("/nonexistent/ssh_config"));
    QVERIFY(!resolved.ok());
    QVERIFY(resolved.error().refused);
    QVERIFY(resolved.error().message.contains(QStringLiteral("/nonexistent/ssh_config")));
}

void TestSshDestination::badPortIsRefused()
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("config")), "Host db1\n Port 70000\n");
    const Result<SshDestination> resolved =
        SshDestination::resolve(QStringLiteral("db1"), dir.filePath(QStringLiteral("config")));
    QVERIFY(!resolved.ok());
    QVERIFY(resolved.error().detail.endsWith(QStringLiteral(":2")));
}

void TestSshDestination::hops_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addRow("host") << u"gw"_s << true << QString() << u"gw"_s << 0;
    QTest::addRow("user, port") << u"admin@gw:2222"_s << true << u"admin"_s << u"gw"_s << 2222;
    QTest::addRow("ssh url") << u"ssh://admin@gw:22"_s << true << u"admin"_s << u"gw"_s << 22;
    QTest::addRow("ipv6") << u"[2001:db8::1]:23"_s << true << QString() << u"2001:db8::1"_s << 23;
    QTest::addRow("bad port") << u"gw:99999"_s << false << QString() << QString() << 0;
    QTest::addRow("spaces") << u"g w"_s << false << QString() << QString() << 0;
}

void TestSshDestination::hops()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const Result<SshDestination> hop = SshDestination::parseHop(text);
    QCOMPARE(hop.ok(), valid);
    if (!valid)
        return;
    QTEST(hop->user, "user");
    QTEST(hop->host, "host");
    QTEST(hop->port, "port");
}

void TestSshDestination::describes()
{
    SshDestination destination;
    destination.alias = QStringLiteral("db1");
    destination.host = QStringLiteral("10.0.0.5");
    QCOMPARE(destination.describe(QStringLiteral("root")), QStringLiteral("root@10.0.0.5:22"));
    destination.port = 2222;
    destination.user = QStringLiteral("admin");
    destination.proxyJump = QStringList{QStringLiteral("gw1"), QStringLiteral("gw2")};
    QCOMPARE(destination.describe(QStringLiteral("root")), QStringLiteral("admin@10.0.0.5:2222 via gw1, gw2"));
}

QTEST_GUILESS_MAIN(TestSshDestination)
#include "test_ssh_destination.moc"
