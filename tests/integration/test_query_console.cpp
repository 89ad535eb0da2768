#include "core/host/local_host.h"
#include "core/pg/pg_error_explanation.h"
#include "core/pg/query_session.h"
#include "core/sandbox/sandbox.h"

#include "stall_meter.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <unistd.h>

namespace {

// What one statement of a run gave, as the console would show it.
struct Outcome
{
    bool done = false;
    bool ok = false;
    QStringList columns;
    QList<PgRow> rows;
    int batches = 0;
    qint64 firstRowMs = -1;
    PgResult summary;
    PgError error;
};

// Runs statements on a session and collects every statement's outcome.
class Run
{
public:
    Run(QuerySession &session, const QString &sql) : m_session(session)
    {
        m_links << QObject::connect(&session, &QuerySession::columnsReady,
                                    [this](int i, const QStringList &c) { at(i).columns = c; });
        m_links << QObject::connect(&session, &QuerySession::rowsReady, [this](int i, const QList<PgRow> &rows) {
            Outcome &outcome = at(i);
            if (outcome.firstRowMs < 0)
                outcome.firstRowMs = m_clock.elapsed();
            outcome.rows += rows;
            ++outcome.batches;
        });
        m_links << QObject::connect(&session, &QuerySession::statementFinished, [this](int i, const PgResult &r) {
            at(i).summary = r;
            at(i).ok = at(i).done = true;
        });
        m_links << QObject::connect(&session, &QuerySession::statementFailed, [this](int i, const PgError &e) {
            at(i).error = e;
            at(i).done = true;
        });
        m_links << QObject::connect(&session, &QuerySession::runFinished, [this] { m_finished = true; });
        m_clock.start();
        m_started = session.run(SqlScript::split(sql));
    }
    ~Run()
    {
        for (const auto &link : std::as_const(m_links))
            QObject::disconnect(link);
    }
    bool started() const { return m_started; }
    bool wait(int ms = 30000)
    {
        return QTest::qWaitFor([this] { return m_finished; }, ms);
    }
    bool finished() const { return m_finished; }
    qint64 elapsed() const { return m_clock.elapsed(); }
    const QList<Outcome> &outcomes() const { return m_outcomes; }
    Outcome &at(int i)
    {
        while (m_outcomes.size() <= i)
            m_outcomes << Outcome();
        return m_outcomes[i];
    }

private:
    QuerySession &m_session;
    QList<QMetaObject::Connection> m_links;
    QList<Outcome> m_outcomes;
    QElapsedTimer m_clock;
    bool m_started = false;
    bool m_finished = false;
};

QString firstValue(const Outcome &outcome)
{
    return outcome.rows.isEmpty() || outcome.rows.first().isEmpty() ? QString()
                                                                    : outcome.rows.first().first().value_or(QString());
}

} // namespace

// The query console's core path (QuerySession over PgConnection on a worker
// thread) against the local sandbox: a PostgreSQL 15 primary and hot standby.
class TestQueryConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void insertOnStandbyIsRefusedAndExplained();
    void primaryOnlyFunctionOnStandbyIsExplained();
    void cancelStopsSleepWithinASecond();
    void millionRowsStreamInBatches();
    void scriptGivesOneResultPerStatement();
    void scriptStopsAtTheFirstError();
    void copyToStdoutIsShownAsRows();
    void copyFromStdinIsRefused();
    void lostConnectionIsExplainedAndReconnects();
    void cleanupTestCase();

private:
    QTemporaryDir m_base;
    LocalHost m_host;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<QuerySession> m_primary;
    std::unique_ptr<QuerySession> m_standby;
};

void TestQueryConsole::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("needs root: the sandbox runs its servers as the postgres user");
    if (!QFileInfo::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb")))
        QSKIP("Debian's PostgreSQL 15 (postgresql-15) is not installed");
    QVERIFY(m_base.isValid());
    // postgres must enter the folder to run the sandbox's servers.
    QVERIFY(QFile::setPermissions(m_base.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                     QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                     QFileDevice::ExeOther));
    m_sandbox = std::make_unique<Sandbox>(m_host, m_base.path() + QStringLiteral("/sandbox"));
    const auto made = m_sandbox->up();
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().fullText()));
    m_primary = std::make_unique<QuerySession>(made->primary.connectionString());
    m_standby = std::make_unique<QuerySession>(made->standby().connectionString());

    Run create(*m_primary, QStringLiteral("CREATE TABLE lesson (id int, note text)"));
    QVERIFY(create.wait());
    QVERIFY2(create.outcomes().value(0).ok, qPrintable(create.outcomes().value(0).error.raw));
}

