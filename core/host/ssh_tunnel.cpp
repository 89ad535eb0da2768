#include "ssh_tunnel.h"

#include "core/host/channel_relay.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <libssh/libssh.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace {

// A listening socket on 127.0.0.1 and a free port; -1 when none could be made.
int listenOnLoopback(int *port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(fd, 16) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        ::close(fd);
        return -1;
    }
    *port = ntohs(address.sin_port);
    return fd;
}

// The workers still running, so that a program can let them close their
// sessions before it exits. Never destroyed: a worker may end after main().
struct Workers
{
    std::mutex mutex;
    std::condition_variable done;
    int running = 0;
};

Workers &workers()
{
    static auto *all = new Workers;
    return *all;
}

} // namespace

// What the tunnel and its worker share; the worker may outlive the tunnel.
struct SshTunnel::Shared
{
    std::atomic_bool stop{false};
};

namespace {

// Emits from the worker; lives in the tunnel's thread, so queued deliveries
// are dropped by Qt once the tunnel is gone.
class Relay : public QObject
{
    Q_OBJECT
signals:
    void ready(int port);
    void failed(const QString &message);
    void connectionFailed(const QString &message);
};

void forwardConnections(SshHost &host, int listenFd, int port, const QString &targetHost, int targetPort,
                        const std::atomic_bool &stop, Relay *relay)
{
    std::vector<std::unique_ptr<ChannelRelay>> forwards;
    while (!stop) {
        std::vector<pollfd> watched{{listenFd, POLLIN, 0}};
        for (const auto &forward : forwards)
            watched.push_back({forward->fd(), POLLIN, 0});
        // Short waits: data from the server arrives on the SSH socket, which
        // libssh reads inside ssh_channel_read_nonblocking below.
        ::poll(watched.data(), nfds_t(watched.size()), 5);
        std::vector<bool> readable;
        for (size_t i = 1; i < watched.size(); ++i)
            readable.push_back(watched[i].revents & (POLLIN | POLLHUP | POLLERR));
        readable.resize(forwards.size() + 1, false); // room for one accepted now
        if (watched[0].revents & POLLIN) {
            const int client = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
            if (client >= 0) {
                Result<ssh_channel> channel = host.openForwardChannel(targetHost, targetPort, port, &stop);
                if (channel) {
                    forwards.push_back(std::make_unique<ChannelRelay>(client, channel.value()));
                } else {
                    ::close(client);
                    emit relay->connectionFailed(channel.error().fullText());
                }
            }
        }
        std::lock_guard lock(host.channelMutex());
        std::vector<std::unique_ptr<ChannelRelay>> going;
        for (size_t i = 0; i < forwards.size(); ++i)
            if (forwards[i]->pump(readable[i]))
                going.push_back(std::move(forwards[i]));
        forwards = std::move(going);
    }
    std::lock_guard lock(host.channelMutex());
    forwards.clear();
}

// Logs in, listens and forwards until stop; the SSH session is closed on return.
void runWorker(const std::atomic_bool &stop, Relay *relay, const SshHostConfig &config, const QString &targetHost,
               int targetPort)
{
    SshHost host(config);
    if (Result<void> connected = host.connect(&stop); !connected) {
        emit relay->failed(connected.error().fullText());
        return;
    }
    int port = 0;
    const int listenFd = listenOnLoopback(&port);
    if (listenFd < 0) {
        emit relay->failed(SshTunnel::tr("Could not listen on a local port for the SSH tunnel: %1.")
                               .arg(QString::fromLocal8Bit(strerror(errno))));
        return;
    }
    emit relay->ready(port);
    forwardConnections(host, listenFd, port, targetHost, targetPort, stop, relay);
    ::close(listenFd);
}

} // namespace

SshTunnel::SshTunnel(SshHostConfig config, QString targetHost, int targetPort, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_targetHost(std::move(targetHost)), m_targetPort(targetPort)
{
    // Unknown keys cannot be asked about from the tunnel's thread: the
    // caller trusts the host first (known_hosts or acceptedFingerprint).
    m_config.prompts = nullptr;
}

SshTunnel::~SshTunnel()
{
    if (m_shared)
        m_shared->stop = true;
}

void SshTunnel::start()
{
    if (m_shared)
        return;
    m_shared = std::make_shared<Shared>();
    auto *relay = new Relay; // deleted later in this thread, after its signals
    connect(
        relay, &Relay::ready, this,
        [this](int port) {
            m_localPort = port;
            emit ready(port);
        },
        Qt::QueuedConnection);
    connect(relay, &Relay::failed, this, &SshTunnel::failed, Qt::QueuedConnection);
    connect(relay, &Relay::connectionFailed, this, &SshTunnel::connectionFailed, Qt::QueuedConnection);
    // Detached: stopping is a flag the worker sees within milliseconds, or
    // once a login under way ends; nobody waits for it.
    {
        std::lock_guard lock(workers().mutex);
        ++workers().running;
    }
    std::thread([shared = m_shared, relay, config = m_config, targetHost = m_targetHost, targetPort = m_targetPort] {
        runWorker(shared->stop, relay, config, targetHost, targetPort);
        relay->deleteLater();
        std::lock_guard lock(workers().mutex);
        --workers().running;
        workers().done.notify_all();
    }).detach();
}

bool SshTunnel::waitForWorkers(int timeoutMs)
{
    bool ended = false;
    {
        std::unique_lock lock(workers().mutex);
        ended =
            workers().done.wait_for(lock, std::chrono::milliseconds(timeoutMs), [] { return workers().running == 0; });
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // their relays
    return ended;
}

#include "ssh_tunnel.moc"
