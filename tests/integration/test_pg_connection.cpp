#include "core/pg/pg_connection.h"

#include "live_server.h"
#include "silent_port.h"
#include "stall_meter.h"

#include <QElapsedTimer>

#include <QSignalSpy>
#include <QtTest/QTest>
#include <algorithm>
#include <numeric>

Q_DECLARE_METATYPE(PgResult)
Q_DECLARE_METATYPE(PgError)

namespace {

PgResult waitForResult(PgConnection &connection, quint64 id, int timeoutMs = 20000)
{
    PgResult found;
    bool done = false;
    const auto link = QObject::connect(&connection, &PgConnection::resultReady, [&](const PgResult &result) {
        if (result.id == id) {
            found = result;
            done = true;
        }
    });
    if (!QTest::qWaitFor([&done] { return done; }, timeoutMs)) {
        // Fails every check a caller makes on it.
        found.error.raw = QStringLiteral("no result within %1 ms").arg(timeoutMs);
        found.error.sqlState = QStringLiteral("timeout");
    }
    QObject::disconnect(link);
    return found;
}

} // namespace

// PgConnection against a real PostgreSQL 15 server started by the test.
class TestPgConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void queryReturnsColumnsRowsAndTag();
    void parametersAreBoundNeverPasted_data();
    void parametersAreBoundNeverPasted();
    void nullParametersAndValues();
    void errorsKeepSqlState_data();
    void errorsKeepSqlState();
    void noticesAreCollected();
    void queriesRunInOrder();
    void queryBeforeConnectedWaitsForIt();
    void queryWithoutConnectionFails();
    void connectFailuresSayWhatToDo_data();
    void connectFailuresSayWhatToDo();
    void hostNameIsResolvedOffThread();
    void silentAddressTimesOutWithoutStalling();
    void serverKilledMidSession();
    void cancelStopsARunningQuery();
    void copyToStdoutComesAsRows();
    void streamingHandsRowsOverInBatches();
    void cleanupTestCase();

private:
    bool openConnection(PgConnection &connection, const QString &conninfo);

    std::unique_ptr<LiveServer> m_server;
};

bool TestPgConnection::openConnection(PgConnection &connection, const QString &conninfo)
{
    QSignalSpy connected(&connection, &PgConnection::connected);
    QSignalSpy failed(&connection, &PgConnection::failed);
    connection.open(conninfo);
    if (!QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, 20000))
        return false;
    if (!failed.isEmpty())
        qWarning() << "connect failed:" << failed.first().first().value<PgError>().raw;
    return !connected.isEmpty();
}

void TestPgConnection::initTestCase()
{
    qRegisterMetaType<PgResult>();
    qRegisterMetaType<PgError>();
    const QString reason = LiveServer::unavailableReason();
    if (!reason.isEmpty())
        QSKIP(qPrintable(reason));
    m_server = std::make_unique<LiveServer>();
    auto step = m_server->initdb();
    QVERIFY2(step, qPrintable(step ? QString() : step.error().fullText()));
    QVERIFY(m_server->appendSettings(LiveServer::smallFastSettings()));
    QVERIFY(m_server->writeHba("local all all trust\n"
                               "host all pwuser 127.0.0.1/32 scram-sha-256\n"
                               "host all pwuser ::1/128 scram-sha-256\n"
                               "host all postgres,ghost 127.0.0.1/32 trust\n"
                               "host all postgres,ghost ::1/128 trust\n"));
    step = m_server->start({QStringLiteral("listen_addresses=127.0.0.1,::1")});
    QVERIFY2(step, qPrintable(step ? QString() : step.error().fullText()));
    auto made = m_server->query(
        QStringLiteral("CREATE ROLE pwuser LOGIN PASSWORD 'right horse battery';\n"
                       "CREATE ROLE stranger LOGIN;\n"
                       "CREATE TABLE weather (city text, temp_lo int, temp_hi int, prcp real, date date);\n"
                       "CREATE TABLE guarded (id int PRIMARY KEY);\n"
                       "INSERT INTO guarded VALUES (1);\n"));
    QVERIFY2(made, qPrintable(made ? QString() : made.error().fullText()));
}

void TestPgConnection::cleanupTestCase()
{
    m_server.reset();
}

