#include "models/summary.h"

#include "models/units.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace alloclab::summary {

namespace {

// Kept in English in the data (JSON is a contract); views translate them.
const char *const kUseThis = QT_TRANSLATE_NOOP("Summary", "Use this");
const char *const kAcceptable = QT_TRANSLATE_NOOP("Summary", "Acceptable");
const char *const kAvoid = QT_TRANSLATE_NOOP("Summary", "Avoid");

double median(std::vector<qint64> &v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? double(v[n / 2]) : (double(v[n / 2 - 1]) + double(v[n / 2])) / 2.0;
}

struct Cluster {
    qint64 firstMs;
    qint64 lastMs;
    size_t begin; // range in the time-sorted sample order
    size_t end;
};

struct GroupAt {
    std::vector<qint64> rss;
};

} // namespace

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

QString formatRatio(double ratio)
{
    return QString::number(ratio, 'f', 1) + QLatin1Char('x');
}

Summary compute(const QList<SampleRecord> &samples, const QList<GroupInfo> &groups, const Membership &groupOf,
                const Options &options)
{
    Summary out;
    std::vector<size_t> order;
    order.reserve(size_t(samples.size()));
    for (qsizetype i = 0; i < samples.size(); ++i) {
        if (samples.at(i).rssKb >= 0)
            order.push_back(size_t(i));
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return samples.at(qsizetype(a)).tsMs < samples.at(qsizetype(b)).tsMs;
    });

    // One poll of every host lands within seconds; successive polls are further apart.
    std::vector<Cluster> clusters;
    for (size_t k = 0; k < order.size(); ++k) {
        const qint64 ts = samples.at(qsizetype(order[k])).tsMs;
        if (clusters.empty() || ts - clusters.back().lastMs > options.snapshotGapMs)
            clusters.push_back({ ts, ts, k, k + 1 });
        else {
            clusters.back().lastMs = ts;
            clusters.back().end = k + 1;
        }
    }
    int target = -1;
    for (int c = int(clusters.size()) - 1; c >= 0; --c) {
        if (options.atMs == 0 || clusters[size_t(c)].lastMs <= options.atMs) {
            target = c;
            break;
        }
    }

    for (const GroupInfo &g : groups) {
        GroupSummary s;
        s.letter = g.letter;
        s.label = g.label;
        s.allocator = g.allocator;
        out.groups.append(s);
    }
    if (target < 0)
        return out;

    const Cluster &snap = clusters[size_t(target)];
    out.atMs = snap.lastMs;
    out.windowFromMs = options.windowFromMs ? options.windowFromMs : snap.lastMs - options.windowMs;

    QHash<QString, int> groupIndex;
    for (int i = 0; i < groups.size(); ++i)
        groupIndex.insert(groups.at(i).letter, i);

    // Group values at one snapshot: each relay's latest sample in it, grouped by membership then.
    auto valuesAt = [&](const Cluster &c) {
        std::vector<GroupAt> at(size_t(groups.size()));
        QHash<Id, qint64> latest;
        for (size_t k = c.begin; k < c.end; ++k) {
            const SampleRecord &s = samples.at(qsizetype(order[k]));
            latest.insert(s.relayId, s.rssKb);
        }
        for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
            const QStringList letters = groupOf(it.key(), c.lastMs);
            for (const QString &letter : letters) {
                const int gi = groupIndex.value(letter, -1);
                if (gi >= 0)
                    at[size_t(gi)].rss.push_back(it.value());
            }
        }
        return at;
    };

    std::vector<GroupAt> now = valuesAt(snap);
    for (int i = 0; i < groups.size(); ++i) {
        std::vector<qint64> &v = now[size_t(i)].rss;
        GroupSummary &s = out.groups[i];
        s.relays = int(v.size());
        if (v.empty())
            continue;
        const double sum = double(std::accumulate(v.begin(), v.end(), qint64(0)));
        s.meanGib = sum / double(v.size()) / units::kKiBPerGiB;
        s.medianGib = median(v) / units::kKiBPerGiB;
    }

    // Growth: least squares over the snapshots in the window, in GiB per day.
    std::vector<std::vector<std::pair<double, double>>> series(size_t(groups.size()));
    for (int c = 0; c <= target; ++c) {
        const Cluster &cl = clusters[size_t(c)];
        if (cl.lastMs < out.windowFromMs)
            continue;
        const std::vector<GroupAt> at = valuesAt(cl);
        for (size_t i = 0; i < at.size(); ++i) {
            if (at[i].rss.empty())
                continue;
            const double mean = double(std::accumulate(at[i].rss.begin(), at[i].rss.end(), qint64(0)))
                / double(at[i].rss.size()) / units::kKiBPerGiB;
            series[i].push_back({ double(cl.lastMs - snap.lastMs) / 86400000.0, mean });
        }
    }
    for (int i = 0; i < groups.size(); ++i) {
        const auto &pts = series[size_t(i)];
        GroupSummary &s = out.groups[i];
        s.growthPoints = int(pts.size());
        if (pts.size() < 2)
            continue;
        double mx = 0, my = 0;
        for (const auto &p : pts) {
            mx += p.first;
            my += p.second;
        }
        mx /= double(pts.size());
        my /= double(pts.size());
        double sxy = 0, sxx = 0;
        for (const auto &p : pts) {
            sxy += (p.first - mx) * (p.second - my);
            sxx += (p.first - mx) * (p.first - mx);
        }
        s.growthGibPerDay = sxx > 0 ? sxy / sxx : 0;
        if (sxx <= 0)
            s.growthPoints = 1;
    }

    // Rank by mean; groups without relays at the snapshot are not ranked.
    std::stable_sort(out.groups.begin(), out.groups.end(), [](const GroupSummary &a, const GroupSummary &b) {
        if ((a.relays > 0) != (b.relays > 0))
            return a.relays > 0;
        return a.relays > 0 && a.meanGib < b.meanGib;
    });
    const double best
        = out.groups.isEmpty() || out.groups.front().relays == 0 ? 0 : out.groups.front().meanGib;
    double worst = 0;
    int rank = 0;
    for (GroupSummary &s : out.groups) {
        if (s.relays == 0)
            continue;
        s.rank = ++rank;
        s.ratio = best > 0 ? s.meanGib / best : 0;
        worst = std::max(worst, s.meanGib);
        const bool growing = s.growthPoints >= 2 && s.growthGibPerDay >= options.growingGibPerDay
            && s.growthGibPerDay >= options.growingFractionPerDay * s.meanGib;
        if (s.rank == 1)
            s.recommendation = QLatin1String(kUseThis);
        else if (growing || std::round(s.ratio * 10.0) / 10.0 >= options.farWorseRatio)
            s.recommendation = QLatin1String(kAvoid);
        else
            s.recommendation = QLatin1String(kAcceptable);
    }
    out.worstBestRatio = best > 0 ? worst / best : 0;
    return out;
}

