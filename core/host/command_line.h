#pragma once

#include <QString>
#include <QStringList>

// A command for a host, built from separate arguments. Every command that
// reaches a shell (an SSH exec request, `sh -c`, sudo/su wrappers) is
// rendered here with POSIX single-quote quoting, so user text is never
// pasted into a shell string. Used by Host implementations, steps and the
// plan's shell-script export.
class CommandLine
{
public:
    CommandLine() = default;
    CommandLine(QString program, QStringList arguments = {});
    CommandLine(std::initializer_list<QString> programAndArguments);

    // A fixed shell fragment (pipes, redirections) written by us, never by the
    // user; user text goes into it only as positional parameters ("$1"):
    // CommandLine::shell(QStringLiteral("cat > \"$1\""), {path}).
    static CommandLine shell(const QString &script, const QStringList &positional = {});

    CommandLine &arg(const QString &argument);
    CommandLine &args(const QStringList &arguments);

    const QString &program() const { return m_program; }
    const QStringList &arguments() const { return m_arguments; }
    bool isEmpty() const { return m_program.isEmpty(); }

    // The command as one POSIX shell string, each word quoted only when needed.
    QString toShellString() const;

    // One word for a POSIX shell: unchanged when it holds only safe
    // characters, else wrapped in '' with embedded quotes as '\''.
    static QString quote(const QString &word);

    bool operator==(const CommandLine &other) const = default;

private:
    QString m_program;
    QStringList m_arguments;
};
