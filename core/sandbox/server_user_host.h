#pragma once

#include "core/host/host.h"

// The sandbox's host as shared code sees it: what asks to run as postgres
// runs as the user who owns the sandbox's servers. Run as root that is the
// postgres system user (unchanged); run as a plain user it is that user
// itself, who cannot become postgres and need not. Lets Sandbox hand its
// host to code written for real clusters (BackupClone) without sudo.
class ServerUserHost : public Host
{
public:
    ServerUserHost(Host &inner, RunAs serverUser) : m_inner(inner), m_serverUser(serverUser) {}

    QString displayName() const override { return m_inner.displayName(); }
    QString address() const override { return m_inner.address(); }
    QString loginUser() const override { return m_inner.loginUser(); }

    Result<CommandResult> run(const CommandLine &command, const RunOptions &options = {}) override
    {
        RunOptions mapped = options;
        mapped.as = map(options.as);
        return m_inner.run(command, mapped);
    }
    Result<QByteArray> readFile(const QString &path, RunAs as = RunAs::LoginUser) override
    {
        return m_inner.readFile(path, map(as));
    }
    Result<WriteReport> writeFile(const QString &path, const QByteArray &content,
                                  const WriteOptions &options = {}) override
    {
        WriteOptions mapped = options;
        mapped.as = map(options.as);
        return m_inner.writeFile(path, content, mapped);
    }
    Result<void> appendFile(const QString &path, const QByteArray &content, RunAs as = RunAs::LoginUser) override
    {
        return m_inner.appendFile(path, content, map(as));
    }

private:
    RunAs map(RunAs as) const { return as == RunAs::Postgres ? m_serverUser : as; }

    Host &m_inner;
    RunAs m_serverUser;
};
