#pragma once

#include "core/monitor/replication_problem.h"

#include <QFrame>

class QLabel;

// Trouble shown inline above the tables, never as a dialog: a coloured band
// listing the sampler's problems (red when one is critical, amber
// otherwise) and, when given, what to run about it. Hidden when all is well.
class ProblemBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ProblemBanner(QWidget *parent = nullptr);

    void setProblems(const QList<ReplicationProblem> &problems, const QString &hint = {});
    // What the banner says now, as plain text (for tests and accessibility).
    QString text() const;

private:
    QLabel *m_label;
};
