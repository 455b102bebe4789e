#include "ui/charts/chartview.h"

#include "models/decimator.h"
#include "models/palette.h"
#include "ui/charts/chartbuilders.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsObject>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QPainter>
#include <QRubberBand>
#include <QScatterSeries>
#include <QSet>
#include <QSvgGenerator>
#include <QToolTip>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <cmath>
#include <limits>

namespace alloclab {

// Event markers (vertical lines with labels) and value annotations, drawn in the chart's own
// scene so they follow zoom and appear in PNG and SVG exports.
class ChartOverlay : public QGraphicsObject
{
public:
    ChartOverlay(QChart *chart, const ChartContent *content)
        : QGraphicsObject(chart)
        , m_chart(chart)
        , m_content(content)
    {
        setZValue(1000);
        setAcceptedMouseButtons(Qt::NoButton);
        setAcceptHoverEvents(false);
    }
    QRectF boundingRect() const override { return QRectF(QPointF(0, 0), m_chart->size()); }

    QFont legendFont() const
    {
        QFont f = m_chart->font();
        f.setPointSizeF(9.5);
        return f;
    }
    // Entries centred in rows at the bottom of the chart; the chart's bottom margin keeps room.
    QVector<QRectF> legendRects(const QSizeF &chartSize, int *rowsOut = nullptr) const
    {
        QVector<QRectF> rects;
        const QFontMetricsF fm(legendFont());
        const double h = fm.height() + 4, gap = 18, swatch = 14;
        QVector<QVector<int>> rows(1);
        QVector<double> widths(1, 0);
        for (int i = 0; i < m_content->legend.size(); ++i) {
            const double w = swatch + 6 + fm.horizontalAdvance(m_content->legend.at(i).name);
            if (widths.last() > 0 && widths.last() + gap + w > chartSize.width() - 24) {
                rows.append(QVector<int>());
                widths.append(0);
            }
            widths.last() += (widths.last() > 0 ? gap : 0) + w;
            rows.last().append(i);
        }
        rects.resize(m_content->legend.size());
        const double top = chartSize.height() - rows.size() * h - 6;
        for (int r = 0; r < rows.size(); ++r) {
            double x = (chartSize.width() - widths.at(r)) / 2;
            for (const int i : rows.at(r)) {
                const double w = swatch + 6 + fm.horizontalAdvance(m_content->legend.at(i).name);
                rects[i] = QRectF(x, top + r * h, w, h);
                x += w + gap;
            }
        }
        if (rowsOut)
            *rowsOut = m_content->legend.isEmpty() ? 0 : int(rows.size());
        return rects;
    }
    double legendHeight(const QSizeF &chartSize) const
    {
        int rows = 0;
        legendRects(chartSize, &rows);
        return rows == 0 ? 0 : rows * (QFontMetricsF(legendFont()).height() + 4) + 10;
    }
    void paintLegend(QPainter *painter)
    {
        const QVector<QRectF> rects = legendRects(m_chart->size());
        const QColor fg = palette::foregroundFor(m_content->background);
        painter->setFont(legendFont());
        for (int i = 0; i < rects.size(); ++i) {
            const ChartContent::LegendEntry &e = m_content->legend.at(i);
            const bool on = !e.series || e.series->isVisible();
            const QRectF r = rects.at(i);
            QColor c = e.colour;
            c.setAlphaF(on ? 1.0 : 0.25);
            painter->fillRect(QRectF(r.left(), r.center().y() - 6, 14, 12), c);
            QColor t = fg;
            t.setAlphaF(on ? 1.0 : 0.4);
            painter->setPen(t);
            painter->drawText(r.adjusted(20, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, e.name);
        }
    }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        if (m_content->showLegend)
            paintLegend(painter);
        const QRectF plot = m_chart->plotArea();
        if (!plot.isValid() || m_chart->series().isEmpty())
            return;
        QAbstractSeries *ref = m_chart->series().first();
        const QColor fg = palette::foregroundFor(m_content->background);
        QFont font = m_chart->font();
        font.setPointSizeF(font.pointSizeF() * 0.85);
        painter->setFont(font);
        const QFontMetricsF fm(font);
        painter->setClipRect(plot.adjusted(0, -2, 0, 2));

        // Markers close together share one line and one label, so labels never overlap.
        struct Line {
            double px;
            QStringList labels;
            QColor colour;
        };
        QVector<Line> lines;
        QVector<ChartContent::Marker> sorted = m_content->markers;
        std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.x < b.x; });
        for (const ChartContent::Marker &m : std::as_const(sorted)) {
            const double px = m_chart->mapToPosition(QPointF(m.x, 0), ref).x();
            if (px < plot.left() || px > plot.right())
                continue;
            if (!lines.isEmpty() && px - lines.last().px < fm.height() * 1.1) {
                if (!lines.last().labels.contains(m.label))
                    lines.last().labels << m.label;
                continue;
            }
            lines.append({ px, { m.label }, m.colour.isValid() ? m.colour : fg });
        }
        for (const Line &l : std::as_const(lines)) {
            QColor c = l.colour;
            c.setAlphaF(0.55);
            painter->setPen(QPen(c, 1, Qt::DashLine));
            painter->drawLine(QPointF(l.px, plot.top()), QPointF(l.px, plot.bottom()));
            const QString text
                = fm.elidedText(l.labels.join(QStringLiteral(" · ")), Qt::ElideRight, plot.height() * 0.6);
            painter->save();
            painter->translate(l.px + 2, plot.top() + 4);
            painter->rotate(90);
            // A veil behind the text keeps it readable where it crosses the data.
            QColor veil = m_content->background;
            veil.setAlphaF(0.75);
            painter->fillRect(QRectF(0, -fm.ascent() - 3, fm.horizontalAdvance(text) + 2, fm.height()), veil);
            c.setAlphaF(0.95);
            painter->setPen(c);
            painter->drawText(QPointF(0, -3), text);
            painter->restore();
        }