void TestPgConnection::queryReturnsColumnsRowsAndTag()
{
    PgConnection connection;
    QVERIFY(openConnection(connection, m_server->conninfo()));
    QCOMPARE(connection.state(), PgConnection::State::Ready);
    QVERIFY(connection.serverVersionNum() >= 150000);
    QCOMPARE(connection.user(), QStringLiteral("postgres"));

    const quint64 id = connection.exec(
        QStringLiteral("SELECT g AS n, 'row ' || g AS label FROM generate_series(1, 3) AS g ORDER BY g"));
    const PgResult result = waitForResult(connection, id);
    QVERIFY2(result.ok, qPrintable(result.error.raw));
    QCOMPARE(result.columns, (QStringList{QStringLiteral("n"), QStringLiteral("label")}));
    QCOMPARE(result.rows.size(), 3);
    QCOMPARE(result.rows.at(2).at(0), PgValue(QStringLiteral("3")));
    QCOMPARE(result.value(1, QStringLiteral("label")), PgValue(QStringLiteral("row 2")));
    QCOMPARE(result.commandTag, QStringLiteral("SELECT 3"));

    const quint64 insert =
        connection.exec(QStringLiteral("INSERT INTO weather VALUES ('San Francisco', 46, 50, 0.25, '1994-11-27')"));
    const PgResult inserted = waitForResult(connection, insert);
    QVERIFY2(inserted.ok, qPrintable(inserted.error.raw));
    QCOMPARE(inserted.commandTag, QStringLiteral("INSERT 0 1"));
    QVERIFY(inserted.columns.isEmpty());
}

void TestPgConnection::parametersAreBoundNeverPasted_data()
{
    QTest::addColumn<QString>("value");
    QTest::addRow("quote and comment") << QStringLiteral("'); DROP TABLE guarded; --");
    QTest::addRow("dollar quoting") << QStringLiteral("$$; DROP TABLE guarded; $$");
    QTest::addRow("placeholder text") << QStringLiteral("$1 $2 ?");
    QTest::addRow("backslashes") << QStringLiteral("C:\\new\\table \\\\ \\'");
    QTest::addRow("newlines and tabs") << QStringLiteral("line1\nline2\r\n\tend");
    QTest::addRow("semicolons") << QStringLiteral("a; SELECT pg_sleep(10); b");
    QTest::addRow("non-ASCII") << QStringLiteral("サンフランシスコ ünïcode 🐘");
    QTest::addRow("empty string") << QString(QLatin1String(""));
    QTest::addRow("long") << QString(100000, QLatin1Char('x'));
}

void TestPgConnection::parametersAreBoundNeverPasted()
{
    QFETCH(QString, value);
    PgConnection connection;
    QVERIFY(openConnection(connection, m_server->conninfo()));

    const quint64 echo = connection.exec(QStringLiteral("SELECT $1::text AS v, length($1::text) AS n"), {value});
    const PgResult echoed = waitForResult(connection, echo);
    QVERIFY2(echoed.ok, qPrintable(echoed.error.raw));
    QCOMPARE(echoed.value(0, QStringLiteral("v")), PgValue(value));
    QCOMPARE(echoed.value(0, QStringLiteral("n"))->toInt(), int(value.toUcs4().size()));

    const quint64 insert =
        connection.exec(QStringLiteral("INSERT INTO weather (city, temp_lo) VALUES ($1, $2) RETURNING city"),
                        {value, QStringLiteral("7")});
    const PgResult inserted = waitForResult(connection, insert);
    QVERIFY2(inserted.ok, qPrintable(inserted.error.raw));
    QCOMPARE(inserted.value(0, QStringLiteral("city")), PgValue(value));

    const quint64 guarded = connection.exec(QStringLiteral("SELECT count(*) FROM guarded"));
    const PgResult stillThere = waitForResult(connection, guarded);
    QVERIFY2(stillThere.ok, qPrintable(stillThere.error.raw));
    QCOMPARE(stillThere.value(0, QStringLiteral("count")), PgValue(QStringLiteral("1")));
}

void TestPgConnection::nullParametersAndValues()
{
    PgConnection connection;
    QVERIFY(openConnection(connection, m_server->conninfo()));
    const quint64 id = connection.exec(
        QStringLiteral("SELECT $1::text AS a, $1::text IS NULL AS a_is_null, $2::text AS b, NULL::int AS c"),
        {std::nullopt, QString(QLatin1String(""))});
    const PgResult result = waitForResult(connection, id);
    QVERIFY2(result.ok, qPrintable(result.error.raw));
    QCOMPARE(result.value(0, QStringLiteral("a")), PgValue());
    QCOMPARE(result.value(0, QStringLiteral("a_is_null")), PgValue(QStringLiteral("t")));
    // An empty string is a value, not NULL.
    QVERIFY(result.value(0, QStringLiteral("b")).has_value());
    QCOMPARE(*result.value(0, QStringLiteral("b")), QString());
    QCOMPARE(result.value(0, QStringLiteral("c")), PgValue());
}

