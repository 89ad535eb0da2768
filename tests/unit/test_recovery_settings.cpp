#include "core/conf/recovery_settings.h"
#include "core/diff/text_diff.h"

#include "fixtures.h"

#include <QFile>
#include <QtTest/QTest>

Q_DECLARE_METATYPE(PgVersion)

// RecoverySettings: golden files for each era (recovery.conf up to 11,
// postgresql.auto.conf + standby.signal from 12), read back into the same
// settings, and refusals for what a major cannot take. PostgreSQL's own
// reading of the 12+ files is checked in tests/integration/test_hba_vs_postgres.
class TestRecoverySettings : public QObject
{
    Q_OBJECT

private slots:
    void golden_data();
    void golden();
    void conninfoForEachMajor_data();
    void conninfoForEachMajor();
    void refusals_data();
    void refusals();
    void parseExisting();
    void obsoleteSettingsCommentedOut();
};

static RecoverySettings make(PgVersion version, bool passfile, bool slot, bool trigger, bool restore)
{
    RecoverySettings::PrimaryConnection connection;
    connection.host = QStringLiteral("10.0.0.1");
    connection.user = QStringLiteral("replicator");
    connection.applicationName = QStringLiteral("standby 1"); // a space: quoted twice over
    if (passfile)
        connection.passfile = QStringLiteral("/var/lib/postgresql/.pgpass_replica");
    RecoverySettings settings(version);
    settings.conninfo = RecoverySettings::primaryConninfo(connection, version).valueOr({});
    if (slot)
        settings.slotName = QStringLiteral("standby_1");
    if (trigger)
        settings.triggerFile = QStringLiteral("/tmp/promote.trigger");
    if (restore)
        settings.restoreCommand = QStringLiteral("cp '/mnt/archive/%f' '%p'");
    return settings;
}

void TestRecoverySettings::golden_data()
{
    QTest::addColumn<PgVersion>("version");
    QTest::addColumn<bool>("passfile");
    QTest::addColumn<bool>("slot");
    QTest::addColumn<bool>("trigger");
    QTest::addColumn<bool>("restore");
    QTest::addColumn<QString>("currentAutoConf"); // fixture, or empty
    QTest::addColumn<QString>("expected");        // fixture of the main file
    QTest::addRow("9.3") << PgVersion(9, 3) << false << false << true << false << QString()
                         << QStringLiteral("recovery-9.3.conf");
    QTest::addRow("9.6 slot") << PgVersion(9, 6) << false << true << false << true << QString()
                              << QStringLiteral("recovery-9.6.conf");
    QTest::addRow("11 passfile") << PgVersion(11) << true << true << true << false << QString()
                                 << QStringLiteral("recovery-11.conf");
    QTest::addRow("12 new auto.conf") << PgVersion(12) << true << true << true << false << QString()
                                      << QStringLiteral("auto-12.conf");
    QTest::addRow("13 restore") << PgVersion(13) << true << true << false << true << QString()
                                << QStringLiteral("auto-13.conf");
    QTest::addRow("15 over pg_basebackup -R")
        << PgVersion(15) << true << true << false << false << QStringLiteral("auto-15-basebackup.conf")
        << QStringLiteral("auto-15-edited.conf");
    QTest::addRow("16") << PgVersion(16) << true << true << false << false << QString()
                        << QStringLiteral("auto-16.conf");
}

