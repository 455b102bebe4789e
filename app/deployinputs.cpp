#include "app/deployinputs.h"

#include "app/database.h"

#include <QCoreApplication>
#include <QHash>

namespace alloclab::deployinputs {

namespace {

// The library an allocator uses on a host ("" = glibc).
QString pathOn(Database &db, const AllocatorRecord &a, Id hostId)
{
    const QString special = db.allocatorHostPath(a.id, hostId);
    return special.isEmpty() ? a.path : special;
}

} // namespace

bool forExperiment(Database &db, const QString &name, QList<DeployRelayInput> *out, Id *experimentId,
                   QString *error)
{
    const std::optional<ExperimentRecord> e = db.experiment(name);
    if (!e) {
        *error = db.lastError().isEmpty()
            ? QCoreApplication::translate("DeployInputs", "No experiment named '%1'.").arg(name)
            : db.lastError();
        return false;
    }
    *experimentId = e->id;
    QHash<Id, GroupRecord> groups;
    for (const GroupRecord &g : e->groups)
        groups.insert(g.id, g);
    for (const AssignmentRecord &as : db.assignments(e->id)) {
        if (as.toMs != 0 || !groups.contains(as.groupId))
            continue;
        const std::optional<RelayRecord> r = db.relay(as.relayId);
        const GroupRecord g = groups.value(as.groupId);
        const std::optional<AllocatorRecord> a = db.allocator(g.allocatorId);
        if (!r || !a) {
            *error = QCoreApplication::translate(
                         "DeployInputs", "Relay %1 or allocator '%2' of group %3 is not in the database.")
                         .arg(as.relayId)
                         .arg(g.allocatorId, g.letter);
            return false;
        }
        const std::optional<HostRecord> h = db.host(r->hostId);
        if (!h || r->instance.isEmpty()) {
            *error = QCoreApplication::translate(
                         "DeployInputs", "Relay %1 (%2) has no known host and instance; run 'fleet' first.")
                         .arg(r->nickname.isEmpty() ? r->fingerprint : r->nickname, r->server);
            return false;
        }
        DeployRelayInput in;
        in.host = h->name;
        in.instance = r->instance;
        in.wantedPath = pathOn(db, *a, h->id);
        in.allocatorId = a->id;
        in.group = g.letter;
        in.relayId = r->id;
        in.groupId = g.id;
        *out << in;
    }
    if (out->isEmpty()) {
        *error = QCoreApplication::translate("DeployInputs", "Experiment '%1' has no relays assigned.")
                     .arg(name);
        return false;
    }
    return true;
}

bool forRollout(Database &db, const QString &allocatorId, const QStringList &hosts,
                QList<DeployRelayInput> *out, QString *error)
{
    const std::optional<AllocatorRecord> alloc = db.allocator(allocatorId);
    if (!alloc) {
        *error = QCoreApplication::translate("DeployInputs", "No allocator '%1' (see 'allocators list').")
                     .arg(allocatorId);
        return false;
    }
    const QList<HostRecord> all = db.hosts();
    for (const QString &h : hosts) {
        bool found = false;
        for (const HostRecord &r : all)
            found = found || r.name == h;
        if (!found) {
            *error = QCoreApplication::translate("DeployInputs", "No host named '%1' (see 'hosts list').")
                         .arg(h);
            return false;
        }
    }
    for (const HostRecord &h : all) {
        if (!hosts.isEmpty() && !hosts.contains(h.name))
            continue;
        for (const RelayRecord &r : db.relaysOfHost(h.id)) {
            if (r.instance.isEmpty())
                continue;
            DeployRelayInput in;
            in.host = h.name;
            in.instance = r.instance;
            in.wantedPath = pathOn(db, *alloc, h.id);
            in.allocatorId = alloc->id;
            in.relayId = r.id;
            *out << in;
        }
    }
    if (out->isEmpty()) {
        *error = QCoreApplication::translate(
            "DeployInputs", "No relays known on the chosen hosts; run 'fleet' or 'collect --once' first.");
        return false;
    }
    return true;
}

} // namespace alloclab::deployinputs
