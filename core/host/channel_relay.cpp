#include "channel_relay.h"

#include <libssh/libssh.h>

#include <cerrno>
#include <cstdint>

#include <sys/socket.h>
#include <unistd.h>

namespace {

// MSG_NOSIGNAL: a peer that went away is a failed write, not a SIGPIPE.
bool writeAll(int fd, const char *data, int size)
{
    while (size > 0) {
        const ssize_t written = ::send(fd, data, size_t(size), MSG_NOSIGNAL);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        size -= int(written);
    }
    return true;
}

} // namespace

ChannelRelay::~ChannelRelay()
{
    if (m_channel) {
        ssh_channel_close(m_channel);
        ssh_channel_free(m_channel);
    }
    if (m_fd >= 0)
        ::close(m_fd);
}

bool ChannelRelay::pump(bool localReadable)
{
    char buffer[32768];
    if (localReadable) {
        const ssize_t got = ::read(m_fd, buffer, sizeof buffer);
        if (got <= 0)
            return false;
        if (ssh_channel_write(m_channel, buffer, uint32_t(got)) != got)
            return false;
    }
    for (;;) {
        const int got = ssh_channel_read_nonblocking(m_channel, buffer, sizeof buffer, 0);
        if (got < 0)
            return false;
        if (got == 0)
            return !ssh_channel_is_eof(m_channel) && ssh_channel_is_open(m_channel);
        if (!writeAll(m_fd, buffer, got))
            return false;
    }
}
