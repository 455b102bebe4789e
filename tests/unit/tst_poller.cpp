// The poller's database side (one transaction per host poll, events against the stored
// previous poll) on real SQLite files, and its schedule with a FleetService without hosts.

#include "app/database.h"
#include "app/fleetservice.h"
#include "app/poller.h"
#include "app/store.h"
#include "models/probeparser.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace alloclab;

namespace {

struct R {
    const char *instance;
    qint64 pid; // 0 = stopped (failed)
    qint64 hwm;
};

// Real probe grammar, parsed by the real parser.
ProbeResult probe(const QList<R> &relays)
{
    QByteArray out = "alloclab-probe 1\n"
                     "host lab1 6.1.0 Debian 0.4.8.13 lab 1700000100 1700000000\n"
                     "meminfo 24684096 21345384 1028508 0 0\n"
                     "load 0.50 0.40 0.30 2\n"
                     "priv sudo\n";
    // The fingerprint follows the instance's first letter: a relay keeps its identity.
    for (const R &r : relays) {
        const QByteArray fp = QByteArray("B8898B374EFE3153263DDE5C81867E0587CD56E")
            + QByteArray::number((r.instance[0] - 'a') % 10);
        const QByteArray nick = QByteArray(r.instance).replace('_', 'X');
        if (r.pid > 0)
            out += "relay tor@" + QByteArray(r.instance) + ".service loaded active running "
                + QByteArray::number(r.pid) + " 1700000040 " + nick + ' ' + fp + " 50000 "
                + QByteArray::number(r.hwm)
                + " 90000 - - - - /usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0 -\n";
        else
            out += "relay tor@" + QByteArray(r.instance) + ".service loaded failed failed 0 - " + nick + ' '
                + fp + " - - - - - - - - -\n";
    }
    out += "end " + QByteArray::number(relays.size()) + '\n';
    const ProbeResult p = ProbeParser::parse(out);
    if (!p.ok)
        qWarning("%s", qPrintable(p.error));
    return p;
}

QString types(const HostPollStored &s)
{
    QStringList t;
    for (const EventRecord &e : s.events)
        t << e.type;
    return t.join(QLatin1Char(','));
}

qint64 scalar(Database &db, const char *sql)
{
    sqlite3_stmt *s = nullptr;
    qint64 v = -1;
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

} // namespace

class TestPoller : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { registerPollerMetaTypes(); }
    void parseDuration_data();
    void parseDuration();
    void intervalBounds();
    void storeSequence();
    void failedWriteStoresNothing();
    void schedule();
};

void TestPoller::parseDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("30s") << "30s" << qint64(30000);
    QTest::newRow("5m") << "5m" << qint64(300000);
    QTest::newRow("1h") << "1h" << qint64(3600000);
    QTest::newRow("1h30m") << "1h30m" << qint64(5400000);
    QTest::newRow("2m5s") << "2m5s" << qint64(125000);
    QTest::newRow("plain seconds") << "90" << qint64(90000);
    QTest::newRow("upper case") << "5M" << qint64(300000);
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("unit only") << "m" << qint64(-1);
    QTest::newRow("wrong order") << "5m1h" << qint64(-1);
    QTest::newRow("days unsupported") << "1d" << qint64(-1);
    QTest::newRow("negative") << "-5m" << qint64(-1);
    QTest::newRow("fraction") << "1.5h" << qint64(-1);
    QTest::newRow("huge") << "99999999999h" << qint64(-1);
}

void TestPoller::parseDuration()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    QString error;
    QCOMPARE(Poller::parseDuration(text, &error), ms);
    QCOMPARE(error.isEmpty(), ms >= 0);
    if (ms >= 0)
        QCOMPARE(Poller::parseDuration(Poller::formatDuration(ms)), ms);
}

void TestPoller::intervalBounds()
{
    FleetService fleet;
    Store store;
    Poller p(&fleet, &store);
    QCOMPARE(p.interval(), Poller::kDefaultIntervalMs);
    QVERIFY(!p.setInterval(9999));
    QVERIFY(!p.setInterval(24 * 3600 * 1000 + 1));
    QCOMPARE(p.interval(), Poller::kDefaultIntervalMs);
    QVERIFY(p.setInterval(10000));
    QVERIFY(p.setInterval(24 * 3600 * 1000));
    QCOMPARE(p.interval(), qint64(24 * 3600 * 1000));
}

