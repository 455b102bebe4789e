#include "app/database.h"

#include "models/sampleblock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QResource>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <iterator>
#include <limits>
#include <numeric>
#include <sqlite3.h>
#include <unistd.h>
#include <unordered_map>

namespace alloclab {

// ---------------------------------------------------------------------------------------------
// Schema history. Each entry takes a file from version N-1 to N inside one transaction. A step
// is frozen once it has been on main: change the schema by appending a step, never by editing.
// ---------------------------------------------------------------------------------------------
namespace {

const char *const kMigrations[] = {
    // v1: the initial schema.
    R"sql(
CREATE TABLE hosts(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK(name <> ''),
    target TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);

-- Identity: fingerprint when known (unique); else host+instance (unique while the host knows
-- it); else server+nickname (not unique: nicknames are not, a re-keyed relay keeps its name).
CREATE TABLE relays(
    id INTEGER PRIMARY KEY,
    host_id INTEGER REFERENCES hosts(id) ON DELETE SET NULL,
    server TEXT NOT NULL DEFAULT '',
    instance TEXT NOT NULL DEFAULT '',
    nickname TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX relays_fingerprint ON relays(fingerprint) WHERE fingerprint <> '';
CREATE UNIQUE INDEX relays_host_instance ON relays(host_id, instance)
    WHERE host_id IS NOT NULL AND instance <> '';
CREATE INDEX relays_host ON relays(host_id);
CREATE INDEX relays_server_nickname ON relays(server, nickname);

CREATE TABLE allocators(
    id TEXT PRIMARY KEY CHECK(id <> ''),
    name TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '',
    path TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    builtin INTEGER NOT NULL DEFAULT 0
);
INSERT INTO allocators(id, name, version, path, builtin) VALUES
    ('glibc', 'glibc', '', '', 1),
    ('jemalloc', 'jemalloc', '', '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2', 1),
    ('mimalloc', 'mimalloc', '', '/usr/lib/x86_64-linux-gnu/libmimalloc.so.2', 1);

CREATE TABLE allocator_host_paths(
    allocator_id TEXT NOT NULL REFERENCES allocators(id) ON DELETE CASCADE ON UPDATE CASCADE,
    host_id INTEGER NOT NULL REFERENCES hosts(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    PRIMARY KEY(allocator_id, host_id)
) WITHOUT ROWID;
CREATE INDEX allocator_host_paths_host ON allocator_host_paths(host_id);

CREATE TABLE experiments(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK(name <> ''),
    hypothesis TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    start_ms INTEGER NOT NULL DEFAULT 0,
    end_ms INTEGER NOT NULL DEFAULT 0
);

-- "groups" is an SQL keyword (window frames), hence the longer name.
CREATE TABLE experiment_groups(
    id INTEGER PRIMARY KEY,
    experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
    letter TEXT NOT NULL CHECK(length(letter) = 1 AND letter BETWEEN 'A' AND 'Z'),
    label TEXT NOT NULL DEFAULT '',
    allocator_id TEXT REFERENCES allocators(id) ON UPDATE CASCADE,
    colour TEXT NOT NULL DEFAULT '',
    UNIQUE(experiment_id, letter)
);
CREATE INDEX experiment_groups_allocator ON experiment_groups(allocator_id);

CREATE TABLE assignments(
    id INTEGER PRIMARY KEY,
    relay_id INTEGER NOT NULL REFERENCES relays(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL REFERENCES experiment_groups(id) ON DELETE CASCADE,
    from_ms INTEGER NOT NULL,
    to_ms INTEGER NOT NULL DEFAULT 0,
    deployed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX assignments_group ON assignments(group_id, relay_id);
CREATE INDEX assignments_relay ON assignments(relay_id, from_ms);

CREATE TABLE polls(
    id INTEGER PRIMARY KEY,
    host_id INTEGER REFERENCES hosts(id) ON DELETE SET NULL,
    ts_ms INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL DEFAULT -1,
    ok INTEGER NOT NULL,
    error TEXT NOT NULL DEFAULT '',
    relay_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX polls_host_ts ON polls(host_id, ts_ms);

-- The big table: clustered by relay then time, so a chart's series is a range scan.
-- poll_id has no foreign key on purpose: it is provenance, and a check per row costs.
CREATE TABLE samples(
    relay_id INTEGER NOT NULL REFERENCES relays(id) ON DELETE CASCADE,
    ts_ms INTEGER NOT NULL,
    rss_kb INTEGER NOT NULL DEFAULT -1,
    hwm_kb INTEGER NOT NULL DEFAULT -1,
    vmsize_kb INTEGER NOT NULL DEFAULT -1,
    pid INTEGER NOT NULL DEFAULT -1,
    loaded_allocator TEXT NOT NULL DEFAULT '?',
    poll_id INTEGER,
    PRIMARY KEY(relay_id, ts_ms)
) WITHOUT ROWID;
-- "Latest snapshot at or before T".
CREATE INDEX samples_ts ON samples(ts_ms);

CREATE TABLE aggregates(
    server TEXT NOT NULL,
    ts_ms INTEGER NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    total_kb INTEGER NOT NULL DEFAULT 0,
    avg_kb INTEGER NOT NULL DEFAULT 0,
    min_kb INTEGER NOT NULL DEFAULT 0,
    max_kb INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY(server, ts_ms)
) WITHOUT ROWID;

CREATE TABLE host_diagnostics(
    id INTEGER PRIMARY KEY,
    host_id INTEGER REFERENCES hosts(id) ON DELETE SET NULL,
    server TEXT NOT NULL,
    ts_ms INTEGER NOT NULL,
    hostname TEXT NOT NULL DEFAULT '',
    kernel TEXT NOT NULL DEFAULT '',
    os_release TEXT NOT NULL DEFAULT '',
    tor_version TEXT NOT NULL DEFAULT '',
    allocator TEXT NOT NULL DEFAULT '',
    mem_total_kb INTEGER NOT NULL DEFAULT -1,
    mem_available_kb INTEGER NOT NULL DEFAULT -1,
    cached_kb INTEGER NOT NULL DEFAULT -1,
    swap_total_kb INTEGER NOT NULL DEFAULT -1,
    swap_free_kb INTEGER NOT NULL DEFAULT -1,
    load1 REAL NOT NULL DEFAULT -1,
    relay_count INTEGER NOT NULL DEFAULT -1,
    UNIQUE(server, ts_ms)
);
CREATE INDEX host_diagnostics_host ON host_diagnostics(host_id);

-- Idempotent import: the same event twice is one event.
CREATE TABLE events(
    id INTEGER PRIMARY KEY,
    ts_ms INTEGER NOT NULL,
    type TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    grp TEXT NOT NULL DEFAULT '',
    host_id INTEGER REFERENCES hosts(id) ON DELETE SET NULL,
    relay_id INTEGER REFERENCES relays(id) ON DELETE SET NULL,
    UNIQUE(ts_ms, type, description, grp)
);
CREATE INDEX events_host ON events(host_id);
CREATE INDEX events_relay ON events(relay_id);

CREATE TABLE deploy_log(
    id INTEGER PRIMARY KEY,
    ts_ms INTEGER NOT NULL,
    host_id INTEGER REFERENCES hosts(id) ON DELETE SET NULL,
    relay_id INTEGER REFERENCES relays(id) ON DELETE SET NULL,
    experiment_id INTEGER REFERENCES experiments(id) ON DELETE SET NULL,
    allocator_id TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    ok INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX deploy_log_ts ON deploy_log(ts_ms);
CREATE INDEX deploy_log_host ON deploy_log(host_id);
CREATE INDEX deploy_log_relay ON deploy_log(relay_id);
CREATE INDEX deploy_log_experiment ON deploy_log(experiment_id);
)sql",
    // v2: what "Check on hosts" found, the latest check per allocator and host.
    R"sql(
CREATE TABLE allocator_checks(
    allocator_id TEXT NOT NULL REFERENCES allocators(id) ON DELETE CASCADE ON UPDATE CASCADE,
    host_id INTEGER NOT NULL REFERENCES hosts(id) ON DELETE CASCADE,
    ts_ms INTEGER NOT NULL,
    path TEXT NOT NULL,
    present INTEGER NOT NULL,
    readable INTEGER NOT NULL,
    sha256 TEXT NOT NULL DEFAULT '',
    resolved TEXT NOT NULL DEFAULT '',
    package TEXT NOT NULL DEFAULT '',
    package_version TEXT NOT NULL DEFAULT '',
    version TEXT NOT NULL DEFAULT '',
    PRIMARY KEY(allocator_id, host_id)
) WITHOUT ROWID;
)sql",

    // v3: bulk writes. A foreign-key check on every sample row tripled the cost of an import, and
    // the ts index turned the writes of rows sorted by relay into random ones. Relay ids come
    // from the store itself; a trigger keeps the cascade. The distinct times, which "latest
    // snapshot" and the time axis need, are a small table of their own.
    R"sql(
CREATE TABLE sample_times(ts_ms INTEGER PRIMARY KEY);
INSERT INTO sample_times SELECT DISTINCT ts_ms FROM samples;
CREATE TABLE samples_v2(
    relay_id INTEGER NOT NULL,
    ts_ms INTEGER NOT NULL,
    rss_kb INTEGER NOT NULL DEFAULT -1,
    hwm_kb INTEGER NOT NULL DEFAULT -1,
    vmsize_kb INTEGER NOT NULL DEFAULT -1,
    pid INTEGER NOT NULL DEFAULT -1,
    loaded_allocator TEXT NOT NULL DEFAULT '?',
    poll_id INTEGER,
    PRIMARY KEY(relay_id, ts_ms)
) WITHOUT ROWID;
INSERT INTO samples_v2 SELECT relay_id, ts_ms, rss_kb, hwm_kb, vmsize_kb, pid, loaded_allocator, poll_id
    FROM samples ORDER BY relay_id, ts_ms;
DROP TABLE samples;
ALTER TABLE samples_v2 RENAME TO samples;
CREATE TRIGGER relays_delete_samples AFTER DELETE ON relays BEGIN
    DELETE FROM samples WHERE relay_id = old.id;
END;
)sql",

    // v4: imported history in compressed blocks (models/sampleblock.h). SQLite's insert of one
    // samples row costs 1.2-1.5 us, more than a whole import may spend per sample; a block of up
    // to 1024 samples of one relay pays it once. Polls keep writing rows. A (relay, ts) is a row
    // or in a block, never both, and the blocks of one relay never overlap in time, so
    // "the block holding T" is the one with the greatest first_ms <= T.
    R"sql(
CREATE TABLE sample_blocks(
    relay_id INTEGER NOT NULL,
    first_ms INTEGER NOT NULL,
    last_ms INTEGER NOT NULL,
    n INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY(relay_id, first_ms)
) WITHOUT ROWID;
DROP TRIGGER relays_delete_samples;
CREATE TRIGGER relays_delete_samples AFTER DELETE ON relays BEGIN
    DELETE FROM samples WHERE relay_id = old.id;
    DELETE FROM sample_blocks WHERE relay_id = old.id;
END;
)sql",

    // v5: the settings relay_config.csv gives per relay (dircache, maxmem, allocator, config),
    // kept as written: they describe the files, never what the relay really runs. A small table,
    // so a plain foreign key cascades (no trigger needed as for the bulk tables).
    R"sql(
CREATE TABLE relay_settings(
    relay_id INTEGER NOT NULL REFERENCES relays(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK(name <> ''),
    value TEXT NOT NULL,
    PRIMARY KEY(relay_id, name)
) WITHOUT ROWID;
)sql",
};

constexpr int kSchemaVersion = int(sizeof(kMigrations) / sizeof(kMigrations[0]));

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Statements: cached ones are reset (and their bindings cleared) when the wrapper goes away, so
// no read transaction stays open behind a cached statement.
// ---------------------------------------------------------------------------------------------
class Database::Stmt
{
public:
    Stmt() = default;
    Stmt(sqlite3_stmt *s, bool owned)
        : m_s(s)
        , m_owned(owned)
    { }
    Stmt(Stmt &&o) noexcept
        : m_s(o.m_s)
        , m_owned(o.m_owned)
    {
        o.m_s = nullptr;
    }
    Stmt &operator=(Stmt &&) = delete;
    Stmt(const Stmt &) = delete;
    ~Stmt()
    {
        if (!m_s)
            return;
        if (m_owned) {
            sqlite3_finalize(m_s);
        } else {
            sqlite3_reset(m_s);
            sqlite3_clear_bindings(m_s);
        }
    }
    explicit operator bool() const { return m_s != nullptr; }

    void bind(int i, qint64 v) { sqlite3_bind_int64(m_s, i, v); }
    void bind(int i, int v) { sqlite3_bind_int64(m_s, i, v); }
    void bind(int i, bool v) { sqlite3_bind_int(m_s, i, v ? 1 : 0); }
    void bind(int i, double v) { sqlite3_bind_double(m_s, i, v); }
    void bind(int i, const QString &v)
    {
        // NULL would be bound as SQL NULL; the schema uses '' for "not known". As UTF-8, the
        // database's encoding: SQLite converts UTF-16 with a loop per character (and a copy) at
        // every comparison, which cost more than the statement an import runs per relay.
        const QByteArray utf8 = v.toUtf8();
        sqlite3_bind_text(m_s, i, v.isNull() ? "" : utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    void bindBlob(int i, const QByteArray &data) // must live until the next step()
    {
        sqlite3_bind_blob(m_s, i, data.constData(), int(data.size()), SQLITE_STATIC);
    }
    // Valid until the next step() or reset().
    QByteArrayView blob(int c) const
    {
        const void *p = sqlite3_column_blob(m_s, c);
        return QByteArrayView(static_cast<const char *>(p), p ? sqlite3_column_bytes(m_s, c) : 0);
    }
    // The bytes must live until the next step(); saves a copy per row in bulk inserts.
    void bindStatic(int i, const QByteArray &utf8)
    {
        sqlite3_bind_text(m_s, i, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
    }
    void bindId(int i, Id v) // 0 = none = NULL
    {
        if (v > 0)
            sqlite3_bind_int64(m_s, i, v);
        else
            sqlite3_bind_null(m_s, i);
    }
    int paramCount() const { return sqlite3_bind_parameter_count(m_s); }
    int step() { return sqlite3_step(m_s); }
    void reset() { sqlite3_reset(m_s); }
    qint64 i64(int c) const { return sqlite3_column_int64(m_s, c); }
    bool isNull(int c) const { return sqlite3_column_type(m_s, c) == SQLITE_NULL; }
    double dbl(int c) const { return sqlite3_column_double(m_s, c); }
    QString text(int c) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_s, c));
        return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_s, c)) : QString();
    }
    // Compares without building a QString (repeated values in long series).
    bool textEquals(int c, const QByteArray &utf8) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_s, c));
        const int n = sqlite3_column_bytes(m_s, c);
        return p && n == utf8.size() && memcmp(p, utf8.constData(), size_t(n)) == 0;
    }
    QByteArray bytes(int c) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_s, c));
        return p ? QByteArray(p, sqlite3_column_bytes(m_s, c)) : QByteArray();
    }

