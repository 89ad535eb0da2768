#include "core/diff/text_diff.h"

#include <dtl/dtl.hpp>

#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

// The lines of a text as views into it, each with its newline when it has
// one: "x" at the end of a file without a newline differs from "x\n", as it
// does for diff(1).
std::vector<std::string_view> splitLines(const QByteArray &text)
{
    std::vector<std::string_view> lines;
    const char *data = text.constData();
    const qsizetype size = text.size();
    qsizetype start = 0;
    while (start < size) {
        qsizetype end = text.indexOf('\n', start);
        end = end < 0 ? size : end + 1;
        lines.emplace_back(data + start, size_t(end - start));
        start = end;
    }
    return lines;
}

// Slides each run of changed lines of one file to where diff(1) puts it:
// back to merge with earlier runs, forward as far as equal lines allow, then
// back again to line up with a change in the other file when one is passed.
// Without this, an inserted block that starts like the line after it could be
// shown one line off from what `diff -u` shows.
void shiftBoundaries(const std::vector<int> &ids, std::vector<char> &changed, const std::vector<char> &otherChanged)
{
    const int n = int(ids.size());
    // Where the k-th unchanged line of the other file sits.
    std::vector<int> otherUnchanged;
    for (int j = 0; j < int(otherChanged.size()); ++j)
        if (!otherChanged[size_t(j)])
            otherUnchanged.push_back(j);
    const int m = int(otherChanged.size());
    // Does the other file have changed lines where a run of this file that
    // follows `unchangedBefore` unchanged lines sits?
    const auto otherChangeAt = [&](int unchangedBefore) {
        const int j = unchangedBefore == 0 ? 0 : otherUnchanged[size_t(unchangedBefore - 1)] + 1;
        return j < m && otherChanged[size_t(j)];
    };

    int i = 0;
    int unchanged = 0; // unchanged lines before i
    while (true) {
        while (i < n && !changed[size_t(i)]) {
            ++i;
            ++unchanged;
        }
        if (i == n)
            break;
        int start = i;
        while (i < n && changed[size_t(i)])
            ++i;
        int corresponding = -1;
        int length = 0;
        do {
            length = i - start;
            while (start > 0 && ids[size_t(start - 1)] == ids[size_t(i - 1)]) {
                changed[size_t(--start)] = 1;
                changed[size_t(--i)] = 0;
                --unchanged;
                while (start > 0 && changed[size_t(start - 1)])
                    --start;
            }
            corresponding = otherChangeAt(unchanged) ? i : -1;
            while (i < n && ids[size_t(start)] == ids[size_t(i)]) {
                changed[size_t(start++)] = 0;
                changed[size_t(i++)] = 1;
                ++unchanged;
                while (i < n && changed[size_t(i)])
                    ++i;
                if (otherChangeAt(unchanged))
                    corresponding = i;
            }
        } while (length != i - start);
        while (corresponding >= 0 && corresponding < i && start > 0 && ids[size_t(start - 1)] == ids[size_t(i - 1)]) {
            changed[size_t(--start)] = 1;
            changed[size_t(--i)] = 0;
            --unchanged;
        }
        // unchanged counts lines before `start`; skip past the run.
    }
}

QByteArray withoutNewline(std::string_view line)
{
    if (!line.empty() && line.back() == '\n')
        line.remove_suffix(1);
    return QByteArray(line.data(), qsizetype(line.size()));
}

} // namespace

