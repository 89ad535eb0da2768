// The setup plan's data model: host targets, choices, the passfile, the
// password verifiers (checked against an independent implementation: Python's
// hashlib), JSON round trips with user edits, refusal of invalid saved plans
// before anything changes, and the shell-script export (checked by sh -n).
#include "core/host/local_host.h"
#include "core/plan/passfile.h"
#include "core/plan/password_verifier.h"
#include "core/plan/server_control.h"
#include "core/plan/setup_plan.h"
#include "core/plan/steps/primary_conf_step.h"
#include "core/plan/steps/primary_hba_step.h"
#include "core/plan/steps/primary_restart_step.h"
#include "core/plan/steps/standby_recovery_step.h"
#include "core/plan/steps/sync_step.h"
#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QTest>

namespace {

HostFacts debianFacts(const PgVersion &version, const QString &address, bool withCluster)
{
    HostFacts facts;
    facts.osId = QStringLiteral("debian");
    facts.family = HostFacts::OsFamily::Debian;
    facts.packageManager = QStringLiteral("apt");
    facts.installations.append(
        {version, QStringLiteral("/usr/lib/postgresql/%1/bin").arg(version.majorString()), true});
    facts.canBecomeRoot = facts.canBecomePostgres = true;
    facts.postgresHome = QStringLiteral("/var/lib/postgresql");
    facts.addresses = {address};
    if (withCluster) {
        facts.clusters.append({version, QStringLiteral("main"), 5432, QStringLiteral("/var/lib/postgresql/15/main"),
                               QStringLiteral("/etc/postgresql/15/main"), QStringLiteral("/var/run/postgresql"),
                               QString(), true});
    }
    return facts;
}

// A primary with Debian's files for PostgreSQL 15, and a fresh standby; `files` may add to them.
Result<SetupPlan> planWithFiles(PlanFiles files, bool synchronous = false)
{
    PlanChoices choices;
    choices.synchronous = synchronous;
    choices.primary = *HostTarget::parse(QStringLiteral("root@198.18.0.2"));
    choices.standby = *HostTarget::parse(QStringLiteral("admin@198.18.0.3"));
    choices.version = PgVersion(15);
    files.primaryConf = Fixtures::read(QStringLiteral("plan/debian-15-postgresql.conf")) + files.primaryConf;
    files.primaryHba = Fixtures::read(QStringLiteral("plan/debian-15-pg_hba.conf"));
    files.primaryConfKnown = files.primaryHbaKnown = true;
    return SetupPlan::build(choices, debianFacts(PgVersion(15), QStringLiteral("198.18.0.2"), true),
                            debianFacts(PgVersion(15), QStringLiteral("198.18.0.3"), false), files);
}

SetupPlan existingPlan(PlanChoices choices = {}, const QByteArray &extraHba = {})
{
    if (choices.primary.isEmpty()) {
        choices.primary = *HostTarget::parse(QStringLiteral("root@198.18.0.2"));
        choices.standby = *HostTarget::parse(QStringLiteral("admin@198.18.0.3:2222"));
        choices.version = PgVersion(15);
    }
    PlanFiles files;
    files.primaryConf = Fixtures::read(QStringLiteral("plan/debian-15-postgresql.conf"));
    files.primaryHba = Fixtures::read(QStringLiteral("plan/debian-15-pg_hba.conf")) + extraHba;
    files.primaryConfKnown = files.primaryHbaKnown = true;
    auto plan = SetupPlan::build(choices, debianFacts(PgVersion(15), QStringLiteral("198.18.0.2"), true),
                                 debianFacts(PgVersion(15), QStringLiteral("198.18.0.3"), false), files);
    if (!plan)
        qFatal("%s", qPrintable(plan.error().fullText()));
    return std::move(plan).value();
}

} // namespace

class TestPlanModel : public QObject
{
    Q_OBJECT

private slots:
    void hostTarget_data();
    void hostTarget();
    void passfile();
    void verifiers();
    void choicesRefused_data();
    void choicesRefused();
    void jsonRoundTripKeepsEdits();
    void editsOfOneFileChain();
    void recoverySettingsAreEditable();
    void standbyCapacityIsInTheDiff();
    void savedPlanHoldsEveryFileEdit();
    void restartExpectsTheEditedValues();
    void cancelForgetsTheLastOutput();
    void aWaitLogsItsCommandsOnce();
    void synchronousStates_data();
    void synchronousStates();
    void standbyGetsThePrimarysCapacity();
    void hbaWarningsAreToldFromLoadErrors();
    void hbaShadowingLineIsShown();
    void primaryKeepsHigherValues();
    void autoConfOverrideRefusesOrIsNamed();
    void invalidEditRefused_data();
    void invalidEditRefused();
    void savedPlanWithInvalidSettingRefused();
    void shellExport();
    void walkthroughModeIsLabelled();
    void hbaStepKeepsItsPlanningError();
};

