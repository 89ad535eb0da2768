#include "core/conf/conninfo.h"

#include <QDir>
#include <QtTest/QTest>

#include <dlfcn.h>

Q_DECLARE_METATYPE(PgVersion)

// ConnInfo against the real libpq: the same strings must parse to the same
// keywords and values as PQconninfoParse gives, what we build must parse back
// unchanged, and each major's keyword list must be what that major's libpq
// reports (the builds the version matrix caches, when present).
namespace {

// The public layout of PQconninfoOption (libpq-fe.h), stable since 8.x.
struct LibpqOption
{
    char *keyword;
    char *envvar;
    char *compiled;
    char *val;
    char *label;
    char *dispchar;
    int dispsize;
};

// libpq loaded on its own (dlmopen: a new namespace, so several libpq.so.5 of
// different releases can be asked in one process).
class Libpq
{
public:
    explicit Libpq(const QString &path)
    {
        // The system libpq may be loaded already (core links it): share it.
        // Any other release gets a namespace of its own.
        if (path == QLatin1String("/usr/lib/x86_64-linux-gnu/libpq.so.5"))
            m_handle = dlopen(path.toLocal8Bit().constData(), RTLD_NOW | RTLD_LOCAL);
        else
            m_handle = dlmopen(LM_ID_NEWLM, path.toLocal8Bit().constData(), RTLD_NOW | RTLD_LOCAL);
        if (!m_handle) {
            qWarning("cannot load %s: %s", qPrintable(path), dlerror());
            return;
        }
        m_parse = reinterpret_cast<LibpqOption *(*)(const char *, char **)>(dlsym(m_handle, "PQconninfoParse"));
        m_defaults = reinterpret_cast<LibpqOption *(*)()>(dlsym(m_handle, "PQconndefaults"));
        m_free = reinterpret_cast<void (*)(LibpqOption *)>(dlsym(m_handle, "PQconninfoFree"));
        m_freemem = reinterpret_cast<void (*)(void *)>(dlsym(m_handle, "PQfreemem"));
        m_version = reinterpret_cast<int (*)()>(dlsym(m_handle, "PQlibVersion"));
    }
    ~Libpq()
    {
        if (m_handle)
            dlclose(m_handle);
    }
    bool isLoaded() const { return m_handle && m_parse && m_defaults && m_free && m_freemem && m_version; }
    int version() const { return m_version(); }

    QStringList keywords() const
    {
        QStringList list;
        LibpqOption *options = m_defaults();
        for (LibpqOption *o = options; o && o->keyword; ++o)
            list << QString::fromUtf8(o->keyword);
        m_free(options);
        return list;
    }

    // keyword=value of every option given, or "error: <message>".
    QStringList parse(const QByteArray &text) const
    {
        char *error = nullptr;
        LibpqOption *options = m_parse(text.constData(), &error);
        if (!options) {
            const QString message = QString::fromUtf8(error).trimmed();
            m_freemem(error);
            return {QStringLiteral("error: ") + message};
        }
        QStringList list;
        for (LibpqOption *o = options; o->keyword; ++o)
            if (o->val)
                list << QString::fromUtf8(o->keyword) + QLatin1Char('=') + QString::fromUtf8(o->val);
        m_free(options);
        list.sort();
        return list;
    }

private:
    void *m_handle = nullptr;
    LibpqOption *(*m_parse)(const char *, char **) = nullptr;
    LibpqOption *(*m_defaults)() = nullptr;
    void (*m_free)(LibpqOption *) = nullptr;
    void (*m_freemem)(void *) = nullptr;
    int (*m_version)() = nullptr;
};

QStringList ours(const QString &text)
{
    const Result<ConnInfo> info = ConnInfo::parse(text, PgVersion(15));
    if (!info)
        return {QStringLiteral("error")};
    QStringList list;
    for (const ConnInfo::Option &option : info->options())
        list << option.keyword + QLatin1Char('=') + option.value;
    list.sort();
    return list;
}

const QString systemLibpq = QStringLiteral("/usr/lib/x86_64-linux-gnu/libpq.so.5");

} // namespace

class TestConnInfo : public QObject
{
    Q_OBJECT

private slots:
    void parseLikeLibpq_data();
    void parseLikeLibpq();
    void buildParsesBack_data();
    void buildParsesBack();
    void quoting_data();
    void quoting();
    void keywordsOfEachMajor();
    void limitedTo();
    void setKeepsOrder();
};

