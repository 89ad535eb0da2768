#pragma once

#include "core/plan/host_facts.h"

#include <QByteArray>
#include <QString>

// Where the golden files live, and small readers for them, shared by tests.
namespace Fixtures {

// Absolute path of tests/fixtures/<relative>.
QString path(const QString &relative);

// The whole content of tests/fixtures/<relative>; fails the caller's test
// through QFAIL-like output when missing (returns an empty array).
QByteArray read(const QString &relative);

// What discovery reports for a Debian 12 host with the major from Debian's
// packages (and its clients), as plan tests build their pairs from.
HostFacts debianHost(const PgVersion &version, const QString &address);
// The same with Debian's 15 (and its clients), a source build of `built` in
// /usr/local/pgsql/bin without clients, and systemd running or not: the
// pg_ctl layouts' plan tests build their pairs from it.
HostFacts debianHostWithSourceBuild(const PgVersion &built, const QString &address, bool systemd);

} // namespace Fixtures
