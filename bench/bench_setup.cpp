// How long `replicactl setup --sync` takes on two fresh test hosts (Debian's
// PostgreSQL 15, no cluster) until the standby is verified, against a plain
// shell script doing the same steps by hand with ssh (one ssh per command,
// as a person writes it) on two other fresh hosts, in the same run.
//
//   bench_setup [ROUNDS] [--trace]   (default 1 round; needs root for the test hosts)
//
// Prints each time, the ratio tool/script, and the tool's time per step
// (from the moment each step's heading appears in its output; what comes
// before the first step is connecting, discovery and reading the files), so
// that what dominates is seen; the median over the rounds at the end.
// --trace prints every line of the tool's output with its time, to see
// where a step spends it. Never passes or fails on time.

#include "test_host_network.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

namespace {

QTextStream out(stdout);

// The same steps as the plan, by hand: what a DBA following a walkthrough types.
const char *handScript = R"SH(#!/bin/sh
set -eu
KEY=$1 KH=$2 P=$3 S=$4
export PGPW="$5"
V=15
p() { ssh -i "$KEY" -o UserKnownHostsFile="$KH" -o BatchMode=yes "root@$P" "$@"; }
s() { ssh -i "$KEY" -o UserKnownHostsFile="$KH" -o BatchMode=yes "root@$S" "$@"; }
p "pg_createcluster $V main -- --data-checksums >/dev/null && runuser -u postgres -- pg_ctlcluster $V main start"
printf "CREATE ROLE replicator LOGIN REPLICATION PASSWORD '%s';\n" "$PGPW" | p "runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1"
p "install -d -o postgres -g postgres -m 0700 /var/lib/postgresql/$V/main-archive && cat >> /etc/postgresql/$V/main/postgresql.conf" <<CONF
listen_addresses = '*'
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
wal_keep_size = 1024MB
max_slot_wal_keep_size = 10240MB
archive_mode = on
archive_command = 'test ! -f /var/lib/postgresql/$V/main-archive/%f && cp %p /var/lib/postgresql/$V/main-archive/%f'
hot_standby = on
CONF
p "echo 'host replication replicator $S/32 scram-sha-256' >> /etc/postgresql/$V/main/pg_hba.conf && runuser -u postgres -- pg_ctlcluster $V main restart"
p "runuser -u postgres -- psql -X -q -c \"SELECT pg_create_physical_replication_slot('standby1')\"" >/dev/null
s "pg_createcluster $V main >/dev/null && mv /var/lib/postgresql/$V/main /var/lib/postgresql/$V/main.old && install -d -o postgres -g postgres -m 0700 /var/lib/postgresql/$V/main"
printf '%s:5432:replication:replicator:%s\n' "$P" "$PGPW" | s "umask 077; cat > /var/lib/postgresql/.pgpass; chown postgres: /var/lib/postgresql/.pgpass"
s "runuser -u postgres -- pg_basebackup -h $P -U replicator -D /var/lib/postgresql/$V/main -X stream --checkpoint=fast -S standby1 -w"
s "cat >> /var/lib/postgresql/$V/main/postgresql.auto.conf && touch /var/lib/postgresql/$V/main/standby.signal && chown postgres: /var/lib/postgresql/$V/main/standby.signal && echo 'hot_standby = on' >> /etc/postgresql/$V/main/postgresql.conf && runuser -u postgres -- pg_ctlcluster $V main start" <<CONF
primary_conninfo = 'host=$P user=replicator application_name=standby1 passfile=/var/lib/postgresql/.pgpass'
primary_slot_name = 'standby1'
CONF
until [ "$(p "runuser -u postgres -- psql -X -At -c \"SELECT state FROM pg_stat_replication WHERE application_name = 'standby1'\"")" = streaming ]; do sleep 0.3; done
p "echo \"synchronous_standby_names = 'standby1'\" >> /etc/postgresql/$V/main/postgresql.conf && runuser -u postgres -- psql -X -q -c 'SELECT pg_reload_conf()'" >/dev/null
until [ "$(p "runuser -u postgres -- psql -X -At -c \"SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'\"")" = sync ]; do sleep 0.3; done
p "runuser -u postgres -- psql -X -q -c 'CREATE TABLE marker (t text); INSERT INTO marker VALUES (1)'"
until [ "$(s "runuser -u postgres -- psql -X -At -c 'SELECT count(*) FROM marker'" 2>/dev/null || true)" = 1 ]; do sleep 0.3; done
s "runuser -u postgres -- psql -X -q -c 'INSERT INTO marker VALUES (2)'" 2>&1 | grep -q 'read-only transaction'
)SH";

struct Timed
{
    qint64 ms = -1;
    int exitCode = -1;
    QString output;
    QList<QPair<QString, qint64>> steps; // heading, ms spent in it
    QString trace;                       // each output line with the ms it appeared at
};

