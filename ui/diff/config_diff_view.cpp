#include "ui/diff/config_diff_view.h"

#include "core/diff/text_diff.h"
#include "ui/diff/diff_alignment.h"
#include "ui/diff/diff_editor.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// Long enough that a fast typist does not pay for a diff per key, short enough to feel live.
constexpr int RefreshDelayMs = 150;

// Each side's line colours from the diff rows.
void lineMarkers(const QList<TextDiff::Row> &rows, QHash<int, DiffEditor::Marker> &left,
                 QHash<int, DiffEditor::Marker> &right)
{
    for (const TextDiff::Row &row : rows) {
        switch (row.kind) {
        case TextDiff::RowKind::Same: break;
        case TextDiff::RowKind::Changed:
            left.insert(row.leftNumber - 1, DiffEditor::ChangedLine);
            right.insert(row.rightNumber - 1, DiffEditor::ChangedLine);
            break;
        case TextDiff::RowKind::Removed: left.insert(row.leftNumber - 1, DiffEditor::RemovedLine); break;
        case TextDiff::RowKind::Added: right.insert(row.rightNumber - 1, DiffEditor::AddedLine); break;
        }
    }
}

} // namespace

ConfigDiffView::ConfigDiffView(QWidget *parent)
    : QWidget(parent)
{
    buildLayout();
    connectScrolling();
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
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_left = new DiffEditor(false, this);
    m_left->setObjectName(QStringLiteral("currentEditor"));
    m_right = new DiffEditor(true, this);
    m_right->setObjectName(QStringLiteral("proposedEditor"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_left);
    splitter->addWidget(m_right);
    m_reset = new QPushButton(tr("Reset to proposal"), this);
    m_reset->setToolTip(tr("Throw away your edits and show the plan's proposal again."));
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);
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

void ConfigDiffView::setDocument(ConfigKind kind, const PgVersion &major, const QString &path, const QString &before,
                                 const QString &proposed)
{
    m_kind = kind;
    m_major = major;
    m_path = path;
    m_before = before;
    m_proposed = proposed;
    m_title->setText(path);
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
    return m_blocked;
}

QStringList ConfigDiffView::problems() const
{
    return m_problems;
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

void ConfigDiffView::refresh()
{
    const TextDiff diff(m_before.toUtf8(), editedText().toUtf8());
    const QList<TextDiff::Row> rows = diff.rows();
    QHash<int, DiffEditor::Marker> left;
    QHash<int, DiffEditor::Marker> right;
    lineMarkers(rows, left, right);
    m_left->setLineMarkers(left);
    m_right->setLineMarkers(right);
    const DiffAlignment alignment = DiffAlignment::compute(rows);
    m_left->setPadding(alignment.leftPadding);
    m_right->setPadding(alignment.rightPadding);
    m_reset->setEnabled(isEdited());
}
