// The wizard's service unit pages, offscreen, on plans built from host facts
// (no hosts needed): a PostgreSQL run with pg_ctl on a systemd host gets a
// unit of ours, shown as an editable diff like every other file; what is
// typed is what the plan writes, and a unit that no longer runs the cluster
// is refused with the reason. A plan of Debian's own packages has no unit,
// and its wizard skips the pages.
#include "core/plan/setup_plan.h"
#include "fixtures.h"
#include "ui/diff/config_diff_view.h"
#include "ui/wizard/file_page.h"
#include "ui/wizard/wizard_session.h"

#include "accessibility_check.h"
#include "screenshot.h"

#include <Qsci/qsciscintilla.h>

#include <QLabel>
#include <QtTest/QTest>

namespace {

const PgVersion eleven(11);

std::shared_ptr<SetupPlan> planFor(const PgVersion &version, bool systemd)
{
    PlanChoices choices;
    choices.primary = *HostTarget::parse(QStringLiteral("root@198.18.0.2"));
    choices.standby = *HostTarget::parse(QStringLiteral("root@198.18.0.3"));
    choices.version = version;
    // Debian's own 15, and a source build of 11 in /usr/local/pgsql (not the distribution's: run with pg_ctl).
    auto plan =
        SetupPlan::build(choices, Fixtures::debianHostWithSourceBuild(eleven, QStringLiteral("198.18.0.2"), systemd),
                         Fixtures::debianHostWithSourceBuild(eleven, QStringLiteral("198.18.0.3"), systemd));
    if (!plan) {
        qWarning("%s", qPrintable(plan.error().fullText()));
        return nullptr;
    }
    return std::make_shared<SetupPlan>(std::move(*plan));
}

QsciScintilla *proposalEditor(ConfigDiffView *view)
{
    for (QsciScintilla *editor : view->findChildren<QsciScintilla *>()) {
        if (!editor->isReadOnly())
            return editor;
    }
    return nullptr;
}

QByteArray plannedUnit(const SetupPlan &plan, HostRole host)
{
    for (const FileEdit &edit : plan.step(plan.indexOf(QStringLiteral("service-unit"))).edits()) {
        if (edit.host == host)
            return edit.after;
    }
    return {};
}

} // namespace

class TestWizardUnitPages : public QObject
{
    Q_OBJECT

private slots:
    void unitIsAnEditableDiff();
    void pagesApplyOnlyWhereThePlanHasAUnit();
};

void TestWizardUnitPages::unitIsAnEditableDiff()
{
    WizardSession session;
    session.plan = planFor(eleven, true);
    QVERIFY(session.plan);
    FilePage page(session, FilePage::Slot::StandbyUnit);
    page.resize(1000, 640);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.applies());
    page.initializePage();
    ConfigDiffView *view = page.diffView();
    QVERIFY(view->isVisible());
    const QString proposed = view->editedText();
    QVERIFY2(
        proposed.contains(QLatin1String("ExecStart=/usr/local/pgsql/bin/pg_ctl start -D /var/lib/postgresql/11/main")),
        qPrintable(proposed));
    QsciScintilla *editor = proposalEditor(view);
    QVERIFY(editor);

    // A unit that no longer starts this cluster is refused, with why, and the plan keeps its own.
    editor->setText(QStringLiteral("[Service]\nExecStart=/bin/true\n"));
    QTest::qWait(600); // the diff's checks run debounced after typing stops
    QVERIFY(!page.validatePage());
    QLabel *why = nullptr;
    for (QLabel *label : page.findChildren<QLabel *>()) {
        if (label->accessibleName() == QStringLiteral("Why the edit was refused"))
            why = label;
    }
    QVERIFY(why && why->isVisible());
    QVERIFY2(why->text().contains(QLatin1String("ExecStart")), qPrintable(why->text()));
    LOOK_AT(&page, QStringLiteral("wizard-unit-refused.png"));
    QCOMPARE(plannedUnit(*session.plan, HostRole::Standby), proposed.toUtf8());

    // A real change and a comment: the plan writes exactly that.
    const QString typed = QString(proposed).replace(QStringLiteral("TimeoutSec=300"),
                                                    QStringLiteral("# slow disks here\nTimeoutSec=900"));
    QVERIFY(typed != proposed);
    editor->setText(typed);
    QTest::qWait(600);
    QVERIFY(!view->hasBlockingProblems());
    QVERIFY(page.validatePage());
    QCOMPARE(QString::fromUtf8(plannedUnit(*session.plan, HostRole::Standby)), typed);
    LOOK_AT(&page, QStringLiteral("wizard-unit.png"));
    QVERIFY(session.plan->toText().contains(QLatin1String("+TimeoutSec=900")));
}

void TestWizardUnitPages::pagesApplyOnlyWhereThePlanHasAUnit()
{
    WizardSession session;
    FilePage primary(session, FilePage::Slot::PrimaryUnit);
    FilePage standby(session, FilePage::Slot::StandbyUnit);
    QVERIFY(!primary.applies()); // no plan yet
    session.plan = planFor(PgVersion(15), true);
    QVERIFY(session.plan);
    QVERIFY(!primary.applies() && !standby.applies()); // Debian's own 15: pg_ctlcluster, no unit of ours
    session.plan = planFor(eleven, false);
    QVERIFY(!primary.applies() && !standby.applies()); // no systemd: pg_ctl alone
    session.plan = planFor(eleven, true);
    QVERIFY(primary.applies() && standby.applies());
}

QTEST_MAIN(TestWizardUnitPages)
#include "test_wizard_unit_pages.moc"
