#pragma once

#include "core/conf/hba_rule.h"
#include "core/version/pg_version.h"
#include "ui/diff/config_kind.h"
#include "ui/diff/config_line_note.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QSet>

// The per-line verdicts of ConfigDiffView, all asked of core: values checked
// by VersionRules::validateSetting, restarts from VersionRules, overrides
// from ConfFile and ConfTree (with the other files PostgreSQL reads, when the
// view was given them), syntax errors and shadowed rules from ConfFile and
// HbaFile. Plain computation, run on each (debounced) edit.
class ConfigLineChecks
{
    Q_DECLARE_TR_FUNCTIONS(ConfigLineChecks)

public:
    struct Input
    {
        ConfigKind kind = ConfigKind::PostgresqlConf;
        PgVersion major;
        QString path;
        QByteArray text;        // the proposed file as edited
        QSet<int> changedLines; // 1-based lines that differ from the current file
        // The other files PostgreSQL reads with this one (path -> content: what it includes,
        // postgresql.auto.conf) and the data directory, for overrides across files.
        QMap<QString, QByteArray> otherFiles;
        QString dataDir;
    };

    struct Output
    {
        QList<ConfigLineNote> notes; // in line order
        QList<HbaRule> rules;        // pg_hba.conf only
    };

    static Output check(const Input &input);

    // What a tooltip says about a setting in a major: its type, allowed values, default, and
    // whether a change needs a reload or a restart. Empty for a name the major lacks.
    static QString describeSetting(const PgVersion &major, const QString &name);

private:
    static void checkConf(const Input &input, Output &output);
    static void checkHba(const Input &input, Output &output);
};
