#include "core/host/local_host.h"
#include "core/plan/backup_clone.h"
#include "core/version/pg_version.h"

#include "live_server.h"
#include "pg_builds.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest/QTest>

#include <atomic>

// BackupClone on real servers of each major: a primary of the matrix's build,
// cloned through the low-level backup API into a second data directory that
// starts as a hot standby and streams. The standby side has no pg_basebackup
// of the primary's major, which is the case the clone exists for (16 to 18
// against Debian's 15 client). Also the byte pipe LocalHost got for it.
class TestBackupClone : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void streamsBytesThroughLocalHost();
    void cloneBecomesStreamingStandby_data();
    void cloneBecomesStreamingStandby();
    void cancelLeavesNothingBehind();
    void refusesNonEmptyStandbyDirectory();

private:
    static QString fail(int major, const QString &step, const QString &what, const LiveServer &server);
    static Result<void> writeStandbySettings(const LiveServer &primary, const LiveServer &standby, int major,
                                             const QString &slot);
    static bool waitForStreaming(const LiveServer &primary, const QString &applicationName, QString *state);
    // A clone of `primary` into `standbyDataDir` through slot `slot`.
    static CloneOptions cloneOptions(int major, const LiveServer &primary, const QString &standbyDataDir,
                                     const QString &slot);
};

void TestBackupClone::initTestCase()
{
    if (!LiveServer::runningAsRoot())
        QSKIP("The clone runs commands as the postgres user: run the integration tests as root.");
}

QString TestBackupClone::fail(int major, const QString &step, const QString &what, const LiveServer &server)
{
    return QStringLiteral("PostgreSQL %1, %2: %3\n%4").arg(major).arg(step, what, server.logTail());
}

void TestBackupClone::streamsBytesThroughLocalHost()
{
    // 48 MB through `cat` and back: what goes in on stdin comes out on stdout
    // unchanged, in order, without being held in memory as a whole.
    LocalHost host;
    QByteArray block(1 << 20, '\0');
    for (int i = 0; i < block.size(); ++i)
        block[i] = char((i * 7 + i / 251) & 0xff);
    int sent = 0;
    QCryptographicHash in(QCryptographicHash::Sha256), out(QCryptographicHash::Sha256);
    qint64 received = 0;
    RunOptions options;
    options.stdinSource = [&]() -> std::optional<QByteArray> {
        if (sent == 48)
            return std::nullopt;
        QByteArray chunk = block;
        chunk[0] = char(sent++);
        in.addData(chunk);
        return chunk;
    };
    options.onStdOutData = [&](const QByteArray &chunk) {
        out.addData(chunk);
        received += chunk.size();
    };
    auto ran = host.run(CommandLine(QStringLiteral("cat")), options);
    QVERIFY2(ran, qPrintable(ran ? QString() : ran.error().fullText()));
    QVERIFY2(ran->succeeded(), qPrintable(ran->explain()));
    QCOMPARE(received, qint64(48) << 20);
    QVERIFY(ran->stdOut.isEmpty());
    QCOMPARE(out.result(), in.result());
}

void TestBackupClone::cloneBecomesStreamingStandby_data()
{
    QTest::addColumn<int>("major");
    for (int major : PgBuilds::majors())
        QTest::addRow("%d", major) << major;
}

CloneOptions TestBackupClone::cloneOptions(int major, const LiveServer &primary, const QString &standbyDataDir,
                                           const QString &slot)
{
    CloneOptions options;
    options.version = PgVersion(major);
    options.primaryDataDir = primary.dataDir();
    options.psqlPath = PgBuilds::clientBinDir() + QStringLiteral("/psql");
    options.socketDir = primary.socketDir();
    options.port = primary.port();
    options.standbyDataDir = standbyDataDir;
    options.slotName = slot;
    return options;
}

Result<void> TestBackupClone::writeStandbySettings(const LiveServer &primary, const LiveServer &standby, int major,
                                                   const QString &slot)
{
    const QString conninfo = QStringLiteral("host=%1 port=%2 user=postgres application_name=%3")
                                 .arg(primary.socketDir())
                                 .arg(primary.port())
                                 .arg(slot);
    if (major <= 11) {
        return standby.writeServerFile(standby.dataDir() + QStringLiteral("/recovery.conf"),
                                       QStringLiteral("standby_mode = 'on'\nprimary_conninfo = '%1'\n"
                                                      "primary_slot_name = '%2'\n")
                                           .arg(conninfo, slot)
                                           .toUtf8());
    }
    QFile autoConf(standby.dataDir() + QStringLiteral("/postgresql.auto.conf"));
    if (!autoConf.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("No postgresql.auto.conf in the clone."));
    QByteArray text = autoConf.readAll();
    autoConf.close();
    text += QStringLiteral("primary_conninfo = '%1'\nprimary_slot_name = '%2'\n").arg(conninfo, slot).toUtf8();
    if (auto written = standby.writeServerFile(autoConf.fileName(), text); !written)
        return written;
    return standby.writeServerFile(standby.dataDir() + QStringLiteral("/standby.signal"), {});
}

