#pragma once

#include "core/pg/pg_error.h"

#include <QString>

// A plain explanation of the errors a hot standby teaches (25006 read-only,
// 40001 conflict with recovery, functions only a primary can run, a lost
// connection, a cancelled statement, COPY FROM STDIN), for the query console
// and the lesson to show under the server's own fields. Empty for other
// errors: the server's message says enough.
QString pgErrorExplanation(const PgError &error);
