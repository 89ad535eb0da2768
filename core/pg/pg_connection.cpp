#include "core/pg/pg_connection.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QRunnable>
#include <QSocketNotifier>
#include <QThreadPool>
#include <QTimer>

#include <libpq-fe.h>

namespace {

QString fromPq(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

QString resultField(const PGresult *result, int field)
{
    return fromPq(PQresultErrorField(result, field));
}

// The server's message inside libpq's connection error text
// ("connection to server at ... failed: FATAL:  <message>").
QString serverMessage(const QString &raw)
{
    static const QRegularExpression fatal(QStringLiteral("(?:FATAL|ERROR|PANIC):\\s+([^\\n]+)"));
    const auto match = fatal.match(raw);
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

// libpq tells why a connection failed only as text (there is no SQLSTATE
// accessor for a failed connection), so the known causes are recognised
// here and turned into sentences that say what to do. The SQLSTATE is the
// one the server used (28P01, 28000, 3D000, 57P03, 53300) or libpq's class
// 08 for network failures.
PgError describeConnectFailure(const QString &raw, const QString &endpoint, const QString &user,
                               const QString &database)
{
    PgError error;
    error.raw = raw.trimmed();
    error.severity = QStringLiteral("FATAL");
    const QString fromServer = serverMessage(raw);
    error.message = fromServer.isEmpty() ? error.raw.section(QLatin1Char('\n'), 0, 0) : fromServer;
    const auto has = [&raw](const char *text) { return raw.contains(QLatin1String(text), Qt::CaseInsensitive); };

    if (has("password authentication failed") || has("authentication failed for user")) {
        error.sqlState = QStringLiteral("28P01");
        error.sentence =
            QCoreApplication::translate("PgConnection",
                                        "The server at %1 refused the password for user \"%2\". Check the password "
                                        "(or the ~/.pgpass entry) and try again.")
                .arg(endpoint, user);
    } else if (has("no password supplied")) {
        error.sqlState = QStringLiteral("28P01");
        error.sentence =
            QCoreApplication::translate(
                "PgConnection", "The server at %1 asks user \"%2\" for a password and none was given. Enter the "
                                "password, or add it to a passfile (~/.pgpass, mode 0600).")
                .arg(endpoint, user);
    } else if (has("no pg_hba.conf entry")) {
        error.sqlState = QStringLiteral("28000");
        error.sentence =
            QCoreApplication::translate(
                "PgConnection", "The server at %1 has no pg_hba.conf line that lets user \"%2\" connect to database "
                                "\"%3\" from this address. Add a line for this client to pg_hba.conf on the server "
                                "and reload it (SELECT pg_reload_conf()).")
                .arg(endpoint, user, database);
    } else if (has("role \"") && has("does not exist")) {
        error.sqlState = QStringLiteral("28000");
        error.sentence =
            QCoreApplication::translate(
                "PgConnection", "The server at %1 has no role named \"%2\". Connect as an existing user, or create "
                                "the role first.")
                .arg(endpoint, user);
    } else if (has("database \"") && has("does not exist")) {
        error.sqlState = QStringLiteral("3D000");
        error.sentence =
            QCoreApplication::translate(
                "PgConnection", "The server at %1 has no database named \"%2\". Connect to an existing database "
                                "(such as postgres), or create it first.")
                .arg(endpoint, database);
    } else if (has("the database system is starting up") || has("the database system is shutting down") ||
               has("the database system is in recovery mode") || has("not yet accepting connections")) {
        error.sqlState = QStringLiteral("57P03");
        error.sentence =
            QCoreApplication::translate(
                "PgConnection", "The server at %1 is starting up or shutting down and does not accept connections "
                                "yet. Wait a moment and connect again.")
                .arg(endpoint);
    } else if (has("too many clients") || has("remaining connection slots are reserved")) {
        error.sqlState = QStringLiteral("53300");
        error.sentence =
            QCoreApplication::translate(
                "PgConnection", "The server at %1 has no free connection slot (max_connections is reached). Close "
                                "other sessions or raise max_connections, then connect again.")
                .arg(endpoint);
    } else if (has("could not translate host name") || has("Name or service not known")) {
        error.sqlState = QStringLiteral("08001");
        error.sentence =
            QCoreApplication::translate("PgConnection",
                                        "The host name in %1 could not be resolved. Check the spelling, or use the "
                                        "server's IP address.")
                .arg(endpoint);
    } else if (has("Connection refused") || has("No such file or directory")) {
        error.sqlState = QStringLiteral("08001");
        error.sentence =
            QCoreApplication::translate(
                "PgConnection", "No PostgreSQL server is listening at %1. Start the server (or check that it "
                                "listens on this address and port: listen_addresses, port), then connect again.")
                .arg(endpoint);
    } else if (has("timeout expired") || has("Connection timed out") || has("No route to host") ||
               has("Network is unreachable")) {
        error.sqlState = QStringLiteral("08001");
        error.sentence =
            QCoreApplication::translate(
                "PgConnection", "The server at %1 does not answer. Check the address and port, that the machine "
                                "is up, and that no firewall drops the connection.")
                .arg(endpoint);
    } else if (has("permission denied for database")) {
        error.sqlState = QStringLiteral("42501");
        error.sentence =
            QCoreApplication::translate("PgConnection",
                                        "User \"%1\" may not connect to database \"%2\" on %3. Grant CONNECT on the "
                                        "database to this user, or connect as another user.")
                .arg(user, database, endpoint);
    } else {
        error.sqlState = QStringLiteral("08001");
        error.sentence = QCoreApplication::translate("PgConnection", "Could not connect to the server at %1: %2")
                             .arg(endpoint, error.message);
    }
    return error;
}

PgError errorFromResult(const PGresult *result, const QString &fallbackMessage)
{
    PgError error;
    error.sqlState = resultField(result, PG_DIAG_SQLSTATE);
    error.severity = resultField(result, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (error.severity.isEmpty())
        error.severity = resultField(result, PG_DIAG_SEVERITY);
    error.message = resultField(result, PG_DIAG_MESSAGE_PRIMARY);
    error.detail = resultField(result, PG_DIAG_MESSAGE_DETAIL);
    error.hint = resultField(result, PG_DIAG_MESSAGE_HINT);
    error.raw = fromPq(PQresultErrorMessage(result)).trimmed();
    error.position = resultField(result, PG_DIAG_STATEMENT_POSITION).toInt();
    if (error.message.isEmpty())
        error.message = error.raw.isEmpty() ? fallbackMessage : error.raw;
    if (error.sqlState.isEmpty()) // libpq's own failure (connection lost, out of memory)
        error.sqlState = QStringLiteral("08006");
    return error;
}

// PQcancel connects to the server anew and waits for it: it must not run
// on the connection's thread.
#ifdef LIBPQ_HAS_ASYNC_CANCEL
// libpq 17: the cancel connection honours the connection's own options
// (TLS, connect_timeout); still run off the connection's thread.
class CancelTask : public QRunnable
{
public:
    explicit CancelTask(PGcancelConn *cancel) : m_cancel(cancel) {}
    ~CancelTask() override { PQcancelFinish(m_cancel); }
    void run() override { PQcancelBlocking(m_cancel); }

private:
    PGcancelConn *m_cancel;
};

QRunnable *makeCancelTask(PGconn *conn)
{
    PGcancelConn *cancel = PQcancelCreate(conn);
    return cancel ? new CancelTask(cancel) : nullptr;
}
#else
class CancelTask : public QRunnable
{
public:
    explicit CancelTask(PGcancel *cancel) : m_cancel(cancel) {}
    ~CancelTask() override { PQfreeCancel(m_cancel); }
    void run() override
    {
        char message[256] = {};
        PQcancel(m_cancel, message, sizeof message);
    }

private:
    PGcancel *m_cancel;
};

QRunnable *makeCancelTask(PGconn *conn)
{
    PGcancel *cancel = PQgetCancel(conn);
    return cancel ? new CancelTask(cancel) : nullptr;
}
#endif

// Rows arrive one PGresult per row (single-row mode) or per chunk (libpq 17).
bool isRowBatch(ExecStatusType status)
{
#ifdef LIBPQ_HAS_CHUNK_MODE
    if (status == PGRES_TUPLES_CHUNK)
        return true;
#endif
    return status == PGRES_SINGLE_TUPLE;
}

// A flush of rows to the receiver at least this often while rows arrive.
constexpr qint64 kFlushEveryMs = 50;

} // namespace

PgConnection::PgConnection(QObject *parent) : QObject(parent), m_connectTimer(new QTimer(this))
{
    m_connectTimer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this, &PgConnection::onConnectTimeout);
}

PgConnection::~PgConnection()
{
    teardown();
}

void PgConnection::open(const QString &conninfo)
{
    teardown();
    failQueued(
        PgError{QStringLiteral("08003"), {}, tr("The connection was reopened before the query ran."), {}, {}, {}, {}});
    // lastError() keeps the previous failure until this attempt succeeds:
    // a monitor retrying a dead server goes on showing why.
    m_serverVersionNum = 0;

    char *parseError = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &parseError);
    if (!options) {
        PgError error;
        error.sqlState = QStringLiteral("08001");
        error.raw = fromPq(parseError).trimmed();
        error.message = error.raw;
        error.sentence = tr("The connection string is not valid: %1. Write it as key=value pairs "
                            "(host=... port=... user=... dbname=...) or as a postgresql:// URI.")
                             .arg(error.raw);
        PQfreemem(parseError);
        setState(State::Connecting);
        failConnect(error);
        return;
    }
    QStringList keys;
    QStringList values;
    QString hostaddr;
    m_host.clear();
    for (PQconninfoOption *option = options; option->keyword; ++option) {
        if (!option->val)
            continue;
        const QString key = QString::fromUtf8(option->keyword);
        const QString value = QString::fromUtf8(option->val);
        keys << key;
        values << value;
        if (key == QLatin1String("host"))
            m_host = value;
        else if (key == QLatin1String("hostaddr"))
            hostaddr = value;
    }
    PQconninfoFree(options);
    // Results are read as UTF-8 whatever the server's encoding.
    if (!keys.contains(QStringLiteral("client_encoding"))) {
        keys << QStringLiteral("client_encoding");
        values << QStringLiteral("UTF8");
    }
    if (!keys.contains(QStringLiteral("application_name"))) {
        keys << QStringLiteral("fallback_application_name");
        values << QStringLiteral("replica-studio");
    }

    m_connectTimer->stop();
    if (m_connectTimeoutMs > 0)
        m_connectTimer->start(m_connectTimeoutMs);

    // libpq resolves host names with a blocking getaddrinfo() inside
    // PQconnectStart; do it here on Qt's lookup thread and hand libpq the
    // address, keeping host= for TLS and the passfile.
    // PQconninfoParse leaves out the environment's defaults; libpq would
    // still use PGHOST, so it is looked at here too.
    if (m_host.isEmpty() && hostaddr.isEmpty() && qEnvironmentVariableIsSet("PGHOST") &&
        !qEnvironmentVariableIsSet("PGHOSTADDR")) {
        m_host = qEnvironmentVariable("PGHOST");
        keys << QStringLiteral("host");
        values << m_host;
    }
    const bool isName = !m_host.isEmpty() && !m_host.startsWith(QLatin1Char('/')) &&
                        !m_host.startsWith(QLatin1Char('@')) && !m_host.contains(QLatin1Char(',')) &&
                        QHostAddress(m_host).isNull() && hostaddr.isEmpty();
    if (isName) {
        m_keys = keys;
        m_values = values;
        m_endpoint = m_host;
        setState(State::Resolving);
        m_lookupId = QHostInfo::lookupHost(m_host, this, &PgConnection::onHostResolved);
        return;
    }
    setState(State::Connecting);
    startConnect(keys, values);
}

void PgConnection::onHostResolved(const QHostInfo &info)
{
    if (info.lookupId() != m_lookupId || m_state != State::Resolving)
        return;
    m_lookupId = -1;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        PgError error;
        error.sqlState = QStringLiteral("08001");
        error.severity = QStringLiteral("FATAL");
        error.message = info.errorString();
        error.raw = info.errorString();
        error.sentence = tr("The host name \"%1\" could not be resolved. Check the spelling, or use the "
                            "server's IP address.")
                             .arg(m_host);
        failConnect(error);
        return;
    }
    // Every address is tried in turn, as libpq would: host= is repeated so
    // that each hostaddr keeps the name (for TLS and the passfile).
    QStringList names;
    QStringList addresses;
    for (const QHostAddress &address : info.addresses().mid(0, 8)) {
        names << m_host;
        addresses << address.toString();
    }
    QStringList keys = m_keys;
    QStringList values = m_values;
    values[keys.indexOf(QStringLiteral("host"))] = names.join(QLatin1Char(','));
    keys << QStringLiteral("hostaddr");
    values << addresses.join(QLatin1Char(','));
    setState(State::Connecting);
    startConnect(keys, values);
}

