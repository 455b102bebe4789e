#include "app/cli/cli.h"
#include "app/database.h"
#include "app/experimentio.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace alloclab;

namespace {
struct Result {
    int code;
    QString out;
    QString err;
};

const QString kMi = QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0");
} // namespace

// The experiment and allocator commands against a real SQLite file, relays stored the way a poll
// stores them (Database::insertPoll), run through the same entry point as alloclab-cli.
class TestCmdExperiment : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    Result call(QStringList args)
    {
        args.prepend(m_db);
        args.prepend(QStringLiteral("--db"));
        args.prepend(QStringLiteral("alloclab-cli"));
        QString out, err;
        QTextStream o(&out), e(&err);
        const int code = cli::run(args, o, e);
        o.flush();
        e.flush();
        return { code, out, err };
    }
    QJsonObject json(const QStringList &args)
    {
        const Result r = call(args + QStringList { QStringLiteral("--json") });
        if (r.code != 0)
            qWarning("%s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    QStringList nicknamesOf(const QJsonObject &show, const QString &letter)
    {
        QStringList out;
        for (const QJsonValue &g : show.value(QStringLiteral("groups")).toArray())
            if (g[QStringLiteral("letter")].toString() == letter)
                for (const QJsonValue &r : g[QStringLiteral("relays")].toArray())
                    out << r[QStringLiteral("nickname")].toString();
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_db = m_dir.filePath(QStringLiteral("t%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
        Database db;
        QVERIFY(db.open(m_db));
        for (int h = 1; h <= 2; ++h) {
            const QString host = QStringLiteral("lab%1").arg(h);
            const Id hostId = db.upsertHost(HostRecord { 0, host, host, {} });
            QVERIFY(hostId);
            PollWrite poll;
            poll.hostId = hostId;
            poll.tsMs = 1767225600000;
            for (int i = 0; i < 12; ++i) {
                RelayRecord r;
                r.hostId = hostId;
                r.server = host;
                r.instance = QStringLiteral("r%1").arg(i, 2, 10, QLatin1Char('0'));
                r.nickname = QStringLiteral("L%1relay%2").arg(h).arg(i);
                r.fingerprint = QStringLiteral("%1%2")
                                    .arg(h)
                                    .arg(i, 2, 10, QLatin1Char('0'))
                                    .leftJustified(40, QLatin1Char('A'));
                poll.relays << r;
                SampleRecord s;
                s.rssKb = 400000 + i * 1000;
                s.loadedAllocator = i % 2 ? kMi : QString();
                poll.samples << s;
            }
            // The same nickname on both hosts: a nickname alone is ambiguous for it.
            RelayRecord twin;
            twin.hostId = hostId;
            twin.server = host;
            twin.instance = QStringLiteral("twin");
            twin.nickname = QStringLiteral("twin");
            poll.relays << twin;
            poll.samples << SampleRecord();
            QVERIFY2(db.insertPoll(poll), qPrintable(db.lastError()));
        }
    }

    // A relay known only from imported history keeps its own latest RSS on the board (with the
    // time it was last seen), not "unknown" because the latest poll did not include it.
    void historyRelaysKeepTheirLastRss()
    {
        {
            Database db;
            QVERIFY(db.open(m_db));
            const Id old = db.resolveRelay(
                RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("oldrelay"), {} });
            QVERIFY(old);
            QCOMPARE(db.insertSamples(
                         { SampleRecord { old, 1760000000000, 8400000, -1, -1, -1, QStringLiteral("?") },
                           SampleRecord { old, 1760000060000, 8500000, -1, -1, -1, QStringLiteral("?") } }),
                     2);
            const QList<BoardRelay> relays = experimentio::loadBoardRelays(db);
            int found = 0;
            for (const BoardRelay &r : relays) {
                if (r.nickname == QLatin1String("oldrelay")) {
                    QCOMPARE(r.rssKb, 8500000);
                    QCOMPARE(r.lastSeenMs, 1760000060000);
                    QCOMPARE(r.loadedAllocator, QStringLiteral("?"));
                    ++found;
                } else if (r.nickname == QLatin1String("L1relay3")) {
                    QCOMPARE(r.rssKb, 403000); // the polled relays: their poll's sample
                    QCOMPARE(r.lastSeenMs, 1767225600000);
                    ++found;
                }
            }
            QCOMPARE(found, 2);
        }
        QCOMPARE(call({ QStringLiteral("experiment"), QStringLiteral("create"), QStringLiteral("h"),
                        QStringLiteral("--group"), QStringLiteral("A=glibc"), QStringLiteral("--group"),
                        QStringLiteral("B=mimalloc") })
                     .code,
                 0);
        QCOMPARE(call({ QStringLiteral("experiment"), QStringLiteral("assign"), QStringLiteral("h"),
                        QStringLiteral("A"), QStringLiteral("oldrelay") })
                     .code,
                 0);
        const QJsonObject shown
            = json({ QStringLiteral("experiment"), QStringLiteral("show"), QStringLiteral("h") });
        const QJsonObject relay = shown[QStringLiteral("groups")]
                                      .toArray()
                                      .at(0)[QStringLiteral("relays")]
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QCOMPARE(relay[QStringLiteral("nickname")].toString(), QStringLiteral("oldrelay"));
        QCOMPARE(relay[QStringLiteral("rss_kb")].toDouble(), 8500000.0);
        QCOMPARE(relay[QStringLiteral("last_seen")].toString(), QStringLiteral("2025-10-09T08:54:20Z"));
    }

    void allocators()
    {
        Result r = call({ QStringLiteral("allocators"), QStringLiteral("add"), QStringLiteral("mimalloc301"),
                          QStringLiteral("--name"), QStringLiteral("mimalloc"), QStringLiteral("--version"),
                          QStringLiteral("3.0.1"), QStringLiteral("--path"),
                          QStringLiteral("/usr/local/lib/mimalloc-3.0.1/libmimalloc.so.3") });
        QCOMPARE(r.code, 0);
        r = call({ QStringLiteral("allocators"), QStringLiteral("add"), QStringLiteral("mimalloc301"),
                   QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--path"),
                   QStringLiteral("/x.so") });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("exists already")));
        r = call({ QStringLiteral("allocators"), QStringLiteral("add"), QStringLiteral("evil"),
                   QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--path"),
                   QStringLiteral("/tmp/$(reboot).so") });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("library path")));
        r = call({ QStringLiteral("allocators"), QStringLiteral("add"), QStringLiteral("x") });
        QCOMPARE(r.code, 2);
        r = call({ QStringLiteral("allocators"), QStringLiteral("set-path"), QStringLiteral("jemalloc"),
                   QStringLiteral("--host"), QStringLiteral("lab2"),
                   QStringLiteral("/opt/je/libjemalloc.so.2") });
        QCOMPARE(r.code, 0);

        const QJsonArray list = json({ QStringLiteral("allocators"), QStringLiteral("list") })
                                    .value(QStringLiteral("allocators"))
                                    .toArray();
        QCOMPARE(list.size(), 4);
        QStringList ids;
        for (const QJsonValue &v : list)
            ids << v[QStringLiteral("id")].toString();
        QCOMPARE(ids,
                 (QStringList { QStringLiteral("glibc"), QStringLiteral("jemalloc"),
                                QStringLiteral("mimalloc"), QStringLiteral("mimalloc301") }));
        QCOMPARE(list.at(1)[QStringLiteral("host_paths")].toArray().at(0)[QStringLiteral("path")].toString(),
                 QStringLiteral("/opt/je/libjemalloc.so.2"));
        QCOMPARE(list.at(3)[QStringLiteral("version")].toString(), QStringLiteral("3.0.1"));

        // The check: the exact command per host, with the host's own path; it really runs in sh.
        r = call({ QStringLiteral("allocators"), QStringLiteral("check"), QStringLiteral("--host"),
                   QStringLiteral("lab2"), QStringLiteral("--dry-run") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("p='/opt/je/libjemalloc.so.2'")));
        QVERIFY(!r.out.contains(QLatin1String("# lab1")));
        // Refused before any host is contacted (the real check runs in tst_allocators_lab).
        r = call({ QStringLiteral("allocators"), QStringLiteral("check"), QStringLiteral("--allocator"),
                   QStringLiteral("nosuch") });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no allocator 'nosuch'")));
        r = call({ QStringLiteral("allocators"), QStringLiteral("check"), QStringLiteral("--host"),
                   QStringLiteral("nosuchhost") });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no host named 'nosuchhost'")));
    }

    void createAssignShow()
    {
        Result r = call({ QStringLiteral("experiment"), QStringLiteral("create"), QStringLiteral("5-way"),
                          QStringLiteral("--group"), QStringLiteral("B=mimalloc:mimalloc209"),
                          QStringLiteral("--group"), QStringLiteral("E=glibc"),
                          QStringLiteral("--hypothesis"), QStringLiteral("B wins") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("B mimalloc209")));
        r = call({ QStringLiteral("experiment"), QStringLiteral("create"), QStringLiteral("5-way"),
                   QStringLiteral("--group"), QStringLiteral("A=glibc"), QStringLiteral("--group"),
                   QStringLiteral("B=glibc") });
        QCOMPARE(r.code, 1); // exists
        r = call({ QStringLiteral("experiment"), QStringLiteral("create"), QStringLiteral("x"),
                   QStringLiteral("--group"), QStringLiteral("A=nope"), QStringLiteral("--group"),
                   QStringLiteral("B=glibc") });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("nope")));
        r = call({ QStringLiteral("experiment"), QStringLiteral("create"), QStringLiteral("x"),
                   QStringLiteral("--group"), QStringLiteral("a=glibc"), QStringLiteral("--group"),
                   QStringLiteral("B=glibc") });
        QCOMPARE(r.code, 2);

        // By nickname, fingerprint and host/instance.
        r = call({ QStringLiteral("experiment"), QStringLiteral("assign"), QStringLiteral("5-way"),
                   QStringLiteral("B"), QStringLiteral("L1relay1"),
                   QStringLiteral("203").leftJustified(40, QLatin1Char('A')), QStringLiteral("lab1/r05") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.contains(QLatin1String("fewer than 10"))); // a note, not a failure
        // Unknown and ambiguous relays: a clear error and nothing changes.
        r = call({ QStringLiteral("experiment"), QStringLiteral("assign"), QStringLiteral("5-way"),
                   QStringLiteral("E"), QStringLiteral("L1relay2"), QStringLiteral("nosuchrelay"),
                   QStringLiteral("twin") });
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("'nosuchrelay' is not known")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("lab1/twin")) && r.err.contains(QLatin1String("lab2/twin")),
                 qPrintable(r.err));
        QJsonObject show
            = json({ QStringLiteral("experiment"), QStringLiteral("show"), QStringLiteral("5-way") });
        QCOMPARE(nicknamesOf(show, QStringLiteral("E")), QStringList());
        QCOMPARE(nicknamesOf(show, QStringLiteral("B")).size(), 3);

        // At most one group: moving L1relay1 to E takes it out of B.
        QCOMPARE(call({ QStringLiteral("experiment"), QStringLiteral("assign"), QStringLiteral("5-way"),
                        QStringLiteral("E"), QStringLiteral("L1relay1"), QStringLiteral("lab2/twin") })
                     .code,
                 0);
        show = json({ QStringLiteral("experiment"), QStringLiteral("show"), QStringLiteral("5-way") });
        QCOMPARE(nicknamesOf(show, QStringLiteral("E")),
                 (QStringList { QStringLiteral("L1relay1"), QStringLiteral("twin") }));
        QCOMPARE(nicknamesOf(show, QStringLiteral("B")),
                 (QStringList { QStringLiteral("L1relay5"), QStringLiteral("L2relay3") }));
        const QJsonArray groups = show.value(QStringLiteral("groups")).toArray();
        QCOMPARE(groups.at(0)[QStringLiteral("colour")].toString(), QStringLiteral("#e69f00"));
        QVERIFY(groups.at(0)[QStringLiteral("warnings")].toArray().at(0).toString().contains(
            QLatin1String("too few")));
        // L1relay1 runs Debian's mimalloc but sits in glibc's group E: it needs a deploy.
        QCOMPARE(groups.at(1)[QStringLiteral("needs_deploy")].toInt(), 1);
        QCOMPARE(show.value(QStringLiteral("hypothesis")).toString(), QStringLiteral("B wins"));
        QCOMPARE(show.value(QStringLiteral("unassigned")).toInt(), 26 - 4);

        // '-' takes relays out of every group.
        QCOMPARE(call({ QStringLiteral("experiment"), QStringLiteral("assign"), QStringLiteral("5-way"),
                        QStringLiteral("-"), QStringLiteral("L1relay1") })
                     .code,
                 0);
        const QJsonObject list = json({ QStringLiteral("experiment"), QStringLiteral("list") });
        QCOMPARE(list.value(QStringLiteral("experiments")).toArray().at(0)[QStringLiteral("relays")].toInt(),
                 3);
        r = call({ QStringLiteral("experiment"), QStringLiteral("show"), QStringLiteral("5-way") });
        QVERIFY(r.out.contains(QLatin1String("Group B mimalloc209 (mimalloc): 2 relays")));
    }

    // Once the experiment runs, a move keeps the old membership with its end time.
    void historyDuringTheExperiment()
    {
        QCOMPARE(call({ QStringLiteral("experiment"), QStringLiteral("create"), QStringLiteral("run"),
                        QStringLiteral("--group"), QStringLiteral("A=glibc"), QStringLiteral("--group"),
                        QStringLiteral("B=jemalloc") })
                     .code,
                 0);
        {
            Database db;
            QVERIFY(db.open(m_db));
            ExperimentRecord e = *db.experiment(QStringLiteral("run"));
            e.startMs = 1000; // started long ago
            QVERIFY(db.upsertExperiment(e));
        }
        QCOMPARE(call({ QStringLiteral("experiment"), QStringLiteral("assign"), QStringLiteral("run"),
                        QStringLiteral("A"), QStringLiteral("L2relay7") })
                     .code,
                 0);
        QCOMPARE(call({ QStringLiteral("experiment"), QStringLiteral("assign"), QStringLiteral("run"),
                        QStringLiteral("B"), QStringLiteral("L2relay7") })
                     .code,
                 0);
        Database db;
        QVERIFY(db.open(m_db));
        const ExperimentRecord e = *db.experiment(QStringLiteral("run"));
        const QList<AssignmentRecord> h = db.assignments(e.id);
        QCOMPARE(h.size(), 2);
        QVERIFY(h.at(0).toMs > 0);
        QCOMPARE(h.at(0).groupId, e.groups.at(0).id);
        QCOMPARE(h.at(1).toMs, qint64(0));
        QCOMPARE(h.at(1).groupId, e.groups.at(1).id);
        QCOMPARE(h.at(1).fromMs, h.at(0).toMs);
    }

    void exportAndImportGroups()
    {
        QCOMPARE(call({ QStringLiteral("experiment"), QStringLiteral("create"), QStringLiteral("io"),
                        QStringLiteral("--group"), QStringLiteral("A=mimalloc:mi"), QStringLiteral("--group"),
                        QStringLiteral("B=glibc") })
                     .code,
                 0);
        QCOMPARE(call({ QStringLiteral("experiment"), QStringLiteral("assign"), QStringLiteral("io"),
                        QStringLiteral("A"), QStringLiteral("L1relay3"), QStringLiteral("L2relay4") })
                     .code,
                 0);
        QCOMPARE(call({ QStringLiteral("experiment"), QStringLiteral("assign"), QStringLiteral("io"),
                        QStringLiteral("B"), QStringLiteral("lab1/twin") })
                     .code,
                 0);
        const QString dir = m_dir.filePath(QStringLiteral("export"));
        Result r = call(
            { QStringLiteral("experiment"), QStringLiteral("export-groups"), QStringLiteral("io"), dir });
        QCOMPARE(r.code, 0);
        QFile a(dir + QStringLiteral("/groups/group_A_mi.txt"));
        QVERIFY(a.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), QByteArray("L1relay3\nL2relay4\n"));
        QFile csv(dir + QStringLiteral("/relay_config.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString csvText = QString::fromUtf8(csv.readAll());
        QVERIFY2(csvText.contains(QLatin1String("L1relay3,"))
                     && csvText.contains(QLatin1String(",A,mi,mimalloc,"
                                                       "/usr/lib/x86_64-linux-gnu/"
                                                       "libmimalloc.so.2")),
                 qPrintable(csvText));
        QVERIFY(csvText.contains(QLatin1String("twin,,lab1,twin,B,glibc,glibc,\n")));

        // Empty the groups, then import the export: the same membership again.
        QCOMPARE(call({ QStringLiteral("experiment"), QStringLiteral("assign"), QStringLiteral("io"),
                        QStringLiteral("-"), QStringLiteral("L1relay3"), QStringLiteral("L2relay4"),
                        QStringLiteral("lab1/twin") })
                     .code,
                 0);
        r = call({ QStringLiteral("experiment"), QStringLiteral("import-groups"), QStringLiteral("io"),
                   dir + QStringLiteral("/relay_config.csv") });
        QCOMPARE(r.code, 0);
        QJsonObject show
            = json({ QStringLiteral("experiment"), QStringLiteral("show"), QStringLiteral("io") });
        QCOMPARE(nicknamesOf(show, QStringLiteral("A")),
                 (QStringList { QStringLiteral("L1relay3"), QStringLiteral("L2relay4") }));
        QCOMPARE(nicknamesOf(show, QStringLiteral("B")), QStringList { QStringLiteral("twin") });

        // A group file listing an unknown relay and one listed twice: nothing changes, file:line named.
        QDir().mkpath(m_dir.filePath(QStringLiteral("bad")));
        QFile bad(m_dir.filePath(QStringLiteral("bad/group_B_glibc.txt")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("L1relay8\nghost\nL1relay3\n");
        bad.close();
        r = call({ QStringLiteral("experiment"), QStringLiteral("import-groups"), QStringLiteral("io"),
                   dir + QStringLiteral("/groups/group_A_mi.txt"), bad.fileName() });
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(bad.fileName() + QStringLiteral(":2")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("at most one group")), qPrintable(r.err));
        show = json({ QStringLiteral("experiment"), QStringLiteral("show"), QStringLiteral("io") });
        QCOMPARE(nicknamesOf(show, QStringLiteral("B")), QStringList { QStringLiteral("twin") });

        // The real experiment's files name relays this database has never seen.
        const QString real = QStringLiteral(ALLOCLAB_SOURCE_DIR "/../shared/datasets/torutils-5way");
        if (QFileInfo::exists(real)) {
            r = call({ QStringLiteral("experiment"), QStringLiteral("import-groups"), QStringLiteral("io"),
                       real });
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(QLatin1String("group_A_mimalloc301.txt:1"))
                         || r.err.contains(QLatin1String("no group")),
                     qPrintable(r.err.left(400)));
        }
    }
};

QTEST_GUILESS_MAIN(TestCmdExperiment)
#include "tst_cmd_experiment.moc"
