#include "models/seriesset.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>

namespace alloclab {

namespace stats {

double quantile(const QVector<double> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const double h = (sorted.size() - 1) * std::clamp(p, 0.0, 1.0);
    const auto lo = qsizetype(std::floor(h));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted.at(lo) + (h - double(lo)) * (sorted.at(hi) - sorted.at(lo));
}

SummaryStats summarize(QVector<double> values)
{
    SummaryStats s;
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    s.n = int(values.size());
    double sum = 0;
    for (const double v : std::as_const(values))
        sum += v;
    s.mean = sum / s.n;
    double sq = 0;
    for (const double v : std::as_const(values))
        sq += (v - s.mean) * (v - s.mean);
    s.sd = s.n > 1 ? std::sqrt(sq / (s.n - 1)) : 0.0; // sample standard deviation
    s.min = values.first();
    s.max = values.last();
    s.q1 = quantile(values, 0.25);
    s.median = quantile(values, 0.5);
    s.q3 = quantile(values, 0.75);
    return s;
}

BoxStats tukey(QVector<double> values)
{
    BoxStats b;
    std::sort(values.begin(), values.end());
    b.stats = summarize(values);
    if (values.isEmpty())
        return b;
    const double iqr = b.stats.q3 - b.stats.q1;
    const double lowFence = b.stats.q1 - 1.5 * iqr, highFence = b.stats.q3 + 1.5 * iqr;
    b.lowerWhisker = b.stats.q1;
    b.upperWhisker = b.stats.q3;
    for (const double v : std::as_const(values)) {
        if (v < lowFence || v > highFence)
            b.outliers.append(v);
        else {
            b.lowerWhisker = std::min(b.lowerWhisker, v);
            b.upperWhisker = std::max(b.upperWhisker, v);
        }
    }
    return b;
}

double niceStep(double range, int target)
{
    if (!(range > 0) || target <= 0)
        return 1;
    const double raw = range / target;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        if (m * magnitude >= raw)
            return m * magnitude;
    }
    return 10 * magnitude;
}

} // namespace stats

qint64 RelaySeries::valueKb(qsizetype i, Metric m) const
{
    const SeriesSample &s = samples.at(i);
    return m == Metric::Rss ? s.rssKb : s.hwmKb;
}

void RelaySeries::inferStartsFromHwm()
{
    if (!startsMs.isEmpty())
        return;
    for (qsizetype i = 1; i < samples.size(); ++i) {
        const SeriesSample &a = samples.at(i - 1), &b = samples.at(i);
        if (a.hwmKb > 0 && b.hwmKb >= 0 && b.hwmKb < a.hwmKb)
            startsMs.append(a.tsMs + (b.tsMs - a.tsMs) / 2);
    }
}

qint64 RelaySeries::startAt(qint64 tsMs) const
{
    const auto it = std::upper_bound(startsMs.cbegin(), startsMs.cend(), tsMs);
    if (it != startsMs.cbegin())
        return *(it - 1);
    return samples.isEmpty() ? tsMs : samples.first().tsMs;
}

bool SeriesSet::isEmpty() const
{
    for (const RelaySeries &r : relays) {
        if (!r.samples.isEmpty())
            return false;
    }
    return true;
}

int SeriesSet::groupIndex(const QString &letter) const
{
    for (int i = 0; i < groups.size(); ++i) {
        if (groups.at(i).letter == letter)
            return i;
    }
    return -1;
}

QVector<int> SeriesSet::relaysOf(const QString &letter) const
{
    QVector<int> out;
    for (int i = 0; i < relays.size(); ++i) {
        if (relays.at(i).group == letter)
            out.append(i);
    }
    return out;
}

qint64 SeriesSet::firstMs() const
{
    qint64 first = std::numeric_limits<qint64>::max();
    for (const RelaySeries &r : relays) {
        if (!r.samples.isEmpty())
            first = std::min(first, r.samples.first().tsMs);
    }
    return first == std::numeric_limits<qint64>::max() ? 0 : first;
}

qint64 SeriesSet::lastMs() const
{
    qint64 last = 0;
    for (const RelaySeries &r : relays) {
        if (!r.samples.isEmpty())
            last = std::max(last, r.samples.last().tsMs);
    }
    return last;
}

