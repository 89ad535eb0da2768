// PairFindings: what the wizard's "What was found" page says about two
// hosts before any choice, built from facts as discovery reports them: the
// majors both hosts have, and each problem with what to do.
#include "core/plan/pair_findings.h"

#include <QtTest/QTest>

class TestPairFindings : public QObject
{
    Q_OBJECT

private slots:
    void usableMajorsAreThoseOfBothNewestFirst();
    void problems_data();
    void problems();
};

namespace {

HostFacts readyHost(const QList<int> &majors)
{
    HostFacts facts;
    for (int major : majors)
        facts.installations.append(
            PgInstallation{PgVersion(major), QStringLiteral("/usr/lib/postgresql/%1/bin").arg(major), true});
    facts.canBecomeRoot = true;
    facts.canBecomePostgres = true;
    facts.freeBytes = qint64(50) << 30;
    return facts;
}

PairFindings readyPair()
{
    PairFindings found;
    found.primary = readyHost({15});
    found.standby = readyHost({15});
    found.reach = PairFindings::Reach::Open;
    return found;
}

} // namespace

void TestPairFindings::usableMajorsAreThoseOfBothNewestFirst()
{
    PairFindings found = readyPair();
    found.primary = readyHost({13, 16, 15});
    found.standby = readyHost({15, 16, 17});
    QCOMPARE(found.usableMajors(), (QList<PgVersion>{PgVersion(16), PgVersion(15)}));
}

void TestPairFindings::problems_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("expected"); // empty: no problem
    QTest::addRow("ready") << 0 << QString();
    QTest::addRow("no PostgreSQL on the standby") << 1 << QStringLiteral("No PostgreSQL is installed on the standby");
    QTest::addRow("no major in common") << 2 << QStringLiteral("no PostgreSQL major in common");
    QTest::addRow("no root on the primary") << 3 << QStringLiteral("The login user on the primary cannot become root");
    QTest::addRow("little disk on the standby") << 4 << QStringLiteral("less than 1 GB free");
    QTest::addRow("clocks 3.5 s apart") << 5 << QStringLiteral("differ by 3.5 s");
    QTest::addRow("port blocked") << 6 << QStringLiteral("a firewall drops it");
    QTest::addRow("nothing listens yet is no problem") << 7 << QString();
    QTest::addRow("what discovery could not find") << 8 << QStringLiteral("On the standby: df failed");
}

void TestPairFindings::problems()
{
    QFETCH(int, change);
    QFETCH(QString, expected);
    PairFindings found = readyPair();
    switch (change) {
    case 1:
        found.standby.installations.clear();
        break;
    case 2:
        found.standby = readyHost({16});
        break;
    case 3:
        found.primary.canBecomeRoot = false;
        break;
    case 4:
        found.standby.freeBytes = qint64(200) << 20;
        break;
    case 5:
        found.primary.clockOffsetMs = 1500;
        found.standby.clockOffsetMs = -2000;
        break;
    case 6:
        found.reach = PairFindings::Reach::Blocked;
        found.reachability = QStringLiteral("The standby cannot reach the primary: a firewall drops it.");
        break;
    case 7:
        found.reach = PairFindings::Reach::NotListeningYet;
        found.reachability = QStringLiteral("nothing listens there yet");
        break;
    case 8:
        found.standby.problems << QStringLiteral("df failed");
        break;
    default:
        break;
    }
    const QStringList problems = found.problems();
    if (expected.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        return;
    }
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(expected), qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestPairFindings)
#include "test_pair_findings.moc"
