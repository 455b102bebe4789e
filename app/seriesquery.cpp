#include "app/seriesquery.h"

#include "models/groupcolors.h"
#include "models/torutils.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace alloclab {

namespace {

QString allocatorLabel(Database &db, const GroupRecord &g)
{
    const torutils::LabelAllocator fromLabel = torutils::allocatorFromLabel(g.label);
    if (!fromLabel.id.isEmpty() && fromLabel.id == g.allocatorId)
        return fromLabel.displayName;
    if (const auto a = db.allocator(g.allocatorId))
        return a->version.isEmpty() ? a->name : a->name + QLatin1Char(' ') + a->version;
    if (!g.allocatorId.isEmpty())
        return g.allocatorId;
    return g.label;
}

QString relayKey(const RelayRecord &r)
{
    return r.fingerprint.isEmpty() ? r.server + QLatin1Char('/') + r.nickname : r.fingerprint;
}

// Process starts from the pid column (a new pid is a new process); imported rows have no pid,
// then the VmHWM drops tell (RelaySeries::inferStartsFromHwm).
void fillStarts(RelaySeries *r, const QList<SampleRecord> &rows, qsizetype begin, qsizetype end)
{
    bool pids = false;
    for (qsizetype i = begin + 1; i < end; ++i) {
        const SampleRecord &a = rows.at(i - 1), &b = rows.at(i);
        if (a.pid > 0 && b.pid > 0) {
            pids = true;
            if (a.pid != b.pid)
                r->startsMs.append(a.tsMs + (b.tsMs - a.tsMs) / 2);
        }
    }
    if (!pids)
        r->inferStartsFromHwm();
}

struct Span {
    qint64 from = 0;
    qint64 to = 0; // 0 = open
    bool contains(qint64 ts) const { return (from == 0 || from <= ts) && (to == 0 || ts < to); }
};

} // namespace

QString fleetGroupLetter()
{
    return QStringLiteral("*");
}