void PgConnection::startConnect(const QStringList &keys, const QStringList &values)
{
    QList<QByteArray> keyBytes;
    QList<QByteArray> valueBytes;
    QList<const char *> keyPointers;
    QList<const char *> valuePointers;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        keyBytes << keys.at(i).toUtf8();
        valueBytes << values.at(i).toUtf8();
    }
    for (qsizetype i = 0; i < keys.size(); ++i) {
        keyPointers << keyBytes.at(i).constData();
        valuePointers << valueBytes.at(i).constData();
    }
    keyPointers << nullptr;
    valuePointers << nullptr;

    m_conn = PQconnectStartParams(keyPointers.constData(), valuePointers.constData(), 0);
    if (!m_conn) {
        failConnect(PgError{QStringLiteral("08001"),
                            QStringLiteral("FATAL"),
                            tr("Out of memory."),
                            {},
                            {},
                            tr("Could not start a connection: out of memory."),
                            {}});
        return;
    }
    const QString host = fromPq(PQhost(m_conn));
    const QString port = fromPq(PQport(m_conn));
    m_user = fromPq(PQuser(m_conn));
    m_database = fromPq(PQdb(m_conn));
    // "host:port", also for a socket directory ("/run/postgresql:5432"), as
    // people write it in messages and pg_hba discussions.
    m_endpoint = QStringLiteral("%1:%2").arg(host, port);
    if (PQstatus(m_conn) == CONNECTION_BAD) {
        failConnect(describeConnectFailure(fromPq(PQerrorMessage(m_conn)), m_endpoint, m_user, m_database));
        return;
    }
    PQsetNoticeReceiver(m_conn, &PgConnection::noticeReceiver, this);
    // libpq's documentation: behave as if the last poll returned WRITING.
    m_socket = -1;
    watchSocket(false, true);
}

