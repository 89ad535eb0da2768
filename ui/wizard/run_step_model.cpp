#include "run_step_model.h"

#include "core/plan/setup_plan.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QIcon>
#include <QStyle>

RunStepModel::RunStepModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void RunStepModel::setPlan(const SetupPlan &plan)
{
    beginResetModel();
    m_rows.clear();
    for (int i = 0; i < plan.stepCount(); ++i)
        m_rows.append(Row{plan.step(i).title(), State::Waiting, -1});
    endResetModel();
}

void RunStepModel::setState(int row, State state, qint64 elapsedMs)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].state = state;
    if (elapsedMs >= 0)
        m_rows[row].elapsedMs = elapsedMs;
    emit dataChanged(index(row, StepColumn), index(row, TimeColumn));
}

void RunStepModel::resetUnfinished()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].state == State::Running)
            setState(row, State::Stopped);
    }
}

int RunStepModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunStepModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunStepModel::stateName(State state)
{
    switch (state) {
    case State::Waiting:
        return tr("waiting");
    case State::Running:
        return tr("running");
    case State::Done:
        return tr("done");
    case State::Skipped:
        return tr("skipped (already in place)");
    case State::Failed:
        return tr("failed");
    case State::Stopped:
        return tr("stopped");
    }
    return {};
}

QVariant RunStepModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case StepColumn:
            return tr("%1. %2").arg(index.row() + 1).arg(row.title);
        case StateColumn:
            return stateName(row.state);
        case TimeColumn:
            return row.elapsedMs < 0 ? QString() : tr("%1 s").arg(row.elapsedMs / 1000.0, 0, 'f', 1);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == TimeColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        if (row.state == State::Failed)
            return QBrush(QColor(0xb3, 0x26, 0x1e));
        if (row.state == State::Done)
            return QBrush(QColor(0x1b, 0x6e, 0x20));
    }
    if (role == Qt::DecorationRole && index.column() == StateColumn) {
        switch (row.state) {
        case State::Running:
            return QApplication::style()->standardIcon(QStyle::SP_MediaPlay);
        case State::Done:
        case State::Skipped:
            return QApplication::style()->standardIcon(QStyle::SP_DialogApplyButton);
        case State::Failed:
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        default:
            return {};
        }
    }
    return {};
}

QVariant RunStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case StateColumn:
        return tr("State");
    case TimeColumn:
        return tr("Time");
    }
    return {};
}
