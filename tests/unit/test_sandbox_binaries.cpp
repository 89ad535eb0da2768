#include "core/host/local_host.h"
#include "core/sandbox/pg_binaries.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest/QTest>

// Which programs a sandbox takes from where: a --pg-bin folder of one major
// and the client tools of the installed majors. The installed majors are
// folders made here (a tree like /usr/lib/postgresql), whose `postgres`
// answers --version like the real one, so that every combination can be
// tried on one machine; the real Debian tree is checked too where present.
class TestSandboxBinaries : public QObject
{
    Q_OBJECT

private slots:
    void choosesTools_data();
    void choosesTools();
    void refusesFolder_data();
    void refusesFolder();
    void realDebianTree();

private:
    // <root>/<name>/bin with the given programs; postgres prints `version`.
    static void makeBin(const QString &binDir, const QStringList &programs, const QString &version);
};

void TestSandboxBinaries::makeBin(const QString &binDir, const QStringList &programs, const QString &version)
{
    QDir().mkpath(binDir);
    for (const QString &program : programs) {
        QFile file(binDir + QLatin1Char('/') + program);
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (program == QLatin1String("postgres"))
            file.write(QStringLiteral("#!/bin/sh\necho 'postgres (PostgreSQL) %1'\n").arg(version).toUtf8());
        else
            file.write("#!/bin/sh\nexit 0\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                    QFileDevice::ReadOther | QFileDevice::ExeOther));
    }
}

void TestSandboxBinaries::choosesTools_data()
{
    const QStringList server{QStringLiteral("initdb"), QStringLiteral("postgres"), QStringLiteral("pg_ctl")};
    const QStringList full = server + QStringList{QStringLiteral("psql"), QStringLiteral("pg_basebackup")};
    const QStringList client{QStringLiteral("psql"), QStringLiteral("pg_basebackup")};
    QTest::addColumn<QStringList>("pgBinPrograms"); // empty: no --pg-bin
    QTest::addColumn<QString>("pgBinVersion");
    QTest::addColumn<QStringList>("installed"); // "<major>:<programs, comma separated>"
    QTest::addColumn<QString>("server");        // expected folders, by name under the root ("pgbin" for --pg-bin)
    QTest::addColumn<QString>("psql");
    QTest::addColumn<QString>("basebackup"); // empty: none (BackupClone)
    QTest::addColumn<QString>("version");

    QTest::addRow("Debian default: the newest major")
        << QStringList() << QString()
        << QStringList{QStringLiteral("13:") + full.join(QLatin1Char(',')),
                       QStringLiteral("15:") + full.join(QLatin1Char(','))}
        << QStringLiteral("15") << QStringLiteral("15") << QStringLiteral("15") << QStringLiteral("15");
    QTest::addRow("a build with its own tools")
        << full << QStringLiteral("11.22") << QStringList{QStringLiteral("15:") + full.join(QLatin1Char(','))}
        << QStringLiteral("pgbin") << QStringLiteral("pgbin") << QStringLiteral("pgbin") << QStringLiteral("11");
    QTest::addRow("an older build: Debian's newer client")
        << server << QStringLiteral("11.22") << QStringList{QStringLiteral("15:") + full.join(QLatin1Char(','))}
        << QStringLiteral("pgbin") << QStringLiteral("15") << QStringLiteral("15") << QStringLiteral("11");
    QTest::addRow("the same major's client first")
        << server << QStringLiteral("13.4")
        << QStringList{QStringLiteral("13:") + client.join(QLatin1Char(',')),
                       QStringLiteral("15:") + full.join(QLatin1Char(','))}
        << QStringLiteral("pgbin") << QStringLiteral("13") << QStringLiteral("13") << QStringLiteral("13");
    QTest::addRow("a newer build: no pg_basebackup, an older psql")
        << server << QStringLiteral("17.10") << QStringList{QStringLiteral("15:") + full.join(QLatin1Char(','))}
        << QStringLiteral("pgbin") << QStringLiteral("15") << QString() << QStringLiteral("17");
    QTest::addRow("a newer build: a newer client installed")
        << server << QStringLiteral("17.10")
        << QStringList{QStringLiteral("15:") + full.join(QLatin1Char(',')),
                       QStringLiteral("18:") + client.join(QLatin1Char(','))}
        << QStringLiteral("pgbin") << QStringLiteral("18") << QStringLiteral("18") << QStringLiteral("17");
}

void TestSandboxBinaries::choosesTools()
{
    QFETCH(QStringList, pgBinPrograms);
    QFETCH(QString, pgBinVersion);
    QFETCH(QStringList, installed);
    QFETCH(QString, server);
    QFETCH(QString, psql);
    QFETCH(QString, basebackup);
    QFETCH(QString, version);
    QTemporaryDir dir;
    const QString root = dir.path() + QStringLiteral("/postgresql");
    for (const QString &entry : installed) {
        const QString major = entry.section(QLatin1Char(':'), 0, 0);
        makeBin(root + QLatin1Char('/') + major + QStringLiteral("/bin"),
                entry.section(QLatin1Char(':'), 1).split(QLatin1Char(','), Qt::SkipEmptyParts),
                major + QStringLiteral(".3"));
    }
    QString pgBin;
    if (!pgBinPrograms.isEmpty()) {
        pgBin = dir.path() + QStringLiteral("/build/bin");
        makeBin(pgBin, pgBinPrograms, pgBinVersion);
    }
    const auto folder = [&](const QString &name) {
        if (name.isEmpty())
            return QString();
        return name == QLatin1String("pgbin") ? pgBin : root + QLatin1Char('/') + name + QStringLiteral("/bin");
    };
    LocalHost host;
    auto found = PgBinaries::find(host, pgBin, root);
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().fullText()));
    QCOMPARE(found->serverBinDir(), folder(server));
    QCOMPARE(found->clientBinDir(), folder(psql));
    QCOMPARE(found->basebackupBinDir(), folder(basebackup));
    QCOMPARE(found->hasBasebackup(), !basebackup.isEmpty());
    QCOMPARE(found->version().majorString(), version);
    QCOMPARE(found->initdb(), folder(server) + QStringLiteral("/initdb"));
}

