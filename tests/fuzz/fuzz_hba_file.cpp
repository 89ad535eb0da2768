// libFuzzer target: HbaFile on any bytes. Besides not crashing, it checks
// the promises callers rely on: an untouched file renders byte for byte,
// an added rule is read back from the rendered text, adding it again
// changes nothing, and a rule parsed from a line renders to one that parses.
#include "core/conf/hba_file.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const PgVersion version = size > 0 && (data[0] & 1) ? PgVersion(9, 6) : PgVersion();
    HbaFile file = HbaFile::read(text, QString(), version);
    if (file.render() != text)
        std::abort();
    const QList<HbaRule> rules = file.rules();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const HbaRule &rule = rules[i];
        // Pairs among the first rules only: long inputs would spend the run here.
        for (qsizetype j = 0; j < std::min<qsizetype>(rules.size(), 16) && i < 16; ++j)
            (void)HbaFile::covers(rule, rules[j]);
        const Result<HbaRule> again = HbaFile::parseRule(HbaFile::formatRule(rule), version);
        if (!again)
            std::abort();
    }
    (void)HbaFile::parseRule(QString::fromUtf8(text.left(text.indexOf('\n'))), version);

    if (!file.problems().isEmpty())
        return 0;
    const Result<HbaRule> rule = HbaFile::parseRule(QStringLiteral("host replication replicator 198.18.0.2/32 md5"));
    if (!rule)
        std::abort();
    const Result<HbaFile::AddResult> added = file.addRule(*rule);
    if (!added)
        std::abort();
    const QByteArray once = file.render();
    const HbaFile reread = HbaFile::read(once, QString(), version);
    if (!reread.problems().isEmpty() || reread.rules().size() != file.rules().size())
        std::abort();
    const Result<HbaFile::AddResult> twice = file.addRule(*rule);
    if (!twice || twice->added || file.render() != once)
        std::abort();
    return 0;
}