void PgConnection::pollConnect()
{
    if (!m_conn || m_state != State::Connecting)
        return;
    switch (PQconnectPoll(m_conn)) {
    case PGRES_POLLING_READING:
        watchSocket(true, false);
        break;
    case PGRES_POLLING_WRITING:
        watchSocket(false, true);
        break;
    case PGRES_POLLING_OK:
        m_connectTimer->stop();
        m_lastError = PgError();
        PQsetnonblocking(m_conn, 1);
        m_serverVersionNum = PQserverVersion(m_conn);
        m_user = fromPq(PQuser(m_conn));
        m_database = fromPq(PQdb(m_conn));
        watchSocket(true, false);
        setState(State::Ready);
        emit connected();
        sendNext();
        break;
    case PGRES_POLLING_FAILED:
    default:
        failConnect(describeConnectFailure(fromPq(PQerrorMessage(m_conn)), m_endpoint, m_user, m_database));
        break;
    }
}

void PgConnection::onConnectTimeout()
{
    if (m_state != State::Connecting && m_state != State::Resolving)
        return;
    PgError error;
    error.sqlState = QStringLiteral("08001");
    error.severity = QStringLiteral("FATAL");
    error.message = tr("timeout expired after %1 ms").arg(m_connectTimeoutMs);
    error.raw = error.message;
    error.sentence = tr("The server at %1 did not answer within %2 seconds. Check the address and port, that "
                        "the machine is up, and that no firewall drops the connection.")
                         .arg(m_endpoint.isEmpty() ? m_host : m_endpoint)
                         .arg(m_connectTimeoutMs / 1000.0, 0, 'g', 3);
    failConnect(error);
}

