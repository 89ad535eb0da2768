#pragma once

#include "core/result.h"
#include "core/version/pg_version.h"

#include <QString>
#include <QStringList>

#include <optional>

// The grammars PostgreSQL applies to string settings that are really lists
// or small languages: synchronous_standby_names (syncrep_gram.y: a list,
// "n (...)" from 9.6, FIRST / ANY from 10), listen_addresses and the
// *_preload_libraries (comma lists, double quotes allowed) and
// log_destination (a list of key words). A value PostgreSQL would refuse at
// reload or start is refused here, with PostgreSQL's reason. Called by
// VersionRules::validateSetting, so every edit (replicactl conf, the plan,
// a user's diff) is held to it.
class SettingGrammar
{
public:
    // Refuses a value of one of the settings above that `version` would not
    // accept; any other name passes.
    static Result<void> check(const QString &name, const QString &value, const PgVersion &version);

    // PostgreSQL's SplitGUCList: names separated by commas, each bare (up to
    // white space or a comma) or double-quoted with "" for a quote. nullopt
    // when PostgreSQL reports "invalid list syntax". An empty value is an
    // empty list.
    static std::optional<QStringList> splitList(const QString &value);

    // synchronous_standby_names as `version` parses it: nullopt when it parses,
    // else PostgreSQL's reason ("syntax error at or near ...").
    static std::optional<QString> syncStandbyNamesError(const QString &value, const PgVersion &version);
};
