#include "core/pg/sql_script.h"

namespace {

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// The dollar-quote tag starting at i ("$$" or "$tag$"), or empty when the
// text there is not one (a parameter such as $1, or a $ inside a name).
QString dollarTag(const QString &sql, int i)
{
    if (i > 0 && isIdentifierChar(sql.at(i - 1)))
        return {};
    int j = i + 1;
    while (j < sql.size() && isIdentifierChar(sql.at(j))) {
        if (j == i + 1 && sql.at(j).isDigit())
            return {};
        ++j;
    }
    if (j < sql.size() && sql.at(j) == QLatin1Char('$'))
        return sql.mid(i, j - i + 1);
    return {};
}

// The index just past the quoted text, comment or dollar quote starting at
// i, or i itself when nothing special starts there. Unclosed: the end.
int skipSpecial(const QString &sql, int i)
{
    const int n = int(sql.size());
    const QChar c = sql.at(i);
    const QChar next = i + 1 < n ? sql.at(i + 1) : QChar();
    if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
        const int end = int(sql.indexOf(QLatin1Char('\n'), i));
        return end < 0 ? n : end + 1;
    }
    if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
        int depth = 0;
        for (int j = i; j < n; ++j) {
            if (sql.at(j) == QLatin1Char('/') && j + 1 < n && sql.at(j + 1) == QLatin1Char('*')) {
                ++depth;
                ++j;
            } else if (sql.at(j) == QLatin1Char('*') && j + 1 < n && sql.at(j + 1) == QLatin1Char('/')) {
                ++j;
                if (--depth == 0)
                    return j + 1;
            }
        }
        return n;
    }
    if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
        // E'...' strings take backslash escapes; '' and "" are a doubled quote.
        const bool escapes = c == QLatin1Char('\'') && i > 0 &&
                             (sql.at(i - 1) == QLatin1Char('E') || sql.at(i - 1) == QLatin1Char('e')) &&
                             (i < 2 || !isIdentifierChar(sql.at(i - 2)));
        for (int j = i + 1; j < n; ++j) {
            if (escapes && sql.at(j) == QLatin1Char('\\')) {
                ++j;
            } else if (sql.at(j) == c) {
                if (j + 1 < n && sql.at(j + 1) == c)
                    ++j;
                else
                    return j + 1;
            }
        }
        return n;
    }
    if (c == QLatin1Char('$')) {
        const QString tag = dollarTag(sql, i);
        if (tag.isEmpty())
            return i;
        const int end = int(sql.indexOf(tag, i + tag.size()));
        return end < 0 ? n : end + int(tag.size());
    }
    return i;
}

// Whether a piece holds more than blanks and comments.
bool hasCode(const QString &sql, int from, int to)
{
    for (int i = from; i < to;) {
        const int skipped = skipSpecial(sql, i);
        if (skipped != i) {
            const QChar c = sql.at(i);
            if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('$'))
                return true;
            i = skipped;
            continue;
        }
        if (!sql.at(i).isSpace())
            return true;
        ++i;
    }
    return false;
}

struct Piece
{
    int from = 0;
    int to = 0; // the semicolon's index, or the end
};

QList<Piece> pieces(const QString &sql)
{
    QList<Piece> found;
    int from = 0;
    const int n = int(sql.size());
    for (int i = 0; i < n;) {
        const int skipped = skipSpecial(sql, i);
        if (skipped != i) {
            i = skipped;
            continue;
        }
        if (sql.at(i) == QLatin1Char(';')) {
            found << Piece{from, i};
            from = i + 1;
        }
        ++i;
    }
    found << Piece{from, n};
    return found;
}

SqlStatement statementOf(const QString &sql, const Piece &piece)
{
    int from = piece.from;
    int to = piece.to;
    while (from < to && sql.at(from).isSpace())
        ++from;
    while (to > from && sql.at(to - 1).isSpace())
        --to;
    return SqlStatement{sql.mid(from, to - from), from};
}

} // namespace

QList<SqlStatement> SqlScript::split(const QString &sql)
{
    QList<SqlStatement> statements;
    for (const Piece &piece : pieces(sql)) {
        if (hasCode(sql, piece.from, piece.to))
            statements << statementOf(sql, piece);
    }
    return statements;
}

SqlStatement SqlScript::statementAt(const QString &sql, int cursor)
{
    const QList<Piece> all = pieces(sql);
    // The piece the cursor is in; on the rest of a statement's last line
    // (after its semicolon), or in blanks at the end, that statement.
    int index = 0;
    while (index + 1 < all.size() && cursor > all.at(index).to)
        ++index;
    const QString before = sql.mid(all.at(index).from, qMax(0, cursor - all.at(index).from));
    const bool sameLineAsSemicolon = !before.contains(QLatin1Char('\n')) && before.trimmed().isEmpty();
    if (index > 0 && (sameLineAsSemicolon || !hasCode(sql, all.at(index).from, all.at(index).to)))
        --index;
    if (!hasCode(sql, all.at(index).from, all.at(index).to))
        return {};
    return statementOf(sql, all.at(index));
}
