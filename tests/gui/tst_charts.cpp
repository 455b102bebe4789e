#include "app/cli/cli.h"
#include "models/palette.h"
#include "ui/charts/chartbuilders.h"
#include "ui/charts/chartexport.h"
#include "ui/charts/chartscommand.h"
#include "ui/charts/chartstab.h"
#include "ui/charts/chartview.h"

#include <QApplication>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSet>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "../support/torutils5way.h"

using namespace alloclab;

namespace {
constexpr qint64 kHour = 3600 * 1000;
const qint64 kT0 = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();

// Two groups of three relays, hourly for 10 days; A grows 100 MiB a day, B is flat at 1 GiB.
// Relay a1 has a known value at a known time for the tooltip test.
SeriesSet synthetic()
{
    SeriesSet s;
    s.title = QStringLiteral("synthetic");
    s.groups = { { QStringLiteral("A"), QStringLiteral("grows"), palette::groupColour(QStringLiteral("A")) },
                 { QStringLiteral("B"), QStringLiteral("flat"), palette::groupColour(QStringLiteral("B")) } };
    for (int r = 0; r < 6; ++r) {
        RelaySeries rs;
        const bool a = r < 3;
        rs.group = a ? QStringLiteral("A") : QStringLiteral("B");
        rs.nickname
            = QStringLiteral("%1%2").arg(a ? QStringLiteral("a") : QStringLiteral("b")).arg(r % 3 + 1);
        rs.key = rs.nickname;
        for (int h = 0; h <= 240; ++h) {
            const qint64 kb = a ? 2 * 1048576 + qint64(h) * 100 * 1024 / 24 + r * 10240 : 1048576 + r * 1024;
            rs.samples.append({ kT0 + h * kHour, kb, kb + 1000 });
        }
        s.relays.append(rs);
    }
    SeriesMarker m;
    m.tsMs = kT0 + 48 * kHour;
    m.label = QStringLiteral("deploy");
    s.markers.append(m);
    return s;
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2)
            colours.insert(img.pixel(x, y));
    return int(colours.size());
}

QLineSeries *seriesNamed(QChart *chart, const QString &prefix)
{
    const auto all = chart->series();
    for (QAbstractSeries *s : all)
        if (s->name().startsWith(prefix) && qobject_cast<QLineSeries *>(s))
            return qobject_cast<QLineSeries *>(s);
    return nullptr;
}
} // namespace

