#pragma once

#include <QByteArray>

// Finds a marker line in a stream of output: a token that no output can
// contain, an optional trailer, a newline. SshHost's commands print one
// before their output (with the process group), and its session shell one
// after each command (with the exit status), so that a login shell's noise
// and the next command's output stay apart from a command's own. feed()
// passes on the bytes before the marker as they come, holding back only an
// end that could be the start of the token.
class MarkerScanner
{
public:
    explicit MarkerScanner(QByteArray token) : m_token(std::move(token)) {}

    // The bytes before the marker within `bytes` (possibly some held from before).
    QByteArray feed(const QByteArray &bytes);
    bool reached() const { return m_reached; }
    // What followed the token on its line, e.g. an exit status.
    QByteArray trailer() const { return m_trailer; }
    // What came after the marker's line in the feed that reached it.
    QByteArray afterMarker() const { return m_after; }
    // Bytes held back as a possible start of the token: the stream's end
    // when it ended without the marker.
    QByteArray held() const { return m_reached ? QByteArray() : m_pending; }

private:
    QByteArray m_token;
    QByteArray m_pending;
    QByteArray m_trailer;
    QByteArray m_after;
    bool m_reached = false;
};
