#include "models/decimator.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace alloclab;

class TestDecimator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void preservesExtremesAndEndpoints_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("pixels");
        QTest::newRow("dense") << 100000 << 300;
        QTest::newRow("one column") << 1000 << 1;
        QTest::newRow("sparse, passthrough") << 50 << 800;
    }
    void preservesExtremesAndEndpoints()
    {
        QFETCH(int, count);
        QFETCH(int, pixels);
        QRandomGenerator rng(42);
        QVector<QPointF> pts;
        for (int i = 0; i < count; ++i)
            pts.append(QPointF(i * 10.0, rng.bounded(1000.0)));
        pts[count / 3].setY(5000.0); // a spike
        pts[count / 2].setY(-5000.0); // a dip

        const QVector<QPointF> out = decimator::minMax(pts, 0, (count - 1) * 10.0, pixels);
        QVERIFY(out.size() <= 4 * pixels + 2);
        QCOMPARE(out.first(), pts.first());
        QCOMPARE(out.last(), pts.last());
        const auto [lo, hi] = std::minmax_element(
            out.cbegin(), out.cend(), [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
        QCOMPARE(lo->y(), -5000.0);
        QCOMPARE(hi->y(), 5000.0);
        QVERIFY(std::is_sorted(out.cbegin(), out.cend(),
                               [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
        // Every output point is an input point (no invented values).
        for (const QPointF &p : out)
            QCOMPARE(pts.at(qsizetype(p.x() / 10.0)), p);
    }

    void perColumnExtremes()
    {
        // Column-wise: the min and max of every pixel column survive.
        QVector<QPointF> pts;
        for (int i = 0; i < 1000; ++i)
            pts.append(QPointF(i, (i * 7919) % 101));
        const int pixels = 10;
        const QVector<QPointF> out = decimator::minMax(pts, 0, 1000, pixels);
        for (int c = 0; c < pixels; ++c) {
            double lo = 1e9, hi = -1e9, dlo = 1e9, dhi = -1e9;
            for (const QPointF &p : pts) {
                if (int(p.x() / 100) == c) {
                    lo = std::min(lo, p.y());
                    hi = std::max(hi, p.y());
                }
            }
            for (const QPointF &p : out) {
                if (int(p.x() / 100) == c) {
                    dlo = std::min(dlo, p.y());
                    dhi = std::max(dhi, p.y());
                }
            }
            QCOMPARE(dlo, lo);
            QCOMPARE(dhi, hi);
        }
    }

    void visibleRangeWithNeighbours()
    {
        QVector<QPointF> pts;
        for (int i = 0; i < 100; ++i)
            pts.append(QPointF(i, i));
        const QVector<QPointF> out = decimator::minMax(pts, 40.5, 60.5, 400);
        // 41..60 visible, plus 40 and 61 so the line reaches both edges.
        QCOMPARE(out.first(), QPointF(40, 40));
        QCOMPARE(out.last(), QPointF(61, 61));
        QCOMPARE(out.size(), 22);
        QCOMPARE(decimator::lowerBound(pts, 10.5), qsizetype(11));
        QCOMPARE(decimator::lowerBound(pts, 1000), qsizetype(100));
    }

    void envelopeOfManyLines()
    {
        // Three lines over x 0..99: y = 1, y = 3 and y = 2 with a spike to 10 at x = 50.
        QVector<QVector<QPointF>> lines(3);
        for (int x = 0; x < 100; ++x) {
            lines[0].append(QPointF(x, 1));
            lines[1].append(QPointF(x, 3));
            lines[2].append(QPointF(x, x == 50 ? 10 : 2));
        }
        QVector<QPointF> up, lo;
        decimator::envelopeInto(lines, 10, 90, 20, up, lo); // 4 x-units per column
        QCOMPARE(up.size(), lo.size());
        QCOMPARE(up.size(), 22); // 20 columns and one neighbour column on each side
        double maxUp = 0;
        for (qsizetype i = 0; i < up.size(); ++i) {
            QCOMPARE(lo.at(i).y(), 1.0);
            QVERIFY(up.at(i).y() == 3.0 || up.at(i).y() == 10.0);
            maxUp = std::max(maxUp, up.at(i).y());
            if (i > 0)
                QVERIFY(up.at(i).x() > up.at(i - 1).x());
        }
        QCOMPARE(maxUp, 10.0); // the spike of one line survives
        // the spike's column is the one containing x = 50: [50, 54)
        for (const QPointF &p : std::as_const(up))
            if (p.y() == 10.0)
                QVERIFY(p.x() >= 50 && p.x() < 54);
        // empty columns are skipped, not drawn at zero
        decimator::envelopeInto({ { QPointF(0, 5), QPointF(100, 5) } }, 0, 100, 10, up, lo);
        QCOMPARE(up.size(), 2);
        decimator::envelopeInto({}, 0, 100, 10, up, lo);
        QVERIFY(up.isEmpty());
    }

    // The pyramid gives the same band as scanning every member, up to one bucket of x smear:
    // same overall extremes, and every column's range within the scanned neighbourhood's.
    void pyramidMatchesScan_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<int>("pixels");
        QTest::newRow("all") << -10.0 << 5010.0 << 500;
        QTest::newRow("middle") << 1000.0 << 3000.0 << 400;
        QTest::newRow("narrow: too coarse, falls back") << 2000.0 << 2100.0 << 600;
    }
    void pyramidMatchesScan()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(int, pixels);
        QRandomGenerator rng(3);
        QVector<QVector<QPointF>> members(30);
        for (QVector<QPointF> &m : members) {
            double v = 100;
            for (int i = 0; i < 5000; ++i) {
                v += rng.bounded(2.0) - 1.0;
                m.append(QPointF(i + rng.bounded(0.5), v));
            }
        }
        const decimator::EnvelopePyramid pyramid = decimator::buildPyramid(members, 4096);
        QVERIFY(!pyramid.isEmpty());
        QVector<QPointF> up, low, scanUp, scanLow;
        decimator::envelopeInto(members, from, to, pixels, scanUp, scanLow);
        const bool used = decimator::envelopeFromPyramid(pyramid, from, to, pixels, up, low);
        if (QByteArray(QTest::currentDataTag()).startsWith("narrow")) {
            QVERIFY(!used); // 100 samples over 600 columns: the buckets are too wide
            return;
        }
        QVERIFY(used);
        QVERIFY(up.size() <= pixels + 2);
        QCOMPARE(up.size(), low.size());
        auto maxY = [](const QVector<QPointF> &v) {
            return std::max_element(v.begin(), v.end(), [](auto a, auto b) { return a.y() < b.y(); })->y();
        };
        auto minY = [](const QVector<QPointF> &v) {
            return std::min_element(v.begin(), v.end(), [](auto a, auto b) { return a.y() < b.y(); })->y();
        };
        // the edge columns may hold a bucket more than the scan's nearest sample: compare inside
        auto inside = [&](const QVector<QPointF> &v) {
            QVector<QPointF> out;
            for (const QPointF &p : v)
                if (p.x() >= from && p.x() <= to)
                    out.append(p);
            return out;
        };
        QCOMPARE(maxY(inside(up)), maxY(inside(scanUp)));
        QCOMPARE(minY(inside(low)), minY(inside(scanLow)));
        // column by column inside the range (the edge columns only continue the band to the
        // frame): within the scan's band over the neighbouring columns
        for (qsizetype i = 0; i < up.size(); ++i) {
            if (up.at(i).x() < from || up.at(i).x() > to)
                continue;
            double hi = -1e300, lo = 1e300;
            for (const QPointF &p : std::as_const(scanUp))
                if (qAbs(p.x() - up.at(i).x()) <= 2.0 * (to - from) / pixels)
                    hi = std::max(hi, p.y());
            for (const QPointF &p : std::as_const(scanLow))
                if (qAbs(p.x() - low.at(i).x()) <= 2.0 * (to - from) / pixels)
                    lo = std::min(lo, p.y());
            QVERIFY(up.at(i).y() <= hi);
            QVERIFY(low.at(i).y() >= lo);
        }
    }

    void degenerateInput()
    {
        QVERIFY(decimator::minMax({}, 0, 1, 10).isEmpty());
        QVERIFY(decimator::minMax({ QPointF(1, 1) }, 1, 1, 10).isEmpty());
        QCOMPARE(decimator::minMax({ QPointF(1, 1) }, 0, 2, 10).size(), 1);
    }
};

QTEST_APPLESS_MAIN(TestDecimator)
#include "tst_decimator.moc"
