#include "core/conf/conf_file.h"
#include "core/version/version_rules.h"

#include "child_run.h"
#include "live_server.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QtTest/QTest>

#include <memory>

// PostgreSQL is the judge of its own files: for each tricky postgresql.conf,
// ConfFile + VersionRules must accept exactly what `postgres -C NAME -D DATA`
// accepts, and read the same value (in the setting's base unit, as postgres
// prints it). One initdb per run, on PostgreSQL 15 as installed here.
class TestConfVsPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sameVerdict_data();
    void sameVerdict();
    void replicactlConfWritesWhatPostgresReads_data();
    void replicactlConfWritesWhatPostgresReads();

private:
    struct PostgresVerdict
    {
        bool accepted = false;
        QString value;
        QString log;
    };
    PostgresVerdict askPostgres(const QByteArray &conf, const QString &name);
    PostgresVerdict askPostgresAboutFile(const QString &name);

    std::unique_ptr<LiveServer> m_server;
};

namespace {
const QString binDir = QStringLiteral("/usr/lib/postgresql/15/bin");

// What postgres -C prints for a value our side accepted: integers in the base unit, booleans
// as on/off, enum aliases as their value.
QString normalized(const VersionRules &rules, const QString &name, const QString &value)
{
    const auto info = rules.setting(name);
    if (!info)
        return value;
    switch (info->type) {
    case SettingInfo::Type::Integer:
        return QString::number(rules.integerInBaseUnit(name, value).value_or(-999999));
    case SettingInfo::Type::Bool:
        return *VersionRules::parseBool(value) ? QStringLiteral("on") : QStringLiteral("off");
    case SettingInfo::Type::Real:
        return QString::number(value.toDouble());
    case SettingInfo::Type::Enum: {
        const QString lower = value.toLower();
        if (info->hiddenEnumValues.contains(lower)) {
            if (info->name == QLatin1String("wal_level"))
                return QStringLiteral("replica");
            if (const auto b = VersionRules::parseBool(lower))
                return *b ? QStringLiteral("on") : QStringLiteral("off");
        }
        return lower;
    }
    case SettingInfo::Type::String:
        return value;
    }
    return value;
}
} // namespace

void TestConfVsPostgres::initTestCase()
{
    if (!LiveServer::runningAsRoot())
        QSKIP("needs root: initdb and postgres run as the postgres user through runuser");
    if (!QFile::exists(binDir + QStringLiteral("/postgres")))
        QSKIP("PostgreSQL 15 is not installed (/usr/lib/postgresql/15/bin)");
    m_server = std::make_unique<LiveServer>(binDir);
    const auto made = m_server->initdb();
    QVERIFY2(made, qPrintable(made ? QString() : made.error().fullText()));
}

void TestConfVsPostgres::cleanupTestCase()
{
    m_server.reset(); // root removes the postgres-owned folder
}

TestConfVsPostgres::PostgresVerdict TestConfVsPostgres::askPostgres(const QByteArray &conf, const QString &name)
{
    if (!m_server->writeServerFile(m_server->dataDir() + QStringLiteral("/postgresql.conf"), conf))
        return {false, {}, QStringLiteral("cannot write postgresql.conf")};
    return askPostgresAboutFile(name);
}

