#pragma once

#include "ui/diff/line_lexer.h"

// Syntax colours for pg_hba.conf in ConfigDiffView: each record's fields
// (connection type, database, user, address and netmask, method, options),
// comments and include lines, so that a misplaced field stands out.
class PgHbaConfLexer : public LineLexer
{
    Q_OBJECT

public:
    enum Style { Default = 0, Comment, Type, Database, User, Address, Method, Option, Include };

    explicit PgHbaConfLexer(QObject *parent = nullptr);

    const char *language() const override;
    QString description(int style) const override;
    QColor defaultColor(int style) const override;

protected:
    QList<Span> styleLine(const QByteArray &line) const override;
    bool isBold(int style) const override;
    bool isItalic(int style) const override;
};
