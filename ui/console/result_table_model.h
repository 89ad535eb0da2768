#pragma once

#include "core/pg/pg_result.h"

#include <QAbstractTableModel>

// The rows of one statement's result as they stream in: the query console's
// result tab appends each batch QuerySession hands over, so the view grows
// while the query runs. Values are the server's text; NULL is shown as such,
// greyed, so that it is not mistaken for an empty string.
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit ResultTableModel(QObject *parent = nullptr);

    void setColumns(const QStringList &columns);
    void appendRows(const QList<PgRow> &rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_columns;
    QList<PgRow> m_rows;
};
