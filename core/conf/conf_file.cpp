#include "core/conf/conf_file.h"

#include "core/version/version_rules.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConfFile", text);
}

// The tokens of guc-file.l. A line never holds a newline, so each line is lexed alone, exactly as
// flex would: the longest match wins, a tie goes to the rule listed first.
enum class Token { End, Id, QualifiedId, String, UnquotedString, Integer, Real, Equals, Error };

struct Lexeme
{
    Token token = Token::End;
    int start = 0;
    int end = 0;
};

bool isLetter(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
}

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(unsigned char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isLetterOrDigit(unsigned char c)
{
    return isLetter(c) || isDigit(c);
}

unsigned char at(const QByteArray &s, int i)
{
    return i < s.size() ? static_cast<unsigned char>(s.at(i)) : 0;
}

// Each matcher returns the end of its longest match at pos, or -1.
int matchId(const QByteArray &s, int pos)
{
    if (pos >= s.size() || !isLetter(at(s, pos)))
        return -1;
    int i = pos + 1;
    while (i < s.size() && isLetterOrDigit(at(s, i)))
        ++i;
    return i;
}

int matchQualifiedId(const QByteArray &s, int pos)
{
    const int first = matchId(s, pos);
    if (first < 0 || first >= s.size() || s.at(first) != '.')
        return -1;
    return matchId(s, first + 1);
}

int matchUnquotedString(const QByteArray &s, int pos)
{
    if (pos >= s.size() || !isLetter(at(s, pos)))
        return -1;
    int i = pos + 1;
    while (i < s.size()) {
        const unsigned char c = at(s, i);
        if (!isLetterOrDigit(c) && c != '-' && c != '.' && c != '_' && c != ':' && c != '/')
            break;
        ++i;
    }
    return i;
}

int matchString(const QByteArray &s, int pos)
{
    // \'([^'\\\n]|\\.|\'\')*\' : the only choice is at a quote (end here, or '' and go on),
    // so the longest match is the last place a quote could end it.
    if (pos >= s.size() || s.at(pos) != '\'')
        return -1;
    int lastEnd = -1;
    int i = pos + 1;
    while (i < s.size()) {
        const char c = s.at(i);
        if (c == '\'') {
            lastEnd = i + 1;
            if (i + 1 < s.size() && s.at(i + 1) == '\'') {
                i += 2;
                continue;
            }
            break;
        }
        if (c == '\\') {
            if (i + 1 >= s.size() || s.at(i + 1) == '\n')
                break;
            i += 2;
            continue;
        }
        if (c == '\n')
            break;
        ++i;
    }
    return lastEnd;
}

int matchSign(const QByteArray &s, int pos)
{
    return pos < s.size() && (s.at(pos) == '-' || s.at(pos) == '+') ? pos + 1 : pos;
}

int matchInteger(const QByteArray &s, int pos)
{
    // {SIGN}?({DIGIT}+|0x{HEXDIGIT}+){UNIT_LETTER}*: the longer of the decimal and the hex reading
    // ("0x1F" is hex; "0xZ" is 0 followed by the unit letters "xZ").
    auto unitLetters = [&](int end) {
        while (end < s.size() && ((at(s, end) >= 'a' && at(s, end) <= 'z') || (at(s, end) >= 'A' && at(s, end) <= 'Z')))
            ++end;
        return end;
    };
    const int afterSign = matchSign(s, pos);
    int best = -1;
    int i = afterSign;
    while (i < s.size() && isDigit(at(s, i)))
        ++i;
    if (i > afterSign)
        best = unitLetters(i);
    if (at(s, afterSign) == '0' && at(s, afterSign + 1) == 'x' && isHexDigit(at(s, afterSign + 2))) {
        int j = afterSign + 2;
        while (j < s.size() && isHexDigit(at(s, j)))
            ++j;
        best = std::max(best, unitLetters(j));
    }
    return best;
}

int matchReal(const QByteArray &s, int pos)
{
    // {SIGN}?{DIGIT}*"."{DIGIT}*{EXPONENT}?
    int i = matchSign(s, pos);
    while (i < s.size() && isDigit(at(s, i)))
        ++i;
    if (i >= s.size() || s.at(i) != '.')
        return -1;
    ++i;
    while (i < s.size() && isDigit(at(s, i)))
        ++i;
    if (i < s.size() && (s.at(i) == 'e' || s.at(i) == 'E')) {
        int j = matchSign(s, i + 1);
        const int digits = j;
        while (j < s.size() && isDigit(at(s, j)))
            ++j;
        if (j > digits)
            i = j;
    }
    return i;
}

Lexeme nextLexeme(const QByteArray &s, int pos)
{
    while (pos < s.size() && (s.at(pos) == ' ' || s.at(pos) == '\t' || s.at(pos) == '\r'))
        ++pos;
    if (pos >= s.size() || s.at(pos) == '#')
        return {Token::End, pos, pos};
    struct Candidate
    {
        Token token;
        int end;
    };
    const Candidate candidates[] = {
        {Token::Id, matchId(s, pos)},
        {Token::QualifiedId, matchQualifiedId(s, pos)},
        {Token::String, matchString(s, pos)},
        {Token::UnquotedString, matchUnquotedString(s, pos)},
        {Token::Integer, matchInteger(s, pos)},
        {Token::Real, matchReal(s, pos)},
        {Token::Equals, s.at(pos) == '=' ? pos + 1 : -1},
    };
    Lexeme best{Token::Error, pos, pos + 1};
    int bestEnd = -1;
    for (const Candidate &candidate : candidates) {
        if (candidate.end > bestEnd) {
            bestEnd = candidate.end;
            best = {candidate.token, pos, candidate.end};
        }
    }
    if (bestEnd <= pos)
        return {Token::Error, pos, pos + 1};
    return best;
}

// guc-file.l's DeescapeQuotedString: strip the quotes, read \b \f \n \r \t, octal \ooo, '' and
// \x as x. A NUL ends the value, as it ends PostgreSQL's C string.
QByteArray unquote(const QByteArray &quoted)
{
    QByteArray out;
    const int last = quoted.size() - 1;
    for (int i = 1; i < last; ++i) {
        char c = quoted.at(i);
        if (c == '\\' && i + 1 < last) {
            ++i;
            c = quoted.at(i);
            switch (c) {
            case 'b':
                c = '\b';
                break;
            case 'f':
                c = '\f';
                break;
            case 'n':
                c = '\n';
                break;
            case 'r':
                c = '\r';
                break;
            case 't':
                c = '\t';
                break;
            default:
                if (c >= '0' && c <= '7') {
                    int octal = c - '0';
                    int k = 1;
                    while (k < 3 && i + k < last && quoted.at(i + k) >= '0' && quoted.at(i + k) <= '7') {
                        octal = (octal << 3) + (quoted.at(i + k) - '0');
                        ++k;
                    }
                    i += k - 1;
                    c = static_cast<char>(octal & 0xFF);
                }
                break;
            }
        } else if (c == '\'' && i + 1 < last && quoted.at(i + 1) == '\'') {
            ++i;
        }
        if (c == '\0')
            break;
        out.append(c);
    }
    return out;
}

bool isIncludeName(const QString &name, ConfFile::IncludeKind *kind)
{
    if (name.compare(QLatin1String("include"), Qt::CaseInsensitive) == 0)
        *kind = ConfFile::IncludeKind::Include;
    else if (name.compare(QLatin1String("include_dir"), Qt::CaseInsensitive) == 0)
        *kind = ConfFile::IncludeKind::IncludeDir;
    else if (name.compare(QLatin1String("include_if_exists"), Qt::CaseInsensitive) == 0)
        *kind = ConfFile::IncludeKind::IncludeIfExists;
    else
        return false;
    return true;
}

// The column a byte offset lands on, with tabs every 8 columns and UTF-8 sequences as one column.
int columnOf(const QByteArray &text, int offset)
{
    int column = 0;
    for (int i = 0; i < offset && i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text.at(i));
        if (c == '\t')
            column = (column / 8 + 1) * 8;
        else if ((c & 0xC0) != 0x80)
            ++column;
    }
    return column;
}

