// The wizard's machines page with Host aliases of ~/.ssh/config, against
// the suite's test hosts: two hosts on a network this machine cannot reach,
// a bastion in front of them. Each host field shows where its alias leads
// ("p → root@198.19.X.2:22 via bastion") once connected, and the standby is
// given the primary's HostName, not the alias. Screenshot in
// $REPLICA_SCREENSHOT_DIR.
#include "core/host/ssh_host.h"
#include "ui/wizard/machines_page.h"
#include "ui/wizard/wizard_session.h"

#include "test_host_network.h"

#include "accessibility_check.h"
#include "screenshot.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest/QTest>

class TestWizardSshAlias : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aliasesShowWhereTheyLead();

private:
    std::unique_ptr<TestHostNetwork> m_net;
    QList<TestHost *> m_hidden;
    QTemporaryDir m_home;
    QByteArray m_oldHome;
};

namespace {

template <typename T> T *named(QWidget *root, const QString &accessibleName)
{
    for (T *widget : root->findChildren<T *>())
        if (widget->accessibleName() == accessibleName)
            return widget;
    return nullptr;
}

} // namespace

void TestWizardSshAlias::initTestCase()
{
    m_net = std::make_unique<TestHostNetwork>();
    if (!m_net->skipReason().isEmpty())
        QSKIP(qPrintable(m_net->skipReason()));
    TestHostOptions options;
    options.reach = TestHostOptions::Reach::Bastion;
    const QList<TestHost *> bastion = m_net->create(1, options);
    options.reach = TestHostOptions::Reach::Hidden;
    m_hidden = m_net->create(2, options);
    QCOMPARE(bastion.size(), 1);
    QCOMPARE(m_hidden.size(), 2);
    const QString config = m_net->writeSshConfig({{QStringLiteral("bastion"), bastion.first(), {}},
                                                  {QStringLiteral("p"), m_hidden.at(0), QStringLiteral("bastion")},
                                                  {QStringLiteral("s"), m_hidden.at(1), QStringLiteral("bastion")}});
    // The user's own ~/.ssh/config: the wizard has no -F.
    QVERIFY(m_home.isValid());
    QVERIFY(QDir(m_home.path()).mkdir(QStringLiteral(".ssh")));
    QVERIFY(QFile::copy(config, m_home.filePath(QStringLiteral(".ssh/config"))));
    m_oldHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(m_home.path()));
}

void TestWizardSshAlias::cleanupTestCase()
{
    if (!m_oldHome.isEmpty())
        qputenv("HOME", m_oldHome);
    m_net.reset();
}

void TestWizardSshAlias::aliasesShowWhereTheyLead()
{
    WizardSession session;
    MachinesPage page(session);
    page.resize(720, 520);
    page.show();
    QLineEdit *primary = named<QLineEdit>(&page, QStringLiteral("Primary host"));
    QLineEdit *standby = named<QLineEdit>(&page, QStringLiteral("Standby host"));
    QLabel *primaryStatus = named<QLabel>(&page, QStringLiteral("Primary host: connection test"));
    QLabel *standbyStatus = named<QLabel>(&page, QStringLiteral("Standby host: connection test"));
    QPushButton *test = named<QPushButton>(&page, QStringLiteral("Test the connection to both hosts"));
    QVERIFY(primary && standby && primaryStatus && standbyStatus && test);
    QTest::keyClicks(primary, QStringLiteral("p"));
    QTest::keyClicks(standby, QStringLiteral("s"));
    test->click();
    QTRY_VERIFY_WITH_TIMEOUT(page.isComplete(), 30000);
    QCOMPARE(primaryStatus->text(),
             QStringLiteral("✔ Connected to p → root@%1:22 via bastion.").arg(m_hidden.at(0)->address()));
    QCOMPARE(standbyStatus->text(),
             QStringLiteral("✔ Connected to s → root@%1:22 via bastion.").arg(m_hidden.at(1)->address()));
    LOOK_AT(&page, QStringLiteral("wizard-2-machines-ssh-alias.png"));
    QVERIFY(page.validatePage());
    QCOMPARE(session.choices.primary.host, QStringLiteral("p"));
    QCOMPARE(session.choices.primaryAddress, m_hidden.at(0)->address());
}

QTEST_MAIN(TestWizardSshAlias)
#include "test_wizard_ssh_alias.moc"
