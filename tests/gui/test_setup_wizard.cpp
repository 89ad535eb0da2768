// The setup wizard end to end, offscreen, against two of the suite's test
// hosts (network namespaces with their own sshd; Debian's PostgreSQL 15; a
// running cluster on the primary): the host keys are shown with OpenSSH's
// own fingerprint and accepted, postgresql.conf and pg_hba.conf get a
// changed setting and a comment line typed into their diffs (the standby's
// recovery settings a new setting and a comment), an invalid
// value blocks Next with its reason, the plan runs to Done with every check
// passed (asynchronous), and the files on the primary are byte for byte
// what was typed.
// A screenshot of each page lands in $REPLICA_SCREENSHOT_DIR.
#include "core/host/local_host.h"
#include "core/plan/setup_plan.h"
#include "ui/diff/config_diff_view.h"
#include "ui/wizard/done_page.h"
#include "ui/wizard/file_page.h"
#include "ui/wizard/host_key_dialog.h"
#include "ui/wizard/run_page.h"
#include "ui/wizard/run_step_model.h"
#include "ui/wizard/setup_wizard.h"

#include "test_host_network.h"

#include "accessibility_check.h"
#include "screenshot.h"

#include <Qsci/qsciscintilla.h>

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest/QTest>

namespace {

// The editable right side of a page's diff.
QsciScintilla *proposalEditor(ConfigDiffView *view)
{
    for (QsciScintilla *editor : view->findChildren<QsciScintilla *>()) {
        if (!editor->isReadOnly())
            return editor;
    }
    return nullptr;
}

template <typename Widget> Widget *childNamed(QWidget *root, const QString &accessibleName)
{
    for (Widget *child : root->findChildren<Widget *>()) {
        if (child->accessibleName() == accessibleName)
            return child;
    }
    return nullptr;
}

// What a saved plan writes last to the file at `path` on `host` ("primary" or "standby").
QString savedAfter(const QJsonObject &plan, const QString &host, const QString &path)
{
    QString after = QStringLiteral("(no edit of %1 on the %2 in the saved plan)").arg(path, host);
    for (const QJsonValue &edit : plan.value(QStringLiteral("edits")).toArray()) {
        if (edit[QStringLiteral("host")].toString() == host && edit[QStringLiteral("path")].toString() == path)
            after = edit[QStringLiteral("after")].toString();
    }
    return after;
}

} // namespace

Q_DECLARE_METATYPE(HostTarget)

class TestSetupWizard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fromTwoMachinesToAVerifiedPair();

private:
    void machines(SetupWizard &wizard);
    void acceptHostKeys(SetupWizard &wizard);
    // Types `text` into the page's diff, waits for its checks; returns what the diff holds.
    QString typeInto(FilePage *page, const QString &text);
    QString fileOnHost(TestHost *host, const QString &path);
    QString fingerprintOf(TestHost *host);
    void next(SetupWizard &wizard, int expectedPage, int timeoutMs = 60000);
    // Presses the Review page's button of that name, picks `fileName` in HOME in its file dialog,
    // and returns what was written there.
    QByteArray saveFromReview(SetupWizard &wizard, const QString &button, const QString &fileName);

    std::unique_ptr<TestHostNetwork> m_net;
    QList<TestHost *> m_hosts;
    QTemporaryDir m_home;
    QByteArray m_oldHome;
};

void TestSetupWizard::initTestCase()
{
    m_net = std::make_unique<TestHostNetwork>();
    if (!m_net->skipReason().isEmpty())
        QSKIP(qPrintable(m_net->skipReason()));
    if (!QFile::exists(QStringLiteral("/usr/lib/postgresql/15/bin/postgres")))
        QSKIP("Debian's postgresql-15 package is needed on this machine.");
    m_hosts = m_net->create(2);
    QCOMPARE(m_hosts.size(), 2);
    // A running primary: its files are known at planning time, so they can be edited.
    auto created =
        m_hosts[0]->runInside(CommandLine::shell(QStringLiteral("pg_createcluster 15 main --start >/dev/null")));
    QVERIFY2(created && created->succeeded(),
             created ? created->stdErr.constData() : qPrintable(created.error().fullText()));
    // A home of its own: a known_hosts without the test hosts, so that their keys are asked.
    QVERIFY(m_home.isValid());
    m_oldHome = qgetenv("HOME");
    qputenv("HOME", m_home.path().toUtf8());
}

