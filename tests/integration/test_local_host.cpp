#include "core/host/local_host.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <atomic>
#include <thread>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

// Designated initializers name only the options each test sets.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

// LocalHost on this machine with real processes: run-as, quoting, streaming,
// cancel, timeout, and the atomic write with backups that every config edit
// goes through.
class TestLocalHost : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void runsAsEachUser_data();
    void runsAsEachUser();
    void hostileArgumentsArriveUnchanged_data();
    void hostileArgumentsArriveUnchanged();
    void stdinReachesCommand();
    void streamsTenThousandLines();
    void cancelEndsWholeProcessGroup();
    void timeoutStopsCommand();
    void exitStatusExplained_data();
    void exitStatusExplained();
    void writeCreatesFileWithDefaultMode();
    void writeKeepsBackupsAndOldModeAndOwner();
    void writeAppliesGivenModeAndOwner();
    void writeAsPostgresIntoItsDirectory();
    void writeThroughSymlinkKeepsLink();
    void interruptedWriteKeepsOldFile();
    void appendAndReadAsPostgres();
    void sudoWithoutSetupIsExplained();

private:
    // A directory postgres may write in, removed at the end.
    QString postgresDir();

    bool m_root = false;
    QTemporaryDir m_dir;
    LocalHost m_host;
};

namespace {

QString ownerOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    const passwd *user = ::getpwuid(st.st_uid);
    const group *grp = ::getgrgid(st.st_gid);
    return QStringLiteral("%1:%2").arg(user ? QString::fromLocal8Bit(user->pw_name) : QString::number(st.st_uid),
                                       grp ? QString::fromLocal8Bit(grp->gr_name) : QString::number(st.st_gid));
}

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QStringList backupsOf(const QString &path)
{
    const QFileInfo info(path);
    return QDir(info.absolutePath())
        .entryList({info.fileName() + QStringLiteral(".*.bak")}, QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

void TestLocalHost::initTestCase()
{
    m_root = ::geteuid() == 0;
    QVERIFY(m_dir.isValid());
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
}

QString TestLocalHost::postgresDir()
{
    const QString dir = m_dir.filePath(QStringLiteral("pg"));
    if (!QFileInfo::exists(dir)) {
        QDir().mkpath(dir);
        const passwd *pg = ::getpwnam("postgres");
        if (pg && ::chown(QFile::encodeName(dir).constData(), pg->pw_uid, pg->pw_gid) != 0)
            qWarning("chown failed");
    }
    return dir;
}

void TestLocalHost::runsAsEachUser_data()
{
    QTest::addColumn<RunAs>("as");
    QTest::addColumn<QString>("user");
    QTest::addRow("root") << RunAs::Root << QStringLiteral("root");
    QTest::addRow("postgres") << RunAs::Postgres << QStringLiteral("postgres");
}

void TestLocalHost::runsAsEachUser()
{
    if (!m_root)
        QSKIP("Running as root or postgres without sudo needs this test to run as root.");
    QFETCH(RunAs, as);
    QFETCH(QString, user);
    auto result = m_host.run(CommandLine(QStringLiteral("id"), {QStringLiteral("-un")}), RunOptions{.as = as});
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().fullText()));
    QVERIFY2(result->succeeded(), qPrintable(result->explain()));
    QCOMPARE(QString::fromUtf8(result->stdOut.trimmed()), user);
}

void TestLocalHost::hostileArgumentsArriveUnchanged_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<RunAs>("as");
    const QStringList words{QStringLiteral("'; rm -rf / #'"),
                            QStringLiteral("$(touch /tmp/pwned)"),
                            QStringLiteral("`id`"),
                            QStringLiteral("line1\nline2"),
                            QStringLiteral("a; b | c && d"),
                            QStringLiteral("  spaces  "),
                            QStringLiteral("say \"hi\" \\n"),
                            QStringLiteral("日本語 ünïcode"),
                            QStringLiteral("-n"),
                            QStringLiteral("--"),
                            QString()};
    for (int i = 0; i < words.size(); ++i) {
        QTest::addRow("login %d", i) << words[i] << RunAs::LoginUser;
        QTest::addRow("postgres %d", i) << words[i] << RunAs::Postgres;
    }
}

