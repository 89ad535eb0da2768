#include "core/conf/hba_file.h"

#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QTest>

// The built replicactl hba: diff on stdout, nothing written without
// --write, a backup and the new content with it, exit code 2 and the file
// untouched on bad input.
class TestReplicactlHba : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void dryRunPrintsDiffAndWritesNothing();
    void writeKeepsBackupAndIsIdempotent();
    void warnsWhenShadowed();
    void badInput_data();
    void badInput();
    void versionFromPgVersionFile();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run replicactl(const QStringList &arguments);
    QString copyFixture(const QString &fixture);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestReplicactlHba::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

TestReplicactlHba::Run TestReplicactlHba::replicactl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(REPLICA_BINARY_DIR "/app/replicactl/replicactl"),
                  QStringList{QStringLiteral("hba")} + arguments);
    Run run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString TestReplicactlHba::copyFixture(const QString &fixture)
{
    const QString path = m_dir->filePath(QStringLiteral("pg_hba.conf"));
    QFile::remove(path);
    QFile::copy(Fixtures::path(QStringLiteral("hba/") + fixture), path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

static QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestReplicactlHba::dryRunPrintsDiffAndWritesNothing()
{
    const QString path = copyFixture(QStringLiteral("pg_hba-15-initdb.conf"));
    const QByteArray before = readAll(path);
    const Run run = replicactl(
        {path, QStringLiteral("--add"), QStringLiteral("host replication replicator 10.0.0.2/32 scram-sha-256")});
    QCOMPARE(run.exitCode, 0);
    const QByteArray expected = "--- " + path.toUtf8() + "\n+++ " + path.toUtf8() +
                                "\n@@ -92,3 +92,5 @@\n"
                                " local   replication     all                                     peer\n"
                                " host    replication     all             127.0.0.1/32            scram-sha-256\n"
                                " host    replication     all             ::1/128                 scram-sha-256\n"
                                "+# Added by Replica Studio\n"
                                "+host    replication     replicator      10.0.0.2/32             scram-sha-256\n";
    QCOMPARE(run.out, expected);
    QVERIFY(run.err.contains("--write"));
    QCOMPARE(readAll(path), before);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 1);
}

void TestReplicactlHba::writeKeepsBackupAndIsIdempotent()
{
    const QString path = copyFixture(QStringLiteral("pg_hba-15-initdb.conf"));
    const QByteArray before = readAll(path);
    const QStringList arguments{path, QStringLiteral("--add"),
                                QStringLiteral("host replication replicator 10.0.0.2/32 scram-sha-256"),
                                QStringLiteral("--write")};
    const Run first = replicactl(arguments);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(readAll(path), Fixtures::read(QStringLiteral("hba/add/15-initdb-replication.conf")));
    const QStringList backups = QDir(m_dir->path()).entryList({QStringLiteral("pg_hba.conf.*.bak")}, QDir::Files);
    QCOMPARE(backups.size(), 1);
    QCOMPARE(readAll(m_dir->filePath(backups.first())), before);
    QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());

    const Run second = replicactl(arguments);
    QCOMPARE(second.exitCode, 0);
    QVERIFY(second.out.isEmpty());
    QVERIFY(second.err.contains("Already there (line 96)"));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 2);
}

void TestReplicactlHba::warnsWhenShadowed()
{
    const QString path = copyFixture(QStringLiteral("pg_hba-13.conf"));
    const Run run = replicactl({path, QStringLiteral("--add"), QStringLiteral("host all app 10.0.0.9/32 md5")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("Warning: Line 6 "), run.err.constData());
    QVERIFY(run.out.contains("+host    all             app             10.0.0.9/32             md5\n"));
}

void TestReplicactlHba::badInput_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("arguments"); // FILE is prepended
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("invalid rule") << QStringLiteral("pg_hba-10.conf")
                                  << QStringList{QStringLiteral("--add"), QStringLiteral("host replication replicator")}
                                  << QByteArray("end-of-line before IP address specification");
    QTest::addRow("method the version lacks")
        << QStringLiteral("pg_hba-10.conf")
        << QStringList{QStringLiteral("--version"), QStringLiteral("9.6"), QStringLiteral("--add"),
                       QStringLiteral("host replication r 10.0.0.2/32 scram-sha-256"), QStringLiteral("--write")}
        << QByteArray("invalid authentication method \"scram-sha-256\"");
    QTest::addRow("bad version") << QStringLiteral("pg_hba-10.conf")
                                 << QStringList{QStringLiteral("--version"), QStringLiteral("fifteen"),
                                                QStringLiteral("--add"), QStringLiteral("local all all peer")}
                                 << QByteArray("not a PostgreSQL version");
    QTest::addRow("no rule") << QStringLiteral("pg_hba-10.conf") << QStringList{QStringLiteral("--write")}
                             << QByteArray("--add");
    QTest::addRow("unknown option") << QStringLiteral("pg_hba-10.conf") << QStringList{QStringLiteral("--frobnicate")}
                                    << QByteArray("frobnicate");
    QTest::addRow("file with a bad line")
        << QStringLiteral("pg_hba.conf.sample-15")
        << QStringList{QStringLiteral("--add"), QStringLiteral("local all all peer"), QStringLiteral("--write")}
        << QByteArray("line 80: invalid connection type \"@authcomment@\"");
}

void TestReplicactlHba::badInput()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const QString path = copyFixture(fixture);
    const QByteArray before = readAll(path);
    const Run run = replicactl(QStringList{path} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(readAll(path), before);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 1);

    const Run missing = replicactl({m_dir->filePath(QStringLiteral("absent.conf")), QStringLiteral("--add"),
                                    QStringLiteral("local all all peer")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("Cannot read"));
}

void TestReplicactlHba::versionFromPgVersionFile()
{
    const QString path = copyFixture(QStringLiteral("pg_hba-11.conf"));
    QFile version(m_dir->filePath(QStringLiteral("PG_VERSION")));
    QVERIFY(version.open(QIODevice::WriteOnly));
    version.write("11\n");
    version.close();
    const Run run = replicactl({path, QStringLiteral("--add"), QStringLiteral("hostgssenc all all 10.0.0.0/8 gss")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("invalid connection type \"hostgssenc\""), run.err.constData());
    const Run newer = replicactl({path, QStringLiteral("--version"), QStringLiteral("12"), QStringLiteral("--add"),
                                  QStringLiteral("hostgssenc all all 10.0.0.0/8 gss")});
    QCOMPARE(newer.exitCode, 0);
}

QTEST_GUILESS_MAIN(TestReplicactlHba)
#include "test_replicactl_hba.moc"