void TestSetupWizard::cleanupTestCase()
{
    if (!m_oldHome.isEmpty())
        qputenv("HOME", m_oldHome);
    m_net.reset();
}

QString TestSetupWizard::fingerprintOf(TestHost *host)
{
    LocalHost local;
    auto keygen = local.run(
        CommandLine(QStringLiteral("ssh-keygen"),
                    {QStringLiteral("-lf"), host->stateDir() + QStringLiteral("/ssh/ssh_host_ed25519_key.pub")}));
    return keygen && keygen->succeeded() ? QString::fromUtf8(keygen->stdOut).section(QLatin1Char(' '), 1, 1)
                                         : QString();
}

QString TestSetupWizard::fileOnHost(TestHost *host, const QString &path)
{
    auto read = host->runInside(CommandLine(QStringLiteral("cat"), {path}));
    return read && read->succeeded() ? QString::fromUtf8(read->stdOut) : QString();
}

void TestSetupWizard::next(SetupWizard &wizard, int expectedPage, int timeoutMs)
{
    QAbstractButton *button =
        wizard.button(wizard.currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), timeoutMs);
    button->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), expectedPage, timeoutMs);
}

QByteArray TestSetupWizard::saveFromReview(SetupWizard &wizard, const QString &button, const QString &fileName)
{
    QWizardPage *review = wizard.currentPage();
    QPushButton *press = childNamed<QPushButton>(review, button);
    auto *where = childNamed<QLabel>(review, QStringLiteral("Where the plan was saved"));
    if (!press || !where)
        return "(no such button or label on the Review page)";
    press->click();
    QFileDialog *dialog = nullptr;
    const bool opened = QTest::qWaitFor(
        [&] {
            dialog = review->findChild<QFileDialog *>();
            return dialog && dialog->isVisible() && dialog->acceptMode() == QFileDialog::AcceptSave;
        },
        5000);
    if (!opened)
        return "(no file dialog opened)";
    const QString path = m_home.filePath(fileName);
    dialog->selectFile(path);
    QMetaObject::invokeMethod(dialog, "accept"); // a protected slot: as the Save button calls it
    const QString written = QStringLiteral("Written to %1.").arg(path);
    if (!QTest::qWaitFor([&] { return where->text() == written; }, 10000))
        return "(not written: " + where->text().toUtf8() + ')';
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(not written)");
}

void TestSetupWizard::machines(SetupWizard &wizard)
{
    QWizardPage *page = wizard.currentPage();
    auto edits = page->findChildren<QLineEdit *>();
    auto edit = [&](const QString &name) -> QLineEdit * {
        for (QLineEdit *line : edits) {
            if (line->accessibleName() == name)
                return line;
        }
        return nullptr;
    };
    QVERIFY(edit(QStringLiteral("Primary host")) && edit(QStringLiteral("Standby host")) &&
            edit(QStringLiteral("Key file")));
    QTest::keyClicks(edit(QStringLiteral("Primary host")), QStringLiteral("root@") + m_hosts[0]->address());
    QTest::keyClicks(edit(QStringLiteral("Standby host")), QStringLiteral("root@") + m_hosts[1]->address());
    edit(QStringLiteral("Key file"))->setText(m_net->clientKeyPath());
    LOOK_AT(&wizard, QStringLiteral("wizard-2-machines.png"));
    QPushButton *test = childNamed<QPushButton>(page, QStringLiteral("Test the connection to both hosts"));
    QVERIFY(test);
    test->click();
    acceptHostKeys(wizard);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 30000);
    LOOK_AT(&wizard, QStringLiteral("wizard-2-machines-connected.png"));
}

