#pragma once

#include "core/profile/cluster_profile.h"

#include <QObject>
#include <QStringList>

// The saved cluster profiles: one JSON file each under
// <AppConfigLocation>/clusters (or a folder given for tests). Loading is a
// few small reads; saving is written atomically (temp file, sync, rename)
// and runs on a pool thread when asked from the window, because a sync must
// not hold the GUI thread. The main window and the wizard's Done page use it.
class ClusterProfileStore : public QObject
{
    Q_OBJECT

public:
    explicit ClusterProfileStore(QString dir = {}, QObject *parent = nullptr);

    static QString defaultDir();
    QString dir() const { return m_dir; }

    // Every readable profile by name; a file that cannot be read is named in problems().
    QList<ClusterProfile> load();
    const QStringList &problems() const { return m_problems; }

    // Blocking forms, for replicactl and the tests.
    Result<void> save(const ClusterProfile &profile) const;
    Result<void> remove(const QString &id) const;

    // The window's form: saved() follows on this object's thread.
    void saveInBackground(const ClusterProfile &profile);

    // A profile file for another machine (no secrets in it), and back.
    static Result<void> exportTo(const ClusterProfile &profile, const QString &path);
    static Result<ClusterProfile> importFrom(const QString &path);

signals:
    void saved(const QString &id, const QString &errorMessage); // empty message: saved

private:
    QString pathFor(const QString &id) const;

    QString m_dir;
    QStringList m_problems;
};
