#include "app/store.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace alloclab;

namespace {

PollWrite makePoll(Id hostId, qint64 ts, int n)
{
    PollWrite p;
    p.hostId = hostId;
    p.tsMs = ts;
    for (int i = 0; i < n; ++i) {
        p.relays.append(
            RelayRecord { 0, 0, {}, QStringLiteral("r%1").arg(i), QStringLiteral("r%1").arg(i), {} });
        p.samples.append(SampleRecord { 0, 0, 1000 + i, 2000, 3000, 10 + i, QString() });
    }
    return p;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    bool openStore(Store &store, const QString &path)
    {
        QSignalSpy opened(&store, &Store::opened);
        QSignalSpy failed(&store, &Store::openFailed);
        store.open(path);
        if (!opened.wait(10000) && failed.isEmpty())
            return false;
        return opened.size() == 1;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void writeThenQuery()
    {
        Store store;
        QSignalSpy opened(&store, &Store::opened);
        store.open(m_dir.filePath(QStringLiteral("a/alloclab.sqlite")));
        QCOMPARE(opened.size(), 0); // answers later, from the store's thread
        QVERIFY(opened.wait(10000));
        QCOMPARE(opened.at(0).at(1).toInt(), Database::schemaVersion());
        QVERIFY(store.isOpen());

        QSignalSpy hostSaved(&store, &Store::hostSaved);
        store.saveHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("root@go"), {} });
        QVERIFY(hostSaved.wait(10000));
        const HostRecord host = hostSaved.at(0).at(0).value<HostRecord>();
        QVERIFY(host.id > 0);

        QSignalSpy written(&store, &Store::pollWritten);
        QSignalSpy writeFailed(&store, &Store::writeFailed);
        store.writePoll(makePoll(host.id, 1000, 20));
        store.writePoll(makePoll(host.id, 2000, 20));
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 2, 10000);
        QCOMPARE(writeFailed.size(), 0);
        const PollResult r = written.at(0).at(0).value<PollResult>();
        QCOMPARE(r.samplesStored, 20);
        QCOMPARE(r.relayIds.size(), 20);

