#include "ui/console/result_table_model.h"

#include <QFont>
#include <QPalette>

ResultTableModel::ResultTableModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void ResultTableModel::setColumns(const QStringList &columns)
{
    beginResetModel();
    m_columns = columns;
    m_rows.clear();
    endResetModel();
}

void ResultTableModel::appendRows(const QList<PgRow> &rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows += rows;
    endInsertRows();
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const PgRow &row = m_rows.at(index.row());
    const PgValue value = index.column() < row.size() ? row.at(index.column()) : PgValue();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return value ? *value : QStringLiteral("NULL");
    case Qt::ForegroundRole:
        return value ? QVariant() : QVariant(QPalette().color(QPalette::Disabled, QPalette::Text));
    case Qt::FontRole: {
        if (value)
            return {};
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    return m_columns.value(section);
}
