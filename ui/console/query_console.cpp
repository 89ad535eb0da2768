#include "ui/console/query_console.h"

#include "core/pg/query_session.h"
#include "ui/console/result_table_model.h"
#include "ui/console/result_view.h"
#include "ui/console/sql_editor.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr int kHistorySize = 30;

QString historySettingsKey(const QString &clusterId)
{
    return QStringLiteral("console/history/%1").arg(clusterId.isEmpty() ? QStringLiteral("default") : clusterId);
}

QAction *makeAction(QWidget *owner, const QString &text, const QString &tip, const QList<QKeySequence> &keys,
                    const QString &icon)
{
    auto *action = new QAction(QIcon::fromTheme(icon), text, owner);
    action->setStatusTip(tip);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, keys.first().toString(QKeySequence::NativeText)));
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    owner->addAction(action);
    return action;
}

QToolButton *buttonFor(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

} // namespace

QueryConsole::QueryConsole(QWidget *parent)
    : QWidget(parent), m_editor(new SqlEditor), m_target(new QComboBox), m_badge(new QLabel),
      m_historyButton(new QToolButton), m_resultArea(new QStackedWidget), m_tabs(new QTabWidget),
      m_rowLimit(QSettings().value(QStringLiteral("console/rowLimit"), QuerySession::kDefaultRowLimit).toLongLong())
{
    m_run = makeAction(this, tr("Run"), tr("Run the statement under the cursor, or the selected text"),
                       {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
                       QStringLiteral("media-playback-start"));
    m_runScript = makeAction(
        this, tr("Run Script"), tr("Run every statement in the editor, one after the other"),
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter)},
        QStringLiteral("media-skip-forward"));
    m_cancel = makeAction(this, tr("Cancel"), tr("Cancel the running statement"), {QKeySequence(Qt::Key_Escape)},
                          QStringLiteral("process-stop"));
    connect(m_run, &QAction::triggered, this, &QueryConsole::runStatement);
    connect(m_runScript, &QAction::triggered, this, &QueryConsole::runScript);
    connect(m_cancel, &QAction::triggered, this, &QueryConsole::cancel);

    m_editor->setObjectName(QStringLiteral("sqlEditor"));
    m_editor->setAccessibleName(tr("SQL editor"));
    m_editor->setAccessibleDescription(
        tr("Ctrl+Enter runs the statement under the cursor; Ctrl+Shift+Enter runs the whole script."));
    m_target->setAccessibleName(tr("Server the statements run on"));
    m_tabs->setObjectName(QStringLiteral("resultTabs"));
    m_tabs->setDocumentMode(true);
    auto *placeholder = new QLabel(tr("Results appear here, one tab per statement.\nCtrl+Enter runs the statement "
                                      "under the cursor; Ctrl+Shift+Enter runs the whole script."));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setStyleSheet(QStringLiteral("color: palette(dark);"));
    m_resultArea->addWidget(placeholder);
    m_resultArea->addWidget(m_tabs);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("consoleSplitter"));
    splitter->addWidget(m_editor);
    splitter->addWidget(m_resultArea);
    // The results get the larger part: an error and its explanation must fit.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({200, 300});
    splitter->setChildrenCollapsible(false);
    m_editor->setMinimumHeight(80);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeToolbar());
    layout->addWidget(splitter, 1);
    connect(m_target, &QComboBox::currentIndexChanged, this, &QueryConsole::updateBadge);
    updateBadge();
    updateActions();
}

QueryConsole::~QueryConsole() = default;

QWidget *QueryConsole::makeToolbar()
{
    auto *bar = new QWidget;
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(6, 6, 6, 6);
    auto *label = new QLabel(tr("&Server:"));
    label->setBuddy(m_target);
    m_target->setObjectName(QStringLiteral("targetSelector"));
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_badge->setObjectName(QStringLiteral("targetBadge"));
    m_historyButton->setText(tr("History"));
    m_historyButton->setToolTip(tr("Statements run before on this cluster"));
    m_historyButton->setPopupMode(QToolButton::InstantPopup);
    m_historyButton->setMenu(new QMenu(m_historyButton));
    connect(m_historyButton->menu(), &QMenu::aboutToShow, this, &QueryConsole::showHistoryMenu);
    row->addWidget(label);
    row->addWidget(m_target);
    row->addWidget(m_badge);
    row->addStretch(1);
    row->addWidget(m_historyButton);
    row->addWidget(buttonFor(m_run));
    row->addWidget(buttonFor(m_runScript));
    row->addWidget(buttonFor(m_cancel));
    return bar;
}

