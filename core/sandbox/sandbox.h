#pragma once

#include "core/conf/conninfo.h"
#include "core/host/host.h"
#include "core/result.h"
#include "core/sandbox/pg_binaries.h"
#include "core/sandbox/sandbox_state.h"
#include "core/sandbox/sandbox_status.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

struct SandboxOptions
{
    QString pgBinDir;                // empty: Debian's newest major (or the sandbox's own when it exists)
    std::optional<bool> synchronous; // empty: synchronous for a new pair, unchanged for an existing one
};

// How long one phase of up() took, printed by up and by the benchmark.
struct SandboxPhase
{
    QString name;
    qint64 ms = 0;
};

// A local primary and hot standby in one folder, on free loopback ports, for
// the demo and for teaching: `replicactl sandbox`, the GUI's demo window (on
// a worker thread) and the tests use it. Every call blocks. Commands run on
// the given Host (a LocalHost) as the current user, or as the postgres
// system user when this process is root (initdb refuses root).
//
// Folder layout: sandbox.json (SandboxState), primary/ and standby/ (data
// directories), run/ (both servers' Unix sockets), primary.log and
// standby.log, replicator.pgpass (0600).
class Sandbox
{
public:
    Sandbox(Host &host, QString dir);

    // Where a sandbox lives unless --dir says otherwise:
    // <generic data location>/replica-studio/sandbox of the user who runs the
    // servers (for root: the postgres user's, as root's home is closed to
    // postgres). Independent of the application name, so that replicactl and
    // the GUI find the same folder.
    static QString defaultDir();
    static Result<SandboxState> loadState(const QString &dir);

    // Each line of what is being done, as it happens ("initdb: 412 ms").
    void setProgress(std::function<void(const QString &)> onProgress) { m_onProgress = std::move(onProgress); }

    // Input checks alone (the folder, --pg-bin): an error here is the user's
    // to fix (exit status 2) and nothing was changed.
    Result<PgBinaries> checkInput(const SandboxOptions &options);

    // A fresh pair streaming (synchronous unless asked otherwise), or the
    // running one reused, or a stopped/stale one restarted. One that does not
    // start again is an error that says why, its files kept: only reset()
    // and down(true) remove a sandbox, and neither touches another program's
    // folder (a refused Error).
    Result<SandboxState> up(const SandboxOptions &options = {});
    // Both servers stopped (fast); with removeFiles, the sandbox's files too.
    Result<void> down(bool removeFiles = false);
    Result<SandboxStatus> status();
    Result<void> stopStandby();
    Result<void> startStandby();
    Result<void> pauseReplay();
    Result<void> resumeReplay();
    // synchronous_standby_names on the primary, then a reload. Switching on
    // is refused while the standby does not stream (every commit would wait).
    Result<void> setSynchronous(bool synchronous);
    // The standby becomes a primary; the old primary is switched to
    // asynchronous first so that its commits do not wait for it.
    Result<void> promote();
    // Both servers and their files gone, then a fresh pair like up().
    Result<SandboxState> reset(const SandboxOptions &options = {});

    // Runs SQL on one server with psql (as the servers' user, over the Unix
    // socket) and returns the rows, fields split. For the tests and the
    // command line; SQL here is ours, never user text.
    Result<QList<QStringList>> query(const SandboxServer &server, const QString &sql,
                                     const QString &database = QStringLiteral("postgres"));

    QString dir() const { return m_dir; }
    const std::optional<SandboxState> &state() const { return m_state; }
    // What the last call did, one sentence each, for printing.
    const QStringList &actions() const { return m_actions; }
    // Phases of the last up/reset that made a new pair, and the whole time.
    const QList<SandboxPhase> &phases() const { return m_phases; }
    qint64 totalMs() const { return m_totalMs; }
    bool reusedRunning() const { return m_reusedRunning; }
    // psql as a person would type it: "psql -h ... -p ... -U ... mydb".
    QString psqlCommand(const SandboxServer &server) const;

private:
    Result<void> ensureLoaded();
    Result<SandboxState> createFresh(const PgBinaries &binaries, bool synchronous);
    Result<SandboxState> resume(const SandboxOptions &options);
    Result<void> prepareFolder();
    Result<void> removeFiles();
    Result<void> saveState();

    // Runs as the servers' user unless told otherwise; a failure becomes an Error naming the action.
    Result<CommandResult> runChecked(const CommandLine &command, const QString &action, std::optional<RunAs> as = {});
    // Edits a server file with ConfFile (values checked by VersionRules);
    // with a judge, PostgreSQL reads that server's files afterwards and a
    // refused edit is undone.
    Result<void> writeConf(const QString &path, const QList<std::pair<QString, QString>> &settings,
                           const QStringList &unset = {}, const SandboxServer *judge = nullptr);
    Result<void> writePrimarySettings();
    // firstStart: a fresh copy, started once without its whole-directory fsync.
    Result<void> writeStandbySettings(bool firstStart = false);
    Result<void> checkSettings(const SandboxServer &server);
    ConnInfo replicationConnInfo() const;

    bool isRunning(const SandboxServer &server) const;
    Result<void> cleanStale(SandboxServer &server);
    Result<void> startServer(SandboxServer &server);
    Result<void> stopServer(const SandboxServer &server);
    // Polls on the server itself (one psql, a DO loop) until the condition
    // holds or the time is up; returns whether it held.
    Result<bool> waitOn(const SandboxServer &server, const QString &condition, int timeoutMs);
    Result<void> waitForStreaming(int timeoutMs);
    // Until the standby has replayed everything the primary has written so far.
    Result<void> waitForReplay(int timeoutMs);
    Result<void> applySynchronous(bool synchronous, bool wait);

    void note(const QString &action);
    void phase(const QString &name, qint64 ms);

    Host &m_host;
    QString m_dir;
    RunAs m_as;
    QString m_osUser;
    std::optional<SandboxState> m_state;
    std::optional<PgBinaries> m_binaries;
    QStringList m_actions;
    QList<SandboxPhase> m_phases;
    qint64 m_totalMs = 0;
    bool m_reusedRunning = false;
    std::function<void(const QString &)> m_onProgress;
};
