#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The line diff between two versions of a text file (a postgresql.conf, a
// pg_hba.conf, recovery settings). The config editors show it side by side,
// replicactl prints it as `diff -u` would, and the setup plan shows it before
// any file changes. Lines are compared byte for byte, including whether the
// last line ends with a newline, so the diff says exactly what a write does.
class TextDiff
{
public:
    enum class LineKind { Context, Removed, Added };

    struct Line
    {
        LineKind kind = LineKind::Context;
        QByteArray text;             // without its newline
        bool missingNewline = false; // the file's last line, with no newline after it
        int oldNumber = 0;           // 1-based; 0 on an added line
        int newNumber = 0;           // 1-based; 0 on a removed line
    };

    // One `@@ -oldStart,oldCount +newStart,newCount @@` block.
    struct Hunk
    {
        int oldStart = 0;
        int oldCount = 0;
        int newStart = 0;
        int newCount = 0;
        QList<Line> lines;
    };

    enum class RowKind { Same, Changed, Added, Removed };

    // A row of the side-by-side view: a line number of 0 means no line on
    // that side (an added row has no left line, a removed row no right one).
    struct Row
    {
        RowKind kind = RowKind::Same;
        int leftNumber = 0;
        QString leftText;
        int rightNumber = 0;
        QString rightText;
    };

    TextDiff(const QByteArray &before, const QByteArray &after, int context = 3);

    bool isEmpty() const { return m_hunks.isEmpty(); }
    int removedCount() const { return m_removed; }
    int addedCount() const { return m_added; }
    const QList<Hunk> &hunks() const { return m_hunks; }

    // What `diff -u --label beforeLabel --label afterLabel` prints: empty
    // when both texts are the same.
    QByteArray unified(const QString &beforeLabel = QStringLiteral("a"),
                       const QString &afterLabel = QStringLiteral("b")) const;

    // Every line of both texts, aligned; a removed line followed by an added
    // one pairs up as a Changed row.
    QList<Row> rows() const;

private:
    struct Change // a run of removed lines and the added lines replacing them
    {
        int oldIndex = 0; // 0-based, first removed line (or where the insertion goes)
        int removed = 0;
        int newIndex = 0;
        int added = 0;
    };

    void buildHunks(int context);

    QList<QByteArray> m_old;
    QList<QByteArray> m_new;
    bool m_oldMissingNewline = false;
    bool m_newMissingNewline = false;
    QList<Change> m_changes;
    QList<Hunk> m_hunks;
    int m_removed = 0;
    int m_added = 0;
};