private:
    sqlite3_stmt *m_s = nullptr;
    bool m_owned = false;
};

struct Database::Cache {
    std::unordered_map<const char *, sqlite3_stmt *> statements;
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
    qRegisterMetaType<RelaySettingRecord>();
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
    qRegisterMetaType<Id>("alloclab::Id");
}

bool DatabaseCounts::operator==(const DatabaseCounts &o) const
{
    return hosts == o.hosts && relays == o.relays && samples == o.samples && polls == o.polls
        && aggregates == o.aggregates && events == o.events && diagnostics == o.diagnostics
        && experiments == o.experiments && groups == o.groups && assignments == o.assignments
        && deployLog == o.deployLog && relaySettings == o.relaySettings;
}

// ---------------------------------------------------------------------------------------------
// Transaction
// ---------------------------------------------------------------------------------------------
Transaction::Transaction(Database &db)
    : m_db(&db)
{
    m_active = db.begin();
}

Transaction::~Transaction()
{
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

// ---------------------------------------------------------------------------------------------
// Opening
// ---------------------------------------------------------------------------------------------
int Database::schemaVersion()
{
    return kSchemaVersion;
}

QString Database::migrationSql(int toVersion)
{
    if (toVersion < 1 || toVersion > kSchemaVersion)
        return {};
    return QString::fromUtf8(kMigrations[toVersion - 1]);
}

Database::Database()
    : m_cache(std::make_unique<Cache>())
{ }

Database::~Database()
{
    close();
}

void Database::close()
{
    if (!m_db)
        return;
    for (auto &entry : m_cache->statements)
        sqlite3_finalize(entry.second);
    m_cache->statements.clear();
    sqlite3_close_v2(m_db);
    m_db = nullptr;
}

bool Database::checkOpen()
{
    m_lastError.clear();
    m_lastRc = 0;
    if (m_db)
        return true;
    m_lastError = QCoreApplication::translate("Database", "No database is open.");
    return false;
}

bool Database::failText(const QString &text)
{
    m_lastRc = 0;
    m_lastError = text;
    return false;
}

// Turns an SQLite failure into a sentence an operator can act on. `what` names the data that
// was not stored or read ("this poll", "the samples").
bool Database::fail(int rc, const QString &what)
{
    m_lastRc = rc;
    m_lastDetail = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
    m_lastNoSpace = (rc & 0xff) == SQLITE_FULL || (m_db && sqlite3_system_errno(m_db) == ENOSPC);
    m_lastError = describe(what);
    return false;
}

void Database::reword(const QString &what)
{
    if (m_lastRc != 0)
        m_lastError = describe(what);
}

QString Database::describe(const QString &what) const
{
    const QString file = nativePath(m_path);
    const QString &detail = m_lastDetail;
    const int primary = m_lastRc & 0xff;
    if (m_lastNoSpace)
        return QCoreApplication::translate(
                   "Database",
                   "The disk holding %1 is full; nothing from %2 was stored. Free some space: the next "
                   "attempt "
                   "stores again.")
            .arg(file, what);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return QCoreApplication::translate(
                   "Database",
                   "%1 stayed locked by another program for more than %2 s; nothing from %3 was stored. Try "
                   "again.")
            .arg(file)
            .arg(m_busyTimeoutMs / 1000.0)
            .arg(what);
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        return QCoreApplication::translate("Database",
                                           "%1 is damaged (%2). AllocLab changed nothing; restore a backup, "
                                           "or try sqlite3's .recover "
                                           "on "
                                           "a copy.")
            .arg(file, detail);
    if (primary == SQLITE_READONLY || primary == SQLITE_PERM || primary == SQLITE_CANTOPEN)
        return QCoreApplication::translate(
                   "Database",
                   "%1 cannot be written (%2); nothing from %3 was stored. Check the permissions of the file "
                   "and "
                   "its folder.")
            .arg(file, detail, what);
    if (primary == SQLITE_IOERR)
        return QCoreApplication::translate("Database",
                                           "Reading or writing %1 failed (%2); nothing from %3 was stored.")
            .arg(file, detail, what);
    if (primary == SQLITE_CONSTRAINT)
        return QCoreApplication::translate("Database",
                                           "The database %1 refused %2 (%3); nothing of it was stored.")
            .arg(file, what, detail);
    return QCoreApplication::translate("Database", "The database %1 failed on %2: %3.")
        .arg(file, what, detail);
}

bool Database::exec(const QString &sql)
{
    if (!checkOpen())
        return false;
    char *msg = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK)
        return fail(rc, QCoreApplication::translate("Database", "a statement"));
    return true;
}

namespace {
// The first 100 bytes of the file, read through the default VFS (see Database::open).
QByteArray readHeader(const QString &path, QString *error)
{
    sqlite3_vfs *vfs = sqlite3_vfs_find(nullptr);
    if (!vfs) {
        *error = QStringLiteral("no SQLite VFS");
        return {};
    }
    std::unique_ptr<char[]> storage(new char[size_t(vfs->szOsFile)]());
    auto *f = reinterpret_cast<sqlite3_file *>(storage.get());
    const QByteArray name = QFile::encodeName(path);
    int outFlags = 0;
    int rc = vfs->xOpen(vfs, name.constData(), f, SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_READONLY, &outFlags);
    if (rc != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errstr(rc));
        return {};
    }
    QByteArray head(100, '\0');
    rc = f->pMethods->xRead(f, head.data(), int(head.size()), 0);
    f->pMethods->xClose(f);
    if (rc == SQLITE_IOERR_SHORT_READ)
        return {}; // shorter than a header: not a database
    if (rc != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errstr(rc));
        return {};
    }
    return head;
}

// A new database starts as a copy of the empty one the build made with these same migrations
// (app/emptydb.cpp): replaying the migrations costs SQLite about ten times what opening a file of
// that schema does, more than importing a small memory.csv. Best effort: when the copy cannot be
// made (no resource in a build tool, a file system without hard links, ...) open() runs the
// migrations as for any file without our schema.
void createFromTemplate(const QString &path)
{
    const QResource empty(QStringLiteral(":/store/empty.sqlite"));
    if (!empty.isValid() || empty.compressionAlgorithm() != QResource::NoCompression || empty.size() < 100)
        return;
    // Written under a unique name and linked into place, so nobody ever opens a partial copy and
    // a file another process created meanwhile is kept (link() does not replace).
    const QByteArray name = QFile::encodeName(path);
    const QByteArray tmp = name + ".new-" + QByteArray::number(qint64(::getpid())) + '-'
        + QByteArray::number(QRandomGenerator::global()->generate(), 16);
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    const char *p = reinterpret_cast<const char *>(empty.data());
    qint64 left = empty.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        p += n;
        left -= n;
    }
    // Durable before it has its name: a crash must never leave a named file of zeros.
    const bool written = left == 0 && ::fsync(fd) == 0;
    ::close(fd);
    if (written)
        (void)::link(tmp.constData(), name.constData());
    ::unlink(tmp.constData());
}
} // namespace

bool Database::open(const QString &path, OpenMode mode, QString *error)
{
    close();
    m_lastError.clear();
    m_path = path;
    auto refuse = [&](const QString &message) {
        m_lastError = message;
        if (error)
            *error = message;
        close();
        return false;
    };
    const QString file = nativePath(path);
    if (path.isEmpty())
        return refuse(QCoreApplication::translate("Database", "No database file was given."));

    QFileInfo info(path);
    if (info.exists()) {
        if (!info.isFile())
            return refuse(QCoreApplication::translate("Database", "%1 is not a file.").arg(file));
        // Look at the header before SQLite does: a foreign file is refused without being touched
        // (opening it as a database could leave -wal/-shm files or, for WAL, rewrite its header).
        if (info.size() > 0) {
            // Through SQLite's own VFS, never a QFile: closing any other descriptor of the file
            // drops every POSIX lock this process holds on it, so a second connection in the
            // same process (the Store's reader beside its writer, a check beside the GUI) would
            // let another process think it is alone and delete the WAL under us. The VFS keeps
            // such a descriptor open until the process's own locks are gone.
            QString readError;
            const QByteArray head = readHeader(path, &readError);
            if (!readError.isEmpty())
                return refuse(
                    QCoreApplication::translate("Database", "%1 cannot be read: %2.").arg(file, readError));
            if (head.size() < 100 || !head.startsWith(QByteArray("SQLite format 3\0", 16)))
                return refuse(
                    QCoreApplication::translate(
                        "Database",
                        "%1 is not an AllocLab database (it is not an SQLite file, or it is damaged). "
                        "Nothing was changed; choose another file.")
                        .arg(file));
        }
    } else {
        if (mode == OpenMode::ExistingOnly)
            return refuse(QCoreApplication::translate("Database", "There is no database at %1.").arg(file));
        if (!QDir().mkpath(info.absolutePath()))
            return refuse(QCoreApplication::translate("Database", "The folder %1 cannot be created.")
                              .arg(QDir::toNativeSeparators(info.absolutePath())));
        createFromTemplate(path);
    }

    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (mode == OpenMode::CreateIfMissing)
        flags |= SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        fail(rc, QCoreApplication::translate("Database", "opening"));
        const QString message = QCoreApplication::translate("Database", "%1 cannot be opened: %2")
                                    .arg(file, QString::fromUtf8(sqlite3_errstr(rc)));
        return refuse(message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, m_busyTimeoutMs);
    if (sqlite3_db_readonly(m_db, "main") == 1)
        return refuse(
            QCoreApplication::translate("Database",
                                        "%1 cannot be written (the file or its folder is read-only). "
                                        "Nothing was changed; check the permissions.")
                .arg(file));

    // Read-only inspection first: nothing is written until the file is known to be ours.
    qint64 appId = 0;
    qint64 version = 0;
    qint64 objects = 0;
    {
        Stmt s = prepareOnce(QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id), "
                                            "(SELECT user_version FROM pragma_user_version), "
                                            "(SELECT count(*) FROM sqlite_master)"));
        if (!s) {
            const QString m = m_lastError;
            return refuse(m);
        }
        rc = s.step();
        if (rc != SQLITE_ROW) {
            fail(rc, QCoreApplication::translate("Database", "opening"));
            return refuse(m_lastError);
        }
        appId = s.i64(0);
        version = s.i64(1);
        objects = s.i64(2);
    }
    const bool fresh = appId == 0 && version == 0 && objects == 0;
    if (!fresh && appId != ApplicationId)
        return refuse(
            QCoreApplication::translate(
                "Database",
                "%1 is an SQLite database of another program, not an AllocLab database. Nothing was "
                "changed; choose another file.")
                .arg(file));
    if (version > kSchemaVersion)
        return refuse(QCoreApplication::translate(
                          "Database",
                          "%1 was written by a newer AllocLab (schema %2, this version knows %3); upgrade "
                          "AllocLab. Nothing was changed.")
                          .arg(file)
                          .arg(version)
                          .arg(kSchemaVersion));

    // WAL: the GUI reads while a collector writes. NORMAL is durable across application crashes;
    // a power cut may lose the last commits but never corrupts.
    {
        Stmt s = prepareOnce(QStringLiteral("PRAGMA journal_mode=WAL"));
        rc = s ? s.step() : SQLITE_ERROR;
        if (rc != SQLITE_ROW) {
            fail(rc, QCoreApplication::translate("Database", "opening"));
            return refuse(m_lastError);
        }
        if (s.text(0).compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            return refuse(
                QCoreApplication::translate(
                    "Database", "%1 cannot use write-ahead logging (the file system may not support it).")
                    .arg(file));
    }
    if (!exec(QStringLiteral("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32000;")))
        return refuse(m_lastError);

    QString migrateError;
    if (!migrate(&migrateError))
        return refuse(migrateError);
    m_walPages = 0;
    setCheckpointMode(m_checkpointMode);
    return true;
}

bool Database::migrate(QString *error)
{
    // All missing steps in one transaction: a file is upgraded entirely or not at all, and a new
    // file costs one commit instead of one per step (about a sixth fewer writes; creating a
    // database is most of the cost of importing a small file).
    // The version is re-read inside the write lock: another process may have migrated meanwhile.
    char *msg = nullptr;
    int rc = sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK) {
        fail(rc, QCoreApplication::translate("Database", "the schema upgrade"));
        *error = m_lastError;
        return false;
    }
    bool ok = false;
    const qint64 current = scalar("SELECT user_version FROM pragma_user_version", 0, &ok);
    if (!ok) {
        *error = m_lastError;
        rollback();
        return false;
    }
    if (current >= kSchemaVersion) {
        rollback();
        return true;
    }
    for (int to = int(current) + 1; to <= kSchemaVersion; ++to) {
        const QByteArray sql = QByteArray(kMigrations[to - 1])
            + "\nPRAGMA user_version = " + QByteArray::number(to)
            + ";\nPRAGMA application_id = " + QByteArray::number(ApplicationId) + ";\n";
        msg = nullptr;
        rc = sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &msg);
        const QString detail = msg ? QString::fromUtf8(msg) : QString();
        sqlite3_free(msg);
        if (rc == SQLITE_OK && to == kSchemaVersion)
            rc = sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            fail(rc, QCoreApplication::translate("Database", "the schema upgrade"));
            *error = QCoreApplication::translate(
                         "Database",
                         "Upgrading %1 from schema %2 to %3 failed (%4); the file was left at schema %2.")
                         .arg(nativePath(m_path))
                         .arg(current)
                         .arg(to)
                         .arg(detail.isEmpty() ? m_lastError : detail);
            rollback();
            m_lastError = *error;
            return false;
        }
    }
    return true;
}

int Database::fileSchemaVersion()
{
    if (!checkOpen())
        return -1;
    bool ok = false;
    const qint64 v = scalar("SELECT user_version FROM pragma_user_version", 0, &ok);
    return ok ? int(v) : -1;
}

void Database::setBusyTimeout(int ms)
{
    m_busyTimeoutMs = ms;
    if (m_db)
        sqlite3_busy_timeout(m_db, ms);
}

