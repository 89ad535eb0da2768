#pragma once

#include "core/host/ssh_host.h"

#include <atomic>
#include <memory>
#include <thread>

class ChannelRelay;

// The way to a host behind a jump host (ProxyJump), made natively: an
// SshHost logged in to the jump host (its key checked against known_hosts
// and the prompts like any other host's), a direct-tcpip channel from there
// to the target, and a socket pair whose one end libssh takes as the
// target session's socket (SSH_OPTIONS_FD) while a thread relays the other
// end to the channel. SshHost makes one per connection to a host with
// ProxyJump; a chain of hops is a jump host that itself has one.
class SshJump
{
public:
    // Connects to the jump host and opens the channel to target:port.
    static Result<std::unique_ptr<SshJump>> open(const SshHostConfig &jumpHost, const QString &targetHost,
                                                 int targetPort, const std::atomic_bool *cancel);
    // Stops the relay and drops the jump host's session: waits for no
    // network, only for the relay thread's next round (milliseconds).
    ~SshJump();
    SshJump(const SshJump &) = delete;
    SshJump &operator=(const SshJump &) = delete;

    // The target session's end of the socket pair, for SSH_OPTIONS_FD.
    // libssh does not close a socket it was given: this does, once the
    // session that used it is freed.
    int sessionSocket() const { return m_sessionSocket; }
    QString jumpHostName() const { return m_host->displayName(); }

private:
    SshJump() = default;
    void relay();

    std::unique_ptr<SshHost> m_host;
    std::unique_ptr<ChannelRelay> m_relay;
    int m_sessionSocket = -1;
    std::atomic_bool m_stop{false};
    std::thread m_thread;
};
