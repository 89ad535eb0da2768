#include "ui/diff/config_diff_view.h"

#include "core/conf/conf_file.h"
#include "core/diff/text_diff.h"
#include "ui/diff/config_line_checks.h"
#include "ui/diff/diff_alignment.h"
#include "ui/diff/diff_editor.h"
#include "ui/diff/hba_rule_table_model.h"
#include "ui/diff/pg_hba_conf_lexer.h"
#include "ui/diff/postgresql_conf_lexer.h"

#include <Qsci/qscilexerproperties.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace {

// Long enough that a fast typist does not pay for a diff per key, short enough to feel live.
constexpr int RefreshDelayMs = 150;

struct DiffMarks
{
    QHash<int, DiffEditor::Marker> left;
    QHash<int, DiffEditor::Marker> right;
    QHash<int, std::pair<int, int>> leftChanged; // the differing middle of a changed line
    QHash<int, std::pair<int, int>> rightChanged;
    QSet<int> changedRightLines; // 1-based
    int changed = 0;
    int added = 0;
    int removed = 0;
};

QByteArray withoutLineEnd(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return bytes;
}

// The bytes of two versions of a line between their common start and common end.
void changedMiddle(const TextDiff::Row &row, DiffMarks &marks)
{
    const QByteArray left = withoutLineEnd(row.leftText);
    const QByteArray right = withoutLineEnd(row.rightText);
    int prefix = 0;
    while (prefix < left.size() && prefix < right.size() && left[prefix] == right[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < left.size() - prefix && suffix < right.size() - prefix &&
           left[left.size() - 1 - suffix] == right[right.size() - 1 - suffix])
        ++suffix;
    marks.leftChanged.insert(row.leftNumber - 1, {prefix, int(left.size()) - suffix});
    marks.rightChanged.insert(row.rightNumber - 1, {prefix, int(right.size()) - suffix});
}

DiffMarks diffMarks(const QList<TextDiff::Row> &rows)
{
    DiffMarks marks;
    for (const TextDiff::Row &row : rows) {
        switch (row.kind) {
        case TextDiff::RowKind::Same:
            break;
        case TextDiff::RowKind::Changed:
            marks.left.insert(row.leftNumber - 1, DiffEditor::ChangedLine);
            marks.right.insert(row.rightNumber - 1, DiffEditor::ChangedLine);
            marks.changedRightLines.insert(row.rightNumber);
            changedMiddle(row, marks);
            ++marks.changed;
            break;
        case TextDiff::RowKind::Removed:
            marks.left.insert(row.leftNumber - 1, DiffEditor::RemovedLine);
            ++marks.removed;
            break;
        case TextDiff::RowKind::Added:
            marks.right.insert(row.rightNumber - 1, DiffEditor::AddedLine);
            marks.changedRightLines.insert(row.rightNumber);
            ++marks.added;
            break;
        }
    }
    return marks;
}

QString colourName(DiffEditor::Marker marker)
{
    return DiffEditor::markerColor(marker).name();
}

QLabel *legendItem(const QString &html, QWidget *parent)
{
    auto *label = new QLabel(html, parent);
    label->setTextFormat(Qt::RichText);
    return label;
}

} // namespace

ConfigDiffView::ConfigDiffView(QWidget *parent) : QWidget(parent)
{
    buildLayout();
    connectScrolling();
    connectToolTips(m_left, false);
    connectToolTips(m_right, true);
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(RefreshDelayMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &ConfigDiffView::refresh);
    connect(m_right, &QsciScintilla::textChanged, this, &ConfigDiffView::onTextChanged);
    connect(m_reset, &QPushButton::clicked, this, &ConfigDiffView::resetToProposal);
}

