#pragma once

#include <QMainWindow>

// The program's main window: today the demo sandbox view; the wizard, the
// replication panel and the console join it as they are built.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
};
