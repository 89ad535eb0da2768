#include "core/conf/hba_file.h"
#include "core/diff/text_diff.h"

#include "fixtures.h"

#include <QFile>
#include <QtTest/QTest>

Q_DECLARE_METATYPE(PgVersion)

// HbaFile: PostgreSQL's pg_hba.conf grammar, byte-identical round trips of
// real files, and addRule's idempotence, warnings and layout. The server's
// own verdict on the same lines is in tests/integration/test_hba_vs_postgres.
class TestHbaFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void installedSampleRoundTrip();
    void ruleFields_data();
    void ruleFields();
    void invalidLines_data();
    void invalidLines();
    void versionGrammar_data();
    void versionGrammar();
    void continuationAndIncludes();
    void addRuleGolden_data();
    void addRuleGolden();
    void addRuleIsIdempotent_data();
    void addRuleIsIdempotent();
    void existingRuleShadowed();
    void addRuleWarnsWhenShadowed_data();
    void addRuleWarnsWhenShadowed();
    void addRuleRefusesInvalid();
};

static QString describe(const HbaRule &rule)
{
    QStringList parts{rule.type, rule.databases.join(QLatin1Char(',')), rule.users.join(QLatin1Char(','))};
    if (!rule.isLocal())
        parts << rule.address + (rule.netmask.isEmpty() ? QString() : QLatin1Char(' ') + rule.netmask);
    parts << rule.method;
    parts += rule.options;
    return parts.join(QLatin1Char('|'));
}

void TestHbaFile::roundTrip_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<PgVersion>("version");
    QTest::addColumn<int>("ruleCount");
    QTest::addRow("15 initdb") << QStringLiteral("pg_hba-15-initdb.conf") << PgVersion(15) << 6;
    QTest::addRow("9.3") << QStringLiteral("pg_hba-9.3.conf") << PgVersion(9, 3) << 10;
    QTest::addRow("9.6") << QStringLiteral("pg_hba-9.6.conf") << PgVersion(9, 6) << 9;
    QTest::addRow("10") << QStringLiteral("pg_hba-10.conf") << PgVersion(10) << 7;
    QTest::addRow("11, tabs") << QStringLiteral("pg_hba-11.conf") << PgVersion(11) << 8;
    QTest::addRow("12, gssenc") << QStringLiteral("pg_hba-12.conf") << PgVersion(12) << 7;
    QTest::addRow("13") << QStringLiteral("pg_hba-13.conf") << PgVersion(13) << 8;
    QTest::addRow("16, includes and continuation") << QStringLiteral("pg_hba-16.conf") << PgVersion(16) << 7;
}

void TestHbaFile::roundTrip()
{
    QFETCH(QString, fixture);
    QFETCH(PgVersion, version);
    QFETCH(int, ruleCount);
    const QByteArray text = Fixtures::read(QStringLiteral("hba/") + fixture);
    QVERIFY(!text.isEmpty());
    const Result<HbaFile> file = HbaFile::parse(text, fixture, version);
    QVERIFY2(file.ok(), file.ok() ? "" : qPrintable(file.error().fullText()));
    QCOMPARE(file->render(), text);
    QCOMPARE(file->rules().size(), ruleCount);
}

// The installed sample is initdb's template (@authmethodhost@ and the like
// are filled in by initdb), so PostgreSQL would not read it as it is; it
// must still come back byte for byte, its template lines kept as they are.
void TestHbaFile::installedSampleRoundTrip()
{
    QFile sample(QStringLiteral("/usr/share/postgresql/15/pg_hba.conf.sample"));
    if (!sample.open(QIODevice::ReadOnly))
        QSKIP("PostgreSQL 15's pg_hba.conf.sample is not installed");
    const QByteArray text = sample.readAll();
    const HbaFile file = HbaFile::read(text, sample.fileName(), PgVersion(15));
    QCOMPARE(file.render(), text);
    QVERIFY(!file.problems().isEmpty());
    for (const HbaFile::Problem &problem : file.problems())
        QVERIFY2(text.split('\n').at(problem.line - 1).contains('@'), qPrintable(problem.message));
}

