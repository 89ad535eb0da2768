#pragma once

#include "core/host/host.h"
#include "core/plan/host_role.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// One file a step changes, as the wizard shows it and lets the user edit it:
// the text before and after on that host. A user-edited `after` is exactly
// what gets written (after validation). When the file does not exist yet at
// planning time (a cluster that an earlier step creates), `beforeKnown` is
// false: the step then applies `settings` to whatever the file holds when
// it runs, and the edit cannot be changed by hand. When an earlier step of
// the plan edits the same file on the same host, that edit's after (with the
// user's edit in it) is this edit's before: `previousStep`/`previousIndex`
// name it (SetupPlan links them and keeps them in step).
struct FileEdit
{
    enum class Kind {
        PostgresqlConf, // postgresql.conf (or postgresql.auto.conf)
        HbaConf,        // pg_hba.conf
        RecoveryConf,   // recovery.conf (up to 11)
        Signal,         // standby.signal (12+): an empty file
        Passfile,       // the replication password file (secret: never shown or saved)
        ServiceUnit,    // a systemd unit that starts a cluster of a major the distribution does not manage
    };

    HostRole host = HostRole::Primary;
    QString path;
    Kind kind = Kind::PostgresqlConf;
    QByteArray before;
    QByteArray after;
    bool beforeKnown = true;
    bool userEdited = false;
    // The earlier edit of the same file whose after is this before; empty: the file as planned.
    QString previousStep;
    int previousIndex = -1;
    // Settings (name, value) the step wants in this file: what check() looks
    // for, and what is applied when the before text was not known.
    QList<QPair<QString, QString>> settings;
    RunAs as = RunAs::Postgres;
    int mode = -1; // -1: keep the file's mode
    QString owner; // empty: keep the file's owner

    bool isSecret() const { return kind == Kind::Passfile; }
    // Whether the user may give the after by hand (SetupStep::setEditedAfter says why not otherwise).
    bool editable() const { return beforeKnown && !isSecret() && kind != Kind::Signal; }
    bool changes() const { return !beforeKnown || before != after; }
    bool sameFile(const FileEdit &other) const { return host == other.host && path == other.path; }

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
};
