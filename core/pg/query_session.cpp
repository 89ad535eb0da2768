#include "core/pg/query_session.h"

#include "core/pg/pg_connection.h"

#include <QTimer>

namespace {

// How long a cancel may take before the connection is closed instead.
constexpr int kCancelGraceMs = 2000;

} // namespace

QuerySession::QuerySession(const QString &conninfo, QObject *parent)
    : QObject(parent), m_conninfo(conninfo), m_connection(new PgConnection)
{
    qRegisterMetaType<PgResult>();
    qRegisterMetaType<PgError>();
    qRegisterMetaType<QList<PgRow>>();
    qRegisterMetaType<SqlStatement>();
    m_thread.setObjectName(QStringLiteral("QuerySession"));
    m_connection->moveToThread(&m_thread);
    // Queued: the connection emits on its thread, this object handles on its own.
    connect(m_connection, &PgConnection::columnsReady, this, [this](quint64, const QStringList &columns) {
        if (isRunning())
            emit columnsReady(m_index, columns);
    });
    connect(m_connection, &PgConnection::rowsReady, this, [this](quint64, const QList<PgRow> &rows) {
        if (isRunning())
            emit rowsReady(m_index, rows);
    });
    connect(m_connection, &PgConnection::resultReady, this, &QuerySession::onResult);
    m_thread.start();
}

QuerySession::~QuerySession()
{
    // PQfinish runs on the worker, as the thread ends (deferred deletes are
    // still done then); joining it takes no longer than sending Terminate.
    disconnect(m_connection, nullptr, this, nullptr);
    m_connection->deleteLater();
    m_thread.quit();
    m_thread.wait();
}

bool QuerySession::run(const QList<SqlStatement> &statements)
{
    if (isRunning() || statements.isEmpty())
        return false;
    m_statements = statements;
    m_cancelled = false;
    m_index = 0;
    sendCurrent();
    return true;
}

void QuerySession::sendCurrent()
{
    const SqlStatement statement = m_statements.at(m_index);
    emit statementStarted(m_index, statement);
    PgConnection *connection = m_connection;
    const QString conninfo = m_conninfo;
    const qint64 keep = m_rowLimit;
    QMetaObject::invokeMethod(m_connection, [connection, conninfo, statement, keep] {
        if (connection->state() == PgConnection::State::Disconnected ||
            connection->state() == PgConnection::State::Failed)
            connection->open(conninfo);
        connection->execStreaming(statement.text, keep);
    });
}

void QuerySession::onResult(const PgResult &result)
{
    if (!isRunning())
        return;
    const int index = m_index;
    if (result.ok)
        emit statementFinished(index, result);
    else
        emit statementFailed(index, result.error);
    if (result.ok && !m_cancelled && index + 1 < m_statements.size()) {
        m_index = index + 1;
        sendCurrent();
        return;
    }
    m_index = -1;
    m_statements.clear();
    emit runFinished();
}

void QuerySession::cancel()
{
    if (!isRunning() || m_cancelled)
        return;
    m_cancelled = true;
    PgConnection *connection = m_connection;
    QMetaObject::invokeMethod(m_connection, [connection] { connection->cancel(); });
    const int index = m_index;
    QTimer::singleShot(kCancelGraceMs, this, [this, index, connection] {
        if (m_index == index && m_cancelled)
            QMetaObject::invokeMethod(m_connection, [connection] { connection->close(); });
    });
}
