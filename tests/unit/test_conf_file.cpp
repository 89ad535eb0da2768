#include "core/conf/conf_file.h"
#include "core/version/version_rules.h"
#include "fixtures.h"

#include <QDir>
#include <QFile>
#include <QtTest/QTest>

// ConfFile: PostgreSQL's grammar point by point, byte-for-byte round trips of
// real and hand-written sample files, and golden edits (input, edit, expected
// output) under tests/fixtures/conf/edits/.
class TestConfFile : public QObject
{
    Q_OBJECT

private slots:
    void grammar_data();
    void grammar();
    void syntaxErrors_data();
    void syntaxErrors();
    void roundTrip_data();
    void roundTrip();
    void includes();
    void renderValue_data();
    void renderValue();
    void edits_data();
    void edits();
    void refusedEditLeavesFileUntouched();
    void unsetCommentsOutEveryActiveLine();
    void setTwiceIsStable();
};

void TestConfFile::grammar_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected"); // "<none>" when the file does not set it

    QTest::addRow("name = value") << QByteArray("port = 5433\n") << "port"
                                  << "5433";
    QTest::addRow("name value") << QByteArray("port 5433\n") << "port"
                                << "5433";
    QTest::addRow("no blanks") << QByteArray("port=5433\n") << "port"
                               << "5433";
    QTest::addRow("tabs and CR") << QByteArray("\tport\t=\t5433\t\r\n") << "port"
                                 << "5433";
    QTest::addRow("comment after") << QByteArray("port = 5433 # the port\n") << "port"
                                   << "5433";
    QTest::addRow("comment glued") << QByteArray("port = 5433#x\n") << "port"
                                   << "5433";
    QTest::addRow("commented out") << QByteArray("#port = 5433\n") << "port"
                                   << "<none>";
    QTest::addRow("quoted") << QByteArray("listen_addresses = '*'\n") << "listen_addresses"
                            << "*";
    QTest::addRow("doubled quote") << QByteArray("application_name = 'it''s'\n") << "application_name"
                                   << "it's";
    QTest::addRow("backslash quote") << QByteArray("application_name = 'it\\'s'\n") << "application_name"
                                     << "it's";
    QTest::addRow("backslash escapes") << QByteArray("a.b = 'x\\ty\\nz\\\\w\\q'\n") << "a.b"
                                       << "x\ty\nz\\wq";
    QTest::addRow("octal escape") << QByteArray("a.b = '\\101\\1012'\n") << "a.b"
                                  << "AA2";
    QTest::addRow("hash inside quotes") << QByteArray("archive_command = 'cp %p /x#y' # real comment\n")
                                        << "archive_command"
                                        << "cp %p /x#y";
    QTest::addRow("empty string") << QByteArray("archive_command = ''\n") << "archive_command"
                                  << "";
    QTest::addRow("unit") << QByteArray("shared_buffers = 128MB\n") << "shared_buffers"
                          << "128MB";
    QTest::addRow("time unit") << QByteArray("wal_sender_timeout = 1min\n") << "wal_sender_timeout"
                               << "1min";
    QTest::addRow("negative") << QByteArray("max_slot_wal_keep_size = -1\n") << "max_slot_wal_keep_size"
                              << "-1";
    QTest::addRow("hex") << QByteArray("shared_buffers = 0x4000\n") << "shared_buffers"
                         << "0x4000";
    QTest::addRow("real") << QByteArray("checkpoint_completion_target = .9\n") << "checkpoint_completion_target"
                          << ".9";
    QTest::addRow("exponent") << QByteArray("seq_page_cost = 1.5e3\n") << "seq_page_cost"
                              << "1.5e3";
    QTest::addRow("unquoted string") << QByteArray("password_encryption = scram-sha-256\n") << "password_encryption"
                                     << "scram-sha-256";
    QTest::addRow("unquoted path") << QByteArray("data_directory = a/b:c.d\n") << "data_directory"
                                   << "a/b:c.d";
    QTest::addRow("identifier value") << QByteArray("wal_level = replica\n") << "wal_level"
                                      << "replica";
    QTest::addRow("names ignore case") << QByteArray("WAL_Level = logical\n") << "wal_level"
                                       << "logical";
    QTest::addRow("last wins") << QByteArray("port = 1\nport = 2\nport = 3 # last\n") << "port"
                               << "3";
    QTest::addRow("last wins any case") << QByteArray("port = 1\nPORT = 2\n") << "port"
                                        << "2";
    QTest::addRow("qualified name") << QByteArray("auto_explain.log_min_duration = 250ms\n")
                                    << "auto_explain.log_min_duration"
                                    << "250ms";
    QTest::addRow("non-ASCII") << QByteArray("application_name = 'スタンバイ'\n") << "application_name"
                               << "スタンバイ";
    QTest::addRow("no final newline") << QByteArray("port = 5433") << "port"
                                      << "5433";
    QTest::addRow("blank lines only") << QByteArray("\n\n  \n") << "port"
                                      << "<none>";
}

