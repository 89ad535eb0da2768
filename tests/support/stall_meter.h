#pragma once

#include <QElapsedTimer>
#include <QTimer>

// Measures how long the event loop stays away: a 10 ms timer that records the
// longest gap between two of its ticks. For the tests that say a slow peer
// (a silent address, a killed server) never holds the GUI thread up.
class StallMeter
{
public:
    StallMeter();
    // Ends the measuring: what runs after it counts no more.
    void stop() { m_timer.stop(); }
    qint64 longestMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_longest = 0;
};
