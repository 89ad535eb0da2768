// The service unit a plan offers for a cluster of the major's own initdb and
// pg_ctl, judged by systemd itself (systemd-analyze verify, run here on the
// unit as the plan renders it and as a user might edit it): the plan's unit
// passes, and each fault a user could type is caught by ServiceUnitStep's
// reading of the verdict, which the step uses before it enables a unit.
#include "core/host/local_host.h"
#include "core/plan/cluster_layout.h"
#include "core/plan/steps/service_unit_step.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QTest>

class TestServiceUnitJudge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verdict_data();
    void verdict();

private:
    static QByteArray planned();
};

void TestServiceUnitJudge::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty())
        QFAIL("systemd-analyze is missing: ./run installs the systemd package for it.");
}

QByteArray TestServiceUnitJudge::planned()
{
    // Debian's 15 stands in for a source build: the unit names programs that exist here.
    HostFacts facts;
    facts.family = HostFacts::OsFamily::Other;
    facts.systemd = true;
    facts.postgresHome = QStringLiteral("/var/lib/postgresql");
    facts.installations.append(
        {PgVersion(15), QStringLiteral("/usr/lib/postgresql/15/bin"), true, PgInstallation::Origin::Local});
    const ClusterLayout layout(facts, PgVersion(15), QStringLiteral("main"), 5432, {});
    return layout.serviceUnit();
}

void TestServiceUnitJudge::verdict_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<bool>("fault");
    QTest::newRow("as planned") << QByteArray() << QByteArray() << false;
    QTest::newRow("a longer timeout") << QByteArray("TimeoutSec=300") << QByteArray("TimeoutSec=900") << false;
    QTest::newRow("a misspelt type") << QByteArray("Type=forking") << QByteArray("Type=forkin") << true;
    QTest::newRow("a program that is not there") << QByteArray("/usr/lib/postgresql/15/bin/pg_ctl start")
                                                 << QByteArray("/usr/lib/postgresql/15/bin/pg_ctll start") << true;
    QTest::newRow("an unknown kill mode") << QByteArray("KillMode=mixed") << QByteArray("KillMode=mixd") << true;
}

void TestServiceUnitJudge::verdict()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(bool, fault);
    QByteArray unit = planned();
    QVERIFY(unit.contains("ExecStart=/usr/lib/postgresql/15/bin/pg_ctl start -D /var/lib/postgresql/15/main"));
    if (!from.isEmpty()) {
        QVERIFY(unit.contains(from));
        unit.replace(from, to);
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("postgresql-15-main.service"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(unit);
    file.close();
    LocalHost local;
    auto verdict = local.run(ServiceUnitStep::verify(path));
    QVERIFY2(verdict, verdict ? "" : qPrintable(verdict.error().fullText()));
    const QString faults = ServiceUnitStep::faultsIn(*verdict, path);
    QVERIFY2(faults.isEmpty() != fault, qPrintable(faults.isEmpty() ? QString::fromUtf8(unit) : faults));
}

QTEST_GUILESS_MAIN(TestServiceUnitJudge)
#include "test_service_unit_judge.moc"