        painter->setClipping(false);
        QFont bold = m_chart->font();
        bold.setBold(true);
        painter->setFont(bold);
        const QFontMetricsF bfm(bold);
        for (const ChartContent::Annotation &a : m_content->annotations) {
            const QPointF p = m_chart->mapToPosition(a.value, ref);
            const double w = bfm.horizontalAdvance(a.text);
            const double x = (a.align & Qt::AlignLeft) ? p.x() + 4
                : (a.align & Qt::AlignRight)           ? p.x() - 4 - w
                                                       : p.x() - w / 2;
            const double y = (a.align & Qt::AlignVCenter) ? p.y() + (bfm.ascent() - bfm.descent()) / 2
                : (a.align & Qt::AlignTop)                ? p.y() + 6 + bfm.ascent()
                                                          : p.y() - 6;
            painter->setPen(a.colour.isValid() ? a.colour : fg);
            painter->drawText(QPointF(x, y), a.text);
        }
    }
    void refresh()
    {
        prepareGeometryChange();
        update();
    }

private:
    QChart *m_chart;
    const ChartContent *m_content;
};

// Paints the self-drawn tracks (dense views) from the view's decimated buffers: bands as one
// filled polygon with their edges, lines as polylines, with the pens and brushes of their
// (empty) series, mapped by the chart's own value-to-position transform. Part of the chart's
// scene, so exports (PNG and SVG) contain it.
class TrackPainter : public QGraphicsObject
{
public:
    TrackPainter(QChart *chart, const ChartView *view)
        : QGraphicsObject(chart)
        , m_chart(chart)
        , m_view(view)
    {
        setZValue(4.5); // above the grid and Qt Charts' series (4), below the legend (5)
        setAcceptedMouseButtons(Qt::NoButton);
    }
    QRectF boundingRect() const override { return QRectF(QPointF(0, 0), m_chart->size()); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const ChartContent &content = m_view->m_content;
        const QRectF plot = m_chart->plotArea();
        if (!plot.isValid())
            return;
        QAbstractSeries *ref = nullptr;
        for (const ChartContent::Track &t : content.tracks) {
            if (t.selfDrawn) {
                // A band's edges are not in the chart (its QAreaSeries is): map through that.
                ref = t.owner ? t.owner : t.series;
                break;
            }
        }
        if (!ref)
            return;
        // Linear axes: two mapped points give the whole transform.
        const QPointF a = m_chart->mapToPosition(QPointF(0, 0), ref);
        const QPointF b = m_chart->mapToPosition(QPointF(1e12, 1e3), ref);
        const double sx = (b.x() - a.x()) / 1e12, sy = (b.y() - a.y()) / 1e3;
        auto map = [&](const QVector<QPointF> &points, QPolygonF &out) {
            out.resize(points.size());
            for (qsizetype i = 0; i < points.size(); ++i)
                out[i] = QPointF(a.x() + points.at(i).x() * sx, a.y() + points.at(i).y() * sy);
        };
        painter->save();
        painter->setClipRect(plot);
        QPolygonF upper, lower, band;
        for (qsizetype i = 0; i < content.tracks.size(); ++i) {
            const ChartContent::Track &t = content.tracks.at(i);
            if (!t.selfDrawn || !t.isEnvelope() || !t.isVisible())
                continue;
            map(m_view->m_buffers.value(i), upper);
            map(m_view->m_lowerBuffers.value(i), lower);
            band = upper;
            for (qsizetype k = lower.size() - 1; k >= 0; --k)
                band.append(lower.at(k));
            const auto *area = qobject_cast<QAreaSeries *>(t.owner);
            painter->setPen(Qt::NoPen);
            painter->setBrush(area ? area->brush() : QBrush(t.series->pen().color()));
            // The fill's edges lie under the band's stroked edges: no need to antialias them,
            // and an aliased fill of a long polygon is several times cheaper.
            const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
            painter->setRenderHint(QPainter::Antialiasing, false);
            painter->drawPolygon(band);
            painter->setRenderHint(QPainter::Antialiasing, antialiased);
            painter->setBrush(Qt::NoBrush);
            painter->setPen(area ? area->pen() : t.series->pen());
            painter->drawPolyline(upper);
            painter->drawPolyline(lower);
        }
        for (qsizetype i = 0; i < content.tracks.size(); ++i) {
            const ChartContent::Track &t = content.tracks.at(i);
            if (!t.selfDrawn || t.isEnvelope() || !t.isVisible())
                continue;
            map(m_view->m_buffers.value(i), upper);
            painter->setPen(t.series->pen());
            painter->drawPolyline(upper);
        }
        painter->restore();
    }

private:
    QChart *m_chart;
    const ChartView *m_view;
};

