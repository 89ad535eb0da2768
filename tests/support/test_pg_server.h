#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A throwaway PostgreSQL server for the monitor's integration and GUI tests
// (PgConnection, ReplicationSampler, the demo window): its own folder owned by
// postgres (initdb refuses root, so programs run through `runuser -u postgres`),
// the Unix socket in that folder, a free loopback port. It can also be made a
// streaming standby of another one (pg_basebackup -R with a slot). Stopped and
// removed on destruction, also after a failed test.
class TestPgServer
{
public:
    // serverBinDir: the server programs to use (initdb, pg_ctl, postgres), e.g. a
    // build of another major from PgBuilds; Debian's 15 by default.
    explicit TestPgServer(QString name = QStringLiteral("primary"), QString serverBinDir = {});
    ~TestPgServer();
    TestPgServer(const TestPgServer &) = delete;
    TestPgServer &operator=(const TestPgServer &) = delete;

    // Why these tests cannot run here (not root, no PostgreSQL binaries), or empty.
    static QString unavailableReason();
    // Debian's PostgreSQL 15 programs, or $REPLICA_PG_BIN.
    static QString binDir();
    // psql and pg_basebackup: Debian's (the other majors' builds have none).
    static QString clientBinDir();
    // The server programs this one runs.
    QString serverBinDir() const { return m_binDir; }
    static int freePort();

    // initdb (trust for local and 127.0.0.1) and a small, fast configuration.
    bool init(QString *error);
    // A hot standby of `primary` named applicationName (its application_name),
    // streaming through slot applicationName.
    bool initStandbyOf(const TestPgServer &primary, const QString &applicationName, QString *error);

    bool start(QString *error);
    // pg_ctl stop in the given mode (fast, immediate).
    bool stop(const QString &mode = QStringLiteral("fast"));
    // SIGKILL to the postmaster and its children: a crash, as seen by clients.
    bool killAll();
    bool reload();

    // Adds lines to postgresql.auto.conf (read last, so they win).
    bool appendSettings(const QString &lines);
    // Replaces pg_hba.conf.
    bool writeHba(const QString &content);

    // Runs SQL through psql as postgres (on stdin, never in argv); the
    // unaligned tuples-only output, trimmed. Setup and checks only.
    QString psql(const QString &sql, bool *ok = nullptr, const QString &database = QStringLiteral("postgres")) const;

    QString name() const { return m_name; }
    int port() const { return m_port; }
    QString folder() const;
    QString socketDir() const { return folder(); }
    QString dataDir() const;
    // libpq connection strings for the superuser: over the socket, over TCP.
    QString connectionString(const QString &database = QStringLiteral("postgres")) const;
    QString tcpConnectionString(const QString &user, const QString &database = QStringLiteral("postgres")) const;
    QString logTail(int lines = 30) const;

private:
    bool makeFolder(QString *error);
    bool writeBaseSettings(QString *error);
    bool runAsPostgres(const QStringList &command, QString *output, const QByteArray &input = {},
                       int timeoutMs = 60000) const;

    QString m_name;
    QString m_binDir;
    std::unique_ptr<QTemporaryDir> m_folder;
    int m_port = 0;
    bool m_started = false;
};
