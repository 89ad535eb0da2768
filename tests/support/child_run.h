#pragma once

#include <QString>
#include <QStringList>

#include <functional>

// A program run as a child process by the integration tests (replicactl
// above all): its exit code, stdout and stderr, with an optional look at
// stdout as it arrives so that a test can act in the middle of a run (cut a
// link, kill sshd). A run past its time is killed, with a warning.
struct ChildRun
{
    int exitCode = -1; // -1: crashed or killed
    QString out;
    QString err;
    // stderr first: QVERIFY2 shows only the start of a long message.
    QString all() const { return err + QStringLiteral("\n--- end of stdout ---\n") + out.right(1500); }

    static ChildRun start(const QString &program, const QStringList &arguments,
                          const std::function<void(const QString &out)> &onOutput = {}, int timeoutMs = 300000);
};

// The replicactl of this build (the test targets define REPLICA_BINARY_DIR).
#ifdef REPLICA_BINARY_DIR
inline QString replicactlProgram()
{
    return QStringLiteral(REPLICA_BINARY_DIR "/app/replicactl/replicactl");
}
#endif
