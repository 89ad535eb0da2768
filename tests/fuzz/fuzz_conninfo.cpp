// libFuzzer target: ConnInfo on any text. A string that parses must build
// back to one that parses to the same options, and any value must survive
// quoting (what primary_conninfo depends on).
#include "core/conf/conninfo.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<ConnInfo> info = ConnInfo::parse(text);
    if (info) {
        const Result<ConnInfo> again = ConnInfo::parse(info->toString());
        if (!again || again->toString() != info->toString())
            std::abort();
        QStringList dropped;
        const ConnInfo limited = info->limitedTo(PgVersion(9, 3), &dropped);
        if (limited.options().size() + dropped.size() != info->options().size())
            std::abort();
    }
    // The whole input as one value (libpq stops at a NUL, so leave those out).
    if (!text.contains(QChar(0))) {
        ConnInfo built;
        built.set(QStringLiteral("application_name"), text);
        built.set(QStringLiteral("host"), QStringLiteral("10.0.0.1"));
        const Result<ConnInfo> back = ConnInfo::parse(built.toString());
        if (!back || back->value(QStringLiteral("application_name")) != std::optional<QString>(text))
            std::abort();
    }
    return 0;
}
