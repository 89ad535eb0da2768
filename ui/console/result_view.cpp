#include "ui/console/result_view.h"

#include "core/pg/pg_error_explanation.h"
#include "ui/console/result_table_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QLabel *makeBox(const QString &objectName, const QString &style)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("QLabel#%1 { %2 border-radius: 4px; padding: 8px; }").arg(objectName, style));
    label->hide();
    return label;
}

QString field(const QString &name, const QString &value)
{
    return value.isEmpty() ? QString()
                           : QStringLiteral("<br><b>%1</b> %2").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

ResultView::ResultView(const SqlStatement &statement, QWidget *parent)
    : QWidget(parent), m_statement(statement), m_model(new ResultTableModel(this)), m_summary(new QLabel),
      m_error(makeBox(QStringLiteral("errorBox"), QStringLiteral("background: #fdecea; border: 1px solid #e8a59c;"))),
      m_explanation(
          makeBox(QStringLiteral("explanation"), QStringLiteral("background: #eaf2fb; border: 1px solid #a9c6e8;"))),
      m_notices(new QLabel), m_table(new QTableView)
{
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setText(tr("Running…"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_notices->setWordWrap(true);
    m_notices->hide();

    auto *sql = new QLabel(statement.text.simplified());
    sql->setObjectName(QStringLiteral("statementText"));
    sql->setStyleSheet(QStringLiteral("color: palette(dark); font-family: monospace;"));
    sql->setTextFormat(Qt::PlainText);
    sql->setToolTip(statement.text);
    sql->setMinimumWidth(10);

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Rows returned by %1").arg(statement.text.simplified().left(60)));
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_summary);
    layout->addWidget(sql);
    layout->addWidget(m_error);
    layout->addWidget(m_explanation);
    layout->addWidget(m_notices);
    layout->addWidget(m_table, 1);
    layout->addStretch(0);
}

QString ResultView::formatDuration(qint64 ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 2));
}

void ResultView::setColumns(const QStringList &columns)
{
    m_model->setColumns(columns);
    m_table->show();
}

void ResultView::appendRows(const QList<PgRow> &rows)
{
    const bool first = m_model->rowCount() == 0;
    m_model->appendRows(rows);
    m_received += rows.size();
    if (first) {
        m_table->resizeColumnsToContents();
        for (int c = 0; c < m_model->columnCount(); ++c)
            m_table->setColumnWidth(c, qMin(m_table->columnWidth(c) + 12, 400));
    }
    m_summary->setText(tr("Running… %1 rows so far.").arg(QLocale().toString(m_received)));
}

void ResultView::finish(const PgResult &summary, qint64 rowLimit)
{
    const QLocale locale;
    const QString time = formatDuration(summary.elapsedMs);
    QString text;
    if (summary.columns.isEmpty()) {
        text = tr("%1: done in %2.").arg(summary.commandTag, time);
    } else {
        text = summary.rowCount == 1 ? tr("1 row in %1.").arg(time)
                                     : tr("%1 rows in %2.").arg(locale.toString(summary.rowCount), time);
        if (rowLimit >= 0 && summary.rowCount > rowLimit)
            text += QLatin1Char(' ') +
                    tr("The first %1 are shown: the console keeps at most %1 rows of a result. Add a LIMIT or a "
                       "WHERE clause to see others.")
                        .arg(locale.toString(rowLimit));
    }
    m_summary->setText(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
    if (!summary.notices.isEmpty()) {
        m_notices->setText(summary.notices.join(QLatin1Char('\n')));
        m_notices->show();
    }
}

void ResultView::fail(const PgError &error)
{
    m_summary->setText(QStringLiteral("<b>%1</b>").arg(tr("The statement failed.").toHtmlEscaped()));
    const QString severity = error.severity.isEmpty() ? QStringLiteral("ERROR") : error.severity;
    QString html = QStringLiteral("<b>%1 %2</b>&nbsp;&nbsp;%3")
                       .arg(severity.toHtmlEscaped(), error.sqlState.toHtmlEscaped(), error.message.toHtmlEscaped());
    html += field(tr("Detail:"), error.detail);
    html += field(tr("Hint:"), error.hint);
    if (error.position > 0)
        html += field(tr("Position:"), tr("character %1 of the statement (marked in the editor)").arg(error.position));
    if (!error.sentence.isEmpty() && error.sentence != error.message)
        html += QStringLiteral("<br>%1").arg(error.sentence.toHtmlEscaped());
    m_error->setText(html);
    m_error->show();
    const QString explanation = pgErrorExplanation(error);
    if (!explanation.isEmpty()) {
        m_explanation->setText(
            QStringLiteral("<b>%1</b><br>%2").arg(tr("What this means").toHtmlEscaped(), explanation.toHtmlEscaped()));
        m_explanation->show();
    }
    if (m_model->rowCount() == 0)
        m_table->hide();
}