void TestQueryConsole::cleanupTestCase()
{
    m_primary.reset();
    m_standby.reset();
    if (m_sandbox)
        (void)m_sandbox->down(true);
}

void TestQueryConsole::insertOnStandbyIsRefusedAndExplained()
{
    // The table reaches the standby by replay; until then the INSERT names a missing table.
    Outcome outcome;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            Run run(*m_standby, QStringLiteral("INSERT INTO lesson VALUES (1, 'on the standby')"));
            if (!run.wait())
                return false;
            outcome = run.outcomes().value(0);
            return outcome.error.sqlState != QLatin1String("42P01");
        }(),
        10000);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error.sqlState, QStringLiteral("25006"));
    QCOMPARE(outcome.error.message, QStringLiteral("cannot execute INSERT in a read-only transaction"));
    const QString explanation = pgErrorExplanation(outcome.error);
    QVERIFY2(explanation.contains(QLatin1String("primary")), qPrintable(explanation));
}

void TestQueryConsole::primaryOnlyFunctionOnStandbyIsExplained()
{
    Run run(*m_standby, QStringLiteral("SELECT pg_switch_wal()"));
    QVERIFY(run.wait());
    const Outcome outcome = run.outcomes().value(0);
    QCOMPARE(outcome.error.sqlState, QStringLiteral("55000"));
    QVERIFY(pgErrorExplanation(outcome.error).contains(QLatin1String("only a primary")));
}

void TestQueryConsole::cancelStopsSleepWithinASecond()
{
    Run run(*m_primary, QStringLiteral("SELECT pg_sleep(60); SELECT 'not run'"));
    QVERIFY(run.started());
    // Cancel once the statement is surely on the server.
    QTest::qWait(300);
    QVERIFY(!run.finished());
    QElapsedTimer clock;
    clock.start();
    m_primary->cancel();
    QVERIFY(run.wait(5000));
    const qint64 took = clock.elapsed();
    qInfo("cancel of pg_sleep(60) returned after %lld ms", took);
    QVERIFY2(took < 1000, qPrintable(QStringLiteral("%1 ms").arg(took)));
    QCOMPARE(run.outcomes().size(), 1);
    QCOMPARE(run.outcomes().first().error.sqlState, QStringLiteral("57014"));
    QVERIFY(!pgErrorExplanation(run.outcomes().first().error).isEmpty());

    // The session is usable at once.
    Run after(*m_primary, QStringLiteral("SELECT 42"));
    QVERIFY(after.wait());
    QCOMPARE(firstValue(after.outcomes().value(0)), QStringLiteral("42"));
}

void TestQueryConsole::millionRowsStreamInBatches()
{
    StallMeter meter;
    Run run(*m_primary, QStringLiteral("SELECT g, md5(g::text), now() FROM generate_series(1,1000000) g"));
    QVERIFY(run.wait(120000));
    meter.stop();
    const Outcome outcome = run.outcomes().value(0);
    QVERIFY2(outcome.ok, qPrintable(outcome.error.raw));
    qInfo("1,000,000 rows: first rows after %lld ms, all after %lld ms (server %lld ms), %d batches, longest "
          "event-loop stall %lld ms",
          outcome.firstRowMs, run.elapsed(), outcome.summary.elapsedMs, outcome.batches, meter.longestMs());
    QCOMPARE(outcome.columns, (QStringList{QStringLiteral("g"), QStringLiteral("md5"), QStringLiteral("now")}));
    QCOMPARE(outcome.summary.rowCount, 1000000);
    QCOMPARE(outcome.summary.commandTag, QStringLiteral("SELECT 1000000"));
    // Kept up to the limit, counted past it.
    QCOMPARE(outcome.rows.size(), QuerySession::kDefaultRowLimit);
    QCOMPARE(outcome.rows.last().first(), PgValue(QString::number(QuerySession::kDefaultRowLimit)));
    QVERIFY2(outcome.batches > 1, qPrintable(QString::number(outcome.batches)));
}

