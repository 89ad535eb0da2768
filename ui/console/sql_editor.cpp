#include "ui/console/sql_editor.h"

#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexersql.h>

#include <QFontDatabase>

SqlEditor::SqlEditor(QWidget *parent) : QsciScintilla(parent)
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *lexer = new QsciLexerSQL(this);
    lexer->setDefaultFont(mono);
    lexer->setFont(mono);
    setLexer(lexer);
    setUtf8(true);
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setMarginWidth(0, QStringLiteral("0000"));
    setMarginsFont(mono);
    setMarginsForegroundColor(palette().color(QPalette::Disabled, QPalette::Text));
    setCaretLineVisible(true);
    setCaretLineBackgroundColor(QColor(0xee, 0xf3, 0xfb));
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabWidth(4);
    setWrapMode(QsciScintilla::WrapNone);
    // The horizontal scroll bar only when a line is wider than the editor.
    setScrollWidth(1);
    setScrollWidthTracking(true);

    // The place an error points at: a red box over the word, and a red
    // marker beside its line, so that it is seen at a glance.
    m_errorIndicator = indicatorDefine(QsciScintilla::StraightBoxIndicator);
    setIndicatorForegroundColor(QColor(0xd0, 0x20, 0x20, 90), m_errorIndicator);
    setIndicatorOutlineColor(QColor(0xd0, 0x20, 0x20), m_errorIndicator);
    setIndicatorDrawUnder(true, m_errorIndicator);
    m_errorMarker = markerDefine(QsciScintilla::RightTriangle);
    setMarkerBackgroundColor(QColor(0xd0, 0x20, 0x20), m_errorMarker);
    setMarkerForegroundColor(QColor(0xd0, 0x20, 0x20), m_errorMarker);
    setMarginWidth(1, 12);
    setMarginMarkerMask(1, 1 << m_errorMarker);
    connect(this, &QsciScintilla::textChanged, this, &SqlEditor::clearErrorMark);

    // These keys belong to the console's actions (run, run script, cancel):
    // QScintilla would otherwise take them for its own commands.
    const QKeyCombination combinations[] = {Qt::Key_Escape, Qt::CTRL | Qt::Key_Return,
                                            Qt::CTRL | Qt::SHIFT | Qt::Key_Return, Qt::CTRL | Qt::Key_Enter,
                                            Qt::CTRL | Qt::SHIFT | Qt::Key_Enter};
    for (const QKeyCombination combination : combinations) {
        const int key = combination.toCombined();
        while (QsciCommand *command = standardCommands()->boundTo(key)) {
            if (command->key() == key)
                command->setKey(0);
            else
                command->setAlternateKey(0);
        }
    }
}

int SqlEditor::cursorOffset() const
{
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    const QStringList lines = text().split(QLatin1Char('\n'));
    int offset = 0;
    for (int i = 0; i < line && i < lines.size(); ++i)
        offset += int(lines.at(i).size()) + 1;
    return offset + index;
}

int SqlEditor::selectionOffset() const
{
    if (!hasSelectedText())
        return -1;
    int lineFrom = 0;
    int indexFrom = 0;
    int lineTo = 0;
    int indexTo = 0;
    getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
    const QStringList lines = text().split(QLatin1Char('\n'));
    int offset = 0;
    for (int i = 0; i < lineFrom && i < lines.size(); ++i)
        offset += int(lines.at(i).size()) + 1;
    return offset + indexFrom;
}

void SqlEditor::lineIndexOf(int offset, int *line, int *index) const
{
    const QString all = text().left(offset);
    *line = int(all.count(QLatin1Char('\n')));
    *index = int(all.size() - all.lastIndexOf(QLatin1Char('\n')) - 1);
}

void SqlEditor::markError(int offset)
{
    const QString all = text();
    if (offset < 0 || offset > all.size())
        return;
    int end = offset;
    while (end < all.size() && (all.at(end).isLetterOrNumber() || all.at(end) == QLatin1Char('_')))
        ++end;
    if (end == offset)
        end = int(qMin(all.size(), qsizetype(offset + 1)));
    int lineFrom = 0;
    int indexFrom = 0;
    int lineTo = 0;
    int indexTo = 0;
    lineIndexOf(offset, &lineFrom, &indexFrom);
    lineIndexOf(end, &lineTo, &indexTo);
    clearErrorMark();
    fillIndicatorRange(lineFrom, indexFrom, lineTo, indexTo, m_errorIndicator);
    markerAdd(lineFrom, m_errorMarker);
    const QSignalBlocker quiet(this);
    setCursorPosition(lineFrom, indexFrom);
}

void SqlEditor::clearErrorMark()
{
    if (m_errorMarker >= 0)
        markerDeleteAll(m_errorMarker);
    if (m_errorIndicator >= 0)
        clearIndicatorRange(0, 0, qMax(0, lines() - 1), int(text(qMax(0, lines() - 1)).size()), m_errorIndicator);
}
