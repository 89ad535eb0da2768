#include "core/host/ssh_tunnel.h"
#include "core/i18n/translations.h"
#include "ui/main/main_window.h"
#include "ui/main/settings_dialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Replica Studio"));
    QApplication::setOrganizationName(QStringLiteral("Replica Studio"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("replica-studio"));
    QIcon icon;
    for (const char *size : {"48x48", "128x128", "256x256"})
        icon.addFile(QStringLiteral(":/icons/%1/replica-studio.png").arg(QLatin1String(size)));
    QApplication::setWindowIcon(icon);
    Translations::install(SettingsDialog::locale());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Set up, watch and teach PostgreSQL streaming replication."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QApplication::translate("main", "Open on the demo sandbox (a local primary and hot standby; the window "
                                        "can make it, as can \"replicactl sandbox up\")."));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QApplication::translate("main", "The demo sandbox's folder (default: %1).")
                                           .arg(QApplication::translate("main", "the one replicactl sandbox uses")),
                                       QStringLiteral("DIR"));
    parser.addOptions({demoOption, dirOption});
    parser.process(app);

    int exitCode = 0;
    {
        MainWindow window;
        // --demo (or a sandbox folder) opens the demo; otherwise the last cluster
        // comes back, and the demo (or its empty state) is the first start's page.
        if (parser.isSet(demoOption) || parser.isSet(dirOption) || window.currentClusterId().isEmpty())
            window.openDemo(parser.value(dirOption));
        window.show();
        exitCode = app.exec();
    }
    // The window is gone: its SSH tunnels close their sessions before the process ends.
    SshTunnel::waitForWorkers(3000);
    return exitCode;
}
