#include "models/decimator.h"

#include <algorithm>
#include <limits>

namespace alloclab::decimator {

qsizetype lowerBound(const QVector<QPointF> &points, double x)
{
    const auto it = std::lower_bound(points.cbegin(), points.cend(), x,
                                     [](const QPointF &p, double v) { return p.x() < v; });
    return qsizetype(it - points.cbegin());
}

void minMaxInto(const QVector<QPointF> &points, double xMin, double xMax, int pixels, QVector<QPointF> &out)
{
    out.clear();
    const qsizetype n = points.size();
    if (n == 0 || pixels <= 0 || !(xMax > xMin))
        return;
    qsizetype begin = lowerBound(points, xMin);
    qsizetype end = lowerBound(points, xMax);
    while (end < n && points.at(end).x() <= xMax)
        ++end;
    // One neighbour outside on each side, so the line continues to the plot edge.
    if (begin > 0)
        --begin;
    if (end < n)
        ++end;
    const qsizetype visible = end - begin;
    if (visible <= 4 * qsizetype(pixels)) {
        out.reserve(visible);
        for (qsizetype i = begin; i < end; ++i)
            out.append(points.at(i));
        return;
    }
    out.reserve(4 * pixels + 2);
    const double scale = double(pixels) / (xMax - xMin);
    auto columnOf = [&](double x) {
        const double c = (x - xMin) * scale;
        if (c < 0)
            return -1;
        if (c >= pixels)
            return pixels;
        return int(c);
    };

    qsizetype i = begin;
    while (i < end) {
        const int column = columnOf(points.at(i).x());
        const qsizetype first = i;
        qsizetype lo = i, hi = i;
        qsizetype last = i;
        for (++i; i < end && columnOf(points.at(i).x()) == column; ++i) {
            if (points.at(i).y() < points.at(lo).y())
                lo = i;
            if (points.at(i).y() > points.at(hi).y())
                hi = i;
            last = i;
        }
        // Emit first, min, max, last in index (= x) order without duplicates.
        qsizetype picks[4] = { first, std::min(lo, hi), std::max(lo, hi), last };
        qsizetype previous = -1;
        for (const qsizetype p : picks) {
            if (p != previous) {
                out.append(points.at(p));
                previous = p;
            }
        }
    }
}

void envelopeInto(const QVector<QVector<QPointF>> &members, double xMin, double xMax, int pixels,
                  QVector<QPointF> &upper, QVector<QPointF> &lower)
{
    upper.clear();
    lower.clear();
    if (pixels <= 0 || !(xMax > xMin))
        return;
    // Columns -1 and PIXELS hold the nearest samples outside the range.
    const int columns = pixels + 2;
    QVector<double> lo(columns, std::numeric_limits<double>::max());
    QVector<double> hi(columns, std::numeric_limits<double>::lowest());
    const double scale = double(pixels) / (xMax - xMin);
    for (const QVector<QPointF> &points : members) {
        const qsizetype n = points.size();
        qsizetype begin = lowerBound(points, xMin);
        if (begin > 0)
            --begin;
        for (qsizetype i = begin; i < n; ++i) {
            const QPointF &p = points.at(i);
            const double c = (p.x() - xMin) * scale;
            const int col = c < 0 ? 0 : c >= pixels ? pixels + 1 : int(c) + 1;
            lo[col] = std::min(lo.at(col), p.y());
            hi[col] = std::max(hi.at(col), p.y());
            if (col == pixels + 1)
                break; // the one neighbour on the right
        }
    }
    upper.reserve(columns);
    lower.reserve(columns);
    for (int col = 0; col < columns; ++col) {
        if (hi.at(col) < lo.at(col))
            continue;
        const double x = xMin + (col - 0.5) / scale;
        upper.append(QPointF(x, hi.at(col)));
        lower.append(QPointF(x, lo.at(col)));
    }
}

QVector<QPointF> minMax(const QVector<QPointF> &points, double xMin, double xMax, int pixels)
{
    QVector<QPointF> out;
    minMaxInto(points, xMin, xMax, pixels, out);
    return out;
}

} // namespace alloclab::decimator
