#pragma once

#include "models/seriesset.h"
#include "ui/charts/chartview.h"

#include <QColor>
#include <QString>

namespace alloclab {

// The seven charts of the Charts tab and of a report, in their export order.
enum class ChartKind { Timeseries, Trajectories, Boxplot, Distribution, Weekly, Comparison, Usage };

struct ChartOptions {
    enum class Band { Interquartile, MinMax };
    enum class Statistic { Mean, Median };

    Metric metric = Metric::Rss;
    TimeBase timeBase = TimeBase::WallClock;
    Band band = Band::Interquartile;
    Statistic statistic = Statistic::Mean; // comparison bars: mean ± SD, or median with IQR
    int topN = 0; // trajectories: the N largest relays by last value; 0 = every relay
    // Trajectories with more relays than this are drawn dense: per group a min/max envelope
    // (a band recomputed per pixel column) plus the DENSETOPN largest relays of each group as
    // lines. Hundreds of overlapping lines only show their envelope anyway. 0 = never.
    int denseThreshold = 60;
    int denseTopN = 2;
    qint64 atMs = 0; // boxplot/distribution/comparison: snapshot time, 0 = latest common one
    qint64 windowMs = 0; // > 0: all samples in [atMs - windowMs, atMs] instead of one snapshot
    bool dark = false;
    QColor background; // invalid = white (light) or #1e1e1e (dark)
    bool showEvents = true;
};

namespace charts {

QList<ChartKind> allKinds();
// "memory_timeseries", ... (file names without extension, as the CLI and reports use them).
QString fileName(ChartKind kind);
QString title(ChartKind kind);

// Display unit for values up to MAXKB: MiB below 1 GiB, GiB below 1 TiB, else TiB.
QPair<double, QString> unitFor(double maxKb);

// printf format for axis labels with tick STEP: as many decimals as the step needs (2.5 -> %.1f).
QString labelFormatFor(double step);

ChartContent build(ChartKind kind, const SeriesSet &set, const ChartOptions &options);

// The snapshot the per-time charts use: OPTIONS.atMs, else the latest common snapshot.
qint64 snapshotFor(const SeriesSet &set, const ChartOptions &options);

} // namespace charts
} // namespace alloclab
