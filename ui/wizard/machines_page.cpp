#include "machines_page.h"

#include "core/host/host_task.h"
#include "core/host/ssh_host.h"
#include "core/plan/host_target.h"
#include "ui/wizard/wizard_session.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

MachinesPage::MachinesPage(WizardSession &session, QWidget *parent) : QWizardPage(parent), m_session(session)
{
    setTitle(tr("Machines"));
    setSubTitle(tr("Where the primary and the standby are, and how to log in to them over SSH."));
    auto *layout = new QVBoxLayout(this);

    auto *hosts = new QGroupBox(tr("Hosts"));
    auto *form = new QFormLayout(hosts);
    for (auto [machine, label, name] : {std::tuple{&m_primary, tr("&Primary:"), tr("Primary host")},
                                        std::tuple{&m_standby, tr("&Standby:"), tr("Standby host")}}) {
        machine->target = new QLineEdit;
        machine->target->setPlaceholderText(tr("user@host, user@host:port or a Host of ~/.ssh/config, e.g. root@db1"));
        machine->target->setAccessibleName(name);
        machine->status = new QLabel;
        machine->status->setWordWrap(true);
        machine->status->setTextInteractionFlags(Qt::TextSelectableByMouse);
        machine->status->setAccessibleName(tr("%1: connection test").arg(name));
        form->addRow(label, machine->target);
        form->addRow(QString(), machine->status);
        connect(machine->target, &QLineEdit::textChanged, this, &MachinesPage::forgetTests);
    }
    m_pgBin = new QLineEdit;
    m_pgBin->setPlaceholderText(tr("Empty: found (the distribution's packages, /usr/local/pgsql, /opt, the PATH)"));
    m_pgBin->setAccessibleName(tr("Folder of the PostgreSQL programs on both hosts"));
    m_pgBin->setToolTip(tr("Where postgres, initdb and pg_ctl are when the distribution did not install them, "
                           "for example /opt/postgresql-17/bin. The plan says which installation it uses."));
    auto *pgBinLabel = new QLabel(tr("PostgreSQL pro&grams:"));
    pgBinLabel->setBuddy(m_pgBin);
    form->addRow(pgBinLabel, m_pgBin);
    layout->addWidget(hosts);
    layout->addWidget(buildLoginBox());

    auto *testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("&Test connection"));
    m_test->setAccessibleName(tr("Test the connection to both hosts"));
    m_busy = new QProgressBar;
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->setAccessibleName(tr("Connecting"));
    m_busy->hide();
    testRow->addWidget(m_test);
    testRow->addWidget(m_busy);
    testRow->addStretch();
    layout->addLayout(testRow);
    layout->addStretch();
    connect(m_test, &QPushButton::clicked, this, &MachinesPage::testConnections);
}

QWidget *MachinesPage::buildLoginBox()
{
    auto *box = new QGroupBox(tr("Login"));
    auto *form = new QFormLayout(box);
    m_login = new QComboBox;
    m_login->addItem(tr("Key file"), int(Login::KeyFile));
    m_login->addItem(tr("Keys of ssh-agent"), int(Login::Agent));
    m_login->addItem(tr("Password"), int(Login::Password));
    m_login->setAccessibleName(tr("Login method"));
    m_keyFile = new QLineEdit;
    m_keyFile->setPlaceholderText(tr("Empty: ~/.ssh/id_ed25519, id_ecdsa, id_rsa"));
    m_keyFile->setAccessibleName(tr("Key file"));
    m_browse = new QPushButton(tr("&Browse…"));
    m_browse->setAccessibleName(tr("Choose the key file"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile);
    keyRow->addWidget(m_browse);
    m_password = new QLineEdit;
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("The login password (also sudo's, when sudo asks for one)"));
    m_password->setAccessibleName(tr("Password"));
    m_become = new QComboBox;
    m_become->addItem(tr("The login user is root"), int(Privilege::Method::Direct));
    m_become->addItem(tr("sudo, without a password"), int(Privilege::Method::SudoNoPassword));
    m_become->addItem(tr("sudo, with the login password"), int(Privilege::Method::SudoPassword));
    m_become->setAccessibleName(tr("How the login user becomes root"));
    form->addRow(tr("&Log in with:"), m_login);
    auto *keyLabel = new QLabel(tr("&Key file:"));
    keyLabel->setBuddy(m_keyFile);
    form->addRow(keyLabel, keyRow);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("&Become root by:"), m_become);
    for (QComboBox *combo : {m_login, m_become})
        connect(combo, &QComboBox::currentIndexChanged, this, &MachinesPage::forgetTests);
    for (QLineEdit *edit : {m_keyFile, m_password})
        connect(edit, &QLineEdit::textChanged, this, &MachinesPage::forgetTests);
    connect(m_browse, &QPushButton::clicked, this, &MachinesPage::browseKey);
    return box;
}

