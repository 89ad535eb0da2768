#include "core/conf/hba_file.h"

#include "core/version/version_rules.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QMap>

#include <netdb.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstdlib>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HbaFile", text);
}

// A token as PostgreSQL's tokenizer gives it: the text with quotes taken
// off, whether any part was quoted (a quoted keyword is a plain name), and
// the text as written (what the rule keeps, so it renders unchanged).
struct Token
{
    QByteArray text;
    QByteArray written;
    bool quoted = false;

    bool isKeyword(const char *keyword) const { return !quoted && text == keyword; }
};

using Field = QList<Token>; // a comma-separated list

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

// Splits one logical line into fields the way hba.c's next_token and
// next_field_expand do: blanks and commas before a token are skipped, a
// comma right after a token continues the list ("a, b" is one field, "a ,b"
// two), "" inside quotes is a quote, an unquoted # ends the line, and a
// token is "quoted" when it starts with a quote (so a"ll" is the keyword).
QList<Field> tokenize(const QByteArray &line)
{
    QList<Field> fields;
    qsizetype i = 0;
    const qsizetype n = line.size();
    bool continuingList = false;
    bool comment = false;
    while (i < n && !comment) {
        while (i < n && (isBlank(line[i]) || line[i] == ','))
            ++i;
        Token token;
        bool inQuote = false;
        bool wasQuote = false;
        bool sawQuote = false;
        bool comma = false;
        const qsizetype start = i;
        qsizetype end = i;
        while (i < n && line[i] != '\n' && line[i] != '\0' && (!isBlank(line[i]) || inQuote)) {
            const char c = line[i];
            if (c == '#' && !inQuote) {
                comment = true;
                break;
            }
            if (c == ',' && !inQuote) {
                comma = true;
                break;
            }
            if (c != '"' || wasQuote)
                token.text += c;
            wasQuote = inQuote && c == '"' ? !wasQuote : false;
            if (c == '"') {
                inQuote = !inQuote;
                sawQuote = true;
                if (token.text.isEmpty())
                    token.quoted = true;
            }
            ++i;
            end = i;
        }
        if (i < n && (line[i] == '\n' || line[i] == '\0'))
            comment = true; // nothing after an end of line or a NUL counts
        if (!sawQuote && token.text.isEmpty()) {
            // No token: the end of the line (or a comment) ends the field.
            continuingList = false;
            if (i >= n || comment)
                break;
            continue;
        }
        token.written = line.mid(start, end - start);
        if (continuingList && !fields.isEmpty())
            fields.last().append(token);
        else
            fields.append(Field{token});
        continuingList = comma;
    }
    return fields;
}

QStringList writtenList(const Field &field)
{
    QStringList list;
    for (const Token &token : field)
        list << QString::fromUtf8(token.written);
    return list;
}

// Token back from a written form (for rules given as HbaRule values).
Token tokenFromWritten(const QString &written)
{
    const QList<Field> fields = tokenize(written.toUtf8());
    if (fields.size() == 1 && fields.first().size() == 1)
        return fields.first().first();
    Token token;
    token.written = written.toUtf8();
    token.text = token.written;
    return token;
}

// A numeric address as getaddrinfo(AI_NUMERICHOST) reads it, which is what
// PostgreSQL uses: anything else is taken for a host name.
std::optional<QHostAddress> numericAddress(const QByteArray &text)
{
    addrinfo hints{};
    hints.ai_flags = AI_NUMERICHOST;
    hints.ai_family = AF_UNSPEC;
    addrinfo *result = nullptr;
    if (text.isEmpty() || text.contains('\0'))
        return std::nullopt;
    if (getaddrinfo(text.constData(), nullptr, &hints, &result) != 0 || !result)
        return std::nullopt;
    QHostAddress address(result->ai_addr);
    freeaddrinfo(result);
    if (address.isNull())
        return std::nullopt;
    return address;
}

// The prefix length of a CIDR suffix as pg_sockaddr_cidr_mask reads it
// (strtol, whole string, 0..32 or 0..128).
std::optional<int> cidrBits(const QByteArray &text, bool ipv6)
{
    if (text.isEmpty() || text.contains('\0'))
        return std::nullopt;
    char *end = nullptr;
    errno = 0;
    const long bits = std::strtol(text.constData(), &end, 10);
    if (*end != '\0' || errno != 0 || bits < 0 || bits > (ipv6 ? 128 : 32))
        return std::nullopt;
    return int(bits);
}

