#include "models/sampleblock.h"

#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace alloclab;

namespace {
using Sample = SampleBlock::Sample;

SampleBlock makeBlock(int n, qint64 firstMs, qint64 stepMs, const QStringList &names)
{
    SampleBlock b;
    for (int i = 0; i < n; ++i) {
        Sample s;
        s.tsMs = firstMs + i * stepMs;
        s.rssKb = 1000000 + i * 97 - (i % 7) * 3000;
        s.hwmKb = s.rssKb * 3;
        s.vmsizeKb = s.rssKb + 5000;
        s.pid = 4242 + i / 100;
        s.allocator = b.allocatorIndex(names.at(i % names.size()));
        b.append(s);
    }
    return b;
}

void compareBlocks(const SampleBlock &a, const SampleBlock &b)
{
    QCOMPARE(b.size(), a.size());
    for (size_t i = 0; i < a.size(); ++i) {
        const Sample &x = a.samples()[i];
        const Sample &y = b.samples()[i];
        QCOMPARE(y.tsMs, x.tsMs);
        QCOMPARE(y.rssKb, x.rssKb);
        QCOMPARE(y.hwmKb, x.hwmKb);
        QCOMPARE(y.vmsizeKb, x.vmsizeKb);
        QCOMPARE(y.pid, x.pid);
        QCOMPARE(b.allocatorOf(y), a.allocatorOf(x));
    }
}
} // namespace