void ConfigDiffView::buildLayout()
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_reset = new QPushButton(tr("Reset to proposal"), this);
    m_reset->setToolTip(tr("Throw away your edits and show the plan's proposal again."));

    m_left = new DiffEditor(false, this);
    m_left->setObjectName(QStringLiteral("currentEditor"));
    m_left->setAccessibleName(tr("The file as it is now (read only)"));
    m_right = new DiffEditor(true, this);
    m_right->setObjectName(QStringLiteral("proposedEditor"));
    m_right->setAccessibleName(tr("What will be written (editable)"));
    auto *sides = new QSplitter(Qt::Horizontal, this);
    sides->setChildrenCollapsible(false);
    QWidget *currentPane = buildPane(m_left, QString());
    m_currentCaption = currentPane->findChild<QLabel *>();
    sides->addWidget(currentPane);
    sides->addWidget(buildPane(m_right, tr("Proposed: edit here; this text is what will be written")));

    m_problemBar = new QLabel(this);
    m_problemBar->setObjectName(QStringLiteral("problemBar"));
    m_problemBar->setWordWrap(true);
    m_problemBar->setStyleSheet(QStringLiteral("QLabel { background: #ffebe9; color: #82071e; border: 1px solid "
                                               "#ff8182; border-radius: 4px; padding: 6px; }"));
    m_problemBar->hide();

    m_rules = new HbaRuleTableModel(this);
    m_ruleTable = new QTableView(this);
    m_ruleTable->setObjectName(QStringLiteral("hbaRules"));
    m_ruleTable->setAccessibleName(tr("The rules of the proposed pg_hba.conf, in the order PostgreSQL reads them"));
    m_ruleTable->setModel(m_rules);
    m_ruleTable->verticalHeader()->hide();
    m_ruleTable->verticalHeader()->setDefaultSectionSize(m_ruleTable->fontMetrics().height() + 6);
    m_ruleTable->setAlternatingRowColors(true);
    m_ruleTable->horizontalHeader()->setStretchLastSection(true);
    m_ruleTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ruleTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ruleTable->hide();
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->setChildrenCollapsible(false);
    vertical->addWidget(sides);
    vertical->addWidget(m_ruleTable);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 1);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_summary);
    header->addLayout(titles, 1);
    header->addWidget(m_reset, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(buildLegend());
    layout->addWidget(vertical, 1);
    layout->addWidget(m_problemBar);
}

QWidget *ConfigDiffView::buildPane(DiffEditor *editor, const QString &caption)
{
    auto *pane = new QWidget(this);
    auto *label = new QLabel(caption, pane);
    label->setStyleSheet(QStringLiteral("QLabel { color: #57606a; padding: 2px 0; }"));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(label);
    layout->addWidget(editor, 1);
    return pane;
}

QWidget *ConfigDiffView::buildLegend()
{
    auto *legend = new QWidget(this);
    legend->setObjectName(QStringLiteral("legend"));
    auto *layout = new QHBoxLayout(legend);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    const auto swatch = [](DiffEditor::Marker marker, const QString &text) {
        return QStringLiteral("<span style=\"background:%1; border:1px solid #d0d7de\">&nbsp;&nbsp;&nbsp;&nbsp;</span>"
                              "&nbsp;%2")
            .arg(colourName(marker), text.toHtmlEscaped());
    };
    const auto symbol = [](DiffEditor::Marker marker, const QString &glyph, const QString &text) {
        return QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>&nbsp;%3")
            .arg(colourName(marker), glyph, text.toHtmlEscaped());
    };
    layout->addWidget(legendItem(swatch(DiffEditor::ChangedLine, tr("Changed")), legend));
    layout->addWidget(legendItem(swatch(DiffEditor::AddedLine, tr("Added")), legend));
    layout->addWidget(legendItem(swatch(DiffEditor::RemovedLine, tr("Removed")), legend));
    layout->addWidget(legendItem(
        symbol(DiffEditor::ProblemSymbol, QStringLiteral("&#x25CF;"), tr("Invalid: fix it to go on")), legend));
    layout->addWidget(
        legendItem(symbol(DiffEditor::RestartSymbol, QStringLiteral("&#x25B6;"), tr("Needs a restart")), legend));
    layout->addWidget(legendItem(symbol(DiffEditor::OverriddenSymbol, QStringLiteral("&#x2014;"),
                                        tr("Has no effect (overridden or never used)")),
                                 legend));
    layout->addStretch(1);
    return legend;
}

