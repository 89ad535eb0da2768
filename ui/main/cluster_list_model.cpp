#include "ui/main/cluster_list_model.h"

#include <QColor>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace {

QIcon dot(const QColor &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(colour.darker(130));
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(2.5, 2.5, 11, 11));
    return QIcon(pixmap);
}

int rank(ClusterListModel::Health health)
{
    switch (health) {
    case ClusterListModel::Health::Unknown:
        return 0;
    case ClusterListModel::Health::Healthy:
        return 1;
    case ClusterListModel::Health::Warning:
        return 2;
    case ClusterListModel::Health::Unreachable:
        return 3;
    case ClusterListModel::Health::Critical:
        return 4;
    }
    return 0;
}

} // namespace

ClusterListModel::ClusterListModel(QObject *parent) : QAbstractListModel(parent)
{
}

void ClusterListModel::setProfiles(const QList<ClusterProfile> &profiles)
{
    beginResetModel();
    m_profiles = profiles;
    endResetModel();
}

const ClusterProfile *ClusterListModel::profile(const QString &id) const
{
    for (const ClusterProfile &profile : m_profiles)
        if (profile.id == id)
            return &profile;
    return nullptr;
}

void ClusterListModel::setDemoAddress(const QString &address)
{
    m_demoAddress = address;
    emit dataChanged(index(0), index(0));
}

void ClusterListModel::setHealth(const QString &id, Health health)
{
    if (m_health.value(id, Health::Unknown) == health)
        return;
    m_health.insert(id, health);
    const QModelIndex changed = indexOf(id);
    if (changed.isValid())
        emit dataChanged(changed, changed);
}

ClusterListModel::Health ClusterListModel::worstHealth() const
{
    Health worst = Health::Unknown;
    for (Health health : m_health)
        if (rank(health) > rank(worst))
            worst = health;
    return worst;
}

QModelIndex ClusterListModel::indexOf(const QString &id) const
{
    for (int row = 0; row < rowCount(); ++row)
        if (idAt(row) == id)
            return index(row);
    return {};
}

QString ClusterListModel::healthText(Health health)
{
    switch (health) {
    case Health::Unknown:
        return tr("not watched");
    case Health::Healthy:
        return tr("streaming");
    case Health::Warning:
        return tr("warning");
    case Health::Critical:
        return tr("needs action");
    case Health::Unreachable:
        return tr("unreachable");
    }
    return {};
}

QColor ClusterListModel::healthColour(Health health)
{
    switch (health) {
    case Health::Unknown:
        return QColor(0x9a, 0x9a, 0x9a);
    case Health::Healthy:
        return QColor(0x2e, 0x9d, 0x4f);
    case Health::Warning:
        return QColor(0xe0, 0x9b, 0x1a);
    case Health::Critical:
        return QColor(0xc6, 0x28, 0x28);
    case Health::Unreachable:
        return QColor(0x6d, 0x4c, 0x9f);
    }
    return {};
}

int ClusterListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + int(m_profiles.size());
}

QString ClusterListModel::idAt(int row) const
{
    return row == 0 ? demoId() : m_profiles.value(row - 1).id;
}

QVariant ClusterListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const QString id = idAt(index.row());
    const bool demo = index.row() == 0;
    const QString name = demo ? tr("Demo sandbox") : m_profiles[index.row() - 1].name;
    const QString address =
        demo ? m_demoAddress
             : (m_profiles[index.row() - 1].primary() ? m_profiles[index.row() - 1].primary()->displayAddress()
                                                      : QString());
    const Health state = health(id);
    switch (role) {
    case Qt::DisplayRole:
        return name;
    case Qt::DecorationRole:
        return dot(healthColour(state));
    case Qt::ToolTipRole:
        return address.isEmpty() ? healthText(state) : tr("%1\n%2").arg(address, healthText(state));
    case Qt::AccessibleTextRole:
        return tr("%1, %2").arg(name, healthText(state));
    case IdRole:
        return id;
    case HealthRole:
        return int(state);
    case AddressRole:
        return address;
    }
    return {};
}
