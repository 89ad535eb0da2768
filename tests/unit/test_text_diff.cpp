#include "core/diff/text_diff.h"

#include "fixtures.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest/QTest>

// TextDiff against the real diff(1): for each pair of texts, unified() must
// print byte for byte what `diff -u --label a --label b` prints.
class TestTextDiff : public QObject
{
    Q_OBJECT

private slots:
    void unifiedMatchesDiff_data();
    void unifiedMatchesDiff();
    void randomEditsMatchDiff();
    void rows_data();
    void rows();
    void counts();
    void largeConfFile();

private:
    static QByteArray realDiff(const QByteArray &before, const QByteArray &after);
};

QByteArray TestTextDiff::realDiff(const QByteArray &before, const QByteArray &after)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return "temporary folder failed";
    const auto write = [&](const QString &name, const QByteArray &text) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
    };
    write(QStringLiteral("a"), before);
    write(QStringLiteral("b"), after);
    QProcess diff;
    diff.start(QStringLiteral("diff"),
               {QStringLiteral("-u"), QStringLiteral("--label"), QStringLiteral("a"), QStringLiteral("--label"),
                QStringLiteral("b"), dir.filePath(QStringLiteral("a")), dir.filePath(QStringLiteral("b"))});
    if (!diff.waitForFinished(10000))
        return "diff did not finish";
    return diff.readAllStandardOutput();
}

static QByteArray numbered(int from, int to)
{
    QByteArray text;
    for (int i = from; i <= to; ++i)
        text += "line " + QByteArray::number(i) + '\n';
    return text;
}

void TestTextDiff::unifiedMatchesDiff_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    const QByteArray twenty = numbered(1, 20);
    QTest::addRow("identical") << twenty << twenty;
    QTest::addRow("both empty") << QByteArray() << QByteArray();
    QTest::addRow("from empty") << QByteArray() << QByteArray("a\nb\n");
    QTest::addRow("to empty") << QByteArray("a\nb\n") << QByteArray();
    QTest::addRow("one line changed") << twenty << QByteArray(twenty).replace("line 10\n", "changed\n");
    QTest::addRow("first line changed") << twenty << QByteArray(twenty).replace("line 1\n", "changed\n");
    QTest::addRow("last line changed") << twenty << QByteArray(twenty).replace("line 20\n", "changed\n");
    QTest::addRow("insert at start") << twenty << "new\n" + twenty;
    QTest::addRow("append at end") << twenty << twenty + "new 1\nnew 2\n";
    QTest::addRow("delete block") << twenty << numbered(1, 5) + numbered(11, 20);
    QTest::addRow("gap of six joins") << twenty
                                      << QByteArray(twenty).replace("line 3\n", "x\n").replace("line 10\n", "y\n");
    QTest::addRow("gap of seven splits") << twenty
                                         << QByteArray(twenty).replace("line 3\n", "x\n").replace("line 11\n", "y\n");
    QTest::addRow("more removed than added") << twenty << numbered(1, 7) + "x\n" + numbered(12, 20);
    QTest::addRow("more added than removed") << twenty << numbered(1, 7) + "x\ny\nz\nw\n" + numbered(9, 20);
    QTest::addRow("no newline before") << QByteArray("a\nb\nc") << QByteArray("a\nb\nc\n");
    QTest::addRow("no newline after") << QByteArray("a\nb\nc\n") << QByteArray("a\nb\nc");
    QTest::addRow("no newline both, last changed") << QByteArray("a\nb\nc") << QByteArray("a\nb\nd");
    QTest::addRow("no newline both, context") << QByteArray("a\nb\nc") << QByteArray("x\nb\nc");
    QTest::addRow("no newline, append") << QByteArray("a\nb") << QByteArray("a\nb\nc\n");
    QTest::addRow("single line no newline") << QByteArray("a") << QByteArray("b");
    QTest::addRow("blank line inserted among blanks") << QByteArray("a\n\n\nb\n") << QByteArray("a\n\n\n\nb\n");
    QTest::addRow("repeated block inserted")
        << QByteArray("x\na\nb\na\nb\ny\n") << QByteArray("x\na\nb\na\nb\na\nb\ny\n");
    QTest::addRow("append after blank ending") << QByteArray("a\nb\n\n") << QByteArray("a\nb\n\n# added\nc\n\n");
    QTest::addRow("crlf") << QByteArray("a\r\nb\r\nc\r\n") << QByteArray("a\r\nB\r\nc\r\n");
    QTest::addRow("all changed") << numbered(1, 5) << numbered(6, 10);
    QTest::addRow("interleaved") << QByteArray("a\nb\nc\nd\ne\nf\n") << QByteArray("a\nB\nc\nD\ne\nF\n");
    QTest::addRow("utf-8") << QByteArray("名前 = 'a'\n") << QByteArray("名前 = 'b'\n");

    const QByteArray sample = Fixtures::read(QStringLiteral("hba/pg_hba.conf.sample-15"));
    if (!sample.isEmpty())
        QTest::addRow("pg_hba sample, rule appended")
            << sample
            << sample + "\n# Added by Replica Studio\nhost replication replicator 10.0.0.2/32 scram-sha-256\n";

    QFile conf(QStringLiteral("/usr/share/postgresql/15/postgresql.conf.sample"));
    if (conf.open(QIODevice::ReadOnly)) {
        const QByteArray text = conf.readAll();
        QByteArray edited = text;
        edited.replace("#wal_level = replica", "wal_level = replica")
            .replace("#max_wal_senders = 10", "max_wal_senders = 5")
            .replace("#listen_addresses = 'localhost'", "listen_addresses = '*'");
        QTest::addRow("postgresql.conf.sample, walkthrough edits") << text << edited;
    }
}