// Both sides have the same number of display lines (DiffAlignment pads them), so the
// same scroll position shows the same rows.
void ConfigDiffView::connectScrolling()
{
    const auto follow = [](QScrollBar *from, QScrollBar *to) {
        connect(from, &QScrollBar::valueChanged, to, [to](int value) {
            if (to->value() != value)
                to->setValue(value);
        });
    };
    follow(m_left->verticalScrollBar(), m_right->verticalScrollBar());
    follow(m_right->verticalScrollBar(), m_left->verticalScrollBar());
    follow(m_left->horizontalScrollBar(), m_right->horizontalScrollBar());
    follow(m_right->horizontalScrollBar(), m_left->horizontalScrollBar());
}

void ConfigDiffView::connectToolTips(DiffEditor *editor, bool right)
{
    connect(editor, &DiffEditor::hoverRequested, this,
            [this, editor, right](int line, const QString &word, const QPoint &globalPos) {
                // The left side has no notes: only what a setting is.
                const QString text = right ? toolTipFor(line + 1, word) : settingToolTip(editor->text(line), word);
                if (!text.isEmpty())
                    QToolTip::showText(globalPos, text, editor);
            });
    connect(editor, &DiffEditor::hoverEnded, this, [] { QToolTip::hideText(); });
}

void ConfigDiffView::setLexers()
{
    for (DiffEditor *editor : {m_left, m_right}) {
        QsciLexer *old = editor->lexer();
        QsciLexer *lexer = nullptr;
        if (m_kind == ConfigKind::PgHbaConf)
            lexer = new PgHbaConfLexer(editor);
        else if (m_kind == ConfigKind::ServiceUnit)
            lexer = new QsciLexerProperties(editor); // [Section] and Key=Value, as systemd reads them
        else if (m_kind != ConfigKind::StandbySignal)
            lexer = new PostgresqlConfLexer(editor);
        editor->useLexer(lexer);
        delete old;
    }
}

void ConfigDiffView::setDocument(ConfigKind kind, const PgVersion &major, const QString &path, const QString &before,
                                 const QString &proposed)
{
    m_kind = kind;
    m_major = major;
    m_path = path;
    m_before = before;
    m_proposed = proposed;
    m_title->setText(path);
    m_currentCaption->setText(before.isEmpty() ? tr("Current file: empty, or not there yet")
                                               : tr("Current file (read-only)"));
    m_ruleTable->setVisible(kind == ConfigKind::PgHbaConf);
    setLexers();
    // A file with Windows line ends gets them on new lines too.
    const auto eol = proposed.contains(QLatin1String("\r\n")) ? QsciScintilla::EolWindows : QsciScintilla::EolUnix;
    m_left->setEolMode(eol);
    m_right->setEolMode(eol);
    m_loading = true;
    m_left->setReadOnly(false);
    m_left->setText(before);
    m_left->setReadOnly(true);
    m_right->setText(proposed);
    m_loading = false;
    m_refreshTimer->stop();
    refresh();
}

void ConfigDiffView::setOtherFiles(const QMap<QString, QByteArray> &files, const QString &dataDir)
{
    m_otherFiles = files;
    m_dataDir = dataDir;
    m_refreshTimer->stop();
    refresh();
}

QString ConfigDiffView::editedText() const
{
    return m_right->text();
}

bool ConfigDiffView::isEdited() const
{
    return editedText() != m_proposed;
}

bool ConfigDiffView::hasBlockingProblems() const
{
    flushPendingRefresh();
    return m_blocked;
}

QStringList ConfigDiffView::problems() const
{
    flushPendingRefresh();
    return m_problems;
}

QList<ConfigLineNote> ConfigDiffView::notes() const
{
    flushPendingRefresh();
    return m_notes;
}

QString ConfigDiffView::toolTipFor(int line, const QString &word) const
{
    flushPendingRefresh();
    QStringList parts;
    for (const ConfigLineNote &note : m_notes)
        if (note.line == line)
            parts << note.message.toHtmlEscaped();
    if (const QString setting = settingToolTip(m_right->text(line - 1), word); !setting.isEmpty())
        parts << setting;
    return parts.join(QStringLiteral("<hr>"));
}