void TestConfFile::grammar()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const Result<ConfFile> file = ConfFile::parse(text, QStringLiteral("postgresql.conf"));
    QVERIFY2(file.ok(), file.ok() ? "" : qPrintable(file.error().fullText()));
    QCOMPARE(file->value(name).value_or(QStringLiteral("<none>")), expected);
    QCOMPARE(file->render(), text);
}

void TestConfFile::syntaxErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");

    const QString file = QStringLiteral("syntax error in file \"postgresql.conf\" line %1, near %2");
    QTest::addRow("unquoted star") << QByteArray("port = 5432\nlisten_addresses = *\n")
                                   << file.arg(2).arg(QStringLiteral("token \"*\""));
    QTest::addRow("no value") << QByteArray("port =\n") << file.arg(1).arg(QStringLiteral("end of line"));
    QTest::addRow("name alone") << QByteArray("\n\nhot_standby\n") << file.arg(3).arg(QStringLiteral("end of line"));
    QTest::addRow("two values") << QByteArray("listen_addresses = localhost, example\n")
                                << file.arg(1).arg(QStringLiteral("token \",\""));
    QTest::addRow("unterminated quote") << QByteArray("archive_command = 'cp %p\n")
                                        << file.arg(1).arg(QStringLiteral("token \"'\""));
    QTest::addRow("value after quote") << QByteArray("a.b = 'x' y\n") << file.arg(1).arg(QStringLiteral("token \"y\""));
    QTest::addRow("unit after real") << QByteArray("shared_buffers = 1.5GB\n")
                                     << file.arg(1).arg(QStringLiteral("token \"GB\""));
    QTest::addRow("double equals") << QByteArray("port == 5432\n") << file.arg(1).arg(QStringLiteral("token \"=\""));
    QTest::addRow("starts with a number")
        << QByteArray("5432 = port\n") << file.arg(1).arg(QStringLiteral("token \"5432\""));
    QTest::addRow("qualified value") << QByteArray("search_path = a.b\n")
                                     << file.arg(1).arg(QStringLiteral("token \"a.b\""));
    QTest::addRow("path unquoted") << QByteArray("data_directory = /var/lib\n")
                                   << file.arg(1).arg(QStringLiteral("token \"/\""));
    QTest::addRow("dash name") << QByteArray("wal-level = replica\n")
                               << file.arg(1).arg(QStringLiteral("token \"wal-level\""));
    QTest::addRow("exponent glued unit") << QByteArray("port = 1e5\n")
                                         << file.arg(1).arg(QStringLiteral("token \"5\""));
}

void TestConfFile::syntaxErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const Result<ConfFile> file = ConfFile::parse(text, QStringLiteral("postgresql.conf"));
    QVERIFY(!file.ok());
    QCOMPARE(file.error().message, message);
}

void TestConfFile::roundTrip_data()
{
    QTest::addColumn<QString>("path");
    const QDir samples(Fixtures::path(QStringLiteral("conf/samples")));
    const QStringList names = samples.entryList({QStringLiteral("*.conf")}, QDir::Files, QDir::Name);
    QVERIFY(names.size() >= 7);
    for (const QString &name : names)
        QTest::addRow("%s", qPrintable(name)) << samples.filePath(name);
    const QDir installed(QStringLiteral("/usr/share/postgresql"));
    for (const QString &major : installed.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString sample = installed.filePath(major + QStringLiteral("/postgresql.conf.sample"));
        if (QFile::exists(sample))
            QTest::addRow("installed %s", qPrintable(major)) << sample;
    }
}

void TestConfFile::roundTrip()
{
    QFETCH(QString, path);
    QFile source(path);
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray text = source.readAll();
    QVERIFY(!text.isEmpty());
    const Result<ConfFile> file = ConfFile::parse(text, QFileInfo(path).fileName());
    QVERIFY2(file.ok(), file.ok() ? "" : qPrintable(file.error().fullText()));
    QCOMPARE(file->render(), text);
    QVERIFY(!file->isModified());
}

