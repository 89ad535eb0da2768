#include "secret_store.h"

#include <qt6keychain/keychain.h>

SecretStore::SecretStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service))
{
}

bool SecretStore::fallBackOn(int keychainError, const QString &errorString)
{
    if (keychainError != QKeychain::NoBackendAvailable && keychainError != QKeychain::OtherError &&
        keychainError != QKeychain::NotImplemented)
        return false;
    if (m_fallbackReason.isEmpty()) {
        m_fallbackReason = tr("No system keychain answered (%1). Passwords are kept in memory until the program "
                              "quits and will be asked for again next time; start a keychain service (GNOME "
                              "Keyring or KWallet) to keep them.")
                               .arg(errorString);
        emit fellBackToMemory(m_fallbackReason);
    }
    return true;
}

void SecretStore::write(const QString &key, const QString &secret)
{
    if (!usesKeychain()) {
        m_memory.insert(key, secret);
        emit written(key, QString());
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key, secret](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            emit written(key, QString());
        } else if (fallBackOn(done->error(), done->errorString())) {
            m_memory.insert(key, secret);
            emit written(key, QString());
        } else {
            emit written(key, tr("The keychain did not keep the password: %1").arg(done->errorString()));
        }
    });
    job->start();
}

void SecretStore::read(const QString &key)
{
    if (!usesKeychain()) {
        emit secretRead(key, m_memory.value(key), m_memory.contains(key), QString());
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *done) {
        const auto *reader = static_cast<QKeychain::ReadPasswordJob *>(done);
        if (done->error() == QKeychain::NoError)
            emit secretRead(key, reader->textData(), true, QString());
        else if (done->error() == QKeychain::EntryNotFound || fallBackOn(done->error(), done->errorString()))
            emit secretRead(key, m_memory.value(key), m_memory.contains(key), QString());
        else
            emit secretRead(key, QString(), false,
                            tr("The keychain did not give the password: %1").arg(done->errorString()));
    });
    job->start();
}

void SecretStore::remove(const QString &key)
{
    m_memory.remove(key);
    if (!usesKeychain()) {
        emit removed(key);
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *done) {
        fallBackOn(done->error(), done->errorString());
        emit removed(key);
    });
    job->start();
}