bool ChartContent::Track::isVisible() const
{
    return owner ? owner->isVisible() : series->isVisible();
}

ChartView::ChartView(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::NoRubberBand); // our own: x only, plus pan and keys
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    m_redecimate.setSingleShot(true);
    m_redecimate.setInterval(40);
    connect(&m_redecimate, &QTimer::timeout, this, &ChartView::redecimateNow);
}

ChartView::~ChartView()
{
    // ~QChartView deletes the chart, which may still signal plot-area and range changes.
    if (QChart *c = chart()) {
        c->disconnect(this);
        const auto axes = c->axes();
        for (QAbstractAxis *a : axes)
            a->disconnect(this);
    }
    m_overlay = nullptr;
    m_trackPainter = nullptr;
}

// Category labels wider than their slot are elided by Qt Charts to "…" (bins and groups in a
// dashboard tile). Try a smaller font, then the group letter alone; wide views keep the full text.
static void fitCategoryLabels(QChart *chart, qreal width)
{
    if (!chart || width <= 0)
        return;
    const auto axes = chart->axes(Qt::Horizontal);
    for (QAbstractAxis *axis : axes) {
        auto *categories = qobject_cast<QBarCategoryAxis *>(axis);
        if (!categories || categories->count() == 0)
            continue;
        if (!categories->property("alloclabFullCategories").isValid()) {
            categories->setProperty("alloclabFullCategories", categories->categories());
            categories->setProperty("alloclabFullFont", categories->labelsFont());
        }
        const QStringList full = categories->property("alloclabFullCategories").toStringList();
        const QFont fullFont = categories->property("alloclabFullFont").value<QFont>();
        // The plot area is laid out after this call: estimate it (the y axis takes ~90 px).
        const qreal slot = std::max(1.0, width - 90) / qreal(full.size()) * 0.9;
        const auto fits = [slot](const QStringList &labels, const QFont &font) {
            const QFontMetricsF fm(font);
            for (const QString &label : labels) {
                if (fm.horizontalAdvance(label) + fm.averageCharWidth() > slot)
                    return false;
            }
            return true;
        };
        QFont small = fullFont;
        small.setPointSizeF(std::max(6.0, fullFont.pointSizeF() * 0.8));
        QStringList labels = full;
        QFont font = fullFont;
        if (!fits(full, fullFont)) {
            font = small;
            if (!fits(full, small)) {
                QStringList letters;
                for (const QString &label : full) {
                    const qsizetype dot = label.indexOf(QStringLiteral(" \u00b7 "));
                    letters << (dot > 0 ? label.left(dot) : label);
                }
                // Only while the short forms stay distinct. Bins stay elided: Qt Charts cuts each
                // label to its own slot, whatever room its neighbours leave.
                if (letters != full && letters.size() == QSet<QString>(letters.begin(), letters.end()).size())
                    labels = letters;
            }
        }
        if (categories->categories() != labels)
            categories->setCategories(labels);
        if (categories->labelsFont() != font)
            categories->setLabelsFont(font);
    }
}

void ChartView::setContent(ChartContent content)
{
    QChart *old = chart();
    m_content = std::move(content);
    m_highlighted = -1;
    setChart(m_content.chart);
    fitCategoryLabels(m_content.chart, width());
    if (old && old != m_content.chart) {
        old->disconnect(this);
        const auto axes = old->axes();
        for (QAbstractAxis *a : axes)
            a->disconnect(this);
        delete old;
    }
    m_overlay = new ChartOverlay(m_content.chart, &m_content);
    m_trackPainter = nullptr;
    for (const ChartContent::Track &t : std::as_const(m_content.tracks)) {
        if (t.selfDrawn) {
            m_trackPainter = new TrackPainter(m_content.chart, this);
            break;
        }
    }
    connect(m_content.chart, &QChart::plotAreaChanged, this, [this] { m_overlay->refresh(); });
    const auto axes = m_content.chart->axes(Qt::Horizontal);
    for (QAbstractAxis *axis : axes) {
        if (auto *dt = qobject_cast<QDateTimeAxis *>(axis))
            connect(dt, &QDateTimeAxis::rangeChanged, this, [this](const QDateTime &a, const QDateTime &b) {
                scheduleRedecimate();
                m_overlay->refresh();
                Q_EMIT xRangeChanged(double(a.toMSecsSinceEpoch()), double(b.toMSecsSinceEpoch()));
            });
        else if (auto *va = qobject_cast<QValueAxis *>(axis))
            connect(va, &QValueAxis::rangeChanged, this, [this](qreal a, qreal b) {
                scheduleRedecimate();
                m_overlay->refresh();
                Q_EMIT xRangeChanged(a, b);
            });
    }
    buildLegend();
    connectHovers();
    buildPyramids();
    // The first paint already gets decimated data.
    if (m_content.zoomable)
        setXRange(m_content.homeMin, m_content.homeMax);
    else
        redecimateNow();
}

