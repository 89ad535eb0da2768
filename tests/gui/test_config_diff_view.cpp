#include "ui/diff/config_diff_view.h"
#include "ui/diff/diff_alignment.h"

#include "core/conf/recovery_settings.h"
#include "core/version/version_rules.h"
#include "fixtures.h"

#include "accessibility_check.h"
#include "screenshot.h"

#include <Qsci/qsciscintilla.h>

#include <QDir>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest/QTest>

Q_DECLARE_METATYPE(PgVersion)

namespace {

const QString ConfPath = QStringLiteral("/etc/postgresql/16/main/postgresql.conf");

QsciScintilla *proposedEditor(ConfigDiffView &view)
{
    return view.findChild<QsciScintilla *>(QStringLiteral("proposedEditor"));
}

// Types text where the cursor is in the right side, as a user does.
void typeAt(ConfigDiffView &view, int line, int index, const QString &text)
{
    QsciScintilla *editor = proposedEditor(view);
    editor->setFocus();
    editor->setCursorPosition(line, index);
    QTest::keyClicks(editor, text);
}

// Selects a whole 0-based line of the right side (not its line end) and types over it.
void retypeLine(ConfigDiffView &view, int line, const QString &text)
{
    QsciScintilla *editor = proposedEditor(view);
    QString current = editor->text(line);
    while (current.endsWith(QLatin1Char('\n')) || current.endsWith(QLatin1Char('\r')))
        current.chop(1);
    editor->setFocus();
    editor->setSelection(line, 0, line, int(current.size()));
    QTest::keyClicks(editor, text);
}

int lineOf(const QString &text, const QString &start)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (lines[i].startsWith(start))
            return int(i);
    return -1;
}

QString sample()
{
    return QString::fromUtf8(Fixtures::read(QStringLiteral("conf/samples/pg16.conf")));
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

QList<ConfigLineNote> notesOf(const ConfigDiffView &view, ConfigLineNote::Kind kind)
{
    QList<ConfigLineNote> found;
    for (const ConfigLineNote &note : view.notes())
        if (note.kind == kind)
            found << note;
    return found;
}

const QByteArray HbaBefore = "# TYPE  DATABASE        USER            ADDRESS                 METHOD\n"
                             "local   all             postgres                                peer\n"
                             "local   all             all                                     peer\n"
                             "host    all             all             127.0.0.1/32            scram-sha-256\n"
                             "host    replication     all             127.0.0.1/32            scram-sha-256\n";

} // namespace

// The setup wizard's side-by-side config diff, offscreen, on the fixture
// samples: what is typed on the right is exactly what editedText() gives
// (CRLF and a missing last newline included), an invalid value blocks with
// its reason on its line and unblocks once fixed, restarts, overrides and
// shadowed pg_hba.conf rules are marked, and screenshots of both kinds.
class TestConfigDiffView : public QObject
{
    Q_OBJECT

private slots:
    void showsTheProposalAsIs();
    void alignment_data();
    void alignment();
    void bothSidesScrollTogether();
    void editedTextIsWhatWasTyped_data();
    void editedTextIsWhatWasTyped();
    void invalidValueBlocksUntilFixed_data();
    void invalidValueBlocksUntilFixed();
    void syntaxErrorBlocks();
    void restartAndOverridesAreMarked();
    void toolTipTellsWhatASettingIs();
    void hbaShadowedRuleIsMarked();
    void standbySettingsOfEveryMajorPass_data();
    void standbySettingsOfEveryMajorPass();
    void resetBringsTheProposalBack();
};

void TestConfigDiffView::showsTheProposalAsIs()
{
    const QString before = sample();
    const QString proposed = proposalFor(before);
    ConfigDiffView view;
    view.resize(1280, 680);
    view.setDocument(ConfigKind::PostgresqlConf, PgVersion(16), ConfPath, before, proposed);
    view.show();
    QCOMPARE(view.editedText(), proposed);
    QVERIFY(!view.isEdited());
    QVERIFY(!view.hasBlockingProblems());
    QVERIFY(view.problems().isEmpty());
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("title"))->text(), ConfPath);
}

using Padding = QHash<int, int>;

