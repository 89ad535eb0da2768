#include "conf_tree.h"

#include "core/conf/conf_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <limits>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConfTree", text);
}

// guc-file.l's limit on nested includes.
constexpr int maxDepth = 10;

QString folderOf(const QString &path)
{
    return QFileInfo(path).path();
}

QString resolved(const QString &path, const QString &includingFile)
{
    if (QDir::isAbsolutePath(path))
        return path;
    return folderOf(includingFile) + QLatin1Char('/') + path;
}

} // namespace

Result<ConfTree> ConfTree::read(const QString &mainFile, const QByteArray &mainText, const FileReader &reader,
                                const FolderLister &lister, const QString &dataDir)
{
    ConfTree tree;
    tree.m_mainFile = mainFile;
    if (auto done = tree.readFile(mainFile, mainText, 0, reader, lister); !done)
        return done.error();
    QString folder = dataDir.isEmpty() ? folderOf(mainFile) : dataDir;
    if (const auto dataDirectory = tree.winner(QStringLiteral("data_directory")))
        folder = resolved(dataDirectory->value, mainFile);
    tree.m_autoConfFile = folder + QStringLiteral("/postgresql.auto.conf");
    if (tree.m_autoConfFile != mainFile) {
        if (auto done = tree.readIncluded(tree.m_autoConfFile, false, 0, reader, lister); !done)
            return done.error();
    }
    return tree;
}

Result<ConfTree> ConfTree::readFromFiles(const QString &mainFile, const QByteArray &mainText,
                                         const QMap<QString, QByteArray> &files, const QString &dataDir)
{
    const FileReader reader = [&](const QString &path) -> Result<std::optional<QByteArray>> {
        if (!files.contains(path))
            return std::optional<QByteArray>();
        return std::optional<QByteArray>(files.value(path));
    };
    const FolderLister lister = [&](const QString &folder) -> Result<QStringList> {
        QStringList names;
        for (const QString &path : files.keys()) {
            if (folderOf(path) == folder)
                names.append(QFileInfo(path).fileName());
        }
        return names;
    };
    return read(mainFile, mainText, reader, lister, dataDir);
}

Result<ConfTree> ConfTree::readLocal(const QString &mainFile, const QByteArray &mainText, const QString &dataDir)
{
    const FileReader reader = [](const QString &path) -> Result<std::optional<QByteArray>> {
        QFile file(path);
        if (!file.exists())
            return std::optional<QByteArray>();
        if (!file.open(QIODevice::ReadOnly))
            return makeError(tr("Cannot read %1: %2.").arg(path, file.errorString()));
        return std::optional<QByteArray>(file.readAll());
    };
    const FolderLister lister = [](const QString &folder) -> Result<QStringList> {
        const QDir dir(folder);
        if (!dir.exists())
            return makeError(
                tr("could not open configuration directory \"%1\": No such file or directory").arg(folder));
        return dir.entryList(QDir::Files | QDir::Hidden);
    };
    return read(mainFile, mainText, reader, lister, dataDir);
}

Result<void> ConfTree::readIncluded(const QString &path, bool mustExist, int depth, const FileReader &reader,
                                    const FolderLister &lister)
{
    auto content = reader(path);
    if (!content)
        return content.error();
    if (!*content) {
        if (!mustExist)
            return {};
        return makeError(tr("could not open configuration file \"%1\": No such file or directory").arg(path));
    }
    return readFile(path, **content, depth, reader, lister);
}

Result<void> ConfTree::readFile(const QString &path, const QByteArray &text, int depth, const FileReader &reader,
                                const FolderLister &lister)
{
    if (depth > maxDepth)
        return makeError(tr("could not open configuration file \"%1\": maximum nesting depth exceeded").arg(path));
    auto parsed = ConfFile::parse(text, path);
    if (!parsed)
        return parsed.error();
    // Settings and include lines, in the order they stand in the file.
    const QList<ConfFile::Setting> settings = parsed->settings();
    const QList<ConfFile::IncludeDirective> includes = parsed->includes();
    qsizetype nextInclude = 0;
    auto readIncludesBefore = [&](int line) -> Result<void> {
        for (; nextInclude < includes.size() && includes[nextInclude].line < line; ++nextInclude) {
            const ConfFile::IncludeDirective &include = includes[nextInclude];
            const QString target = resolved(include.path, path);
            if (include.kind != ConfFile::IncludeKind::IncludeDir) {
                const bool mustExist = include.kind == ConfFile::IncludeKind::Include;
                if (auto done = readIncluded(target, mustExist, depth + 1, reader, lister); !done)
                    return done;
                continue;
            }
            auto names = lister(target);
            if (!names)
                return names.error();
            QList<QByteArray> files;
            for (const QString &name : *names) {
                if (name.endsWith(QLatin1String(".conf")) && !name.startsWith(QLatin1Char('.')))
                    files.append(name.toUtf8());
            }
            std::sort(files.begin(), files.end()); // strcmp order, as PostgreSQL sorts them
            for (const QByteArray &name : files) {
                if (auto done = readIncluded(target + QLatin1Char('/') + QString::fromUtf8(name), true, depth + 1,
                                             reader, lister);
                    !done)
                    return done;
            }
        }
        return {};
    };
    for (const ConfFile::Setting &setting : settings) {
        if (auto done = readIncludesBefore(setting.line); !done)
            return done;
        m_assignments.append({path, setting.line, setting.name, setting.value});
    }
    return readIncludesBefore(std::numeric_limits<int>::max());
}

std::optional<ConfTree::Assignment> ConfTree::winner(const QString &name) const
{
    for (auto it = m_assignments.crbegin(); it != m_assignments.crend(); ++it) {
        if (it->name.compare(name, Qt::CaseInsensitive) == 0)
            return *it;
    }
    return std::nullopt;
}

std::optional<ConfTree::Assignment> ConfTree::overrideOf(const QString &name) const
{
    const auto last = winner(name);
    if (!last || last->file == m_mainFile)
        return std::nullopt;
    return last;
}

QString ConfTree::describeOverride(const QString &name, const Assignment &winner)
{
    return tr("%1 is set again in %2 line %3, which PostgreSQL reads later: it keeps %4 = '%5' from there, so a "
              "change in the main file has no effect. Change it in that file (ALTER SYSTEM SET or RESET for "
              "postgresql.auto.conf).")
        .arg(name, winner.file)
        .arg(winner.line)
        .arg(winner.name, winner.value);
}
