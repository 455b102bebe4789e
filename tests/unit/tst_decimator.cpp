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

    void degenerateInput()
    {
        QVERIFY(decimator::minMax({}, 0, 1, 10).isEmpty());
        QVERIFY(decimator::minMax({ QPointF(1, 1) }, 1, 1, 10).isEmpty());
        QCOMPARE(decimator::minMax({ QPointF(1, 1) }, 0, 2, 10).size(), 1);
    }
};

QTEST_APPLESS_MAIN(TestDecimator)
#include "tst_decimator.moc"