// Blank display lines keep the rows side by side: a gap goes under the line above it, a note
// under a right line is matched on the left.
void TestConfigDiffView::alignment_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<Padding>("rightNotes");
    QTest::addColumn<Padding>("left");
    QTest::addColumn<Padding>("right");

    QTest::addRow("same") << QByteArray("a\nb\n") << QByteArray("a\nb\n") << Padding{} << Padding{} << Padding{};
    QTest::addRow("two added in the middle")
        << QByteArray("a\nb\n") << QByteArray("a\nx\ny\nb\n") << Padding{} << Padding{{0, 2}} << Padding{};
    QTest::addRow("one removed") << QByteArray("a\nb\nc\n") << QByteArray("a\nc\n") << Padding{} << Padding{}
                                 << Padding{{0, 1}};
    QTest::addRow("changed lines pair up")
        << QByteArray("a\nb\n") << QByteArray("a\nB\n") << Padding{} << Padding{} << Padding{};
    QTest::addRow("added at the top") << QByteArray("a\n") << QByteArray("x\na\n") << Padding{} << Padding{{0, 1}}
                                      << Padding{};
    QTest::addRow("a note under a right line")
        << QByteArray("a\nb\n") << QByteArray("a\nB\n") << Padding{{1, 2}} << Padding{{1, 2}} << Padding{};
    QTest::addRow("a note under an added line")
        << QByteArray("a\nb\n") << QByteArray("a\nx\nb\n") << Padding{{1, 1}} << Padding{{0, 2}} << Padding{};
}

void TestConfigDiffView::alignment()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(Padding, rightNotes);
    QFETCH(Padding, left);
    QFETCH(Padding, right);
    const DiffAlignment alignment = DiffAlignment::compute(TextDiff(before, after).rows(), {}, rightNotes);
    QCOMPARE(alignment.leftPadding, left);
    QCOMPARE(alignment.rightPadding, right);
}

void TestConfigDiffView::bothSidesScrollTogether()
{
    // A long file with lines added near the top: the same rows must stay side by side.
    QString before;
    for (int i = 0; i < 300; ++i)
        before += QStringLiteral("#setting_%1 = %1\n").arg(i);
    QString proposed = before;
    proposed.insert(0, QStringLiteral("wal_level = replica\nmax_wal_senders = 10\n"));
    ConfigDiffView view;
    view.resize(1000, 500);
    view.setDocument(ConfigKind::PostgresqlConf, PgVersion(16), ConfPath, before, proposed);
    view.show();
    auto *left = view.findChild<QsciScintilla *>(QStringLiteral("currentEditor"));
    QsciScintilla *right = proposedEditor(view);
    QCOMPARE(left->verticalScrollBar()->maximum(), right->verticalScrollBar()->maximum());
    right->verticalScrollBar()->setValue(120);
    QCOMPARE(left->verticalScrollBar()->value(), 120);
    // The first line shown on each side is the same setting.
    const int leftTop = int(left->SendScintilla(QsciScintilla::SCI_DOCLINEFROMVISIBLE, 120));
    const int rightTop = int(right->SendScintilla(QsciScintilla::SCI_DOCLINEFROMVISIBLE, 120));
    QCOMPARE(right->text(rightTop), left->text(leftTop));
    left->verticalScrollBar()->setValue(40);
    QCOMPARE(right->verticalScrollBar()->value(), 40);
}

void TestConfigDiffView::editedTextIsWhatWasTyped_data()
{
    QTest::addColumn<QString>("proposed");
    QTest::addColumn<QString>("eol");

    const QString lf = proposalFor(sample());
    QTest::addRow("LF, no newline at the end") << lf << "\n";
    QTest::addRow("LF, newline at the end") << lf + QStringLiteral("\n") << "\n";
    QString crlf = lf;
    crlf.replace(QLatin1String("\n"), QLatin1String("\r\n"));
    QTest::addRow("CRLF, no newline at the end") << crlf << "\r\n";
    QTest::addRow("CRLF, newline at the end") << crlf + QStringLiteral("\r\n") << "\r\n";
}

void TestConfigDiffView::editedTextIsWhatWasTyped()
{
    QFETCH(QString, proposed);
    QFETCH(QString, eol);
    ConfigDiffView view;
    view.setDocument(ConfigKind::PostgresqlConf, PgVersion(16), ConfPath, sample(), proposed);
    view.show();
    QSignalSpy edited(&view, &ConfigDiffView::edited);
    // A comment line added above the first line, and a setting typed at the very end.
    typeAt(view, 0, 0, QStringLiteral("# checked by the DBA"));
    QTest::keyClick(proposedEditor(view), Qt::Key_Return);
    QsciScintilla *editor = proposedEditor(view);
    const int last = editor->lines() - 1;
    typeAt(view, last, int(editor->text(last).size()), QString());
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::keyClicks(editor, QStringLiteral("log_line_prefix = '%m [%p] '"));
    QVERIFY(!edited.isEmpty());
    QVERIFY(view.isEdited());
    // The new last line has no newline after it, as typed.
    QCOMPARE(view.editedText(), QStringLiteral("# checked by the DBA") + eol + proposed + eol +
                                    QStringLiteral("log_line_prefix = '%m [%p] '"));
    QVERIFY(!view.hasBlockingProblems());
}