TestConfVsPostgres::PostgresVerdict TestConfVsPostgres::askPostgresAboutFile(const QString &name)
{
    const auto ran = m_server->runAsServerUser(
        QStringLiteral("postgres"), {QStringLiteral("-C"), name, QStringLiteral("-D"), m_server->dataDir()}, {}, 30000);
    if (!ran)
        return {false, {}, ran.error().fullText()};
    if (ran->timedOut)
        return {false, {}, QStringLiteral("postgres -C did not finish")};
    QString out = QString::fromUtf8(ran->stdOut);
    if (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    return {ran->succeeded(), out, QString::fromUtf8(ran->stdErr)};
}

void TestConfVsPostgres::sameVerdict_data()
{
    QTest::addColumn<QByteArray>("conf");
    QTest::addColumn<QString>("name");

    const std::pair<const char *, const char *> rows[] = {
        {"port = 5433\n", "port"},
        {"port 5433\n", "port"},
        {"port=5433# glued comment\n", "port"},
        {"port = +5433\n", "port"},
        {"port = 5433\r\n", "port"},
        {"port = 5433", "port"},
        {"\tport\t=\t5433\t\n", "port"},
        {"port = 1\nport = 2\nPORT = 3\n", "port"},
        {"port = 5433 garbage\n", "port"},
        {"port = 1e5\n", "port"},
        {"port = 70000\n", "port"},
        {"listen_addresses = '*'\n", "listen_addresses"},
        {"listen_addresses = *\n", "listen_addresses"},
        {"listen_addresses = localhost\n", "listen_addresses"},
        {"listen_addresses = 'localhost, 127.0.0.1'\n", "listen_addresses"},
        {"application_name = 'it''s'\n", "application_name"},
        {"application_name = 'it\\'s'\n", "application_name"},
        {"application_name = 'a\\\\b'\n", "application_name"},
        {"application_name = '\\101\\102c'\n", "application_name"},
        {"application_name = 'unterminated\n", "application_name"},
        {"application_name = 'a' 'b'\n", "application_name"},
        {"archive_command = 'test ! -f /a/%f && cp %p /a/%f' # comment with 'quotes'\n", "archive_command"},
        {"archive_command = 'cp %p /x#y'\n", "archive_command"},
        {"archive_command = ''\n", "archive_command"},
        {"log_line_prefix = '%m [%p] '\n", "log_line_prefix"},
        {"search_path = a.b\n", "search_path"},
        {"data_directory_mode = 0700\n", "port"},
        {"shared_buffers = 128MB\n", "shared_buffers"},
        {"shared_buffers = 1GB\n", "shared_buffers"},
        {"shared_buffers = 0x4000\n", "shared_buffers"},
        {"shared_buffers = 010000\n", "shared_buffers"},
        {"shared_buffers = '1.5GB'\n", "shared_buffers"},
        {"shared_buffers = '128 MB'\n", "shared_buffers"},
        {"shared_buffers = 1.5GB\n", "shared_buffers"},
        {"shared_buffers = 128mb\n", "shared_buffers"},
        {"shared_buffers = 64kB\n", "shared_buffers"},
        {"shared_buffers = 132kB\n", "shared_buffers"},
        {"shared_buffers = 134217728B\n", "shared_buffers"},
        {"wal_sender_timeout = 1min\n", "wal_sender_timeout"},
        {"wal_sender_timeout = '1.5s'\n", "wal_sender_timeout"},
        {"wal_sender_timeout = 500us\n", "wal_sender_timeout"},
        {"wal_sender_timeout = 5MB\n", "wal_sender_timeout"},
        {"wal_keep_size = 1GB\n", "wal_keep_size"},
        {"max_slot_wal_keep_size = -1\n", "max_slot_wal_keep_size"},
        {"max_wal_senders = 010\n", "max_wal_senders"},
        {"max_wal_senders = -1\n", "max_wal_senders"},
        {"max_wal_senders = 3kB\n", "max_wal_senders"},
        {"wal_level = hot_standby\n", "wal_level"},
        {"wal_level = archive\n", "wal_level"},
        {"wal_level = REPLICA\n", "wal_level"},
        {"wal_level replica # no equals\n", "wal_level"},
        {"wal_level = 'logical'\n", "wal_level"},
        {"wal_level = full\n", "wal_level"},
        {"hot_standby = yes\n", "hot_standby"},
        {"hot_standby = of\n", "hot_standby"},
        {"hot_standby = o\n", "hot_standby"},
        {"hot_standby = TRUE\n", "hot_standby"},
        {"hot_standby = 1\n", "hot_standby"},
        {"hot_standby = 2\n", "hot_standby"},
        {"archive_mode = true\n", "archive_mode"},
        {"archive_mode = always\n", "archive_mode"},
        {"archive_mode = tru\n", "archive_mode"},
        {"synchronous_commit = remote_apply\n", "synchronous_commit"},
        {"synchronous_commit = 0\n", "synchronous_commit"},
        {"password_encryption = scram-sha-256\n", "password_encryption"},
        {"password_encryption = on\n", "password_encryption"},
        {"log_min_messages = WARNING\n", "log_min_messages"},
        {"checkpoint_completion_target = .5\n", "checkpoint_completion_target"},
        {"checkpoint_completion_target = 1.5\n", "checkpoint_completion_target"},
        {"wal_keep_segments = 64\n", "port"},
        {"promote_trigger_file = '/tmp/promote'\n", "promote_trigger_file"},
        {"data_checksums = on\n", "port"},
        {"wal_levle = replica\n", "port"},
        {"my_extension.option = 'x'\n", "my_extension.option"},
        {"5432 = port\n", "port"},
        {"wal-level = replica\n", "port"},
        {"port == 5432\n", "port"},
        {"port =\n", "port"},
        // synchronous_standby_names: syncrep_gram.y's grammar, and its count check.
        {"synchronous_standby_names = 'FIRST 1 (s1, \"s 2\")'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = 'ANY 2 (a, b, c)'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = '2 (a, b)'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = 's1, s2'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = '*'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = ''\n", "synchronous_standby_names"},
        {"synchronous_standby_names = 'FIRST 1 (\"a\"\"b\")'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = 'ANY 1 (a, b'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = 'FIRST x (a)'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = '0 (a)'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = 'any'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = 'first, second'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = 's1,'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = 'a b'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = '\"unterminated'\n", "synchronous_standby_names"},
        {"synchronous_standby_names = '''s1'''\n", "synchronous_standby_names"},
        // log_destination: a list of key words (eventlog only on Windows).
        {"log_destination = 'stderr,csvlog'\n", "log_destination"},
        {"log_destination = 'stderr, jsonlog'\n", "log_destination"},
        {"log_destination = 'eventlog'\n", "log_destination"},
        {"log_destination = 'stderr,,csvlog'\n", "log_destination"},
        {"log_destination = 'syslogx'\n", "log_destination"},
    };
    for (const auto &[conf, name] : rows)
        QTest::addRow("%s", QByteArray(conf).replace('\n', "\\n").replace('\r', "\\r").replace('\t', "\\t").constData())
            << QByteArray(conf) << QString::fromLatin1(name);

    // Whole files: the installed sample and our edit of it, as replicactl conf would write it.
    QFile sample(QStringLiteral("/usr/share/postgresql/15/postgresql.conf.sample"));
    if (sample.open(QIODevice::ReadOnly)) {
        const QByteArray text = sample.readAll();
        QTest::addRow("installed sample") << text << QStringLiteral("wal_level");
        Result<ConfFile> edited = ConfFile::parse(text, QStringLiteral("postgresql.conf"));
        const VersionRules rules(PgVersion(15));
        if (edited.ok() && edited->set(QStringLiteral("listen_addresses"), QStringLiteral("*"), rules).ok() &&
            edited->set(QStringLiteral("archive_command"), QStringLiteral("cp '%p' \"/a b\\\\c/%f\""), rules).ok() &&
            edited->set(QStringLiteral("shared_buffers"), QStringLiteral("1.5GB"), rules).ok() &&
            edited->set(QStringLiteral("max_wal_senders"), QStringLiteral("3"), rules).ok()) {
            QTest::addRow("edited sample: archive_command") << edited->render() << QStringLiteral("archive_command");
            QTest::addRow("edited sample: shared_buffers") << edited->render() << QStringLiteral("shared_buffers");
            QTest::addRow("edited sample: listen_addresses") << edited->render() << QStringLiteral("listen_addresses");
        }
    }
}

void TestConfVsPostgres::sameVerdict()
{
    QFETCH(QByteArray, conf);
    QFETCH(QString, name);
    const VersionRules rules(PgVersion(15));

    bool oursAccepts = false;
    QString ourValue;
    QString ourReason;
    const Result<ConfFile> file = ConfFile::parse(conf, QStringLiteral("postgresql.conf"));
    if (!file.ok()) {
        ourReason = file.error().message;
    } else {
        oursAccepts = true;
        for (const ConfFile::Setting &setting : file->settings()) {
            if (const Result<void> valid = rules.validateSetting(setting.name, setting.value); !valid) {
                oursAccepts = false;
                ourReason = valid.error().message;
                break;
            }
        }
        if (oursAccepts && file->value(name))
            ourValue = normalized(rules, name, *file->value(name));
    }

    const PostgresVerdict postgres = askPostgres(conf, name);
    QVERIFY2(oursAccepts == postgres.accepted,
             qPrintable(QStringLiteral("ours: %1 (%2); postgres: %3 (%4)")
                            .arg(oursAccepts ? QStringLiteral("accepted") : QStringLiteral("refused"), ourReason,
                                 postgres.accepted ? QStringLiteral("accepted") : QStringLiteral("refused"),
                                 postgres.log.trimmed())));
    if (oursAccepts && file->value(name))
        QCOMPARE(ourValue, postgres.value);
}

void TestConfVsPostgres::replicactlConfWritesWhatPostgresReads_data()
{
    QTest::addColumn<QByteArray>("conf");
    QTest::addColumn<QString>("set");           // NAME=VALUE as a DBA types it after --set
    QTest::addColumn<int>("exitCode");          // 0 written, 2 refused (file untouched)
    QTest::addColumn<QString>("postgresReads"); // for 0: what postgres -C prints then
    QTest::addColumn<QString>("override");      // for 0: the file and line a warning names, or empty

    const QByteArray base = "port = 5432\n";
    auto row = [&](const char *tag, const QByteArray &conf, const QString &set, int exitCode, const QString &reads = {},
                   const QString &override = {}) {
        QTest::addRow("%s", tag) << conf << set << exitCode << reads << override;
    };
    // Quoting forms: bare, the file's own quoted form, '' inside; each read as PostgreSQL reads it.
    row("bare *", base, QStringLiteral("listen_addresses=*"), 0, QStringLiteral("*"));
    row("quoted '*'", base, QStringLiteral("listen_addresses='*'"), 0, QStringLiteral("*"));
    row("quoted archive_command", base, QStringLiteral("archive_command='test ! -f /arch/%f && cp %p /arch/%f'"), 0,
        QStringLiteral("test ! -f /arch/%f && cp %p /arch/%f"));
    row("quoted 'it''s'", base, QStringLiteral("application_name='it''s'"), 0, QStringLiteral("it's"));
    row("bare it's", base, QStringLiteral("application_name=it's"), 0, QStringLiteral("it's"));
    row("hostile $HOME `id` \\", base, QStringLiteral("application_name=$HOME `id` \\"), 0,
        QStringLiteral("$HOME `id` \\"));
    row("quoted sync names", base, QStringLiteral("synchronous_standby_names='FIRST 1 (s1, \"s 2\")'"), 0,
        QStringLiteral("FIRST 1 (s1, \"s 2\")"));
    row("quoted '64MB'", base, QStringLiteral("shared_buffers='64MB'"), 0, QStringLiteral("8192"));
    row("TimeZone Europe/Paris", base, QStringLiteral("TimeZone=Europe/Paris"), 0, QStringLiteral("Europe/Paris"));
    // Refused, as PostgreSQL refuses them.
    row("TimeZone Mars/Olympus", base, QStringLiteral("TimeZone=Mars/Olympus"), 2);
    row("log_timezone Mars/Olympus", base, QStringLiteral("log_timezone=Mars/Olympus"), 2);
    row("sync names ANY 1 (a, b", base, QStringLiteral("synchronous_standby_names='ANY 1 (a, b'"), 2);
    row("sync names FIRST x (a)", base, QStringLiteral("synchronous_standby_names='FIRST x (a)'"), 2);
    row("wal_level archaic", base, QStringLiteral("wal_level=archaic"), 2);
    row("half-quoted '*", base, QStringLiteral("listen_addresses='*"), 2);
    // Overrides: the edit is written, PostgreSQL keeps the later file's value, and the warning names that file.
    row("include wins", "temp_buffers = 8MB\ninclude 'extra.conf'\n", QStringLiteral("temp_buffers=32MB"), 0,
        QStringLiteral("2048"), QStringLiteral("extra.conf line 1"));
    row("include_dir wins", "wal_level = replica\ninclude_dir = 'conf.d'\n", QStringLiteral("wal_level=logical"), 0,
        QStringLiteral("minimal"), QStringLiteral("conf.d/01.conf line 1"));
    row("include_dir read before the edit", "include_dir = 'conf.d'\nwal_level = replica\n",
        QStringLiteral("wal_level=logical"), 0, QStringLiteral("logical"));
    row("postgresql.auto.conf wins", base, QStringLiteral("max_wal_senders=10"), 0, QStringLiteral("5"),
        QStringLiteral("postgresql.auto.conf line 1"));
}

void TestConfVsPostgres::replicactlConfWritesWhatPostgresReads()
{
    QFETCH(QByteArray, conf);
    QFETCH(QString, set);
    QFETCH(int, exitCode);
    QFETCH(QString, postgresReads);
    QFETCH(QString, override);
    const QString data = m_server->dataDir();
    const QString path = data + QStringLiteral("/postgresql.conf");
    QVERIFY(m_server->writeServerFile(path, conf));
    QVERIFY(m_server->writeServerFile(data + QStringLiteral("/extra.conf"), "temp_buffers = 16MB\n"));
    QVERIFY(QDir().mkpath(data + QStringLiteral("/conf.d")));
    QVERIFY(m_server->writeServerFile(data + QStringLiteral("/conf.d/01.conf"), "wal_level = minimal\n"));
    QVERIFY(m_server->writeServerFile(data + QStringLiteral("/postgresql.auto.conf"), "max_wal_senders = 5\n"));
    auto cleanUp = qScopeGuard([&] { QFile::remove(data + QStringLiteral("/postgresql.auto.conf")); });

    const ChildRun run =
        ChildRun::start(replicactlProgram(),
                        {QStringLiteral("conf"), path, QStringLiteral("--version"), QStringLiteral("15"),
                         QStringLiteral("--pg-bin"), binDir, QStringLiteral("--write"), QStringLiteral("--set"), set});
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.all()));
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    if (exitCode != 0) {
        // Untouched; and PostgreSQL refuses the value too, put in the file as the DBA typed it.
        QCOMPARE(written.readAll(), conf);
        const QString name = set.section(QLatin1Char('='), 0, 0);
        const PostgresVerdict postgres =
            askPostgres(conf + (name + QStringLiteral(" = ") + set.section(QLatin1Char('='), 1)).toUtf8() + '\n', name);
        QVERIFY2(!postgres.accepted, qPrintable(postgres.value));
        return;
    }
    const PostgresVerdict postgres = askPostgresAboutFile(set.section(QLatin1Char('='), 0, 0));
    QVERIFY2(postgres.accepted, qPrintable(postgres.log));
    QCOMPARE(postgres.value, postgresReads);
    if (override.isEmpty())
        QVERIFY2(!run.err.contains(QStringLiteral("Warning")), qPrintable(run.all()));
    else
        QVERIFY2(run.err.contains(QStringLiteral("set again in %1/%2").arg(data, override)), qPrintable(run.all()));
}

QTEST_GUILESS_MAIN(TestConfVsPostgres)
#include "test_conf_vs_postgres.moc"