// Blanks that take a line from `column` to `target`, with tabs where the original used them.
QByteArray padding(int column, int target, bool useTabs)
{
    QByteArray pad;
    if (useTabs) {
        while ((column / 8 + 1) * 8 <= target) {
            pad.append('\t');
            column = (column / 8 + 1) * 8;
        }
    }
    while (column < target) {
        pad.append(' ');
        ++column;
    }
    return pad;
}

// Where a setting's trailing comment goes once its value changed: at its old column when the new
// text leaves room; else after one blank when the line stays within 80 columns (or the old line's
// width); else on a line of its own below, at the old column, as PostgreSQL's sample files
// continue comments. Returns the line and, in the last case, the comment line.
QList<QByteArray> layoutComment(const QByteArray &text, const QByteArray &comment, int target, bool tabs, int oldWidth)
{
    const int column = columnOf(text, int(text.size()));
    if (column < target)
        return {text + padding(column, target, tabs) + comment};
    const QByteArray blank = tabs ? QByteArray("\t") : QByteArray(" ");
    const QByteArray joined = text + blank + comment;
    if (columnOf(joined, int(joined.size())) <= std::max(80, oldWidth))
        return {joined};
    return {text, padding(0, target, tabs) + comment};
}

} // namespace

QList<ConfFile::LineToken> ConfFile::tokenizeLine(const QByteArray &line)
{
    using Kind = LineToken::Kind;
    QList<LineToken> tokens;
    int pos = 0;
    while (true) {
        const Lexeme lexeme = nextLexeme(line, pos);
        if (lexeme.token == Token::End) {
            if (lexeme.start < line.size())
                tokens.append({Kind::Comment, lexeme.start, int(line.size())});
            return tokens;
        }
        Kind kind = Kind::Error;
        switch (lexeme.token) {
        case Token::Id:
        case Token::QualifiedId:
        case Token::UnquotedString:
            kind = tokens.isEmpty() ? Kind::Name : Kind::Word;
            break;
        case Token::String:
            kind = Kind::QuotedString;
            break;
        case Token::Integer:
        case Token::Real:
            kind = Kind::Number;
            break;
        case Token::Equals:
            kind = Kind::Equals;
            break;
        case Token::End:
        case Token::Error:
            break;
        }
        tokens.append({kind, lexeme.start, lexeme.end});
        pos = lexeme.end;
    }
}

