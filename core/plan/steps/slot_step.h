#pragma once

#include "core/plan/setup_step.h"

// Step 7: a physical replication slot for the standby (9.4+), so that the
// primary keeps the WAL the standby has not received yet (up to
// max_slot_wal_keep_size from 13, set in step 4).
class SlotStep : public SetupStep
{
public:
    explicit SlotStep(PlanBasis basis);

    QString title() const override;
    QString why() const override;
    QList<PlannedCommand> commands() const override;
    Result<bool> check(StepContext &context) override;
    Result<void> apply(StepContext &context) override;

private:
    QString createSql() const;
};
