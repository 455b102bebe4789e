#pragma once

#include "models/decimator.h"
#include "models/seriesset.h"

#include <QChartView>
#include <QPointer>
#include <QTimer>

class QRubberBand;
class QAbstractSeries;
class QXYSeries;
class QLegendMarker;

namespace alloclab {

class ChartOverlay;
class TrackPainter;

// What a chart builder hands to a ChartView: the chart, the full-resolution data of every
// line that is decimated on zoom (and searched for tooltips), and how to label values.
struct ChartContent {
    struct Track {
        QXYSeries *series = nullptr; // owned by the chart
        QAbstractSeries *owner = nullptr; // the series in the chart when SERIES is a band edge
        QVector<QPointF> points; // full resolution, display units (x: epoch ms or days, y: unit)
        QString relay; // empty for group aggregates
        QString group;
        QString what; // "mean", "relay", "total", ...
        bool highlightOnHover = false;
        // Envelope tracks (dense views): SERIES is the upper and LOWER the lower edge of a
        // QAreaSeries (OWNER) covering MEMBERS, recomputed per pixel column on every zoom.
        // POINTS stays empty (no tooltips on a band).
        QXYSeries *lower = nullptr;
        QVector<QVector<QPointF>> members;
        decimator::EnvelopePyramid pyramid; // of MEMBERS, built by the view
        bool isEnvelope() const { return lower != nullptr; }
        // Decimation columns per pixel: 1 keeps every pixel exact (first/min/max/last per
        // column); dense views use 0.5 for their few lines, since Qt Charts' cost per point
        // (path, hover shape) dominates a zoom step there.
        double columnsPerPixel = 1.0;
        // Drawn by the view (one QPainter pass over the decimated points) instead of handing
        // the points to SERIES, which stays empty but keeps the axes, the pen, the visibility
        // and the legend: Qt Charts strokes every series' whole path on each change (for hit
        // tests), which is most of a zoom step of a dense view.
        bool selfDrawn = false;
        bool isVisible() const;
    };
    struct Marker {
        double x = 0; // display units
        QString label;
        QColor colour;
    };
    struct Annotation {
        QPointF value; // display units; for category charts x is the category index
        QString text;
        QColor colour;
        // Where the text sits relative to VALUE: centred above it (default), or e.g.
        // AlignLeft|AlignVCenter for a label right of the point at its height.
        Qt::Alignment align = Qt::AlignHCenter | Qt::AlignBottom;
    };

    struct LegendEntry {
        QString name;
        QColor colour;
        QAbstractSeries *series = nullptr; // what a click toggles; null = not clickable
    };

    QChart *chart = nullptr;
    QVector<Track> tracks;
    // Drawn by the view (QLegend in Qt 6.4 keeps room for hidden markers, which squeezes the
    // labels of charts with hundreds of series). Empty: derived from the named series.
    QVector<LegendEntry> legend;
    bool showLegend = true;
    bool legendBarSets = true; // bar sets get (non-clickable) entries
    QVector<Marker> markers;
    QVector<Annotation> annotations;
    // Series that follow another's visibility when its legend marker is clicked (bands, caps).
    QMultiHash<QAbstractSeries *, QAbstractSeries *> linked;
    bool zoomable = false; // x is time (wall clock or uptime) and can be zoomed and panned
    bool uptime = false; // x in days since each relay's start, else epoch ms
    double homeMin = 0, homeMax = 1; // the full x range (reset)
    double unitDivisor = 1; // kB per display unit
    QString unit; // "GiB"
    bool yFromZero = true;
    QColor background = Qt::white;
};

// A QChartView with the interaction the Charts tab needs: rubber-band zoom on x, wheel zoom,
// pan by drag (middle button or Shift+left) and arrow keys, reset (Home/Escape), presets,
// nearest-point tooltips, legend toggling, and re-decimation of every track to the plot width
// whenever the x range or the size changes (coalesced: one replace() per series per 40 ms).
class ChartView : public QChartView
{
    Q_OBJECT
public:
    enum Preset { Day, Week, All };

