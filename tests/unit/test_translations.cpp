#include "core/i18n/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <QtTest/QTest>

// The Japanese translation: the embedded .qm loads and translates real source
// strings, and every finished message in translations/replica_studio_ja.ts
// keeps its source's %N placeholders and is what the embedded .qm gives back
// (so the build embeds the .ts as it is in the tree).
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void realStringsTranslated_data();
    void realStringsTranslated();
    void placeholdersKept();
    void embeddedMatchesTsFile();
    void someMessagesFinished();
};

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; // one per numerus form
    bool finished = false;
    bool numerus = false;
};

QList<TsMessage> readTsFile()
{
    QFile file(QStringLiteral(REPLICA_SOURCE_DIR "/translations/replica_studio_ja.ts"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    QList<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            TsMessage message{
                context, {}, {}, false, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    message.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    message.finished = xml.attributes().value(QLatin1String("type")).isEmpty();
                    if (message.numerus) {
                        while (xml.readNextStartElement())
                            message.translations << xml.readElementText();
                    } else {
                        message.translations << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages << message;
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(file.fileName()), qPrintable(xml.errorString()));
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%(L?\\d+|n)"));
    QSet<QString> found;
    for (const auto &match : placeholder.globalMatch(text))
        found << match.captured(0);
    return found;
}

bool hasJapanese(const QString &text)
{
    static const QRegularExpression kana(QStringLiteral("[\\x{3040}-\\x{30ff}\\x{4e00}-\\x{9fff}]"));
    return text.contains(kana);
}

} // namespace

void TestTranslations::initTestCase()
{
    QVERIFY(Translations::install(QLocale(QLocale::Japanese, QLocale::Japan)));
}

void TestTranslations::realStringsTranslated_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::newRow("replicactl summary") << "replicactl"
                                        << "set up a primary and a standby over SSH";
    QTest::newRow("hba grammar") << "HbaFile"
                                 << "invalid connection type \"%1\"";
    QTest::newRow("replicactl setup") << "ReplicaCtl"
                                      << "Apply this plan? [y/N] ";
    QTest::newRow("sandbox") << "Sandbox"
                             << "Stopped %1.";
    QTest::newRow("main window") << "MainWindow"
                                 << "No sandbox in %1 yet.";
}

void TestTranslations::realStringsTranslated()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    const QString translated = QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData());
    QVERIFY2(hasJapanese(translated), qPrintable(translated));
    QCOMPARE(placeholders(translated), placeholders(source));
}

void TestTranslations::placeholdersKept()
{
    QStringList wrong;
    for (const TsMessage &message : readTsFile()) {
        if (!message.finished)
            continue;
        for (const QString &translation : message.translations) {
            // A numerus form may spell the count out instead of %n.
            QSet<QString> expected = placeholders(message.source);
            QSet<QString> got = placeholders(translation);
            if (message.numerus) {
                expected.remove(QStringLiteral("%n"));
                got.remove(QStringLiteral("%n"));
            }
            if (expected != got)
                wrong << message.context + QStringLiteral(": ") + message.source + QStringLiteral(" -> ") + translation;
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

void TestTranslations::embeddedMatchesTsFile()
{
    QStringList stale;
    for (const TsMessage &message : readTsFile()) {
        if (!message.finished || message.numerus || message.translations.value(0).isEmpty())
            continue;
        const QString got =
            QCoreApplication::translate(message.context.toUtf8().constData(), message.source.toUtf8().constData());
        if (got != message.translations.first())
            stale << message.context + QStringLiteral(": ") + message.source;
    }
    QVERIFY2(stale.isEmpty(), qPrintable(stale.join(QLatin1Char('\n'))));
}

void TestTranslations::someMessagesFinished()
{
    const QList<TsMessage> messages = readTsFile();
    const auto finished =
        std::count_if(messages.begin(), messages.end(), [](const TsMessage &m) { return m.finished; });
    QVERIFY2(finished * 2 > messages.size(), qPrintable(QStringLiteral("%1 of %2").arg(finished).arg(messages.size())));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
