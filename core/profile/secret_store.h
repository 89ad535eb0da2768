#pragma once

#include <QHash>
#include <QObject>
#include <QString>

// Where the program keeps secrets (SSH passphrases and passwords, the
// monitoring role's password): the OS keychain through QtKeychain. Where no
// keychain service answers, secrets are kept in memory for this run only and
// fellBackToMemory() says so once, so that the window can tell the user.
// Nothing is ever written to disk by this class. Calls are asynchronous (the
// keychain may ask the user to unlock it); answers come as signals on this
// object's thread. Used by the main window, the cluster dialog and the wizard.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    explicit SecretStore(QString service = QStringLiteral("Replica Studio"), QObject *parent = nullptr);

    void write(const QString &key, const QString &secret);
    void read(const QString &key);
    void remove(const QString &key);

    // False once the keychain did not answer and secrets live in memory.
    bool usesKeychain() const { return m_fallbackReason.isEmpty(); }
    QString fallbackReason() const { return m_fallbackReason; }

signals:
    void written(const QString &key, const QString &errorMessage); // empty message: kept
    void secretRead(const QString &key, const QString &secret, bool found, const QString &errorMessage);
    void removed(const QString &key);
    void fellBackToMemory(const QString &reason);

private:
    // True when the error means "no keychain here" (as opposed to "the user said no").
    bool fallBackOn(int keychainError, const QString &errorString);

    QString m_service;
    QString m_fallbackReason;
    QHash<QString, QString> m_memory;
};
