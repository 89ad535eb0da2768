#include "line_splitter.h"

void LineSplitter::feed(const QByteArray &bytes)
{
    if (!m_sink) // nobody listens: keep nothing
        return;
    m_pending.append(bytes);
    qsizetype start = 0;
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        const char c = m_pending.at(i);
        if (c != '\n' && c != '\r')
            continue;
        // "\r\n" is one line end; a "\r" at the very end may be the first half of one.
        if (c == '\r' && i + 1 == m_pending.size())
            break;
        m_sink(m_pending.mid(start, i - start));
        if (c == '\r' && m_pending.at(i + 1) == '\n')
            ++i;
        start = i + 1;
    }
    m_pending.remove(0, start);
}

void LineSplitter::finish()
{
    if (!m_sink)
        return;
    if (m_pending.endsWith('\r'))
        m_pending.chop(1);
    if (!m_pending.isEmpty())
        m_sink(m_pending);
    m_pending.clear();
}
