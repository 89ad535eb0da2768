// libFuzzer target: reading recovery.conf and postgresql.auto.conf back into
// RecoverySettings (what discovery does with files found on a host), and
// writing settings read that way: whatever parses must render to files that
// parse back to the same settings.
#include "core/conf/recovery_settings.h"

#include <cstdint>
#include <cstdlib>

namespace {

void checkRoundTrip(const RecoverySettings &settings, bool recoveryConf)
{
    if (!settings.standbyMode || !settings.validate())
        return;
    const Result<QList<RecoverySettings::FileContent>> files = settings.files();
    if (!files)
        return; // e.g. a value the version's rules refuse
    const QByteArray text = files->first().content;
    const Result<RecoverySettings> back = recoveryConf ? RecoverySettings::parseRecoveryConf(text, settings.version())
                                                       : RecoverySettings::parseConf(text, settings.version(), true);
    if (!back || back->conninfo.toString() != settings.conninfo.toString() || back->slotName != settings.slotName ||
        back->restoreCommand != settings.restoreCommand || back->triggerFile != settings.triggerFile)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const Result<RecoverySettings> old = RecoverySettings::parseRecoveryConf(text, PgVersion(11)))
        checkRoundTrip(*old, true);
    if (const Result<RecoverySettings> current = RecoverySettings::parseConf(text, PgVersion(15), true))
        checkRoundTrip(*current, false);
    // As the existing postgresql.auto.conf that the settings are written into.
    RecoverySettings settings(PgVersion(16));
    settings.conninfo.set(QStringLiteral("host"), QStringLiteral("10.0.0.1"));
    settings.conninfo.set(QStringLiteral("application_name"), QStringLiteral("standby 1"));
    settings.slotName = QStringLiteral("standby_1");
    if (const Result<QByteArray> edited = settings.autoConf(text)) {
        const Result<RecoverySettings> back = RecoverySettings::parseConf(*edited, PgVersion(16), true);
        if (!back || back->conninfo.toString() != settings.conninfo.toString() || back->slotName != settings.slotName)
            std::abort();
    }
    return 0;
}