void TestPoller::storeSequence()
{
    QTemporaryDir dir;
    Database db;
    QString error;
    QVERIFY2(db.open(dir.filePath(QStringLiteral("p.sqlite")), Database::OpenMode::CreateIfMissing, &error),
             qPrintable(error));
    const HostRecord host { 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} };
    HostPollStored s;

    // First poll: stored, no events (nothing to compare with). The host is created on demand.
    QVERIFY2(poller::storeHostPoll(db, host, 1000, 12, true, {},
                                   probe({ { "a", 100, 2000 }, { "b", 200, 3000 } }), &s, &error),
             qPrintable(error));
    QCOMPARE(s.result.samplesStored, 2);
    QVERIFY(s.events.isEmpty());
    QVERIFY(db.host(QStringLiteral("lab1")));
    const QList<SampleRecord> first = db.samples({}, 1000, 1000);
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(0).loadedAllocator, QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0"));
    QCOMPARE(first.at(0).pid, 100);
    QCOMPARE(db.diagnostics(QStringLiteral("lab1")).size(), 1);
    QCOMPARE(db.diagnostics(QStringLiteral("lab1")).at(0).relayCount, 2);

    // a restarted (new PID), b stopped, c appeared.
    QVERIFY(poller::storeHostPoll(db, host, 2000, 12, true, {},
                                  probe({ { "a", 101, 2100 }, { "b", 0, 0 }, { "c", 300, 10 } }), &s,
                                  &error));
    QCOMPARE(types(s), QStringLiteral("relay_restarted,relay_appeared,relay_vanished"));
    QCOMPARE(s.result.samplesStored, 2); // stopped relays have no sample
    QCOMPARE(s.events.at(2).description, QStringLiteral("lab1: tor@b (b) stopped (failed)"));
    QVERIFY(s.events.at(0).relayId > 0);
    QCOMPARE(s.events.at(0).tsMs, 2000);

    // Unreachable: a failed poll with its event, once.
    QVERIFY(poller::storeHostPoll(db, host, 3000, -1, false, QStringLiteral("connection refused"), {}, &s,
                                  &error));
    QCOMPARE(types(s), QStringLiteral("host_unreachable"));
    QVERIFY(!s.ok);
    QVERIFY(poller::storeHostPoll(db, host, 4000, -1, false, QStringLiteral("connection refused"), {}, &s,
                                  &error));
    QVERIFY(s.events.isEmpty());

    // Back, and a's peak dropped during the outage (same PID reused): compared with the last
    // poll that reached the host (2000), not with the failed ones.
    QVERIFY(poller::storeHostPoll(db, host, 5000, 12, true, {},
                                  probe({ { "a", 101, 500 }, { "c", 300, 20 } }), &s, &error));
    QCOMPARE(types(s), QStringLiteral("host_reachable,relay_restarted"));
    QVERIFY2(s.events.at(0).description.contains(QLatin1String("connection refused")),
             qPrintable(s.events.at(0).description));

    QCOMPARE(scalar(db, "SELECT count(*) FROM polls"), 5);
    QCOMPARE(scalar(db, "SELECT count(*) FROM polls WHERE ok = 0"), 2);
    QCOMPARE(scalar(db, "SELECT count(*) FROM events"), 6);
    QCOMPARE(scalar(db,
                    "SELECT count(*) FROM polls p WHERE relay_count <> "
                    "(SELECT count(*) FROM samples s WHERE s.poll_id = p.id)"),
             0);

    // Another process (here: another connection) polls in between: events follow ITS poll.
    Database other;
    QVERIFY(other.open(db.path(), Database::OpenMode::ExistingOnly, &error));
    QVERIFY(poller::storeHostPoll(other, host, 6000, 12, true, {},
                                  probe({ { "a", 102, 600 }, { "c", 300, 20 } }), &s, &error));
    QCOMPARE(types(s), QStringLiteral("relay_restarted"));
    QVERIFY(poller::storeHostPoll(db, host, 7000, 12, true, {},
                                  probe({ { "a", 102, 600 }, { "c", 300, 20 } }), &s, &error));
    QVERIFY2(s.events.isEmpty(), "the restart seen by the other connection was recorded twice");

    // The other process polls the same host in the same millisecond: its poll moves to the next
    // free one and keeps all its samples (a sample is one relay at one time).
    QVERIFY2(poller::storeHostPoll(other, host, 7000, 12, true, {},
                                   probe({ { "a", 102, 700 }, { "c", 300, 30 } }), &s, &error),
             qPrintable(error));
    QCOMPARE(s.result.tsMs, 7001);
    QCOMPARE(s.result.samplesStored, 2);
    QVERIFY(poller::storeHostPoll(db, host, 7000, 12, true, {}, probe({ { "a", 102, 700 } }), &s, &error));
    QCOMPARE(s.result.tsMs, 7002);
    QCOMPARE(types(s), QStringLiteral("relay_vanished"));
    QCOMPARE(
        scalar(db,
               "SELECT count(*) FROM (SELECT host_id, ts_ms FROM polls GROUP BY 1, 2 HAVING count(*) > 1)"),
        0);
    QCOMPARE(scalar(db,
                    "SELECT count(*) FROM polls p WHERE relay_count <> "
                    "(SELECT count(*) FROM samples s WHERE s.poll_id = p.id)"),
             0);
}

