#pragma once

#include "ui/diff/config_line_note.h"

#include <Qsci/qsciscintilla.h>

#include <QHash>
#include <QList>

// One side of ConfigDiffView: a QScintilla editor with line numbers, the
// diff's line colours, a margin of note symbols, the notes that matter shown
// under their lines, invalid values underlined, and the blank display lines
// (annotations) that keep both sides lined up. The left side is read-only;
// the right side is what the user edits.
class DiffEditor : public QsciScintilla
{
    Q_OBJECT

public:
    // The line colours and the margin symbols, as Scintilla marker numbers.
    enum Marker {
        RemovedLine = 0,
        AddedLine,
        ChangedLine,
        ProblemSymbol,
        RestartSymbol,
        OverriddenSymbol,
    };

    explicit DiffEditor(bool editable, QWidget *parent = nullptr);

    // Colours the text with this lexer (owned by the caller; null for plain text).
    void useLexer(QsciLexer *lexer);
    // Replaces the line colours (0-based line numbers).
    void setLineMarkers(const QHash<int, Marker> &lines);
    // Replaces the changed part of changed lines (0-based line -> byte range), drawn stronger.
    void setChangedRanges(const QHash<int, std::pair<int, int>> &ranges);
    // Replaces the notes: margin symbols, underlined values, and the notes shown under their lines.
    void setNotes(const QList<ConfigLineNote> &notes);
    // 0-based line -> display lines its notes take under it.
    QHash<int, int> noteHeights() const;
    // Blank display lines under these lines (see DiffAlignment); call after setNotes().
    void setPadding(const QHash<int, int> &padding);

    static QColor markerColor(Marker marker);
    static Marker symbolOf(ConfigLineNote::Kind kind);
    // Whether a note is written under its line (else only its symbol and tooltip show it).
    static bool showsUnderLine(ConfigLineNote::Kind kind);

signals:
    // The mouse rested over a line (0-based) of the text or its margin; word is the one under it.
    void hoverRequested(int line, const QString &word, const QPoint &globalPos);
    void hoverEnded();

private:
    void defineMarkers();
    void applyMarginStyle();
    void applyAnnotationStyles();
    void onDwellStart(int position, int x, int y);

    int m_annotationStyles = 0; // the first extended style number
    QList<ConfigLineNote> m_notes;
};
