#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

// replicactl's subcommands, one file each (cmd_<name>.cpp). Each gets the
// arguments after its own name and returns the process exit code:
// 0 done (and verified), 1 a step or operation failed, 2 bad input;
// setup and apply: 128 + n when signal n (SIGINT, SIGTERM) cancelled the run.
namespace ReplicaCtl {

enum ExitCode { Done = 0, Failed = 1, BadInput = 2 };

// The context lupdate gives tr() calls in namespace ReplicaCtl, so that the .ts file matches.
inline QString tr(const char *text)
{
    return QCoreApplication::translate("ReplicaCtl", text);
}

// QCommandLineParser's help names the program as started
// ("/usr/bin/replicactl [options]"); this names the subcommand too.
inline QString commandHelp(const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program);
    if (at >= 0 && at < text.indexOf(QLatin1Char('\n')))
        text.replace(at, program.size(), QStringLiteral("replicactl ") + command);
    return text;
}

int conf(const QStringList &arguments);    // edit postgresql.conf, print the diff
int hba(const QStringList &arguments);     // edit pg_hba.conf, print the diff
int setup(const QStringList &arguments);   // plan and apply a primary + standby over SSH
int apply(const QStringList &arguments);   // apply a saved plan
int status(const QStringList &arguments);  // the replication table of a pair
int watch(const QStringList &arguments);   // the replication state every interval (NDJSON with --json)
int sandbox(const QStringList &arguments); // the local demo pair

} // namespace ReplicaCtl
