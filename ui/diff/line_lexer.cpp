#include "ui/diff/line_lexer.h"

#include <Qsci/qsciscintilla.h>

#include <QFontDatabase>

LineLexer::LineLexer(QObject *parent) : QsciLexerCustom(parent)
{
}

QFont LineLexer::defaultFont(int style) const
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setBold(isBold(style));
    font.setItalic(isItalic(style));
    return font;
}

QColor LineLexer::defaultPaper(int) const
{
    return Qt::white;
}

bool LineLexer::isBold(int) const
{
    return false;
}

bool LineLexer::isItalic(int) const
{
    return false;
}

// Scintilla asks for a byte range; whole lines are styled, since a line's styles depend only on it.
void LineLexer::styleText(int start, int end)
{
    QsciScintilla *sci = editor();
    if (!sci)
        return;
    const int firstLine = int(sci->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, start));
    const int lastLine = int(sci->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, end));
    for (int line = firstLine; line <= lastLine; ++line) {
        const int lineStart = int(sci->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line));
        const int lineEnd = int(sci->SendScintilla(QsciScintilla::SCI_GETLINEENDPOSITION, line));
        const int next = int(sci->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line + 1));
        const int fullEnd = line + 1 < sci->lines() ? next : lineEnd;
        // SCI_GETTEXTRANGE writes a terminating NUL after the range.
        QByteArray text(lineEnd - lineStart + 1, '\0');
        sci->SendScintilla(QsciScintilla::SCI_GETTEXTRANGE, long(lineStart), long(lineEnd), text.data());
        text.chop(1);
        startStyling(lineStart);
        int at = 0;
        for (const Span &span : styleLine(text)) {
            if (span.start > at)
                setStyling(span.start - at, 0);
            setStyling(span.end - span.start, span.style);
            at = span.end;
        }
        if (fullEnd - lineStart > at)
            setStyling(fullEnd - lineStart - at, 0);
    }
}