qint64 SeriesSet::maxValueKb(Metric m) const
{
    qint64 mx = 0;
    for (const RelaySeries &r : relays) {
        for (qsizetype i = 0; i < r.samples.size(); ++i)
            mx = std::max(mx, r.valueKb(i, m));
    }
    return mx;
}

QVector<SeriesMarker> SeriesSet::diagnosticsMarkers(const QList<HostDiagnosticsRecord> &rows)
{
    QVector<HostDiagnosticsRecord> sorted(rows.cbegin(), rows.cend());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const HostDiagnosticsRecord &a, const HostDiagnosticsRecord &b) {
                         return a.server != b.server ? a.server < b.server : a.tsMs < b.tsMs;
                     });
    QVector<SeriesMarker> out;
    for (qsizetype i = 1; i < sorted.size(); ++i) {
        const HostDiagnosticsRecord &a = sorted.at(i - 1), &b = sorted.at(i);
        if (a.server != b.server)
            continue;
        QStringList what;
        auto gib = [](qint64 kb) {
            return QString::number(double(kb) / (1024.0 * 1024.0), 'f', 0);
        };
        if (a.memTotalKb >= 0 && b.memTotalKb >= 0 && std::llabs(a.memTotalKb - b.memTotalKb) > 64 * 1024)
            what << QCoreApplication::translate("Charts", "RAM %1 → %2 GiB")
                        .arg(gib(a.memTotalKb), gib(b.memTotalKb));
        if (a.swapTotalKb >= 0 && b.swapTotalKb >= 0 && std::llabs(a.swapTotalKb - b.swapTotalKb) > 64 * 1024)
            what << QCoreApplication::translate("Charts", "swap %1 → %2 GiB")
                        .arg(gib(a.swapTotalKb), gib(b.swapTotalKb));
        if (a.relayCount >= 0 && b.relayCount >= 0 && a.relayCount != b.relayCount)
            what << QCoreApplication::translate("Charts", "%1 → %2 relays")
                        .arg(a.relayCount)
                        .arg(b.relayCount);
        if (!a.torVersion.isEmpty() && !b.torVersion.isEmpty() && a.torVersion != b.torVersion)
            what << QCoreApplication::translate("Charts", "tor %1 → %2").arg(a.torVersion, b.torVersion);
        if (what.isEmpty())
            continue;
        SeriesMarker mk;
        mk.tsMs = b.tsMs;
        mk.kind = SeriesMarker::Host;
        mk.label = what.join(QStringLiteral(", "));
        out.append(mk);
    }
    return out;
}

namespace {

struct Obs {
    qint64 x;
    int relay;
    double value;
};

// Clusters observations sorted by x: a cluster spans at most TOLERANCE from its first x. Per
// relay only the last observation in a cluster counts (a relay is one voice per snapshot).
template<typename F> void forEachCluster(QVector<Obs> &obs, qint64 tolerance, F &&f)
{
    std::stable_sort(obs.begin(), obs.end(), [](const Obs &a, const Obs &b) { return a.x < b.x; });
    QHash<int, qsizetype> lastOfRelay;
    QVector<double> values;
    qsizetype i = 0;
    while (i < obs.size()) {
        const qint64 start = obs.at(i).x;
        qsizetype j = i;
        lastOfRelay.clear();
        while (j < obs.size() && obs.at(j).x - start <= tolerance) {
            lastOfRelay.insert(obs.at(j).relay, j);
            ++j;
        }
        values.clear();
        QVector<int> relaysInCluster;
        for (auto it = lastOfRelay.cbegin(); it != lastOfRelay.cend(); ++it) {
            values.append(obs.at(it.value()).value);
            relaysInCluster.append(it.key());
        }
        f(start, values, relaysInCluster);
        i = j;
    }
}

// Uptime-aligned views compare the current process of each relay: earlier runs may have used
// another allocator (a restart is how an allocator changes), so they are left out.
qint64 currentRun(const RelaySeries &r)
{
    return r.startsMs.isEmpty() ? std::numeric_limits<qint64>::min() : r.startsMs.last();
}

} // namespace

QVector<qint64> SeriesSet::snapshotTimes(qint64 toleranceMs) const
{
    QVector<qint64> ts;
    for (const RelaySeries &r : relays) {
        for (const SeriesSample &s : r.samples)
            ts.append(s.tsMs);
    }
    std::sort(ts.begin(), ts.end());
    QVector<qint64> out;
    for (const qint64 t : std::as_const(ts)) {
        if (out.isEmpty() || t - out.last() > toleranceMs)
            out.append(t);
    }
    return out;
}