void TestConnInfo::parseLikeLibpq_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("plain") << QStringLiteral("host=10.0.0.1 port=5432 user=replicator");
    QTest::addRow("spaces around =") << QStringLiteral("host = 10.0.0.1   port =5432\tuser= replicator");
    QTest::addRow("quoted with space") << QStringLiteral("application_name='standby one' host=a");
    QTest::addRow("quoted with quote") << QStringLiteral("password='it\\'s' user=x");
    QTest::addRow("quoted with backslash") << QStringLiteral("password='a\\\\b'");
    QTest::addRow("unquoted backslash") << QStringLiteral("password=a\\ b user=c");
    QTest::addRow("empty quoted") << QStringLiteral("password='' user=c");
    QTest::addRow("no space after quote") << QStringLiteral("host='a'port=5");
    QTest::addRow("empty value takes next word") << QStringLiteral("host= port=5");
    QTest::addRow("last wins") << QStringLiteral("port=1 port=2");
    QTest::addRow("unknown keyword") << QStringLiteral("host=a bogus=1");
    QTest::addRow("missing =") << QStringLiteral("host a");
    QTest::addRow("unterminated") << QStringLiteral("host='a");
    QTest::addRow("trailing backslash") << QStringLiteral("host=a\\");
    QTest::addRow("newline separates") << QStringLiteral("host=a\nport=5");
    QTest::addRow("utf-8") << QStringLiteral("application_name='スタンバイ 1'");
    QTest::addRow("empty") << QString();
    QTest::addRow("only =") << QStringLiteral("=");
    QTest::addRow("15 options") << QStringLiteral("channel_binding=prefer sslsni=1 ssl_min_protocol_version=TLSv1.2");
}

void TestConnInfo::parseLikeLibpq()
{
    QFETCH(QString, text);
    Libpq libpq(systemLibpq);
    if (!libpq.isLoaded())
        QSKIP("libpq.so.5 is not installed");
    QCOMPARE(libpq.version() / 10000, 15);
    const QStringList theirs = libpq.parse(text.toUtf8());
    const QStringList mine = ours(text);
    if (!theirs.isEmpty() && theirs.first().startsWith(QStringLiteral("error: "))) {
        QCOMPARE(mine, QStringList{QStringLiteral("error")});
        const Result<ConnInfo> info = ConnInfo::parse(text, PgVersion(15));
        // Same wording as libpq, inside our sentence.
        QVERIFY2(info.error().message.contains(theirs.first().mid(7)),
                 qPrintable(info.error().message + QStringLiteral(" / ") + theirs.first()));
    } else {
        QCOMPARE(mine, theirs);
    }
}

void TestConnInfo::buildParsesBack_data()
{
    QTest::addColumn<QString>("value");
    QTest::addRow("plain") << QStringLiteral("replicator");
    QTest::addRow("space") << QStringLiteral("standby one");
    QTest::addRow("quote") << QStringLiteral("it's");
    QTest::addRow("backslash") << QStringLiteral("C:\\dir\\");
    QTest::addRow("equals") << QStringLiteral("a=b c=d");
    QTest::addRow("empty") << QString();
    QTest::addRow("tab and newline") << QStringLiteral("a\tb\nc");
    QTest::addRow("path") << QStringLiteral("/var/lib/postgresql/.pgpass");
    QTest::addRow("utf-8") << QStringLiteral("パスワード");
    QTest::addRow("only quotes") << QStringLiteral("''\\\\''");
}

void TestConnInfo::buildParsesBack()
{
    QFETCH(QString, value);
    ConnInfo info;
    info.set(QStringLiteral("host"), QStringLiteral("10.0.0.1"));
    info.set(QStringLiteral("application_name"), value);
    info.set(QStringLiteral("password"), value);
    const QString text = info.toString();
    const Result<ConnInfo> back = ConnInfo::parse(text);
    QVERIFY(back.ok());
    QCOMPARE(back->value(QStringLiteral("application_name")), std::optional<QString>(value));
    Libpq libpq(systemLibpq);
    if (!libpq.isLoaded())
        QSKIP("libpq.so.5 is not installed");
    QVERIFY(libpq.parse(text.toUtf8()).contains(QStringLiteral("application_name=") + value));
    QVERIFY(libpq.parse(text.toUtf8()).contains(QStringLiteral("password=") + value));
}

