#pragma once

#include "core/host/host.h"

// This machine as a Host, through QProcess: the demo sandbox, replicactl on
// the database machine itself, and the tests use it. Runs in the calling
// (worker) thread without an event loop. Each command gets its own process
// group, so a cancel or timeout ends everything it started. As root it
// becomes postgres with runuser; otherwise it uses sudo per privilege().
// Independent commands may run concurrently from several threads.
class LocalHost : public Host
{
public:
    LocalHost();

    QString displayName() const override;
    QString address() const override;
    QString loginUser() const override { return m_loginUser; }

    Result<CommandResult> run(const CommandLine &command, const RunOptions &options = {}) override;

    Result<QByteArray> readFile(const QString &path, RunAs as = RunAs::LoginUser) override;
    Result<WriteReport> writeFile(const QString &path, const QByteArray &content,
                                  const WriteOptions &options = {}) override;
    Result<void> appendFile(const QString &path, const QByteArray &content, RunAs as = RunAs::LoginUser) override;

private:
    QString m_loginUser;
};
