#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// postgresql.conf with every file it includes (include, include_if_exists,
// include_dir) and then postgresql.auto.conf, in the order PostgreSQL reads
// them (guc-file.l: an include is read where it stands, a directory's *.conf
// files by name, the data directory's postgresql.auto.conf last), so that
// the line that really sets a value can be named: an edit of postgresql.conf
// that a later file overrides has no effect. Used by replicactl conf (local
// files) and the setup plan (files read from the primary when planning).
class ConfTree
{
public:
    struct Assignment
    {
        QString file;  // path as PostgreSQL opens it
        int line = 0;  // 1-based
        QString name;  // as written
        QString value; // after unquoting
    };

    // The content of a file, nullopt when there is no such file (an error: it could not be read).
    using FileReader = std::function<Result<std::optional<QByteArray>>(const QString &path)>;
    // The names of the files in a folder (not their paths).
    using FolderLister = std::function<Result<QStringList>(const QString &folder)>;

    // Reads mainFile, whose content is mainText (the text about to be written), then what it
    // includes through the reader, then postgresql.auto.conf of the data directory: the
    // data_directory setting when the files set one, else dataDir (empty: the main file's folder).
    static Result<ConfTree> read(const QString &mainFile, const QByteArray &mainText, const FileReader &reader,
                                 const FolderLister &lister, const QString &dataDir = {});
    // The same over files already read (path -> content; a folder lists the paths under it):
    // the setup plan's, read from the primary when planning.
    static Result<ConfTree> readFromFiles(const QString &mainFile, const QByteArray &mainText,
                                          const QMap<QString, QByteArray> &files, const QString &dataDir = {});
    // The same on this machine's files.
    static Result<ConfTree> readLocal(const QString &mainFile, const QByteArray &mainText, const QString &dataDir = {});

    // The assignment PostgreSQL keeps for this name (the last one read); nullopt when no file sets it.
    std::optional<Assignment> winner(const QString &name) const;
    // For a setting the main file now sets: the later line that overrides it, else nullopt.
    std::optional<Assignment> overrideOf(const QString &name) const;
    const QList<Assignment> &assignments() const { return m_assignments; }
    const QString &mainFile() const { return m_mainFile; }
    const QString &autoConfFile() const { return m_autoConfFile; }

    // "wal_level = minimal in /etc/.../conf.d/01.conf line 1 is read after postgresql.conf and wins
    // (PostgreSQL keeps minimal)": one sentence for replicactl and the plan's descriptions.
    static QString describeOverride(const QString &name, const Assignment &winner);

private:
    Result<void> readFile(const QString &path, const QByteArray &text, int depth, const FileReader &reader,
                          const FolderLister &lister);
    Result<void> readIncluded(const QString &path, bool mustExist, int depth, const FileReader &reader,
                              const FolderLister &lister);

    QString m_mainFile;
    QString m_autoConfFile;
    QList<Assignment> m_assignments;
};
