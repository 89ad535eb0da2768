#include "ssh_host.h"

#include "core/host/host_prompts.h"
#include "core/host/line_splitter.h"
#include "core/host/marker_scanner.h"
#include "core/host/ssh_jump.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QThread>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <optional>
#include <vector>

namespace {

// QT_LOGGING_RULES="replica.ssh.debug=true" prints every remote command and
// file transfer with its time: where a slow setup spends it.
Q_LOGGING_CATEGORY(lcSsh, "replica.ssh", QtWarningMsg)

// How long a login shell may take to start (its start-up files run).
constexpr qint64 sessionShellStartMs = 30000;
// After this long without a command, the session shell is pinged first.
constexpr qint64 sessionShellPingAfterMs = 5000;

QString tr(const char *text)
{
    return QCoreApplication::translate("SshHost", text);
}

// On the replica.ssh category, how long the enclosing call took; `subject`
// is asked only when the category is on.
template <typename Subject> auto traceTime(const SshHost &host, const char *what, Subject subject)
{
    QElapsedTimer clock;
    clock.start();
    return qScopeGuard([&host, clock, what, subject] {
        qCDebug(lcSsh).noquote() << host.displayName() << clock.elapsed() << "ms" << what << subject();
    });
}

void onExitSignal(ssh_session, ssh_channel, const char *signal, int, const char *, const char *, void *userdata)
{
    *static_cast<QString *>(userdata) = QString::fromLatin1(signal);
}

// The command line as sent: sh prints a marker line with its pid, which is
// the command's process group, and a marker on stderr, then becomes the
// command. What comes before the markers is the login shell's (a ~/.bashrc
// that prints), not the command's; a cancel kills that group. With a
// journal (Host::setCommandJournal), the group is first appended to it, so
// that a later run can find what this one left running. SIGPIPE is ignored:
// a command whose reader went (the tool killed, the connection lost) goes
// on to its end instead of dying at its next line of output, half done (a
// pg_createcluster, a restart); a later run waits for it or ends it.
QByteArray withStartMarkers(const CommandLine &command, const QByteArray &startToken, const QString &journal)
{
    QStringList words{QString::fromLatin1(startToken), journal, command.program()};
    words << command.arguments();
    return CommandLine::shell(
               QStringLiteral(
                   "t=$1; j=$2; shift 2; trap '' PIPE; [ -z \"$j\" ] || echo \"group $$\" >>\"$j\" 2>/dev/null; "
                   "printf '%s %s\\n' \"$t\" \"$$\"; printf '%s\\n' \"$t\" >&2; exec \"$@\""),
               words)
        .toShellString()
        .toUtf8();
}

// A shell that stays open for the whole SSH session and runs the commands
// sent to it one after another: the login shell's start-up files (a
// ~/.bashrc that runs pyenv or nvm takes 100 ms and more) then run once per
// session, not once per command. Its first line is a token it echoes when it
// is ready ("TOKEN ok"), or "TOKEN unavailable" when it lacks what it needs:
// setsid, and a head -c that reads no further than asked (busybox's reads
// ahead, which would swallow the next request). Then each request is a line
// "TOKEN N M", N bytes of command line ending in the comment "#TOKEN" (a
// request cut short is refused, never run in part), and M bytes of the
// command's standard input; N = 0 only answers (a ping). The command runs in
// a session of its own (setsid), as on an exec channel, so that a cancel can
// end its whole process group; its unread input is drained so that the
// stream stays in step. After it ended come "TOKEN" on stderr and "TOKEN
// STATUS" on stdout: the end of its output (MarkerScanner).
const char sessionShellScript[] = R"sh(IFS= read -r ready || exit 1
if ! command -v setsid >/dev/null 2>&1 || [ "$(printf ab | { head -c 1 >/dev/null; cat; } 2>/dev/null)" != b ]; then
  printf '%s\n' "$ready" >&2; printf '%s unavailable\n' "$ready"; exit 0
fi
printf '%s\n' "$ready" >&2; printf '%s ok\n' "$ready"
while read -r t n m; do
  r=0
  if [ "$n" -gt 0 ]; then
    c=$(head -c "$n") || exit 1
    case $c in *"#$t") ;; *) exit 1 ;; esac
    if [ "$m" -gt 0 ]; then
      head -c "$m" | (eval "setsid $c"; r=$?; cat >/dev/null; exit "$r")
    else
      eval "setsid $c" </dev/null
    fi
    r=$?
  fi
  printf '%s\n' "$t" >&2; printf '%s %s\n' "$t" "$r"
done
)sh";

// One command's bytes on a channel: its input goes out as the peer's window
// allows while its stdout and stderr come in, in one loop, so that a command
// that writes much before it reads all of its input cannot stall.
class ChannelTraffic
{
public:
    enum class Round { Moved, Idle, Failed };
    using Receiver = std::function<void(bool isStdErr, const QByteArray &bytes)>;

    ChannelTraffic(ssh_channel channel, QByteArray input, std::function<std::optional<QByteArray>()> source,
                   bool eofAfterInput)
        : m_channel(channel), m_input(std::move(input)), m_source(std::move(source)), m_eofAfterInput(eofAfterInput),
          m_buffer(64 * 1024)
    {
    }

    Round exchange(const Receiver &received)
    {
        bool moved = false;
        if (!m_inputDone && !writeInput(&moved))
            return Round::Failed;
        for (const bool isStdErr : {false, true}) {
            const int n = ssh_channel_read_nonblocking(m_channel, m_buffer.data(), uint32_t(m_buffer.size()), isStdErr);
            if (n == SSH_ERROR)
                return Round::Failed;
            if (n > 0) {
                moved = true;
                received(isStdErr, QByteArray(m_buffer.data(), n));
            }
        }
        return moved ? Round::Moved : Round::Idle;
    }

    bool channelEnded() const { return ssh_channel_is_eof(m_channel) || ssh_channel_is_closed(m_channel); }
    bool inputDone() const { return m_inputDone; }
    bool anyWritten() const { return m_anyWritten; }

