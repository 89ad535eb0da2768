#pragma once

#include <QList>
#include <QString>

// Something wrong in a ReplicationSample that a person should see: the
// sampler finds them, the window shows them in a banner, replicactl prints
// them. `code` is stable (for tests, scripts and JSON); `message` is a
// translated sentence that says what to do.
struct ReplicationProblem
{
    enum class Severity { Warning, Critical };

    Severity severity = Severity::Warning;
    QString code;    // e.g. "primary-would-block", "standby-not-connected"
    QString subject; // the server, standby or slot it is about
    QString message;

    friend bool operator==(const ReplicationProblem &a, const ReplicationProblem &b)
    {
        return a.severity == b.severity && a.code == b.code && a.subject == b.subject && a.message == b.message;
    }
};
