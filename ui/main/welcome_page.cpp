#include "ui/main/welcome_page.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QPushButton *bigButton(const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    QFont font = button->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    font.setBold(true);
    button->setFont(font);
    button->setMinimumHeight(44);
    return button;
}

} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent), m_setup(bigButton(tr("Set up a replication pair…"), this)),
      m_sandbox(bigButton(tr("Start the demo sandbox"), this)), m_sandboxText(wrapped(QString(), this)),
      m_command(new QLabel(this)), m_problem(wrapped(QString(), this)), m_busy(new QProgressBar(this)),
      m_progress(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *title = new QLabel(tr("Welcome to Replica Studio"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_setup->setObjectName(QStringLiteral("setupButton"));
    m_setup->setAccessibleDescription(
        tr("Opens the setup wizard for a primary and a hot standby on machines you reach over SSH."));
    m_sandbox->setObjectName(QStringLiteral("sandboxButton"));
    m_sandbox->setAccessibleDescription(tr("Makes a local primary and hot standby on this machine for the lesson."));
    connect(m_setup, &QPushButton::clicked, this, &WelcomePage::setupRequested);
    connect(m_sandbox, &QPushButton::clicked, this, &WelcomePage::sandboxRequested);

    m_command->setObjectName(QStringLiteral("sandboxUpCommand"));
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_command->setAccessibleName(tr("Terminal command that makes the demo sandbox"));
    m_command->setStyleSheet(QStringLiteral("QLabel { background: palette(base); border: 1px solid palette(mid); "
                                            "padding: 6px; }"));
    m_problem->setObjectName(QStringLiteral("welcomeProblem"));
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b01e1e; }"));
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    m_busy->setRange(0, 0);
    m_busy->setAccessibleName(tr("Making the demo sandbox"));
    m_busy->hide();
    m_progress->setObjectName(QStringLiteral("sandboxProgress"));
    m_progress->setReadOnly(true);
    m_progress->setAccessibleName(tr("What the sandbox is doing"));
    m_progress->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_progress->setMaximumHeight(160);
    m_progress->hide();

    auto *ways = new QGridLayout;
    ways->setHorizontalSpacing(24);
    ways->setVerticalSpacing(8);
    ways->addWidget(m_setup, 0, 0);
    ways->addWidget(m_sandbox, 0, 1);
    ways->addWidget(wrapped(tr("On two or more machines you reach over SSH: the wizard finds what is installed, "
                               "shows every change as a diff you can edit, applies it step by step and proves "
                               "that the standby streams."),
                            this),
                    1, 0, Qt::AlignTop);
    ways->addWidget(m_sandboxText, 1, 1, Qt::AlignTop);
    ways->setColumnStretch(0, 1);
    ways->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 36, 40, 36);
    layout->setSpacing(16);
    layout->addWidget(title);
    layout->addWidget(wrapped(tr("Replica Studio sets up, watches and teaches PostgreSQL streaming replication. "
                                 "Choose a way in:"),
                              this));
    layout->addLayout(ways);
    layout->addWidget(m_busy);
    layout->addWidget(m_progress);
    layout->addWidget(m_problem);
    layout->addSpacing(12);
    layout->addWidget(wrapped(tr("The same sandbox from a terminal:"), this));
    layout->addWidget(m_command);
    layout->addStretch();
}

void WelcomePage::setSandboxPlace(const QString &dir, const QString &command)
{
    m_sandboxText->setText(tr("On this machine, no SSH: a PostgreSQL primary and a hot standby streaming from it, "
                              "made in a few seconds in %1, for the lesson and the query console.")
                               .arg(dir));
    m_command->setText(command);
}

void WelcomePage::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void WelcomePage::setSandboxStarting(bool starting)
{
    m_setup->setEnabled(!starting);
    m_sandbox->setEnabled(!starting);
    m_busy->setVisible(starting);
    if (starting) {
        m_progress->clear();
        m_progress->show();
        showProblem(QString());
    }
}

void WelcomePage::addProgressLine(const QString &line)
{
    m_progress->appendPlainText(line);
}
