#include "models/distribute.h"

#include <QTest>

#include <map>

using namespace alloclab;

namespace {
// 200 relays like the real 5-way experiment, but on two hosts (120 + 80) with a spread of RSS.
QList<DistributeItem> fleet(int lab1 = 120, int lab2 = 80)
{
    QList<DistributeItem> items;
    for (int i = 0; i < lab1; ++i)
        items << DistributeItem { QStringLiteral("lab1"), 500000 + qint64(i) * 37000 };
    for (int i = 0; i < lab2; ++i)
        items << DistributeItem { QStringLiteral("lab2"), 900000 + qint64(i) * 51000 };
    return items;
}
} // namespace

class TestDistribute : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exactSizes_data()
    {
        QTest::addColumn<QList<int>>("sizes");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("5-way 20/80/60/20/20") << QList<int> { 20, 80, 60, 20, 20 } << quint64(1);
        QTest::newRow("even 40x5") << QList<int> { 40, 40, 40, 40, 40 } << quint64(42);
        QTest::newRow("fewer than all") << QList<int> { 20, 20, 20 } << quint64(7);
        QTest::newRow("with an empty group") << QList<int> { 50, 0, 50 } << quint64(99);
    }
    void exactSizes()
    {
        QFETCH(QList<int>, sizes);
        QFETCH(quint64, seed);
        const QList<DistributeItem> items = fleet();
        QString error;
        const QList<int> g = distribute(items, sizes, seed, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(g.size(), items.size());
        int unassigned = 0;
        for (int i = 0; i < sizes.size(); ++i)
            QCOMPARE(int(g.count(i)), sizes.at(i));
        unassigned = int(g.count(-1));
        int sum = 0;
        for (int s : sizes)
            sum += s;
        QCOMPARE(unassigned, int(items.size()) - sum);
    }

    void deterministicForASeed()
    {
        const QList<int> sizes { 20, 80, 60, 20, 20 };
        const QList<int> a = distribute(fleet(), sizes, 12345);
        const QList<int> b = distribute(fleet(), sizes, 12345);
        const QList<int> c = distribute(fleet(), sizes, 12346);
        QCOMPARE(a, b);
        QVERIFY(a != c); // another seed, another draw
    }

    // Every group gets its share of each host, within one relay.
    void fairShareOfEachHost_data()
    {
        QTest::addColumn<quint64>("seed");
        for (quint64 s : { 1ULL, 2ULL, 3ULL, 1000ULL, 0xdeadbeefULL })
            QTest::newRow(qPrintable(QString::number(s))) << s;
    }
    void fairShareOfEachHost()
    {
        QFETCH(quint64, seed);
        const QList<int> sizes { 20, 80, 60, 20, 20 };
        const QList<DistributeItem> items = fleet(120, 80);
        const QList<int> g = distribute(items, sizes, seed);
        for (int group = 0; group < sizes.size(); ++group) {
            int onLab1 = 0;
            for (int i = 0; i < items.size(); ++i)
                onLab1 += (g.at(i) == group && items.at(i).host == QLatin1String("lab1")) ? 1 : 0;
            const double expected = sizes.at(group) * 120.0 / 200.0;
            QVERIFY2(std::abs(onLab1 - expected) <= 1.0,
                     qPrintable(QStringLiteral("group %1: %2 on lab1, expected %3")
                                    .arg(group)
                                    .arg(onLab1)
                                    .arg(expected)));
        }
    }

    // And its share of each RSS quartile (within each host), within two relays.
    void fairShareOfRssQuartiles()
    {
        const QList<int> sizes { 40, 40, 40, 40, 40 };
        const QList<DistributeItem> items = fleet(120, 80);
        const QList<int> g = distribute(items, sizes, 2026);
        // Items are generated in RSS order per host: quartile = position within the host / quarter.
        for (int group = 0; group < 5; ++group) {
            std::map<int, int> perQuartile;
            for (int i = 0; i < items.size(); ++i) {
                if (g.at(i) != group)
                    continue;
                const bool lab1 = i < 120;
                const int pos = lab1 ? i : i - 120;
                perQuartile[(lab1 ? 0 : 4) + pos * 4 / (lab1 ? 120 : 80)]++;
            }
            for (int q = 0; q < 8; ++q) {
                const double expected = (q < 4 ? 30.0 : 20.0) * 40.0 / 200.0;
                QVERIFY2(std::abs(perQuartile[q] - expected) <= 2.0,
                         qPrintable(QStringLiteral("group %1 stratum %2: %3, expected %4")
                                        .arg(group)
                                        .arg(q)
                                        .arg(perQuartile[q])
                                        .arg(expected)));
            }
        }
    }

    // Not alphabetical blocks: members of a group are spread over the input order.
    void notContiguousBlocks()
    {
        const QList<int> g = distribute(fleet(200, 0), { 40, 40, 40, 40, 40 }, 5);
        int runs = 1;
        for (int i = 1; i < g.size(); ++i)
            runs += g.at(i) != g.at(i - 1) ? 1 : 0;
        QVERIFY2(runs > 100, qPrintable(QString::number(runs)));
    }

    void errors()
    {
        QString error;
        QVERIFY(distribute(fleet(3, 0), { 2, 2 }, 1, &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("4")));
        error.clear();
        QVERIFY(distribute(fleet(3, 0), { -1, 2 }, 1, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QCOMPARE(distribute({}, { 0, 0 }, 1, &error), QList<int>());
    }

    void equal()
    {
        QCOMPARE(equalSizes(7, 3), (QList<int> { 3, 2, 2 }));
        QCOMPARE(equalSizes(200, 5), (QList<int> { 40, 40, 40, 40, 40 }));
        QCOMPARE(equalSizes(5, 0), QList<int>());
    }
};

QTEST_GUILESS_MAIN(TestDistribute)
#include "tst_distribute.moc"
