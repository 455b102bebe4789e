#include "app/store.h"

#include <QCoreApplication>
#include <QThread>

namespace alloclab {

// Lives on one of the store's threads and owns that thread's connection.
class StoreWorker : public QObject
{
public:
    Database db;
};

Store::Store(QObject *parent)
    : QObject(parent)
{
    registerStoreMetaTypes();
    m_writerThread = new QThread(this);
    m_readerThread = new QThread(this);
    m_writerThread->setObjectName(QStringLiteral("alloclab-store-writer"));
    m_readerThread->setObjectName(QStringLiteral("alloclab-store-reader"));
    m_writer = new StoreWorker;
    m_reader = new StoreWorker;
    m_writer->moveToThread(m_writerThread);
    m_reader->moveToThread(m_readerThread);
    m_writerThread->start();
    m_readerThread->start();
}

Store::~Store()
{
    // Everything already queued (a poll in flight) runs first: the quit is queued behind it.
    QThread *writer = m_writerThread;
    QThread *reader = m_readerThread;
    QMetaObject::invokeMethod(
        m_writer, [writer] { writer->quit(); }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        m_reader, [reader] { reader->quit(); }, Qt::QueuedConnection);
    m_writerThread->wait();
    m_readerThread->wait();
    // The threads are gone, so closing the connections here cannot race with them.
    delete m_writer;
    delete m_reader;
}

void Store::post(bool write, std::function<void(Database &)> job)
{
    StoreWorker *w = write ? m_writer : m_reader;
    QMetaObject::invokeMethod(
        w, [w, job = std::move(job)]() { job(w->db); }, Qt::QueuedConnection);
}

void Store::run(std::function<void(Database &)> job, bool write)
{
    post(write, std::move(job));
}

void Store::onOpened(const QString &path, int version)
{
    m_open = true;
    m_path = path;
    emit opened(path, version);
}

void Store::onOpenFailed(const QString &message)
{
    m_open = false;
    emit openFailed(message);
}

void Store::onClosed()
{
    m_open = false;
    emit closed();
}

void Store::open(const QString &path, Database::OpenMode mode)
{
    StoreWorker *reader = m_reader;
    post(true, [this, reader, path, mode](Database &db) {
        db.close();
        QString error;
        if (!db.open(path, mode, &error)) {
            // Leave no half-open store behind: the reader may still hold a previous file.
            QMetaObject::invokeMethod(
                reader,
                [this, reader, error] {
                    reader->db.close();
                    QMetaObject::invokeMethod(
                        this, [this, error] { onOpenFailed(error); }, Qt::QueuedConnection);
                },
                Qt::QueuedConnection);
            return;
        }
        const int version = db.fileSchemaVersion();
        // The writer created and migrated the file; now the reader can join it.
        QMetaObject::invokeMethod(
            reader,
            [this, reader, path, version] {
                reader->db.close();
                QString error;
                if (!reader->db.open(path, Database::OpenMode::ExistingOnly, &error)) {
                    QMetaObject::invokeMethod(
                        this, [this, error] { onOpenFailed(error); }, Qt::QueuedConnection);
                    return;
                }
                QMetaObject::invokeMethod(
                    this, [this, path, version] { onOpened(path, version); }, Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    });
}

void Store::close()
{
    StoreWorker *reader = m_reader;
    post(true, [this, reader](Database &db) {
        db.close();
        QMetaObject::invokeMethod(
            reader,
            [this, reader] {
                reader->db.close();
                QMetaObject::invokeMethod(
                    this, [this] { onClosed(); }, Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    });
}

namespace {
// Delivers a result on the facade's thread.
template<typename F> void deliver(QObject *to, F &&f)
{
    QMetaObject::invokeMethod(to, std::forward<F>(f), Qt::QueuedConnection);
}
} // namespace

void Store::writePoll(const PollWrite &poll)
{
    post(true, [this, poll](Database &db) {
        PollResult result;
        if (db.insertPoll(poll, &result))
            deliver(this, [this, result] { emit pollWritten(result); });
        else
            deliver(this, [this, e = db.lastError()] { emit writeFailed(e); });
    });
}

void Store::saveHost(const HostRecord &host)
{
    post(true, [this, host](Database &db) {
        const Id id = db.upsertHost(host);
        if (id == 0) {
            deliver(this, [this, e = db.lastError()] { emit writeFailed(e); });
            return;
        }
        HostRecord saved = host;
        saved.id = id;
        deliver(this, [this, saved] { emit hostSaved(saved); });
    });
}

void Store::removeHost(const QString &name)
{
    post(true, [this, name](Database &db) {
        if (db.removeHost(name))
            deliver(this, [this, name] { emit hostRemoved(name); });
        else
            deliver(this, [this, e = db.lastError()] { emit writeFailed(e); });
    });
}

void Store::saveExperiment(const ExperimentRecord &experiment)
{
    post(true, [this, experiment](Database &db) {
        const Id id = db.upsertExperiment(experiment);
        std::optional<ExperimentRecord> saved;
        if (id != 0)
            saved = db.experiment(id);
        if (!saved) {
            deliver(this, [this, e = db.lastError()] { emit writeFailed(e); });
            return;
        }
        deliver(this, [this, s = *saved] { emit experimentSaved(s); });
    });
}

void Store::setAssignments(Id experimentId, const QList<AssignmentRecord> &assignments)
{
    post(true, [this, experimentId, assignments](Database &db) {
        if (db.setAssignments(experimentId, assignments))
            deliver(this, [this, experimentId] { emit assignmentsSaved(experimentId); });
        else
            deliver(this, [this, e = db.lastError()] { emit writeFailed(e); });
    });
}

void Store::assignRelay(Id experimentId, Id relayId, Id groupId, qint64 atMs, bool deployed)
{
    post(true, [=](Database &db) {
        if (db.assignRelay(experimentId, relayId, groupId, atMs, deployed))
            deliver(this, [this, experimentId] { emit assignmentsSaved(experimentId); });
        else
            deliver(this, [this, e = db.lastError()] { emit writeFailed(e); });
    });
}

void Store::saveAllocator(const AllocatorRecord &allocator)
{
    post(true, [this, allocator](Database &db) {
        if (!db.upsertAllocator(allocator)) {
            deliver(this, [this, e = db.lastError()] { emit writeFailed(e); });
            return;
        }
        deliver(this, [this, list = db.allocators()] { emit allocatorsAvailable(list); });
    });
}

void Store::backup(const QString &targetPath)
{
    post(true, [this, targetPath](Database &db) {
        if (db.backupTo(targetPath))
            deliver(this, [this, targetPath] { emit backupFinished(targetPath); });
        else
            deliver(this, [this, e = db.lastError()] { emit backupFailed(e); });
    });
}

void Store::querySeries(quint64 generation, const SeriesRequest &request)
{
    post(false, [this, generation, request](Database &db) {
        QList<SampleRecord> samples = db.samples(request);
        if (samples.isEmpty() && !db.lastError().isEmpty())
            deliver(this, [this, generation, e = db.lastError()] { emit queryFailed(generation, e); });
        else
            deliver(this,
                    [this, generation, s = std::move(samples)] { emit seriesAvailable(generation, s); });
    });
}

void Store::querySnapshot(quint64 generation, qint64 atMs, const QList<Id> &relayIds)
{
    post(false, [this, generation, atMs, relayIds](Database &db) {
        Snapshot snap = db.snapshotAtOrBefore(atMs, relayIds);
        if (snap.tsMs == 0 && !db.lastError().isEmpty())
            deliver(this, [this, generation, e = db.lastError()] { emit queryFailed(generation, e); });
        else
            deliver(this, [this, generation, s = std::move(snap)] { emit snapshotAvailable(generation, s); });
    });
}

void Store::queryHosts()
{
    post(false,
         [this](Database &db) { deliver(this, [this, list = db.hosts()] { emit hostsAvailable(list); }); });
}

void Store::queryRelays()
{
    post(false,
         [this](Database &db) { deliver(this, [this, list = db.relays()] { emit relaysAvailable(list); }); });
}

void Store::queryAllocators()
{
    post(false, [this](Database &db) {
        deliver(this, [this, list = db.allocators()] { emit allocatorsAvailable(list); });
    });
}

void Store::queryExperiments()
{
    post(false, [this](Database &db) {
        deliver(this, [this, list = db.experiments()] { emit experimentsAvailable(list); });
    });
}

void Store::queryAssignments(Id experimentId)
{
    post(false, [this, experimentId](Database &db) {
        deliver(this, [this, experimentId, list = db.assignments(experimentId)] {
            emit assignmentsAvailable(experimentId, list);
        });
    });
}

void Store::queryEvents(quint64 generation, qint64 fromMs, qint64 toMs)
{
    post(false, [this, generation, fromMs, toMs](Database &db) {
        deliver(this, [this, generation, list = db.events(fromMs, toMs)] {
            emit eventsAvailable(generation, list);
        });
    });
}

} // namespace alloclab
