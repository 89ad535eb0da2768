#pragma once

struct ssh_channel_struct;

// One local socket and the SSH channel it is relayed to, byte for byte in
// both directions: a forwarded connection of SshTunnel, and the way of
// SshJump's session through its jump host. The caller holds the channel's
// SshHost::channelMutex() around pump() and the destructor, which closes both.
class ChannelRelay
{
public:
    ChannelRelay(int fd, ssh_channel_struct *channel) : m_fd(fd), m_channel(channel) {}
    ~ChannelRelay();
    ChannelRelay(const ChannelRelay &) = delete;
    ChannelRelay &operator=(const ChannelRelay &) = delete;

    int fd() const { return m_fd; }
    // Moves what is waiting in each direction (the socket only when poll()
    // said it is readable); false when the relay is over: either side ended
    // or failed.
    bool pump(bool localReadable);

private:
    int m_fd;
    ssh_channel_struct *m_channel;
};
