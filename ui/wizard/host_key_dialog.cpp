#include "host_key_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

HostKeyDialog::HostKeyDialog(const SshPrompt &prompt, const QString &knownHostsPath, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Unknown host key"));
    setMinimumWidth(560);
    setAccessibleName(tr("Unknown host key of %1").arg(prompt.hostName));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("%1 is not known yet. Its %2 host key has this fingerprint:")
                                 .arg(prompt.hostName.toHtmlEscaped(), prompt.hostKey.keyType));
    intro->setWordWrap(true);
    auto *fingerprint = new QLabel(prompt.hostKey.fingerprint);
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    fingerprint->setAccessibleName(tr("Fingerprint"));
    QFont mono = fingerprint->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    fingerprint->setFont(mono);
    auto *advice =
        new QLabel(tr("Compare it with what the machine itself says (ssh-keygen -lf "
                      "/etc/ssh/ssh_host_%1_key.pub on it) and accept it only if they match. "
                      "Remembered keys go to %2.")
                       .arg(prompt.hostKey.keyType.startsWith(QLatin1String("ssh-")) ? prompt.hostKey.keyType.mid(4)
                                                                                     : prompt.hostKey.keyType,
                            knownHostsPath));
    advice->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(fingerprint);
    layout->addWidget(advice);

    auto *buttons = new QDialogButtonBox;
    QPushButton *remember = buttons->addButton(tr("Accept and &remember"), QDialogButtonBox::AcceptRole);
    QPushButton *once = buttons->addButton(tr("Accept &once"), QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    remember->setAccessibleName(tr("Accept the key and remember it in known_hosts"));
    once->setAccessibleName(tr("Accept the key for this session only"));
    cancel->setAccessibleName(tr("Refuse the key"));
    cancel->setDefault(true); // Enter alone never trusts a key
    connect(remember, &QPushButton::clicked, this, [this] { decide(SshPromptReply::Decision::AcceptAndRemember); });
    connect(once, &QPushButton::clicked, this, [this] { decide(SshPromptReply::Decision::AcceptOnce); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void HostKeyDialog::decide(SshPromptReply::Decision decision)
{
    m_decision = decision;
    accept();
}
