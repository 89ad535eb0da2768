#pragma once

#include "core/profile/cluster_profile.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

// Makes or edits a saved cluster: its name, the primary and standbys (each a
// libpq connection string without a password, or USER@HOST[:PORT] reached
// through an SSH tunnel to the server's port there), the monitoring role and
// its password. The password is handed to the window, which keeps it in the
// keychain; the profile itself never holds it. Refusals are shown in the
// dialog, which stays open until the profile is valid.
class ClusterProfileDialog : public QDialog
{
    Q_OBJECT

public:
    ClusterProfileDialog(const ClusterProfile &profile, bool isNew, QWidget *parent = nullptr);

    ClusterProfile profile() const { return m_profile; }
    // The password typed; empty when the field was left alone (editing keeps the saved one).
    QString password() const;

    void accept() override;

private:
    void addStandbyRow(const QString &name, const QString &address);
    bool throughSsh() const;
    void showAccess();
    // The server from what is typed: a conninfo, or an SSH target and the port.
    Result<ClusterServer> serverFrom(const QString &name, const QString &address, bool isPrimary) const;

    ClusterProfile m_profile;
    QLineEdit *m_name;
    QComboBox *m_access;
    QLineEdit *m_primary;
    QSpinBox *m_pgPort;
    QTableWidget *m_standbys;
    QLineEdit *m_role;
    QLineEdit *m_password;
    QLabel *m_problem;
};
