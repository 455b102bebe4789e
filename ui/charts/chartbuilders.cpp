#include "ui/charts/chartbuilders.h"

#include "models/palette.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QCategoryAxis>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace alloclab::charts {

namespace {

constexpr double kMsPerDay = 24.0 * 3600 * 1000;

QColor backgroundOf(const ChartOptions &o)
{
    if (o.background.isValid())
        return o.background;
    return o.dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(Qt::white);
}

QColor colourOf(const SeriesGroup &g, const ChartOptions &o)
{
    const QColor bg = backgroundOf(o);
    if (g.colour.isValid() && g.colour != palette::groupColour(g.letter))
        return g.colour; // the operator chose it; respect it
    return palette::groupColourOn(g.letter, bg);
}

QString groupName(const SeriesGroup &g)
{
    return g.label.isEmpty() ? g.letter : QStringLiteral("%1 · %2").arg(g.letter, g.label);
}

QString metricName(Metric m)
{
    return m == Metric::Rss ? QCoreApplication::translate("Charts", "RSS")
                            : QCoreApplication::translate("Charts", "peak RSS (HWM)");
}

QString metricShort(Metric m)
{
    return m == Metric::Rss ? QStringLiteral("RSS") : QStringLiteral("HWM");
}

QString formatTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QChart *newChart(const QString &title, const ChartOptions &o, ChartContent &content)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation); // live data and exports: no tweening
    chart->setTheme(o.dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    const QColor bg = backgroundOf(o), fg = palette::foregroundFor(bg);
    chart->setBackgroundBrush(bg);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(8, 4, 12, 4));
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(12.5);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(fg);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setLabelColor(fg);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(9.5);
    chart->legend()->setFont(legendFont);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeRectangle);
    content.chart = chart;
    content.background = bg;
    return chart;
}

void styleAxis(QAbstractAxis *axis, const ChartOptions &o, const QString &title)
{
    const QColor fg = palette::foregroundFor(backgroundOf(o));
    axis->setTitleText(title);
    axis->setTitleBrush(fg);
    axis->setLabelsColor(fg);
    QFont f = axis->titleFont();
    f.setPointSizeF(10);
    f.setBold(false);
    axis->setTitleFont(f);
    QFont lf = axis->labelsFont();
    lf.setPointSizeF(9);
    axis->setLabelsFont(lf);
    QColor grid = fg;
    grid.setAlphaF(0.12);
    axis->setGridLineColor(grid);
    QColor line = fg;
    line.setAlphaF(0.5);
    axis->setLinePenColor(line);
}

QValueAxis *valueAxis(QChart *chart, Qt::Alignment where, const ChartOptions &o, const QString &title)
{
    auto *axis = new QValueAxis;
    styleAxis(axis, o, title);
    chart->addAxis(axis, where);
    return axis;
}