void ChartView::buildPyramids()
{
    for (ChartContent::Track &t : m_content.tracks) {
        if (t.isEnvelope())
            t.pyramid = decimator::buildPyramid(t.members);
    }
}

void ChartView::updateContent(ChartContent content)
{
    bool same = content.tracks.size() == m_content.tracks.size() && content.zoomable == m_content.zoomable
        && content.uptime == m_content.uptime && content.unit == m_content.unit;
    for (qsizetype i = 0; same && i < content.tracks.size(); ++i)
        same = content.tracks.at(i).group == m_content.tracks.at(i).group
            && content.tracks.at(i).selfDrawn == m_content.tracks.at(i).selfDrawn
            && content.tracks.at(i).isEnvelope() == m_content.tracks.at(i).isEnvelope();
    if (!same || !m_content.zoomable) {
        setContent(std::move(content));
        return;
    }
    // Keep the user's zoom unless it showed everything: then follow the new data.
    const auto [min, max] = xRange();
    const bool wasHome = min <= m_content.homeMin && max >= m_content.homeMax;
    for (qsizetype i = 0; i < content.tracks.size(); ++i) {
        m_content.tracks[i].points = std::move(content.tracks[i].points);
        m_content.tracks[i].members = std::move(content.tracks[i].members);
        m_content.tracks[i].what = content.tracks.at(i).what;
        // A line's style depends on its group only: another relay (e.g. a new largest one in a
        // dense view) takes the same series.
        m_content.tracks[i].relay = content.tracks.at(i).relay;
    }
    m_content.markers = std::move(content.markers);
    m_content.annotations = std::move(content.annotations);
    m_content.homeMin = content.homeMin;
    m_content.homeMax = content.homeMax;
    delete content.chart; // only its data was wanted
    buildPyramids();
    if (wasHome)
        setXRange(m_content.homeMin, m_content.homeMax);
    else
        scheduleRedecimate();
}

QPair<double, double> ChartView::xRange() const
{
    if (!chart())
        return { 0, 0 };
    const auto axes = chart()->axes(Qt::Horizontal);
    for (QAbstractAxis *axis : axes) {
        if (auto *dt = qobject_cast<QDateTimeAxis *>(axis))
            return { double(dt->min().toMSecsSinceEpoch()), double(dt->max().toMSecsSinceEpoch()) };
        if (auto *va = qobject_cast<QValueAxis *>(axis))
            return { va->min(), va->max() };
    }
    return { 0, 0 };
}

void ChartView::setXRange(double min, double max)
{
    if (!chart() || !(max > min))
        return;
    if (m_content.zoomable) {
        const QPair<double, double> range(min, max);
        redecimate(&range); // decimated for the new range before Qt Charts sees it
        return;
    }
    setAxisRange(min, max);
    updateTimeFormat();
}

void ChartView::setAxisRange(double min, double max)
{
    const auto axes = chart()->axes(Qt::Horizontal);
    for (QAbstractAxis *axis : axes) {
        if (auto *dt = qobject_cast<QDateTimeAxis *>(axis))
            dt->setRange(QDateTime::fromMSecsSinceEpoch(qint64(min)),
                         QDateTime::fromMSecsSinceEpoch(qint64(max)));
        else if (auto *va = qobject_cast<QValueAxis *>(axis))
            va->setRange(min, max);
    }
}

void ChartView::resetZoom()
{
    if (m_content.zoomable)
        setXRange(m_content.homeMin, m_content.homeMax);
}

void ChartView::applyPreset(Preset p)
{
    if (!m_content.zoomable)
        return;
    if (p == All) {
        resetZoom();
        return;
    }
    // Uptime axes are in days, wall clock in ms.
    const double day = m_content.uptime ? 1.0 : 24.0 * 3600 * 1000;
    const double span = p == Day ? day : 7 * day;
    const double max = m_content.homeMax;
    setXRange(std::max(m_content.homeMin, max - span), max);
}

void ChartView::zoomBy(double factor, double anchorX)
{
    const auto [min, max] = xRange();
    double newMin = anchorX - (anchorX - min) * factor;
    double newMax = anchorX + (max - anchorX) * factor;
    const double home = m_content.homeMax - m_content.homeMin;
    if (newMax - newMin > home) {
        newMin = m_content.homeMin;
        newMax = m_content.homeMax;
    }
    const double minimum = m_content.uptime ? 1.0 / 24 / 60 : 60 * 1000.0; // one minute
    if (newMax - newMin < minimum)
        return;
    setXRange(newMin, newMax);
}

