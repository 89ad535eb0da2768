#include "password_verifier.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

QString PasswordVerifier::scramSha256(const QString &password, const QByteArray &saltGiven, int iterations)
{
    QByteArray salt = saltGiven;
    if (salt.isEmpty()) {
        salt.resize(16);
        QRandomGenerator::system()->generate(salt.begin(), salt.end());
    }
    // SASLprep: PostgreSQL normalises with NFKC (and uses the raw bytes when
    // the password is not valid for SASLprep); for ASCII both are the same.
    const QByteArray normalised = password.normalized(QString::NormalizationForm_KC).toUtf8();
    const QByteArray salted =
        QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, normalised, salt, iterations, 32);
    const QByteArray clientKey = QMessageAuthenticationCode::hash("Client Key", salted, QCryptographicHash::Sha256);
    const QByteArray storedKey = QCryptographicHash::hash(clientKey, QCryptographicHash::Sha256);
    const QByteArray serverKey = QMessageAuthenticationCode::hash("Server Key", salted, QCryptographicHash::Sha256);
    return QStringLiteral("SCRAM-SHA-256$%1:%2$%3:%4")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(storedKey.toBase64()),
             QString::fromLatin1(serverKey.toBase64()));
}

QString PasswordVerifier::md5(const QString &password, const QString &user)
{
    return QStringLiteral("md5") +
           QString::fromLatin1(
               QCryptographicHash::hash(password.toUtf8() + user.toUtf8(), QCryptographicHash::Md5).toHex());
}

QString PasswordVerifier::generatePassword(int length)
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString password;
    for (int i = 0; i < length; ++i)
        password.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]));
    return password;
}