void TestQueryConsole::scriptGivesOneResultPerStatement()
{
    Run run(*m_primary, QStringLiteral("CREATE TEMP TABLE t (x int);\n"
                                       "INSERT INTO t SELECT generate_series(1, 5);\n"
                                       "-- a comment; not a statement\n"
                                       "SELECT count(*) FROM t;\n"
                                       "SELECT 'a;b' AS text, $$c;d$$ AS dollar;"));
    QVERIFY(run.wait());
    QCOMPARE(run.outcomes().size(), 4);
    for (const Outcome &outcome : run.outcomes())
        QVERIFY2(outcome.ok, qPrintable(outcome.error.raw));
    QCOMPARE(run.outcomes().at(0).summary.commandTag, QStringLiteral("CREATE TABLE"));
    QCOMPARE(run.outcomes().at(1).summary.commandTag, QStringLiteral("INSERT 0 5"));
    QCOMPARE(firstValue(run.outcomes().at(2)), QStringLiteral("5"));
    QCOMPARE(run.outcomes().at(3).rows.value(0), (PgRow{QStringLiteral("a;b"), QStringLiteral("c;d")}));
}

void TestQueryConsole::scriptStopsAtTheFirstError()
{
    Run run(*m_primary, QStringLiteral("SELECT 1; SELECT nothing_here; SELECT 3"));
    QVERIFY(run.wait());
    QCOMPARE(run.outcomes().size(), 2);
    QVERIFY(run.outcomes().at(0).ok);
    const PgError error = run.outcomes().at(1).error;
    QCOMPARE(error.sqlState, QStringLiteral("42703"));
    // Position 8 of "SELECT nothing_here": the column's name.
    QCOMPARE(error.position, 8);
}

void TestQueryConsole::copyToStdoutIsShownAsRows()
{
    Run run(*m_primary, QStringLiteral("COPY (SELECT g, 'x' || g FROM generate_series(1, 3) g) TO STDOUT"));
    QVERIFY(run.wait());
    const Outcome outcome = run.outcomes().value(0);
    QVERIFY2(outcome.ok, qPrintable(outcome.error.raw));
    QCOMPARE(outcome.columns.size(), 1);
    QCOMPARE(outcome.rows.size(), 3);
    QCOMPARE(outcome.rows.at(2).first(), PgValue(QStringLiteral("3\tx3")));
    QCOMPARE(outcome.summary.commandTag, QStringLiteral("COPY 3"));
    QCOMPARE(outcome.summary.rowCount, 3);
}

void TestQueryConsole::copyFromStdinIsRefused()
{
    Run run(*m_primary, QStringLiteral("COPY lesson FROM STDIN; SELECT 1"));
    QVERIFY(run.wait());
    QCOMPARE(run.outcomes().size(), 1);
    const PgError error = run.outcomes().first().error;
    QCOMPARE(error.sqlState, QStringLiteral("57014"));
    QVERIFY2(error.message.contains(QLatin1String("not supported")), qPrintable(error.message));
    QVERIFY(pgErrorExplanation(error).contains(QLatin1String("\\copy")));
}

void TestQueryConsole::lostConnectionIsExplainedAndReconnects()
{
    Run pid(*m_standby, QStringLiteral("SELECT pg_backend_pid()"));
    QVERIFY(pid.wait());
    const QString backend = firstValue(pid.outcomes().value(0));
    QVERIFY(!backend.isEmpty());
    // The session is ended while its statement runs.
    Run lost(*m_standby, QStringLiteral("SELECT pg_sleep(30)"));
    QTest::qWait(300);
    QuerySession admin(m_sandbox->state()->standby().connectionString());
    Run kill(admin, QStringLiteral("SELECT pg_terminate_backend(%1)").arg(backend));
    QVERIFY(kill.wait());
    QCOMPARE(firstValue(kill.outcomes().value(0)), QStringLiteral("t"));
    QVERIFY(lost.wait(5000));
    const PgError error = lost.outcomes().value(0).error;
    qInfo("after pg_terminate_backend: SQLSTATE %s, %s", qPrintable(error.sqlState), qPrintable(error.message));
    QVERIFY(error.sqlState == QLatin1String("57P01") || error.sqlState.startsWith(QLatin1String("08")));
    QVERIFY(pgErrorExplanation(error).contains(QLatin1String("connects anew")));

    Run again(*m_standby, QStringLiteral("SELECT 2"));
    QVERIFY(again.wait());
    QCOMPARE(firstValue(again.outcomes().value(0)), QStringLiteral("2"));
}

QTEST_GUILESS_MAIN(TestQueryConsole)
#include "test_query_console.moc"