        // A write is visible to queries once pollWritten has arrived.
        QSignalSpy series(&store, &Store::seriesAvailable);
        store.querySeries(7, SeriesRequest { r.relayIds.mid(0, 5), 0, 0 });
        store.querySeries(8, SeriesRequest { { r.relayIds.at(3) }, 1500, 0 });
        QTRY_COMPARE_WITH_TIMEOUT(series.size(), 2, 10000);
        QCOMPARE(series.at(0).at(0).toULongLong(), 7ULL);
        QCOMPARE(series.at(0).at(1).value<QList<SampleRecord>>().size(), 10);
        QCOMPARE(series.at(1).at(0).toULongLong(), 8ULL);
        const auto one = series.at(1).at(1).value<QList<SampleRecord>>();
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.at(0).tsMs, 2000);
        QCOMPARE(one.at(0).rssKb, 1003);

        QSignalSpy snapshot(&store, &Store::snapshotAvailable);
        store.querySnapshot(3, 1999);
        QVERIFY(snapshot.wait(10000));
        QCOMPARE(snapshot.at(0).at(0).toULongLong(), 3ULL);
        const Snapshot snap = snapshot.at(0).at(1).value<Snapshot>();
        QCOMPARE(snap.tsMs, 1000);
        QCOMPARE(snap.samples.size(), 20);

        QSignalSpy hosts(&store, &Store::hostsAvailable);
        QSignalSpy relays(&store, &Store::relaysAvailable);
        QSignalSpy allocators(&store, &Store::allocatorsAvailable);
        store.queryHosts();
        store.queryRelays();
        store.queryAllocators();
        QTRY_VERIFY_WITH_TIMEOUT(!hosts.isEmpty() && !relays.isEmpty() && !allocators.isEmpty(), 10000);
        QCOMPARE(hosts.at(0).at(0).value<QList<HostRecord>>().size(), 1);
        QCOMPARE(relays.at(0).at(0).value<QList<RelayRecord>>().size(), 20);
        QCOMPARE(allocators.at(0).at(0).value<QList<AllocatorRecord>>().size(), 3);
    }

    void experimentsThroughTheFacade()
    {
        Store store;
        QVERIFY(openStore(store, m_dir.filePath(QStringLiteral("e/alloclab.sqlite"))));
        QSignalSpy saved(&store, &Store::experimentSaved);
        ExperimentRecord e;
        e.name = QStringLiteral("trial");
        e.groups = { GroupRecord {
            0, 0, QStringLiteral("A"), QStringLiteral("je"), QStringLiteral("jemalloc"), {} } };
        store.saveExperiment(e);
        QVERIFY(saved.wait(10000));
        const ExperimentRecord s = saved.at(0).at(0).value<ExperimentRecord>();
        QVERIFY(s.id > 0);
        QCOMPARE(s.groups.size(), 1);
        QVERIFY(s.groups.at(0).id > 0);

        // A relay, created through the escape hatch on the writer thread.
        QSignalSpy relayMade(&store, &Store::assignmentsSaved);
        Id relayId = 0;
        store.run(
            [&relayId](Database &db) {
                relayId = db.resolveRelay(
                    RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("x"), {} });
            },
            true);
        store.assignRelay(s.id, 0, s.groups.at(0).id, 1000, false); // relay 0 does not exist
        QSignalSpy failed(&store, &Store::writeFailed);
        QVERIFY(failed.wait(10000));
        QVERIFY(relayId > 0);
        store.assignRelay(s.id, relayId, s.groups.at(0).id, 1000, false);
        QVERIFY(relayMade.wait(10000));
        QSignalSpy assignments(&store, &Store::assignmentsAvailable);
        store.queryAssignments(s.id);
        QVERIFY(assignments.wait(10000));
        const auto list = assignments.at(0).at(1).value<QList<AssignmentRecord>>();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).relayId, relayId);

        QSignalSpy experiments(&store, &Store::experimentsAvailable);
        store.queryExperiments();
        QVERIFY(experiments.wait(10000));
        QCOMPARE(experiments.at(0).at(0).value<QList<ExperimentRecord>>().size(), 1);
    }

    void openFailsClearly()
    {
        const QString path = m_dir.filePath(QStringLiteral("junk.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        Store store;
        QSignalSpy failed(&store, &Store::openFailed);
        store.open(path);
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("not an AllocLab database")));
        QVERIFY(!store.isOpen());
        // Queries without a database fail with a sentence, they do not crash.
        QSignalSpy queryFailed(&store, &Store::queryFailed);
        store.querySeries(1, SeriesRequest {});
        QVERIFY(queryFailed.wait(10000));
        QCOMPARE(queryFailed.at(0).at(0).toULongLong(), 1ULL);
        QCOMPARE(QFile(path).size(), 8192);
    }

    void badPollIsReported()
    {
        Store store;
        QVERIFY(openStore(store, m_dir.filePath(QStringLiteral("b/alloclab.sqlite"))));
        QSignalSpy failed(&store, &Store::writeFailed);
        store.writePoll(makePoll(0, 1000, 3)); // no host
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("nothing from it was stored")));
    }

    void backupThroughTheFacade()
    {
        Store store;
        QVERIFY(openStore(store, m_dir.filePath(QStringLiteral("c/alloclab.sqlite"))));
        QSignalSpy hostSaved(&store, &Store::hostSaved);
        store.saveHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("go"), {} });
        QVERIFY(hostSaved.wait(10000));
        QSignalSpy done(&store, &Store::backupFinished);
        QSignalSpy failed(&store, &Store::backupFailed);
        const QString target = m_dir.filePath(QStringLiteral("c-backup.sqlite"));
        store.backup(target);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.at(0).at(0).toString(), target);
        store.backup(target); // exists now
        QVERIFY(failed.wait(10000));
        Database copy;
        QVERIFY(copy.open(target, Database::OpenMode::ExistingOnly));
        QCOMPARE(copy.hosts().size(), 1);
    }

    // A poll handed over just before the store goes away is stored, not dropped.
    void destructionFinishesQueuedWrites()
    {
        const QString path = m_dir.filePath(QStringLiteral("d/alloclab.sqlite"));
        Id hostId = 0;
        {
            Database db;
            QVERIFY(db.open(path));
            hostId = db.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("go"), {} });
        }
        {
            Store store;
            QVERIFY(openStore(store, path));
            for (int i = 0; i < 10; ++i)
                store.writePoll(makePoll(hostId, 1000 + i, 200));
        }
        Database db;
        QVERIFY(db.open(path, Database::OpenMode::ExistingOnly));
        QCOMPARE(db.counts().polls, 10);
        QCOMPARE(db.counts().samples, 2000);
    }

    void closeAndReopen()
    {
        Store store;
        const QString path = m_dir.filePath(QStringLiteral("f/alloclab.sqlite"));
        QVERIFY(openStore(store, path));
        QSignalSpy closed(&store, &Store::closed);
        store.close();
        QVERIFY(closed.wait(10000));
        QVERIFY(!store.isOpen());
        QVERIFY(openStore(store, path));
        QVERIFY(store.isOpen());
        QCOMPARE(store.path(), path);
        // A failed open leaves nothing half open: queries fail instead of reading the old file.
        QSignalSpy failed(&store, &Store::openFailed);
        store.open(m_dir.filePath(QStringLiteral("f/none.sqlite")), Database::OpenMode::ExistingOnly);
        QVERIFY(failed.wait(10000));
        QVERIFY(!store.isOpen());
        QSignalSpy queryFailed(&store, &Store::queryFailed);
        store.querySnapshot(5, 0);
        QVERIFY(queryFailed.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