void TestConfigDiffView::invalidValueBlocksUntilFixed_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("good");

    QTest::addRow("wal_level = banana") << "wal_level"
                                        << "banana"
                                        << "logical";
    QTest::addRow("max_wal_senders = -3") << "max_wal_senders"
                                          << "-3"
                                          << "5";
    QTest::addRow("shared_buffers = 128XB") << "shared_buffers"
                                            << "128XB"
                                            << "256MB";
    QTest::addRow("wal_keep_segments on 16") << "wal_keep_segments"
                                             << "64"
                                             << "";
}

void TestConfigDiffView::invalidValueBlocksUntilFixed()
{
    QFETCH(QString, name);
    QFETCH(QString, bad);
    QFETCH(QString, good);
    const QString proposed = proposalFor(sample());
    ConfigDiffView view;
    view.resize(1280, 680);
    view.setDocument(ConfigKind::PostgresqlConf, PgVersion(16), ConfPath, sample(), proposed);
    view.show();
    QSignalSpy blocking(&view, &ConfigDiffView::blockingChanged);
    int line = lineOf(proposed, name);
    if (line < 0) { // not in the file: typed as a new line after the first one
        typeAt(view, 1, int(proposedEditor(view)->text(1).size()) - 1, QString());
        QTest::keyClick(proposedEditor(view), Qt::Key_Return);
        line = 2;
    }
    const QString typed = QStringLiteral("%1 = %2").arg(name, bad);
    retypeLine(view, line, typed);

    QTRY_COMPARE_WITH_TIMEOUT(blocking.size(), 1, 2000);
    QCOMPARE(blocking.at(0).at(0).toBool(), true);
    QVERIFY(view.hasBlockingProblems());
    const auto expected = VersionRules(PgVersion(16)).validateSetting(name, bad);
    QVERIFY(!expected.ok());
    QCOMPARE(view.problems(), QStringList{QStringLiteral("line %1: %2").arg(line + 1).arg(expected.error().message)});
    // The reason stands under its line, and the bar under the editors says why the page is blocked.
    QVERIFY2(proposedEditor(view)->annotation(line).contains(expected.error().message),
             qPrintable(proposedEditor(view)->annotation(line)));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("problemBar"))->isVisibleTo(&view));
    if (name == QLatin1String("wal_level"))
        LOOK_AT(&view, QStringLiteral("config_diff_invalid_value.png"));

    retypeLine(view, line,
               good.isEmpty() ? QStringLiteral("# %1 is gone in 16").arg(name)
                              : QStringLiteral("%1 = %2").arg(name, good));
    QTRY_COMPARE_WITH_TIMEOUT(blocking.size(), 2, 2000);
    QCOMPARE(blocking.at(1).at(0).toBool(), false);
    QVERIFY(view.problems().isEmpty());
    QVERIFY(!proposedEditor(view)->annotation(line).contains(expected.error().message));
    QVERIFY(!view.findChild<QLabel *>(QStringLiteral("problemBar"))->isVisibleTo(&view));
}

void TestConfigDiffView::syntaxErrorBlocks()
{
    const QString proposed = proposalFor(sample());
    ConfigDiffView view;
    view.setDocument(ConfigKind::PostgresqlConf, PgVersion(16), ConfPath, sample(), proposed);
    const int line = lineOf(proposed, QStringLiteral("port"));
    retypeLine(view, line, QStringLiteral("port = 54;32"));
    QVERIFY(view.hasBlockingProblems()); // asked before the debounce: answered for what is typed
    QCOMPARE(view.problems().size(), 1);
    QVERIFY2(view.problems().first().startsWith(QStringLiteral("line %1: ").arg(line + 1)),
             qPrintable(view.problems().first()));
    QVERIFY2(view.problems().first().contains(QStringLiteral("line %1, near token \";\"").arg(line + 1)),
             qPrintable(view.problems().first()));
}

