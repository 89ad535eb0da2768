#pragma once

#include "core/host/command_line.h"
#include "core/result.h"
#include "core/version/pg_version.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>

class Host;

// What BackupClone needs to know about the two servers.
struct CloneOptions
{
    PgVersion version;      // the primary's major: picks the backup functions
    QString primaryDataDir; // read as the postgres user
    // How psql on the primary reaches the server, as the postgres OS user
    // (peer or trust on the Unix socket, as a Debian cluster has it).
    QString psqlPath = QStringLiteral("psql");
    QString socketDir = QStringLiteral("/var/run/postgresql");
    int port = 5432;
    QString user = QStringLiteral("postgres");
    QString standbyDataDir; // made when missing, refused when not empty
    // A physical slot for the standby, made (reserving WAL from now) when
    // missing, so that the standby streams from where the backup starts.
    QString slotName;
    // Also copy the WAL segments from the backup's start to its stop, so that
    // the copy reaches a consistent state without the primary (like
    // pg_basebackup -X fetch); kept by a temporary slot meanwhile (10+).
    bool copyWal = true;
    QString label = QStringLiteral("replica-studio clone");
};

// What a finished clone did.
struct CloneReport
{
    QString startLsn;
    QString stopLsn;
    QString startWalFile;
    QString stopWalFile;
    qint64 bytes = 0; // through this process, data directory and WAL
    int walSegments = 0;
    bool slotCreated = false;
    qint64 durationMs = 0;
};

// Clones a running primary's data directory onto a standby host through
// PostgreSQL's low-level backup API, for a standby whose pg_basebackup is
// older than the primary (15's refuses a 17 server). One command on the
// primary holds the backup session open in psql (pg_backup_start /
// pg_backup_stop from 15, non-exclusive pg_start_backup / pg_stop_backup from
// 9.6), streams the data directory as tar without what the documentation says
// to leave out, then backup_label, tablespace_map and the WAL segments of the
// backup; this process pipes that stream into tar -x on the standby. The
// setup plan wraps it as a step; the version-matrix tests run it on 15 to 18.
// Tablespaces are not handled (refused with a message).
class BackupClone
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    // Blocks until the copy is complete (call it from a worker thread). The
    // two sides run at once: primary and standby must be two Host objects,
    // or one that runs commands concurrently (LocalHost; an SshHost runs one
    // command at a time).
    // progress runs on the calling thread; total is the data directory's size
    // (0 until known) and grows when the stream turns out bigger. cancel, set
    // from any thread, ends both sides: the backup is aborted by the server
    // when psql goes, the partial copy is removed and a slot made here dropped.
    static Result<CloneReport> run(Host &primary, Host &standby, const CloneOptions &options,
                                   const Progress &progress = {}, const std::atomic_bool *cancel = nullptr);

    // The commands run on each side, for the plan to show.
    static Result<CommandLine> primaryCommand(const CloneOptions &options);
    static CommandLine standbyCommand(const CloneOptions &options);
};