    // No more input: an exec channel's command sees the end of its stdin.
    void endInput()
    {
        if (!m_inputDone && m_eofAfterInput)
            ssh_channel_send_eof(m_channel);
        m_inputDone = true;
    }

private:
    bool writeInput(bool *moved)
    {
        if (m_source && m_written >= m_input.size() && !channelEnded()) {
            if (std::optional<QByteArray> next = m_source(); !next) {
                m_source = nullptr;
            } else if (!next->isEmpty()) {
                m_input = std::move(*next);
                m_written = 0;
            }
        }
        if (channelEnded()) {
            m_inputDone = true; // the command stopped reading
            return true;
        }
        if (m_written < m_input.size()) {
            const uint32_t window = ssh_channel_window_size(m_channel);
            if (window > 0) {
                const uint32_t chunk =
                    uint32_t(std::min<qsizetype>({qsizetype(window), 32 * 1024, m_input.size() - m_written}));
                const int n = ssh_channel_write(m_channel, m_input.constData() + m_written, chunk);
                if (n == SSH_ERROR)
                    return false;
                m_written += n;
                m_anyWritten = m_anyWritten || n > 0;
                *moved = n > 0;
            }
        }
        if (m_written >= m_input.size() && !m_source)
            endInput();
        return true;
    }

    ssh_channel m_channel;
    QByteArray m_input;
    std::function<std::optional<QByteArray>()> m_source;
    bool m_eofAfterInput;
    qsizetype m_written = 0;
    bool m_inputDone = false;
    bool m_anyWritten = false;
    std::vector<char> m_buffer;
};

// Where a command's output goes: up to its start markers (see
// withStartMarkers) it is the login shell's, kept aside in case the command
// never started; then stdout and stderr go into the result and to the
// caller's callbacks.
class CommandOutput
{
public:
    CommandOutput(CommandResult &result, const RunOptions &options, const QByteArray &startToken)
        : m_result(result), m_options(options), m_outStart(startToken), m_errStart(startToken),
          m_outLines(options.onLine ? LineSplitter::Sink([&options](const QByteArray &line) {
              options.onLine(OutputChannel::StdOut, line);
          })
                                    : LineSplitter::Sink()),
          m_errLines(options.onLine ? LineSplitter::Sink([&options](const QByteArray &line) {
              options.onLine(OutputChannel::StdErr, line);
          })
                                    : LineSplitter::Sink())
    {
    }

    void stdOut(const QByteArray &received)
    {
        const QByteArray bytes = pastStart(m_outStart, m_outBefore, received);
        if (bytes.isEmpty())
            return;
        if (m_options.onStdOutData) {
            m_options.onStdOutData(bytes);
            return;
        }
        m_result.stdOut += bytes;
        m_outLines.feed(bytes);
    }

    void stdErr(const QByteArray &received)
    {
        const QByteArray bytes = pastStart(m_errStart, m_errBefore, received);
        m_result.stdErr += bytes;
        m_errLines.feed(bytes);
    }

    void finish()
    {
        // The command never started (a login shell that refused, such as
        // nologin): what the shell said is all there is to explain it.
        if (!m_outStart.reached())
            m_result.stdOut = m_outBefore + m_outStart.held();
        if (!m_errStart.reached())
            m_result.stdErr = m_errBefore + m_errStart.held();
        m_outLines.finish();
        m_errLines.finish();
    }

    qint64 processGroup() const { return m_outStart.reached() ? m_outStart.trailer().toLongLong() : 0; }

private:
    // The bytes past the start marker; what comes before it goes to `before`.
    static QByteArray pastStart(MarkerScanner &start, QByteArray &before, const QByteArray &bytes)
    {
        if (start.reached())
            return bytes;
        before += start.feed(bytes);
        return start.reached() ? start.afterMarker() : QByteArray();
    }

    CommandResult &m_result;
    const RunOptions &m_options;
    MarkerScanner m_outStart;
    MarkerScanner m_errStart;
    QByteArray m_outBefore;
    QByteArray m_errBefore;
    LineSplitter m_outLines;
    LineSplitter m_errLines;
};

// Whether the caller cancelled the command or its time is up (noted in the result).
bool endRequested(const RunOptions &options, const QElapsedTimer &clock, CommandResult &result)
{
    if (options.cancel && options.cancel->load())
        result.cancelled = true;
    else if (options.timeoutMs > 0 && clock.elapsed() > options.timeoutMs)
        result.timedOut = true;
    return result.cancelled || result.timedOut;
}

// The kernel gives up a connection whose data or keepalive probes go
// unanswered for deadLinkMs (TCP_USER_TIMEOUT); the socket then reports
// ETIMEDOUT, which libssh turns into a lost connection.
void watchLink(socket_t fd, int keepaliveMs, int deadLinkMs)
{
    if (fd < 0 || deadLinkMs <= 0)
        return;
    const int on = 1;
    const int idle = std::max(1, keepaliveMs / 1000);
    const int count = std::max(1, deadLinkMs / 1000 / idle);
    const unsigned int userTimeout = unsigned(deadLinkMs);
    ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &idle, sizeof idle);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
    ::setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &userTimeout, sizeof userTimeout);
}

// While a command is quiet, an SSH message that asks nothing (SSH_MSG_IGNORE)
// goes out every interval: data the peer must acknowledge, so that a dead
// link meets TCP_USER_TIMEOUT even where keepalive probes are filtered.
class Keepalive
{
public:
    Keepalive(ssh_session session, int intervalMs) : m_session(session), m_intervalMs(intervalMs) { m_quiet.start(); }

    void after(bool moved)
    {
        if (moved) {
            m_quiet.start();
        } else if (m_intervalMs > 0 && m_quiet.elapsed() > m_intervalMs) {
            ssh_send_ignore(m_session, "");
            m_quiet.start();
        }
    }

private:
    ssh_session m_session;
    int m_intervalMs;
    QElapsedTimer m_quiet;
};

} // namespace

struct SshHost::Session
{
    std::unique_ptr<SshJump> jump; // through a jump host: destroyed after ssh, whose socket it holds
    ssh_session ssh = nullptr;
    sftp_session sftp = nullptr;
    bool sftpTried = false;
    ssh_channel shell = nullptr; // the session shell (sessionShellScript), when open
    bool shellUnavailable = false;
    // Markers (MarkerScanner) are this and a count: nothing a command
    // prints can be taken for one.
    QByteArray tokenPrefix = QByteArray::number(QRandomGenerator::system()->generate64(), 36) +
                             QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    quint64 tokenCount = 0;

    QElapsedTimer shellUsed; // since the session shell last answered

    QByteArray nextToken() { return tokenPrefix + '.' + QByteArray::number(++tokenCount); }

    ~Session()
    {
        if (shell) {
            ssh_channel_close(shell);
            ssh_channel_free(shell);
        }
        if (sftp)
            sftp_free(sftp);
        if (ssh) {
            if (ssh_is_connected(ssh))
                ssh_disconnect(ssh);
            ssh_free(ssh);
        }
    }
};

