#include "ui/main/cluster_profile_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QLineEdit *field(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setAccessibleName(accessibleName);
    return edit;
}

} // namespace

ClusterProfileDialog::ClusterProfileDialog(const ClusterProfile &profile, bool isNew, QWidget *parent)
    : QDialog(parent),
      m_profile(profile),
      m_name(field(profile.name, tr("Cluster name"), this)),
      m_primary(field(profile.primary() ? profile.primary()->conninfo : QString(), tr("Primary connection string"), this)),
      m_standbys(new QTableWidget(0, 2, this)),
      m_role(field(profile.monitoringRole, tr("Monitoring role"), this)),
      m_password(field(QString(), tr("Monitoring role password"), this)),
      m_problem(new QLabel(this))
{
    setWindowTitle(isNew ? tr("New cluster") : tr("Edit cluster %1").arg(profile.name));
    setObjectName(QStringLiteral("clusterProfileDialog"));
    m_primary->setPlaceholderText(QStringLiteral("host=db1.example.net port=5432 dbname=postgres"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(isNew ? tr("kept in the system keychain") : tr("unchanged"));
    m_password->setObjectName(QStringLiteral("passwordField"));

    m_standbys->setObjectName(QStringLiteral("standbyTable"));
    m_standbys->setAccessibleName(tr("Standbys"));
    m_standbys->setHorizontalHeaderLabels({tr("Name (application_name)"), tr("Connection string")});
    m_standbys->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_standbys->horizontalHeader()->setStretchLastSection(true);
    m_standbys->verticalHeader()->hide();
    for (const ClusterServer &standby : profile.standbys())
        addStandbyRow(standby.name, standby.conninfo);
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
    form->addRow(tr("&Primary:"), m_primary);
    form->addRow(tr("Monitoring &role:"), m_role);
    form->addRow(tr("Pass&word:"), m_password);
    auto *standbyButtons = new QHBoxLayout;
    standbyButtons->addWidget(addStandby);
    standbyButtons->addWidget(removeStandby);
    standbyButtons->addStretch();
    auto *note = new QLabel(tr("Connection strings are libpq's (host=… port=… dbname=…). The panel connects as the "
                               "monitoring role, which needs pg_monitor (PostgreSQL 10 and newer); its password "
                               "goes to the system keychain, never into the saved profile."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ClusterProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ClusterProfileDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Standbys:"), this));
    layout->addWidget(m_standbys);
    layout->addLayout(standbyButtons);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(640, 460);
}

void ClusterProfileDialog::addStandbyRow(const QString &name, const QString &conninfo)
{
    const int row = m_standbys->rowCount();
    m_standbys->insertRow(row);
    m_standbys->setItem(row, 0, new QTableWidgetItem(name));
    m_standbys->setItem(row, 1, new QTableWidgetItem(conninfo));
}

QString ClusterProfileDialog::password() const
{
    return m_password->text();
}

ClusterProfile ClusterProfileDialog::fromFields() const
{
    ClusterProfile profile = m_profile;
    profile.name = m_name->text().trimmed();
    profile.monitoringRole = m_role->text().trimmed();
    profile.servers.clear();
    ClusterServer primary;
    primary.name = QStringLiteral("primary");
    primary.isPrimary = true;
    primary.conninfo = m_primary->text().trimmed();
    profile.servers << primary;
    for (int row = 0; row < m_standbys->rowCount(); ++row) {
        ClusterServer standby;
        standby.name = m_standbys->item(row, 0) ? m_standbys->item(row, 0)->text().trimmed() : QString();
        standby.conninfo = m_standbys->item(row, 1) ? m_standbys->item(row, 1)->text().trimmed() : QString();
        profile.servers << standby;
    }
    return profile;
}

void ClusterProfileDialog::accept()
{
    const ClusterProfile candidate = fromFields();
    if (Result<void> valid = candidate.validate(); !valid) {
        m_problem->setText(valid.error().message);
        m_problem->show();
        return;
    }
    m_profile = candidate;
    QDialog::accept();
}
