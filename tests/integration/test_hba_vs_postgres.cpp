#include "core/conf/conninfo.h"
#include "core/conf/hba_file.h"
#include "core/conf/recovery_settings.h"

#include "live_server.h"
#include "pg_builds.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QtTest/QTest>

#include <map>
#include <memory>

// PostgreSQL is the judge: the same pg_hba.conf lines are read by HbaFile and
// by a real PostgreSQL 15 (pg_hba_file_rules, which parses the file on disk
// as a reload would), and the verdicts must agree line by line: which lines
// are refused and why, and what each accepted line means. The standby
// settings RecoverySettings writes for 12+ are read back by `postgres -C`.
// One server for the whole class, started once.
class TestHbaVsPostgres : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void verdicts_data();
    void verdicts();
    void addedRulesAreAccepted();
    void recoverySettingsReadByPostgres_data();
    void recoverySettingsReadByPostgres();
    void otherMajorsAgree_data();
    void otherMajorsAgree();

private:
    QStringList serverVerdict(const QByteArray &hba);
    static QStringList ourVerdict(const QByteArray &hba);
    QString postgresC(const QString &name, QString *error);

    // A stopped server per major of the version matrix (initdb once).
    LiveServer *serverOf(int major, QString *skipReason);

    std::unique_ptr<LiveServer> m_server;
    QByteArray m_originalHba;
    std::map<int, std::unique_ptr<LiveServer>> m_majors;
};

void TestHbaVsPostgres::initTestCase()
{
    const QString reason = LiveServer::unavailableReason();
    if (!reason.isEmpty())
        QSKIP(qPrintable(reason));
    m_server = std::make_unique<LiveServer>();
    auto step = m_server->initdb();
    if (step)
        step = m_server->appendSettings(LiveServer::smallFastSettings());
    if (step)
        step = m_server->start();
    QVERIFY2(step, qPrintable(step ? QString() : step.error().fullText()));
    QFile hba(m_server->dataDir() + QStringLiteral("/pg_hba.conf"));
    QVERIFY(hba.open(QIODevice::ReadOnly));
    m_originalHba = hba.readAll();
}

void TestHbaVsPostgres::cleanupTestCase()
{
    m_server.reset();
    m_majors.clear();
}

// Line 1 keeps psql's own connection possible whatever the row contains.
static QByteArray withLocalTrust(const QByteArray &lines)
{
    return "local all all trust\n" + lines;
}

QStringList TestHbaVsPostgres::serverVerdict(const QByteArray &hba)
{
    if (!m_server->writeHba(hba))
        return {QStringLiteral("cannot write pg_hba.conf")};
    const auto rows = m_server->rows(
        QStringLiteral("SELECT line_number, coalesce(type, ''), coalesce(array_to_string(database, ','), ''), "
                       "coalesce(array_to_string(user_name, ','), ''), coalesce(address, ''), coalesce(netmask, ''), "
                       "coalesce(auth_method, ''), coalesce(array_to_string(options, ' '), ''), coalesce(error, '') "
                       "FROM pg_hba_file_rules ORDER BY line_number"));
    if (!rows)
        return {QStringLiteral("psql failed: ") + rows.error().fullText()};
    QStringList verdict;
    for (const QStringList &c : *rows) {
        if (c.size() != 9)
            return {QStringLiteral("unexpected row: ") + c.join(QLatin1Char('|'))};
        if (!c[8].isEmpty())
            verdict << QStringLiteral("%1 error: %2").arg(c[0], c[8]);
        else {
            const bool normalised =
                QStringList{QStringLiteral("gss"), QStringLiteral("ldap"), QStringLiteral("radius")}.contains(c[6]);
            verdict << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                           .arg(c[0], c[1], c[2], c[3], c[4], c[5], c[6],
                                normalised ? QStringLiteral("(normalised)") : c[7])
                           .trimmed();
        }
    }
    return verdict;
}