void ChartView::panBy(double fraction)
{
    auto [min, max] = xRange();
    double shift = (max - min) * fraction;
    // Stay within the data (plus the width of the view).
    shift = std::clamp(shift, m_content.homeMin - min, m_content.homeMax - max);
    if (shift != 0)
        setXRange(min + shift, max + shift);
}

double ChartView::xAtViewPos(const QPoint &p) const
{
    if (!chart() || chart()->series().isEmpty())
        return 0;
    return chart()->mapToValue(mapToScene(p), chart()->series().first()).x();
}

QString ChartView::formatX(double x) const
{
    if (m_content.uptime)
        return tr("%1 d since start").arg(x, 0, 'f', 2);
    return QDateTime::fromMSecsSinceEpoch(qint64(x)).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString ChartView::formatY(double y) const
{
    return QStringLiteral("%1 %2").arg(y, 0, 'f', y < 10 ? 2 : 1).arg(m_content.unit);
}

QString ChartView::tooltipAt(const QPoint &viewPos, int radius, int *trackIndex) const
{
    if (trackIndex)
        *trackIndex = -1;
    if (!chart() || m_content.tracks.isEmpty())
        return {};
    const QPointF scenePos = mapToScene(viewPos);
    if (!chart()->plotArea().adjusted(-radius, -radius, radius, radius).contains(scenePos))
        return {};
    double best = double(radius) * radius;
    int bestTrack = -1;
    QPointF bestPoint;
    for (int t = 0; t < m_content.tracks.size(); ++t) {
        const ChartContent::Track &track = m_content.tracks.at(t);
        if (!track.isVisible() || track.points.isEmpty())
            continue;
        // Only points within RADIUS pixels in x can win: search that x window.
        const double x0 = chart()->mapToValue(scenePos - QPointF(radius, 0), track.series).x();
        const double x1 = chart()->mapToValue(scenePos + QPointF(radius, 0), track.series).x();
        qsizetype i = decimator::lowerBound(track.points, std::min(x0, x1));
        for (; i < track.points.size() && track.points.at(i).x() <= std::max(x0, x1); ++i) {
            const QPointF p = chart()->mapToPosition(track.points.at(i), track.series);
            const double d = (p.x() - scenePos.x()) * (p.x() - scenePos.x())
                + (p.y() - scenePos.y()) * (p.y() - scenePos.y());
            if (d < best) {
                best = d;
                bestTrack = t;
                bestPoint = track.points.at(i);
            }
        }
    }
    if (bestTrack < 0)
        return {};
    if (trackIndex)
        *trackIndex = bestTrack;
    const ChartContent::Track &track = m_content.tracks.at(bestTrack);
    QStringList lines;
    lines << formatX(bestPoint.x()) << formatY(bestPoint.y());
    if (!track.relay.isEmpty())
        lines << tr("relay %1").arg(track.relay);
    if (!track.group.isEmpty())
        lines << tr("group %1 (%2)").arg(track.group, track.what);
    else if (!track.what.isEmpty())
        lines << track.what;
    return lines.join(QLatin1Char('\n'));
}

void ChartView::toggleSeries(QAbstractSeries *series)
{
    const bool visible = !series->isVisible();
    series->setVisible(visible);
    const auto linked = m_content.linked.values(series);
    for (QAbstractSeries *s : linked)
        s->setVisible(visible);
    if (m_overlay)
        m_overlay->update(); // the legend dims the entry
    scheduleRedecimate();
}

void ChartView::buildLegend()
{
    QChart *c = m_content.chart;
    c->legend()->setVisible(false);
    if (m_content.legend.isEmpty()) {
        QSet<QAbstractSeries *> followers;
        for (auto it = m_content.linked.cbegin(); it != m_content.linked.cend(); ++it)
            followers.insert(it.value());
        const auto all = c->series();
        for (QAbstractSeries *s : all) {
            if (followers.contains(s))
                continue;
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
                if (m_content.legendBarSets) {
                    const auto sets = bars->barSets();
                    for (QBarSet *set : sets)
                        m_content.legend.append({ set->label(), set->color(), nullptr });
                }
                continue;
            }
            if (s->name().isEmpty())
                continue;
            QColor colour;
            if (auto *area = qobject_cast<QAreaSeries *>(s))
                colour = area->brush().color();
            else if (auto *scatter = qobject_cast<QScatterSeries *>(s))
                colour = scatter->color();
            else if (auto *xy = qobject_cast<QXYSeries *>(s))
                colour = xy->pen().color();
            colour.setAlphaF(1.0);
            m_content.legend.append({ s->name(), colour, s });
        }
    }
    if (!m_content.showLegend)
        m_content.legend.clear();
    updateLegendMargin(QSizeF(std::max(400, width()), 400));
}

