#pragma once

#include <functional>
#include <thread>

// Runs two independent pieces of blocking work at the same time: `other` on a
// thread of its own, `here` on the calling thread; returns when both are done.
// For work on the two hosts of a plan (each Host serialises its own calls, two
// hosts are independent): discovery and reading files in SetupPlan::prepare and
// PlanPreparation::survey. A std::thread, joined, as PlanRunner's: join returns
// only once the thread's thread-local data (OpenSSL's, from libssh) is freed.
inline void sideBySide(const std::function<void()> &here, const std::function<void()> &other)
{
    std::thread thread(other);
    here();
    thread.join();
}