void TestHbaFile::ruleFields_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");
    QTest::addRow("local") << QStringLiteral("local all all peer") << QStringLiteral("local|all|all|peer");
    QTest::addRow("cidr v4") << QStringLiteral("host replication replicator 10.0.0.2/32 scram-sha-256")
                             << QStringLiteral("host|replication|replicator|10.0.0.2/32|scram-sha-256");
    QTest::addRow("cidr v6") << QStringLiteral("host all all ::1/128 md5")
                             << QStringLiteral("host|all|all|::1/128|md5");
    QTest::addRow("address and mask") << QStringLiteral("host all all 192.168.1.0 255.255.255.0 md5")
                                      << QStringLiteral("host|all|all|192.168.1.0 255.255.255.0|md5");
    QTest::addRow("host name") << QStringLiteral("hostssl all all db.example.com cert")
                               << QStringLiteral("hostssl|all|all|db.example.com|cert");
    QTest::addRow("suffix") << QStringLiteral("host all all .example.com md5")
                            << QStringLiteral("host|all|all|.example.com|md5");
    QTest::addRow("keywords") << QStringLiteral("host sameuser,samerole,samegroup all samenet trust")
                              << QStringLiteral("host|sameuser,samerole,samegroup|all|samenet|trust");
    QTest::addRow("list with spaces after commas") << QStringLiteral("local db1, db2,\t@demodbs +staff, joe md5")
                                                   << QStringLiteral("local|db1,db2,@demodbs|+staff,joe|md5");
    QTest::addRow("quoted names") << QStringLiteral("host \"my db\",\"all\" \"Joe \"\"J\"\" B\" samehost md5")
                                  << QStringLiteral("host|\"my db\",\"all\"|\"Joe \"\"J\"\" B\"|samehost|md5");
    QTest::addRow("options") << QStringLiteral("host all all all ident map=omicron")
                             << QStringLiteral("host|all|all|all|ident|map=omicron");
    QTest::addRow("quoted option")
        << QStringLiteral("host all all 0.0.0.0/0 ldap ldapserver=x ldapbasedn=\"dc=a, dc=b\"")
        << QStringLiteral("host|all|all|0.0.0.0/0|ldap|ldapserver=x|ldapbasedn=\"dc=a, dc=b\"");
    QTest::addRow("trailing comment") << QStringLiteral("host all all 10.0.0.0/8 md5 # office")
                                      << QStringLiteral("host|all|all|10.0.0.0/8|md5");
    QTest::addRow("comment glued") << QStringLiteral("local all all trust#no space")
                                   << QStringLiteral("local|all|all|trust");
    QTest::addRow("gssenc") << QStringLiteral("hostgssenc all all 0.0.0.0/0 gss")
                            << QStringLiteral("hostgssenc|all|all|0.0.0.0/0|gss");
    QTest::addRow("ident on local is peer")
        << QStringLiteral("local all all ident") << QStringLiteral("local|all|all|ident");
}

void TestHbaFile::ruleFields()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    const Result<HbaRule> rule = HbaFile::parseRule(line);
    QVERIFY2(rule.ok(), rule.ok() ? "" : qPrintable(rule.error().fullText()));
    QCOMPARE(describe(*rule), expected);
}

