#include "free_port.h"

#include <QCoreApplication>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

bool FreePort::isFree(int port)
{
    if (port <= 0 || port > 65535)
        return false;
    // SO_REUSEADDR as PostgreSQL sets it on its listening sockets: the
    // connections a stopped server leaves in TIME_WAIT do not count, a
    // listener anywhere on the machine does.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<quint16>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return bound;
}

Result<int> FreePort::find(int from, const QList<int> &avoid)
{
    constexpr int lowest = 1024;
    constexpr int highest = 65535;
    int port = (from < lowest || from > highest) ? lowest : from;
    for (int tried = 0; tried < highest - lowest; ++tried, ++port) {
        if (port > highest)
            port = lowest;
        if (!avoid.contains(port) && isFree(port))
            return port;
    }
    return makeError(QCoreApplication::translate("Sandbox", "No free TCP port was found on 127.0.0.1. "
                                                            "Stop some servers and try again."));
}
