#pragma once

#include "core/diff/text_diff.h"

#include <QHash>
#include <QList>

// Where blank display lines go so that a side-by-side diff lines up: a row
// with a line on one side only (an added or removed line), or a line with
// notes under it on one side, is padded on the other side with as many empty
// lines, shown under the nearest line above. Plain value computed from
// TextDiff's rows; ConfigDiffView puts the padding into its editors.
struct DiffAlignment
{
    // 0-based line -> number of blank display lines under it.
    QHash<int, int> leftPadding;
    QHash<int, int> rightPadding;

    // notes: 0-based line -> display lines already shown under it (annotations).
    static DiffAlignment compute(const QList<TextDiff::Row> &rows, const QHash<int, int> &leftNotes = {},
                                 const QHash<int, int> &rightNotes = {});
};