// A ProxyJump loop (a jump host whose config jumps back) stops here.
constexpr int maxJumpHops = 8;

SshHost::SshHost(SshHostConfig config) : m_given(config), m_config(std::move(config))
{
    applySshConfig();
    static std::once_flag initialised;
    std::call_once(initialised, [] { ssh_init(); });
}

SshHost::~SshHost() = default;

// What the caller gave wins; the SSH config fills the rest, then the defaults.
void SshHost::applySshConfig()
{
    m_destination.alias = m_config.host;
    m_destination.host = m_config.host;
    if (m_config.readUserConfig) {
        if (Result<SshDestination> resolved = SshDestination::resolve(m_config.host, m_config.configFile))
            m_destination = *resolved;
        else
            m_configError = resolved.error();
    }
    m_config.host = m_destination.host;
    if (m_config.port <= 0)
        m_config.port = m_destination.port > 0 ? m_destination.port : 22;
    if (m_config.user.isEmpty())
        m_config.user = m_destination.user;
    m_user = !m_config.user.isEmpty()           ? m_config.user
             : !m_config.fallbackUser.isEmpty() ? m_config.fallbackUser
                                                : SshDestination::localUser();
    m_config.identityFiles << m_destination.identityFiles;
    m_config.identityFiles.removeDuplicates();
    if (m_config.knownHostsPath.isEmpty())
        m_config.knownHostsPath = m_destination.knownHostsFile;
    if (m_config.knownHostsPath.isEmpty())
        m_config.knownHostsPath = QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
    if (m_config.proxyJump.isEmpty())
        m_config.proxyJump = m_destination.proxyJump.join(QLatin1Char(','));
    else if (m_config.proxyJump.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        m_config.proxyJump.clear();
    m_destination.host = m_config.host;
    m_destination.port = m_config.port;
    m_destination.user = m_user;
    m_destination.proxyJump = m_config.proxyJump.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

// The jump host of the last hop is reached the way OpenSSH's `ssh -J
// earlier-hops` would: the earlier hops are its own ProxyJump; with one hop,
// its own SSH config decides. It inherits the caller's key, agent, known_hosts
// and prompts, not the password or the accepted fingerprint of this host.
Result<void> SshHost::openJump(Session &session, const std::atomic_bool *cancel)
{
    QStringList hops = m_config.proxyJump.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (hops.isEmpty())
        return {};
    Result<SshDestination> last = SshDestination::parseHop(hops.takeLast());
    if (!last)
        return last.error();
    SshHostConfig jumpHost = m_given;
    jumpHost.host = last->host;
    jumpHost.port = last->port;
    jumpHost.user = last->user;
    jumpHost.fallbackUser.clear();
    jumpHost.password.clear();
    jumpHost.acceptedFingerprint.clear();
    jumpHost.proxyJump = hops.isEmpty() ? QString() : hops.join(QLatin1Char(','));
    jumpHost.jumpDepth = m_config.jumpDepth + 1;
    if (jumpHost.jumpDepth > maxJumpHops)
        return makeRefusal(tr("%1 is reached through more than %2 jump hosts: check the ProxyJump lines of the SSH "
                              "config for a loop.")
                               .arg(displayName())
                               .arg(maxJumpHops));
    Result<std::unique_ptr<SshJump>> jump = SshJump::open(jumpHost, m_config.host, m_config.port, cancel);
    if (!jump)
        return jump.error();
    session.jump = std::move(*jump);
    return {};
}

QString SshHost::displayName() const
{
    // The name the user wrote (a Host alias stays an alias).
    const QString &host = m_destination.alias;
    return m_config.port == 22 ? QStringLiteral("%1@%2").arg(m_user, host)
                               : QStringLiteral("%1@%2:%3").arg(m_user, host).arg(m_config.port);
}

Result<void> SshHost::connect(const std::atomic_bool *cancel)
{
    std::lock_guard lock(m_mutex);
    return ensureConnected(cancel);
}

void SshHost::disconnect()
{
    std::lock_guard lock(m_mutex);
    dropSession();
}

bool SshHost::isConnected()
{
    std::lock_guard lock(m_mutex);
    return m_session && ssh_is_connected(m_session->ssh);
}

std::optional<HostKeyInfo> SshHost::lastHostKey()
{
    std::lock_guard lock(m_mutex);
    return m_lastHostKey;
}

void SshHost::trustHostKey(const QString &fingerprint, bool remember)
{
    std::lock_guard lock(m_trustMutex);
    (remember ? m_trustedRemember : m_trustedOnce) = fingerprint;
}

void SshHost::dropSession()
{
    m_session.reset();
}

Error SshHost::sessionError(const QString &what) const
{
    const QString detail = m_session ? QString::fromUtf8(ssh_get_error(m_session->ssh)) : QString();
    return makeError(what, detail);
}

Result<void> SshHost::ensureConnected(const std::atomic_bool *cancel)
{
    if (m_session && ssh_is_connected(m_session->ssh))
        return {};
    dropSession();

    if (m_configError)
        return *m_configError;
    auto session = std::make_unique<Session>();
    if (auto jumped = openJump(*session, cancel); !jumped)
        return jumped;
    session->ssh = ssh_new();
    if (!session->ssh)
        return makeError(tr("Could not start an SSH session (out of memory?)."));
    ssh_session ssh = session->ssh;
    const QByteArray host = m_config.host.toUtf8();
    const QByteArray user = m_user.toUtf8();
    const QByteArray knownHosts = QFile::encodeName(m_config.knownHostsPath);
    const unsigned int port = unsigned(m_config.port);
    const long timeoutSeconds = std::max(1, (m_config.connectTimeoutMs + 999) / 1000);
    ssh_options_set(ssh, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(ssh, SSH_OPTIONS_PORT, &port);
    ssh_options_set(ssh, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(ssh, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
    ssh_options_set(ssh, SSH_OPTIONS_TIMEOUT, &timeoutSeconds);
    // Every command is a few small packets that wait for each other (a
    // request and its markers; on an exec channel open, exec, EOF and
    // close): with Nagle's delay on, each waits for the
    // peer's delayed ACK, some 40 ms, and a plan's hundred commands add up.
    const int noDelay = 1;
    ssh_options_set(ssh, SSH_OPTIONS_NODELAY, &noDelay);
    // The SSH config was applied above (applySshConfig): libssh would run
    // ssh for a ProxyJump, and OpenSSH's, not ours, would check the jump
    // host's key.
    const bool no = false;
    ssh_options_set(ssh, SSH_OPTIONS_PROCESS_CONFIG, &no);
    if (session->jump) {
        socket_t fd = session->jump->sessionSocket();
        ssh_options_set(ssh, SSH_OPTIONS_FD, &fd);
    }

    // Non-blocking, so that the configured timeout and a cancel both apply
    // to a host that does not answer at all.
    m_session = std::move(session);
    ssh_set_blocking(ssh, 0);
    QElapsedTimer clock;
    clock.start();
    int rc;
    while ((rc = ssh_connect(ssh)) == SSH_AGAIN) {
        if (cancel && cancel->load()) {
            dropSession();
            return makeError(tr("Connecting to %1 was cancelled.").arg(displayName()));
        }
        if (clock.elapsed() > m_config.connectTimeoutMs) {
            dropSession();
            return makeError(tr("%1 did not answer within %2 s. Check the address and port, that the machine "
                                "is up and that no firewall drops SSH (port %3).")
                                 .arg(displayName())
                                 .arg(m_config.connectTimeoutMs / 1000.0)
                                 .arg(m_config.port));
        }
        QThread::msleep(5);
    }
    ssh_set_blocking(ssh, 1);
    if (rc == SSH_OK)
        watchLink(ssh_get_fd(ssh), m_config.keepaliveMs, m_config.deadLinkMs);
    if (rc != SSH_OK) {
        Error error = sessionError(tr("Could not connect to %1. Check the address and port, and that an SSH "
                                      "server runs there.")
                                       .arg(displayName()));
        dropSession();
        return error;
    }
    if (auto checked = checkHostKey(cancel); !checked) {
        dropSession();
        return checked;
    }
    if (auto loggedIn = authenticate(cancel); !loggedIn) {
        dropSession();
        return loggedIn;
    }
    return {};
}

SshPromptReply::Decision SshHost::decideUnknownKey(const HostKeyInfo &info, const std::atomic_bool *cancel)
{
    {
        std::lock_guard lock(m_trustMutex);
        if (!m_config.acceptedFingerprint.isEmpty() && m_config.acceptedFingerprint == info.fingerprint)
            return SshPromptReply::Decision::AcceptAndRemember;
        if (!m_trustedRemember.isEmpty() && m_trustedRemember == info.fingerprint)
            return SshPromptReply::Decision::AcceptAndRemember;
        if (!m_trustedOnce.isEmpty() && m_trustedOnce == info.fingerprint)
            return SshPromptReply::Decision::AcceptOnce;
    }
    if (!m_config.prompts)
        return SshPromptReply::Decision::Cancel;
    SshPrompt prompt{
        .kind = SshPrompt::Kind::UnknownHostKey, .hostName = displayName(), .hostKey = info, .keyPath = {}};
    const SshPromptReply reply = m_config.prompts->ask(prompt, cancel);
    if (!reply.accepted())
        return SshPromptReply::Decision::Cancel;
    // Reconnects of this host (a dropped session) do not ask again.
    trustHostKey(info.fingerprint, reply.decision == SshPromptReply::Decision::AcceptAndRemember);
    return reply.decision;
}

std::optional<QString> SshHost::askSecret(SshPrompt::Kind kind, const QString &keyPath, const std::atomic_bool *cancel)
{
    if (!m_config.prompts)
        return std::nullopt;
    SshPrompt prompt{.kind = kind, .hostName = displayName(), .hostKey = {}, .keyPath = keyPath};
    const SshPromptReply reply = m_config.prompts->ask(prompt, cancel);
    if (reply.decision != SshPromptReply::Decision::Text)
        return std::nullopt;
    return reply.text;
}

Result<void> SshHost::checkHostKey(const std::atomic_bool *cancel)
{
    ssh_session ssh = m_session->ssh;
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(ssh, &key) != SSH_OK)
        return sessionError(tr("%1 sent no usable host key.").arg(displayName()));
    unsigned char *hash = nullptr;
    size_t hashLength = 0;
    HostKeyInfo info;
    info.host = m_config.host;
    info.port = m_config.port;
    info.keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLength) == SSH_OK) {
        char *fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLength);
        info.fingerprint = QString::fromLatin1(fingerprint);
        ssh_string_free_char(fingerprint);
        ssh_clean_pubkey_hash(&hash);
    }
    ssh_key_free(key);
    m_lastHostKey = info;

    switch (ssh_session_is_known_server(ssh)) {
    case SSH_KNOWN_HOSTS_OK:
        return {};
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        return makeError(
            tr("The host key of %1 is not the one recorded in %2; nothing was sent. This happens when the "
               "machine was reinstalled or its address now belongs to another machine, but it can also mean "
               "that someone intercepts the connection. Ask the machine's administrator for its key "
               "fingerprint (ssh-keygen -lf /etc/ssh/ssh_host_%3_key.pub on it). If it is %4, remove the old "
               "entry with \"ssh-keygen -R %5 -f %2\" and connect again.")
                .arg(displayName(), m_config.knownHostsPath,
                     info.keyType.startsWith(QLatin1String("ssh-")) ? info.keyType.mid(4) : info.keyType,
                     info.fingerprint,
                     m_config.port == 22 ? m_config.host
                                         : QStringLiteral("[%1]:%2").arg(m_config.host).arg(m_config.port)),
            info.keyType + QLatin1Char(' ') + info.fingerprint);
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND: {
        const SshPromptReply::Decision decision = decideUnknownKey(info, cancel);
        if (decision == SshPromptReply::Decision::AcceptOnce)
            return {};
        if (decision != SshPromptReply::Decision::AcceptAndRemember)
            return makeError(tr("%1 is not known yet: its %2 key has the fingerprint %3. Compare it with the "
                                "fingerprint shown on the machine itself (ssh-keygen -lf on its host key) and "
                                "accept it only if they match.")
                                 .arg(displayName(), info.keyType, info.fingerprint),
                             info.keyType + QLatin1Char(' ') + info.fingerprint);
        QDir().mkpath(QFileInfo(m_config.knownHostsPath).absolutePath());
        if (ssh_session_update_known_hosts(ssh) != SSH_OK)
            return sessionError(tr("Could not add the key of %1 to %2. Check that the file is writable.")
                                    .arg(displayName(), m_config.knownHostsPath));
        return {};
    }
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    return sessionError(
        tr("Could not check the host key of %1 against %2.").arg(displayName(), m_config.knownHostsPath));
}

Result<void> SshHost::authenticate(const std::atomic_bool *cancel)
{
    ssh_session ssh = m_session->ssh;
    int rc = ssh_userauth_none(ssh, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return sessionError(tr("The connection to %1 failed while logging in.").arg(displayName()));

    const int methods = ssh_userauth_list(ssh, nullptr);
    QStringList offered;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        offered << tr("public key");
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        offered << tr("password");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        offered << tr("keyboard-interactive");
    QStringList tried;
    auto failedHard = [&] {
        return sessionError(tr("The connection to %1 failed while logging in.").arg(displayName()));
    };

    if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
        if (m_config.useAgent && qEnvironmentVariableIsSet("SSH_AUTH_SOCK")) {
            rc = ssh_userauth_agent(ssh, nullptr);
            if (rc == SSH_AUTH_SUCCESS)
                return {};
            tried << tr("keys of ssh-agent (refused)");
            if (!ssh_is_connected(ssh))
                return failedHard();
        }
        QStringList files = m_config.identityFiles;
        const bool defaults = files.isEmpty();
        if (defaults) {
            for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"})
                files << QDir::homePath() + QStringLiteral("/.ssh/") + QLatin1String(name);
        }
        for (const QString &file : files) {
            if (!QFileInfo::exists(file)) {
                if (!defaults)
                    tried << tr("key %1 (no such file)").arg(file);
                continue;
            }
            // Ask the server first with the public half: no passphrase
            // prompt for a key it would refuse anyway.
            ssh_key publicKey = nullptr;
            if (QFileInfo::exists(file + QStringLiteral(".pub")) &&
                ssh_pki_import_pubkey_file(QFile::encodeName(file + QStringLiteral(".pub")).constData(), &publicKey) ==
                    SSH_OK) {
                rc = ssh_userauth_try_publickey(ssh, nullptr, publicKey);
                ssh_key_free(publicKey);
                if (rc == SSH_AUTH_ERROR)
                    return failedHard();
                if (rc != SSH_AUTH_SUCCESS) {
                    tried << tr("key %1 (not accepted)").arg(file);
                    continue;
                }
            }
            ssh_key privateKey = nullptr;
            const QByteArray path = QFile::encodeName(file);
            if (ssh_pki_import_privkey_file(path.constData(), nullptr, nullptr, nullptr, &privateKey) != SSH_OK) {
                // Only a private key can need a passphrase: anything else
                // (a public key, a file named by mistake) is said as such.
                QFile keyFile(file);
                if (!keyFile.open(QIODevice::ReadOnly)) {
                    tried << tr("key %1 (cannot be read: %2)").arg(file, keyFile.errorString());
                    continue;
                }
                if (!keyFile.read(64 * 1024).contains("PRIVATE KEY-----")) {
                    tried << tr("key %1 (not a private key file)").arg(file);
                    continue;
                }
                const std::optional<QString> passphrase = askSecret(SshPrompt::Kind::Passphrase, file, cancel);
                if (!passphrase) {
                    tried << tr("key %1 (needs a passphrase, none given)").arg(file);
                    continue;
                }
                if (ssh_pki_import_privkey_file(path.constData(), passphrase->toUtf8().constData(), nullptr, nullptr,
                                                &privateKey) != SSH_OK) {
                    tried << tr("key %1 (wrong passphrase or unreadable)").arg(file);
                    continue;
                }
            }
            rc = ssh_userauth_publickey(ssh, nullptr, privateKey);
            ssh_key_free(privateKey);
            if (rc == SSH_AUTH_SUCCESS)
                return {};
            if (rc == SSH_AUTH_ERROR)
                return failedHard();
            tried << tr("key %1 (refused)").arg(file);
        }
    }
    // A password the user typed is kept for this host's reconnects (never
    // written anywhere), and forgotten when the server refuses it.
    bool typedPassword = false;
    if ((methods & (SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_INTERACTIVE)) && m_config.password.isEmpty()) {
        if (const std::optional<QString> password = askSecret(SshPrompt::Kind::Password, {}, cancel)) {
            m_config.password = *password;
            typedPassword = true;
        }
    }
    if ((methods & SSH_AUTH_METHOD_PASSWORD) && !m_config.password.isEmpty()) {
        rc = ssh_userauth_password(ssh, nullptr, m_config.password.toUtf8().constData());
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR)
            return failedHard();
        tried << tr("password (refused)");
    }
    if ((methods & SSH_AUTH_METHOD_INTERACTIVE) && !m_config.password.isEmpty()) {
        rc = ssh_userauth_kbdint(ssh, nullptr, nullptr);
        for (int round = 0; rc == SSH_AUTH_INFO && round < 5; ++round) {
            const int prompts = ssh_userauth_kbdint_getnprompts(ssh);
            for (int i = 0; i < prompts; ++i) {
                char echo = 0;
                ssh_userauth_kbdint_getprompt(ssh, unsigned(i), &echo);
                // Hidden prompts get the password; visible ones (rare) nothing.
                ssh_userauth_kbdint_setanswer(ssh, unsigned(i), echo ? "" : m_config.password.toUtf8().constData());
            }
            rc = ssh_userauth_kbdint(ssh, nullptr, nullptr);
        }
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR)
            return failedHard();
        tried << tr("keyboard-interactive with the password (refused)");
    }
    if (tried.isEmpty())
        tried << tr("nothing that matches (no key file found, no password given)");
    // Adding a key is no advice for a server that takes none (keyboard-interactive only, say), and
    // checking a password none for a login that gave none.
    const bool keys = methods & SSH_AUTH_METHOD_PUBLICKEY;
    const bool passwords = methods & (SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_INTERACTIVE);
    QString advice = tr("Check the user name and the password; this server takes no keys.");
    if (!m_config.password.isEmpty() && keys)
        advice = tr("Check the user name and the password, or add your public key to ~/.ssh/authorized_keys of %1 "
                    "on that machine.")
                     .arg(m_user);
    else if (m_config.password.isEmpty() && keys)
        advice = (passwords ? tr("Check the user name; then add your public key to ~/.ssh/authorized_keys of %1 on "
                                 "that machine, name another key (replicactl: -i), or give the password "
                                 "(replicactl: --ssh-password-file).")
                            : tr("Check the user name; then add your public key to ~/.ssh/authorized_keys of %1 on "
                                 "that machine, or name another key (replicactl: -i)."))
                     .arg(m_user);
    else if (m_config.password.isEmpty())
        advice =
            tr("This server takes no keys: give the password of %1 (replicactl: --ssh-password-file).").arg(m_user);
    const QString message = tr("Could not log in to %1 as %2. The server accepts: %3. Tried: %4. %5")
                                .arg(displayName(), m_user,
                                     offered.isEmpty() ? tr("no method we know") : offered.join(QStringLiteral(", ")),
                                     tried.join(QStringLiteral("; ")), advice);
    if (typedPassword)
        m_config.password.clear();
    return makeError(message, QString::fromUtf8(ssh_get_error(ssh)));
}