void TestSandboxBinaries::refusesFolder_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("expected");
    QTest::addRow("missing") << QStringLiteral("missing") << QStringLiteral("does not exist");
    QTest::addRow("a file") << QStringLiteral("file") << QStringLiteral("is a file, not a folder");
    QTest::addRow("no initdb") << QStringLiteral("noinitdb") << QStringLiteral("holds no initdb");
    QTest::addRow("postgres says nothing useful")
        << QStringLiteral("noversion") << QStringLiteral("did not report a PostgreSQL version");
    QTest::addRow("no psql anywhere") << QStringLiteral("nopsql") << QStringLiteral("come without psql");
    QTest::addRow("nothing installed, no --pg-bin")
        << QStringLiteral("none") << QStringLiteral("No PostgreSQL server is installed");
}

void TestSandboxBinaries::refusesFolder()
{
    QFETCH(QString, what);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString root = dir.path() + QStringLiteral("/postgresql");
    QDir().mkpath(root);
    QString pgBin = dir.path() + QStringLiteral("/bin");
    const QStringList server{QStringLiteral("initdb"), QStringLiteral("postgres"), QStringLiteral("pg_ctl")};
    if (what == QLatin1String("file")) {
        QFile file(pgBin);
        QVERIFY(file.open(QIODevice::WriteOnly));
    } else if (what == QLatin1String("noinitdb")) {
        makeBin(pgBin, {QStringLiteral("postgres"), QStringLiteral("pg_ctl")}, QStringLiteral("15.1"));
    } else if (what == QLatin1String("noversion")) {
        makeBin(pgBin, server, QStringLiteral("banana"));
    } else if (what == QLatin1String("nopsql")) {
        makeBin(pgBin, server, QStringLiteral("15.1"));
    } else if (what == QLatin1String("none")) {
        pgBin.clear();
    }
    LocalHost host;
    auto found = PgBinaries::find(host, pgBin, root);
    QVERIFY(!found.ok());
    QVERIFY2(found.error().message.contains(expected), qPrintable(found.error().message));
}

void TestSandboxBinaries::realDebianTree()
{
    if (!QFile::exists(QStringLiteral("/usr/lib/postgresql/15/bin/postgres")))
        QSKIP("Debian's PostgreSQL 15 is not installed");
    LocalHost host;
    auto found = PgBinaries::find(host, QStringLiteral("/usr/lib/postgresql/15/bin"));
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().fullText()));
    QCOMPARE(found->version(), PgVersion(15));
    QVERIFY(found->version().minorRelease() >= 0); // from postgres --version itself
    QCOMPARE(found->basebackupBinDir(), QStringLiteral("/usr/lib/postgresql/15/bin"));
}

QTEST_GUILESS_MAIN(TestSandboxBinaries)
#include "test_sandbox_binaries.moc"
