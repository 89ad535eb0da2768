#include "setting_grammar.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SettingGrammar", text);
}

bool isListSpace(QChar c)
{
    // scanner_isspace: what SplitGUCList skips around names.
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r') ||
           c == QLatin1Char('\f');
}

// synchronous_standby_names' tokens (syncrep_scanner.l).
enum class Token { Name, Number, Any, First, Comma, Open, Close, Junk, End };

struct Lexeme
{
    Token token = Token::End;
    QString text;
};

class SyncNamesScanner
{
public:
    SyncNamesScanner(const QString &value, bool keywords) : m_text(value.toUtf8()), m_keywords(keywords) {}

    bool unterminated() const { return m_unterminated; }

    Lexeme next()
    {
        while (m_pos < m_text.size() && isSpace(m_text.at(m_pos)))
            ++m_pos;
        if (m_pos >= m_text.size())
            return {Token::End, {}};
        const char c = m_text.at(m_pos);
        const int start = m_pos;
        if (c == '"')
            return quoted();
        if (isIdentStart(c)) {
            ++m_pos;
            while (m_pos < m_text.size() &&
                   (isIdentStart(m_text.at(m_pos)) || isDigit(m_text.at(m_pos)) || m_text.at(m_pos) == '$'))
                ++m_pos;
            const QString word = QString::fromUtf8(m_text.mid(start, m_pos - start));
            if (m_keywords && word.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0)
                return {Token::Any, word};
            if (m_keywords && word.compare(QLatin1String("first"), Qt::CaseInsensitive) == 0)
                return {Token::First, word};
            return {Token::Name, word};
        }
        if (isDigit(c)) {
            while (m_pos < m_text.size() && isDigit(m_text.at(m_pos)))
                ++m_pos;
            return {Token::Number, QString::fromLatin1(m_text.mid(start, m_pos - start))};
        }
        ++m_pos;
        switch (c) {
        case '*':
            return {Token::Name, QStringLiteral("*")};
        case ',':
            return {Token::Comma, QStringLiteral(",")};
        case '(':
            return {Token::Open, QStringLiteral("(")};
        case ')':
            return {Token::Close, QStringLiteral(")")};
        default:
            return {Token::Junk, QString::fromUtf8(m_text.mid(start, 1))};
        }
    }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    static bool isIdentStart(char c)
    {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
    }

    Lexeme quoted()
    {
        QByteArray name;
        ++m_pos;
        while (m_pos < m_text.size()) {
            if (m_text.at(m_pos) == '"') {
                if (m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == '"') {
                    name += '"';
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                return {Token::Name, QString::fromUtf8(name)};
            }
            name += m_text.at(m_pos++);
        }
        m_unterminated = true;
        return {Token::Junk, {}};
    }

    QByteArray m_text;
    int m_pos = 0;
    bool m_keywords;
    bool m_unterminated = false;
};

// syncrep_gram.y: standby_list | NUM '(' standby_list ')' | ANY NUM '(' ... ')' | FIRST NUM '(' ... ')'.
class SyncNamesParser
{
public:
    SyncNamesParser(const QString &value, bool keywords) : m_scanner(value, keywords) { advance(); }

    std::optional<QString> parse()
    {
        if (m_current.token == Token::Any || m_current.token == Token::First) {
            advance();
            if (m_current.token != Token::Number)
                return syntaxError();
            return countedList();
        }
        if (m_current.token == Token::Number) {
            const Lexeme number = m_current;
            advance();
            if (m_current.token == Token::Open) {
                m_count = number.text.toLongLong();
                return listInParentheses();
            }
            // A standby named by digits, first of a plain list.
            return restOfList();
        }
        if (auto error = name())
            return error;
        return restOfList();
    }

    qint64 count() const { return m_count; }

private:
    void advance() { m_current = m_scanner.next(); }

    std::optional<QString> countedList()
    {
        m_count = m_current.text.toLongLong();
        advance();
        if (m_current.token != Token::Open)
            return syntaxError();
        return listInParentheses();
    }

    std::optional<QString> listInParentheses()
    {
        advance();
        if (auto error = name())
            return error;
        while (m_current.token == Token::Comma) {
            advance();
            if (auto error = name())
                return error;
        }
        if (m_current.token != Token::Close)
            return syntaxError();
        advance();
        if (m_current.token == Token::End)
            return std::nullopt;
        return syntaxError();
    }

    std::optional<QString> restOfList()
    {
        while (m_current.token == Token::Comma) {
            advance();
            if (auto error = name())
                return error;
        }
        if (m_current.token == Token::End)
            return std::nullopt;
        return syntaxError();
    }

    std::optional<QString> name()
    {
        if (m_current.token != Token::Name && m_current.token != Token::Number)
            return syntaxError();
        advance();
        return std::nullopt;
    }

    QString syntaxError() const
    {
        if (m_scanner.unterminated())
            return tr("unterminated quoted identifier at end of input");
        if (m_current.token == Token::End)
            return tr("syntax error at end of input");
        return tr("syntax error at or near \"%1\"").arg(m_current.text);
    }