void TestConfFile::includes()
{
    const Result<ConfFile> file =
        ConfFile::parse(Fixtures::read(QStringLiteral("conf/samples/pg16.conf")), QStringLiteral("postgresql.conf"));
    QVERIFY(file.ok());
    const auto includes = file->includes();
    QCOMPARE(includes.size(), 3);
    QCOMPARE(includes[0].kind, ConfFile::IncludeKind::IncludeDir);
    QCOMPARE(includes[0].path, QStringLiteral("conf.d"));
    QCOMPARE(includes[1].kind, ConfFile::IncludeKind::Include);
    QCOMPARE(includes[1].path, QStringLiteral("extra.conf"));
    QCOMPARE(includes[2].kind, ConfFile::IncludeKind::IncludeIfExists);
    QCOMPARE(includes[2].path, QStringLiteral("optional.conf"));
    QCOMPARE(includes[2].line, 22);
    // Directives are not settings.
    QVERIFY(!file->value(QStringLiteral("include_dir")).has_value());
    for (const auto &setting : file->settings())
        QVERIFY(!setting.name.startsWith(QLatin1String("include")));
}

void TestConfFile::renderValue_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("forceQuotes");
    QTest::addColumn<QByteArray>("rendered");

    QTest::addRow("identifier") << "replica" << false << QByteArray("replica");
    QTest::addRow("unit") << "128MB" << false << QByteArray("128MB");
    QTest::addRow("negative") << "-1" << false << QByteArray("-1");
    QTest::addRow("dashes") << "scram-sha-256" << false << QByteArray("scram-sha-256");
    QTest::addRow("real with unit") << "1.5GB" << false << QByteArray("'1.5GB'");
    QTest::addRow("qualified") << "a.b" << false << QByteArray("'a.b'");
    QTest::addRow("star") << "*" << false << QByteArray("'*'");
    QTest::addRow("empty") << "" << false << QByteArray("''");
    QTest::addRow("string forced") << "slave" << true << QByteArray("'slave'");
    QTest::addRow("quote") << "it's" << true << QByteArray("'it''s'");
    QTest::addRow("backslash") << "C:\\x" << true << QByteArray("'C:\\\\x'");
    QTest::addRow("newline") << "a\nb" << true << QByteArray("'a\\nb'");
    QTest::addRow("command") << "test ! -f /a/%f && cp %p /a/%f" << false
                             << QByteArray("'test ! -f /a/%f && cp %p /a/%f'");
}

void TestConfFile::renderValue()
{
    QFETCH(QString, value);
    QFETCH(bool, forceQuotes);
    QFETCH(QByteArray, rendered);
    QCOMPARE(ConfFile::renderValue(value, forceQuotes), rendered);
    // What we write reads back as the same value.
    const Result<ConfFile> back = ConfFile::parse("x.y = " + rendered + '\n', QStringLiteral("t.conf"));
    QVERIFY(back.ok());
    QCOMPARE(*back->value(QStringLiteral("x.y")), value);
}

// tests/fixtures/conf/edits/<case>/: input.conf, edit.txt (one "version N", "file NAME", "set NAME=VALUE",
// "unset NAME" a line) and expected.conf, or error.txt: a part of the message the edit must fail with.
void TestConfFile::edits_data()
{
    QTest::addColumn<QString>("folder");
    const QDir edits(Fixtures::path(QStringLiteral("conf/edits")));
    const QStringList cases = edits.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(cases.size() >= 10);
    for (const QString &name : cases)
        QTest::addRow("%s", qPrintable(name)) << edits.filePath(name);
}