// Prefix length of a netmask address; nullopt when the ones are not contiguous
// (PostgreSQL accepts such masks, but we cannot compare them as ranges).
std::optional<int> maskBits(const QHostAddress &mask)
{
    const Q_IPV6ADDR bytes = mask.protocol() == QAbstractSocket::IPv4Protocol
                                 ? QHostAddress(QStringLiteral("::ffff:") + mask.toString()).toIPv6Address()
                                 : mask.toIPv6Address();
    const int skip = mask.protocol() == QAbstractSocket::IPv4Protocol ? 12 : 0;
    int bits = 0;
    bool zeroSeen = false;
    for (int i = skip; i < 16; ++i) {
        for (int b = 7; b >= 0; --b) {
            const bool one = bytes[i] & (1 << b);
            if (one && zeroSeen)
                return std::nullopt;
            if (one)
                ++bits;
            else
                zeroSeen = true;
        }
    }
    return bits;
}

const QStringList &connectionTypes()
{
    static const QStringList types{QStringLiteral("local"),      QStringLiteral("host"),
                                   QStringLiteral("hostssl"),    QStringLiteral("hostnossl"),
                                   QStringLiteral("hostgssenc"), QStringLiteral("hostnogssenc")};
    return types;
}

// Authentication options and the methods they belong to (PostgreSQL 15's
// parse_hba_auth_opt); an empty list means any method.
struct OptionInfo
{
    const char *name;
    QStringList methods;
    const char *methodsText = ""; // as PostgreSQL's message lists them
};

const QList<OptionInfo> &optionTable()
{
    const auto l = [](std::initializer_list<const char *> names) {
        QStringList list;
        for (const char *name : names)
            list << QLatin1String(name);
        return list;
    };
    static const QList<OptionInfo> table{
        {"map", l({"ident", "peer", "gss", "sspi", "cert"}), "ident, peer, gssapi, sspi, and cert"},
        {"clientcert", {}},
        {"clientname", {}},
        {"pamservice", l({"pam"}), "pam"},
        {"pam_use_hostname", l({"pam"}), "pam"},
        {"ldapurl", l({"ldap"}), "ldap"},
        {"ldaptls", l({"ldap"}), "ldap"},
        {"ldapscheme", l({"ldap"}), "ldap"},
        {"ldapserver", l({"ldap"}), "ldap"},
        {"ldapport", l({"ldap"}), "ldap"},
        {"ldapbinddn", l({"ldap"}), "ldap"},
        {"ldapbindpasswd", l({"ldap"}), "ldap"},
        {"ldapsearchattribute", l({"ldap"}), "ldap"},
        {"ldapsearchfilter", l({"ldap"}), "ldap"},
        {"ldapbasedn", l({"ldap"}), "ldap"},
        {"ldapprefix", l({"ldap"}), "ldap"},
        {"ldapsuffix", l({"ldap"}), "ldap"},
        {"krb_realm", l({"gss", "sspi"}), "gssapi and sspi"},
        {"include_realm", l({"gss", "sspi"}), "gssapi and sspi"},
        {"compat_realm", l({"sspi"}), "sspi"},
        {"upn_username", l({"sspi"}), "sspi"},
        {"radiusservers", l({"radius"}), "radius"},
        {"radiusserver", l({"radius"}), "radius"},
        {"radiussecrets", l({"radius"}), "radius"},
        {"radiussecret", l({"radius"}), "radius"},
        {"radiusidentifiers", l({"radius"}), "radius"},
        {"radiusidentifier", l({"radius"}), "radius"},
        {"radiusports", l({"radius"}), "radius"},
        {"radiusport", l({"radius"}), "radius"},
    };
    return table;
}

