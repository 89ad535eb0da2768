#include "core/i18n/translations.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Replica Studio"));
    QApplication::setOrganizationName(QStringLiteral("Replica Studio"));
    QApplication::setDesktopFileName(QStringLiteral("replica-studio"));
    Translations::install();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Set up, watch and teach PostgreSQL streaming replication."));
    parser.addHelpOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QApplication::translate("main", "Open on the demo sandbox (a local primary and hot standby made by "
                                        "\"replicactl sandbox up\")."));
    const QCommandLineOption dirOption(
        QStringLiteral("dir"), QApplication::translate("main", "The demo sandbox's folder (default: %1).")
                                   .arg(QApplication::translate("main", "the one replicactl sandbox uses")),
        QStringLiteral("DIR"));
    parser.addOptions({demoOption, dirOption});
    parser.process(app);

    MainWindow window;
    // The demo is the only page so far: it is also what a bare start shows.
    window.openDemo(parser.value(dirOption));
    window.show();
    return app.exec();
}
