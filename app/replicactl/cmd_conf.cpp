#include "commands.h"

#include "core/conf/conf_file.h"
#include "core/conf/conf_tree.h"
#include "core/conf/postgres_judge.h"
#include "core/diff/text_diff.h"
#include "core/host/local_host.h"
#include "core/version/version_rules.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

// replicactl conf FILE --set NAME=VALUE ... [--unset NAME] [--version N] [--write]
// Prints the unified diff of the edit; writes only with --write (atomic
// replace, dated backup). Bad input: a message, exit code 2, file untouched.
namespace ReplicaCtl {

namespace {

struct Edit
{
    bool unset = false;
    QString name;
    QString value;
};

int usage(QTextStream &out)
{
    out << tr("Usage: replicactl conf FILE [--set NAME=VALUE]... [--unset NAME]... [--version MAJOR] [--pg-bin DIR] "
              "[--write]\n"
              "\n"
              "Edits a postgresql.conf (or postgresql.auto.conf, recovery.conf) the way PostgreSQL reads it and\n"
              "prints the change as a unified diff. Nothing is written unless --write is given; then the file is\n"
              "replaced atomically and the previous one kept beside it as FILE.<date>.bak.\n"
              "\n"
              "  --set NAME=VALUE  set a setting: the value as PostgreSQL should see it (--set listen_addresses=*),\n"
              "                    or in the file's own quoted form (--set \"listen_addresses='*'\"), which is read\n"
              "                    as PostgreSQL reads it\n"
              "  --unset NAME      comment out the lines that set NAME\n"
              "  --version MAJOR   check values against this PostgreSQL major (9.3 ... 18); by default the\n"
              "                    major in the file's path (/etc/postgresql/15/...), else the newest\n"
              "  --pg-bin DIR      the folder of the postgres program that checks the edited file before it\n"
              "                    is written (postgres -C); by default /usr/lib/postgresql/MAJOR/bin\n"
              "  --write           write the file\n"
              "\n"
              "A setting that a later file sets again (an include, include_dir, postgresql.auto.conf) is\n"
              "reported with the file and line that PostgreSQL takes it from.\n");
    return BadInput;
}

// /etc/postgresql/15/main/postgresql.conf, /usr/share/postgresql/9.6/..., /var/lib/pgsql/9.3/data/...
std::optional<PgVersion> versionFromPath(const QString &path)
{
    static const QRegularExpression segment(QStringLiteral("/(9\\.[3-6]|1[0-9])/"));
    const QRegularExpressionMatch match = segment.match(path);
    if (!match.hasMatch())
        return std::nullopt;
    return PgVersion::parse(match.captured(1));
}

// The lines of other files that PostgreSQL reads after this one and that set an edited setting again.
// Returns the names it warned about.
QStringList reportOverrides(const QString &path, const QByteArray &after, const QList<QPair<QString, QString>> &wanted,
                            QTextStream &err)
{
    QStringList overridden;
    const Result<ConfTree> tree = ConfTree::readLocal(QFileInfo(path).absoluteFilePath(), after);
    if (!tree) {
        err << tr("Could not follow what %1 includes: %2\n").arg(path, tree.error().message);
        return overridden;
    }
    for (const auto &[name, value] : wanted) {
        if (const auto winner = tree->overrideOf(name)) {
            err << tr("Warning: %1\n").arg(ConfTree::describeOverride(name, *winner));
            overridden.append(name);
        }
    }
    return overridden;
}

// PostgreSQL's own reading of the edited file (postgres -C on a copy beside it): Done when it
// accepts it, BadInput when it refuses it (nothing is written then). Without a postgres program of
// this major here, says that the check was ours alone.
int judgeWithPostgres(const QString &path, const QByteArray &after, const QList<QPair<QString, QString>> &wanted,
                      const VersionRules &rules, const QString &pgBin, QTextStream &err)
{
    const QStringList overridden = reportOverrides(path, after, wanted, err);
    const QString major = rules.version().majorString();
    const QString folder = pgBin.isEmpty() ? QStringLiteral("/usr/lib/postgresql/%1/bin").arg(major) : pgBin;
    const QString program = folder + QStringLiteral("/postgres");
    if (!QFileInfo(program).isExecutable()) {
        err << tr("No PostgreSQL %1 server program in %2 to check the edited file with (give --pg-bin): it was "
                  "checked by Replica Studio's rules only.\n")
                   .arg(major, folder);
        return Done;
    }
    QStringList names;
    for (const auto &setting : wanted)
        names.append(setting.first);
    if (names.isEmpty())
        names.append(QStringLiteral("port")); // an --unset only: still ask whether the file loads
    LocalHost host;
    PostgresJudge judge(host, program);
    const Result<PostgresJudge::Verdict> verdict = judge.judge(QFileInfo(path).absoluteFilePath(), after, names);
    if (!verdict) {
        err << tr("Could not ask PostgreSQL to check the edited file: %1\n").arg(verdict.error().fullText());
        return Done;
    }
    if (!verdict->accepted) {
        err << tr("replicactl conf: PostgreSQL %1 refuses the edited file, so nothing was written:\n").arg(major)
            << verdict->message << '\n';
        return BadInput;
    }
    for (const auto &[name, value] : wanted) {
        const QString shown = verdict->values.value(name);
        if (!overridden.contains(name) && !rules.sameSettingValue(name, shown, value))
            err << tr("Warning: PostgreSQL %1 reads %2 = '%3' from these files, not '%4'.\n")
                       .arg(major, name, shown, value);
    }
    return Done;
}

} // namespace

int conf(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString path;
    QList<Edit> edits;
    std::optional<PgVersion> version;
    bool write = false;
    QString pgBin;

    for (int i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        auto valueOf = [&](const QString &option) -> std::optional<QString> {
            if (argument.startsWith(option + QLatin1Char('=')))
                return argument.mid(option.size() + 1);
            if (argument == option && i + 1 < arguments.size())
                return arguments[++i];
            return std::nullopt;
        };
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            usage(out);
            return Done;
        }
        if (argument == QLatin1String("--write")) {
            write = true;
        } else if (argument == QLatin1String("--set") || argument.startsWith(QLatin1String("--set="))) {
            const auto assignment = valueOf(QStringLiteral("--set"));
            const qsizetype equals = assignment ? assignment->indexOf(QLatin1Char('=')) : -1;
            if (equals <= 0) {
                err << tr("replicactl conf: --set needs NAME=VALUE, for example --set wal_level=replica.\n");
                return BadInput;
            }
            edits.append({false, assignment->left(equals).trimmed(), assignment->mid(equals + 1)});
        } else if (argument == QLatin1String("--unset") || argument.startsWith(QLatin1String("--unset="))) {
            const auto name = valueOf(QStringLiteral("--unset"));
            if (!name || name->trimmed().isEmpty()) {
                err << tr("replicactl conf: --unset needs the name of a setting.\n");
                return BadInput;
            }
            edits.append({true, name->trimmed(), {}});
        } else if (argument == QLatin1String("--version") || argument.startsWith(QLatin1String("--version="))) {
            const auto text = valueOf(QStringLiteral("--version"));
            version = text ? PgVersion::parse(*text) : std::nullopt;
            if (!version || !VersionRules(*version).isSupported()) {
                err << tr("replicactl conf: --version takes a PostgreSQL major from %1 to %2, such as 15 or 9.6.\n")
                           .arg(VersionRules::oldestSupported().majorString(),
                                VersionRules::newestSupported().majorString());
                return BadInput;
            }
        } else if (argument == QLatin1String("--pg-bin") || argument.startsWith(QLatin1String("--pg-bin="))) {
            const auto folder = valueOf(QStringLiteral("--pg-bin"));
            if (!folder || !QFileInfo(*folder + QStringLiteral("/postgres")).isExecutable()) {
                err << tr("replicactl conf: --pg-bin needs a folder that holds the postgres program.\n");
                return BadInput;
            }
            pgBin = *folder;
        } else if (argument.startsWith(QLatin1String("-"))) {
            err << tr("replicactl conf: unknown option %1.\n").arg(argument);
            usage(err);
            return BadInput;
        } else if (path.isEmpty()) {
            path = argument;
        } else {
            err << tr("replicactl conf: one file at a time; %1 is a second one.\n").arg(argument);
            return BadInput;
        }
    }
    if (path.isEmpty())
        return usage(err);
    if (edits.isEmpty()) {
        err << tr("replicactl conf: say what to change with --set NAME=VALUE or --unset NAME.\n");
        return BadInput;
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << tr("replicactl conf: cannot read %1: %2.\n").arg(path, file.errorString());
        return BadInput;
    }
    const QByteArray before = file.readAll();
    file.close();

