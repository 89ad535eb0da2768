#include "ssh_jump.h"

#include "core/host/channel_relay.h"

#include <QCoreApplication>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

Result<std::unique_ptr<SshJump>> SshJump::open(const SshHostConfig &jumpHost, const QString &targetHost, int targetPort,
                                               const std::atomic_bool *cancel)
{
    std::unique_ptr<SshJump> jump(new SshJump);
    jump->m_host = std::make_unique<SshHost>(jumpHost);
    auto failed = [&](const Error &error) {
        return makeError(QCoreApplication::translate("SshJump", "Could not reach %1:%2 through the jump host %3: %4")
                             .arg(targetHost)
                             .arg(targetPort)
                             .arg(jump->m_host->displayName(), error.message),
                         error.detail);
    };
    if (Result<void> connected = jump->m_host->connect(cancel); !connected)
        return failed(connected.error());
    Result<ssh_channel_struct *> channel = jump->m_host->openForwardChannel(targetHost, targetPort, 22, cancel);
    if (!channel)
        return failed(channel.error());
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
        std::lock_guard lock(jump->m_host->channelMutex());
        ChannelRelay unused(-1, channel.value());
        return makeError(
            QCoreApplication::translate("SshJump", "Could not make a local socket pair for the jump host %1.")
                .arg(jump->m_host->displayName()));
    }
    jump->m_relay = std::make_unique<ChannelRelay>(ends[0], channel.value());
    jump->m_sessionSocket = ends[1];
    jump->m_thread = std::thread(&SshJump::relay, jump.get());
    return jump;
}

SshJump::~SshJump()
{
    m_stop = true;
    // A relay blocked writing to a session that no longer reads gets its
    // write refused now, instead of waiting for ever.
    if (m_sessionSocket >= 0)
        ::shutdown(m_sessionSocket, SHUT_RDWR);
    if (m_thread.joinable())
        m_thread.join();
    if (m_sessionSocket >= 0)
        ::close(m_sessionSocket);
}

void SshJump::relay()
{
    while (!m_stop) {
        pollfd watched{m_relay->fd(), POLLIN, 0};
        // Short waits: the jump host's data arrives on its SSH socket, which
        // libssh reads inside pump().
        ::poll(&watched, 1, 5);
        std::lock_guard lock(m_host->channelMutex());
        if (!m_relay->pump(watched.revents & (POLLIN | POLLHUP | POLLERR)))
            break;
    }
    // Closing our end tells the target's session that the way is gone.
    std::lock_guard lock(m_host->channelMutex());
    m_relay.reset();
}
