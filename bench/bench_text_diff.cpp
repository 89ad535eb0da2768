// How long TextDiff takes on a 5,000-line postgresql.conf with a few edits
// (what the editor diffs on every keystroke pause), next to the baseline of
// merely splitting the same text into lines.
#include "core/diff/text_diff.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QFile file(QStringLiteral("/usr/share/postgresql/15/postgresql.conf.sample"));
    if (!file.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "postgresql.conf.sample of PostgreSQL 15 is not installed\n";
        return 1;
    }
    const QByteArray sample = file.readAll();
    QByteArray before;
    while (before.count('\n') < 5000)
        before += sample;
    QByteArray after = before;
    after.replace("#wal_level = replica", "wal_level = replica");
    after.replace("#max_wal_senders = 10", "max_wal_senders = 5");
    after += "include 'extra.conf'\n";

    const int rounds = 20;
    QElapsedTimer timer;
    timer.start();
    qsizetype lines = 0;
    for (int i = 0; i < rounds; ++i)
        lines += before.split('\n').size() + after.split('\n').size();
    const double baseline = double(timer.nsecsElapsed()) / 1e6 / rounds;

    timer.restart();
    qsizetype size = 0;
    for (int i = 0; i < rounds; ++i)
        size += TextDiff(before, after).unified().size();
    const double diffMs = double(timer.nsecsElapsed()) / 1e6 / rounds;

    timer.restart();
    const TextDiff unrelated(before, QByteArray(before).replace("#", "; "));
    const double worstMs = double(timer.nsecsElapsed()) / 1e6;

    QTextStream(stdout) << "lines: " << before.count('\n') << "\n"
                        << "baseline (split both texts into lines): " << baseline << " ms\n"
                        << "TextDiff + unified(), few edits: " << diffMs << " ms (" << size / rounds << " bytes)\n"
                        << "TextDiff, every comment line changed: " << worstMs << " ms (" << unrelated.removedCount()
                        << " lines changed)\n";
    return lines > 0 ? 0 : 1;
}
