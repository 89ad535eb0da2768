#include "ssh_destination.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

#include <pwd.h>
#include <unistd.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SshDestination", text);
}

// OpenSSH stops following Include this deep (READCONF_MAX_DEPTH).
constexpr int maxIncludeDepth = 16;

// OpenSSH's %-tokens: each %x of `tokens` replaced, %% a lone %.
QString expandTokens(const QString &value, const QList<std::pair<QString, QString>> &tokens)
{
    QString expanded;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value[i] != QLatin1Char('%') || i + 1 == value.size()) {
            expanded += value[i];
            continue;
        }
        const QString token = value.mid(i, 2);
        ++i;
        if (token == QLatin1String("%%")) {
            expanded += QLatin1Char('%');
            continue;
        }
        const auto found =
            std::find_if(tokens.begin(), tokens.end(), [&](const auto &pair) { return pair.first == token; });
        expanded += found != tokens.end() ? found->second : token;
    }
    return expanded;
}

QString expandTilde(const QString &path)
{
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

// A line's keyword and its arguments: "Key value", "Key=value", arguments
// in double quotes may hold spaces, # starts a comment.
bool splitLine(const QString &line, QString *keyword, QStringList *arguments)
{
    static const QRegularExpression head(QStringLiteral("^\\s*([A-Za-z]+)\\s*(?:=\\s*|\\s+|$)"));
    const QRegularExpressionMatch match = head.match(line);
    if (!match.hasMatch())
        return false;
    *keyword = match.captured(1).toLower();
    arguments->clear();
    static const QRegularExpression word(QStringLiteral("\"([^\"]*)\"|([^\\s\"]+)"));
    const QString rest = line.mid(match.capturedEnd());
    for (auto it = word.globalMatch(rest); it.hasNext();) {
        const QRegularExpressionMatch part = it.next();
        if (part.captured(2).startsWith(QLatin1Char('#')))
            break;
        *arguments << (part.capturedStart(1) >= 0 ? part.captured(1) : part.captured(2));
    }
    return true;
}

// OpenSSH's patterns: * any run, ? one character, case-insensitive.
bool wildcardMatches(const QString &pattern, const QString &name)
{
    QString expression;
    for (const QChar c : pattern) {
        if (c == QLatin1Char('*'))
            expression += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            expression += QLatin1Char('.');
        else
            expression += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(expression),
                              QRegularExpression::CaseInsensitiveOption)
        .match(name)
        .hasMatch();
}

// A Host line applies when one of its patterns matches and none of its
// negated (!pattern) ones does.
bool hostLineMatches(const QStringList &patterns, const QString &name)
{
    bool matched = false;
    for (const QString &pattern : patterns) {
        if (pattern.startsWith(QLatin1Char('!'))) {
            if (wildcardMatches(pattern.mid(1), name))
                return false;
        } else if (wildcardMatches(pattern, name)) {
            matched = true;
        }
    }
    return matched;
}

// Walks the config files for one alias; the first value of a keyword wins.
class ConfigWalk
{
public:
    explicit ConfigWalk(QString alias) : m_alias(std::move(alias)) {}

    // includeBase: where a relative Include is (~/.ssh, or /etc/ssh for the system's file).
    Result<void> readTopFile(const QString &path, const QString &includeBase)
    {
        m_includeBase = includeBase;
        return readFile(path, 0);
    }

    Result<void> readFile(const QString &path, int depth)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeRefusal(
                QCoreApplication::translate(
                    "SshDestination",
                    "Could not read the SSH config file %1. Check that it exists and that you may read it.")
                    .arg(path),
                file.errorString());
        bool active = true; // before the first Host line, everything applies
        int lineNumber = 0;
        while (!file.atEnd()) {
            ++lineNumber;
            QString keyword;
            QStringList arguments;
            if (!splitLine(QString::fromUtf8(file.readLine()), &keyword, &arguments))
                continue;
            if (keyword == QLatin1String("host")) {
                active = hostLineMatches(arguments, m_alias);
            } else if (keyword == QLatin1String("match")) {
                // Only "Match all" is understood; other criteria (exec,
                // canonical, user...) are not taken as a match.
                active =
                    arguments.size() == 1 && arguments.first().compare(QLatin1String("all"), Qt::CaseInsensitive) == 0;
            } else if (active) {
                if (auto taken = take(keyword, arguments, depth); !taken) {
                    Error error = taken.error();
                    error.detail = QStringLiteral("%1:%2").arg(path).arg(lineNumber);
                    return error;
                }
            }
        }
        return {};
    }

    SshDestination result() const
    {
        SshDestination destination;
        destination.alias = m_alias;
        destination.user = m_user.value_or(QString());
        destination.port = m_port.value_or(0);
        destination.host = m_hostName ? expandHostName(*m_hostName) : m_alias;
        if (m_proxyJump && m_proxyJump->compare(QLatin1String("none"), Qt::CaseInsensitive) != 0)
            destination.proxyJump = m_proxyJump->split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &file : m_identityFiles)
            destination.identityFiles << expandPath(file, destination);
        if (m_knownHostsFile && m_knownHostsFile->compare(QLatin1String("none"), Qt::CaseInsensitive) != 0)
            destination.knownHostsFile = expandPath(*m_knownHostsFile, destination);
        return destination;
    }

