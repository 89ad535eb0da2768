#include "ui/diff/diff_editor.h"

#include <Qsci/qscistyledtext.h>

#include <QFontDatabase>

namespace {

constexpr int NumbersMarginIndex = 0;
constexpr int SymbolsMarginIndex = 1;

// Annotation styles, counted from the extended styles Scintilla gives us (above the lexers' own).
enum AnnotationStyle { PaddingStyle = 0, InvalidStyle, OverriddenStyle, AnnotationStyleCount };

// Indicators: the changed part of a changed line, and an invalid value.
constexpr int ChangedTextIndicator = 8;
constexpr int InvalidValueIndicator = 9;

constexpr int DwellMs = 400;

int annotationStyleOf(ConfigLineNote::Kind kind)
{
    return kind == ConfigLineNote::Kind::Invalid ? InvalidStyle : OverriddenStyle;
}

} // namespace

DiffEditor::DiffEditor(bool editable, QWidget *parent) : QsciScintilla(parent)
{
    setUtf8(true);
    setReadOnly(!editable);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    applyMarginStyle();
    setWrapMode(WrapNone);
    setMarginType(NumbersMarginIndex, NumberMargin);
    setMarginWidth(NumbersMarginIndex, QStringLiteral("00000"));
    setMarginType(SymbolsMarginIndex, SymbolMargin);
    setMarginWidth(SymbolsMarginIndex, 16);
    setMarginSensitivity(SymbolsMarginIndex, false);
    setCaretLineVisible(editable);
    setCaretLineBackgroundColor(QColor(0xf4, 0xf7, 0xfb));
    setAnnotationDisplay(AnnotationStandard);
    m_annotationStyles = int(SendScintilla(SCI_ALLOCATEEXTENDEDSTYLES, int(AnnotationStyleCount)));
    SendScintilla(SCI_ANNOTATIONSETSTYLEOFFSET, m_annotationStyles);
    indicatorDefine(StraightBoxIndicator, ChangedTextIndicator);
    setIndicatorForegroundColor(QColor(0x54, 0x8c, 0xe8, 90), ChangedTextIndicator);
    SendScintilla(SCI_INDICSETUNDER, ChangedTextIndicator, true);
    indicatorDefine(SquiggleIndicator, InvalidValueIndicator);
    setIndicatorForegroundColor(markerColor(ProblemSymbol), InvalidValueIndicator);
    defineMarkers();
    SendScintilla(SCI_SETMOUSEDWELLTIME, DwellMs);
    connect(this, &QsciScintillaBase::SCN_DWELLSTART, this, &DiffEditor::onDwellStart);
    connect(this, &QsciScintillaBase::SCN_DWELLEND, this, &DiffEditor::hoverEnded);
}

void DiffEditor::applyMarginStyle()
{
    setMarginsFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setMarginsBackgroundColor(QColor(0xf6, 0xf8, 0xfa));
    setMarginsForegroundColor(QColor(0x6e, 0x77, 0x81));
}

// A lexer change resets every style, the line numbers' included.
void DiffEditor::useLexer(QsciLexer *lexer)
{
    setLexer(lexer);
    if (!lexer)
        setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    applyMarginStyle();
}

QColor DiffEditor::markerColor(Marker marker)
{
    switch (marker) {
    case RemovedLine:
        return QColor(0xff, 0xe0, 0xde);
    case AddedLine:
        return QColor(0xda, 0xfb, 0xe1);
    case ChangedLine:
        return QColor(0xe3, 0xee, 0xff);
    case ProblemSymbol:
        return QColor(0xcf, 0x22, 0x2e);
    case RestartSymbol:
        return QColor(0xbf, 0x87, 0x00);
    case OverriddenSymbol:
        return QColor(0x82, 0x50, 0xdf);
    }
    return {};
}

DiffEditor::Marker DiffEditor::symbolOf(ConfigLineNote::Kind kind)
{
    switch (kind) {
    case ConfigLineNote::Kind::Invalid:
        return ProblemSymbol;
    case ConfigLineNote::Kind::Restart:
        return RestartSymbol;
    case ConfigLineNote::Kind::Overridden:
    case ConfigLineNote::Kind::Shadowed:
        return OverriddenSymbol;
    }
    return ProblemSymbol;
}

bool DiffEditor::showsUnderLine(ConfigLineNote::Kind kind)
{
    return kind != ConfigLineNote::Kind::Restart;
}

void DiffEditor::defineMarkers()
{
    for (Marker marker : {RemovedLine, AddedLine, ChangedLine}) {
        markerDefine(Background, marker);
        setMarkerBackgroundColor(markerColor(marker), marker);
    }
    const QList<QPair<Marker, MarkerSymbol>> symbols = {
        {ProblemSymbol, Circle}, {RestartSymbol, RightTriangle}, {OverriddenSymbol, Minus}};
    for (const auto &[marker, symbol] : symbols) {
        markerDefine(symbol, marker);
        setMarkerBackgroundColor(markerColor(marker), marker);
        setMarkerForegroundColor(markerColor(marker), marker);
    }
    // The symbol margin shows only the symbols, never the line colours.
    setMarginMarkerMask(SymbolsMarginIndex, (1 << ProblemSymbol) | (1 << RestartSymbol) | (1 << OverriddenSymbol));
    setMarginMarkerMask(NumbersMarginIndex, 0);
}

