#pragma once

#include "core/conf/hba_rule.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

// The rules of the pg_hba.conf being edited, one row each in file order
// (the order PostgreSQL tries them), with the rules an earlier one makes
// unreachable marked. Shown under ConfigDiffView's editors for pg_hba.conf.
class HbaRuleTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        LineColumn,
        TypeColumn,
        DatabaseColumn,
        UserColumn,
        AddressColumn,
        MethodColumn,
        OptionsColumn,
        NoteColumn,
        ColumnCount
    };

    explicit HbaRuleTableModel(QObject *parent = nullptr);

    // shadowedBy: a shadowed rule's line -> the line of the earlier rule that covers it.
    void setRules(const QList<HbaRule> &rules, const QHash<int, int> &shadowedBy);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const HbaRule &rule, int column) const;

    QList<HbaRule> m_rules;
    QHash<int, int> m_shadowedBy;
};
