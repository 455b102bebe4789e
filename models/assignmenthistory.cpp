#include "models/assignmenthistory.h"

#include <algorithm>

namespace alloclab::assignments {

QList<AssignmentRecord> apply(const QList<AssignmentRecord> &history, const QHash<Id, Id> &wanted,
                              qint64 nowMs, qint64 startMs)
{
    const bool running = startMs > 0 && nowMs >= startMs;
    QList<AssignmentRecord> out;
    QHash<Id, Id> open; // relay -> group of its open row, after this call
    for (const AssignmentRecord &a : history) {
        if (a.toMs != 0) {
            out << a;
            continue;
        }
        const Id want = wanted.value(a.relayId, 0);
        if (want == a.groupId) {
            out << a;
            open.insert(a.relayId, a.groupId);
            continue;
        }
        // Planned only, or the experiment has not started: the row never was in force. Drop it.
        if (!running || (!a.deployed && a.fromMs >= nowMs))
            continue;
        AssignmentRecord closed = a;
        closed.toMs = nowMs;
        out << closed;
    }
    for (auto it = wanted.constBegin(); it != wanted.constEnd(); ++it) {
        if (it.value() == 0 || open.value(it.key(), 0) == it.value())
            continue;
        AssignmentRecord a;
        a.relayId = it.key();
        a.groupId = it.value();
        a.fromMs = running ? nowMs : startMs;
        a.toMs = 0;
        a.deployed = false;
        out << a;
    }
    return out;
}

bool markDeployed(QList<AssignmentRecord> &history, Id relayId, qint64 atMs)
{
    for (AssignmentRecord &a : history) {
        if (a.relayId == relayId && a.toMs == 0) {
            a.deployed = true;
            a.fromMs = std::max(a.fromMs, atMs);
            return true;
        }
    }
    return false;
}

Id groupAt(const QList<AssignmentRecord> &history, Id relayId, qint64 tsMs, bool deployedOnly)
{
    for (const AssignmentRecord &a : history) {
        if (a.relayId != relayId || (deployedOnly && !a.deployed))
            continue;
        if (a.fromMs <= tsMs && (a.toMs == 0 || tsMs < a.toMs))
            return a.groupId;
    }
    return 0;
}

QHash<Id, Id> current(const QList<AssignmentRecord> &history)
{
    QHash<Id, Id> out;
    for (const AssignmentRecord &a : history)
        if (a.toMs == 0)
            out.insert(a.relayId, a.groupId);
    return out;
}

} // namespace alloclab::assignments