void TestSetupWizard::acceptHostKeys(SetupWizard &wizard)
{
    // One dialog per host, each with that host's own fingerprint.
    QStringList expected{fingerprintOf(m_hosts[0]), fingerprintOf(m_hosts[1])};
    for (int answered = 0; answered < 2; ++answered) {
        HostKeyDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = wizard.findChild<HostKeyDialog *>()) && dialog->isVisible(), 15000);
        QString shown;
        for (QLabel *label : dialog->findChildren<QLabel *>())
            shown += label->text() + QLatin1Char('\n');
        bool matched = false;
        for (const QString &fingerprint : expected) {
            if (shown.contains(fingerprint)) {
                expected.removeOne(fingerprint);
                matched = true;
                break;
            }
        }
        QVERIFY2(matched, qPrintable(shown));
        if (answered == 0)
            LOOK_AT(dialog, QStringLiteral("wizard-2-host-key.png"));
        QPushButton *remember =
            childNamed<QPushButton>(dialog, QStringLiteral("Accept the key and remember it in known_hosts"));
        QVERIFY(remember);
        remember->click();
        QTRY_VERIFY(!wizard.findChild<HostKeyDialog *>() || wizard.findChild<HostKeyDialog *>() != dialog);
    }
}

QString TestSetupWizard::typeInto(FilePage *page, const QString &text)
{
    ConfigDiffView *view = page->diffView();
    QsciScintilla *editor = proposalEditor(view);
    if (!editor)
        return QString();
    editor->setText(text);
    QTest::qWait(600); // the diff's checks run debounced after typing stops
    return view->editedText();
}