void TestHbaFile::invalidLines_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::addRow("bad type") << QByteArray("# c\nhots all all 1.2.3.4/32 md5\n") << 2
                              << QStringLiteral("invalid connection type \"hots\"");
    QTest::addRow("no database") << QByteArray("local\n") << 1
                                 << QStringLiteral("end-of-line before database specification");
    QTest::addRow("no user") << QByteArray("local all\n") << 1
                             << QStringLiteral("end-of-line before role specification");
    QTest::addRow("no address") << QByteArray("host all all\n") << 1
                                << QStringLiteral("end-of-line before IP address specification");
    QTest::addRow("no method") << QByteArray("\n\nhost all all 10.0.0.0/8\n") << 3
                               << QStringLiteral("end-of-line before authentication method");
    QTest::addRow("no netmask") << QByteArray("host all all 10.0.0.1 md5\n") << 1
                                << QStringLiteral("invalid IP mask \"md5\"");
    QTest::addRow("no netmask at end") << QByteArray("host all all 10.0.0.1\n") << 1
                                       << QStringLiteral("end-of-line before netmask specification");
    QTest::addRow("bad cidr") << QByteArray("host all all 10.0.0.0/33 md5\n") << 1
                              << QStringLiteral("invalid CIDR mask in address \"10.0.0.0/33\"");
    QTest::addRow("host name with cidr")
        << QByteArray("host all all db.example.com/24 md5\n") << 1
        << QStringLiteral("specifying both host name and CIDR mask is invalid: \"db.example.com/24\"");
    QTest::addRow("mask family") << QByteArray("host all all 10.0.0.1 ffff:: md5\n") << 1
                                 << QStringLiteral("IP address and mask do not match");
    QTest::addRow("bad method") << QByteArray("local all all scram\n") << 1
                                << QStringLiteral("invalid authentication method \"scram\"");
    QTest::addRow("two methods") << QByteArray("local all all md5,trust\n") << 1
                                 << QStringLiteral("multiple values specified for authentication type");
    QTest::addRow("two addresses") << QByteArray("host all all 10.0.0.1/32,10.0.0.2/32 md5\n") << 1
                                   << QStringLiteral("multiple values specified for host address");
    QTest::addRow("peer on host") << QByteArray("host all all 10.0.0.1/32 peer\n") << 1
                                  << QStringLiteral("peer authentication is only supported on local sockets");
    QTest::addRow("cert without ssl") << QByteArray("host all all 10.0.0.1/32 cert\n") << 1
                                      << QStringLiteral("cert authentication is only supported on hostssl connections");
    QTest::addRow("option without value") << QByteArray("local all all peer map\n") << 1
                                          << QStringLiteral("authentication option not in name=value format: map");
    QTest::addRow("unknown option") << QByteArray("local all all peer mapp=x\n") << 1
                                    << QStringLiteral("unrecognized authentication option name: \"mapp\"");
    QTest::addRow("continued record counts from its first line")
        << QByteArray("local all all peer\nhost all \\\nall 10.0.0.0/8 \\\nbogus\n") << 2
        << QStringLiteral("invalid authentication method \"bogus\"");
}

void TestHbaFile::invalidLines()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, message);
    const HbaFile file = HbaFile::read(text, QStringLiteral("pg_hba.conf"), PgVersion(15));
    QCOMPARE(file.problems().size(), 1);
    QCOMPARE(file.problems().first().line, line);
    QCOMPARE(file.problems().first().message, message);
    QCOMPARE(file.render(), text); // a bad line stays as it was
    const Result<HbaFile> strict = HbaFile::parse(text, QStringLiteral("pg_hba.conf"), PgVersion(15));
    QVERIFY(!strict.ok());
    QVERIFY(strict.error().detail.contains(QStringLiteral("line %1: ").arg(line)));
}

void TestHbaFile::versionGrammar_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<PgVersion>("version");
    QTest::addColumn<bool>("valid");
    const QByteArray scram = "host all all 10.0.0.0/8 scram-sha-256\n";
    QTest::addRow("scram on 9.6") << scram << PgVersion(9, 6) << false;
    QTest::addRow("scram on 10") << scram << PgVersion(10) << true;
    const QByteArray gssenc = "hostgssenc all all 10.0.0.0/8 md5\n";
    QTest::addRow("hostgssenc on 11") << gssenc << PgVersion(11) << false;
    QTest::addRow("hostgssenc on 12") << gssenc << PgVersion(12) << true;
    const QByteArray include = "include other.conf\n";
    QTest::addRow("include on 15") << include << PgVersion(15) << false;
    QTest::addRow("include on 16") << include << PgVersion(16) << true;
    const QByteArray clientcert = "hostssl all all 10.0.0.0/8 md5 clientcert=1\n";
    QTest::addRow("clientcert=1 on 13") << clientcert << PgVersion(13) << true;
    QTest::addRow("clientcert=1 on 14") << clientcert << PgVersion(14) << false;
    const QByteArray continued = "host all all \\\n10.0.0.0/8 md5\n";
    QTest::addRow("continuation on 13") << continued << PgVersion(13) << false;
    QTest::addRow("continuation on 14") << continued << PgVersion(14) << true;
    QTest::addRow("backslash ending the file") << QByteArray("local all all peer\\") << PgVersion(15) << true;
    QTest::addRow("backslash ending the file on 13") << QByteArray("local all all peer\\") << PgVersion(13) << false;
}

