#pragma once

#include "core/pg/pg_error.h"
#include "core/pg/pg_result.h"
#include "core/pg/sql_script.h"

#include <QList>
#include <QObject>
#include <QThread>

class PgConnection;

// One server's session for the query console and the lesson: a PgConnection
// that lives on a worker thread of its own, so that reading and converting a
// million rows never touches the GUI thread; this object stays on the
// caller's thread and reports by queued signals. A run is a list of
// statements executed one after the other, each reported on its own
// (columns, row batches, then finished or failed); the run stops at the first
// error. Past rowLimit() rows a statement's rows are counted, not kept.
// The connection opens at the first run and again after it was lost.
class QuerySession : public QObject
{
    Q_OBJECT

public:
    explicit QuerySession(const QString &conninfo, QObject *parent = nullptr);
    ~QuerySession() override;

    static constexpr qint64 kDefaultRowLimit = 100000;
    void setRowLimit(qint64 rows) { m_rowLimit = rows; }
    qint64 rowLimit() const { return m_rowLimit; }
    QString conninfo() const { return m_conninfo; }

    // Refused (false) while a run goes on.
    bool run(const QList<SqlStatement> &statements);
    // Asks the server to stop the running statement (off this thread); the
    // statements after it are not run. A server that does not answer the
    // cancel within two seconds gets its connection closed instead.
    void cancel();
    bool isRunning() const { return m_index >= 0; }

signals:
    void statementStarted(int index, const SqlStatement &statement);
    void columnsReady(int index, const QStringList &columns);
    void rowsReady(int index, const QList<PgRow> &rows);
    // The summary: rowCount (also rows not kept), commandTag, notices, elapsedMs; no rows.
    void statementFinished(int index, const PgResult &summary);
    void statementFailed(int index, const PgError &error);
    // After the last statement, an error, or a cancel.
    void runFinished();

private:
    void sendCurrent();
    void onResult(const PgResult &result);

    QString m_conninfo;
    QThread m_thread;
    PgConnection *m_connection; // lives on m_thread
    QList<SqlStatement> m_statements;
    int m_index = -1;
    bool m_cancelled = false;
    qint64 m_rowLimit = kDefaultRowLimit;
};
