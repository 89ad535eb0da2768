#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QTest>

// `replicactl conf`, the built binary run as a user would: the walkthrough's
// edit as a golden diff, --write with its backup, and bad input refused with
// exit code 2 and the file untouched.
class TestReplicactlConf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void walkthroughDiffOnInstalledSample();
    void badInput_data();
    void badInput();
    void writeReplacesAndKeepsBackup();
    void noChangeSaysSo();
    void versionFromPath();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run replicactl(const QStringList &arguments);
    QString copyFixture(const QString &fixture, const QString &relativeTarget);

    QTemporaryDir m_dir;
};

namespace {
const QString binary = QStringLiteral(REPLICA_BINARY_DIR "/app/replicactl/replicactl");
const QString installedSample = QStringLiteral("/usr/share/postgresql/15/postgresql.conf.sample");

QStringList walkthroughEdits()
{
    return {QStringLiteral("--set"),
            QStringLiteral("listen_addresses=*"),
            QStringLiteral("--set"),
            QStringLiteral("wal_level=replica"),
            QStringLiteral("--set"),
            QStringLiteral("archive_mode=on"),
            QStringLiteral("--set"),
            QStringLiteral(
                "archive_command=test ! -f /var/lib/postgresql/archive/%f && cp %p /var/lib/postgresql/archive/%f"),
            QStringLiteral("--set"),
            QStringLiteral("max_wal_senders=3"),
            QStringLiteral("--set"),
            QStringLiteral("synchronous_standby_names=slave")};
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

void TestReplicactlConf::initTestCase()
{
    QVERIFY2(QFile::exists(binary), qPrintable(binary));
    QVERIFY(m_dir.isValid());
}

TestReplicactlConf::Run TestReplicactlConf::replicactl(const QStringList &arguments)
{
    QProcess process;
    process.start(binary, QStringList{QStringLiteral("conf")} + arguments);
    if (!process.waitForFinished(30000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QString TestReplicactlConf::copyFixture(const QString &fixture, const QString &relativeTarget)
{
    const QString target = m_dir.filePath(relativeTarget);
    QDir().mkpath(QFileInfo(target).absolutePath());
    QFile::remove(target);
    QFile::copy(fixture, target);
    QFile(target).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return target;
}

void TestReplicactlConf::walkthroughDiffOnInstalledSample()
{
    if (!QFile::exists(installedSample))
        QSKIP("PostgreSQL 15's postgresql.conf.sample is not installed");
    const QByteArray before = readAll(installedSample);
    const Run run = replicactl(QStringList{installedSample} + walkthroughEdits());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, Fixtures::read(QStringLiteral("conf/replicactl/walkthrough-15.diff")));
    // Only the six settings' lines changed; the sample itself is untouched.
    QCOMPARE(run.out.count("\n-#"), 6);
    QCOMPARE(readAll(installedSample), before);
    QVERIFY(run.err.contains("restart"));
}

void TestReplicactlConf::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");

    const QString file = QStringLiteral("{file}");
    QTest::addRow("nothing to do") << QStringList{file} << QByteArray("--set");
    QTest::addRow("no file") << QStringList{} << QByteArray("Usage");
    QTest::addRow("set without =") << QStringList{file, QStringLiteral("--set"), QStringLiteral("wal_level")}
                                   << QByteArray("NAME=VALUE");
    QTest::addRow("set without value") << QStringList{file, QStringLiteral("--set")} << QByteArray("NAME=VALUE");
    QTest::addRow("unknown option") << QStringList{file, QStringLiteral("--frobnicate")} << QByteArray("--frobnicate");
    QTest::addRow("bad version") << QStringList{file, QStringLiteral("--version"), QStringLiteral("8.4"),
                                                QStringLiteral("--set"), QStringLiteral("port=5432")}
                                 << QByteArray("--version");
    QTest::addRow("missing file") << QStringList{QStringLiteral("/nonexistent/postgresql.conf"),
                                                 QStringLiteral("--set"), QStringLiteral("port=5432")}
                                  << QByteArray("/nonexistent/postgresql.conf");
    QTest::addRow("invalid enum for 9.3") << QStringList{file,
                                                         QStringLiteral("--version"),
                                                         QStringLiteral("9.3"),
                                                         QStringLiteral("--set"),
                                                         QStringLiteral("wal_level=replica"),
                                                         QStringLiteral("--write")}
                                          << QByteArray("minimal, archive, hot_standby");
    QTest::addRow("removed setting on 13")
        << QStringList{file, QStringLiteral("--version=13"), QStringLiteral("--set=wal_keep_segments=64"),
                       QStringLiteral("--write")}
        << QByteArray("wal_keep_size");
    QTest::addRow("second edit invalid") << QStringList{file,
                                                        QStringLiteral("--version"),
                                                        QStringLiteral("15"),
                                                        QStringLiteral("--set"),
                                                        QStringLiteral("port=5433"),
                                                        QStringLiteral("--set"),
                                                        QStringLiteral("max_wal_senders=many"),
                                                        QStringLiteral("--write")}
                                         << QByteArray("max_wal_senders");
    QTest::addRow("unset an unknown setting") << QStringList{file,
                                                             QStringLiteral("--version"),
                                                             QStringLiteral("15"),
                                                             QStringLiteral("--unset"),
                                                             QStringLiteral("no_such"),
                                                             QStringLiteral("--write")}
                                              << QByteArray("PostgreSQL 15 has no setting named no_such");
    QTest::addRow("set and unset one setting") << QStringList{file,
                                                              QStringLiteral("--version"),
                                                              QStringLiteral("15"),
                                                              QStringLiteral("--set"),
                                                              QStringLiteral("wal_level=logical"),
                                                              QStringLiteral("--unset"),
                                                              QStringLiteral("wal_level"),
                                                              QStringLiteral("--write")}
                                               << QByteArray("--set and --unset both name wal_level");
    QTest::addRow("syntax error in file") << QStringList{QStringLiteral("{broken}"), QStringLiteral("--set"),
                                                         QStringLiteral("port=5433"), QStringLiteral("--write")}
                                          << QByteArray("line 2, near token \"*\"");
}

void TestReplicactlConf::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const QString file =
        copyFixture(Fixtures::path(QStringLiteral("conf/samples/pg93.conf")), QStringLiteral("bad/postgresql.conf"));
    const QString broken = m_dir.filePath(QStringLiteral("bad/broken.conf"));
    {
        QFile out(broken);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write("port = 5432\nlisten_addresses = *\n");
    }
    const QByteArray before = readAll(file);
    const QByteArray brokenBefore = readAll(broken);
    arguments.replaceInStrings(QStringLiteral("{file}"), file);
    arguments.replaceInStrings(QStringLiteral("{broken}"), broken);

    const Run run = replicactl(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(readAll(file), before);
    QCOMPARE(readAll(broken), brokenBefore);
    QCOMPARE(QDir(m_dir.filePath(QStringLiteral("bad"))).entryList({QStringLiteral("*.bak")}, QDir::Files).size(), 0);
}

void TestReplicactlConf::writeReplacesAndKeepsBackup()
{
    const QString fixture = Fixtures::path(QStringLiteral("conf/edits/walkthrough-93"));
    const QString file = copyFixture(fixture + QStringLiteral("/input.conf"), QStringLiteral("write/postgresql.conf"));
    const QByteArray before = readAll(file);
    const Run run = replicactl(QStringList{
        file, QStringLiteral("--version"), QStringLiteral("9.3"), QStringLiteral("--set"),
        QStringLiteral("listen_addresses=*"), QStringLiteral("--set"), QStringLiteral("wal_level=hot_standby"),
        QStringLiteral("--set"), QStringLiteral("archive_mode=on"), QStringLiteral("--set"),
        QStringLiteral("archive_command=test ! -f /var/lib/pgsql/backup/%f && cp %p /var/lib/pgsql/backup/%f"),
        QStringLiteral("--set"), QStringLiteral("max_wal_senders=3"), QStringLiteral("--set"),
        QStringLiteral("synchronous_standby_names=slave"), QStringLiteral("--write")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(readAll(file), readAll(fixture + QStringLiteral("/expected.conf")));
    const QStringList backups =
        QDir(QFileInfo(file).absolutePath()).entryList({QStringLiteral("postgresql.conf.*.bak")}, QDir::Files);
    QCOMPARE(backups.size(), 1);
    QCOMPARE(readAll(QFileInfo(file).absolutePath() + QLatin1Char('/') + backups.first()), before);
    QVERIFY(run.out.startsWith("--- "));
    QVERIFY(run.err.contains(backups.first().toUtf8()));
}

void TestReplicactlConf::noChangeSaysSo()
{
    const QString file =
        copyFixture(Fixtures::path(QStringLiteral("conf/samples/pg93.conf")), QStringLiteral("same/postgresql.conf"));
    const QByteArray before = readAll(file);
    const Run run = replicactl({file, QStringLiteral("--version"), QStringLiteral("9.3"), QStringLiteral("--set"),
                                QStringLiteral("port=5432"), QStringLiteral("--write")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains("nothing to change"));
    QCOMPARE(readAll(file), before);
    QCOMPARE(QDir(QFileInfo(file).absolutePath()).entryList({QStringLiteral("*.bak")}, QDir::Files).size(), 0);
}

void TestReplicactlConf::versionFromPath()
{
    // A 9.3 cluster's file: replica is not a wal_level there, and the path alone says so.
    const QString file = copyFixture(Fixtures::path(QStringLiteral("conf/samples/pg93.conf")),
                                     QStringLiteral("var/lib/pgsql/9.3/data/postgresql.conf"));
    const Run refused = replicactl({file, QStringLiteral("--set"), QStringLiteral("wal_level=replica")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("9.3"), refused.err.constData());
    const Run accepted = replicactl({file, QStringLiteral("--set"), QStringLiteral("wal_level=hot_standby")});
    QCOMPARE(accepted.exitCode, 0);
    QVERIFY(accepted.out.contains("+wal_level = hot_standby"));
}

QTEST_GUILESS_MAIN(TestReplicactlConf)
#include "test_replicactl_conf.moc"