void Database::setCheckpointMode(CheckpointMode mode)
{
    m_checkpointMode = mode;
    if (!m_db)
        return;
    if (mode == CheckpointMode::Automatic) {
        sqlite3_wal_autocheckpoint(m_db, 1000); // replaces our hook
    } else {
        // The hook replaces SQLite's automatic checkpoint; it only records the log size.
        sqlite3_wal_hook(
            m_db,
            [](void *self, sqlite3 *, const char *, int pages) {
                static_cast<Database *>(self)->m_walPages = pages;
                return SQLITE_OK;
            },
            this);
    }
}

bool Database::checkpointIfDue(int minPages)
{
    if (!checkOpen())
        return false;
    if (m_checkpointMode == CheckpointMode::Manual && m_walPages < minPages)
        return true;
    int logPages = 0;
    int done = 0;
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logPages, &done);
    if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY)
        return fail(rc, QCoreApplication::translate("Database", "the checkpoint"));
    // Readers may pin part of the log; what is left counts towards the next attempt.
    m_walPages = logPages > 0 ? logPages - done : 0;
    return true;
}

Database::Stmt Database::prepare(const char *sql)
{
    auto it = m_cache->statements.find(sql);
    if (it != m_cache->statements.end())
        return Stmt(it->second, false);
    sqlite3_stmt *s = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr);
    if (rc != SQLITE_OK) {
        fail(rc, QCoreApplication::translate("Database", "a query"));
        return Stmt();
    }
    m_cache->statements.emplace(sql, s);
    return Stmt(s, false);
}

Database::Stmt Database::prepareOnce(const QString &sql)
{
    sqlite3_stmt *s = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &s, nullptr);
    if (rc != SQLITE_OK) {
        fail(rc, QCoreApplication::translate("Database", "a query"));
        return Stmt();
    }
    return Stmt(s, true);
}

qint64 Database::scalar(const char *sql, qint64 arg, bool *ok)
{
    *ok = false;
    Stmt s = prepare(sql);
    if (!s)
        return 0;
    if (s.paramCount() > 0)
        s.bind(1, arg);
    const int rc = s.step();
    if (rc == SQLITE_ROW) {
        *ok = true;
        return s.i64(0);
    }
    if (rc == SQLITE_DONE) {
        *ok = true;
        return 0;
    }
    fail(rc, QCoreApplication::translate("Database", "a query"));
    return 0;
}

bool Database::inTransaction() const
{
    return m_db && sqlite3_get_autocommit(m_db) == 0;
}

bool Database::begin()
{
    if (!checkOpen())
        return false;
    if (inTransaction())
        return failText(QCoreApplication::translate("Database", "A transaction is already open on %1.")
                            .arg(nativePath(m_path)));
    // IMMEDIATE takes the write lock now (waiting up to the busy timeout), so a transaction never
    // fails half-way with SQLITE_BUSY when it upgrades from reading to writing.
    const int rc = sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return fail(rc, QCoreApplication::translate("Database", "this change"));
    return true;
}

bool Database::commit()
{
    const int rc = sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        fail(rc, QCoreApplication::translate("Database", "this change"));
        const QString keep = m_lastError;
        rollback();
        m_lastError = keep;
        return false;
    }
    return true;
}

void Database::rollback()
{
    // After some errors (SQLITE_FULL, IOERR) SQLite has already rolled back by itself.
    if (m_db && sqlite3_get_autocommit(m_db) == 0)
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

namespace {
// Runs the body in its own transaction unless the caller holds one (Transaction).
class AutoTx
{
public:
    AutoTx(Database &db, bool own)
        : m_own(own)
    {
        if (own)
            m_tx.emplace(db);
    }
    bool ok() const { return !m_own || m_tx->isActive(); }
    bool commit() { return !m_own || m_tx->commit(); }

private:
    bool m_own;
    std::optional<Transaction> m_tx;
};
} // namespace

// ---------------------------------------------------------------------------------------------
// Hosts
// ---------------------------------------------------------------------------------------------
Id Database::upsertHost(const HostRecord &host)
{
    if (!checkOpen())
        return 0;
    const QString name = host.name.trimmed();
    if (name.isEmpty()) {
        failText(QCoreApplication::translate("Database", "A host needs a name."));
        return 0;
    }
    Stmt s = prepare("INSERT INTO hosts(name, target, note) VALUES(?1, ?2, ?3) "
                     "ON CONFLICT(name) DO UPDATE SET target = excluded.target, note = excluded.note "
                     "RETURNING id");
    if (!s)
        return 0;
    s.bind(1, name);
    s.bind(2, host.target);
    s.bind(3, host.note);
    const int rc = s.step();
    if (rc != SQLITE_ROW) {
        fail(rc, QCoreApplication::translate("Database", "the host %1").arg(name));
        return 0;
    }
    const Id id = s.i64(0);
    s.step(); // finish the statement so the autocommit happens now
    return id;
}

QList<HostRecord> Database::hosts()
{
    QList<HostRecord> out;
    if (!checkOpen())
        return out;
    Stmt s = prepare("SELECT id, name, target, note FROM hosts ORDER BY name");
    if (!s)
        return out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.append(HostRecord { s.i64(0), s.text(1), s.text(2), s.text(3) });
    if (rc != SQLITE_DONE)
        fail(rc, QCoreApplication::translate("Database", "the host list"));
    return out;
}

std::optional<HostRecord> Database::host(const QString &name)
{
    if (!checkOpen())
        return std::nullopt;
    Stmt s = prepare("SELECT id, name, target, note FROM hosts WHERE name = ?1");
    if (!s)
        return std::nullopt;
    s.bind(1, name);
    const int rc = s.step();
    if (rc == SQLITE_ROW)
        return HostRecord { s.i64(0), s.text(1), s.text(2), s.text(3) };
    if (rc != SQLITE_DONE)
        fail(rc, QCoreApplication::translate("Database", "the host %1").arg(name));
    return std::nullopt;
}

std::optional<HostRecord> Database::host(Id id)
{
    if (!checkOpen())
        return std::nullopt;
    Stmt s = prepare("SELECT id, name, target, note FROM hosts WHERE id = ?1");
    if (!s)
        return std::nullopt;
    s.bind(1, id);
    const int rc = s.step();
    if (rc == SQLITE_ROW)
        return HostRecord { s.i64(0), s.text(1), s.text(2), s.text(3) };
    if (rc != SQLITE_DONE)
        fail(rc, QCoreApplication::translate("Database", "a host"));
    return std::nullopt;
}

bool Database::removeHost(const QString &name)
{
    if (!checkOpen())
        return false;
    Stmt s = prepare("DELETE FROM hosts WHERE name = ?1");
    if (!s)
        return false;
    s.bind(1, name);
    const int rc = s.step();
    if (rc != SQLITE_DONE)
        return fail(rc, QCoreApplication::translate("Database", "removing the host %1").arg(name));
    if (sqlite3_changes(m_db) == 0)
        return failText(QCoreApplication::translate("Database", "There is no host named '%1'.").arg(name));
    return true;
}

// ---------------------------------------------------------------------------------------------
// Relays
// ---------------------------------------------------------------------------------------------
#define RELAY_SELECT "SELECT id, host_id, server, instance, nickname, fingerprint FROM relays "

static RelayRecord relayFrom(const Database::Stmt &s);

Id Database::resolveRelay(const RelayRecord &relay)
{
    if (!checkOpen())
        return 0;
    AutoTx t(*this, !inTransaction());
    if (!t.ok())
        return 0;
    const Id id = resolveRelayLocked(relay);
    if (id == 0 || !t.commit())
        return 0;
    return id;
}

Id Database::resolveRelayLocked(const RelayRecord &in)
{
    const QString fp = in.fingerprint.trimmed().toUpper();
    const QString instance = in.instance.trimmed();
    const QString nickname = in.nickname.trimmed();
    const Id hostId = in.hostId > 0 ? in.hostId : 0;
    QString server = in.server.trimmed();
    if (server.isEmpty() && hostId) {
        if (const auto h = host(hostId))
            server = h->name;
    }
    const QString who = !nickname.isEmpty() ? nickname : (!fp.isEmpty() ? fp : instance);
    if (fp.isEmpty() && nickname.isEmpty() && (hostId == 0 || instance.isEmpty())) {
        failText(QCoreApplication::translate(
            "Database", "A relay needs a fingerprint, a host and instance, or a nickname to be recognised."));
        return 0;
    }

    std::optional<RelayRecord> found;
    auto lookup = [&](Stmt &s) -> bool {
        const int rc = s.step();
        if (rc == SQLITE_ROW) {
            found = relayFrom(s);
            return true;
        }
        if (rc != SQLITE_DONE)
            return fail(rc, QCoreApplication::translate("Database", "the relay %1").arg(who));
        return true;
    };
    if (!fp.isEmpty()) {
        Stmt s
            = prepare(RELAY_SELECT
                      "WHERE fingerprint = ?1 AND fingerprint <> ''"); // <> '': lets the partial index serve
        if (!s)
            return 0;
        s.bind(1, fp);
        if (!lookup(s))
            return 0;
    }
    if (!found && hostId && !instance.isEmpty()) {
        // Without a fingerprint of our own, whoever runs there is the relay; with one, only a
        // row that has none yet can be the same relay (otherwise the instance was re-keyed).
        Stmt s = prepare(RELAY_SELECT
                         "WHERE host_id = ?1 AND instance = ?2 AND host_id IS NOT NULL AND instance <> '' "
                         "AND (?3 = '' OR fingerprint = '')");
        if (!s)
            return 0;
        s.bind(1, hostId);
        s.bind(2, instance);
        s.bind(3, fp);
        if (!lookup(s))
            return 0;
    }
    if (!found && !nickname.isEmpty()) {
        // Imported rows know only server+nickname. Merge with a row that cannot contradict us:
        // no fingerprint if we have one, no instance if we have one. The newest row wins.
        Stmt s = prepare(RELAY_SELECT "WHERE server = ?1 AND nickname = ?2 "
                                      "AND (?3 = '' OR fingerprint = '') AND (?4 = '' OR instance = '') "
                                      "ORDER BY id DESC LIMIT 1");
        if (!s)
            return 0;
        s.bind(1, server);
        s.bind(2, nickname);
        s.bind(3, fp);
        s.bind(4, hostId && !instance.isEmpty() ? instance : QString());
        if (!lookup(s))
            return 0;
    }

    RelayRecord want;
    if (found) {
        want = *found;
        if (hostId)
            want.hostId = hostId;
        if (!server.isEmpty())
            want.server = server;
        if (!instance.isEmpty() && hostId)
            want.instance = instance;
        if (!nickname.isEmpty())
            want.nickname = nickname;
        if (!fp.isEmpty())
            want.fingerprint = fp;
        if (want.hostId == found->hostId && want.server == found->server && want.instance == found->instance
            && want.nickname == found->nickname && want.fingerprint == found->fingerprint)
            return found->id; // the common case on every poll: nothing new learned
    } else {
        want = RelayRecord { 0, hostId, server, hostId ? instance : QString(), nickname, fp };
    }

    // An instance lives at one relay: a re-keyed or re-created relay takes it over.
    if (want.hostId && !want.instance.isEmpty()) {
        Stmt s = prepare("UPDATE relays SET instance = '' WHERE host_id = ?1 AND instance = ?2 AND id <> ?3");
        if (!s)
            return 0;
        s.bind(1, want.hostId);
        s.bind(2, want.instance);
        s.bind(3, want.id);
        const int rc = s.step();
        if (rc != SQLITE_DONE) {
            fail(rc, QCoreApplication::translate("Database", "the relay %1").arg(who));
            return 0;
        }
    }
    if (found) {
        Stmt s = prepare("UPDATE relays SET host_id = ?2, server = ?3, instance = ?4, nickname = ?5, "
                         "fingerprint = ?6 WHERE id = ?1");
        if (!s)
            return 0;
        s.bind(1, want.id);
        s.bindId(2, want.hostId);
        s.bind(3, want.server);
        s.bind(4, want.instance);
        s.bind(5, want.nickname);
        s.bind(6, want.fingerprint);
        const int rc = s.step();
        if (rc != SQLITE_DONE) {
            fail(rc, QCoreApplication::translate("Database", "the relay %1").arg(who));
            return 0;
        }
        return want.id;
    }
    Stmt s = prepare("INSERT INTO relays(host_id, server, instance, nickname, fingerprint) "
                     "VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!s)
        return 0;
    s.bindId(1, want.hostId);
    s.bind(2, want.server);
    s.bind(3, want.instance);
    s.bind(4, want.nickname);
    s.bind(5, want.fingerprint);
    const int rc = s.step();
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "the relay %1").arg(who));
        return 0;
    }
    return sqlite3_last_insert_rowid(m_db);
}

static RelayRecord relayFrom(const Database::Stmt &s)
{
    return RelayRecord { s.i64(0), s.i64(1), s.text(2), s.text(3), s.text(4), s.text(5) };
}

QList<RelayRecord> Database::relays()
{
    QList<RelayRecord> out;
    if (!checkOpen())
        return out;
    Stmt s = prepare(RELAY_SELECT "ORDER BY server, nickname, id");
    if (!s)
        return out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.append(relayFrom(s));
    if (rc != SQLITE_DONE)
        fail(rc, QCoreApplication::translate("Database", "the relay list"));
    return out;
}

QList<RelayRecord> Database::relaysOfHost(Id hostId)
{
    QList<RelayRecord> out;
    if (!checkOpen())
        return out;
    Stmt s = prepare(RELAY_SELECT "WHERE host_id = ?1 ORDER BY instance, nickname, id");
    if (!s)
        return out;
    s.bind(1, hostId);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.append(relayFrom(s));
    if (rc != SQLITE_DONE)
        fail(rc, QCoreApplication::translate("Database", "the relay list"));
    return out;
}

std::optional<RelayRecord> Database::relay(Id id)
{
    if (!checkOpen())
        return std::nullopt;
    Stmt s = prepare(RELAY_SELECT "WHERE id = ?1");
    if (!s)
        return std::nullopt;
    s.bind(1, id);
    const int rc = s.step();
    if (rc == SQLITE_ROW)
        return relayFrom(s);
    if (rc != SQLITE_DONE)
        fail(rc, QCoreApplication::translate("Database", "a relay"));
    return std::nullopt;
}