void PgConnection::watchSocket(bool read, bool write)
{
    const int socket = PQsocket(m_conn);
    if (socket < 0) {
        dropNotifiers();
        return;
    }
    // libpq may open a new socket while connecting (next address, SSL
    // refused then plain): follow it.
    if (socket != m_socket) {
        dropNotifiers();
        m_socket = socket;
        m_readNotifier = new QSocketNotifier(socket, QSocketNotifier::Read, this);
        m_writeNotifier = new QSocketNotifier(socket, QSocketNotifier::Write, this);
        connect(m_readNotifier, &QSocketNotifier::activated, this, &PgConnection::onSocketReadable);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &PgConnection::onSocketWritable);
    }
    m_readNotifier->setEnabled(read);
    m_writeNotifier->setEnabled(write);
}

void PgConnection::dropNotifiers()
{
    // Often called from a notifier's own activated() (a lost connection):
    // switch them off now, delete them once that signal has returned.
    for (QSocketNotifier *notifier : {m_readNotifier, m_writeNotifier}) {
        if (!notifier)
            continue;
        notifier->setEnabled(false);
        notifier->disconnect(this);
        notifier->deleteLater();
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    m_socket = -1;
}

void PgConnection::onSocketReadable()
{
    if (!m_conn)
        return;
    if (m_state == State::Connecting) {
        pollConnect();
        return;
    }
    if (!PQconsumeInput(m_conn)) {
        connectionLost(fromPq(PQerrorMessage(m_conn)));
        return;
    }
    // Asynchronous notifications are not used; free them so they do not pile up.
    while (PGnotify *notify = PQnotifies(m_conn))
        PQfreemem(notify);
    if (m_running)
        collectResults();
    else if (PQstatus(m_conn) == CONNECTION_BAD)
        connectionLost(fromPq(PQerrorMessage(m_conn)));
}

void PgConnection::onSocketWritable()
{
    if (!m_conn)
        return;
    if (m_state == State::Connecting)
        pollConnect();
    else
        flushOutput();
}

quint64 PgConnection::execStreaming(const QString &sql, qint64 keepRows, int batchRows)
{
    return enqueue(Pending{0, sql, {}, true, keepRows, qMax(1, batchRows)});
}

quint64 PgConnection::exec(const QString &sql, const PgParams &params)
{
    return enqueue(Pending{0, sql, params});
}

quint64 PgConnection::enqueue(Pending pending)
{
    const quint64 id = m_nextId++;
    pending.id = id;
    m_queue.enqueue(std::move(pending));
    if (m_state == State::Ready) {
        sendNext();
    } else if (m_state == State::Disconnected || m_state == State::Failed) {
        // Answer later, as for any query: the caller may not be listening yet.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_state == State::Disconnected || m_state == State::Failed)
                    failQueued(PgError{QStringLiteral("08003"),
                                       QStringLiteral("ERROR"),
                                       tr("connection is not open"),
                                       {},
                                       {},
                                       tr("The query was not sent: there is no open connection to the server. "
                                          "Connect first."),
                                       {}});
            },
            Qt::QueuedConnection);
    }
    return id;
}