bool TestBackupClone::waitForStreaming(const LiveServer &primary, const QString &applicationName, QString *state)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 60000) {
        auto found = primary.query(
            QStringLiteral("SELECT state FROM pg_stat_replication WHERE application_name = '%1'").arg(applicationName));
        *state = found ? *found : found.error().fullText();
        if (found && *found == QLatin1String("streaming"))
            return true;
        QTest::qWait(100);
    }
    return false;
}

void TestBackupClone::cloneBecomesStreamingStandby()
{
    QFETCH(int, major);
    QString reason;
    const QString binDir = PgBuilds::binDir(major, &reason);
    if (binDir.isEmpty())
        QSKIP(qPrintable(reason));

    LiveServer primary(binDir);
    auto step = primary.initdb();
    QVERIFY2(step,
             qPrintable(fail(major, QStringLiteral("initdb"), step ? QString() : step.error().fullText(), primary)));
    step = primary.start({QStringLiteral("wal_level=replica"), QStringLiteral("max_wal_senders=5"),
                          QStringLiteral("max_replication_slots=5")});
    QVERIFY2(step, qPrintable(fail(major, QStringLiteral("start primary"), step ? QString() : step.error().fullText(),
                                   primary)));
    auto made = primary.query(QStringLiteral("CREATE TABLE weather (city text, temp_lo int); "
                                             "INSERT INTO weather VALUES ('San Francisco', 46)"));
    QVERIFY2(made,
             qPrintable(fail(major, QStringLiteral("demo data"), made ? QString() : made.error().fullText(), primary)));

    LiveServer standby(binDir);
    QVERIFY(standby.adoptDataDir());

    const CloneOptions options = cloneOptions(major, primary, standby.dataDir(), QStringLiteral("standby1"));

    // A row written while the copy runs reaches the standby through the WAL.
    bool wroteDuringCopy = false;
    qint64 lastDone = -1, lastTotal = 0;
    bool monotonic = true;
    LocalHost host;
    auto cloned = BackupClone::run(host, host, options, [&](qint64 done, qint64 total) {
        monotonic = monotonic && done >= lastDone && total >= done;
        lastDone = done;
        lastTotal = total;
        if (!wroteDuringCopy) {
            wroteDuringCopy = true;
            (void)primary.query(QStringLiteral("INSERT INTO weather VALUES ('during the copy', 1)"));
        }
    });
    QVERIFY2(cloned,
             qPrintable(fail(major, QStringLiteral("clone"), cloned ? QString() : cloned.error().fullText(), primary)));
    QVERIFY(wroteDuringCopy);
    QVERIFY(monotonic);
    QVERIFY(lastDone > 1000000);
    QCOMPARE(lastDone, lastTotal);
    QCOMPARE(cloned->bytes, lastDone);
    QVERIFY(cloned->slotCreated);
    QVERIFY2(!cloned->startLsn.isEmpty() && !cloned->stopLsn.isEmpty(), qPrintable(cloned->stopLsn));
    QVERIFY2(cloned->walSegments >= 1, qPrintable(QString::number(cloned->walSegments)));
    qInfo("PostgreSQL %d: cloned %lld bytes and %d WAL segments in %lld ms (%s to %s)", major, cloned->bytes,
          cloned->walSegments, cloned->durationMs, qPrintable(cloned->startLsn), qPrintable(cloned->stopLsn));

    // What the documentation says to leave out is left out; backup_label is there.
    const QDir data(standby.dataDir());
    QVERIFY(data.exists(QStringLiteral("backup_label")));
    QVERIFY(!data.exists(QStringLiteral("postmaster.pid")));
    QVERIFY(!data.exists(QStringLiteral("postmaster.opts")));
    QVERIFY(data.exists(QStringLiteral("pg_wal/archive_status")));
    QVERIFY(QDir(standby.dataDir() + QStringLiteral("/pg_replslot")).isEmpty());
    QFile label(data.filePath(QStringLiteral("backup_label")));
    QVERIFY(label.open(QIODevice::ReadOnly));
    const QByteArray labelText = label.readAll();
    QVERIFY2(labelText.contains("LABEL: replica-studio clone"), labelText.constData());
    QVERIFY2(labelText.contains("START WAL LOCATION: " + cloned->startLsn.toUtf8()), labelText.constData());

    auto written = writeStandbySettings(primary, standby, major, QStringLiteral("standby1"));
    QVERIFY2(written, qPrintable(written ? QString() : written.error().fullText()));
    step = standby.start();
    QVERIFY2(step, qPrintable(fail(major, QStringLiteral("start standby"), step ? QString() : step.error().fullText(),
                                   standby)));

    QString state;
    QVERIFY2(waitForStreaming(primary, QStringLiteral("standby1"), &state),
             qPrintable(fail(major, QStringLiteral("streaming"), QStringLiteral("state: ") + state, standby)));
    auto inRecovery = standby.query(QStringLiteral("SELECT pg_is_in_recovery()"));
    QVERIFY2(inRecovery && *inRecovery == QLatin1String("t"),
             qPrintable(fail(major, QStringLiteral("recovery"), QString(), standby)));
    auto rows = standby.query(QStringLiteral("SELECT string_agg(city, ',' ORDER BY city) FROM weather"));
    QVERIFY2(rows, qPrintable(fail(major, QStringLiteral("read on standby"), rows ? QString() : rows.error().fullText(),
                                   standby)));
    QCOMPARE(*rows, QStringLiteral("San Francisco,during the copy"));

    // And it follows: a row written now shows up.
    QVERIFY(primary.query(QStringLiteral("INSERT INTO weather VALUES ('after the copy', 2)")));
    QTRY_COMPARE_WITH_TIMEOUT(standby.query(QStringLiteral("SELECT count(*) FROM weather")).valueOr(QString()),
                              QStringLiteral("3"), 30000);
    auto refused = standby.query(QStringLiteral("INSERT INTO weather VALUES ('on the standby', 3)"));
    QVERIFY(!refused);
    QVERIFY2(refused.error().detail.contains(QLatin1String("read-only transaction")),
             qPrintable(refused.error().detail));
}