QList<RelayRecord> Database::findRelays(const QString &keyIn)
{
    QList<RelayRecord> out;
    if (!checkOpen())
        return out;
    const QString key = keyIn.trimmed();
    const int slash = int(key.indexOf(QLatin1Char('/')));
    Stmt s = slash > 0
        ? prepare(RELAY_SELECT "WHERE (server = ?1 OR host_id IN (SELECT id FROM hosts WHERE name = ?1)) "
                               "AND instance = ?2 ORDER BY id")
        : prepare(RELAY_SELECT "WHERE fingerprint = upper(?1) OR nickname = ?1 ORDER BY server, id");
    if (!s)
        return out;
    if (slash > 0) {
        s.bind(1, key.left(slash));
        s.bind(2, key.mid(slash + 1));
    } else {
        s.bind(1, key);
    }
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.append(relayFrom(s));
    if (rc != SQLITE_DONE)
        fail(rc, QCoreApplication::translate("Database", "the relay %1").arg(key));
    return out;
}

// ---------------------------------------------------------------------------------------------
// Allocators
// ---------------------------------------------------------------------------------------------
QList<AllocatorRecord> Database::allocators()
{
    QList<AllocatorRecord> out;
    if (!checkOpen())
        return out;
    Stmt s = prepare("SELECT id, name, version, path, sha256 FROM allocators ORDER BY id");
    if (!s)
        return out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.append(AllocatorRecord { s.text(0), s.text(1), s.text(2), s.text(3), s.text(4) });
    if (rc != SQLITE_DONE)
        fail(rc, QCoreApplication::translate("Database", "the allocator catalog"));
    return out;
}

std::optional<AllocatorRecord> Database::allocator(const QString &id)
{
    if (!checkOpen())
        return std::nullopt;
    Stmt s = prepare("SELECT id, name, version, path, sha256 FROM allocators WHERE id = ?1");
    if (!s)
        return std::nullopt;
    s.bind(1, id);
    const int rc = s.step();
    if (rc == SQLITE_ROW)
        return AllocatorRecord { s.text(0), s.text(1), s.text(2), s.text(3), s.text(4) };
    if (rc != SQLITE_DONE)
        fail(rc, QCoreApplication::translate("Database", "the allocator %1").arg(id));
    return std::nullopt;
}

bool Database::upsertAllocator(const AllocatorRecord &a)
{
    if (!checkOpen())
        return false;
    if (a.id.trimmed().isEmpty())
        return failText(QCoreApplication::translate("Database", "An allocator needs an id."));
    Stmt s = prepare("INSERT INTO allocators(id, name, version, path, sha256) VALUES(?1, ?2, ?3, ?4, ?5) "
                     "ON CONFLICT(id) DO UPDATE SET name = excluded.name, version = excluded.version, "
                     "path = excluded.path, sha256 = excluded.sha256");
    if (!s)
        return false;
    s.bind(1, a.id.trimmed());
    s.bind(2, a.name.isEmpty() ? a.id.trimmed() : a.name);
    s.bind(3, a.version);
    s.bind(4, a.path);
    s.bind(5, a.sha256);
    const int rc = s.step();
    if (rc != SQLITE_DONE)
        return fail(rc, QCoreApplication::translate("Database", "the allocator %1").arg(a.id));
    return true;
}

bool Database::removeAllocator(const QString &id)
{
    if (!checkOpen())
        return false;
    Stmt use = prepare("SELECT count(*) FROM experiment_groups WHERE allocator_id = ?1");
    if (!use)
        return false;
    use.bind(1, id);
    int rc = use.step();
    if (rc != SQLITE_ROW)
        return fail(rc, QCoreApplication::translate("Database", "the allocator %1").arg(id));
    const qint64 groups = use.i64(0);
    use.reset();
    if (groups > 0)
        return failText(
            QCoreApplication::translate(
                "Database",
                "The allocator '%1' is used by %n experiment group(s); remove those groups first.", nullptr,
                int(groups))
                .arg(id));
    Stmt s = prepare("DELETE FROM allocators WHERE id = ?1");
    if (!s)
        return false;
    s.bind(1, id);
    rc = s.step();
    if (rc != SQLITE_DONE)
        return fail(rc, QCoreApplication::translate("Database", "removing the allocator %1").arg(id));
    if (sqlite3_changes(m_db) == 0)
        return failText(QCoreApplication::translate("Database", "There is no allocator '%1'.").arg(id));
    return true;
}

bool Database::setAllocatorHostPath(const QString &allocatorId, Id hostId, const QString &path)
{
    if (!checkOpen())
        return false;
    Stmt s = path.isEmpty()
        ? prepare("DELETE FROM allocator_host_paths WHERE allocator_id = ?1 AND host_id = ?2")
        : prepare("INSERT INTO allocator_host_paths(allocator_id, host_id, path) "
                  "VALUES(?1, ?2, ?3) ON CONFLICT DO UPDATE SET path = excluded.path");
    if (!s)
        return false;
    s.bind(1, allocatorId);
    s.bind(2, hostId);
    if (!path.isEmpty())
        s.bind(3, path);
    const int rc = s.step();
    if (rc != SQLITE_DONE)
        return fail(rc, QCoreApplication::translate("Database", "the path of %1 on a host").arg(allocatorId));
    return true;
}

QString Database::allocatorHostPath(const QString &allocatorId, Id hostId)
{
    if (!checkOpen())
        return {};
    Stmt s = prepare("SELECT path FROM allocator_host_paths WHERE allocator_id = ?1 AND host_id = ?2");
    if (!s)
        return {};
    s.bind(1, allocatorId);
    s.bind(2, hostId);
    const int rc = s.step();
    if (rc == SQLITE_ROW)
        return s.text(0);
    if (rc != SQLITE_DONE)
        fail(rc, QCoreApplication::translate("Database", "the path of %1 on a host").arg(allocatorId));
    return {};
}

bool Database::saveAllocatorChecks(Id hostId, const QList<AllocatorCheck> &checks)
{
    if (!checkOpen())
        return false;
    const bool own = !inTransaction();
    if (own && !begin())
        return false;
    for (const AllocatorCheck &c : checks) {
        Stmt s
            = prepare("INSERT INTO allocator_checks(allocator_id, host_id, ts_ms, path, present, readable, "
                      "sha256, resolved, package, package_version, version) "
                      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                      "ON CONFLICT(allocator_id, host_id) DO UPDATE SET ts_ms = excluded.ts_ms, "
                      "path = excluded.path, present = excluded.present, readable = excluded.readable, "
                      "sha256 = excluded.sha256, resolved = excluded.resolved, package = excluded.package, "
                      "package_version = excluded.package_version, version = excluded.version");
        if (!s) {
            if (own)
                rollback();
            return false;
        }
        s.bind(1, c.allocatorId);
        s.bind(2, hostId);
        s.bind(3, c.checkedMs);
        s.bind(4, c.path);
        s.bind(5, c.present);
        s.bind(6, c.readable);
        s.bind(7, c.sha256);
        s.bind(8, c.resolvedPath);
        s.bind(9, c.package);
        s.bind(10, c.packageVersion);
        s.bind(11, c.version);
        const int rc = s.step();
        if (rc != SQLITE_DONE) {
            fail(rc, QCoreApplication::translate("Database", "the check of %1 on a host").arg(c.allocatorId));
            if (own)
                rollback();
            return false;
        }
    }
    return !own || commit();
}

QList<AllocatorCheck> Database::allocatorChecks()
{
    QList<AllocatorCheck> out;
    if (!checkOpen())
        return out;
    Stmt s = prepare(
        "SELECT h.name, c.allocator_id, c.ts_ms, c.path, c.present, c.readable, c.sha256, c.resolved, "
        "c.package, c.package_version, c.version FROM allocator_checks c "
        "JOIN hosts h ON h.id = c.host_id ORDER BY h.name, c.allocator_id");
    if (!s)
        return out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        AllocatorCheck c;
        c.host = s.text(0);
        c.allocatorId = s.text(1);
        c.checkedMs = s.i64(2);
        c.path = s.text(3);
        c.present = s.i64(4) != 0;
        c.readable = s.i64(5) != 0;
        c.sha256 = s.text(6);
        c.resolvedPath = s.text(7);
        c.package = s.text(8);
        c.packageVersion = s.text(9);
        c.version = s.text(10);
        out << c;
    }
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "the allocator checks"));
        return {};
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Experiments, groups, assignments
// ---------------------------------------------------------------------------------------------
Id Database::upsertExperiment(const ExperimentRecord &e)
{
    if (!checkOpen())
        return 0;
    const QString name = e.name.trimmed();
    if (name.isEmpty()) {
        failText(QCoreApplication::translate("Database", "An experiment needs a name."));
        return 0;
    }
    QSet<QString> letters;
    for (const GroupRecord &g : e.groups) {
        if (g.letter.size() != 1 || g.letter.at(0) < QLatin1Char('A') || g.letter.at(0) > QLatin1Char('Z')) {
            failText(QCoreApplication::translate(
                         "Database", "Group '%1' of experiment '%2': a group is named by one letter A to Z.")
                         .arg(g.letter, name));
            return 0;
        }
        if (letters.contains(g.letter)) {
            failText(QCoreApplication::translate("Database", "Experiment '%1' lists group %2 twice.")
                         .arg(name, g.letter));
            return 0;
        }
        letters.insert(g.letter);
    }
    AutoTx t(*this, !inTransaction());
    if (!t.ok())
        return 0;
    for (const GroupRecord &g : e.groups) {
        if (!g.allocatorId.isEmpty() && !allocator(g.allocatorId)) {
            if (m_lastError.isEmpty())
                failText(
                    QCoreApplication::translate(
                        "Database",
                        "Group %1 of experiment '%2' names the allocator '%3', which is not in the catalog "
                        "(see 'alloclab-cli allocators list').")
                        .arg(g.letter, name, g.allocatorId));
            return 0;
        }
    }
    Id id = 0;
    {
        Stmt s = prepare(
            "INSERT INTO experiments(name, hypothesis, notes, start_ms, end_ms) VALUES(?1, ?2, ?3, ?4, ?5) "
            "ON CONFLICT(name) DO UPDATE SET hypothesis = excluded.hypothesis, notes = excluded.notes, "
            "start_ms = excluded.start_ms, end_ms = excluded.end_ms RETURNING id");
        if (!s)
            return 0;
        s.bind(1, name);
        s.bind(2, e.hypothesis);
        s.bind(3, e.notes);
        s.bind(4, e.startMs);
        s.bind(5, e.endMs);
        const int rc = s.step();
        if (rc != SQLITE_ROW) {
            fail(rc, QCoreApplication::translate("Database", "the experiment %1").arg(name));
            return 0;
        }
        id = s.i64(0);
        s.step();
    }
    for (const GroupRecord &g : e.groups) {
        Stmt s = prepare(
            "INSERT INTO experiment_groups(experiment_id, letter, label, allocator_id, colour) "
            "VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(experiment_id, letter) DO UPDATE SET "
            "label = excluded.label, allocator_id = excluded.allocator_id, colour = excluded.colour");
        if (!s)
            return 0;
        s.bind(1, id);
        s.bind(2, g.letter);
        s.bind(3, g.label);
        if (!g.allocatorId.isEmpty()) // unbound = NULL: no allocator chosen yet
            s.bind(4, g.allocatorId);
        s.bind(5, g.colour);
        const int rc = s.step();
        if (rc != SQLITE_DONE) {
            fail(
                rc,
                QCoreApplication::translate("Database", "group %1 of the experiment %2").arg(g.letter, name));
            return 0;
        }
    }
    {
        // Groups no longer listed go, with their assignment history.
        QStringList keep(letters.begin(), letters.end());
        Stmt s = prepare("DELETE FROM experiment_groups WHERE experiment_id = ?1 "
                         "AND instr(?2, ',' || letter || ',') = 0");
        if (!s)
            return 0;
        s.bind(1, id);
        s.bind(2, QLatin1Char(',') + keep.join(QLatin1Char(',')) + QLatin1Char(','));
        const int rc = s.step();
        if (rc != SQLITE_DONE) {
            fail(rc, QCoreApplication::translate("Database", "the experiment %1").arg(name));
            return 0;
        }
    }
    if (!t.commit())
        return 0;
    return id;
}

std::optional<ExperimentRecord> Database::experiment(const QString &name)
{
    if (!checkOpen())
        return std::nullopt;
    Stmt s = prepare("SELECT id FROM experiments WHERE name = ?1");
    if (!s)
        return std::nullopt;
    s.bind(1, name);
    const int rc = s.step();
    if (rc == SQLITE_DONE)
        return std::nullopt;
    if (rc != SQLITE_ROW) {
        fail(rc, QCoreApplication::translate("Database", "the experiment %1").arg(name));
        return std::nullopt;
    }
    const Id id = s.i64(0);
    s.reset();
    return experiment(id);
}

std::optional<ExperimentRecord> Database::experiment(Id id)
{
    if (!checkOpen())
        return std::nullopt;
    ExperimentRecord e;
    {
        Stmt s
            = prepare("SELECT id, name, hypothesis, notes, start_ms, end_ms FROM experiments WHERE id = ?1");
        if (!s)
            return std::nullopt;
        s.bind(1, id);
        const int rc = s.step();
        if (rc == SQLITE_DONE)
            return std::nullopt;
        if (rc != SQLITE_ROW) {
            fail(rc, QCoreApplication::translate("Database", "an experiment"));
            return std::nullopt;
        }
        e = ExperimentRecord { s.i64(0), s.text(1), s.text(2), s.text(3), s.i64(4), s.i64(5), {} };
    }
    Stmt s = prepare("SELECT id, experiment_id, letter, label, coalesce(allocator_id, ''), colour "
                     "FROM experiment_groups WHERE experiment_id = ?1 ORDER BY letter");
    if (!s)
        return std::nullopt;
    s.bind(1, id);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        e.groups.append(GroupRecord { s.i64(0), s.i64(1), s.text(2), s.text(3), s.text(4), s.text(5) });
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "the groups of %1").arg(e.name));
        return std::nullopt;
    }
    return e;
}

QList<ExperimentRecord> Database::experiments()
{
    QList<ExperimentRecord> out;
    if (!checkOpen())
        return out;
    QList<Id> ids;
    {
        Stmt s = prepare("SELECT id FROM experiments ORDER BY start_ms, name");
        if (!s)
            return out;
        int rc;
        while ((rc = s.step()) == SQLITE_ROW)
            ids.append(s.i64(0));
        if (rc != SQLITE_DONE) {
            fail(rc, QCoreApplication::translate("Database", "the experiment list"));
            return out;
        }
    }
    for (Id id : std::as_const(ids)) {
        if (auto e = experiment(id))
            out.append(*e);
        else if (!m_lastError.isEmpty())
            return {};
    }
    return out;
}

bool Database::removeExperiment(const QString &name)
{
    if (!checkOpen())
        return false;
    Stmt s = prepare("DELETE FROM experiments WHERE name = ?1");
    if (!s)
        return false;
    s.bind(1, name);
    const int rc = s.step();
    if (rc != SQLITE_DONE)
        return fail(rc, QCoreApplication::translate("Database", "removing the experiment %1").arg(name));
    if (sqlite3_changes(m_db) == 0)
        return failText(
            QCoreApplication::translate("Database", "There is no experiment named '%1'.").arg(name));
    return true;
}