// Checks one record and fills the rule; returns the problem, if any, in
// PostgreSQL's words.
std::optional<QString> parseRuleFields(const QList<Field> &fields, const PgVersion &version, HbaRule &rule)
{
    // Facts VersionRules knows come from there; the hba-only ones (hostgssenc
    // 12+, clientcert values) stay here beside the grammar they belong to.
    const bool newest = !version.isValid();
    const auto atLeast = [&](int major, int second = 0) { return newest || version.atLeast(major, second); };

    qsizetype f = 0;
    const Field &typeField = fields[f];
    if (typeField.size() > 1)
        return QCoreApplication::translate("HbaFile", "multiple values specified for connection type");
    const Token &typeToken = typeField.first();
    const QString type = QString::fromUtf8(typeToken.text);
    if (!connectionTypes().contains(type) ||
        ((type == QLatin1String("hostgssenc") || type == QLatin1String("hostnogssenc")) && !atLeast(12)))
        return QCoreApplication::translate("HbaFile", "invalid connection type \"%1\"").arg(type);
    rule.type = type;
    const bool local = type == QLatin1String("local");

    if (++f >= fields.size())
        return QCoreApplication::translate("HbaFile", "end-of-line before database specification");
    rule.databases = writtenList(fields[f]);
    if (++f >= fields.size())
        return QCoreApplication::translate("HbaFile", "end-of-line before role specification");
    rule.users = writtenList(fields[f]);

    if (!local) {
        if (++f >= fields.size())
            return QCoreApplication::translate("HbaFile", "end-of-line before IP address specification");
        if (fields[f].size() > 1)
            return QCoreApplication::translate("HbaFile", "multiple values specified for host address");
        const Token &address = fields[f].first();
        rule.address = QString::fromUtf8(address.written);
        if (!address.isKeyword("all") && !address.isKeyword("samehost") && !address.isKeyword("samenet")) {
            const qsizetype slash = address.text.indexOf('/');
            const QByteArray host = slash >= 0 ? address.text.left(slash) : address.text;
            const std::optional<QHostAddress> ip = numericAddress(host);
            if (slash >= 0) {
                if (!ip)
                    return QCoreApplication::translate("HbaFile",
                                                       "specifying both host name and CIDR mask is invalid: \"%1\"")
                        .arg(QString::fromUtf8(address.text));
                if (!cidrBits(address.text.mid(slash + 1), ip->protocol() == QAbstractSocket::IPv6Protocol))
                    return QCoreApplication::translate("HbaFile", "invalid CIDR mask in address \"%1\"")
                        .arg(QString::fromUtf8(address.text));
            } else if (ip) {
                if (++f >= fields.size())
                    return QCoreApplication::translate("HbaFile", "end-of-line before netmask specification");
                if (fields[f].size() > 1)
                    return QCoreApplication::translate("HbaFile", "multiple values specified for netmask");
                const Token &maskToken = fields[f].first();
                const std::optional<QHostAddress> mask = numericAddress(maskToken.text);
                if (!mask)
                    return QCoreApplication::translate("HbaFile", "invalid IP mask \"%1\"")
                        .arg(QString::fromUtf8(maskToken.text));
                if (mask->protocol() != ip->protocol())
                    return QCoreApplication::translate("HbaFile", "IP address and mask do not match");
                rule.netmask = QString::fromUtf8(maskToken.written);
            }
        }
    }

    if (++f >= fields.size())
        return QCoreApplication::translate("HbaFile", "end-of-line before authentication method");
    if (fields[f].size() > 1)
        return QCoreApplication::translate("HbaFile", "multiple values specified for authentication type");
    const QString method = QString::fromUtf8(fields[f].first().text);
    rule.method = QString::fromUtf8(fields[f].first().written);
    static const QStringList methods{QStringLiteral("trust"),    QStringLiteral("reject"), QStringLiteral("md5"),
                                     QStringLiteral("password"), QStringLiteral("gss"),    QStringLiteral("ident"),
                                     QStringLiteral("peer"),     QStringLiteral("pam"),    QStringLiteral("ldap"),
                                     QStringLiteral("cert"),     QStringLiteral("radius")};
    const bool scram = method == QLatin1String("scram-sha-256") && (newest || VersionRules(version).hasScram());
    if (method == QLatin1String("sspi"))
        return QCoreApplication::translate("HbaFile", "sspi authentication is not supported on this platform");
    if (method == QLatin1String("bsd"))
        return QCoreApplication::translate("HbaFile", "bsd authentication is not supported on this platform");
    if (!methods.contains(method) && !scram)
        return QCoreApplication::translate("HbaFile", "invalid authentication method \"%1\"").arg(method);
    QString effectiveMethod = method;
    if (local && method == QLatin1String("ident"))
        effectiveMethod = QStringLiteral("peer"); // PostgreSQL turns ident on local into peer
    if (local && method == QLatin1String("gss"))
        return QCoreApplication::translate("HbaFile", "gssapi authentication is not supported on local sockets");
    if (!local && method == QLatin1String("peer"))
        return QCoreApplication::translate("HbaFile", "peer authentication is only supported on local sockets");
    if (type != QLatin1String("hostssl") && method == QLatin1String("cert"))
        return QCoreApplication::translate("HbaFile", "cert authentication is only supported on hostssl connections");

    for (++f; f < fields.size(); ++f) {
        for (const Token &option : fields[f]) {
            const qsizetype equals = option.text.indexOf('=');
            if (equals < 0)
                return QCoreApplication::translate("HbaFile", "authentication option not in name=value format: %1")
                    .arg(QString::fromUtf8(option.text));
            rule.options << QString::fromUtf8(option.written);
            const QByteArray name = option.text.left(equals);
            const QByteArray value = option.text.mid(equals + 1);
            const auto found = std::find_if(optionTable().begin(), optionTable().end(),
                                            [&](const OptionInfo &info) { return name == info.name; });
            if (found == optionTable().end())
                return QCoreApplication::translate("HbaFile", "unrecognized authentication option name: \"%1\"")
                    .arg(QString::fromUtf8(name));
            if (!found->methods.isEmpty() && !found->methods.contains(effectiveMethod))
                return QCoreApplication::translate(
                           "HbaFile", "authentication option \"%1\" is only valid for authentication methods %2")
                    .arg(QString::fromUtf8(name), QLatin1String(found->methodsText));
            if (name == "clientcert") {
                if (type != QLatin1String("hostssl"))
                    return QCoreApplication::translate("HbaFile",
                                                       "clientcert can only be configured for \"hostssl\" rows");
                // 1 and 0 up to 13; verify-ca and verify-full from 12.
                const bool numeric = (value == "1" || value == "0") && !atLeast(14);
                const bool named = (value == "verify-full" || value == "verify-ca") && atLeast(12);
                if (!numeric && !named && !(value == "no-verify" && atLeast(12) && !atLeast(14)))
                    return QCoreApplication::translate("HbaFile", "invalid value for clientcert: \"%1\"")
                        .arg(QString::fromUtf8(value));
                if (effectiveMethod == QLatin1String("cert") && value != "verify-full")
                    return QCoreApplication::translate(
                        "HbaFile", "clientcert only accepts \"verify-full\" when using \"cert\" authentication");
            }
        }
    }
    if (effectiveMethod == QLatin1String("radius")) {
        const bool hasServers = std::any_of(rule.options.begin(), rule.options.end(), [](const QString &option) {
            return option.startsWith(QLatin1String("radiusserver"));
        });
        if (!hasServers)
            return QCoreApplication::translate(
                "HbaFile", "authentication method \"radius\" requires argument \"radiusservers\" to be set");
        const bool hasSecrets = std::any_of(rule.options.begin(), rule.options.end(), [](const QString &option) {
            return option.startsWith(QLatin1String("radiussecret"));
        });
        if (!hasSecrets)
            return QCoreApplication::translate(
                "HbaFile", "authentication method \"radius\" requires argument \"radiussecrets\" to be set");
    }
    if (effectiveMethod == QLatin1String("ldap")) {
        const auto has = [&](const char *name) {
            return std::any_of(rule.options.begin(), rule.options.end(), [&](const QString &option) {
                return option.startsWith(QLatin1String(name) + QLatin1Char('='));
            });
        };
        if (!has("ldapserver") && !has("ldapurl"))
            return QCoreApplication::translate(
                "HbaFile", "authentication method \"ldap\" requires argument \"ldapserver\" to be set");
        if (!has("ldapbasedn") && !has("ldapprefix") && !has("ldapsuffix") && !has("ldapurl"))
            return QCoreApplication::translate(
                "HbaFile", "authentication method \"ldap\" requires argument \"ldapbasedn\", \"ldapprefix\", or "
                           "\"ldapsuffix\" to be set");
    }
    return std::nullopt;
}