TextDiff::TextDiff(const QByteArray &before, const QByteArray &after, int context)
{
    const std::vector<std::string_view> oldLines = splitLines(before);
    const std::vector<std::string_view> newLines = splitLines(after);
    m_oldMissingNewline = !before.isEmpty() && !before.endsWith('\n');
    m_newMissingNewline = !after.isEmpty() && !after.endsWith('\n');
    m_old.reserve(qsizetype(oldLines.size()));
    for (const auto &line : oldLines)
        m_old.append(withoutNewline(line));
    m_new.reserve(qsizetype(newLines.size()));
    for (const auto &line : newLines)
        m_new.append(withoutNewline(line));

    // Compare small integers rather than strings: one id per distinct line.
    std::unordered_map<std::string_view, int> idOf;
    idOf.reserve(oldLines.size() + newLines.size());
    const auto toIds = [&](const std::vector<std::string_view> &lines) {
        std::vector<int> ids;
        ids.reserve(lines.size());
        for (const auto &line : lines)
            ids.push_back(idOf.try_emplace(line, int(idOf.size())).first->second);
        return ids;
    };
    const std::vector<int> oldIds = toIds(oldLines);
    const std::vector<int> newIds = toIds(newLines);

    const size_t n = oldIds.size();
    const size_t m = newIds.size();
    std::vector<char> oldChanged(n, 0);
    std::vector<char> newChanged(m, 0);

    // The common head and tail need no search (and dtl wants two non-empty
    // sequences).
    size_t head = 0;
    while (head < n && head < m && oldIds[head] == newIds[head])
        ++head;
    size_t tail = 0;
    while (tail < n - head && tail < m - head && oldIds[n - 1 - tail] == newIds[m - 1 - tail])
        ++tail;
    const std::vector<int> oldMiddle(oldIds.begin() + qsizetype(head), oldIds.end() - qsizetype(tail));
    const std::vector<int> newMiddle(newIds.begin() + qsizetype(head), newIds.end() - qsizetype(tail));
    if (oldMiddle.empty() || newMiddle.empty()) {
        for (size_t i = 0; i < oldMiddle.size(); ++i)
            oldChanged[head + i] = 1;
        for (size_t i = 0; i < newMiddle.size(); ++i)
            newChanged[head + i] = 1;
    } else {
        dtl::Diff<int> diff(oldMiddle, newMiddle);
        diff.onHuge();
        diff.compose();
        size_t i = head;
        size_t j = head;
        for (const auto &element : diff.getSes().getSequence()) {
            switch (element.second.type) {
            case dtl::SES_COMMON:
                ++i;
                ++j;
                break;
            case dtl::SES_DELETE:
                oldChanged[i++] = 1;
                break;
            case dtl::SES_ADD:
                newChanged[j++] = 1;
                break;
            }
        }
    }

    shiftBoundaries(oldIds, oldChanged, newChanged);
    shiftBoundaries(newIds, newChanged, oldChanged);

    // Pair the files up again: unchanged lines match in order; everything
    // changed between two unchanged lines is one Change.
    size_t i = 0;
    size_t j = 0;
    while (i < n || j < m) {
        if ((i < n && oldChanged[i]) || (j < m && newChanged[j])) {
            Change change;
            change.oldIndex = int(i);
            change.newIndex = int(j);
            while (i < n && oldChanged[i]) {
                ++i;
                ++change.removed;
            }
            while (j < m && newChanged[j]) {
                ++j;
                ++change.added;
            }
            m_removed += change.removed;
            m_added += change.added;
            m_changes.append(change);
        } else {
            ++i;
            ++j;
        }
    }
    buildHunks(context);
}