bool querySeriesSet(Database &db, const SeriesQuery &q, SeriesSet *out, QString *error)
{
    *out = SeriesSet();
    std::optional<ExperimentRecord> exp;
    if (!q.experiment.isEmpty()) {
        exp = db.experiment(q.experiment);
        if (!exp) {
            *error = db.lastError().isEmpty()
                ? QCoreApplication::translate("Charts", "There is no experiment named '%1'.")
                      .arg(q.experiment)
                : db.lastError();
            return false;
        }
    }

    const QList<RelayRecord> relayList = db.relays();
    QHash<Id, RelayRecord> relayById;
    for (const RelayRecord &r : relayList)
        relayById.insert(r.id, r);

    // relay -> group letter -> the periods it belonged to that group
    QHash<Id, QHash<QString, QList<Span>>> membership;
    QList<Id> relayIds;
    if (exp) {
        out->title = exp->name;
        QHash<Id, QString> letterOf;
        for (const GroupRecord &g : std::as_const(exp->groups)) {
            letterOf.insert(g.id, g.letter);
            const QColor stored(g.colour);
            out->groups.append(
                { g.letter, allocatorLabel(db, g), stored.isValid() ? stored : groupColor(g.letter) });
        }
        const QList<AssignmentRecord> assignments = db.assignments(exp->id);
        for (const AssignmentRecord &a : assignments) {
            const QString letter = letterOf.value(a.groupId);
            if (letter.isEmpty() || !relayById.contains(a.relayId))
                continue;
            membership[a.relayId][letter].append({ a.fromMs, a.toMs });
        }
        relayIds = membership.keys();
        std::sort(relayIds.begin(), relayIds.end());
        if (relayIds.isEmpty())
            return true; // an experiment without members: nothing to draw yet
    } else {
        out->title = QCoreApplication::translate("Charts", "Fleet");
        QStringList servers;
        for (const RelayRecord &r : relayList) {
            if (!servers.contains(r.server))
                servers.append(r.server);
        }
        if (q.fleetGrouping == SeriesQuery::FleetGrouping::OneGroup) {
            out->groups.append({ fleetGroupLetter(), QCoreApplication::translate("Charts", "All relays"),
                                 groupColor(QStringLiteral("A")) });
        } else {
            std::sort(servers.begin(), servers.end());
            for (qsizetype i = 0; i < servers.size(); ++i)
                out->groups.append(
                    { servers.at(i), servers.at(i), groupColor(QString(QChar(u'A' + int(i % 26)))) });
        }
        for (const RelayRecord &r : relayList) {
            const QString letter
                = q.fleetGrouping == SeriesQuery::FleetGrouping::OneGroup ? fleetGroupLetter() : r.server;
            membership[r.id][letter].append(Span {});
        }
        // relayIds stays empty: every relay, without a long IN list
    }

    // Database keeps its last error; a new one after the query is this query's failure.
    const QString errorBefore = db.lastError();
    const QList<SampleRecord> rows = db.samples(relayIds, q.fromMs, q.toMs);
    if (rows.isEmpty() && (!db.isOpen() || db.lastError() != errorBefore)) {
        *error = db.lastError();
        return false;
    }

    QSet<QString> servers;
    for (qsizetype begin = 0; begin < rows.size();) {
        const Id relayId = rows.at(begin).relayId;
        qsizetype end = begin;
        while (end < rows.size() && rows.at(end).relayId == relayId)
            ++end;
        const auto groups = membership.constFind(relayId);
        if (groups != membership.constEnd()) {
            const RelayRecord &rec = relayById[relayId];
            RelaySeries all;
            all.key = relayKey(rec);
            all.nickname = rec.nickname;
            all.server = rec.server;
            all.samples.reserve(end - begin);
            for (qsizetype i = begin; i < end; ++i) {
                const SampleRecord &s = rows.at(i);
                all.samples.append({ s.tsMs, s.rssKb, s.hwmKb });
            }
            // Restarts are a property of the process, not of the membership: found on the
            // whole series, then shared by each group's part.
            fillStarts(&all, rows, begin, end);
            for (auto g = groups->cbegin(); g != groups->cend(); ++g) {
                RelaySeries part = all;
                part.group = g.key();
                part.samples.clear();
                for (const SeriesSample &s : std::as_const(all.samples)) {
                    const bool in = std::any_of(g->cbegin(), g->cend(),
                                                [&](const Span &sp) { return sp.contains(s.tsMs); });
                    if (in)
                        part.samples.append(s);
                }
                if (!part.samples.isEmpty()) {
                    servers.insert(rec.server);
                    out->relays.append(std::move(part));
                }
            }
        }
        begin = end;
    }
    // Stable order: group, then server, nickname (the legend and the tooltips list them so).
    std::stable_sort(out->relays.begin(), out->relays.end(),
                     [out](const RelaySeries &a, const RelaySeries &b) {
                         const int ga = out->groupIndex(a.group), gb = out->groupIndex(b.group);
                         if (ga != gb)
                             return ga < gb;
                         if (a.server != b.server)
                             return a.server < b.server;
                         return a.nickname < b.nickname;
                     });

    if (q.markers) {
        const QList<EventRecord> events = db.events(q.fromMs, q.toMs);
        for (const EventRecord &e : events) {
            SeriesMarker m;
            m.tsMs = e.tsMs;
            m.label = e.description.isEmpty() ? e.type : e.description;
            m.group = out->groupIndex(e.group) >= 0 ? e.group : QString();
            m.kind = SeriesMarker::Event;
            out->markers.append(m);
        }
        QList<HostDiagnosticsRecord> diags = db.diagnostics({}, q.fromMs, q.toMs);
        if (exp) {
            diags.erase(
                std::remove_if(diags.begin(), diags.end(),
                               [&](const HostDiagnosticsRecord &d) { return !servers.contains(d.server); }),
                diags.end());
        }
        out->markers += SeriesSet::diagnosticsMarkers(diags);
        std::stable_sort(out->markers.begin(), out->markers.end(),
                         [](const SeriesMarker &a, const SeriesMarker &b) { return a.tsMs < b.tsMs; });
    }
    if (q.serverTotals) {
        QList<QString> names = servers.values();
        std::sort(names.begin(), names.end());
        for (const QString &s : std::as_const(names)) {
            if (!s.isEmpty())
                out->serverTotals += db.aggregates(s, q.fromMs, q.toMs);
        }
    }
    return true;
}

} // namespace alloclab
