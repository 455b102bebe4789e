#pragma once

// The measurement store: one SQLite file shared by the GUI and collectors (WAL, so readers never
// wait for the writer, and writers wait on each other through busy_timeout + BEGIN IMMEDIATE).
//
// A Database is one connection: synchronous and thread-confined (use it from the thread that
// opened it). The GUI uses it only through the asynchronous facade Store (app/store.h); the CLI
// and worker threads (import, collector) use it directly.
//
// Every call that can fail returns false / 0 / -1 / an empty result and sets lastError() to a
// complete sentence that names the file and says what to do. Nothing here ever deletes,
// recreates or overwrites a database file.

#include "models/allocatorcatalog.h"
#include "models/records.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace alloclab {

class SampleBlock;

// One step of a rollout or rollback, kept for the record (the Rollout tab, reports).
struct DeployLogRecord {
    Id id = 0;
    qint64 tsMs = 0;
    Id hostId = 0;
    Id relayId = 0; // 0 when the step concerns the whole host (daemon-reload)
    Id experimentId = 0;
    QString allocatorId;
    QString action; // "write_dropin", "daemon_reload", "restart", "verify", "rollback", ...
    QString detail; // command, file content or error text
    bool ok = true;
};

// One setting of a relay as a relay_config.csv gave it ("dircache", "maxmem", "allocator",
// "config"), kept as written (an empty value is a value: "config" empty means no library).
struct RelaySettingRecord {
    Id relayId = 0;
    QString name;
    QString value;
    bool operator==(const RelaySettingRecord &o) const
    {
        return relayId == o.relayId && name == o.name && value == o.value;
    }
};

// Everything one poll of one host produced, stored in one transaction: all or nothing.
struct PollWrite {
    Id hostId = 0; // required (the host polled)
    qint64 tsMs = 0; // the poll's time (UTC epoch ms); used for samples whose tsMs is 0
    qint64 durationMs = -1;
    bool ok = true; // false: host unreachable / probe failed; the poll row keeps the error
    QString error;
    // Relays seen in this poll. When not empty it has the same length as samples, and
    // relays[i] is resolved (Database::resolveRelay) inside the same transaction; its id goes
    // into samples[i].relayId. When empty, every sample must carry its relayId already.
    QList<RelayRecord> relays;
    QList<SampleRecord> samples;
    std::optional<HostDiagnosticsRecord> diagnostics; // hostId/tsMs default to the poll's
    QList<EventRecord> events; // hostId/tsMs default to the poll's
};

struct PollResult {
    Id pollId = 0;
    qint64 tsMs = 0;
    Id hostId = 0;
    int samplesStored = 0; // new rows (a repeated poll with the same ts stores nothing twice)
    QList<Id> relayIds; // resolved ids, parallel to PollWrite::relays (or samples)
};

// What a chart asks for: the series of a set of relays over [fromMs, toMs] (inclusive).
struct SeriesRequest {
    QList<Id> relayIds; // empty = every relay
    qint64 fromMs = 0;
    qint64 toMs = 0; // 0 = open end
};

struct Snapshot {
    qint64 tsMs = 0; // 0 = no sample at or before the requested time
    QList<SampleRecord> samples; // ordered by relay id
};

struct DatabaseCounts {
    qint64 hosts = 0;
    qint64 relays = 0;
    qint64 samples = 0; // rows and samples in blocks
    qint64 polls = 0;
    qint64 aggregates = 0;
    qint64 events = 0;
    qint64 diagnostics = 0;
    qint64 experiments = 0;
    qint64 groups = 0;
    qint64 assignments = 0;
    qint64 deployLog = 0;
    qint64 relaySettings = 0;
    bool operator==(const DatabaseCounts &o) const;
    bool operator!=(const DatabaseCounts &o) const { return !(*this == o); }
};

class Database;

// Registers the records (models/records.h) and the types above for queued connections.
void registerStoreMetaTypes();

