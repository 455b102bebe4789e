// Store benchmark: our figures beside an anchor measured in the same run, on the same disk.
//   bench_store          quick run (ctest, label bench): 100,000 samples
//   bench_store --full   the sizes: 1,000,000 samples
// Prints a table; asserts nothing about time (exit 1 only when something did not work at all).

#include "app/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <sqlite3.h>
#include <sys/resource.h>
#include <time.h>
#include <vector>

using namespace alloclab;

namespace {

constexpr int kRelays = 200;
constexpr int kGroup = 20;

QTextStream out(stdout);

// CPU time of this thread: unlike wall time, hardly disturbed by other work on a busy machine.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double childrenCpuMs()
{
    rusage ru {};
    getrusage(RUSAGE_CHILDREN, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3
        + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

double median(std::vector<double> v)
{
    return percentile(std::move(v), 0.5);
}

PollWrite makePoll(Id hostId, qint64 ts)
{
    PollWrite p;
    p.hostId = hostId;
    p.tsMs = ts;
    p.durationMs = 30;
    p.relays.reserve(kRelays);
    p.samples.reserve(kRelays);
    for (int i = 0; i < kRelays; ++i) {
        p.relays.append(RelayRecord { 0,
                                      0,
                                      {},
                                      QStringLiteral("relay%1").arg(i),
                                      QStringLiteral("relay%1").arg(i),
                                      QStringLiteral("%1").arg(i, 40, 16, QLatin1Char('0')).toUpper() });
        p.samples.append(SampleRecord { 0, 0, 1000000 + i * 1000 + (ts % 977), 2000000, 3000000, 1000 + i,
                                        QStringLiteral("libmimalloc.so.2.0") });
    }
    HostDiagnosticsRecord d;
    d.memTotalKb = 786961000;
    d.memAvailableKb = 400000000;
    d.relayCount = kRelays;
    p.diagnostics = d;
    return p;
}

QByteArray samplesDdl()
{
    // The table exactly as the store creates it (schema v3 rebuilt it), for a fair .import.
    const QString v3 = Database::migrationSql(3);
    const int a = int(v3.indexOf(QLatin1String("CREATE TABLE samples_v2(")));
    const int b = int(v3.indexOf(QLatin1String("INSERT INTO samples_v2")));
    if (a < 0 || b < a)
        qFatal("bench_store: schema v3 no longer creates samples_v2; update samplesDdl()");
    return v3.mid(a, b - a).replace(QLatin1String("samples_v2"), QLatin1String("samples")).toUtf8();
}

// The floor: the same 200 rows through the bare C API, one transaction, one prepared
// statement, a table without indexes or identity resolution. sameSchema: into the store's own
// samples table instead (clustered by relay), which shows what the schema costs
// apart from our code.
int g_walPages = 0;

std::vector<double> rawPollWrites(const QString &path, int polls, bool sameSchema,
                                  bool manualCheckpoint = false, std::vector<double> *cpu = nullptr)
{
    std::vector<double> ms;
    sqlite3 *db = nullptr;
    sqlite3_open(QFile::encodeName(path).constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr);
    const QByteArray ddl = sameSchema
        ? samplesDdl()
        : QByteArray("CREATE TABLE samples(relay_id INTEGER, ts_ms INTEGER, rss_kb "
                     "INTEGER, hwm_kb INTEGER, vmsize_kb INTEGER, pid INTEGER, "
                     "loaded_allocator TEXT, poll_id INTEGER)");
    sqlite3_exec(db, ddl.constData(), nullptr, nullptr, nullptr);
    if (manualCheckpoint) // the Store's policy, done the bare way
        sqlite3_wal_hook(
            db,
            [](void *, sqlite3 *, const char *, int pages) {
                g_walPages = pages;
                return SQLITE_OK;
            },
            nullptr);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO samples VALUES(?,?,?,?,?,?,?,NULL)", -1, &st, nullptr);
    QElapsedTimer t;
    for (int p = 0; p < polls; ++p) {
        t.start();
        const double c0 = threadCpuMs();
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        for (int i = 0; i < kRelays; ++i) {
            sqlite3_bind_int64(st, 1, i + 1);
            sqlite3_bind_int64(st, 2, 1000 + p);
            sqlite3_bind_int64(st, 3, 1000000 + i);
            sqlite3_bind_int64(st, 4, 2000000);
            sqlite3_bind_int64(st, 5, 3000000);
            sqlite3_bind_int64(st, 6, 1000 + i);
            sqlite3_bind_text(st, 7, "libmimalloc.so.2.0", -1, SQLITE_STATIC);
            sqlite3_step(st);
            sqlite3_reset(st);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        ms.push_back(t.nsecsElapsed() / 1e6);
        if (cpu)
            cpu->push_back(threadCpuMs() - c0);
        if (manualCheckpoint && g_walPages >= 1000) {
            sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            g_walPages = 0;
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ms;
}

// Runs a script through the sqlite3 shell; returns the wall time in ms (-1 on failure).
double runSqliteShell(const QString &dbPath, const QByteArray &script, QByteArray *stdoutText = nullptr)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral("sqlite3"), { QStringLiteral("-batch"), dbPath });
    if (!p.waitForStarted(10000))
        return -1;
    p.write(script);
    p.closeWriteChannel();
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        out << "sqlite3 failed: " << QString::fromUtf8(p.readAllStandardError()) << Qt::endl;
        return -1;
    }
    const double ms = t.nsecsElapsed() / 1e6;
    if (stdoutText)
        *stdoutText = p.readAllStandardOutput();
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool full = app.arguments().contains(QStringLiteral("--full"));
    const int times = full ? 5000 : 500; // samples per relay
    const qint64 rows = qint64(times) * kRelays;
    const int polls = full ? 1000 : 200;

    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    out << "bench_store " << (full ? "--full" : "(quick; --full for the issue's sizes)") << ", SQLite "
        << sqlite3_libversion() << ", files in " << dir.path() << Qt::endl;
    auto loadAverage = [] {
        QFile f(QStringLiteral("/proc/loadavg"));
        return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2)
                                           : QStringLiteral("?");
    };
    out << "load average before: " << loadAverage() << " on " << QThread::idealThreadCount() << " CPUs"
        << Qt::endl;

    // --- 1. poll writes ------------------------------------------------------------------------
    // Ours, as the Store's writer runs it (checkpoint between polls, untimed), and as a plain
    // Database with SQLite's automatic checkpoint (the CLI's default).
    auto ourPollWrites = [&](const QString &name, Database::CheckpointMode mode, std::vector<double> *ms,
                             std::vector<double> *cpu) {
        Database db;
        db.setCheckpointMode(mode);
        QString error;
        if (!db.open(dir.filePath(name), Database::OpenMode::CreateIfMissing, &error)) {
            out << error << Qt::endl;
            return false;
        }
        const Id host = db.upsertHost(HostRecord { 0, QStringLiteral("go"), QStringLiteral("go"), {} });
        QElapsedTimer t;
        for (int p = 0; p < polls; ++p) {
            const PollWrite poll = makePoll(host, 1000 + p * 300000LL);
            t.start();
            const double c0 = threadCpuMs();
            if (!db.insertPoll(poll)) {
                out << db.lastError() << Qt::endl;
                return false;
            }
            ms->push_back(t.nsecsElapsed() / 1e6);
            cpu->push_back(threadCpuMs() - c0);
            db.checkpointIfDue();
        }
        return true;
    };
    std::vector<double> ours, oursAuto, oursCpu, oursAutoCpu, rawSameManualCpu;
    if (!ourPollWrites(QStringLiteral("polls.sqlite"), Database::CheckpointMode::Manual, &ours, &oursCpu)
        || !ourPollWrites(QStringLiteral("polls-auto.sqlite"), Database::CheckpointMode::Automatic, &oursAuto,
                          &oursAutoCpu))
        return 1;
    const std::vector<double> raw = rawPollWrites(dir.filePath(QStringLiteral("raw.sqlite")), polls, false);
    const std::vector<double> rawSame
        = rawPollWrites(dir.filePath(QStringLiteral("raw2.sqlite")), polls, true);
    const std::vector<double> rawSameManual
        = rawPollWrites(dir.filePath(QStringLiteral("raw3.sqlite")), polls, true, true, &rawSameManualCpu);

    // --- 2. bulk insert ----------------------------------------------------------------------------
    const QString bulkPath = dir.filePath(QStringLiteral("bulk.sqlite"));
    QList<Id> relayIds;
    double bulkMs = 0;
    double bulkCpuMs = 0;
    QList<SampleRecord> all;
    all.reserve(rows);
    {
        Database db;
        QString error;
        if (!db.open(bulkPath, Database::OpenMode::CreateIfMissing, &error)) {
            out << error << Qt::endl;
            return 1;
        }
        {
            Transaction tx(db);
            for (int i = 0; i < kRelays; ++i)
                relayIds << db.resolveRelay(
                    RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("relay%1").arg(i), {} });
            tx.commit();
        }
        // Snapshot-major, as TorUtils files and polls deliver them.
        for (int k = 0; k < times; ++k)
            for (int i = 0; i < kRelays; ++i)
                all.append(SampleRecord { relayIds.at(i), 1700000000000LL + k * 3600000LL, 1000000 + i + k,
                                          2000000, 3000000, 1000 + i, QStringLiteral("libmimalloc.so.2.0") });
        constexpr qsizetype chunk = 100000;
        QElapsedTimer t;
        t.start();
        const double c0 = threadCpuMs();
        for (qsizetype from = 0; from < all.size(); from += chunk) {
            Transaction tx(db);
            if (db.insertSamples(all.mid(from, chunk)) < 0 || !tx.commit()) {
                out << db.lastError() << Qt::endl;
                return 1;
            }
        }
        bulkMs = t.nsecsElapsed() / 1e6;
        bulkCpuMs = threadCpuMs() - c0;
        if (db.counts().samples != rows) {
            out << "bulk insert stored " << db.counts().samples << " rows, expected " << rows << Qt::endl;
            return 1;
        }
    }
    // Anchor: sqlite3 .import of the same rows into the same table (CSV written beforehand).
    const QString csv = dir.filePath(QStringLiteral("samples.csv"));
    {
        QFile f(csv);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        QByteArray buf;
        buf.reserve(8 << 20);
        for (const SampleRecord &s : std::as_const(all)) {
            buf += QByteArray::number(s.relayId) + ',' + QByteArray::number(s.tsMs) + ','
                + QByteArray::number(s.rssKb) + ',' + QByteArray::number(s.hwmKb) + ','
                + QByteArray::number(s.vmsizeKb) + ',' + QByteArray::number(s.pid) + ",libmimalloc.so.2.0,\n";
            if (buf.size() > (7 << 20)) {
                f.write(buf);
                buf.clear();
            }
        }
        f.write(buf);
    }
    all.clear();
    all.squeeze();
    const QString anchorPath = dir.filePath(QStringLiteral("anchor.sqlite"));
    const QByteArray importScript = "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n" + samplesDdl()
        + "\n.mode csv\n.import " + QFile::encodeName(csv) + " samples\n";
    const double startupMs = runSqliteShell(dir.filePath(QStringLiteral("empty.sqlite")), "SELECT 1;\n");
    const double cpuBefore = childrenCpuMs();
    const double importMs = runSqliteShell(anchorPath, importScript);
    const double importCpuMs = childrenCpuMs() - cpuBefore;

    // --- 3. read one group's series ---------------------------------------------------------------
    const QList<Id> group = relayIds.mid(40, kGroup);
    std::vector<double> readMs;
    qsizetype readRows = 0;
    {
        Database db;
        if (!db.open(bulkPath, Database::OpenMode::ExistingOnly))
            return 1;
        QElapsedTimer t;
        for (int r = 0; r < 7; ++r) {
            t.start();
            const auto series = db.samples(group, 0, 0);
            readMs.push_back(t.nsecsElapsed() / 1e6);
            readRows = series.size();
        }
    }
    // Second anchor: the same rows stepped through the bare C API, no objects built.
    std::vector<double> rawReadMs;
    {
        sqlite3 *db = nullptr;
        sqlite3_open_v2(QFile::encodeName(bulkPath).constData(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(
            db,
            "SELECT relay_id, ts_ms, rss_kb, hwm_kb, vmsize_kb, pid, loaded_allocator FROM samples "
            "WHERE relay_id = ? ORDER BY ts_ms",
            -1, &st, nullptr);
        QElapsedTimer t;
        qint64 sum = 0;
        for (int r = 0; r < 7; ++r) {
            t.start();
            for (Id id : group) {
                sqlite3_bind_int64(st, 1, id);
                while (sqlite3_step(st) == SQLITE_ROW) {
                    for (int c = 0; c < 6; ++c)
                        sum += sqlite3_column_int64(st, c);
                    sum += sqlite3_column_bytes(st, 6);
                }
                sqlite3_reset(st);
            }
            rawReadMs.push_back(t.nsecsElapsed() / 1e6);
        }
        sqlite3_finalize(st);
        sqlite3_close(db);
        if (sum == 42)
            out << "";
    }
    QStringList ids;
    for (Id id : group)
        ids << QString::number(id);
    const QByteArray query
        = "SELECT relay_id, ts_ms, rss_kb, hwm_kb, vmsize_kb, pid, loaded_allocator FROM samples "
          "WHERE relay_id IN ("
        + ids.join(QLatin1Char(',')).toUtf8() + ") ORDER BY relay_id, ts_ms;\n";
    QByteArray timerText;
    runSqliteShell(bulkPath, ".output /dev/null\n.timer on\n" + query.repeated(7), &timerText);
    std::vector<double> shellReadMs;
    static const QRegularExpression re(QStringLiteral("Run Time: real ([0-9.]+)"));
    auto it = re.globalMatch(QString::fromUtf8(timerText));
    while (it.hasNext())
        shellReadMs.push_back(it.next().captured(1).toDouble() * 1000.0);

    // --- table ---------------------------------------------------------------------------------
    const double ourRate = rows / (bulkMs / 1000.0);
    const double importNet = importMs - std::max(0.0, startupMs);
    const double anchorRate = importMs > 0 ? rows / (importNet / 1000.0) : 0;
    char line[512];
    auto row = [&](const char *what, const QString &ourText, const QString &anchorText, double ratio,
                   const char *target) {
        std::snprintf(line, sizeof line, "%-40s %16s %16s %9.2f   %s", what, qPrintable(ourText),
                      qPrintable(anchorText), ratio, target);
        out << line << Qt::endl;
    };
    out << Qt::endl;
    std::snprintf(line, sizeof line, "%-40s %16s %16s %9s   %s", "measure", "AllocLab", "anchor", "ours/anc",
                  "target");
    out << line << Qt::endl;
    const QString ms = QStringLiteral("%1 ms");
    auto pollRows = [&](const char *label, const std::vector<double> &a, const std::vector<double> &b,
                        const char *target) {
        for (double p : { 0.5, 0.99 }) {
            const QString what
                = QString::fromLatin1(label) + (p < 0.9 ? QLatin1String(" p50") : QLatin1String(" p99"));
            row(qPrintable(what), ms.arg(percentile(a, p), 0, 'f', 2), ms.arg(percentile(b, p), 0, 'f', 2),
                percentile(a, p) / percentile(b, p), p > 0.9 ? target : "");
        }
    };
    pollRows("poll write 200 relays vs A1", ours, raw, "p99 <= 5 ms");
    pollRows("poll write 200 relays vs A2", ours, rawSameManual, "");
    pollRows("  auto-checkpoint vs A3", oursAuto, rawSame, "");
    pollRows("  CPU time only, vs A2", oursCpu, rawSameManualCpu, "");
    row(qPrintable(QStringLiteral("bulk insert, %1 samples").arg(rows)),
        QStringLiteral("%1 rows/s").arg(qint64(ourRate)), QStringLiteral("%1 rows/s").arg(qint64(anchorRate)),
        anchorRate > 0 ? ourRate / anchorRate : 0, ">= 500,000 rows/s");
    const double ourCpuRate = rows / (bulkCpuMs / 1000.0);
    const double anchorCpuRate = importCpuMs > 0 ? rows / (importCpuMs / 1000.0) : 0;
    row("  per CPU second", QStringLiteral("%1 rows/s").arg(qint64(ourCpuRate)),
        QStringLiteral("%1 rows/s").arg(qint64(anchorCpuRate)),
        anchorCpuRate > 0 ? ourCpuRate / anchorCpuRate : 0, "");
    row(qPrintable(QStringLiteral("read %1 relays (%2 rows) of %3").arg(kGroup).arg(readRows).arg(rows)),
        ms.arg(median(readMs), 0, 'f', 2), ms.arg(median(shellReadMs), 0, 'f', 2),
        median(shellReadMs) > 0 ? median(readMs) / median(shellReadMs) : 0, "<= 50 ms");
    row("  vs bare C API stepping the rows", ms.arg(median(readMs), 0, 'f', 2),
        ms.arg(median(rawReadMs), 0, 'f', 2), median(readMs) / median(rawReadMs), "");
    out << Qt::endl
        << "load average after: " << loadAverage() << Qt::endl
        << "poll write: ours = Database::insertPoll (relay identity, poll row, 200 samples, diagnostics), "
        << polls << " polls;" << Qt::endl
        << "  with the Store writer's policy (checkpoint between polls, untimed), or SQLite's automatic one."
        << Qt::endl
        << "  A1 = bare C API, the same 200 rows in one transaction into a plain table (automatic "
           "checkpoint);"
        << Qt::endl
        << "  A2 = bare C API into the store's samples table (clustered by relay), same policy "
           "as ours;"
        << Qt::endl
        << "  A3 = A2 with the automatic checkpoint (what the schema costs, apart from our code)." << Qt::endl
        << "bulk insert: ours = Database::insertSamples in 100,000-row transactions; anchor = the sqlite3 "
           "shell's"
        << Qt::endl
        << "  .import of the same rows (CSV) into the same table, wall time " << importMs
        << " ms minus the shell's start-up " << startupMs << " ms." << Qt::endl
        << "read: ours = Database::samples into QList<SampleRecord>; anchor = the same query in the sqlite3 "
           "shell"
        << Qt::endl
        << "  (.timer, output to /dev/null), and the bare C API stepping the same rows; medians of 7."
        << Qt::endl
        << "CPU rows: thread CPU time (ours, bare C API) and the shell's CPU time (getrusage), which a busy"
        << Qt::endl
        << "  machine disturbs far less than wall time." << Qt::endl;
    return 0;
}