class TestSampleBlock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<qint64>("firstMs");
        QTest::addColumn<qint64>("stepMs");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("one sample, glibc")
            << 1 << qint64(1767225600000) << qint64(1) << QStringList { QString() };
        QTest::newRow("hourly, one allocator")
            << 1024 << qint64(1767225600000) << qint64(3600000)
            << QStringList { QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2") };
        QTest::newRow("two allocators and unknown")
            << 300 << qint64(1) << qint64(1000)
            << QStringList { QStringLiteral("libmimalloc.so.2.0"), QString(), QStringLiteral("?") };
        QTest::newRow("non-ASCII name") << 5 << qint64(1700000000000) << qint64(5)
                                        << QStringList { QStringLiteral("/opt/l\u00e4b/libm\u00fc.so") };
    }
    void roundTrip()
    {
        QFETCH(int, n);
        QFETCH(qint64, firstMs);
        QFETCH(qint64, stepMs);
        QFETCH(QStringList, names);
        const SampleBlock in = makeBlock(n, firstMs, stepMs, names);
        QString error;
        const QByteArray blob = in.encode(&error);
        QVERIFY2(!blob.isEmpty(), qPrintable(error));
        QCOMPARE(quint8(blob.at(0)), SampleBlock::kVersion);
        SampleBlock out;
        QVERIFY2(out.decode(blob, &error), qPrintable(error));
        compareBlocks(in, out);
        QCOMPARE(out.firstMs(), firstMs);
        QCOMPARE(out.lastMs(), firstMs + (n - 1) * stepMs);
    }

    // Hourly samples of slowly moving values: a few bytes per sample, not the 48 of the columns.
    void compact()
    {
        const SampleBlock in
            = makeBlock(1024, 1767225600000, 3600000, { QStringLiteral("libjemalloc.so.2") });
        const QByteArray blob = in.encode();
        QVERIFY2(blob.size() < 1024 * 14, qPrintable(QString::number(blob.size())));
    }

    // Any qint64, in any order of magnitude, comes back exactly (deltas wrap, never overflow).
    void extremes()
    {
        SampleBlock in;
        const qint64 big = std::numeric_limits<qint64>::max();
        const qint64 small = std::numeric_limits<qint64>::min();
        const qint64 values[] = { -1, big, small, 0, small, big, -1 };
        qint64 t = small;
        for (const qint64 v : values) {
            Sample s;
            s.tsMs = t;
            t = t < 0 ? 5 : (t == 5 ? big - 1 : big);
            s.rssKb = v;
            s.hwmKb = -v - 1;
            s.vmsizeKb = v;
            s.pid = v;
            s.allocator = in.allocatorIndex(QStringLiteral("?"));
            in.append(s);
            if (s.tsMs == big)
                break;
        }
        SampleBlock out;
        QString error;
        QVERIFY2(out.decode(in.encode(&error), &error), qPrintable(error));
        compareBlocks(in, out);
    }

    void lookups()
    {
        const SampleBlock b = makeBlock(10, 1000, 10, { QString() }); // 1000, 1010, ..., 1090
        QCOMPARE(b.indexOf(1000), qsizetype(0));
        QCOMPARE(b.indexOf(1090), qsizetype(9));
        QCOMPARE(b.indexOf(1005), qsizetype(-1));
        QCOMPARE(b.lastAtOrBefore(999), qsizetype(-1));
        QCOMPARE(b.lastAtOrBefore(1005), qsizetype(0));
        QCOMPARE(b.lastAtOrBefore(5000), qsizetype(9));
    }

    void encodeRefuses_data()
    {
        QTest::addColumn<int>("what");
        QTest::newRow("empty") << 0;
        QTest::newRow("too many") << 1;
        QTest::newRow("equal times") << 2;
        QTest::newRow("decreasing times") << 3;
        QTest::newRow("bad allocator index") << 4;
    }
    void encodeRefuses()
    {
        QFETCH(int, what);
        SampleBlock b;
        if (what == 1)
            b = makeBlock(SampleBlock::kMaxSamples + 1, 1, 1, { QString() });
        if (what >= 2) {
            b = makeBlock(3, 100, 10, { QString() });
            if (what == 2)
                b.samples()[2].tsMs = 110;
            if (what == 3)
                b.samples()[1].tsMs = 50;
            if (what == 4)
                b.samples()[1].allocator = 1;
        }
        QString error;
        QVERIFY(b.encode(&error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void corrupt_data()
    {
        const QByteArray good
            = makeBlock(50, 1767225600000, 3600000, { QStringLiteral("libjemalloc.so.2"), QString() })
                  .encode();
        QTest::addColumn<QByteArray>("blob");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("version 0") << QByteArray(1, '\0') + good.mid(1) << QStringLiteral("version 0");
        QTest::newRow("version 2") << QByteArray(1, '\2') + good.mid(1) << QStringLiteral("version 2");
        QTest::newRow("version only") << good.left(1) << QStringLiteral("sample count");
        QTest::newRow("zero samples") << QByteArray("\x01\x00\x01\x00", 4) << QStringLiteral("sample count");
        QTest::newRow("huge count") << QByteArray("\x01\xff\xff\xff\xff\x0f\x01", 7)
                                    << QStringLiteral("sample count");
        QTest::newRow("overlong varint") << QByteArray("\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 11)
                                         << QStringLiteral("sample count");
        QTest::newRow("no strings") << QByteArray("\x01\x01\x00\x02\x00\x00\x00\x00", 8)
                                    << QStringLiteral("string count");
        QTest::newRow("string past the end")
            << QByteArray("\x01\x01\x01\x7f\x02\x00\x00\x00\x00", 9) << QStringLiteral("string table");
        QTest::newRow("lying count") << QByteArray("\x01\x80\x08\x01\x00", 5) << QStringLiteral("truncated");
        QTest::newRow("truncated half") << good.left(good.size() / 2) << QStringLiteral("truncated");
        QTest::newRow("truncated by one") << good.chopped(1) << QStringLiteral("truncated");
        QTest::newRow("trailing byte") << good + '\0' << QStringLiteral("trailing bytes");
        // Two samples, the second at the same time (delta 0).
        QTest::newRow("equal times") << QByteArray("\x01\x02\x01\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00",
                                                   14)
                                     << QStringLiteral("times not increasing");
        // Two samples, two strings, the second index is 5.
        QTest::newRow("bad index") << QByteArray(
            "\x01\x02\x02\x00\x00\x02\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x05", 17)
                                   << QStringLiteral("allocator index");
    }
    void corrupt()
    {
        QFETCH(QByteArray, blob);
        QFETCH(QString, expected);
        SampleBlock b = makeBlock(3, 1, 1, { QString() });
        QString error;
        QVERIFY(!b.decode(blob, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(b.isEmpty());
        QVERIFY(b.allocators().isEmpty());
    }

    // Random damage: every outcome is a clean false or a block that re-encodes; never a crash
    // (run under the sanitizer build to see the "never").
    void fuzz()
    {
        const QByteArray good = makeBlock(200, 1767225600000, 3600000,
                                          { QStringLiteral("libjemalloc.so.2"), QStringLiteral("?") })
                                    .encode();
        QRandomGenerator rng(20261126);
        int refused = 0;
        for (int round = 0; round < 20000; ++round) {
            QByteArray blob = good;
            const int kind = int(rng.bounded(3));
            if (kind == 0) {
                for (int k = int(rng.bounded(1, 6)); k > 0; --k)
                    blob[int(rng.bounded(blob.size()))] = char(rng.bounded(256));
            } else if (kind == 1) {
                blob.truncate(int(rng.bounded(blob.size())));
            } else {
                blob.resize(int(rng.bounded(1, 64)));
                for (char &c : blob)
                    c = char(rng.bounded(256));
                blob[0] = char(SampleBlock::kVersion);
            }
            SampleBlock b;
            QString error;
            if (!b.decode(blob, &error)) {
                QVERIFY(!error.isEmpty());
                ++refused;
                continue;
            }
            QVERIFY(b.size() >= 1 && b.size() <= size_t(SampleBlock::kMaxSamples));
            QVERIFY(!b.encode().isEmpty()); // a decoded block is always a valid one
        }
        QVERIFY(refused > 1000);
    }
};

QTEST_GUILESS_MAIN(TestSampleBlock)
#include "tst_sampleblock.moc"