void TestPgConnection::errorsKeepSqlState_data()
{
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("sqlState");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detailOrHint");

    QTest::addRow("read-only transaction")
        << QStringList{QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")}
        << QStringLiteral("INSERT INTO weather (city) VALUES ('Hayward')") << QStringLiteral("25006")
        << QStringLiteral("cannot execute INSERT in a read-only transaction") << QString();
    QTest::addRow("syntax") << QStringList() << QStringLiteral("SELEC 1") << QStringLiteral("42601")
                            << QStringLiteral("syntax error at or near \"SELEC\"") << QString();
    QTest::addRow("missing table") << QStringList() << QStringLiteral("SELECT * FROM no_such_table")
                                   << QStringLiteral("42P01")
                                   << QStringLiteral("relation \"no_such_table\" does not exist") << QString();
    QTest::addRow("duplicate key with detail")
        << QStringList() << QStringLiteral("INSERT INTO guarded VALUES (1)") << QStringLiteral("23505")
        << QStringLiteral("duplicate key value violates unique constraint \"guarded_pkey\"")
        << QStringLiteral("Key (id)=(1) already exists.");
    QTest::addRow("misspelt column with hint")
        << QStringList() << QStringLiteral("SELECT tempe_lo FROM weather") << QStringLiteral("42703")
        << QStringLiteral("column \"tempe_lo\" does not exist")
        << QStringLiteral("Perhaps you meant to reference the column \"weather.temp_lo\".");
    QTest::addRow("division by zero") << QStringList() << QStringLiteral("SELECT 1 / 0") << QStringLiteral("22012")
                                      << QStringLiteral("division by zero") << QString();
    QTest::addRow("two statements refused")
        << QStringList() << QStringLiteral("SELECT 1; SELECT 2") << QStringLiteral("42601")
        << QStringLiteral("cannot insert multiple commands into a prepared statement") << QString();
}

void TestPgConnection::errorsKeepSqlState()
{
    QFETCH(QStringList, setup);
    QFETCH(QString, sql);
    QFETCH(QString, sqlState);
    QFETCH(QString, message);
    QFETCH(QString, detailOrHint);

    PgConnection connection;
    QVERIFY(openConnection(connection, m_server->conninfo()));
    for (const QString &statement : setup) {
        const PgResult prepared = waitForResult(connection, connection.exec(statement));
        QVERIFY2(prepared.ok, qPrintable(prepared.error.raw));
    }
    const PgResult result = waitForResult(connection, connection.exec(sql));
    QVERIFY(!result.ok);
    QCOMPARE(result.error.sqlState, sqlState);
    QCOMPARE(result.error.message, message);
    QCOMPARE(result.error.severity, QStringLiteral("ERROR"));
    if (!detailOrHint.isEmpty())
        QVERIFY2(result.error.detail == detailOrHint || result.error.hint == detailOrHint,
                 qPrintable(result.error.detail + QStringLiteral(" / ") + result.error.hint));
    QVERIFY(result.error.toError().detail.contains(sqlState));

    // The session goes on after an error.
    const PgResult after = waitForResult(connection, connection.exec(QStringLiteral("SELECT 42")));
    QVERIFY(after.ok);
    QCOMPARE(connection.state(), PgConnection::State::Ready);
}

void TestPgConnection::noticesAreCollected()
{
    PgConnection connection;
    QVERIFY(openConnection(connection, m_server->conninfo()));
    const PgResult result = waitForResult(
        connection, connection.exec(QStringLiteral("DO $$BEGIN RAISE NOTICE 'standby is %', 'late'; END$$")));
    QVERIFY2(result.ok, qPrintable(result.error.raw));
    QCOMPARE(result.notices, QStringList{QStringLiteral("NOTICE: standby is late")});
    QCOMPARE(result.commandTag, QStringLiteral("DO"));
}

void TestPgConnection::queriesRunInOrder()
{
    PgConnection connection;
    QVERIFY(openConnection(connection, m_server->conninfo()));
    QList<quint64> ids;
    QList<PgResult> results;
    connect(&connection, &PgConnection::resultReady, this, [&results](const PgResult &r) { results << r; });
    for (int i = 0; i < 25; ++i)
        ids << connection.exec(QStringLiteral("SELECT $1::int * 2 AS twice"), {QString::number(i)});
    QCOMPARE(connection.queuedCount(), 25);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 25, 20000);
    for (int i = 0; i < 25; ++i) {
        QCOMPARE(results.at(i).id, ids.at(i));
        QCOMPARE(results.at(i).value(0, QStringLiteral("twice")), PgValue(QString::number(i * 2)));
    }
    QCOMPARE(connection.queuedCount(), 0);
}

