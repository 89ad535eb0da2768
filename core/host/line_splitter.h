#pragma once

#include <QByteArray>

#include <functional>

// Cuts a stream of bytes into lines as they arrive, for Host::run's onLine
// callback (LocalHost reads pipes, SshHost reads channels). A last line
// without a newline is delivered by finish(). "\r" alone also ends a line:
// pg_basebackup -P redraws its progress with it.
class LineSplitter
{
public:
    using Sink = std::function<void(const QByteArray &line)>;

    explicit LineSplitter(Sink sink) : m_sink(std::move(sink)) {}

    void feed(const QByteArray &bytes);
    void finish();

private:
    Sink m_sink;
    QByteArray m_pending;
};
