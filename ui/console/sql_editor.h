#pragma once

#include <Qsci/qsciscintilla.h>

// The query console's SQL editor: QScintilla with the SQL lexer, line
// numbers and the current line highlighted. It knows where the statement
// under the cursor is, and marks the place an error points at.
class SqlEditor : public QsciScintilla
{
    Q_OBJECT

public:
    explicit SqlEditor(QWidget *parent = nullptr);

    // The cursor's place in text() (a QString index).
    int cursorOffset() const;
    // The selection's start in text(), or -1 when nothing is selected.
    int selectionOffset() const;
    // Underlines the word at offset (a QString index into text()) in red and
    // puts the cursor there; cleared by clearErrorMark() or any edit.
    void markError(int offset);
    void clearErrorMark();

private:
    void lineIndexOf(int offset, int *line, int *index) const;

    int m_errorIndicator = -1;
    int m_errorMarker = -1;
};
