// Stub: the API compiles and links; every call fails with "not implemented yet". The real
// implementation follows on this branch.
#include "app/database.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace alloclab {

struct Database::Cache {
};

void registerStoreMetaTypes()
{
    qRegisterMetaType<HostRecord>();
    qRegisterMetaType<RelayRecord>();
    qRegisterMetaType<AllocatorRecord>();
    qRegisterMetaType<GroupRecord>();
    qRegisterMetaType<ExperimentRecord>();
    qRegisterMetaType<AssignmentRecord>();
    qRegisterMetaType<SampleRecord>();
    qRegisterMetaType<AggregateRecord>();
    qRegisterMetaType<EventRecord>();
    qRegisterMetaType<HostDiagnosticsRecord>();
    qRegisterMetaType<DeployLogRecord>();
    qRegisterMetaType<PollWrite>();
    qRegisterMetaType<PollResult>();
    qRegisterMetaType<SeriesRequest>();
    qRegisterMetaType<Snapshot>();
    qRegisterMetaType<DatabaseCounts>();
    qRegisterMetaType<QList<SampleRecord>>();
    qRegisterMetaType<QList<HostRecord>>();
    qRegisterMetaType<QList<RelayRecord>>();
    qRegisterMetaType<QList<AllocatorRecord>>();
    qRegisterMetaType<QList<ExperimentRecord>>();
    qRegisterMetaType<QList<AssignmentRecord>>();
    qRegisterMetaType<QList<EventRecord>>();
}

bool DatabaseCounts::operator==(const DatabaseCounts &o) const
{
    return hosts == o.hosts && relays == o.relays && samples == o.samples && polls == o.polls
        && aggregates == o.aggregates && events == o.events && diagnostics == o.diagnostics
        && experiments == o.experiments && groups == o.groups && assignments == o.assignments
        && deployLog == o.deployLog;
}

#define NYI(ret)                                                                                             \
    do {                                                                                                     \
        m_lastError = QStringLiteral("not implemented yet");                                                 \
        return ret;                                                                                          \
    } while (0)

Transaction::Transaction(Database &db)
    : m_db(&db)
{
    m_active = db.begin();
}
Transaction::~Transaction()
{
    if (m_active)
        rollback();
}
Transaction::Transaction(Transaction &&other) noexcept
    : m_db(other.m_db)
    , m_active(other.m_active)
{
    other.m_active = false;
}
bool Transaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    return m_db->commit();
}
void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    m_db->rollback();
}

int Database::schemaVersion()
{
    return 1;
}
Database::Database()
    : m_cache(std::make_unique<Cache>())
{ }
Database::~Database()
{
    close();
}
bool Database::open(const QString &path, OpenMode, QString *error)
{
    m_path = path;
    m_lastError = QStringLiteral("not implemented yet");
    if (error)
        *error = m_lastError;
    return false;
}
void Database::close() { }
int Database::fileSchemaVersion()
{
    NYI(0);
}
void Database::setBusyTimeout(int ms)
{
    m_busyTimeoutMs = ms;
}
Id Database::upsertHost(const HostRecord &)
{
    NYI(0);
}
QList<HostRecord> Database::hosts()
{
    NYI({});
}
std::optional<HostRecord> Database::host(const QString &)
{
    NYI(std::nullopt);
}
std::optional<HostRecord> Database::host(Id)
{
    NYI(std::nullopt);
}
bool Database::removeHost(const QString &)
{
    NYI(false);
}
Id Database::resolveRelay(const RelayRecord &)
{
    NYI(0);
}
QList<RelayRecord> Database::relays()
{
    NYI({});
}
QList<RelayRecord> Database::relaysOfHost(Id)
{
    NYI({});
}
std::optional<RelayRecord> Database::relay(Id)
{
    NYI(std::nullopt);
}
QList<RelayRecord> Database::findRelays(const QString &)
{
    NYI({});
}
QList<AllocatorRecord> Database::allocators()
{
    NYI({});
}
std::optional<AllocatorRecord> Database::allocator(const QString &)
{
    NYI(std::nullopt);
}
bool Database::upsertAllocator(const AllocatorRecord &)
{
    NYI(false);
}
bool Database::removeAllocator(const QString &)
{
    NYI(false);
}
bool Database::setAllocatorHostPath(const QString &, Id, const QString &)
{
    NYI(false);
}
QString Database::allocatorHostPath(const QString &, Id)
{
    NYI({});
}
Id Database::upsertExperiment(const ExperimentRecord &)
{
    NYI(0);
}
std::optional<ExperimentRecord> Database::experiment(const QString &)
{
    NYI(std::nullopt);
}
std::optional<ExperimentRecord> Database::experiment(Id)
{
    NYI(std::nullopt);
}
QList<ExperimentRecord> Database::experiments()
{
    NYI({});
}
bool Database::removeExperiment(const QString &)
{
    NYI(false);
}
bool Database::setAssignments(Id, const QList<AssignmentRecord> &)
{
    NYI(false);
}
bool Database::assignRelay(Id, Id, Id, qint64, bool)
{
    NYI(false);
}
QList<AssignmentRecord> Database::assignments(Id)
{
    NYI({});
}
QHash<Id, Id> Database::membershipAt(Id, qint64)
{
    NYI({});
}
bool Database::insertPoll(const PollWrite &, PollResult *)
{
    NYI(false);
}
qint64 Database::insertSamples(const QList<SampleRecord> &)
{
    NYI(-1);
}
qint64 Database::insertAggregates(const QList<AggregateRecord> &)
{
    NYI(-1);
}
qint64 Database::insertEvents(const QList<EventRecord> &)
{
    NYI(-1);
}
qint64 Database::insertDiagnostics(const QList<HostDiagnosticsRecord> &)
{
    NYI(-1);
}
Id Database::appendDeployLog(const DeployLogRecord &)
{
    NYI(0);
}
QList<SampleRecord> Database::samples(const QList<Id> &, qint64, qint64)
{
    NYI({});
}
qint64 Database::latestSampleTimeAtOrBefore(qint64)
{
    NYI(0);
}
Snapshot Database::snapshotAtOrBefore(qint64, const QList<Id> &)
{
    NYI({});
}
QList<qint64> Database::sampleTimes(qint64, qint64)
{
    NYI({});
}
QList<AggregateRecord> Database::aggregates(const QString &, qint64, qint64)
{
    NYI({});
}
QList<EventRecord> Database::events(qint64, qint64)
{
    NYI({});
}
QList<HostDiagnosticsRecord> Database::diagnostics(const QString &, qint64, qint64)
{
    NYI({});
}
QList<DeployLogRecord> Database::deployLog(qint64, qint64)
{
    NYI({});
}
std::optional<PollResult> Database::lastPoll(Id)
{
    NYI(std::nullopt);
}
DatabaseCounts Database::counts()
{
    NYI({});
}
bool Database::backupTo(const QString &)
{
    NYI(false);
}
QString Database::integrityCheck(bool)
{
    NYI({});
}
bool Database::exec(const QString &)
{
    NYI(false);
}
bool Database::inTransaction() const
{
    return false;
}
bool Database::begin()
{
    NYI(false);
}
bool Database::commit()
{
    NYI(false);
}
void Database::rollback() { }

} // namespace alloclab