void QueryConsole::setTargets(const QList<QueryTarget> &targets)
{
    const QString selected = currentTarget();
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        const bool kept = std::any_of(targets.begin(), targets.end(), [&](const QueryTarget &target) {
            return target.name == it.key() && target.conninfo == it.value()->conninfo();
        });
        if (kept) {
            ++it;
            continue;
        }
        if (it.value() == m_active)
            m_active = nullptr;
        delete it.value();
        it = m_sessions.erase(it);
    }
    m_targets = targets;
    const QSignalBlocker quiet(m_target);
    m_target->clear();
    for (const QueryTarget &target : targets)
        m_target->addItem(target.name);
    const int index = m_target->findText(selected);
    m_target->setCurrentIndex(index >= 0 ? index : 0);
    updateBadge();
    updateActions();
}

void QueryConsole::setHistoryKey(const QString &clusterId)
{
    m_historyKey = clusterId;
}

QStringList QueryConsole::history() const
{
    return QSettings().value(historySettingsKey(m_historyKey)).toStringList();
}

QString QueryConsole::currentTarget() const
{
    return m_target->currentText();
}

bool QueryConsole::isRunning() const
{
    return m_active && m_active->isRunning();
}

ResultView *QueryConsole::resultView(int index) const
{
    return qobject_cast<ResultView *>(m_tabs->widget(index));
}

void QueryConsole::updateBadge()
{
    const int index = m_target->currentIndex();
    if (index < 0 || index >= m_targets.size()) {
        m_badge->hide();
        return;
    }
    const bool standby = m_targets.at(index).isStandby;
    m_badge->setText(standby ? tr("Read-only standby") : tr("Primary: reads and writes"));
    m_badge->setToolTip(standby ? tr("This server is a hot standby. It answers reads; a write fails with SQLSTATE "
                                     "25006. Send writes to the primary.")
                                : tr("This server is the primary: writes made here reach the standbys."));
    m_badge->setStyleSheet(standby ? QStringLiteral("QLabel { background: #fff3cd; color: #7a5200; border: 1px solid "
                                                    "#e0b84c; border-radius: 9px; padding: 2px 10px; font-weight: "
                                                    "bold; }")
                                   : QStringLiteral("QLabel { background: #e3f4e8; color: #1d6b35; border: 1px solid "
                                                    "#8fcca0; border-radius: 9px; padding: 2px 10px; font-weight: "
                                                    "bold; }"));
    m_badge->show();
}

void QueryConsole::updateActions()
{
    const bool running = isRunning();
    const bool hasTarget = m_target->currentIndex() >= 0;
    m_run->setEnabled(!running && hasTarget);
    m_runScript->setEnabled(!running && hasTarget);
    m_cancel->setEnabled(running);
    m_target->setEnabled(!running);
}

QuerySession *QueryConsole::session(const QueryTarget &target)
{
    QuerySession *&found = m_sessions[target.name];
    if (!found) {
        found = new QuerySession(target.conninfo, this);
        found->setRowLimit(m_rowLimit);
        wire(found);
    }
    return found;
}

void QueryConsole::wire(QuerySession *session)
{
    // Only the session of the current run fills the tabs.
    connect(session, &QuerySession::statementStarted, this, [this, session](int index, const SqlStatement &st) {
        if (session == m_active)
            addResult(index, st);
    });
    connect(session, &QuerySession::columnsReady, this, [this, session](int index, const QStringList &columns) {
        if (ResultView *view = session == m_active ? resultView(index) : nullptr)
            view->setColumns(columns);
    });
    connect(session, &QuerySession::rowsReady, this, [this, session](int index, const QList<PgRow> &rows) {
        if (ResultView *view = session == m_active ? resultView(index) : nullptr)
            view->appendRows(rows);
    });
    connect(session, &QuerySession::statementFinished, this, [this, session](int index, const PgResult &summary) {
        if (ResultView *view = session == m_active ? resultView(index) : nullptr) {
            view->finish(summary, m_rowLimit);
            const QString verb = summary.commandTag.section(QLatin1Char(' '), 0, 0);
            if (!verb.isEmpty())
                m_tabs->setTabText(index, QStringLiteral("%1 %2").arg(index + 1).arg(verb));
            emit statementEnded(true, QString(), outcomeOf(view, summary));
        }
    });
    connect(session, &QuerySession::statementFailed, this, [this, session](int index, const PgError &error) {
        if (session != m_active)
            return;
        onFailed(index, error);
        emit statementEnded(false, error.sqlState, error.message.isEmpty() ? error.userText() : error.message);
    });
    connect(session, &QuerySession::runFinished, this, [this, session] {
        if (session != m_active)
            return;
        updateActions();
        emit runFinished();
    });
}