void ChartView::updateLegendMargin(const QSizeF &chartSize)
{
    // Room for our legend under the axes.
    QMargins margins = chart()->margins();
    margins.setBottom(4 + int(m_overlay->legendHeight(chartSize)));
    chart()->setMargins(margins);
}

QRectF ChartView::legendEntryRect(int i) const
{
    if (!m_overlay || !chart())
        return {};
    return m_overlay->legendRects(chart()->size()).value(i);
}

void ChartView::connectHovers()
{
    const auto series = chart()->series();
    for (QAbstractSeries *s : series) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
            connect(bars, &QAbstractBarSeries::hovered, this, [this](bool status, int index, QBarSet *set) {
                if (!status || set->at(index) == 0) {
                    QToolTip::hideText();
                    return;
                }
                const auto cats = chart()->axes(Qt::Horizontal);
                QString category;
                if (!cats.isEmpty()) {
                    if (auto *ca = qobject_cast<QBarCategoryAxis *>(cats.first()))
                        category = ca->at(index);
                }
                QToolTip::showText(QCursor::pos(),
                                   QStringLiteral("%1\n%2\n%3")
                                       .arg(set->label(),
                                            category.replace(QLatin1Char('\n'), QLatin1Char(' ')),
                                            formatY(set->at(index))),
                                   this);
            });
        } else if (auto *box = qobject_cast<QBoxPlotSeries *>(s)) {
            connect(box, &QBoxPlotSeries::hovered, this, [this](bool status, QBoxSet *set) {
                if (!status) {
                    QToolTip::hideText();
                    return;
                }
                QToolTip::showText(QCursor::pos(),
                                   tr("%1\nupper whisker %2\nQ3 %3\nmedian %4\nQ1 %5\nlower whisker %6")
                                       .arg(set->label(), formatY(set->at(QBoxSet::UpperExtreme)),
                                            formatY(set->at(QBoxSet::UpperQuartile)),
                                            formatY(set->at(QBoxSet::Median)),
                                            formatY(set->at(QBoxSet::LowerQuartile)),
                                            formatY(set->at(QBoxSet::LowerExtreme))),
                                   this);
            });
        }
    }
}

void ChartView::highlight(int trackIndex)
{
    if (trackIndex == m_highlighted)
        return;
    auto setWidth = [this](int t, qreal factor) {
        if (t < 0 || t >= m_content.tracks.size() || !m_content.tracks.at(t).highlightOnHover)
            return;
        QXYSeries *s = m_content.tracks.at(t).series;
        QPen pen = s->pen();
        pen.setWidthF(pen.widthF() * factor);
        QColor c = pen.color();
        c.setAlphaF(factor > 1 ? 1.0 : 0.55);
        pen.setColor(c);
        s->setPen(pen);
    };
    setWidth(m_highlighted, 1.0 / 3.0);
    m_highlighted = trackIndex;
    setWidth(m_highlighted, 3.0);
    if (m_trackPainter)
        m_trackPainter->update();
}

void ChartView::scheduleRedecimate()
{
    if (!m_redecimate.isActive())
        m_redecimate.start();
}

void ChartView::redecimateNow()
{
    redecimate(nullptr);
}

void ChartView::redecimate(const QPair<double, double> *newX)
{
    if (!chart()) {
        m_redecimate.stop();
        return;
    }
    const auto [min, max] = newX ? *newX
        : m_content.zoomable     ? xRange()
                                 : QPair<double, double>(-1e300, 1e300);
    const int width = m_decimateWidth > 0
        ? m_decimateWidth
        : std::max(
            50,
            int(chart()->plotArea().width() > 0 ? chart()->plotArea().width() : double(viewport()->width())));
    const qsizetype n = m_content.tracks.size();
    m_buffers.resize(n);
    m_lowerBuffers.resize(n);
    qsizetype drawn = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const ChartContent::Track &t = m_content.tracks.at(i);
        const int columns = std::max(1, int(width * t.columnsPerPixel));
        if (t.isEnvelope()) {
            if (!decimator::envelopeFromPyramid(t.pyramid, min, max, columns, m_buffers[i],
                                                m_lowerBuffers[i]))
                decimator::envelopeInto(t.members, min, max, columns, m_buffers[i], m_lowerBuffers[i]);
            drawn += m_lowerBuffers.at(i).size();
        } else if (m_content.zoomable) {
            decimator::minMaxInto(t.points, min, max, columns, m_buffers[i]);
        } else {
            m_buffers[i] = t.points;
        }
        drawn += m_buffers.at(i).size();
    }
    const bool yChanges = fitY(min, max, false);
    if (newX || yChanges) {
        for (const ChartContent::Track &t : std::as_const(m_content.tracks)) {
            if (t.selfDrawn)
                continue;
            if (t.series->count() > 0)
                t.series->clear();
            if (t.lower && t.lower->count() > 0)
                t.lower->clear();
        }
    }
    if (newX) {
        setAxisRange(min, max);
        updateTimeFormat();
    }
    if (yChanges)
        fitY(min, max, true);
    for (qsizetype i = 0; i < n; ++i) {
        const ChartContent::Track &t = m_content.tracks.at(i);
        if (t.selfDrawn)
            continue;
        if (t.lower)
            t.lower->replace(m_lowerBuffers.at(i));
        t.series->replace(m_buffers.at(i));
        ++m_replaceCount;
    }
    if (m_trackPainter) {
        ++m_replaceCount; // the self-drawn tracks got their new points
        m_trackPainter->update();
    }
    // Antialiased strokes of hundreds of thousands of segments cost seconds on the raster
    // engine; on screen, dense views draw aliased (exports set their own hints and keep it).
    setRenderHint(QPainter::Antialiasing, drawn < 50000);
    m_redecimate.stop(); // the axis signals above asked for another pass: this was it
    if (m_overlay)
        m_overlay->refresh();
}