ConfFile::ParsedLine ConfFile::parseLine(const QByteArray &text)
{
    // ParseConfigFp, one line: name [=] value, nothing but a comment after it.
    ParsedLine parsed;
    Line &line = parsed.line;
    line.text = text;
    const Lexeme name = nextLexeme(text, 0);
    if (name.token == Token::End) {
        const int hash = text.indexOf('#');
        line.kind = hash >= 0 ? LineKind::Comment : LineKind::Blank;
        line.commentStart = hash;
        return parsed;
    }
    auto fail = [&](const Lexeme &lexeme) {
        parsed.error = lexeme.token == Token::End
                           ? QString()
                           : QString::fromUtf8(text.mid(lexeme.start, lexeme.end - lexeme.start));
        return parsed;
    };
    if (name.token != Token::Id && name.token != Token::QualifiedId)
        return fail(name);
    Lexeme value = nextLexeme(text, name.end);
    if (value.token == Token::Equals)
        value = nextLexeme(text, value.end);
    if (value.token != Token::Id && value.token != Token::String && value.token != Token::Integer &&
        value.token != Token::Real && value.token != Token::UnquotedString)
        return fail(value);
    const Lexeme after = nextLexeme(text, value.end);
    if (after.token != Token::End)
        return fail(after);

    line.name = QString::fromUtf8(text.mid(name.start, name.end - name.start));
    line.nameStart = name.start;
    line.valueStart = value.start;
    line.valueEnd = value.end;
    const QByteArray raw = text.mid(value.start, value.end - value.start);
    line.valueQuoted = value.token == Token::String;
    line.value = QString::fromUtf8(line.valueQuoted ? unquote(raw) : raw);
    line.commentStart = after.start < text.size() && text.at(after.start) == '#' ? after.start : -1;
    IncludeKind kind;
    line.kind = isIncludeName(line.name, &kind) ? LineKind::Include : LineKind::Setting;
    return parsed;
}

