#include "core/pg/walkthrough_lesson.h"

#include <QCoreApplication>

QList<LessonStep> walkthroughLesson()
{
    return {
        LessonStep{
            QCoreApplication::translate("WalkthroughLesson", "1. Is the standby streaming?"),
            QCoreApplication::translate(
                "WalkthroughLesson",
                "On the primary, pg_stat_replication has one row per connected standby. Run it and look at state "
                "and sync_state."),
            {LessonAction{false, QStringLiteral("SELECT application_name, state, sync_state, sent_lsn, replay_lsn\n"
                                                "FROM pg_stat_replication;")}},
            QCoreApplication::translate(
                "WalkthroughLesson",
                "state = streaming: the standby receives WAL as the primary writes it. sync_state = sync: a commit "
                "on the primary waits until this standby has the WAL, so no committed transaction is lost if the "
                "primary fails.")},
        LessonStep{
            QCoreApplication::translate("WalkthroughLesson", "2. A row written on the primary appears on the standby"),
            QCoreApplication::translate(
                "WalkthroughLesson",
                "Insert a row on the primary, then read the table on the standby. synchronous_commit = remote_apply "
                "makes the commit wait until the standby has applied it."),
            {LessonAction{false, QStringLiteral("CREATE TABLE IF NOT EXISTS walkthrough (id serial PRIMARY KEY, note text,\n"
                                                "    written_at timestamptz DEFAULT now());\n"
                                                "SET synchronous_commit = remote_apply;\n"
                                                "INSERT INTO walkthrough (note) VALUES ('written on the primary') "
                                                "RETURNING *;")},
             LessonAction{true, QStringLiteral("SELECT id, note, written_at FROM walkthrough ORDER BY id;")}},
            QCoreApplication::translate(
                "WalkthroughLesson",
                "The standby never received the INSERT itself: it replayed the primary's WAL, and the row came with "
                "it. Reads on the standby see what the primary committed.")},
        LessonStep{
            QCoreApplication::translate("WalkthroughLesson", "3. A write on the standby is refused"),
            QCoreApplication::translate("WalkthroughLesson",
                                        "Now try the same INSERT on the standby itself."),
            {LessonAction{true, QStringLiteral("INSERT INTO walkthrough (note) VALUES ('written on the standby');")}},
            QCoreApplication::translate(
                "WalkthroughLesson",
                "A hot standby accepts reads only: the INSERT fails with SQLSTATE 25006, \"cannot execute INSERT in "
                "a read-only transaction\". Writes go to the primary; the standby follows it.")},
    };
}
