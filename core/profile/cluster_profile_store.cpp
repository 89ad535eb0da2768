#include "cluster_profile_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThreadPool>

#include <algorithm>

namespace {

Result<void> writeJson(const QJsonObject &object, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0 || !file.commit())
        return makeError(QCoreApplication::translate("ClusterProfileStore", "Could not write %1: %2. Check that "
                                                                            "the folder exists and is writable.")
                             .arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

Result<ClusterProfile> readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QCoreApplication::translate("ClusterProfileStore", "Could not read %1: %2.")
                             .arg(QDir::toNativeSeparators(path), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return makeRefusal(QCoreApplication::translate("ClusterProfileStore", "%1 is not a cluster profile (%2).")
                               .arg(QDir::toNativeSeparators(path), parseError.errorString()));
    return ClusterProfile::fromJson(document.object());
}

} // namespace

ClusterProfileStore::ClusterProfileStore(QString dir, QObject *parent)
    : QObject(parent), m_dir(dir.isEmpty() ? defaultDir() : std::move(dir))
{
}

QString ClusterProfileStore::defaultDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/clusters");
}

QString ClusterProfileStore::pathFor(const QString &id) const
{
    return m_dir + QLatin1Char('/') + id + QStringLiteral(".json");
}

QList<ClusterProfile> ClusterProfileStore::load()
{
    m_problems.clear();
    QList<ClusterProfile> profiles;
    const QDir folder(m_dir);
    for (const QString &name : folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        Result<ClusterProfile> profile = readJson(folder.filePath(name));
        if (!profile) {
            m_problems << profile.error().message;
            continue;
        }
        if (profile->id + QStringLiteral(".json") != name)
            profile->id = name.chopped(5); // a file renamed by hand keeps its own name as the id
        profiles << profile.value();
    }
    std::sort(profiles.begin(), profiles.end(), [](const ClusterProfile &a, const ClusterProfile &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return profiles;
}

Result<void> ClusterProfileStore::save(const ClusterProfile &profile) const
{
    if (Result<void> valid = profile.validate(); !valid)
        return valid;
    if (!QDir().mkpath(m_dir))
        return makeError(tr("Could not make the folder %1 for cluster profiles. Check its permissions.")
                             .arg(QDir::toNativeSeparators(m_dir)));
    return writeJson(profile.toJson(), pathFor(profile.id));
}

Result<void> ClusterProfileStore::remove(const QString &id) const
{
    QFile file(pathFor(id));
    if (file.exists() && !file.remove())
        return makeError(
            tr("Could not remove %1: %2.").arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    return {};
}

void ClusterProfileStore::saveInBackground(const ClusterProfile &profile)
{
    QPointer<ClusterProfileStore> self(this);
    const QString dir = m_dir;
    QThreadPool::globalInstance()->start([self, dir, profile] {
        const ClusterProfileStore store(dir);
        const Result<void> result = store.save(profile);
        const QString message = result ? QString() : result.error().message;
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, id = profile.id, message] {
                if (self)
                    emit self->saved(id, message);
            },
            Qt::QueuedConnection);
    });
}

Result<void> ClusterProfileStore::exportTo(const ClusterProfile &profile, const QString &path)
{
    if (Result<void> valid = profile.validate(); !valid)
        return valid;
    return writeJson(profile.toJson(), path);
}

Result<ClusterProfile> ClusterProfileStore::importFrom(const QString &path)
{
    return readJson(path);
}