bool ChartView::fitY(double min, double max, bool apply)
{
    if (!m_content.zoomable || m_content.tracks.isEmpty())
        return false;
    const auto axes = chart()->axes(Qt::Vertical);
    auto *ya = axes.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axes.first());
    if (!ya)
        return false;
    if (apply) {
        const double step = m_fitStep;
        ya->setRange(m_fitLo, m_fitHi);
        ya->setTickInterval(step);
        ya->setTickAnchor(0);
        ya->setTickType(QValueAxis::TicksDynamic);
        ya->setLabelFormat(charts::labelFormatFor(step));
        return true;
    }
    double hi = std::numeric_limits<double>::lowest(), lo = std::numeric_limits<double>::max();
    for (qsizetype i = 0; i < m_content.tracks.size(); ++i) {
        const ChartContent::Track &t = m_content.tracks.at(i);
        if (!t.isVisible())
            continue;
        auto scan = [&](const QVector<QPointF> &points) {
            for (qsizetype k = decimator::lowerBound(points, min);
                 k < points.size() && points.at(k).x() <= max; ++k) {
                hi = std::max(hi, points.at(k).y());
                lo = std::min(lo, points.at(k).y());
            }
        };
        scan(t.points);
        if (t.isEnvelope()) {
            // The band's edges are already reduced to one point per column: scanning them
            // instead of every member's samples keeps a zoom step cheap.
            scan(m_buffers.value(i));
            scan(m_lowerBuffers.value(i));
        }
    }
    if (hi < lo)
        return false;
    hi = std::max(hi, (m_content.yFromZero ? 0.0 : lo) + 1e-6);
    const double bottom = m_content.yFromZero ? 0.0 : lo;
    const double step = stats::niceStep(std::max(hi - bottom, 1e-9), 5);
    m_fitStep = step;
    m_fitLo = m_content.yFromZero ? 0.0 : std::floor(lo / step) * step;
    m_fitHi = std::ceil(hi * 1.04 / step) * step;
    return m_fitLo != ya->min() || m_fitHi != ya->max() || ya->tickType() != QValueAxis::TicksDynamic
        || ya->tickInterval() != step;
}

void ChartView::updateTimeFormat()
{
    const auto axes = chart()->axes(Qt::Horizontal);
    for (QAbstractAxis *axis : axes) {
        if (auto *dt = qobject_cast<QDateTimeAxis *>(axis)) {
            const qint64 span = dt->max().toMSecsSinceEpoch() - dt->min().toMSecsSinceEpoch();
            dt->setFormat(span > 4LL * 24 * 3600 * 1000   ? QStringLiteral("MMM d")
                              : span > 24LL * 3600 * 1000 ? QStringLiteral("MMM d HH:mm")
                                                          : QStringLiteral("HH:mm"));
        } else if (auto *va = qobject_cast<QValueAxis *>(axis)) {
            // Uptime in days: about eight ticks whatever the zoom.
            const double step = std::max(1.0 / 24, stats::niceStep(va->max() - va->min(), 8));
            va->setTickInterval(step);
            va->setLabelFormat(charts::labelFormatFor(step));
        }
    }
}

void ChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_overlay && m_content.showLegend) {
        const QPointF scenePos = mapToScene(event->pos());
        const QVector<QRectF> rects = m_overlay->legendRects(chart()->size());
        for (int i = 0; i < rects.size(); ++i) {
            if (rects.at(i).contains(scenePos) && m_content.legend.at(i).series) {
                toggleSeries(m_content.legend.at(i).series);
                event->accept();
                return;
            }
        }
    }
    if (!m_content.zoomable) {
        QChartView::mousePressEvent(event);
        return;
    }
    m_pressPos = event->pos();
    if (event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier))) {
        m_panning = true;
        std::tie(m_panStartMin, m_panStartMax) = xRange();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_selecting = true;
        if (!m_rubberBand)
            m_rubberBand = new QRubberBand(QRubberBand::Rectangle, viewport());
        const QRectF plot = mapFromScene(chart()->plotArea()).boundingRect();
        m_rubberBand->setGeometry(QRect(m_pressPos.x(), int(plot.top()), 0, int(plot.height())));
        m_rubberBand->show();
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const double plotWidth = chart()->plotArea().width();
        if (plotWidth > 0) {
            const double dx
                = double(event->pos().x() - m_pressPos.x()) / plotWidth * (m_panStartMax - m_panStartMin);
            double shift
                = std::clamp(-dx, m_content.homeMin - m_panStartMin, m_content.homeMax - m_panStartMax);
            setXRange(m_panStartMin + shift, m_panStartMax + shift);
        }
        return;
    }
    if (m_selecting && m_rubberBand) {
        const QRectF plot = mapFromScene(chart()->plotArea()).boundingRect();
        const int x0
            = std::clamp(std::min(m_pressPos.x(), event->pos().x()), int(plot.left()), int(plot.right()));
        const int x1
            = std::clamp(std::max(m_pressPos.x(), event->pos().x()), int(plot.left()), int(plot.right()));
        m_rubberBand->setGeometry(QRect(x0, int(plot.top()), x1 - x0, int(plot.height())));
        return;
    }
    int track = -1;
    const QString text = tooltipAt(event->pos(), 24, &track);
    highlight(track);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
    QChartView::mouseMoveEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        return;
    }
    if (m_selecting) {
        m_selecting = false;
        const QRect r = m_rubberBand->geometry();
        m_rubberBand->hide();
        if (r.width() >= 4) {
            const double a = xAtViewPos(r.topLeft()), b = xAtViewPos(r.topRight());
            setXRange(std::min(a, b), std::max(a, b));
        }
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void ChartView::wheelEvent(QWheelEvent *event)
{
    if (!m_content.zoomable) {
        QChartView::wheelEvent(event);
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomBy(std::pow(0.8, steps), xAtViewPos(event->position().toPoint()));
    event->accept();
}

void ChartView::keyPressEvent(QKeyEvent *event)
{
    if (m_content.zoomable) {
        switch (event->key()) {
        case Qt::Key_Left:
            panBy(-0.1);
            return;
        case Qt::Key_Right:
            panBy(0.1);
            return;
        case Qt::Key_Plus:
        case Qt::Key_Equal: {
            const auto [min, max] = xRange();
            zoomBy(0.8, (min + max) / 2);
            return;
        }
        case Qt::Key_Minus: {
            const auto [min, max] = xRange();
            zoomBy(1.25, (min + max) / 2);
            return;
        }
        case Qt::Key_Home:
        case Qt::Key_Escape:
            resetZoom();
            return;
        default:
            break;
        }
    }
    QChartView::keyPressEvent(event);
}

void ChartView::resizeEvent(QResizeEvent *event)
{
    if (chart() && m_overlay)
        updateLegendMargin(QSizeF(event->size()));
    fitCategoryLabels(chart(), event->size().width());
    QChartView::resizeEvent(event);
    scheduleRedecimate();
}

void ChartView::leaveEvent(QEvent *event)
{
    highlight(-1);
    QChartView::leaveEvent(event);
}

void ChartView::renderInto(QPainter *painter, const QRectF &target, bool restore)
{
    QChart *c = chart();
    const QRectF old = c->geometry();
    const QSizeF size = target.size();
    c->setGeometry(QRectF(QPointF(0, 0), size));
    updateLegendMargin(size);
    fitCategoryLabels(c, size.width());
    // The chart lays itself out on a posted LayoutRequest; do it now for the new size.
    if (QGraphicsLayout *layout = c->layout())
        layout->activate();
    m_decimateWidth = std::max(50, int(c->plotArea().width()));
    redecimateNow();
    scene()->render(painter, target, QRectF(QPointF(0, 0), size));
    m_decimateWidth = 0;
    if (!restore)
        return;
    c->setGeometry(old);
    updateLegendMargin(old.size());
    fitCategoryLabels(c, old.width());
    if (QGraphicsLayout *layout = c->layout())
        layout->activate();
    redecimateNow();
}

QImage ChartView::renderImage(const QSize &logicalSize, qreal dpr, bool restore)
{
    QImage image(QSize(qRound(logicalSize.width() * dpr), qRound(logicalSize.height() * dpr)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(m_content.background);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    renderInto(&painter, QRectF(QPointF(0, 0), QSizeF(logicalSize)), restore);
    painter.end();
    return image;
}

bool ChartView::renderSvg(const QString &path, const QSize &logicalSize, const QString &title, QString *error,
                          bool restore)
{
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(logicalSize);
    svg.setViewBox(QRect(QPoint(0, 0), logicalSize));
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("AllocLab"));
    QPainter painter;
    if (!painter.begin(&svg)) {
        if (error)
            *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(logicalSize)), m_content.background);
    renderInto(&painter, QRectF(QPointF(0, 0), QSizeF(logicalSize)), restore);
    painter.end();
    return true;
}

} // namespace alloclab
