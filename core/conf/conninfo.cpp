#include "core/conf/conninfo.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConnInfo", text);
}

// isspace() in the C locale, which is what libpq's parser uses.
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// When each keyword appeared in (and left) libpq, read from PQconndefaults()
// of each release from 10 to 18, and from the documentation for 9.x.
struct KeywordSpan
{
    const char *keyword;
    int since; // majorNumber(): 903, 1000, 1600
    int until; // last major that has it; 0: still there
};

const QList<KeywordSpan> &keywordSpans()
{
    static const QList<KeywordSpan> spans{
        {"authtype", 903, 1300},
        {"service", 903, 0},
        {"user", 903, 0},
        {"password", 903, 0},
        {"passfile", 1000, 0},
        {"channel_binding", 1300, 0},
        {"connect_timeout", 903, 0},
        {"dbname", 903, 0},
        {"host", 903, 0},
        {"hostaddr", 903, 0},
        {"port", 903, 0},
        {"client_encoding", 903, 0},
        {"tty", 903, 1300},
        {"options", 903, 0},
        {"application_name", 903, 0},
        {"fallback_application_name", 903, 0},
        {"keepalives", 903, 0},
        {"keepalives_idle", 903, 0},
        {"keepalives_interval", 903, 0},
        {"keepalives_count", 903, 0},
        {"tcp_user_timeout", 1200, 0},
        {"sslmode", 903, 0},
        {"sslnegotiation", 1700, 0},
        {"sslcompression", 903, 0},
        {"sslcert", 903, 0},
        {"sslkey", 903, 0},
        {"sslcertmode", 1600, 0},
        {"sslpassword", 1300, 0},
        {"sslrootcert", 903, 0},
        {"sslcrl", 903, 0},
        {"sslcrldir", 1400, 0},
        {"sslsni", 1400, 0},
        {"requirepeer", 903, 0},
        {"require_auth", 1600, 0},
        {"min_protocol_version", 1800, 0},
        {"max_protocol_version", 1800, 0},
        {"ssl_min_protocol_version", 1300, 0},
        {"ssl_max_protocol_version", 1300, 0},
        {"gssencmode", 1200, 0},
        {"krbsrvname", 903, 0},
        {"gsslib", 903, 0},
        {"gssdelegation", 1600, 0},
        {"replication", 903, 0},
        {"target_session_attrs", 1000, 0},
        {"load_balance_hosts", 1600, 0},
        {"scram_client_key", 1800, 0},
        {"scram_server_key", 1800, 0},
        {"oauth_issuer", 1800, 0},
        {"oauth_client_id", 1800, 0},
        {"oauth_client_secret", 1800, 0},
        {"oauth_scope", 1800, 0},
        {"sslkeylogfile", 1800, 0},
    };
    return spans;
}

} // namespace

QStringList ConnInfo::knownKeywords(PgVersion version)
{
    const int major = version.isValid() ? version.majorNumber() : 9900;
    QStringList keywords;
    for (const KeywordSpan &span : keywordSpans())
        if (major >= span.since && (span.until == 0 || major <= span.until))
            keywords << QLatin1String(span.keyword);
    return keywords;
}

QString ConnInfo::quoteValue(const QString &value)
{
    bool plain = !value.isEmpty();
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '.')) {
            plain = false;
            break;
        }
    }
    if (plain)
        return value;
    QString quoted = QStringLiteral("'");
    for (const QChar c : value) {
        if (c == QLatin1Char('\'') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    return quoted + QLatin1Char('\'');
}

Result<ConnInfo> ConnInfo::parse(const QString &text, PgVersion version)
{
    const QByteArray bytes = text.toUtf8();
    if (bytes.startsWith("postgresql://") || bytes.startsWith("postgres://"))
        return makeError(tr("Write the connection string as keyword=value pairs (host=... port=...); "
                            "connection URIs are not read here."),
                         text);
    const QStringList known = knownKeywords(version);
    const auto fail = [&](const QString &message) {
        return makeError(tr("The connection string is not valid: %1").arg(message), text);
    };

    ConnInfo info;
    const char *cp = bytes.constData();
    const char *end = cp + bytes.size();
    while (cp < end) {
        while (cp < end && isSpace(*cp))
            ++cp;
        if (cp >= end || *cp == '\0')
            break;
        // The keyword runs to '=' or to a space (spaces before '=' allowed).
        const char *name = cp;
        const char *nameEnd = nullptr;
        while (cp < end && *cp != '\0') {
            if (*cp == '=')
                break;
            if (isSpace(*cp)) {
                nameEnd = cp;
                while (cp < end && isSpace(*cp))
                    ++cp;
                break;
            }
            ++cp;
        }
        if (!nameEnd)
            nameEnd = cp;
        const QString keyword = QString::fromUtf8(name, nameEnd - name);
        if (cp >= end || *cp != '=')
            return fail(tr("missing \"=\" after \"%1\" in connection info string").arg(keyword));
        ++cp;
        while (cp < end && isSpace(*cp))
            ++cp;
        QByteArray value;
        if (cp >= end || *cp != '\'') {
            // Unquoted: up to a space; a backslash takes the next character.
            while (cp < end && *cp != '\0') {
                if (isSpace(*cp)) {
                    ++cp;
                    break;
                }
                if (*cp == '\\') {
                    ++cp;
                    if (cp < end && *cp != '\0')
                        value += *cp++;
                } else {
                    value += *cp++;
                }
            }
        } else {
            ++cp;
            while (true) {
                if (cp >= end || *cp == '\0')
                    return fail(tr("unterminated quoted string in connection info string"));
                if (*cp == '\\') {
                    ++cp;
                    if (cp < end && *cp != '\0')
                        value += *cp++;
                    continue;
                }
                if (*cp == '\'') {
                    ++cp;
                    break;
                }
                value += *cp++;
            }
        }
        if (!known.contains(keyword))
            return fail(tr("invalid connection option \"%1\"").arg(keyword));
        info.set(keyword, QString::fromUtf8(value));
    }
    return info;
}

QString ConnInfo::toString() const
{
    QStringList parts;
    for (const Option &option : m_options)
        parts << option.keyword + QLatin1Char('=') + quoteValue(option.value);
    return parts.join(QLatin1Char(' '));
}

void ConnInfo::set(const QString &keyword, const QString &value)
{
    for (Option &option : m_options) {
        if (option.keyword == keyword) {
            option.value = value;
            return;
        }
    }
    m_options.append({keyword, value});
}

void ConnInfo::remove(const QString &keyword)
{
    m_options.removeIf([&](const Option &option) { return option.keyword == keyword; });
}

std::optional<QString> ConnInfo::value(const QString &keyword) const
{
    for (const Option &option : m_options)
        if (option.keyword == keyword)
            return option.value;
    return std::nullopt;
}

ConnInfo ConnInfo::limitedTo(PgVersion version, QStringList *dropped) const
{
    const QStringList known = knownKeywords(version);
    ConnInfo limited;
    for (const Option &option : m_options) {
        if (known.contains(option.keyword))
            limited.m_options.append(option);
        else if (dropped)
            dropped->append(option.keyword);
    }
    return limited;
}
