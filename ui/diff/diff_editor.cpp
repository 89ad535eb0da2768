#include "ui/diff/diff_editor.h"

#include <QFontDatabase>

namespace {

constexpr int NumbersMarginIndex = 0;
constexpr int SymbolsMarginIndex = 1;

// Annotation styles, counted from the extended styles Scintilla gives us (above the lexers' own).
constexpr int PaddingStyle = 0;
constexpr int AnnotationStyleCount = 4;

} // namespace

DiffEditor::DiffEditor(bool editable, QWidget *parent)
    : QsciScintilla(parent)
{
    setUtf8(true);
    setReadOnly(!editable);
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(font);
    setMarginsFont(font);
    setWrapMode(WrapNone);
    setMarginType(NumbersMarginIndex, NumberMargin);
    setMarginWidth(NumbersMarginIndex, QStringLiteral("00000"));
    setMarginType(SymbolsMarginIndex, SymbolMargin);
    setMarginWidth(SymbolsMarginIndex, 16);
    setMarginSensitivity(SymbolsMarginIndex, false);
    setCaretLineVisible(editable);
    setCaretLineBackgroundColor(QColor(0xf4, 0xf7, 0xfb));
    setAnnotationDisplay(AnnotationStandard);
    m_annotationStyles = int(SendScintilla(SCI_ALLOCATEEXTENDEDSTYLES, AnnotationStyleCount));
    SendScintilla(SCI_ANNOTATIONSETSTYLEOFFSET, m_annotationStyles);
    defineMarkers();
}

QColor DiffEditor::markerColor(Marker marker)
{
    switch (marker) {
    case RemovedLine: return QColor(0xff, 0xd7, 0xd5);
    case AddedLine: return QColor(0xd1, 0xf5, 0xd3);
    case ChangedLine: return QColor(0xda, 0xe8, 0xfc);
    case ProblemSymbol: return QColor(0xcf, 0x22, 0x2e);
    case RestartSymbol: return QColor(0xbf, 0x87, 0x00);
    case OverriddenSymbol: return QColor(0x82, 0x50, 0xdf);
    case ShadowedSymbol: return QColor(0x82, 0x50, 0xdf);
    }
    return {};
}

void DiffEditor::defineMarkers()
{
    for (Marker marker : {RemovedLine, AddedLine, ChangedLine}) {
        markerDefine(Background, marker);
        setMarkerBackgroundColor(markerColor(marker), marker);
    }
    const QList<QPair<Marker, MarkerSymbol>> symbols = {
        {ProblemSymbol, Circle}, {RestartSymbol, RightTriangle}, {OverriddenSymbol, Minus}, {ShadowedSymbol, Minus}};
    for (const auto &[marker, symbol] : symbols) {
        markerDefine(symbol, marker);
        setMarkerBackgroundColor(markerColor(marker), marker);
        setMarkerForegroundColor(markerColor(marker), marker);
    }
    // The symbol margin shows only the symbols, never the line colours.
    setMarginMarkerMask(SymbolsMarginIndex, (1 << ProblemSymbol) | (1 << RestartSymbol) | (1 << OverriddenSymbol) |
                                          (1 << ShadowedSymbol));
    setMarginMarkerMask(NumbersMarginIndex, 0);
}

void DiffEditor::setLineMarkers(const QHash<int, Marker> &lines)
{
    for (Marker marker : {RemovedLine, AddedLine, ChangedLine})
        markerDeleteAll(marker);
    for (auto it = lines.cbegin(); it != lines.cend(); ++it)
        markerAdd(it.key(), it.value());
}

// Applied before each use: a lexer change resets every style.
void DiffEditor::applyAnnotationStyles()
{
    const int padding = m_annotationStyles + PaddingStyle;
    SendScintilla(SCI_STYLESETBACK, padding, QColor(0xee, 0xee, 0xee));
    SendScintilla(SCI_STYLESETFORE, padding, QColor(0xee, 0xee, 0xee));
}

void DiffEditor::setPadding(const QHash<int, int> &padding)
{
    applyAnnotationStyles();
    clearAnnotations();
    for (auto it = padding.cbegin(); it != padding.cend(); ++it) {
        if (it.value() <= 0)
            continue;
        QStringList blank(it.value(), QStringLiteral(" "));
        annotate(it.key(), blank.join(QLatin1Char('\n')), m_annotationStyles + PaddingStyle);
    }
}
