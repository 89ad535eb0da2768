#pragma once

#include "core/pg/pg_error.h"
#include "core/pg/pg_result.h"

#include <QElapsedTimer>
#include <QHostInfo>
#include <QObject>
#include <QQueue>
#include <QString>
#include <QStringList>

class QSocketNotifier;
class QTimer;
struct pg_conn;

// An asynchronous PostgreSQL connection (libpq): connecting, sending queries
// and reading results never block the thread the object lives on, so the
// GUI thread may own one directly (the demo window, the query console) as
// may the ReplicationSampler. Host names are resolved off the thread
// (QHostInfo) before libpq sees them, the connection is driven by
// PQconnectPoll and QSocketNotifier, queries go through PQsendQueryParams
// with bound parameters only, and PQcancel runs on a pool thread.
//
// Queries are queued and run one at a time in the order of exec(); each one
// ends in exactly one resultReady() with the id exec() returned, even when
// the connection fails before it runs (then with an error result).
//
// execStreaming() is the query console's way (through QuerySession, which
// keeps the connection on a worker thread): rows are read in single-row mode
// (chunked-rows mode with libpq 17 or newer), converted on this object's
// thread and handed over in batches by rowsReady(), so that a million rows
// neither wait for the end nor arrive in one piece. COPY ... TO STDOUT lines
// come out as rows of one text column in both ways, never dropped.
class PgConnection : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Disconnected, // never opened, or closed
        Resolving,    // looking up the host name
        Connecting,
        Ready,  // connected, no query running
        Busy,   // a query is running
        Failed, // the connection could not be made, or was lost
    };
    Q_ENUM(State)

    explicit PgConnection(QObject *parent = nullptr);
    ~PgConnection() override;

    // Time allowed from open() to connected(); 0: no limit. Default 10 s.
    void setConnectTimeout(int ms) { m_connectTimeoutMs = ms; }
    int connectTimeout() const { return m_connectTimeoutMs; }

    // Starts connecting with a libpq connection string ("host=... port=..."
    // or a postgresql:// URI); ends in connected() or failed(). A connection
    // that is open is closed first.
    void open(const QString &conninfo);
    // Closes the connection; queued queries end with an error result.
    void close();

    // Queues a query (one statement) with its parameters, bound as $1, $2...;
    // returns the id its resultReady() will carry. Results are text.
    quint64 exec(const QString &sql, const PgParams &params = {});

    // Queues one statement whose rows stream: columnsReady() once the columns
    // are known, rowsReady() with a batch at most every batchRows rows (sooner
    // for the first rows and when the network is slower than 50 ms), then
    // resultReady() with rowCount and the command tag but no rows. Rows past
    // keepRows (negative: no limit) are counted and not converted.
    quint64 execStreaming(const QString &sql, qint64 keepRows = -1, int batchRows = 1000);

    // Asks the server to cancel the running query (it then ends with
    // SQLSTATE 57014) and drops the queued ones (each ends with an error
    // result). The cancel request travels on a pool thread: it opens a new
    // connection to the server, which could take long on a dead network.
    void cancel();

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready || m_state == State::Busy; }
    int queuedCount() const { return int(m_queue.size()) + (m_running ? 1 : 0); }

    // Known once connected: e.g. 150020 for 15.20.
    int serverVersionNum() const { return m_serverVersionNum; }
    // "host:port" (or "socket-dir:port"): how messages name the server.
    QString endpoint() const { return m_endpoint; }
    // The user and database libpq will use / used.
    QString user() const { return m_user; }
    QString database() const { return m_database; }
    // The last connection failure; kept while reconnecting, cleared once connected.
    PgError lastError() const { return m_lastError; }

signals:
    void connected();
    // The connection could not be made, or an open one was lost.
    void failed(const PgError &error);
    void resultReady(const PgResult &result);
    // Only for execStreaming() queries.
    void columnsReady(quint64 id, const QStringList &columns);
    void rowsReady(quint64 id, const QList<PgRow> &rows);
    void stateChanged(PgConnection::State state);

private:
    struct Pending
    {
        quint64 id = 0;
        QString sql;
        PgParams params;
        bool streaming = false;
        qint64 keepRows = -1;
        int batchRows = 1000;
    };

    void startConnect(const QStringList &keys, const QStringList &values);
    void onHostResolved(const QHostInfo &info);
    void pollConnect();
    void onConnectTimeout();
    void onSocketReadable();
    void onSocketWritable();
    void watchSocket(bool read, bool write);
    void dropNotifiers();
    quint64 enqueue(Pending pending);
    void sendNext();
    void flushOutput();
    void collectResults();
    // Takes one PGresult into m_current; false when a COPY waits for more data.
    bool takeResult(struct pg_result *result);
    void setColumns(const QStringList &columns);
    void keepRow(PgRow &&row);
    void takeRows(const struct pg_result *result);
    bool takeCopyLines();
    void flushBatch(bool force);
    void finishRunning();
    void connectionLost(const QString &libpqMessage);
    void failConnect(const PgError &error);
    void failQueued(const PgError &error);
    void setState(State state);
    void teardown();
    static void noticeReceiver(void *self, const struct pg_result *result);

    pg_conn *m_conn = nullptr;
    State m_state = State::Disconnected;
    int m_connectTimeoutMs = 10000;
    QTimer *m_connectTimer = nullptr;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    int m_socket = -1;
    int m_lookupId = -1;

    QStringList m_keys;
    QStringList m_values;
    QString m_host;
    QString m_endpoint;
    QString m_user;
    QString m_database;
    int m_serverVersionNum = 0;
    PgError m_lastError;

    quint64 m_nextId = 1;
    QQueue<Pending> m_queue;
    std::optional<Pending> m_running;
    PgResult m_current;
    QElapsedTimer m_runningFor;
    // The running streamed query's rows not yet handed over.
    QList<PgRow> m_batch;
    QElapsedTimer m_sinceFlush;
    bool m_flushedAny = false;
};
