#include "ui/diff/config_diff_view.h"

#include "fixtures.h"

#include <Qsci/qsciscintilla.h>

#include <QDir>
#include <QSignalSpy>
#include <QtTest/QTest>

namespace {

QString screenshotDir()
{
    const QString dir = qEnvironmentVariable("REPLICA_SCREENSHOT_DIR", QStringLiteral(REPLICA_BINARY_DIR "/screenshots"));
    QDir().mkpath(dir);
    return dir;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString path = screenshotDir() + QLatin1Char('/') + name;
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

QsciScintilla *proposedEditor(ConfigDiffView &view)
{
    return view.findChild<QsciScintilla *>(QStringLiteral("proposedEditor"));
}

// Types text at the start of a 0-based line of the right side, as a user does.
void typeAtLine(ConfigDiffView &view, int line, const QString &text)
{
    QsciScintilla *editor = proposedEditor(view);
    editor->setFocus();
    editor->setCursorPosition(line, 0);
    QTest::keyClicks(editor, text);
}

// The plan's proposal for the pg16 sample: replication switched on, one setting added.
QString proposalFor(const QString &before)
{
    QString proposed = before;
    proposed.replace(QLatin1String("#wal_level = replica"), QLatin1String("wal_level = replica"));
    proposed.replace(QLatin1String("#max_wal_senders = 10"), QLatin1String("max_wal_senders = 10"));
    proposed.replace(QLatin1String("listen_addresses = '*'"),
                     QLatin1String("listen_addresses = '*'\nhot_standby = on"));
    return proposed;
}

} // namespace

// The setup wizard's side-by-side config diff, offscreen: what is typed on
// the right is exactly what editedText() gives, invalid values block with
// their reason on their line, and screenshots for a person to look at.
class TestConfigDiffView : public QObject
{
    Q_OBJECT

private slots:
    void showsTheProposalAsIs();
    void editedTextIsWhatWasTyped();
    void resetBringsTheProposalBack();
};

void TestConfigDiffView::showsTheProposalAsIs()
{
    const QString before = QString::fromUtf8(Fixtures::read(QStringLiteral("conf/samples/pg16.conf")));
    const QString proposed = proposalFor(before);
    ConfigDiffView view;
    view.resize(1200, 640);
    view.setDocument(ConfigKind::PostgresqlConf, PgVersion(16), QStringLiteral("/etc/postgresql/16/main/postgresql.conf"),
                     before, proposed);
    view.show();
    QCOMPARE(view.editedText(), proposed);
    QVERIFY(!view.isEdited());
    QVERIFY(!view.hasBlockingProblems());
    saveScreenshot(&view, QStringLiteral("config_diff_postgresql_conf.png"));
}

void TestConfigDiffView::editedTextIsWhatWasTyped()
{
    const QString before = QString::fromUtf8(Fixtures::read(QStringLiteral("conf/samples/pg16.conf")));
    const QString proposed = proposalFor(before);
    ConfigDiffView view;
    view.setDocument(ConfigKind::PostgresqlConf, PgVersion(16), QStringLiteral("postgresql.conf"), before, proposed);
    view.show();
    QSignalSpy edited(&view, &ConfigDiffView::edited);
    typeAtLine(view, 0, QStringLiteral("# checked by the DBA"));
    QTest::keyClick(proposedEditor(view), Qt::Key_Return);
    QVERIFY(!edited.isEmpty());
    QVERIFY(view.isEdited());
    QCOMPARE(view.editedText(), QStringLiteral("# checked by the DBA\n") + proposed);
}

void TestConfigDiffView::resetBringsTheProposalBack()
{
    const QString before = QString::fromUtf8(Fixtures::read(QStringLiteral("conf/samples/pg16.conf")));
    const QString proposed = proposalFor(before);
    ConfigDiffView view;
    view.setDocument(ConfigKind::PostgresqlConf, PgVersion(16), QStringLiteral("postgresql.conf"), before, proposed);
    view.show();
    typeAtLine(view, 2, QStringLiteral("x"));
    QVERIFY(view.isEdited());
    view.resetToProposal();
    QVERIFY(!view.isEdited());
    QCOMPARE(view.editedText(), proposed);
}

QTEST_MAIN(TestConfigDiffView)
#include "test_config_diff_view.moc"
