#pragma once

#include "ui/diff/line_lexer.h"

// Syntax colours for postgresql.conf, postgresql.auto.conf and recovery.conf
// in ConfigDiffView: comments, setting names, '=', quoted strings, numbers
// with their units, bare words, include directives and what the server's
// lexer would refuse. Tokens come from ConfFile::tokenizeLine.
class PostgresqlConfLexer : public LineLexer
{
    Q_OBJECT

public:
    enum Style { Default = 0, Comment, Name, Equals, QuotedString, Number, Word, Include, Error };

    explicit PostgresqlConfLexer(QObject *parent = nullptr);

    const char *language() const override;
    QString description(int style) const override;
    QColor defaultColor(int style) const override;
    QColor defaultPaper(int style) const override;

protected:
    QList<Span> styleLine(const QByteArray &line) const override;
    bool isBold(int style) const override;
    bool isItalic(int style) const override;
};