bool Database::setAssignments(Id experimentId, const QList<AssignmentRecord> &assignments)
{
    if (!checkOpen())
        return false;
    AutoTx t(*this, !inTransaction());
    if (!t.ok())
        return false;
    QSet<Id> groups;
    {
        Stmt s = prepare("SELECT id FROM experiment_groups WHERE experiment_id = ?1");
        if (!s)
            return false;
        s.bind(1, experimentId);
        int rc;
        while ((rc = s.step()) == SQLITE_ROW)
            groups.insert(s.i64(0));
        if (rc != SQLITE_DONE)
            return fail(rc, QCoreApplication::translate("Database", "the assignments"));
    }
    for (const AssignmentRecord &a : assignments) {
        if (!groups.contains(a.groupId))
            return failText(
                QCoreApplication::translate(
                    "Database", "An assignment names group id %1, which is not a group of this experiment.")
                    .arg(a.groupId));
    }
    {
        Stmt s = prepare("DELETE FROM assignments WHERE group_id IN "
                         "(SELECT id FROM experiment_groups WHERE experiment_id = ?1)");
        if (!s)
            return false;
        s.bind(1, experimentId);
        const int rc = s.step();
        if (rc != SQLITE_DONE)
            return fail(rc, QCoreApplication::translate("Database", "the assignments"));
    }
    Stmt s = prepare(
        "INSERT INTO assignments(relay_id, group_id, from_ms, to_ms, deployed) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!s)
        return false;
    for (const AssignmentRecord &a : assignments) {
        s.bind(1, a.relayId);
        s.bind(2, a.groupId);
        s.bind(3, a.fromMs);
        s.bind(4, a.toMs);
        s.bind(5, a.deployed);
        const int rc = s.step();
        s.reset();
        if (rc != SQLITE_DONE)
            return fail(rc, QCoreApplication::translate("Database", "the assignments"));
    }
    return t.commit();
}

bool Database::assignRelay(Id experimentId, Id relayId, Id groupId, qint64 atMs, bool deployed)
{
    if (!checkOpen())
        return false;
    AutoTx t(*this, !inTransaction());
    if (!t.ok())
        return false;
    if (groupId != 0) {
        Stmt s = prepare("SELECT 1 FROM experiment_groups WHERE id = ?1 AND experiment_id = ?2");
        if (!s)
            return false;
        s.bind(1, groupId);
        s.bind(2, experimentId);
        const int rc = s.step();
        if (rc == SQLITE_DONE)
            return failText(
                QCoreApplication::translate("Database", "Group id %1 is not a group of this experiment.")
                    .arg(groupId));
        if (rc != SQLITE_ROW)
            return fail(rc, QCoreApplication::translate("Database", "the assignment"));
    }
    Id openGroup = 0;
    {
        Stmt s = prepare(
            "SELECT a.id, a.group_id FROM assignments a JOIN experiment_groups g ON g.id = a.group_id "
            "WHERE g.experiment_id = ?1 AND a.relay_id = ?2 AND a.to_ms = 0");
        if (!s)
            return false;
        s.bind(1, experimentId);
        s.bind(2, relayId);
        const int rc = s.step();
        if (rc == SQLITE_ROW)
            openGroup = s.i64(1);
        else if (rc != SQLITE_DONE)
            return fail(rc, QCoreApplication::translate("Database", "the assignment"));
    }
    if (openGroup != 0 && openGroup == groupId) {
        // Same group: only the deployed flag can change (planned -> verified).
        Stmt s = prepare(
            "UPDATE assignments SET deployed = ?3 WHERE relay_id = ?1 AND group_id = ?2 AND to_ms = 0");
        if (!s)
            return false;
        s.bind(1, relayId);
        s.bind(2, groupId);
        s.bind(3, deployed);
        const int rc = s.step();
        if (rc != SQLITE_DONE)
            return fail(rc, QCoreApplication::translate("Database", "the assignment"));
        return t.commit();
    }
    if (openGroup != 0) {
        Stmt s = prepare(
            "UPDATE assignments SET to_ms = ?3 WHERE relay_id = ?1 AND group_id = ?2 AND to_ms = 0");
        if (!s)
            return false;
        s.bind(1, relayId);
        s.bind(2, openGroup);
        s.bind(3, atMs);
        const int rc = s.step();
        if (rc != SQLITE_DONE)
            return fail(rc, QCoreApplication::translate("Database", "the assignment"));
    }
    if (groupId != 0) {
        Stmt s = prepare("INSERT INTO assignments(relay_id, group_id, from_ms, to_ms, deployed) VALUES(?1, "
                         "?2, ?3, 0, ?4)");
        if (!s)
            return false;
        s.bind(1, relayId);
        s.bind(2, groupId);
        s.bind(3, atMs);
        s.bind(4, deployed);
        const int rc = s.step();
        if (rc != SQLITE_DONE)
            return fail(rc, QCoreApplication::translate("Database", "the assignment"));
    }
    return t.commit();
}

QList<AssignmentRecord> Database::assignments(Id experimentId)
{
    QList<AssignmentRecord> out;
    if (!checkOpen())
        return out;
    Stmt s = prepare("SELECT a.relay_id, a.group_id, a.from_ms, a.to_ms, a.deployed FROM assignments a "
                     "JOIN experiment_groups g ON g.id = a.group_id WHERE g.experiment_id = ?1 "
                     "ORDER BY a.relay_id, a.from_ms, a.id");
    if (!s)
        return out;
    s.bind(1, experimentId);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.append(AssignmentRecord { s.i64(0), s.i64(1), s.i64(2), s.i64(3), s.i64(4) != 0 });
    if (rc != SQLITE_DONE)
        fail(rc, QCoreApplication::translate("Database", "the assignments"));
    return out;
}

QHash<Id, Id> Database::membershipAt(Id experimentId, qint64 tsMs)
{
    QHash<Id, Id> out;
    if (!checkOpen())
        return out;
    Stmt s = prepare(
        "SELECT a.relay_id, a.group_id FROM assignments a JOIN experiment_groups g ON g.id = a.group_id "
        "WHERE g.experiment_id = ?1 AND a.from_ms <= ?2 AND (a.to_ms = 0 OR a.to_ms > ?2) "
        "ORDER BY a.from_ms");
    if (!s)
        return out;
    s.bind(1, experimentId);
    s.bind(2, tsMs);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.insert(s.i64(0), s.i64(1));
    if (rc != SQLITE_DONE)
        fail(rc, QCoreApplication::translate("Database", "the assignments"));
    return out;
}

// ---------------------------------------------------------------------------------------------
// Polls and measurements
// ---------------------------------------------------------------------------------------------
bool Database::checkSampleRelays(const QList<SampleRecord> &samples, const std::vector<qsizetype> &order)
{
    // samples has no per-row foreign key (see schema v2): check each distinct relay once.
    Stmt known = prepare("SELECT 1 FROM relays WHERE id = ?1");
    if (!known)
        return false;
    Id previous = 0;
    for (const qsizetype i : order) {
        const Id relay = samples.at(i).relayId;
        if (relay == previous)
            continue;
        previous = relay;
        known.bind(1, relay);
        const int rc = known.step();
        known.reset();
        if (rc == SQLITE_DONE) {
            failText(QCoreApplication::translate(
                         "Database",
                         "Sample %1 of %2 names relay %3, which the database does not know; "
                         "nothing of this batch was stored.")
                         .arg(i + 1)
                         .arg(samples.size())
                         .arg(relay));
            return false;
        }
        if (rc != SQLITE_ROW) {
            fail(rc, QCoreApplication::translate("Database", "the samples"));
            return false;
        }
    }
    return true;
}

qint64 Database::insertSamplesLocked(const QList<SampleRecord> &samples, Id pollId, qint64 defaultTsMs)
{
    const auto tsOf = [defaultTsMs](const SampleRecord &r) {
        return r.tsMs != 0 ? r.tsMs : defaultTsMs;
    };
    for (qsizetype i = 0; i < samples.size(); ++i) {
        if (samples.at(i).relayId <= 0 || tsOf(samples.at(i)) <= 0) {
            failText(
                QCoreApplication::translate(
                    "Database", "Sample %1 of %2 has no relay or no time; nothing of this batch was stored.")
                    .arg(i + 1)
                    .arg(samples.size()));
            return -1;
        }
    }
    // Written in key order: rows of one relay land on the same pages (twice as fast in bulk).
    std::vector<qsizetype> order(size_t(samples.size()));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype x, qsizetype y) {
        const SampleRecord &a = samples.at(x);
        const SampleRecord &b = samples.at(y);
        return a.relayId != b.relayId ? a.relayId < b.relayId : tsOf(a) < tsOf(b);
    });
    if (!checkSampleRelays(samples, order))
        return -1;
    // A (relay, ts) already in a block (imported history) is not written again as a row.
    {
        Stmt last = prepare("SELECT first_ms, last_ms, data FROM sample_blocks WHERE relay_id = ?1 AND "
                            "first_ms <= ?2 ORDER BY first_ms DESC LIMIT 1");
        if (!last)
            return -1;
        SampleBlock block;
        std::vector<qsizetype> kept;
        kept.reserve(order.size());
        for (const qsizetype i : order) {
            const SampleRecord &r = samples.at(i);
            const qint64 ts = tsOf(r);
            last.bind(1, r.relayId);
            last.bind(2, ts);
            const int rc = last.step();
            bool present = false;
            if (rc == SQLITE_ROW && last.i64(1) >= ts) {
                if (!decodeBlock(last.blob(2), r.relayId, last.i64(0), &block))
                    return -1;
                present = block.indexOf(ts) >= 0;
            } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
                fail(rc, QCoreApplication::translate("Database", "the samples"));
                return -1;
            }
            last.reset();
            if (!present)
                kept.push_back(i);
        }
        order.swap(kept);
    }
    // Many rows per statement: one statement per row costs a statement-journal savepoint, a halt
    // and a reset each time, more than half of an import (callgrind); 64 rows pay that once.
    constexpr int kRowsPerStatement = 64;
    static const QByteArray manySql = [] {
        QByteArray sql("INSERT OR IGNORE INTO samples(relay_id, ts_ms, rss_kb, hwm_kb, vmsize_kb, pid, "
                       "loaded_allocator, poll_id) VALUES ");
        for (int r = 0; r < kRowsPerStatement; ++r)
            sql += r ? ",(?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?)";
        return sql;
    }();
    Stmt one = prepare("INSERT OR IGNORE INTO samples(relay_id, ts_ms, rss_kb, hwm_kb, vmsize_kb, pid, "
                       "loaded_allocator, poll_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    Stmt many = order.size() >= size_t(kRowsPerStatement) ? prepare(manySql.constData()) : Stmt();
    if (!one || (order.size() >= size_t(kRowsPerStatement) && !many))
        return -1;
    // Most rows repeat the allocator of the previous one: convert each distinct string once.
    // The UTF-8 of every row of a statement must live until its step: keep them all.
    std::vector<QByteArray> allocators;
    QString lastAllocator;
    std::vector<qint64> times;
    qint64 inserted = 0;
    size_t next = 0;
    while (next < order.size()) {
        const bool bulk = order.size() - next >= size_t(kRowsPerStatement);
        Stmt &s = bulk ? many : one;
        const int rows = bulk ? kRowsPerStatement : 1;
        int p = 1;
        for (int k = 0; k < rows; ++k) {
            const SampleRecord &r = samples.at(order[next++]);
            const qint64 ts = tsOf(r);
            if (times.empty() || times.back() != ts)
                times.push_back(ts);
            if (allocators.empty() || r.loadedAllocator != lastAllocator) {
                lastAllocator = r.loadedAllocator;
                allocators.push_back(lastAllocator.toUtf8());
                if (allocators.back().isNull())
                    allocators.back() = QByteArray("");
            }
            s.bind(p++, r.relayId);
            s.bind(p++, ts);
            s.bind(p++, r.rssKb);
            s.bind(p++, r.hwmKb);
            s.bind(p++, r.vmsizeKb);
            s.bind(p++, r.pid);
            s.bindStatic(p++, allocators.back());
            s.bindId(p++, pollId);
        }
        const int rc = s.step();
        s.reset();
        if (rc != SQLITE_DONE) {
            fail(rc, QCoreApplication::translate("Database", "the samples"));
            return -1;
        }
        inserted += sqlite3_changes(m_db);
        if (allocators.size() > 1)
            allocators.erase(allocators.begin(), allocators.end() - 1);
    }
    return insertSampleTimes(times) ? inserted : -1;
}

bool Database::insertSampleTimes(std::vector<qint64> &times)
{
    if (!std::is_sorted(times.begin(), times.end()))
        std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    Stmt s = prepare("INSERT OR IGNORE INTO sample_times(ts_ms) VALUES(?1)");
    if (!s)
        return false;
    for (const qint64 t : times) {
        s.bind(1, t);
        const int rc = s.step();
        s.reset();
        if (rc != SQLITE_DONE) {
            fail(rc, QCoreApplication::translate("Database", "the samples"));
            return false;
        }
    }
    return true;
}

qint64 Database::insertSamples(const QList<SampleRecord> &samples)
{
    return insertSampleRuns({ samples }); // one run; QList shares, nothing is copied
}

qint64 Database::insertSampleRuns(const std::vector<QList<SampleRecord>> &runs)
{
    if (!checkOpen())
        return -1;
    AutoTx t(*this, !inTransaction());
    if (!t.ok())
        return -1;
    std::vector<const SampleRecord *> order;
    size_t total = 0;
    for (const QList<SampleRecord> &run : runs)
        total += size_t(run.size());
    order.reserve(total);
    for (const QList<SampleRecord> &run : runs) {
        for (const SampleRecord &r : run)
            order.push_back(&r);
    }
    const qint64 n = insertSampleBlocksLocked(order);
    if (n < 0 || !t.commit()) {
        reword(QCoreApplication::translate("Database", "these %1 samples").arg(total));
        return -1;
    }
    return n;
}

bool Database::decodeBlock(QByteArrayView blob, Id relayId, qint64 firstMs, SampleBlock *block)
{
    QString error;
    if (block->decode(blob, &error) && block->firstMs() == firstMs)
        return true;
    if (error.isEmpty())
        error = QCoreApplication::translate("Database", "it starts at %1, not at %2")
                    .arg(block->firstMs())
                    .arg(firstMs);
    m_lastRc = SQLITE_CORRUPT;
    m_lastDetail = QCoreApplication::translate("Database", "the sample block of relay %1 starting at %2: %3")
                       .arg(relayId)
                       .arg(firstMs)
                       .arg(error);
    m_lastNoSpace = false;
    m_lastError = describe(QString());
    return false;
}