Result<ConfFile> ConfFile::parse(const QByteArray &text, const QString &fileName)
{
    ConfFile file;
    file.m_fileName = fileName;
    int start = 0;
    int number = 0;
    while (start < text.size()) {
        int newline = text.indexOf('\n', start);
        const bool last = newline < 0;
        if (last)
            newline = text.size();
        ++number;
        ParsedLine parsed = parseLine(text.mid(start, newline - start));
        if (parsed.error) {
            const QString message =
                parsed.error->isEmpty()
                    ? tr("syntax error in file \"%1\" line %2, near end of line").arg(fileName).arg(number)
                    : tr("syntax error in file \"%1\" line %2, near token \"%3\"")
                          .arg(fileName)
                          .arg(number)
                          .arg(*parsed.error);
            return makeError(message, QString::fromUtf8(text.mid(start, newline - start)));
        }
        parsed.line.end = last ? QByteArray() : QByteArrayLiteral("\n");
        file.m_lines.append(std::move(parsed.line));
        start = newline + 1;
    }
    return file;
}

QByteArray ConfFile::render() const
{
    QByteArray out;
    qsizetype size = 0;
    for (const Line &line : m_lines)
        size += line.text.size() + line.end.size();
    out.reserve(size);
    for (const Line &line : m_lines) {
        out += line.text;
        out += line.end;
    }
    return out;
}

