#pragma once

// The deploy plan: a pure diff of what every relay has (configured drop-in, loaded allocator)
// against what it should have, turned into per-host batches with the exact drop-in content and
// the exact remote scripts. No I/O: the observations come from remote::inspect() (or a test).

#include "models/records.h"
#include "models/remotecommands.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace alloclab {

struct DeployRelayInput {
    QString host; // host name as the store and the ssh_config know it
    QString instance; // tor@INSTANCE; "" = tor.service
    QString wantedPath; // library to preload; "" = glibc (no drop-in). Ignored for rollback.
    QString allocatorId; // for records ("jemalloc"); optional
    QString group; // group letter, optional
    Id relayId = 0; // store ids, optional (0 = not recorded)
    Id groupId = 0;
    RelayObservation now; // what the host has now
};

struct DeployOptions {
    enum class Mode {
        Deploy, // make every relay match wantedPath
        Rollback, // restore every relay's state from before AllocLab first changed it
    };
    Mode mode = Mode::Deploy;
    int batchSize = 5; // relays restarted together per host
    int canary = 1; // relays per host in the first batch (0 = no canary)
    int jitterMaxMs = 1000; // random wait before each restart within a batch
    quint32 seed = 1; // jitter is drawn from this seed: the dry run shows the exact scripts
};

struct PlannedRelay {
    enum class Action {
        Skip, // already right (or nothing to restore): left alone
        Put, // write the drop-in, reload, restart
        Remove, // glibc: remove the drop-in, reload, restart
        Restart, // the drop-in is right but the running process is not: reload, restart
        RestoreOrig, // rollback: put back the pre-AllocLab drop-in (or its absence), restart
        Forget, // rollback: already as before; only the backups are removed
    };
    DeployRelayInput input;
    Action action = Action::Skip;
    QString reason; // why this action (shown in the plan)
    QByteArray newDropIn; // content after the change (empty = no drop-in)
    bool newDropInKnown = true; // false for RestoreOrig of content that is not ours
    // What verification expects in /proc/PID/maps after the restart: "" = no preload (glibc);
    // expectUnknown = only "active with a new PID" can be checked.
    QString expectPath;
    bool expectUnknown = false;
    // What a failed relay goes back to (its state before this change).
    QString previousPath;
    int jitterMs = 0;
    bool canary = false;
};

struct PlannedBatch {
    bool canary = false;
    QList<int> relays; // indices into HostPlan::relays
    remote::Script change; // drop-ins + one daemon-reload
    remote::Script restart; // restarts with jitter
};

struct HostPlan {
    QString host;
    QList<PlannedRelay> relays; // input order, skipped ones included
    QList<PlannedBatch> batches; // canary first
    int changeCount() const;
};

struct DeployPlan {
    DeployOptions options;
    QList<HostPlan> hosts; // in order of first appearance in the input
    QStringList errors; // refused inputs: when not empty, nothing may be executed

    bool isValid() const { return errors.isEmpty(); }
    int changeCount() const;
    bool isEmpty() const { return changeCount() == 0; }
};

namespace deployplan {

// Pure: same input and options, same plan (and the same scripts, jitter included).
DeployPlan plan(const QList<DeployRelayInput> &relays, const DeployOptions &options);
// One host's part (used again by the executor after it re-read the host).
HostPlan planHost(const QString &host, const QList<DeployRelayInput> &relays, const DeployOptions &options,
                  QStringList *errors);

// Is the observed relay running `path` ("" = glibc)? Maps-based, as verification checks it.
bool processMatches(const RelayObservation &o, const QString &path);

// The dry run: per host, every relay's change as a unified-diff-like block with the exact
// drop-in content, then each batch's exact scripts.
QString renderDryRun(const DeployPlan &plan);

QString actionName(PlannedRelay::Action action);

} // namespace deployplan
} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::DeployOptions)
Q_DECLARE_METATYPE(alloclab::DeployPlan)
