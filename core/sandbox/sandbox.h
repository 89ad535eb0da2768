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

class VersionRules;

struct SandboxOptions
{
    QString pgBinDir;                // empty: Debian's newest major (or the sandbox's own when it exists)
    std::optional<bool> synchronous; // empty: synchronous for a new pair, unchanged for an existing one
    // How many standbys a new sandbox gets (1 to 5); empty: 1, or as many as
    // the sandbox being reset had. An existing sandbox keeps its own.
    std::optional<int> standbys;
    // synchronous_standby_names, written as given (checked first by
    // VersionRules); an empty value makes replication asynchronous. Empty
    // optional: the first standby alone is synchronous.
    std::optional<QString> synchronousStandbyNames;
    // The standby an operation acts on (SandboxTask); empty: the first.
    QString standby;
};

// How long one phase of up() took, printed by up and by the benchmark.
struct SandboxPhase
{
    QString name;
    qint64 ms = 0;
};

// A local primary and one to five hot standbys in one folder, on free loopback ports, for
// the demo and for teaching: `replicactl sandbox`, the GUI's demo window (on
// a worker thread) and the tests use it. Every call blocks. Commands run on
// the given Host (a LocalHost) as the current user, or as the postgres
// system user when this process is root (initdb refuses root).
//
// Folder layout: sandbox.json (SandboxState), primary/ and standby/ (data
// directories; standby1/ .. standby5/ when there are several), run/ (every
// server's Unix socket), primary.log and <standby>.log, replicator.pgpass
// (0600).
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

    // The standbys a new sandbox of `count` gets: "standby" alone, else
    // "standby1" .. "standbyN".
    static QStringList standbyNamesFor(int count);

    // Input checks alone (the folder, --pg-bin, --standbys,
    // --synchronous-standby-names): an error here is the user's to fix
    // (exit status 2) and nothing was changed.
    Result<PgBinaries> checkInput(const SandboxOptions &options);

    // A fresh pair streaming (synchronous unless asked otherwise), or the
    // running one reused, or a stopped/stale one restarted. One that does not
    // start again is an error that says why, its files kept: only reset()
    // and down(true) remove a sandbox, and neither touches another program's
    // folder (a refused Error).
    Result<SandboxState> up(const SandboxOptions &options = {});
    // Every server stopped (fast); with removeFiles, the sandbox's files too.
    Result<void> down(bool removeFiles = false);
    Result<SandboxStatus> status();
    // The operations on one standby take its name; empty: the first. An
    // unknown name is refused (exit status 2).
    Result<void> stopStandby(const QString &standby = {});
    Result<void> startStandby(const QString &standby = {});
    Result<void> pauseReplay(const QString &standby = {});
    Result<void> resumeReplay(const QString &standby = {});
    // synchronous_standby_names on the primary (the sandbox's own value, or
    // the first standby), then a reload. Switching on is refused while no
    // standby it names streams (every commit would wait).
    Result<void> setSynchronous(bool synchronous);
    // synchronous_standby_names = value, as given (checked by VersionRules
    // first, a refusal when PostgreSQL would not take it), then a reload; an
    // empty value is asynchronous replication. Does not wait for the new
    // sync states: pg_stat_replication shows them within moments.
    Result<void> setSynchronousStandbyNames(const QString &value);
    // That standby becomes a primary; the old primary is switched to
    // asynchronous first so that its commits do not wait for it. The
    // other standbys keep following the old primary.
    Result<void> promote(const QString &standby = {});
    // Every server and its files gone, then a fresh sandbox like up(), with
    // as many standbys as before unless options say otherwise.
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
    // A server as a sentence names it: "the primary", "the standby"; one of
    // several standbys by its own name ("standby2").
    static QString called(const QString &name, bool sentenceStart = false);
    Result<void> ensureLoaded();
    Result<void> checkStandbyOptions(const SandboxOptions &options, const PgVersion &version,
                                     const std::optional<SandboxState> &existing) const;
    Result<SandboxState> createFresh(const PgBinaries &binaries, const SandboxOptions &options);
    Result<void> makeReplicationRole(const VersionRules &rules);
    // The first standby from a base backup (pg_basebackup, or BackupClone
    // where there is none of the major); the others copies of that copy.
    Result<void> cloneFirstStandby(const PgBinaries &binaries, const VersionRules &rules);
    Result<void> copyFirstStandby();
    Result<void> startStandbys();
    // The standby of that name (empty: the first) in m_state, or a refusal.
    Result<SandboxServer *> findStandby(const QString &name);
    // The state loaded afresh and that standby found (the start of each operation on one standby).
    Result<SandboxServer *> loadStandby(const QString &name);
    // The same, refused unless it runs as a standby (for pause and resume).
    Result<SandboxServer *> recoveringStandby(const QString &name);
    // Standbys first, then the primary.
    Result<void> stopAll();
    Result<void> readPrimaryStatus(SandboxStatus &status);
    Result<SandboxStandbyStatus> readStandbyStatus(const SandboxServer &standby);
    Result<void> changeStandbyNames(const QString &value);
    // On or off with the sandbox's synchronous_standby_names; on is refused
    // while no standby it counts on streams. wait: until the primary reports it.
    Result<void> switchSynchronous(bool synchronous, bool wait);
    // The slot of a promoted standby, dropped on the old primary once released.
    void dropSlotOf(const SandboxServer &standby);
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
    Result<void> writeStandbySettings(const SandboxServer &standby, bool firstStart = false);
    // synchronous_standby_names as the sandbox wants it: its own value, or the first standby.
    QString syncStandbyNames() const;
    Result<void> checkSettings(const SandboxServer &server);
    ConnInfo replicationConnInfo() const;

    bool isRunning(const SandboxServer &server) const;
    Result<void> cleanStale(SandboxServer &server);
    Result<void> startServer(SandboxServer &server);
    Result<void> stopServer(const SandboxServer &server);
    // Polls on the server itself (one psql, a DO loop) until the condition
    // holds or the time is up; returns whether it held.
    Result<bool> waitOn(const SandboxServer &server, const QString &condition, int timeoutMs);
    Result<void> waitForStreaming(const SandboxServer &standby, int timeoutMs);
    // Until every standby has replayed everything the primary has written so far.
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