// What a setting is, when the word is the name of the line's setting: words in comments and
// values, and pg_hba.conf's fields, are not settings.
QString ConfigDiffView::settingToolTip(const QString &lineText, const QString &word) const
{
    if (word.isEmpty() || m_kind == ConfigKind::PgHbaConf || m_kind == ConfigKind::StandbySignal ||
        m_kind == ConfigKind::ServiceUnit)
        return {};
    const QByteArray text = lineText.toUtf8();
    const auto tokens = ConfFile::tokenizeLine(text);
    if (tokens.isEmpty() || tokens.first().kind != ConfFile::LineToken::Kind::Name ||
        text.mid(tokens.first().start, tokens.first().end - tokens.first().start) != word.toUtf8())
        return {};
    return ConfigLineChecks::describeSetting(m_major, word);
}

void ConfigDiffView::resetToProposal()
{
    m_right->setText(m_proposed);
    m_refreshTimer->stop();
    refresh();
}

void ConfigDiffView::onTextChanged()
{
    if (m_loading)
        return;
    emit edited();
    m_refreshTimer->start();
}

// A question asked between a key press and the debounced checks gets the answer for what is typed.
void ConfigDiffView::flushPendingRefresh() const
{
    if (m_refreshTimer->isActive()) {
        m_refreshTimer->stop();
        const_cast<ConfigDiffView *>(this)->refresh();
    }
}

void ConfigDiffView::refresh()
{
    const QByteArray edited = editedText().toUtf8();
    const TextDiff diff(m_before.toUtf8(), edited);
    const QList<TextDiff::Row> rows = diff.rows();
    const DiffMarks marks = diffMarks(rows);
    m_left->setLineMarkers(marks.left);
    m_right->setLineMarkers(marks.right);
    m_left->setChangedRanges(marks.leftChanged);
    m_right->setChangedRanges(marks.rightChanged);

    ConfigLineChecks::Input input{m_kind, m_major, m_path, edited, marks.changedRightLines, m_otherFiles, m_dataDir};
    const ConfigLineChecks::Output checked = ConfigLineChecks::check(input);
    m_notes = checked.notes;
    m_right->setNotes(m_notes);
    const DiffAlignment alignment = DiffAlignment::compute(rows, {}, m_right->noteHeights());
    m_left->setPadding(alignment.leftPadding);
    m_right->setPadding(alignment.rightPadding);

    QHash<int, int> shadowedBy;
    QStringList problems;
    for (const ConfigLineNote &note : m_notes) {
        if (note.kind == ConfigLineNote::Kind::Invalid)
            problems << tr("line %1: %2").arg(note.line).arg(note.message);
    }
    for (const ConfigLineNote &note : m_notes) {
        if (note.kind == ConfigLineNote::Kind::Shadowed)
            shadowedBy.insert(note.line, note.otherLine);
    }
    m_rules->setRules(checked.rules, shadowedBy);
    if (m_kind == ConfigKind::PgHbaConf)
        m_ruleTable->resizeColumnsToContents();
    m_problems = problems;
    m_problemBar->setText(tr("The server would refuse this file, so the setup cannot go on until it is fixed:\n%1")
                              .arg(problems.join(QLatin1Char('\n'))));
    m_problemBar->setVisible(!problems.isEmpty());
    showSummary(marks.changed, marks.added, marks.removed);
    m_reset->setEnabled(isEdited());
    const bool blocked = !problems.isEmpty();
    if (blocked != m_blocked) {
        m_blocked = blocked;
        emit blockingChanged(blocked);
    }
}

void ConfigDiffView::showSummary(int changed, int added, int removed)
{
    int restarts = 0;
    for (const ConfigLineNote &note : m_notes)
        restarts += note.kind == ConfigLineNote::Kind::Restart ? 1 : 0;
    QStringList parts{tr("PostgreSQL %1").arg(m_major.majorString())};
    if (changed + added + removed == 0)
        parts << tr("no change");
    else
        parts << tr("changed: %1, added: %2, removed: %3").arg(changed).arg(added).arg(removed);
    if (restarts > 0)
        parts << tr("settings that need a restart: %1").arg(restarts);
    if (isEdited())
        parts << tr("edited by you");
    if (m_kind == ConfigKind::StandbySignal)
        parts << tr("the file is empty on purpose: that it exists makes the server start as a standby");
    if (m_kind == ConfigKind::ServiceUnit)
        parts << tr("systemd-analyze verify checks the unit on the host before it is enabled");
    m_summary->setText(parts.join(QStringLiteral(" · ")));
}