Result<CommandResult> SshHost::run(const CommandLine &command, const RunOptions &options)
{
    std::lock_guard lock(m_mutex);
    if (needsStagedInput(options))
        return runWithStagedInput(command, options);
    auto trace = traceTime(*this, "run", [&] { return command.toShellString(); });
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (auto connected = ensureConnected(options.cancel); !connected)
            return connected.error();
        bool sent = false;
        m_sessionBroken = false;
        auto result = runOnChannel(command, options, &sent);
        if (m_sessionBroken)
            dropSession();
        // A session that died while idle (server restarted, network
        // change) shows up when the channel opens: once more, new session.
        if (result.ok() || sent)
            return result;
        dropSession();
        if (attempt == 1)
            return result;
    }
    return makeError(tr("Could not run %1 on %2.").arg(command.program(), displayName()));
}

Result<CommandResult> SshHost::runOnChannel(const CommandLine &command, const RunOptions &options, bool *sent)
{
    *sent = false;
    auto privileged = withPrivilege(command, options.as);
    if (!privileged) {
        *sent = true; // nothing to retry
        return privileged.error();
    }
    const QByteArray input = privileged->stdinPrefix + options.stdinData;
    // Streams between hosts keep a channel each: their input has no known length.
    if (!options.stdinSource && !options.onStdOutData) {
        auto shell = openSessionShell(options.cancel);
        if (!shell)
            return shell.error();
        if (*shell)
            return runInSessionShell(command, privileged->command, input, options, sent);
        if (options.cancel && options.cancel->load()) {
            *sent = true; // cancelled before it started: not to be tried again
            CommandResult cancelled;
            cancelled.command = command;
            cancelled.cancelled = true;
            return cancelled;
        }
    }
    return runOnExecChannel(command, privileged->command, input, options, sent);
}

