#include "app/cli/cli.h"
#include "app/database.h"
#include "models/sampleblock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QResource>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sqlite3.h>
#include <sys/mount.h>
#include <unistd.h>

#include "tests/unit/oldstore.h"

using namespace alloclab;
using alloclab::test::rawExec;
using alloclab::test::schemaSql;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QString fp(char c)
{
    return QString(40, QLatin1Char(c));
}

// A poll of n relays on host (instances r0..r{n-1}), all at ts.
PollWrite makePoll(Id hostId, qint64 ts, int n, const QString &prefix = QStringLiteral("r"))
{
    PollWrite p;
    p.hostId = hostId;
    p.tsMs = ts;
    p.durationMs = 12;
    for (int i = 0; i < n; ++i) {
        RelayRecord r;
        r.instance = prefix + QString::number(i);
        r.nickname = prefix + QString::number(i);
        p.relays.append(r);
        SampleRecord s;
        s.rssKb = 1000 + i;
        s.hwmKb = 2000 + i;
        s.vmsizeKb = 3000 + i;
        s.pid = 100 + i;
        s.loadedAllocator = QStringLiteral("libmimalloc.so.2.0");
        p.samples.append(s);
    }
    return p;
}

qint64 scalar(Database &db, const char *sql, bool *ok)
{
    sqlite3_stmt *st = nullptr;
    *ok = sqlite3_prepare_v2(db.handle(), sql, -1, &st, nullptr) == SQLITE_OK
        && sqlite3_step(st) == SQLITE_ROW;
    const qint64 v = *ok ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

// Every block, key and bytes: equal dumps = nothing was rewritten.
QByteArray blockDump(Database &db)
{
    QByteArray out;
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db.handle(),
                       "SELECT relay_id, first_ms, last_ms, n, hex(data) FROM sample_blocks "
                       "ORDER BY relay_id, first_ms",
                       -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int c = 0; c < 5; ++c)
            out += reinterpret_cast<const char *>(sqlite3_column_text(st, c)) + QByteArray(",");
        out += '\n';
    }
    sqlite3_finalize(st);
    return out;
}

// Rows of a query as text, one line per row: two files with equal dumps have equal contents there.
QByteArray dump(Database &db, const char *sql)
{
    QByteArray out;
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &st, nullptr) != SQLITE_OK)
        return "cannot prepare: " + QByteArray(sql);
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(st); ++c)
            out += reinterpret_cast<const char *>(sqlite3_column_text(st, c)) + QByteArray("|");
        out += '\n';
    }
    sqlite3_finalize(st);
    return out;
}