struct Range
{
    QHostAddress address;
    int bits = -1;
};

// The address range a rule's address field names, when it is numeric.
std::optional<Range> rangeOf(const HbaRule &rule)
{
    const Token token = tokenFromWritten(rule.address);
    const qsizetype slash = token.text.indexOf('/');
    const std::optional<QHostAddress> ip = numericAddress(slash >= 0 ? token.text.left(slash) : token.text);
    if (!ip)
        return std::nullopt;
    const bool ipv6 = ip->protocol() == QAbstractSocket::IPv6Protocol;
    std::optional<int> bits;
    if (slash >= 0)
        bits = cidrBits(token.text.mid(slash + 1), ipv6);
    else if (const std::optional<QHostAddress> mask = numericAddress(tokenFromWritten(rule.netmask).text))
        bits = maskBits(*mask);
    if (!bits)
        return std::nullopt;
    return Range{*ip, *bits};
}

bool typeCovers(const QString &earlier, const QString &later)
{
    if (earlier == later)
        return true;
    if (earlier == QLatin1String("host"))
        return later != QLatin1String("local");
    // A GSSAPI-encrypted connection is not SSL, an SSL one not GSSAPI-encrypted.
    if (earlier == QLatin1String("hostnossl"))
        return later == QLatin1String("hostgssenc");
    if (earlier == QLatin1String("hostnogssenc"))
        return later == QLatin1String("hostssl");
    return false;
}

