#include "commands.h"

#include "core/conf/hba_file.h"
#include "core/diff/text_diff.h"
#include "core/host/local_host.h"
#include "core/version/pg_version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

// replicactl hba FILE --add "RULE" [--add ...] [--version N] [--write]
// Shows what adding the rules would change in a pg_hba.conf as a unified
// diff; writes only with --write (a dated backup beside it, then an atomic
// replace, through the same LocalHost::writeFile every file edit uses).
namespace ReplicaCtl {

namespace {

// The major of the cluster the file belongs to, when it sits in a data
// directory (PG_VERSION beside it).
std::optional<PgVersion> versionBeside(const QString &path)
{
    QFile file(QFileInfo(path).absoluteDir().filePath(QStringLiteral("PG_VERSION")));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return PgVersion::parse(QString::fromUtf8(file.readAll()).trimmed());
}

} // namespace

int hba(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Adds rules to a pg_hba.conf and shows the change as a unified diff. "
                                        "Nothing is written unless --write is given."));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The pg_hba.conf to edit."));
    const QCommandLineOption add(QStringLiteral("add"),
                                 tr("A rule as written in pg_hba.conf, e.g. \"host replication replicator "
                                    "10.0.0.2/32 scram-sha-256\". May be given several times."),
                                 tr("RULE"));
    const QCommandLineOption version(QStringLiteral("version"),
                                     tr("The PostgreSQL major the file is for (default: PG_VERSION beside the "
                                        "file, else the newest)."),
                                     tr("N"));
    const QCommandLineOption write(QStringLiteral("write"),
                                   tr("Write the file (keeping a dated backup) instead of only showing the diff."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOptions({add, version, write, help});

    if (!parser.parse(QStringList{QStringLiteral("replicactl hba")} + arguments)) {
        err << parser.errorText() << '\n' << tr("Run 'replicactl hba --help' for the options.") << '\n';
        return BadInput;
    }
    if (parser.isSet(help)) {
        out << commandHelp(parser, QStringLiteral("hba"));
        return Done;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        err << tr("Give exactly one pg_hba.conf to edit, e.g. replicactl hba /etc/postgresql/15/main/pg_hba.conf "
                  "--add \"host replication replicator 10.0.0.2/32 scram-sha-256\".")
            << '\n';
        return BadInput;
    }
    if (!parser.isSet(add)) {
        err << tr("Nothing to do: give at least one --add \"RULE\".") << '\n';
        return BadInput;
    }
    const QString path = files.first();

    PgVersion major;
    if (parser.isSet(version)) {
        const std::optional<PgVersion> parsed = PgVersion::parse(parser.value(version));
        if (!parsed || !parsed->isValid()) {
            err << tr("\"%1\" is not a PostgreSQL version; give a major such as 9.6 or 15.").arg(parser.value(version))
                << '\n';
            return BadInput;
        }
        major = *parsed;
    } else if (const std::optional<PgVersion> beside = versionBeside(path)) {
        major = *beside;
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << tr("Cannot read %1: %2. Check the path and that you may read it.").arg(path, file.errorString()) << '\n';
        return BadInput;
    }
    const QByteArray before = file.readAll();
    file.close();

    Result<HbaFile> hbaFile = HbaFile::parse(before, path, major);
    if (!hbaFile) {
        err << hbaFile.error().fullText() << '\n';
        return BadInput;
    }
    for (const QString &text : parser.values(add)) {
        const Result<HbaRule> rule = HbaFile::parseRule(text, major);
        if (!rule) {
            err << rule.error().fullText() << '\n';
            return BadInput;
        }
        for (const QString &named : HbaFile::referencedFiles(*rule, path)) {
            if (!QFileInfo::exists(named)) {
                err << tr("%1 names the file %2, which does not exist: PostgreSQL could not load pg_hba.conf at "
                          "all. Create that file first, or list the names in the line. Nothing was changed.")
                           .arg(text, named)
                    << '\n';
                return BadInput;
            }
        }
        const Result<HbaFile::AddResult> added = hbaFile->addRule(*rule);
        if (!added) {
            err << added.error().fullText() << '\n';
            return BadInput;
        }
        if (!added->added)
            err << tr("Already there (line %1): %2").arg(added->lineNumber).arg(text) << '\n';
        for (const QString &warning : added->warnings)
            err << tr("Warning: %1").arg(warning) << '\n';
    }

    const QByteArray after = hbaFile->render();
    const TextDiff diff(before, after);
    out << diff.unified(path, path);
    out.flush();
    if (diff.isEmpty() || !parser.isSet(write)) {
        if (!diff.isEmpty())
            err << tr("Nothing written; run again with --write to apply.") << '\n';
        return Done;
    }

    LocalHost host;
    const Result<WriteReport> report = host.writeFile(QFileInfo(path).absoluteFilePath(), after);
    if (!report) {
        err << report.error().fullText() << '\n';
        return Failed;
    }
    err << tr("Wrote %1 (the previous version is in %2). Reload PostgreSQL to use it.")
               .arg(report->path, report->backupPath)
        << '\n';
    return Done;
}

} // namespace ReplicaCtl
