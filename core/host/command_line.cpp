#include "command_line.h"

#include <QRegularExpression>

CommandLine::CommandLine(QString program, QStringList arguments)
    : m_program(std::move(program)), m_arguments(std::move(arguments))
{
}

CommandLine::CommandLine(std::initializer_list<QString> programAndArguments)
{
    for (const QString &word : programAndArguments) {
        if (m_program.isEmpty() && m_arguments.isEmpty())
            m_program = word;
        else
            m_arguments.append(word);
    }
}

CommandLine CommandLine::shell(const QString &script, const QStringList &positional)
{
    // "sh" fills $0 so that the caller's words start at $1.
    CommandLine command(QStringLiteral("sh"), {QStringLiteral("-c"), script, QStringLiteral("sh")});
    command.args(positional);
    return command;
}

CommandLine &CommandLine::arg(const QString &argument)
{
    m_arguments.append(argument);
    return *this;
}

CommandLine &CommandLine::args(const QStringList &arguments)
{
    m_arguments.append(arguments);
    return *this;
}

QString CommandLine::quote(const QString &word)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (safe.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString CommandLine::toShellString() const
{
    // A bare "NAME=value" first word would be read as an assignment.
    const QString program = quote(m_program);
    QStringList words{program.contains(QLatin1Char('=')) && !program.startsWith(QLatin1Char('\''))
                          ? QLatin1Char('\'') + m_program + QLatin1Char('\'')
                          : program};
    for (const QString &argument : m_arguments)
        words.append(quote(argument));
    return words.join(QLatin1Char(' '));
}