void TestLocalHost::hostileArgumentsArriveUnchanged()
{
    QFETCH(QString, word);
    QFETCH(RunAs, as);
    if (as != RunAs::LoginUser && !m_root)
        QSKIP("Running as postgres without sudo needs root.");
    // Through a real shell, as the write script and SSH exec requests are.
    const CommandLine command =
        CommandLine::shell(QStringLiteral("printf '%s\\0' \"$@\""), {word, QStringLiteral("second")});
    auto result = m_host.run(command, RunOptions{.as = as});
    QVERIFY(result.ok());
    QVERIFY2(result->succeeded(), qPrintable(result->explain()));
    QCOMPARE(result->stdOut, word.toUtf8() + '\0' + QByteArray("second") + '\0');
}

void TestLocalHost::stdinReachesCommand()
{
    QByteArray input;
    for (int i = 0; i < 100000; ++i)
        input += "line " + QByteArray::number(i) + '\n';
    auto result = m_host.run(CommandLine(QStringLiteral("cat")), RunOptions{.stdinData = input});
    QVERIFY(result.ok());
    QVERIFY(result->succeeded());
    QCOMPARE(result->stdOut, input);
}

void TestLocalHost::streamsTenThousandLines()
{
    QList<QByteArray> outLines;
    QList<QByteArray> errLines;
    RunOptions options;
    options.onLine = [&](OutputChannel channel, const QByteArray &line) {
        (channel == OutputChannel::StdOut ? outLines : errLines).append(line);
    };
    // Odd lines to stdout, even ones to stderr, the last without a newline.
    auto result = m_host.run(
        CommandLine::shell(QStringLiteral("i=1; while [ $i -lt 10000 ]; do if [ $((i % 2)) = 1 ]; then echo $i; "
                                          "else echo $i >&2; fi; i=$((i+1)); done; printf 10000 >&2")),
        options);
    QVERIFY(result.ok());
    QVERIFY(result->succeeded());
    QCOMPARE(outLines.size(), 5000);
    QCOMPARE(errLines.size(), 5000);
    QCOMPARE(outLines.first(), QByteArray("1"));
    QCOMPARE(outLines.last(), QByteArray("9999"));
    QCOMPARE(errLines.last(), QByteArray("10000"));
    for (int i = 0; i < outLines.size(); ++i)
        QCOMPARE(outLines[i].toInt(), 2 * i + 1);
}

void TestLocalHost::cancelEndsWholeProcessGroup()
{
    std::atomic_bool cancel{false};
    qint64 sleepPid = 0;
    RunOptions options;
    options.cancel = &cancel;
    // The sleep is a grandchild: only a kill of the process group reaches it.
    options.onLine = [&](OutputChannel, const QByteArray &line) {
        sleepPid = line.toLongLong();
        cancel = true;
    };
    auto result = m_host.run(CommandLine::shell(QStringLiteral("sleep 600 & echo $!; wait")), options);
    QVERIFY(result.ok());
    QVERIFY(result->cancelled);
    QVERIFY(!result->succeeded());
    QVERIFY(sleepPid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(sleepPid)) ||
                                 readAll(QStringLiteral("/proc/%1/stat").arg(sleepPid)).contains(") Z "),
                             5000);
    QVERIFY(result->explain().contains(QStringLiteral("cancelled")));
}

void TestLocalHost::timeoutStopsCommand()
{
    auto result =
        m_host.run(CommandLine(QStringLiteral("sleep"), {QStringLiteral("600")}), RunOptions{.timeoutMs = 300});
    QVERIFY(result.ok());
    QVERIFY(result->timedOut);
    QVERIFY(!result->succeeded());
    QVERIFY(result->durationMs >= 300);
    QVERIFY2(result->explain().contains(QStringLiteral("did not finish within")), qPrintable(result->explain()));
}

void TestLocalHost::exitStatusExplained_data()
{
    QTest::addColumn<CommandLine>("command");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("signal");
    QTest::addColumn<QString>("sentence");
    QTest::addRow("status 3") << CommandLine::shell(QStringLiteral("echo 'disk full' >&2; exit 3")) << 3 << QString()
                              << QStringLiteral("failed with exit status 3.\nIts last words: disk full");
    QTest::addRow("missing program") << CommandLine(QStringLiteral("pg_no_such_program")) << 127 << QString()
                                     << QStringLiteral("was not found on the host");
    QTest::addRow("not executable") << CommandLine(QStringLiteral("/etc/hostname")) << 126 << QString()
                                    << QStringLiteral("could not be run");
    QTest::addRow("killed") << CommandLine::shell(QStringLiteral("kill -KILL $$")) << 137 << QStringLiteral("KILL")
                            << QStringLiteral("out-of-memory");
    QTest::addRow("crashed") << CommandLine::shell(QStringLiteral("kill -SEGV $$")) << 139 << QStringLiteral("SEGV")
                             << QStringLiteral("crashed (SIGSEGV)");
}

