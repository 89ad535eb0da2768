#pragma once

#include <QWizardPage>

#include <memory>

class HostTask;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class SshHost;
struct SshHostConfig;
struct WizardSession;

// Where the primary and the standby are (user@host[:port]), how to log in
// (key file, ssh-agent or password) and how the login user becomes root.
// "Test connection" connects to both in the background (HostTask) with a
// busy bar; a host key or a password the hosts ask for is answered through
// SetupWizard's dialogs meanwhile. Next is possible once both connected with
// what the fields say now; the tested hosts go into the session.
class MachinesPage : public QWizardPage
{
    Q_OBJECT

public:
    MachinesPage(WizardSession &session, QWidget *parent = nullptr);
    bool isComplete() const override;
    bool validatePage() override;
    void cleanupPage() override;

private:
    enum class Login { KeyFile, Agent, Password };
    struct Machine
    {
        QLineEdit *target = nullptr;
        QLabel *status = nullptr;
        std::shared_ptr<SshHost> host;
        HostTask *task = nullptr;
        bool connected = false;
    };

    QWidget *buildLoginBox();
    void testConnections();
    void test(Machine &machine);
    void onTested(Machine &machine);
    void forgetTests();
    SshHostConfig sshConfig() const;
    QString fieldsKey() const;
    void showBusy();
    void browseKey();
    static QString reachedAs(const SshHost &host);

    WizardSession &m_session;
    Machine m_primary;
    Machine m_standby;
    QComboBox *m_login = nullptr;
    QLineEdit *m_pgBin = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_become = nullptr;
    QPushButton *m_test = nullptr;
    QProgressBar *m_busy = nullptr;
    QString m_testedKey;
    QString m_filledAddress; // the primary's HostName put into primaryAddress for an alias
};
