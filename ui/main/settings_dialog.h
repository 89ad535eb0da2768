#pragma once

#include <QDialog>
#include <QLocale>

class QCheckBox;
class QComboBox;

// The program's preferences (File > Settings…): the language (the system's, English or Japanese; applied at the
// next start) and whether closing the window keeps watching from the tray.
// Read with the static getters; written when the dialog is accepted.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    // The language chosen: an empty name means "follow the system".
    static QString languageName();
    static QLocale locale();
    static bool keepWatchingInTray();

    void accept() override;

private:
    QComboBox *m_language;
    QCheckBox *m_tray;
};
