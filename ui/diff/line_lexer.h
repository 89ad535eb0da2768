#pragma once

#include <Qsci/qscilexercustom.h>

#include <QByteArray>
#include <QList>

// A QScintilla lexer for a line-based configuration file: each line is
// styled on its own from the spans styleLine() returns. Base of the
// postgresql.conf and pg_hba.conf lexers of ConfigDiffView.
class LineLexer : public QsciLexerCustom
{
    Q_OBJECT

public:
    // A run of bytes of one line in one style; bytes no span covers keep style 0.
    struct Span
    {
        int start = 0;
        int end = 0;
        int style = 0;
    };

    explicit LineLexer(QObject *parent = nullptr);

    void styleText(int start, int end) override;
    QFont defaultFont(int style) const override;
    QColor defaultPaper(int style) const override;

protected:
    // The spans of one line, without its line end, in order and not overlapping.
    virtual QList<Span> styleLine(const QByteArray &line) const = 0;
    // Styles shown in bold / italic.
    virtual bool isBold(int style) const;
    virtual bool isItalic(int style) const;
};
