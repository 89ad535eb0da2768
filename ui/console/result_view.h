#pragma once

#include "core/pg/pg_error.h"
#include "core/pg/pg_result.h"
#include "core/pg/sql_script.h"

#include <QWidget>

class QLabel;
class QTableView;
class ResultTableModel;

// One statement's result in the query console, in a tab of its own: a line
// that says what happened (rows, time, the row limit), the rows as they
// stream in, and for an error the server's fields (SQLSTATE, message,
// detail, hint) with a plain explanation of what it means on a standby.
class ResultView : public QWidget
{
    Q_OBJECT

public:
    explicit ResultView(const SqlStatement &statement, QWidget *parent = nullptr);

    void setColumns(const QStringList &columns);
    void appendRows(const QList<PgRow> &rows);
    void finish(const PgResult &summary, qint64 rowLimit);
    void fail(const PgError &error);

    const SqlStatement &statement() const { return m_statement; }
    ResultTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLabel *summary() const { return m_summary; }
    QLabel *errorBox() const { return m_error; }
    QLabel *explanation() const { return m_explanation; }

    static QString formatDuration(qint64 ms);

private:
    SqlStatement m_statement;
    ResultTableModel *m_model;
    QLabel *m_summary;
    QLabel *m_error;
    QLabel *m_explanation;
    QLabel *m_notices;
    QTableView *m_table;
    qint64 m_received = 0;
};
