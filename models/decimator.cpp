#include "models/decimator.h"

#include <algorithm>
#include <cmath>
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

EnvelopePyramid buildPyramid(const QVector<QVector<QPointF>> &members, int base)
{
    EnvelopePyramid p;
    double x0 = std::numeric_limits<double>::max(), x1 = std::numeric_limits<double>::lowest();
    for (const QVector<QPointF> &m : members) {
        if (!m.isEmpty()) {
            x0 = std::min(x0, m.first().x());
            x1 = std::max(x1, m.last().x());
        }
    }
    if (!(x1 > x0) || base < 2)
        return p;
    p.x0 = x0;
    p.x1 = x1;
    QVector<double> lo(base, std::numeric_limits<double>::max());
    QVector<double> hi(base, std::numeric_limits<double>::lowest());
    const double scale = double(base) / (x1 - x0);
    for (const QVector<QPointF> &m : members) {
        for (const QPointF &pt : m) {
            const int b = std::min(base - 1, std::max(0, int((pt.x() - x0) * scale)));
            lo[b] = std::min(lo.at(b), pt.y());
            hi[b] = std::max(hi.at(b), pt.y());
        }
    }
    p.lo.append(lo);
    p.hi.append(hi);
    while (p.lo.last().size() >= 16) {
        const QVector<double> &l = p.lo.last(), &h = p.hi.last();
        QVector<double> nl(l.size() / 2), nh(l.size() / 2);
        for (qsizetype i = 0; i < nl.size(); ++i) {
            nl[i] = std::min(l.at(2 * i), l.at(2 * i + 1));
            nh[i] = std::max(h.at(2 * i), h.at(2 * i + 1));
        }
        p.lo.append(nl);
        p.hi.append(nh);
    }
    return p;
}

bool envelopeFromPyramid(const EnvelopePyramid &pyramid, double xMin, double xMax, int pixels,
                         QVector<QPointF> &upper, QVector<QPointF> &lower)
{
    if (pyramid.isEmpty() || pixels <= 0 || !(xMax > xMin))
        return false;
    const double columnWidth = (xMax - xMin) / pixels;
    // The coarsest level whose buckets are at most half a column wide.
    int level = -1;
    for (int l = int(pyramid.lo.size()) - 1; l >= 0; --l) {
        const double bucketWidth = (pyramid.x1 - pyramid.x0) / double(pyramid.lo.at(l).size());
        if (bucketWidth * 2 <= columnWidth) {
            level = l;
            break;
        }
    }
    if (level < 0)
        return false;
    const QVector<double> &lo = pyramid.lo.at(level), &hi = pyramid.hi.at(level);
    const qsizetype n = lo.size();
    const double bucketWidth = (pyramid.x1 - pyramid.x0) / double(n);
    const int columns = pixels + 2; // -1 and PIXELS: the nearest data outside the range
    QVector<double> clo(columns, std::numeric_limits<double>::max());
    QVector<double> chi(columns, std::numeric_limits<double>::lowest());
    // The buckets overlapping the range, and the nearest non-empty one on each side.
    qsizetype first = std::max<qsizetype>(0, qsizetype(std::floor((xMin - pyramid.x0) / bucketWidth)));
    qsizetype last = std::min<qsizetype>(n - 1, qsizetype(std::floor((xMax - pyramid.x0) / bucketWidth)));
    qsizetype before = first - 1;
    while (before >= 0 && hi.at(before) < lo.at(before))
        --before;
    qsizetype after = last + 1;
    while (after < n && hi.at(after) < lo.at(after))
        ++after;
    const double scale = double(pixels) / (xMax - xMin);
    auto fold = [&](qsizetype b) {
        if (hi.at(b) < lo.at(b))
            return;
        const double centre = pyramid.x0 + (double(b) + 0.5) * bucketWidth;
        const double c = (centre - xMin) * scale;
        const int col = c < 0 ? 0 : c >= pixels ? pixels + 1 : int(c) + 1;
        clo[col] = std::min(clo.at(col), lo.at(b));
        chi[col] = std::max(chi.at(col), hi.at(b));
    };
    if (before >= 0)
        fold(before);
    for (qsizetype b = first; b <= last; ++b)
        fold(b);
    if (after < n)
        fold(after);
    upper.clear();
    lower.clear();
    upper.reserve(columns);
    lower.reserve(columns);
    for (int col = 0; col < columns; ++col) {
        if (chi.at(col) < clo.at(col))
            continue;
        const double x = xMin + (col - 0.5) / scale;
        upper.append(QPointF(x, chi.at(col)));
        lower.append(QPointF(x, clo.at(col)));
    }
    return true;
}

QVector<QPointF> minMax(const QVector<QPointF> &points, double xMin, double xMax, int pixels)
{
    QVector<QPointF> out;
    minMaxInto(points, xMin, xMax, pixels, out);
    return out;
}

} // namespace alloclab::decimator
