#pragma once

#include "core/plan/setup_step.h"

// Step 8 (optional): the walkthrough's `mydb` database with its `weather`
// table and the San Francisco row, for the lesson that follows.
class DemoDataStep : public SetupStep
{
public:
    explicit DemoDataStep(PlanBasis basis);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

    static QString tableSql();
};
