#include "models/torutils.h"

#include <QDateTime>
#include <QFile>
#include <QTest>

using namespace alloclab;
using namespace alloclab::torutils;

namespace {
QByteArray fixture(const char *rel)
{
    QFile f(QStringLiteral(ALLOCLAB_SOURCE_DIR "/tests/data/torutils/") + QLatin1String(rel));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", rel);
    return f.readAll();
}
qint64 utc(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}
} // namespace

class TestTorUtils : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detect_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("group");
        QTest::addColumn<bool>("allocatorSchema");
        QTest::newRow("memory 14") << QByteArray(
            "timestamp,server,type,fingerprint,nickname,rss_kb,vmsize_kb,hwm_kb,"
            "frag_ratio,count,total_kb,avg_kb,min_kb,max_kb\n")
                                   << int(FileKind::Memory) << false << false;
        QTest::newRow("memory 15 bom crlf") << QByteArray(
            "\xEF\xBB\xBFtimestamp,server,type,fingerprint,nickname,group,rss_kb,vmsize_kb,hwm_kb,"
            "frag_ratio,count,total_kb,avg_kb,min_kb,max_kb\r\n")
                                            << int(FileKind::Memory) << true << false;
        QTest::newRow("memory reordered minimal")
            << QByteArray("\n\nrss_kb,nickname,type,timestamp\n") << int(FileKind::Memory) << false << false;
        QTest::newRow("events") << QByteArray("timestamp,event_type,description,group\n")
                                << int(FileKind::Events) << false << false;
        QTest::newRow("diagnostics") << QByteArray("date,time,hostname,tor_version,kernel\n")
                                     << int(FileKind::Diagnostics) << false << false;
        QTest::newRow("relay_config dircache") << QByteArray("nickname,fingerprint,dircache,maxmem\n")
                                               << int(FileKind::RelayConfig) << false << false;
        QTest::newRow("relay_config allocator") << QByteArray("server,nickname,allocator,config\n")
                                                << int(FileKind::RelayConfig) << false << true;
        QTest::newRow("unknown") << QByteArray("a,b,c\n") << int(FileKind::Unknown) << false << false;
        QTest::newRow("empty") << QByteArray("") << int(FileKind::Unknown) << false << false;
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\"", 4) << int(FileKind::Unknown) << false
                                << false;
    }
    void detect()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, kind);
        QFETCH(bool, group);
        QFETCH(bool, allocatorSchema);
        const FileFormat f = detectFormat(head);
        QCOMPARE(int(f.kind), kind);
        QCOMPARE(f.groupColumn, group);
        QCOMPARE(f.allocatorSchema, allocatorSchema);
        if (f.kind == FileKind::Unknown)
            QVERIFY(!f.error.isEmpty());
    }

    void timestamps_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<bool>("offset");
        const QString u = QStringLiteral("UTC");
        const QString la = QStringLiteral("America/Los_Angeles");
        QTest::newRow("naive utc") << QByteArray("2026-01-08T20:47:02") << u << true
                                   << utc("2026-01-08T20:47:02Z") << false;
        QTest::newRow("space separator")
            << QByteArray("2026-01-08 20:47:02") << u << true << utc("2026-01-08T20:47:02Z") << false;
        QTest::newRow("no seconds") << QByteArray("2026-01-08T20:47") << u << true
                                    << utc("2026-01-08T20:47:00Z") << false;
        QTest::newRow("millis") << QByteArray("2026-01-08T20:47:02.5") << u << true
                                << utc("2026-01-08T20:47:02.500Z") << false;
        QTest::newRow("micros") << QByteArray("2026-01-08T20:47:02.123456") << u << true
                                << utc("2026-01-08T20:47:02.123Z") << false;
        QTest::newRow("Z") << QByteArray("2026-01-08T20:47:02Z") << la << true << utc("2026-01-08T20:47:02Z")
                           << true;
        QTest::newRow("offset") << QByteArray("2026-01-05T10:47:43-08:00") << u << true
                                << utc("2026-01-05T18:47:43Z") << true;
        QTest::newRow("offset compact")
            << QByteArray("2026-01-05T10:47:43+0530") << u << true << utc("2026-01-05T05:17:43Z") << true;
        QTest::newRow("offset hours")
            << QByteArray("2026-01-05T10:47:43+01") << u << true << utc("2026-01-05T09:47:43Z") << true;
        QTest::newRow("naive in LA winter")
            << QByteArray("2026-01-05T10:47:43") << la << true << utc("2026-01-05T18:47:43Z") << false;
        QTest::newRow("naive in LA summer")
            << QByteArray("2025-07-05T10:47:43") << la << true << utc("2025-07-05T17:47:43Z") << false;
        QTest::newRow("fixed offset zone") << QByteArray("2026-01-05T10:47:43") << QStringLiteral("UTC+02:00")
                                           << true << utc("2026-01-05T08:47:43Z") << false;
        QTest::newRow("leap day") << QByteArray("2024-02-29T00:00:00") << u << true
                                  << utc("2024-02-29T00:00:00Z") << false;
        QTest::newRow("not leap") << QByteArray("2025-02-29T00:00:00") << u << false << qint64(0) << false;
        QTest::newRow("month 13") << QByteArray("2026-13-01T00:00:00") << u << false << qint64(0) << false;
        QTest::newRow("hour 24") << QByteArray("2026-01-01T24:00:00") << u << false << qint64(0) << false;
        QTest::newRow("date only") << QByteArray("2026-01-01") << u << false << qint64(0) << false;
        QTest::newRow("junk after") << QByteArray("2026-01-01T00:00:00 x") << u << false << qint64(0)
                                    << false;
        QTest::newRow("bad offset") << QByteArray("2026-01-01T00:00:00+5") << u << false << qint64(0)
                                    << false;
        QTest::newRow("empty") << QByteArray() << u << false << qint64(0) << false;
        QTest::newRow("epoch") << QByteArray("1735689600") << u << false << qint64(0) << false;
    }
    void timestamps()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, zone);
        QFETCH(bool, ok);
        QFETCH(qint64, ms);
        QFETCH(bool, offset);
        const QTimeZone tz = zone == QLatin1String("UTC") ? QTimeZone::utc() : QTimeZone(zone.toLatin1());
        QVERIFY(tz.isValid());
        TimestampParser p(tz);
        qint64 got = 0;
        bool hadOffset = false;
        QCOMPARE(p.parse(text, &got, &hadOffset), ok);
        if (ok) {
            QCOMPARE(got, ms);
            QCOMPARE(hadOffset, offset);
            // The cache answers the same text the same way.
            qint64 again = 0;
            QVERIFY(p.parse(text, &again));
            QCOMPARE(again, ms);
        }
    }

    void formatTimestamps()
    {
        const qint64 ms = utc("2026-01-05T18:47:43Z");
        QCOMPARE(formatTimestamp(ms, QTimeZone::utc(), false), QByteArray("2026-01-05T18:47:43"));
        QCOMPARE(formatTimestamp(ms, QTimeZone::utc(), true), QByteArray("2026-01-05T18:47:43+00:00"));
        const QTimeZone la("America/Los_Angeles");
        QCOMPARE(formatTimestamp(ms, la, true), QByteArray("2026-01-05T10:47:43-08:00"));
        QCOMPARE(formatTimestamp(ms + 7, la, false), QByteArray("2026-01-05T10:47:43.007"));
        TimestampParser p(la);
        qint64 back = 0;
        QVERIFY(p.parse(formatTimestamp(ms + 7, la, false), &back));
        QCOMPARE(back, ms + 7);
    }

    void memoryMixed()
    {
        const MemoryFile f = parseMemory(fixture("mixed/memory.csv"));
        QVERIFY2(f.errors.isEmpty(), qPrintable(f.errors.value(0).message));
        QVERIFY(f.format.groupColumn);
        QCOMPARE(f.format.columns, 15);
        QCOMPARE(f.aggregates.size(), 1);
        QCOMPARE(f.aggregates[0].count, 3);
        QCOMPARE(f.aggregates[0].totalKb, 300);
        QCOMPARE(f.aggregates[0].server, QStringLiteral("go"));
        QCOMPARE(f.samples.size(), 7);
        // alpha, beta (lower-case fingerprint normalised), gamma on go; delta on co without fingerprint.
        QCOMPARE(f.relays.size(), 4);
        QCOMPARE(f.relays[0].nickname, QStringLiteral("alpha"));
        QCOMPARE(f.relays[1].fingerprint, QStringLiteral("F14F2336C7FBCF654B670F765865CC471BC25465"));
        QCOMPARE(f.relays[3].server, QStringLiteral("co"));
        QVERIFY(f.relays[3].fingerprint.isEmpty());
        // Rows without fingerprint join the relay with the same server + nickname.
        QCOMPARE(f.samples[3].relayId, f.samples[0].relayId);
        QCOMPARE(f.samples[4].relayId, f.samples[1].relayId);
        // Mixed offsets: beta's +01:00 row is the same instant as the naive UTC ones.
        QCOMPARE(f.samples[4].tsMs, utc("2026-01-02T02:00:01Z"));
        QCOMPARE(f.samples[5].tsMs, utc("2026-01-02T02:00:01Z"));
        QCOMPARE(f.samples[0].rssKb, 1048576);
        QCOMPARE(f.samples[0].vmsizeKb, 3145728);
        QCOMPARE(f.samples[0].hwmKb, 1100000);
        QCOMPARE(f.samples[1].hwmKb, -1); // optional value missing
        QCOMPARE(f.sampleGroups[6], QStringLiteral("A, the \"first\""));
    }

    void memoryNaiveZone()
    {
        ReadOptions o;
        o.naiveZone = QTimeZone("America/Los_Angeles");
        const MemoryFile f = parseMemory(fixture("mixed/memory.csv"), o);
        QCOMPARE(f.samples[0].tsMs, utc("2026-01-01T10:00:01Z")); // naive: read in LA
        QCOMPARE(f.samples[2].tsMs, utc("2026-01-01T02:00:01Z")); // +00:00 stays
    }

    void memoryBad()
    {
        const MemoryFile f = parseMemory(fixture("bad/memory.csv"));
        QCOMPARE(f.samples.size(), 1);
        QStringList got;
        for (const RowError &e : f.errors)
            got << formatError(QStringLiteral("memory.csv"), e);
        const QStringList expected = {
            QStringLiteral("memory.csv:3: expected an ISO 8601 timestamp"),
            QStringLiteral("memory.csv:4: expected a non-negative integer in rss_kb, got 'lots'"),
            QStringLiteral("memory.csv:5: expected a 40-character hex fingerprint, got 'XYZ'"),
            QStringLiteral("memory.csv:6: expected a relay nickname"),
            QStringLiteral("memory.csv:7: expected type 'relay' or 'aggregate', got 'gauge'"),
            QStringLiteral("memory.csv:8: expected a comma or the end of the line after a closing quote"),
            QStringLiteral("memory.csv:9: expected a value in total_kb"),
            QStringLiteral("memory.csv:10: expected a value in rss_kb"),
            QStringLiteral("memory.csv:11: expected a closing quote"),
        };
        QCOMPARE(got.size(), expected.size());
        for (int i = 0; i < got.size(); ++i)
            QVERIFY2(got[i].startsWith(expected[i]),
                     qPrintable(got[i] + QStringLiteral(" / ") + expected[i]));
        QCOMPARE(f.errorCount, 9);
    }

    // The integer columns: plain digits take a fast path, everything else the strict parser.
    void memoryIntegers_data()
    {
        QTest::addColumn<QByteArray>("rss");
        QTest::addColumn<qint64>("expected"); // -1: the row is rejected
        QTest::newRow("one digit") << QByteArray("7") << qint64(7);
        QTest::newRow("two") << QByteArray("12") << qint64(12);
        QTest::newRow("three") << QByteArray("123") << qint64(123);
        QTest::newRow("leading zeros") << QByteArray("0042") << qint64(42);
        QTest::newRow("seven") << QByteArray("1234567") << qint64(1234567);
        QTest::newRow("eighteen") << QByteArray("123456789012345678") << qint64(123456789012345678LL);
        QTest::newRow("nineteen") << QByteArray("1234567890123456789") << qint64(1234567890123456789LL);
        QTest::newRow("spaces") << QByteArray(" 42 ") << qint64(42);
        QTest::newRow("plus") << QByteArray("+5") << qint64(5);
        QTest::newRow("negative") << QByteArray("-1") << qint64(-1);
        QTest::newRow("letter last") << QByteArray("4x") << qint64(-1);
        QTest::newRow("letter first") << QByteArray("x4") << qint64(-1);
        QTest::newRow("letter in an even pair") << QByteArray("12a4") << qint64(-1);
        QTest::newRow("too big") << QByteArray("99999999999999999999") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }
    void memoryIntegers()
    {
        QFETCH(QByteArray, rss);
        QFETCH(qint64, expected);
        const QByteArray csv = "timestamp,server,type,fingerprint,nickname,rss_kb\n"
                               "2026-01-01T00:00:00Z,s,relay,,alpha,"
            + rss + "\n";
        const MemoryFile f = parseMemory(csv);
        if (expected < 0) {
            QCOMPARE(f.samples.size(), 0);
            QCOMPARE(f.errors.size(), 1);
            QCOMPARE(f.errors.at(0).line, 2);
        } else {
            QVERIFY2(f.errors.isEmpty(), qPrintable(f.errors.value(0).message));
            QCOMPARE(f.samples.size(), 1);
            QCOMPARE(f.samples.at(0).rssKb, expected);
            // The file does not say which allocator was loaded: unknown, not glibc ("").
            QCOMPARE(f.samples.at(0).loadedAllocator, QStringLiteral("?"));
        }
    }

    void memoryWrongKind()
    {
        const MemoryFile f = parseMemory(fixture("mixed/events.csv"));
        QCOMPARE(f.errors.size(), 1);
        QVERIFY(f.errors[0].message.contains(QLatin1String("events")));
    }

    void events()
    {
        const EventsFile f = parseEvents(fixture("mixed/events.csv"));
        QVERIFY(f.errors.isEmpty());
        QCOMPARE(f.events.size(), 3);
        QCOMPARE(f.events[0].description, QStringLiteral("mimalloc 3.0.1 enabled, original 60"));
        QCOMPARE(f.events[1].tsMs, utc("2026-01-01T18:47:43Z"));
        QCOMPARE(f.events[1].description,
                 QStringLiteral("60 relays from mimalloc 3.0.1 \u2192 2.0.9\nsecond line with \"quotes\""));
        QCOMPARE(f.events[1].group, QStringLiteral("group_B"));
        QCOMPARE(f.events[2].type, QStringLiteral("restart"));
    }

    void diagnostics()
    {
        const DiagnosticsFile f = parseDiagnostics(fixture("mixed/diagnostics.csv"));
        QVERIFY(f.errors.isEmpty());
        QCOMPARE(f.rows.size(), 2);
        QCOMPARE(f.rows[0].tsMs, utc("2026-01-01T02:00:08Z"));
        QCOMPARE(f.rows[0].server, QStringLiteral("go"));
        QCOMPARE(f.rows[0].memTotalKb, 786961LL * 1024);
        QCOMPARE(f.rows[0].relayCount, 3);
        QCOMPARE(f.rows[1].osRelease, QStringLiteral("Debian GNU/Linux 13 (trixie)"));
    }

    void relayConfig()
    {
        const RelayConfigFile a = parseRelayConfig(fixture("relay_config_dircache.csv"));
        QVERIFY(a.errors.isEmpty());
        QVERIFY(!a.allocatorSchema);
        QVERIFY(a.dirCacheSchema);
        QCOMPARE(a.rows.size(), 2);
        QCOMPARE(a.rows[0].maxMem, QStringLiteral("4 GB"));
        const RelayConfigFile b = parseRelayConfig(fixture("relay_config_allocator.csv"));
        QVERIFY(b.errors.isEmpty());
        QVERIFY(b.allocatorSchema);
        QVERIFY(!b.dirCacheSchema);
        QCOMPARE(b.rows[0].allocator, QStringLiteral("mimalloc"));
        QCOMPARE(b.rows[0].relay.server, QStringLiteral("go"));
        QCOMPARE(b.rows[1].config, QString());
    }

    void groupNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("letter");
        QTest::addColumn<QString>("label");
        QTest::addColumn<bool>("historical");
        QTest::newRow("plain") << QStringLiteral("group_A_mimalloc301.txt") << true << QStringLiteral("A")
                               << QStringLiteral("mimalloc301") << false;
        QTest::newRow("historical") << QStringLiteral("group_B_mimalloc209_historical.txt") << true
                                    << QStringLiteral("B") << QStringLiteral("mimalloc209") << true;
        QTest::newRow("lower letter") << QStringLiteral("group_e_glibc.txt") << true << QStringLiteral("E")
                                      << QStringLiteral("glibc") << false;
        QTest::newRow("no label") << QStringLiteral("group_A_.txt") << false << QString() << QString()
                                  << false;
        QTest::newRow("two letters") << QStringLiteral("group_AB_x.txt") << false << QString() << QString()
                                     << false;
        QTest::newRow("csv") << QStringLiteral("group_A_x.csv") << false << QString() << QString() << false;
    }
    void groupNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const GroupFileName g = parseGroupFileName(name);
        QCOMPARE(g.valid, valid);
        if (valid) {
            QTEST(g.letter, "letter");
            QTEST(g.label, "label");
            QTEST(g.historical, "historical");
        }
    }

    void groupFile()
    {
        QList<RowError> errors;
        QCOMPARE(parseGroupFile(fixture("mixed/groups/group_B_mimalloc209_historical.txt"), &errors),
                 (QStringList { QStringLiteral("beta"), QStringLiteral("gamma") }));
        QVERIFY(errors.isEmpty());
        const QStringList got
            = parseGroupFile("ok\nnot ok\n$12E3D3AE15C3A4F39191EC69FF9FFB28A130A32E\n", &errors);
        QCOMPARE(got,
                 (QStringList { QStringLiteral("ok"),
                                QStringLiteral("12E3D3AE15C3A4F39191EC69FF9FFB28A130A32E") }));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].line, 2);
    }

    void labels_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("display");
        QTest::newRow("m301") << QStringLiteral("mimalloc301") << QStringLiteral("mimalloc")
                              << QStringLiteral("mimalloc 3.0.1");
        QTest::newRow("m209") << QStringLiteral("mimalloc209") << QStringLiteral("mimalloc")
                              << QStringLiteral("mimalloc 2.0.9");
        QTest::newRow("je") << QStringLiteral("jemalloc") << QStringLiteral("jemalloc")
                            << QStringLiteral("jemalloc");
        QTest::newRow("glibc") << QStringLiteral("glibc") << QStringLiteral("glibc")
                               << QStringLiteral("glibc");
        QTest::newRow("dotted") << QStringLiteral("jemalloc-5.3.0") << QStringLiteral("jemalloc")
                                << QStringLiteral("jemalloc 5.3.0");
        QTest::newRow("custom") << QStringLiteral("snmalloc") << QStringLiteral("snmalloc")
                                << QStringLiteral("snmalloc");
    }
    void labels()
    {
        QFETCH(QString, label);
        const LabelAllocator a = allocatorFromLabel(label);
        QTEST(a.id, "id");
        QTEST(a.displayName, "display");
    }

    void experimentJson()
    {
        ExperimentFile f;
        QString error;
        QVERIFY2(parseExperimentJson(fixture("experiment.json"), QTimeZone::utc(), &f, &error),
                 qPrintable(error));
        QCOMPARE(f.experiment.name, QStringLiteral("5-way"));
        QCOMPARE(f.experiment.startMs, utc("2026-01-04T22:00:00Z"));
        QCOMPARE(f.experiment.endMs, utc("2026-01-11T06:24:44Z"));
        QCOMPARE(f.experiment.groups.size(), 3);
        QCOMPARE(f.experiment.groups[1].allocatorId, QStringLiteral("mimalloc"));
        QCOMPARE(f.members.value(QStringLiteral("A")),
                 (QStringList { QStringLiteral("alpha"), QStringLiteral("delta") }));
        // And back.
        ExperimentFile again;
        QVERIFY(parseExperimentJson(writeExperimentJson(f.experiment, QTimeZone::utc(), true),
                                    QTimeZone::utc(), &again, &error));
        QCOMPARE(again.experiment.endMs, f.experiment.endMs);
        QCOMPARE(again.experiment.groups.size(), 3);
        QVERIFY(!parseExperimentJson("[1]", QTimeZone::utc(), &f, &error));
        QVERIFY(!parseExperimentJson("{\"start\":\"yesterday\"}", QTimeZone::utc(), &f, &error));
        QVERIFY(error.contains(QLatin1String("start")));
        QVERIFY(!parseExperimentJson("{", QTimeZone::utc(), &f, &error));
    }

    void writeReadMemory()
    {
        const MemoryFile in = parseMemory(fixture("mixed/memory.csv"));
        for (const bool withGroup : { false, true }) {
            QByteArray out = memoryHeader(withGroup);
            for (const AggregateRecord &a : in.aggregates)
                appendAggregateRow(out, formatTimestamp(a.tsMs, QTimeZone::utc(), true), a, withGroup);
            for (qsizetype i = 0; i < in.samples.size(); ++i) {
                const SampleRecord &s = in.samples[i];
                appendRelayRow(out, formatTimestamp(s.tsMs, QTimeZone::utc(), false),
                               in.relays[s.relayId - 1], s, withGroup ? &in.sampleGroups[i] : nullptr);
            }
            const MemoryFile back = parseMemory(out);
            QVERIFY(back.errors.isEmpty());
            QCOMPARE(back.format.groupColumn, withGroup);
            QCOMPARE(back.samples.size(), in.samples.size());
            for (qsizetype i = 0; i < in.samples.size(); ++i) {
                QCOMPARE(back.samples[i].tsMs, in.samples[i].tsMs);
                QCOMPARE(back.samples[i].rssKb, in.samples[i].rssKb);
                QCOMPARE(back.samples[i].hwmKb, in.samples[i].hwmKb);
                QCOMPARE(back.samples[i].vmsizeKb, in.samples[i].vmsizeKb);
                QCOMPARE(back.relays[back.samples[i].relayId - 1].nickname,
                         in.relays[in.samples[i].relayId - 1].nickname);
                if (withGroup)
                    QCOMPARE(back.sampleGroups[i], in.sampleGroups[i]);
            }
            QCOMPARE(back.aggregates.size(), 1);
            QCOMPARE(back.aggregates[0].maxKb, in.aggregates[0].maxKb);
        }
    }

    void realDataset()
    {
        const QString path
            = QStringLiteral(ALLOCLAB_SOURCE_DIR "/../shared/datasets/torutils-5way/memory.csv");
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            QSKIP("../shared/datasets/torutils-5way is absent; the real-data check needs it");
        const MemoryFile f = parseMemory(file.readAll());
        QVERIFY(f.errors.isEmpty());
        QCOMPARE(f.format.columns, 14);
        QCOMPARE(f.aggregates.size() + f.samples.size(), 5020);
        QCOMPARE(f.relays.size(), 200); // the fingerprint-less snapshot joins by nickname
        QFile ev(QStringLiteral(ALLOCLAB_SOURCE_DIR "/../shared/datasets/torutils-5way/events.csv"));
        QVERIFY(ev.open(QIODevice::ReadOnly));
        const EventsFile e = parseEvents(ev.readAll());
        QVERIFY(e.errors.isEmpty());
        QCOMPARE(e.events.size(), 12);
        QFile dg(QStringLiteral(ALLOCLAB_SOURCE_DIR "/../shared/datasets/torutils-5way/diagnostics.csv"));
        QVERIFY(dg.open(QIODevice::ReadOnly));
        const DiagnosticsFile d = parseDiagnostics(dg.readAll());
        QVERIFY(d.errors.isEmpty());
        QVERIFY(d.rows.size() > 10);
    }
};

QTEST_GUILESS_MAIN(TestTorUtils)
#include "tst_torutils.moc"
