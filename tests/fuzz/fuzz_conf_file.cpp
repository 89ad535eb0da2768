// libFuzzer target: ConfFile (and VersionRules' value checks) on any bytes.
// Besides not crashing, it checks what callers rely on: an untouched file
// renders byte for byte; an edit that was accepted gives a file that parses
// again and reads back the value that was set; a refused edit changes
// nothing; unset leaves no active line; values render to text that reads back.
#include "core/conf/conf_file.h"
#include "core/version/version_rules.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<PgVersion> majors = VersionRules::supportedMajors();
    const PgVersion version = majors[size % majors.size()];
    const VersionRules rules(version);

    // The first line as a value: validation and quoting must cope with anything.
    const QString firstLine = QString::fromUtf8(text.left(text.indexOf('\n')));
    for (const char *name : {"wal_level", "shared_buffers", "hot_standby", "wal_sender_timeout", "archive_command"})
        (void)rules.validateSetting(QString::fromLatin1(name), firstLine);
    (void)rules.integerInBaseUnit(QStringLiteral("shared_buffers"), firstLine);
    (void)VersionRules::parseBool(firstLine);
    if (!firstLine.contains(QChar(0))) {
        const QByteArray rendered = ConfFile::renderValue(firstLine, size & 1);
        const Result<ConfFile> back = ConfFile::parse("x.y = " + rendered + '\n', QStringLiteral("t.conf"));
        check(back.ok());
        // A value PostgreSQL cuts at an escaped NUL is the only one that may read back shorter.
        check(back->value(QStringLiteral("x.y")) == firstLine);
    }

    Result<ConfFile> file = ConfFile::parse(text, QStringLiteral("postgresql.conf"));
    if (!file.ok())
        return 0;
    check(file->render() == text);
    for (const ConfFile::Setting &setting : file->settings())
        (void)rules.validateSetting(setting.name, setting.value);
    (void)file->includes();

    // Edit: an existing setting's name when there is one, else a well-known one.
    const QList<ConfFile::Setting> settings = file->settings();
    const QString name = settings.isEmpty() ? QStringLiteral("max_wal_senders") : settings[size % settings.size()].name;
    const QString value = QStringLiteral("5");
    const QByteArray before = file->render();
    const Result<void> edited = file->set(name, value, rules);
    const QByteArray after = file->render();
    if (!edited.ok()) {
        check(after == before);
        return 0;
    }
    const Result<ConfFile> again = ConfFile::parse(after, QStringLiteral("postgresql.conf"));
    check(again.ok());
    check(again->value(name) == value);
    // Setting it again changes nothing.
    check(file->set(name, value, rules).ok());
    check(file->render() == after);

    file->unset(name);
    const Result<ConfFile> unset = ConfFile::parse(file->render(), QStringLiteral("postgresql.conf"));
    check(unset.ok());
    check(!unset->value(name).has_value());
    return 0;
}