void TestPlanModel::hostTarget_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("user host") << "postgres@db1" << true << "postgres"
                               << "db1" << 22;
    QTest::newRow("port") << "admin@10.0.0.2:2222" << true << "admin"
                          << "10.0.0.2" << 2222;
    QTest::newRow("ipv6") << "root@[fd00::2]:22" << true << "root"
                          << "fd00::2" << 22;
    QTest::newRow("no user") << "db2" << true << "root"
                             << "db2" << 22;
    QTest::newRow("shell text") << "root@db1;rm -rf /" << false << ""
                                << "" << 0;
    QTest::newRow("bad port") << "root@db1:99999" << false << ""
                              << "" << 0;
    QTest::newRow("empty") << "" << false << ""
                           << "" << 0;
}

void TestPlanModel::hostTarget()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    auto target = HostTarget::parse(text);
    QCOMPARE(target.ok(), valid);
    if (!valid) {
        QVERIFY(!target.error().message.isEmpty());
        return;
    }
    QTEST(target->user, "user");
    QTEST(target->host, "host");
    QTEST(target->port, "port");
    QCOMPARE(HostTarget::parse(target->toString())->toString(), target->toString());
    // As a saved cluster keeps it, and back: what was not written stays unwritten.
    const HostTarget kept = HostTarget::fromGiven(target->givenUser(), target->host, target->givenPort());
    QCOMPARE(kept, *target);
}

void TestPlanModel::passfile()
{
    const QString hostile = QStringLiteral("pa ss'wo\"rd$HOME\\n:x");
    const QByteArray before = "# kept\nother:5432:*:bob:secret\n198.18.0.2:5432:replication:replicator:old\n";
    const QByteArray after = Passfile::withEntry(before, QStringLiteral("198.18.0.2"), 5432,
                                                 QStringLiteral("replication"), QStringLiteral("replicator"), hostile);
    QVERIFY(after.startsWith("# kept\nother:5432:*:bob:secret\n"));
    QCOMPARE(after.count('\n'), 3);
    QVERIFY(after.contains("pa ss'wo\"rd$HOME\\\\n\\:x"));
    QCOMPARE(Passfile::password(after, QStringLiteral("198.18.0.2"), 5432, QStringLiteral("replication"),
                                QStringLiteral("replicator")),
             hostile);
    QCOMPARE(Passfile::passwordForUser(after, QStringLiteral("replication"), QStringLiteral("replicator")), hostile);
    QCOMPARE(Passfile::password(after, QStringLiteral("other"), 5432, QStringLiteral("mydb"), QStringLiteral("bob")),
             QStringLiteral("secret"));
    // Adding the same entry again changes nothing.
    QCOMPARE(Passfile::withEntry(after, QStringLiteral("198.18.0.2"), 5432, QStringLiteral("replication"),
                                 QStringLiteral("replicator"), hostile),
             after);
}

void TestPlanModel::verifiers()
{
    // Expected values computed with Python's hashlib (pbkdf2_hmac, hmac, md5).
    QCOMPARE(PasswordVerifier::scramSha256(QStringLiteral("pencil"), "0123456789abcdef", 4096),
             QStringLiteral("SCRAM-SHA-256$4096:MDEyMzQ1Njc4OWFiY2RlZg==$nQpbZ77WudtqufPwikHXGRt6g2QJ4zns8bZLw273DRM=:"
                            "jn2amWP1q1h+jgjy0YTO14S6/F02SV7taipOeB7ef20="));
    QCOMPARE(PasswordVerifier::md5(QStringLiteral("password"), QStringLiteral("postgres")),
             QStringLiteral("md532e12f215ba27cb750c9e093ce4b5127"));
    const QString a = PasswordVerifier::scramSha256(QStringLiteral("pencil"));
    const QString b = PasswordVerifier::scramSha256(QStringLiteral("pencil"));
    QVERIFY(a != b); // a fresh salt each time
    const QString password = PasswordVerifier::generatePassword();
    QCOMPARE(password.size(), 24);
    QVERIFY(password != PasswordVerifier::generatePassword());
}

void TestPlanModel::choicesRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("named");
    QTest::newRow("slot with capitals") << "slotName"
                                        << "Standby1"
                                        << "slot name";
    QTest::newRow("slot with quote") << "slotName"
                                     << "a'b"
                                     << "slot name";
    QTest::newRow("application_name with space") << "applicationName"
                                                 << "my standby"
                                                 << "application_name";
    QTest::newRow("role with semicolon") << "replicationUser"
                                         << "x;drop"
                                         << "replication role";
    QTest::newRow("relative data dir") << "standbyDataDir"
                                       << "data"
                                       << "data directory";
    QTest::newRow("data dir with quote") << "standbyDataDir"
                                         << "/srv/it's"
                                         << "data directory";
    QTest::newRow("version 8.4") << "version"
                                 << "8.4"
                                 << "9.3 to 18";
    QTest::newRow("unknown method") << "authMethod"
                                    << "trust"
                                    << "scram-sha-256 or md5";
    QTest::newRow("standby address a host name") << "standbyAddress"
                                                 << "db2.example"
                                                 << "must be an IP address";
}