void MachinesPage::browseKey()
{
    auto *dialog = new QFileDialog(this, tr("Choose the private key"), QDir::homePath() + QStringLiteral("/.ssh"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, m_keyFile, &QLineEdit::setText);
    dialog->open();
}

QString MachinesPage::fieldsKey() const
{
    return QStringList{m_primary.target->text(), m_standby.target->text(), m_login->currentText(),
                       m_keyFile->text(),        m_password->text(),       m_become->currentText()}
        .join(QChar(0));
}

void MachinesPage::forgetTests()
{
    if (m_testedKey.isEmpty())
        return;
    m_testedKey.clear();
    emit completeChanged();
}

SshHostConfig MachinesPage::sshConfig() const
{
    SshHostConfig config;
    const auto login = Login(m_login->currentData().toInt());
    config.useAgent = login == Login::Agent;
    if (login == Login::KeyFile && !m_keyFile->text().isEmpty())
        config.identityFiles = {m_keyFile->text()};
    config.password = m_password->text();
    config.prompts = m_session.prompts;
    return config;
}

void MachinesPage::testConnections()
{
    for (Machine *machine : {&m_primary, &m_standby}) {
        delete machine->task; // a test still running is cancelled
        machine->task = nullptr;
        machine->connected = false;
    }
    test(m_primary);
    test(m_standby);
    m_testedKey = fieldsKey();
    showBusy();
    emit completeChanged();
}

void MachinesPage::test(Machine &machine)
{
    auto target = HostTarget::parse(machine.target->text().trimmed());
    if (!target) {
        machine.status->setText(target.error().message);
        return;
    }
    SshHostConfig config = sshConfig();
    target->applyTo(config);
    // Reads ~/.ssh/config here: a few small local files, no network.
    machine.host = std::make_shared<SshHost>(config);
    Privilege privilege;
    privilege.method = Privilege::Method(m_become->currentData().toInt());
    if (privilege.method == Privilege::Method::SudoPassword)
        privilege.password = m_password->text();
    machine.host->setPrivilege(privilege);
    machine.status->setText(tr("Connecting to %1…").arg(reachedAs(*machine.host)));
    machine.task = HostTask::connectTo(machine.host, this);
    connect(machine.task, &HostTask::finished, this, [this, &machine] { onTested(machine); });
}

// The name as typed and, for a Host alias of the SSH config, where it leads:
// "p → root@10.0.0.5:22 via bastion".
QString MachinesPage::reachedAs(const SshHost &host)
{
    const SshDestination &destination = host.destination();
    if (destination.host == destination.alias && destination.proxyJump.isEmpty())
        return host.displayName();
    return tr("%1 → %2").arg(destination.alias, destination.describe({}));
}

void MachinesPage::onTested(Machine &machine)
{
    machine.connected = machine.task->ok();
    machine.status->setText(machine.connected ? tr("✔ Connected to %1.").arg(reachedAs(*machine.host))
                                              : machine.task->summary());
    machine.task->deleteLater();
    machine.task = nullptr;
    showBusy();
    emit completeChanged();
}

void MachinesPage::showBusy()
{
    const bool busy = m_primary.task || m_standby.task;
    m_busy->setVisible(busy);
    m_test->setEnabled(!busy);
}

bool MachinesPage::isComplete() const
{
    return !m_testedKey.isEmpty() && m_testedKey == fieldsKey() && m_primary.connected && m_standby.connected;
}

bool MachinesPage::validatePage()
{
    m_session.primary = m_primary.host;
    m_session.standby = m_standby.host;
    m_session.choices.primary = *HostTarget::parse(m_primary.target->text().trimmed());
    m_session.choices.standby = *HostTarget::parse(m_standby.target->text().trimmed());
    const QString pgBin = m_pgBin->text().trimmed();
    m_session.choices.primaryPgBin = m_session.choices.standbyPgBin =
        pgBin.isEmpty() ? QString() : QDir::cleanPath(pgBin);
    // A Host alias means nothing on the standby: it reaches the primary at
    // the HostName (unless the user gave an address of their own).
    QString &address = m_session.choices.primaryAddress;
    if (address.isEmpty() || address == m_filledAddress) {
        const QString resolved = m_primary.host->address();
        m_filledAddress = resolved != m_session.choices.primary.host ? resolved : QString();
        address = m_filledAddress;
    }
    return true;
}

void MachinesPage::cleanupPage()
{
    for (Machine *machine : {&m_primary, &m_standby}) {
        delete machine->task;
        machine->task = nullptr;
    }
    showBusy();
}
