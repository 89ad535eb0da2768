#pragma once

#include <Qsci/qsciscintilla.h>

#include <QHash>
#include <QList>

// One side of ConfigDiffView: a QScintilla editor with line numbers, the
// diff's line colours, a margin of marker symbols and the blank display lines
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
        ShadowedSymbol,
    };

    explicit DiffEditor(bool editable, QWidget *parent = nullptr);

    // Replaces the line colours (0-based line numbers).
    void setLineMarkers(const QHash<int, Marker> &lines);
    // Blank display lines under these lines (see DiffAlignment).
    void setPadding(const QHash<int, int> &padding);

    static QColor markerColor(Marker marker);

private:
    void defineMarkers();
    void applyAnnotationStyles();

    int m_annotationStyles = 0; // the first extended style number
};