Result<CommandResult> SshHost::runOnExecChannel(const CommandLine &command, const CommandLine &privileged,
                                                const QByteArray &input, const RunOptions &options, bool *sent)
{
    const QByteArray token = m_session->nextToken();
    ssh_channel channel = ssh_channel_new(m_session->ssh);
    if (!channel)
        return sessionError(tr("Could not open a channel to %1.").arg(displayName()));
    QString exitSignal;
    ssh_channel_callbacks_struct callbacks{};
    callbacks.userdata = &exitSignal;
    callbacks.channel_exit_signal_function = onExitSignal;
    ssh_callbacks_init(&callbacks);
    ssh_set_channel_callbacks(channel, &callbacks);
    // libssh keeps a freed channel until the server closes it too: the
    // callbacks (on this stack) must be gone from it before that.
    auto freeChannel = qScopeGuard([&] {
        ssh_remove_channel_callbacks(channel, &callbacks);
        if (ssh_channel_is_open(channel))
            ssh_channel_close(channel);
        ssh_channel_free(channel);
    });
    if (ssh_channel_open_session(channel) != SSH_OK)
        return sessionError(tr("Could not open a channel to %1: the connection was lost.").arg(displayName()));

    QElapsedTimer clock;
    clock.start();
    // The login shell becomes sh (exec keeps the pid, which sshd made a
    // session and process-group leader).
    if (ssh_channel_request_exec(
            channel, ("exec " + withStartMarkers(privileged, token, commandJournal())).constData()) != SSH_OK)
        return sessionError(tr("%1 refused to run %2.").arg(displayName(), command.program()));
    *sent = true;

    CommandResult result;
    result.command = command;
    CommandOutput output(result, options, token);
    ChannelTraffic traffic(channel, input, options.stdinSource, true);
    Keepalive keepalive(m_session->ssh, m_config.keepaliveMs);
    bool ended = false;
    QElapsedTimer sinceEnded;
    while (true) {
        const auto round = traffic.exchange(
            [&](bool isStdErr, const QByteArray &bytes) { isStdErr ? output.stdErr(bytes) : output.stdOut(bytes); });
        if (round == ChannelTraffic::Round::Failed)
            return connectionLost(command);
        keepalive.after(round == ChannelTraffic::Round::Moved);
        if (round == ChannelTraffic::Round::Idle && traffic.channelEnded())
            break;
        if (!ended && endRequested(options, clock, result)) {
            ended = true;
            sinceEnded.start();
            endRemoteGroup(output.processGroup(), options.as);
            traffic.endInput();
        } else if (ended && sinceEnded.elapsed() > 10000) {
            break; // it would not go: stop waiting, the channel is closed below
        }
        if (round == ChannelTraffic::Round::Idle && ssh_channel_poll_timeout(channel, 20, 0) == SSH_ERROR)
            return connectionLost(command);
    }
    output.finish();
    if (!ended || ssh_channel_is_eof(channel))
        result.exitCode = ssh_channel_get_exit_status(channel);
    result.durationMs = clock.elapsed();
    if (!exitSignal.isEmpty()) {
        result.exitSignal = exitSignal;
        result.exitCode = 128 + signalNumber(exitSignal);
    }
    return result;
}