    explicit ChartView(QWidget *parent = nullptr);
    ~ChartView() override;

    // Takes ownership of CONTENT.chart (the previous chart is deleted).
    void setContent(ChartContent content);
    // Live update: new full-resolution points for the same tracks (same order) without
    // rebuilding the chart; falls back to setContent when the structure changed.
    void updateContent(ChartContent content);
    const ChartContent &content() const { return m_content; }

    QPair<double, double> xRange() const;
    void setXRange(double min, double max);
    void resetZoom();
    void applyPreset(Preset p);
    void zoomBy(double factor, double anchorX); // factor < 1 zooms in
    void panBy(double fraction); // of the visible width, positive = later

    // Nearest track point to VIEWPOS within RADIUS pixels: the tooltip text, empty if none.
    QString tooltipAt(const QPoint &viewPos, int radius = 24, int *trackIndex = nullptr) const;
    QString formatX(double x) const;
    QString formatY(double y) const;

    // Toggles the series behind MARKER (and its linked series); what a legend click does.
    void toggleSeries(QAbstractSeries *series);

    // Renders at LOGICALSIZE into an image with DPR device pixels per logical pixel, the
    // decimation done for that width; the view is restored afterwards.
    // RESTORE false: the view is thrown away afterwards (batch exports), so the chart keeps
    // the export's layout and data instead of being laid out and decimated again.
    QImage renderImage(const QSize &logicalSize, qreal dpr = 1.0, bool restore = true);
    bool renderSvg(const QString &path, const QSize &logicalSize, const QString &title, QString *error,
                   bool restore = true);
    void renderInto(QPainter *painter, const QRectF &target, bool restore = true);

    // Legend entry I in scene coordinates (hit area of a click), for the current chart size.
    QRectF legendEntryRect(int i) const;

    // Re-decimates now (tests, export); normally done by the coalescing timer.
    void redecimateNow();
    int replaceCount() const { return m_replaceCount; }
    // What track I shows after the last decimation (for a band: its upper and lower edge).
    QVector<QPointF> decimatedPoints(int track) const { return m_buffers.value(track); }
    QVector<QPointF> decimatedLower(int track) const { return m_lowerBuffers.value(track); }

Q_SIGNALS:
    void xRangeChanged(double min, double max);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void scheduleRedecimate();
    void buildLegend();
    void updateLegendMargin(const QSizeF &chartSize);
    void connectHovers();
    void highlight(int trackIndex);
    // Decimates every track for the x range NEWX (null: the current one), fits y to what is
    // visible, and hands the points to the series. Qt Charts strokes a series' whole path
    // (QPainterPathStroker, for hit tests) on every replace() AND on every axis range change,
    // so the series are emptied before the axes move: each series is stroked once per step.
    void redecimate(const QPair<double, double> *newX);
    bool fitY(double min, double max, bool apply); // true if the y axis changes
    void buildPyramids();
    void updateTimeFormat();
    void setAxisRange(double min, double max);
    double xAtViewPos(const QPoint &p) const;

    ChartContent m_content;
    QTimer m_redecimate;
    QRubberBand *m_rubberBand = nullptr;
    ChartOverlay *m_overlay = nullptr;
    TrackPainter *m_trackPainter = nullptr; // child of the chart; null without self-drawn tracks
    friend class TrackPainter;
    QPoint m_pressPos;
    bool m_selecting = false;
    bool m_panning = false;
    double m_panStartMin = 0, m_panStartMax = 0;
    int m_highlighted = -1;
    int m_replaceCount = 0;
    int m_decimateWidth = 0; // override for exports; 0 = the plot width
    QVector<QVector<QPointF>> m_buffers; // per track, reused
    QVector<QVector<QPointF>> m_lowerBuffers;
    double m_fitLo = 0, m_fitHi = 0, m_fitStep = 1; // y range computed by fitY(apply = false)
};

} // namespace alloclab
