#include "ui/panel/compact_table_view.h"

#include <QHeaderView>
#include <QScrollBar>

CompactTableView::CompactTableView(QAbstractItemModel *model, QWidget *parent) : QTableView(parent)
{
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QHeaderView *header = horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(false);
    // The height follows the number of rows.
    connect(model, &QAbstractItemModel::modelReset, this, &QWidget::updateGeometry);
    connect(model, &QAbstractItemModel::rowsInserted, this, &QWidget::updateGeometry);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &QWidget::updateGeometry);
}

QSize CompactTableView::sizeHint() const
{
    const int rows = qMax(1, model() ? model()->rowCount() : 1);
    const int scrollBar = horizontalScrollBar()->isVisible() ? horizontalScrollBar()->sizeHint().height() : 0;
    return {QTableView::sizeHint().width(), horizontalHeader()->sizeHint().height() +
                                                verticalHeader()->defaultSectionSize() * rows + 2 * frameWidth() +
                                                scrollBar};
}

QSize CompactTableView::minimumSizeHint() const
{
    return {QTableView::minimumSizeHint().width(), sizeHint().height()};
}
