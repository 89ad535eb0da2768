#include "commands.h"

#include "core/host/ssh_tunnel.h"
#include "core/i18n/translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <functional>
#include <map>

namespace {

struct Subcommand
{
    std::function<int(const QStringList &)> run;
    const char *summary;
};

const std::map<QString, Subcommand> &subcommands()
{
    static const std::map<QString, Subcommand> table{
        {QStringLiteral("conf"),
         {ReplicaCtl::conf, QT_TRANSLATE_NOOP("replicactl", "edit a postgresql.conf and show the diff")}},
        {QStringLiteral("hba"),
         {ReplicaCtl::hba, QT_TRANSLATE_NOOP("replicactl", "edit a pg_hba.conf and show the diff")}},
        {QStringLiteral("setup"),
         {ReplicaCtl::setup, QT_TRANSLATE_NOOP("replicactl", "set up a primary and a standby over SSH")}},
        {QStringLiteral("apply"), {ReplicaCtl::apply, QT_TRANSLATE_NOOP("replicactl", "apply a saved plan")}},
        {QStringLiteral("status"),
         {ReplicaCtl::status, QT_TRANSLATE_NOOP("replicactl", "show the replication state of a pair")}},
        {QStringLiteral("watch"),
         {ReplicaCtl::watch, QT_TRANSLATE_NOOP("replicactl", "watch the replication state every interval")}},
        {QStringLiteral("sandbox"),
         {ReplicaCtl::sandbox, QT_TRANSLATE_NOOP("replicactl", "run a local primary and standby for the demo")}},
    };
    return table;
}

void usage(QTextStream &out)
{
    out << QCoreApplication::translate("replicactl", "Usage: replicactl COMMAND [OPTIONS]\n\nCommands:\n");
    for (const auto &[name, command] : subcommands())
        out << QStringLiteral("  %1  %2\n")
                   .arg(name, -8)
                   .arg(QCoreApplication::translate("replicactl", command.summary));
    out << QCoreApplication::translate("replicactl",
                                       "\nRun 'replicactl COMMAND --help' for the options of one command.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("replicactl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Replica Studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    Translations::install();

    QStringList arguments = app.arguments().mid(1);
    QTextStream err(stderr);
    // Help asked for is an answer (stdout, 0); no command at all is not.
    if (arguments.isEmpty()) {
        usage(err);
        return ReplicaCtl::BadInput;
    }
    if (arguments.first() == QLatin1String("--help") || arguments.first() == QLatin1String("-h") ||
        arguments.first() == QLatin1String("help")) {
        QTextStream out(stdout);
        usage(out);
        return ReplicaCtl::Done;
    }
    if (arguments.first() == QLatin1String("--version")) {
        QTextStream(stdout) << "replicactl " << QCoreApplication::applicationVersion() << '\n';
        return ReplicaCtl::Done;
    }
    const QString command = arguments.takeFirst();
    const auto found = subcommands().find(command);
    if (found == subcommands().end()) {
        err << QCoreApplication::translate("replicactl", "replicactl: unknown command '%1'.").arg(command) << "\n\n";
        usage(err);
        return ReplicaCtl::BadInput;
    }
    const int exitCode = found->second.run(arguments);
    SshTunnel::waitForWorkers(3000); // watch's tunnels close their sessions before the process ends
    return exitCode;
}
