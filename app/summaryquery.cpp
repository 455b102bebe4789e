#include "app/summaryquery.h"

#include "models/torutils.h"

#include <QCoreApplication>
#include <QHash>

namespace alloclab {

bool querySummary(Database &db, const SummaryQuery &q, summary::Summary *out, QString *error)
{
    std::optional<ExperimentRecord> exp;
    if (!q.experiment.isEmpty()) {
        exp = db.experiment(q.experiment);
        if (!exp) {
            *error = QCoreApplication::translate("Summary", "There is no experiment named '%1'.")
                         .arg(q.experiment);
            return false;
        }
    } else {
        const QList<ExperimentRecord> all = db.experiments();
        if (all.isEmpty()) {
            *error = QCoreApplication::translate(
                "Summary",
                "There is no experiment yet: import group files or create one with 'experiment create'.");
            return false;
        }
        exp = all.last();
    }
    QList<summary::GroupInfo> groups;
    QHash<Id, QString> letterOfGroup;
    for (const GroupRecord &g : std::as_const(exp->groups)) {
        letterOfGroup.insert(g.id, g.letter);
        QString allocator;
        const torutils::LabelAllocator fromLabel = torutils::allocatorFromLabel(g.label);
        if (fromLabel.id == g.allocatorId)
            allocator = fromLabel.displayName;
        else if (const auto a = db.allocator(g.allocatorId))
            allocator = a->version.isEmpty() ? a->name : a->name + QLatin1Char(' ') + a->version;
        else
            allocator = g.allocatorId;
        groups << summary::GroupInfo { g.letter, g.label, allocator };
    }
    struct Span {
        QString letter;
        qint64 from;
        qint64 to;
    };
    QHash<Id, QList<Span>> spans;
    const QList<AssignmentRecord> assignments = db.assignments(exp->id);
    for (const AssignmentRecord &a : assignments)
        spans[a.relayId] << Span { letterOfGroup.value(a.groupId), a.fromMs, a.toMs };
    auto groupOf = [&](Id relay, qint64 ts) {
        QStringList letters;
        const auto it = spans.constFind(relay);
        if (it == spans.constEnd())
            return letters;
        for (const Span &s : it.value()) {
            if ((s.from == 0 || s.from <= ts) && (s.to == 0 || ts < s.to) && !letters.contains(s.letter))
                letters << s.letter;
        }
        return letters;
    };
    summary::Options opt;
    opt.windowMs = q.windowMs;
    const QList<Id> relays = spans.keys();
    // The experiment's own latest snapshot: other relays may have been polled since.
    const qint64 snap = relays.isEmpty() ? 0 : db.latestSampleTimeAtOrBefore(q.atMs, relays);
    QList<SampleRecord> samples;
    if (snap > 0) {
        opt.atMs = snap;
        if (!relays.isEmpty())
            samples = db.samples(relays, qMax<qint64>(1, snap - q.windowMs - opt.snapshotGapMs), snap);
    }
    *out = summary::compute(samples, groups, groupOf, opt);
    return true;
}

} // namespace alloclab