void TestPlanModel::choicesRefused()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, named);
    QJsonObject json = existingPlan().toJson();
    QJsonObject choices = json.value(QStringLiteral("choices")).toObject();
    choices.insert(field, value);
    json.insert(QStringLiteral("choices"), choices);
    auto loaded = SetupPlan::fromJson(json);
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().message.contains(named), qPrintable(loaded.error().message));
}

void TestPlanModel::jsonRoundTripKeepsEdits()
{
    SetupPlan plan = existingPlan();
    SetupStep *conf = plan.step(QStringLiteral("primary-conf"));
    QVERIFY(conf);
    QByteArray edited = conf->edits().first().after;
    edited.replace("max_wal_senders = 10", "max_wal_senders = 12\t# more for a second standby");
    QVERIFY(edited != conf->edits().first().after);
    auto accepted = plan.editFile(QStringLiteral("primary-conf"), 0, edited);
    QVERIFY2(accepted.ok(), accepted.ok() ? "" : qPrintable(accepted.error().fullText()));

    const QByteArray saved = QJsonDocument(plan.toJson()).toJson();
    QVERIFY(!saved.contains("password\":")); // no secret in the plan
    auto loaded = SetupPlan::fromJson(QJsonDocument::fromJson(saved).object());
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().fullText()));
    QCOMPARE(loaded->step(QStringLiteral("primary-conf"))->edits().first().after, edited);
    QVERIFY(loaded->step(QStringLiteral("primary-conf"))->edits().first().userEdited);
    QCOMPARE(loaded->toText(), plan.toText());
    QCOMPARE(QJsonDocument(loaded->toJson()).toJson(), saved);
    QVERIFY(loaded->toText().contains(QStringLiteral("(edited by you)")));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.json"));
    QVERIFY(plan.save(path).ok());
    QCOMPARE(QFile(path).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    auto fromFile = SetupPlan::load(path);
    QVERIFY(fromFile.ok());
    QCOMPARE(fromFile->toText(), plan.toText());
}

void TestPlanModel::editsOfOneFileChain()
{
    SetupPlan plan = existingPlan();
    const FileEdit conf = plan.step(QStringLiteral("primary-conf"))->edits().first();
    const FileEdit sync = plan.step(QStringLiteral("sync"))->edits().first();
    QCOMPARE(sync.previousStep, QStringLiteral("primary-conf"));
    QCOMPARE(sync.before, conf.after);

    // The user's edit of the earlier step is the later step's before; the later after follows.
    QByteArray edited = conf.after;
    edited.replace("max_wal_senders = 10", "max_wal_senders = 12");
    edited += "# tuned by the DBA\n";
    QVERIFY(plan.editFile(QStringLiteral("primary-conf"), 0, edited).ok());
    const FileEdit followed = plan.step(QStringLiteral("sync"))->edits().first();
    QCOMPARE(followed.before, edited);
    QVERIFY(followed.after.contains("max_wal_senders = 12"));
    QVERIFY(followed.after.contains("# tuned by the DBA\n"));
    QVERIFY(followed.after.contains("synchronous_standby_names = 'standby_198_18_0_3'"));
    QVERIFY(!followed.userEdited);

    // Both edited: the later one is kept, and a new edit of the earlier one is refused, saying why.
    QByteArray syncEdited = followed.after + "# named by hand\n";
    QVERIFY(plan.editFile(QStringLiteral("sync"), 0, syncEdited).ok());
    QByteArray again = edited;
    again.replace("max_wal_senders = 12", "max_wal_senders = 14");
    auto refused = plan.editFile(QStringLiteral("primary-conf"), 0, again);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("Reset your edit")), qPrintable(refused.error().message));
    QCOMPARE(plan.step(QStringLiteral("primary-conf"))->edits().first().after, edited); // nothing changed
    QCOMPARE(plan.step(QStringLiteral("sync"))->edits().first().after, syncEdited);

    // Reset the later one to the proposal: the earlier edit goes through and the later one follows.
    QVERIFY(plan.resetFile(QStringLiteral("sync"), 0).ok());
    QCOMPARE(plan.step(QStringLiteral("sync"))->edits().first().after, followed.after);
    QVERIFY(plan.editFile(QStringLiteral("primary-conf"), 0, again).ok());
    QVERIFY(plan.step(QStringLiteral("sync"))->edits().first().after.contains("max_wal_senders = 14"));
    // Reset the earlier one: the later one is the plain proposal again.
    QVERIFY(plan.resetFile(QStringLiteral("primary-conf"), 0).ok());
    QCOMPARE(plan.step(QStringLiteral("sync"))->edits().first().before, conf.after);
    QCOMPARE(plan.step(QStringLiteral("sync"))->edits().first().after, sync.after);
}