Result<bool> SshHost::openSessionShell(const std::atomic_bool *cancel)
{
    Session &session = *m_session;
    auto lost = [this] {
        return sessionError(tr("Could not open a channel to %1: the connection was lost.").arg(displayName()));
    };
    if (session.shell) {
        // After a pause the connection may have died unseen (a NAT that
        // forgot it, a host that rebooted): a ping answers before a command
        // goes out that could not be told to have run or not.
        const bool recent = session.shellUsed.isValid() && session.shellUsed.elapsed() < sessionShellPingAfterMs;
        if (sessionShellIdle() &&
            (recent || awaitShellAnswer(session.nextToken(), true, m_config.connectTimeoutMs, cancel) == "0"))
            return true;
        closeSessionShell();
        if (cancel && cancel->load())
            return false;
        if (!ssh_is_connected(session.ssh) || !recent)
            return lost();
    }
    if (session.shellUnavailable)
        return false;

    ssh_channel channel = ssh_channel_new(session.ssh);
    if (!channel)
        return sessionError(tr("Could not open a channel to %1.").arg(displayName()));
    if (ssh_channel_open_session(channel) != SSH_OK) {
        ssh_channel_free(channel);
        return lost();
    }
    session.shell = channel;
    const QByteArray command = CommandLine::shell(QString::fromLatin1(sessionShellScript)).toShellString().toUtf8();
    if (ssh_channel_request_exec(channel, ("exec " + command).constData()) != SSH_OK) {
        closeSessionShell();
        session.shellUnavailable = true;
        return false;
    }
    // Up to the token: whatever the start-up files printed; then "ok".
    const QByteArray answer = awaitShellAnswer(session.nextToken(), false, sessionShellStartMs, cancel);
    if (answer == "ok") {
        session.shellUsed.start();
        return true;
    }
    if (cancel && cancel->load()) {
        closeSessionShell(); // the next command tries again
        return false;
    }
    // A login shell that is not sh-like enough, a forced command, no setsid:
    // every command gets an exec channel of its own, as it always could.
    qCDebug(lcSsh).noquote() << displayName() << "keeps no session shell:" << answer;
    closeSessionShell();
    session.shellUnavailable = ssh_is_connected(session.ssh);
    if (!session.shellUnavailable)
        return lost();
    return false;
}