void TestLocalHost::exitStatusExplained()
{
    QFETCH(CommandLine, command);
    QFETCH(int, exitCode);
    QFETCH(QString, signal);
    QFETCH(QString, sentence);
    auto result = m_host.run(command);
    QVERIFY(result.ok());
    QCOMPARE(result->exitCode, exitCode);
    QCOMPARE(result->exitSignal, signal);
    QVERIFY2(result->explain().contains(sentence), qPrintable(result->explain()));
    const Error error = result->toError(QStringLiteral("test"));
    QVERIFY(error.message.startsWith(QStringLiteral("Could not test. ")));
    QVERIFY(error.detail.startsWith(QStringLiteral("$ ")));
}

void TestLocalHost::writeCreatesFileWithDefaultMode()
{
    const QString path = m_dir.filePath(QStringLiteral("new.conf"));
    auto report = m_host.writeFile(path, "listen_addresses = '*'\n");
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(report->backupPath, QString());
    QCOMPARE(readAll(path), QByteArray("listen_addresses = '*'\n"));
    QCOMPARE(modeOf(path), 0644);
    auto read = m_host.readFile(path);
    QVERIFY(read.ok());
    QCOMPARE(*read, QByteArray("listen_addresses = '*'\n"));
    QVERIFY(!m_host.readFile(m_dir.filePath(QStringLiteral("missing"))).ok());
}

void TestLocalHost::writeKeepsBackupsAndOldModeAndOwner()
{
    const QString path = m_dir.filePath(QStringLiteral("postgresql.conf"));
    QVERIFY(m_host.writeFile(path, "v1\n", WriteOptions{.mode = 0640}).ok());
    if (m_root)
        QVERIFY(::chown(QFile::encodeName(path).constData(), ::getpwnam("postgres")->pw_uid,
                        ::getpwnam("postgres")->pw_gid) == 0);
    const QString ownerBefore = ownerOf(path);

    // Three writes within a second or two: each old version kept, no name reused.
    QStringList backups;
    for (const QByteArray &next : {QByteArray("v2\n"), QByteArray("v3\n"), QByteArray("v4\n")}) {
        auto report = m_host.writeFile(path, next);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
        QVERIFY(!report->backupPath.isEmpty());
        QVERIFY(!backups.contains(report->backupPath));
        QVERIFY(report->backupPath.startsWith(path + QLatin1Char('.')));
        QVERIFY(report->backupPath.endsWith(QStringLiteral(".bak")));
        backups.append(report->backupPath);
        QCOMPARE(readAll(path), next);
        QCOMPARE(modeOf(path), 0640);
        QCOMPARE(ownerOf(path), ownerBefore);
    }
    QCOMPARE(readAll(backups[0]), QByteArray("v1\n"));
    QCOMPARE(readAll(backups[1]), QByteArray("v2\n"));
    QCOMPARE(readAll(backups[2]), QByteArray("v3\n"));
    QCOMPARE(backupsOf(path).size(), 3);
    const QRegularExpression dated(QStringLiteral("\\.\\d{8}-\\d{6}(-\\d+)?\\.bak$"));
    for (const QString &backup : backups)
        QVERIFY2(dated.match(backup).hasMatch(), qPrintable(backup));

    // No backup when asked not to; no temp file left behind.
    auto report = m_host.writeFile(path, "v5\n", WriteOptions{.keepBackup = false});
    QVERIFY(report.ok());
    QCOMPARE(report->backupPath, QString());
    QCOMPARE(backupsOf(path).size(), 3);
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral(".postgresql.conf.*")}, QDir::Files | QDir::Hidden),
             QStringList());
}

void TestLocalHost::writeAppliesGivenModeAndOwner()
{
    if (!m_root)
        QSKIP("Giving a file to postgres needs root.");
    const QString path = m_dir.filePath(QStringLiteral("pgpass"));
    QVERIFY(m_host.writeFile(path, "old\n").ok());
    QCOMPARE(ownerOf(path), QStringLiteral("root:root"));
    auto report = m_host.writeFile(path, "*:*:*:replicator:secret\n",
                                   WriteOptions{.mode = 0600, .owner = QStringLiteral("postgres:postgres")});
    QVERIFY(report.ok());
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(ownerOf(path), QStringLiteral("postgres:postgres"));
    QCOMPARE(ownerOf(report->backupPath), QStringLiteral("root:root"));
}

