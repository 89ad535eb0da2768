#include "host_target.h"

#include "core/host/ssh_host.h"

#include <QCoreApplication>
#include <QRegularExpression>

Result<HostTarget> HostTarget::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(?:([A-Za-z0-9._][A-Za-z0-9._-]*)@)?(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(?::([0-9]{1,5}))?$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch()) {
        return makeError(
            QCoreApplication::translate(
                "HostTarget",
                "\"%1\" is not a host. Write it as USER@HOST or USER@HOST:PORT, for example postgres@db1:22.")
                .arg(text));
    }
    HostTarget target;
    target.userDefaulted = match.captured(1).isEmpty();
    target.portDefaulted = match.captured(3).isEmpty();
    target.user = target.userDefaulted ? QStringLiteral("root") : match.captured(1);
    target.host = match.captured(2);
    if (target.host.startsWith(QLatin1Char('[')))
        target.host = target.host.mid(1, target.host.size() - 2);
    if (!match.captured(3).isEmpty()) {
        target.port = match.captured(3).toInt();
        if (target.port < 1 || target.port > 65535)
            return makeError(
                QCoreApplication::translate("HostTarget", "The SSH port in \"%1\" must be between 1 and 65535.")
                    .arg(text));
    }
    return target;
}

QString HostTarget::toString() const
{
    const QString hostPart = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    QString text = user.isEmpty() || userDefaulted ? hostPart : user + QLatin1Char('@') + hostPart;
    if (port != 22 && !portDefaulted)
        text += QLatin1Char(':') + QString::number(port);
    return text;
}

void HostTarget::applyTo(SshHostConfig &config) const
{
    config.host = host;
    config.user = givenUser();
    config.fallbackUser = user;
    config.port = givenPort();
}

HostTarget HostTarget::fromGiven(const QString &user, const QString &host, int port)
{
    HostTarget target;
    target.host = host;
    target.userDefaulted = user.isEmpty();
    target.user = target.userDefaulted ? QStringLiteral("root") : user;
    target.portDefaulted = port <= 0;
    target.port = target.portDefaulted ? 22 : port;
    return target;
}
