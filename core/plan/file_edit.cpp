#include "file_edit.h"

QString FileEdit::kindName(Kind kind)
{
    switch (kind) {
    case Kind::PostgresqlConf:
        return QStringLiteral("postgresql.conf");
    case Kind::HbaConf:
        return QStringLiteral("pg_hba.conf");
    case Kind::RecoveryConf:
        return QStringLiteral("recovery.conf");
    case Kind::Signal:
        return QStringLiteral("signal");
    case Kind::Passfile:
        return QStringLiteral("passfile");
    case Kind::ServiceUnit:
        return QStringLiteral("service-unit");
    }
    return {};
}

std::optional<FileEdit::Kind> FileEdit::kindFromName(const QString &name)
{
    for (Kind kind :
         {Kind::PostgresqlConf, Kind::HbaConf, Kind::RecoveryConf, Kind::Signal, Kind::Passfile, Kind::ServiceUnit}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}