bool databasesCover(const QStringList &earlier, const QStringList &later)
{
    QList<Token> mine;
    for (const QString &written : earlier)
        mine << tokenFromWritten(written);
    for (const QString &written : later) {
        const Token wanted = tokenFromWritten(written);
        const bool found = std::any_of(mine.begin(), mine.end(), [&](const Token &token) {
            // "all" matches every database but not physical replication.
            if (token.isKeyword("all"))
                return !wanted.isKeyword("replication");
            return token.quoted == wanted.quoted && token.text == wanted.text;
        });
        if (!found)
            return false;
    }
    return true;
}

bool usersCover(const QStringList &earlier, const QStringList &later)
{
    QList<Token> mine;
    for (const QString &written : earlier)
        mine << tokenFromWritten(written);
    for (const QString &written : later) {
        const Token wanted = tokenFromWritten(written);
        const bool found = std::any_of(mine.begin(), mine.end(), [&](const Token &token) {
            return token.isKeyword("all") || (token.quoted == wanted.quoted && token.text == wanted.text) ||
                   (token.text == wanted.text && !token.text.startsWith('+') && !token.text.startsWith('@'));
        });
        if (!found)
            return false;
    }
    return true;
}

bool addressCovers(const HbaRule &earlier, const HbaRule &later)
{
    if (earlier.type == QLatin1String("local"))
        return true;
    const Token mine = tokenFromWritten(earlier.address);
    const Token theirs = tokenFromWritten(later.address);
    if (mine.isKeyword("all"))
        return true;
    if (mine.isKeyword("samehost") || mine.isKeyword("samenet") || theirs.isKeyword("samehost") ||
        theirs.isKeyword("samenet") || theirs.isKeyword("all"))
        return mine.text == theirs.text && mine.quoted == theirs.quoted;
    const std::optional<Range> myRange = rangeOf(earlier);
    const std::optional<Range> theirRange = rangeOf(later);
    if (myRange && theirRange) {
        if (myRange->address.protocol() != theirRange->address.protocol() || myRange->bits > theirRange->bits)
            return false;
        return theirRange->address.isInSubnet(myRange->address, myRange->bits);
    }
    if (myRange || theirRange)
        return false;
    // Host names: equal (case-insensitive), or a .suffix that the other ends with.
    const QString myName = QString::fromUtf8(mine.text).toLower();
    const QString theirName = QString::fromUtf8(theirs.text).toLower();
    if (myName == theirName)
        return true;
    return myName.startsWith(QLatin1Char('.')) && theirName.endsWith(myName);
}

bool sameRange(const HbaRule &a, const HbaRule &b)
{
    const std::optional<Range> ra = rangeOf(a);
    const std::optional<Range> rb = rangeOf(b);
    if (ra && rb)
        return ra->bits == rb->bits && ra->address.isInSubnet(rb->address, rb->bits);
    if (ra || rb)
        return false;
    const Token ta = tokenFromWritten(a.address);
    const Token tb = tokenFromWritten(b.address);
    return ta.text == tb.text && ta.quoted == tb.quoted;
}

bool sameList(const QStringList &a, const QStringList &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Token ta = tokenFromWritten(a[i]);
        const Token tb = tokenFromWritten(b[i]);
        if (ta.text != tb.text || ta.quoted != tb.quoted)
            return false;
    }
    return true;
}

bool sameRule(const HbaRule &a, const HbaRule &b)
{
    return a.type == b.type && sameList(a.databases, b.databases) && sameList(a.users, b.users) &&
           (a.isLocal() || sameRange(a, b)) && sameList({a.method}, {b.method}) && sameList(a.options, b.options);
}

