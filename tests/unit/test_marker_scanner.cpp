#include "core/host/marker_scanner.h"

#include <QTest>

// SshHost's output framing: whatever the chunks, the bytes before a marker
// come out whole and in order, the marker is found exactly once, and what
// follows its line is kept.
class TestMarkerScanner : public QObject
{
    Q_OBJECT

private slots:
    void wholeStreamAtOnce();
    void everyChunkSize_data();
    void everyChunkSize();
    void outputWithoutNewlineBeforeToken();
    void partialTokenIsHeldNotLost();
    void lookalikeOfTheTokenIsOutput();
    void afterTheMarkerIsKept();
    void noiseBeforeReadyIsSeparate();
};

namespace {

const QByteArray token = "rs-9f3a1c77e0b2.42";

QByteArray scanInChunks(MarkerScanner &scanner, const QByteArray &stream, int chunk)
{
    QByteArray output;
    for (qsizetype at = 0; at < stream.size(); at += chunk)
        output += scanner.feed(stream.mid(at, chunk));
    return output;
}

} // namespace

void TestMarkerScanner::wholeStreamAtOnce()
{
    MarkerScanner scanner(token);
    QCOMPARE(scanner.feed("4242\nhello\n" + token + " 0\n"), QByteArray("4242\nhello\n"));
    QVERIFY(scanner.reached());
    QCOMPARE(scanner.trailer(), QByteArray("0"));
}

void TestMarkerScanner::everyChunkSize_data()
{
    QTest::addColumn<int>("chunk");
    for (int chunk : {1, 2, 3, 7, 17, 18, 19, 64, 4096})
        QTest::addRow("%d", chunk) << chunk;
}

void TestMarkerScanner::everyChunkSize()
{
    QFETCH(int, chunk);
    QByteArray binary;
    for (int i = 0; i < 1000; ++i)
        binary += char(i % 256);
    const QByteArray output = QByteArray("line one\r\nline\0two\n", 19) + binary + token.left(5);
    MarkerScanner scanner(token);
    QCOMPARE(scanInChunks(scanner, output + token + " 137\n", chunk), output);
    QVERIFY(scanner.reached());
    QCOMPARE(scanner.trailer(), QByteArray("137"));
}

void TestMarkerScanner::outputWithoutNewlineBeforeToken()
{
    MarkerScanner scanner(token);
    QCOMPARE(scanner.feed("no newline" + token + "\n"), QByteArray("no newline"));
    QVERIFY(scanner.reached());
    QCOMPARE(scanner.trailer(), QByteArray());
}

void TestMarkerScanner::partialTokenIsHeldNotLost()
{
    MarkerScanner scanner(token);
    QCOMPARE(scanner.feed("abc" + token.left(6)), QByteArray("abc"));
    QVERIFY(!scanner.reached());
    QCOMPARE(scanner.held(), token.left(6)); // what a stream that ends here ended with
    // The token and its line may arrive in several pieces.
    QCOMPARE(scanner.feed(token.mid(6) + " 1"), QByteArray());
    QVERIFY(!scanner.reached());
    QCOMPARE(scanner.feed("\n"), QByteArray());
    QVERIFY(scanner.reached());
    QCOMPARE(scanner.trailer(), QByteArray("1"));
}

void TestMarkerScanner::lookalikeOfTheTokenIsOutput()
{
    MarkerScanner scanner(token);
    const QByteArray lookalike = token.left(token.size() - 1) + "X\n";
    QByteArray output = scanner.feed(lookalike);
    output += scanner.feed(token + " 0\n");
    QCOMPARE(output, lookalike);
    QVERIFY(scanner.reached());
}

void TestMarkerScanner::afterTheMarkerIsKept()
{
    MarkerScanner scanner(token);
    QCOMPARE(scanner.feed("noise" + token + " 4242\nthe command's first"), QByteArray("noise"));
    QCOMPARE(scanner.trailer(), QByteArray("4242"));
    QCOMPARE(scanner.afterMarker(), QByteArray("the command's first"));
    QCOMPARE(scanner.feed("more"), QByteArray());
}

void TestMarkerScanner::noiseBeforeReadyIsSeparate()
{
    // A login shell's start-up files may print before the shell is ready:
    // that is returned as output, for the caller to drop.
    MarkerScanner scanner(token);
    QCOMPARE(scanner.feed("Welcome!\n" + token + " ok\n"), QByteArray("Welcome!\n"));
    QCOMPARE(scanner.trailer(), QByteArray("ok"));
}

QTEST_GUILESS_MAIN(TestMarkerScanner)
#include "test_marker_scanner.moc"
