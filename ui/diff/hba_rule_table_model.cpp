#include "ui/diff/hba_rule_table_model.h"

#include <QBrush>
#include <QColor>

HbaRuleTableModel::HbaRuleTableModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void HbaRuleTableModel::setRules(const QList<HbaRule> &rules, const QHash<int, int> &shadowedBy)
{
    beginResetModel();
    m_rules = rules;
    m_shadowedBy = shadowedBy;
    endResetModel();
}

int HbaRuleTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rules.size());
}

int HbaRuleTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HbaRuleTableModel::text(const HbaRule &rule, int column) const
{
    switch (column) {
    case LineColumn:
        return QString::number(rule.lineNumber);
    case TypeColumn:
        return rule.type;
    case DatabaseColumn:
        return rule.databases.join(QLatin1Char(','));
    case UserColumn:
        return rule.users.join(QLatin1Char(','));
    case AddressColumn:
        return rule.netmask.isEmpty() ? rule.address : rule.address + QLatin1Char(' ') + rule.netmask;
    case MethodColumn:
        return rule.method;
    case OptionsColumn:
        return rule.options.join(QLatin1Char(' '));
    case NoteColumn:
        if (m_shadowedBy.contains(rule.lineNumber))
            return tr("Never used: line %1 matches first").arg(m_shadowedBy.value(rule.lineNumber));
        return {};
    }
    return {};
}

QVariant HbaRuleTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rules.size())
        return {};
    const HbaRule &rule = m_rules[index.row()];
    const bool shadowed = m_shadowedBy.contains(rule.lineNumber);
    switch (role) {
    case Qt::DisplayRole:
        return text(rule, index.column());
    case Qt::ForegroundRole:
        return shadowed ? QVariant(QBrush(QColor(0x51, 0x2a, 0x97))) : QVariant();
    case Qt::BackgroundRole:
        return shadowed ? QVariant(QBrush(QColor(0xf5, 0xf0, 0xff))) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == LineColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant HbaRuleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LineColumn:
        return tr("Line");
    case TypeColumn:
        return tr("Type");
    case DatabaseColumn:
        return tr("Database");
    case UserColumn:
        return tr("User");
    case AddressColumn:
        return tr("Address");
    case MethodColumn:
        return tr("Method");
    case OptionsColumn:
        return tr("Options");
    case NoteColumn:
        return tr("Note");
    }
    return {};
}