void TestPlanModel::recoverySettingsAreEditable()
{
    PlanFiles files;
    files.primaryAutoConf =
        "# Do not edit this file manually!\n# It will be overwritten by the ALTER SYSTEM command.\nwork_mem = '8MB'\n";
    auto plan = planWithFiles(files);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().fullText()));
    // The copy brings the primary's postgresql.auto.conf: that is the before, and the diff adds to it.
    const FileEdit autoConf = plan->step(QStringLiteral("standby-recovery"))->edits().at(0);
    QCOMPARE(autoConf.path, QStringLiteral("/var/lib/postgresql/15/main/postgresql.auto.conf"));
    QVERIFY(autoConf.beforeKnown);
    QCOMPARE(autoConf.before, files.primaryAutoConf);
    QVERIFY(autoConf.after.startsWith(files.primaryAutoConf));
    QVERIFY(autoConf.after.contains("primary_slot_name = 'standby_198_18_0_3'"));

    QByteArray edited = autoConf.after;
    edited.replace("application_name=standby_198_18_0_3", "application_name=standby_198_18_0_3 connect_timeout=10");
    edited += "# the standby's own settings, reviewed\n";
    auto accepted = plan->editFile(QStringLiteral("standby-recovery"), 0, edited);
    QVERIFY2(accepted, qPrintable(accepted ? QString() : accepted.error().fullText()));
    QCOMPARE(plan->step(QStringLiteral("standby-recovery"))->edits().at(0).after, edited);

    // Validated as the standby reads it: a slot name PostgreSQL refuses, a setting of another major.
    QByteArray badSlot = edited;
    badSlot.replace("primary_slot_name = 'standby_198_18_0_3'", "primary_slot_name = 'Standby One'");
    auto refused = plan->editFile(QStringLiteral("standby-recovery"), 0, badSlot);
    QVERIFY(!refused);
    QVERIFY2(refused.error().fullText().contains(QStringLiteral("Standby One")),
             qPrintable(refused.error().fullText()));
    QVERIFY(!plan->editFile(QStringLiteral("standby-recovery"), 0, edited + "standby_mode = on\n"));
    // standby.signal has nothing to edit.
    QVERIFY(!plan->editFile(QStringLiteral("standby-recovery"), 1, "x\n"));
    QCOMPARE(plan->step(QStringLiteral("standby-recovery"))->edits().at(0).after, edited);
}

void TestPlanModel::standbyCapacityIsInTheDiff()
{
    PlanFiles files;
    files.primaryConf = "max_connections = 200\n";
    auto plan = planWithFiles(files);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().fullText()));
    auto standbyConf = [&plan] { return plan->step(QStringLiteral("standby-recovery"))->edits().last(); };
    QVERIFY2(standbyConf().after.contains("max_connections = 200"), standbyConf().after.constData());
    QVERIFY(plan->toText().contains(QStringLiteral("+max_connections = 200")));
    // The user's edit of the primary's file is what the standby must match.
    QByteArray edited = plan->step(QStringLiteral("primary-conf"))->edits().first().after;
    edited.replace("max_connections = 200", "max_connections = 300");
    QVERIFY(plan->editFile(QStringLiteral("primary-conf"), 0, edited).ok());
    QVERIFY2(standbyConf().after.contains("max_connections = 300"), standbyConf().after.constData());
    QVERIFY(!standbyConf().after.contains("max_connections = 200"));
}

void TestPlanModel::savedPlanHoldsEveryFileEdit()
{
    SetupPlan plan = existingPlan();
    const QJsonObject json = plan.toJson();
    QCOMPARE(json.value(QStringLiteral("formatVersion")).toInt(), 2);
    QStringList files;
    for (const QJsonValue &item : json.value(QStringLiteral("edits")).toArray()) {
        const QJsonObject edit = item.toObject();
        files.append(edit.value(QStringLiteral("step")).toString() + QLatin1Char(' ') +
                     edit.value(QStringLiteral("path")).toString());
        QVERIFY(edit.contains(QStringLiteral("host")) && edit.contains(QStringLiteral("before")) &&
                edit.contains(QStringLiteral("after")));
        QVERIFY(edit.value(QStringLiteral("kind")).toString() != QLatin1String("passfile")); // no secret
    }
    QVERIFY2(files.contains(QStringLiteral("primary-conf /etc/postgresql/15/main/postgresql.conf")) &&
                 files.contains(QStringLiteral("primary-hba /etc/postgresql/15/main/pg_hba.conf")) &&
                 files.contains(QStringLiteral("standby-recovery /var/lib/postgresql/15/main/postgresql.auto.conf")) &&
                 files.contains(QStringLiteral("sync /etc/postgresql/15/main/postgresql.conf")),
             qPrintable(files.join(QLatin1Char('\n'))));

    // An edit made in the JSON (the earlier step only): the user's edit, and the later step follows it.
    QJsonObject edited = json;
    QJsonArray edits = edited.value(QStringLiteral("edits")).toArray();
    QByteArray confAfter;
    for (int i = 0; i < edits.size(); ++i) {
        QJsonObject edit = edits.at(i).toObject();
        if (edit.value(QStringLiteral("step")).toString() != QLatin1String("primary-conf"))
            continue;
        confAfter = edit.value(QStringLiteral("after"))
                        .toString()
                        .toUtf8()
                        .replace("max_wal_senders = 10", "max_wal_senders = 12") +
                    "# from the JSON\n";
        edit.insert(QStringLiteral("after"), QString::fromUtf8(confAfter));
        edits.replace(i, edit);
    }
    edited.insert(QStringLiteral("edits"), edits);
    auto loaded = SetupPlan::fromJson(edited);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().fullText()));
    QVERIFY(loaded->step(QStringLiteral("primary-conf"))->edits().first().userEdited);
    QCOMPARE(loaded->step(QStringLiteral("primary-conf"))->edits().first().after, confAfter);
    const FileEdit sync = loaded->step(QStringLiteral("sync"))->edits().first();
    QVERIFY(!sync.userEdited);
    QCOMPARE(sync.before, confAfter);
    QVERIFY(sync.after.contains("# from the JSON\n"));
    // Saved again, it loads the same.
    auto again = SetupPlan::fromJson(loaded->toJson());
    QVERIFY(again);
    QCOMPARE(again->toText(), loaded->toText());

    // A before changed by hand (it no longer is what the plan starts from) with an edited after: refused.
    for (int i = 0; i < edits.size(); ++i) {
        QJsonObject edit = edits.at(i).toObject();
        if (edit.value(QStringLiteral("step")).toString() == QLatin1String("primary-hba")) {
            edit.insert(QStringLiteral("before"),
                        edit.value(QStringLiteral("before")).toString() + QStringLiteral("# not there\n"));
            edit.insert(QStringLiteral("after"),
                        edit.value(QStringLiteral("after")).toString() + QStringLiteral("# mine\n"));
            edits.replace(i, edit);
        }
    }
    edited.insert(QStringLiteral("edits"), edits);
    auto refused = SetupPlan::fromJson(edited);
    QVERIFY(!refused);
    QVERIFY(refused.error().refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("pg_hba.conf on the primary")),
             qPrintable(refused.error().message));
}

