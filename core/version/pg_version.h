#pragma once

#include <QString>

#include <compare>
#include <optional>

// A PostgreSQL major version (9.3 ... 18), with the minor release when known.
// Everything that differs between majors is asked of VersionRules, which is
// built from one of these; comparisons look at the major only, so 15.1 and
// 15.18 are the same major. Used by discovery, the sandbox, the monitor and
// every file editor.
class PgVersion
{
public:
    PgVersion() = default;            // invalid
    explicit PgVersion(int major);    // 10 and later: PgVersion(15)
    PgVersion(int first, int second); // 9.x: PgVersion(9, 3)

    // Accepts "9.3", "9.3.25", "15", "15.18", "15beta2", "PostgreSQL 15.18 (Debian ...) on x86_64...",
    // "postgres (PostgreSQL) 15.18", server_version "17.10" and the like.
    static std::optional<PgVersion> parse(const QString &text);
    // server_version_num: 90325 (9.3.25), 150018 (15.18).
    static PgVersion fromServerVersionNum(int number);

    bool isValid() const { return m_major > 0; }

    // 9 for 9.3, 15 for 15.
    int first() const { return m_major; }
    // 3 for 9.3; 0 from 10 on.
    int second() const { return m_second; }
    // The minor release (25 in 9.3.25, 18 in 15.18); -1 when unknown.
    int minorRelease() const { return m_minorRelease; }
    PgVersion withMinorRelease(int minorRelease) const;

    // One number per major that orders them: 903, 906, 1000, 1500.
    int majorNumber() const { return m_major * 100 + m_second; }
    // server_version_num of the major's first release (90300, 150000).
    int serverVersionNumFloor() const { return m_major >= 10 ? m_major * 10000 : m_major * 10000 + m_second * 100; }

    // "9.3", "15": how PostgreSQL names its majors (directories, packages).
    QString majorString() const;
    // "9.3.25", "15.18", or the major alone when the minor release is unknown.
    QString toString() const;

    bool atLeast(int major, int second = 0) const { return majorNumber() >= major * 100 + second; }

    friend bool operator==(const PgVersion &a, const PgVersion &b) { return a.majorNumber() == b.majorNumber(); }
    friend std::strong_ordering operator<=>(const PgVersion &a, const PgVersion &b)
    {
        return a.majorNumber() <=> b.majorNumber();
    }

private:
    int m_major = 0;
    int m_second = 0;
    int m_minorRelease = -1;
};