int displayWidth(const QByteArray &text)
{
    int column = 0;
    for (const char c : text)
        column = c == '\t' ? (column / 8 + 1) * 8 : column + 1;
    return column;
}

bool isReplicationRule(const HbaRule &rule)
{
    return std::any_of(rule.databases.begin(), rule.databases.end(),
                       [](const QString &db) { return tokenFromWritten(db).isKeyword("replication"); });
}

} // namespace

HbaFile HbaFile::read(const QByteArray &text, const QString &fileName, PgVersion version)
{
    HbaFile file;
    file.m_fileName = fileName;
    file.m_version = version;
    const bool continuation = !version.isValid() || version.atLeast(14);
    qsizetype pos = 0;
    int lineNumber = 1;
    while (pos < text.size()) {
        Record record;
        record.firstLine = lineNumber;
        record.lineCount = 0;
        QByteArray logical;
        qsizetype start = pos;
        while (pos < text.size()) {
            qsizetype end = text.indexOf('\n', pos);
            const bool hasNewline = end >= 0;
            if (!hasNewline)
                end = text.size();
            QByteArray physical = text.mid(pos, end - pos);
            pos = hasNewline ? end + 1 : end;
            ++record.lineCount;
            ++lineNumber;
            if (physical.endsWith('\r'))
                physical.chop(1);
            // A backslash ending a line joins the next one, even inside quotes
            // or a comment; PostgreSQL drops both the backslash and the newline.
            if (continuation && physical.endsWith('\\')) {
                physical.chop(1);
                logical += physical;
                if (pos < text.size())
                    continue;
                break;
            }
            logical += physical;
            break;
        }
        record.raw = text.mid(start, pos - start);
        file.parseRecord(record, logical);
        file.m_records.append(record);
    }
    return file;
}

void HbaFile::parseRecord(Record &record, const QByteArray &logical)
{
    const QList<Field> fields = tokenize(logical);
    if (fields.isEmpty()) {
        record.kind = Record::Kind::Empty;
        return;
    }
    const Token &first = fields.first().first();
    const bool includeAllowed = !m_version.isValid() || VersionRules(m_version).hasHbaInclude();
    if (includeAllowed && fields.first().size() == 1 &&
        (first.isKeyword("include") || first.isKeyword("include_if_exists") || first.isKeyword("include_dir"))) {
        record.kind = Record::Kind::Include;
        record.include.kind = QString::fromUtf8(first.text);
        record.include.lineNumber = record.firstLine;
        if (fields.size() == 2 && fields[1].size() == 1) {
            record.include.path = QString::fromUtf8(fields[1].first().text);
        } else {
            record.kind = Record::Kind::Invalid;
            m_problems.append({record.firstLine,
                               fields.size() < 2 ? tr("missing file name after \"%1\"").arg(record.include.kind)
                                                 : tr("\"%1\" takes exactly one file name").arg(record.include.kind)});
        }
        return;
    }
    record.kind = Record::Kind::Rule;
    record.rule.lineNumber = record.firstLine;
    if (const std::optional<QString> problem = parseRuleFields(fields, m_version, record.rule)) {
        record.kind = Record::Kind::Invalid;
        m_problems.append({record.firstLine, *problem});
    }
}

Result<HbaFile> HbaFile::parse(const QByteArray &text, const QString &fileName, PgVersion version)
{
    HbaFile file = read(text, fileName, version);
    if (file.m_problems.isEmpty())
        return file;
    QStringList lines;
    for (const Problem &problem : file.m_problems)
        lines << tr("line %1: %2").arg(problem.line).arg(problem.message);
    const QString name = fileName.isEmpty() ? QStringLiteral("pg_hba.conf") : fileName;
    return makeError(tr("%1 has lines PostgreSQL would refuse; correct them and try again.").arg(name),
                     lines.join(QLatin1Char('\n')));
}

Result<HbaRule> HbaFile::parseRule(const QString &line, PgVersion version)
{
    if (line.contains(QLatin1Char('\n')))
        return makeError(tr("A pg_hba.conf rule is one line; remove the line break."), line);
    const QList<Field> fields = tokenize(line.toUtf8());
    if (fields.isEmpty())
        return makeError(tr("The rule is empty; write it as in pg_hba.conf, e.g. "
                            "\"host replication replicator 10.0.0.2/32 scram-sha-256\"."));
    HbaRule rule;
    if (const std::optional<QString> problem = parseRuleFields(fields, version, rule))
        return makeError(tr("This is not a valid pg_hba.conf rule: %1.").arg(*problem), line);
    return rule;
}

