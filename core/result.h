#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

// What a direct call that can fail returns (std::expected is C++23; GCC 12
// builds C++20). An Error carries a sentence for the user that says what to
// do, and the technical detail (a command's stderr, a server message) apart.
struct Error
{
    QString message; // user-facing, translated, says what to do
    QString detail;  // technical: stderr, libpq/libssh message, path
    // The user's input (or what it asks of the hosts) was refused before
    // anything changed, as opposed to a failure on the way (replicactl's exit 2 vs 1).
    bool refused = false;

    // "message (detail)" on one line, for logs and the command line.
    QString fullText() const { return detail.isEmpty() ? message : message + QStringLiteral("\n") + detail; }
};

template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_state); }

    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_state;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(QString message, QString detail = {})
{
    Error error;
    error.message = std::move(message);
    error.detail = std::move(detail);
    return error;
}

inline Error makeRefusal(QString message, QString detail = {})
{
    Error error = makeError(std::move(message), std::move(detail));
    error.refused = true;
    return error;
}
