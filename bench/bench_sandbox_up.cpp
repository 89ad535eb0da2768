// How long `replicactl sandbox up` takes from nothing to synchronous
// streaming, against the same steps done by a plain shell script
// (bench/sandbox_up.sh) in the same run, on the same disk and load.
//
//   bench_sandbox_up [ROUNDS]        (default 3; root or a plain user)
//
// Per round, in turn: Sandbox::up in a new folder; the script with the same
// steps in the same order (the standby's first start without fsync, mydb made
// once the standby streams); the script as a person would first write it
// (mydb before the base backup, so that the backup's checkpoint fsyncs its
// files; the standby's first start fsyncs its whole directory). Prints each time, the medians, the ratio
// sandbox/script, and the sandbox's phases, so that what dominates is seen.
// Never passes or fails on time.

#include "core/host/local_host.h"
#include "core/sandbox/free_port.h"
#include "core/sandbox/pg_binaries.h"
#include "core/sandbox/sandbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <map>

#include <unistd.h>

namespace {

QTextStream out(stdout);

qint64 median(QList<qint64> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

QStringList asServerUser(const QStringList &command)
{
    if (::geteuid() != 0)
        return command;
    return QStringList{QStringLiteral("runuser"), QStringLiteral("-u"), QStringLiteral("postgres"),
                       QStringLiteral("--")} +
           command;
}

int runQuietly(const QStringList &command, QByteArray *output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(QStringLiteral("/"));
    process.start(command.first(), command.mid(1));
    process.waitForFinished(300000);
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

// The script's servers stopped and its folder removed, whatever state it left.
void cleanScript(const QString &bin, const QString &dir)
{
    for (const QString &name : {QStringLiteral("standby"), QStringLiteral("primary")}) {
        if (QFileInfo::exists(dir + QLatin1Char('/') + name + QStringLiteral("/postmaster.pid")))
            runQuietly(asServerUser({bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
                                     dir + QLatin1Char('/') + name, QStringLiteral("-m"), QStringLiteral("immediate"),
                                     QStringLiteral("-w"), QStringLiteral("-s"), QStringLiteral("stop")}));
    }
    runQuietly({QStringLiteral("rm"), QStringLiteral("-rf"), QStringLiteral("--"), dir});
}

qint64 timeScript(const QString &script, const QString &bin, const QString &dir, bool fastStandbyStart)
{
    auto primary = FreePort::find(56432);
    auto standby = FreePort::find(primary.valueOr(56432) + 1, {primary.valueOr(56432)});
    if (!primary || !standby)
        return -1;
    QStringList command{QStringLiteral("sh"), script, bin, dir, QString::number(*primary), QString::number(*standby)};
    if (fastStandbyStart)
        command.append(QStringLiteral("fast-standby-start"));
    QElapsedTimer clock;
    clock.start();
    QByteArray output;
    const int status = runQuietly(command, &output);
    const qint64 ms = clock.elapsed();
    if (status != 0) {
        out << "  the script failed (" << status << "): " << output.trimmed() << '\n';
        cleanScript(bin, dir);
        return -1;
    }
    cleanScript(bin, dir);
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 3;
    const QString script = QDir::cleanPath(QStringLiteral(REPLICA_TEST_SOURCE_DIR "/../bench/sandbox_up.sh"));
    if (!QFileInfo::exists(script)) {
        out << "bench_sandbox_up: " << script << " is missing\n";
        return 1;
    }
    LocalHost host;
    auto binaries = PgBinaries::find(host, {});
    if (!binaries) {
        out << "bench_sandbox_up: " << binaries.error().fullText() << '\n';
        return 1;
    }
    if (binaries->clientBinDir() != binaries->serverBinDir() || !binaries->version().atLeast(12)) {
        out << "bench_sandbox_up: the script needs PostgreSQL 12 or newer with its client tools in one folder\n";
        return 1;
    }
    const QString bin = binaries->serverBinDir();

    QTemporaryDir base(QStringLiteral("/tmp/bench-sandbox-XXXXXX"));
    QFile::setPermissions(base.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                           QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                           QFileDevice::ExeOther);
    out << "PostgreSQL " << binaries->version().majorString() << " from " << bin << ", " << rounds
        << " rounds, load average " <<
        [] {
            QFile load(QStringLiteral("/proc/loadavg"));
            return load.open(QIODevice::ReadOnly) ? QString::fromUtf8(load.readAll().split(' ').value(0))
                                                  : QStringLiteral("?");
        }()
        << "\n\n";
    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("round"), -6)
               .arg(QStringLiteral("sandbox up"), 12)
               .arg(QStringLiteral("same script"), 12)
               .arg(QStringLiteral("naive script"), 13);
    out.flush();

    QList<qint64> tool, same, naive;
    std::map<QString, QList<qint64>> phases;
    QStringList phaseOrder;
    for (int round = 1; round <= rounds; ++round) {
        const QString toolDir = base.path() + QStringLiteral("/sandbox-%1").arg(round);
        Sandbox sandbox(host, toolDir);
        QElapsedTimer clock;
        clock.start();
        auto made = sandbox.up();
        const qint64 toolMs = clock.elapsed();
        if (!made) {
            out << "sandbox up failed: " << made.error().fullText() << '\n';
            (void)sandbox.down(true);
            return 1;
        }
        for (const SandboxPhase &phase : sandbox.phases()) {
            if (!phaseOrder.contains(phase.name))
                phaseOrder.append(phase.name);
            phases[phase.name].append(phase.ms);
        }
        (void)sandbox.down(true);
        tool.append(toolMs);

        const qint64 sameMs = timeScript(script, bin, base.path() + QStringLiteral("/same-%1").arg(round), true);
        const qint64 naiveMs = timeScript(script, bin, base.path() + QStringLiteral("/naive-%1").arg(round), false);
        same.append(sameMs);
        naive.append(naiveMs);
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(round, -6)
                   .arg(QStringLiteral("%1 ms").arg(toolMs), 12)
                   .arg(QStringLiteral("%1 ms").arg(sameMs), 12)
                   .arg(QStringLiteral("%1 ms").arg(naiveMs), 13);
        out.flush();
    }
    const qint64 toolMedian = median(tool), sameMedian = median(same), naiveMedian = median(naive);
    out << QStringLiteral("%1 %2 %3 %4\n\n")
               .arg(QStringLiteral("median"), -6)
               .arg(QStringLiteral("%1 ms").arg(toolMedian), 12)
               .arg(QStringLiteral("%1 ms").arg(sameMedian), 12)
               .arg(QStringLiteral("%1 ms").arg(naiveMedian), 13);
    if (sameMedian > 0)
        out << QStringLiteral("ratio sandbox / same script: %1\n")
                   .arg(double(toolMedian) / double(sameMedian), 0, 'f', 2);
    if (naiveMedian > 0)
        out << QStringLiteral("ratio sandbox / naive script: %1\n")
                   .arg(double(toolMedian) / double(naiveMedian), 0, 'f', 2);
    out << "\nsandbox phases (median):\n";
    for (const QString &name : std::as_const(phaseOrder))
        out << QStringLiteral("  %1 %2 ms\n").arg(name, -36).arg(median(phases[name]));
    return 0;
}