QByteArray SshHost::awaitShellAnswer(const QByteArray &token, bool ping, qint64 deadlineMs,
                                     const std::atomic_bool *cancel)
{
    ssh_channel shell = m_session->shell;
    MarkerScanner outEnd(token), errEnd(token);
    ChannelTraffic traffic(shell, token + (ping ? " 0 0\n" : "\n"), {}, false);
    QElapsedTimer clock;
    clock.start();
    while (!(outEnd.reached() && errEnd.reached()) && clock.elapsed() < deadlineMs && !(cancel && cancel->load())) {
        const auto round = traffic.exchange(
            [&](bool isStdErr, const QByteArray &bytes) { isStdErr ? errEnd.feed(bytes) : outEnd.feed(bytes); });
        if (round == ChannelTraffic::Round::Failed)
            return {};
        if (round == ChannelTraffic::Round::Idle &&
            (traffic.channelEnded() || ssh_channel_poll_timeout(shell, 20, 0) == SSH_ERROR))
            return {};
    }
    return outEnd.reached() && errEnd.reached() ? outEnd.trailer() : QByteArray();
}

bool SshHost::sessionShellIdle()
{
    // Takes in what arrived since the last command: a shell (or a whole
    // session) that ended while idle shows here, before a command is sent.
    ssh_channel shell = m_session->shell;
    if (ssh_channel_poll_timeout(shell, 0, 0) == SSH_ERROR || !ssh_channel_is_open(shell) || ssh_channel_is_eof(shell))
        return false;
    std::vector<char> stray(4096);
    for (const int isStdErr : {0, 1}) {
        while (ssh_channel_read_nonblocking(shell, stray.data(), uint32_t(stray.size()), isStdErr) > 0) {
        } // left behind by a process an earlier command started: not the next command's
    }
    return true;
}

void SshHost::closeSessionShell()
{
    Session &session = *m_session;
    if (!session.shell)
        return;
    if (ssh_channel_is_open(session.shell)) {
        ssh_channel_send_eof(session.shell); // its `read` ends, and so does it
        ssh_channel_close(session.shell);
    }
    ssh_channel_free(session.shell);
    session.shell = nullptr;
}

Result<CommandResult> SshHost::runInSessionShell(const CommandLine &command, const CommandLine &privileged,
                                                 const QByteArray &input, const RunOptions &options, bool *sent)
{
    Session &session = *m_session;
    // Distinct markers for the start and the end: neither contains the other.
    const QByteArray token = session.nextToken();
    const QByteArray startToken = token + ".b", endToken = token + ".e";
    const QByteArray wrapped = withStartMarkers(privileged, startToken, commandJournal()) + "\n#" + endToken;
    const QByteArray request = endToken + ' ' + QByteArray::number(wrapped.size()) + ' ' +
                               QByteArray::number(input.size()) + '\n' + wrapped + input;
    CommandResult result;
    result.command = command;
    CommandOutput output(result, options, startToken);
    MarkerScanner outEnd(endToken), errEnd(endToken);
    ChannelTraffic traffic(session.shell, request, {}, false);
    Keepalive keepalive(session.ssh, m_config.keepaliveMs);
    QElapsedTimer clock;
    clock.start();
    bool ended = false;
    QElapsedTimer sinceEnded;
    while (!(outEnd.reached() && errEnd.reached())) {
        const auto round = traffic.exchange([&](bool isStdErr, const QByteArray &bytes) {
            isStdErr ? output.stdErr(errEnd.feed(bytes)) : output.stdOut(outEnd.feed(bytes));
        });
        *sent = traffic.anyWritten();
        keepalive.after(round == ChannelTraffic::Round::Moved);
        if (round == ChannelTraffic::Round::Failed ||
            (round == ChannelTraffic::Round::Idle && traffic.channelEnded())) {
            closeSessionShell();
            if (!*sent)
                return sessionError(
                    tr("Could not run %1 on %2: the connection was lost.").arg(command.program(), displayName()));
            return connectionLost(command);
        }
        if (!ended && endRequested(options, clock, result)) {
            ended = true;
            sinceEnded.start();
            endRemoteGroup(output.processGroup(), options.as);
        } else if (ended && (!traffic.inputDone() || sinceEnded.elapsed() > 10000)) {
            break; // the shell is mid-request or the command lingers: closed below
        }
        if (round == ChannelTraffic::Round::Idle && ssh_channel_poll_timeout(session.shell, 20, 0) == SSH_ERROR)
            return connectionLost(command);
    }
    output.finish();
    result.durationMs = clock.elapsed();
    if (!(outEnd.reached() && errEnd.reached())) {
        closeSessionShell();
        return result;
    }
    session.shellUsed.start();
    result.exitCode = outEnd.trailer().toInt();
    // The shell reports a command that a signal ended as 128 + its number.
    if (result.exitCode > 128 && result.exitCode < 160)
        result.exitSignal = signalName(result.exitCode - 128);
    return result;
}

Error SshHost::connectionLost(const CommandLine &command)
{
    m_sessionBroken = true; // dropped by run(), once the channel is freed
    return sessionError(tr("The connection to %1 was lost while %2 ran: the machine or the network stopped "
                           "answering (for %3 s at most), or the connection was closed. The command may still be "
                           "running there; running the plan again waits for it to end, or ends it.")
                            .arg(displayName(), command.program())
                            .arg(m_config.deadLinkMs / 1000.0));
}

