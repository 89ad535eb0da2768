#pragma once

#include "core/monitor/replication_sample.h"
#include "core/sandbox/sandbox_state.h"

#include <QWidget>

#include <functional>

class QLabel;
class QTableView;
class ReplicationSampler;
class ServerListModel;

// The demo sandbox's servers at a glance: role, version, port, up or down,
// WAL positions, and the psql lines to reach each one; beside the
// replication panel, which shows the replication between them. Fed by a
// ReplicationSampler the window owns; the view only shows models. hintFor()
// is the sandbox's advice for the panel's alerts (its menu and commands).
class SandboxView : public QWidget
{
    Q_OBJECT

public:
    SandboxView(const SandboxState &state, ReplicationSampler *sampler, QWidget *parent = nullptr);

    // How to write a `replicactl sandbox` command for this sandbox (the
    // window knows the folder): shown in hints, never run.
    void setCommandFor(std::function<QString(const QString &action)> commandFor)
    {
        m_commandFor = std::move(commandFor);
    }

    QTableView *serverTable() const { return m_serverTable; }
    // The sandbox as this view shows it.
    const SandboxState &state() const { return m_state; }
    // What to do about the sample's problems in this sandbox.
    QString hintFor(const ReplicationSample &sample) const;

private:
    void showSample(const ReplicationSample &sample);

    QString command(const QString &action) const;
    // " --standby NAME", quoted for a shell, to follow command().
    static QString standbyOption(const QString &name);

    std::function<QString(const QString &)> m_commandFor;
    SandboxState m_state;
    QStringList m_standbyNames;
    ServerListModel *m_servers;
    QTableView *m_serverTable;
    QLabel *m_updated;
};