void TestTextDiff::unifiedMatchesDiff()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    const TextDiff diff(before, after);
    QCOMPARE(diff.unified(), realDiff(before, after));
    QCOMPARE(diff.isEmpty(), before == after);
}

// Small texts over a tiny alphabet make many equal lines, where several
// shortest scripts exist. diff(1) sometimes removes a copy from the middle of
// a run of equal lines where we remove the last one: both are right, so here
// the diff must be as short as diff(1)'s and both sides must rebuild exactly
// from the rows. Seeded, so a failure repeats.
void TestTextDiff::randomEditsMatchDiff()
{
    QRandomGenerator random(20261125);
    const auto changedLines = [](const QByteArray &unified) {
        int count = 0;
        for (const QByteArray &line : unified.split('\n'))
            if ((line.startsWith('+') || line.startsWith('-')) && !line.startsWith("+++") && !line.startsWith("---"))
                ++count;
        return count;
    };
    for (int round = 0; round < 200; ++round) {
        QByteArray before;
        const int lines = random.bounded(1, 15);
        for (int i = 0; i < lines; ++i)
            before += char('a' + random.bounded(3)) + QByteArray("\n");
        QList<QByteArray> edited = before.split('\n');
        edited.removeLast();
        const int edits = random.bounded(1, 4);
        for (int e = 0; e < edits; ++e) {
            const int at = random.bounded(int(edited.size()) + 1);
            switch (random.bounded(3)) {
            case 0:
                edited.insert(at, QByteArray(1, char('a' + random.bounded(4))));
                break;
            case 1:
                if (at < edited.size())
                    edited.removeAt(at);
                break;
            default:
                if (at < edited.size())
                    edited[at] = QByteArray(1, char('a' + random.bounded(4)));
            }
        }
        QByteArray after;
        for (const QByteArray &line : edited)
            after += line + '\n';
        const TextDiff diff(before, after);
        const QByteArray theirs = realDiff(before, after);
        QCOMPARE(diff.removedCount() + diff.addedCount(), changedLines(theirs));
        QByteArray left;
        QByteArray right;
        for (const TextDiff::Row &row : diff.rows()) {
            if (row.leftNumber)
                left += row.leftText.toUtf8() + '\n';
            if (row.rightNumber)
                right += row.rightText.toUtf8() + '\n';
        }
        QCOMPARE(left, before);
        QCOMPARE(right, after);
    }
}

