#pragma once

#include <QTableView>

// A read-only table of a handful of rows (standbys, slots) that asks for
// exactly the height of its header and rows, so that the panel's layout
// gives the rest to the chart and no empty band reads as "missing".
// Every column is as wide as its text.
class CompactTableView : public QTableView
{
    Q_OBJECT

public:
    explicit CompactTableView(QAbstractItemModel *model, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
};
