// Reliability of polling against the lab: kill -9 at random moments, a host unreachable, a
// full disk, and a GUI-like poller beside a collector process on one database.

#include "app/database.h"
#include "app/fleetservice.h"
#include "app/poller.h"
#include "app/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <signal.h>
#include <sqlite3.h>
#include <sys/mount.h>

#include "labenv.h"

using namespace alloclab;

namespace {

struct Cleanup {
    std::function<void()> fn;
    ~Cleanup()
    {
        if (fn)
            fn();
    }
};

QString cliPath()
{
    return QStringLiteral(ALLOCLAB_BINARY_DIR "/app/alloclab-cli");
}

QStringList common(const QString &db)
{
    return { QStringLiteral("--db"), db, QStringLiteral("--ssh-config"), labenv::sshConfig() };
}

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun cli(const QString &db, const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(cliPath(), common(db) + args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// The lab is shared: another developer's fault may make a host refuse a connection for a
// moment. Steps that need every host healthy rerun (a bounded number of times) until one poll
// reached them all; the retries are printed.
CliRun untilOk(const QString &db, const QStringList &args, int attempts = 5)
{
    CliRun r;
    for (int i = 0; i < attempts; ++i) {
        r = cli(db, args);
        if (r.exitCode == 0)
            break;
        qInfo("attempt %d failed: %s", i + 1, qPrintable(r.err.trimmed()));
    }
    return r;
}

// A database with the lab's hosts, by their ssh_config aliases.
bool makeDb(const QString &path, const QStringList &hosts, QString *error)
{
    Database db;
    if (!db.open(path, Database::OpenMode::CreateIfMissing, error))
        return false;
    for (const QString &h : hosts) {
        if (db.upsertHost({ 0, h, h, {} }) == 0) {
            *error = db.lastError();
            return false;
        }
    }
    return true;
}

qint64 scalar(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s = nullptr;
    qint64 v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

// The invariants of a database that polls were committed into, whatever happened meanwhile.
// Returns an empty string when they hold.
QString checkPolls(const QString &path, qint64 *okPolls = nullptr, qint64 *rounds = nullptr)
{
    Database db;
    QString error;
    if (!db.open(path, Database::OpenMode::ExistingOnly, &error))
        return QStringLiteral("open: ") + error;
    const QString integrity = db.integrityCheck();
    if (integrity != QLatin1String("ok"))
        return QStringLiteral("integrity_check: ") + integrity;
    sqlite3 *h = db.handle();
    // Complete: each poll has exactly the samples it announced, and each reached poll has its
    // diagnostics row.
    const qint64 incomplete = scalar(h,
                                     "SELECT count(*) FROM polls p WHERE p.relay_count <> "
                                     "(SELECT count(*) FROM samples s WHERE s.poll_id = p.id)");
    if (incomplete != 0)
        return QStringLiteral("%1 poll(s) with a sample count different from their relay_count")
            .arg(incomplete);
    const qint64 noDiag
        = scalar(h,
                 "SELECT count(*) FROM polls p JOIN hosts ho ON ho.id = p.host_id WHERE p.ok = 1 "
                 "AND NOT EXISTS (SELECT 1 FROM host_diagnostics d WHERE d.server = ho.name "
                 "AND d.ts_ms = p.ts_ms)");
    if (noDiag != 0)
        return QStringLiteral("%1 reached poll(s) without diagnostics").arg(noDiag);
    const qint64 orphans = scalar(
        h, "SELECT count(*) FROM samples WHERE poll_id IS NULL OR poll_id NOT IN (SELECT id FROM polls)");
    if (orphans != 0)
        return QStringLiteral("%1 sample(s) without their poll").arg(orphans);
    const qint64 dups
        = scalar(h,
                 "SELECT count(*) FROM (SELECT host_id, ts_ms FROM polls GROUP BY host_id, ts_ms "
                 "HAVING count(*) > 1)");
    if (dups != 0)
        return QStringLiteral("%1 duplicated poll(s) (same host and time)").arg(dups);
    const qint64 emptyOk = scalar(h, "SELECT count(*) FROM polls WHERE ok = 1 AND relay_count = 0");
    if (emptyOk != 0)
        return QStringLiteral("%1 reached poll(s) without any relay (the lab runs relays)").arg(emptyOk);
    if (okPolls)
        *okPolls = scalar(h, "SELECT count(*) FROM polls WHERE ok = 1");
    if (rounds)
        *rounds = scalar(h, "SELECT count(DISTINCT ts_ms) FROM polls");
    return {};
}

// Waits (bounded) until the process printed a line containing `needle` on `channel`.
bool waitForOutput(QProcess &p, QByteArray *buffer, QProcess::ProcessChannel channel,
                   const QByteArray &needle, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!buffer->contains(needle)) {
        const int left = timeoutMs - int(t.elapsed());
        if (left <= 0 || p.state() == QProcess::NotRunning)
            return false;
        p.waitForReadyRead(qMin(left, 1000));
        p.setReadChannel(channel);
        buffer->append(p.readAll());
    }
    return true;
}

} // namespace

class TestCollectLab : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void killNineDuringPolls();
    void hostUnreachable();
    void diskFull();
    void guiAndCollectorConcurrently();

private:
    QTemporaryDir m_dir;
};

void TestCollectLab::initTestCase()
{
    const QString why = labenv::unavailable(2);
    if (!why.isEmpty())
        QSKIP(qPrintable(why));
    QVERIFY(QFile::exists(cliPath()));
    QVERIFY(m_dir.isValid());
}

void TestCollectLab::killNineDuringPolls()
{
    const QString db = m_dir.filePath(QStringLiteral("kill9.sqlite"));
    QString error;
    QVERIFY2(makeDb(db, { QStringLiteral("lab1"), QStringLiteral("lab2") }, &error), qPrintable(error));

    // Collectors polling back to back, each SIGKILLed at a random moment (while connecting,
    // probing, or inside a transaction), until 50 polls of both hosts are in the database.
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator rng(seed);
    qint64 rounds = 0;
    int processes = 0;
    int killed = 0;
    while (rounds < 50) {
        QVERIFY2(processes < 400, "too many collector runs for 50 polls: polls are not being committed");
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(cliPath(),
                common(db)
                    + QStringList { QStringLiteral("-q"), QStringLiteral("collect"),
                                    QStringLiteral("--test-interval-ms"), QStringLiteral("0") });
        QVERIFY(p.waitForStarted(10000));
        ++processes;
        // The random kill moment is the stimulus, not a synchronisation: the process never
        // finishes on its own (it polls until a signal).
        const int at = int(rng.bounded(2500u));
        QVERIFY2(!p.waitForFinished(at), "the collector exited by itself");
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        ++killed;
        qint64 okPolls = 0;
        const QString broken = checkPolls(db, &okPolls, &rounds);
        QVERIFY2(broken.isEmpty(),
                 qPrintable(QStringLiteral("after kill %1 at %2 ms: %3").arg(killed).arg(at).arg(broken)));
    }
    qInfo("%d collectors SIGKILLed, %lld polls committed", killed, rounds);
}

void TestCollectLab::hostUnreachable()
{
    const QString db = m_dir.filePath(QStringLiteral("unreachable.sqlite"));
    QString error;
    QVERIFY2(makeDb(db, { QStringLiteral("lab1"), QStringLiteral("lab2") }, &error), qPrintable(error));
    const QStringList once = { QStringLiteral("collect"),           QStringLiteral("--once"),
                               QStringLiteral("--connect-timeout"), QStringLiteral("3"),
                               QStringLiteral("--command-timeout"), QStringLiteral("10") };

    CliRun r = untilOk(db, once);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // Short window: the fault affects everyone using the lab. Restored also on a failure.
    Cleanup restore { [] {
        labenv::run({ QStringLiteral("fault"), QStringLiteral("lab2"), QStringLiteral("link-up") });
    } };
    error.clear();
    labenv::run({ QStringLiteral("fault"), QStringLiteral("lab2"), QStringLiteral("link-down") }, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    r = cli(db, once);
    restore.fn();
    restore.fn = nullptr;
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("lab2")), qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("lab1: stored ")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("lab2: stored as unreachable")), qPrintable(r.out));

    {
        Database d;
        QVERIFY(d.open(db, Database::OpenMode::ExistingOnly, &error));
        const auto lab1 = d.host(QStringLiteral("lab1"));
        const auto lab2 = d.host(QStringLiteral("lab2"));
        QVERIFY(lab1 && lab2);
        const auto p1 = d.lastPoll(lab1->id);
        const auto p2 = d.lastPoll(lab2->id);
        QVERIFY(p1 && p2);
        QCOMPARE(p1->tsMs, p2->tsMs); // the same round
        QVERIFY(p1->samplesStored > 0); // lab1's poll was committed with its relays
        QCOMPARE(p2->samplesStored, 0);
        const QList<EventRecord> events = d.events();
        const auto outage = std::find_if(events.cbegin(), events.cend(), [&](const EventRecord &e) {
            return e.type == QLatin1String("host_unreachable") && e.hostId == lab2->id;
        });
        QVERIFY2(outage != events.cend(), "no host_unreachable event for lab2");
        QCOMPARE(outage->tsMs, p2->tsMs);
        QVERIFY(std::none_of(events.cbegin(), events.cend(),
                             [&](const EventRecord &e) { return e.hostId == lab1->id; }));
    }
    QVERIFY(checkPolls(db).isEmpty());

    // Back: the first poll that reaches lab2 records that, once.
    r = untilOk(db, once);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("event host_reachable: lab2: reachable again")), qPrintable(r.out));
    r = untilOk(db, once);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(!r.out.contains(QLatin1String(" event ")), qPrintable(r.out));
    QVERIFY(checkPolls(db).isEmpty());
}

