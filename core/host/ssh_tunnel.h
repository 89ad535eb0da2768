#pragma once

#include "core/host/ssh_host.h"

#include <QObject>

#include <atomic>
#include <memory>

// A local TCP port on 127.0.0.1 that leads, through SSH port forwarding
// (libssh direct-tcpip), to a port as the remote machine sees it: how the
// replication panel and the console reach a server that listens on
// localhost only, the way `ssh -L` would. It runs on an SSH session of its
// own, on a thread of its own, so that a long command on the same host (a
// pg_basebackup) never stalls the panel. Each connection to the local port
// gets a channel of its own; a dropped session is opened again by the next
// connection. libpq connects to host=127.0.0.1 port=localPort(). The host
// may be an ~/.ssh/config alias, behind jump hosts too (SshHost does that);
// with no prompts here, every key on the way must be known already.
class SshTunnel : public QObject
{
    Q_OBJECT

public:
    // target: the host and port as the remote machine resolves them
    // ("localhost", 5432 for a server on that machine).
    SshTunnel(SshHostConfig config, QString targetHost, int targetPort, QObject *parent = nullptr);
    // Closes every forwarded connection and the session in the background:
    // never waits for the network.
    ~SshTunnel() override;

    // Logs in and listens in the background; ready() or failed() follows.
    void start();
    int localPort() const { return m_localPort; } // 0 until ready()

    // At a program's end, once its tunnels are gone: waits (at most
    // timeoutMs) for their workers to close their SSH sessions, so that
    // none is still running while the process tears down. True when all ended.
    static bool waitForWorkers(int timeoutMs);

signals:
    void ready(int localPort);
    void failed(const QString &message);           // could not log in or listen: the tunnel stopped
    void connectionFailed(const QString &message); // one forwarded connection could not be opened

private:
    struct Shared;

    SshHostConfig m_config;
    QString m_targetHost;
    int m_targetPort;
    int m_localPort = 0;
    std::shared_ptr<Shared> m_shared; // with the worker, which may outlive this object
};
