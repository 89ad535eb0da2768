#pragma once

#include "core/result.h"

#include <QList>

// Free TCP ports on the loopback address, for the sandbox's two servers.
// A port counts as free when this process can bind 127.0.0.1:<port> and
// nothing listens on it on any address (a listener on 0.0.0.0 makes the bind
// fail too). Checked just before a server starts; a race with another program
// is caught by the server's own bind and retried by Sandbox.
class FreePort
{
public:
    static bool isFree(int port);

    // The first free port from `from` upward (wrapping below 65535), skipping
    // `avoid` (ports already chosen for the other server).
    static Result<int> find(int from, const QList<int> &avoid = {});
};