void TestCollectLab::diskFull()
{
    if (::geteuid() != 0)
        QSKIP("mounting a small tmpfs needs root");
    const QString mnt = m_dir.filePath(QStringLiteral("tiny"));
    QVERIFY(QDir().mkpath(mnt));
    QVERIFY2(::mount("tmpfs", QFile::encodeName(mnt).constData(), "tmpfs", 0, "size=4m,mode=0700") == 0,
             strerror(errno));
    Cleanup unmount { [mnt] {
        ::umount2(QFile::encodeName(mnt).constData(), MNT_DETACH);
    } };
    const QString db = mnt + QStringLiteral("/alloclab.sqlite");
    QString error;
    QVERIFY2(makeDb(db, { QStringLiteral("lab1"), QStringLiteral("lab2") }, &error), qPrintable(error));

    QProcess p;
    p.start(cliPath(),
            common(db)
                + QStringList { QStringLiteral("collect"), QStringLiteral("--test-interval-ms"),
                                QStringLiteral("300") });
    QVERIFY(p.waitForStarted(10000));
    Cleanup stopCollector { [&p] {
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(10000);
        }
    } };
    QByteArray out;
    QByteArray err;
    QVERIFY2(waitForOutput(p, &out, QProcess::StandardOutput, "poll 1:", 60000), out.constData());

    // Fill the file system to the last byte.
    const QString fillPath = mnt + QStringLiteral("/filler");
    {
        QFile fill(fillPath);
        QVERIFY(fill.open(QIODevice::WriteOnly));
        const QByteArray block(64 * 1024, 'x');
        while (fill.write(block) == block.size() && fill.flush()) { }
        QByteArray byte(1, 'x');
        while (fill.write(byte) == 1 && fill.flush()) { }
    }
    QVERIFY2(waitForOutput(p, &err, QProcess::StandardError, "full", 60000), err.constData());
    QVERIFY2(err.contains("The disk holding"), err.constData());
    QVERIFY2(err.contains("nothing from"), err.constData());
    qInfo("%s", err.trimmed().constData());
    QVERIFY(p.state() == QProcess::Running); // a full disk does not end the collector

    // Space returns: polling stores again.
    QVERIFY(QFile::remove(fillPath));
    p.setReadChannel(QProcess::StandardOutput);
    out += p.readAll();
    const qsizetype seen = out.size();
    QElapsedTimer t;
    t.start();
    bool stored = false;
    while (!stored && t.elapsed() < 60000 && p.state() == QProcess::Running) {
        p.waitForReadyRead(1000);
        p.setReadChannel(QProcess::StandardOutput);
        out += p.readAll();
        stored = out.mid(seen).contains(" 2 host(s) ok, 0 failed, 0 not stored");
    }
    QVERIFY2(stored, out.mid(seen).constData());

    ::kill(pid_t(p.processId()), SIGTERM);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    const QString broken = checkPolls(db);
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
}

