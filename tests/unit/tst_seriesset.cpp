#include "models/groupcolors.h"
#include "models/palette.h"
#include "models/seriesset.h"

#include <QDateTime>
#include <QTest>

using namespace alloclab;

namespace {
constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kHour = 60 * kMin;

RelaySeries relay(const QString &key, const QString &group, const QVector<QPair<qint64, qint64>> &tsRss)
{
    RelaySeries r;
    r.key = key;
    r.nickname = key;
    r.group = group;
    for (const auto &p : tsRss)
        r.samples.append({ p.first, p.second, p.second + 1 });
    return r;
}

// Three relays in A, one of which (r3) joins late and is sampled 2 minutes after the others;
// one relay in B. Hand-computed figures in the tests below.
SeriesSet tiny()
{
    SeriesSet s;
    s.groups = { { QStringLiteral("A"), QStringLiteral("a"), palette::groupColour(QStringLiteral("A")) },
                 { QStringLiteral("B"), QStringLiteral("b"), palette::groupColour(QStringLiteral("B")) } };
    s.relays = { relay(QStringLiteral("r1"), QStringLiteral("A"),
                       { { 0, 100 }, { kHour, 110 }, { 2 * kHour, 120 } }),
                 relay(QStringLiteral("r2"), QStringLiteral("A"), { { 0, 200 }, { kHour, 210 } }),
                 relay(QStringLiteral("r3"), QStringLiteral("A"), { { 0, 600 }, { kHour + 2 * kMin, 700 } }),
                 relay(QStringLiteral("r4"), QStringLiteral("B"), { { 0, 1000 } }) };
    return s;
}
} // namespace

class TestSeriesSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quantilesAndTukey()
    {
        const QVector<double> v { 1, 2, 3, 4, 5, 6, 7, 8, 9, 100 };
        const BoxStats b = stats::tukey(v);
        QCOMPARE(b.stats.n, 10);
        QCOMPARE(b.stats.mean, 14.5);
        QCOMPARE(b.stats.q1, 3.25);
        QCOMPARE(b.stats.median, 5.5);
        QCOMPARE(b.stats.q3, 7.75);
        QCOMPARE(b.lowerWhisker, 1.0);
        QCOMPARE(b.upperWhisker, 9.0); // 100 > 7.75 + 1.5 * 4.5
        QCOMPARE(b.outliers, QVector<double> { 100 });
        QCOMPARE(stats::quantile({ 10 }, 0.9), 10.0);
        QCOMPARE(stats::quantile({ 0, 10 }, 0.3), 3.0);
    }

    void aggregatePerSnapshot()
    {
        const SeriesSet s = tiny();
        const QVector<AggregatePoint> a = s.aggregate(QStringLiteral("A"), Metric::Rss);
        QCOMPARE(a.size(), 3);
        // t = 0: 100, 200, 600
        QCOMPARE(a.at(0).x, qint64(0));
        QCOMPARE(a.at(0).stats.n, 3);
        QCOMPARE(a.at(0).stats.mean, 300.0);
        QCOMPARE(a.at(0).stats.q1, 150.0);
        QCOMPARE(a.at(0).stats.median, 200.0);
        QCOMPARE(a.at(0).stats.q3, 400.0);
        QCOMPARE(a.at(0).stats.min, 100.0);
        QCOMPARE(a.at(0).stats.max, 600.0);
        QVERIFY(qAbs(a.at(0).stats.sd - 264.5751311) < 1e-6);
        // t = 1 h: r3 sampled 2 min later belongs to the same snapshot: 110, 210, 700
        QCOMPARE(a.at(1).x, kHour);
        QCOMPARE(a.at(1).stats.n, 3);
        QCOMPARE(a.at(1).stats.mean, 340.0);
        QCOMPARE(a.at(1).stats.q1, 160.0);
        QCOMPARE(a.at(1).stats.q3, 455.0);
        // t = 2 h: only r1 (no interpolation of the others)
        QCOMPARE(a.at(2).stats.n, 1);
        QCOMPARE(a.at(2).stats.mean, 120.0);
        // HWM is its own metric
        QCOMPARE(s.aggregate(QStringLiteral("A"), Metric::Hwm).at(0).stats.mean, 301.0);
        // A tighter tolerance splits the late sample into its own snapshot.
        QCOMPARE(s.aggregate(QStringLiteral("A"), Metric::Rss, TimeBase::WallClock, kMin).size(), 4);
    }

    void snapshotsAndValues()
    {
        const SeriesSet s = tiny();
        QCOMPARE(s.snapshotTimes(), (QVector<qint64> { 0, kHour, 2 * kHour }));
        QCOMPARE(s.latestCommonSnapshot(), qint64(0)); // B only has t = 0
        QVector<double> at = s.valuesAt(QStringLiteral("A"), Metric::Rss, kHour);
        std::sort(at.begin(), at.end());
        QCOMPARE(at, (QVector<double> { 110, 210, 700 }));
        QCOMPARE(s.valuesIn(QStringLiteral("A"), Metric::Rss, kHour, 2 * kHour).size(), 4);
        QCOMPARE(s.firstMs(), qint64(0));
        QCOMPARE(s.lastMs(), 2 * kHour);
        QCOMPARE(s.maxValueKb(Metric::Rss), qint64(1000));
    }

    void totals()
    {
        const QVector<TotalPoint> t = tiny().totals(Metric::Rss);
        QCOMPARE(t.size(), 3);
        QCOMPARE(t.at(0).totalKb, 1900.0);
        QCOMPARE(t.at(0).relays, 4);
        QCOMPARE(t.at(0).perGroupKb, (QVector<double> { 900, 1000 }));
        QCOMPARE(t.at(1).totalKb, 1020.0);
    }

    void uptimeAligned()
    {
        SeriesSet s;
        s.groups = { { QStringLiteral("A"), QString(), QColor() } };
        RelaySeries r = relay(QStringLiteral("r"), QStringLiteral("A"),
                              { { kHour, 10 }, { 2 * kHour, 20 }, { 4 * kHour, 5 } });
        r.startsMs = { 0, 3 * kHour };
        s.relays = { r };
        const QVector<QPointF> p = s.relayPoints(0, Metric::Rss, TimeBase::Uptime);
        // Only the current process (started at 3 h) counts: one sample, 1 h after its start.
        QCOMPARE(p, (QVector<QPointF> { { double(kHour), 5 } }));
        QCOMPARE(s.aggregate(QStringLiteral("A"), Metric::Rss, TimeBase::Uptime).size(), 1);
        // Without known starts, uptime counts from the first sample.
        s.relays[0].startsMs.clear();
        QCOMPARE(s.relayPoints(0, Metric::Rss, TimeBase::Uptime).first().x(), 0.0);
    }

    void inferStartsFromHwm()
    {
        RelaySeries r;
        r.samples = { { 0, 100, 100 }, { 10, 90, 100 }, { 20, 50, 60 }, { 30, 70, 70 }, { 40, 10, 10 } };
        r.inferStartsFromHwm();
        QCOMPARE(r.startsMs, (QVector<qint64> { 15, 35 }));
        QCOMPARE(r.startAt(12), qint64(0)); // before the first known start: the first sample
        QCOMPARE(r.startAt(20), qint64(15));
        QCOMPARE(r.startAt(40), qint64(35));
    }

    void weekly()
    {
        SeriesSet s;
        s.groups = { { QStringLiteral("A"), QString(), QColor() } };
        const qint64 sun = QDateTime(QDate(2026, 1, 4), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 mon = QDateTime(QDate(2026, 1, 5), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        s.relays = { relay(QStringLiteral("r"), QStringLiteral("A"),
                           { { sun, 10 }, { mon, 20 }, { mon + kHour, 40 } }) };
        const QVector<WeeklyStat> w = s.weekly(Metric::Rss);
        QCOMPARE(w.size(), 2);
        QCOMPARE(w.at(0).weekStartMs,
                 QDateTime(QDate(2025, 12, 29), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(w.at(0).perGroup.at(0).mean, 10.0);
        QCOMPARE(w.at(1).weekStartMs, mon);
        QCOMPARE(w.at(1).perGroup.at(0).mean, 30.0);
    }

    void histogram()
    {
        const Histogram h = SeriesSet::histogram({ { 0, 9, 10, 19.9 }, { 25 } }, 3);
        QCOMPARE(h.binWidth, 10.0);
        QCOMPARE(h.start, 0.0);
        QCOMPARE(h.bins, 3);
        QCOMPARE(h.counts.at(0), (QVector<int> { 2, 2, 0 }));
        QCOMPARE(h.counts.at(1), (QVector<int> { 0, 0, 1 }));
    }

    void diagnosticsMarkers()
    {
        HostDiagnosticsRecord a;
        a.server = QStringLiteral("go");
        a.tsMs = 1000;
        a.memTotalKb = 786961LL * 1024;
        a.relayCount = 120;
        a.torVersion = QStringLiteral("0.4.8.21");
        HostDiagnosticsRecord b = a;
        b.tsMs = 2000;
        HostDiagnosticsRecord c = b;
        c.tsMs = 3000;
        c.relayCount = 180;
        c.torVersion = QStringLiteral("0.4.8.22");
        const QVector<SeriesMarker> m = SeriesSet::diagnosticsMarkers({ c, a, b });
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.at(0).tsMs, qint64(3000));
        QCOMPARE(m.at(0).kind, SeriesMarker::Host);
        QVERIFY2(m.at(0).label.contains(QStringLiteral("120 → 180 relays")), qPrintable(m.at(0).label));
        QVERIFY(m.at(0).label.contains(QStringLiteral("tor 0.4.8.21 → 0.4.8.22")));
    }

    void liveAddSamples()
    {
        SeriesSet s = tiny();
        s.addSamples(QStringLiteral("r2"), QStringLiteral("A"),
                     { { 2 * kHour, 230, 231 }, { kHour, 215, 216 } });
        const RelaySeries &r2 = s.relays.at(1);
        QCOMPARE(r2.samples.size(), 3);
        QCOMPARE(r2.samples.at(1).rssKb, qint64(215)); // replaced, not duplicated
        QCOMPARE(r2.samples.at(2).tsMs, 2 * kHour);
        s.addSamples(QStringLiteral("new"), QStringLiteral("B"), { { 0, 5, 5 } });
        QCOMPARE(s.relaysOf(QStringLiteral("B")).size(), 2);
    }

    void palette()
    {
        // One colour per group everywhere: the charts use the board's assignment (A blue).
        QCOMPARE(palette::groupColour(QStringLiteral("A")), QColor(0x0072B2));
        QCOMPARE(palette::groupColour(QStringLiteral("b")), QColor(0xE69F00));
        for (char16_t l = u'A'; l <= u'Z'; ++l)
            QCOMPARE(palette::groupColour(QString(QChar(l))), groupColor(QString(QChar(l))));
        // Distinct hues for the first five groups.
        for (int i = 0; i < 5; ++i)
            for (int j = i + 1; j < 5; ++j)
                QVERIFY(palette::okabeIto(i) != palette::okabeIto(j));
        // On a dark background every group colour reaches 3:1 contrast.
        const QColor dark(0x20, 0x20, 0x20);
        for (const char *l : { "A", "B", "C", "D", "E", "F", "G" })
            QVERIFY2(palette::contrastRatio(palette::groupColourOn(QLatin1String(l), dark), dark) >= 3.0, l);
        QCOMPARE(palette::foregroundFor(Qt::white), QColor(0x22, 0x22, 0x22));
    }
};

QTEST_APPLESS_MAIN(TestSeriesSet)
#include "tst_seriesset.moc"
