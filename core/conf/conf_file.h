#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

class VersionRules;

// A postgresql.conf, postgresql.auto.conf or recovery.conf, read with
// PostgreSQL's own grammar (src/backend/utils/misc/guc-file.l) and edited the
// way a careful DBA would: the active line changed in place with its comment,
// else the commented default line switched on, else a line appended under a
// marked block. A file rendered with no edit is byte for byte what was read.
// Used by replicactl conf, the setup plan's config steps, RecoverySettings and
// the sandbox.
class ConfFile
{
public:
    enum class IncludeKind { Include, IncludeDir, IncludeIfExists };

    struct IncludeDirective
    {
        IncludeKind kind = IncludeKind::Include;
        QString path; // as written (relative paths are relative to the including file's folder)
        int line = 0; // 1-based
    };

    // An active `name = value` line.
    struct Setting
    {
        QString name;  // as written
        QString value; // after PostgreSQL's unquoting
        int line = 0;  // 1-based
    };

    // One token of a line as PostgreSQL's lexer reads it (guc-file.l): the diff view's syntax
    // colours and the value it underlines come from here, so they read a line as the server does.
    struct LineToken
    {
        enum class Kind { Name, Equals, QuotedString, Number, Word, Comment, Error };
        Kind kind = Kind::Error;
        int start = 0; // byte offsets in the line
        int end = 0;
    };

    // The block that set() appends under when a setting has no line yet.
    static QByteArray addedBlockMarker() { return QByteArrayLiteral("# Added by Replica Studio"); }

    ConfFile() = default;

    // Refuses what PostgreSQL refuses, with its own words: `syntax error in file "postgresql.conf"
    // line 12, near token "*"` (or "near end of line").
    static Result<ConfFile> parse(const QByteArray &text, const QString &fileName);

    QByteArray render() const;
    const QString &fileName() const { return m_fileName; }
    bool isModified() const { return m_modified; }

    // The value PostgreSQL would take from this file: the last active line of that name (names
    // are case-insensitive); nullopt when no active line sets it.
    std::optional<QString> value(const QString &name) const;
    // The 1-based line that value() reads, or 0.
    int lineOf(const QString &name) const;
    QList<Setting> settings() const;
    QList<IncludeDirective> includes() const;

    // Sets name to value after checking it with the rules of the server's major (an invalid value
    // or a name that major does not have is refused and the file stays as it was). Edits the last
    // active line of that name in place, keeping its comment; else turns the commented default
    // (`#wal_level = minimal  # ...`) into the active line; else appends under addedBlockMarker().
    Result<void> set(const QString &name, const QString &value, const VersionRules &rules);
    // Comments out every active line of that name; false when there was none.
    bool unset(const QString &name);

    // The value as it goes into the file: unquoted where PostgreSQL reads the bare word back
    // unchanged (replica, 128MB, on), else single-quoted with '' and backslash escapes.
    // forceQuotes: strings, which PostgreSQL's sample files always quote.
    static QByteArray renderValue(const QString &value, bool forceQuotes);
    // A value as a person types it (replicactl conf --set, a form field): wrapped in single quotes it
    // is postgresql.conf's own quoted form ('*', 'it''s', as the file's comments spell values) and is
    // read the way PostgreSQL reads it; anything else is the value itself. A value that opens a quote
    // without being one whole quoted string is refused, so quotes meant as syntax never end up
    // inside the value.
    static Result<QString> valueFromTyped(const QString &name, const QString &typed);

    // The tokens of one line (without its newline): the first word is the Name, a '#' outside a
    // quoted string starts the Comment that runs to the end.
    static QList<LineToken> tokenizeLine(const QByteArray &line);

private:
    enum class LineKind { Blank, Comment, Setting, Include };

    struct Line
    {
        QByteArray text; // without its line end
        QByteArray end;  // "\n", "\r\n" kept in text as \r + "\n", or "" for a last line without one
        LineKind kind = LineKind::Blank;
        QString name;  // Setting/Include: the name as written
        QString value; // unquoted value
        int nameStart = 0;
        int valueStart = 0;
        int valueEnd = 0;
        bool valueQuoted = false;
        int commentStart = -1; // where the trailing '#' comment starts, -1 without one
    };

    struct ParsedLine
    {
        Line line;
        std::optional<QString> error; // the token PostgreSQL would name ("" for end of line)
    };

    static ParsedLine parseLine(const QByteArray &text);
    int activeLineIndex(const QString &name) const;
    int commentedDefaultIndex(const QString &name) const;
    QByteArray lineEnding() const;
    void replaceLine(int index, const QByteArray &text);
    void insertLines(int index, const QList<QByteArray> &texts);

    QString m_fileName;
    QList<Line> m_lines;
    bool m_modified = false;
};
