#include "ui/main_window.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Replica Studio"));
    QApplication::setOrganizationName(QStringLiteral("Replica Studio"));
    QApplication::setDesktopFileName(QStringLiteral("replica-studio"));

    MainWindow window;
    window.show();
    return app.exec();
}
