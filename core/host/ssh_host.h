#pragma once

#include "core/host/host.h"
#include "core/host/ssh_destination.h"
#include "core/host/ssh_prompt.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class HostPrompts;

// How to reach and log in to a machine over SSH. Secrets (password,
// passphrase) come from the keychain or the user, never from a profile file.
struct SshHostConfig
{
    // What the user gave wins over the SSH config (as on ssh's command
    // line); what neither gives takes the default named here.
    QString host;         // a name, an address or a Host alias of the SSH config
    int port = 0;         // 0: the config's Port, else 22
    QString user;         // empty: the config's User, else fallbackUser
    QString fallbackUser; // empty: the local user's name
    QStringList
        identityFiles;      // tried before the config's IdentityFile; none at all: ~/.ssh/id_ed25519, id_ecdsa, id_rsa
    bool useAgent = true;   // ssh-agent through SSH_AUTH_SOCK
    QString password;       // for password and keyboard-interactive; empty: not tried
    QString knownHostsPath; // empty: the config's UserKnownHostsFile, else ~/.ssh/known_hosts
    // The SSH config as OpenSSH reads it (SshDestination): HostName, User,
    // Port, IdentityFile, ProxyJump, UserKnownHostsFile. ProxyJump is made
    // natively (SshJump), never by running ssh.
    bool readUserConfig = true;
    QString configFile; // empty: ~/.ssh/config (replicactl -F)
    QString proxyJump;  // hops "[user@]host[:port],..." or "none"; empty: the config's
    int jumpDepth = 0;  // hops made to reach this host (a ProxyJump loop ends)
    int connectTimeoutMs = 10000;
    // A connection that stops answering (a cable pulled, a machine gone) is
    // given up after deadLinkMs: the kernel probes it (TCP keepalive) and
    // SSH keepalive messages go out every keepaliveMs while a command is
    // quiet, so that the silence is noticed while a command runs, too.
    int keepaliveMs = 10000;
    int deadLinkMs = 30000;
    // An unknown host key with exactly this fingerprint is trusted (and
    // written to known_hosts): what the GUI sets once the user said yes.
    QString acceptedFingerprint;
    // Where an unknown host key, a key's passphrase and a missing login
    // password are asked (the worker waits for the answer there). Unset: an
    // unknown key is refused (see lastHostKey()), a key that needs a
    // passphrase is skipped, and no password is tried unless given above.
    std::shared_ptr<HostPrompts> prompts;
};

// A machine reached over SSH with libssh: commands in one shell kept open
// per session (an exec channel each where it cannot be kept, and for
// streams between hosts), output line by line, timeout and cancel that end
// the remote process group, files through SFTP for the login user and through the shared shell
// scripts of Host otherwise (root/postgres via sudo or runuser). One SSH
// session per host, opened on first use and again after it dropped, directly
// or through the jump hosts of ProxyJump (SshJump), the host named as
// ~/.ssh/config (or SshHostConfig::configFile) says (SshDestination). libssh
// is not thread-safe per session, so every call holds m_mutex: calls from
// several threads run one after the other. Used by the setup plan, discovery
// and HostTask.
class SshHost : public Host
{
public:
    explicit SshHost(SshHostConfig config);
    ~SshHost() override;
    SshHost(const SshHost &) = delete;
    SshHost &operator=(const SshHost &) = delete;

    QString displayName() const override;
    QString address() const override { return m_config.host; } // after the SSH config: its HostName
    // What the host name resolved to in the SSH config (for the plan and the wizard).
    const SshDestination &destination() const { return m_destination; }
    QString loginUser() const override { return m_user; }

    // Connects and logs in now (a "test connection" button); the other
    // calls do it when needed.
    Result<void> connect(const std::atomic_bool *cancel = nullptr);
    void disconnect();
    bool isConnected();

    // The server's key seen at the last connection attempt: what to show
    // when connect() refused an unknown key.
    std::optional<HostKeyInfo> lastHostKey();
    // Trusts an unknown host key with exactly this fingerprint from the next
    // connection on (what the user accepted after a refused connect()):
    // remembered in known_hosts, or for this SshHost only. Any thread.
    void trustHostKey(const QString &fingerprint, bool remember);

    Result<CommandResult> run(const CommandLine &command, const RunOptions &options = {}) override;
    Result<QByteArray> readFile(const QString &path, RunAs as = RunAs::LoginUser) override;
    Result<WriteReport> writeFile(const QString &path, const QByteArray &content,
                                  const WriteOptions &options = {}) override;
    Result<void> appendFile(const QString &path, const QByteArray &content, RunAs as = RunAs::LoginUser) override;

    // For SshTunnel: a channel to host:port as the remote machine sees it
    // (direct-tcpip), on this host's session, connecting first when needed.
    // The caller frees it, and uses it only while holding channelMutex().
    Result<struct ssh_channel_struct *> openForwardChannel(const QString &host, int port, int originPort,
                                                           const std::atomic_bool *cancel = nullptr);
    std::recursive_mutex &channelMutex() { return m_mutex; }

private:
    struct Session;

    void applySshConfig();
    Result<void> ensureConnected(const std::atomic_bool *cancel);
    Result<void> openJump(Session &session, const std::atomic_bool *cancel);
    Result<void> checkHostKey(const std::atomic_bool *cancel);
    // What the user says about an unknown key: remember it, trust it once, or refuse.
    SshPromptReply::Decision decideUnknownKey(const HostKeyInfo &info, const std::atomic_bool *cancel);
    Result<void> authenticate(const std::atomic_bool *cancel);
    std::optional<QString> askSecret(SshPrompt::Kind kind, const QString &keyPath, const std::atomic_bool *cancel);
    Result<CommandResult> runOnChannel(const CommandLine &command, const RunOptions &options, bool *sent);
    // `command` as the caller gave it (for the result), `privileged` as it runs.
    Result<CommandResult> runOnExecChannel(const CommandLine &command, const CommandLine &privileged,
                                           const QByteArray &input, const RunOptions &options, bool *sent);
    Result<CommandResult> runInSessionShell(const CommandLine &command, const CommandLine &privileged,
                                            const QByteArray &input, const RunOptions &options, bool *sent);
    Result<bool> openSessionShell(const std::atomic_bool *cancel); // false: this host keeps none, use exec channels
    bool sessionShellIdle();
    // Sends the ready line (or with `ping`, an empty request) and returns
    // what the shell answers after `token`, empty when it does not in time.
    QByteArray awaitShellAnswer(const QByteArray &token, bool ping, qint64 deadlineMs, const std::atomic_bool *cancel);
    void closeSessionShell();
    Error connectionLost(const CommandLine &command);
    void endRemoteGroup(qint64 processGroup, RunAs as);
    Error sessionError(const QString &what) const;
    void dropSession();
    struct sftp_session_struct *openSftp(); // null when the server has no SFTP

    SshHostConfig m_given;  // as the caller gave it (what jump hosts inherit)
    SshHostConfig m_config; // with the SSH config applied
    SshDestination m_destination;
    std::optional<Error> m_configError; // the SSH config could not be read: every connect says so
    QString m_user;
    std::recursive_mutex m_mutex;
    std::unique_ptr<Session> m_session;
    std::optional<HostKeyInfo> m_lastHostKey;
    std::mutex m_trustMutex; // m_trusted* only: set from any thread while a connect runs
    QString m_trustedOnce;
    QString m_trustedRemember;
    bool m_sessionBroken = false;
};
