#include "ui/main/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace {

const QString languageKey = QStringLiteral("ui/language");
const QString trayKey = QStringLiteral("ui/keepWatchingInTray");

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent), m_language(new QComboBox(this)), m_tray(new QCheckBox(this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("The system's language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(languageName())));
    m_tray->setText(tr("Closing the window keeps watching the clusters from the tray"));
    m_tray->setChecked(keepWatchingInTray());

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto *note = new QLabel(tr("A new language takes effect the next time the program starts."), this);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), note);
    form->addRow(QString(), m_tray);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString SettingsDialog::languageName()
{
    return QSettings().value(languageKey).toString();
}

QLocale SettingsDialog::locale()
{
    const QString name = languageName();
    return name.isEmpty() ? QLocale::system() : QLocale(name);
}

bool SettingsDialog::keepWatchingInTray()
{
    return QSettings().value(trayKey, true).toBool();
}

void SettingsDialog::accept()
{
    QSettings settings;
    settings.setValue(languageKey, m_language->currentData().toString());
    settings.setValue(trayKey, m_tray->isChecked());
    QDialog::accept();
}
