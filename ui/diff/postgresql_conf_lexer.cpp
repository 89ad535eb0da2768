#include "ui/diff/postgresql_conf_lexer.h"

#include "core/conf/conf_file.h"

namespace {

bool isIncludeDirective(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower == "include" || lower == "include_dir" || lower == "include_if_exists";
}

int styleOf(ConfFile::LineToken::Kind kind)
{
    using Kind = ConfFile::LineToken::Kind;
    switch (kind) {
    case Kind::Name:
        return PostgresqlConfLexer::Name;
    case Kind::Equals:
        return PostgresqlConfLexer::Equals;
    case Kind::QuotedString:
        return PostgresqlConfLexer::QuotedString;
    case Kind::Number:
        return PostgresqlConfLexer::Number;
    case Kind::Word:
        return PostgresqlConfLexer::Word;
    case Kind::Comment:
        return PostgresqlConfLexer::Comment;
    case Kind::Error:
        return PostgresqlConfLexer::Error;
    }
    return PostgresqlConfLexer::Default;
}

} // namespace

PostgresqlConfLexer::PostgresqlConfLexer(QObject *parent) : LineLexer(parent)
{
}

const char *PostgresqlConfLexer::language() const
{
    return "postgresql.conf";
}

QString PostgresqlConfLexer::description(int style) const
{
    switch (style) {
    case Default:
        return tr("Default");
    case Comment:
        return tr("Comment");
    case Name:
        return tr("Setting name");
    case Equals:
        return tr("Equals sign");
    case QuotedString:
        return tr("Quoted string");
    case Number:
        return tr("Number");
    case Word:
        return tr("Word");
    case Include:
        return tr("Include directive");
    case Error:
        return tr("Syntax error");
    }
    return {};
}

QColor PostgresqlConfLexer::defaultColor(int style) const
{
    switch (style) {
    case Comment:
        return QColor(0x6e, 0x77, 0x81);
    case Name:
        return QColor(0x05, 0x50, 0xae);
    case Equals:
        return QColor(0x6e, 0x77, 0x81);
    case QuotedString:
        return QColor(0x0a, 0x30, 0x69);
    case Number:
        return QColor(0x95, 0x38, 0x00);
    case Word:
        return QColor(0x11, 0x63, 0x29);
    case Include:
        return QColor(0x82, 0x50, 0xdf);
    case Error:
        return QColor(0xcf, 0x22, 0x2e);
    default:
        return QColor(0x1f, 0x23, 0x28);
    }
}

QColor PostgresqlConfLexer::defaultPaper(int style) const
{
    return style == Error ? QColor(0xff, 0xeb, 0xe9) : LineLexer::defaultPaper(style);
}

bool PostgresqlConfLexer::isBold(int style) const
{
    return style == Include;
}

bool PostgresqlConfLexer::isItalic(int style) const
{
    return style == Comment;
}

QList<LineLexer::Span> PostgresqlConfLexer::styleLine(const QByteArray &line) const
{
    QList<Span> spans;
    for (const ConfFile::LineToken &token : ConfFile::tokenizeLine(line)) {
        int style = styleOf(token.kind);
        if (style == Name && isIncludeDirective(line.mid(token.start, token.end - token.start)))
            style = Include;
        spans.append({token.start, token.end, style});
    }
    return spans;
}