void TestRecoverySettings::golden()
{
    QFETCH(PgVersion, version);
    QFETCH(bool, passfile);
    QFETCH(bool, slot);
    QFETCH(bool, trigger);
    QFETCH(bool, restore);
    QFETCH(QString, currentAutoConf);
    QFETCH(QString, expected);
    const RecoverySettings settings = make(version, passfile, slot, trigger, restore);
    QVERIFY2(settings.validate().ok(),
             qPrintable(settings.validate().ok() ? QString() : settings.validate().error().fullText()));
    const QByteArray current =
        currentAutoConf.isEmpty() ? QByteArray() : Fixtures::read(QStringLiteral("recovery/") + currentAutoConf);
    const Result<QList<RecoverySettings::FileContent>> files = settings.files(current);
    QVERIFY2(files.ok(), files.ok() ? "" : qPrintable(files.error().fullText()));
    const QByteArray rendered = files->first().content;
    if (qEnvironmentVariableIsSet("REPLICA_UPDATE_GOLDEN")) {
        QFile out(Fixtures::path(QStringLiteral("recovery/") + expected));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(rendered);
    }
    const QByteArray golden = Fixtures::read(QStringLiteral("recovery/") + expected);
    if (rendered != golden)
        qWarning("%s",
                 TextDiff(golden, rendered).unified(QStringLiteral("golden"), QStringLiteral("rendered")).constData());
    QCOMPARE(rendered, golden);

    if (version.atLeast(12)) {
        QCOMPARE(files->size(), 2);
        QCOMPARE(files->first().name, QStringLiteral("postgresql.auto.conf"));
        QCOMPARE(files->at(1).name, QStringLiteral("standby.signal"));
        QVERIFY(files->at(1).content.isEmpty());
        QCOMPARE(settings.obsoleteFiles(), QStringList{QStringLiteral("recovery.conf")});
    } else {
        QCOMPARE(files->size(), 1);
        QCOMPARE(files->first().name, QStringLiteral("recovery.conf"));
    }

    // Read back: the same settings.
    const Result<RecoverySettings> back = version.atLeast(12) ? RecoverySettings::parseConf(rendered, version, true)
                                                              : RecoverySettings::parseRecoveryConf(rendered, version);
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().fullText()));
    QCOMPARE(back->conninfo.toString(), settings.conninfo.toString());
    QCOMPARE(back->conninfo.value(QStringLiteral("application_name")),
             std::optional<QString>(QStringLiteral("standby 1")));
    QCOMPARE(back->slotName, settings.slotName);
    QCOMPARE(back->restoreCommand, settings.restoreCommand);
    QCOMPARE(back->triggerFile, settings.triggerFile);
    QVERIFY(back->standbyMode);
    QCOMPARE(back->targetTimeline, version.atLeast(12) ? QString() : QStringLiteral("latest"));
}

void TestRecoverySettings::conninfoForEachMajor_data()
{
    QTest::addColumn<PgVersion>("version");
    QTest::addColumn<QString>("expected");
    QTest::addRow("9.6, no passfile") << PgVersion(9, 6)
                                      << QStringLiteral("user=replicator host=10.0.0.1 port=5432 application_name=s1");
    QTest::addRow("10") << PgVersion(10)
                        << QStringLiteral("user=replicator passfile='/var/lib/postgresql/.pgpass' host=10.0.0.1 "
                                          "port=5432 application_name=s1");
    QTest::addRow("17") << PgVersion(17)
                        << QStringLiteral("user=replicator passfile='/var/lib/postgresql/.pgpass' host=10.0.0.1 "
                                          "port=5432 application_name=s1");
}

void TestRecoverySettings::conninfoForEachMajor()
{
    QFETCH(PgVersion, version);
    QFETCH(QString, expected);
    RecoverySettings::PrimaryConnection connection;
    connection.host = QStringLiteral("10.0.0.1");
    connection.user = QStringLiteral("replicator");
    connection.applicationName = QStringLiteral("s1");
    if (version.atLeast(10))
        connection.passfile = QStringLiteral("/var/lib/postgresql/.pgpass");
    const Result<ConnInfo> info = RecoverySettings::primaryConninfo(connection, version);
    QVERIFY(info.ok());
    QCOMPARE(info->toString(), expected);
    QVERIFY(ConnInfo::parse(info->toString(), version).ok());
}

void TestRecoverySettings::refusals_data()
{
    QTest::addColumn<PgVersion>("version");
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("slot");
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<QString>("message");
    const QString plain = QStringLiteral("host=10.0.0.1 user=replicator");
    QTest::addRow("15 client options on 11")
        << PgVersion(11)
        << QStringLiteral("host=10.0.0.1 channel_binding=prefer sslsni=1 ssl_min_protocol_version=TLSv1.2") << QString()
        << QString() << QStringLiteral("does not know channel_binding, sslsni, ssl_min_protocol_version");
    QTest::addRow("slot on 9.3") << PgVersion(9, 3) << plain << QStringLiteral("s1") << QString()
                                 << QStringLiteral("no replication slots");
    QTest::addRow("bad slot name") << PgVersion(15) << plain << QStringLiteral("Standby-1") << QString()
                                   << QStringLiteral("not a replication slot name");
    QTest::addRow("trigger on 16") << PgVersion(16) << plain << QString() << QStringLiteral("/tmp/t")
                                   << QStringLiteral("pg_promote()");
    QTest::addRow("nothing to stream from")
        << PgVersion(15) << QString() << QString() << QString() << QStringLiteral("primary_conninfo");
}