QByteArray HbaFile::render() const
{
    QByteArray out;
    for (const Record &record : m_records)
        out += record.raw;
    return out;
}

QList<HbaRule> HbaFile::rules() const
{
    QList<HbaRule> list;
    for (const Record &record : m_records)
        if (record.kind == Record::Kind::Rule)
            list << record.rule;
    return list;
}

QList<HbaFile::Include> HbaFile::includes() const
{
    QList<Include> list;
    for (const Record &record : m_records)
        if (record.kind == Record::Kind::Include)
            list << record.include;
    return list;
}

QString HbaFile::addedMarker()
{
    return QStringLiteral("# Added by Replica Studio");
}

bool HbaFile::covers(const HbaRule &earlier, const HbaRule &later)
{
    return typeCovers(earlier.type, later.type) && databasesCover(earlier.databases, later.databases) &&
           usersCover(earlier.users, later.users) && (later.isLocal() || addressCovers(earlier, later));
}

QList<HbaFile::Shadowing> HbaFile::shadowedRules() const
{
    const QList<HbaRule> all = rules();
    QList<Shadowing> shadowed;
    for (qsizetype i = 0; i < all.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (covers(all[j], all[i])) {
                shadowed.append({all[i].lineNumber, all[j].lineNumber});
                break;
            }
        }
    }
    return shadowed;
}

QString HbaFile::formatRule(const HbaRule &rule, const QList<int> &columns)
{
    QStringList fields{rule.type, rule.databases.join(QLatin1Char(',')), rule.users.join(QLatin1Char(','))};
    if (!rule.isLocal()) {
        fields << rule.address;
        if (!rule.netmask.isEmpty())
            fields << rule.netmask;
    }
    fields << rule.method;
    // Column of each field: type, database, user, address, method. A netmask
    // takes the method's column and pushes the method on.
    QList<int> starts;
    if (columns.size() >= 5) {
        starts = {columns[0], columns[1], columns[2]};
        if (!rule.isLocal())
            starts << columns[3];
        if (!rule.netmask.isEmpty())
            starts << columns[4];
        starts << columns[4];
    }
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            const int target = i < starts.size() ? starts[i] : 0;
            const int pad = std::max<int>(1, target - int(line.size()));
            line += QString(pad, QLatin1Char(' '));
        }
        line += fields[i];
    }
    for (const QString &option : rule.options)
        line += QLatin1Char(' ') + option;
    return line;
}

// The columns the file's rules start their fields at (the sample file's
// 0, 8, 24, 40, 64 when there are none to learn from).
QList<int> HbaFile::columns() const
{
    QList<QMap<int, int>> votes(5);
    int tabbed = 0;
    int spaced = 0;
    for (const Record &record : m_records) {
        if (record.kind != Record::Kind::Rule || record.lineCount != 1 || !record.rule.netmask.isEmpty())
            continue;
        const QByteArray head =
            record.raw.left(record.raw.indexOf('#') >= 0 ? record.raw.indexOf('#') : record.raw.size());
        (head.trimmed().contains('\t') ? tabbed : spaced)++;
        // Field starts on the physical line.
        QList<int> starts;
        const QByteArray line = record.raw;
        bool inField = false;
        bool inQuote = false;
        for (qsizetype i = 0; i < line.size() && line[i] != '#' && line[i] != '\n'; ++i) {
            const char c = line[i];
            if (c == '"')
                inQuote = !inQuote;
            const bool blank = isBlank(c) && !inQuote;
            if (!blank && !inField)
                starts << displayWidth(line.left(i));
            inField = !blank;
        }
        const bool local = record.rule.isLocal();
        const int wanted = local ? 4 : 5;
        if (starts.size() < wanted)
            continue;
        for (int k = 0; k < 3; ++k)
            votes[k][starts[k]]++;
        if (local) {
            votes[4][starts[3]]++;
        } else {
            votes[3][starts[3]]++;
            votes[4][starts[4]]++;
        }
    }
    if (tabbed > spaced)
        return {}; // one tab between fields, as the file does
    const QList<int> fallback{0, 8, 24, 40, 64};
    QList<int> result;
    for (int k = 0; k < 5; ++k) {
        int best = fallback[k];
        int count = 0;
        for (auto it = votes[k].cbegin(); it != votes[k].cend(); ++it)
            if (it.value() > count) {
                best = it.key();
                count = it.value();
            }
        result << best;
    }
    return result;
}