void TestPlanModel::restartExpectsTheEditedValues()
{
    SetupPlan plan = existingPlan();
    QByteArray edited = plan.step(QStringLiteral("primary-conf"))->edits().first().after;
    edited.replace("max_wal_senders = 10", "max_wal_senders = 12");
    QVERIFY(plan.editFile(QStringLiteral("primary-conf"), 0, edited).ok());
    auto loaded = SetupPlan::fromJson(plan.toJson());
    QVERIFY(loaded.ok());
    const auto *restart = dynamic_cast<const PrimaryRestartStep *>(loaded->step(QStringLiteral("primary-restart")));
    QVERIFY(restart);
    const auto wanted = restart->wantedSettings(*loaded);
    // The server runs with the user's 12 after primary-conf; expecting the planned 10 would restart it on every run.
    QVERIFY(wanted.contains(qMakePair(QStringLiteral("max_wal_senders"), QStringLiteral("12"))));
    QVERIFY(wanted.contains(qMakePair(QStringLiteral("wal_level"), QStringLiteral("replica"))));
}

void TestPlanModel::cancelForgetsTheLastOutput()
{
    const SetupPlan plan = existingPlan();
    LocalHost host;
    std::atomic_bool cancel = false;
    StepContext context(plan, &host, &host, &cancel);
    auto shown =
        context.run(HostRole::Primary, CommandLine(QStringLiteral("echo"), {QStringLiteral("secret-from-a-file")}),
                    RunAs::LoginUser);
    QVERIFY(shown && shown->succeeded());
    QCOMPARE(context.lastOutput(), QStringLiteral("secret-from-a-file"));
    cancel = true;
    QVERIFY(!context.run(HostRole::Primary, CommandLine(QStringLiteral("true")), RunAs::LoginUser));
    // A failure report names the last command and its output: not the one before the cancel.
    QVERIFY(context.lastCommand().isEmpty());
    QVERIFY(context.lastOutput().isEmpty());
}

void TestPlanModel::aWaitLogsItsCommandsOnce()
{
    // A slot still in use was waited for with ~110 identical psql lines in the log.
    const SetupPlan plan = existingPlan();
    LocalHost host;
    StepContext context(plan, &host, &host);
    QStringList log;
    context.logSink = [&log](const QString &line) { log.append(line); };
    int probes = 0;
    auto waited = context.waitUntil(
        [&]() -> Result<bool> {
            auto ran =
                context.run(HostRole::Primary,
                            CommandLine(QStringLiteral("test"), {QStringLiteral("-e"), QStringLiteral("/nonexistent")}),
                            RunAs::LoginUser);
            return ran && ++probes == 5;
        },
        10000, QStringLiteral("the probe never succeeds"), 10);
    QVERIFY(waited.ok());
    QCOMPARE(probes, 5);
    QCOMPARE(log.filter(QStringLiteral("test -e /nonexistent")).size(), 1);
    QCOMPARE(log.filter(QStringLiteral("Not yet")).size(), 1);
    // After the wait, commands are logged again.
    QVERIFY(context.run(HostRole::Primary, CommandLine(QStringLiteral("true")), RunAs::LoginUser));
    QVERIFY(log.last().endsWith(QStringLiteral("$ true")));
}