void PgConnection::sendNext()
{
    if (m_state != State::Ready || m_running || m_queue.isEmpty())
        return;
    m_running = m_queue.dequeue();
    m_current = PgResult();
    m_current.id = m_running->id;
    m_batch.clear();
    m_flushedAny = false;
    m_runningFor.start();

    const QByteArray sql = m_running->sql.toUtf8();
    QList<QByteArray> bytes;
    QList<const char *> values;
    bytes.reserve(m_running->params.size());
    for (const PgValue &param : std::as_const(m_running->params))
        bytes << (param ? param->toUtf8() : QByteArray());
    for (qsizetype i = 0; i < bytes.size(); ++i)
        values << (m_running->params.at(i) ? bytes.at(i).constData() : nullptr);

    setState(State::Busy);
    if (!PQsendQueryParams(m_conn, sql.constData(), int(values.size()), nullptr, values.constData(), nullptr, nullptr,
                           0)) {
        if (PQstatus(m_conn) == CONNECTION_BAD) {
            connectionLost(fromPq(PQerrorMessage(m_conn)));
            return;
        }
        PgError error;
        error.sqlState = QStringLiteral("08006");
        error.severity = QStringLiteral("ERROR");
        error.raw = fromPq(PQerrorMessage(m_conn)).trimmed();
        error.message = error.raw;
        error.sentence = tr("The query could not be sent: %1").arg(error.raw);
        m_current.error = error;
        finishRunning();
        return;
    }
    if (m_running->streaming) {
#ifdef LIBPQ_HAS_CHUNK_MODE
        PQsetChunkedRowsMode(m_conn, m_running->batchRows);
#else
        PQsetSingleRowMode(m_conn);
#endif
    }
    flushOutput();
}