namespace {
// A sample on its way into a block: the allocator name stays where it lives (the caller's
// record, or a decoded block) until the block is encoded.
struct PendingSample {
    SampleBlock::Sample s;
    const QString *allocator;
};
} // namespace

qint64 Database::insertSampleBlocksLocked(std::vector<const SampleRecord *> &order)
{
    // order holds the samples in the caller's order (positions in messages are 1-based in it).
    const qsizetype total = qsizetype(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
        if (order[i]->relayId <= 0 || order[i]->tsMs <= 0) {
            failText(
                QCoreApplication::translate(
                    "Database", "Sample %1 of %2 has no relay or no time; nothing of this batch was stored.")
                    .arg(i + 1)
                    .arg(total));
            return -1;
        }
    }
    const std::vector<const SampleRecord *> given = order; // for positions in messages
    // By relay, then time; of two samples at one (relay, ts) the first given wins, as with rows.
    const auto less = [](const SampleRecord *a, const SampleRecord *b) {
        return a->relayId != b->relayId ? a->relayId < b->relayId : a->tsMs < b->tsMs;
    };
    if (!std::is_sorted(order.begin(), order.end(), less)) // imports arrive sorted: skip the sort
        std::stable_sort(order.begin(), order.end(), less);
    // sample_blocks has no foreign key: check each distinct relay once.
    {
        Stmt known = prepare("SELECT 1 FROM relays WHERE id = ?1");
        if (!known)
            return -1;
        Id previous = 0;
        for (const SampleRecord *r : order) {
            if (r->relayId == previous)
                continue;
            previous = r->relayId;
            known.bind(1, previous);
            const int rc = known.step();
            known.reset();
            if (rc == SQLITE_DONE) {
                const auto at = std::find(given.begin(), given.end(), r);
                failText(QCoreApplication::translate(
                             "Database",
                             "Sample %1 of %2 names relay %3, which the database does not know; "
                             "nothing of this batch was stored.")
                             .arg(qsizetype(at - given.begin()) + 1)
                             .arg(total)
                             .arg(previous));
                return -1;
            }
            if (rc != SQLITE_ROW) {
                fail(rc, QCoreApplication::translate("Database", "the samples"));
                return -1;
            }
        }
    }

    Stmt rowTimes = prepare("SELECT ts_ms FROM samples WHERE relay_id = ?1 AND ts_ms BETWEEN ?2 AND ?3");
    // Blocks never overlap: only the last one starting before lo can reach into [lo, hi].
    Stmt before = prepare("SELECT first_ms, last_ms, data FROM sample_blocks WHERE relay_id = ?1 AND "
                          "first_ms < ?2 ORDER BY first_ms DESC LIMIT 1");
    Stmt within = prepare("SELECT first_ms, last_ms, data FROM sample_blocks WHERE relay_id = ?1 AND "
                          "first_ms BETWEEN ?2 AND ?3 ORDER BY first_ms");
    Stmt remove = prepare("DELETE FROM sample_blocks WHERE relay_id = ?1 AND first_ms = ?2");
    Stmt insert = prepare("INSERT INTO sample_blocks(relay_id, first_ms, last_ms, n, data) "
                          "VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!rowTimes || !before || !within || !remove || !insert)
        return -1;
    const auto failed = [this](int rc) {
        fail(rc, QCoreApplication::translate("Database", "the samples"));
        return qint64(-1);
    };
    // A relay above these has neither rows nor blocks (both keys start with relay_id, so each
    // is one seek): an import's new relays skip three lookups each, most of what a small file
    // cost here. Read once: a batch writes each relay once.
    bool ok = false;
    const Id lastRowRelay = scalar("SELECT max(relay_id) FROM samples", 0, &ok);
    if (!ok)
        return -1;
    const Id lastBlockRelay = scalar("SELECT max(relay_id) FROM sample_blocks", 0, &ok);
    if (!ok)
        return -1;

    // The distinct times of the batch, for sample_times: the relays of a history share their
    // times, so merging each relay's (sorted) times keeps this short, unlike sorting them all.
    std::vector<qint64> times, runTimes, scratch;
    std::vector<PendingSample> incoming, fresh, merged;
    std::vector<qint64> present; // times of the relay already stored as rows
    std::deque<SampleBlock> existing; // stable addresses: PendingSample points into them
    std::vector<qint64> existingFirst;
    QByteArray blob;
    qint64 added = 0;
    size_t next = 0;
    while (next < order.size()) {
        const Id relay = order[next]->relayId;
        incoming.clear();
        runTimes.clear();
        for (; next < order.size() && order[next]->relayId == relay; ++next) {
            const SampleRecord &r = *order[next];
            if (!incoming.empty() && incoming.back().s.tsMs == r.tsMs)
                continue;
            incoming.push_back({ { r.tsMs, r.rssKb, r.hwmKb, r.vmsizeKb, r.pid, 0 }, &r.loadedAllocator });
            runTimes.push_back(r.tsMs);
        }
        if (times.empty()) {
            times.swap(runTimes);
        } else if (runTimes != times) {
            scratch.clear();
            std::set_union(times.cbegin(), times.cend(), runTimes.cbegin(), runTimes.cend(),
                           std::back_inserter(scratch));
            times.swap(scratch);
        }
        const qint64 lo = incoming.front().s.tsMs;
        const qint64 hi = incoming.back().s.tsMs;

        present.clear();
        int rc = SQLITE_OK;
        if (relay <= lastRowRelay) {
            rowTimes.bind(1, relay);
            rowTimes.bind(2, lo);
            rowTimes.bind(3, hi);
            while ((rc = rowTimes.step()) == SQLITE_ROW)
                present.push_back(rowTimes.i64(0));
            rowTimes.reset();
            if (rc != SQLITE_DONE)
                return failed(rc);
        }

        existing.clear();
        existingFirst.clear();
        const auto takeBlocks = [&](Stmt &q, bool onlyReaching) {
            int r;
            while ((r = q.step()) == SQLITE_ROW) {
                if (onlyReaching && q.i64(1) < lo)
                    continue;
                existing.emplace_back();
                existingFirst.push_back(q.i64(0));
                if (!decodeBlock(q.blob(2), relay, q.i64(0), &existing.back()))
                    return false;
            }
            if (r != SQLITE_DONE)
                fail(r, QCoreApplication::translate("Database", "the samples"));
            return r == SQLITE_DONE;
        };
        if (relay <= lastBlockRelay) {
            before.bind(1, relay);
            before.bind(2, lo);
            ok = takeBlocks(before, true);
            before.reset();
            if (!ok)
                return -1;
            within.bind(1, relay);
            within.bind(2, lo);
            within.bind(3, hi);
            ok = takeBlocks(within, false);
            within.reset();
            if (!ok)
                return -1;
        }

        // What is new: neither a row nor in a block (both lists are in time order).
        fresh.clear();
        {
            auto row = present.cbegin();
            auto block = existing.cbegin();
            size_t inBlock = 0;
            for (const PendingSample &p : incoming) {
                const qint64 t = p.s.tsMs;
                while (row != present.cend() && *row < t)
                    ++row;
                if (row != present.cend() && *row == t)
                    continue;
                bool found = false;
                while (block != existing.cend()) {
                    const auto &v = block->samples();
                    while (inBlock < v.size() && v[inBlock].tsMs < t)
                        ++inBlock;
                    if (inBlock < v.size()) {
                        found = v[inBlock].tsMs == t;
                        break;
                    }
                    ++block;
                    inBlock = 0;
                }
                if (!found)
                    fresh.push_back(p);
            }
        }
        if (fresh.empty())
            continue; // all stored already: change nothing
        added += qint64(fresh.size());

        const std::vector<PendingSample> *toWrite = &fresh;
        if (!existing.empty()) {
            // Decode, merge, re-encode: the new samples fall inside stored blocks.
            merged.clear();
            size_t total = fresh.size();
            for (const SampleBlock &b : existing)
                total += b.size();
            merged.reserve(total);
            auto f = fresh.cbegin();
            for (const SampleBlock &b : existing) {
                for (const SampleBlock::Sample &s : b.samples()) {
                    for (; f != fresh.cend() && f->s.tsMs < s.tsMs; ++f)
                        merged.push_back(*f);
                    merged.push_back({ s, &b.allocatorOf(s) });
                }
            }
            merged.insert(merged.end(), f, fresh.cend());
            for (const qint64 first : existingFirst) {
                remove.bind(1, relay);
                remove.bind(2, first);
                rc = remove.step();
                remove.reset();
                if (rc != SQLITE_DONE)
                    return failed(rc);
            }
            toWrite = &merged;
        }

        // Evenly sized blocks: no stub of a few samples after full ones.
        const size_t m = toWrite->size();
        const size_t count = (m + SampleBlock::kMaxSamples - 1) / SampleBlock::kMaxSamples;
        size_t from = 0;
        SampleBlock block;
        for (size_t b = 0; b < count; ++b) {
            const size_t to = m * (b + 1) / count;
            block.clear();
            block.reserve(to - from);
            const QString *lastName = nullptr;
            int lastIndex = 0;
            for (size_t k = from; k < to; ++k) {
                const PendingSample &p = (*toWrite)[k];
                if (!lastName || p.allocator->constData() != lastName->constData()
                    || p.allocator->size() != lastName->size()) {
                    lastName = p.allocator;
                    lastIndex = block.allocatorIndex(*lastName);
                }
                SampleBlock::Sample s = p.s;
                s.allocator = lastIndex;
                block.append(s);
            }
            QString error;
            blob = block.encode(&error);
            if (blob.isEmpty()) {
                failText(QCoreApplication::translate("Database",
                                                     "The samples of relay %1 could not be stored: %2.")
                             .arg(relay)
                             .arg(error));
                return -1;
            }
            insert.bind(1, relay);
            insert.bind(2, block.firstMs());
            insert.bind(3, block.lastMs());
            insert.bind(4, qint64(block.size()));
            insert.bindBlob(5, blob);
            rc = insert.step();
            insert.reset();
            if (rc != SQLITE_DONE)
                return failed(rc);
            from = to;
        }
    }
    return insertSampleTimes(times) ? added : -1;
}

bool Database::readBlockSamples(Id relayId, qint64 fromMs, qint64 toMs, QList<SampleRecord> &out)
{
    // The block holding fromMs (the last starting at or before it), then those starting inside.
    Stmt s = prepare("SELECT first_ms, data FROM sample_blocks WHERE relay_id = ?1 AND first_ms <= ?3 AND "
                     "last_ms >= ?2 AND first_ms >= coalesce((SELECT max(first_ms) FROM sample_blocks "
                     "WHERE relay_id = ?1 AND first_ms <= ?2), ?2) ORDER BY first_ms");
    if (!s)
        return false;
    s.bind(1, relayId);
    s.bind(2, fromMs);
    s.bind(3, toMs);
    SampleBlock block;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        if (!decodeBlock(s.blob(1), relayId, s.i64(0), &block))
            return false;
        const auto &v = block.samples();
        const qsizetype first = block.lastAtOrBefore(fromMs - 1) + 1;
        const qsizetype last = block.lastAtOrBefore(toMs);
        out.reserve(out.size() + qMax<qsizetype>(0, last - first + 1));
        for (qsizetype i = first; i <= last; ++i) {
            const SampleBlock::Sample &x = v[size_t(i)];
            out.append(
                SampleRecord { relayId, x.tsMs, x.rssKb, x.hwmKb, x.vmsizeKb, x.pid, block.allocatorOf(x) });
        }
    }
    if (rc != SQLITE_DONE)
        return fail(rc, QCoreApplication::translate("Database", "reading the series"));
    return true;
}

qint64 Database::insertAggregates(const QList<AggregateRecord> &aggregates)
{
    if (!checkOpen())
        return -1;
    AutoTx t(*this, !inTransaction());
    if (!t.ok())
        return -1;
    Stmt s
        = prepare("INSERT OR IGNORE INTO aggregates(server, ts_ms, count, total_kb, avg_kb, min_kb, max_kb) "
                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!s)
        return -1;
    qint64 inserted = 0;
    for (const AggregateRecord &a : aggregates) {
        s.bind(1, a.server);
        s.bind(2, a.tsMs);
        s.bind(3, a.count);
        s.bind(4, a.totalKb);
        s.bind(5, a.avgKb);
        s.bind(6, a.minKb);
        s.bind(7, a.maxKb);
        const int rc = s.step();
        s.reset();
        if (rc != SQLITE_DONE) {
            fail(rc, QCoreApplication::translate("Database", "the aggregate rows"));
            return -1;
        }
        inserted += sqlite3_changes(m_db);
    }
    if (!t.commit())
        return -1;
    return inserted;
}