void TestConnInfo::quoting_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("quoted");
    QTest::addRow("plain") << QStringLiteral("standby1") << QStringLiteral("standby1");
    QTest::addRow("dots") << QStringLiteral("10.0.0.1") << QStringLiteral("10.0.0.1");
    QTest::addRow("empty") << QString() << QStringLiteral("''");
    QTest::addRow("space") << QStringLiteral("a b") << QStringLiteral("'a b'");
    QTest::addRow("quote") << QStringLiteral("it's") << QStringLiteral("'it\\'s'");
    QTest::addRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("'a\\\\b'");
    QTest::addRow("slash") << QStringLiteral("/tmp") << QStringLiteral("'/tmp'");
}

void TestConnInfo::quoting()
{
    QFETCH(QString, value);
    QFETCH(QString, quoted);
    QCOMPARE(ConnInfo::quoteValue(value), quoted);
}

// Our table for each major against that major's own libpq: the system one
// (15), and the builds under /var/cache/replica-studio/pg when the version
// matrix has fetched them.
void TestConnInfo::keywordsOfEachMajor()
{
    QStringList libraries{systemLibpq};
    const QDir cache(QStringLiteral("/var/cache/replica-studio/pg"));
    for (const QString &entry : cache.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        libraries << cache.filePath(entry + QStringLiteral("/package/native/lib/libpq.so.5"));
    int checked = 0;
    for (const QString &path : libraries) {
        if (!QFile::exists(path))
            continue;
        Libpq libpq(path);
        if (!libpq.isLoaded())
            continue;
        const int major = libpq.version() / 10000;
        QStringList theirs = libpq.keywords();
        QStringList mine = ConnInfo::knownKeywords(PgVersion(major));
        theirs.sort();
        mine.sort();
        QVERIFY2(mine == theirs, qPrintable(QStringLiteral("%1 (%2): ours %3, libpq %4")
                                                .arg(path)
                                                .arg(major)
                                                .arg(mine.join(QLatin1Char(' ')), theirs.join(QLatin1Char(' ')))));
        ++checked;
    }
    if (checked == 0)
        QSKIP("no libpq found to compare with");
    qInfo("compared with %d libpq builds", checked);
}

// pg-versions.md's regression: a 15 client wrote these and an 11 standby refused them.
void TestConnInfo::limitedTo()
{
    const Result<ConnInfo> info = ConnInfo::parse(
        QStringLiteral("user=replicator passfile='/var/lib/postgresql/.pgpass' channel_binding=prefer host=10.0.0.1 "
                       "port=5432 sslmode=prefer sslcompression=0 sslsni=1 ssl_min_protocol_version=TLSv1.2 "
                       "gssencmode=prefer krbsrvname=postgres target_session_attrs=any application_name=standby1"));
    QVERIFY(info.ok());
    QStringList dropped;
    const ConnInfo for11 = info->limitedTo(PgVersion(11), &dropped);
    QCOMPARE(dropped, (QStringList{QStringLiteral("channel_binding"), QStringLiteral("sslsni"),
                                   QStringLiteral("ssl_min_protocol_version"), QStringLiteral("gssencmode")}));
    QVERIFY(ConnInfo::parse(for11.toString(), PgVersion(11)).ok());
    QVERIFY(!ConnInfo::parse(info->toString(), PgVersion(11)).ok());
    dropped.clear();
    const ConnInfo for96 = info->limitedTo(PgVersion(9, 6), &dropped);
    QVERIFY(dropped.contains(QStringLiteral("passfile")));
    QVERIFY(dropped.contains(QStringLiteral("target_session_attrs")));
    QCOMPARE(for96.value(QStringLiteral("application_name")), std::optional<QString>(QStringLiteral("standby1")));
    dropped.clear();
    QCOMPARE(info->limitedTo(PgVersion(15), &dropped).toString(), info->toString());
    QVERIFY(dropped.isEmpty());
}

void TestConnInfo::setKeepsOrder()
{
    ConnInfo info;
    info.set(QStringLiteral("host"), QStringLiteral("a"));
    info.set(QStringLiteral("port"), QStringLiteral("5432"));
    info.set(QStringLiteral("host"), QStringLiteral("b"));
    QCOMPARE(info.toString(), QStringLiteral("host=b port=5432"));
    info.remove(QStringLiteral("host"));
    QCOMPARE(info.toString(), QStringLiteral("port=5432"));
    QVERIFY(!info.contains(QStringLiteral("host")));
}

QTEST_GUILESS_MAIN(TestConnInfo)
#include "test_conninfo.moc"