qint64 SeriesSet::latestCommonSnapshot(qint64 toleranceMs) const
{
    const QVector<qint64> snaps = snapshotTimes(toleranceMs);
    for (auto it = snaps.crbegin(); it != snaps.crend(); ++it) {
        bool all = !groups.isEmpty();
        for (const SeriesGroup &g : groups) {
            if (valuesAt(g.letter, Metric::Rss, *it, toleranceMs).isEmpty()) {
                all = false;
                break;
            }
        }
        if (all)
            return *it;
    }
    return 0;
}

QVector<AggregatePoint> SeriesSet::aggregate(const QString &letter, Metric m, TimeBase base,
                                             qint64 toleranceMs) const
{
    QVector<Obs> obs;
    for (const int ri : relaysOf(letter)) {
        const RelaySeries &r = relays.at(ri);
        for (qsizetype i = 0; i < r.samples.size(); ++i) {
            const qint64 v = r.valueKb(i, m);
            if (v < 0)
                continue;
            const qint64 ts = r.samples.at(i).tsMs;
            if (base == TimeBase::Uptime && ts < currentRun(r))
                continue;
            obs.append({ base == TimeBase::Uptime ? ts - r.startAt(ts) : ts, ri, double(v) });
        }
    }
    const qint64 tol = base == TimeBase::Uptime ? std::max<qint64>(toleranceMs, 3600 * 1000) : toleranceMs;
    QVector<AggregatePoint> out;
    forEachCluster(obs, tol, [&](qint64 x, const QVector<double> &values, const QVector<int> &) {
        out.append({ x, stats::summarize(values) });
    });
    return out;
}

QVector<double> SeriesSet::valuesAt(const QString &letter, Metric m, qint64 tsMs, qint64 toleranceMs) const
{
    QVector<double> out;
    for (const int ri : relaysOf(letter)) {
        const RelaySeries &r = relays.at(ri);
        qint64 best = -1, bestDistance = std::numeric_limits<qint64>::max();
        for (qsizetype i = 0; i < r.samples.size(); ++i) {
            const qint64 d = std::llabs(r.samples.at(i).tsMs - tsMs);
            if (d <= toleranceMs && d < bestDistance && r.valueKb(i, m) >= 0) {
                best = i;
                bestDistance = d;
            }
        }
        if (best >= 0)
            out.append(double(r.valueKb(best, m)));
    }
    return out;
}

QVector<double> SeriesSet::valuesIn(const QString &letter, Metric m, qint64 fromMs, qint64 toMs) const
{
    QVector<double> out;
    for (const int ri : relaysOf(letter)) {
        const RelaySeries &r = relays.at(ri);
        for (qsizetype i = 0; i < r.samples.size(); ++i) {
            const qint64 ts = r.samples.at(i).tsMs;
            if (ts >= fromMs && ts <= toMs && r.valueKb(i, m) >= 0)
                out.append(double(r.valueKb(i, m)));
        }
    }
    return out;
}

QVector<QPointF> SeriesSet::relayPoints(int relayIndex, Metric m, TimeBase base) const
{
    const RelaySeries &r = relays.at(relayIndex);
    QVector<QPointF> out;
    out.reserve(r.samples.size());
    for (qsizetype i = 0; i < r.samples.size(); ++i) {
        const qint64 v = r.valueKb(i, m);
        if (v < 0)
            continue;
        const qint64 ts = r.samples.at(i).tsMs;
        if (base == TimeBase::Uptime && ts < currentRun(r))
            continue;
        out.append(QPointF(double(base == TimeBase::Uptime ? ts - r.startAt(ts) : ts), double(v)));
    }
    return out;
}