// RAII transaction for chunked imports: BEGIN IMMEDIATE on construction (waiting up to the
// busy timeout for another writer), ROLLBACK in the destructor unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    Transaction(Transaction &&other) noexcept;
    Transaction &operator=(Transaction &&) = delete;

    bool isActive() const { return m_db && m_active; } // false: BEGIN failed, see lastError()
    bool commit();
    void rollback();

private:
    Database *m_db = nullptr;
    bool m_active = false;
};

class Database
{
public:
    enum class OpenMode {
        CreateIfMissing, // the GUI and collectors: create the file (and its folder) if absent
        ExistingOnly, // read-style commands and the backup source: a missing file is an error
    };

    // The schema version this build writes (PRAGMA user_version). Older files are migrated
    // forward step by step on open; newer ones are refused.
    static int schemaVersion();
    // The SQL of the forward step to toVersion (1..schemaVersion()), frozen once released:
    // tests build old files with it.
    static QString migrationSql(int toVersion);
    // PRAGMA application_id of AllocLab files ("AlLb").
    static constexpr int ApplicationId = 0x416C4C62;
    class Stmt; // internal statement wrapper

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    bool open(const QString &path, OpenMode mode = OpenMode::CreateIfMissing, QString *error = nullptr);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }
    // The SQLite (extended) result code behind lastError(), 0 when the error is not SQLite's.
    int lastErrorCode() const { return m_lastRc; }
    bool lastErrorWasBusy() const { return (m_lastRc & 0xff) == 5 /* SQLITE_BUSY */; }
    // user_version of the open file (== schemaVersion() after a successful open).
    int fileSchemaVersion();
    // Busy timeout in ms (default 5000): how long a writer waits for another one.
    void setBusyTimeout(int ms);

    // WAL checkpoints copy the log back into the file and fsync: the slow part of a commit.
    // Automatic (SQLite's default): the commit that crosses 1000 log pages does it. Manual: commits
    // never do; the owner calls checkpointIfDue() when idle (the Store's writer does, between
    // writes), keeping checkpoints out of the poll latency.
    enum class CheckpointMode { Automatic, Manual };
    void setCheckpointMode(CheckpointMode mode);
    int walPages() const { return m_walPages; } // log size after the last commit (Manual mode)
    bool checkpointIfDue(int minPages = 1000); // PASSIVE: never waits for readers

    // --- hosts ---------------------------------------------------------------------------
    Id upsertHost(const HostRecord &host); // by name; updates target and note; returns id (0 on error)
    QList<HostRecord> hosts(); // ordered by name
    std::optional<HostRecord> host(const QString &name);
    std::optional<HostRecord> host(Id id);
    // Removes the host; its relays and their samples stay (host_id becomes NULL).
    // false + lastError() when there is no such host.
    bool removeHost(const QString &name);

    // --- relays --------------------------------------------------------------------------
    // Finds or creates the relay by its identity (fingerprint; else host+instance; else
    // server+nickname) and records what was learned (nickname, instance, fingerprint, host).
    // A nickname-only relay (imported) and the same relay later seen with a fingerprint merge
    // when server+nickname match and the existing row has no fingerprint.
    Id resolveRelay(const RelayRecord &relay);
    QList<RelayRecord> relays(); // ordered by server, nickname
    QList<RelayRecord> relaysOfHost(Id hostId);
    std::optional<RelayRecord> relay(Id id);
    // Relays matching what an operator typed: a fingerprint, "host/instance" or a nickname
    // (several when a nickname is ambiguous).
    QList<RelayRecord> findRelays(const QString &key);

    // --- allocators (seeded with glibc, jemalloc, mimalloc) --------------------------------
    QList<AllocatorRecord> allocators(); // ordered by id
    std::optional<AllocatorRecord> allocator(const QString &id);
    bool upsertAllocator(const AllocatorRecord &allocator);
    bool removeAllocator(const QString &id); // refused while a group uses it
    // Where a host keeps an allocator when it differs from AllocatorRecord::path.
    bool setAllocatorHostPath(const QString &allocatorId, Id hostId, const QString &path);
    QString allocatorHostPath(const QString &allocatorId, Id hostId); // "" = the default path
    // What "Check on hosts" found: replaces the previous check of each (allocator, host).
    bool saveAllocatorChecks(Id hostId, const QList<AllocatorCheck> &checks);
    QList<AllocatorCheck> allocatorChecks(); // the latest per host and allocator, host = host name

    // --- experiments, groups, assignments ---------------------------------------------------
    // By name; the groups are matched by letter: new letters added, existing ones updated,
    // letters no longer listed removed (with their assignments). Returns the experiment id.
    Id upsertExperiment(const ExperimentRecord &experiment);
    std::optional<ExperimentRecord> experiment(const QString &name); // with groups (by letter)
    std::optional<ExperimentRecord> experiment(Id id);
    QList<ExperimentRecord> experiments(); // with groups, ordered by start, name
    bool removeExperiment(const QString &name);
    // Replaces the whole assignment history of the experiment's groups.
    bool setAssignments(Id experimentId, const QList<AssignmentRecord> &assignments);
    // Moves one relay at atMs: closes its open assignment in this experiment (to_ms = atMs) and
    // opens one in groupId (0 = back to unassigned).
    bool assignRelay(Id experimentId, Id relayId, Id groupId, qint64 atMs, bool deployed);
    QList<AssignmentRecord> assignments(Id experimentId); // ordered by relay, from
    // The membership in force at tsMs: relay id -> group id.
    QHash<Id, Id> membershipAt(Id experimentId, qint64 tsMs);

    // --- polls and measurements -------------------------------------------------------------
    bool insertPoll(const PollWrite &poll, PollResult *result = nullptr);
    // The bulk path (imports): batched and idempotent (a (relay, ts) already stored, as a row or
    // in a block, is ignored), stored in compressed per-relay blocks (table sample_blocks,
    // models/sampleblock.h); blocks the new samples overlap are decoded, merged and re-encoded.
    // Runs in its own transaction unless one is open (Transaction). Returns the number of new
    // samples, -1 on error. Polls (insertPoll) write rows instead.
    // Batches should hold a relay's samples in runs of SampleBlock::kMaxSamples where they can:
    // every run of a relay in a batch becomes at least one block.
    qint64 insertSamples(const QList<SampleRecord> &samples);
    // The same for samples handed over in runs (the importer keeps each relay's samples in runs
    // of SampleBlock::kMaxSamples): stored as one batch without being copied into one list.
    // Runs of one relay come in time order; runs sorted by relay spare the store a sort.
    qint64 insertSampleRuns(const std::vector<QList<SampleRecord>> &runs);
    qint64 insertAggregates(const QList<AggregateRecord> &aggregates); // idempotent by (server, ts)
    qint64 insertEvents(const QList<EventRecord> &events); // idempotent by (ts, type, description, group)
    qint64 insertDiagnostics(const QList<HostDiagnosticsRecord> &diagnostics); // idempotent by (server, ts)
    Id appendDeployLog(const DeployLogRecord &entry);

    // Relay settings, by (relay, name): a new name is added, a different value replaces the
    // stored one, the same value changes nothing. Returns how many were added or changed, -1 on
    // error. Runs in its own transaction unless one is open (Transaction).
    qint64 upsertRelaySettings(const QList<RelaySettingRecord> &settings);
    // Ordered by relay, name; relayIds empty = every relay.
    QList<RelaySettingRecord> relaySettings(const QList<Id> &relayIds = {});

    // Each relay's newest sample (relays without samples are absent), ordered by relay.
    QList<SampleRecord> latestSamples();
    // Series for charts, ordered by relay, then time.
    QList<SampleRecord> samples(const QList<Id> &relayIds, qint64 fromMs, qint64 toMs = 0);
    QList<SampleRecord> samples(const SeriesRequest &request)
    {
        return samples(request.relayIds, request.fromMs, request.toMs);
    }
    // The latest ts <= tsMs that has relay samples (0 = none); tsMs <= 0 means "latest".
    qint64 latestSampleTimeAtOrBefore(qint64 tsMs);
    // The same, among these relays only: an experiment's latest snapshot must not be a poll of
    // other relays (a live lab next to imported history). Empty list = all relays.
    qint64 latestSampleTimeAtOrBefore(qint64 tsMs, const QList<Id> &relayIds);
    // The samples at that time (relayIds empty = every relay).
    Snapshot snapshotAtOrBefore(qint64 tsMs, const QList<Id> &relayIds = {});
    QList<qint64> sampleTimes(qint64 fromMs = 0, qint64 toMs = 0); // distinct, ascending
    QList<AggregateRecord> aggregates(const QString &server = {}, qint64 fromMs = 0, qint64 toMs = 0);
    QList<EventRecord> events(qint64 fromMs = 0, qint64 toMs = 0);
    QList<HostDiagnosticsRecord> diagnostics(const QString &server = {}, qint64 fromMs = 0, qint64 toMs = 0);
    QList<DeployLogRecord> deployLog(qint64 fromMs = 0, qint64 toMs = 0);
    std::optional<PollResult> lastPoll(Id hostId);

    // --- maintenance ----------------------------------------------------------------------
    DatabaseCounts counts();
    // SQLite online backup into a new file (refuses an existing target: never overwrites).
    bool backupTo(const QString &targetPath);
    // "ok" or SQLite's list of problems; quick = PRAGMA quick_check.
    QString integrityCheck(bool quick = false);

    // For tests and migrations: run SQL (several statements) outside the cache.
    bool exec(const QString &sql);
    sqlite3 *handle() const { return m_db; }
    bool inTransaction() const;