qsizetype HbaFile::insertionIndex(const HbaRule &rule) const
{
    // After the last non-empty record, so trailing blank lines stay last.
    qsizetype end = m_records.size();
    while (end > 0 && m_records[end - 1].kind == Record::Kind::Empty && m_records[end - 1].raw.trimmed().isEmpty())
        --end;
    if (!isReplicationRule(rule))
        return end;
    // A replication rule joins the last replication rule (the sample's
    // replication section), so it sits with its kind.
    for (qsizetype i = end - 1; i >= 0; --i)
        if (m_records[i].kind == Record::Kind::Rule && isReplicationRule(m_records[i].rule))
            return i + 1;
    return end;
}

void HbaFile::renumber()
{
    int line = 1;
    for (Record &record : m_records) {
        record.firstLine = line;
        record.rule.lineNumber = line;
        record.include.lineNumber = line;
        line += record.lineCount;
    }
}

Result<HbaFile::AddResult> HbaFile::addRule(const HbaRule &given)
{
    // Check the rule as PostgreSQL would by reading it back from its text.
    const Result<HbaRule> parsed = parseRule(formatRule(given), m_version);
    if (!parsed)
        return parsed.error();
    const HbaRule &rule = *parsed;

    AddResult result;
    // An earlier line that takes all of the rule's connections makes it
    // useless, whether the rule is new or already there.
    const auto warnIfShadowed = [&](qsizetype before) {
        for (qsizetype i = 0; i < before; ++i) {
            const Record &record = m_records[i];
            if (record.kind == Record::Kind::Rule && covers(record.rule, rule)) {
                result.warnings << tr("Line %1 (\"%2\") already matches the same connections and comes first, so "
                                      "the rule would never be used; remove or narrow line %1 if the rule is meant "
                                      "to apply.")
                                       .arg(record.firstLine)
                                       .arg(QString::fromUtf8(record.raw).simplified());
                return;
            }
        }
    };
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        if (m_records[i].kind == Record::Kind::Rule && sameRule(m_records[i].rule, rule)) {
            result.lineNumber = m_records[i].firstLine;
            warnIfShadowed(i);
            return result;
        }
    }

    const qsizetype at = insertionIndex(rule);
    warnIfShadowed(at);

    if (at == m_records.size() && !m_records.isEmpty() && !m_records.last().raw.endsWith('\n'))
        m_records.last().raw += '\n';
    // Rules added in one go share one marker comment.
    qsizetype back = at - 1;
    while (back >= 0 && m_records[back].kind == Record::Kind::Rule)
        --back;
    const bool needsMarker = !(back >= 0 && m_records[back].raw.startsWith(addedMarker().toUtf8()));
    qsizetype position = at;
    if (needsMarker) {
        Record marker;
        marker.raw = addedMarker().toUtf8() + '\n';
        m_records.insert(position++, marker);
    }
    Record record;
    record.kind = Record::Kind::Rule;
    record.rule = rule;
    const QList<int> layout = columns();
    QString line = formatRule(rule, layout);
    if (layout.isEmpty()) {
        // Tab-separated file: tabs between fields, an empty address column on local lines.
        QStringList fields{rule.type, rule.databases.join(QLatin1Char(',')), rule.users.join(QLatin1Char(','))};
        if (rule.isLocal())
            fields << QString();
        else
            fields << rule.address;
        if (!rule.netmask.isEmpty())
            fields << rule.netmask;
        fields << rule.method;
        line = fields.join(QLatin1Char('\t'));
        for (const QString &option : rule.options)
            line += QLatin1Char(' ') + option;
    }
    record.raw = line.toUtf8() + '\n';
    m_records.insert(position++, record);
    renumber();
    result.added = true;
    result.lineNumber = m_records[position - 1].firstLine;
    return result;
}

QStringList HbaFile::referencedFiles(const HbaRule &rule, const QString &hbaPath)
{
    QStringList files;
    for (const QString &token : rule.databases + rule.users) {
        if (!token.startsWith(QLatin1Char('@')) || token.size() < 2)
            continue;
        const QString name = token.mid(1);
        files.append(QDir::isAbsolutePath(name) ? name : QFileInfo(hbaPath).absolutePath() + QLatin1Char('/') + name);
    }
    return files;
}