void TestPgConnection::queryBeforeConnectedWaitsForIt()
{
    PgConnection connection;
    connection.open(m_server->conninfo());
    QVERIFY(connection.state() == PgConnection::State::Connecting);
    const quint64 id = connection.exec(QStringLiteral("SELECT current_user"));
    const PgResult result = waitForResult(connection, id);
    QVERIFY2(result.ok, qPrintable(result.error.raw));
    QCOMPARE(result.value(0, QStringLiteral("current_user")), PgValue(QStringLiteral("postgres")));
}

void TestPgConnection::queryWithoutConnectionFails()
{
    PgConnection connection;
    const quint64 id = connection.exec(QStringLiteral("SELECT 1"));
    const PgResult result = waitForResult(connection, id);
    QVERIFY(!result.ok);
    QCOMPARE(result.error.sqlState, QStringLiteral("08003"));
    QVERIFY(result.error.sentence.contains(QStringLiteral("Connect first")));
}

void TestPgConnection::connectFailuresSayWhatToDo_data()
{
    QTest::addColumn<QString>("conninfo");
    QTest::addColumn<QString>("sqlState");
    QTest::addColumn<QString>("sentencePart");

    const int port = m_server ? m_server->port() : 0;
    const int deadPort = LiveServer::freePort();
    const QString socket = m_server ? m_server->socketDir() : QString();
    QTest::addRow("server down (TCP)")
        << QStringLiteral("host=127.0.0.1 port=%1 user=postgres").arg(deadPort) << QStringLiteral("08001")
        << QStringLiteral("No PostgreSQL server is listening at 127.0.0.1:%1. Start the server").arg(deadPort);
    QTest::addRow("server down (socket)")
        << QStringLiteral("host=%1 port=%2 user=postgres").arg(socket).arg(deadPort) << QStringLiteral("08001")
        << QStringLiteral("No PostgreSQL server is listening at %1:%2").arg(socket).arg(deadPort);
    QTest::addRow("wrong password")
        << QStringLiteral("host=127.0.0.1 port=%1 user=pwuser password='wrong horse' sslmode=disable").arg(port)
        << QStringLiteral("28P01") << QStringLiteral("refused the password for user \"pwuser\". Check the password");
    QTest::addRow("no password")
        << QStringLiteral("host=127.0.0.1 port=%1 user=pwuser passfile=/nonexistent sslmode=disable").arg(port)
        << QStringLiteral("28P01") << QStringLiteral("asks user \"pwuser\" for a password and none was given");
    QTest::addRow("no pg_hba.conf line")
        << QStringLiteral("host=127.0.0.1 port=%1 user=stranger dbname=postgres sslmode=disable").arg(port)
        << QStringLiteral("28000")
        << QStringLiteral("has no pg_hba.conf line that lets user \"stranger\" connect to database \"postgres\" from "
                          "this address. Add a line");
    QTest::addRow("unknown role") << QStringLiteral("host=127.0.0.1 port=%1 user=ghost sslmode=disable").arg(port)
                                  << QStringLiteral("28000") << QStringLiteral("has no role named \"ghost\"");
    QTest::addRow("unknown database")
        << QStringLiteral("host=%1 port=%2 user=postgres dbname=nodb").arg(socket).arg(port) << QStringLiteral("3D000")
        << QStringLiteral("has no database named \"nodb\"");
    QTest::addRow("bad connection string") << QStringLiteral("host=127.0.0.1 bogus=1") << QStringLiteral("08001")
                                           << QStringLiteral("The connection string is not valid");
}