void PgConnection::flushOutput()
{
    if (!m_conn)
        return;
    const int flushed = PQflush(m_conn);
    if (flushed < 0) {
        connectionLost(fromPq(PQerrorMessage(m_conn)));
        return;
    }
    // 1: the socket would block; go on once it is writable. Reading stays
    // on throughout: the server may answer before everything is sent.
    watchSocket(true, flushed == 1);
}

void PgConnection::collectResults()
{
    while (m_running && !PQisBusy(m_conn)) {
        PGresult *result = PQgetResult(m_conn);
        if (!result) {
            flushBatch(true);
            finishRunning();
            return;
        }
        const bool more = takeResult(result);
        PQclear(result);
        flushBatch(false);
        if (!more)
            return;
    }
    flushBatch(false);
    if (m_running && PQstatus(m_conn) == CONNECTION_BAD)
        connectionLost(fromPq(PQerrorMessage(m_conn)));
}

bool PgConnection::takeResult(PGresult *result)
{
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COPY_IN) {
        // The console has no data to feed a COPY FROM STDIN: the server ends
        // it with this message as its error.
        PQputCopyEnd(m_conn, "COPY FROM STDIN is not supported in Replica Studio: there is no data to send. "
                             "Use psql's \\copy, or COPY FROM a file on the server.");
        PQflush(m_conn);
        return true;
    }
    if (status == PGRES_COPY_OUT) {
        if (m_current.columns.isEmpty())
            setColumns({tr("COPY output")});
        return takeCopyLines();
    }
    const bool last = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY;
    if (!last && status != PGRES_SINGLE_TUPLE && !isRowBatch(status)) {
        m_current.ok = false;
        m_current.error = errorFromResult(result, tr("The query failed."));
        return true;
    }
    if (last)
        m_current.commandTag = fromPq(PQcmdStatus(result));
    m_current.ok = m_current.error.sqlState.isEmpty();
    if (PQnfields(result) > 0 && m_current.columns.isEmpty()) {
        QStringList columns;
        for (int c = 0; c < PQnfields(result); ++c)
            columns << fromPq(PQfname(result, c));
        setColumns(columns);
    }
    takeRows(result);
    return true;
}

void PgConnection::setColumns(const QStringList &columns)
{
    m_current.columns = columns;
    if (m_running->streaming)
        emit columnsReady(m_running->id, columns);
}

void PgConnection::keepRow(PgRow &&row)
{
    if (m_running->streaming)
        m_batch << std::move(row);
    else
        m_current.rows << std::move(row);
}

void PgConnection::takeRows(const PGresult *result)
{
    const int rows = PQntuples(result);
    const int columns = PQnfields(result);
    const qint64 keep = m_running->keepRows;
    for (int r = 0; r < rows; ++r) {
        // Counted always; converted only while kept.
        const bool kept = keep < 0 || m_current.rowCount < keep;
        ++m_current.rowCount;
        if (!kept)
            continue;
        PgRow row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result, r, c))
                row << std::nullopt;
            else
                row << QString::fromUtf8(PQgetvalue(result, r, c), PQgetlength(result, r, c));
        }
        keepRow(std::move(row));
    }
}

bool PgConnection::takeCopyLines()
{
    const qint64 keep = m_running->keepRows;
    char *buffer = nullptr;
    int got = 0;
    while ((got = PQgetCopyData(m_conn, &buffer, 1)) > 0) {
        const bool kept = keep < 0 || m_current.rowCount < keep;
        ++m_current.rowCount;
        if (kept) {
            QByteArray line(buffer, got);
            if (line.endsWith('\n'))
                line.chop(1);
            keepRow(PgRow{QString::fromUtf8(line)});
        }
        PQfreemem(buffer);
        if (m_running->streaming && m_batch.size() >= m_running->batchRows)
            flushBatch(true);
    }
    // 0: more to come, wait for the socket; -1: done, the final result follows.
    return got != 0;
}

