#include "main_window.h"

#include <QLabel>
#include <QStatusBar>

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Replica Studio"));
    auto *placeholder = new QLabel(tr("Replica Studio sets up, watches and teaches PostgreSQL streaming replication."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    setCentralWidget(placeholder);
    statusBar()->showMessage(tr("Ready"));
    resize(960, 640);
}