void TestPlanModel::synchronousStates_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("names");
    QTest::addColumn<bool>("synchronous");
    QTest::newRow("sync") << "sync"
                          << "FIRST 1 (a)" << true;
    QTest::newRow("9.5 list") << "sync"
                              << "a, b" << true;
    QTest::newRow("second in FIRST: potential") << "potential"
                                                << "FIRST 1 (a, b)" << false;
    QTest::newRow("second in a 9.5 list") << "potential"
                                          << "a, b" << false;
    QTest::newRow("quorum under ANY") << "quorum"
                                      << "ANY 1 (a, b)" << true;
    QTest::newRow("quorum under any, lower case") << "quorum"
                                                  << " any 2 (a, b, c)" << true;
    QTest::newRow("async") << "async"
                           << "FIRST 1 (a)" << false;
    QTest::newRow("not listed") << ""
                                << "" << false;
}

void TestPlanModel::synchronousStates()
{
    QFETCH(QString, state);
    QFETCH(QString, names);
    QFETCH(bool, synchronous);
    QCOMPARE(SyncStep::isSynchronous(state, names), synchronous);
}

void TestPlanModel::standbyGetsThePrimarysCapacity()
{
    QHash<QString, QString> primary{{QStringLiteral("max_connections"), QStringLiteral("150")},
                                    {QStringLiteral("max_prepared_transactions"), QStringLiteral("0")},
                                    {QStringLiteral("max_locks_per_transaction"), QStringLiteral("128")},
                                    {QStringLiteral("max_worker_processes"), QStringLiteral("8")},
                                    {QStringLiteral("max_wal_senders"), QStringLiteral("20")}};
    const VersionRules v15{PgVersion(15)};
    // Debian's fresh file sets max_connections = 100; the rest are PostgreSQL's defaults.
    using Settings = QList<QPair<QString, QString>>;
    QCOMPARE(StandbyRecoveryStep::raisedToPrimary(v15, "max_connections = 100\n", primary),
             (Settings{{QStringLiteral("max_connections"), QStringLiteral("150")},
                       {QStringLiteral("max_locks_per_transaction"), QStringLiteral("128")},
                       {QStringLiteral("max_wal_senders"), QStringLiteral("20")}}));
    // Higher on the standby already: left alone.
    QCOMPARE(StandbyRecoveryStep::raisedToPrimary(
                 v15, "max_connections = 300\nmax_locks_per_transaction = 256\nmax_wal_senders = 20\n", primary),
             Settings{});
    // max_wal_senders counts only from 12.
    QCOMPARE(StandbyRecoveryStep::raisedToPrimary(VersionRules{PgVersion(11)},
                                                  "max_connections = 150\nmax_locks_per_transaction = 128\n", primary),
             Settings{});
}

void TestPlanModel::hbaWarningsAreToldFromLoadErrors()
{
    // PostgreSQL loads a file with these lines (they never match); it refuses one with the others.
    QVERIFY(ServerControl::isHbaWarning(QStringLiteral("hostssl record cannot match because SSL is disabled")));
    QVERIFY(ServerControl::isHbaWarning(
        QStringLiteral("hostgssenc record cannot match because GSSAPI is not supported by this build")));
    QVERIFY(!ServerControl::isHbaWarning(QStringLiteral("invalid CIDR mask in address \"10.0.0.5/33\"")));
    QVERIFY(!ServerControl::isHbaWarning(QStringLiteral("invalid authentication method \"scram\"")));
}

void TestPlanModel::primaryKeepsHigherValues()
{
    PlanFiles files;
    files.primaryConf =
        "wal_level = logical\nmax_wal_senders = 20\nmax_slot_wal_keep_size = -1\nmax_replication_slots = 4\n";
    auto plan = planWithFiles(files);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().fullText()));
    const auto *conf = dynamic_cast<const PrimaryConfStep *>(plan->step(QStringLiteral("primary-conf")));
    QVERIFY(conf);
    QHash<QString, QString> expected;
    for (const auto &[name, value] : conf->expectedSettings())
        expected.insert(name, value);
    // More than the plan needs stays; less is raised.
    QCOMPARE(expected.value(QStringLiteral("wal_level")), QStringLiteral("logical"));
    QCOMPARE(expected.value(QStringLiteral("max_wal_senders")), QStringLiteral("20"));
    QCOMPARE(expected.value(QStringLiteral("max_slot_wal_keep_size")), QStringLiteral("-1"));
    QCOMPARE(expected.value(QStringLiteral("max_replication_slots")), QStringLiteral("10"));
}