void TestSetupWizard::fromTwoMachinesToAVerifiedPair()
{
    SetupWizard wizard;
    wizard.resize(1100, 760);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(SetupWizard::GoalPageId));
    LOOK_AT(&wizard, QStringLiteral("wizard-1-goal.png"));
    next(wizard, SetupWizard::MachinesPageId);
    machines(wizard);
    QVERIFY(QFileInfo(m_home.filePath(QStringLiteral(".ssh/known_hosts"))).size() > 0);

    next(wizard, SetupWizard::FoundPageId);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 60000);
    LOOK_AT(&wizard, QStringLiteral("wizard-3-found.png"));
    next(wizard, SetupWizard::ChoicesPageId);
    // With several synchronous standbys, FIRST or ANY and a count: ANY 1 is planned as a quorum.
    auto *method = childNamed<QComboBox>(wizard.currentPage(), QStringLiteral("How several synchronous standbys "
                                                                              "confirm a commit"));
    auto *count =
        childNamed<QSpinBox>(wizard.currentPage(), QStringLiteral("Number of standbys that confirm each commit"));
    QVERIFY(method && count && method->isEnabled());
    method->setCurrentIndex(method->findData(true));
    LOOK_AT(&wizard, QStringLiteral("wizard-4-choices-quorum.png"));
    next(wizard, SetupWizard::PrimaryConfPageId, 120000);
    QVERIFY(wizard.plan());
    QVERIFY2(wizard.plan()->toText().contains(QStringLiteral("synchronous_standby_names = 'ANY 1 (")),
             qPrintable(wizard.plan()->toText()));
    wizard.back();
    QCOMPARE(wizard.currentId(), int(SetupWizard::ChoicesPageId));
    // Asynchronous: the primary-conf step is then the only one that writes postgresql.conf (with
    // synchronous replication the sync step edits it once more, after the standby streams).
    auto *async = childNamed<QRadioButton>(wizard.currentPage(), QStringLiteral("Asynchronous replication"));
    QVERIFY(async);
    async->click();
    QVERIFY(!method->isEnabled() && !count->isEnabled());
    LOOK_AT(&wizard, QStringLiteral("wizard-4-choices.png"));
    next(wizard, SetupWizard::PrimaryConfPageId, 120000);
    QVERIFY(!wizard.plan()->toText().contains(QStringLiteral("ANY 1")));

    // postgresql.conf: an invalid value blocks Next with its reason; then a real change and a comment.
    auto *confPage = qobject_cast<FilePage *>(wizard.currentPage());
    QVERIFY(confPage && confPage->diffView()->isVisible());
    const QString proposed = confPage->diffView()->editedText();
    QVERIFY2(proposed.contains(QStringLiteral("\nmax_connections = 100")), qPrintable(proposed.left(3000)));
    typeInto(confPage, QString(proposed).replace(QStringLiteral("\nmax_connections = 100"),
                                                 QStringLiteral("\nmax_connections = lots")));
    QTRY_VERIFY(confPage->diffView()->hasBlockingProblems());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    const QString reasons = confPage->diffView()->problems().join(QLatin1Char('\n'));
    QVERIFY2(reasons.contains(QStringLiteral("max_connections")), qPrintable(reasons));
    LOOK_AT(&wizard, QStringLiteral("wizard-5-primary-conf-invalid.png"));
    const QString typedConf = typeInto(
        confPage, QString(proposed).replace(QStringLiteral("\nmax_connections = 100"),
                                            QStringLiteral("\nmax_connections = 120\n# raised for the wizard's test")));
    QTRY_VERIFY(!confPage->diffView()->hasBlockingProblems());
    QVERIFY(confPage->diffView()->isEdited());
    LOOK_AT(&wizard, QStringLiteral("wizard-5-primary-conf.png"));
    next(wizard, SetupWizard::PrimaryHbaPageId);

    auto *hbaPage = qobject_cast<FilePage *>(wizard.currentPage());
    QVERIFY(hbaPage && hbaPage->diffView()->isVisible());
    const QString typedHba =
        typeInto(hbaPage, hbaPage->diffView()->editedText() +
                              QStringLiteral("# the wizard's test: the monitoring host\n"
                                             "host    postgres    postgres    192.0.2.10/32    scram-sha-256\n"));
    QTRY_VERIFY(!hbaPage->diffView()->hasBlockingProblems());
    LOOK_AT(&wizard, QStringLiteral("wizard-6-primary-hba.png"));
    next(wizard, SetupWizard::StandbyConfPageId);
    LOOK_AT(&wizard, QStringLiteral("wizard-7-standby-conf.png"));
    next(wizard, SetupWizard::RecoveryPageId);
    // PostgreSQL 15: the recovery settings are the standby's postgresql.auto.conf.
    auto *recoveryPage = qobject_cast<FilePage *>(wizard.currentPage());
    QVERIFY(recoveryPage && recoveryPage->diffView()->isVisible());
    const QString typedRecovery =
        typeInto(recoveryPage, recoveryPage->diffView()->editedText() +
                                   QStringLiteral("# the wizard's test: report to the primary more often\n"
                                                  "wal_receiver_status_interval = '5s'\n"));
    QTRY_VERIFY(!recoveryPage->diffView()->hasBlockingProblems());
    LOOK_AT(&wizard, QStringLiteral("wizard-8-recovery.png"));
    next(wizard, SetupWizard::ReviewPageId);
    LOOK_AT(&wizard, QStringLiteral("wizard-9-review.png"));
    // Save plan: the JSON replicactl apply runs holds each file as typed; Export: a shell script.
    const QJsonObject saved = QJsonDocument::fromJson(saveFromReview(wizard,
                                                                     QStringLiteral("Save the plan as a file "
                                                                                    "that replicactl apply "
                                                                                    "runs"),
                                                                     QStringLiteral("wizard-plan.json")))
                                  .object();
    QCOMPARE(savedAfter(saved, QStringLiteral("primary"), QStringLiteral("/etc/postgresql/15/main/postgresql.conf")),
             typedConf);
    QCOMPARE(savedAfter(saved, QStringLiteral("primary"), QStringLiteral("/etc/postgresql/15/main/pg_hba.conf")),
             typedHba);
    QCOMPARE(savedAfter(saved, QStringLiteral("standby"),
                        QStringLiteral("/var/lib/postgresql/15/main/postgresql.auto.conf")),
             typedRecovery);
    const QByteArray script =
        saveFromReview(wizard, QStringLiteral("Export the plan as a shell script"), QStringLiteral("wizard-plan.sh"));
    QVERIFY(script.startsWith("#!/bin/sh") || script.startsWith("#!/usr/bin/env"));
    QVERIFY(script.contains("# raised for the wizard's test"));
    QProcess syntax;
    syntax.start(QStringLiteral("sh"), {QStringLiteral("-n"), m_home.filePath(QStringLiteral("wizard-plan.sh"))});
    QVERIFY(syntax.waitForFinished(10000));
    QCOMPARE(syntax.exitCode(), 0);
    next(wizard, SetupWizard::RunPageId);

    auto *runPage = qobject_cast<RunPage *>(wizard.currentPage());
    QVERIFY(runPage);
    QPushButton *run = childNamed<QPushButton>(runPage, QStringLiteral("Run the remaining steps"));
    QPushButton *runTo = childNamed<QPushButton>(runPage, QStringLiteral("Run up to the selected step and stop"));
    QVERIFY(run && run->isEnabled() && runTo);
    // Run up to the primary's restart, to look at the primary before the standby is touched.
    RunStepModel *steps = runPage->stepsModel();
    int restart = -1;
    for (int row = 0; row < steps->rowCount() && restart < 0; ++row) {
        if (steps->index(row, 0).data().toString().contains(QStringLiteral("Restart the primary")))
            restart = row;
    }
    QVERIFY(restart > 0 && restart + 1 < steps->rowCount());
    runPage->stepsView()->selectRow(restart);
    runTo->click();
    QTRY_VERIFY_WITH_TIMEOUT(!run->isEnabled(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(run->isEnabled(), 120000);
    QCOMPARE(steps->state(restart), RunStepModel::State::Done);
    QCOMPARE(steps->state(restart + 1), RunStepModel::State::Waiting);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    LOOK_AT(&wizard, QStringLiteral("wizard-10-run-stopped.png"));
    // Run goes on from the next step; Cancel during the copy stops it, Retry resumes at that step.
    int copy = -1;
    for (int row = restart + 1; row < steps->rowCount() && copy < 0; ++row) {
        if (steps->index(row, 0).data().toString().contains(QStringLiteral("pg_basebackup")))
            copy = row;
    }
    QVERIFY(copy > restart);
    QPushButton *cancel = childNamed<QPushButton>(runPage, QStringLiteral("Cancel the run"));
    QPushButton *retry = childNamed<QPushButton>(runPage, QStringLiteral("Retry from the failed step"));
    QVERIFY(cancel && retry);
    run->click();
    QTRY_VERIFY_WITH_TIMEOUT(steps->state(copy) == RunStepModel::State::Running, 60000);
    cancel->click();
    QTRY_VERIFY_WITH_TIMEOUT(retry->isEnabled(), 60000);
    QCOMPARE(steps->state(copy), RunStepModel::State::Failed);
    QCOMPARE(steps->state(copy + 1), RunStepModel::State::Waiting);
    LOOK_AT(&wizard, QStringLiteral("wizard-10-run-cancelled.png"));
    retry->click();
    QTRY_VERIFY_WITH_TIMEOUT(!run->isEnabled(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(run->isEnabled() || wizard.button(QWizard::NextButton)->isEnabled(), 300000);
    LOOK_AT(&wizard, QStringLiteral("wizard-10-run.png"));
    QString states;
    for (int row = 0; row < runPage->stepsModel()->rowCount(); ++row)
        states += runPage->stepsModel()->index(row, 0).data().toString() + QLatin1Char(' ') +
                  runPage->stepsModel()->index(row, 1).data().toString() + QLatin1Char('\n');
    QVERIFY2(wizard.button(QWizard::NextButton)->isEnabled(), qPrintable(states));
    next(wizard, SetupWizard::DonePageId);

    auto *done = qobject_cast<DonePage *>(wizard.currentPage());
    QVERIFY(done);
    QStandardItemModel *checks = done->checksModel();
    QVERIFY(checks->rowCount() >= 4);
    for (int row = 0; row < checks->rowCount(); ++row)
        QVERIFY2(checks->item(row, 0)->data(Qt::UserRole).toBool(),
                 qPrintable(checks->item(row, 0)->text() + QStringLiteral(": ") + checks->item(row, 1)->text()));
    LOOK_AT(&wizard, QStringLiteral("wizard-11-done.png"));
    QSignalSpy openPanel(&wizard, &SetupWizard::openPanelRequested);
    QPushButton *open = childNamed<QPushButton>(done, QStringLiteral("Open the replication panel on this cluster"));
    QVERIFY(open);
    open->click();
    QCOMPARE(openPanel.size(), 1);
    QCOMPARE(openPanel[0][0].value<HostTarget>().host, m_hosts[0]->address());
    QCOMPARE(openPanel[0][2].value<HostTarget>().host, m_hosts[1]->address());
    QCOMPARE(openPanel[0][1].toInt(), 5432);
    // The panel's own role, made by the setup: it logs in with the password handed over for the
    // keychain, through localhost as the SSH tunnel does, sees the standby stream, and is no superuser.
    QCOMPARE(openPanel[0][5].toString(), QStringLiteral("replica_monitor"));
    const QString monitorPassword = openPanel[0][6].toString();
    QVERIFY(monitorPassword.size() >= 16);
    const QString asMonitor =
        QStringLiteral("PGPASSWORD=\"$1\" psql -X -A -t -h 127.0.0.1 -U replica_monitor -d postgres -c \"$2\"");
    auto seen = m_hosts[0]->runInside(CommandLine::shell(
        asMonitor, {monitorPassword, QStringLiteral("SELECT state || ' ' || rolsuper || ' ' || application_name FROM "
                                                    "pg_stat_replication, pg_roles WHERE rolname = current_user")}));
    QVERIFY(seen);
    // The standby is handed over under the name the primary shows it by, so the panel ties the two.
    const QByteArray expected = "streaming f " + openPanel[0][4].toString().toUtf8();
    QVERIFY2(!openPanel[0][4].toString().isEmpty() && seen->stdOut.trimmed().replace("false", "f") == expected,
             seen->stdOut.constData() + QByteArray(" / ") + seen->stdErr);
    auto onStandby = m_hosts[1]->runInside(
        CommandLine::shell(asMonitor, {monitorPassword, QStringLiteral("SELECT pg_is_in_recovery()")}));
    QVERIFY(onStandby);
    QVERIFY2(onStandby->stdOut.trimmed() == "t", onStandby->stdOut.constData() + QByteArray(" / ") + onStandby->stdErr);

    // What was typed is what the primary has, byte for byte.
    QCOMPARE(fileOnHost(m_hosts[0], QStringLiteral("/etc/postgresql/15/main/postgresql.conf")), typedConf);
    QCOMPARE(fileOnHost(m_hosts[0], QStringLiteral("/etc/postgresql/15/main/pg_hba.conf")), typedHba);
    QCOMPARE(fileOnHost(m_hosts[1], QStringLiteral("/var/lib/postgresql/15/main/postgresql.auto.conf")), typedRecovery);
}

QTEST_MAIN(TestSetupWizard)
#include "test_setup_wizard.moc"