void TestHbaFile::versionGrammar()
{
    QFETCH(QByteArray, text);
    QFETCH(PgVersion, version);
    QFETCH(bool, valid);
    const HbaFile file = HbaFile::read(text, QString(), version);
    QCOMPARE(file.problems().isEmpty(), valid);
    QCOMPARE(file.render(), text);
}

void TestHbaFile::continuationAndIncludes()
{
    const QByteArray text = Fixtures::read(QStringLiteral("hba/pg_hba-16.conf"));
    const HbaFile file = HbaFile::read(text, QString(), PgVersion(16));
    QVERIFY(file.problems().isEmpty());
    const QList<HbaFile::Include> includes = file.includes();
    QCOMPARE(includes.size(), 3);
    QCOMPARE(includes[0].kind, QStringLiteral("include_if_exists"));
    QCOMPARE(includes[0].path, QStringLiteral("pg_hba.local.conf"));
    QCOMPARE(includes[0].lineNumber, 2);
    QCOMPARE(includes[2].kind, QStringLiteral("include_dir"));
    QCOMPARE(includes[2].path, QStringLiteral("conf.d"));
    const QList<HbaRule> rules = file.rules();
    const HbaRule &ldap = rules[3];
    QCOMPARE(ldap.lineNumber, 8);
    QCOMPARE(ldap.method, QStringLiteral("ldap"));
    QCOMPARE(ldap.options,
             (QStringList{QStringLiteral("ldapserver=ldap.example.net"), QStringLiteral("ldapprefix=\"cn=\""),
                          QStringLiteral("ldapsuffix=\", dc=example, dc=net\"")}));
    QCOMPARE(rules[4].lineNumber, 11);
}

void TestHbaFile::addRuleGolden_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QString>("expected");
    QTest::addRow("15 initdb, replication rule joins its section")
        << QStringLiteral("pg_hba-15-initdb.conf")
        << QStringList{QStringLiteral("host replication replicator 10.0.0.2/32 scram-sha-256")}
        << QStringLiteral("add/15-initdb-replication.conf");
    QTest::addRow("10, two rules under one marker")
        << QStringLiteral("pg_hba-10.conf")
        << QStringList{QStringLiteral("host replication replicator 10.0.0.3/32 scram-sha-256"),
                       QStringLiteral("hostssl all app 10.0.1.0 255.255.255.0 scram-sha-256")}
        << QStringLiteral("add/10-two-rules.conf");
    QTest::addRow("11, tab separated") << QStringLiteral("pg_hba-11.conf")
                                       << QStringList{QStringLiteral("host replication replicator 10.0.0.3/32 md5")}
                                       << QStringLiteral("add/11-tabs.conf");
    QTest::addRow("9.3, no active replication rule")
        << QStringLiteral("pg_hba-9.3.conf")
        << QStringList{QStringLiteral("host   replication   replicator   192.168.0.2/32   md5")}
        << QStringLiteral("add/9.3-replication.conf");
}

