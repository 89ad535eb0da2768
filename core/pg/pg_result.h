#pragma once

#include "core/pg/pg_error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One value as the server sent it in text form; std::nullopt is SQL NULL.
using PgValue = std::optional<QString>;
using PgRow = QList<PgValue>;
// Bound parameters of a query, in $1, $2... order; std::nullopt binds NULL.
using PgParams = QList<PgValue>;

// What one query returned, as plain data: PgConnection fills it, the sampler,
// the console and the tests read it. Values are text (the server's output
// format), so nothing is lost or reinterpreted on the way.
struct PgResult
{
    quint64 id = 0; // the number PgConnection::exec() gave the query
    bool ok = false;
    QStringList columns;
    QList<PgRow> rows;   // empty for a streamed query: its rows went out by PgConnection::rowsReady
    qint64 rowCount = 0; // every row the query returned, also those not kept
    QString commandTag;  // "SELECT 3", "INSERT 0 1"
    PgError error;       // when !ok
    QStringList notices; // NOTICE / WARNING messages the query raised
    qint64 elapsedMs = 0;

    int columnIndex(const QString &name) const { return columns.indexOf(name); }

    // The value of a column by name in a row; nullopt for NULL or an unknown
    // column (callers that must tell the two apart use columnIndex()).
    PgValue value(int row, const QString &column) const
    {
        const int c = columnIndex(column);
        if (row < 0 || row >= rows.size() || c < 0 || c >= rows.at(row).size())
            return std::nullopt;
        return rows.at(row).at(c);
    }
};
