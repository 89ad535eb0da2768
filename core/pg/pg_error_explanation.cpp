#include "core/pg/pg_error_explanation.h"

#include <QCoreApplication>

namespace {

bool says(const PgError &error, const char *text)
{
    return error.message.contains(QLatin1String(text), Qt::CaseInsensitive) ||
           error.raw.contains(QLatin1String(text), Qt::CaseInsensitive);
}

} // namespace

QString pgErrorExplanation(const PgError &error)
{
    const QString &state = error.sqlState;
    if (state == QLatin1String("25006"))
        return QCoreApplication::translate(
            "PgErrorExplanation",
            "This server is a hot standby: it replays the primary's WAL and accepts reads only. Send "
            "writes (INSERT, UPDATE, DELETE, DDL) to the primary; the change then reaches this standby "
            "through replication within moments.");
    if (state == QLatin1String("40001") && says(error, "conflict with recovery"))
        return QCoreApplication::translate(
            "PgErrorExplanation",
            "The standby cancelled this query because replaying the primary's changes needed rows or a lock "
            "the query was using. Replay waits at most max_standby_streaming_delay (30 s by default) before "
            "it cancels queries; raising it lets long reads finish but lets the standby fall behind. "
            "hot_standby_feedback = on asks the primary to keep the rows the standby still reads, at the cost "
            "of bloat on the primary. Run the query again.");
    if (state == QLatin1String("55000") && says(error, "recovery is in progress"))
        return QCoreApplication::translate(
            "PgErrorExplanation",
            "This function changes WAL or the server's state, which only a primary can do (for example "
            "pg_switch_wal, pg_create_restore_point, pg_current_wal_lsn). A standby stays in recovery until "
            "it is promoted: run it on the primary, or use the standby's own functions "
            "(pg_last_wal_receive_lsn, pg_last_wal_replay_lsn).");
    if (state == QLatin1String("57014") && says(error, "COPY from stdin failed"))
        return QCoreApplication::translate(
            "PgErrorExplanation",
            "COPY FROM STDIN needs data sent from the client, which the console does not do. Use psql's "
            "\\copy, INSERT ... VALUES, or COPY FROM a file on the server.");
    if (state == QLatin1String("57014") && says(error, "user request"))
        return QCoreApplication::translate(
            "PgErrorExplanation",
            "The statement was cancelled. What it had changed is rolled back; nothing of it is kept.");
    if (state == QLatin1String("57P01") || state == QLatin1String("57P02") || state == QLatin1String("57P03") ||
        state == QLatin1String("08006") || state == QLatin1String("08003") || state == QLatin1String("08001"))
        return QCoreApplication::translate(
            "PgErrorExplanation",
            "The connection to this server is gone or could not be made: the server stopped, restarted or "
            "was promoted, or an administrator ended the session (pg_terminate_backend). Work that was not "
            "committed is rolled back. Once the server is up, run the statement again: the console "
            "connects anew.");
    return {};
}