// Names as pg_hba_file_rules shows them: quotes taken off.
static QString unquoted(const QStringList &tokens)
{
    QStringList list;
    for (QString token : tokens) {
        if (token.startsWith(QLatin1Char('"'))) {
            token = token.mid(1);
            const qsizetype close = token.lastIndexOf(QLatin1Char('"'));
            token.remove(close, 1);
            token.replace(QStringLiteral("\"\""), QStringLiteral("\""));
        }
        list << token;
    }
    return list.join(QLatin1Char(','));
}

QStringList TestHbaVsPostgres::ourVerdict(const QByteArray &hba)
{
    const HbaFile file = HbaFile::read(hba, QStringLiteral("pg_hba.conf"), PgVersion(15));
    QMap<int, QString> lines;
    for (const HbaFile::Problem &problem : file.problems())
        lines[problem.line] = QStringLiteral("%1 error: %2").arg(problem.line).arg(problem.message);
    for (const HbaRule &rule : file.rules()) {
        QString address;
        QString netmask;
        if (!rule.isLocal()) {
            const QString text = rule.address;
            const qsizetype slash = text.indexOf(QLatin1Char('/'));
            const QHostAddress ip(slash >= 0 ? text.left(slash) : text);
            if (ip.isNull()) {
                address = unquoted({text}); // all, samehost, samenet, a host name
            } else {
                address = ip.toString();
                if (slash >= 0) {
                    const int bits = text.mid(slash + 1).toInt();
                    const bool v6 = ip.protocol() == QAbstractSocket::IPv6Protocol;
                    Q_IPV6ADDR mask{};
                    for (int b = 0; b < bits; ++b)
                        mask[b / 8] |= quint8(0x80 >> (b % 8));
                    netmask = v6 ? QHostAddress(mask).toString()
                                 : QStringLiteral("%1.%2.%3.%4").arg(mask[0]).arg(mask[1]).arg(mask[2]).arg(mask[3]);
                } else {
                    netmask = QHostAddress(rule.netmask).toString();
                }
            }
        }
        // The view shows the options of gss, ldap and radius lines normalised
        // (defaults added or left out); compare those lines without them.
        const bool optionsAsWritten =
            !QStringList{QStringLiteral("gss"), QStringLiteral("ldap"), QStringLiteral("radius")}.contains(rule.method);
        const QString method =
            rule.isLocal() && rule.method == QLatin1String("ident") ? QStringLiteral("peer") : rule.method;
        lines[rule.lineNumber] =
            QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                .arg(rule.lineNumber)
                .arg(rule.type, unquoted(rule.databases), unquoted(rule.users), address, netmask, method,
                     optionsAsWritten ? unquoted(rule.options).replace(QLatin1Char(','), QLatin1Char(' '))
                                      : QStringLiteral("(normalised)"))
                .trimmed();
    }
    return lines.values();
}

