#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

class SetupPlan;

// The Run page's table: one row per plan step with its state (waiting,
// running, done, skipped, failed) and its time, fed by PlanRunner's signals.
class RunStepModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class State { Waiting, Running, Done, Skipped, Failed, Stopped };
    enum Column { StepColumn, StateColumn, TimeColumn, ColumnCount };

    explicit RunStepModel(QObject *parent = nullptr);

    void setPlan(const SetupPlan &plan);
    void setState(int row, State state, qint64 elapsedMs = -1);
    // Steps from `row` on that were running go back to waiting (a run that ended early).
    void resetUnfinished();
    State state(int row) const { return m_rows.at(row).state; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString stateName(State state);

private:
    struct Row
    {
        QString title;
        State state = State::Waiting;
        qint64 elapsedMs = -1;
    };
    QList<Row> m_rows;
};