void TestPlanModel::autoConfOverrideRefusesOrIsNamed()
{
    PlanFiles files;
    auto build = [&] { return planWithFiles(files); };
    files.primaryAutoConf = "# Do not edit this file manually!\nwal_level = 'minimal'\n";
    auto refused = build();
    QVERIFY(!refused);
    QVERIFY(refused.error().refused);
    QVERIFY2(
        refused.error().message.contains(QStringLiteral("/var/lib/postgresql/15/main/postgresql.auto.conf line 2")) &&
            refused.error().message.contains(QStringLiteral("ALTER SYSTEM RESET wal_level")),
        qPrintable(refused.error().message));
    // Included from conf.d, read when planning.
    files.primaryAutoConf.clear();
    files.primaryIncluded.insert(QStringLiteral("/etc/postgresql/15/main/conf.d/50-listen.conf"),
                                 "listen_addresses = 'localhost'\n");
    auto listen = build();
    QVERIFY(!listen);
    QVERIFY2(listen.error().message.contains(QStringLiteral("conf.d/50-listen.conf line 1")),
             qPrintable(listen.error().message));
    // A value replication works with: named in why(), and what the primary is expected to run with.
    files.primaryIncluded.clear();
    files.primaryAutoConf = "max_wal_senders = '30'\n";
    auto named = build();
    QVERIFY2(named, qPrintable(named ? QString() : named.error().fullText()));
    const SetupStep *conf = named->step(QStringLiteral("primary-conf"));
    QVERIFY2(conf->why().contains(QStringLiteral(
                 "max_wal_senders is set again in /var/lib/postgresql/15/main/postgresql.auto.conf line 1")),
             qPrintable(conf->why()));
    // Synchronous replication switched on where ALTER SYSTEM keeps another value: refused, not silently void.
    files.primaryAutoConf = "synchronous_standby_names = 'other'\n";
    auto sync = planWithFiles(files, true);
    QVERIFY(!sync);
    QVERIFY2(sync.error().message.contains(QStringLiteral("ALTER SYSTEM RESET synchronous_standby_names")),
             qPrintable(sync.error().message));
    // Asynchronous: a value that does not name this standby is not in the way.
    QVERIFY(planWithFiles(files, false));
    // The saved plan keeps the included files, so that loading it plans the same.
    files.primaryAutoConf.clear();
    files.primaryIncluded.insert(QStringLiteral("/etc/postgresql/15/main/conf.d/50-senders.conf"),
                                 "max_wal_senders = 30\n");
    auto saved = build();
    QVERIFY(saved);
    auto loaded = SetupPlan::fromJson(saved->toJson());
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().fullText()));
    QVERIFY(
        loaded->step(QStringLiteral("primary-conf"))->why().contains(QStringLiteral("conf.d/50-senders.conf line 1")));
}

void TestPlanModel::hbaShadowingLineIsShown()
{
    // An earlier line takes every replication connection from the standby's network first.
    const SetupPlan plan = existingPlan({}, "host    replication     all             198.18.0.0/24           md5\n");
    const QString why = plan.step(QStringLiteral("primary-hba"))->describe().why;
    QVERIFY2(why.contains(QStringLiteral("already matches the same connections")), qPrintable(why));
    QVERIFY(!existingPlan().step(QStringLiteral("primary-hba"))->describe().why.contains(QStringLiteral("Warning")));
}

void TestPlanModel::invalidEditRefused_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("named");
    QTest::newRow("bad enum") << "wal_level = replica"
                              << "wal_level = bogus"
                              << "wal_level";
    QTest::newRow("13+ name on 15") << "max_wal_senders = 10"
                                    << "max_wal_senders = 10\nwal_keep_segments = 64"
                                    << "wal_keep_segments";
    QTest::newRow("syntax") << "max_wal_senders = 10"
                            << "max_wal_senders = = 10"
                            << "syntax error";
    QTest::newRow("needed setting removed") << "wal_level = replica"
                                            << ""
                                            << "wal_level";
}

void TestPlanModel::invalidEditRefused()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, named);
    SetupPlan plan = existingPlan();
    const FileEdit before = plan.step(QStringLiteral("primary-conf"))->edits().first();
    QByteArray edited = before.after;
    QVERIFY2(edited.contains(from.toUtf8()), edited.constData());
    edited.replace(from.toUtf8(), to.toUtf8());
    auto refused = plan.editFile(QStringLiteral("primary-conf"), 0, edited);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().fullText().contains(named), qPrintable(refused.error().fullText()));
    QCOMPARE(plan.step(QStringLiteral("primary-conf"))->edits().first().after, before.after); // unchanged
}

void TestPlanModel::savedPlanWithInvalidSettingRefused()
{
    SetupPlan plan = existingPlan();
    QJsonObject json = plan.toJson();
    const FileEdit edit = plan.step(QStringLiteral("primary-conf"))->edits().first();
    QByteArray bad = edit.after;
    bad.replace("max_wal_senders = 10", "max_wal_senders = lots");
    json.insert(QStringLiteral("edits"),
                QJsonArray{QJsonObject{{QStringLiteral("step"), QStringLiteral("primary-conf")},
                                       {QStringLiteral("index"), 0},
                                       {QStringLiteral("after"), QString::fromUtf8(bad)}}});
    auto loaded = SetupPlan::fromJson(json);
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().message.contains(QStringLiteral("nothing was changed")),
             qPrintable(loaded.error().message));
    QVERIFY2(loaded.error().fullText().contains(QStringLiteral("max_wal_senders")),
             qPrintable(loaded.error().fullText()));
}