bool Database::insertEventLocked(const EventRecord &e, qint64 *inserted)
{
    if (e.type.isEmpty() || e.tsMs <= 0)
        return failText(QCoreApplication::translate("Database", "An event needs a type and a time."));
    Stmt s = prepare("INSERT OR IGNORE INTO events(ts_ms, type, description, grp, host_id, relay_id) "
                     "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    if (!s)
        return false;
    s.bind(1, e.tsMs);
    s.bind(2, e.type);
    s.bind(3, e.description);
    s.bind(4, e.group);
    s.bindId(5, e.hostId);
    s.bindId(6, e.relayId);
    const int rc = s.step();
    if (rc != SQLITE_DONE)
        return fail(rc, QCoreApplication::translate("Database", "the event '%1'").arg(e.type));
    *inserted += sqlite3_changes(m_db);
    return true;
}

template<typename T>
qint64 Database::insertEach(const QList<T> &items, bool (Database::*insertOne)(const T &, qint64 *))
{
    if (!checkOpen())
        return -1;
    AutoTx t(*this, !inTransaction());
    if (!t.ok())
        return -1;
    qint64 inserted = 0;
    for (const T &item : items) {
        if (!(this->*insertOne)(item, &inserted))
            return -1;
    }
    if (!t.commit())
        return -1;
    return inserted;
}

qint64 Database::insertEvents(const QList<EventRecord> &events)
{
    return insertEach(events, &Database::insertEventLocked);
}

bool Database::insertDiagnosticsLocked(const HostDiagnosticsRecord &d, qint64 *inserted)
{
    if (d.server.isEmpty() || d.tsMs <= 0)
        return failText(
            QCoreApplication::translate("Database", "Host diagnostics need a server and a time."));
    Stmt s = prepare(
        "INSERT OR IGNORE INTO host_diagnostics(host_id, server, ts_ms, hostname, kernel, os_release, "
        "tor_version, allocator, mem_total_kb, mem_available_kb, cached_kb, swap_total_kb, "
        "swap_free_kb, load1, relay_count) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
        "?13, ?14, ?15)");
    if (!s)
        return false;
    s.bindId(1, d.hostId);
    s.bind(2, d.server);
    s.bind(3, d.tsMs);
    s.bind(4, d.hostname);
    s.bind(5, d.kernel);
    s.bind(6, d.osRelease);
    s.bind(7, d.torVersion);
    s.bind(8, d.allocator);
    s.bind(9, d.memTotalKb);
    s.bind(10, d.memAvailableKb);
    s.bind(11, d.cachedKb);
    s.bind(12, d.swapTotalKb);
    s.bind(13, d.swapFreeKb);
    s.bind(14, d.load1);
    s.bind(15, d.relayCount);
    const int rc = s.step();
    if (rc != SQLITE_DONE)
        return fail(rc, QCoreApplication::translate("Database", "the host diagnostics"));
    *inserted += sqlite3_changes(m_db);
    return true;
}

qint64 Database::insertDiagnostics(const QList<HostDiagnosticsRecord> &diagnostics)
{
    return insertEach(diagnostics, &Database::insertDiagnosticsLocked);
}

bool Database::upsertRelaySettingLocked(const RelaySettingRecord &setting, qint64 *changed)
{
    if (setting.relayId <= 0 || setting.name.isEmpty())
        return failText(QCoreApplication::translate("Database", "A relay setting needs a relay and a name."));
    // The WHERE makes an unchanged value no change at all (sqlite3_changes() stays 0): a
    // re-import counts nothing and writes nothing.
    Stmt s = prepare("INSERT INTO relay_settings(relay_id, name, value) VALUES(?1, ?2, ?3) "
                     "ON CONFLICT(relay_id, name) DO UPDATE SET value = excluded.value "
                     "WHERE value IS NOT excluded.value");
    if (!s)
        return false;
    s.bind(1, setting.relayId);
    s.bind(2, setting.name);
    s.bind(3, setting.value);
    const int rc = s.step();
    if (rc != SQLITE_DONE)
        return fail(rc,
                    QCoreApplication::translate("Database", "the setting %1 of relay %2")
                        .arg(setting.name)
                        .arg(setting.relayId));
    *changed += sqlite3_changes(m_db);
    return true;
}

qint64 Database::upsertRelaySettings(const QList<RelaySettingRecord> &settings)
{
    return insertEach(settings, &Database::upsertRelaySettingLocked);
}

QList<RelaySettingRecord> Database::relaySettings(const QList<Id> &relayIds)
{
    QList<RelaySettingRecord> out;
    if (!checkOpen())
        return out;
    const QSet<Id> wanted(relayIds.cbegin(), relayIds.cend());
    Stmt s = prepare("SELECT relay_id, name, value FROM relay_settings ORDER BY relay_id, name");
    if (!s)
        return out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        const Id relay = s.i64(0);
        if (wanted.isEmpty() || wanted.contains(relay))
            out.append(RelaySettingRecord { relay, s.text(1), s.text(2) });
    }
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "reading the relay settings"));
        return {};
    }
    return out;
}

Id Database::appendDeployLog(const DeployLogRecord &e)
{
    if (!checkOpen())
        return 0;
    Stmt s = prepare(
        "INSERT INTO deploy_log(ts_ms, host_id, relay_id, experiment_id, allocator_id, action, detail, ok) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!s)
        return 0;
    s.bind(1, e.tsMs);
    s.bindId(2, e.hostId);
    s.bindId(3, e.relayId);
    s.bindId(4, e.experimentId);
    s.bind(5, e.allocatorId);
    s.bind(6, e.action);
    s.bind(7, e.detail);
    s.bind(8, e.ok);
    const int rc = s.step();
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "the deploy log entry"));
        return 0;
    }
    return sqlite3_last_insert_rowid(m_db);
}

bool Database::insertPoll(const PollWrite &p, PollResult *result)
{
    if (!checkOpen())
        return false;
    if (p.hostId <= 0 || p.tsMs <= 0)
        return failText(QCoreApplication::translate(
            "Database", "A poll needs a host and a time; nothing from it was stored."));
    if (!p.relays.isEmpty() && p.relays.size() != p.samples.size())
        return failText(QCoreApplication::translate(
                            "Database", "A poll lists %1 relays but %2 samples; nothing from it was stored.")
                            .arg(p.relays.size())
                            .arg(p.samples.size()));
    const QString what = QCoreApplication::translate("Database", "this poll");
    auto failed = [&] {
        reword(what);
        return false;
    };
    AutoTx t(*this, !inTransaction());
    if (!t.ok())
        return failed();

    PollResult r;
    r.hostId = p.hostId;
    r.tsMs = p.tsMs;
    {
        Stmt s = prepare("INSERT INTO polls(host_id, ts_ms, duration_ms, ok, error, relay_count) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
        if (!s)
            return failed();
        s.bind(1, p.hostId);
        s.bind(2, p.tsMs);
        s.bind(3, p.durationMs);
        s.bind(4, p.ok);
        s.bind(5, p.error);
        s.bind(6, int(p.samples.size()));
        const int rc = s.step();
        if (rc != SQLITE_DONE) {
            fail(rc, what);
            return false;
        }
        r.pollId = sqlite3_last_insert_rowid(m_db);
    }

    QString hostName; // looked up once per poll, not once per relay
    if (!p.relays.isEmpty() || (p.diagnostics && p.diagnostics->server.isEmpty())) {
        const auto h = host(p.hostId);
        if (!h) {
            if (m_lastError.isEmpty())
                failText(QCoreApplication::translate(
                             "Database",
                             "A poll names host id %1, which does not exist; nothing from it was stored.")
                             .arg(p.hostId));
            return failed();
        }
        hostName = h->name;
    }
    QList<SampleRecord> samples = p.samples;
    r.relayIds.reserve(samples.size());
    for (qsizetype i = 0; i < samples.size(); ++i) {
        if (!p.relays.isEmpty()) {
            RelayRecord relay = p.relays.at(i);
            if (relay.hostId == 0)
                relay.hostId = p.hostId;
            if (relay.server.isEmpty() && relay.hostId == p.hostId)
                relay.server = hostName;
            const Id id = resolveRelayLocked(relay);
            if (id == 0)
                return failed();
            samples[i].relayId = id;
        }
        if (samples[i].tsMs == 0)
            samples[i].tsMs = p.tsMs;
        r.relayIds.append(samples[i].relayId);
    }
    const qint64 n = insertSamplesLocked(samples, r.pollId, p.tsMs);
    if (n < 0)
        return failed();
    r.samplesStored = int(n);

    if (p.diagnostics) {
        HostDiagnosticsRecord d = *p.diagnostics;
        if (d.hostId == 0)
            d.hostId = p.hostId;
        if (d.tsMs == 0)
            d.tsMs = p.tsMs;
        if (d.server.isEmpty() && d.hostId == p.hostId) {
            d.server = hostName;
        } else if (d.server.isEmpty()) {
            const auto h = host(d.hostId);
            if (!h) {
                if (m_lastError.isEmpty())
                    failText(QCoreApplication::translate("Database",
                                                         "The diagnostics of a poll name host id %1, "
                                                         "which does not exist; nothing from it was stored.")
                                 .arg(d.hostId));
                return failed();
            }
            d.server = h->name;
        }
        qint64 ignored = 0;
        if (!insertDiagnosticsLocked(d, &ignored))
            return failed();
    }
    for (EventRecord e : p.events) {
        if (e.hostId == 0)
            e.hostId = p.hostId;
        if (e.tsMs == 0)
            e.tsMs = p.tsMs;
        qint64 ignored = 0;
        if (!insertEventLocked(e, &ignored))
            return failed();
    }
    if (!t.commit())
        return failed();
    if (result)
        *result = r;
    return true;
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------
namespace {
constexpr qint64 kEndOfTime = std::numeric_limits<qint64>::max();

// Reads sample rows; shares one QString per distinct allocator name across the whole result.
struct SampleReader {
    QByteArray lastBytes;
    QString lastString;
    void read(const Database::Stmt &s, QList<SampleRecord> &out)
    {
        SampleRecord r;
        r.relayId = s.i64(0);
        r.tsMs = s.i64(1);
        r.rssKb = s.i64(2);
        r.hwmKb = s.i64(3);
        r.vmsizeKb = s.i64(4);
        r.pid = s.i64(5);
        if (!s.textEquals(6, lastBytes)) {
            lastBytes = s.bytes(6);
            lastString = QString::fromUtf8(lastBytes);
        }
        r.loadedAllocator = lastString;
        out.append(std::move(r));
    }
};
} // namespace

#define SAMPLE_SELECT "SELECT relay_id, ts_ms, rss_kb, hwm_kb, vmsize_kb, pid, loaded_allocator FROM samples "
#define SAMPLE_SELECT_JOINED                                                                                 \
    "SELECT s.relay_id, s.ts_ms, s.rss_kb, s.hwm_kb, s.vmsize_kb, s.pid, s.loaded_allocator FROM relays r "  \
    "CROSS JOIN samples s ON s.relay_id = r.id "

namespace {
// Rows and block samples of one relay, both in time order, into out; a time present in both
// (never written so, but read defensively) is kept once, the row's.
void mergeSeries(QList<SampleRecord> &out, const QList<SampleRecord> &rows, const QList<SampleRecord> &blocks)
{
    if (blocks.isEmpty()) {
        out.append(rows);
        return;
    }
    if (rows.isEmpty()) {
        out.append(blocks);
        return;
    }
    out.reserve(out.size() + rows.size() + blocks.size());
    qsizetype i = 0, j = 0;
    while (i < rows.size() || j < blocks.size()) {
        if (j == blocks.size() || (i < rows.size() && rows.at(i).tsMs <= blocks.at(j).tsMs)) {
            if (j < blocks.size() && rows.at(i).tsMs == blocks.at(j).tsMs)
                ++j;
            out.append(rows.at(i++));
        } else {
            out.append(blocks.at(j++));
        }
    }
}
} // namespace

QList<SampleRecord> Database::latestSamples()
{
    QList<SampleRecord> out;
    if (!checkOpen())
        return out;
    // One index seek per relay in each table (both keyed by relay, time): no scan.
    Stmt s = prepare(SAMPLE_SELECT "WHERE relay_id = ?1 ORDER BY ts_ms DESC LIMIT 1");
    Stmt block = prepare("SELECT first_ms, last_ms, data FROM sample_blocks WHERE relay_id = ?1 ORDER BY "
                         "first_ms DESC LIMIT 1");
    Stmt ids = prepare("SELECT id FROM relays ORDER BY id");
    if (!s || !block || !ids)
        return out;
    SampleReader reader;
    SampleBlock decoded;
    int rc;
    while ((rc = ids.step()) == SQLITE_ROW) {
        const Id id = ids.i64(0);
        s.bind(1, id);
        const qsizetype before = out.size();
        int r;
        while ((r = s.step()) == SQLITE_ROW)
            reader.read(s, out);
        s.reset();
        if (r != SQLITE_DONE) {
            fail(r, QCoreApplication::translate("Database", "reading the latest samples"));
            return {};
        }
        block.bind(1, id);
        r = block.step();
        if (r == SQLITE_ROW && (out.size() == before || block.i64(1) > out.last().tsMs)) {
            if (!decodeBlock(block.blob(2), id, block.i64(0), &decoded))
                return {};
            const SampleBlock::Sample &x = decoded.samples().back();
            SampleRecord rec { id, x.tsMs, x.rssKb, x.hwmKb, x.vmsizeKb, x.pid, decoded.allocatorOf(x) };
            if (out.size() == before)
                out.append(std::move(rec));
            else
                out.last() = std::move(rec);
        } else if (r != SQLITE_ROW && r != SQLITE_DONE) {
            fail(r, QCoreApplication::translate("Database", "reading the latest samples"));
            return {};
        }
        block.reset();
    }
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "reading the latest samples"));
        return {};
    }
    return out;
}