void TestPgConnection::connectFailuresSayWhatToDo()
{
    QFETCH(QString, conninfo);
    QFETCH(QString, sqlState);
    QFETCH(QString, sentencePart);

    PgConnection connection;
    QSignalSpy failed(&connection, &PgConnection::failed);
    QSignalSpy connected(&connection, &PgConnection::connected);
    connection.open(conninfo);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QVERIFY(connected.isEmpty());
    const auto error = failed.first().first().value<PgError>();
    QCOMPARE(error.sqlState, sqlState);
    QVERIFY2(error.sentence.contains(sentencePart), qPrintable(error.sentence + QStringLiteral("\n") + error.raw));
    QVERIFY(!error.raw.isEmpty());
    QCOMPARE(connection.state(), PgConnection::State::Failed);
    QCOMPARE(connection.lastError().sqlState, sqlState);
}

void TestPgConnection::hostNameIsResolvedOffThread()
{
    // "localhost" goes through QHostInfo; both of its addresses are tried.
    PgConnection connection;
    QSignalSpy states(&connection, &PgConnection::stateChanged);
    QVERIFY(openConnection(
        connection, QStringLiteral("host=localhost port=%1 user=postgres sslmode=disable").arg(m_server->port())));
    QCOMPARE(states.first().first().value<PgConnection::State>(), PgConnection::State::Resolving);
    const PgResult result =
        waitForResult(connection, connection.exec(QStringLiteral("SELECT inet_client_addr()::text AS a")));
    QVERIFY2(result.ok, qPrintable(result.error.raw));
    QVERIFY(result.value(0, QStringLiteral("a")).has_value());

    // PGHOST is a host name too, when the string names none.
    qputenv("PGHOST", "localhost");
    PgConnection fromEnvironment;
    QSignalSpy environmentStates(&fromEnvironment, &PgConnection::stateChanged);
    const bool viaEnvironment =
        openConnection(fromEnvironment, QStringLiteral("port=%1 user=postgres sslmode=disable").arg(m_server->port()));
    qunsetenv("PGHOST");
    QVERIFY(viaEnvironment);
    QCOMPARE(environmentStates.first().first().value<PgConnection::State>(), PgConnection::State::Resolving);

    PgConnection unknown;
    QSignalSpy failed(&unknown, &PgConnection::failed);
    unknown.open(QStringLiteral("host=no-such-host.invalid port=5432 user=postgres"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QVERIFY(failed.first().first().value<PgError>().sentence.contains(QStringLiteral("could not be resolved")));
}

void TestPgConnection::silentAddressTimesOutWithoutStalling()
{
    SilentPort silent;
    PgConnection connection;
    connection.setConnectTimeout(1500);
    QSignalSpy failed(&connection, &PgConnection::failed);
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    connection.open(QStringLiteral("host=127.0.0.1 port=%1 user=postgres connect_timeout=60").arg(silent.port()));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    const qint64 took = clock.elapsed();
    const auto error = failed.first().first().value<PgError>();
    QVERIFY2(error.sentence.contains(QStringLiteral("did not answer within 1.5 seconds")), qPrintable(error.sentence));
    QVERIFY2(took >= 1400 && took < 5000, qPrintable(QString::number(took)));
    QVERIFY2(meter.longestMs() < 100,
             qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(meter.longestMs())));
    qInfo("silent address: failed after %lld ms, longest event-loop stall %lld ms", took, meter.longestMs());
}

void TestPgConnection::serverKilledMidSession()
{
    LiveServer doomed;
    auto step = doomed.initdb();
    if (step)
        step = doomed.appendSettings(LiveServer::smallFastSettings());
    if (step)
        step = doomed.start();
    QVERIFY2(step, qPrintable(step ? QString() : step.error().fullText()));

    PgConnection busy;
    PgConnection idle;
    QVERIFY(openConnection(busy, doomed.conninfo()));
    QVERIFY(openConnection(idle, doomed.conninfo()));
    QSignalSpy busyFailed(&busy, &PgConnection::failed);
    QSignalSpy idleFailed(&idle, &PgConnection::failed);

    const quint64 sleeping = busy.exec(QStringLiteral("SELECT pg_sleep(60)"));
    const quint64 queued = busy.exec(QStringLiteral("SELECT 1"));
    QTRY_COMPARE_WITH_TIMEOUT(busy.state(), PgConnection::State::Busy, 5000);
    QTest::qWait(200); // let pg_sleep start on the server

    StallMeter meter;
    QVERIFY(doomed.killAll());
    const PgResult interrupted = waitForResult(busy, sleeping, 10000);
    QVERIFY(!interrupted.ok);
    QCOMPARE(interrupted.error.sqlState, QStringLiteral("08006"));
    QVERIFY2(interrupted.error.sentence.contains(QStringLiteral("was lost")), qPrintable(interrupted.error.sentence));
    QTRY_COMPARE_WITH_TIMEOUT(busyFailed.size(), 1, 5000);
    QCOMPARE(busy.state(), PgConnection::State::Failed);
    QTRY_COMPARE_WITH_TIMEOUT(idleFailed.size(), 1, 10000);
    QCOMPARE(idle.state(), PgConnection::State::Failed);
    // The queued query is answered too, not forgotten.
    const PgResult dropped = waitForResult(busy, queued, 1000);
    QVERIFY(!dropped.ok);
    QVERIFY(meter.longestMs() < 100);

    // Reconnecting to a dead server fails cleanly.
    QSignalSpy refused(&busy, &PgConnection::failed);
    busy.open(doomed.conninfo());
    QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 10000);
    QCOMPARE(refused.first().first().value<PgError>().sqlState, QStringLiteral("08001"));
}

