#include "secret_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

SecretDialog::SecretDialog(const SshPrompt &prompt, QWidget *parent) : QDialog(parent)
{
    const bool passphrase = prompt.kind == SshPrompt::Kind::Passphrase;
    setWindowTitle(passphrase ? tr("Key passphrase") : tr("Login password"));
    auto *layout = new QFormLayout(this);
    auto *intro = new QLabel(passphrase ? tr("The key %1 is protected by a passphrase. Type it to log in to %2; "
                                             "it is kept only while this window is open.")
                                              .arg(prompt.keyPath, prompt.hostName)
                                        : tr("%1 asks for a password. Type the login password; it is kept only "
                                             "while this window is open.")
                                              .arg(prompt.hostName));
    intro->setWordWrap(true);
    layout->addRow(intro);
    m_edit = new QLineEdit;
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setAccessibleName(passphrase ? tr("Passphrase") : tr("Password"));
    layout->addRow(passphrase ? tr("&Passphrase:") : tr("&Password:"), m_edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addRow(buttons);
}

QString SecretDialog::text() const
{
    return m_edit->text();
}