private:
    Result<void> take(const QString &keyword, const QStringList &arguments, int depth)
    {
        if (keyword == QLatin1String("include"))
            return include(arguments, depth);
        if (arguments.isEmpty())
            return {};
        const QString &first = arguments.first();
        if (keyword == QLatin1String("hostname")) {
            setOnce(m_hostName, first);
        } else if (keyword == QLatin1String("user")) {
            setOnce(m_user, first);
        } else if (keyword == QLatin1String("port")) {
            bool isNumber = false;
            const int port = first.toInt(&isNumber);
            if (!isNumber || port < 1 || port > 65535)
                return makeRefusal(
                    QCoreApplication::translate("SshDestination",
                                                "The SSH config gives Port \"%1\": write a number from 1 to 65535.")
                        .arg(first));
            setOnce(m_port, port);
        } else if (keyword == QLatin1String("identityfile")) {
            m_identityFiles << first;
        } else if (keyword == QLatin1String("proxyjump")) {
            setOnce(m_proxyJump, first);
        } else if (keyword == QLatin1String("userknownhostsfile")) {
            setOnce(m_knownHostsFile, first);
        }
        return {};
    }

    // Include: relative names are in ~/.ssh, wildcards in the file name.
    Result<void> include(const QStringList &arguments, int depth)
    {
        if (depth >= maxIncludeDepth)
            return makeRefusal(
                QCoreApplication::translate("SshDestination",
                                            "The SSH config includes files more than %1 deep: an Include loop?")
                    .arg(maxIncludeDepth));
        for (const QString &argument : arguments) {
            QString path = expandTilde(argument);
            if (QFileInfo(path).isRelative())
                path = m_includeBase + QLatin1Char('/') + path;
            const QFileInfo info(path);
            const QStringList names = info.dir().entryList({info.fileName()}, QDir::Files, QDir::Name);
            for (const QString &name : names)
                if (auto read = readFile(info.dir().filePath(name), depth + 1); !read)
                    return read;
        }
        return {};
    }

    template <typename T> static void setOnce(std::optional<T> &field, const T &value)
    {
        if (!field)
            field = value;
    }

    QString expandHostName(const QString &value) const
    {
        return expandTokens(value, {{QStringLiteral("%h"), m_alias}});
    }

    // ~ and the tokens OpenSSH expands in file names: %d home, %u local
    // user, %h host, %r remote user, %%.
    static QString expandPath(const QString &value, const SshDestination &destination)
    {
        const QString local = SshDestination::localUser();
        QString expanded = expandTokens(
            expandTilde(value), {{QStringLiteral("%d"), QDir::homePath()},
                                 {QStringLiteral("%u"), local},
                                 {QStringLiteral("%h"), destination.host},
                                 {QStringLiteral("%r"), destination.user.isEmpty() ? local : destination.user}});
        if (QFileInfo(expanded).isRelative())
            expanded = QDir::homePath() + QLatin1Char('/') + expanded;
        return expanded;
    }

    QString m_alias;
    QString m_includeBase;
    std::optional<QString> m_hostName;
    std::optional<QString> m_user;
    std::optional<int> m_port;
    std::optional<QString> m_proxyJump;
    std::optional<QString> m_knownHostsFile;
    QStringList m_identityFiles;
};

} // namespace

QString SshDestination::localUser()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

QString SshDestination::defaultConfigFile()
{
    return QDir::homePath() + QStringLiteral("/.ssh/config");
}

Result<SshDestination> SshDestination::resolve(const QString &alias, const QString &configFile)
{
    ConfigWalk walk(alias);
    const QString home = QDir::homePath() + QStringLiteral("/.ssh");
    if (!configFile.isEmpty()) {
        // As ssh -F: that file only.
        if (auto read = walk.readTopFile(configFile, home); !read)
            return read.error();
        return walk.result();
    }
    // As ssh: the user's file, then the system's; the first value wins.
    const std::pair<QString, QString> files[] = {{defaultConfigFile(), home},
                                                 {QStringLiteral("/etc/ssh/ssh_config"), QStringLiteral("/etc/ssh")}};
    for (const auto &[path, base] : files) {
        if (!QFileInfo::exists(path))
            continue;
        if (auto read = walk.readTopFile(path, base); !read)
            return read.error();
    }
    return walk.result();
}

Result<SshDestination> SshDestination::parseHop(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:ssh://)?(?:([^@\\s]+)@)?(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._%-]+)(?::([0-9]{1,5}))?/?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    const int port = match.captured(3).toInt();
    if (!match.hasMatch() || (!match.captured(3).isEmpty() && (port < 1 || port > 65535)))
        return makeRefusal(tr("The jump host \"%1\" is not [USER@]HOST[:PORT]: correct the ProxyJump line.").arg(text));
    SshDestination hop;
    hop.user = match.captured(1);
    hop.host = match.captured(2);
    if (hop.host.startsWith(QLatin1Char('[')))
        hop.host = hop.host.mid(1, hop.host.size() - 2);
    hop.alias = hop.host;
    hop.port = port;
    return hop;
}

bool SshDestination::changesAnything() const
{
    return host != alias || port != 0 || !user.isEmpty() || !identityFiles.isEmpty() || !proxyJump.isEmpty() ||
           !knownHostsFile.isEmpty();
}

QString SshDestination::describe(const QString &fallbackUser) const
{
    const QString hostPart = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    QString text =
        QStringLiteral("%1@%2:%3").arg(user.isEmpty() ? fallbackUser : user, hostPart).arg(port > 0 ? port : 22);
    if (!proxyJump.isEmpty())
        text = tr("%1 via %2").arg(text, proxyJump.join(QStringLiteral(", ")));
    return text;
}