QString QueryConsole::outcomeOf(const ResultView *view, const PgResult &summary)
{
    QStringList parts;
    const ResultTableModel *model = view->model();
    if (model->rowCount() > 0)
        for (int column = 0; column < model->columnCount(); ++column)
            parts << QStringLiteral("%1=%2").arg(model->headerData(column, Qt::Horizontal).toString(),
                                                 model->index(0, column).data().toString());
    if (!summary.commandTag.isEmpty())
        parts << summary.commandTag;
    return parts.join(QStringLiteral(", "));
}

void QueryConsole::runStatement()
{
    const int selection = m_editor->selectionOffset();
    if (selection >= 0) {
        start(SqlScript::split(m_editor->selectedText()), selection);
        return;
    }
    const SqlStatement statement = SqlScript::statementAt(m_editor->text(), m_editor->cursorOffset());
    if (!statement.text.isEmpty())
        start({statement}, 0);
}

void QueryConsole::runScript()
{
    start(SqlScript::split(m_editor->text()), 0);
}

bool QueryConsole::runSql(const QString &targetName, const QString &sql)
{
    const int index = m_target->findText(targetName);
    if (index < 0 || isRunning())
        return false;
    m_target->setCurrentIndex(index);
    m_editor->setText(sql);
    return start(SqlScript::split(sql), 0);
}

bool QueryConsole::start(QList<SqlStatement> statements, int baseOffset)
{
    const int index = m_target->currentIndex();
    if (statements.isEmpty() || index < 0 || index >= m_targets.size() || isRunning())
        return false;
    for (SqlStatement &statement : statements)
        statement.offset += baseOffset;
    m_editor->clearErrorMark();
    while (m_tabs->count() > 0) {
        QWidget *old = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete old;
    }
    m_active = session(m_targets.at(index));
    if (!m_active->run(statements))
        return false;
    QStringList texts;
    for (const SqlStatement &statement : std::as_const(statements))
        texts << statement.text;
    remember(texts.join(QStringLiteral(";\n")));
    updateActions();
    return true;
}

void QueryConsole::addResult(int index, const SqlStatement &statement)
{
    auto *view = new ResultView(statement);
    const QString verb = statement.text.section(QRegularExpression(QStringLiteral("\\s+")), 0, 0).toUpper();
    m_tabs->insertTab(index, view, QStringLiteral("%1 %2").arg(index + 1).arg(verb.left(12)));
    m_tabs->setCurrentIndex(index);
    m_resultArea->setCurrentWidget(m_tabs);
}

void QueryConsole::onFailed(int index, const PgError &error)
{
    ResultView *view = resultView(index);
    if (!view)
        return;
    view->fail(error);
    m_tabs->setTabIcon(index, QIcon::fromTheme(QStringLiteral("dialog-error")));
    m_tabs->setTabText(index, tr("%1 Error").arg(index + 1));
    m_tabs->setCurrentIndex(index);
    if (error.position > 0)
        m_editor->markError(view->statement().offset + error.position - 1);
}

void QueryConsole::cancel()
{
    if (isRunning())
        m_active->cancel();
}

void QueryConsole::remember(const QString &sql)
{
    QStringList recent = history();
    recent.removeAll(sql);
    recent.prepend(sql);
    QSettings().setValue(historySettingsKey(m_historyKey), recent.mid(0, kHistorySize));
}

void QueryConsole::showHistoryMenu()
{
    QMenu *menu = m_historyButton->menu();
    menu->clear();
    const QStringList recent = history();
    if (recent.isEmpty()) {
        menu->addAction(tr("No statements run yet on this cluster."))->setEnabled(false);
        return;
    }
    for (const QString &sql : recent) {
        const QString shown = fontMetrics().elidedText(sql.simplified(), Qt::ElideRight, 480);
        connect(menu->addAction(shown), &QAction::triggered, this, [this, sql] { m_editor->setText(sql); });
    }
}
