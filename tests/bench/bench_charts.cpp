// Chart speed: 200 relays x 5,000 points. Ours (per-pixel-column min/max decimation, replace())
// beside the anchor from the same run: plain Qt Charts fed the raw points with replace().
// Prints a table with ratios; never asserts on time. "--small" is the quick ctest variant.

#include "models/palette.h"
#include "ui/charts/chartbuilders.h"
#include "ui/charts/chartexport.h"
#include "ui/charts/chartview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineSeries>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QValueAxis>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace alloclab;

namespace {

SeriesSet makeSet(int relays, int points)
{
    SeriesSet s;
    s.title = QStringLiteral("bench");
    const char *labels[]
        = { "mimalloc 3.0.1", "mimalloc 2.0.9", "mimalloc 2.1.7", "jemalloc 5.3.0", "glibc 2.41" };
    for (int g = 0; g < 5; ++g) {
        const QString l(QChar(u'A' + g));
        s.groups.append({ l, QString::fromLatin1(labels[g]), palette::groupColour(l) });
    }
    QRandomGenerator rng(7);
    const qint64 t0 = 1767225600000; // 2026-01-01
    for (int r = 0; r < relays; ++r) {
        RelaySeries rs;
        rs.group = s.groups.at(r % 5).letter;
        rs.nickname = QStringLiteral("relay%1").arg(r);
        rs.key = rs.nickname;
        rs.samples.reserve(points);
        double v = 1e6 + (r % 5) * 5e5;
        for (int i = 0; i < points; ++i) {
            v = std::max(2e5, v + rng.bounded(20000.0) - 9500.0);
            rs.samples.append({ t0 + qint64(i) * 60000, qint64(v), qint64(v) });
        }
        s.relays.append(rs);
    }
    return s;
}

double medianMs(int repeats, const std::function<void()> &f)
{
    QVector<double> t;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        t.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(t.begin(), t.end());
    return t.at(t.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const bool small = app.arguments().contains(QStringLiteral("--small"));
    const int relays = small ? 20 : 200, points = small ? 500 : 5000, repeats = small ? 3 : 5;
    const QSize size(1200, 700);
    const SeriesSet set = makeSet(relays, points);
    QTextStream out(stdout);
    out << "bench_charts: " << relays << " relays x " << points << " points, view " << size.width() << 'x'
        << size.height() << ", median of " << repeats << " runs\n";

    if (qEnvironmentVariableIsSet("BENCH_CHARTS_EXPORT_ONLY")) { // for profiling the export alone
        QTemporaryDir dir;
        chartexport::ExportOptions eo;
        eo.size = size;
        const double ms
            = medianMs(3, [&] { chartexport::exportAll(set, {}, dir.path(), eo, nullptr, nullptr); });
        out << "export all seven charts: " << ms << " ms\n";
        return 0;
    }

    // --- ours: trajectories chart, decimated to the plot width ---
    ChartView ours;
    ours.resize(size);
    ours.show();
    const double oursFirst = medianMs(repeats, [&] {
        ours.setContent(charts::build(ChartKind::Trajectories, set, {}));
        ours.grab();
    });
    const auto home = ours.xRange();
    const double span = home.second - home.first;
    int step = 0;
    const double oursZoom = medianMs(repeats * 4, [&] {
        const double f = (step++ % 2) ? 0.5 : 0.8;
        ours.setXRange(home.first + span * (1 - f) / 2, home.second - span * (1 - f) / 2);
        ours.redecimateNow();
        ours.grab();
    });
    // Where a zoom step goes: our data work (decimation, envelope, y fit) vs Qt's painting.
    const double oursRedecimate = medianMs(repeats * 4, [&] {
        const double f = (step++ % 2) ? 0.5 : 0.8;
        ours.setXRange(home.first + span * (1 - f) / 2, home.second - span * (1 - f) / 2);
        ours.redecimateNow();
    });
    const double oursPaint = medianMs(repeats * 4, [&] { ours.grab(); });
    ours.setXRange(home.first, home.first + span / 4);
    const double oursPan = medianMs(repeats * 4, [&] {
        ours.panBy((step++ % 2) ? 0.1 : -0.1);
        ours.redecimateNow();
        ours.grab();
    });

    if (qEnvironmentVariableIsSet("BENCH_CHARTS_OURS_ONLY")) { // for profiling our steps alone
        out << "ours: first " << oursFirst << " ms, zoom " << oursZoom << " ms, pan " << oursPan << " ms\n";
        return 0;
    }

    // --- ours without the dense mode: one decimated line per relay (the previous design) ---
    ChartView lines;
    lines.resize(size);
    lines.show();
    ChartOptions allLines;
    allLines.denseThreshold = 0;
    const double linesFirst = medianMs(repeats, [&] {
        lines.setContent(charts::build(ChartKind::Trajectories, set, allLines));
        lines.grab();
    });
    const double linesZoom = medianMs(repeats * 2, [&] {
        const double f = (step++ % 2) ? 0.5 : 0.8;
        lines.setXRange(home.first + span * (1 - f) / 2, home.second - span * (1 - f) / 2);
        lines.redecimateNow();
        lines.grab();
    });
    lines.setXRange(home.first, home.first + span / 4);
    const double linesPan = medianMs(repeats * 2, [&] {
        lines.panBy((step++ % 2) ? 0.1 : -0.1);
        lines.redecimateNow();
        lines.grab();
    });
    lines.hide();

    // --- anchor: plain Qt Charts with the raw points via replace() ---
    QChartView anchor;
    anchor.resize(size);
    anchor.show();
    QValueAxis *ax = nullptr;
    const double anchorFirst = medianMs(repeats, [&] {
        auto *chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        ax = new QValueAxis;
        auto *ay = new QValueAxis;
        chart->addAxis(ax, Qt::AlignBottom);
        chart->addAxis(ay, Qt::AlignLeft);
        for (int r = 0; r < set.relays.size(); ++r) {
            auto *s = new QLineSeries;
            s->replace(set.relayPoints(r, Metric::Rss));
            chart->addSeries(s);
            s->attachAxis(ax);
            s->attachAxis(ay);
        }
        ax->setRange(home.first, home.second);
        ay->setRange(0, double(set.maxValueKb(Metric::Rss)));
        chart->legend()->hide();
        QChart *old = anchor.chart();
        anchor.setChart(chart);
        delete old;
        anchor.grab();
    });
    const double anchorZoom = medianMs(repeats * 2, [&] {
        const double f = (step++ % 2) ? 0.5 : 0.8;
        ax->setRange(home.first + span * (1 - f) / 2, home.second - span * (1 - f) / 2);
        anchor.grab();
    });
    ax->setRange(home.first, home.first + span / 4);
    const double anchorPan = medianMs(repeats * 2, [&] {
        const double shift = span / 40 * ((step++ % 2) ? 1 : -1);
        ax->setRange(ax->min() + shift, ax->max() + shift);
        anchor.grab();
    });

    // --- export all seven charts (alone: the views above are hidden) ---
    anchor.hide();
    ours.hide();
    QTemporaryDir dir;
    chartexport::ExportOptions eo;
    eo.size = size;
    const double exportAll = medianMs(small ? 1 : 3, [&] {
        QString error;
        if (!chartexport::exportAll(set, {}, dir.path(), eo, nullptr, &error))
            out << "export failed: " << error << '\n';
    });

    auto row = [&](const char *what, double o, double l, double a, const char *budget) {
        out << qSetFieldWidth(32) << Qt::left << what << qSetFieldWidth(11) << Qt::right
            << QString::number(o, 'f', 1) << (l > 0 ? QString::number(l, 'f', 1) : QStringLiteral("-"))
            << (a > 0 ? QString::number(a, 'f', 1) : QStringLiteral("-"))
            << (a > 0 ? QStringLiteral("%1x").arg(a / o, 0, 'f', 1) : QStringLiteral("-"))
            << qSetFieldWidth(0) << "   " << budget << '\n';
    };
    out << qSetFieldWidth(32) << Qt::left << "step (ms, median)" << qSetFieldWidth(11) << Qt::right << "ours"
        << "ours-lines"
        << "anchor"
        << "anchor/ours" << qSetFieldWidth(0) << "   budget\n";
    row("first paint (trajectories)", oursFirst, linesFirst, anchorFirst, "<= 300 ms");
    row("zoom step", oursZoom, linesZoom, anchorZoom, "<= 16 ms");
    row("pan step", oursPan, linesPan, anchorPan, "<= 16 ms");
    row("  zoom: set range + re-decimate", oursRedecimate, 0, 0, "");
    row("  zoom: paint (grab)", oursPaint, 0, 0, "");
    row("export all seven charts (PNG)", exportAll, 0, 0, "<= 1000 ms");
    out << "ours = dense view (per-group envelope + 2 largest per group), ours-lines = one decimated\n"
           "line per relay, anchor = plain Qt Charts with the raw points via replace().\n";
    out << "points in the series after decimation: " <<
        [&] {
            qsizetype n = 0;
            for (int i = 0; i < ours.content().tracks.size(); ++i)
                n += ours.decimatedPoints(i).size() + ours.decimatedLower(i).size();
            return n;
        }()
        << " (raw: " << qsizetype(relays) * points << ")\n";
    return 0;
}
