#include "ui/lesson/lesson_pane.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace {

QLabel *wrappedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

} // namespace

LessonPane::LessonPane(QWidget *parent)
    : QWidget(parent), m_steps(LessonScript::steps()), m_list(new QListWidget(this)), m_title(new QLabel(this)),
      m_explanation(wrappedLabel(this)), m_actionsLayout(new QVBoxLayout), m_afterwards(wrappedLabel(this)),
      m_previous(new QPushButton(tr("Previous step"), this)), m_next(new QPushButton(tr("Next step"), this))
{
    setObjectName(QStringLiteral("lessonPane"));
    m_list->setObjectName(QStringLiteral("lessonSteps"));
    m_list->setAccessibleName(tr("Lesson steps"));
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    for (const LessonStep &step : m_steps)
        m_list->addItem(step.title);
    // Every title in view: a wrapped title takes two lines of a narrow dock.
    m_list->setMaximumHeight(m_list->sizeHintForRow(0) * int(m_steps.size() * 3 / 2) + 2 * m_list->frameWidth());
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_current)
            showStep(row);
    });
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_afterwards->setObjectName(QStringLiteral("lessonAfterwards"));
    m_afterwards->setStyleSheet(QStringLiteral("QLabel { background: #e8f4ea; border: 1px solid #2e7d32; "
                                               "border-radius: 4px; padding: 8px; color: #1b4d20; }"));
    connect(m_previous, &QPushButton::clicked, this, [this] { showStep(m_current - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showStep(m_current + 1); });

    m_stepArea = new QWidget(this);
    QWidget *stepArea = m_stepArea;
    auto *stepLayout = new QVBoxLayout(stepArea);
    stepLayout->addWidget(m_title);
    stepLayout->addWidget(m_explanation);
    stepLayout->addLayout(m_actionsLayout);
    stepLayout->addWidget(m_afterwards);
    stepLayout->addStretch();
    auto *moves = new QHBoxLayout;
    moves->addWidget(m_previous);
    moves->addStretch();
    moves->addWidget(m_next);
    stepLayout->addLayout(moves);
    m_scroll = new QScrollArea(this);
    QScrollArea *scroll = m_scroll;
    scroll->setWidget(stepArea);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Always there, so that wrapped text is measured at the width it is drawn at.
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->viewport()->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_list);
    layout->addWidget(scroll, 1);
    showStep(0);
}

void LessonPane::showStep(int index)
{
    if (index < 0 || index >= stepCount())
        return;
    m_current = index;
    const LessonStep &step = m_steps[index];
    {
        const QSignalBlocker quiet(m_list);
        m_list->setCurrentRow(index);
    }
    m_title->setText(step.title);
    m_explanation->setText(step.explanation);
    qDeleteAll(m_actionWidgets);
    m_actionWidgets.clear();
    m_buttons.clear();
    m_outcomeLabels.clear();
    QLayoutItem *item;
    while ((item = m_actionsLayout->takeAt(0)))
        delete item;
    m_states = QList<State>(step.actions.size(), State::Waiting);
    m_outcomes = QStringList(step.actions.size(), QString());
    auto *column = new QVBoxLayout;
    column->setSpacing(4);
    for (int i = 0; i < step.actions.size(); ++i) {
        const LessonAction &action = step.actions[i];
        auto *button = new QPushButton(action.label, this);
        button->setObjectName(QStringLiteral("lessonAction%1").arg(i + 1));
        connect(button, &QPushButton::clicked, this, [this, i] { runAction(i); });
        auto *outcome = wrappedLabel(this);
        outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
        outcome->setTextFormat(Qt::PlainText);
        if (action.kind == LessonAction::Kind::Sql) {
            button->setToolTip(action.sql);
            button->setAccessibleDescription(tr("Runs on the %1: %2").arg(action.server, action.sql));
        }
        auto *sqlText = new QLabel(action.kind == LessonAction::Kind::Sql ? action.sql : QString(), this);
        sqlText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        sqlText->setForegroundRole(QPalette::PlaceholderText);
        sqlText->setTextInteractionFlags(Qt::TextSelectableByMouse);
        sqlText->setWordWrap(true);
        sqlText->setVisible(action.kind == LessonAction::Kind::Sql);
        if (i > 0)
            column->addSpacing(8);
        column->addWidget(button, 0, Qt::AlignLeft);
        column->addWidget(sqlText);
        column->addWidget(outcome);
        m_actionWidgets << button << sqlText << outcome;
        m_buttons << button;
        m_outcomeLabels << outcome;
    }
    m_actionsLayout->addLayout(column);
    showStates();
}

