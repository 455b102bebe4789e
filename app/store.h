#pragma once

// The GUI's asynchronous facade over the database. Every method returns at once; the work runs
// on the store's own threads and answers with a signal. Two connections: a writer (polls,
// edits, backup) and a reader (chart series, snapshots, lists), so a long query never delays a
// poll and a poll never stalls a chart (WAL lets both run at once).
//
// Results of queries carry the caller's generation number; the caller drops stale ones.
// Writes and queries run on different threads: a query sees a write once its answer
// (pollWritten, hostSaved, ...) has arrived, not merely because it was asked for later.

#include "app/database.h"

#include <QObject>

#include <functional>

class QThread;

namespace alloclab {

class StoreWorker;

class Store : public QObject
{
    Q_OBJECT
public:
    explicit Store(QObject *parent = nullptr);
    ~Store() override; // finishes the work already queued, then closes the database

    // Opens (creating when allowed) and migrates; answers opened() or openFailed().
    void open(const QString &path, Database::OpenMode mode = Database::OpenMode::CreateIfMissing);
    void close(); // answers closed()
    bool isOpen() const { return m_open; } // as of the last opened()/closed() signal
    QString path() const { return m_path; }

    // --- writes (writer connection, in order) --------------------------------------------
    void writePoll(const PollWrite &poll); // pollWritten() or writeFailed()
    void saveHost(const HostRecord &host); // hostSaved() or writeFailed()
    void removeHost(const QString &name); // hostRemoved() or writeFailed()
    void saveExperiment(const ExperimentRecord &experiment); // experimentSaved() or writeFailed()
    void setAssignments(Id experimentId, const QList<AssignmentRecord> &assignments); // assignmentsSaved()
    void assignRelay(Id experimentId, Id relayId, Id groupId, qint64 atMs,
                     bool deployed); // assignmentsSaved()
    void saveAllocator(const AllocatorRecord &allocator); // allocatorsAvailable() or writeFailed()
    void backup(const QString &targetPath); // backupFinished() or backupFailed()

    // --- queries (reader connection) -----------------------------------------------------
    void querySeries(quint64 generation, const SeriesRequest &request); // seriesAvailable()
    void querySnapshot(quint64 generation, qint64 atMs,
                       const QList<Id> &relayIds = {}); // snapshotAvailable()
    void queryHosts(); // hostsAvailable()
    void queryRelays(); // relaysAvailable()
    void queryAllocators(); // allocatorsAvailable()
    void queryExperiments(); // experimentsAvailable()
    void queryAssignments(Id experimentId); // assignmentsAvailable()
    void queryEvents(quint64 generation, qint64 fromMs, qint64 toMs); // eventsAvailable()

    // Escape hatch for services that need a query this facade does not offer yet: runs job on
    // the writer (write = true) or reader thread with that thread's Database. Deliver results
    // with QMetaObject::invokeMethod(receiver, ..., Qt::QueuedConnection); never keep the
    // Database reference.
    void run(std::function<void(Database &)> job, bool write = false);

signals:
    void opened(const QString &path, int schemaVersion);
    void openFailed(const QString &message);
    void closed();

    void pollWritten(const alloclab::PollResult &result);
    void hostSaved(const alloclab::HostRecord &host);
    void hostRemoved(const QString &name);
    void experimentSaved(const alloclab::ExperimentRecord &experiment);
    void assignmentsSaved(alloclab::Id experimentId);
    void writeFailed(const QString &message); // also when a query fails: the sentence says which
    void backupFinished(const QString &targetPath);
    void backupFailed(const QString &message);

    void seriesAvailable(quint64 generation, const QList<alloclab::SampleRecord> &samples);
    void snapshotAvailable(quint64 generation, const alloclab::Snapshot &snapshot);
    void hostsAvailable(const QList<alloclab::HostRecord> &hosts);
    void relaysAvailable(const QList<alloclab::RelayRecord> &relays);
    void allocatorsAvailable(const QList<alloclab::AllocatorRecord> &allocators);
    void experimentsAvailable(const QList<alloclab::ExperimentRecord> &experiments);
    void assignmentsAvailable(alloclab::Id experimentId,
                              const QList<alloclab::AssignmentRecord> &assignments);
    void eventsAvailable(quint64 generation, const QList<alloclab::EventRecord> &events);
    void queryFailed(quint64 generation, const QString &message);

private:
    void post(bool write, std::function<void(Database &)> job);
    void onOpened(const QString &path, int version);
    void onOpenFailed(const QString &message);
    void onClosed();

    QThread *m_writerThread = nullptr;
    QThread *m_readerThread = nullptr;
    StoreWorker *m_writer = nullptr;
    StoreWorker *m_reader = nullptr;
    bool m_open = false;
    QString m_path;
};

} // namespace alloclab
