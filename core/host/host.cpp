#include "host.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Host", text);
}

QString userFor(RunAs as)
{
    switch (as) {
    case RunAs::Root:
        return QStringLiteral("root");
    case RunAs::Postgres:
        return QStringLiteral("postgres");
    case RunAs::LoginUser:
        break;
    }
    return {};
}

// Written by us, never by the user: the path arrives as "$1". See
// Host::writeFileThroughShell for what it guarantees.
const char writeScript[] = R"sh(set -e
p=$1 mode=$2 owner=$3 keep=$4 uploaded=$5 size=$6
if [ -L "$p" ]; then p=$(readlink -f -- "$p"); fi
d=$(dirname -- "$p"); b=$(basename -- "$p")
if [ -n "$uploaded" ]; then tmp=$uploaded; else tmp=$(mktemp -- "$d/.$b.XXXXXX"); fi
trap 'rm -f -- "$tmp"' EXIT
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM
if [ -z "$uploaded" ]; then
  cat > "$tmp"
  # Input that ended early (a cancel, a dropped connection) never becomes the file.
  [ $(($(wc -c < "$tmp"))) -eq "$size" ] || { echo "only part of the content arrived" >&2; exit 1; }
fi
if [ -e "$p" ]; then
  [ -n "$mode" ] || mode=$(stat -c %a -- "$p")
  [ -n "$owner" ] || owner=$(stat -c %u:%g -- "$p")
else
  [ -n "$mode" ] || mode=644
fi
chmod "$mode" "$tmp"
if [ -n "$owner" ] && [ "$owner" != "$(stat -c %u:%g -- "$tmp")" ]; then chown -- "$owner" "$tmp"; fi
sync -- "$tmp" 2>/dev/null || sync
if [ -e "$p" ] && [ "$keep" = 1 ]; then
  stamp=$(date +%Y%m%d-%H%M%S); bak="$p.$stamp.bak"; n=0
  while [ -e "$bak" ]; do n=$((n+1)); bak="$p.$stamp-$n.bak"; done
  ln -- "$p" "$bak" 2>/dev/null || cp -p -- "$p" "$bak"
  printf '%s' "$bak"
fi
mv -f -- "$tmp" "$p"
trap - EXIT
sync -- "$d" 2>/dev/null || true
)sh";

const char appendScript[] = R"sh(set -e
cat >> "$1"
sync -- "$1" 2>/dev/null || true
)sh";

// Host::endGroupCommand: $1 is the group (printed by the command itself when
// it started, or found in a journal).
// Zombies do not count (an init that reaps slowly keeps them around); no
// "--" before the group: dash's kill does not take it.
const char endGroupScript[] = R"sh(alive() {
  if command -v ps >/dev/null 2>&1; then
    ps -e -o pgid= -o stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
  else
    kill -0 "-$1" 2>/dev/null
  fi
}
kill -TERM "-$1" 2>/dev/null || exit 0
i=0
while [ $i -lt 150 ]; do alive "$1" || exit 0; sleep 0.02; i=$((i+1)); done
kill -KILL "-$1" 2>/dev/null
exit 0
)sh";

} // namespace

CommandLine Host::endGroupCommand(qint64 processGroup)
{
    return CommandLine::shell(QString::fromLatin1(endGroupScript), {QString::number(processGroup)});
}

