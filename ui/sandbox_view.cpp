#include "ui/sandbox_view.h"

#include "core/host/command_line.h"
#include "core/monitor/replication_sampler.h"
#include "ui/server_list_model.h"

#include <QFontDatabase>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // A handful of rows: every column as wide as its text and the last one
    // taking the rest, recomputed as the values change.
    QHeaderView *header = table->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(model->columnCount() - 1, QHeaderView::Stretch);
    return table;
}

// Tall enough for the header and `rows` rows and no more: these tables hold
// a handful of rows, and empty space below them reads as "missing".
void fitHeight(QTableView *table, int rows)
{
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    const int scrollBar =
        table->horizontalScrollBar()->isVisible() ? table->horizontalScrollBar()->sizeHint().height() : 0;
    table->setFixedHeight(table->horizontalHeader()->sizeHint().height() + rowHeight * qMax(rows, 1) +
                          2 * table->frameWidth() + scrollBar);
}

} // namespace

SandboxView::SandboxView(const SandboxState &state, ReplicationSampler *sampler, QWidget *parent)
    : QWidget(parent), m_state(state), m_standbyNames(state.standbyNames()), m_servers(new ServerListModel(this)),
      m_updated(new QLabel(this))
{
    setObjectName(QStringLiteral("sandboxView"));
    auto *title = new QLabel(this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setText(state.synchronous
                       ? tr("Demo sandbox: PostgreSQL %1, synchronous replication").arg(state.version.majorString())
                       : tr("Demo sandbox: PostgreSQL %1, asynchronous replication").arg(state.version.majorString()));
    auto *folder = new QLabel(tr("Folder: %1").arg(state.dir), this);
    folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    folder->setForegroundRole(QPalette::PlaceholderText);

    const QList<SandboxServer> servers = QList<SandboxServer>{state.primary} + state.standbys;
    QStringList names, endpoints;
    for (const SandboxServer &server : servers) {
        names.append(server.name);
        endpoints.append(QStringLiteral("%1:%2").arg(server.socketDir).arg(server.port));
    }
    m_servers->setServerNames(names, endpoints);
    m_serverTable = makeTable(m_servers, QStringLiteral("serverTable"), this);
    m_serverTable->setAccessibleName(tr("Servers"));
    fitHeight(m_serverTable, int(servers.size()));

    auto *serversBox = new QGroupBox(tr("Servers"), this);
    serversBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *serversLayout = new QVBoxLayout(serversBox);
    serversLayout->addWidget(m_serverTable);

    auto *connectBox = new QGroupBox(tr("Connect with psql"), this);
    connectBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *connectLayout = new QVBoxLayout(connectBox);
    const QString psql =
        state.clientBinDir.isEmpty() ? QStringLiteral("psql") : state.clientBinDir + QStringLiteral("/psql");
    for (const SandboxServer &server : servers) {
        auto *line = new QLabel(tr("%1: %2").arg(server.name, server.psqlCommand(psql)), connectBox);
        line->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        line->setTextInteractionFlags(Qt::TextSelectableByMouse);
        line->setWordWrap(true);
        connectLayout->addWidget(line);
    }

    m_updated->setForegroundRole(QPalette::PlaceholderText);
    m_updated->setText(tr("Connecting to the servers..."));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 12);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(folder);
    layout->addWidget(serversBox);
    layout->addWidget(connectBox);
    layout->addStretch();
    layout->addWidget(m_updated);

    connect(sampler, &ReplicationSampler::sampleReady, this, &SandboxView::showSample);
}

QString SandboxView::command(const QString &action) const
{
    return m_commandFor ? m_commandFor(action) : QStringLiteral("replicactl sandbox ") + action;
}

QString SandboxView::standbyOption(const QString &name)
{
    return QStringLiteral(" --standby ") + CommandLine::quote(name);
}

QString SandboxView::hintFor(const ReplicationSample &sample) const
{
    // Sandbox-specific advice on top of the sampler's general sentences.
    if (!sample.primary.reachable)
        return tr("Start the sandbox again with: %1").arg(command(QStringLiteral("up")));
    for (const auto &problem : sample.problems) {
        const bool standbyDown =
            problem.code == QLatin1String("standby-disconnected") ||
            (problem.code == QLatin1String("server-unreachable") && problem.subject != sample.primary.name);
        // Among several standbys, the menu item opens a list of them, and the command names one.
        const bool several = m_standbyNames.size() > 1;
        if (standbyDown && several)
            return tr("Start %1 again: Sandbox > Start the standby > %1, or %2")
                .arg(problem.subject, command(QStringLiteral("start-standby")) + standbyOption(problem.subject));
        if (standbyDown)
            return tr("Start the standby again: Sandbox > Start the standby, or %1")
                .arg(command(QStringLiteral("start-standby")));
        if (problem.code == QLatin1String("replay-paused") && several)
            return tr("Resume replay on %1: Sandbox > Resume replay > %1, or %2")
                .arg(problem.subject, command(QStringLiteral("resume-replay")) + standbyOption(problem.subject));
        if (problem.code == QLatin1String("replay-paused"))
            return tr("Resume replay: Sandbox > Resume replay, or %1").arg(command(QStringLiteral("resume-replay")));
        if (problem.code == QLatin1String("standby-not-in-recovery"))
            return tr("The standby was promoted. Make a fresh pair: Sandbox > Reset to a fresh pair, or %1")
                .arg(command(QStringLiteral("reset")));
    }
    return {};
}

void SandboxView::showSample(const ReplicationSample &sample)
{
    m_servers->setSample(sample);
    fitHeight(m_serverTable, m_servers->rowCount());
    m_updated->setText(
        tr("Updated %1, every second. Closing the window leaves the sandbox running; "
           "\"%2\" stops it.")
            .arg(sample.sampledAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")), command(QStringLiteral("down"))));
}