    if (!version) {
        version = versionFromPath(path);
        if (!version) {
            version = VersionRules::newestSupported();
            err << tr("Checking values against PostgreSQL %1; use --version to choose another major.\n")
                       .arg(version->majorString());
        }
    }
    const VersionRules rules(*version);

    Result<ConfFile> conf = ConfFile::parse(before, path);
    if (!conf) {
        err << tr("replicactl conf: %1 cannot be edited: PostgreSQL would refuse it as it is.\n").arg(path)
            << conf.error().message << '\n';
        return BadInput;
    }
    QStringList restart;
    QStringList reload;
    QList<QPair<QString, QString>> wanted; // the settings as PostgreSQL should read them
    for (const Edit &edit : edits) {
        if (edit.unset) {
            // A name PostgreSQL does not know, or one also set here, is a mistake to point out, not a no-op.
            const bool alsoSet = std::any_of(edits.cbegin(), edits.cend(), [&edit](const Edit &other) {
                return !other.unset && other.name.compare(edit.name, Qt::CaseInsensitive) == 0;
            });
            if ((!rules.isKnownSetting(edit.name) && !conf->value(edit.name)) || alsoSet) {
                err << tr("replicactl conf: nothing was changed.\n")
                    << (alsoSet ? tr("--set and --unset both name %1: give one of them.").arg(edit.name)
                                : tr("PostgreSQL %1 has no setting named %2.").arg(version->majorString(), edit.name))
                    << '\n';
                return BadInput;
            }
            conf->unset(edit.name);
        } else {
            const Result<QString> value = ConfFile::valueFromTyped(edit.name, edit.value);
            const Result<void> result = value ? conf->set(edit.name, *value, rules) : Result<void>(value.error());
            if (!result) {
                err << tr("replicactl conf: nothing was changed.\n") << result.error().message << '\n';
                return BadInput;
            }
            wanted.append({edit.name, *value});
        }
        const auto info = rules.setting(edit.name);
        const QString name = info ? info->name : edit.name;
        QStringList &list = info && info->needsRestart() ? restart : reload;
        if (!list.contains(name))
            list << name;
    }