QAbstractAxis *timeAxis(QChart *chart, const ChartOptions &o)
{
    QAbstractAxis *axis = nullptr;
    if (o.timeBase == TimeBase::Uptime) {
        auto *va = new QValueAxis;
        va->setLabelFormat(QStringLiteral("%.0f"));
        va->setTickType(QValueAxis::TicksDynamic);
        va->setTickInterval(1);
        va->setTickAnchor(0);
        styleAxis(va, o,
                  QCoreApplication::translate("Charts", "Days since the relay's start (uptime-aligned)"));
        axis = va;
    } else {
        auto *dt = new QDateTimeAxis;
        dt->setTickCount(9);
        dt->setFormat(QStringLiteral("MMM d"));
        styleAxis(dt, o,
                  QCoreApplication::translate("Charts", "Time (%1)")
                      .arg(QDateTime::currentDateTime().timeZoneAbbreviation()));
        axis = dt;
    }
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

void setValueRange(QValueAxis *axis, double lo, double hi)
{
    if (!(hi > lo))
        hi = lo + 1; // no data: an empty axis, not a billion dynamic ticks
    const double step = stats::niceStep(std::max(hi - lo, 1e-9), 5);
    axis->setRange(std::floor(lo / step) * step, std::ceil(hi * 1.08 / step) * step);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(labelFormatFor(step));
}

double toX(qint64 x, const ChartOptions &o)
{
    return o.timeBase == TimeBase::Uptime ? double(x) / kMsPerDay : double(x);
}

void addMarkers(const SeriesSet &set, const ChartOptions &o, ChartContent &content)
{
    if (!o.showEvents || o.timeBase == TimeBase::Uptime)
        return;
    const QColor fg = palette::foregroundFor(content.background);
    for (const SeriesMarker &m : set.markers) {
        QColor c = fg;
        if (m.kind == SeriesMarker::Host)
            c = o.dark ? QColor(0xff, 0x99, 0x99) : QColor(0xa0, 0x20, 0x20);
        else if (set.groupIndex(m.group) >= 0)
            c = colourOf(set.groups.at(set.groupIndex(m.group)), o);
        content.markers.append({ double(m.tsMs), m.label, c });
    }
}

void setHome(ChartContent &content, const QVector<ChartContent::Track> &tracks)
{
    double lo = 1e300, hi = -1e300;
    auto extend = [&](const QVector<QPointF> &points) {
        if (!points.isEmpty()) {
            lo = std::min(lo, points.first().x());
            hi = std::max(hi, points.last().x());
        }
    };
    for (const ChartContent::Track &t : tracks) {
        extend(t.points);
        for (const QVector<QPointF> &m : t.members)
            extend(m);
    }
    if (lo > hi) {
        lo = 0;
        hi = 1;
    }
    if (hi <= lo)
        hi = lo + 1;
    // A little air on both sides so the first and last points are not on the frame.
    const double pad = (hi - lo) * 0.01;
    content.homeMin = lo - pad;
    content.homeMax = hi + pad;
}

// The values each group contributes to the per-time charts.
QVector<QVector<double>> snapshotValues(const SeriesSet &set, const ChartOptions &o, qint64 at)
{
    QVector<QVector<double>> out;
    for (const SeriesGroup &g : set.groups)
        out.append(o.windowMs > 0 ? set.valuesIn(g.letter, o.metric, at - o.windowMs, at)
                                  : set.valuesAt(g.letter, o.metric, at));
    return out;
}

QString whenText(const ChartOptions &o, qint64 at)
{
    if (o.windowMs > 0)
        return QCoreApplication::translate("Charts", "%1 – %2")
            .arg(formatTime(at - o.windowMs), formatTime(at));
    return formatTime(at);
}

ChartContent buildTimeseries(const SeriesSet &set, const ChartOptions &o)
{
    ChartContent content;
    const bool iqr = o.band == ChartOptions::Band::Interquartile;
    QChart *chart = newChart(QCoreApplication::translate("Charts", "Mean %1 per relay by group (band: %2)")
                                 .arg(metricName(o.metric),
                                      iqr ? QCoreApplication::translate("Charts", "interquartile range")
                                          : QCoreApplication::translate("Charts", "min–max")),
                             o, content);
    QVector<QVector<AggregatePoint>> aggs;
    double maxKb = 0;
    for (const SeriesGroup &g : set.groups) {
        aggs.append(set.aggregate(g.letter, o.metric, o.timeBase));
        for (const AggregatePoint &p : aggs.last())
            maxKb = std::max(maxKb, iqr ? p.stats.q3 : p.stats.max);
    }
    const auto [divisor, unit] = unitFor(maxKb);
    content.unitDivisor = divisor;
    content.unit = unit;
    QAbstractAxis *x = timeAxis(chart, o);
    QValueAxis *y = valueAxis(
        chart, Qt::AlignLeft, o,
        QCoreApplication::translate("Charts", "%1 per relay (%2)").arg(metricShort(o.metric), unit));

    QVector<QLineSeries *> means;
    for (int gi = 0; gi < set.groups.size(); ++gi) {
        const SeriesGroup &g = set.groups.at(gi);
        if (aggs.at(gi).isEmpty())
            continue;
        const QColor c = colourOf(g, o);
        ChartContent::Track upper, lower, mean;
        for (const AggregatePoint &p : aggs.at(gi)) {
            const double px = toX(p.x, o);
            upper.points.append(QPointF(px, (iqr ? p.stats.q3 : p.stats.max) / divisor));
            lower.points.append(QPointF(px, (iqr ? p.stats.q1 : p.stats.min) / divisor));
            mean.points.append(QPointF(px, p.stats.mean / divisor));
        }
        auto *up = new QLineSeries(chart), *low = new QLineSeries(chart);
        auto *band = new QAreaSeries(up, low);
        QColor fill = c;
        fill.setAlphaF(o.dark ? 0.28 : 0.22);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
        band->setName(QCoreApplication::translate("Charts", "%1 band").arg(g.letter));
        chart->addSeries(band);
        band->attachAxis(x);
        band->attachAxis(y);

        auto *line = new QLineSeries;
        line->setName(groupName(g));
        line->setPen(QPen(c, 2.5));
        line->setPointsVisible(aggs.at(gi).size() < 60);
        line->setMarkerSize(5);
        means.append(line);
        content.linked.insert(line, band);

        upper.series = up;
        upper.owner = band;
        upper.group = g.letter;
        upper.what = iqr ? QCoreApplication::translate("Charts", "Q3")
                         : QCoreApplication::translate("Charts", "max");
        lower.series = low;
        lower.owner = band;
        lower.group = g.letter;
        lower.what = iqr ? QCoreApplication::translate("Charts", "Q1")
                         : QCoreApplication::translate("Charts", "min");
        mean.series = line;
        mean.group = g.letter;
        mean.what
            = QCoreApplication::translate("Charts", "mean of %n relays", nullptr, aggs.at(gi).last().stats.n);
        content.tracks << mean << upper << lower;
    }
    // Means on top of every band.
    for (QLineSeries *line : std::as_const(means)) {
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    content.zoomable = true;
    content.uptime = o.timeBase == TimeBase::Uptime;
    setHome(content, content.tracks);
    addMarkers(set, o, content);
    return content;
}

// Dense trajectories: one envelope per group and a few individual lines. Qt Charts draws every
// series separately with its own pen setup, so 200 series cost far more than 10, even when
// each has few points; and the envelope is what a reader can see of 40 overlapping lines.
void addDenseTrajectories(const SeriesSet &set, const ChartOptions &o, const QVector<int> &chosen,
                          double divisor, QAbstractAxis *x, QValueAxis *y, ChartContent &content)
{
    QChart *chart = content.chart;
    auto pointsOf = [&](int i) {
        const QVector<QPointF> pts = set.relayPoints(i, o.metric, o.timeBase);
        QVector<QPointF> out;
        out.reserve(pts.size());
        for (const QPointF &p : pts)
            out.append(QPointF(toX(qint64(p.x()), o), p.y() / divisor));
        return out;
    };
    auto last = [&](int i) {
        const RelaySeries &r = set.relays.at(i);
        return r.valueKb(r.samples.size() - 1, o.metric);
    };
    QVector<QLineSeries *> lines;
    QVector<int> groupOrder;
    for (int gi = 0; gi < set.groups.size(); ++gi)
        groupOrder.append(gi);
    groupOrder.append(-1); // relays outside every group, if any
    for (const int gi : std::as_const(groupOrder)) {
        const QString letter = gi >= 0 ? set.groups.at(gi).letter : QString();
        QVector<int> members;
        for (const int i : chosen) {
            if (set.relays.at(i).group == letter)
                members.append(i);
        }
        if (members.isEmpty())
            continue;
        const QColor c = gi >= 0 ? colourOf(set.groups.at(gi), o) : palette::groupColour(QString());
        ChartContent::Track env;
        for (const int i : std::as_const(members))
            env.members.append(pointsOf(i));
        auto *up = new QLineSeries(chart), *low = new QLineSeries(chart);
        auto *band = new QAreaSeries(up, low);
        QColor fill = c;
        fill.setAlphaF(o.dark ? 0.35 : 0.28);
        band->setBrush(fill);
        QPen edge(c, 1);
        edge.setCosmetic(true);
        band->setPen(edge);
        band->setName(gi >= 0 ? groupName(set.groups.at(gi))
                              : QCoreApplication::translate("Charts", "relays"));
        chart->addSeries(band);
        band->attachAxis(x);
        band->attachAxis(y);
        env.series = up;
        env.lower = low;
        env.owner = band;
        env.group = letter;
        env.what = QCoreApplication::translate("Charts", "range of %n relays", nullptr, int(members.size()));
        env.selfDrawn = true;
        env.columnsPerPixel = 0.5;
        content.tracks.append(env);
        if (gi >= 0)
            content.legend.append({ groupName(set.groups.at(gi)), c, band });
        else
            content.legend.append({ band->name(), c, band });

        std::stable_sort(members.begin(), members.end(), [&](int a, int b) { return last(a) > last(b); });
        for (qsizetype k = 0; k < members.size() && k < o.denseTopN; ++k) {
            const int i = members.at(k);
            auto *line = new QLineSeries;
            QPen pen(c.darker(130), 1);
            pen.setCosmetic(true);
            line->setPen(pen);
            ChartContent::Track t;
            t.series = line;
            t.relay = set.relays.at(i).nickname;
            t.group = letter;
            t.what = QCoreApplication::translate("Charts", "relay");
            t.highlightOnHover = true;
            t.columnsPerPixel = 0.5;
            t.selfDrawn = true;
            t.points = pointsOf(i);
            content.tracks.append(t);
            content.linked.insert(band, line);
            lines.append(line);
        }
    }
    for (QLineSeries *line : std::as_const(lines)) {
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
}

ChartContent buildTrajectories(const SeriesSet &set, const ChartOptions &o)
{
    ChartContent content;
    QVector<int> chosen;
    for (int i = 0; i < set.relays.size(); ++i) {
        if (!set.relays.at(i).samples.isEmpty()
            && (set.groups.isEmpty() || set.groupIndex(set.relays.at(i).group) >= 0))
            chosen.append(i);
    }
    auto last = [&](int i) {
        const RelaySeries &r = set.relays.at(i);
        return r.valueKb(r.samples.size() - 1, o.metric);
    };
    if (o.topN > 0 && chosen.size() > o.topN) {
        std::stable_sort(chosen.begin(), chosen.end(), [&](int a, int b) { return last(a) > last(b); });
        chosen.resize(o.topN);
    }
    // Draw group by group so one group's lines are not buried under another's at random.
    std::stable_sort(chosen.begin(), chosen.end(), [&](int a, int b) {
        return set.groupIndex(set.relays.at(a).group) > set.groupIndex(set.relays.at(b).group);
    });
    const bool dense = o.denseThreshold > 0 && chosen.size() > o.denseThreshold;
    QString which = o.topN > 0
        ? QCoreApplication::translate("Charts", "the %n largest relays", nullptr, int(chosen.size()))
        : QCoreApplication::translate("Charts", "%n relays", nullptr, int(chosen.size()));
    if (dense)
        which = QCoreApplication::translate("Charts",
                                            "%1; band: range per group, lines: the %n largest of each",
                                            nullptr, o.denseTopN)
                    .arg(which);
    QChart *chart = newChart(
        QCoreApplication::translate("Charts", "%1 per relay over time (%2)").arg(metricName(o.metric), which),
        o, content);
    double maxKb = 0;
    for (const int i : std::as_const(chosen)) {
        const RelaySeries &r = set.relays.at(i);
        for (qsizetype k = 0; k < r.samples.size(); ++k)
            maxKb = std::max(maxKb, double(r.valueKb(k, o.metric)));
    }
    const auto [divisor, unit] = unitFor(maxKb);
    content.unitDivisor = divisor;
    content.unit = unit;
    QAbstractAxis *x = timeAxis(chart, o);
    QValueAxis *y = valueAxis(
        chart, Qt::AlignLeft, o,
        QCoreApplication::translate("Charts", "%1 per relay (%2)").arg(metricShort(o.metric), unit));

    if (dense) {
        addDenseTrajectories(set, o, chosen, divisor, x, y, content);
        content.zoomable = true;
        content.uptime = o.timeBase == TimeBase::Uptime;
        setHome(content, content.tracks);
        addMarkers(set, o, content);
        return content;
    }

    QHash<QString, QLineSeries *> firstOfGroup;
    QVector<QLineSeries *> ordered;
    for (const int i : std::as_const(chosen)) {
        const RelaySeries &r = set.relays.at(i);
        const int gi = set.groupIndex(r.group);
        const QColor base = gi >= 0 ? colourOf(set.groups.at(gi), o) : palette::groupColour(QString());
        QColor c = base;
        c.setAlphaF(0.55);
        auto *line = new QLineSeries;
        line->setPen(QPen(c, 1.3));
        ChartContent::Track t;
        t.series = line;
        t.relay = r.nickname;
        t.group = r.group;
        t.what = QCoreApplication::translate("Charts", "relay");
        t.highlightOnHover = true;
        const QVector<QPointF> pts = set.relayPoints(i, o.metric, o.timeBase);
        t.points.reserve(pts.size());
        for (const QPointF &p : pts)
            t.points.append(QPointF(toX(qint64(p.x()), o), p.y() / divisor));
        content.tracks.append(t);
        if (QLineSeries *first = firstOfGroup.value(r.group)) {
            content.linked.insert(first, line);
        } else {
            firstOfGroup.insert(r.group, line);
            line->setName(gi >= 0 ? groupName(set.groups.at(gi))
                                  : QCoreApplication::translate("Charts", "relays"));
        }
        ordered.append(line);
    }
    for (QLineSeries *line : std::as_const(ordered)) {
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    // The legend lists groups in letter order whatever the drawing order.
    for (const SeriesGroup &g : set.groups) {
        if (QLineSeries *first = firstOfGroup.value(g.letter))
            content.legend.append({ groupName(g), colourOf(g, o), first });
    }
    if (QLineSeries *first = firstOfGroup.value(QString()))
        content.legend.append({ first->name(), palette::groupColour(QString()), first });
    content.zoomable = true;
    content.uptime = o.timeBase == TimeBase::Uptime;
    setHome(content, content.tracks);
    addMarkers(set, o, content);
    return content;
}

ChartContent buildBoxplot(const SeriesSet &set, const ChartOptions &o)
{
    ChartContent content;
    const qint64 at = snapshotFor(set, o);
    QChart *chart = newChart(QCoreApplication::translate("Charts", "%1 per relay at %2 (Tukey box plot)")
                                 .arg(metricName(o.metric), whenText(o, at)),
                             o, content);
    const QVector<QVector<double>> values = snapshotValues(set, o, at);
    double maxKb = 0;
    for (const auto &vs : values)
        for (const double v : vs)
            maxKb = std::max(maxKb, v);
    const auto [divisor, unit] = unitFor(maxKb);
    content.unitDivisor = divisor;
    content.unit = unit;

    constexpr double kBoxWidth = 0.55; // of the category width
    auto *series = new QBoxPlotSeries;
    series->setBoxWidth(kBoxWidth);
    QStringList categories;
    QVector<QScatterSeries *> outliers;
    const QColor fg = palette::foregroundFor(content.background);
    for (int gi = 0; gi < set.groups.size(); ++gi) {
        if (values.at(gi).isEmpty())
            continue;
        const SeriesGroup &g = set.groups.at(gi);
        const BoxStats b = stats::tukey(values.at(gi));
        auto *box = new QBoxSet(b.lowerWhisker / divisor, b.stats.q1 / divisor, b.stats.median / divisor,
                                b.stats.q3 / divisor, b.upperWhisker / divisor, groupName(g));
        QColor fill = colourOf(g, o);
        fill.setAlphaF(0.8);
        box->setBrush(fill);
        box->setPen(QPen(fg, 1.2));
        series->append(box);
        const int index = int(categories.size());
        categories << QCoreApplication::translate("Charts", "%1 (n=%2)").arg(groupName(g)).arg(b.stats.n);
        // Right of the box at the median's height: outliers are drawn on the box's centre line
        // above and below the whiskers, so a label above the whisker would cover them.
        content.annotations.append({ QPointF(index + kBoxWidth / 2, b.stats.median / divisor),
                                     QStringLiteral("%1").arg(b.stats.median / divisor, 0, 'f', 2), fg,
                                     Qt::AlignLeft | Qt::AlignVCenter });
        if (!b.outliers.isEmpty()) {
            auto *sc = new QScatterSeries;
            sc->setMarkerSize(7);
            sc->setColor(colourOf(g, o));
            sc->setBorderColor(fg);
            sc->setName(QCoreApplication::translate("Charts", "%1 outliers").arg(g.letter));
            for (const double v : b.outliers)
                sc->append(index, v / divisor);
            outliers.append(sc);
        }
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->setCategories(categories);
    styleAxis(x, o, QCoreApplication::translate("Charts", "Group (allocator); label: median"));
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = valueAxis(
        chart, Qt::AlignLeft, o,
        QCoreApplication::translate("Charts", "%1 per relay (%2)").arg(metricShort(o.metric), unit));
    setValueRange(y, 0, maxKb / divisor);
    series->attachAxis(x);
    series->attachAxis(y);
    for (QScatterSeries *sc : std::as_const(outliers)) {
        chart->addSeries(sc);
        sc->attachAxis(x);
        sc->attachAxis(y);
    }
    content.showLegend = false; // the categories name the groups
    return content;
}

ChartContent buildDistribution(const SeriesSet &set, const ChartOptions &o)
{
    ChartContent content;
    const qint64 at = snapshotFor(set, o);
    QChart *chart = newChart(QCoreApplication::translate("Charts", "Distribution of %1 per relay at %2")
                                 .arg(metricName(o.metric), whenText(o, at)),
                             o, content);
    const QVector<QVector<double>> values = snapshotValues(set, o, at);
    double maxKb = 0;
    for (const auto &vs : values)
        for (const double v : vs)
            maxKb = std::max(maxKb, v);
    const auto [divisor, unit] = unitFor(maxKb);
    content.unitDivisor = divisor;
    content.unit = unit;
    QVector<QVector<double>> scaled = values;
    for (auto &vs : scaled)
        for (double &v : vs)
            v /= divisor;
    const Histogram h = SeriesSet::histogram(scaled, 20);
    // Stacked, so each bin is one full-width bar and overlapping groups still show.
    auto *series = new QStackedBarSeries;
    series->setBarWidth(0.92);
    int maxCount = 0;
    QVector<int> binTotals(h.bins, 0);
    for (int gi = 0; gi < set.groups.size(); ++gi) {
        if (values.at(gi).isEmpty())
            continue;
        auto *bars = new QBarSet(groupName(set.groups.at(gi)));
        bars->setColor(colourOf(set.groups.at(gi), o));
        bars->setBorderColor(content.background);
        for (int b = 0; b < h.bins; ++b) {
            bars->append(h.counts.at(gi).at(b));
            binTotals[b] += h.counts.at(gi).at(b);
        }
        series->append(bars);
    }
    for (const int t : std::as_const(binTotals))
        maxCount = std::max(maxCount, t);
    chart->addSeries(series);
    // Bar i stands at x = i; a value axis with labels on a few bin edges (at i - 0.5) stays
    // readable at any size, where a label under every bin is cut to its slot.
    const int decimals = h.binWidth < 0.1 ? 2 : h.binWidth < 1 ? 1 : 0;
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setRange(-0.5, h.bins - 0.5);
    x->setStartValue(-0.501); // just before the first edge, so that it gets its label too
    const int every = std::max(1, h.bins / 5);
    for (int b = 0; b <= h.bins; b += every)
        x->append(QString::number(h.start + b * h.binWidth, 'f', decimals), b - 0.5);
    styleAxis(x, o,
              QCoreApplication::translate("Charts", "%1 per relay (%2), bins of %3 %2")
                  .arg(metricShort(o.metric), unit, QString::number(h.binWidth, 'f', decimals)));
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = valueAxis(chart, Qt::AlignLeft, o, QCoreApplication::translate("Charts", "Relays"));
    y->setRange(0, maxCount + 1);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(std::max(1.0, stats::niceStep(maxCount + 1, 5)));
    y->setLabelFormat(QStringLiteral("%.0f"));
    series->attachAxis(x);
    series->attachAxis(y);
    content.unit = QCoreApplication::translate("Charts", "relays");
    return content;
}

ChartContent buildWeekly(const SeriesSet &set, const ChartOptions &o)
{
    ChartContent content;
    QChart *chart = newChart(
        QCoreApplication::translate("Charts", "Weekly mean %1 per relay by group").arg(metricName(o.metric)),
        o, content);
    const QVector<WeeklyStat> weeks = set.weekly(o.metric);
    double maxKb = 0;
    for (const WeeklyStat &w : weeks)
        for (const SummaryStats &s : w.perGroup)
            maxKb = std::max(maxKb, s.mean);
    const auto [divisor, unit] = unitFor(maxKb);
    content.unitDivisor = divisor;
    content.unit = unit;
    auto *series = new QBarSeries;
    series->setBarWidth(0.85);
    for (int gi = 0; gi < set.groups.size(); ++gi) {
        auto *bars = new QBarSet(groupName(set.groups.at(gi)));
        bars->setColor(colourOf(set.groups.at(gi), o));
        bars->setBorderColor(content.background);
        bool any = false;
        for (const WeeklyStat &w : weeks) {
            const SummaryStats &s = w.perGroup.at(gi);
            bars->append(s.n > 0 ? s.mean / divisor : 0.0);
            any = any || s.n > 0;
        }
        if (any)
            series->append(bars);
        else
            delete bars;
    }
    chart->addSeries(series);
    QStringList categories;
    for (const WeeklyStat &w : weeks)
        categories << QCoreApplication::translate("Charts", "week of %1")
                          .arg(QDateTime::fromMSecsSinceEpoch(w.weekStartMs, Qt::UTC)
                                   .toString(QStringLiteral("yyyy-MM-dd")));
    auto *x = new QBarCategoryAxis;
    x->setCategories(categories);
    styleAxis(x, o,
              QCoreApplication::translate(
                  "Charts", "ISO week (Monday, UTC); mean over every sample of the group in that week"));
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = valueAxis(
        chart, Qt::AlignLeft, o,
        QCoreApplication::translate("Charts", "Mean %1 per relay (%2)").arg(metricShort(o.metric), unit));
    setValueRange(y, 0, maxKb / divisor);
    series->attachAxis(x);
    series->attachAxis(y);
    return content;
}

ChartContent buildComparison(const SeriesSet &set, const ChartOptions &o)
{
    ChartContent content;
    const qint64 at = snapshotFor(set, o);
    const bool mean = o.statistic == ChartOptions::Statistic::Mean;
    const QVector<QVector<double>> values = snapshotValues(set, o, at);
    struct Entry {
        int group;
        SummaryStats s;
        double value, low, high, other;
    };
    QVector<Entry> entries;
    double maxKb = 0;
    for (int gi = 0; gi < set.groups.size(); ++gi) {
        if (values.at(gi).isEmpty())
            continue;
        const SummaryStats s = stats::summarize(values.at(gi));
        Entry e { gi,
                  s,
                  mean ? s.mean : s.median,
                  mean ? s.mean - s.sd : s.q1,
                  mean ? s.mean + s.sd : s.q3,
                  mean ? s.median : s.mean };
        maxKb = std::max({ maxKb, e.high, e.value });
        entries.append(e);
    }
    // Ranked: the best group first, so the order reads as the verdict.
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.value < b.value; });
    QString ratio;
    if (entries.size() >= 2 && entries.first().value > 0)
        ratio = QCoreApplication::translate("Charts", ", worst/best %1×")
                    .arg(entries.last().value / entries.first().value, 0, 'f', 1);
    QChart *chart = newChart(QCoreApplication::translate("Charts", "%1 %2 per relay at %3, ranked%4")
                                 .arg(mean ? QCoreApplication::translate("Charts", "Mean")
                                           : QCoreApplication::translate("Charts", "Median"),
                                      metricName(o.metric), whenText(o, at), ratio),
                             o, content);
    const auto [divisor, unit] = unitFor(maxKb);
    content.unitDivisor = divisor;
    content.unit = unit;
    const QColor fg = palette::foregroundFor(content.background);

    // One set per group with a value only in its own category: one colour per group.
    auto *series = new QStackedBarSeries;
    series->setBarWidth(0.6);
    QStringList categories;
    for (const Entry &e : std::as_const(entries))
        categories << QCoreApplication::translate("Charts", "%1 (n=%2)")
                          .arg(groupName(set.groups.at(e.group)))
                          .arg(e.s.n);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Entry &e = entries.at(i);
        auto *bars = new QBarSet(groupName(set.groups.at(e.group)));
        bars->setColor(colourOf(set.groups.at(e.group), o));
        bars->setBorderColor(content.background);
        for (qsizetype k = 0; k < entries.size(); ++k)
            bars->append(k == i ? e.value / divisor : 0.0);
        series->append(bars);
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->setCategories(categories);
    styleAxis(x, o, QCoreApplication::translate("Charts", "Group (allocator), best first"));
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = valueAxis(chart, Qt::AlignLeft, o,
                              QCoreApplication::translate("Charts", "%1 %2 per relay (%3)")
                                  .arg(mean ? QCoreApplication::translate("Charts", "Mean")
                                            : QCoreApplication::translate("Charts", "Median"),
                                       metricShort(o.metric), unit));
    setValueRange(y, 0, maxKb / divisor);
    series->attachAxis(x);
    series->attachAxis(y);

    // Error bars: a stem and two caps per group, as line series on the category axis.
    QLineSeries *firstStem = nullptr;
    auto *other = new QScatterSeries;
    other->setName(mean ? QCoreApplication::translate("Charts", "median")
                        : QCoreApplication::translate("Charts", "mean"));
    other->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    other->setMarkerSize(9);
    other->setColor(fg);
    other->setBorderColor(content.background);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Entry &e = entries.at(i);
        const double lo = std::max(0.0, e.low) / divisor, hi = e.high / divisor;
        const QList<QList<QPointF>> segments { { { i + 0.0, lo }, { i + 0.0, hi } },
                                               { { i - 0.08, lo }, { i + 0.08, lo } },
                                               { { i - 0.08, hi }, { i + 0.08, hi } } };
        for (const auto &seg : segments) {
            auto *s = new QLineSeries;
            s->setPen(QPen(fg, 1.6));
            s->append(seg);
            chart->addSeries(s);
            s->attachAxis(x);
            s->attachAxis(y);
            if (!firstStem) {
                firstStem = s;
                s->setName(mean ? QCoreApplication::translate("Charts", "± 1 standard deviation")
                                : QCoreApplication::translate("Charts", "interquartile range"));
            } else {
                content.linked.insert(firstStem, s);
            }
        }
        other->append(double(i), e.other / divisor);
        content.annotations.append({ QPointF(double(i), hi),
                                     QStringLiteral("%1 %2").arg(e.value / divisor, 0, 'f', 2).arg(unit),
                                     fg });
    }
    chart->addSeries(other);
    other->attachAxis(x);
    other->attachAxis(y);
    content.legendBarSets = false; // the categories name the groups
    return content;
}

ChartContent buildUsage(const SeriesSet &set, const ChartOptions &o)
{
    ChartContent content;
    QChart *chart = newChart(
        QCoreApplication::translate("Charts", "Total %1 of the relays, by group").arg(metricName(o.metric)),
        o, content);
    const QVector<TotalPoint> totals = set.totals(o.metric);
    double maxKb = 0;
    for (const TotalPoint &p : totals)
        maxKb = std::max(maxKb, p.totalKb);
    const bool history = totals.isEmpty() && !set.serverTotals.isEmpty();
    if (history) {
        for (const AggregateRecord &a : set.serverTotals)
            maxKb = std::max(maxKb, double(a.totalKb));
    }
    const auto [divisor, unit] = unitFor(maxKb);
    content.unitDivisor = divisor;
    content.unit = unit;
    ChartOptions wall = o;
    wall.timeBase = TimeBase::WallClock; // a sum over relays has no common uptime
    QAbstractAxis *x = timeAxis(chart, wall);
    QValueAxis *y
        = valueAxis(chart, Qt::AlignLeft, o,
                    QCoreApplication::translate("Charts", "Total %1 (%2)").arg(metricShort(o.metric), unit));
    const QColor fg = palette::foregroundFor(content.background);

    // Stacked areas: each group on top of the previous ones; relays outside every group last.
    QVector<double> cumulative(totals.size(), 0.0);
    auto addLayer = [&](const QString &name, const QColor &colour, const QString &letter,
                        const QVector<double> &values) {
        auto *up = new QLineSeries(chart), *low = new QLineSeries(chart);
        ChartContent::Track upper, lower;
        for (qsizetype i = 0; i < totals.size(); ++i) {
            const double base = cumulative.at(i);
            lower.points.append(QPointF(double(totals.at(i).tsMs), base / divisor));
            upper.points.append(QPointF(double(totals.at(i).tsMs), (base + values.at(i)) / divisor));
            cumulative[i] = base + values.at(i);
        }
        auto *area = new QAreaSeries(up, low);
        area->setName(name);
        QColor fill = colour;
        fill.setAlphaF(0.75);
        area->setBrush(fill);
        area->setPen(QPen(colour.darker(115), 0.8));
        chart->addSeries(area);
        area->attachAxis(x);
        area->attachAxis(y);
        upper.series = up;
        upper.owner = area;
        upper.group = letter;
        upper.what = QCoreApplication::translate("Charts", "cumulative");
        lower.series = low;
        lower.owner = area;
        content.tracks << upper << lower;
    };
    for (int gi = 0; gi < set.groups.size(); ++gi) {
        QVector<double> values;
        bool any = false;
        for (const TotalPoint &p : totals) {
            values.append(p.perGroupKb.at(gi));
            any = any || p.perGroupKb.at(gi) > 0;
        }
        if (any)
            addLayer(groupName(set.groups.at(gi)), colourOf(set.groups.at(gi), o), set.groups.at(gi).letter,
                     values);
    }
    QVector<double> rest;
    bool others = false;
    for (qsizetype i = 0; i < totals.size(); ++i) {
        rest.append(std::max(0.0, totals.at(i).totalKb - cumulative.at(i)));
        others = others || rest.last() > 0.5;
    }
    if (others) {
        const QColor grey = o.dark ? QColor(0x77, 0x77, 0x77) : QColor(0xbb, 0xbb, 0xbb);
        addLayer(set.groups.isEmpty() ? QCoreApplication::translate("Charts", "relays")
                                      : QCoreApplication::translate("Charts", "other relays"),
                 grey, QString(), rest);
    }
    auto *total = new QLineSeries;
    total->setName(QCoreApplication::translate("Charts", "total"));
    total->setPen(QPen(fg, 2));
    ChartContent::Track t;
    t.series = total;
    t.what = QCoreApplication::translate("Charts", "fleet total");
    if (history) {
        total->setName(QCoreApplication::translate("Charts", "server total (aggregate rows)"));
        for (const AggregateRecord &a : set.serverTotals)
            t.points.append(QPointF(double(a.tsMs), double(a.totalKb) / divisor));
        std::sort(t.points.begin(), t.points.end(),
                  [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    } else {
        for (const TotalPoint &p : totals)
            t.points.append(QPointF(double(p.tsMs), p.totalKb / divisor));
    }
    chart->addSeries(total);
    total->attachAxis(x);
    total->attachAxis(y);
    content.tracks.prepend(t);
    content.zoomable = true;
    setHome(content, content.tracks);
    addMarkers(set, wall, content);
    return content;
}

} // namespace

QList<ChartKind> allKinds()
{
    return { ChartKind::Timeseries, ChartKind::Trajectories, ChartKind::Boxplot, ChartKind::Distribution,
             ChartKind::Weekly,     ChartKind::Comparison,   ChartKind::Usage };
}

QString fileName(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Timeseries:
        return QStringLiteral("memory_timeseries");
    case ChartKind::Trajectories:
        return QStringLiteral("memory_trajectories");
    case ChartKind::Boxplot:
        return QStringLiteral("memory_boxplot");
    case ChartKind::Distribution:
        return QStringLiteral("memory_distribution");
    case ChartKind::Weekly:
        return QStringLiteral("memory_weekly");
    case ChartKind::Comparison:
        return QStringLiteral("memory_comparison");
    case ChartKind::Usage:
        return QStringLiteral("memory_usage");
    }
    return {};
}

QString title(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Timeseries:
        return QCoreApplication::translate("Charts", "Group mean over time");
    case ChartKind::Trajectories:
        return QCoreApplication::translate("Charts", "Per-relay trajectories");
    case ChartKind::Boxplot:
        return QCoreApplication::translate("Charts", "Box plot per group");
    case ChartKind::Distribution:
        return QCoreApplication::translate("Charts", "Distribution per group");
    case ChartKind::Weekly:
        return QCoreApplication::translate("Charts", "Weekly means");
    case ChartKind::Comparison:
        return QCoreApplication::translate("Charts", "Group comparison");
    case ChartKind::Usage:
        return QCoreApplication::translate("Charts", "Total memory");
    }
    return {};
}

QString labelFormatFor(double step)
{
    for (int decimals = 0; decimals < 3; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-9)
            return QStringLiteral("%.%1f").arg(decimals);
    }
    return QStringLiteral("%.3f");
}