QVector<TotalPoint> SeriesSet::totals(Metric m, qint64 toleranceMs) const
{
    QVector<Obs> obs;
    for (int ri = 0; ri < relays.size(); ++ri) {
        const RelaySeries &r = relays.at(ri);
        for (qsizetype i = 0; i < r.samples.size(); ++i) {
            if (r.valueKb(i, m) >= 0)
                obs.append({ r.samples.at(i).tsMs, ri, double(r.valueKb(i, m)) });
        }
    }
    QVector<TotalPoint> out;
    std::stable_sort(obs.begin(), obs.end(), [](const Obs &a, const Obs &b) { return a.x < b.x; });
    qsizetype i = 0;
    while (i < obs.size()) {
        const qint64 start = obs.at(i).x;
        QHash<int, double> last;
        qsizetype j = i;
        for (; j < obs.size() && obs.at(j).x - start <= toleranceMs; ++j)
            last.insert(obs.at(j).relay, obs.at(j).value);
        TotalPoint p;
        p.tsMs = start;
        p.perGroupKb.fill(0.0, groups.size());
        for (auto it = last.cbegin(); it != last.cend(); ++it) {
            p.totalKb += it.value();
            ++p.relays;
            const int g = groupIndex(relays.at(it.key()).group);
            if (g >= 0)
                p.perGroupKb[g] += it.value();
        }
        out.append(p);
        i = j;
    }
    return out;
}

QVector<WeeklyStat> SeriesSet::weekly(Metric m) const
{
    // Monday 00:00 UTC of TS's ISO week, by arithmetic (a QDateTime per sample was most of the
    // time of the weekly chart): day 0 of the epoch, 1970-01-01, was a Thursday.
    constexpr qint64 kDay = 24LL * 3600 * 1000;
    auto weekStart = [](qint64 ts) {
        const qint64 day = ts >= 0 ? ts / kDay : -((-ts + kDay - 1) / kDay);
        const qint64 sinceMonday = ((day + 3) % 7 + 7) % 7;
        return (day - sinceMonday) * kDay;
    };
    QVector<qint64> weeks;
    for (const RelaySeries &r : relays) {
        qint64 previous = std::numeric_limits<qint64>::min();
        for (const SeriesSample &s : r.samples) {
            const qint64 w = weekStart(s.tsMs);
            if (w != previous)
                weeks.append(w);
            previous = w;
        }
    }
    std::sort(weeks.begin(), weeks.end());
    weeks.erase(std::unique(weeks.begin(), weeks.end()), weeks.end());
    QVector<WeeklyStat> out;
    for (const qint64 w : std::as_const(weeks)) {
        WeeklyStat ws;
        ws.weekStartMs = w;
        const qint64 end = w + 7LL * 24 * 3600 * 1000 - 1;
        for (const SeriesGroup &g : groups)
            ws.perGroup.append(stats::summarize(valuesIn(g.letter, m, w, end)));
        out.append(ws);
    }
    return out;
}

Histogram SeriesSet::histogram(const QVector<QVector<double>> &valuesPerGroup, int targetBins)
{
    Histogram h;
    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    for (const QVector<double> &vs : valuesPerGroup) {
        for (const double v : vs) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    h.counts.resize(valuesPerGroup.size());
    if (lo > hi)
        return h;
    h.binWidth = stats::niceStep(std::max(hi - lo, 1.0), std::max(1, targetBins));
    h.start = std::floor(lo / h.binWidth) * h.binWidth;
    h.bins = std::max(1, int(std::floor((hi - h.start) / h.binWidth)) + 1);
    for (qsizetype g = 0; g < valuesPerGroup.size(); ++g) {
        h.counts[g].fill(0, h.bins);
        for (const double v : valuesPerGroup.at(g)) {
            const int b = std::clamp(int(std::floor((v - h.start) / h.binWidth)), 0, h.bins - 1);
            ++h.counts[g][b];
        }
    }
    return h;
}

void SeriesSet::addSamples(const QString &key, const QString &group, const QVector<SeriesSample> &samples)
{
    RelaySeries *target = nullptr;
    for (RelaySeries &r : relays) {
        if (r.key == key && r.group == group)
            target = &r;
    }
    if (!target) {
        relays.append(RelaySeries {});
        target = &relays.last();
        target->key = key;
        target->nickname = key;
        target->group = group;
    }
    for (const SeriesSample &s : samples) {
        auto it = std::lower_bound(target->samples.begin(), target->samples.end(), s.tsMs,
                                   [](const SeriesSample &a, qint64 t) { return a.tsMs < t; });
        if (it != target->samples.end() && it->tsMs == s.tsMs)
            *it = s;
        else
            target->samples.insert(it, s);
    }
}

} // namespace alloclab
