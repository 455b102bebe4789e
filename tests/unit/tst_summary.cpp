#include "models/summary.h"
#include "models/torutils.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace alloclab;

namespace {
qint64 utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}
const qint64 kDay = 86400000;

SampleRecord sample(Id relay, qint64 ts, qint64 rss)
{
    SampleRecord s;
    s.relayId = relay;
    s.tsMs = ts;
    s.rssKb = rss;
    return s;
}
} // namespace

class TestSummary : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void synthetic()
    {
        // Relays 1,2 in X (1 and 3 GiB, flat); 3,4 in Y (2 GiB growing 0.5 GiB/day); 5 in no group;
        // Z has no relays. Four daily snapshots, relays polled a few seconds apart.
        const qint64 t0 = utc("2026-01-01T02:00:00Z");
        QList<SampleRecord> samples;
        const qint64 gib = 1048576;
        for (int d = 0; d < 4; ++d) {
            const qint64 t = t0 + d * kDay;
            samples << sample(1, t, gib) << sample(2, t + 1000, 3 * gib)
                    << sample(3, t + 2000, 2 * gib + d * gib / 2)
                    << sample(4, t + 3000, 2 * gib + d * gib / 2) << sample(5, t, 50 * gib);
        }
        samples << sample(1, t0 + 3 * kDay + 600000, -1); // unknown RSS is ignored
        const QList<summary::GroupInfo> groups
            = { { QStringLiteral("X"), QStringLiteral("x"), QStringLiteral("glibc") },
                { QStringLiteral("Y"), QStringLiteral("y"), QStringLiteral("jemalloc") },
                { QStringLiteral("Z"), QStringLiteral("z"), QStringLiteral("none") } };
        auto groupOf = [](Id relay, qint64) {
            return relay <= 2 ? QStringList { QStringLiteral("X") }
                : relay <= 4  ? QStringList { QStringLiteral("Y") }
                              : QStringList();
        };
        summary::Options o;
        o.windowMs = 10 * kDay;
        const summary::Summary s = summary::compute(samples, groups, groupOf, o);
        QCOMPARE(s.atMs, t0 + 3 * kDay + 3000);
        QCOMPARE(s.groups.size(), 3);
        QCOMPARE(s.groups[0].letter, QStringLiteral("X"));
        QCOMPARE(s.groups[0].relays, 2);
        QCOMPARE(s.groups[0].meanGib, 2.0);
        QCOMPARE(s.groups[0].medianGib, 2.0);
        QCOMPARE(s.groups[0].rank, 1);
        QCOMPARE(s.groups[0].recommendation, QStringLiteral("Use this"));
        QVERIFY(qAbs(s.groups[0].growthGibPerDay) < 1e-9);
        QCOMPARE(s.groups[1].letter, QStringLiteral("Y"));
        QCOMPARE(s.groups[1].meanGib, 3.5);
        QVERIFY(qAbs(s.groups[1].growthGibPerDay - 0.5) < 1e-3);
        QCOMPARE(s.groups[1].recommendation, QStringLiteral("Avoid")); // clearly growing, only 1.75x
        QCOMPARE(s.groups[2].relays, 0);
        QCOMPARE(s.groups[2].rank, 0);
        QCOMPARE(s.worstBestRatio, 1.75);

        // At an earlier time: the snapshot at or just before it.
        o.atMs = t0 + kDay + 3600000;
        const summary::Summary early = summary::compute(samples, groups, groupOf, o);
        QCOMPARE(early.atMs, t0 + kDay + 3000);
        QCOMPARE(early.groups[1].meanGib, 2.5);
        // Before any data: nothing, but the groups are still listed.
        o.atMs = t0 - 1;
        const summary::Summary none = summary::compute(samples, groups, groupOf, o);
        QCOMPARE(none.atMs, 0);
        QCOMPARE(none.groups.size(), 3);
        QVERIFY(none.toJson().value(QStringLiteral("at")).isNull());

        const QString md = s.toMarkdown();
        QVERIFY2(md.contains(QStringLiteral(
                     "| 1 | X | glibc | 2 | 2.00 GiB | 2.00 GiB | 1.0x | +0.00 GiB/day | Use this |")),
                 qPrintable(md));
        QVERIFY2(md.contains(QStringLiteral(
                     "| 2 | Y | jemalloc | 2 | 3.50 GiB | 3.50 GiB | 1.8x | +0.50 GiB/day | Avoid |")),
                 qPrintable(md));
    }

    void groundTruth_data()
    {
        QTest::addColumn<QString>("at");
        QTest::addColumn<QStringList>("order");
        QTest::addColumn<QList<double>>("means");
        QTest::addColumn<double>("worstBest");
        QTest::newRow("2026-01-08") << QStringLiteral("2026-01-08T20:47:02")
                                    << QStringList { QStringLiteral("B"), QStringLiteral("C"),
                                                     QStringLiteral("D"), QStringLiteral("E"),
                                                     QStringLiteral("A") }
                                    << QList<double> { 1.28, 1.72, 2.64, 4.01, 8.62 } << 6.7;
        QTest::newRow("2026-01-10") << QStringLiteral("2026-01-10T22:21:25")
                                    << QStringList { QStringLiteral("B"), QStringLiteral("C"),
                                                     QStringLiteral("D"), QStringLiteral("E"),
                                                     QStringLiteral("A") }
                                    << QList<double> { 1.41, 1.83, 2.74, 4.15, 10.44 } << 7.4;
    }
    void groundTruth()
    {
        QFETCH(QString, at);
        QFETCH(QStringList, order);
        QFETCH(QList<double>, means);
        QFETCH(double, worstBest);
        const QString dir = QStringLiteral(ALLOCLAB_SOURCE_DIR "/../shared/datasets/torutils-5way");
        QFile mem(dir + QStringLiteral("/memory.csv"));
        if (!mem.open(QIODevice::ReadOnly))
            QSKIP("../shared/datasets/torutils-5way is absent; the ground-truth check needs it");
        const torutils::MemoryFile f = torutils::parseMemory(mem.readAll());
        QVERIFY(f.errors.isEmpty());

        // Groups A, D and the *_historical files for B, C, E (the published selection).
        const QStringList files
            = { QStringLiteral("group_A_mimalloc301.txt"),
                QStringLiteral("group_B_mimalloc209_historical.txt"),
                QStringLiteral("group_C_mimalloc217_historical.txt"), QStringLiteral("group_D_jemalloc.txt"),
                QStringLiteral("group_E_glibc_historical.txt") };
        QList<summary::GroupInfo> groups;
        QHash<QString, QStringList> lettersOfNick;
        for (const QString &name : files) {
            QFile g(dir + QStringLiteral("/groups/") + name);
            QVERIFY(g.open(QIODevice::ReadOnly));
            const torutils::GroupFileName gn = torutils::parseGroupFileName(name);
            QVERIFY(gn.valid);
            QList<torutils::RowError> errors;
            const QStringList nicks = torutils::parseGroupFile(g.readAll(), &errors);
            QVERIFY(errors.isEmpty());
            QCOMPARE(nicks.size(), 20);
            for (const QString &n : nicks)
                lettersOfNick[n] << gn.letter;
            groups << summary::GroupInfo { gn.letter, gn.label,
                                           torutils::allocatorFromLabel(gn.label).displayName };
        }
        auto groupOf = [&](Id relay, qint64) {
            return lettersOfNick.value(f.relays.at(relay - 1).nickname);
        };

        summary::Options o;
        torutils::TimestampParser tp;
        QVERIFY(tp.parse(at.toLatin1(), &o.atMs));
        const summary::Summary s = summary::compute(f.samples, groups, groupOf, o);
        const QJsonObject json = s.toJson();
        qInfo().noquote() << QJsonDocument(json).toJson(QJsonDocument::Compact);
        qInfo().noquote() << s.toMarkdown();
        QCOMPARE(json.value(QStringLiteral("at")).toString(), at + QLatin1Char('Z'));
        const QJsonArray arr = json.value(QStringLiteral("groups")).toArray();
        QCOMPARE(arr.size(), 5);
        for (int i = 0; i < 5; ++i) {
            const QJsonObject g = arr.at(i).toObject();
            QCOMPARE(g.value(QStringLiteral("letter")).toString(), order.at(i));
            QCOMPARE(g.value(QStringLiteral("relays")).toInt(), 20);
            QCOMPARE(QString::number(g.value(QStringLiteral("mean_gib")).toDouble(), 'f', 2),
                     QString::number(means.at(i), 'f', 2));
            QCOMPARE(g.value(QStringLiteral("rank")).toInt(), i + 1);
        }
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("allocator")).toString(),
                 QStringLiteral("mimalloc 2.0.9"));
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("recommendation")).toString(),
                 QStringLiteral("Use this"));
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("ratio")).toDouble(), 1.0);
        QCOMPARE(arr.at(4).toObject().value(QStringLiteral("recommendation")).toString(),
                 QStringLiteral("Avoid"));
        QCOMPARE(json.value(QStringLiteral("worst_best_ratio")).toDouble(), worstBest);
        QCOMPARE(summary::formatRatio(s.worstBestRatio),
                 QString::number(worstBest, 'f', 1) + QLatin1Char('x'));
        // Group A grew about 1 GB a day.
        const double growthA = arr.at(4).toObject().value(QStringLiteral("growth_gib_per_day")).toDouble();
        QVERIFY2(growthA > 0.8 && growthA < 1.2, qPrintable(QString::number(growthA)));
    }
};

QTEST_GUILESS_MAIN(TestSummary)
#include "tst_summary.moc"
