#pragma once

#include "core/version/pg_version.h"
#include "ui/diff/config_kind.h"
#include "ui/diff/config_line_note.h"

#include <QMap>
#include <QStringList>
#include <QWidget>

class DiffEditor;
class HbaRuleTableModel;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

// The side-by-side diff of one configuration file that every file page of
// the setup wizard shows: the current file on the left (read-only), the
// plan's proposal on the right, which the user may edit. What the right side
// holds is exactly what will be written (editedText()). As the user types
// (debounced), lines are coloured from core's TextDiff and checked by
// ConfigLineChecks: an invalid value is marked with its reason and blocks
// (hasBlockingProblems), a change that needs a restart, a setting that a
// later line or file overrides and a pg_hba.conf rule an earlier one shadows
// are marked; pg_hba.conf also gets a table of its rules. Used by ui/wizard/.
class ConfigDiffView : public QWidget
{
    Q_OBJECT

public:
    explicit ConfigDiffView(QWidget *parent = nullptr);

    // Shows a file: kind and major decide the syntax and the checks, path is the title.
    void setDocument(ConfigKind kind, const PgVersion &major, const QString &path, const QString &before,
                     const QString &proposed);
    // The other files PostgreSQL reads with a postgresql.conf (path -> content: the files it
    // includes, postgresql.auto.conf) and the data directory whose postgresql.auto.conf is read
    // last (empty: the folder of the file). A setting they override is marked with where.
    void setOtherFiles(const QMap<QString, QByteArray> &files, const QString &dataDir = {});

    // Exactly what the right side holds, byte for byte (line ends and a missing last newline kept).
    QString editedText() const;
    // The right side differs from the proposal.
    bool isEdited() const;
    // A value the server would refuse: the wizard must not go on.
    bool hasBlockingProblems() const;
    // "line N: reason" for each value or line the server would refuse, in line order.
    QStringList problems() const;
    // Every note on the right side (invalid, restart, overridden, shadowed), in line order.
    QList<ConfigLineNote> notes() const;
    // What the tooltip over a line (1-based) of the right side says, with word under the mouse.
    QString toolTipFor(int line, const QString &word) const;

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
    QWidget *buildLegend();
    QWidget *buildPane(DiffEditor *editor, const QString &caption);
    void connectScrolling();
    void connectToolTips(DiffEditor *editor, bool right);
    void setLexers();
    void onTextChanged();
    void flushPendingRefresh() const;
    void refresh();
    void showSummary(int changed, int added, int removed);

    ConfigKind m_kind = ConfigKind::PostgresqlConf;
    PgVersion m_major;
    QString m_path;
    QString m_before;
    QString m_proposed;
    QMap<QString, QByteArray> m_otherFiles;
    QString m_dataDir;
    QList<ConfigLineNote> m_notes;
    QStringList m_problems;
    bool m_blocked = false;
    bool m_loading = false;

    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_problemBar = nullptr;
    DiffEditor *m_left = nullptr;
    DiffEditor *m_right = nullptr;
    QPushButton *m_reset = nullptr;
    QTimer *m_refreshTimer = nullptr;
    HbaRuleTableModel *m_rules = nullptr;
    QTableView *m_ruleTable = nullptr;
};
