#pragma once

#include "core/host/host.h"
#include "core/plan/host_role.h"
#include "core/result.h"

#include <QList>
#include <QPair>
#include <QString>

#include <atomic>
#include <functional>

class ClusterLayout;
class SetupPlan;
class VersionRules;
struct PlanChoices;

// What a psql run gave back: rows as text (unaligned, tuples only), or the
// server's error with its SQLSTATE (psql runs with VERBOSITY=verbose).
struct SqlResult
{
    bool ok = false;
    QString output;
    QString sqlState; // "25006" when the server refused
    QString message;  // the server's message without the "ERROR:  25006: " prefix
};

// What a running step gets: the plan, the live hosts by role, a log and
// progress sink, the cancel flag, and the secrets of this run (the
// replication password) that never enter the plan or its JSON. Every
// command goes through run() so that the log shows it and a failure can
// name the last command and its output. Used on PlanRunner's worker thread.
class StepContext
{
public:
    StepContext(const SetupPlan &plan, Host *primary, Host *standby, const std::atomic_bool *cancel = nullptr);

    const SetupPlan &plan() const { return m_plan; }
    const PlanChoices &choices() const;
    const VersionRules &rules() const;
    const ClusterLayout &cluster(HostRole role) const;
    Host &host(HostRole role) const;
    bool isCancelled() const { return m_cancel && m_cancel->load(); }
    const std::atomic_bool *cancelFlag() const { return m_cancel; }

    // timeoutMs of run(): 0 is commandTimeoutMs, Unbounded none (a copy
    // whose progress shows; a dead link still ends it, see SshHostConfig).
    static constexpr int Unbounded = -1;
    int commandTimeoutMs = 10 * 60 * 1000;

    // Runs a command (logged as "[primary] $ ..."), remembering it and its result.
    Result<CommandResult> run(HostRole role, const CommandLine &command, RunAs as, const QByteArray &stdinData = {},
                              int timeoutMs = 0, std::function<void(OutputChannel, const QByteArray &)> onLine = {});
    // Like run(), but a command that exits non-zero becomes an Error naming `action`.
    Result<CommandResult> runOk(HostRole role, const CommandLine &command, RunAs as, const QString &action,
                                const QByteArray &stdinData = {}, int timeoutMs = 0,
                                std::function<void(OutputChannel, const QByteArray &)> onLine = {});
    // SQL through psql on the role's cluster, as postgres, the SQL on stdin;
    // variables are passed with -v and used in the SQL as :'name' (quoted by psql).
    Result<SqlResult> query(HostRole role, const QString &database, const QString &sql,
                            const QList<QPair<QString, QString>> &variables = {});
    // query() where a server error is an Error too; returns the output trimmed.
    Result<QString> sql(HostRole role, const QString &database, const QString &sql,
                        const QList<QPair<QString, QString>> &variables = {});

    // Whether the role's cluster is made and complete (ClusterLayout::testComplete).
    Result<bool> clusterComplete(HostRole role);
    // Makes the role's cluster between the layout's startCreating() and
    // finishCreating(), so that a run cut short leaves a marker, not a half-made
    // cluster that a re-run would take for a real one. `whileMarked` runs just
    // before the marker goes (the standby marks its data directory there).
    Result<void> createCluster(HostRole role, bool dataChecksums,
                               const std::function<Result<void>()> &whileMarked = {});

    // Polls `probe` until it says true, the timeout passes (an Error naming
    // `what`) or the run is cancelled. For servers that start, standbys that
    // begin to stream, a row that reaches the standby. The probe's commands
    // are logged the first time only, then that it waits.
    Result<void> waitUntil(const std::function<Result<bool>()> &probe, int timeoutMs, const QString &what,
                           int intervalMs = 300);
    Result<void> waitUntilAccepting(HostRole role, int timeoutMs = 60000);

    void log(const QString &line) const;
    void progress(int percent, const QString &text = {}) const;
    std::function<void(const QString &)> logSink;
    std::function<void(int, const QString &)> progressSink;
    // Each output line of a command while it runs (PlanRunner tags it with its step). Not for a
    // command run with its own onLine (it reports what it reads itself, as the clone's
    // progress), nor for the probes waitUntil repeats.
    std::function<void(const QString &)> outputSink;

    // The replication password of this run (given, read from the primary's passfile, or generated).
    QString replicationPassword;
    // The monitoring role's password (given for this run, kept in the primary's passfile, or generated).
    QString monitoringPassword;

    const CommandLine &lastCommand() const { return m_lastCommand; }
    QString lastOutput() const { return m_lastOutput; }
    void forgetLastCommand();

private:
    std::function<void(OutputChannel, const QByteArray &)> outputForwarder() const;

    const SetupPlan &m_plan;
    Host *m_primary;
    Host *m_standby;
    const std::atomic_bool *m_cancel;
    CommandLine m_lastCommand;
    QString m_lastOutput;
    bool m_logCommands = true;
};
