#pragma once

#include "core/host/ssh_prompt.h"

#include <QDialog>

class QLineEdit;

// Asks for a key file's passphrase or a login password (hidden text). Opened
// by SetupWizard with open(); text() is valid once accepted.
class SecretDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SecretDialog(const SshPrompt &prompt, QWidget *parent = nullptr);

    QString text() const;

private:
    QLineEdit *m_edit = nullptr;
};