void TestPgConnection::cancelStopsARunningQuery()
{
    PgConnection connection;
    QVERIFY(openConnection(connection, m_server->conninfo()));
    const quint64 sleeping = connection.exec(QStringLiteral("SELECT pg_sleep(60)"));
    const quint64 queued = connection.exec(QStringLiteral("SELECT 2"));
    QList<PgResult> results;
    connect(&connection, &PgConnection::resultReady, this, [&results](const PgResult &r) { results << r; });
    QTest::qWait(300);
    StallMeter meter;
    QElapsedTimer clock;
    clock.start();
    connection.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 10000);
    QVERIFY2(clock.elapsed() < 10000, "pg_sleep(60) was not cancelled");
    // The queued one is dropped at once; the running one ends when the server cancels it.
    QCOMPARE(results.at(0).id, queued);
    QCOMPARE(results.at(0).error.sqlState, QStringLiteral("57014"));
    QCOMPARE(results.at(1).id, sleeping);
    QCOMPARE(results.at(1).error.sqlState, QStringLiteral("57014"));
    QCOMPARE(results.at(1).error.message, QStringLiteral("canceling statement due to user request"));
    QVERIFY(meter.longestMs() < 100);

    const PgResult after = waitForResult(connection, connection.exec(QStringLiteral("SELECT 3 AS n")));
    QVERIFY(after.ok);
    QCOMPARE(after.value(0, QStringLiteral("n")), PgValue(QStringLiteral("3")));
}

void TestPgConnection::copyToStdoutComesAsRows()
{
    PgConnection connection;
    QVERIFY(openConnection(connection, m_server->conninfo()));
    const PgResult result =
        waitForResult(connection, connection.exec(QStringLiteral("COPY (SELECT 1, NULL, 'a b') TO STDOUT")));
    QVERIFY2(result.ok, qPrintable(result.error.raw));
    QCOMPARE(result.commandTag, QStringLiteral("COPY 1"));
    QCOMPARE(result.rows.size(), 1);
    QCOMPARE(result.rows.first(), (PgRow{QStringLiteral("1\t\\N\ta b")}));
}

void TestPgConnection::streamingHandsRowsOverInBatches()
{
    PgConnection connection;
    QVERIFY(openConnection(connection, m_server->conninfo()));
    QStringList columns;
    QList<int> batches;
    connect(&connection, &PgConnection::columnsReady, this, [&columns](quint64, const QStringList &c) { columns = c; });
    connect(&connection, &PgConnection::rowsReady, this,
            [&batches](quint64, const QList<PgRow> &rows) { batches << int(rows.size()); });
    const PgResult result = waitForResult(
        connection,
        connection.execStreaming(QStringLiteral("SELECT g AS n FROM generate_series(1, 5000) g"), 1200, 500));
    QVERIFY2(result.ok, qPrintable(result.error.raw));
    QCOMPARE(columns, QStringList{QStringLiteral("n")});
    QCOMPARE(result.rowCount, 5000);
    QVERIFY(result.rows.isEmpty());
    QCOMPARE(result.commandTag, QStringLiteral("SELECT 5000"));
    // Kept up to 1200 rows, never more than 500 in one batch.
    QCOMPARE(std::accumulate(batches.begin(), batches.end(), 0), 1200);
    QVERIFY(*std::max_element(batches.begin(), batches.end()) <= 500);
    QVERIFY(batches.size() >= 3);
}

QTEST_GUILESS_MAIN(TestPgConnection)
#include "test_pg_connection.moc"
