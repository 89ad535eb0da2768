#pragma once

#include "core/host/command_line.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

// What a command that started did, on any Host. A command that could not be
// started at all (host unreachable, connection lost) is an Error instead.
// explain() turns it into a sentence a DBA can act on; every caller that
// reports a failed command uses it, so exit statuses read the same everywhere.
struct CommandResult
{
    CommandLine command;
    int exitCode = -1;  // 128 + n when ended by signal n, as a shell reports it
    QString exitSignal; // "KILL", "TERM", ... when ended by a signal
    QByteArray stdOut;
    QByteArray stdErr;
    qint64 durationMs = 0;
    bool timedOut = false;
    bool cancelled = false;

    bool succeeded() const { return exitCode == 0 && !timedOut && !cancelled; }

    // "pg_ctl stopped with exit status 1: <last stderr lines>" turned into a
    // sentence with what the status usually means and what to check.
    QString explain() const;

    // An Error for a failed command: message "Could not <action>. <explain()>",
    // detail the command line and its whole stderr.
    Error toError(const QString &action) const;

    // The last `count` non-empty lines of stderr (or stdout when stderr is
    // empty), for messages.
    QString lastOutputLines(int count = 3) const;
};

// Signal names as CommandResult::exitSignal spells them ("KILL" for 9) and
// back; a number without a name here is spelt as the number.
QString signalName(int number);
int signalNumber(const QString &name);
