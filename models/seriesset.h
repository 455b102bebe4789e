#pragma once

// The chart input: pure value types, filled from the store (or a test loader), consumed by
// the chart builders in ui/charts. Memory is in kB as /proc reports it; times are UTC epoch ms.
//
// Real data is irregular: relays are sampled at a 02:00 cron run plus manual runs, and relays
// join at different times. Aggregates are therefore computed per snapshot (a cluster of
// sample times within a tolerance), over the relays that really have a sample there, never by
// interpolating between samples.

#include "models/records.h"

#include <QColor>
#include <QMetaType>
#include <QPointF>
#include <QString>
#include <QVector>

namespace alloclab {

enum class Metric { Rss, Hwm };
enum class TimeBase { WallClock, Uptime };

struct SeriesSample {
    qint64 tsMs = 0;
    qint64 rssKb = -1;
    qint64 hwmKb = -1;
};

// One relay's samples while it belonged to GROUP. A relay that changed groups appears once per
// membership period, with the same key.
struct RelaySeries {
    QString key; // stable identity: fingerprint, else server/nickname
    QString nickname;
    QString server;
    QString group; // letter, empty = not in a group of this experiment
    QVector<SeriesSample> samples; // sorted by tsMs
    QVector<qint64> startsMs; // process start times, sorted; empty = unknown

    qint64 valueKb(qsizetype i, Metric m) const;
    // When no start times are known (imported CSV), infer restarts from the samples: VmHWM
    // is the process's peak RSS and only falls when a new process starts. The start is put
    // half-way between the two samples (the best estimate without more data).
    void inferStartsFromHwm();
    // The start of the process that produced a sample at TS: the latest start <= TS; when no
    // start is known, the first sample (the best lower bound the data gives).
    qint64 startAt(qint64 tsMs) const;
};

struct SeriesGroup {
    QString letter;
    QString label; // "mimalloc 3.0.1"
    QColor colour;
};

struct SeriesMarker {
    enum Kind { Event, Host };
    qint64 tsMs = 0;
    QString label;
    QString group; // letter or empty (all)
    Kind kind = Event;
};

struct SummaryStats {
    int n = 0;
    double mean = 0, sd = 0, min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
};

// Tukey's box: quartiles, whiskers at the most extreme values within 1.5 IQR of the box,
// everything beyond is an outlier.
struct BoxStats {
    SummaryStats stats;
    double lowerWhisker = 0, upperWhisker = 0;
    QVector<double> outliers;
};

struct AggregatePoint {
    qint64 x = 0; // epoch ms (wall clock) or ms since the relay's start (uptime)
    SummaryStats stats;
};

struct TotalPoint {
    qint64 tsMs = 0;
    int relays = 0;
    double totalKb = 0;
    QVector<double> perGroupKb; // by index into SeriesSet::groups
};

struct WeeklyStat {
    qint64 weekStartMs = 0; // Monday 00:00 UTC
    QVector<SummaryStats> perGroup; // by index into SeriesSet::groups (n == 0: no data)
};

struct Histogram {
    double start = 0, binWidth = 1;
    int bins = 0;
    QVector<QVector<int>> counts; // [group][bin]
};

namespace stats {
// Quantile of sorted VALUES with linear interpolation between order statistics (Hyndman & Fan
// type 7, the default of R and NumPy), P in [0, 1].
double quantile(const QVector<double> &sorted, double p);
SummaryStats summarize(QVector<double> values);
BoxStats tukey(QVector<double> values);
// "Nice" step (1, 2, 2.5 or 5 times a power of ten) covering RANGE in about TARGET steps.
double niceStep(double range, int target);
} // namespace stats

class SeriesSet
{
public:
    static constexpr qint64 kDefaultToleranceMs = 5 * 60 * 1000;

    QString title; // experiment name, or "Fleet"
    QVector<SeriesGroup> groups;
    QVector<RelaySeries> relays;
    QVector<SeriesMarker> markers;
    QVector<AggregateRecord> serverTotals; // whole-server rows (TorUtils aggregate), optional

    bool isEmpty() const;
    int groupIndex(const QString &letter) const;
    QVector<int> relaysOf(const QString &letter) const;
    qint64 firstMs() const;
    qint64 lastMs() const;
    qint64 maxValueKb(Metric m) const;

    // Markers for host changes (RAM, swap, relay count, tor version) between consecutive
    // diagnostics rows of the same server.
    static QVector<SeriesMarker> diagnosticsMarkers(const QList<HostDiagnosticsRecord> &rows);

    // Times of the snapshots: sample times of all relays, clustered within TOLERANCE.
    QVector<qint64> snapshotTimes(qint64 toleranceMs = kDefaultToleranceMs) const;
    // The latest snapshot in which every group has at least one sample (0 if none).
    qint64 latestCommonSnapshot(qint64 toleranceMs = kDefaultToleranceMs) const;

    // Group statistics per snapshot. In uptime mode x is the time since each relay's start,
    // only each relay's current process counts (earlier runs may have had another allocator),
    // and the clusters are at least an hour wide, since relays of a group start minutes apart.
    QVector<AggregatePoint> aggregate(const QString &letter, Metric m, TimeBase base = TimeBase::WallClock,
                                      qint64 toleranceMs = kDefaultToleranceMs) const;
    // Each relay of the group at the snapshot nearest to TS (within TOLERANCE): one value each.
    QVector<double> valuesAt(const QString &letter, Metric m, qint64 tsMs,
                             qint64 toleranceMs = kDefaultToleranceMs) const;
    // All samples of the group in [FROM, TO].
    QVector<double> valuesIn(const QString &letter, Metric m, qint64 fromMs, qint64 toMs) const;
    // Per-relay series as points (x = ts ms, or uptime ms of the current process; y = kB).
    QVector<QPointF> relayPoints(int relayIndex, Metric m, TimeBase base = TimeBase::WallClock) const;
    // Fleet total per snapshot, split by group.
    QVector<TotalPoint> totals(Metric m, qint64 toleranceMs = kDefaultToleranceMs) const;
    // Per ISO week (Monday 00:00 UTC): statistics over all samples of each group in that week.
    QVector<WeeklyStat> weekly(Metric m) const;
    // A common binning for the per-group values (same bins for every group, so bars compare).
    static Histogram histogram(const QVector<QVector<double>> &valuesPerGroup, int targetBins = 20);

    // Live update: add samples of the relay with KEY (and GROUP); keeps samples sorted and
    // replaces a sample with the same timestamp.
    void addSamples(const QString &key, const QString &group, const QVector<SeriesSample> &samples);
};

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::SeriesSet)