void TestCollectLab::guiAndCollectorConcurrently()
{
    const QString db = m_dir.filePath(QStringLiteral("shared.sqlite"));
    QString error;
    QVERIFY2(makeDb(db, { QStringLiteral("lab1"), QStringLiteral("lab2") }, &error), qPrintable(error));
    constexpr int kRounds = 40;

    // The GUI's side, in this process: Store + FleetService + Poller.
    Store store;
    QSignalSpy opened(&store, &Store::opened);
    store.open(db);
    QVERIFY(opened.wait(10000));
    FleetService fleet;
    fleet.setSshConfig(labenv::sshConfig());
    fleet.setHostKeyPolicy(HostKeyPolicy::Refuse);
    Database reader;
    QVERIFY(reader.open(db, Database::OpenMode::ExistingOnly, &error));
    fleet.setHosts(reader.hosts());
    reader.close();
    Poller poller(&fleet, &store);
    poller.setTestingInterval(50);
    QStringList storeErrors;
    QStringList hostErrors;
    int guiRounds = 0;
    int guiHostsOk = 0;
    connect(&poller, &Poller::storeFailed, this,
            [&](const QString &n, const QString &m) { storeErrors << n + QStringLiteral(": ") + m; });
    connect(&poller, &Poller::hostFailed, this,
            [&](const QString &n, const QString &m) { hostErrors << n + QStringLiteral(": ") + m; });
    connect(&poller, &Poller::pollFinished, this, [&](const PollStats &s) {
        guiHostsOk += s.hostsOk;
        if (++guiRounds >= kRounds)
            poller.stop();
    });
    QSignalSpy stopped(&poller, &Poller::stopped);

    // The collector, at the same time.
    QProcess collector;
    collector.start(cliPath(),
                    common(db)
                        + QStringList { QStringLiteral("--json"), QStringLiteral("collect"),
                                        QStringLiteral("--test-interval-ms"), QStringLiteral("50"),
                                        QStringLiteral("--count"), QString::number(kRounds) });
    QVERIFY(collector.waitForStarted(10000));
    poller.start();

    QVERIFY2(stopped.wait(300000) || !stopped.isEmpty(), "the in-process poller did not finish its rounds");
    QVERIFY(collector.state() == QProcess::NotRunning || collector.waitForFinished(300000));
    const QString cerr = QString::fromUtf8(collector.readAllStandardError());
    const QList<QByteArray> lines = collector.readAllStandardOutput().split('\n');
    QCOMPARE(collector.exitCode(), 0);
    QVERIFY2(!cerr.contains(QLatin1String("locked")), qPrintable(cerr));
    QVERIFY2(storeErrors.isEmpty(), qPrintable(storeErrors.join(QLatin1Char('\n'))));
    // A host the shared lab refused for a moment is stored as a failed poll: not a lost one.
    if (!hostErrors.isEmpty())
        qInfo("host errors (stored as failed polls): %s", qPrintable(hostErrors.join(QLatin1Char('\n'))));
    QCOMPARE(guiRounds, kRounds);
    int collectorRounds = 0;
    int collectorHostsOk = 0;
    for (const QByteArray &l : lines) {
        if (!l.startsWith('{'))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(l).object();
        QCOMPARE(
            o.value(QStringLiteral("hosts_ok")).toInt() + o.value(QStringLiteral("hosts_failed")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("hosts_not_stored")).toInt(), 0);
        collectorHostsOk += o.value(QStringLiteral("hosts_ok")).toInt();
        ++collectorRounds;
    }
    QCOMPARE(collectorRounds, kRounds);

    // No lost poll: every host poll of every round of both is in the database, whole.
    qint64 okPolls = 0;
    const QString broken = checkPolls(db, &okPolls);
    QVERIFY2(broken.isEmpty(), qPrintable(broken));
    Database d;
    QVERIFY(d.open(db, Database::OpenMode::ExistingOnly, &error));
    QCOMPARE(d.counts().polls, qint64(2 * kRounds * 2));
    QCOMPARE(okPolls, qint64(guiHostsOk + collectorHostsOk));
    QVERIFY2(okPolls >= kRounds * 2, "most polls should reach the lab");
}

QTEST_GUILESS_MAIN(TestCollectLab)
#include "tst_collect_lab.moc"
