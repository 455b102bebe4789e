#include "torutils5way.h"

#include "models/palette.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QTextStream>

namespace alloclab::testdata {

QString torutils5wayDir()
{
    return QStringLiteral(ALLOCLAB_SOURCE_DIR "/../shared/datasets/torutils-5way");
}

bool torutils5wayPresent()
{
    return QFile::exists(torutils5wayDir() + QStringLiteral("/memory.csv"));
}

qint64 wallClockMs(const char *isoNaive)
{
    QDateTime dt = QDateTime::fromString(QString::fromLatin1(isoNaive).left(19), Qt::ISODate);
    dt.setTimeSpec(Qt::UTC);
    return dt.toMSecsSinceEpoch();
}

namespace {
qint64 parseTs(const QString &s)
{
    return wallClockMs(s.left(19).toLatin1().constData()); // drop any "-08:00": wall clock
}

QStringList readLines(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("cannot read %1").arg(path);
        return {};
    }
    QStringList out;
    QTextStream in(&f);
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (!line.isEmpty())
            out << line;
    }
    return out;
}
} // namespace

SeriesSet loadTorutils5way(QString *error)
{
    SeriesSet set;
    set.title = QStringLiteral("5-way allocator comparison (TorUtils, 200 relays)");
    const QDir dir(torutils5wayDir());
    struct G {
        const char *letter, *file, *label;
    };
    const G groups[] = { { "A", "group_A_mimalloc301.txt", "mimalloc 3.0.1" },
                         { "B", "group_B_mimalloc209_historical.txt", "mimalloc 2.0.9" },
                         { "C", "group_C_mimalloc217_historical.txt", "mimalloc 2.1.7" },
                         { "D", "group_D_jemalloc.txt", "jemalloc 5.3.0" },
                         { "E", "group_E_glibc_historical.txt", "glibc 2.41" } };
    // A few relays are listed in two files (D and E_historical); the published figures count
    // them in both, so they get one series per group.
    QMultiHash<QString, QString> groupOf;
    for (const G &g : groups) {
        const QString letter = QString::fromLatin1(g.letter);
        set.groups.append({ letter, QString::fromLatin1(g.label), palette::groupColour(letter) });
        const QStringList names
            = readLines(dir.filePath(QStringLiteral("groups/") + QString::fromLatin1(g.file)), error);
        for (const QString &n : names)
            groupOf.insert(n, letter);
    }

    QHash<QString, int> relayIndex;
    const QStringList memory = readLines(dir.filePath(QStringLiteral("memory.csv")), error);
    for (qsizetype i = 1; i < memory.size(); ++i) {
        const QStringList f = memory.at(i).split(QLatin1Char(','));
        if (f.size() < 14)
            continue;
        if (f.at(2) == QLatin1String("aggregate")) {
            AggregateRecord a;
            a.server = f.at(1);
            a.tsMs = parseTs(f.at(0));
            a.count = f.at(9).toLongLong();
            a.totalKb = f.at(10).toLongLong();
            a.avgKb = f.at(11).toLongLong();
            a.minKb = f.at(12).toLongLong();
            a.maxKb = f.at(13).toLongLong();
            set.serverTotals.append(a);
            continue;
        }
        const QString nick = f.at(4);
        bool okR = false, okH = false;
        SeriesSample s { parseTs(f.at(0)), f.at(5).toLongLong(&okR), f.at(7).toLongLong(&okH) };
        if (!okR)
            s.rssKb = -1;
        if (!okH)
            s.hwmKb = -1;
        QStringList letters = groupOf.values(nick);
        if (letters.isEmpty())
            letters << QString();
        for (const QString &letter : std::as_const(letters)) {
            const QString id = nick + QLatin1Char('|') + letter;
            int ri = relayIndex.value(id, -1);
            if (ri < 0) {
                RelaySeries r;
                r.key = f.at(1) + QLatin1Char('/') + nick; // fingerprint is empty in one snapshot
                r.nickname = nick;
                r.server = f.at(1);
                r.group = letter;
                ri = int(set.relays.size());
                set.relays.append(r);
                relayIndex.insert(id, ri);
            }
            set.relays[ri].samples.append(s);
        }
    }
    for (RelaySeries &r : set.relays) {
        std::stable_sort(r.samples.begin(), r.samples.end(),
                         [](const SeriesSample &a, const SeriesSample &b) { return a.tsMs < b.tsMs; });
        r.inferStartsFromHwm();
    }

    const QStringList events = readLines(dir.filePath(QStringLiteral("events.csv")), error);
    for (qsizetype i = 1; i < events.size(); ++i) {
        const QStringList f = events.at(i).split(QLatin1Char(','));
        if (f.size() < 3)
            continue;
        SeriesMarker m;
        m.tsMs = parseTs(f.at(0));
        m.label = f.at(2);
        set.markers.append(m);
    }

    QList<HostDiagnosticsRecord> diags;
    const QStringList diag = readLines(dir.filePath(QStringLiteral("diagnostics.csv")), error);
    for (qsizetype i = 1; i < diag.size(); ++i) {
        const QStringList f = diag.at(i).split(QLatin1Char(','));
        if (f.size() < 17)
            continue;
        HostDiagnosticsRecord d;
        d.server = f.at(2);
        d.tsMs = parseTs(f.at(0) + QLatin1Char('T') + f.at(1));
        d.torVersion = f.at(3);
        d.memTotalKb = f.at(7).toLongLong() * 1024;
        d.swapTotalKb = f.at(11).toLongLong() * 1024;
        d.relayCount = f.at(16).toInt();
        diags.append(d);
    }
    set.markers += SeriesSet::diagnosticsMarkers(diags);
    return set;
}

} // namespace alloclab::testdata