void TestConfFile::edits()
{
    QFETCH(QString, folder);
    auto read = [&](const QString &name) {
        QFile f(folder + QLatin1Char('/') + name);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray input = read(QStringLiteral("input.conf"));
    const QStringList edit =
        QString::fromUtf8(read(QStringLiteral("edit.txt"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(!edit.isEmpty());

    PgVersion version(15);
    QString fileName = QStringLiteral("postgresql.conf");
    std::optional<Result<ConfFile>> file;
    QString failure;
    for (const QString &command : edit) {
        const QString verb = command.section(QLatin1Char(' '), 0, 0);
        const QString argument = command.section(QLatin1Char(' '), 1);
        if (verb == QLatin1String("version")) {
            version = *PgVersion::parse(argument);
            continue;
        }
        if (verb == QLatin1String("file")) {
            fileName = argument;
            continue;
        }
        if (!file) {
            file.emplace(ConfFile::parse(input, fileName));
            QVERIFY2(file->ok(), file->ok() ? "" : qPrintable(file->error().fullText()));
        }
        ConfFile &conf = file->value();
        if (verb == QLatin1String("set")) {
            const Result<void> result = conf.set(argument.section(QLatin1Char('='), 0, 0),
                                                 argument.section(QLatin1Char('='), 1, -1), VersionRules(version));
            if (!result) {
                failure = result.error().message;
                break;
            }
        } else if (verb == QLatin1String("unset")) {
            QVERIFY(conf.unset(argument));
        } else {
            QFAIL(qPrintable(QStringLiteral("unknown edit: ") + command));
        }
    }
    QVERIFY(file.has_value());
    const QByteArray expectedError = read(QStringLiteral("error.txt")).trimmed();
    if (!expectedError.isEmpty()) {
        QVERIFY2(!failure.isEmpty(), "the edit should have been refused");
        QVERIFY2(failure.contains(QString::fromUtf8(expectedError)), qPrintable(failure));
        QCOMPARE(file->value().render(), input);
        return;
    }
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QByteArray rendered = file->value().render();
    if (qEnvironmentVariableIsSet("REPLICA_UPDATE_GOLDEN")) {
        QFile out(folder + QStringLiteral("/expected.conf"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(rendered);
    }
    QCOMPARE(rendered, read(QStringLiteral("expected.conf")));
    // The result parses, and reads back what was set.
    const Result<ConfFile> again = ConfFile::parse(rendered, fileName);
    QVERIFY(again.ok());
    for (const QString &command : edit) {
        if (command.startsWith(QLatin1String("set "))) {
            const QString argument = command.mid(4);
            QCOMPARE(again->value(argument.section(QLatin1Char('='), 0, 0)), argument.section(QLatin1Char('='), 1, -1));
        }
    }
}

void TestConfFile::refusedEditLeavesFileUntouched()
{
    const QByteArray text("#wal_level = minimal\t\t# minimal, archive, or hot_standby\n");
    Result<ConfFile> file = ConfFile::parse(text, QStringLiteral("postgresql.conf"));
    QVERIFY(file.ok());
    const Result<void> result =
        file->set(QStringLiteral("wal_level"), QStringLiteral("replica"), VersionRules(PgVersion(9, 3)));
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(QLatin1String("wal_level")));
    QVERIFY(result.error().message.contains(QLatin1String("replica")));
    QVERIFY(result.error().message.contains(QLatin1String("hot_standby")));
    QVERIFY(!file->isModified());
    QCOMPARE(file->render(), text);
}

void TestConfFile::unsetCommentsOutEveryActiveLine()
{
    Result<ConfFile> file = ConfFile::parse("port = 1\nPort 2 # again\n#port = 3\n", QStringLiteral("postgresql.conf"));
    QVERIFY(file.ok());
    QVERIFY(file->unset(QStringLiteral("port")));
    QCOMPARE(file->render(), QByteArray("#port = 1\n#Port 2 # again\n#port = 3\n"));
    QVERIFY(!file->value(QStringLiteral("port")).has_value());
    QVERIFY(!file->unset(QStringLiteral("port")));
}

void TestConfFile::setTwiceIsStable()
{
    const VersionRules rules(PgVersion(15));
    Result<ConfFile> file =
        ConfFile::parse(Fixtures::read(QStringLiteral("conf/samples/pg93.conf")), QStringLiteral("postgresql.conf"));
    QVERIFY(file.ok());
    QVERIFY(file->set(QStringLiteral("archive_command"), QStringLiteral("cp %p /archive/%f"), rules).ok());
    QVERIFY(file->set(QStringLiteral("max_wal_senders"), QStringLiteral("3"), rules).ok());
    QVERIFY(file->set(QStringLiteral("cluster_name"), QStringLiteral("main"), rules).ok());
    const QByteArray once = file->render();
    QVERIFY(file->set(QStringLiteral("archive_command"), QStringLiteral("cp %p /archive/%f"), rules).ok());
    QVERIFY(file->set(QStringLiteral("max_wal_senders"), QStringLiteral("3"), rules).ok());
    QVERIFY(file->set(QStringLiteral("cluster_name"), QStringLiteral("main"), rules).ok());
    QCOMPARE(file->render(), once);
}

QTEST_MAIN(TestConfFile)
#include "test_conf_file.moc"