void TestHbaVsPostgres::verdicts_data()
{
    QTest::addColumn<QByteArray>("hba");
    QTest::addRow("valid mix") << QByteArray(
        "local   replication     all                                     peer\n"
        "host    replication     replicator      10.0.0.2/32             scram-sha-256\n"
        "host    all             all             192.168.1.0  255.255.255.0   md5\n"
        "host    all             all             ::1/128                 md5\n"
        "host    all             all             fe80::1/64              reject\n"
        "host    sameuser        +staff          samenet                 password\n"
        "host    samerole,db1, db2  joe,\"Mary Ann\"  samehost          trust\n"
        "host    \"all\"           \"replication\"   .example.com            md5\n"
        "host    all             all             db.example.com          md5\n"
        "host    all             all             all                     reject\n"
        "local   all             all                                     ident map=omicron\n"
        "hostnossl all           all             10.0.0.0/8              md5\n"
        "hostgssenc all          all             10.0.0.0/8              gss include_realm=0\n"
        "hostnogssenc all        all             10.0.0.0/8              md5\n"
        "# comment\n"
        "host all all 10.1.0.0/16 ldap ldapserver=ldap.example.net ldapprefix=\"cn=\" ldapsuffix=\", dc=example\"\n");
    QTest::addRow("continuation") << QByteArray("host all \\\n  all 10.0.0.0/8 \\\n  md5\nlocal all all peer\n");
    QTest::addRow("backslash ending the file") << QByteArray("host all all 10.0.0.0/8 md5\\");
    QTest::addRow("crlf line ends") << QByteArray("host all all 10.0.0.0/8 md5\r\nlocal all all peer\r\n");
    QTest::addRow("comments and spacing") << QByteArray("\t host\tall\tall\t127.0.0.1/32\tmd5 # trailing\n"
                                                        "local all all peer#glued\n\n   \n");
    QTest::addRow("invalid lines") << QByteArray("hots all all 10.0.0.0/8 md5\n"
                                                 "local\n"
                                                 "local all\n"
                                                 "host all all\n"
                                                 "host all all 10.0.0.0/8\n"
                                                 "host all all 10.0.0.1\n"
                                                 "host all all 10.0.0.0/33 md5\n"
                                                 "host all all db.example.com/24 md5\n"
                                                 "host all all 10.0.0.1 ffff:: md5\n"
                                                 "local all all scram\n"
                                                 "local all all md5,trust\n"
                                                 "host all all 10.0.0.1/32,10.0.0.2/32 md5\n"
                                                 "host all all 10.0.0.1/32 peer\n"
                                                 "host all all 10.0.0.1/32 cert\n"
                                                 "local all all peer map\n"
                                                 "local all all peer mapp=x\n"
                                                 "local all all gss\n"
                                                 "host all all 10.0.0.1/32 radius\n"
                                                 "host all all 10.0.0.1/32 ldap ldapserver=x\n"
                                                 "host all all 10.0.0.1/32 md5 map=x\n"
                                                 "include other.conf\n"
                                                 "hostssl,host all all 10.0.0.1/32 md5\n"
                                                 "host all all 10.0.0.1/32 md5 clientcert=verify-full\n");
    QTest::addRow("addresses") << QByteArray("host all all 10.1 255.255.0.0 md5\n"
                                             "host all all 10.0.0.300 md5\n"
                                             "host all all 0.0.0.0/0 md5\n"
                                             "host all all ::/0 md5\n"
                                             "host all all ::ffff:10.0.0.1/128 md5\n"
                                             "host all all \"all\" md5\n");
}

void TestHbaVsPostgres::verdicts()
{
    QFETCH(QByteArray, hba);
    const QByteArray text = withLocalTrust(hba);
    const QStringList theirs = serverVerdict(text);
    const QStringList ours = ourVerdict(text);
    QStringList differences;
    for (qsizetype i = 0; i < std::max(theirs.size(), ours.size()); ++i) {
        const QString t = theirs.value(i);
        const QString o = ours.value(i);
        // PostgreSQL adds the resolver's reason to an invalid mask ("...: Name or service not known").
        if (t != o && !(o.contains(QStringLiteral(" error: ")) && t.startsWith(o)))
            differences << QStringLiteral("postgres: %1\n     ours: %2").arg(t, o);
    }
    QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QLatin1Char('\n'))));
}

// What addRule writes into a real initdb file, PostgreSQL reads without error.
void TestHbaVsPostgres::addedRulesAreAccepted()
{
    Result<HbaFile> file = HbaFile::parse(withLocalTrust(m_originalHba), QString(), PgVersion(15));
    QVERIFY(file.ok());
    for (const char *line : {"host replication replicator 10.0.0.2/32 scram-sha-256",
                             "host all \"app user\" 10.0.1.0 255.255.255.0 scram-sha-256",
                             "host all all .example.com md5", "local sameuser all peer map=m"}) {
        const Result<HbaRule> rule = HbaFile::parseRule(QString::fromUtf8(line), PgVersion(15));
        QVERIFY(rule.ok());
        QVERIFY(file->addRule(*rule).ok());
    }
    const QStringList theirs = serverVerdict(file->render());
    for (const QString &line : theirs)
        QVERIFY2(!line.contains(QStringLiteral(" error: ")), qPrintable(line));
    QCOMPARE(theirs, ourVerdict(file->render()));
    // Put the server's own file back.
    serverVerdict(m_originalHba);
}

