#include "core/lesson/lesson_script.h"
#include "ui/lesson/lesson_pane.h"

#include "accessibility_check.h"
#include "screenshot.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>

// The lesson pane's own logic: steps in order, buttons in order, what came
// of each action, the expected refusal told apart from a surprise. (The
// whole lesson against a real sandbox runs in the main window's test.)
class TestLessonPane : public QObject
{
    Q_OBJECT

private slots:
    void scriptIsComplete();
    void actionsRunInOrder();
    void expectedRefusalIsASuccess();
    void aWaitingStatementLetsTheWayOutBePressed();
    void everyControlHasAName();
};

void TestLessonPane::scriptIsComplete()
{
    const QList<LessonStep> steps = LessonScript::steps();
    QVERIFY(steps.size() >= 7);
    QStringList ids;
    for (const LessonStep &step : steps) {
        QVERIFY(!step.title.isEmpty() && !step.explanation.isEmpty() && !step.afterwards.isEmpty());
        QVERIFY(!step.actions.isEmpty());
        QVERIFY(!ids.contains(step.id));
        ids << step.id;
        for (const LessonAction &action : step.actions)
            if (action.kind == LessonAction::Kind::Sql)
                QVERIFY(action.server == QLatin1String("primary") || action.server == QLatin1String("standby"));
    }
    // The walkthrough's lesson: the standby refuses an INSERT with 25006.
    QCOMPARE(steps[2].actions.first().expectedSqlState, QStringLiteral("25006"));
    // The quorum step makes its three standbys, and names only those.
    const auto quorum = std::find_if(steps.cbegin(), steps.cend(),
                                     [](const LessonStep &step) { return step.id == QLatin1String("quorum"); });
    QVERIFY(quorum != steps.cend());
    const LessonAction &made = quorum->actions.first();
    QCOMPARE(made.sandboxAction, SandboxTask::Action::Reset);
    QCOMPARE(made.sandboxOptions.standbys.value_or(0), 3);
    QVERIFY(made.sandboxOptions.synchronousStandbyNames.value_or(QString()).startsWith(QLatin1String("ANY 2 (")));
    for (const LessonAction &action : quorum->actions) {
        if (!action.sandboxOptions.standby.isEmpty())
            QVERIFY2(Sandbox::standbyNamesFor(3).contains(action.sandboxOptions.standby),
                     qPrintable(action.sandboxOptions.standby));
    }
}

void TestLessonPane::actionsRunInOrder()
{
    LessonPane pane;
    pane.showStep(1); // a row crosses over: three actions
    QSignalSpy sql(&pane, &LessonPane::sqlRequested);
    QVERIFY(pane.actionButton(0)->isEnabled());
    QVERIFY(!pane.actionButton(1)->isEnabled());
    pane.actionButton(0)->click();
    QCOMPARE(sql.size(), 1);
    QCOMPARE(sql.first().at(2).toString(), QStringLiteral("standby"));
    QVERIFY(!pane.actionButton(0)->isEnabled()); // running
    pane.actionFinished(1, 0, true, QString(), QStringLiteral("rows=1"));
    QVERIFY(pane.outcomeText(0).contains(QStringLiteral("rows=1")));
    QVERIFY(pane.actionButton(1)->isEnabled());
    pane.actionButton(1)->click();
    QCOMPARE(sql.last().at(2).toString(), QStringLiteral("primary"));
    pane.actionFinished(1, 1, true, QString(), QStringLiteral("INSERT 0 1"));
    pane.actionButton(2)->click();
    pane.actionFinished(1, 2, true, QString(), QStringLiteral("rows=2"));
    QVERIFY(pane.isStepDone());
    QVERIFY(pane.findChild<QLabel *>(QStringLiteral("lessonAfterwards"))->isVisibleTo(&pane));
    // An answer for a step the user left is ignored.
    pane.showStep(0);
    pane.actionFinished(1, 0, false, QStringLiteral("57P01"), QStringLiteral("gone"));
    QVERIFY(pane.outcomeText(0).isEmpty());
}

void TestLessonPane::expectedRefusalIsASuccess()
{
    LessonPane pane;
    pane.showStep(2);
    pane.actionButton(0)->click();
    pane.actionFinished(2, 0, false, QStringLiteral("25006"),
                        QStringLiteral("cannot execute INSERT in a read-only transaction"));
    QVERIFY(pane.isStepDone());
    QVERIFY2(pane.outcomeText(0).contains(QStringLiteral("as expected")), qPrintable(pane.outcomeText(0)));

    pane.showStep(2);
    pane.actionButton(0)->click();
    pane.actionFinished(2, 0, true, QString(), QStringLiteral("INSERT 0 1"));
    QVERIFY(!pane.isStepDone());
    QVERIFY2(pane.outcomeText(0).contains(QStringLiteral("still a standby")), qPrintable(pane.outcomeText(0)));
}

void TestLessonPane::aWaitingStatementLetsTheWayOutBePressed()
{
    LessonPane pane;
    const int step = 5; // a stopped synchronous standby holds commits
    pane.showStep(step);
    QSignalSpy sandbox(&pane, &LessonPane::sandboxRequested);
    for (int action = 0; action < 2; ++action) {
        pane.actionButton(action)->click();
        pane.actionFinished(step, action, true, QString(), QStringLiteral("done"));
    }
    QCOMPARE(sandbox.size(), 2);
    pane.actionButton(2)->click(); // the INSERT that waits
    QVERIFY(!pane.actionButton(2)->isEnabled());
    QVERIFY(pane.actionButton(3)->isEnabled()); // the way out, while it waits
    pane.actionButton(3)->click();
    QCOMPARE(sandbox.last().at(2).value<SandboxTask::Action>(), SandboxTask::Action::StartStandby);
}

void TestLessonPane::everyControlHasAName()
{
    LessonPane pane;
    pane.resize(420, 700);
    pane.showStep(1);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    const QStringList unnamed = AccessibilityCheck::unnamedControls(&pane);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    LOOK_AT(&pane, QStringLiteral("lesson-pane.png"));
}

QTEST_MAIN(TestLessonPane)
#include "test_lesson_pane.moc"