void SshHost::endRemoteGroup(qint64 processGroup, RunAs as)
{
    if (processGroup <= 1)
        return; // closing the channel is all that is left
    RunOptions options;
    options.as = as;
    options.timeoutMs = 15000;
    auto privileged = withPrivilege(endGroupCommand(processGroup), as);
    bool sent = false;
    // Its own channel: the session shell, if any, is busy with the command.
    auto ended =
        privileged ? runOnExecChannel(privileged->command, privileged->command, privileged->stdinPrefix, options, &sent)
                   : Result<CommandResult>(privileged.error());
    if (!ended || !ended->succeeded())
        qWarning("SshHost: could not end process group %lld on %s", processGroup, qPrintable(displayName()));
}

sftp_session SshHost::openSftp()
{
    if (!m_session->sftpTried) {
        m_session->sftpTried = true; // a server without SFTP is asked once per session
        m_session->sftp = sftp_new(m_session->ssh);
        if (m_session->sftp && sftp_init(m_session->sftp) != SSH_OK) {
            sftp_free(m_session->sftp);
            m_session->sftp = nullptr;
        }
    }
    return m_session->sftp;
}

Result<QByteArray> SshHost::readFile(const QString &path, RunAs as)
{
    std::lock_guard lock(m_mutex);
    auto trace = traceTime(*this, "read", [&] { return path; });
    auto privileged = withPrivilege(CommandLine(QStringLiteral("cat")), as);
    if (!privileged)
        return privileged.error();
    if (privileged->command.program() != QLatin1String("cat"))
        return readFileThroughShell(path, as);
    if (auto connected = ensureConnected(nullptr); !connected)
        return connected.error();
    if (!openSftp())
        return readFileThroughShell(path, as);

    sftp_file file = sftp_open(m_session->sftp, path.toUtf8().constData(), O_RDONLY, 0);
    if (!file) {
        const int code = sftp_get_error(m_session->sftp);
        return readError(path,
                         code == SSH_FX_NO_SUCH_FILE        ? ReadFailure::Missing
                         : code == SSH_FX_PERMISSION_DENIED ? ReadFailure::Denied
                                                            : ReadFailure::Other,
                         QString::fromUtf8(ssh_get_error(m_session->ssh)));
    }
    QByteArray content;
    std::vector<char> buffer(64 * 1024);
    while (true) {
        const ssize_t n = sftp_read(file, buffer.data(), buffer.size());
        if (n == 0)
            break;
        if (n < 0) {
            sftp_close(file);
            Error error = sessionError(tr("Reading %1 on %2 failed midway.").arg(path, displayName()));
            dropSession();
            return error;
        }
        content.append(buffer.data(), n);
    }
    sftp_close(file);
    return content;
}

Result<WriteReport> SshHost::writeFile(const QString &path, const QByteArray &content, const WriteOptions &options)
{
    std::lock_guard lock(m_mutex);
    auto trace = traceTime(*this, "write", [&] { return path; });
    auto privileged = withPrivilege(CommandLine(QStringLiteral("cat")), options.as);
    if (!privileged)
        return privileged.error();
    if (privileged->command.program() != QLatin1String("cat")) // root/postgres through sudo or runuser
        return writeFileThroughShell(path, content, options);
    if (auto connected = ensureConnected(options.cancel); !connected)
        return connected.error();
    sftp_session sftp = openSftp();
    if (!sftp)
        return writeFileThroughShell(path, content, options);

    // The content goes up by SFTP into a temp file beside the real target
    // (symlinks resolved, as the script does); the shared script then keeps
    // the backup, owner and mode and renames it into place.
    QString target = path;
    if (char *real = sftp_canonicalize_path(sftp, path.toUtf8().constData())) {
        target = QString::fromUtf8(real);
        ssh_string_free_char(real);
    }
    const QFileInfo info(target);
    const QString temp = info.path() + QStringLiteral("/.") + info.fileName() + QLatin1Char('.') +
                         QString::number(QRandomGenerator::global()->generate64(), 36);
    const QByteArray tempName = temp.toUtf8();
    sftp_file file = sftp_open(sftp, tempName.constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (!file) // the shell gives the precise reason (permission, missing folder)
        return writeFileThroughShell(path, content, options);
    auto abandon = [&](Error error) {
        sftp_close(file);
        sftp_unlink(sftp, tempName.constData());
        return error;
    };
    for (qsizetype done = 0; done < content.size();) {
        if (options.cancel && options.cancel->load())
            return abandon(
                makeError(tr("Writing %1 on %2 was cancelled; the file was left as it was.").arg(path, displayName())));
        const size_t chunk = size_t(std::min<qsizetype>(content.size() - done, 32 * 1024));
        const ssize_t n = sftp_write(file, content.constData() + done, chunk);
        if (n <= 0) {
            Error error = abandon(sessionError(
                tr("Writing %1 on %2 failed midway; the file was left as it was.").arg(path, displayName())));
            dropSession();
            return error;
        }
        done += n;
    }
    if (sftp_extension_supported(sftp, "fsync@openssh.com", "1"))
        sftp_fsync(file);
    sftp_close(file);
    return writeFileThroughShell(path, {}, options, temp);
}

Result<void> SshHost::appendFile(const QString &path, const QByteArray &content, RunAs as)
{
    std::lock_guard lock(m_mutex);
    return appendFileThroughShell(path, content, as);
}

Result<ssh_channel> SshHost::openForwardChannel(const QString &host, int port, int originPort,
                                                const std::atomic_bool *cancel)
{
    std::lock_guard lock(m_mutex);
    if (Result<void> connected = ensureConnected(cancel); !connected)
        return connected.error();
    ssh_channel channel = ssh_channel_new(m_session->ssh);
    if (!channel)
        return sessionError(tr("Could not open an SSH channel"));
    const QByteArray target = host.toUtf8();
    if (ssh_channel_open_forward(channel, target.constData(), port, "127.0.0.1", originPort) != SSH_OK) {
        Error error = sessionError(tr("%1 would not forward a connection to %2 port %3 (is AllowTcpForwarding "
                                      "off in its sshd_config, or does nothing listen there?)")
                                       .arg(displayName(), host)
                                       .arg(port));
        ssh_channel_free(channel);
        return error;
    }
    return channel;
}
