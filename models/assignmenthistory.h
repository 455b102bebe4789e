#pragma once

#include "models/records.h"

#include <QHash>
#include <QList>

// Group membership over time. The board plans; a deploy makes it real. Before an experiment
// starts, re-planning simply rewrites the open rows; once it runs, a change closes the relay's
// open row at `nowMs` and opens a new one, so analysis can use the membership in force at each
// sample (groupAt()).
namespace alloclab::assignments {

// Applies the wanted membership (relayId -> groupId; relays absent or 0 = in no group) to `history`
// at `nowMs`. `startMs` is the experiment's start (0 = not started). New rows are planned
// (deployed = false) and open (toMs = 0).
QList<AssignmentRecord> apply(const QList<AssignmentRecord> &history, const QHash<Id, Id> &wanted,
                              qint64 nowMs, qint64 startMs);

// Marks the open row of `relayId` as deployed from `atMs` (the verified restart). Returns false when
// the relay has no open row.
bool markDeployed(QList<AssignmentRecord> &history, Id relayId, qint64 atMs);

// The group `relayId` was in at `tsMs` (fromMs <= ts < toMs, toMs 0 = open), 0 when none.
// With `deployedOnly`, planned rows do not count: a sample belongs to a group only once its
// allocator was really deployed.
Id groupAt(const QList<AssignmentRecord> &history, Id relayId, qint64 tsMs, bool deployedOnly = false);

// The open rows: relayId -> groupId.
QHash<Id, Id> current(const QList<AssignmentRecord> &history);

} // namespace alloclab::assignments