QPair<double, QString> unitFor(double maxKb)
{
    if (maxKb >= 1024.0 * 1024.0 * 1024.0)
        return { 1024.0 * 1024.0 * 1024.0, QStringLiteral("TiB") };
    if (maxKb >= 1024.0 * 1024.0)
        return { 1024.0 * 1024.0, QStringLiteral("GiB") };
    return { 1024.0, QStringLiteral("MiB") };
}

qint64 snapshotFor(const SeriesSet &set, const ChartOptions &options)
{
    if (options.atMs > 0)
        return options.atMs;
    const qint64 common = set.latestCommonSnapshot();
    return common > 0 ? common : set.lastMs();
}

ChartContent build(ChartKind kind, const SeriesSet &set, const ChartOptions &options)
{
    switch (kind) {
    case ChartKind::Timeseries:
        return buildTimeseries(set, options);
    case ChartKind::Trajectories:
        return buildTrajectories(set, options);
    case ChartKind::Boxplot:
        return buildBoxplot(set, options);
    case ChartKind::Distribution:
        return buildDistribution(set, options);
    case ChartKind::Weekly:
        return buildWeekly(set, options);
    case ChartKind::Comparison:
        return buildComparison(set, options);
    case ChartKind::Usage:
        return buildUsage(set, options);
    }
    return {};
}

} // namespace alloclab::charts
