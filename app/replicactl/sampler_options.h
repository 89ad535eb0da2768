#pragma once

#include "core/monitor/replication_sampler.h"
#include "core/result.h"

#include <QCommandLineParser>

#include <optional>

// The servers `replicactl watch` and `replicactl status` sample with the
// monitor's ReplicationSampler: --sandbox [DIR] (the demo pair over its
// sockets) or --conninfo CONNSTR with --standby-conninfo CONNSTR...
// (libpq strings). One place for the options, their checks, and the wait
// for a first sample in which every server had its chance to answer.
namespace ReplicaCtl {

void addSamplerOptions(QCommandLineParser &parser);
// Whether the parsed options name servers this way (else: the SSH forms).
bool hasSamplerTarget(const QCommandLineParser &parser);
// Points the sampler at the servers; a refused Error (exit 2) says what to fix.
Result<void> configureSampler(const QCommandLineParser &parser, ReplicationSampler &sampler);
// Whether a sample is past the first connection attempts (so that a server
// still connecting is not printed as down).
bool isSettled(const ReplicationSample &sample);
// One settled sample (or the last one when timeoutMs passes first).
std::optional<ReplicationSample> sampleOnce(ReplicationSampler &sampler, int timeoutMs);

} // namespace ReplicaCtl