void TestPoller::failedWriteStoresNothing()
{
    QTemporaryDir dir;
    Database db;
    QString error;
    QVERIFY(db.open(dir.filePath(QStringLiteral("p.sqlite")), Database::OpenMode::CreateIfMissing, &error));
    const HostRecord host { 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} };
    HostPollStored s;
    QVERIFY(poller::storeHostPoll(db, host, 1000, 12, true, {}, probe({ { "a", 100, 2000 } }), &s, &error));
    const DatabaseCounts before = db.counts();
    // A trigger makes the diagnostics insert (after the samples, before the events) fail:
    // the whole host poll must be rolled back.
    QVERIFY(db.exec(QStringLiteral("CREATE TRIGGER boom BEFORE INSERT ON host_diagnostics "
                                   "BEGIN SELECT RAISE(ABORT, 'boom'); END;")));
    QVERIFY(!poller::storeHostPoll(db, host, 2000, 12, true, {}, probe({ { "a", 101, 2000 }, { "b", 5, 1 } }),
                                   &s, &error));
    QVERIFY2(!error.isEmpty(), "a failed write must say why");
    QCOMPARE(db.counts(), before);
    QVERIFY(!db.inTransaction());
    QVERIFY(db.exec(QStringLiteral("DROP TRIGGER boom;")));
    QVERIFY(poller::storeHostPoll(db, host, 3000, 12, true, {}, probe({ { "a", 101, 2000 } }), &s, &error));
    QCOMPARE(types(s), QStringLiteral("relay_restarted"));
}

void TestPoller::schedule()
{
    // No hosts: a round completes at once, which makes the schedule observable.
    QTemporaryDir dir;
    Store store;
    QSignalSpy opened(&store, &Store::opened);
    store.open(dir.filePath(QStringLiteral("s.sqlite")));
    QVERIFY(opened.wait(10000));
    FleetService fleet;
    Poller p(&fleet, &store);
    QSignalSpy started(&p, &Poller::pollStarted);
    QSignalSpy finished(&p, &Poller::pollFinished);
    QSignalSpy next(&p, &Poller::nextPollChanged);
    QVERIFY(p.setInterval(60000));

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    p.start();
    QCOMPARE(started.size(), 1);
    QVERIFY(p.isRunning());
    QVERIFY(!p.pollNow()); // one round at a time
    QVERIFY(finished.wait(5000));
    QVERIFY(!p.isRunning());
    QVERIFY(p.nextPollAt().isValid());
    QCOMPARE(p.nextPollAt().timeSpec(), Qt::UTC);
    const qint64 nextMs = p.nextPollAt().toMSecsSinceEpoch();
    QVERIFY(nextMs >= before + 60000);
    QVERIFY(nextMs <= QDateTime::currentMSecsSinceEpoch() + 60000);
    QCOMPARE(next.last().at(0).toDateTime(), p.nextPollAt());

    p.pause();
    QVERIFY(p.isPaused());
    QVERIFY(!p.nextPollAt().isValid());
    QVERIFY(p.pollNow()); // Poll now works while paused, and does not resume
    QVERIFY(finished.wait(5000));
    QVERIFY(!p.nextPollAt().isValid());
    p.resume();
    QVERIFY(p.nextPollAt().isValid());

    // A shorter interval reschedules; a test interval of 0 polls back to back.
    p.setTestingInterval(0);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 5, 10000);
    const PollStats st = finished.last().at(0).value<PollStats>();
    QCOMPARE(st.hostsOk + st.hostsFailed + st.hostsNotStored, 0);
    QVERIFY(st.tsMs >= before);

    QSignalSpy stopped(&p, &Poller::stopped);
    p.stop();
    QVERIFY(stopped.wait(5000));
    QVERIFY(!p.nextPollAt().isValid());
    QVERIFY(!p.isRunning());
    QVERIFY(!p.pollNow()); // stopped for good (until start())
    QVERIFY(!p.isRunning());
}

QTEST_GUILESS_MAIN(TestPoller)
#include "tst_poller.moc"
