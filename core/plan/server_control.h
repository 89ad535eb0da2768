#pragma once

#include "core/plan/host_role.h"
#include "core/result.h"

#include <QString>
#include <QStringList>

class StepContext;

// Reloads and restarts of a running server, done so that a server is never
// lost: first the server itself is asked whether the files it would read
// load (every error row of pg_file_settings and pg_hba_file_rules, not only
// lines the plan wrote, since a bad line a reload has kept out so far stops
// a restart; postgres -C where a view is missing), and the step stops with
// PostgreSQL's own words, file and line, before the server is touched. A
// restart that fails anyway gives the files this run wrote their previous
// content back, starts the server again and checks that it answers. Every
// step that reloads or restarts a server goes through here.
class ServerControl
{
public:
    // Ok when the server's files load; else an Error naming each bad file and line.
    static Result<void> checkFilesLoad(StepContext &context, HostRole role);
    // checkFilesLoad, then pg_reload_conf().
    static Result<void> reload(StepContext &context, HostRole role);
    // checkFilesLoad, then the cluster's restart command and a wait until it answers. When that
    // fails: the files written in this run by the steps named in fileSteps get their previous
    // content back, the server is started again, and the Error says all of it.
    static Result<void> restart(StepContext &context, HostRole role, const QStringList &fileSteps);
    // The same for a server that is not running (a cluster the plan created, started only once
    // its files are written): the start command instead of the restart.
    static Result<void> start(StepContext &context, HostRole role, const QStringList &fileSteps);

    // pg_hba_file_rules reports these but PostgreSQL still loads the file (the line just never matches).
    static bool isHbaWarning(const QString &error);

private:
    // running: whether the server answers (its views can be asked), else its files are read by postgres -C.
    static Result<QStringList> settingsErrors(StepContext &context, HostRole role, bool running);
    static Result<QStringList> hbaErrors(StepContext &context, HostRole role, bool running);
    // restart() and start(); on a failure, back to the files as they were.
    static Result<void> bringUp(StepContext &context, HostRole role, bool restart, const QStringList &fileSteps);
    static QString logTail(StepContext &context, HostRole role);
    static QStringList restoreFiles(StepContext &context, const QStringList &fileSteps, QStringList &failures);
};