Result<Host::PrivilegedCommand> Host::withPrivilege(const CommandLine &command, RunAs as,
                                                    const QString &stdinFile) const
{
    const QString target = userFor(as);
    const QString login = loginUser();
    if (target.isEmpty() || target == login)
        return PrivilegedCommand{command, {}};

    // Started from /: the login user's directory (/root) is closed to postgres,
    // and PostgreSQL's programs report "could not change directory" for it.
    const CommandLine fromRootDir(QStringLiteral("sh"),
                                  QStringList{QStringLiteral("-c"), QStringLiteral("cd / && exec \"$@\""),
                                              QStringLiteral("sh"), command.program()} +
                                      command.arguments());
    auto prefixed = [&](QStringList prefix) {
        prefix.append(fromRootDir.program());
        prefix.append(fromRootDir.arguments());
        const QString program = prefix.takeFirst();
        return CommandLine(program, prefix);
    };

    if (login == QLatin1String("root"))
        return PrivilegedCommand{
            prefixed({QStringLiteral("runuser"), QStringLiteral("-u"), target, QStringLiteral("--")}), {}};

    switch (m_privilege.method) {
    case Privilege::Method::Direct:
        return makeError(tr("The user %1 cannot act as %2 on %3: no way to become %2 was chosen. Log in as root, "
                            "or let %1 use sudo or su there and say so (replicactl: --sudo, --sudo-password-file or "
                            "--su-password-file).")
                             .arg(login, target, displayName()));
    case Privilege::Method::SudoNoPassword:
        return PrivilegedCommand{prefixed({QStringLiteral("sudo"), QStringLiteral("-n"), QStringLiteral("-H"),
                                           QStringLiteral("-u"), target, QStringLiteral("--")}),
                                 {}};
    case Privilege::Method::SudoPassword:
        if (m_privilege.password.isEmpty())
            return makeError(tr("sudo on %1 needs the password of %2. Give it (replicactl: --sudo-password-file).")
                                 .arg(displayName(), login));
        // -k: always read the password, so that a cached sudo ticket cannot
        // leave it on the command's stdin; -p '': no prompt in the output.
        return PrivilegedCommand{
            prefixed({QStringLiteral("sudo"), QStringLiteral("-S"), QStringLiteral("-k"), QStringLiteral("-p"),
                      QString(), QStringLiteral("-H"), QStringLiteral("-u"), target, QStringLiteral("--")}),
            m_privilege.password.toUtf8() + '\n'};
    case Privilege::Method::Su: {
        if (m_privilege.password.isEmpty())
            return makeError(
                tr("su on %1 needs root's password. Give it (replicactl: --su-password-file).").arg(displayName()));
        // su reads the password from stdin when there is no terminal; its
        // root shell then becomes postgres with runuser.
        CommandLine inner =
            as == RunAs::Postgres
                ? CommandLine(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                                     QStringLiteral("--"), fromRootDir.program()} +
                                                             fromRootDir.arguments())
                : fromRootDir;
        if (!stdinFile.isEmpty()) // "$0" is the file: sh -c script file program args...
            inner = CommandLine(
                QStringLiteral("sh"),
                QStringList{QStringLiteral("-c"), QStringLiteral("exec \"$@\" < \"$0\""), stdinFile, inner.program()} +
                    inner.arguments());
        // su keeps the login user's PATH: root's programs (runuser, pg_ctlcluster) need sbin,
        // as sudo's secure_path gives them.
        inner =
            CommandLine(QStringLiteral("env"),
                        QStringList{QStringLiteral("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                                    inner.program()} +
                            inner.arguments());
        return PrivilegedCommand{
            CommandLine(QStringLiteral("su"), {QStringLiteral("-s"), QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                               inner.toShellString(), QStringLiteral("root")}),
            m_privilege.password.toUtf8() + '\n'};
    }
    }
    return makeError(tr("Unknown privilege method for %1.").arg(displayName()));
}

bool Host::needsStagedInput(const RunOptions &options) const
{
    const QString target = userFor(options.as);
    return m_privilege.method == Privilege::Method::Su && !options.stdinData.isEmpty() && !target.isEmpty() &&
           target != loginUser() && loginUser() != QLatin1String("root");
}

Result<CommandResult> Host::runWithStagedInput(const CommandLine &command, const RunOptions &options)
{
    RunOptions stage;
    stage.stdinData = options.stdinData;
    stage.cancel = options.cancel;
    auto staged = run(CommandLine::shell(QStringLiteral(
                          "umask 077; d=/dev/shm; [ -d \"$d\" ] && [ -w \"$d\" ] || d=${TMPDIR:-/tmp}; "
                          "t=$(mktemp \"$d/replica-input.XXXXXX\") && cat > \"$t\" && printf %s \"$t\"")),
                      stage);
    if (!staged)
        return staged.error();
    if (!staged->succeeded())
        return staged->toError(tr("pass the input of %1 to su on %2").arg(command.program(), displayName()));
    const QString file = QString::fromUtf8(staged->stdOut);
    auto privileged = withPrivilege(command, options.as, file);
    Result<CommandResult> result = makeError(QString());
    if (!privileged) {
        result = privileged.error();
    } else {
        RunOptions main = options;
        main.as = RunAs::LoginUser; // already wrapped in su
        main.stdinData = privileged->stdinPrefix;
        result = run(privileged->command, main);
        if (result)
            result->command = command;
    }
    RunOptions quiet;
    (void)run(CommandLine(QStringLiteral("rm"), {QStringLiteral("-f"), QStringLiteral("--"), file}), quiet);
    return result;
}

Result<QByteArray> Host::readFileThroughShell(const QString &path, RunAs as)
{
    RunOptions runOptions;
    runOptions.as = as;
    auto result = run(CommandLine(QStringLiteral("cat"), {QStringLiteral("--"), path}), runOptions);
    if (!result)
        return result.error();
    if (result->succeeded())
        return std::move(result->stdOut);
    const QString said = QString::fromUtf8(result->stdErr).trimmed();
    if (result->stdErr.contains("No such file or directory"))
        return readError(path, ReadFailure::Missing, said);
    if (result->stdErr.contains("Permission denied"))
        return readError(path, ReadFailure::Denied, said);
    return result->toError(tr("read %1 on %2").arg(path, displayName()));
}

Error Host::readError(const QString &path, ReadFailure failure, const QString &detail) const
{
    const QString fullDetail = detail.isEmpty() ? path : path + QLatin1Char('\n') + detail;
    switch (failure) {
    case ReadFailure::Missing:
        return makeError(tr("Could not read %1 on %2: it does not exist.").arg(path, displayName()), fullDetail);
    case ReadFailure::Denied:
        return makeError(
            tr("Could not read %1 on %2: permission denied; read it as root or postgres.").arg(path, displayName()),
            fullDetail);
    case ReadFailure::Other:
        break;
    }
    return makeError(tr("Could not read %1 on %2: %3.").arg(path, displayName(), detail), path);
}

Result<WriteReport> Host::writeFileThroughShell(const QString &path, const QByteArray &content,
                                                const WriteOptions &options, const QString &uploadedTemp)
{
    const QString mode = options.mode ? QString::number(*options.mode, 8) : QString();
    const CommandLine command =
        CommandLine::shell(QString::fromLatin1(writeScript),
                           {path, mode, options.owner, options.keepBackup ? QStringLiteral("1") : QStringLiteral("0"),
                            uploadedTemp, QString::number(content.size())});
    RunOptions runOptions;
    runOptions.as = options.as;
    runOptions.stdinData = content;
    runOptions.cancel = options.cancel;
    auto result = run(command, runOptions);
    if (!result)
        return result.error();
    if (result->cancelled)
        return makeError(tr("Writing %1 on %2 was cancelled; the file was left as it was.").arg(path, displayName()));
    if (!result->succeeded()) {
        CommandResult named = *result;
        named.command = CommandLine(QStringLiteral("write"), {path});
        return named.toError(tr("write %1 on %2; the file was left as it was").arg(path, displayName()));
    }
    return WriteReport{path, QString::fromUtf8(result->stdOut)};
}

Result<void> Host::appendFileThroughShell(const QString &path, const QByteArray &content, RunAs as)
{
    RunOptions runOptions;
    runOptions.as = as;
    runOptions.stdinData = content;
    auto result = run(CommandLine::shell(QString::fromLatin1(appendScript), {path}), runOptions);
    if (!result)
        return result.error();
    if (!result->succeeded()) {
        CommandResult named = *result;
        named.command = CommandLine(QStringLiteral("append"), {path});
        return named.toError(tr("append to %1 on %2").arg(path, displayName()));
    }
    return {};
}
