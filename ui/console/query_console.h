#pragma once

#include "core/pg/pg_error.h"
#include "core/pg/sql_script.h"
#include "ui/console/query_target.h"

#include <QHash>
#include <QWidget>

struct PgResult;
class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QuerySession;
class ResultView;
class SqlEditor;

// The query console: an SQL editor, a target selector (the primary or any
// standby, with a "read-only standby" badge) and one result tab per
// statement. Ctrl+Enter runs the statement under the cursor (or the
// selection), Ctrl+Shift+Enter the whole script statement by statement, Esc
// cancels. Each target has its QuerySession (the connection on a worker
// thread), so rows stream in without holding the window up. The main window
// gives it the targets and a history key; the lesson pane calls runSql().
class QueryConsole : public QWidget
{
    Q_OBJECT

public:
    explicit QueryConsole(QWidget *parent = nullptr);
    ~QueryConsole() override;

    // The servers to offer; the first is selected unless the selected one
    // is still there. Sessions to servers no longer listed are closed.
    void setTargets(const QList<QueryTarget> &targets);
    // Statements run are remembered per cluster (QSettings), under this key.
    void setHistoryKey(const QString &clusterId);
    // Selects the target, puts sql in the editor and runs it as a script.
    // False when the target is unknown or a run is going on.
    bool runSql(const QString &targetName, const QString &sql);

    const QList<QueryTarget> &targets() const { return m_targets; }
    bool isRunning() const;
    QString currentTarget() const;
    QStringList history() const;

    SqlEditor *editor() const { return m_editor; }
    QTabWidget *results() const { return m_tabs; }
    QComboBox *targetSelector() const { return m_target; }
    QLabel *badge() const { return m_badge; }
    QAction *runAction() const { return m_run; }
    QAction *runScriptAction() const { return m_runScript; }
    QAction *cancelAction() const { return m_cancel; }
    ResultView *resultView(int index) const;

public slots:
    void runStatement();
    void runScript();
    void cancel();

signals:
    // A run has ended (last statement, an error or a cancel).
    void runFinished();
    // Each statement of a run as it ends: ok, or the error's SQLSTATE; the
    // summary is the first row as "column=value" and the command tag, or the
    // error message. What the lesson pane reports on.
    void statementEnded(bool ok, const QString &sqlState, const QString &summary);

private:
    // A finished statement in one line: its first row and its command tag.
    static QString outcomeOf(const ResultView *view, const PgResult &summary);
    QWidget *makeToolbar();
    void updateBadge();
    void updateActions();
    QuerySession *session(const QueryTarget &target);
    void wire(QuerySession *session);
    bool start(QList<SqlStatement> statements, int baseOffset);
    void addResult(int index, const SqlStatement &statement);
    void onFailed(int index, const PgError &error);
    void remember(const QString &sql);
    void showHistoryMenu();

    SqlEditor *m_editor;
    QComboBox *m_target;
    QLabel *m_badge;
    QToolButton *m_historyButton;
    QStackedWidget *m_resultArea;
    QTabWidget *m_tabs;
    QAction *m_run;
    QAction *m_runScript;
    QAction *m_cancel;
    QList<QueryTarget> m_targets;
    QHash<QString, QuerySession *> m_sessions;
    QuerySession *m_active = nullptr;
    QString m_historyKey;
    qint64 m_rowLimit;
};