void TextDiff::buildHunks(int context)
{
    const int oldSize = int(m_old.size());
    const int newSize = int(m_new.size());
    const auto contextLine = [&](int oldIndex, int newIndex) {
        Line line;
        line.kind = LineKind::Context;
        line.text = m_old[oldIndex];
        line.oldNumber = oldIndex + 1;
        line.newNumber = newIndex + 1;
        line.missingNewline = oldIndex == oldSize - 1 && m_oldMissingNewline;
        return line;
    };

    qsizetype c = 0;
    while (c < m_changes.size()) {
        // Changes closer than two contexts apart share a hunk, as in diff(1).
        qsizetype last = c;
        while (last + 1 < m_changes.size()) {
            const Change &a = m_changes[last];
            const Change &b = m_changes[last + 1];
            if (b.oldIndex - (a.oldIndex + a.removed) > 2 * context)
                break;
            ++last;
        }
        const Change &first = m_changes[c];
        const Change &end = m_changes[last];
        Hunk hunk;
        const int before = std::min(context, first.oldIndex);
        int oldIndex = first.oldIndex - before;
        int newIndex = first.newIndex - before;
        const int oldStop = std::min(oldSize, end.oldIndex + end.removed + context);
        hunk.oldStart = oldIndex;
        hunk.newStart = newIndex;
        for (qsizetype k = c; k <= last; ++k) {
            const Change &change = m_changes[k];
            while (oldIndex < change.oldIndex)
                hunk.lines.append(contextLine(oldIndex++, newIndex++));
            for (int r = 0; r < change.removed; ++r, ++oldIndex) {
                Line line;
                line.kind = LineKind::Removed;
                line.text = m_old[oldIndex];
                line.oldNumber = oldIndex + 1;
                line.missingNewline = oldIndex == oldSize - 1 && m_oldMissingNewline;
                hunk.lines.append(line);
            }
            for (int a = 0; a < change.added; ++a, ++newIndex) {
                Line line;
                line.kind = LineKind::Added;
                line.text = m_new[newIndex];
                line.newNumber = newIndex + 1;
                line.missingNewline = newIndex == newSize - 1 && m_newMissingNewline;
                hunk.lines.append(line);
            }
        }
        while (oldIndex < oldStop)
            hunk.lines.append(contextLine(oldIndex++, newIndex++));
        hunk.oldCount = oldIndex - hunk.oldStart;
        hunk.newCount = newIndex - hunk.newStart;
        // diff(1) numbers lines from 1 and names the line before an empty range.
        if (hunk.oldCount > 0)
            ++hunk.oldStart;
        if (hunk.newCount > 0)
            ++hunk.newStart;
        m_hunks.append(hunk);
        c = last + 1;
    }
}

QByteArray TextDiff::unified(const QString &beforeLabel, const QString &afterLabel) const
{
    if (m_hunks.isEmpty())
        return {};
    const auto range = [](int start, int count) {
        return count == 1 ? QByteArray::number(start) : QByteArray::number(start) + ',' + QByteArray::number(count);
    };
    QByteArray out;
    out += "--- " + beforeLabel.toUtf8() + '\n';
    out += "+++ " + afterLabel.toUtf8() + '\n';
    for (const Hunk &hunk : m_hunks) {
        out += "@@ -" + range(hunk.oldStart, hunk.oldCount) + " +" + range(hunk.newStart, hunk.newCount) + " @@\n";
        for (const Line &line : hunk.lines) {
            out += line.kind == LineKind::Context ? ' ' : line.kind == LineKind::Removed ? '-' : '+';
            out += line.text;
            out += '\n';
            if (line.missingNewline)
                out += "\\ No newline at end of file\n";
        }
    }
    return out;
}

QList<TextDiff::Row> TextDiff::rows() const
{
    QList<Row> rows;
    rows.reserve(std::max(m_old.size(), m_new.size()) + m_added);
    int oldIndex = 0;
    int newIndex = 0;
    const auto same = [&](int untilOld) {
        while (oldIndex < untilOld) {
            Row row;
            row.kind = RowKind::Same;
            row.leftNumber = oldIndex + 1;
            row.leftText = QString::fromUtf8(m_old[oldIndex++]);
            row.rightNumber = newIndex + 1;
            row.rightText = QString::fromUtf8(m_new[newIndex++]);
            rows.append(row);
        }
    };
    for (const Change &change : m_changes) {
        same(change.oldIndex);
        const int paired = std::min(change.removed, change.added);
        for (int k = 0; k < std::max(change.removed, change.added); ++k) {
            Row row;
            if (k < change.removed) {
                row.leftNumber = oldIndex + 1;
                row.leftText = QString::fromUtf8(m_old[oldIndex++]);
            }
            if (k < change.added) {
                row.rightNumber = newIndex + 1;
                row.rightText = QString::fromUtf8(m_new[newIndex++]);
            }
            row.kind = k < paired ? RowKind::Changed : k < change.removed ? RowKind::Removed : RowKind::Added;
            rows.append(row);
        }
    }
    same(int(m_old.size()));
    return rows;
}
