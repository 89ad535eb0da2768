// The query console's path against psql, on a fresh sandbox (PostgreSQL 15
// primary, run as root: the servers run as postgres):
//   SELECT g, md5(g::text), now() FROM generate_series(1, 1000000) g
// For each: time to the first row, total time, and for the console the memory
// the kept rows hold (heap in use, measured while they are kept), with the default row limit and without one.
// Rows go through QuerySession (PgConnection on its worker thread, batches by
// queued signal) into a list, as ResultTableModel::appendRows keeps them.
// psql with FETCH_COUNT (a cursor) is the baseline for the first row: the
// server materialises generate_series before it hands out its first row.
// Prints figures only.

#include "core/host/local_host.h"
#include "core/pg/query_session.h"
#include "core/sandbox/sandbox.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <malloc.h>
#include <unistd.h>

namespace {

const QString kQuery = QStringLiteral("SELECT g, md5(g::text), now() FROM generate_series(1, 1000000) g");

// Heap bytes in use (glibc), in kB: what the kept rows hold, unlike RSS,
// which does not shrink when an earlier round frees its rows.
qint64 heapKb()
{
    return qint64(mallinfo2().uordblks) / 1024;
}

struct Figures
{
    qint64 firstMs = -1;
    qint64 totalMs = -1;
    qint64 rows = 0;
    qint64 kept = 0;
    qint64 heldKb = 0;
    int batches = 0;
};

Figures viaConsole(const QString &conninfo, qint64 rowLimit)
{
    Figures figures;
    QList<PgRow> model;
    QuerySession session(conninfo);
    session.setRowLimit(rowLimit);
    // Connect first, so that both sides are timed from a ready connection.
    {
        QEventLoop loop;
        QObject::connect(&session, &QuerySession::runFinished, &loop, &QEventLoop::quit);
        if (session.run(SqlScript::split(QStringLiteral("SELECT 1"))))
            loop.exec();
    }
    const qint64 before = heapKb();
    QElapsedTimer clock;
    QEventLoop loop;
    QObject::connect(&session, &QuerySession::rowsReady, [&](int, const QList<PgRow> &rows) {
        if (figures.firstMs < 0)
            figures.firstMs = clock.elapsed();
        model += rows;
        ++figures.batches;
    });
    QObject::connect(&session, &QuerySession::statementFinished,
                     [&](int, const PgResult &summary) { figures.rows = summary.rowCount; });
    QObject::connect(&session, &QuerySession::statementFailed,
                     [](int, const PgError &error) { std::fprintf(stderr, "console: %s\n", qPrintable(error.raw)); });
    QObject::connect(&session, &QuerySession::runFinished, &loop, &QEventLoop::quit);
    clock.start();
    if (!session.run(SqlScript::split(kQuery)))
        return figures;
    loop.exec();
    figures.totalMs = clock.elapsed();
    figures.kept = model.size();
    figures.heldKb = heapKb() - before;
    return figures;
}

// fetchCount > 0: psql reads through a cursor (FETCH_COUNT) and prints the first rows as they come,
// so its first row is about when the server hands out its first row (a baseline for the console's).
Figures viaPsql(const QString &psql, const QString &conninfo, int fetchCount = 0)
{
    Figures figures;
    QProcess process;
    QElapsedTimer clock;
    QObject::connect(&process, &QProcess::readyReadStandardOutput, [&] {
        if (figures.firstMs < 0)
            figures.firstMs = clock.elapsed();
        figures.rows += process.readAllStandardOutput().count('\n');
    });
    clock.start();
    QStringList arguments{QStringLiteral("-X"), QStringLiteral("-q"),
                          QStringLiteral("-A"), QStringLiteral("-t"),
                          QStringLiteral("-d"), conninfo,
                          QStringLiteral("-c"), kQuery};
    if (fetchCount > 0)
        arguments << QStringLiteral("-v") << QStringLiteral("FETCH_COUNT=%1").arg(fetchCount);
    process.start(psql, arguments);
    process.waitForFinished(-1);
    figures.rows += process.readAllStandardOutput().count('\n');
    figures.totalMs = clock.elapsed();
    return figures;
}

void print(const char *name, const Figures &f)
{
    std::printf(
        "%-34s first row %6lld ms   total %6lld ms   rows %7lld   kept %7lld   batches %5d   heap held +%lld kB\n",
        name, f.firstMs, f.totalMs, f.rows, f.kept, f.batches, f.heldKb);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (::geteuid() != 0) {
        std::fprintf(stderr, "bench_console needs root: the sandbox runs its servers as the postgres user\n");
        return 1;
    }
    QTemporaryDir base;
    QFile::setPermissions(base.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                           QFileDevice::ReadOther | QFileDevice::ExeOther);
    LocalHost host;
    Sandbox sandbox(host, base.path() + QStringLiteral("/sandbox"));
    const auto made = sandbox.up();
    if (!made.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(made.error().fullText()));
        return 1;
    }
    const QString conninfo = made->primary.connectionString();
    const QString psql = made->clientBinDir + QStringLiteral("/psql");
    std::printf("%s\n", qPrintable(kQuery));
    for (int round = 1; round <= 2; ++round) {
        std::printf("round %d\n", round);
        const Figures p = viaPsql(psql, conninfo);
        const Figures cursor = viaPsql(psql, conninfo, 1000);
        const Figures limited = viaConsole(conninfo, QuerySession::kDefaultRowLimit);
        const Figures all = viaConsole(conninfo, -1);
        print("psql -A -t (to a pipe)", p);
        print("psql, FETCH_COUNT=1000 (a cursor)", cursor);
        print("console, row limit 100,000", limited);
        print("console, no row limit", all);
        std::printf("console/psql total: %.2f (limit 100,000), %.2f (no limit)\n",
                    double(limited.totalMs) / double(qMax<qint64>(1, p.totalMs)),
                    double(all.totalMs) / double(qMax<qint64>(1, p.totalMs)));
    }
    (void)sandbox.down(true);
    return 0;
}