// Pairs of blocks of one relay whose time ranges overlap (must be 0).
qint64 overlappingBlocks(Database &db)
{
    bool ok = false;
    return scalar(db,
                  "SELECT count(*) FROM sample_blocks x JOIN sample_blocks y ON x.relay_id = y.relay_id "
                  "AND x.first_ms < y.first_ms AND x.last_ms >= y.first_ms",
                  &ok);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("db%1/alloclab.sqlite").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createsSchema()
    {
        const QString path = newPath();
        QVERIFY(!QFileInfo::exists(QFileInfo(path).absolutePath()));
        Database db;
        QString error;
        QVERIFY2(db.open(path, Database::OpenMode::CreateIfMissing, &error), qPrintable(error));
        QCOMPARE(db.fileSchemaVersion(), Database::schemaVersion());
        const auto allocators = db.allocators();
        QCOMPARE(allocators.size(), 3);
        QCOMPARE(allocators.at(0).id, QStringLiteral("glibc"));
        QCOMPARE(allocators.at(0).path, QString());
        QCOMPARE(allocators.at(1).path, QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"));
        QCOMPARE(allocators.at(2).path, QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"));
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        db.close();
        // WAL persists in the file header (bytes 18 and 19 are 2).
        const QByteArray head = fileBytes(path).left(100);
        QCOMPARE(int(head.at(18)), 2);
        QCOMPARE(int(head.at(19)), 2);
        // Reopening changes nothing.
        QVERIFY(db.open(path, Database::OpenMode::ExistingOnly, &error));
        QCOMPARE(db.allocators().size(), 3);
    }

    // A new file is a copy of the empty database the build made (:/store/empty.sqlite); it must
    // be exactly what the migrations make of an empty file, which is how every other file gets
    // its schema.
    void newFileIsTheMigratedSchema()
    {
        QVERIFY2(QResource(QStringLiteral(":/store/empty.sqlite")).isValid(),
                 "the build's empty database is missing: every new file replays the migrations");
        const QString copied = newPath();
        const QString migrated = newPath();
        QVERIFY(QDir().mkpath(QFileInfo(migrated).absolutePath()));
        QVERIFY(writeFile(migrated, {})); // exists and is empty: open() runs the migrations
        Database a;
        Database b;
        QString error;
        QVERIFY2(a.open(copied, Database::OpenMode::CreateIfMissing, &error), qPrintable(error));
        QVERIFY2(b.open(migrated, Database::OpenMode::ExistingOnly, &error), qPrintable(error));
        for (const char *sql : {
                 "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name",
                 "SELECT * FROM allocators ORDER BY id",
                 "SELECT user_version, application_id, journal_mode, page_size, encoding, auto_vacuum "
                 "FROM pragma_user_version, pragma_application_id, pragma_journal_mode, pragma_page_size, "
                 "pragma_encoding, pragma_auto_vacuum",
                 "SELECT (SELECT count(*) FROM hosts) + (SELECT count(*) FROM relays) "
                 "+ (SELECT count(*) FROM samples) + (SELECT count(*) FROM sample_blocks) "
                 "+ (SELECT count(*) FROM experiments) + (SELECT count(*) FROM events)",
             }) {
            const QByteArray want = dump(b, sql);
            QVERIFY2(!want.isEmpty(), sql);
            QCOMPARE(dump(a, sql), want);
        }
        QCOMPARE(a.fileSchemaVersion(), Database::schemaVersion());
        QCOMPARE(a.integrityCheck(), QStringLiteral("ok"));
        // The copy is written under another name and linked into place: nothing else is left.
        const QString name = QFileInfo(copied).fileName();
        const QStringList files { name, name + QStringLiteral("-shm"), name + QStringLiteral("-wal") };
        QCOMPARE(QDir(QFileInfo(copied).absolutePath()).entryList(QDir::Files | QDir::Hidden), files);
        // And the copy is a working database.
        const Id host = a.upsertHost(HostRecord { 0, QStringLiteral("lab9"), QStringLiteral("lab9"), {} });
        QVERIFY(a.insertPoll(makePoll(host, 1000, 3)));
        QCOMPARE(a.counts().samples, 3);
    }

    void readOnlyFileIsRefused()
    {
        // Root writes read-only files, so as root the file lies on a read-only mount instead.
        const bool root = ::geteuid() == 0;
        const QString dir = m_dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkpath(dir));
        const QByteArray dirC = QFile::encodeName(dir);
        if (root && ::mount("tmpfs", dirC.constData(), "tmpfs", 0, "size=4m") != 0)
            QSKIP("mounting a tmpfs failed");
        struct Unmount {
            QByteArray path;
            bool active;
            ~Unmount()
            {
                if (active)
                    ::umount2(path.constData(), MNT_DETACH);
            }
        } unmount { dirC, root };
        const QString path = dir + QStringLiteral("/alloclab.sqlite");
        {
            Database db;
            QVERIFY(db.open(path));
        }
        const QByteArray before = fileBytes(path);
        if (root)
            QVERIFY(::mount("tmpfs", dirC.constData(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0);
        else
            QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
        Database db;
        QString error;
        QVERIFY(!db.open(path, Database::OpenMode::ExistingOnly, &error));
        QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error));
        QCOMPARE(fileBytes(path), before);
        if (!root)
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }

    // A writer that holds the lock longer than the busy timeout: the poll fails with a sentence
    // saying so and leaves nothing behind; once the lock is free the same poll goes in.
    void busyWriterTimesOut()
    {
        const QString path = newPath();
        Database a;
        QVERIFY(a.open(path));
        const Id h = a.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("go"), {} });
        Database b;
        QVERIFY(b.open(path, Database::OpenMode::ExistingOnly));
        b.setBusyTimeout(200);
        Transaction hold(a);
        QVERIFY(hold.isActive());
        QVERIFY(!b.insertPoll(makePoll(h, 1000, 10)));
        QVERIFY(b.lastErrorWasBusy());
        QVERIFY2(b.lastError().contains(QStringLiteral("locked")), qPrintable(b.lastError()));
        QVERIFY(!b.inTransaction());
        hold.rollback();
        QVERIFY2(b.insertPoll(makePoll(h, 1000, 10)), qPrintable(b.lastError()));
        QCOMPARE(a.counts().samples, 10);
    }

    void existingOnlyRefusesMissingFile()
    {
        const QString path = newPath();
        Database db;
        QString error;
        QVERIFY(!db.open(path, Database::OpenMode::ExistingOnly, &error));
        QVERIFY2(error.contains(QStringLiteral("There is no database")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(path));
    }

    // Each forward step: build a file at the old version with the old DDL, fill it, open it.
    void migrations_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < Database::schemaVersion(); ++v)
            QTest::addRow("v%d->v%d", v, Database::schemaVersion()) << v;
    }
    void migrations()
    {
        QFETCH(int, from);
        const QString path = newPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QByteArray sql = schemaSql(from);
        if (from > 0)
            sql += "INSERT INTO hosts(name, target) VALUES('old', 'lab1');";
        QVERIFY(rawExec(path, sql.isEmpty() ? QByteArray("SELECT 1") : sql));
        Database db;
        QString error;
        QVERIFY2(db.open(path, Database::OpenMode::ExistingOnly, &error), qPrintable(error));
        QCOMPARE(db.fileSchemaVersion(), Database::schemaVersion());
        if (from > 0) {
            const auto h = db.host(QStringLiteral("old"));
            QVERIFY(h.has_value());
            QCOMPARE(h->target, QStringLiteral("lab1"));
        }
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        // The migrated file works: a poll goes in.
        const Id host = db.upsertHost(HostRecord { 0, QStringLiteral("lab9"), QStringLiteral("lab9"), {} });
        QVERIFY(db.insertPoll(makePoll(host, 1000, 3)));
        QCOMPARE(db.counts().samples, 3);
    }

    // v2 -> v3 rebuilds samples (no per-row foreign key, no time index) and fills sample_times:
    // every sample survives, the times are the distinct ones, and deleting a relay still cascades.
    void migrationV3KeepsSamples()
    {
        const QString path = newPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QByteArray sql = schemaSql(2);
        sql += "INSERT INTO relays(id, server, nickname) VALUES(1, 's', 'a'), (2, 's', 'b');";
        sql += "INSERT INTO samples(relay_id, ts_ms, rss_kb, pid, loaded_allocator) VALUES"
               "(1, 1000, 10, 5, 'mimalloc'), (2, 1000, 20, 6, 'glibc'), (1, 2000, 11, 5, 'mimalloc'), "
               "(2, 3000, 22, 6, 'glibc');";
        QVERIFY(rawExec(path, sql));
        Database db;
        QString error;
        QVERIFY2(db.open(path, Database::OpenMode::ExistingOnly, &error), qPrintable(error));
        QCOMPARE(db.fileSchemaVersion(), Database::schemaVersion());
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        QCOMPARE(db.counts().samples, 4);
        QCOMPARE(db.sampleTimes(), (QList<qint64> { 1000, 2000, 3000 }));
        QCOMPARE(db.latestSampleTimeAtOrBefore(2500), qint64(2000));
        const Snapshot snap = db.snapshotAtOrBefore(1500);
        QCOMPARE(snap.tsMs, qint64(1000));
        QCOMPARE(snap.samples.size(), 2);
        QCOMPARE(snap.samples.at(1).rssKb, qint64(20));
        QCOMPARE(snap.samples.at(1).loadedAllocator, QStringLiteral("glibc"));
        QCOMPARE(db.samples(QList<Id> { 1 }, 0).size(), 2);
        QVERIFY(db.exec(QStringLiteral("DELETE FROM relays WHERE id = 2")));
        QCOMPARE(db.counts().samples, 2);
        // Without the per-row foreign key, a sample of an unknown relay is still refused.
        SampleRecord ghost;
        ghost.relayId = 99;
        ghost.tsMs = 4000;
        QCOMPARE(db.insertSamples({ ghost }), qint64(-1));
        QVERIFY2(db.lastError().contains(QStringLiteral("does not know")), qPrintable(db.lastError()));
        QCOMPARE(db.counts().samples, 2);
    }

    // v3 -> v4 adds sample_blocks beside the rows: everything of a v3 file survives, and the
    // relay trigger now clears a deleted relay's blocks too.
    void migrationV4KeepsEverything()
    {
        const QString path = newPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QByteArray sql = schemaSql(3);
        sql += "INSERT INTO hosts(id, name, target) VALUES(1, 'h', 'lab1');";
        sql += "INSERT INTO relays(id, host_id, server, nickname, fingerprint) VALUES(1, 1, 's', 'a', ''), "
               "(2, 1, 's', 'b', '"
            + QByteArray(40, 'B') + "');";
        sql += "INSERT INTO polls(id, host_id, ts_ms, ok, relay_count) VALUES(7, 1, 3000, 1, 1);";
        sql += "INSERT INTO samples(relay_id, ts_ms, rss_kb, hwm_kb, vmsize_kb, pid, loaded_allocator, "
               "poll_id) "
               "VALUES(1, 1000, 10, 30, 40, 5, 'mimalloc', NULL), (2, 1000, 20, 31, 41, 6, '', NULL), "
               "(1, 2000, 11, 32, 42, 5, 'mimalloc', NULL), (2, 3000, 22, 33, 43, 6, '', 7);";
        sql += "INSERT INTO sample_times VALUES(1000), (2000), (3000);";
        sql += "INSERT INTO aggregates(server, ts_ms, count) VALUES('s', 1000, 2);";
        sql += "INSERT INTO events(ts_ms, type, description) VALUES(1500, 'restart', 'x');";
        sql += "INSERT INTO experiments(id, name) VALUES(1, 'e');";
        QVERIFY(rawExec(path, sql));
        Database db;
        QString error;
        QVERIFY2(db.open(path, Database::OpenMode::ExistingOnly, &error), qPrintable(error));
        QCOMPARE(db.fileSchemaVersion(), Database::schemaVersion());
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        const DatabaseCounts c = db.counts();
        QCOMPARE(c.hosts, 1);
        QCOMPARE(c.relays, 2);
        QCOMPARE(c.samples, 4);
        QCOMPARE(c.polls, 1);
        QCOMPARE(c.aggregates, 1);
        QCOMPARE(c.events, 1);
        QCOMPARE(c.experiments, 1);
        QCOMPARE(db.sampleTimes(), (QList<qint64> { 1000, 2000, 3000 }));
        const QList<SampleRecord> all = db.samples({}, 0);
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.at(0).relayId, 1);
        QCOMPARE(all.at(1).tsMs, 2000);
        QCOMPARE(all.at(1).hwmKb, 32);
        QCOMPARE(all.at(1).vmsizeKb, 42);
        QCOMPARE(all.at(1).loadedAllocator, QStringLiteral("mimalloc"));
        QCOMPARE(all.at(3).rssKb, 22);
        QCOMPARE(db.lastPoll(1)->samplesStored, 1);
        QCOMPARE(db.relay(2)->fingerprint, QString(40, QLatin1Char('B')));
        // Imported history now goes into blocks, beside the old rows.
        QList<SampleRecord> more;
        for (int i = 0; i < 5; ++i)
            more.append(SampleRecord { 2, 4000 + i * 1000LL, 100 + i, 200, 300, 6, QString() });
        QCOMPARE(db.insertSamples(more), 5);
        QCOMPARE(db.counts().samples, 9);
        QCOMPARE(db.samples(QList<Id> { 2 }, 0).size(), 7);
        bool ok = false;
        QCOMPARE(scalar(db, "SELECT count(*) FROM sample_blocks", &ok), 1);
        QVERIFY(db.exec(QStringLiteral("DELETE FROM relays WHERE id = 2")));
        QCOMPARE(scalar(db, "SELECT count(*) FROM sample_blocks", &ok), 0);
        QCOMPARE(db.counts().samples, 2);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    }

    // Imports (insertSamples) write blocks, polls write rows; every reader sees both, a (relay,
    // ts) is stored once, and re-importing changes nothing.
    void blocksBesideRows()
    {
        Database db;
        QVERIFY(db.open(newPath()));
        const Id h = db.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("go"), {} });
        PollResult poll;
        QVERIFY(db.insertPoll(makePoll(h, 5000500, 2), &poll)); // rows at 5000.5 s
        const Id a = poll.relayIds.at(0);
        const Id b = poll.relayIds.at(1);
        // 3000 hourly samples for a (several blocks), every other hour for b.
        const auto history = [&](Id relay, int n, int step, qint64 offset) {
            QList<SampleRecord> out;
            for (int i = 0; i < n; ++i)
                out.append(
                    SampleRecord { relay, offset + i * step * 1000LL, 1000 + i, 2000 + i, 3000 + i, 4242,
                                   i < n / 2 ? QStringLiteral("libjemalloc.so.2") : QStringLiteral("?") });
            return out;
        };
        const QList<SampleRecord> ha = history(a, 3000, 1, 1000);
        const QList<SampleRecord> hb = history(b, 1500, 2, 1000);
        QCOMPARE(db.insertSamples(ha + hb), 4500);
        bool ok = false;
        const qint64 blocks = scalar(db, "SELECT count(*) FROM sample_blocks", &ok);
        QCOMPARE(blocks, 3 + 2); // evenly filled: 3 x 1000 and 2 x 750
        QCOMPARE(scalar(db, "SELECT max(n) FROM sample_blocks", &ok), 1000);
        QCOMPARE(overlappingBlocks(db), 0);
        QCOMPARE(db.counts().samples, 4502);
        const DatabaseCounts before = db.counts();
        const QByteArray dump = blockDump(db);
        // Idempotent: the same again, in another order, adds nothing and rewrites nothing.
        QCOMPARE(db.insertSamples(hb + ha), 0);
        QCOMPARE(db.counts(), before);
        QCOMPARE(blockDump(db), dump);

        // Series: exact values, in time order, across block borders.
        const QList<SampleRecord> sa = db.samples(QList<Id> { a }, 0);
        QCOMPARE(sa.size(), 3001); // + the poll's row
        for (int i = 0; i < 3000; ++i) {
            QCOMPARE(sa.at(i).tsMs, ha.at(i).tsMs);
            QCOMPARE(sa.at(i).rssKb, ha.at(i).rssKb);
            QCOMPARE(sa.at(i).hwmKb, ha.at(i).hwmKb);
            QCOMPARE(sa.at(i).vmsizeKb, ha.at(i).vmsizeKb);
            QCOMPARE(sa.at(i).pid, ha.at(i).pid);
            QCOMPARE(sa.at(i).loadedAllocator, ha.at(i).loadedAllocator);
        }
        QCOMPARE(sa.last().tsMs, 5000500);
        QCOMPARE(sa.last().loadedAllocator, QStringLiteral("libmimalloc.so.2.0"));
        const QList<SampleRecord> window = db.samples(QList<Id> { b, a }, 1024000, 2050000);
        QCOMPARE(window.size(), (2050 - 1024 + 1) + 513);
        QCOMPARE(window.first().relayId, a);
        QCOMPARE(window.first().tsMs, 1024000);
        QCOMPARE(window.last().relayId, b);
        QCOMPARE(window.last().tsMs, 2049000);
        QCOMPARE(db.samples({}, 0).size(), 4502);

        // Snapshot and latest: blocks and rows.
        QCOMPARE(db.latestSampleTimeAtOrBefore(2500500), 2500000);
        QCOMPARE(db.latestSampleTimeAtOrBefore(2500500, { b }), 2499000);
        QCOMPARE(db.latestSampleTimeAtOrBefore(0, { b }), 5000500);
        QCOMPARE(db.latestSampleTimeAtOrBefore(4999999, { b }), 2999000);
        QCOMPARE(db.latestSampleTimeAtOrBefore(999, { a, b }), 0);
        Snapshot snap = db.snapshotAtOrBefore(2500500);
        QCOMPARE(snap.tsMs, 2500000);
        QCOMPARE(snap.samples.size(), 1);
        QCOMPARE(snap.samples.at(0).relayId, a);
        QCOMPARE(snap.samples.at(0).rssKb, 1000 + 2499);
        snap = db.snapshotAtOrBefore(1001000, { a, b });
        QCOMPARE(snap.samples.size(), 2);
        QCOMPARE(snap.samples.at(1).relayId, b);
        QCOMPARE(snap.samples.at(1).rssKb, 1000 + 500);
        QCOMPARE(db.snapshotAtOrBefore(1001000, { b }).samples.size(), 1);
        QCOMPARE(db.snapshotAtOrBefore(0).samples.size(), 2); // the poll
        QCOMPARE(db.sampleTimes(0, 3000).size(), 3);
        QCOMPARE(db.sampleTimes().size(), 3001);

        // Latest: rows newer than the blocks win; blocks alone where there are no rows.
        QList<SampleRecord> latest = db.latestSamples();
        QCOMPARE(latest.size(), 2);
        QCOMPARE(latest.at(0).tsMs, 5000500);
        QVERIFY(db.exec(QStringLiteral("DELETE FROM samples")));
        latest = db.latestSamples();
        QCOMPARE(latest.size(), 2);
        QCOMPARE(latest.at(0).tsMs, 3000000);
        QCOMPARE(latest.at(0).rssKb, 3999);
        QCOMPARE(latest.at(0).loadedAllocator, QStringLiteral("?"));
        QCOMPARE(latest.at(1).tsMs, 2999000);

        // A poll at a time already in a block stores nothing twice.
        PollWrite again = makePoll(h, 1501000, 2);
        PollResult r;
        QVERIFY(db.insertPoll(again, &r));
        QCOMPARE(r.samplesStored, 0);
        QCOMPARE(db.counts().samples, 4500);

        // New samples inside stored blocks: merged, still no overlap, nothing lost or doubled.
        QList<SampleRecord> gaps;
        for (int i = 0; i < 1500; ++i)
            gaps.append(
                SampleRecord { b, 2000 + i * 2000LL, 7, 8, 9, 10, QStringLiteral("libmimalloc.so.2.0") });
        gaps.append(hb.at(3)); // already there
        QCOMPARE(db.insertSamples(gaps), 1500);
        QCOMPARE(db.counts().samples, 6000);
        QCOMPARE(overlappingBlocks(db), 0);
        const QList<SampleRecord> sb = db.samples(QList<Id> { b }, 0);
        QCOMPARE(sb.size(), 3000);
        for (int i = 0; i < 3000; ++i) {
            QCOMPARE(sb.at(i).tsMs, 1000 + i * 1000LL);
            QCOMPARE(sb.at(i).rssKb, i % 2 ? 7 : 1000 + i / 2);
            QCOMPARE(sb.at(i).loadedAllocator,
                     i % 2 ? QStringLiteral("libmimalloc.so.2.0")
                           : (i / 2 < 750 ? QStringLiteral("libjemalloc.so.2") : QStringLiteral("?")));
        }
        QVERIFY(scalar(db, "SELECT max(n) FROM sample_blocks", &ok) <= SampleBlock::kMaxSamples);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));

        // Defensive reads: a row at a block's time (never written so) is seen once.
        QVERIFY(db.exec(
            QStringLiteral("INSERT INTO samples(relay_id, ts_ms, rss_kb) VALUES(%1, 1000, 55)").arg(a)));
        const QList<SampleRecord> dup = db.samples(QList<Id> { a }, 0, 2000);
        QCOMPARE(dup.size(), 2);
        QCOMPARE(dup.at(0).rssKb, 55);
        QCOMPARE(db.snapshotAtOrBefore(1000, { a }).samples.size(), 1);

        // A row written before an overlapping import keeps the import from storing it twice.
        QList<SampleRecord> one { SampleRecord { a, 1000, 1, 1, 1, 1, QString() },
                                  SampleRecord { a, 500, 2, 2, 2, 2, QString() } };
        QCOMPARE(db.insertSamples(one), 1);
    }

    // The importer's form: runs in any relay order, one relay's runs in time order; the same
    // (relay, ts) twice keeps the first given; an unknown relay names the sample's position.
    void sampleRuns()
    {
        Database db;
        QVERIFY(db.open(newPath()));
        const Id a = db.resolveRelay(RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("a"), {} });
        const Id b = db.resolveRelay(RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("b"), {} });
        const auto run = [](Id relay, qint64 from, int n, qint64 rss) {
            QList<SampleRecord> r;
            for (int i = 0; i < n; ++i)
                r.append(SampleRecord { relay, from + i * 1000LL, rss + i, -1, -1, 7, QStringLiteral("?") });
            return r;
        };
        std::vector<QList<SampleRecord>> runs { run(b, 1000, 5, 500), run(a, 1000, 3, 100),
                                                run(b, 6000, 2, 600),
                                                run(a, 3000, 2, 900) }; // a at 3000 twice: 102 wins
        QCOMPARE(db.insertSampleRuns(runs), 5 + 3 + 2 + 1);
        const QList<SampleRecord> all = db.samples({}, 0);
        QCOMPARE(all.size(), 11);
        QCOMPARE(all.at(0).relayId, a);
        QCOMPARE(all.at(2).tsMs, 3000);
        QCOMPARE(all.at(2).rssKb, 102);
        QCOMPARE(all.at(3).rssKb, 901);
        QCOMPARE(all.at(4).relayId, b);
        QCOMPARE(all.last().tsMs, 7000);
        QCOMPARE(db.insertSampleRuns(runs), 0);
        runs.push_back(run(99, 1000, 1, 1));
        QCOMPARE(db.insertSampleRuns(runs), -1);
        QVERIFY2(db.lastError().contains(QStringLiteral("Sample 13 of 13 names relay 99")),
                 qPrintable(db.lastError()));
        QCOMPARE(db.counts().samples, 11);
    }

    // A damaged block is a clear error naming the relay, never a crash or a silent gap.
    void damagedBlock()
    {
        Database db;
        QVERIFY(db.open(newPath()));
        const Id relay
            = db.resolveRelay(RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("x"), {} });
        QList<SampleRecord> s;
        for (int i = 1; i <= 10; ++i)
            s.append(SampleRecord { relay, i * 1000LL, i, i, i, 1, QString() });
        QCOMPARE(db.insertSamples(s), 10);
        QVERIFY(db.exec(QStringLiteral("UPDATE sample_blocks SET data = substr(data, 1, 7)")));
        QVERIFY(db.samples(QList<Id> { relay }, 0).isEmpty());
        QVERIFY2(db.lastError().contains(QStringLiteral("damaged"))
                     && db.lastError().contains(QStringLiteral("relay %1").arg(relay)),
                 qPrintable(db.lastError()));
        QVERIFY(db.latestSamples().isEmpty());
        QVERIFY(db.lastError().contains(QStringLiteral("damaged")));
        QCOMPARE(db.snapshotAtOrBefore(5000).samples.size(), 0);
        // Writing into it is refused too, and leaves it as it was.
        QCOMPARE(db.insertSamples({ SampleRecord { relay, 5500, 1, 1, 1, 1, QString() } }), -1);
        QVERIFY(db.lastError().contains(QStringLiteral("damaged")));
        QVERIFY(db.exec(QStringLiteral("UPDATE sample_blocks SET data = x'02'")));
        QVERIFY(db.samples(QList<Id> { relay }, 0).isEmpty());
        QVERIFY2(db.lastError().contains(QStringLiteral("version 2")), qPrintable(db.lastError()));
    }

    void refusesForeignFiles_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("random bytes") << QByteArray("random") << QStringLiteral("not an AllocLab database");
        QTest::newRow("text file") << QByteArray("text") << QStringLiteral("not an AllocLab database");
        QTest::newRow("damaged AllocLab file") << QByteArray("damaged") << QStringLiteral("is damaged");
        QTest::newRow("another program's SQLite")
            << QByteArray("foreign") << QStringLiteral("another program");
        QTest::newRow("newer AllocLab")
            << QByteArray("newer")
            << QStringLiteral(
                   "written by a newer AllocLab (schema %1, this version knows %2); upgrade AllocLab")
                   .arg(Database::schemaVersion() + 1)
                   .arg(Database::schemaVersion());
    }
    void refusesForeignFiles()
    {
        QFETCH(QByteArray, kind);
        QFETCH(QString, expected);
        const QString path = newPath();
        const QString dir = QFileInfo(path).absolutePath();
        QVERIFY(QDir().mkpath(dir));
        if (kind == "random") {
            QByteArray bytes(64 * 1024, Qt::Uninitialized);
            QRandomGenerator gen(42);
            gen.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
            QVERIFY(writeFile(path, bytes));
        } else if (kind == "text") {
            QVERIFY(writeFile(
                path, QByteArray("timestamp,server,type\n2025-11-02T14:00:00,go,aggregate\n").repeated(40)));
        } else if (kind == "foreign") {
            QVERIFY(rawExec(path, "CREATE TABLE notes(x); INSERT INTO notes VALUES(1);"));
        } else {
            {
                Database db;
                QVERIFY(db.open(path));
                const Id host = db.upsertHost(HostRecord { 0, QStringLiteral("h"), QStringLiteral("h"), {} });
                QVERIFY(db.insertPoll(makePoll(host, 1000, 50)));
            }
            if (kind == "newer") {
                QVERIFY(rawExec(
                    path, "PRAGMA user_version = " + QByteArray::number(Database::schemaVersion() + 1)));
            } else {
                // Garbage over the schema page, behind an intact header.
                QByteArray bytes = fileBytes(path);
                QVERIFY(bytes.size() > 4096);
                for (int i = 100; i < 4096; ++i)
                    bytes[i] = char((i * 7919) & 0xff);
                QVERIFY(writeFile(path, bytes));
            }
        }
        const QByteArray before = fileBytes(path);
        const QStringList filesBefore = QDir(dir).entryList(QDir::Files);
        Database db;
        QString error;
        QVERIFY(!db.open(path, Database::OpenMode::CreateIfMissing, &error));
        qInfo("%s", qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(QFileInfo(path).fileName()), qPrintable(error)); // names the file
        QVERIFY(!db.isOpen());
        QCOMPARE(db.lastError(), error);
        QCOMPARE(fileBytes(path), before);
        QCOMPARE(QDir(dir).entryList(QDir::Files), filesBefore);
    }

    void pollIsAtomic_data()
    {
        QTest::addColumn<int>("breakAt");
        QTest::addColumn<QString>("how");
        QTest::newRow("sample for a relay that does not exist") << 2 << QStringLiteral("fk");
        QTest::newRow("relay without any identity") << 1 << QStringLiteral("identity");
        QTest::newRow("sample without a relay id") << 3 << QStringLiteral("norelay");
        QTest::newRow("event without a type") << -1 << QStringLiteral("event");
    }
    void pollIsAtomic()
    {
        QFETCH(int, breakAt);
        QFETCH(QString, how);
        Database db;
        QVERIFY(db.open(newPath()));
        const Id host = db.upsertHost(HostRecord { 0, QStringLiteral("h"), QStringLiteral("h"), {} });
        QVERIFY(db.insertPoll(makePoll(host, 1000, 5)));
        const DatabaseCounts before = db.counts();
        QCOMPARE(before.samples, 5);

        PollWrite p = makePoll(host, 2000, 5, QStringLiteral("n"));
        p.diagnostics = HostDiagnosticsRecord {};
        p.diagnostics->memTotalKb = 1234;
        p.events.append(EventRecord { 0, 0, QStringLiteral("poll"), QStringLiteral("x"), {}, 0, 0 });
        if (how == QLatin1String("fk") || how == QLatin1String("norelay")) {
            // Resolve the relays up front, then poison one sample.
            QList<SampleRecord> samples = p.samples;
            for (int i = 0; i < samples.size(); ++i) {
                RelayRecord r = p.relays.at(i);
                r.hostId = host;
                samples[i].relayId = db.resolveRelay(r);
            }
            p.relays.clear();
            samples[breakAt].relayId = how == QLatin1String("fk") ? 999999 : 0;
            p.samples = samples;
        } else if (how == QLatin1String("identity")) {
            p.relays[breakAt] = RelayRecord {};
        } else {
            p.events.append(EventRecord { 0, 0, QString(), QStringLiteral("broken"), {}, 0, 0 });
        }
        const DatabaseCounts ready = db.counts();
        QVERIFY(!db.insertPoll(p));
        QVERIFY(!db.lastError().isEmpty());
        QVERIFY2(!db.inTransaction(), "the failed poll left a transaction open");
        QCOMPARE(db.counts(), ready); // nothing of the poll: no poll row, relay, sample, event
        QVERIFY(db.snapshotAtOrBefore(0).tsMs == 1000);
        // The next good poll goes in.
        QVERIFY2(db.insertPoll(makePoll(host, 3000, 5)), qPrintable(db.lastError()));
        QCOMPARE(db.counts().polls, ready.polls + 1);
    }

    void idempotentInserts()
    {
        Database db;
        QVERIFY(db.open(newPath()));
        const Id relay
            = db.resolveRelay(RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("x"), {} });
        QVERIFY(relay > 0);
        QList<SampleRecord> samples;
        for (int i = 1; i <= 100; ++i)
            samples.append(SampleRecord { relay, i * 1000LL, i, i, i, 1, QString() });
        QCOMPARE(db.insertSamples(samples), 100);
        QCOMPARE(db.insertSamples(samples), 0);
        samples.append(SampleRecord { relay, 999000, 1, 1, 1, 1, QString() });
        QCOMPARE(db.insertSamples(samples), 1);
        QCOMPARE(db.counts().samples, 101);

        const QList<EventRecord> events {
            { 0, 1000, QStringLiteral("config_change"), QStringLiteral("mimalloc on"), QStringLiteral("A"), 0,
              0 },
            { 0, 1000, QStringLiteral("config_change"), QStringLiteral("mimalloc on"), QStringLiteral("B"), 0,
              0 },
            { 0, 2000, QStringLiteral("relay_add"), QStringLiteral("+60"), QString(), 0, 0 },
        };
        QCOMPARE(db.insertEvents(events), 3);
        QCOMPARE(db.insertEvents(events), 0);
        QCOMPARE(db.events().size(), 3);

        const QList<AggregateRecord> aggs { { QStringLiteral("go"), 1000, 32, 100, 3, 1, 5 },
                                            { QStringLiteral("go"), 2000, 32, 100, 3, 1, 5 } };
        QCOMPARE(db.insertAggregates(aggs), 2);
        QCOMPARE(db.insertAggregates(aggs), 0);
        QCOMPARE(db.aggregates(QStringLiteral("go")).size(), 2);

        HostDiagnosticsRecord d;
        d.server = QStringLiteral("go");
        d.tsMs = 5000;
        d.memTotalKb = 786961 * 1024LL;
        QCOMPARE(db.insertDiagnostics({ d }), 1);
        QCOMPARE(db.insertDiagnostics({ d }), 0);
        QCOMPARE(db.diagnostics().value(0).memTotalKb, 786961 * 1024LL);
    }

    // Each row: relays to resolve in order ("host|server|instance|nickname|fingerprint-char"),
    // the expected class of each (equal numbers = the same relay), the final number of rows.
    void relayIdentity_data()
    {
        QTest::addColumn<QStringList>("inputs");
        QTest::addColumn<QList<int>>("classes");
        QTest::addColumn<int>("rows");
        auto L = [](std::initializer_list<const char *> l) {
            QStringList out;
            for (const char *s : l)
                out << QString::fromLatin1(s);
            return out;
        };
        QTest::newRow("same fingerprint, nickname learned")
            << L({ "|go||x|A", "|go||y|A" }) << QList<int> { 0, 0 } << 1;
        QTest::newRow("nickname-only then fingerprint: merge")
            << L({ "|go||x|", "|go||x|A" }) << QList<int> { 0, 0 } << 1;
        QTest::newRow("fingerprint then nickname-only: same relay")
            << L({ "|go||x|A", "|go||x|" }) << QList<int> { 0, 0 } << 1;
        QTest::newRow("same nickname, other fingerprint: two relays")
            << L({ "|go||x|A", "|go||x|B" }) << QList<int> { 0, 1 } << 2;
        QTest::newRow("same nickname on two servers")
            << L({ "|go||x|", "|co||x|" }) << QList<int> { 0, 1 } << 2;
        QTest::newRow("host+instance, fingerprint learned")
            << L({ "h1||i1|x|", "h1||i1|x|A" }) << QList<int> { 0, 0 } << 1;
        QTest::newRow("instance re-keyed: new relay")
            << L({ "h1||i1|x|A", "h1||i1|x|B", "h1||i1|x|" }) << QList<int> { 0, 1, 1 } << 2;
        QTest::newRow("imported by nickname, then probed")
            << L({ "|h1||x|", "h1||i1|x|A", "|h1||x|" }) << QList<int> { 0, 0, 0 } << 1;
        QTest::newRow("same instance name on two hosts")
            << L({ "h1||i1|x|", "h2||i1|x|" }) << QList<int> { 0, 1 } << 2;
        QTest::newRow("relay moved to another host keeps its identity")
            << L({ "h1||i1|x|A", "h2||i7|x|A" }) << QList<int> { 0, 0 } << 1;
        QTest::newRow("lower-case fingerprint is the same")
            << L({ "|go||x|A", "|go||x|a" }) << QList<int> { 0, 0 } << 1;
    }
    void relayIdentity()
    {
        QFETCH(QStringList, inputs);
        QFETCH(QList<int>, classes);
        QFETCH(int, rows);
        Database db;
        QVERIFY(db.open(newPath()));
        QHash<int, Id> idOfClass;
        for (int i = 0; i < inputs.size(); ++i) {
            const QStringList f = inputs.at(i).split(QLatin1Char('|'));
            RelayRecord r;
            if (!f.at(0).isEmpty())
                r.hostId = db.upsertHost(HostRecord { 0, f.at(0), f.at(0), {} });
            r.server = f.at(1);
            r.instance = f.at(2);
            r.nickname = f.at(3);
            r.fingerprint = f.at(4).isEmpty() ? QString() : fp(f.at(4).at(0).toLatin1());
            const Id id = db.resolveRelay(r);
            QVERIFY2(id > 0, qPrintable(db.lastError()));
            if (idOfClass.contains(classes.at(i)))
                QCOMPARE(id, idOfClass.value(classes.at(i)));
            else {
                for (Id other : std::as_const(idOfClass))
                    QVERIFY2(other != id, qPrintable(QStringLiteral("input %1 merged wrongly").arg(i)));
                idOfClass.insert(classes.at(i), id);
            }
        }
        QCOMPARE(db.relays().size(), rows);
        // What was learned is kept.
        for (const RelayRecord &r : db.relays())
            QVERIFY(!r.nickname.isEmpty());
    }

    void relayIdentityDetails()
    {
        Database db;
        QVERIFY(db.open(newPath()));
        const Id h1 = db.upsertHost(HostRecord { 0, QStringLiteral("h1"), QStringLiteral("lab1"), {} });
        const Id a
            = db.resolveRelay(RelayRecord { 0, h1, {}, QStringLiteral("i1"), QStringLiteral("x"), fp('A') });
        const Id b
            = db.resolveRelay(RelayRecord { 0, h1, {}, QStringLiteral("i1"), QStringLiteral("x"), fp('B') });
        QVERIFY(a != b);
        // The instance moved to the new key; the old row keeps its history but not the instance.
        QCOMPARE(db.relay(a)->instance, QString());
        QCOMPARE(db.relay(b)->instance, QStringLiteral("i1"));
        QCOMPARE(db.relay(b)->server, QStringLiteral("h1"));
        QCOMPARE(db.findRelays(QStringLiteral("h1/i1")).value(0).id, b);
        QCOMPARE(db.findRelays(fp('a')).value(0).id, a);
        QCOMPARE(db.findRelays(QStringLiteral("x")).size(), 2);
        QVERIFY(db.resolveRelay(RelayRecord {}) == 0);
        QVERIFY(!db.lastError().isEmpty());
    }

    void hostsAndRemoval()
    {
        Database db;
        QVERIFY(db.open(newPath()));
        const Id h = db.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("root@go"), {} });
        QVERIFY(h > 0);
        QCOMPARE(db.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("lab@go:2222"),
                                            QStringLiteral("n") }),
                 h);
        QCOMPARE(db.hosts().size(), 1);
        QCOMPARE(db.host(QStringLiteral("go"))->target, QStringLiteral("lab@go:2222"));
        QVERIFY(db.upsertHost(HostRecord {}) == 0);
        QVERIFY(db.insertPoll(makePoll(h, 1000, 4)));
        QVERIFY(db.removeHost(QStringLiteral("go")));
        QVERIFY(!db.removeHost(QStringLiteral("go")));
        QVERIFY(db.lastError().contains(QStringLiteral("no host named 'go'")));
        // The measurements stay, detached from the host.
        QCOMPARE(db.counts().samples, 4);
        QCOMPARE(db.relays().size(), 4);
        QCOMPARE(db.relays().at(0).hostId, 0);
        QCOMPARE(db.relays().at(0).server, QStringLiteral("go"));
    }

    void seriesAndSnapshots()
    {
        Database db;
        QVERIFY(db.open(newPath()));
        const Id h = db.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("go"), {} });
        PollResult r1, r2, r3;
        QVERIFY(db.insertPoll(makePoll(h, 1000, 3), &r1));
        QVERIFY(db.insertPoll(makePoll(h, 2000, 3), &r2));
        QVERIFY(db.insertPoll(makePoll(h, 3000, 2), &r3));
        QCOMPARE(r1.samplesStored, 3);
        QCOMPARE(r1.relayIds, r2.relayIds);
        QVERIFY(r2.pollId > r1.pollId);
        const QList<Id> ids = r1.relayIds;

        const auto all = db.samples({}, 0);
        QCOMPARE(all.size(), 8);
        const auto two = db.samples(QList<Id> { ids.at(2), ids.at(0) }, 1500, 3000);
        QCOMPARE(two.size(), 3); // relay 0 at 2000 and 3000, relay 2 at 2000
        QCOMPARE(two.at(0).relayId, ids.at(0));
        QCOMPARE(two.at(0).tsMs, 2000);
        QCOMPARE(two.at(1).tsMs, 3000);
        QCOMPARE(two.at(2).relayId, ids.at(2));
        QCOMPARE(two.at(2).rssKb, 1002);
        QCOMPARE(two.at(2).loadedAllocator, QStringLiteral("libmimalloc.so.2.0"));

        QCOMPARE(db.latestSampleTimeAtOrBefore(2500), 2000);
        QCOMPARE(db.latestSampleTimeAtOrBefore(0), 3000);
        QCOMPARE(db.latestSampleTimeAtOrBefore(999), 0);
        const Snapshot s = db.snapshotAtOrBefore(2999);
        QCOMPARE(s.tsMs, 2000);
        QCOMPARE(s.samples.size(), 3);
        QCOMPARE(db.snapshotAtOrBefore(2999, { ids.at(1) }).samples.size(), 1);
        QCOMPARE(db.snapshotAtOrBefore(500).tsMs, 0);
        // Scoped to some relays: the latest time *they* were sampled, not the fleet's.
        QCOMPARE(db.latestSampleTimeAtOrBefore(0, { ids.at(2) }), 2000);
        QCOMPARE(db.latestSampleTimeAtOrBefore(0, { ids.at(0), ids.at(2) }), 3000);
        QCOMPARE(db.latestSampleTimeAtOrBefore(1999, { ids.at(2) }), 1000);
        QCOMPARE(db.snapshotAtOrBefore(0, { ids.at(2) }).tsMs, 2000);
        QCOMPARE(db.snapshotAtOrBefore(0, { ids.at(2) }).samples.size(), 1);
        QCOMPARE(db.sampleTimes(), (QList<qint64> { 1000, 2000, 3000 }));
        QCOMPARE(db.sampleTimes(1001, 2000), (QList<qint64> { 2000 }));
        QCOMPARE(db.lastPoll(h)->pollId, r3.pollId);
        QCOMPARE(db.lastPoll(h)->samplesStored, 2);

        // Each relay's own newest sample: relay 2 was last seen at 2000, the others at 3000.
        const QList<SampleRecord> latest = db.latestSamples();
        QCOMPARE(latest.size(), 3);
        for (const SampleRecord &l : latest)
            QCOMPARE(l.tsMs, l.relayId == ids.at(2) ? 2000 : 3000);
        QCOMPARE(latest.at(2).relayId, ids.at(2));
        QCOMPARE(latest.at(2).rssKb, 1002);
    }

    void experimentsAndAssignments()
    {
        Database db;
        QVERIFY(db.open(newPath()));
        ExperimentRecord e;
        e.name = QStringLiteral("5-way");
        e.startMs = 100;
        e.groups = {
            GroupRecord { 0, 0, QStringLiteral("A"), QStringLiteral("mi"), QStringLiteral("mimalloc"),
                          QStringLiteral("#ff0000") },
            GroupRecord { 0, 0, QStringLiteral("B"), QStringLiteral("je"), QStringLiteral("jemalloc"), {} },
            GroupRecord { 0, 0, QStringLiteral("E"), QStringLiteral("glibc"), QStringLiteral("glibc"), {} }
        };
        const Id id = db.upsertExperiment(e);
        QVERIFY2(id > 0, qPrintable(db.lastError()));
        auto loaded = db.experiment(QStringLiteral("5-way"));
        QVERIFY(loaded);
        QCOMPARE(loaded->groups.size(), 3);
        QCOMPARE(loaded->groups.at(0).colour, QStringLiteral("#ff0000"));
        const Id groupA = loaded->groups.at(0).id;
        const Id groupB = loaded->groups.at(1).id;

        const Id r1
            = db.resolveRelay(RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("r1"), {} });
        const Id r2
            = db.resolveRelay(RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("r2"), {} });
        QVERIFY(db.assignRelay(id, r1, groupA, 1000, false));
        QVERIFY(db.assignRelay(id, r2, groupA, 1000, false));
        QVERIFY(db.assignRelay(id, r1, groupA, 1500, true)); // verified: same interval
        QVERIFY(db.assignRelay(id, r2, groupB, 2000, true)); // moved
        QVERIFY(db.assignRelay(id, r1, 0, 3000, false)); // unassigned
        const auto as = db.assignments(id);
        QCOMPARE(as.size(), 3);
        QCOMPARE(as.at(0).relayId, r1);
        QCOMPARE(as.at(0).toMs, 3000);
        QVERIFY(as.at(0).deployed);
        QCOMPARE(as.at(1).relayId, r2);
        QCOMPARE(as.at(1).toMs, 2000);
        QCOMPARE(as.at(2).groupId, groupB);
        QCOMPARE(as.at(2).toMs, 0);
        auto at1500 = db.membershipAt(id, 1500);
        QCOMPARE(at1500.value(r1), groupA);
        QCOMPARE(at1500.value(r2), groupA);
        auto at2500 = db.membershipAt(id, 2500);
        QCOMPARE(at2500.value(r2), groupB);
        QVERIFY(!db.membershipAt(id, 3500).contains(r1));

        // Group of another experiment / unknown allocator / bad letter are refused.
        QVERIFY(!db.assignRelay(id, r1, 424242, 4000, false));
        ExperimentRecord bad = e;
        bad.groups[1].allocatorId = QStringLiteral("tcmalloc");
        QCOMPARE(db.upsertExperiment(bad), 0);
        QVERIFY2(db.lastError().contains(QStringLiteral("tcmalloc")), qPrintable(db.lastError()));
        bad = e;
        bad.groups[1].letter = QStringLiteral("ab");
        QCOMPARE(db.upsertExperiment(bad), 0);
        QCOMPARE(db.experiment(id)->groups.size(), 3); // unchanged

        // Dropping group B drops its assignments; A keeps its id and history.
        e.groups.removeAt(1);
        e.groups[0].label = QStringLiteral("mimalloc 3");
        QCOMPARE(db.upsertExperiment(e), id);
        loaded = db.experiment(id);
        QCOMPARE(loaded->groups.size(), 2);
        QCOMPARE(loaded->groups.at(0).id, groupA);
        QCOMPARE(loaded->groups.at(0).label, QStringLiteral("mimalloc 3"));
        QCOMPARE(db.assignments(id).size(), 2);
        QVERIFY(!db.removeAllocator(QStringLiteral("mimalloc")));

        QVERIFY(db.setAssignments(id, { AssignmentRecord { r2, groupA, 10, 0, true } }));
        QCOMPARE(db.assignments(id).size(), 1);
        QVERIFY(!db.setAssignments(id, { AssignmentRecord { r2, groupB, 10, 0, true } })); // B is gone
        QCOMPARE(db.assignments(id).size(), 1);
        QCOMPARE(db.experiments().size(), 1);
        QVERIFY(db.removeExperiment(QStringLiteral("5-way")));
        QCOMPARE(db.counts().assignments, 0);
        QVERIFY(db.removeAllocator(QStringLiteral("mimalloc")));
    }

    void allocatorsCatalog()
    {
        Database db;
        QVERIFY(db.open(newPath()));
        QVERIFY(db.upsertAllocator(AllocatorRecord { QStringLiteral("mimalloc301"),
                                                     QStringLiteral("mimalloc"),
                                                     QStringLiteral("3.0.1"),
                                                     QStringLiteral("/opt/mi/libmimalloc.so"),
                                                     {} }));
        QCOMPARE(db.allocators().size(), 4);
        QCOMPARE(db.allocator(QStringLiteral("mimalloc301"))->version, QStringLiteral("3.0.1"));
        const Id h = db.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("go"), {} });
        QVERIFY(db.setAllocatorHostPath(QStringLiteral("mimalloc301"), h,
                                        QStringLiteral("/usr/local/lib/libmi.so")));
        QCOMPARE(db.allocatorHostPath(QStringLiteral("mimalloc301"), h),
                 QStringLiteral("/usr/local/lib/libmi.so"));
        QVERIFY(db.setAllocatorHostPath(QStringLiteral("mimalloc301"), h, QString()));
        QCOMPARE(db.allocatorHostPath(QStringLiteral("mimalloc301"), h), QString());
        QVERIFY(!db.removeAllocator(QStringLiteral("nope")));

        // What a check found: the latest per (allocator, host) replaces the previous one.
        AllocatorCheck c;
        c.host = QStringLiteral("go");
        c.allocatorId = QStringLiteral("mimalloc");
        c.path = QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2");
        c.present = c.readable = true;
        c.sha256 = QString(64, QLatin1Char('c'));
        c.package = QStringLiteral("libmimalloc2.0");
        c.packageVersion = QStringLiteral("2.0.9+ds-2");
        c.version = QStringLiteral("2.0.9");
        c.checkedMs = 1000;
        AllocatorCheck missing = c;
        missing.allocatorId = QStringLiteral("mimalloc301");
        missing.path = QStringLiteral("/opt/mi/libmimalloc.so");
        missing.present = missing.readable = false;
        missing.sha256.clear();
        QVERIFY(db.saveAllocatorChecks(h, { c, missing }));
        c.checkedMs = 2000;
        c.version = QStringLiteral("2.0.10");
        QVERIFY(db.saveAllocatorChecks(h, { c }));
        const QList<AllocatorCheck> checks = db.allocatorChecks();
        QCOMPARE(checks.size(), 2);
        QCOMPARE(checks.at(0).allocatorId, QStringLiteral("mimalloc"));
        QCOMPARE(checks.at(0).host, QStringLiteral("go"));
        QCOMPARE(checks.at(0).checkedMs, 2000);
        QCOMPARE(checks.at(0).version, QStringLiteral("2.0.10"));
        QCOMPARE(checks.at(0).sha256, c.sha256);
        QCOMPARE(checks.at(0).packageVersion, QStringLiteral("2.0.9+ds-2"));
        QCOMPARE(checks.at(1).allocatorId, QStringLiteral("mimalloc301"));
        QVERIFY(!checks.at(1).present);
        AllocatorCheck unknown = missing;
        unknown.allocatorId = QStringLiteral("nope"); // not in the catalog: refused by the foreign key
        QVERIFY(!db.saveAllocatorChecks(h, { unknown }));
        QCOMPARE(db.allocatorChecks().size(), 2); // nothing of the refused write
    }

    void transactionRaii()
    {
        Database db;
        QVERIFY(db.open(newPath()));
        const Id relay
            = db.resolveRelay(RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("x"), {} });
        {
            Transaction t(db);
            QVERIFY(t.isActive());
            QCOMPARE(db.insertSamples({ SampleRecord { relay, 1000, 1, 1, 1, 1, {} } }), 1);
            QCOMPARE(db.insertEvents({ EventRecord { 0, 1, QStringLiteral("t"), {}, {}, 0, 0 } }), 1);
            // destroyed without commit
        }
        QCOMPARE(db.counts().samples, 0);
        QCOMPARE(db.counts().events, 0);
        {
            Transaction t(db);
            QCOMPARE(db.insertSamples({ SampleRecord { relay, 1000, 1, 1, 1, 1, {} } }), 1);
            QVERIFY(t.commit());
        }
        QCOMPARE(db.counts().samples, 1);
        QVERIFY(!db.inTransaction());
    }

    void deployLog()
    {
        Database db;
        QVERIFY(db.open(newPath()));
        const Id h = db.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("go"), {} });
        DeployLogRecord e { 0,  1000, h, 0, 0, QStringLiteral("jemalloc"), QStringLiteral("daemon_reload"),
                            {}, true };
        QVERIFY(db.appendDeployLog(e) > 0);
        QCOMPARE(db.deployLog().size(), 1);
        QCOMPARE(db.deployLog().at(0).hostId, h);
        QCOMPARE(db.deployLog().at(0).action, QStringLiteral("daemon_reload"));
    }

    // Two connections in two threads and a sqlite3 process write at once: nothing is lost and
    // nobody gets "database is locked".
    void concurrentWriters()
    {
        const QString path = newPath();
        Id hosts[2];
        {
            Database db;
            QVERIFY(db.open(path));
            hosts[0] = db.upsertHost(HostRecord { 0, QStringLiteral("w0"), QStringLiteral("w0"), {} });
            hosts[1] = db.upsertHost(HostRecord { 0, QStringLiteral("w1"), QStringLiteral("w1"), {} });
        }
        constexpr int polls = 150;
        constexpr int relays = 40;
        // Another process, writing with its own transactions (and its own busy handling).
        QByteArray script = ".timeout 10000\n";
        for (int i = 0; i < polls; ++i)
            script += "BEGIN IMMEDIATE; INSERT INTO events(ts_ms, type, description) VALUES("
                + QByteArray::number(i + 1) + ", 'cli', 'x'); COMMIT;\n";
        QProcess cli;
        cli.start(QStringLiteral("sqlite3"), { path });
        const bool haveCli = cli.waitForStarted(5000);
        if (haveCli) {
            cli.write(script);
            cli.closeWriteChannel();
        }
        QString errors[2];
        int stored[2] = { 0, 0 };
        QList<QThread *> threads;
        for (int w = 0; w < 2; ++w) {
            threads << QThread::create([&, w] {
                Database db;
                if (!db.open(path, Database::OpenMode::ExistingOnly, &errors[w]))
                    return;
                for (int i = 0; i < polls; ++i) {
                    if (!db.insertPoll(makePoll(hosts[w], 1000 + i, relays))) {
                        errors[w] = db.lastError();
                        return;
                    }
                    ++stored[w];
                }
            });
        }
        // And a reader, as the GUI would be.
        int reads = 0;
        QString readError;
        threads << QThread::create([&] {
            Database db;
            if (!db.open(path, Database::OpenMode::ExistingOnly, &readError))
                return;
            for (int i = 0; i < 100; ++i) {
                db.samples({}, 0);
                if (!db.lastError().isEmpty()) {
                    readError = db.lastError();
                    return;
                }
                ++reads;
            }
        });
        for (QThread *t : std::as_const(threads))
            t->start();
        for (QThread *t : std::as_const(threads)) {
            QVERIFY(t->wait(120000));
            delete t;
        }
        QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
        QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));
        QVERIFY2(readError.isEmpty(), qPrintable(readError));
        QCOMPARE(stored[0], polls);
        QCOMPARE(stored[1], polls);
        QCOMPARE(reads, 100);
        if (haveCli) {
            QVERIFY(cli.waitForFinished(60000));
            QCOMPARE(cli.exitCode(), 0);
            QCOMPARE(QString::fromUtf8(cli.readAllStandardError()), QString());
        }
        Database db;
        QVERIFY(db.open(path, Database::OpenMode::ExistingOnly));
        const DatabaseCounts c = db.counts();
        QCOMPARE(c.polls, 2 * polls);
        QCOMPARE(c.samples, 2 * polls * relays);
        QCOMPARE(c.relays, 2 * relays);
        if (haveCli)
            QCOMPARE(c.events, polls);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    }

    void diskFull()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to mount a tiny tmpfs");
        const QString mnt = m_dir.filePath(QStringLiteral("tiny"));
        QVERIFY(QDir().mkpath(mnt));
        const QByteArray mntC = QFile::encodeName(mnt);
        if (::mount("tmpfs", mntC.constData(), "tmpfs", 0, "size=512k") != 0)
            QSKIP("mounting a tmpfs failed (no privilege in this container?)");
        struct Unmount {
            QByteArray path;
            ~Unmount() { ::umount2(path.constData(), MNT_DETACH); }
        } unmount { mntC };

        const QString path = mnt + QStringLiteral("/alloclab.sqlite");
        Database db;
        QString error;
        QVERIFY2(db.open(path, Database::OpenMode::CreateIfMissing, &error), qPrintable(error));
        const Id h = db.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("go"), {} });
        int ok = 0;
        bool failed = false;
        for (int i = 0; i < 2000; ++i) {
            if (!db.insertPoll(makePoll(h, 1000 + i, 200))) {
                failed = true;
                break;
            }
            ++ok;
        }
        QVERIFY2(failed, "the tmpfs never filled up");
        qInfo("after %d polls: %s", ok, qPrintable(db.lastError()));
        QVERIFY(ok > 0);
        QVERIFY2(db.lastError().contains(QStringLiteral("is full; nothing from this poll was stored")),
                 qPrintable(db.lastError()));
        QVERIFY(!db.inTransaction());
        // Intact: every complete poll is there, the failed one is not.
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        QCOMPARE(db.counts().polls, ok);
        QCOMPARE(db.counts().samples, ok * 200LL);
        // Still full: fails again, cleanly.
        QVERIFY(!db.insertPoll(makePoll(h, 900000, 200)));
        QCOMPARE(db.counts().polls, ok);

        // Space comes back: polling resumes on the same connection.
        QVERIFY(::mount("tmpfs", mntC.constData(), "tmpfs", MS_REMOUNT, "size=16m") == 0);
        QVERIFY2(db.insertPoll(makePoll(h, 900000, 200)), qPrintable(db.lastError()));
        QCOMPARE(db.counts().polls, ok + 1);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        db.close();
        QVERIFY(db.open(path, Database::OpenMode::ExistingOnly, &error));
        QCOMPARE(db.counts().samples, (ok + 1) * 200LL);
        db.close();
    }

    void backup()
    {
        Database db;
        QVERIFY(db.open(newPath()));
        const Id h = db.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("go"), {} });
        for (int i = 0; i < 20; ++i)
            QVERIFY(db.insertPoll(makePoll(h, 1000 + i, 50)));
        ExperimentRecord e;
        e.name = QStringLiteral("x");
        e.groups = { GroupRecord { 0, 0, QStringLiteral("A"), {}, QStringLiteral("glibc"), {} } };
        QVERIFY(db.upsertExperiment(e) > 0);
        const DatabaseCounts c = db.counts();

        const QString target = m_dir.filePath(QStringLiteral("backups/copy.sqlite"));
        QVERIFY2(db.backupTo(target), qPrintable(db.lastError()));
        {
            Database copy;
            QString error;
            QVERIFY2(copy.open(target, Database::OpenMode::ExistingOnly, &error), qPrintable(error));
            QCOMPARE(copy.counts(), c);
            QCOMPARE(copy.integrityCheck(), QStringLiteral("ok"));
            QCOMPARE(copy.samples({}, 0).size(), db.samples({}, 0).size());
        }
        // Never overwrites.
        const QByteArray before = fileBytes(target);
        QVERIFY(!db.backupTo(target));
        QVERIFY(db.lastError().contains(QStringLiteral("already exists")));
        QCOMPARE(fileBytes(target), before);
    }

    void manualCheckpoints()
    {
        const QString path = newPath();
        Database db;
        db.setCheckpointMode(Database::CheckpointMode::Manual);
        QVERIFY(db.open(path));
        const Id h = db.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("go"), {} });
        for (int i = 0; i < 20; ++i)
            QVERIFY(db.insertPoll(makePoll(h, 1000 + i, 200)));
        // No commit checkpointed: the log holds every page written since the first poll.
        QVERIFY2(db.walPages() > 200, qPrintable(QString::number(db.walPages())));
        const qint64 walBefore = QFileInfo(path + QStringLiteral("-wal")).size();
        const qint64 fileBefore = QFileInfo(path).size();
        QVERIFY(db.checkpointIfDue(db.walPages() + 1)); // not due: nothing happens
        QVERIFY(db.walPages() > 200);
        QVERIFY(db.checkpointIfDue(1));
        QCOMPARE(db.walPages(), 0);
        QCOMPARE(QFileInfo(path + QStringLiteral("-wal")).size(), walBefore); // reused, not truncated
        QVERIFY(QFileInfo(path).size() > fileBefore); // the pages reached the database file
        QCOMPARE(db.counts().samples, 20 * 200);
    }

    void cliBackup()
    {
        const QString source = newPath();
        {
            Database db;
            QVERIFY(db.open(source));
            const Id h = db.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("go"), {} });
            QVERIFY(db.insertPoll(makePoll(h, 1000, 7)));
        }
        auto call = [](const QStringList &args, QString *out, QString *err) {
            QTextStream o(out), e(err);
            const int code = cli::run(QStringList { QStringLiteral("alloclab-cli") } + args, o, e);
            o.flush();
            e.flush();
            return code;
        };
        const QString target = m_dir.filePath(QStringLiteral("cli-backup.sqlite"));
        QString out, err;
        QCOMPARE(call({ QStringLiteral("--db"), source, QStringLiteral("backup"), target }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("7 samples")), qPrintable(out));
        QVERIFY(err.isEmpty());
        Database copy;
        QVERIFY(copy.open(target, Database::OpenMode::ExistingOnly));
        QCOMPARE(copy.counts().samples, 7);
        copy.close();

        out.clear();
        QCOMPARE(call({ QStringLiteral("--db"), source, QStringLiteral("--json"), QStringLiteral("backup"),
                        target },
                      &out, &err),
                 1); // exists
        QVERIFY2(err.contains(QStringLiteral("already exists")), qPrintable(err));
        err.clear();
        const QString missing = m_dir.filePath(QStringLiteral("nothing-here.sqlite"));
        QCOMPARE(call({ QStringLiteral("--db"), missing, QStringLiteral("backup"),
                        m_dir.filePath(QStringLiteral("x.sqlite")) },
                      &out, &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("There is no database")), qPrintable(err));
        QVERIFY(!QFileInfo::exists(missing)); // a backup never creates the source
        QCOMPARE(call({ QStringLiteral("backup") }, &out, &err), 2);
        out.clear();
        QCOMPARE(call({ QStringLiteral("--help") }, &out, &err), 0);
        QVERIFY(out.contains(QStringLiteral("backup FILE")));
        out.clear();
        const QString target2 = m_dir.filePath(QStringLiteral("cli-backup2.sqlite"));
        QCOMPARE(call({ QStringLiteral("--db"), source, QStringLiteral("--json"), QStringLiteral("backup"),
                        target2 },
                      &out, &err),
                 0);
        QVERIFY2(out.contains(QStringLiteral("\"samples\":7")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
