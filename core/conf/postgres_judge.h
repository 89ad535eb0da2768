#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

class Host;

// Lets a postgres program read a postgresql.conf before it is written:
// `postgres -C NAME` on a copy that stands beside the file (so that its
// relative includes resolve the same), in the data directory it stands in
// (initdb's layout) or the one it names (data_directory, as Debian's does),
// else a throwaway one. PostgreSQL's
// verdict, not ours: an invalid time zone, a value its check refuses, an
// include that is missing. Used by replicactl conf; the setup plan asks the
// cluster's own program the same way (ClusterLayout::showSetting).
class PostgresJudge
{
public:
    struct Verdict
    {
        bool accepted = false;
        QMap<QString, QString> values; // what postgres prints for each name asked, when accepted
        QString message;               // PostgreSQL's own words, when refused
    };

    PostgresJudge(Host &host, QString postgresProgram);

    // The text as it would read at `path`; names: the settings to print back.
    Result<Verdict> judge(const QString &path, const QByteArray &text, const QStringList &names);

private:
    Result<QString> makeDataFolder();
    bool isDataDirectory(const QString &folder);
    void removeQuietly(const QString &path);

    Host &m_host;
    QString m_program;
};
