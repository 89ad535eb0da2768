#include "postgres_judge.h"

#include "core/host/host.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PostgresJudge", text);
}

// PostgreSQL's message without the log prefix of each line, the copy's name replaced by the file's.
QString cleaned(const QByteArray &stderrText, const QString &copy, const QString &path)
{
    QStringList lines;
    for (QString line : QString::fromUtf8(stderrText).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.contains(QLatin1String("skipping missing configuration file")))
            continue; // the scratch folder's postgresql.auto.conf
        for (const char *level : {"LOG:  ", "FATAL:  ", "ERROR:  ", "DETAIL:  ", "HINT:  ", "CONTEXT:  "}) {
            const qsizetype at = line.indexOf(QLatin1String(level));
            if (at > 0) {
                line = line.mid(at);
                break;
            }
        }
        lines.append(line.replace(copy, path));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

PostgresJudge::PostgresJudge(Host &host, QString postgresProgram) : m_host(host), m_program(std::move(postgresProgram))
{
}

Result<QString> PostgresJudge::makeDataFolder()
{
    auto made = m_host.run(
        CommandLine(QStringLiteral("mktemp"), {QStringLiteral("-d"), QStringLiteral("/tmp/replica-judge.XXXXXX")}));
    if (!made)
        return made.error();
    if (!made->succeeded())
        return made->toError(tr("make a scratch folder for postgres -C"));
    const QString folder = QString::fromUtf8(made->stdOut).trimmed();
    // postgres (not the login user) looks for postgresql.auto.conf in it: a missing file is fine, a closed folder is
    // not.
    m_host.run(CommandLine(QStringLiteral("chmod"), {QStringLiteral("755"), folder}));
    return folder;
}

void PostgresJudge::removeQuietly(const QString &path)
{
    m_host.run(CommandLine(QStringLiteral("rm"), {QStringLiteral("-rf"), QStringLiteral("--"), path}));
}

bool PostgresJudge::isDataDirectory(const QString &folder)
{
    auto found =
        m_host.run(CommandLine(QStringLiteral("test"), {QStringLiteral("-f"), folder + QStringLiteral("/PG_VERSION")}));
    return found && found->exitCode == 0;
}

Result<PostgresJudge::Verdict> PostgresJudge::judge(const QString &path, const QByteArray &text,
                                                    const QStringList &names)
{
    const QFileInfo info(path);
    const QString copy = QStringLiteral("%1/.%2.replica-check-%3")
                             .arg(info.absolutePath(), info.fileName())
                             .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    WriteOptions options;
    options.mode = 0644;
    options.keepBackup = false;
    if (auto written = m_host.writeFile(copy, text, options); !written)
        return written.error();
    auto removeCopy = qScopeGuard([&] { removeQuietly(copy); });
    // Beside a data directory (initdb's layout) its postgresql.auto.conf counts; elsewhere a scratch folder stands in.
    const bool inDataDir = isDataDirectory(info.absolutePath());
    auto folder = inDataDir ? Result<QString>(info.absolutePath()) : makeDataFolder();
    if (!folder)
        return folder.error();
    auto removeFolder = qScopeGuard([&] {
        if (!inDataDir)
            removeQuietly(*folder);
    });
    // postgres refuses to run as root; any other user may ask it.
    const RunAs as = m_host.loginUser() == QLatin1String("root") ? RunAs::Postgres : RunAs::LoginUser;
    Verdict verdict;
    verdict.accepted = true;
    for (const QString &name : names) {
        RunOptions run;
        run.as = as;
        run.timeoutMs = 30000;
        auto shown =
            m_host.run(CommandLine(m_program, {QStringLiteral("-D"), *folder, QStringLiteral("-c"),
                                               QStringLiteral("config_file=") + copy, QStringLiteral("-C"), name}),
                       run);
        if (!shown)
            return shown.error();
        if (shown->succeeded()) {
            verdict.values.insert(name, QString::fromUtf8(shown->stdOut).trimmed());
            continue;
        }
        const QString message = cleaned(shown->stdErr, copy, path);
        // postgres could not read the copy: the check could not be made, which is no verdict on the file.
        if (message.contains(QLatin1String("Permission denied")))
            return makeError(tr("PostgreSQL's own check of %1 could not run: %2").arg(path, message));
        verdict.accepted = false;
        verdict.message = message;
        break;
    }
    return verdict;
}