void TestLocalHost::writeAsPostgresIntoItsDirectory()
{
    if (!m_root)
        QSKIP("Writing as postgres without sudo needs root.");
    const QString path = postgresDir() + QStringLiteral("/standby.signal");
    auto report = m_host.writeFile(path, QByteArray(), WriteOptions{.as = RunAs::Postgres});
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().fullText()));
    QCOMPARE(ownerOf(path), QStringLiteral("postgres:postgres"));
    // As postgres, the root-owned test directory is out of reach: a clear error, nothing changed.
    const QString forbidden = m_dir.filePath(QStringLiteral("root-only.conf"));
    auto refused = m_host.writeFile(forbidden, "x", WriteOptions{.as = RunAs::Postgres});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("left as it was")),
             qPrintable(refused.error().fullText()));
    QVERIFY2(refused.error().fullText().contains(QStringLiteral("Permission denied")),
             qPrintable(refused.error().fullText()));
    QVERIFY(!QFileInfo::exists(forbidden));
}

void TestLocalHost::writeThroughSymlinkKeepsLink()
{
    const QString target = m_dir.filePath(QStringLiteral("real.conf"));
    const QString link = m_dir.filePath(QStringLiteral("link.conf"));
    QVERIFY(m_host.writeFile(target, "a\n").ok());
    QVERIFY(QFile::link(target, link));
    QVERIFY(m_host.writeFile(link, "b\n").ok());
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(readAll(target), QByteArray("b\n"));
}

void TestLocalHost::interruptedWriteKeepsOldFile()
{
    const QString path = m_dir.filePath(QStringLiteral("big.conf"));
    QVERIFY(m_host.writeFile(path, "the old content\n").ok());
    const QByteArray huge(512 * 1024 * 1024, 'x');
    std::atomic_bool cancel{false};
    std::atomic_bool sawTemp{false};
    // The writer is killed while its temp file is being filled, as a lost
    // connection or a crash would.
    std::thread watcher([&] {
        const QDir dir(m_dir.path());
        while (!cancel) {
            if (!dir.entryList({QStringLiteral(".big.conf.*")}, QDir::Files | QDir::Hidden).isEmpty()) {
                sawTemp = true;
                cancel = true;
            }
        }
    });
    auto report = m_host.writeFile(path, huge, WriteOptions{.cancel = &cancel});
    cancel = true;
    watcher.join();
    QVERIFY(sawTemp);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.contains(QStringLiteral("left as it was")), qPrintable(report.error().message));
    QCOMPARE(readAll(path), QByteArray("the old content\n"));
    QCOMPARE(backupsOf(path), QStringList());
    QTRY_COMPARE(QDir(m_dir.path()).entryList({QStringLiteral(".big.conf.*")}, QDir::Files | QDir::Hidden),
                 QStringList());
}

void TestLocalHost::appendAndReadAsPostgres()
{
    if (!m_root)
        QSKIP("Acting as postgres without sudo needs root.");
    const QString path = postgresDir() + QStringLiteral("/secret");
    QVERIFY(m_host.writeFile(path, "one\n", WriteOptions{.as = RunAs::Postgres, .mode = 0600}).ok());
    QVERIFY(m_host.appendFile(path, "two\n", RunAs::Postgres).ok());
    auto read = m_host.readFile(path, RunAs::Postgres);
    QVERIFY(read.ok());
    QCOMPARE(*read, QByteArray("one\ntwo\n"));
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(ownerOf(path), QStringLiteral("postgres:postgres"));
    // Root as postgres cannot read root's own 0600 file.
    const QString rootOnly = m_dir.filePath(QStringLiteral("root-secret"));
    QVERIFY(m_host.writeFile(rootOnly, "s", WriteOptions{.mode = 0600}).ok());
    auto refused = m_host.readFile(rootOnly, RunAs::Postgres);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().fullText().contains(QStringLiteral("Permission denied")));
}

void TestLocalHost::sudoWithoutSetupIsExplained()
{
    if (m_root)
        QSKIP("As root, no sudo is needed; the test host network checks sudo from a plain user.");
    LocalHost host;
    auto result = host.run(CommandLine(QStringLiteral("id")), RunOptions{.as = RunAs::Postgres});
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(QStringLiteral("sudo")));
}

QTEST_GUILESS_MAIN(TestLocalHost)
#include "test_local_host.moc"