QString TestHbaVsPostgres::postgresC(const QString &name, QString *error)
{
    const auto ran = m_server->runAsServerUser(
        QStringLiteral("postgres"), {QStringLiteral("-C"), name, QStringLiteral("-D"), m_server->dataDir()}, {}, 30000);
    if (!ran || !ran->succeeded()) {
        *error = ran ? QString::fromUtf8(ran->stdErr) : ran.error().fullText();
        return {};
    }
    return QString::fromUtf8(ran->stdOut).chopped(1);
}

void TestHbaVsPostgres::recoverySettingsReadByPostgres_data()
{
    QTest::addColumn<QString>("applicationName");
    QTest::addColumn<QString>("password");
    QTest::addRow("plain") << QStringLiteral("standby1") << QString();
    QTest::addRow("space and quote") << QStringLiteral("standby 'one'") << QStringLiteral("pa ss\\word'");
}

void TestHbaVsPostgres::recoverySettingsReadByPostgres()
{
    QFETCH(QString, applicationName);
    QFETCH(QString, password);
    RecoverySettings::PrimaryConnection connection;
    connection.host = QStringLiteral("10.0.0.1");
    connection.user = QStringLiteral("replicator");
    connection.applicationName = applicationName;
    connection.password = password;
    connection.passfile = QStringLiteral("/var/lib/postgresql/.pgpass_replica");
    RecoverySettings settings(PgVersion(15));
    const Result<ConnInfo> conninfo = RecoverySettings::primaryConninfo(connection, PgVersion(15));
    QVERIFY(conninfo.ok());
    settings.conninfo = *conninfo;
    settings.slotName = QStringLiteral("standby_1");
    settings.restoreCommand = QStringLiteral("cp '/mnt/archive/%f' \"%p\"");

    const QString autoConfPath = m_server->dataDir() + QStringLiteral("/postgresql.auto.conf");
    QFile autoConf(autoConfPath);
    QVERIFY(autoConf.open(QIODevice::ReadOnly));
    const QByteArray original = autoConf.readAll();
    autoConf.close();
    const Result<QByteArray> edited = settings.autoConf(original);
    QVERIFY2(edited.ok(), edited.ok() ? "" : qPrintable(edited.error().fullText()));
    QVERIFY(autoConf.open(QIODevice::WriteOnly | QIODevice::Truncate));
    autoConf.write(*edited);
    autoConf.close();

    QString error;
    const QString primaryConninfo = postgresC(QStringLiteral("primary_conninfo"), &error);
    const QString slot = postgresC(QStringLiteral("primary_slot_name"), &error);
    const QString restore = postgresC(QStringLiteral("restore_command"), &error);
    QVERIFY(autoConf.open(QIODevice::WriteOnly | QIODevice::Truncate));
    autoConf.write(original);
    autoConf.close();
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QCOMPARE(primaryConninfo, settings.conninfo.toString());
    const Result<ConnInfo> back = ConnInfo::parse(primaryConninfo, PgVersion(15));
    QVERIFY(back.ok());
    QCOMPARE(back->value(QStringLiteral("application_name")), std::optional<QString>(applicationName));
    QCOMPARE(back->value(QStringLiteral("password")),
             password.isEmpty() ? std::nullopt : std::optional<QString>(password));
    QCOMPARE(slot, settings.slotName);
    QCOMPARE(restore, settings.restoreCommand);
}

