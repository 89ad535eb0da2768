#pragma once

#include "core/result.h"
#include "core/version/pg_version.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A libpq connection string in keyword=value form, as primary_conninfo
// holds it: parsed and quoted exactly as libpq's conninfo_parse does, and
// limited to the keywords the libpq of a given major knows (a standby's
// walreceiver refuses the whole string for one keyword it does not know:
// "invalid connection option "channel_binding"" on 11). Used by
// RecoverySettings, the setup plan and discovery.
class ConnInfo
{
public:
    struct Option
    {
        QString keyword;
        QString value;
    };

    ConnInfo() = default;

    // Keyword/value form only. Unknown keywords are refused with libpq's
    // message; `version` is the major whose libpq reads the string (invalid:
    // the newest we know).
    static Result<ConnInfo> parse(const QString &text, PgVersion version = {});

    // keyword=value pairs separated by one space, in the order set; values
    // quoted only when libpq needs it.
    QString toString() const;

    // Sets (replacing an earlier value in place) or appends a keyword.
    void set(const QString &keyword, const QString &value);
    void remove(const QString &keyword);
    std::optional<QString> value(const QString &keyword) const;
    bool contains(const QString &keyword) const { return value(keyword).has_value(); }
    const QList<Option> &options() const { return m_options; }
    bool isEmpty() const { return m_options.isEmpty(); }

    // The same connection string without the keywords that major's libpq
    // does not know; those dropped are listed in `dropped`.
    ConnInfo limitedTo(PgVersion version, QStringList *dropped = nullptr) const;

    // The keywords libpq of that major accepts (PQconndefaults of that release).
    static QStringList knownKeywords(PgVersion version);

    // One value as libpq wants it: bare when it holds only letters, digits,
    // '_' and '.', else in single quotes with \ and ' escaped by a backslash.
    static QString quoteValue(const QString &value);

private:
    QList<Option> m_options;
};