private:
    friend class Transaction;
    struct Cache;

    Stmt prepare(const char *sql); // cached by the literal's address
    Stmt prepareOnce(const QString &sql); // not cached (dynamic SQL)
    bool checkOpen();
    bool fail(int rc, const QString &what);
    void reword(const QString &what); // the last SQLite failure, told about `what`
    QString describe(const QString &what) const;
    bool failText(const QString &text);
    bool begin();
    bool commit();
    void rollback();
    bool migrate(QString *error);
    Id resolveRelayLocked(const RelayRecord &relay);
    qint64 insertSamplesLocked(const QList<SampleRecord> &samples, Id pollId, qint64 defaultTsMs);
    qint64 insertSampleBlocksLocked(std::vector<const SampleRecord *> &order);
    bool checkSampleRelays(const QList<SampleRecord> &samples, const std::vector<qsizetype> &order);
    bool decodeBlock(QByteArrayView blob, Id relayId, qint64 firstMs, SampleBlock *block);
    // The block samples of a relay in [fromMs, toMs], appended to out in time order.
    bool readBlockSamples(Id relayId, qint64 fromMs, qint64 toMs, QList<SampleRecord> &out);
    bool insertSampleTimes(std::vector<qint64> &times); // sorts and dedupes `times`
    bool insertEventLocked(const EventRecord &event, qint64 *inserted);
    bool insertDiagnosticsLocked(const HostDiagnosticsRecord &diag, qint64 *inserted);
    bool upsertRelaySettingLocked(const RelaySettingRecord &setting, qint64 *changed);
    // Inserts every item with insertOne inside the caller's transaction, or one of its own.
    template<typename T>
    qint64 insertEach(const QList<T> &items, bool (Database::*insertOne)(const T &, qint64 *));
    qint64 scalar(const char *sql, qint64 arg, bool *ok);

    sqlite3 *m_db = nullptr;
    QString m_path;
    QString m_lastError;
    int m_lastRc = 0;
    QString m_lastDetail;
    bool m_lastNoSpace = false;
    std::unique_ptr<Cache> m_cache;
    int m_busyTimeoutMs = 5000;
    int m_walPages = 0;
    CheckpointMode m_checkpointMode = CheckpointMode::Automatic;
};

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::DeployLogRecord)
Q_DECLARE_METATYPE(alloclab::RelaySettingRecord)
Q_DECLARE_METATYPE(alloclab::PollWrite)
Q_DECLARE_METATYPE(alloclab::PollResult)
Q_DECLARE_METATYPE(alloclab::SeriesRequest)
Q_DECLARE_METATYPE(alloclab::Snapshot)
Q_DECLARE_METATYPE(alloclab::DatabaseCounts)