class TestCharts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void boxplotMedianLabelClearOfOutliers()
    {
        // One group: 20 relays around 1 GiB and three far outliers right above the whisker,
        // where the median label used to be drawn.
        SeriesSet set;
        set.groups
            = { { QStringLiteral("A"), QStringLiteral("a"), palette::groupColour(QStringLiteral("A")) } };
        for (int r = 0; r < 23; ++r) {
            RelaySeries rs;
            rs.group = QStringLiteral("A");
            rs.key = rs.nickname = QStringLiteral("r%1").arg(r);
            const qint64 kb = r < 20 ? 1048576 + r * 2048 : 1120000 + (r - 20) * 3000; // fence ~1118720
            rs.samples.append({ kT0, kb, kb });
            set.relays.append(rs);
        }
        ChartView view;
        view.resize(600, 400);
        view.setContent(charts::build(ChartKind::Boxplot, set, ChartOptions {}));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const ChartContent &c = view.content();
        QCOMPARE(c.annotations.size(), 1);
        const ChartContent::Annotation &a = c.annotations.first();
        QCOMPARE(a.text, QStringLiteral("1.02")); // the median, GiB
        QVERIFY(a.align & Qt::AlignLeft);
        QScatterSeries *outliers = nullptr;
        const auto all = c.chart->series();
        for (QAbstractSeries *s : all)
            if (auto *sc = qobject_cast<QScatterSeries *>(s))
                outliers = sc;
        QVERIFY(outliers);
        QCOMPARE(outliers->count(), 3);
        // The label's box (as the overlay draws it) must not touch any outlier marker.
        QFont bold = c.chart->font();
        bold.setBold(true);
        const QFontMetricsF fm(bold);
        const QPointF p = c.chart->mapToPosition(a.value, c.chart->series().first());
        const QRectF label(p.x() + 4, p.y() - fm.height() / 2, fm.horizontalAdvance(a.text), fm.height());
        for (const QPointF &o : outliers->points()) {
            const QPointF q = c.chart->mapToPosition(o, outliers);
            const double r = outliers->markerSize() / 2 + 1;
            QVERIFY2(!label.intersects(QRectF(q.x() - r, q.y() - r, 2 * r, 2 * r)),
                     qPrintable(QStringLiteral("label %1,%2 vs outlier %3,%4")
                                    .arg(label.x())
                                    .arg(label.y())
                                    .arg(q.x())
                                    .arg(q.y())));
        }
        // and it sits at the median's height
        QVERIFY(
            qAbs(label.center().y() - c.chart->mapToPosition(QPointF(0, 1.02), c.chart->series().first()).y())
            < 3);
    }

    // The histogram's bin edges are labelled on a value axis, a few of them: at a dashboard
    // tile's size each label fits (a label under each of the 20 bins was cut to "…").
    void distributionLabelsFitATile()
    {
        SeriesSet set;
        set.groups
            = { { QStringLiteral("A"), QStringLiteral("a"), palette::groupColour(QStringLiteral("A")) } };
        for (int r = 0; r < 40; ++r) {
            RelaySeries rs;
            rs.group = QStringLiteral("A");
            rs.key = rs.nickname = QStringLiteral("r%1").arg(r);
            const qint64 kb = 1048576 + qint64(r) * 262144; // 1 to ~10.75 GiB
            rs.samples.append({ kT0, kb, kb });
            set.relays.append(rs);
        }
        ChartView view;
        view.resize(420, 280);
        view.setContent(charts::build(ChartKind::Distribution, set, ChartOptions {}));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto axes = view.content().chart->axes(Qt::Horizontal);
        QCOMPARE(axes.size(), 1);
        auto *x = qobject_cast<QCategoryAxis *>(axes.first());
        QVERIFY(x);
        const QStringList labels = x->categoriesLabels();
        QVERIFY2(labels.size() >= 3 && labels.size() <= 7, qPrintable(labels.join(QLatin1Char(' '))));
        const QFontMetricsF fm(x->labelsFont());
        const double slot = view.content().chart->plotArea().width() / (labels.size() - 1);
        for (const QString &l : labels) {
            bool ok = false;
            l.toDouble(&ok);
            QVERIFY2(ok, qPrintable(l)); // a number, never elided
            QVERIFY2(fm.horizontalAdvance(l) < slot, qPrintable(l));
        }
        QCOMPARE(labels.first().toDouble(), 1.0); // the lowest edge is labelled too
    }

    void denseTrajectoriesDrawEnvelopes()
    {
        // 5 groups x 20 relays: above the dense threshold, each group is a band + its 2 largest.
        SeriesSet set;
        for (int g = 0; g < 5; ++g) {
            const QString l(QChar(u'A' + g));
            set.groups.append({ l, l, palette::groupColour(l) });
        }
        for (int r = 0; r < 100; ++r) {
            RelaySeries rs;
            rs.group = set.groups.at(r % 5).letter;
            rs.key = rs.nickname = QStringLiteral("r%1").arg(r);
            for (int h = 0; h < 300; ++h)
                rs.samples.append({ kT0 + h * kHour, 1048576 + r * 10240 + h * 100, -1 });
            set.relays.append(rs);
        }
        ChartOptions o;
        ChartView view;
        view.resize(900, 500);
        view.setContent(charts::build(ChartKind::Trajectories, set, o));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.redecimateNow();
        int envelopes = 0, lines = 0;
        for (int i = 0; i < view.content().tracks.size(); ++i) {
            const ChartContent::Track &t = view.content().tracks.at(i);
            // drawn by the view from its decimated points; Qt Charts' series stay empty
            QVERIFY(t.selfDrawn);
            QCOMPARE(t.series->count(), 0);
            const QVector<QPointF> upper = view.decimatedPoints(i);
            if (t.isEnvelope()) {
                ++envelopes;
                QCOMPARE(t.members.size(), 20);
                const QVector<QPointF> lower = view.decimatedLower(i);
                QVERIFY(!upper.isEmpty());
                QCOMPARE(upper.size(), lower.size());
                QVERIFY(upper.size() <= int(view.chart()->plotArea().width()) + 2);
                // the band spans the group: lowest relay at the bottom, highest at the top
                double hi = 0, lo = 1e9;
                for (const QPointF &p : upper)
                    hi = std::max(hi, p.y());
                for (const QPointF &p : lower)
                    lo = std::min(lo, p.y());
                QVERIFY(hi > lo);
                // exact: the group's extremes in the visible range
                double want = 0;
                for (const QVector<QPointF> &m : t.members)
                    want = std::max(want, m.last().y());
                QCOMPARE(hi, want);
            } else {
                ++lines;
                QVERIFY(!upper.isEmpty());
            }
        }
        // they are painted: inside the plot, hiding every group changes a good part of the pixels
        const QRect plot = view.mapFromScene(view.chart()->plotArea()).boundingRect().adjusted(2, 2, -2, -2);
        const QImage shown = view.grab().toImage();
        const QImage shownPlot = view.grab(plot).toImage();
        QVERIFY(distinctColours(shownPlot) > 8);
        auto toggleAllBands = [&] {
            for (const ChartContent::Track &t : view.content().tracks)
                if (t.isEnvelope())
                    view.toggleSeries(t.owner);
            view.redecimateNow();
        };
        toggleAllBands();
        const QImage hiddenPlot = view.grab(plot).toImage();
        toggleAllBands();
        QCOMPARE(hiddenPlot.size(), shownPlot.size());
        int changed = 0;
        for (int y = 0; y < shownPlot.height(); ++y)
            for (int x = 0; x < shownPlot.width(); ++x)
                changed += shownPlot.pixel(x, y) != hiddenPlot.pixel(x, y);
        QVERIFY2(changed > shownPlot.width() * shownPlot.height() / 10, qPrintable(QString::number(changed)));
        QCOMPARE(envelopes, 5);
        QCOMPARE(lines, 5 * o.denseTopN);
        QVERIFY(view.chart()->series().size() < 20); // not 100 line series
        // the largest relay of group E (r99) is one of the lines, with a tooltip
        bool found = false;
        for (const ChartContent::Track &t : view.content().tracks)
            found = found || t.relay == QStringLiteral("r99");
        QVERIFY(found);
        // toggling a group's legend entry hides its band and its lines
        const ChartContent::Track &first = view.content().tracks.first();
        view.toggleSeries(first.owner);
        QVERIFY(!first.owner->isVisible());
        view.redecimateNow();
        QVERIFY(view.grab().toImage() != shown);
        for (QAbstractSeries *s : view.content().linked.values(first.owner))
            QVERIFY(!s->isVisible());
        // below the threshold: one line per relay, as before
        o.denseThreshold = 0;
        view.setContent(charts::build(ChartKind::Trajectories, set, o));
        QCOMPARE(view.chart()->series().size(), 100);
    }

    void zoomAndReset()
    {
        ChartView view;
        view.resize(900, 500);
        view.setContent(charts::build(ChartKind::Timeseries, synthetic(), {}));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto home = view.xRange();
        QVERIFY(home.first <= double(kT0) && home.second >= double(kT0 + 240 * kHour));

        // Rubber band over the middle third of the plot.
        const QRectF plot = view.mapFromScene(view.chart()->plotArea()).boundingRect();
        const QPoint a(int(plot.left() + plot.width() / 3), int(plot.center().y()));
        const QPoint b(int(plot.left() + 2 * plot.width() / 3), int(plot.center().y()));
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, a);
        QMouseEvent move(QEvent::MouseMove, b, view.viewport()->mapToGlobal(b), Qt::NoButton, Qt::LeftButton,
                         {});
        QApplication::sendEvent(view.viewport(), &move);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, b);
        const auto zoomed = view.xRange();
        const double span = home.second - home.first;
        QVERIFY2(zoomed.second - zoomed.first < span * 0.4, "rubber band did not zoom");
        QVERIFY(zoomed.first > home.first + span * 0.25);

        // Keys: pan right, then Home resets.
        QTest::keyClick(&view, Qt::Key_Right);
        QVERIFY(view.xRange().first > zoomed.first);
        QTest::keyClick(&view, Qt::Key_Home);
        QCOMPARE(view.xRange(), home);

        // Wheel zooms in around the cursor; Escape resets too.
        view.zoomBy(0.5, (home.first + home.second) / 2);
        QVERIFY(view.xRange().second - view.xRange().first < span * 0.6);
        QTest::keyClick(&view, Qt::Key_Escape);
        QCOMPARE(view.xRange(), home);

        // Presets: the last 24 h.
        view.applyPreset(ChartView::Day);
        QCOMPARE(view.xRange().second, home.second);
        QVERIFY(qAbs(view.xRange().second - view.xRange().first - 24.0 * kHour) < 1);
    }

    void zoomRedecimatesWithReplace()
    {
        ChartView view;
        view.resize(600, 400);
        view.setContent(charts::build(ChartKind::Trajectories, synthetic(), {}));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int before = view.replaceCount();
        const auto home = view.xRange();
        view.setXRange(home.first, home.first + (home.second - home.first) / 10);
        QTRY_VERIFY_WITH_TIMEOUT(view.replaceCount() > before, 2000); // coalesced, then replace()
        // The visible window now holds the full resolution: ~24 hourly points + neighbours.
        const ChartContent::Track &t = view.content().tracks.first();
        QVERIFY(t.series->count() >= 24 && t.series->count() <= 30);
    }

    void legendTogglesSeries()
    {
        ChartView view;
        view.resize(900, 500);
        view.setContent(charts::build(ChartKind::Timeseries, synthetic(), {}));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QLineSeries *meanA = seriesNamed(view.chart(), QStringLiteral("A"));
        QVERIFY(meanA);
        // One legend entry per group (bands follow their mean line and have none).
        const auto &legend = view.content().legend;
        QCOMPARE(legend.size(), 2);
        QCOMPARE(legend.at(0).series, meanA);
        QCOMPARE(legend.at(0).colour, palette::groupColour(QStringLiteral("A")));
        const QPoint entry = view.mapFromScene(view.legendEntryRect(0).center());
        QVERIFY(meanA->isVisible());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, entry);
        QVERIFY(!meanA->isVisible());
        const auto linked = view.content().linked.values(meanA);
        QCOMPARE(linked.size(), 1);
        QVERIFY(!linked.first()->isVisible()); // the band follows
        // A hidden group has no tooltip and does not count for the y range.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, entry);
        QVERIFY(meanA->isVisible());
        QVERIFY(linked.first()->isVisible());
    }

    void tooltipAtKnownPoint()
    {
        ChartView view;
        view.resize(900, 500);
        view.setContent(charts::build(ChartKind::Trajectories, synthetic(), {}));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Relay b2 (r = 4) at 2026-01-03 00:00 = 1 GiB + 4 MiB = 1.00 GiB; A is far above.
        const qint64 ts = kT0 + 48 * kHour;
        int index = -1;
        for (int i = 0; i < view.content().tracks.size(); ++i)
            if (view.content().tracks.at(i).relay == QLatin1String("a1"))
                index = i;
        QVERIFY(index >= 0);
        const ChartContent::Track &a1 = view.content().tracks.at(index);
        const QPointF value(double(ts), double(2 * 1048576 + 48 * 100 * 1024 / 24) / 1048576.0);
        const QPoint pos = view.mapFromScene(view.chart()->mapToPosition(value, a1.series));
        const QString text = view.tooltipAt(pos);
        QVERIFY2(text.contains(QStringLiteral("2026-01-03 00:00"))
                     || text.contains(QStringLiteral("2026-01-02")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("relay a")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("2.20 GiB")), qPrintable(text)); // 2 GiB + 200 MiB = 2.195
        QVERIFY2(text.contains(QStringLiteral("group A")), qPrintable(text));
        QVERIFY(view.tooltipAt(QPoint(2, 2)).isEmpty()); // outside the plot
    }

    void liveUpdateKeepsChart()
    {
        ChartsTab tab;
        tab.resize(1200, 900);
        SeriesSet s = synthetic();
        tab.setSeriesSet(s);
        ChartView *v = tab.view(ChartKind::Timeseries);
        QChart *chart = v->chart();
        const int before = v->replaceCount();
        s.addSamples(QStringLiteral("a1"), QStringLiteral("A"),
                     { { kT0 + 241 * kHour, 4 * 1048576, 4 * 1048576 } });
        tab.updateSeriesSet(s);
        tab.updateSeriesSet(s); // coalesced
        QTRY_VERIFY_WITH_TIMEOUT(v->replaceCount() > before, 2000);
        QCOMPARE(v->chart(), chart); // same chart, new points through replace()
        QCOMPARE(v->xRange().second > double(kT0 + 241 * kHour), true); // followed the new data
    }

    // A live poll on a dense view: same chart and series, the new sample reaches the bands.
    void liveUpdateDenseView()
    {
        SeriesSet set;
        for (int g = 0; g < 5; ++g) {
            const QString l(QChar(u'A' + g));
            set.groups.append({ l, l, palette::groupColour(l) });
        }
        for (int r = 0; r < 100; ++r) {
            RelaySeries rs;
            rs.group = set.groups.at(r % 5).letter;
            rs.key = rs.nickname = QStringLiteral("r%1").arg(r);
            for (int h = 0; h < 100; ++h)
                rs.samples.append({ kT0 + h * kHour, 1048576 + r * 10240, -1 });
            set.relays.append(rs);
        }
        ChartsTab tab;
        tab.resize(1200, 900);
        tab.setSeriesSet(set);
        ChartView *v = tab.view(ChartKind::Trajectories);
        QChart *chart = v->chart();
        QVERIFY(v->content().tracks.first().isEnvelope());
        const int before = v->replaceCount();
        // relay r0 (group A) jumps to 3 GiB an hour later
        set.addSamples(QStringLiteral("r0"), QStringLiteral("A"), { { kT0 + 100 * kHour, 3 * 1048576, -1 } });
        tab.updateSeriesSet(set);
        tab.updateSeriesSet(set); // coalesced
        QTRY_VERIFY_WITH_TIMEOUT(v->replaceCount() > before, 2000);
        QCOMPARE(v->chart(), chart);
        double top = 0;
        for (const QPointF &p : v->decimatedPoints(0))
            top = std::max(top, p.y());
        QCOMPARE(top, 3.0); // GiB: the band of A reaches the new sample
        QVERIFY(v->xRange().second > double(kT0 + 100 * kHour)); // followed the new data
    }

    // The Charts tab's time-range control: presets, editors, zoom in one chart, reset.
    void timeRangeControl()
    {
        ChartsTab tab;
        tab.resize(1300, 900);
        tab.setSeriesSet(synthetic());
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        ChartView *series = tab.view(ChartKind::Timeseries);
        ChartView *relays = tab.view(ChartKind::Trajectories);
        ChartView *usage = tab.view(ChartKind::Usage);
        QDateTimeEdit *from = tab.fromEdit();
        QDateTimeEdit *to = tab.toEdit();
        QVERIFY(from && to && from->isEnabled() && to->isEnabled());
        QCOMPARE(from->objectName(), QStringLiteral("rangeFrom"));
        const auto home = series->xRange();
        const qint64 last = kT0 + 240 * kHour;
        // All: the editors span every sample.
        QVERIFY(from->dateTime().toMSecsSinceEpoch() <= kT0);
        QVERIFY(to->dateTime().toMSecsSinceEpoch() >= last);

        // Preset 24 h (the toolbar action): every time chart shows the last 24 h of data.
        auto *day = tab.findChild<QAction *>(QStringLiteral("preset24h"));
        QVERIFY(day);
        day->trigger();
        for (ChartView *v : { series, relays, usage }) {
            const auto r = v->xRange();
            QVERIFY2(r.second >= double(last) && r.second - double(last) < 6 * kHour,
                     qPrintable(v->objectName()));
            QVERIFY2(qAbs(r.second - r.first - 24.0 * kHour) < 1, qPrintable(v->objectName()));
        }
        QVERIFY(qAbs(from->dateTime().toMSecsSinceEpoch() - (series->xRange().first)) < 60000);
        QVERIFY(qAbs(to->dateTime().toMSecsSinceEpoch() - (series->xRange().second)) < 60000);

        // Zoom in one chart (rubber band): the editors and the other time charts follow.
        const QRectF plot = relays->mapFromScene(relays->chart()->plotArea()).boundingRect();
        const QPoint a(int(plot.left() + plot.width() / 4), int(plot.center().y()));
        const QPoint b(int(plot.left() + plot.width() / 2), int(plot.center().y()));
        QTest::mousePress(relays->viewport(), Qt::LeftButton, {}, a);
        QMouseEvent move(QEvent::MouseMove, b, relays->viewport()->mapToGlobal(b), Qt::NoButton,
                         Qt::LeftButton, {});
        QApplication::sendEvent(relays->viewport(), &move);
        QTest::mouseRelease(relays->viewport(), Qt::LeftButton, {}, b);
        const auto zoomed = relays->xRange();
        QVERIFY(zoomed.second - zoomed.first < 8.0 * kHour);
        QCOMPARE(series->xRange(), zoomed);
        QCOMPARE(usage->xRange(), zoomed);
        QVERIFY(qAbs(from->dateTime().toMSecsSinceEpoch() - zoomed.first) < 60000);
        QVERIFY(qAbs(to->dateTime().toMSecsSinceEpoch() - zoomed.second) < 60000);
        QCOMPARE(tab.timeRange(), zoomed);

        // Wheel zoom out to everything: still one range everywhere.
        series->zoomBy(100, (zoomed.first + zoomed.second) / 2);
        QCOMPARE(series->xRange(), home);
        QCOMPARE(relays->xRange(), qMakePair(relays->content().homeMin, relays->content().homeMax));

        // Typing dates: the charts show that window.
        const QDateTime d1 = QDateTime::fromMSecsSinceEpoch(kT0 + 72 * kHour);
        const QDateTime d2 = QDateTime::fromMSecsSinceEpoch(kT0 + 96 * kHour);
        to->setDateTime(d2);
        from->setDateTime(d1);
        QCOMPARE(series->xRange(), qMakePair(double(kT0 + 72 * kHour), double(kT0 + 96 * kHour)));
        QCOMPARE(usage->xRange(), series->xRange());
        // Changing the metric rebuilds the charts but keeps the chosen window.
        tab.findChild<QComboBox *>(QStringLiteral("metricChooser"))->setCurrentIndex(1);
        QCOMPARE(series->xRange(), qMakePair(double(kT0 + 72 * kHour), double(kT0 + 96 * kHour)));

        // Reset (Home in a chart) restores All in every chart and in the editors.
        relays->setFocus();
        QTest::keyClick(relays, Qt::Key_Home);
        QCOMPARE(series->xRange(), home);
        QCOMPARE(relays->xRange(), qMakePair(relays->content().homeMin, relays->content().homeMax));
        QCOMPARE(usage->xRange(), qMakePair(usage->content().homeMin, usage->content().homeMax));
        QVERIFY(from->dateTime().toMSecsSinceEpoch() <= kT0);
        QVERIFY(to->dateTime().toMSecsSinceEpoch() >= last);
        // And the "All" preset after a zoom does the same.
        series->zoomBy(0.3, double(kT0 + 100 * kHour));
        QVERIFY(relays->xRange().second - relays->xRange().first < 0.5 * (home.second - home.first));
        tab.findChild<QAction *>(QStringLiteral("presetAll"))->trigger();
        QCOMPARE(series->xRange(), home);
        QVERIFY(to->dateTime().toMSecsSinceEpoch() >= last);
    }

    void exportPngAndSvg_data()
    {
        QTest::addColumn<int>("kind");
        for (const ChartKind k : charts::allKinds())
            QTest::newRow(qPrintable(charts::fileName(k))) << int(k);
    }
    void exportPngAndSvg()
    {
        QFETCH(int, kind);
        ChartView view;
        view.resize(700, 400);
        view.setContent(charts::build(ChartKind(kind), synthetic(), {}));
        const QImage img = chartexport::renderImage(&view, QSize(800, 450), 2.0);
        QCOMPARE(img.size(), QSize(1600, 900));
        QVERIFY2(distinctColours(img) > 20, "export looks blank");
        // The view is restored after the export.
        QCOMPARE(view.chart()->size().toSize(), view.size());

        QTemporaryDir dir;
        const QString svg = dir.filePath(QStringLiteral("c.svg"));
        QString error;
        QVERIFY2(chartexport::saveSvg(&view, svg, QSize(800, 450), &error), qPrintable(error));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        int shapes = 0;
        QString root;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                if (root.isEmpty())
                    root = xml.name().toString();
                shapes
                    += xml.name() == QLatin1String("path") || xml.name() == QLatin1String("polyline") ? 1 : 0;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(root, QStringLiteral("svg"));
        QVERIFY(shapes > 5);
    }

    void dashboardAndClipboard()
    {
        ChartsTab tab;
        tab.setSeriesSet(synthetic());
        const QImage img = tab.dashboardImage(QSize(400, 250), 1.0);
        QCOMPARE(img.size(), QSize(800, 40 + 4 * 250));
        QVERIFY(distinctColours(img) > 50);
        chartexport::copyToClipboard(tab.view(ChartKind::Comparison), QSize(300, 200), 1.0);
        QCOMPARE(QApplication::clipboard()->image().size(), QSize(300, 200));
    }

    void cliChartsCommand()
    {
        QTemporaryDir dir;
        QString out, err;
        QTextStream os(&out), es(&err);
        const SeriesSet set = synthetic();
        auto more = [&set](cli::CommandTable &t) {
            cli::registerChartsCommands(
                t, [&set](const cli::Context &, const QString &, SeriesSet *s, QString *) {
                    *s = set;
                    return true;
                });
        };
        const int rc = cli::run({ QStringLiteral("alloclab-cli"), QStringLiteral("charts"), dir.path(),
                                  QStringLiteral("--size"), QStringLiteral("640x360"),
                                  QStringLiteral("--format"), QStringLiteral("png") },
                                os, es, more);
        QVERIFY2(rc == 0, qPrintable(err));
        for (const ChartKind k : charts::allKinds()) {
            const QImage img(dir.filePath(charts::fileName(k) + QStringLiteral(".png")));
            QCOMPARE(img.size(), QSize(640, 360));
        }
        QCOMPARE(cli::run({ QStringLiteral("alloclab-cli"), QStringLiteral("charts"), dir.path(),
                            QStringLiteral("--size"), QStringLiteral("big") },
                          os, es, more),
                 int(cli::Usage));
        QVERIFY(err.contains(QStringLiteral("WIDTHxHEIGHT")));
    }

    // The published result of the real experiment, read off the comparison chart's bars.
    void realDataComparison_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<QStringList>("order");
        QTest::addColumn<QList<double>>("gib");
        QTest::newRow("2026-01-08") << QStringLiteral("2026-01-08T20:47:02")
                                    << QString(QStringLiteral("B C D E A")).split(QLatin1Char(' '))
                                    << QList<double> { 1.28, 1.72, 2.64, 4.01, 8.62 };
        QTest::newRow("2026-01-10") << QStringLiteral("2026-01-10T22:21:25")
                                    << QString(QStringLiteral("B C D E A")).split(QLatin1Char(' '))
                                    << QList<double> { 1.41, 1.83, 2.74, 4.15, 10.44 };
    }
    void realDataComparison()
    {
        if (!testdata::torutils5wayPresent())
            QSKIP("the real dataset ../shared/datasets/torutils-5way is absent");
        QFETCH(QString, at);
        QFETCH(QStringList, order);
        QFETCH(QList<double>, gib);
        const SeriesSet set = testdata::loadTorutils5way();
        ChartOptions o;
        o.atMs = testdata::wallClockMs(at.toLatin1().constData());
        ChartContent c = charts::build(ChartKind::Comparison, set, o);
        std::unique_ptr<QChart> owner(c.chart);
        QCOMPARE(c.unit, QStringLiteral("GiB"));
        QStackedBarSeries *bars = nullptr;
        const auto all = c.chart->series();
        for (QAbstractSeries *s : all)
            if (auto *b = qobject_cast<QStackedBarSeries *>(s))
                bars = b;
        QVERIFY(bars);
        QCOMPARE(bars->count(), 5);
        for (int i = 0; i < 5; ++i) {
            QBarSet *set = bars->barSets().at(i);
            QVERIFY2(set->label().startsWith(order.at(i)), qPrintable(set->label()));
            QCOMPARE(QString::number(set->at(i), 'f', 2), QString::number(gib.at(i), 'f', 2));
        }
        QVERIFY(c.chart->title().contains(QStringLiteral("worst/best")));
    }

    // All seven charts of the real data; ALLOCLAB_CHARTS_OUT=DIR keeps them (docs/charts).
    void realDataExportAll()
    {
        if (!testdata::torutils5wayPresent())
            QSKIP("the real dataset ../shared/datasets/torutils-5way is absent");
        const SeriesSet set = testdata::loadTorutils5way();
        QTemporaryDir tmp;
        const QString dir = qEnvironmentVariableIsSet("ALLOCLAB_CHARTS_OUT")
            ? qEnvironmentVariable("ALLOCLAB_CHARTS_OUT")
            : tmp.path();
        QStringList written;
        QString error;
        chartexport::ExportOptions eo;
        eo.size = QSize(1200, 700);
        ChartOptions o;
        o.atMs = testdata::wallClockMs("2026-01-08T20:47:02");
        QVERIFY2(chartexport::exportAll(set, o, dir, eo, &written, &error), qPrintable(error));
        QCOMPARE(written.size(), 7);
        for (const QString &p : std::as_const(written)) {
            const QImage img(p);
            QCOMPARE(img.size(), QSize(1200, 700));
            QVERIFY2(distinctColours(img) > 30, qPrintable(p));
        }
        if (qEnvironmentVariableIsSet("ALLOCLAB_CHARTS_OUT")) {
            ChartsTab tab;
            tab.setOptions(o);
            tab.setSeriesSet(set);
            QVERIFY(tab.dashboardImage(QSize(800, 470), 1.0).save(dir + QStringLiteral("/dashboard.png")));
            ChartOptions up = o;
            up.timeBase = TimeBase::Uptime;
            ChartView v;
            v.setContent(charts::build(ChartKind::Timeseries, set, up));
            QVERIFY(chartexport::savePng(&v, dir + QStringLiteral("/memory_timeseries_uptime.png"),
                                         QSize(1200, 700), 1.0, &error));
            ChartOptions dark = o;
            dark.dark = true;
            ChartView d;
            d.setContent(charts::build(ChartKind::Timeseries, set, dark));
            QVERIFY(chartexport::savePng(&d, dir + QStringLiteral("/memory_timeseries_dark.png"),
                                         QSize(1200, 700), 1.0, &error));
        }
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
