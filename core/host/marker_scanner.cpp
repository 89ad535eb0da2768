#include "marker_scanner.h"

#include <algorithm>

QByteArray MarkerScanner::feed(const QByteArray &bytes)
{
    if (m_reached)
        return {}; // the caller goes on with afterMarker()
    m_pending += bytes;
    const qsizetype at = m_pending.indexOf(m_token);
    if (at < 0) {
        qsizetype held = std::min(m_pending.size(), m_token.size() - 1);
        while (held > 0 && !m_pending.endsWith(m_token.first(held)))
            --held;
        const QByteArray output = m_pending.first(m_pending.size() - held);
        m_pending.remove(0, output.size());
        return output;
    }
    const QByteArray output = m_pending.first(at);
    m_pending.remove(0, at);
    const qsizetype newline = m_pending.indexOf('\n');
    if (newline >= 0) {
        m_trailer = m_pending.mid(m_token.size(), newline - m_token.size()).trimmed();
        m_after = m_pending.mid(newline + 1);
        m_pending.clear();
        m_reached = true;
    }
    return output;
}
