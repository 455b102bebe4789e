#pragma once

#include <QPointF>
#include <QVector>

namespace alloclab::decimator {

// Per-pixel-column min/max decimation (the "M4" scheme): the visible x range [xMin, xMax] is
// cut into PIXELS columns; each column keeps its first, minimum, maximum and last point, in x
// order, so a line drawn through the result covers exactly the pixels the full line would.
// One point on each side outside the range is kept so lines reach the plot edges.
//
// POINTS must be sorted by x. Cost: O(log n) to find the visible range by binary search, then
// O(k) over the k visible points; the result has at most 4 * PIXELS + 2 points.
QVector<QPointF> minMax(const QVector<QPointF> &points, double xMin, double xMax, int pixels);

// Same, appending to OUT (cleared first) so callers can reuse one buffer per series.
void minMaxInto(const QVector<QPointF> &points, double xMin, double xMax, int pixels, QVector<QPointF> &out);

// The envelope of many lines (a dense view: hundreds of relays of one group): the visible x
// range cut into PIXELS columns, and for each column that has samples of any member the lowest
// and the highest value among them, at the column's centre. UPPER and LOWER (cleared first)
// get one point per such column, so a QAreaSeries between them covers where the lines are.
// The columns just outside the range are included so the band reaches the plot edges.
// Cost: O(k) over the k visible points of all members, plus O(PIXELS).
void envelopeInto(const QVector<QVector<QPointF>> &members, double xMin, double xMax, int pixels,
                  QVector<QPointF> &upper, QVector<QPointF> &lower);

// Precomputed per-bucket minima and maxima of an envelope's members over their whole x range,
// at BASE buckets and every halving down to a few buckets (a min/max pyramid), so a zoom step
// of a dense view reads O(pixels) buckets instead of every visible sample of every member.
struct EnvelopePyramid {
    double x0 = 0, x1 = 0; // the members' x range
    QVector<QVector<double>> lo, hi; // [level][bucket]; level 0 has the most buckets
    bool isEmpty() const { return lo.isEmpty(); }
};
EnvelopePyramid buildPyramid(const QVector<QVector<QPointF>> &members, int base = 16384);

// envelopeInto() from PYRAMID, at the coarsest level with at least two buckets per column;
// false (UPPER and LOWER untouched) when even the finest level is too coarse for the range:
// then scan the members (few samples are visible at that zoom).
bool envelopeFromPyramid(const EnvelopePyramid &pyramid, double xMin, double xMax, int pixels,
                         QVector<QPointF> &upper, QVector<QPointF> &lower);

// Index of the first point with x >= X (binary search); points.size() when none.
qsizetype lowerBound(const QVector<QPointF> &points, double x);

} // namespace alloclab::decimator
