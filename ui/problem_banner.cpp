#include "ui/problem_banner.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>

#include <algorithm>

ProblemBanner::ProblemBanner(QWidget *parent) : QFrame(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("problemBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Replication alerts"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_label);
    hide();
}

void ProblemBanner::setProblems(const QList<ReplicationProblem> &problems, const QString &hint)
{
    if (problems.isEmpty()) {
        hide();
        m_label->clear();
        return;
    }
    const bool critical = std::any_of(problems.begin(), problems.end(), [](const ReplicationProblem &p) {
        return p.severity == ReplicationProblem::Severity::Critical;
    });
    // Colours that read on light and dark themes alike: a tinted band with dark text.
    setStyleSheet(critical ? QStringLiteral("ProblemBanner { background: #fde7e7; border: 1px solid #c62828; "
                                            "border-radius: 4px; } QLabel { color: #5f1010; }")
                           : QStringLiteral("ProblemBanner { background: #fff4dc; border: 1px solid #d08a00; "
                                            "border-radius: 4px; } QLabel { color: #4d3300; }"));
    QString html;
    for (const ReplicationProblem &problem : problems) {
        const QString label =
            problem.severity == ReplicationProblem::Severity::Critical ? tr("Critical") : tr("Warning");
        html += QStringLiteral("<p style=\"margin:2px 0\"><b>%1:</b> %2</p>")
                    .arg(label.toHtmlEscaped(), problem.message.toHtmlEscaped());
    }
    if (!hint.isEmpty())
        html += QStringLiteral("<p style=\"margin:6px 0 0 0\">%1</p>").arg(hint.toHtmlEscaped());
    const bool changed = m_label->text() != html;
    m_label->setText(html);
    show();
    if (changed) {
        // Screen readers announce a new alert as it appears, not only when the user finds the band.
        setAccessibleDescription(text());
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

QString ProblemBanner::text() const
{
    QString plain = m_label->text();
    plain.replace(QStringLiteral("</p>"), QStringLiteral("\n"));
    plain.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    return plain.trimmed();
}