void TestConfigDiffView::restartAndOverridesAreMarked()
{
    const QString before = sample();
    QString proposed = proposalFor(before);
    proposed.replace(QLatin1String("max_connections = 100"), QLatin1String("max_connections = 100\nport = 5433"));
    const QString dataDir = QStringLiteral("/var/lib/postgresql/16/main");
    ConfigDiffView view;
    view.resize(1280, 680);
    view.setDocument(ConfigKind::PostgresqlConf, PgVersion(16), ConfPath, before, proposed);
    view.setOtherFiles({{dataDir + QStringLiteral("/postgresql.auto.conf"),
                         QByteArray("# Do not edit this file manually!\nmax_wal_senders = '5'\n")},
                        {QStringLiteral("/etc/postgresql/16/main/extra.conf"), QByteArray("# nothing\n")}},
                       dataDir);
    view.show();

    QList<int> restartLines;
    for (const ConfigLineNote &note : notesOf(view, ConfigLineNote::Kind::Restart))
        restartLines << note.line;
    const QList<int> expectedRestarts{
        lineOf(proposed, QStringLiteral("hot_standby")) + 1, lineOf(proposed, QStringLiteral("port = 5433")) + 1,
        lineOf(proposed, QStringLiteral("wal_level")) + 1, lineOf(proposed, QStringLiteral("max_wal_senders")) + 1};
    QCOMPARE(restartLines, expectedRestarts);

    const QList<ConfigLineNote> overridden = notesOf(view, ConfigLineNote::Kind::Overridden);
    QCOMPARE(overridden.size(), 2);
    // The first port line is overridden by the second one in the same file...
    QCOMPARE(overridden[0].line, lineOf(proposed, QStringLiteral("port = 5432")) + 1);
    QCOMPARE(overridden[0].otherLine, lineOf(proposed, QStringLiteral("port = 5433")) + 1);
    // ... and max_wal_senders by postgresql.auto.conf line 2, named with its path.
    QCOMPARE(overridden[1].line, lineOf(proposed, QStringLiteral("max_wal_senders")) + 1);
    QVERIFY2(overridden[1].message.contains(dataDir + QStringLiteral("/postgresql.auto.conf line 2")),
             qPrintable(overridden[1].message));
    QVERIFY(!view.hasBlockingProblems()); // overrides and restarts inform, they do not block
    LOOK_AT(&view, QStringLiteral("config_diff_postgresql_conf.png"));
}

