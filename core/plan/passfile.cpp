#include "passfile.h"

#include <QList>
#include <QStringList>

namespace {

// Splits one passfile line into its five fields, undoing the escapes.
std::optional<QStringList> fields(const QString &line)
{
    QStringList result;
    QString current;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\\') && i + 1 < line.size()) {
            current.append(line.at(++i));
        } else if (c == QLatin1Char(':') && result.size() < 4) {
            result.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    result.append(current);
    if (result.size() != 5)
        return std::nullopt;
    return result;
}

bool matches(const QString &pattern, const QString &value)
{
    return pattern == QLatin1String("*") || pattern == value;
}

} // namespace

QString Passfile::escape(const QString &field)
{
    QString escaped;
    for (const QChar c : field) {
        if (c == QLatin1Char(':') || c == QLatin1Char('\\'))
            escaped.append(QLatin1Char('\\'));
        escaped.append(c);
    }
    return escaped;
}

QByteArray Passfile::withEntry(const QByteArray &content, const QString &host, int port, const QString &database,
                               const QString &user, const QString &password)
{
    const QString wanted =
        QStringList{escape(host), QString::number(port), escape(database), escape(user), escape(password)}.join(
            QLatin1Char(':'));
    QList<QByteArray> lines = content.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    bool placed = false;
    QList<QByteArray> out;
    for (const QByteArray &raw : lines) {
        const auto parts = fields(QString::fromUtf8(raw));
        if (parts && parts->at(0) == host && parts->at(1) == QString::number(port) && parts->at(2) == database &&
            parts->at(3) == user) {
            if (!placed)
                out.append(wanted.toUtf8());
            placed = true;
            continue;
        }
        out.append(raw);
    }
    if (!placed)
        out.append(wanted.toUtf8());
    return out.join('\n') + '\n';
}

std::optional<QString> Passfile::password(const QByteArray &content, const QString &host, int port,
                                          const QString &database, const QString &user)
{
    for (const QByteArray &raw : content.split('\n')) {
        if (raw.startsWith('#'))
            continue;
        const auto parts = fields(QString::fromUtf8(raw));
        if (parts && matches(parts->at(0), host) && matches(parts->at(1), QString::number(port)) &&
            matches(parts->at(2), database) && matches(parts->at(3), user))
            return parts->at(4);
    }
    return std::nullopt;
}

std::optional<QString> Passfile::passwordForUser(const QByteArray &content, const QString &database,
                                                 const QString &user)
{
    for (const QByteArray &raw : content.split('\n')) {
        if (raw.startsWith('#'))
            continue;
        const auto parts = fields(QString::fromUtf8(raw));
        if (parts && parts->at(2) == database && parts->at(3) == user)
            return parts->at(4);
    }
    return std::nullopt;
}
