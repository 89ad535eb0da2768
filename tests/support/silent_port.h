#pragma once

// A loopback TCP port that never answers: a listening socket nobody accepts
// on, its one-entry queue filled by a first connection, so that the next SYN
// is dropped as on a dead network (traffic stays on loopback). For the
// connect-timeout tests of PgConnection and ReplicationSampler.
class SilentPort
{
public:
    SilentPort();
    ~SilentPort();
    SilentPort(const SilentPort &) = delete;
    SilentPort &operator=(const SilentPort &) = delete;

    int port() const { return m_port; }

private:
    int m_listener = -1;
    int m_fillers[2] = {-1, -1};
    int m_port = 0;
};
