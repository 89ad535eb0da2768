#include "ui/main/cluster_profile_dialog.h"

#include "core/plan/host_target.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QLineEdit *field(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setAccessibleName(accessibleName);
    return edit;
}

// What the address field shows for a saved server.
QString addressOf(const ClusterServer &server)
{
    if (server.access == ServerAccess::ConnectionString)
        return server.conninfo;
    return HostTarget::fromGiven(server.sshUser, server.sshHost, server.sshPort).toString();
}

} // namespace

ClusterProfileDialog::ClusterProfileDialog(const ClusterProfile &profile, bool isNew, QWidget *parent)
    : QDialog(parent), m_profile(profile), m_name(field(profile.name, tr("Cluster name"), this)),
      m_access(new QComboBox(this)),
      m_primary(field(profile.primary() ? addressOf(*profile.primary()) : QString(), tr("Primary address"), this)),
      m_pgPort(new QSpinBox(this)), m_standbys(new QTableWidget(0, 2, this)),
      m_role(field(profile.monitoringRole, tr("Monitoring role"), this)),
      m_password(field(QString(), tr("Monitoring role password"), this)), m_problem(new QLabel(this))
{
    setWindowTitle(isNew ? tr("New cluster") : tr("Edit cluster %1").arg(profile.name));
    setObjectName(QStringLiteral("clusterProfileDialog"));
    m_access->setObjectName(QStringLiteral("accessChoice"));
    m_access->setAccessibleName(tr("How the servers are reached"));
    m_access->addItem(tr("libpq connection strings"), int(ServerAccess::ConnectionString));
    m_access->addItem(tr("SSH tunnels to the servers' port"), int(ServerAccess::SshTunnel));
    const bool ssh = profile.primary() && profile.primary()->access == ServerAccess::SshTunnel;
    m_access->setCurrentIndex(ssh ? 1 : 0);
    m_pgPort->setRange(1, 65535);
    m_pgPort->setValue(profile.primary() ? profile.primary()->pgPort : 5432);
    m_pgPort->setAccessibleName(tr("PostgreSQL port on each machine"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(isNew ? tr("kept in the system keychain") : tr("unchanged"));
    m_password->setObjectName(QStringLiteral("passwordField"));

    m_standbys->setObjectName(QStringLiteral("standbyTable"));
    m_standbys->setAccessibleName(tr("Standbys"));
    m_standbys->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_standbys->horizontalHeader()->setStretchLastSection(true);
    m_standbys->verticalHeader()->hide();
    for (const ClusterServer &standby : profile.standbys())
        addStandbyRow(standby.name, addressOf(standby));
    auto *addStandby = new QPushButton(tr("Add standby"), this);
    auto *removeStandby = new QPushButton(tr("Remove standby"), this);
    connect(addStandby, &QPushButton::clicked, this, [this] {
        addStandbyRow(QStringLiteral("standby%1").arg(m_standbys->rowCount() + 1), QString());
        m_standbys->setCurrentCell(m_standbys->rowCount() - 1, 1);
        m_standbys->editItem(m_standbys->currentItem());
    });
    connect(removeStandby, &QPushButton::clicked, this, [this] {
        if (m_standbys->currentRow() >= 0)
            m_standbys->removeRow(m_standbys->currentRow());
    });

    m_problem->setObjectName(QStringLiteral("profileProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b01e1e; }"));
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Reach the servers with:"), m_access);
    form->addRow(tr("&Primary:"), m_primary);
    form->addRow(tr("PostgreSQL p&ort:"), m_pgPort);
    form->addRow(tr("Monitoring &role:"), m_role);
    form->addRow(tr("Pass&word:"), m_password);
    auto *standbyButtons = new QHBoxLayout;
    standbyButtons->addWidget(addStandby);
    standbyButtons->addWidget(removeStandby);
    standbyButtons->addStretch();
    auto *note = new QLabel(tr("The panel connects as the monitoring role, which needs pg_monitor (PostgreSQL 10 "
                               "and newer); its password goes to the system keychain, never into the saved profile. "
                               "Through SSH, the machines' host keys must already be trusted (in known_hosts), and "
                               "the servers may listen on localhost only."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ClusterProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ClusterProfileDialog::reject);
    connect(m_access, &QComboBox::currentIndexChanged, this, &ClusterProfileDialog::showAccess);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Standbys:"), this));
    layout->addWidget(m_standbys);
    layout->addLayout(standbyButtons);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    showAccess();
    resize(660, 500);
}

bool ClusterProfileDialog::throughSsh() const
{
    return ServerAccess(m_access->currentData().toInt()) == ServerAccess::SshTunnel;
}

void ClusterProfileDialog::showAccess()
{
    const bool ssh = throughSsh();
    m_primary->setPlaceholderText(ssh ? QStringLiteral("dba@db1.example.net:22")
                                      : QStringLiteral("host=db1.example.net port=5432 dbname=postgres"));
    m_pgPort->setEnabled(ssh);
    m_standbys->setHorizontalHeaderLabels(
        {tr("Name (application_name)"), ssh ? tr("SSH login (user@host[:port])") : tr("Connection string")});
}

void ClusterProfileDialog::addStandbyRow(const QString &name, const QString &address)
{
    const int row = m_standbys->rowCount();
    m_standbys->insertRow(row);
    m_standbys->setItem(row, 0, new QTableWidgetItem(name));
    m_standbys->setItem(row, 1, new QTableWidgetItem(address));
}

QString ClusterProfileDialog::password() const
{
    return m_password->text();
}

Result<ClusterServer> ClusterProfileDialog::serverFrom(const QString &name, const QString &address,
                                                       bool isPrimary) const
{
    ClusterServer server;
    server.name = name.trimmed();
    server.isPrimary = isPrimary;
    if (!throughSsh()) {
        server.conninfo = address.trimmed();
        return server;
    }
    const Result<HostTarget> target = HostTarget::parse(address.trimmed());
    if (!target)
        return makeRefusal(tr("Server \"%1\": %2").arg(server.name, target.error().message));
    server.access = ServerAccess::SshTunnel;
    server.sshUser = target->givenUser();
    server.sshHost = target->host;
    server.sshPort = target->givenPort();
    server.pgPort = m_pgPort->value();
    return server;
}

void ClusterProfileDialog::accept()
{
    ClusterProfile candidate = m_profile;
    candidate.name = m_name->text().trimmed();
    candidate.monitoringRole = m_role->text().trimmed();
    candidate.servers.clear();
    Result<void> valid;
    auto add = [&](const QString &name, const QString &address, bool isPrimary) {
        Result<ClusterServer> server = serverFrom(name, address, isPrimary);
        if (!server)
            valid = server.error();
        else
            candidate.servers << server.value();
    };
    add(QStringLiteral("primary"), m_primary->text(), true);
    for (int row = 0; row < m_standbys->rowCount(); ++row)
        add(m_standbys->item(row, 0) ? m_standbys->item(row, 0)->text() : QString(),
            m_standbys->item(row, 1) ? m_standbys->item(row, 1)->text() : QString(), false);
    if (valid)
        valid = candidate.validate();
    if (!valid) {
        m_problem->setText(valid.error().message);
        m_problem->show();
        return;
    }
    m_profile = candidate;
    QDialog::accept();
}
