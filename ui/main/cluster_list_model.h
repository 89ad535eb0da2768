#pragma once

#include "core/profile/cluster_profile.h"

#include <QAbstractListModel>

// The sidebar's rows: the demo sandbox first, then every saved cluster
// profile, each with the health its sampler last saw (a coloured dot and a
// word, so that colour is never the only sign). The main window keeps it.
class ClusterListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Health { Unknown, Healthy, Warning, Critical, Unreachable };
    enum Role { IdRole = Qt::UserRole + 1, HealthRole, AddressRole };

    static QString demoId() { return QStringLiteral(":demo"); }

    explicit ClusterListModel(QObject *parent = nullptr);

    void setProfiles(const QList<ClusterProfile> &profiles);
    const QList<ClusterProfile> &profiles() const { return m_profiles; }
    const ClusterProfile *profile(const QString &id) const;
    void setDemoAddress(const QString &address);
    void setHealth(const QString &id, Health health);
    Health health(const QString &id) const { return m_health.value(id, Health::Unknown); }
    // The worst health among the clusters that have one (for the tray icon).
    Health worstHealth() const;

    QModelIndex indexOf(const QString &id) const;
    static QString healthText(Health health);
    static QColor healthColour(Health health);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString idAt(int row) const;

    QList<ClusterProfile> m_profiles;
    QString m_demoAddress;
    QHash<QString, Health> m_health;
};