namespace {
double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}
} // namespace

QJsonObject Summary::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("at"), atMs ? QJsonValue(isoUtc(atMs)) : QJsonValue());
    o.insert(QStringLiteral("window_from"), atMs ? QJsonValue(isoUtc(windowFromMs)) : QJsonValue());
    o.insert(QStringLiteral("worst_best_ratio"), round1(worstBestRatio));
    QJsonArray arr;
    for (const GroupSummary &g : groups) {
        QJsonObject j;
        j.insert(QStringLiteral("letter"), g.letter);
        j.insert(QStringLiteral("label"), g.label);
        j.insert(QStringLiteral("allocator"), g.allocator);
        j.insert(QStringLiteral("relays"), g.relays);
        const bool has = g.relays > 0;
        j.insert(QStringLiteral("mean_gib"), has ? QJsonValue(round2(g.meanGib)) : QJsonValue());
        j.insert(QStringLiteral("median_gib"), has ? QJsonValue(round2(g.medianGib)) : QJsonValue());
        j.insert(QStringLiteral("ratio"), has ? QJsonValue(round1(g.ratio)) : QJsonValue());
        j.insert(QStringLiteral("growth_gib_per_day"),
                 g.growthPoints >= 2 ? QJsonValue(round2(g.growthGibPerDay)) : QJsonValue());
        j.insert(QStringLiteral("rank"), has ? QJsonValue(g.rank) : QJsonValue());
        j.insert(QStringLiteral("recommendation"), g.recommendation);
        arr.append(j);
    }
    o.insert(QStringLiteral("groups"), arr);
    return o;
}

QString Summary::toMarkdown() const
{
    QString md;
    md += QLatin1String("| ") + QCoreApplication::translate("Summary", "Rank") + QLatin1String(" | ")
        + QCoreApplication::translate("Summary", "Group") + QLatin1String(" | ")
        + QCoreApplication::translate("Summary", "Allocator") + QLatin1String(" | ")
        + QCoreApplication::translate("Summary", "Relays") + QLatin1String(" | ")
        + QCoreApplication::translate("Summary", "Mean RSS") + QLatin1String(" | ")
        + QCoreApplication::translate("Summary", "Median RSS") + QLatin1String(" | ")
        + QCoreApplication::translate("Summary", "vs. best") + QLatin1String(" | ")
        + QCoreApplication::translate("Summary", "Growth/day") + QLatin1String(" | ")
        + QCoreApplication::translate("Summary", "Recommendation") + QLatin1String(" |\n");
    md += QLatin1String("|---:|---|---|---:|---:|---:|---:|---:|---|\n");
    for (const GroupSummary &g : groups) {
        const bool has = g.relays > 0;
        const QString dash = QStringLiteral("-");
        const QString gib = QCoreApplication::translate("Summary", "%1 GiB");
        md += QLatin1String("| ") + (has ? QString::number(g.rank) : dash) + QLatin1String(" | ") + g.letter
            + QLatin1String(" | ") + g.allocator + QLatin1String(" | ") + QString::number(g.relays)
            + QLatin1String(" | ") + (has ? gib.arg(QString::number(g.meanGib, 'f', 2)) : dash)
            + QLatin1String(" | ") + (has ? gib.arg(QString::number(g.medianGib, 'f', 2)) : dash)
            + QLatin1String(" | ") + (has ? formatRatio(g.ratio) : dash) + QLatin1String(" | ")
            + (g.growthPoints >= 2 ? QCoreApplication::translate("Summary", "%1 GiB/day")
                                         .arg((g.growthGibPerDay >= 0 ? QStringLiteral("+") : QString())
                                              + QString::number(g.growthGibPerDay, 'f', 2))
                                   : dash)
            + QLatin1String(" | ")
            + (g.recommendation.isEmpty()
                   ? dash
                   : QCoreApplication::translate("Summary", g.recommendation.toUtf8().constData()))
            + QLatin1String(" |\n");
    }
    if (atMs) {
        md += QLatin1Char('\n')
            + QCoreApplication::translate("Summary", "Snapshot %1 (UTC); worst/best %2.")
                  .arg(isoUtc(atMs), formatRatio(worstBestRatio))
            + QLatin1Char('\n');
    }
    return md;
}

} // namespace alloclab::summary
