#include "ui/no_sandbox_view.h"

#include <QFont>
#include <QFontDatabase>
#include <QLabel>
#include <QVBoxLayout>

NoSandboxView::NoSandboxView(QWidget *parent)
    : QWidget(parent), m_explanation(new QLabel(this)), m_command(new QLabel(this)), m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("noSandboxView"));
    auto *title = new QLabel(tr("No demo sandbox yet"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_explanation->setWordWrap(true);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_command->setObjectName(QStringLiteral("sandboxUpCommand"));
    m_command->setStyleSheet(QStringLiteral("QLabel { background: palette(base); border: 1px solid palette(mid); "
                                            "padding: 8px; }"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b01e1e; }"));
    m_problem->hide();
    auto *after = new QLabel(tr("This window notices the new sandbox by itself and shows its two servers and "
                                "the live replication between them. Closing the window leaves the sandbox "
                                "running; the same command with \"down\" instead of \"up\" stops it."),
                             this);
    after->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->setSpacing(14);
    layout->addWidget(title);
    layout->addWidget(m_explanation);
    layout->addWidget(m_command);
    layout->addWidget(m_problem);
    layout->addWidget(after);
    layout->addStretch();
}

void NoSandboxView::setSituation(const QString &dir, const QString &command, const QString &problem)
{
    m_explanation->setText(tr("A demo sandbox is a PostgreSQL primary and a hot standby streaming from it, made "
                              "on this machine in a few seconds, in %1. Create it from a terminal:")
                               .arg(dir));
    m_command->setText(command);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}