QPushButton *LessonPane::actionButton(int action) const
{
    return m_buttons.value(action);
}

QString LessonPane::outcomeText(int action) const
{
    return m_outcomes.value(action);
}

bool LessonPane::isStepDone() const
{
    return !m_states.isEmpty() &&
           std::all_of(m_states.begin(), m_states.end(), [](State state) { return state == State::Done; });
}

void LessonPane::runAction(int action)
{
    const LessonAction &what = m_steps[m_current].actions[action];
    m_states[action] = State::Running;
    m_outcomes[action] = what.waits ? tr("Running… (it is expected to wait)") : tr("Running…");
    showStates();
    if (what.kind == LessonAction::Kind::Sql)
        emit sqlRequested(m_current, action, what.server, what.sql);
    else
        emit sandboxRequested(m_current, action, what.sandboxAction, what.sandboxOptions);
}

QString LessonPane::outcomeFor(const LessonAction &action, bool ok, const QString &sqlState,
                               const QString &summary) const
{
    if (!action.expectedSqlState.isEmpty())
        return sqlState == action.expectedSqlState ? tr("Refused, as expected (SQLSTATE %1): %2").arg(sqlState, summary)
               : ok ? tr("It was not refused: %1. Is this server still a standby?").arg(summary)
                    : tr("Refused, but not as the lesson expects (SQLSTATE %1): %2").arg(sqlState, summary);
    return ok ? summary : tr("Failed: %1").arg(summary);
}

void LessonPane::actionFinished(int step, int action, bool ok, const QString &sqlState, const QString &summary)
{
    if (step != m_current || action < 0 || action >= m_states.size())
        return; // an answer for a step the user has left
    const LessonAction &what = m_steps[step].actions[action];
    const bool asExpected = what.expectedSqlState.isEmpty() ? ok : sqlState == what.expectedSqlState;
    m_states[action] = asExpected ? State::Done : State::Failed;
    m_outcomes[action] = outcomeFor(what, ok, sqlState, summary);
    showStates();
}

// Buttons in order: each once the one before has ended (or, for a
// statement that is expected to wait, once it started).
void LessonPane::showStates()
{
    const LessonStep &step = m_steps[m_current];
    bool previousEnded = true;
    for (int i = 0; i < m_buttons.size(); ++i) {
        const State state = m_states[i];
        m_buttons[i]->setEnabled(previousEnded && state != State::Running);
        const QString mark = state == State::Done     ? QStringLiteral("✓ ")
                             : state == State::Failed ? QStringLiteral("✗ ")
                                                      : QString();
        m_outcomeLabels[i]->setText(m_outcomes[i].isEmpty() ? QString() : mark + m_outcomes[i]);
        m_outcomeLabels[i]->setStyleSheet(state == State::Failed ? QStringLiteral("QLabel { color: #b01e1e; }")
                                                                 : QString());
        previousEnded =
            state == State::Done || state == State::Failed || (state == State::Running && step.actions[i].waits);
    }
    const bool done = isStepDone();
    m_afterwards->setText(step.afterwards);
    m_afterwards->setVisible(done);
    if (QListWidgetItem *item = m_list->item(m_current); item && done)
        item->setText(QStringLiteral("✓ ") + step.title);
    m_previous->setEnabled(m_current > 0);
    m_next->setEnabled(m_current + 1 < stepCount());
    fitStepArea();
}

bool LessonPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        fitStepArea();
    return QWidget::eventFilter(watched, event);
}

// QScrollArea sizes its widget by the minimum size, which knows nothing of
// wrapped text: ask the layout how tall it is at the width it is shown at.
void LessonPane::fitStepArea()
{
    const int width = m_scroll->viewport()->width();
    m_stepArea->setMinimumHeight(m_stepArea->layout()->heightForWidth(width));
}
