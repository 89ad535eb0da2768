#include "stall_meter.h"

StallMeter::StallMeter()
{
    m_timer.setInterval(10);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { m_longest = qMax(m_longest, m_sinceTick.restart()); });
    m_sinceTick.start();
    m_timer.start();
}