void TestConfigDiffView::toolTipTellsWhatASettingIs()
{
    const QString proposed = proposalFor(sample());
    ConfigDiffView view;
    view.setDocument(ConfigKind::PostgresqlConf, PgVersion(16), ConfPath, sample(), proposed);
    const int line = lineOf(proposed, QStringLiteral("wal_level")) + 1;
    const QString tip = view.toolTipFor(line, QStringLiteral("wal_level"));
    QVERIFY2(tip.contains(QStringLiteral("minimal, replica, logical")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Default: replica")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("restart")), qPrintable(tip));
    QVERIFY(!VersionRules::settingPurpose(QStringLiteral("wal_level")).isEmpty());
    QVERIFY2(tip.contains(VersionRules::settingPurpose(QStringLiteral("wal_level")).toHtmlEscaped()), qPrintable(tip));
    // A word in a value or a comment is not a setting.
    QVERIFY(view.toolTipFor(line, QStringLiteral("replica")).indexOf(QStringLiteral("Default")) < 0);
    const int reloadLine = lineOf(proposed, QStringLiteral("log_min_messages")) + 1;
    QVERIFY2(view.toolTipFor(reloadLine, QStringLiteral("log_min_messages")).contains(QStringLiteral("reloads")),
             qPrintable(view.toolTipFor(reloadLine, QStringLiteral("log_min_messages"))));
}

void TestConfigDiffView::hbaShadowedRuleIsMarked()
{
    // The proposal appends the standby's rule after a wider one: it would never be used.
    const QByteArray proposed = HbaBefore +
                                "# Added by Replica Studio\n"
                                "host    replication     replicator      10.0.0.2/32             scram-sha-256\n"
                                "host    replication     all             10.0.0.0/8              reject\n"
                                "host    replication     replicator      10.0.0.3/32             scram-sha-256\n";
    ConfigDiffView view;
    view.resize(1280, 720);
    view.setDocument(ConfigKind::PgHbaConf, PgVersion(16), QStringLiteral("/etc/postgresql/16/main/pg_hba.conf"),
                     QString::fromUtf8(HbaBefore), QString::fromUtf8(proposed));
    view.show();
    const QList<ConfigLineNote> shadowed = notesOf(view, ConfigLineNote::Kind::Shadowed);
    QCOMPARE(shadowed.size(), 1);
    QCOMPARE(shadowed[0].line, 9);
    QCOMPARE(shadowed[0].otherLine, 8);
    QVERIFY(proposedEditor(view)->annotation(8).contains(QStringLiteral("line 8")));
    QVERIFY(!view.hasBlockingProblems());

    auto *table = view.findChild<QTableView *>(QStringLiteral("hbaRules"));
    QVERIFY(table->isVisibleTo(&view));
    QCOMPARE(table->model()->rowCount(), 7);
    QCOMPARE(table->model()->index(6, 0).data().toString(), QStringLiteral("9"));
    QVERIFY(
        table->model()->index(6, table->model()->columnCount() - 1).data().toString().contains(QStringLiteral("8")));
    QVERIFY(table->model()->index(5, table->model()->columnCount() - 1).data().toString().isEmpty());
    LOOK_AT(&view, QStringLiteral("config_diff_pg_hba_conf.png"));

    // A rule PostgreSQL refuses blocks, with its line.
    retypeLine(view, 8, QStringLiteral("host replication replicator 10.0.0.3/32 banana"));
    QVERIFY(view.hasBlockingProblems());
    QVERIFY2(view.problems().value(0).startsWith(QStringLiteral("line 9: ")), qPrintable(view.problems().value(0)));
}

// What RecoverySettings renders for a standby of each major is shown without a problem: no
// recovery setting is refused where the major takes it.
void TestConfigDiffView::standbySettingsOfEveryMajorPass_data()
{
    QTest::addColumn<PgVersion>("major");
    for (const PgVersion &major : VersionRules::supportedMajors())
        QTest::addRow("%s", qPrintable(major.majorString())) << major;
}

void TestConfigDiffView::standbySettingsOfEveryMajorPass()
{
    QFETCH(PgVersion, major);
    RecoverySettings settings(major);
    RecoverySettings::PrimaryConnection connection{QStringLiteral("10.0.0.1"),
                                                   5432,
                                                   QStringLiteral("replicator"),
                                                   QStringLiteral("standby_db2"),
                                                   major.atLeast(10) ? QStringLiteral("/var/lib/postgresql/.pgpass")
                                                                     : QString(),
                                                   QString(),
                                                   QString()};
    auto conninfo = RecoverySettings::primaryConninfo(connection, major);
    QVERIFY2(conninfo, qPrintable(conninfo ? QString() : conninfo.error().fullText()));
    settings.conninfo = *conninfo;
    if (major.atLeast(9, 4))
        settings.slotName = QStringLiteral("standby_db2");
    auto files = settings.files();
    QVERIFY2(files, qPrintable(files ? QString() : files.error().fullText()));
    for (const RecoverySettings::FileContent &file : *files) {
        const ConfigKind kind = file.name == QLatin1String("recovery.conf")    ? ConfigKind::RecoveryConf
                                : file.name == QLatin1String("standby.signal") ? ConfigKind::StandbySignal
                                                                               : ConfigKind::AutoConf;
        ConfigDiffView view;
        view.resize(1280, 400);
        view.setDocument(kind, major, QStringLiteral("/var/lib/postgresql/main/") + file.name, QString(),
                         QString::fromUtf8(file.content));
        QVERIFY2(view.problems().isEmpty(), qPrintable(view.problems().join(QLatin1Char('\n'))));
        QCOMPARE(view.editedText().toUtf8(), file.content);
        if (major == PgVersion(11) || major == PgVersion(16)) {
            view.show();
            LOOK_AT(&view, QStringLiteral("config_diff_%1_%2.png").arg(major.majorString(), file.name));
        }
    }
}

void TestConfigDiffView::resetBringsTheProposalBack()
{
    const QString proposed = proposalFor(sample());
    ConfigDiffView view;
    view.setDocument(ConfigKind::PostgresqlConf, PgVersion(16), ConfPath, sample(), proposed);
    view.show();
    QSignalSpy blocking(&view, &ConfigDiffView::blockingChanged);
    retypeLine(view, lineOf(proposed, QStringLiteral("wal_level")), QStringLiteral("wal_level = banana"));
    QVERIFY(view.isEdited());
    QVERIFY(view.hasBlockingProblems());
    view.resetToProposal();
    QVERIFY(!view.isEdited());
    QVERIFY(!view.hasBlockingProblems());
    QCOMPARE(blocking.size(), 2);
    QCOMPARE(view.editedText(), proposed);
}

QTEST_MAIN(TestConfigDiffView)
#include "test_config_diff_view.moc"
