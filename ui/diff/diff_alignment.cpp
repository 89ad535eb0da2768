#include "ui/diff/diff_alignment.h"

#include <algorithm>

namespace {

// The padding one side still owes, put under its last line seen (the first
// line when a gap opens the file: Scintilla has no room above line 1).
struct SidePadding
{
    QHash<int, int> *padding;
    int lastLine = -1;
    int owed = 0;

    void lineSeen(int line)
    {
        flush();
        lastLine = line;
    }
    void flush()
    {
        if (owed > 0 && lastLine >= 0) {
            (*padding)[lastLine] += owed;
            owed = 0;
        }
    }
};

} // namespace

DiffAlignment DiffAlignment::compute(const QList<TextDiff::Row> &rows, const QHash<int, int> &leftNotes,
                                     const QHash<int, int> &rightNotes)
{
    DiffAlignment alignment;
    SidePadding left{&alignment.leftPadding};
    SidePadding right{&alignment.rightPadding};
    for (const TextDiff::Row &row : rows) {
        const int leftLine = row.leftNumber - 1;
        const int rightLine = row.rightNumber - 1;
        const int leftHeight = leftLine >= 0 ? 1 + leftNotes.value(leftLine) : 0;
        const int rightHeight = rightLine >= 0 ? 1 + rightNotes.value(rightLine) : 0;
        const int height = std::max(leftHeight, rightHeight);
        if (leftLine >= 0)
            left.lineSeen(leftLine);
        if (rightLine >= 0)
            right.lineSeen(rightLine);
        left.owed += height - leftHeight;
        right.owed += height - rightHeight;
        // A padded row's blank lines belong right under it when its own line exists.
        if (leftLine >= 0)
            left.flush();
        if (rightLine >= 0)
            right.flush();
    }
    // A gap before any line of a side (lines added at the top of an empty file) goes under its first line.
    if (left.lastLine < 0 && left.owed > 0 && !rows.isEmpty())
        left.lastLine = 0;
    if (right.lastLine < 0 && right.owed > 0 && !rows.isEmpty())
        right.lastLine = 0;
    left.flush();
    right.flush();
    return alignment;
}
