#include "demo_data_step.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("DemoDataStep", text);
}
} // namespace

DemoDataStep::DemoDataStep(PlanBasis basis) : SetupStep(QStringLiteral("demo-data"), std::move(basis))
{
}

QString DemoDataStep::title() const
{
    return tr("Demo data: database mydb, table weather");
}

QString DemoDataStep::why() const
{
    return tr("A row to look for on the standby: the San Francisco weather row of the PostgreSQL tutorial.");
}

QString DemoDataStep::tableSql()
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS weather (\n"
                          "    city    varchar(80),\n"
                          "    temp_lo int,\n"
                          "    temp_hi int,\n"
                          "    prcp    real,\n"
                          "    date    date\n"
                          ");\n"
                          "INSERT INTO weather SELECT 'San Francisco', 46, 50, 0.25, '1994-11-27'\n"
                          "    WHERE NOT EXISTS (SELECT 1 FROM weather WHERE city = 'San Francisco');\n");
}

QList<PlannedCommand> DemoDataStep::commands() const
{
    PlannedCommand create{HostRole::Primary,
                          basis().primary.psql(QStringLiteral("postgres")),
                          RunAs::Postgres,
                          tr("Create the database."),
                          {},
                          QStringLiteral("CREATE DATABASE mydb;")};
    PlannedCommand table{HostRole::Primary,
                         basis().primary.psql(QStringLiteral("mydb")),
                         RunAs::Postgres,
                         tr("Create the table and insert the row."),
                         {},
                         tableSql()};
    return {create, table};
}

Result<bool> DemoDataStep::check(StepContext &context)
{
    auto database = context.sql(HostRole::Primary, QStringLiteral("postgres"),
                                QStringLiteral("SELECT 1 FROM pg_database WHERE datname = 'mydb'"));
    if (!database)
        return database.error();
    if (database->isEmpty())
        return false;
    auto row = context.query(HostRole::Primary, QStringLiteral("mydb"),
                             QStringLiteral("SELECT 1 FROM weather WHERE city = 'San Francisco'"));
    if (!row)
        return row.error();
    return row->ok && !row->output.isEmpty();
}

Result<void> DemoDataStep::apply(StepContext &context)
{
    auto database = context.sql(HostRole::Primary, QStringLiteral("postgres"),
                                QStringLiteral("SELECT 1 FROM pg_database WHERE datname = 'mydb'"));
    if (!database)
        return database.error();
    if (database->isEmpty()) {
        auto created =
            context.sql(HostRole::Primary, QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE mydb"));
        if (!created)
            return created.error();
    }
    auto table = context.sql(HostRole::Primary, QStringLiteral("mydb"), tableSql());
    if (!table)
        return table.error();
    return {};
}