void PgConnection::flushBatch(bool force)
{
    if (!m_running || !m_running->streaming || m_batch.isEmpty())
        return;
    if (!force && m_flushedAny && m_batch.size() < m_running->batchRows && m_sinceFlush.elapsed() < kFlushEveryMs)
        return;
    m_flushedAny = true;
    m_sinceFlush.start();
    emit rowsReady(m_running->id, std::exchange(m_batch, {}));
}

void PgConnection::finishRunning()
{
    if (!m_running)
        return;
    m_current.elapsedMs = m_runningFor.elapsed();
    if (!m_current.error.sqlState.isEmpty())
        m_current.ok = false;
    m_batch.clear();
    PgResult result = std::move(m_current);
    m_current = PgResult();
    m_running.reset();
    if (m_state == State::Busy)
        setState(State::Ready);
    emit resultReady(result);
    sendNext();
}

void PgConnection::connectionLost(const QString &libpqMessage)
{
    PgError error;
    error.sqlState = QStringLiteral("08006");
    error.severity = QStringLiteral("FATAL");
    error.raw = libpqMessage.trimmed();
    error.message = serverMessage(libpqMessage);
    if (error.message.isEmpty())
        error.message = error.raw.section(QLatin1Char('\n'), 0, 0);
    if (libpqMessage.contains(QLatin1String("terminating connection due to administrator command")))
        error.sqlState = QStringLiteral("57P01");
    error.sentence = tr("The connection to the server at %1 was lost: the server stopped, restarted or "
                        "closed the session. Check that the server is running, then connect again.")
                         .arg(m_endpoint);
    std::optional<PgResult> interrupted;
    if (m_running) {
        m_current.ok = false;
        m_current.error = error;
        m_current.elapsedMs = m_runningFor.elapsed();
        interrupted = std::move(m_current);
        m_current = PgResult();
        m_running.reset();
    }
    // Tear down before anything is emitted: a receiver may reopen.
    teardown();
    m_lastError = error;
    setState(State::Failed);
    if (interrupted)
        emit resultReady(*interrupted);
    failQueued(error);
    emit failed(error);
}

void PgConnection::failConnect(const PgError &error)
{
    teardown();
    m_lastError = error;
    setState(State::Failed);
    failQueued(error);
    emit failed(error);
}

void PgConnection::failQueued(const PgError &error)
{
    // Emitting may let a receiver queue more; those are answered too.
    while (!m_queue.isEmpty()) {
        const Pending pending = m_queue.dequeue();
        PgResult result;
        result.id = pending.id;
        result.error = error;
        emit resultReady(result);
    }
}

void PgConnection::cancel()
{
    if (!m_queue.isEmpty())
        failQueued(PgError{QStringLiteral("57014"),
                           QStringLiteral("ERROR"),
                           tr("canceling statement due to user request"),
                           {},
                           {},
                           tr("The query was cancelled before it ran."),
                           {}});
    if (!m_conn || !m_running)
        return;
    if (QRunnable *task = makeCancelTask(m_conn))
        QThreadPool::globalInstance()->start(task);
}

void PgConnection::close()
{
    const bool wasOpen = m_state != State::Disconnected && m_state != State::Failed;
    PgError error{QStringLiteral("08003"),
                  QStringLiteral("ERROR"),
                  tr("connection closed"),
                  {},
                  {},
                  tr("The query did not finish: the connection was closed."),
                  {}};
    if (m_running) {
        PgResult result = std::move(m_current);
        m_current = PgResult();
        result.id = m_running->id;
        result.ok = false;
        result.error = error;
        m_running.reset();
        teardown();
        emit resultReady(result);
    }
    teardown();
    failQueued(error);
    if (wasOpen)
        setState(State::Disconnected);
}

void PgConnection::teardown()
{
    m_connectTimer->stop();
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    m_lookupId = -1;
    dropNotifiers();
    if (m_conn) {
        PQfinish(m_conn);
        m_conn = nullptr;
    }
}

void PgConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void PgConnection::noticeReceiver(void *self, const PGresult *result)
{
    auto *connection = static_cast<PgConnection *>(self);
    const QString severity = resultField(result, PG_DIAG_SEVERITY);
    const QString message = resultField(result, PG_DIAG_MESSAGE_PRIMARY);
    if (connection->m_running)
        connection->m_current.notices << (severity.isEmpty() ? message : severity + QStringLiteral(": ") + message);
}
