#pragma once

#include "core/host/ssh_prompt.h"

#include <QObject>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>

// Where SshHosts ask their user: an SshHost that meets an unknown host key,
// a key file that needs a passphrase, or a server that wants a password
// calls ask() on its worker thread; ask() emits requested() and waits (on
// that worker thread only) until answer() is called from any thread, the
// connect is cancelled, or cancelAll(). The GUI connects requested() with a
// widget as context (a queued call), shows a dialog and calls answer();
// replicactl connects it directly and answers from the terminal. Shared by
// the hosts of one wizard or command (SshHostConfig::prompts).
class HostPrompts : public QObject
{
    Q_OBJECT

public:
    explicit HostPrompts(QObject *parent = nullptr);
    ~HostPrompts() override;

    // Worker thread: asks and waits. A cancel (the flag, cancelAll(), or the
    // object going away) is a Cancel reply.
    SshPromptReply ask(const SshPrompt &prompt, const std::atomic_bool *cancel = nullptr);

    // Any thread: the answer to the request `id`; unknown ids are ignored.
    void answer(quint64 id, const SshPromptReply &reply);
    // Any thread: every waiting request gets Cancel (a window closing).
    void cancelAll();
    // How many requests wait for an answer now.
    int pendingCount() const;

signals:
    // Emitted on the asking thread; answer with answer(id, ...).
    void requested(quint64 id, const SshPrompt &prompt);

private:
    struct Pending
    {
        bool answered = false;
        SshPromptReply reply;
    };

    mutable std::mutex m_mutex;
    std::condition_variable m_answered;
    std::map<quint64, Pending> m_pending;
    quint64 m_nextId = 1;
    bool m_closing = false;
};
