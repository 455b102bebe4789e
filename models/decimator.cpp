#include "models/decimator.h"

#include <algorithm>

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

QVector<QPointF> minMax(const QVector<QPointF> &points, double xMin, double xMax, int pixels)
{
    QVector<QPointF> out;
    minMaxInto(points, xMin, xMax, pixels, out);
    return out;
}

} // namespace alloclab::decimator