void TestHbaFile::addRuleGolden()
{
    QFETCH(QString, input);
    QFETCH(QStringList, rules);
    QFETCH(QString, expected);
    const QByteArray text = Fixtures::read(QStringLiteral("hba/") + input);
    Result<HbaFile> file = HbaFile::parse(text);
    QVERIFY(file.ok());
    for (const QString &line : rules) {
        const Result<HbaRule> rule = HbaFile::parseRule(line);
        QVERIFY(rule.ok());
        const Result<HbaFile::AddResult> added = file->addRule(*rule);
        QVERIFY(added.ok());
        QVERIFY(added->added);
    }
    const QByteArray rendered = file->render();
    if (qEnvironmentVariableIsSet("REPLICA_UPDATE_GOLDEN")) {
        QFile out(Fixtures::path(QStringLiteral("hba/") + expected));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(rendered);
    }
    const QByteArray golden = Fixtures::read(QStringLiteral("hba/") + expected);
    if (rendered != golden)
        qWarning("%s",
                 TextDiff(golden, rendered).unified(QStringLiteral("golden"), QStringLiteral("rendered")).constData());
    QCOMPARE(rendered, golden);
    // What we write, we read back as the same rules.
    const Result<HbaFile> again = HbaFile::parse(rendered);
    QVERIFY(again.ok());
    QCOMPARE(again->rules().size(), file->rules().size());
}

void TestHbaFile::addRuleIsIdempotent_data()
{
    QTest::addColumn<QString>("existing");
    QTest::addColumn<QString>("added");
    QTest::addRow("same text") << QStringLiteral("host replication replicator 10.0.0.2/32 scram-sha-256")
                               << QStringLiteral("host replication replicator 10.0.0.2/32 scram-sha-256");
    QTest::addRow("other spacing") << QStringLiteral(
                                          "host\treplication   replicator\t10.0.0.2/32  scram-sha-256  # standby")
                                   << QStringLiteral("host replication replicator 10.0.0.2/32 scram-sha-256");
    QTest::addRow("mask instead of cidr") << QStringLiteral("host replication replicator 10.0.0.2 255.255.255.255 md5")
                                          << QStringLiteral("host replication replicator 10.0.0.2/32 md5");
    QTest::addRow("list spacing") << QStringLiteral("local db1, db2 all peer")
                                  << QStringLiteral("local db1,db2 all peer");
    QTest::addRow("continued") << QStringLiteral("host replication \\\n replicator 10.0.0.2/32 md5")
                               << QStringLiteral("host replication replicator 10.0.0.2/32 md5");
}

void TestHbaFile::addRuleIsIdempotent()
{
    QFETCH(QString, existing);
    QFETCH(QString, added);
    const QByteArray text = "local all all peer\n" + existing.toUtf8() + "\n";
    Result<HbaFile> file = HbaFile::parse(text);
    QVERIFY2(file.ok(), file.ok() ? "" : qPrintable(file.error().fullText()));
    const Result<HbaRule> rule = HbaFile::parseRule(added);
    QVERIFY(rule.ok());
    const Result<HbaFile::AddResult> result = file->addRule(*rule);
    QVERIFY(result.ok());
    QVERIFY(!result->added);
    QCOMPARE(result->lineNumber, 2);
    QCOMPARE(file->render(), text);
    // Twice in a row on a file without it: one line.
    Result<HbaFile> empty = HbaFile::parse("local all all peer\n");
    QVERIFY(empty.ok());
    QVERIFY(empty->addRule(*rule)->added);
    const QByteArray once = empty->render();
    QVERIFY(!empty->addRule(*rule)->added);
    QCOMPARE(empty->render(), once);
}

// A rule that is already there but behind a line taking its connections
// is reported too: it is there, and still never used.
void TestHbaFile::existingRuleShadowed()
{
    Result<HbaFile> file = HbaFile::parse("host all all 0.0.0.0/0 reject\nhost all app 10.0.0.2/32 md5\n");
    QVERIFY(file.ok());
    const Result<HbaFile::AddResult> result =
        file->addRule(*HbaFile::parseRule(QStringLiteral("host all app 10.0.0.2/32 md5")));
    QVERIFY(result.ok());
    QVERIFY(!result->added);
    QCOMPARE(result->lineNumber, 2);
    QCOMPARE(result->warnings.size(), 1);
    QVERIFY(result->warnings.first().startsWith(QStringLiteral("Line 1 ")));
}