void TestPlanModel::shellExport()
{
    PlanChoices choices;
    choices.primary = *HostTarget::parse(QStringLiteral("root@198.18.0.2"));
    choices.standby = *HostTarget::parse(QStringLiteral("admin@198.18.0.3:2222"));
    choices.version = PgVersion(15);
    choices.standbyDataDir = QStringLiteral("/srv/pg data/main");
    choices.demoData = true;
    SetupPlan plan = existingPlan(choices);
    const QString script = plan.toShellScript();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("setup.sh"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script.toUtf8());
    file.close();
    QProcess sh;
    sh.start(QStringLiteral("sh"), {QStringLiteral("-n"), path});
    QVERIFY(sh.waitForFinished());
    QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
    QVERIFY(script.contains(QStringLiteral("on_standby() { ssh -p 2222 admin@198.18.0.3")));
    QVERIFY(script.contains(QStringLiteral("sudo -u postgres --"))); // admin on the standby is not root
    QVERIFY(script.contains(QStringLiteral("runuser -u postgres --")));
    QVERIFY(script.contains(QStringLiteral("--checkpoint=fast")));
    QVERIFY(script.contains(QStringLiteral("pg data/main")));
    QVERIFY(script.contains(QStringLiteral("\"$REPLICATION_PASSWORD\"")));
    // The password only ever comes from printf's argument: no literal after PASSWORD.
    QVERIFY(script.contains(QStringLiteral("PASSWORD '%s'")));
    QCOMPARE(script.count(QStringLiteral("PASSWORD '")), script.count(QStringLiteral("PASSWORD '%s'")));
    // The panel's role likewise, its password from $MONITORING_PASSWORD, kept in the primary's passfile.
    QVERIFY(script.contains(QStringLiteral(": \"${MONITORING_PASSWORD:?")));
    QVERIFY2(script.contains(QStringLiteral("GRANT pg_monitor TO replica_monitor;")), qPrintable(script));
    QVERIFY2(script.contains(QStringLiteral("printf 'localhost:%s:postgres:%s:%s\\n' 5432 replica_monitor "
                                            "\"$MONITORING_PASSWORD\"")),
             qPrintable(script));
    // The role: hashed with scram as its hba line says (10-13 default to md5), created only when
    // missing and then altered, so that the script can run twice under set -e.
    const qsizetype role = script.indexOf(QStringLiteral("printf \"SET password_encryption = 'scram-sha-256';\\n"));
    QVERIFY2(role > 0, qPrintable(script));
    const QString roleLine = script.mid(role, script.indexOf(QLatin1Char('\n'), role) - role);
    QVERIFY2(roleLine.contains(QStringLiteral(
                 "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''replicator'') THEN CREATE ROLE replicator;")),
             qPrintable(roleLine));
    // ...and narrowed to LOGIN REPLICATION, as the role step does, when it was there with more.
    QVERIFY2(roleLine.contains(QStringLiteral(
                 "ALTER ROLE replicator WITH LOGIN REPLICATION NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '%s';")),
             qPrintable(roleLine));
    QVERIFY(!script.contains(QStringLiteral("CREATE ROLE replicator LOGIN")));
    // Every step of the plan is in the script, in order.
    qsizetype at = 0;
    for (int i = 0; i < plan.stepCount(); ++i) {
        const qsizetype found = script.indexOf(QStringLiteral("# %1. %2").arg(i + 1).arg(plan.step(i).title()), at);
        QVERIFY2(found > at, qPrintable(plan.step(i).title()));
        at = found;
    }
}

void TestPlanModel::walkthroughModeIsLabelled()
{
    PlanChoices choices;
    choices.primary = *HostTarget::parse(QStringLiteral("root@198.18.0.2"));
    choices.standby = *HostTarget::parse(QStringLiteral("root@198.18.0.3"));
    choices.version = PgVersion(15);
    choices.asInWalkthrough = true;
    SetupPlan plan = existingPlan(choices);
    QCOMPARE(plan.choices().replicationUser, QStringLiteral("postgres"));
    QCOMPARE(plan.choices().authMethod, QStringLiteral("md5"));
    QCOMPARE(plan.choices().applicationName, QStringLiteral("slave"));
    QVERIFY(plan.warnings().join(QLatin1Char(' ')).contains(QStringLiteral("weaker")));
    QVERIFY(plan.toText().contains(QStringLiteral("weaker")));
    QVERIFY(plan.toText().contains(QStringLiteral("host    replication     postgres")) ||
            plan.toText().contains(QStringLiteral("replication postgres")));
}

void TestPlanModel::hbaStepKeepsItsPlanningError()
{
    // A rule PostgreSQL would refuse (a host name before /32) must not turn into "already as wanted, unchanged".
    const SetupPlan plan = existingPlan();
    PlanBasis basis = plan.basis();
    basis.choices.standbyAddress = QStringLiteral("db2.example");
    const PrimaryHbaStep step(basis, plan.files().primaryHba, true);
    QVERIFY(step.planningError().has_value());
    QVERIFY2(step.planningError()->fullText().contains(QStringLiteral("db2.example")),
             qPrintable(step.planningError()->fullText()));
    QVERIFY(!plan.step(QStringLiteral("primary-hba"))->planningError());
}

QTEST_GUILESS_MAIN(TestPlanModel)
#include "test_plan_model.moc"
