#include "ui/diff/pg_hba_conf_lexer.h"

namespace {

// A field of a record: blank-separated, double quotes keep blanks and '#' inside.
struct Field
{
    int start = 0;
    int end = 0;
};

// The fields before a comment, and where the comment starts (-1 without one).
QList<Field> splitFields(const QByteArray &line, int *commentStart)
{
    QList<Field> fields;
    *commentStart = -1;
    int i = 0;
    const int size = int(line.size());
    while (i < size) {
        while (i < size && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            ++i;
        if (i >= size)
            break;
        if (line[i] == '#') {
            *commentStart = i;
            break;
        }
        const int start = i;
        bool quoted = false;
        while (i < size && (quoted || (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '#'))) {
            if (line[i] == '"')
                quoted = !quoted;
            ++i;
        }
        fields.append({start, i});
    }
    return fields;
}

// A netmask field follows a plain IP address (no /prefix) in the address column.
bool isNetmask(const QByteArray &address, const QByteArray &field)
{
    if (address.contains('/') || field.isEmpty())
        return false;
    for (char c : field)
        if (!(c == '.' || c == ':' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    return field.contains('.') || field.contains(':');
}

// The style of each field of a record, by its position (local has no address).
QList<int> recordStyles(const QByteArray &line, const QList<Field> &fields)
{
    const auto text = [&](int i) { return line.mid(fields[i].start, fields[i].end - fields[i].start); };
    const QByteArray type = text(0).toLower();
    if (type.startsWith("include"))
        return QList<int>(fields.size(), PgHbaConfLexer::Include);
    QList<int> styles{PgHbaConfLexer::Type, PgHbaConfLexer::Database, PgHbaConfLexer::User};
    if (type != "local") {
        styles << PgHbaConfLexer::Address;
        if (fields.size() > 4 && isNetmask(text(3), text(4)))
            styles << PgHbaConfLexer::Address;
    }
    styles << PgHbaConfLexer::Method;
    while (styles.size() < fields.size())
        styles << PgHbaConfLexer::Option;
    return styles.mid(0, fields.size());
}

} // namespace

PgHbaConfLexer::PgHbaConfLexer(QObject *parent) : LineLexer(parent)
{
}

const char *PgHbaConfLexer::language() const
{
    return "pg_hba.conf";
}

QString PgHbaConfLexer::description(int style) const
{
    switch (style) {
    case Default:
        return tr("Default");
    case Comment:
        return tr("Comment");
    case Type:
        return tr("Connection type");
    case Database:
        return tr("Database");
    case User:
        return tr("User");
    case Address:
        return tr("Address");
    case Method:
        return tr("Authentication method");
    case Option:
        return tr("Authentication option");
    case Include:
        return tr("Include directive");
    }
    return {};
}

QColor PgHbaConfLexer::defaultColor(int style) const
{
    switch (style) {
    case Comment:
        return QColor(0x6e, 0x77, 0x81);
    case Type:
        return QColor(0x82, 0x50, 0xdf);
    case Database:
        return QColor(0x05, 0x50, 0xae);
    case User:
        return QColor(0x95, 0x38, 0x00);
    case Address:
        return QColor(0x11, 0x63, 0x29);
    case Method:
        return QColor(0x1b, 0x7c, 0x83);
    case Option:
        return QColor(0x0a, 0x30, 0x69);
    case Include:
        return QColor(0x82, 0x50, 0xdf);
    default:
        return QColor(0x1f, 0x23, 0x28);
    }
}

bool PgHbaConfLexer::isBold(int style) const
{
    return style == Type || style == Method || style == Include;
}

bool PgHbaConfLexer::isItalic(int style) const
{
    return style == Comment;
}

QList<LineLexer::Span> PgHbaConfLexer::styleLine(const QByteArray &line) const
{
    int commentStart = -1;
    const QList<Field> fields = splitFields(line, &commentStart);
    QList<Span> spans;
    if (!fields.isEmpty()) {
        const QList<int> styles = recordStyles(line, fields);
        for (qsizetype i = 0; i < fields.size(); ++i)
            spans.append({fields[i].start, fields[i].end, styles[i]});
    }
    if (commentStart >= 0)
        spans.append({commentStart, int(line.size()), Comment});
    return spans;
}