void TestHbaFile::addRuleWarnsWhenShadowed_data()
{
    QTest::addColumn<QString>("existing");
    QTest::addColumn<QString>("added");
    QTest::addColumn<int>("shadowingLine"); // 0: no warning
    QTest::addRow("reject all before") << QStringLiteral("host all all 0.0.0.0/0 reject")
                                       << QStringLiteral("host all app 10.0.0.2/32 md5") << 2;
    QTest::addRow("all does not match replication")
        << QStringLiteral("host all all 0.0.0.0/0 reject")
        << QStringLiteral("host replication replicator 10.0.0.2/32 md5") << 0;
    QTest::addRow("wider replication network")
        << QStringLiteral("host replication all 198.18.0.0/16 md5")
        << QStringLiteral("host replication replicator 198.18.0.7/32 scram-sha-256") << 2;
    QTest::addRow("other network") << QStringLiteral("host replication all 198.18.0.0/16 md5")
                                   << QStringLiteral("host replication replicator 198.19.0.7/32 scram-sha-256") << 0;
    QTest::addRow("narrower earlier") << QStringLiteral("host replication all 198.18.0.7/32 md5")
                                      << QStringLiteral("host replication all 198.18.0.0/16 scram-sha-256") << 0;
    QTest::addRow("host covers hostssl") << QStringLiteral("host all all all md5")
                                         << QStringLiteral("hostssl all app 10.0.0.0/8 cert") << 2;
    QTest::addRow("hostssl does not cover host")
        << QStringLiteral("hostssl all all all md5") << QStringLiteral("host all app 10.0.0.0/8 md5") << 0;
    QTest::addRow("other user") << QStringLiteral("host all alice 0.0.0.0/0 reject")
                                << QStringLiteral("host all bob 10.0.0.2/32 md5") << 0;
    QTest::addRow("host name suffix") << QStringLiteral("host all all .example.com reject")
                                      << QStringLiteral("host all all db.example.com md5") << 2;
    QTest::addRow("ipv6 range") << QStringLiteral("host all all ::/0 reject")
                                << QStringLiteral("host all all fd00::1/128 md5") << 2;
    QTest::addRow("ipv4 not in ipv6") << QStringLiteral("host all all ::/0 reject")
                                      << QStringLiteral("host all all 10.0.0.1/32 md5") << 0;
    QTest::addRow("local") << QStringLiteral("local all all peer") << QStringLiteral("local all postgres md5") << 2;
}

void TestHbaFile::addRuleWarnsWhenShadowed()
{
    QFETCH(QString, existing);
    QFETCH(QString, added);
    QFETCH(int, shadowingLine);
    Result<HbaFile> file = HbaFile::parse("# first\n" + existing.toUtf8() + "\n");
    QVERIFY(file.ok());
    const Result<HbaRule> rule = HbaFile::parseRule(added);
    QVERIFY(rule.ok());
    const Result<HbaFile::AddResult> result = file->addRule(*rule);
    QVERIFY(result.ok());
    QVERIFY(result->added);
    if (shadowingLine == 0) {
        QVERIFY2(result->warnings.isEmpty(), qPrintable(result->warnings.join(QLatin1Char('\n'))));
    } else {
        QCOMPARE(result->warnings.size(), 1);
        QVERIFY(result->warnings.first().startsWith(QStringLiteral("Line %1 ").arg(shadowingLine)));
    }
}

void TestHbaFile::addRuleRefusesInvalid()
{
    const QByteArray text = Fixtures::read(QStringLiteral("hba/pg_hba-10.conf"));
    Result<HbaFile> file = HbaFile::parse(text, QString(), PgVersion(10));
    QVERIFY(file.ok());
    HbaRule rule;
    rule.type = QStringLiteral("hostgssenc"); // 12+
    rule.databases = {QStringLiteral("replication")};
    rule.users = {QStringLiteral("replicator")};
    rule.address = QStringLiteral("10.0.0.2/32");
    rule.method = QStringLiteral("md5");
    QVERIFY(!file->addRule(rule).ok());
    rule.type = QStringLiteral("host");
    rule.address = QStringLiteral("10.0.0.2/40");
    QVERIFY(!file->addRule(rule).ok());
    QCOMPARE(file->render(), text);
    QVERIFY(!HbaFile::parseRule(QStringLiteral("host replication replicator")).ok());
}

QTEST_GUILESS_MAIN(TestHbaFile)
#include "test_hba_file.moc"