void TestRecoverySettings::refusals()
{
    QFETCH(PgVersion, version);
    QFETCH(QString, conninfo);
    QFETCH(QString, slot);
    QFETCH(QString, trigger);
    QFETCH(QString, message);
    RecoverySettings settings(version);
    settings.conninfo = ConnInfo::parse(conninfo).valueOr({});
    settings.slotName = slot;
    settings.triggerFile = trigger;
    const Result<void> valid = settings.validate();
    QVERIFY(!valid.ok());
    QVERIFY2(valid.error().message.contains(message), qPrintable(valid.error().message));
    QVERIFY(!settings.files().ok());

    RecoverySettings::PrimaryConnection connection;
    connection.host = QStringLiteral("10.0.0.1");
    connection.passfile = QStringLiteral("/x");
    QVERIFY(!RecoverySettings::primaryConninfo(connection, PgVersion(9, 6)).ok());
}

void TestRecoverySettings::parseExisting()
{
    // A 9.3 recovery.conf as pg_basebackup -R wrote it, with the old quoting.
    const QByteArray old = "standby_mode = 'on'\n"
                           "primary_conninfo = 'user=postgres password=''pass word'' host=192.168.0.1 port=5432 "
                           "sslmode=prefer sslcompression=1 krbsrvname=postgres'\n";
    const Result<RecoverySettings> settings = RecoverySettings::parseRecoveryConf(old, PgVersion(9, 3));
    QVERIFY(settings.ok());
    QCOMPARE(settings->conninfo.value(QStringLiteral("password")), std::optional<QString>(QStringLiteral("pass word")));
    QCOMPARE(settings->conninfo.value(QStringLiteral("host")), std::optional<QString>(QStringLiteral("192.168.0.1")));
    QVERIFY(settings->standbyMode);

    // The 15 client's string read for an 11 standby: refused, naming the line.
    const QByteArray fromNewClient = Fixtures::read(QStringLiteral("recovery/auto-15-basebackup.conf"))
                                         .replace("primary_conninfo", "primary_conninfo");
    const Result<RecoverySettings> on11 =
        RecoverySettings::parseRecoveryConf("standby_mode = on\n" + fromNewClient, PgVersion(11));
    QVERIFY(!on11.ok());
    QVERIFY(on11.error().message.contains(QStringLiteral("line 4")));
    QVERIFY(on11.error().detail.contains(QStringLiteral("invalid connection option \"channel_binding\"")));

    // A recovery.conf on 12+ is refused, as the server refuses to start.
    QVERIFY(!RecoverySettings::parseRecoveryConf(old, PgVersion(12)).ok());
    // Without standby.signal a 12+ data directory is no standby.
    const Result<RecoverySettings> noSignal = RecoverySettings::parseConf(
        Fixtures::read(QStringLiteral("recovery/auto-15-basebackup.conf")), PgVersion(15), false);
    QVERIFY(noSignal.ok());
    QVERIFY(!noSignal->standbyMode);
    QCOMPARE(noSignal->conninfo.value(QStringLiteral("sslsni")), std::optional<QString>(QStringLiteral("1")));
}

// Settings only recovery.conf knew, left in a 12+ file, would stop the
// server from starting: they are commented out.
void TestRecoverySettings::obsoleteSettingsCommentedOut()
{
    RecoverySettings settings = make(PgVersion(16), true, false, false, false);
    const QByteArray current =
        "standby_mode = 'on'\ntrigger_file = '/tmp/t'\npromote_trigger_file = '/tmp/p'\nwork_mem = '8MB'\n";
    const Result<QByteArray> edited = settings.autoConf(current);
    QVERIFY2(edited.ok(), edited.ok() ? "" : qPrintable(edited.error().fullText()));
    QVERIFY(edited->startsWith(
        "#standby_mode = 'on'\n#trigger_file = '/tmp/t'\n#promote_trigger_file = '/tmp/p'\nwork_mem = '8MB'\n"));
    // 15 still has promote_trigger_file.
    RecoverySettings on15 = make(PgVersion(15), true, false, false, false);
    const Result<QByteArray> edited15 = on15.autoConf(current);
    QVERIFY(edited15.ok());
    QVERIFY(edited15->contains("\npromote_trigger_file = '/tmp/p'\n"));
    QVERIFY(edited15->startsWith("#standby_mode"));
}

QTEST_GUILESS_MAIN(TestRecoverySettings)
#include "test_recovery_settings.moc"
