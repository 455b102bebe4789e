// SeriesSet from a real SQLite file: groups, membership periods, markers, totals, fleet mode,
// and the published comparison figures from the real 5-way dataset imported with Importer.
#include "app/database.h"
#include "app/importer.h"
#include "app/seriesquery.h"
#include "models/groupcolors.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace alloclab;

namespace {
const qint64 kDay = 86400 * 1000LL;
const qint64 kT0 = 1767225600000LL; // 2026-01-01T00:00:00Z
const QString kReal = QStringLiteral(ALLOCLAB_SOURCE_DIR "/../shared/datasets/torutils-5way");

const RelaySeries *find(const SeriesSet &set, const QString &nick, const QString &group)
{
    for (const RelaySeries &r : set.relays) {
        if (r.nickname == nick && r.group == group)
            return &r;
    }
    return nullptr;
}
} // namespace

class TestSeriesQuery : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    Database m_db;
    Id m_exp = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(m_db.open(m_tmp.filePath(QStringLiteral("s.sqlite"))), qPrintable(m_db.lastError()));
        // relays r1..r4 on two servers, one sample a day for 6 days; r1 restarts (pid) on day 3
        QList<SampleRecord> samples;
        QHash<QString, Id> ids;
        for (int i = 1; i <= 4; ++i) {
            RelayRecord r;
            r.server = i <= 2 ? QStringLiteral("s1") : QStringLiteral("s2");
            r.nickname = QStringLiteral("r%1").arg(i);
            const Id id = m_db.resolveRelay(r);
            QVERIFY(id > 0);
            ids.insert(r.nickname, id);
            for (int d = 0; d < 6; ++d) {
                SampleRecord s;
                s.relayId = id;
                s.tsMs = kT0 + d * kDay;
                s.rssKb = 1024 * (100 * i + d);
                s.hwmKb = s.rssKb + 10;
                s.pid = (i == 1 && d >= 3) ? 200 : 100 + i;
                samples << s;
            }
        }
        QCOMPARE(m_db.insertSamples(samples), qint64(24));

        ExperimentRecord e;
        e.name = QStringLiteral("exp");
        e.groups << GroupRecord {
            0, 0, QStringLiteral("A"), QStringLiteral("mimalloc301"), QStringLiteral("mimalloc"), QString()
        };
        e.groups << GroupRecord { 0,
                                  0,
                                  QStringLiteral("B"),
                                  QStringLiteral("glibc"),
                                  QStringLiteral("glibc"),
                                  QStringLiteral("#123456") };
        m_exp = m_db.upsertExperiment(e);
        QVERIFY(m_exp > 0);
        const ExperimentRecord stored = *m_db.experiment(m_exp);
        const Id a = stored.groups.at(0).id, b = stored.groups.at(1).id;
        // r1: A, then B from day 3 (moved); r2: A; r3: B and A (listed in both); r4: none
        QVERIFY(m_db.setAssignments(m_exp,
                                    { { ids[QStringLiteral("r1")], a, 0, kT0 + 3 * kDay, true },
                                      { ids[QStringLiteral("r1")], b, kT0 + 3 * kDay, 0, true },
                                      { ids[QStringLiteral("r2")], a, 0, 0, true },
                                      { ids[QStringLiteral("r3")], b, 0, 0, true },
                                      { ids[QStringLiteral("r3")], a, 0, 0, true } }));

        EventRecord ev;
        ev.tsMs = kT0 + 2 * kDay;
        ev.type = QStringLiteral("deploy");
        ev.description = QStringLiteral("deployed mimalloc");
        ev.group = QStringLiteral("A");
        QCOMPARE(m_db.insertEvents({ ev }), qint64(1));
        HostDiagnosticsRecord d1, d2;
        d1.server = d2.server = QStringLiteral("s1");
        d1.tsMs = kT0;
        d2.tsMs = kT0 + 4 * kDay;
        d1.memTotalKb = 8LL << 20;
        d2.memTotalKb = 16LL << 20;
        d1.relayCount = d2.relayCount = 2;
        QCOMPARE(m_db.insertDiagnostics({ d1, d2 }), qint64(2));
        AggregateRecord ag;
        ag.server = QStringLiteral("s1");
        ag.tsMs = kT0;
        ag.count = 2;
        ag.totalKb = 300 * 1024;
        QCOMPARE(m_db.insertAggregates({ ag }), qint64(1));
    }

    void experimentGroups()
    {
        SeriesSet set;
        QString error;
        QVERIFY2(querySeriesSet(m_db, { QStringLiteral("exp") }, &set, &error), qPrintable(error));
        QCOMPARE(set.title, QStringLiteral("exp"));
        QCOMPARE(set.groups.size(), 2);
        QCOMPARE(set.groups.at(0).letter, QStringLiteral("A"));
        QCOMPARE(set.groups.at(0).label, QStringLiteral("mimalloc 3.0.1"));
        QCOMPARE(set.groups.at(0).colour, groupColor(QStringLiteral("A")));
        QCOMPARE(set.groups.at(1).colour, QColor(QStringLiteral("#123456")));
    }

    void membershipPeriods()
    {
        SeriesSet set;
        QString error;
        QVERIFY(querySeriesSet(m_db, { QStringLiteral("exp") }, &set, &error));
        // r1 A (days 0-2) + r1 B (3-5) + r2 A + r3 A + r3 B; r4 is in no group
        QCOMPARE(set.relays.size(), 5);
        const RelaySeries *r1a = find(set, QStringLiteral("r1"), QStringLiteral("A"));
        const RelaySeries *r1b = find(set, QStringLiteral("r1"), QStringLiteral("B"));
        QVERIFY(r1a && r1b);
        QCOMPARE(r1a->samples.size(), 3);
        QCOMPARE(r1a->samples.last().tsMs, kT0 + 2 * kDay);
        QCOMPARE(r1b->samples.size(), 3);
        QCOMPARE(r1b->samples.first().tsMs, kT0 + 3 * kDay);
        QCOMPARE(r1a->key, r1b->key);
        // the restart (pid change) between day 2 and 3 is known to both parts
        QCOMPARE(r1a->startsMs, QVector<qint64> { kT0 + 2 * kDay + kDay / 2 });
        QCOMPARE(r1b->startsMs, r1a->startsMs);
        QVERIFY(find(set, QStringLiteral("r3"), QStringLiteral("A")));
        QVERIFY(find(set, QStringLiteral("r3"), QStringLiteral("B")));
        QVERIFY(!find(set, QStringLiteral("r4"), QStringLiteral("A")));
        // at day 4, A has r2 and r3, B has r1 and r3
        QCOMPARE(set.valuesAt(QStringLiteral("A"), Metric::Rss, kT0 + 4 * kDay).size(), 2);
        const QVector<double> b = set.valuesAt(QStringLiteral("B"), Metric::Rss, kT0 + 4 * kDay);
        QCOMPARE(b.size(), 2);
        QCOMPARE(b.at(0) + b.at(1), double(1024 * (104 + 304)));
    }

    void markersAndTotals()
    {
        SeriesSet set;
        QString error;
        QVERIFY(querySeriesSet(m_db, { QStringLiteral("exp") }, &set, &error));
        int events = 0, hosts = 0;
        for (const SeriesMarker &m : std::as_const(set.markers)) {
            if (m.kind == SeriesMarker::Event) {
                ++events;
                QCOMPARE(m.label, QStringLiteral("deployed mimalloc"));
                QCOMPARE(m.group, QStringLiteral("A"));
            } else {
                ++hosts;
                QCOMPARE(m.tsMs, kT0 + 4 * kDay);
            }
        }
        QCOMPARE(events, 1);
        QCOMPARE(hosts, 1); // RAM 8 -> 16 GiB on s1
        QCOMPARE(set.serverTotals.size(), 1);
        QCOMPARE(set.serverTotals.first().totalKb, qint64(300 * 1024));
    }

    void timeRange()
    {
        SeriesQuery q { QStringLiteral("exp") };
        q.fromMs = kT0 + 1 * kDay;
        q.toMs = kT0 + 2 * kDay;
        SeriesSet set;
        QString error;
        QVERIFY(querySeriesSet(m_db, q, &set, &error));
        QCOMPARE(set.firstMs(), kT0 + kDay);
        QCOMPARE(set.lastMs(), kT0 + 2 * kDay);
        QVERIFY(!find(set, QStringLiteral("r1"), QStringLiteral("B"))); // moved only on day 3
    }

    void fleet()
    {
        SeriesSet set;
        QString error;
        QVERIFY(querySeriesSet(m_db, {}, &set, &error));
        QCOMPARE(set.groups.size(), 1);
        QCOMPARE(set.relays.size(), 4);
        QCOMPARE(set.valuesAt(fleetGroupLetter(), Metric::Rss, kT0).size(), 4);
        SeriesQuery q;
        q.fleetGrouping = SeriesQuery::FleetGrouping::PerServer;
        QVERIFY(querySeriesSet(m_db, q, &set, &error));
        QCOMPARE(set.groups.size(), 2);
        QCOMPARE(set.groups.at(1).letter, QStringLiteral("s2"));
        QCOMPARE(set.relaysOf(QStringLiteral("s2")).size(), 2);
    }

    void unknownExperiment()
    {
        SeriesSet set;
        QString error;
        QVERIFY(!querySeriesSet(m_db, { QStringLiteral("nope") }, &set, &error));
        QVERIFY2(error.contains(QStringLiteral("nope")), qPrintable(error));
    }

    void realDatasetComparison()
    {
        if (!QFileInfo::exists(kReal + QStringLiteral("/memory.csv")))
            QSKIP("../shared/datasets/torutils-5way is absent; the ground-truth check needs it");
        QTemporaryDir tmp;
        Database db;
        QVERIFY(db.open(tmp.filePath(QStringLiteral("real.sqlite"))));
        ImportOptions io;
        io.paths = { kReal };
        io.groupFiles = { QStringLiteral("group_B_mimalloc209_historical.txt"),
                          QStringLiteral("group_C_mimalloc217_historical.txt"),
                          QStringLiteral("group_E_glibc_historical.txt") };
        const ImportReport report = Importer::run(db, io);
        QVERIFY2(report.ok, qPrintable(report.errors.join(QLatin1Char('\n'))));
        SeriesSet set;
        QString error;
        QVERIFY2(querySeriesSet(db, { report.experiment }, &set, &error), qPrintable(error));
        QCOMPARE(set.groups.size(), 5);
        const qint64 at
            = QDateTime::fromString(QStringLiteral("2026-01-08T20:47:02Z"), Qt::ISODate).toMSecsSinceEpoch();
        QStringList got;
        QVector<QPair<double, QString>> ranked;
        for (const SeriesGroup &g : std::as_const(set.groups)) {
            const SummaryStats s = stats::summarize(set.valuesAt(g.letter, Metric::Rss, at));
            ranked.append({ s.mean, g.letter });
        }
        std::sort(ranked.begin(), ranked.end());
        for (const auto &r : std::as_const(ranked))
            got << r.second + QString::number(r.first / (1024.0 * 1024.0), 'f', 2);
        QCOMPARE(got.join(QLatin1Char(' ')), QStringLiteral("B1.28 C1.72 D2.64 E4.01 A8.62"));
    }
};

QTEST_GUILESS_MAIN(TestSeriesQuery)
#include "tst_seriesquery.moc"
