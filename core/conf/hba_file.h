#pragma once

#include "core/conf/hba_rule.h"
#include "core/result.h"
#include "core/version/pg_version.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// pg_hba.conf as PostgreSQL reads it (tokens, quotes, comma lists, comments,
// backslash continuation from 14, include lines from 16), kept line by line
// so that an untouched file renders byte for byte as it was read. The setup
// plan adds the standby's replication rule through addRule(); replicactl hba
// and the hba editor show the diff of the result. Checked against the
// server's own verdict (pg_hba_file_rules) in the integration tests.
class HbaFile
{
public:
    // A line PostgreSQL would refuse, with its line number (the first line of
    // a continued record) and PostgreSQL's own wording where we know it.
    struct Problem
    {
        int line = 0;
        QString message;
    };

    // include, include_if_exists, include_dir (16+).
    struct Include
    {
        QString kind; // "include", "include_if_exists", "include_dir"
        QString path;
        int lineNumber = 0;
    };

    // What addRule did: whether the file changed, and what the user should know.
    struct AddResult
    {
        bool added = false;   // false when the same rule is already there
        int lineNumber = 0;   // of the new line, or of the existing equal rule
        QStringList warnings; // e.g. an earlier line matches the same connections first
    };

    HbaFile() = default;

    // Reads every line, keeping the bad ones as they are (see problems()).
    // `version` decides what the grammar allows (hostgssenc 12+,
    // scram-sha-256 10+, continuation 14+, include 16+); an invalid version
    // means the newest.
    static HbaFile read(const QByteArray &text, const QString &fileName = QString(), PgVersion version = {});
    // The same, but a file PostgreSQL would refuse is an error naming the lines.
    static Result<HbaFile> parse(const QByteArray &text, const QString &fileName = QString(), PgVersion version = {});
    // One record written as in the file: "host replication replicator 10.0.0.2/32 scram-sha-256".
    static Result<HbaRule> parseRule(const QString &line, PgVersion version = {});

    QByteArray render() const;

    QList<HbaRule> rules() const;
    QList<Include> includes() const;
    const QList<Problem> &problems() const { return m_problems; }
    QString fileName() const { return m_fileName; }
    PgVersion version() const { return m_version; }

    // Adds the rule unless an equal one is there (same connections, method
    // and options, however spaced or spelled: 10.0.0.2/32 equals
    // 10.0.0.2 255.255.255.255). Appended at the end, or after the
    // replication rules for a replication rule, under a marked comment,
    // aligned like the file's own columns. An invalid rule is an error and
    // changes nothing.
    Result<AddResult> addRule(const HbaRule &rule);

    // The rule as one line, fields padded to the given column starts (none:
    // separated by one space).
    static QString formatRule(const HbaRule &rule, const QList<int> &columns = {});

    // Does `earlier` match every connection that `later` matches (so that
    // `later`, coming after it, is never used)?
    static bool covers(const HbaRule &earlier, const HbaRule &later);

    // A rule that is never used: an earlier rule of the file matches every connection it matches.
    struct Shadowing
    {
        int line = 0;   // the shadowed rule's first line
        int byLine = 0; // the first earlier rule that covers it
    };
    // Every shadowed rule of the file, in file order (the hba editor marks them).
    QList<Shadowing> shadowedRules() const;

    // The comment line put above rules this program adds.
    static QString addedMarker();
    // The files a rule names with @file (databases or users), as PostgreSQL opens them: relative
    // to the folder of the pg_hba.conf that holds the rule. A missing one stops the whole file
    // from loading.
    static QStringList referencedFiles(const HbaRule &rule, const QString &hbaPath);

private:
    struct Record
    {
        QByteArray raw; // exact bytes, including newline(s) and continuations
        int firstLine = 0;
        int lineCount = 1;
        enum class Kind { Empty, Rule, Include, Invalid } kind = Kind::Empty;
        HbaRule rule;
        Include include;
    };

    void parseRecord(Record &record, const QByteArray &logical);
    QList<int> columns() const;
    qsizetype insertionIndex(const HbaRule &rule) const;
    void renumber();

    QString m_fileName;
    PgVersion m_version;
    QList<Record> m_records;
    QList<Problem> m_problems;
};
