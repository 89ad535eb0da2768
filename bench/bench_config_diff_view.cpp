// How long ConfigDiffView's refresh holds the GUI thread after a pause in
// typing (the diff, the per-line checks, markers, notes and alignment), on
// Debian's 816-line postgresql.conf.sample with the setup's edits and one
// invalid value, next to the baseline of TextDiff alone on the same texts.
// Goal: well under one frame (16 ms).
#include "core/diff/text_diff.h"
#include "ui/diff/config_diff_view.h"

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QFile file(QStringLiteral("/usr/share/postgresql/15/postgresql.conf.sample"));
    if (!file.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "postgresql.conf.sample of PostgreSQL 15 is not installed\n";
        return 1;
    }
    const QString before = QString::fromUtf8(file.readAll());
    QString proposed = before;
    proposed.replace(QLatin1String("#wal_level = replica"), QLatin1String("wal_level = replica"));
    proposed.replace(QLatin1String("#max_wal_senders = 10"), QLatin1String("max_wal_senders = 10"));
    proposed.replace(QLatin1String("#listen_addresses = 'localhost'"), QLatin1String("listen_addresses = '*'"));

    ConfigDiffView view;
    view.resize(1280, 800);
    view.setDocument(ConfigKind::PostgresqlConf, PgVersion(15), QStringLiteral("postgresql.conf"), before, proposed);
    view.show();
    auto *editor = view.findChild<QsciScintilla *>(QStringLiteral("proposedEditor"));

    const int rounds = 30;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < rounds; ++i)
        (void)TextDiff(before.toUtf8(), (proposed + QString::number(i)).toUtf8()).rows();
    const double diffMs = double(timer.nsecsElapsed()) / 1e6 / rounds;

    // A keystroke, then the question the wizard asks: it runs the pending refresh at once.
    double worstMs = 0;
    timer.restart();
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer one;
        one.start();
        editor->insertAt(i % 2 ? QStringLiteral("x") : QStringLiteral("shared_buffers = 1banana\n"), 40, 0);
        (void)view.hasBlockingProblems();
        worstMs = std::max(worstMs, double(one.nsecsElapsed()) / 1e6);
    }
    const double refreshMs = double(timer.nsecsElapsed()) / 1e6 / rounds;

    QTextStream out(stdout);
    out << "postgresql.conf.sample, " << before.count(QLatin1Char('\n')) << " lines, " << rounds << " rounds\n";
    out << "TextDiff alone:         " << QString::number(diffMs, 'f', 2) << " ms\n";
    out << "ConfigDiffView refresh: " << QString::number(refreshMs, 'f', 2) << " ms (worst "
        << QString::number(worstMs, 'f', 2) << " ms), " << QString::number(refreshMs / diffMs, 'f', 1)
        << "x TextDiff\n";
    return 0;
}
