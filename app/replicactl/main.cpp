#include "commands.h"
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
        {QStringLiteral("conf"), {ReplicaCtl::conf, QT_TRANSLATE_NOOP("replicactl", "edit a postgresql.conf and show the diff")}},
        {QStringLiteral("hba"), {ReplicaCtl::hba, QT_TRANSLATE_NOOP("replicactl", "edit a pg_hba.conf and show the diff")}},
        {QStringLiteral("setup"), {ReplicaCtl::setup, QT_TRANSLATE_NOOP("replicactl", "set up a primary and a standby over SSH")}},
        {QStringLiteral("apply"), {ReplicaCtl::apply, QT_TRANSLATE_NOOP("replicactl", "apply a saved plan")}},
        {QStringLiteral("status"), {ReplicaCtl::status, QT_TRANSLATE_NOOP("replicactl", "show the replication state of a pair")}},
        {QStringLiteral("sandbox"), {ReplicaCtl::sandbox, QT_TRANSLATE_NOOP("replicactl", "run a local primary and standby for the demo")}},
    };
    return table;
}

int usage(QTextStream &out)
{
    out << QCoreApplication::translate("replicactl", "Usage: replicactl COMMAND [OPTIONS]\n\nCommands:\n");
    for (const auto &[name, command] : subcommands())
        out << QStringLiteral("  %1  %2\n").arg(name, -8).arg(QCoreApplication::translate("replicactl", command.summary));
    out << QCoreApplication::translate("replicactl", "\nRun 'replicactl COMMAND --help' for the options of one command.\n");
    return ReplicaCtl::BadInput;
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
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") || arguments.first() == QLatin1String("-h"))
        return usage(err);
    if (arguments.first() == QLatin1String("--version")) {
        QTextStream(stdout) << "replicactl " << QCoreApplication::applicationVersion() << '\n';
        return ReplicaCtl::Done;
    }
    const auto found = subcommands().find(arguments.takeFirst());
    if (found == subcommands().end())
        return usage(err);
    return found->second.run(arguments);
}