void TestBackupClone::cancelLeavesNothingBehind()
{
    const int major = 17;
    QString reason;
    const QString binDir = PgBuilds::binDir(major, &reason);
    if (binDir.isEmpty())
        QSKIP(qPrintable(reason));
    LiveServer primary(binDir);
    QVERIFY(primary.initdb());
    QVERIFY(primary.start());
    LiveServer standby(binDir);
    QVERIFY(standby.adoptDataDir());

    CloneOptions options = cloneOptions(major, primary, standby.dataDir(), QStringLiteral("standby_cancelled"));

    std::atomic_bool cancel = false;
    LocalHost host;
    auto cloned = BackupClone::run(
        host, host, options,
        [&](qint64 done, qint64) {
            if (done > 0)
                cancel = true;
        },
        &cancel);
    QVERIFY(!cloned);
    QVERIFY2(cloned.error().message.contains(QLatin1String("cancelled")), qPrintable(cloned.error().fullText()));
    QVERIFY2(QDir(standby.dataDir()).isEmpty(), qPrintable(QDir(standby.dataDir()).entryList().join(QLatin1Char(' '))));
    // The slot made for this clone is gone: it would keep WAL forever.
    QTRY_COMPARE_WITH_TIMEOUT(
        primary.query(QStringLiteral("SELECT count(*) FROM pg_replication_slots")).valueOr(QString()),
        QStringLiteral("0"), 10000);

    // The server ended the aborted backup: the next clone goes through.
    options.slotName.clear();
    cancel = false;
    auto again = BackupClone::run(host, host, options, {}, &cancel);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().fullText() + primary.logTail()));
}

void TestBackupClone::refusesNonEmptyStandbyDirectory()
{
    const int major = 16;
    QString reason;
    const QString binDir = PgBuilds::binDir(major, &reason);
    if (binDir.isEmpty())
        QSKIP(qPrintable(reason));
    LiveServer primary(binDir);
    QVERIFY(primary.initdb());
    QVERIFY(primary.start());
    // An existing cluster in the way: refused, and left exactly as it was.
    LiveServer other(binDir);
    QVERIFY(other.initdb());
    const QStringList before = QDir(other.dataDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

    const CloneOptions options = cloneOptions(major, primary, other.dataDir(), QStringLiteral("standby_refused"));
    LocalHost host;
    auto cloned = BackupClone::run(host, host, options);
    QVERIFY(!cloned);
    QVERIFY2(cloned.error().message.contains(QLatin1String("not empty")), qPrintable(cloned.error().fullText()));
    QCOMPARE(QDir(other.dataDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    QCOMPARE(primary.query(QStringLiteral("SELECT count(*) FROM pg_replication_slots")).valueOr(QString()),
             QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(TestBackupClone)
#include "test_backup_clone.moc"
