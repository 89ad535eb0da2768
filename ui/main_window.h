#pragma once

#include "core/result.h"

#include <QMainWindow>
#include <QTimer>

class ReplicationSampler;
class SandboxView;
class NoSandboxView;
struct SandboxState;

// The program's main window: today the demo sandbox view; the wizard, the
// replication panel and the console join it as they are built. Owns the
// ReplicationSampler that feeds the views (core objects, on this thread:
// they never block it).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows the sandbox in dir (Sandbox::defaultDir() when empty), or how
    // to make one while there is none; checks again every few seconds.
    void openDemo(const QString &dir = {});

    SandboxView *sandboxView() const { return m_sandboxView; }
    NoSandboxView *noSandboxView() const { return m_noSandboxView; }
    ReplicationSampler *sampler() const { return m_sampler; }

private:
    void checkForSandbox();
    void showSandbox(const SandboxState &state);
    // "replicactl sandbox <action> [--dir DIR]", quoted for a shell.
    QString sandboxCommand(const QString &action) const;

    QString m_demoDir;
    QTimer m_recheck;
    ReplicationSampler *m_sampler = nullptr;
    SandboxView *m_sandboxView = nullptr;
    NoSandboxView *m_noSandboxView = nullptr;
};
