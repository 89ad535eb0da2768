#include "core/version/pg_version.h"

#include <QRegularExpression>

PgVersion::PgVersion(int major) : m_major(major > 0 ? major : 0)
{
}

PgVersion::PgVersion(int first, int second)
{
    if (first <= 0 || second < 0)
        return;
    m_major = first;
    // Before 10 the major was two numbers (9.3); from 10 on the second number is the minor release.
    if (first < 10)
        m_second = second;
    else
        m_minorRelease = second;
}

PgVersion PgVersion::withMinorRelease(int minorRelease) const
{
    PgVersion copy = *this;
    copy.m_minorRelease = minorRelease;
    return copy;
}

std::optional<PgVersion> PgVersion::parse(const QString &text)
{
    // The first number that looks like a version: "9.3.25", "15.18", "17beta1", "15".
    // "PostgreSQL 15.18 (Debian 15.18-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc ..."
    // has later numbers too, so the first match wins; a word boundary keeps "x86_64" out.
    static const QRegularExpression pattern(
        QStringLiteral(R"((?<![\w.])(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:(?:devel|beta\d*|rc\d*))?(?!\w))"));
    auto it = pattern.globalMatch(text.trimmed());
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        bool ok = false;
        const int first = match.captured(1).toInt(&ok);
        if (!ok || first <= 0)
            continue;
        const bool hasSecond = match.hasCaptured(2) && !match.captured(2).isEmpty();
        const bool hasThird = match.hasCaptured(3) && !match.captured(3).isEmpty();
        if (first < 10) {
            // 9.x needs its second number; 8.x and older are not PostgreSQL majors we know, but parse them.
            if (!hasSecond)
                continue;
            PgVersion version(first, match.captured(2).toInt());
            if (hasThird)
                version.m_minorRelease = match.captured(3).toInt();
            return version;
        }
        if (first > 99)
            continue; // a year, a build number: not a major
        // 10+ has two numbers; a third (an npm build's "17.10.0") is packaging, not PostgreSQL's.
        (void)hasThird;
        PgVersion version(first);
        if (hasSecond)
            version.m_minorRelease = match.captured(2).toInt();
        return version;
    }
    return std::nullopt;
}

PgVersion PgVersion::fromServerVersionNum(int number)
{
    if (number <= 0)
        return {};
    if (number >= 100000) {
        PgVersion version(number / 10000);
        version.m_minorRelease = number % 10000;
        return version;
    }
    PgVersion version(number / 10000, (number / 100) % 100);
    version.m_minorRelease = number % 100;
    return version;
}

QString PgVersion::majorString() const
{
    if (!isValid())
        return {};
    if (m_major < 10)
        return QStringLiteral("%1.%2").arg(m_major).arg(m_second);
    return QString::number(m_major);
}

QString PgVersion::toString() const
{
    if (!isValid())
        return {};
    if (m_minorRelease < 0)
        return majorString();
    return QStringLiteral("%1.%2").arg(majorString()).arg(m_minorRelease);
}