int ConfFile::activeLineIndex(const QString &name) const
{
    for (int i = int(m_lines.size()) - 1; i >= 0; --i) {
        if (m_lines[i].kind == LineKind::Setting && m_lines[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

std::optional<QString> ConfFile::value(const QString &name) const
{
    const int index = activeLineIndex(name);
    if (index < 0)
        return std::nullopt;
    return m_lines[index].value;
}

int ConfFile::lineOf(const QString &name) const
{
    return activeLineIndex(name) + 1;
}

QList<ConfFile::Setting> ConfFile::settings() const
{
    QList<Setting> list;
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].kind == LineKind::Setting)
            list.append({m_lines[i].name, m_lines[i].value, i + 1});
    }
    return list;
}

QList<ConfFile::IncludeDirective> ConfFile::includes() const
{
    QList<IncludeDirective> list;
    for (int i = 0; i < m_lines.size(); ++i) {
        IncludeKind kind;
        if (m_lines[i].kind == LineKind::Include && isIncludeName(m_lines[i].name, &kind))
            list.append({kind, m_lines[i].value, i + 1});
    }
    return list;
}

int ConfFile::commentedDefaultIndex(const QString &name) const
{
    // A comment line that would set the name once its '#' is gone: the sample file's default.
    for (int i = 0; i < m_lines.size(); ++i) {
        const Line &line = m_lines[i];
        if (line.kind != LineKind::Comment)
            continue;
        const QByteArray trimmed = line.text.trimmed();
        if (!trimmed.startsWith('#'))
            continue;
        const int hash = line.text.indexOf('#');
        QByteArray uncommented = line.text;
        uncommented.remove(hash, 1);
        const ParsedLine parsed = parseLine(uncommented);
        if (!parsed.error && parsed.line.kind == LineKind::Setting &&
            parsed.line.name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

QByteArray ConfFile::lineEnding() const
{
    for (const Line &line : m_lines) {
        if (!line.end.isEmpty())
            return line.text.endsWith('\r') ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
    }
    return QByteArrayLiteral("\n");
}

void ConfFile::replaceLine(int index, const QByteArray &text)
{
    Line &line = m_lines[index];
    const QByteArray end = line.end;
    ParsedLine parsed = parseLine(text);
    line = std::move(parsed.line);
    line.end = end;
    m_modified = true;
}

void ConfFile::insertLines(int index, const QList<QByteArray> &texts)
{
    // A line that ends without a newline gets one before anything goes after it.
    if (index > 0 && m_lines[index - 1].end.isEmpty())
        m_lines[index - 1].end = QByteArrayLiteral("\n");
    const QByteArray ending = lineEnding();
    for (const QByteArray &text : texts) {
        QByteArray body = text;
        if (ending == "\r\n")
            body.append('\r');
        ParsedLine parsed = parseLine(body);
        parsed.line.end = QByteArrayLiteral("\n");
        m_lines.insert(index++, std::move(parsed.line));
    }
    m_modified = true;
}

QByteArray ConfFile::renderValue(const QString &value, bool forceQuotes)
{
    const QByteArray bytes = value.toUtf8();
    if (!forceQuotes && !bytes.isEmpty()) {
        const Lexeme lexeme = nextLexeme(bytes, 0);
        if (lexeme.start == 0 && lexeme.end == bytes.size() &&
            (lexeme.token == Token::Id || lexeme.token == Token::UnquotedString || lexeme.token == Token::Integer ||
             lexeme.token == Token::Real))
            return bytes;
    }
    QByteArray quoted("'");
    for (const char c : bytes) {
        switch (c) {
        case '\'':
            quoted += "''";
            break;
        case '\\':
            quoted += "\\\\";
            break;
        case '\n':
            quoted += "\\n";
            break;
        case '\r':
            quoted += "\\r";
            break;
        default:
            quoted += c;
            break;
        }
    }
    quoted += '\'';
    return quoted;
}

Result<QString> ConfFile::valueFromTyped(const QString &name, const QString &typed)
{
    const QByteArray text = typed.trimmed().toUtf8();
    if (!text.startsWith('\''))
        return typed;
    if (matchString(text, 0) != text.size()) {
        return makeError(tr("The value of %1 starts with a quote but is not one quoted value: %2. Write the value "
                            "without quotes, or quote all of it as postgresql.conf does ('it''s' for it's).")
                             .arg(name, typed));
    }
    return QString::fromUtf8(unquote(text));
}

Result<void> ConfFile::set(const QString &name, const QString &value, const VersionRules &rules)
{
    IncludeKind includeKind;
    if (isIncludeName(name, &includeKind)) {
        return makeError(tr("%1 is a directive, not a setting: edit that line by hand.").arg(name));
    }
    if (value.contains(QChar(0)))
        return makeError(tr("The value of %1 cannot contain a NUL character.").arg(name));
    if (const Result<void> valid = rules.validateSetting(name, value); !valid)
        return valid;

    const auto info = rules.setting(name);
    const QString major = rules.version().majorString();
    const bool recoveryConf = m_fileName.endsWith(QLatin1String("recovery.conf"));
    if (info && info->place == SettingInfo::Place::RecoveryConf && !recoveryConf) {
        return makeError(
            tr("In PostgreSQL %1, %2 belongs in recovery.conf, not in %3.").arg(major, info->name, m_fileName));
    }
    if (recoveryConf && (!info || info->place != SettingInfo::Place::RecoveryConf)) {
        return makeError(
            tr("%1 cannot go in recovery.conf in PostgreSQL %2: only recovery settings can.").arg(name, major));
    }
    const QString canonicalName = info ? info->name : name;
    const bool stringType = !info || info->type == SettingInfo::Type::String;

    if (const int index = activeLineIndex(name); index >= 0) {
        const Line &line = m_lines[index];
        const QByteArray rendered = renderValue(value, stringType || line.valueQuoted);
        QByteArray text = line.text.left(line.valueStart) + rendered;
        QList<QByteArray> continuation;
        if (line.commentStart >= 0) {
            const QByteArray blanks = line.text.mid(line.valueEnd, line.commentStart - line.valueEnd);
            QByteArray comment = line.text.mid(line.commentStart);
            const bool carriageReturn = comment.endsWith('\r');
            if (carriageReturn)
                comment.chop(1);
            const QList<QByteArray> laid =
                layoutComment(text, comment, columnOf(line.text, line.commentStart), blanks.contains('\t'),
                              columnOf(line.text, int(line.text.size())));
            text = laid.first();
            continuation = laid.mid(1);
            if (carriageReturn)
                text += '\r';
        } else {
            text += line.text.mid(line.valueEnd); // trailing blanks, a \r
        }
        if (!continuation.isEmpty()) {
            replaceLine(index, text);
            insertLines(index + 1, continuation);
            return {};
        }
        if (text != line.text)
            replaceLine(index, text);
        return {};
    }

    if (const int index = commentedDefaultIndex(name); index >= 0) {
        const Line &line = m_lines[index];
        const int hash = int(line.text.indexOf('#'));
        QByteArray uncommented = line.text;
        uncommented.remove(hash, 1);
        const ParsedLine parsed = parseLine(uncommented);
        const Line &model = parsed.line;
        // The name and separator as the sample writes them, then the new value.
        QByteArray text = uncommented.left(model.valueStart) + renderValue(value, stringType || model.valueQuoted);
        const bool carriageReturn = line.text.endsWith('\r');
        QList<QByteArray> continuation;
        if (model.commentStart >= 0) {
            // The comment keeps its column in the original line (see layoutComment).
            const QByteArray blanks = uncommented.mid(model.valueEnd, model.commentStart - model.valueEnd);
            const bool tabs = blanks.contains('\t');
            const int target = columnOf(line.text, model.commentStart + 1); // +1: the '#' removed before it
            QByteArray comment = uncommented.mid(model.commentStart);
            if (carriageReturn)
                comment.chop(1);
            const QList<QByteArray> laid =
                layoutComment(text, comment, target, tabs, columnOf(line.text, int(line.text.size())));
            text = laid.first();
            continuation = laid.mid(1);
        }
        if (carriageReturn && !text.endsWith('\r'))
            text += '\r';
        replaceLine(index, text);
        if (!continuation.isEmpty()) {
            // insertLines adds the \r itself for CRLF files.
            insertLines(index + 1, continuation);
        }
        return {};
    }

    // postgresql.auto.conf belongs to ALTER SYSTEM, which rewrites it without comments: a line as
    // ALTER SYSTEM writes it (value always quoted) at the end, no marked block.
    if (m_fileName.endsWith(QLatin1String("postgresql.auto.conf"))) {
        insertLines(int(m_lines.size()), {canonicalName.toUtf8() + " = " + renderValue(value, true)});
        return {};
    }
    const QByteArray text = canonicalName.toUtf8() + " = " + renderValue(value, stringType);
    int markerIndex = -1;
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].text.trimmed() == addedBlockMarker())
            markerIndex = i;
    }
    if (markerIndex >= 0) {
        int end = markerIndex + 1;
        while (end < m_lines.size() && !m_lines[end].text.trimmed().isEmpty())
            ++end;
        insertLines(end, {text});
        return {};
    }
    QList<QByteArray> block;
    if (!m_lines.isEmpty() && !m_lines.last().text.trimmed().isEmpty())
        block.append(QByteArray());
    block << addedBlockMarker() << text;
    insertLines(int(m_lines.size()), block);
    return {};
}

bool ConfFile::unset(const QString &name)
{
    bool changed = false;
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].kind == LineKind::Setting && m_lines[i].name.compare(name, Qt::CaseInsensitive) == 0) {
            replaceLine(i, '#' + m_lines[i].text);
            changed = true;
        }
    }
    return changed;
}
