#pragma once

#include "core/version/pg_version.h"
#include "ui/diff/config_kind.h"

#include <QStringList>
#include <QWidget>

class DiffEditor;
class QLabel;
class QPushButton;
class QTimer;

// The side-by-side diff of one configuration file that every file page of
// the setup wizard shows: the current file on the left (read-only), the
// plan's proposal on the right, which the user may edit. What the right side
// holds is exactly what will be written (editedText()); lines are coloured
// from core's TextDiff as the user types. Used by ui/wizard/.
class ConfigDiffView : public QWidget
{
    Q_OBJECT

public:
    explicit ConfigDiffView(QWidget *parent = nullptr);

    // Shows a file: kind and major decide the syntax and the checks, path is the title.
    void setDocument(ConfigKind kind, const PgVersion &major, const QString &path, const QString &before,
                     const QString &proposed);

    // Exactly what the right side holds, byte for byte (line ends and a missing last newline kept).
    QString editedText() const;
    // The right side differs from the proposal.
    bool isEdited() const;
    // A value the server would refuse: the wizard must not go on.
    bool hasBlockingProblems() const;
    // "line N: reason" for each problem on the right side.
    QStringList problems() const;

    ConfigKind kind() const { return m_kind; }
    PgVersion major() const { return m_major; }
    QString path() const { return m_path; }

public slots:
    void resetToProposal();

signals:
    // The user changed the right side (emitted on each change, before the debounced checks).
    void edited();
    // hasBlockingProblems() changed.
    void blockingChanged(bool blocked);

private:
    void buildLayout();
    void connectScrolling();
    void onTextChanged();
    void refresh();

    ConfigKind m_kind = ConfigKind::PostgresqlConf;
    PgVersion m_major;
    QString m_path;
    QString m_before;
    QString m_proposed;
    QStringList m_problems;
    bool m_blocked = false;
    bool m_loading = false;

    QLabel *m_title = nullptr;
    DiffEditor *m_left = nullptr;
    DiffEditor *m_right = nullptr;
    QPushButton *m_reset = nullptr;
    QTimer *m_refreshTimer = nullptr;
};