void DiffEditor::setLineMarkers(const QHash<int, Marker> &lines)
{
    for (Marker marker : {RemovedLine, AddedLine, ChangedLine})
        markerDeleteAll(marker);
    for (auto it = lines.cbegin(); it != lines.cend(); ++it)
        markerAdd(it.key(), it.value());
}

void DiffEditor::setChangedRanges(const QHash<int, std::pair<int, int>> &ranges)
{
    SendScintilla(SCI_SETINDICATORCURRENT, ChangedTextIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, SendScintilla(SCI_GETLENGTH));
    for (auto it = ranges.cbegin(); it != ranges.cend(); ++it) {
        const long lineStart = SendScintilla(SCI_POSITIONFROMLINE, it.key());
        SendScintilla(SCI_INDICATORFILLRANGE, lineStart + it->first, it->second - it->first);
    }
}

void DiffEditor::setNotes(const QList<ConfigLineNote> &notes)
{
    m_notes = notes;
    for (Marker marker : {ProblemSymbol, RestartSymbol, OverriddenSymbol})
        markerDeleteAll(marker);
    SendScintilla(SCI_SETINDICATORCURRENT, InvalidValueIndicator);
    SendScintilla(SCI_INDICATORCLEARRANGE, 0, SendScintilla(SCI_GETLENGTH));
    for (const ConfigLineNote &note : notes) {
        markerAdd(note.line - 1, symbolOf(note.kind));
        if (note.kind == ConfigLineNote::Kind::Invalid && note.start >= 0 && note.end > note.start) {
            const long lineStart = SendScintilla(SCI_POSITIONFROMLINE, note.line - 1);
            SendScintilla(SCI_INDICATORFILLRANGE, lineStart + note.start, note.end - note.start);
        }
    }
}

QHash<int, int> DiffEditor::noteHeights() const
{
    QHash<int, int> heights;
    for (const ConfigLineNote &note : m_notes)
        if (showsUnderLine(note.kind))
            ++heights[note.line - 1];
    return heights;
}

// Applied before each use: a lexer change resets every style.
void DiffEditor::applyAnnotationStyles()
{
    const QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    const struct
    {
        int style;
        QColor fore;
        QColor back;
    } styles[] = {
        // Scintilla paints an annotation's background only under its text: blank lines stay white.
        {PaddingStyle, Qt::white, Qt::white},
        {InvalidStyle, QColor(0x82, 0x07, 0x1e), QColor(0xff, 0xf0, 0xee)},
        {OverriddenStyle, QColor(0x51, 0x2a, 0x97), QColor(0xf5, 0xf0, 0xff)},
    };
    for (const auto &style : styles) {
        const int number = m_annotationStyles + style.style;
        SendScintilla(SCI_STYLESETFORE, number, style.fore);
        SendScintilla(SCI_STYLESETBACK, number, style.back);
        SendScintilla(SCI_STYLESETFONT, number, font.family().toUtf8().constData());
        SendScintilla(SCI_STYLESETSIZE, number, std::max(font.pointSize() - 1, 7));
    }
}

void DiffEditor::setPadding(const QHash<int, int> &padding)
{
    applyAnnotationStyles();
    clearAnnotations();
    QHash<int, QList<QsciStyledText>> annotations;
    for (const ConfigLineNote &note : m_notes) {
        if (!showsUnderLine(note.kind))
            continue;
        QList<QsciStyledText> &parts = annotations[note.line - 1];
        const QString text = (parts.isEmpty() ? QString() : QStringLiteral("\n")) + QStringLiteral("  ") + note.message;
        parts.append(QsciStyledText(text, m_annotationStyles + annotationStyleOf(note.kind)));
    }
    for (auto it = padding.cbegin(); it != padding.cend(); ++it) {
        if (it.value() <= 0)
            continue;
        QList<QsciStyledText> &parts = annotations[it.key()];
        QStringList blank(it.value(), QStringLiteral(" "));
        const QString text = (parts.isEmpty() ? QString() : QStringLiteral("\n")) + blank.join(QLatin1Char('\n'));
        parts.append(QsciStyledText(text, m_annotationStyles + PaddingStyle));
    }
    for (auto it = annotations.cbegin(); it != annotations.cend(); ++it)
        annotate(it.key(), it.value());
}

void DiffEditor::onDwellStart(int position, int x, int y)
{
    const long nearest = SendScintilla(SCI_POSITIONFROMPOINT, x, y);
    const int line = int(SendScintilla(SCI_LINEFROMPOSITION, nearest));
    QString word;
    if (position >= 0) {
        const long start = SendScintilla(SCI_WORDSTARTPOSITION, position, true);
        const long end = SendScintilla(SCI_WORDENDPOSITION, position, true);
        if (end > start) {
            QByteArray bytes(end - start + 1, '\0');
            SendScintilla(SCI_GETTEXTRANGE, start, end, bytes.data());
            bytes.chop(1);
            word = QString::fromUtf8(bytes);
        }
    }
    emit hoverRequested(line, word, viewport()->mapToGlobal(QPoint(x, y)));
}
