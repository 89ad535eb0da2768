// The replication panel's sampler against psql running the same queries, on
// a fresh sandbox (a primary and a standby, run as root: the servers run as
// postgres). One round is what the panel asks each second: on the primary,
// the server's status, pg_stat_replication, the slots and the archiver; on the
// standby, its status. The sampler keeps one connection per server and reads
// on its worker thread; psql starts once per server and round, as a shell
// script that watches a pair does.
//
//   bench_sampler [ROUNDS]   (default 200)
//
// Prints the CPU time (user + system) per round of this process for the
// sampler, and of the psql processes for the baseline, with the ratio, and
// the wall time per round of each. Prints figures only.

#include "core/host/local_host.h"
#include "core/monitor/replication_queries.h"
#include "core/monitor/replication_sampler.h"
#include "core/sandbox/sandbox.h"
#include "core/version/version_rules.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace {

double cpuMs(int who)
{
    rusage usage{};
    ::getrusage(who, &usage);
    const auto ms = [](const timeval &t) { return double(t.tv_sec) * 1000.0 + double(t.tv_usec) / 1000.0; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

struct Figures
{
    double cpuMsPerRound = 0;
    double wallMsPerRound = 0;
};

std::optional<Figures> viaSampler(const SandboxState &state, int rounds)
{
    ReplicationSampler sampler;
    sampler.setPrimary(state.primary.name, state.primary.connectionString(QStringLiteral("postgres")));
    sampler.addStandby(state.standby().name, state.standby().connectionString(QStringLiteral("postgres")));
    int samples = 0;
    bool complete = false;
    QObject::connect(&sampler, &ReplicationSampler::sampleReady, [&](const ReplicationSample &sample) {
        ++samples;
        complete = sample.primary.reachable && !sample.standbys.isEmpty();
    });
    // Connected and streaming first: the rounds measured are the panel's steady state.
    for (int i = 0; i < 100 && !complete; ++i) {
        const int before = samples;
        sampler.sampleNow();
        (void)QTest::qWaitFor([&] { return samples > before; }, 5000);
        if (!complete)
            QTest::qWait(50);
    }
    if (!complete)
        return std::nullopt;
    QElapsedTimer wall;
    wall.start();
    const double cpuBefore = cpuMs(RUSAGE_SELF);
    for (int i = 0; i < rounds; ++i) {
        const int before = samples;
        sampler.sampleNow();
        if (!QTest::qWaitFor([&] { return samples > before; }, 5000))
            return std::nullopt;
    }
    return Figures{(cpuMs(RUSAGE_SELF) - cpuBefore) / rounds, double(wall.elapsed()) / rounds};
}

bool runPsql(const QString &psql, const SandboxServer &server, const QString &sql)
{
    QProcess process;
    process.start(psql, {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-q"),
                         QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"),
                         server.connectionString(QStringLiteral("postgres"))});
    process.write(sql.toUtf8());
    process.closeWriteChannel();
    return process.waitForFinished(10000) && process.exitCode() == 0;
}

std::optional<Figures> viaPsql(const SandboxState &state, int rounds)
{
    const ReplicationQueries queries(VersionRules(state.version));
    QString primarySql;
    for (const QString &query :
         {queries.serverStatus(), queries.statReplication(), queries.replicationSlots(), queries.statArchiver()}) {
        if (!query.isEmpty())
            primarySql += query + QStringLiteral(";\n");
    }
    const QString standbySql = queries.serverStatus() + QStringLiteral(";\n");
    const QString psql = state.clientBinDir + QStringLiteral("/psql");
    QElapsedTimer wall;
    wall.start();
    const double cpuBefore = cpuMs(RUSAGE_CHILDREN);
    for (int i = 0; i < rounds; ++i) {
        if (!runPsql(psql, state.primary, primarySql) || !runPsql(psql, state.standby(), standbySql))
            return std::nullopt;
    }
    return Figures{(cpuMs(RUSAGE_CHILDREN) - cpuBefore) / rounds, double(wall.elapsed()) / rounds};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (::geteuid() != 0) {
        std::fprintf(stderr, "bench_sampler needs root: the sandbox runs its servers as the postgres user\n");
        return 1;
    }
    const int rounds = argc > 1 ? qMax(1, QString::fromLocal8Bit(argv[1]).toInt()) : 200;
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
    const auto sampler = viaSampler(*made, rounds);
    const auto psql = viaPsql(*made, rounds);
    (void)sandbox.down(true);
    if (!sampler || !psql) {
        std::fprintf(stderr, "a round did not complete (the sandbox did not answer)\n");
        return 1;
    }
    std::printf("%d rounds on PostgreSQL %s (primary: status, pg_stat_replication, slots, archiver; standby: "
                "status)\n",
                rounds, qPrintable(made->version.majorString()));
    std::printf("%-34s CPU %7.3f ms/round   wall %7.2f ms/round\n", "sampler (one connection per server)",
                sampler->cpuMsPerRound, sampler->wallMsPerRound);
    std::printf("%-34s CPU %7.3f ms/round   wall %7.2f ms/round\n", "psql (one process per server)",
                psql->cpuMsPerRound, psql->wallMsPerRound);
    std::printf("sampler/psql CPU: %.3f\n", sampler->cpuMsPerRound / qMax(0.001, psql->cpuMsPerRound));
    return 0;
}
