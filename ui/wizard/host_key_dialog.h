#pragma once

#include "core/host/ssh_prompt.h"

#include <QDialog>

// Shows a host key seen for the first time (its SHA256 fingerprint) and asks
// what to do: accept it once, accept it and remember it in known_hosts, or
// cancel. Opened by SetupWizard with open() (window-modal, no nested loop);
// decision() is valid once finished().
class HostKeyDialog : public QDialog
{
    Q_OBJECT

public:
    HostKeyDialog(const SshPrompt &prompt, const QString &knownHostsPath, QWidget *parent = nullptr);

    SshPromptReply::Decision decision() const { return m_decision; }

private:
    void decide(SshPromptReply::Decision decision);

    SshPromptReply::Decision m_decision = SshPromptReply::Decision::Cancel;
};
