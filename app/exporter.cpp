#include "app/exporter.h"

#include "models/csvreader.h"
#include "models/torutils.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QSaveFile>
#include <QSet>

#include <algorithm>

namespace alloclab {

using namespace torutils;

namespace {

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        *error = QCoreApplication::translate("Exporter", "Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

// Snapshot rows share their time: format each distinct time once.
class TimeFormatter
{
public:
    TimeFormatter(const QTimeZone &zone, bool offset)
        : m_zone(zone)
        , m_offset(offset)
    { }
    const QByteArray &operator()(qint64 ms)
    {
        if (ms != m_lastMs || m_last.isEmpty()) {
            m_lastMs = ms;
            m_last = formatTimestamp(ms, m_zone, m_offset);
        }
        return m_last;
    }

private:
    QTimeZone m_zone;
    bool m_offset;
    qint64 m_lastMs = 0;
    QByteArray m_last;
};

// relay_config.csv in the schema its settings came in: "server,nickname,allocator,config" or
// "nickname,fingerprint,dircache,maxmem". The identity column the upstream schema lacks follows
// the four upstream ones (readers by name and by position both work), so the importer finds
// exactly the same relay again. When both kinds are stored, relay_config.csv holds allocator and
// config (the newer schema) and relay_config_dircache.csv dircache and maxmem: one file with
// both pairs would give every relay the pair it never had, as empty values.
bool writeRelayConfig(Database &db, const QDir &dir, const QList<RelayRecord> &ordered,
                      const QHash<Id, RelayRecord> &relays, ExportReport *report, QString *error)
{
    QHash<Id, QHash<QString, QString>> byRelay;
    const QList<RelaySettingRecord> settings = db.relaySettings();
    for (const RelaySettingRecord &s : settings) {
        if (relays.contains(s.relayId))
            byRelay[s.relayId].insert(s.name, s.value);
    }
    if (byRelay.isEmpty())
        return true;
    struct Schema {
        QString first, second; // setting names
        QByteArray header;
        bool allocator;
    };
    const Schema allocatorSchema { QStringLiteral("allocator"), QStringLiteral("config"),
                                   "server,nickname,allocator,config,fingerprint\n", true };
    const Schema dirCacheSchema { QStringLiteral("dircache"), QStringLiteral("maxmem"),
                                  "nickname,fingerprint,dircache,maxmem,server\n", false };
    auto has = [&](const Schema &schema) {
        for (const QHash<QString, QString> &v : std::as_const(byRelay)) {
            if (v.contains(schema.first) || v.contains(schema.second))
                return true;
        }
        return false;
    };
    const bool both = has(allocatorSchema) && has(dirCacheSchema);
    for (const Schema *schema : { &allocatorSchema, &dirCacheSchema }) {
        if (!has(*schema))
            continue;
        QByteArray out = schema->header;
        for (const RelayRecord &r : ordered) {
            const auto v = byRelay.constFind(r.id);
            if (v == byRelay.constEnd() || (!v->contains(schema->first) && !v->contains(schema->second)))
                continue;
            if (r.nickname.isEmpty() && r.fingerprint.isEmpty())
                continue; // no identity a file can carry (only polls know such relays)
            const QByteArray nickname = r.nickname.toUtf8();
            const QByteArray fingerprint = r.fingerprint.toLatin1();
            const QByteArray server = r.server.toUtf8();
            csv::appendField(out, schema->allocator ? server : nickname);
            out.append(',');
            csv::appendField(out, schema->allocator ? nickname : fingerprint);
            out.append(',');
            csv::appendField(out, v->value(schema->first).toUtf8());
            out.append(',');
            csv::appendField(out, v->value(schema->second).toUtf8());
            out.append(',');
            csv::appendField(out, schema->allocator ? fingerprint : server);
            out.append('\n');
            ++report->relayConfigRows;
        }
        const QString name = both && !schema->allocator ? QStringLiteral("relay_config_dircache.csv")
                                                        : QStringLiteral("relay_config.csv");
        if (!writeFile(dir.filePath(name), out, error))
            return false;
        report->files << dir.filePath(name);
    }
    return true;
}

} // namespace

bool exportData(Database &db, const ExportOptions &o, ExportReport *report, QString *error)
{
    *report = ExportReport();
    if (!QDir().mkpath(o.dir)) {
        *error = QCoreApplication::translate("Exporter", "Cannot create the folder %1.").arg(o.dir);
        return false;
    }
    const QDir dir(o.dir);
    const QSet<QString> servers(o.servers.cbegin(), o.servers.cend());
    auto serverOk = [&](const QString &s) {
        return servers.isEmpty() || servers.contains(s);
    };

    QHash<Id, RelayRecord> relays;
    const QList<RelayRecord> all = db.relays();
    for (const RelayRecord &r : all) {
        if (serverOk(r.server))
            relays.insert(r.id, r);
    }

    std::optional<ExperimentRecord> exp;
    QList<AssignmentRecord> assignments;
    if (!o.experiment.isEmpty()) {
        exp = db.experiment(o.experiment);
        if (!exp) {
            *error = QCoreApplication::translate("Exporter", "There is no experiment named '%1'.")
                         .arg(o.experiment);
            return false;
        }
        assignments = db.assignments(exp->id);
        QSet<Id> assigned;
        for (const AssignmentRecord &a : std::as_const(assignments))
            assigned.insert(a.relayId);
        for (auto it = relays.begin(); it != relays.end();) {
            if (!assigned.contains(it.key()))
                it = relays.erase(it);
            else
                ++it;
        }
    }
    QList<Id> ids;
    if (exp || !servers.isEmpty()) {
        ids = relays.keys();
        if (ids.isEmpty())
            ids << -1; // nothing matches: ask for no relay rather than every relay
    }
    QList<SampleRecord> samples = db.samples(ids, o.fromMs, o.toMs);
    std::stable_sort(samples.begin(), samples.end(), [&](const SampleRecord &a, const SampleRecord &b) {
        if (a.tsMs != b.tsMs)
            return a.tsMs < b.tsMs;
        const RelayRecord &ra = relays[a.relayId];
        const RelayRecord &rb = relays[b.relayId];
        if (ra.server != rb.server)
            return ra.server < rb.server;
        return ra.nickname < rb.nickname;
    });
    QList<AggregateRecord> aggregates;
    const QList<AggregateRecord> allAggregates = db.aggregates({}, o.fromMs, o.toMs);
    for (const AggregateRecord &a : allAggregates) {
        if (serverOk(a.server))
            aggregates << a;
    }
    std::stable_sort(aggregates.begin(), aggregates.end(),
                     [](const AggregateRecord &a, const AggregateRecord &b) { return a.tsMs < b.tsMs; });

    TimeFormatter fmt(o.zone, !o.naiveTimes);
    QByteArray mem = memoryHeader(false);
    mem.reserve(qsizetype(samples.size()) * 110 + 200);
    qsizetype ai = 0;
    for (const SampleRecord &s : std::as_const(samples)) {
        while (ai < aggregates.size() && aggregates[ai].tsMs <= s.tsMs) {
            appendAggregateRow(mem, fmt(aggregates[ai].tsMs), aggregates[ai], false);
            ++ai;
        }
        const auto r = relays.constFind(s.relayId);
        if (r == relays.constEnd())
            continue;
        appendRelayRow(mem, fmt(s.tsMs), r.value(), s);
        ++report->samples;
    }
    for (; ai < aggregates.size(); ++ai)
        appendAggregateRow(mem, fmt(aggregates[ai].tsMs), aggregates[ai], false);
    report->aggregates = aggregates.size();
    if (!writeFile(dir.filePath(QStringLiteral("memory.csv")), mem, error))
        return false;
    report->files << dir.filePath(QStringLiteral("memory.csv"));

    QByteArray ev = eventsHeader();
    QList<EventRecord> events = db.events(o.fromMs, o.toMs);
    std::stable_sort(events.begin(), events.end(),
                     [](const EventRecord &a, const EventRecord &b) { return a.tsMs < b.tsMs; });
    for (const EventRecord &e : std::as_const(events)) {
        appendEventRow(ev, fmt(e.tsMs), e);
        ++report->events;
    }
    if (!writeFile(dir.filePath(QStringLiteral("events.csv")), ev, error))
        return false;
    report->files << dir.filePath(QStringLiteral("events.csv"));

    QByteArray dg = diagnosticsHeader();
    QList<HostDiagnosticsRecord> diags = db.diagnostics({}, o.fromMs, o.toMs);
    std::stable_sort(
        diags.begin(), diags.end(),
        [](const HostDiagnosticsRecord &a, const HostDiagnosticsRecord &b) { return a.tsMs < b.tsMs; });
    for (const HostDiagnosticsRecord &d : std::as_const(diags)) {
        if (!serverOk(d.server))
            continue;
        appendDiagnosticsRow(dg, d, o.zone);
        ++report->diagnostics;
    }
    if (!writeFile(dir.filePath(QStringLiteral("diagnostics.csv")), dg, error))
        return false;
    report->files << dir.filePath(QStringLiteral("diagnostics.csv"));

    if (!writeRelayConfig(db, dir, all, relays, report, error))
        return false;

    if (exp) {
        if (!dir.mkpath(QStringLiteral("groups"))) {
            *error = QCoreApplication::translate("Exporter", "Cannot create the folder %1.")
                         .arg(dir.filePath(QStringLiteral("groups")));
            return false;
        }
        for (const GroupRecord &g : std::as_const(exp->groups)) {
            QStringList names;
            QSet<Id> seen;
            for (const AssignmentRecord &a : std::as_const(assignments)) {
                if (a.groupId != g.id || seen.contains(a.relayId) || !relays.contains(a.relayId))
                    continue;
                seen.insert(a.relayId);
                const RelayRecord &r = relays[a.relayId];
                names << (r.nickname.isEmpty() ? r.fingerprint : r.nickname);
            }
            names.sort();
            const QString label = g.label.isEmpty() ? g.allocatorId : g.label;
            const QString path = dir.filePath(QStringLiteral("groups/group_") + g.letter + QLatin1Char('_')
                                              + label + QStringLiteral(".txt"));
            QByteArray data = names.join(QLatin1Char('\n')).toUtf8();
            if (!data.isEmpty())
                data.append('\n');
            if (!writeFile(path, data, error))
                return false;
            report->files << path;
            ++report->groups;
        }
        const QString path = dir.filePath(QStringLiteral("experiment.json"));
        if (!writeFile(path, writeExperimentJson(*exp, o.zone, !o.naiveTimes), error))
            return false;
        report->files << path;
    }
    return true;
}

} // namespace alloclab
