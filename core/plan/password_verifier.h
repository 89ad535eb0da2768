#pragma once

#include <QByteArray>
#include <QString>

// The form in which a role's password is sent to the server: a verifier
// computed here, so that the password itself never reaches the server's
// logs, a command line or psql's history. SCRAM-SHA-256 as RFC 5803/7677 and
// PostgreSQL store it (SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>),
// or "md5" + md5(password + user) for servers before 10 and the walkthrough mode.
// Used by the replication-role step and the sandbox.
class PasswordVerifier
{
public:
    static QString scramSha256(const QString &password, const QByteArray &salt = {}, int iterations = 4096);
    static QString md5(const QString &password, const QString &user);
    // A random password of letters and digits, from the system's generator.
    static QString generatePassword(int length = 24);
};