    const QByteArray after = conf->render();
    const TextDiff diff(before, after);
    if (diff.isEmpty()) {
        err << tr("%1 already says that: nothing to change.\n").arg(path);
        return Done;
    }
    if (const int refused = judgeWithPostgres(path, after, wanted, rules, pgBin, err); refused != Done)
        return refused;
    out << QString::fromUtf8(diff.unified(path, path));
    out.flush();

    if (!restart.isEmpty())
        err << tr("PostgreSQL %1 needs a restart for: %2.\n")
                   .arg(version->majorString(), restart.join(QStringLiteral(", ")));
    if (!reload.isEmpty())
        err << tr("A reload is enough for: %1.\n").arg(reload.join(QStringLiteral(", ")));

    if (!write) {
        err << tr("Nothing was written; add --write to write %1.\n").arg(path);
        return Done;
    }
    LocalHost host;
    const Result<WriteReport> written = host.writeFile(path, after);
    if (!written) {
        err << tr("replicactl conf: %1 was not written.\n").arg(path) << written.error().fullText() << '\n';
        return Failed;
    }
    if (written->backupPath.isEmpty())
        err << tr("Wrote %1.\n").arg(written->path);
    else
        err << tr("Wrote %1; the previous version is %2.\n").arg(written->path, written->backupPath);
    return Done;
}

} // namespace ReplicaCtl
