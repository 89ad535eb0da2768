#pragma once

#include "core/host/host.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class LocalHost;

// One test host of a TestHostNetwork: its own network namespace, address,
// sshd and private /var/lib/postgresql, /etc/postgresql, /var/run/postgresql,
// /var/log/postgresql. Reach it with SshHost at address() port 22, as root
// (key) or as the network's test users.
class TestHost
{
public:
    QString name() const { return m_name; }       // "h1"
    QString address() const { return m_address; } // "198.18.<run>.1" ("198.19.<run>.1" when hidden)
    int port() const { return 22; }
    QString namespaceName() const { return m_namespace; }
    QString stateDir() const { return m_dir; } // lib/, etc/, run/, log/, ssh/ of this host
    QString hostPublicKey() const;             // "ssh-ed25519 AAAA..."
    QString sshdLog() const;                   // for failure messages

    // The listening sshd only: sessions already open keep going, as on a
    // machine whose sshd is restarted. Returns false with a warning on failure.
    bool stopSshd();
    bool startSshd();

    // Runs a command directly inside the host (its namespace and mounts),
    // without SSH: for setting up and inspecting in tests. options.as picks
    // root (default here: the suite is root) or postgres.
    Result<CommandResult> runInside(const CommandLine &command, const RunOptions &options = {}) const;

private:
    friend class TestHostNetwork;
    QString m_name;
    QString m_address;
    QString m_namespace;
    QString m_dir;
    QString m_script;
    QString m_run;
    int m_number = 0;
    qint64 m_keeperPid = 0;
};

struct TestHostOptions
{
    struct BindMount
    {
        QString source; // on this machine
        QString target; // inside the host, e.g. /usr/lib/postgresql/16 (made when missing)
    };
    QList<BindMount> extraMounts;
    bool permitRootPassword = false; // PermitRootLogin yes instead of prohibit-password
    bool sftp = true;                // false: sshd offers no SFTP subsystem (SshHost's shell fallback)
    // Keyboard-interactive only, the password asked by PAM (UsePAM yes,
    // /etc/pam.d/sshd); no password or public key authentication, so root
    // cannot log in over SSH: use runInside() to set such a host up.
    bool keyboardInteractiveOnly = false;
    // Where the host can be reached from. Hidden: on a second network that
    // this machine cannot reach at all (198.19.<X>.0/24); Bastion: on both
    // networks, the way to the hidden ones (ProxyJump).
    enum class Reach { Direct, Hidden, Bastion };
    Reach reach = Reach::Direct;
};

// A Host block of an SSH config written by TestHostNetwork::writeSshConfig():
// the alias leads to the host, as root with the suite's key and known_hosts,
// through the host of jumpAlias when given.
struct TestSshAlias
{
    QString alias;
    const TestHost *host = nullptr;
    QString jumpAlias;
};

// The test hosts of one test run: a bridge rs<pid>br with 198.18.<X>.254/24
// (X picked free), hosts 198.18.<X>.1, .2, ... Everything is torn down by
// the destructor, at exit, and on SIGINT/SIGTERM; leftovers of killed runs
// (their pid is gone) are removed when a new network is made. Needs root:
// check skipReason() first and QSKIP with it.
//
//   TestHostNetwork net;
//   if (!net.skipReason().isEmpty()) QSKIP(qPrintable(net.skipReason()));
//   auto hosts = net.create(2);
class TestHostNetwork
{
public:
    TestHostNetwork();
    ~TestHostNetwork();
    TestHostNetwork(const TestHostNetwork &) = delete;
    TestHostNetwork &operator=(const TestHostNetwork &) = delete;

    // Empty when test hosts can be made here; else why not (for QSKIP).
    QString skipReason() const { return m_skipReason; }

    // n more hosts; empty (and a warning) on failure: check with QVERIFY.
    QList<TestHost *> create(int n, const TestHostOptions &options = {});
    QList<TestHost *> hosts() const;

    // The suite's client key (no passphrase), authorized for root and the
    // test users on every host, and a known_hosts file with every host's key.
    QString clientKeyPath() const;
    QString knownHostsPath() const;
    QString runDir() const { return m_runDir; }
    QString networkPrefix() const;       // "198.18.<X>."
    QString hiddenNetworkPrefix() const; // "198.19.<X>.": Reach::Hidden hosts
    // An SSH config file (in the run's folder) with these Host blocks; its path.
    QString writeSshConfig(const QList<TestSshAlias> &aliases) const;
    // An address on the bridge's network where nothing answers.
    QString unusedAddress() const { return networkPrefix() + QStringLiteral("200"); }

    // Two login users made for this run (removed at teardown), both with
    // userPassword(): one may sudo without a password, one with it.
    QString sudoNoPasswordUser() const;
    QString sudoPasswordUser() const;
    QString userPassword() const { return m_userPassword; }

    void tearDown();

private:
    Result<CommandResult> script(const QStringList &arguments, const QByteArray &input = {}) const;

    QString m_skipReason;
    QString m_script;
    QString m_run;
    QString m_runDir;
    int m_octet = 0;
    bool m_up = false;
    QString m_userPassword;
    std::unique_ptr<LocalHost> m_local;
    QList<std::shared_ptr<TestHost>> m_hosts;
};