LiveServer *TestHbaVsPostgres::serverOf(int major, QString *skipReason)
{
    if (auto found = m_majors.find(major); found != m_majors.end())
        return found->second.get();
    const QString bin = PgBuilds::binDir(major, skipReason);
    if (bin.isEmpty())
        return nullptr;
    auto server = std::make_unique<LiveServer>(bin);
    if (auto made = server->initdb(); !made) {
        *skipReason = QStringLiteral("initdb of PostgreSQL %1 failed: %2").arg(major).arg(made.error().fullText());
        return nullptr;
    }
    return (m_majors[major] = std::move(server)).get();
}

// The grammar points that differ between majors, judged by each major's own
// server: it refuses to start with a pg_hba.conf it cannot load.
void TestHbaVsPostgres::otherMajorsAgree_data()
{
    QTest::addColumn<int>("major");
    QTest::addColumn<QByteArray>("hba");
    QTest::addColumn<bool>("valid"); // what that major's documentation says
    const QByteArray continued = "host all all \\\n  10.0.0.0/8 md5\n";
    QTest::addRow("13 has no continuation") << 13 << continued << false;
    QTest::addRow("14 has continuation") << 14 << continued << true;
    const QByteArray gssenc = "hostgssenc all all 10.0.0.0/8 md5\n";
    QTest::addRow("11 has no hostgssenc") << 11 << gssenc << false;
    QTest::addRow("12 has hostgssenc") << 12 << gssenc << true;
    const QByteArray include = "include_if_exists missing.conf\ninclude extra.conf\ninclude_dir conf.d\n";
    QTest::addRow("15 has no include") << 15 << include << false;
    QTest::addRow("16 has include") << 16 << include << true;
    QTest::addRow("18 has include") << 18 << include << true;
    const QByteArray scram = "host replication replicator 10.0.0.2/32 scram-sha-256\n";
    QTest::addRow("10 has scram") << 10 << scram << true;
    // (clientcert needs hostssl, which a server without ssl = on refuses whatever the option says.)
    QTest::addRow("17 bad mask") << 17 << QByteArray("host all all 10.0.0.0/33 md5\n") << false;
}

void TestHbaVsPostgres::otherMajorsAgree()
{
    QFETCH(int, major);
    QFETCH(QByteArray, hba);
    QFETCH(bool, valid);
    QString skipReason;
    LiveServer *server = serverOf(major, &skipReason);
    if (!server)
        QSKIP(qPrintable(skipReason));
    const QByteArray text = withLocalTrust(hba);
    QVERIFY(server->writeHba(text));
    QVERIFY(
        server->writeServerFile(server->dataDir() + QStringLiteral("/extra.conf"), "host all all 10.9.0.0/16 md5\n"));
    QDir(server->dataDir()).mkpath(QStringLiteral("conf.d"));

    const bool ours = HbaFile::read(text, QString(), PgVersion(major)).problems().isEmpty();
    const bool started = bool(server->start({QStringLiteral("listen_addresses=")}));
    QFile log(server->logFile());
    log.open(QIODevice::ReadOnly);
    const QString serverLog = QString::fromUtf8(log.readAll());
    if (started) {
        (void)server->stop(LiveServer::StopMode::Immediate);
    } else {
        QVERIFY2(serverLog.contains(QStringLiteral("pg_hba.conf")), qPrintable(serverLog));
    }
    QFile::remove(server->logFile());
    QVERIFY2(ours == started, qPrintable(QStringLiteral("PostgreSQL %1 %2 the file, HbaFile %3 it.\n%4")
                                             .arg(major)
                                             .arg(started ? QStringLiteral("accepts") : QStringLiteral("refuses"))
                                             .arg(ours ? QStringLiteral("accepts") : QStringLiteral("refuses"))
                                             .arg(serverLog.right(1500))));
    QCOMPARE(started, valid);
}

QTEST_GUILESS_MAIN(TestHbaVsPostgres)
#include "test_hba_vs_postgres.moc"
