#include "host_prompts.h"

#include <chrono>

namespace {
// How often a waiting worker looks at its cancel flag.
constexpr auto cancelPoll = std::chrono::milliseconds(50);
} // namespace

HostPrompts::HostPrompts(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<SshPrompt>();
    qRegisterMetaType<SshPromptReply>();
}

HostPrompts::~HostPrompts()
{
    std::unique_lock lock(m_mutex);
    m_closing = true;
    m_answered.notify_all();
    // A worker still in ask() leaves it before the object is gone.
    m_answered.wait(lock, [this] { return m_pending.empty(); });
}

SshPromptReply HostPrompts::ask(const SshPrompt &prompt, const std::atomic_bool *cancel)
{
    quint64 id = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_closing)
            return {};
        id = m_nextId++;
        m_pending.emplace(id, Pending{});
    }
    // Outside the lock: a direct connection may answer right here.
    emit requested(id, prompt);
    std::unique_lock lock(m_mutex);
    Pending &pending = m_pending.at(id);
    while (!pending.answered && !m_closing && !(cancel && cancel->load()))
        m_answered.wait_for(lock, cancelPoll);
    const SshPromptReply reply = pending.answered ? pending.reply : SshPromptReply{};
    m_pending.erase(id);
    m_answered.notify_all();
    return reply;
}

void HostPrompts::answer(quint64 id, const SshPromptReply &reply)
{
    std::lock_guard lock(m_mutex);
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    it->second.answered = true;
    it->second.reply = reply;
    m_answered.notify_all();
}

void HostPrompts::cancelAll()
{
    std::lock_guard lock(m_mutex);
    for (auto &[id, pending] : m_pending)
        pending.answered = true; // with the default reply: Cancel
    m_answered.notify_all();
}

int HostPrompts::pendingCount() const
{
    std::lock_guard lock(m_mutex);
    int waiting = 0;
    for (const auto &[id, pending] : m_pending)
        waiting += pending.answered ? 0 : 1;
    return waiting;
}