    SyncNamesScanner m_scanner;
    Lexeme m_current;
    qint64 m_count = 1;
};

Result<void> refuse(const QString &name, const QString &value, const PgVersion &version, const QString &reason)
{
    return makeError(tr("%1 cannot be \"%2\" in PostgreSQL %3: %4").arg(name, value, version.majorString(), reason),
                     QStringLiteral("%1 = '%2'").arg(name, value));
}

bool isHostName(const QString &text)
{
    static const QRegularExpression hostName(QStringLiteral(
        "^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\.?$"));
    return hostName.match(text).hasMatch();
}

Result<void> checkListenAddresses(const QString &value, const PgVersion &version)
{
    const QString name = QStringLiteral("listen_addresses");
    const auto addresses = SettingGrammar::splitList(value);
    if (!addresses)
        return refuse(name, value, version,
                      tr("PostgreSQL cannot read it as a list and would not start. Write * for every address, or "
                         "addresses and host names separated by commas."));
    for (const QString &address : *addresses) {
        if (address == QLatin1String("*") || !QHostAddress(address).isNull() || isHostName(address))
            continue;
        return refuse(name, value, version,
                      tr("\"%1\" is neither *, an IP address nor a host name, so PostgreSQL could not listen on it. "
                         "Write * for every address, or addresses separated by commas, without quotes around them.")
                          .arg(address));
    }
    return {};
}

Result<void> checkLogDestination(const QString &value, const PgVersion &version)
{
    const QString name = QStringLiteral("log_destination");
    QStringList allowed{QStringLiteral("stderr"), QStringLiteral("csvlog"), QStringLiteral("syslog")};
    if (version.atLeast(15))
        allowed.append(QStringLiteral("jsonlog"));
    const auto destinations = SettingGrammar::splitList(value);
    if (!destinations)
        return refuse(name, value, version,
                      tr("PostgreSQL cannot read it as a list. Use %1, separated by commas.")
                          .arg(allowed.join(QStringLiteral(", "))));
    for (const QString &destination : *destinations) {
        if (!allowed.contains(destination.toLower()))
            return refuse(name, value, version,
                          tr("\"%1\" is not a log destination here. Use %2, separated by commas.")
                              .arg(destination, allowed.join(QStringLiteral(", "))));
    }
    return {};
}

} // namespace

std::optional<QStringList> SettingGrammar::splitList(const QString &value)
{
    QStringList names;
    int i = 0;
    const int size = int(value.size());
    while (i < size && isListSpace(value.at(i)))
        ++i;
    if (i == size)
        return names;
    for (;;) {
        QString current;
        if (value.at(i) == QLatin1Char('"')) {
            ++i;
            for (;;) {
                if (i >= size)
                    return std::nullopt; // no closing quote
                if (value.at(i) == QLatin1Char('"')) {
                    if (i + 1 < size && value.at(i + 1) == QLatin1Char('"')) {
                        current += QLatin1Char('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                current += value.at(i++);
            }
            if (current.isEmpty())
                return std::nullopt;
        } else {
            const int start = i;
            while (i < size && value.at(i) != QLatin1Char(',') && !isListSpace(value.at(i)))
                ++i;
            if (i == start)
                return std::nullopt; // an empty name: ",a" or "a,,b"
            current = value.mid(start, i - start);
        }
        names.append(current);
        while (i < size && isListSpace(value.at(i)))
            ++i;
        if (i == size)
            return names;
        if (value.at(i) != QLatin1Char(','))
            return std::nullopt;
        ++i;
        while (i < size && isListSpace(value.at(i)))
            ++i;
        if (i == size)
            return std::nullopt; // a comma with nothing after it
    }
}

std::optional<QString> SettingGrammar::syncStandbyNamesError(const QString &value, const PgVersion &version)
{
    if (value.trimmed().isEmpty() || value == QLatin1String("*"))
        return std::nullopt;
    if (!version.atLeast(9, 6)) {
        if (!splitList(value))
            return tr("the list syntax is invalid");
        return std::nullopt;
    }
    SyncNamesParser parser(value, version.atLeast(10));
    if (auto error = parser.parse())
        return error;
    if (parser.count() <= 0)
        return tr("the number of synchronous standbys (%1) must be greater than zero").arg(parser.count());
    return std::nullopt;
}

Result<void> SettingGrammar::check(const QString &name, const QString &value, const PgVersion &version)
{
    const QString lower = name.toLower();
    if (lower == QLatin1String("synchronous_standby_names")) {
        if (const auto error = syncStandbyNamesError(value, version)) {
            const QString forms = version.atLeast(10)
                                      ? tr("standby names separated by commas, FIRST n (names) or ANY n (names)")
                                      : tr("standby names separated by commas");
            return refuse(name, value, version,
                          tr("%1. Write %2; double-quote a name that has spaces or capitals.").arg(*error, forms));
        }
        return {};
    }
    if (lower == QLatin1String("listen_addresses"))
        return checkListenAddresses(value, version);
    if (lower == QLatin1String("log_destination"))
        return checkLogDestination(value, version);
    if (lower == QLatin1String("shared_preload_libraries") || lower == QLatin1String("session_preload_libraries") ||
        lower == QLatin1String("local_preload_libraries")) {
        if (!splitList(value))
            return refuse(name, value, version,
                          tr("PostgreSQL cannot read it as a list of libraries. Separate the names with commas and "
                             "double-quote a name that has spaces."));
    }
    return {};
}