void TestTextDiff::rows_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QString>("expected"); // one row per line: kind left# right#
    QTest::addRow("same") << QByteArray("a\nb\n") << QByteArray("a\nb\n") << QStringLiteral("S1 1|S2 2");
    QTest::addRow("changed") << QByteArray("a\nb\nc\n") << QByteArray("a\nx\nc\n") << QStringLiteral("S1 1|C2 2|S3 3");
    QTest::addRow("added") << QByteArray("a\nc\n") << QByteArray("a\nb\nc\n") << QStringLiteral("S1 1|A0 2|S2 3");
    QTest::addRow("removed") << QByteArray("a\nb\nc\n") << QByteArray("a\nc\n") << QStringLiteral("S1 1|R2 0|S3 2");
    QTest::addRow("two replaced by three")
        << QByteArray("a\nb\nc\nd\n") << QByteArray("a\nx\ny\nz\nd\n") << QStringLiteral("S1 1|C2 2|C3 3|A0 4|S4 5");
    QTest::addRow("three replaced by one")
        << QByteArray("a\nb\nc\nd\ne\n") << QByteArray("a\nx\ne\n") << QStringLiteral("S1 1|C2 2|R3 0|R4 0|S5 3");
}

void TestTextDiff::rows()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(QString, expected);
    QStringList got;
    const auto rows = TextDiff(before, after).rows();
    for (const TextDiff::Row &row : rows) {
        const char kind = row.kind == TextDiff::RowKind::Same      ? 'S'
                          : row.kind == TextDiff::RowKind::Changed ? 'C'
                          : row.kind == TextDiff::RowKind::Added   ? 'A'
                                                                   : 'R';
        got << QStringLiteral("%1%2 %3").arg(QLatin1Char(kind)).arg(row.leftNumber).arg(row.rightNumber);
        // The text on each side is that file's line.
        if (row.leftNumber)
            QCOMPARE(row.leftText.toUtf8(), before.split('\n').at(row.leftNumber - 1));
        if (row.rightNumber)
            QCOMPARE(row.rightText.toUtf8(), after.split('\n').at(row.rightNumber - 1));
    }
    QCOMPARE(got.join(QLatin1Char('|')), expected);
}

void TestTextDiff::counts()
{
    const TextDiff diff("a\nb\nc\nd\n", "a\nx\nd\ne\nf\n");
    QCOMPARE(diff.removedCount(), 2);
    QCOMPARE(diff.addedCount(), 3);
    QCOMPARE(diff.hunks().size(), 1);
    const TextDiff::Hunk &hunk = diff.hunks().first();
    QCOMPARE(hunk.oldStart, 1);
    QCOMPARE(hunk.oldCount, 4);
    QCOMPARE(hunk.newStart, 1);
    QCOMPARE(hunk.newCount, 5);
}

// A 5,000-line postgresql.conf with edits spread through it: the result must
// still be diff(1)'s (the speed itself is measured by bench_text_diff).
void TestTextDiff::largeConfFile()
{
    QFile conf(QStringLiteral("/usr/share/postgresql/15/postgresql.conf.sample"));
    if (!conf.open(QIODevice::ReadOnly))
        QSKIP("postgresql.conf.sample of PostgreSQL 15 is not installed");
    const QByteArray sample = conf.readAll();
    QByteArray before;
    while (before.count('\n') < 5000)
        before += sample;
    QByteArray after = before;
    after.replace("#wal_level = replica", "wal_level = replica");
    after.replace("#work_mem = 4MB", "work_mem = 64MB\n# tuned");
    after += "include 'extra.conf'\n";
    const TextDiff diff(before, after);
    QCOMPARE(diff.unified(), realDiff(before, after));
}

QTEST_GUILESS_MAIN(TestTextDiff)
#include "test_text_diff.moc"