QList<SampleRecord> Database::samples(const QList<Id> &relayIds, qint64 fromMs, qint64 toMs)
{
    QList<SampleRecord> out;
    if (!checkOpen())
        return out;
    const qint64 to = toMs > 0 ? toMs : kEndOfTime;
    QList<Id> ids = relayIds;
    if (ids.isEmpty()) {
        Stmt all = prepare("SELECT id FROM relays ORDER BY id");
        if (!all)
            return out;
        int rc;
        while ((rc = all.step()) == SQLITE_ROW)
            ids.append(all.i64(0));
        if (rc != SQLITE_DONE) {
            fail(rc, QCoreApplication::translate("Database", "reading the series"));
            return {};
        }
    } else {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
    // Per relay one primary-key range scan of the rows and one of the blocks.
    Stmt s = prepare(SAMPLE_SELECT "WHERE relay_id = ?1 AND ts_ms BETWEEN ?2 AND ?3 ORDER BY ts_ms");
    if (!s)
        return out;
    SampleReader reader;
    QList<SampleRecord> rows, blocks;
    for (const Id id : std::as_const(ids)) {
        rows.clear();
        blocks.clear();
        s.bind(1, id);
        s.bind(2, fromMs);
        s.bind(3, to);
        int rc;
        while ((rc = s.step()) == SQLITE_ROW)
            reader.read(s, rows);
        s.reset();
        if (rc != SQLITE_DONE) {
            fail(rc, QCoreApplication::translate("Database", "reading the series"));
            return {};
        }
        if (!readBlockSamples(id, fromMs, to, blocks))
            return {};
        if (out.isEmpty() && ids.size() > 1) // relays of a group are sampled alike
            out.reserve((rows.size() + blocks.size()) * ids.size() + 16);
        mergeSeries(out, rows, blocks);
    }
    return out;
}

qint64 Database::latestSampleTimeAtOrBefore(qint64 tsMs)
{
    if (!checkOpen())
        return 0;
    bool ok = false;
    const qint64 t
        = scalar("SELECT max(ts_ms) FROM sample_times WHERE ts_ms <= ?1", tsMs > 0 ? tsMs : kEndOfTime, &ok);
    return ok ? t : 0;
}

qint64 Database::latestSampleTimeAtOrBefore(qint64 tsMs, const QList<Id> &relayIds)
{
    if (relayIds.isEmpty())
        return latestSampleTimeAtOrBefore(tsMs);
    if (!checkOpen())
        return 0;
    // One primary-key probe per relay in each table: cheap, whatever else is stored.
    Stmt s = prepare("SELECT max(ts_ms) FROM samples WHERE relay_id = ?1 AND ts_ms <= ?2");
    Stmt block = prepare("SELECT first_ms, last_ms, data FROM sample_blocks WHERE relay_id = ?1 AND "
                         "first_ms <= ?2 ORDER BY first_ms DESC LIMIT 1");
    if (!s || !block)
        return 0;
    const qint64 at = tsMs > 0 ? tsMs : kEndOfTime;
    SampleBlock decoded;
    qint64 latest = 0;
    for (const Id id : relayIds) {
        s.reset();
        s.bind(1, id);
        s.bind(2, at);
        if (s.step() == SQLITE_ROW)
            latest = qMax(latest, s.i64(0));
        block.reset();
        block.bind(1, id);
        block.bind(2, at);
        if (block.step() != SQLITE_ROW || block.i64(1) <= latest)
            continue;
        if (block.i64(1) <= at) {
            latest = block.i64(1);
        } else if (decodeBlock(block.blob(2), id, block.i64(0), &decoded)) {
            const qsizetype i = decoded.lastAtOrBefore(at);
            if (i >= 0)
                latest = qMax(latest, decoded.samples()[size_t(i)].tsMs);
        } else {
            return 0;
        }
    }
    return latest;
}

Snapshot Database::snapshotAtOrBefore(qint64 tsMs, const QList<Id> &relayIds)
{
    Snapshot snap;
    const qint64 t = latestSampleTimeAtOrBefore(tsMs, relayIds);
    if (t == 0)
        return snap;
    const QSet<Id> wanted(relayIds.begin(), relayIds.end());
    Stmt s = prepare(SAMPLE_SELECT_JOINED "AND s.ts_ms = ?1 ORDER BY r.id");
    // Per relay the block holding t, if any.
    Stmt b = prepare("SELECT b.relay_id, b.first_ms, b.data FROM relays r CROSS JOIN sample_blocks b "
                     "ON b.relay_id = r.id AND b.first_ms = (SELECT max(first_ms) FROM sample_blocks "
                     "WHERE relay_id = r.id AND first_ms <= ?1) WHERE b.last_ms >= ?1 ORDER BY r.id");
    if (!s || !b)
        return snap;
    s.bind(1, t);
    SampleReader reader;
    QList<SampleRecord> rows;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        if (wanted.isEmpty() || wanted.contains(s.i64(0)))
            reader.read(s, rows);
    }
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "reading the snapshot"));
        return {};
    }
    QList<SampleRecord> fromBlocks;
    b.bind(1, t);
    SampleBlock decoded;
    while ((rc = b.step()) == SQLITE_ROW) {
        const Id id = b.i64(0);
        if (!wanted.isEmpty() && !wanted.contains(id))
            continue;
        if (!decodeBlock(b.blob(2), id, b.i64(1), &decoded))
            return {};
        const qsizetype i = decoded.indexOf(t);
        if (i < 0)
            continue;
        const SampleBlock::Sample &x = decoded.samples()[size_t(i)];
        fromBlocks.append(
            SampleRecord { id, x.tsMs, x.rssKb, x.hwmKb, x.vmsizeKb, x.pid, decoded.allocatorOf(x) });
    }
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "reading the snapshot"));
        return {};
    }
    // Both by relay id; a relay in both (never written so) keeps its row.
    snap.samples.reserve(rows.size() + fromBlocks.size());
    qsizetype i = 0, j = 0;
    while (i < rows.size() || j < fromBlocks.size()) {
        if (j == fromBlocks.size() || (i < rows.size() && rows.at(i).relayId <= fromBlocks.at(j).relayId)) {
            if (j < fromBlocks.size() && rows.at(i).relayId == fromBlocks.at(j).relayId)
                ++j;
            snap.samples.append(rows.at(i++));
        } else {
            snap.samples.append(fromBlocks.at(j++));
        }
    }
    snap.tsMs = t;
    return snap;
}

QList<qint64> Database::sampleTimes(qint64 fromMs, qint64 toMs)
{
    QList<qint64> out;
    if (!checkOpen())
        return out;
    const qint64 to = toMs > 0 ? toMs : kEndOfTime;
    Stmt s = prepare("SELECT ts_ms FROM sample_times WHERE ts_ms BETWEEN ?1 AND ?2 ORDER BY ts_ms");
    if (!s)
        return out;
    s.bind(1, fromMs);
    s.bind(2, to);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.append(s.i64(0));
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "reading the sample times"));
        return {};
    }
    return out;
}

QList<AggregateRecord> Database::aggregates(const QString &server, qint64 fromMs, qint64 toMs)
{
    QList<AggregateRecord> out;
    if (!checkOpen())
        return out;
    Stmt s = prepare("SELECT server, ts_ms, count, total_kb, avg_kb, min_kb, max_kb FROM aggregates "
                     "WHERE (?1 = '' OR server = ?1) AND ts_ms BETWEEN ?2 AND ?3 ORDER BY server, ts_ms");
    if (!s)
        return out;
    s.bind(1, server);
    s.bind(2, fromMs);
    s.bind(3, toMs > 0 ? toMs : kEndOfTime);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.append(AggregateRecord { s.text(0), s.i64(1), s.i64(2), s.i64(3), s.i64(4), s.i64(5), s.i64(6) });
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "reading the aggregates"));
        return {};
    }
    return out;
}

QList<EventRecord> Database::events(qint64 fromMs, qint64 toMs)
{
    QList<EventRecord> out;
    if (!checkOpen())
        return out;
    Stmt s = prepare("SELECT id, ts_ms, type, description, grp, coalesce(host_id, 0), coalesce(relay_id, 0) "
                     "FROM events WHERE ts_ms BETWEEN ?1 AND ?2 ORDER BY ts_ms, id");
    if (!s)
        return out;
    s.bind(1, fromMs);
    s.bind(2, toMs > 0 ? toMs : kEndOfTime);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.append(EventRecord { s.i64(0), s.i64(1), s.text(2), s.text(3), s.text(4), s.i64(5), s.i64(6) });
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "reading the events"));
        return {};
    }
    return out;
}

QList<HostDiagnosticsRecord> Database::diagnostics(const QString &server, qint64 fromMs, qint64 toMs)
{
    QList<HostDiagnosticsRecord> out;
    if (!checkOpen())
        return out;
    Stmt s = prepare(
        "SELECT coalesce(host_id, 0), server, ts_ms, hostname, kernel, os_release, tor_version, "
        "allocator, mem_total_kb, mem_available_kb, cached_kb, swap_total_kb, swap_free_kb, load1, "
        "relay_count FROM host_diagnostics WHERE (?1 = '' OR server = ?1) AND ts_ms BETWEEN ?2 AND ?3 "
        "ORDER BY server, ts_ms");
    if (!s)
        return out;
    s.bind(1, server);
    s.bind(2, fromMs);
    s.bind(3, toMs > 0 ? toMs : kEndOfTime);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        HostDiagnosticsRecord d;
        d.hostId = s.i64(0);
        d.server = s.text(1);
        d.tsMs = s.i64(2);
        d.hostname = s.text(3);
        d.kernel = s.text(4);
        d.osRelease = s.text(5);
        d.torVersion = s.text(6);
        d.allocator = s.text(7);
        d.memTotalKb = s.i64(8);
        d.memAvailableKb = s.i64(9);
        d.cachedKb = s.i64(10);
        d.swapTotalKb = s.i64(11);
        d.swapFreeKb = s.i64(12);
        d.load1 = s.dbl(13);
        d.relayCount = int(s.i64(14));
        out.append(d);
    }
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "reading the host diagnostics"));
        return {};
    }
    return out;
}

QList<DeployLogRecord> Database::deployLog(qint64 fromMs, qint64 toMs)
{
    QList<DeployLogRecord> out;
    if (!checkOpen())
        return out;
    Stmt s = prepare(
        "SELECT id, ts_ms, coalesce(host_id, 0), coalesce(relay_id, 0), coalesce(experiment_id, 0), "
        "allocator_id, action, detail, ok FROM deploy_log WHERE ts_ms BETWEEN ?1 AND ?2 ORDER BY ts_ms, id");
    if (!s)
        return out;
    s.bind(1, fromMs);
    s.bind(2, toMs > 0 ? toMs : kEndOfTime);
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.append(DeployLogRecord { s.i64(0), s.i64(1), s.i64(2), s.i64(3), s.i64(4), s.text(5), s.text(6),
                                     s.text(7), s.i64(8) != 0 });
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "reading the deploy log"));
        return {};
    }
    return out;
}

std::optional<PollResult> Database::lastPoll(Id hostId)
{
    if (!checkOpen())
        return std::nullopt;
    // A poll's samples carry its time: one key probe per relay instead of a scan for poll_id.
    Stmt s = prepare("SELECT p.id, p.ts_ms, (SELECT count(*) FROM relays r CROSS JOIN samples s "
                     "ON s.relay_id = r.id AND s.ts_ms = p.ts_ms WHERE s.poll_id = p.id) "
                     "FROM polls p WHERE p.host_id = ?1 ORDER BY p.ts_ms DESC, p.id DESC LIMIT 1");
    if (!s)
        return std::nullopt;
    s.bind(1, hostId);
    const int rc = s.step();
    if (rc == SQLITE_DONE)
        return std::nullopt;
    if (rc != SQLITE_ROW) {
        fail(rc, QCoreApplication::translate("Database", "reading the last poll"));
        return std::nullopt;
    }
    PollResult r;
    r.pollId = s.i64(0);
    r.tsMs = s.i64(1);
    r.hostId = hostId;
    r.samplesStored = int(s.i64(2));
    return r;
}

// ---------------------------------------------------------------------------------------------
// Maintenance
// ---------------------------------------------------------------------------------------------
DatabaseCounts Database::counts()
{
    DatabaseCounts c;
    if (!checkOpen())
        return c;
    Stmt s = prepare("SELECT (SELECT count(*) FROM hosts), (SELECT count(*) FROM relays), "
                     "(SELECT count(*) FROM samples) + (SELECT coalesce(sum(n), 0) FROM sample_blocks), "
                     "(SELECT count(*) FROM polls), "
                     "(SELECT count(*) FROM aggregates), (SELECT count(*) FROM events), "
                     "(SELECT count(*) FROM host_diagnostics), (SELECT count(*) FROM experiments), "
                     "(SELECT count(*) FROM experiment_groups), (SELECT count(*) FROM assignments), "
                     "(SELECT count(*) FROM deploy_log), (SELECT count(*) FROM relay_settings)");
    if (!s)
        return c;
    const int rc = s.step();
    if (rc != SQLITE_ROW) {
        fail(rc, QCoreApplication::translate("Database", "counting the rows"));
        return c;
    }
    c.hosts = s.i64(0);
    c.relays = s.i64(1);
    c.samples = s.i64(2);
    c.polls = s.i64(3);
    c.aggregates = s.i64(4);
    c.events = s.i64(5);
    c.diagnostics = s.i64(6);
    c.experiments = s.i64(7);
    c.groups = s.i64(8);
    c.assignments = s.i64(9);
    c.deployLog = s.i64(10);
    c.relaySettings = s.i64(11);
    return c;
}

bool Database::backupTo(const QString &targetPath)
{
    if (!checkOpen())
        return false;
    const QString target = nativePath(targetPath);
    QFileInfo info(targetPath);
    if (info.exists())
        return failText(
            QCoreApplication::translate(
                "Database", "%1 already exists; a backup never overwrites a file. Choose a new name.")
                .arg(target));
    if (info.absoluteFilePath() == QFileInfo(m_path).absoluteFilePath())
        return failText(
            QCoreApplication::translate("Database", "A database cannot be backed up onto itself."));
    if (!QDir().mkpath(info.absolutePath()))
        return failText(QCoreApplication::translate("Database", "The folder %1 cannot be created.")
                            .arg(QDir::toNativeSeparators(info.absolutePath())));

    sqlite3 *dest = nullptr;
    int rc = sqlite3_open_v2(QFile::encodeName(targetPath).constData(), &dest,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    auto cleanup = [&](const QString &message) {
        if (dest)
            sqlite3_close_v2(dest);
        // Only what this call created goes: the target did not exist before.
        QFile::remove(targetPath);
        QFile::remove(targetPath + QLatin1String("-journal"));
        QFile::remove(targetPath + QLatin1String("-wal"));
        QFile::remove(targetPath + QLatin1String("-shm"));
        m_lastRc = 0;
        m_lastError = message;
        return false;
    };
    if (rc != SQLITE_OK)
        return cleanup(QCoreApplication::translate("Database", "The backup %1 cannot be created: %2.")
                           .arg(target, QString::fromUtf8(sqlite3_errstr(rc))));
    sqlite3_busy_timeout(dest, m_busyTimeoutMs);
    sqlite3_backup *b = sqlite3_backup_init(dest, "main", m_db, "main");
    if (!b)
        return cleanup(QCoreApplication::translate("Database", "The backup %1 cannot be started: %2.")
                           .arg(target, QString::fromUtf8(sqlite3_errmsg(dest))));
    // All pages in one step: one consistent read snapshot (WAL lets writers go on meanwhile).
    int tries = 0;
    do {
        rc = sqlite3_backup_step(b, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (++tries > 100)
                break;
            QThread::msleep(50);
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        const bool full = (rc & 0xff) == SQLITE_FULL || sqlite3_system_errno(dest) == ENOSPC;
        return cleanup(
            full ? QCoreApplication::translate(
                       "Database",
                       "The disk holding %1 is full; the backup was not made and the incomplete copy "
                       "was removed.")
                       .arg(target)
                 : QCoreApplication::translate(
                       "Database", "The backup to %1 failed (%2); the incomplete copy was removed.")
                       .arg(target, QString::fromUtf8(sqlite3_errstr(rc))));
    }
    rc = sqlite3_close_v2(dest);
    dest = nullptr;
    if (rc != SQLITE_OK)
        return cleanup(
            QCoreApplication::translate(
                "Database", "The backup to %1 failed while closing (%2); the incomplete copy was removed.")
                .arg(target, QString::fromUtf8(sqlite3_errstr(rc))));
    return true;
}

QString Database::integrityCheck(bool quick)
{
    if (!checkOpen())
        return m_lastError;
    Stmt s = prepare(quick ? "PRAGMA quick_check" : "PRAGMA integrity_check");
    if (!s)
        return m_lastError;
    QStringList lines;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        lines << s.text(0);
    if (rc != SQLITE_DONE) {
        fail(rc, QCoreApplication::translate("Database", "the integrity check"));
        return m_lastError;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace alloclab
