#pragma once

#include "core/monitor/replication_sample.h"
#include "core/sandbox/sandbox_state.h"

#include <QWidget>

#include <functional>

class QLabel;
class QTableView;
class ProblemBanner;
class ReplicationSampler;
class ReplicationTableModel;
class ServerListModel;

// The demo sandbox at a glance: its two servers (role, version, port, up or
// down), the live replication between them (pg_stat_replication of the
// primary), trouble in a banner, and the psql lines to reach each server.
// Fed by a ReplicationSampler the window owns; the view only shows models.
class SandboxView : public QWidget
{
    Q_OBJECT

public:
    SandboxView(const SandboxState &state, ReplicationSampler *sampler, QWidget *parent = nullptr);

    // How to write a `replicactl sandbox` command for this sandbox (the
    // window knows the folder): shown in hints, never run.
    void setCommandFor(std::function<QString(const QString &action)> commandFor) { m_commandFor = std::move(commandFor); }

    ProblemBanner *banner() const { return m_banner; }
    QTableView *serverTable() const { return m_serverTable; }
    QTableView *replicationTable() const { return m_replicationTable; }

private:
    void showSample(const ReplicationSample &sample);
    QString hintFor(const ReplicationSample &sample) const;

    QString command(const QString &action) const;

    std::function<QString(const QString &)> m_commandFor;
    ServerListModel *m_servers;
    ReplicationTableModel *m_replication;
    ProblemBanner *m_banner;
    QTableView *m_serverTable;
    QTableView *m_replicationTable;
    QLabel *m_emptyReplication;
    QLabel *m_updated;
};
