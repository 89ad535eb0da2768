#pragma once

#include <QMetaType>
#include <QString>

// A server's host key as shown to the user before it is trusted.
struct HostKeyInfo
{
    QString host;
    int port = 22;
    QString keyType;     // "ssh-ed25519"
    QString fingerprint; // "SHA256:..."
};

// One question an SshHost needs answered by the user while it connects on a
// worker thread: an unknown host key, a key file's passphrase or the login
// password. Plain data carried by HostPrompts::requested() to whoever
// answers (the wizard's dialogs, replicactl's terminal).
struct SshPrompt
{
    enum class Kind { UnknownHostKey, Passphrase, Password };

    Kind kind = Kind::UnknownHostKey;
    QString hostName;    // "root@db1:22", as SshHost::displayName() says it
    HostKeyInfo hostKey; // UnknownHostKey
    QString keyPath;     // Passphrase: the private key file
};

// The user's answer to an SshPrompt.
struct SshPromptReply
{
    enum class Decision {
        Cancel,            // refuse the key, give no passphrase or password
        AcceptOnce,        // trust the key for this program's connections to the host
        AcceptAndRemember, // trust it and add it to known_hosts
        Text,              // the passphrase or password in `text`
    };

    Decision decision = Decision::Cancel;
    QString text;

    bool accepted() const { return decision == Decision::AcceptOnce || decision == Decision::AcceptAndRemember; }
};

Q_DECLARE_METATYPE(SshPrompt)
Q_DECLARE_METATYPE(SshPromptReply)
