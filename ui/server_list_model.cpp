#include "ui/server_list_model.h"

#include "core/monitor/replication_table.h"

#include <QBrush>
#include <QColor>

ServerListModel::ServerListModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ServerListModel::setServerNames(const QStringList &names, const QStringList &endpoints)
{
    beginResetModel();
    m_servers.clear();
    for (int i = 0; i < names.size(); ++i) {
        ReplicationSample::Server server;
        server.name = names.at(i);
        server.endpoint = endpoints.value(i);
        m_servers << server;
    }
    m_sampled = false;
    endResetModel();
}

void ServerListModel::setSample(const ReplicationSample &sample)
{
    QList<ReplicationSample::Server> servers{sample.primary};
    servers += sample.standbyServers;
    const bool sameRows = servers.size() == m_servers.size();
    m_sampled = true;
    if (sameRows) {
        m_servers = servers;
        emit dataChanged(index(0, 0), index(int(m_servers.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_servers = servers;
    endResetModel();
}

int ServerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

int ServerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServerListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_servers.size())
        return {};
    const auto &server = m_servers.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Name:
            return server.name;
        case Role:
            if (!server.reachable)
                return tr("unknown");
            return server.inRecovery ? tr("standby") : tr("primary");
        case Version:
            return server.reachable ? ReplicationTable::formatVersion(server.serverVersionNum) : QStringLiteral("-");
        case Port:
            return server.endpoint.section(QLatin1Char(':'), -1);
        case Status:
            if (!m_sampled || server.connecting)
                return tr("connecting...");
            if (!server.reachable)
                return tr("down");
            return server.replayPaused ? tr("up, replay paused") : tr("up");
        case Wal:
            if (!server.reachable)
                return QStringLiteral("-");
            if (!server.inRecovery)
                return tr("writes at %1").arg(server.currentLsn);
            return tr("received %1, replayed %2")
                .arg(server.receiveLsn.isEmpty() ? QStringLiteral("-") : server.receiveLsn,
                     server.replayLsn.isEmpty() ? QStringLiteral("-") : server.replayLsn);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == Status && m_sampled && !server.connecting)
        return QBrush(server.reachable ? QColor(0x1a, 0x6e, 0x2e) : QColor(0xb0, 0x1e, 0x1e));
    if (role == Qt::ToolTipRole) {
        if (!server.reachable && m_sampled)
            return server.error.userText();
        return server.endpoint;
    }
    return {};
}

QVariant ServerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Name:
        return tr("Server");
    case Role:
        return tr("Role");
    case Version:
        return tr("Version");
    case Port:
        return tr("Port");
    case Status:
        return tr("Status");
    case Wal:
        return tr("WAL position");
    case ColumnCount:
        break;
    }
    return {};
}