Timed runTimed(const QString &program, const QStringList &arguments, bool splitSteps)
{
    Timed timed;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer clock;
    QString current;
    qint64 currentStart = 0;
    QString pending;
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [&] {
        pending += QString::fromUtf8(process.readAllStandardOutput());
        qsizetype newline;
        while ((newline = pending.indexOf(QLatin1Char('\n'))) >= 0) {
            const QString line = pending.left(newline);
            pending.remove(0, newline + 1);
            timed.output += line + QLatin1Char('\n');
            timed.trace += QStringLiteral("%1 %2\n").arg(clock.elapsed(), 6).arg(line);
            if (splitSteps && line.startsWith(QLatin1String("== "))) {
                timed.steps.append({current.isEmpty()
                                        ? QStringLiteral("(before the first step: connect, discover, read the files)")
                                        : current,
                                    clock.elapsed() - currentStart});
                current = line.mid(3);
                currentStart = clock.elapsed();
            }
        }
    });
    clock.start();
    process.start(program, arguments);
    process.closeWriteChannel();
    // waitForFinished() delivers readyRead as output arrives.
    while (!process.waitForFinished(100) && process.state() != QProcess::NotRunning) {
    }
    timed.ms = clock.elapsed();
    timed.output += QString::fromUtf8(process.readAllStandardOutput()) + pending;
    if (!current.isEmpty())
        timed.steps.append({current, timed.ms - currentStart});
    timed.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return timed;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    const bool trace = arguments.contains(QStringLiteral("--trace"));
    int rounds = 1;
    for (const QString &argument : arguments)
        rounds = argument.toInt() > 0 ? argument.toInt() : rounds;
    TestHostNetwork net;
    if (!net.skipReason().isEmpty()) {
        out << "bench_setup: " << net.skipReason() << '\n';
        return 2;
    }
    const QString replicactl = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/replicactl/replicactl");
    if (!QFile::exists(replicactl)) {
        out << "bench_setup: build replicactl first (" << replicactl << ")\n";
        return 2;
    }
    QTemporaryDir dir;
    const QString scriptPath = dir.filePath(QStringLiteral("setup_by_hand.sh"));
    QFile script(scriptPath);
    if (!script.open(QIODevice::WriteOnly))
        return 2;
    script.write(handScript);
    script.close();

    QList<double> ratios;
    QList<qint64> toolTimes, scriptTimes;
    for (int round = 1; round <= rounds; ++round) {
        const QList<TestHost *> hosts = net.create(4);
        if (hosts.size() != 4) {
            out << "bench_setup: could not make the test hosts\n";
            return 2;
        }
        const Timed tool =
            runTimed(replicactl,
                     {QStringLiteral("setup"), QStringLiteral("--primary"),
                      QStringLiteral("root@") + hosts[0]->address(), QStringLiteral("--standby"),
                      QStringLiteral("root@") + hosts[1]->address(), QStringLiteral("--sync"), QStringLiteral("--yes"),
                      QStringLiteral("-i"), net.clientKeyPath(), QStringLiteral("--known-hosts"), net.knownHostsPath()},
                     true);
        const Timed byHand = runTimed(QStringLiteral("sh"),
                                      {scriptPath, net.clientKeyPath(), net.knownHostsPath(), hosts[2]->address(),
                                       hosts[3]->address(), QStringLiteral("bench-Pa55word")},
                                      false);
        if (tool.exitCode != 0 || byHand.exitCode != 0) {
            out << "bench_setup: a run failed (tool " << tool.exitCode << ", script " << byHand.exitCode << ")\n"
                << tool.output.right(3000) << "\n---\n"
                << byHand.output.right(3000) << '\n';
            return 1;
        }
        const double ratio = double(tool.ms) / double(byHand.ms);
        ratios.append(ratio);
        toolTimes.append(tool.ms);
        scriptTimes.append(byHand.ms);
        out << QStringLiteral("round %1: replicactl setup --sync %2 s, shell script by hand %3 s, ratio %4\n")
                   .arg(round)
                   .arg(tool.ms / 1000.0, 0, 'f', 2)
                   .arg(byHand.ms / 1000.0, 0, 'f', 2)
                   .arg(ratio, 0, 'f', 2);
        QList<QPair<QString, qint64>> steps = tool.steps;
        std::sort(steps.begin(), steps.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
        out << "  replicactl's steps, longest first:\n";
        for (const auto &[heading, ms] : steps)
            out << QStringLiteral("    %1 ms  %2\n").arg(ms, 6).arg(heading);
        if (trace)
            out << "  replicactl's output with the ms of each line:\n" << tool.trace;
        out.flush();
    }
    std::sort(ratios.begin(), ratios.end());
    std::sort(toolTimes.begin(), toolTimes.end());
    std::sort(scriptTimes.begin(), scriptTimes.end());
    out << QStringLiteral("median over %1 rounds: replicactl %2 s, script %3 s\n")
               .arg(rounds)
               .arg(toolTimes.at(rounds / 2) / 1000.0, 0, 'f', 2)
               .arg(scriptTimes.at(rounds / 2) / 1000.0, 0, 'f', 2);
    out << QStringLiteral("median ratio replicactl/script: %1 (<= 1.0: the tool is no slower)\n")
               .arg(ratios.at(ratios.size() / 2), 0, 'f', 2);
    return 0;
}
