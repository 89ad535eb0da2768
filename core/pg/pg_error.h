#pragma once

#include "core/result.h"

#include <QString>

// An error from PostgreSQL or libpq, as PgConnection reports it: the server's
// own fields (SQLSTATE, message, detail, hint) kept apart, plus a sentence for
// the user that says what to do. Query errors keep the server's message as
// their sentence; connection failures get one written for the situation
// (server down, wrong password, no pg_hba.conf line...).
struct PgError
{
    QString sqlState; // five characters, e.g. "25006"; libpq's own failures get the 08xxx class
    QString severity; // ERROR, FATAL... (untranslated field when the server sent it)
    QString message;  // the primary message, e.g. "cannot execute INSERT in a read-only transaction"
    QString detail;
    QString hint;
    QString sentence; // user-facing: what happened and what to do
    QString raw;      // libpq's whole error text, for logs and "details"
    int position = 0; // where in the statement the server points (1-based characters); 0: nowhere

    bool isEmpty() const { return message.isEmpty() && sentence.isEmpty(); }

    // The sentence, or the server message when there is none.
    QString userText() const { return sentence.isEmpty() ? message : sentence; }

    // As a Result error: the sentence for the user, the server's fields as detail.
    Error toError() const
    {
        QString technical = raw.isEmpty() ? message : raw.trimmed();
        if (!sqlState.isEmpty())
            technical = QStringLiteral("SQLSTATE %1: %2").arg(sqlState, technical);
        return makeError(userText(), technical);
    }
};
