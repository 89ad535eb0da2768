#pragma once

#include <QList>
#include <QString>

// One statement of a script: its text without the closing semicolon, and
// where it starts in the script (QString index), so that an error position
// the server gives can be marked in the editor.
struct SqlStatement
{
    QString text;
    int offset = 0;
};

// Splits SQL text into statements the way the server reads it: a semicolon
// ends a statement only outside quotes ('...', E'...' with backslash
// escapes, "identifiers"), dollar quotes ($$...$$, $tag$...$tag$), and
// comments (-- to the end of the line, nested /* */). The query console runs
// a script statement by statement with it, and finds the statement under the
// cursor. Parentheses are not counted: a semicolon inside a function body is
// always quoted.
class SqlScript
{
public:
    // Every statement that holds more than blanks and comments, in order.
    static QList<SqlStatement> split(const QString &sql);
    // The statement the cursor is in (or right after, on its semicolon or the
    // blanks behind it); empty text when there is none.
    static SqlStatement statementAt(const QString &sql, int cursor);
};
