#include "app/importer.h"

#include "models/sampleblock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <vector>

namespace alloclab {

using namespace torutils;

namespace {

constexpr int kBatch = 65536;
constexpr int kMaxErrorsPerFile = 1000;

void addFile(const QString &path, ImportPlan *plan)
{
    ImportPlanEntry e;
    e.path = path;
    const QString name = QFileInfo(path).fileName();
    if (name.endsWith(QLatin1String(".txt"))) {
        e.group = parseGroupFileName(name);
        e.groupFile = true;
        if (!e.group.valid)
            e.error = QCoreApplication::translate("Importer",
                                                  "expected a group file named group_<LETTER>_<label>.txt");
    } else if (name.endsWith(QLatin1String(".json"))) {
        e.experimentJson = true;
    } else {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            e.error = QCoreApplication::translate("Importer", "cannot be read: %1").arg(f.errorString());
        } else {
            const FileFormat fmt = detectFormat(f.read(64 * 1024));
            e.kind = fmt.kind;
            e.error = fmt.error;
        }
    }
    plan->entries.append(e);
}

} // namespace

ImportPlan planImport(const ImportOptions &options)
{
    ImportPlan plan;
    for (const QString &p : options.paths) {
        const QFileInfo fi(p);
        if (fi.isDir()) {
            const QDir dir(p);
            const QStringList files = dir.entryList(
                { QStringLiteral("*.csv"), QStringLiteral("*.json"), QStringLiteral("group_*.txt") },
                QDir::Files | QDir::Readable, QDir::Name);
            for (const QString &f : files)
                addFile(dir.filePath(f), &plan);
            const QDir groups(dir.filePath(QStringLiteral("groups")));
            if (groups.exists()) {
                const QStringList gf = groups.entryList({ QStringLiteral("*.txt") }, QDir::Files, QDir::Name);
                for (const QString &f : gf)
                    addFile(groups.filePath(f), &plan);
            }
        } else if (fi.isFile()) {
            addFile(p, &plan);
        } else {
            plan.errors << QCoreApplication::translate("Importer", "%1: no such file or folder").arg(p);
        }
    }
    // Several files for one letter: the user chooses (--groups, or the dialog).
    QSet<QString> chosenUsed;
    QHash<QString, QList<int>> byLetter;
    for (int i = 0; i < plan.entries.size(); ++i) {
        if (plan.entries[i].groupFile && plan.entries[i].group.valid)
            byLetter[plan.entries[i].group.letter] << i;
    }
    auto isChosen = [&](const QString &path) {
        for (const QString &c : options.groupFiles) {
            if (c == path || c == QFileInfo(path).fileName()
                || QFileInfo(c).absoluteFilePath() == QFileInfo(path).absoluteFilePath()) {
                chosenUsed.insert(c);
                return true;
            }
        }
        return false;
    };
    QStringList letters = byLetter.keys();
    letters.sort();
    for (const QString &letter : std::as_const(letters)) {
        const QList<int> &idx = byLetter[letter];
        QList<int> chosen;
        for (int i : idx) {
            if (isChosen(plan.entries[i].path))
                chosen << i;
        }
        if (idx.size() > 1 && chosen.size() != 1) {
            QStringList names;
            for (int i : idx)
                names << QFileInfo(plan.entries[i].path).fileName();
            plan.errors << QCoreApplication::translate("Importer",
                                                       "group %1 has %2 files (%3); choose one with --groups")
                               .arg(letter)
                               .arg(idx.size())
                               .arg(names.join(QStringLiteral(", ")));
            continue;
        }
        for (int i : idx)
            plan.entries[i].chosen = idx.size() == 1 || chosen.contains(i);
    }
    for (const QString &c : options.groupFiles) {
        if (!chosenUsed.contains(c))
            plan.errors << QCoreApplication::translate(
                               "Importer", "--groups names '%1', which is not among the group files found")
                               .arg(c);
    }
    for (const ImportPlanEntry &e : std::as_const(plan.entries)) {
        if (!e.error.isEmpty())
            plan.errors << e.path + QStringLiteral(": ") + e.error;
    }
    return plan;
}

// ---------------------------------------------------------------------------------------------

namespace {

class Run
{
public:
    Run(Database &db, const ImportOptions &o, const std::function<bool(int, const QString &)> &progress)
        : m_db(db)
        , m_opt(o)
        , m_progress(progress)
    {
        m_read.naiveZone = o.naiveZone;
        m_read.server = o.server;
        m_read.maxErrors = kMaxErrorsPerFile;
    }

    ImportReport go();

private:
    bool tick(qsizetype doneInFile, const QString &what);
    void rejectRows(ImportFileResult &r, const QString &file, const QList<RowError> &errors, qsizetype count);
    bool fatal(const QString &message)
    {
        m_report.errors << message;
        m_fatal = true;
        return false;
    }
    bool importMemory(const ImportPlanEntry &e);
    bool importEvents(const ImportPlanEntry &e);
    bool importDiagnostics(const ImportPlanEntry &e);
    bool importRelayConfig(const ImportPlanEntry &e);
    bool importGroups(const QList<ImportPlanEntry> &groupFiles, const QList<ImportPlanEntry> &jsonFiles);
    bool readAll(const QString &path, QByteArray *data);
    Id dbRelay(const RelayRecord &r);

    Database &m_db;
    ImportOptions m_opt;
    std::function<bool(int, const QString &)> m_progress;
    ReadOptions m_read;
    ImportReport m_report;
    bool m_bad = false; // a rejected row (and bad rows are not skipped): write nothing
    bool m_fatal = false;
    bool m_cancelled = false;
    qint64 m_totalBytes = 1;
    qint64 m_doneBytes = 0;
    int m_lastPercent = -1;
    QHash<QString, QList<Id>> m_byNickname; // relays seen in this import
    QSet<Id> m_relays;
};

bool Run::tick(qsizetype doneInFile, const QString &what)
{
    if (!m_progress)
        return true;
    const int percent = int((m_doneBytes + doneInFile) * 100 / m_totalBytes);
    if (percent == m_lastPercent)
        return true;
    m_lastPercent = percent;
    if (!m_progress(qMin(percent, 100), what))
        m_cancelled = true;
    return !m_cancelled;
}

void Run::rejectRows(ImportFileResult &r, const QString &file, const QList<RowError> &errors, qsizetype count)
{
    r.rejected += count;
    for (const RowError &e : errors)
        m_report.errors << formatError(file, e);
    if (count > errors.size())
        m_report.errors << QCoreApplication::translate("Importer", "%1: ... and %2 more rejected rows")
                               .arg(file)
                               .arg(count - errors.size());
    if (count > 0 && !m_opt.skipBadRows)
        m_bad = true;
}

bool Run::readAll(const QString &path, QByteArray *data)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fatal(
            QCoreApplication::translate("Importer", "%1: cannot be read: %2").arg(path, f.errorString()));
    *data = f.readAll();
    return true;
}

Id Run::dbRelay(const RelayRecord &r)
{
    RelayRecord copy = r;
    copy.id = 0;
    const Id id = m_db.resolveRelay(copy);
    if (id <= 0) {
        fatal(m_db.lastError());
        return 0;
    }
    if (!m_relays.contains(id)) {
        m_relays.insert(id);
        if (!r.nickname.isEmpty())
            m_byNickname[r.nickname] << id;
    }
    return id;
}

bool Run::importMemory(const ImportPlanEntry &e)
{
    // Read in chunks, not mapped: a file that another program truncates meanwhile is a short
    // read, never a SIGBUS; and the bytes land in a buffer that stays in cache.
    QFile f(e.path);
    auto cannotRead = [&] {
        return fatal(
            QCoreApplication::translate("Importer", "%1: cannot be read: %2").arg(e.path, f.errorString()));
    };
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return cannotRead();
    bool readFailed = false;
    const QString file = QFileInfo(e.path).fileName();
    ImportFileResult res;
    res.path = e.path;
    res.kind = kindName(e.kind);
    MemoryParser p(
        [&f, &readFailed](char *to, qint64 max) {
            const qint64 n = f.read(to, max);
            readFailed = readFailed || n < 0;
            return n;
        },
        m_read);
    if (readFailed)
        return cannotRead();
    if (!p.headerOk()) {
        rejectRows(res, file, { { 1, p.headerError() } }, 1);
        m_report.files << res;
        return true;
    }
    std::vector<Id> localToDb;
    std::vector<QString> resolvedFp; // the fingerprint each relay was resolved with
    std::vector<QList<SampleRecord>> pending; // per local relay
    QList<AggregateRecord> aggregates;
    QList<RowError> errors;
    qsizetype errorCount = 0;
    // Runs of kMaxSamples per relay, stored together once they add up to kBatch samples, sorted
    // by relay: the store then needs no sort and writes full blocks.
    std::vector<QList<SampleRecord>> full;
    qsizetype fullSamples = 0;
    auto flush = [&]() {
        if (m_bad || full.empty()) {
            full.clear();
            fullSamples = 0;
            return true;
        }
        std::stable_sort(full.begin(), full.end(),
                         [](const QList<SampleRecord> &a, const QList<SampleRecord> &b) {
                             return a.first().relayId < b.first().relayId;
                         });
        const qint64 n = m_db.insertSampleRuns(full);
        if (n < 0)
            return fatal(QFileInfo(e.path).fileName() + QStringLiteral(": ") + m_db.lastError());
        res.added += n;
        m_report.samplesAdded += n;
        full.clear();
        fullSamples = 0;
        return true;
    };
    qsizetype rowsSinceTick = 0;
    for (;;) {
        const MemoryParser::Row row = p.next();
        if (row == MemoryParser::Row::End)
            break;
        if (++rowsSinceTick >= 4096) {
            rowsSinceTick = 0;
            if (!tick(p.offset(), file))
                return false;
        }
        if (row == MemoryParser::Row::Error) {
            ++errorCount;
            if (errors.size() < kMaxErrorsPerFile)
                errors << p.error();
            if (!m_opt.skipBadRows)
                m_bad = true;
            continue;
        }
        ++res.rows;
        if (m_bad)
            continue; // only collecting errors now
        if (row == MemoryParser::Row::Aggregate) {
            aggregates << p.aggregate();
            continue;
        }
        SampleRecord s = p.sample();
        const size_t local = size_t(s.relayId - 1);
        const RelayRecord &r = p.relays().at(qsizetype(local));
        if (local >= localToDb.size()) {
            localToDb.resize(local + 1, 0);
            resolvedFp.resize(local + 1);
        }
        if (localToDb[local] == 0 || resolvedFp[local] != r.fingerprint) {
            // New relay, or one first seen without fingerprint that now has one.
            localToDb[local] = dbRelay(r);
            if (!localToDb[local])
                return false;
            resolvedFp[local] = r.fingerprint;
        }
        s.relayId = localToDb[local];
        // Per relay in runs of a block's size: the store writes each run of a batch as blocks.
        if (local >= pending.size())
            pending.resize(local + 1);
        QList<SampleRecord> &run = pending[local];
        // Grows to a block's size: reserving a whole block per relay at once was 14 MB for 200.
        if (run.isEmpty())
            run.reserve(64);
        run.append(std::move(s));
        if (run.size() >= SampleBlock::kMaxSamples) {
            full.push_back(std::move(run));
            run = QList<SampleRecord>();
            fullSamples += SampleBlock::kMaxSamples;
            if (fullSamples >= kBatch && !flush())
                return false;
        }
    }
    if (readFailed)
        return cannotRead();
    for (QList<SampleRecord> &run : pending) {
        if (!run.isEmpty())
            full.push_back(std::move(run));
    }
    if (!flush())
        return false;
    rejectRows(res, file, errors, errorCount);
    if (!m_bad && !aggregates.isEmpty()) {
        const qint64 n = m_db.insertAggregates(aggregates);
        if (n < 0)
            return fatal(m_db.lastError());
        m_report.aggregatesAdded += n;
        res.added += n;
    }
    m_report.files << res;
    m_doneBytes += p.offset();
    return true;
}

bool Run::importEvents(const ImportPlanEntry &e)
{
    QByteArray data;
    if (!readAll(e.path, &data))
        return false;
    const QString file = QFileInfo(e.path).fileName();
    const EventsFile f = parseEvents(data, m_read);
    ImportFileResult res { e.path, kindName(e.kind), f.events.size(), 0, 0 };
    rejectRows(res, file, f.errors, f.errorCount);
    if (!m_bad && !f.events.isEmpty()) {
        const qint64 n = m_db.insertEvents(f.events);
        if (n < 0)
            return fatal(m_db.lastError());
        res.added = n;
        m_report.eventsAdded += n;
    }
    m_report.files << res;
    m_doneBytes += data.size();
    return tick(0, file);
}

bool Run::importDiagnostics(const ImportPlanEntry &e)
{
    QByteArray data;
    if (!readAll(e.path, &data))
        return false;
    const QString file = QFileInfo(e.path).fileName();
    const DiagnosticsFile f = parseDiagnostics(data, m_read);
    ImportFileResult res { e.path, kindName(e.kind), f.rows.size(), 0, 0 };
    rejectRows(res, file, f.errors, f.errorCount);
    if (!m_bad && !f.rows.isEmpty()) {
        const qint64 n = m_db.insertDiagnostics(f.rows);
        if (n < 0)
            return fatal(m_db.lastError());
        res.added = n;
        m_report.diagnosticsAdded += n;
    }
    m_report.files << res;
    m_doneBytes += data.size();
    return tick(0, file);
}

bool Run::importRelayConfig(const ImportPlanEntry &e)
{
    QByteArray data;
    if (!readAll(e.path, &data))
        return false;
    const QString file = QFileInfo(e.path).fileName();
    const RelayConfigFile f = parseRelayConfig(data, m_read);
    ImportFileResult res { e.path, kindName(e.kind), f.rows.size(), 0, 0 };
    rejectRows(res, file, f.errors, f.errorCount);
    if (!m_bad) {
        // Only the settings whose columns the header has: a file of one schema says nothing about
        // the other schema's settings. Values are stored as written (also empty ones: an empty
        // config means "no library", and replaces a path stored before).
        QList<RelaySettingRecord> settings;
        for (const RelayConfigRecord &c : f.rows) {
            const Id relay = dbRelay(c.relay);
            if (!relay)
                return false;
            settings.clear();
            if (f.dirCacheSchema)
                settings << RelaySettingRecord { relay, QStringLiteral("dircache"), c.dirCache }
                         << RelaySettingRecord { relay, QStringLiteral("maxmem"), c.maxMem };
            if (f.allocatorSchema)
                settings << RelaySettingRecord { relay, QStringLiteral("allocator"), c.allocator }
                         << RelaySettingRecord { relay, QStringLiteral("config"), c.config };
            const qint64 n = m_db.upsertRelaySettings(settings);
            if (n < 0)
                return fatal(file + QStringLiteral(": ") + m_db.lastError());
            m_report.settingsAdded += n;
            if (n > 0)
                ++res.added; // a row is new when any of its settings is new or changed
        }
    }
    m_report.files << res;
    m_doneBytes += data.size();
    return tick(0, file);
}

bool Run::importGroups(const QList<ImportPlanEntry> &groupFiles, const QList<ImportPlanEntry> &jsonFiles)
{
    ExperimentRecord exp;
    QHash<QString, QStringList> members;
    for (const ImportPlanEntry &e : jsonFiles) {
        QByteArray data;
        if (!readAll(e.path, &data))
            return false;
        ExperimentFile ef;
        QString error;
        if (!parseExperimentJson(data, m_opt.naiveZone, &ef, &error)) {
            rejectRows(m_report.files.emplace_back(
                           ImportFileResult { e.path, QStringLiteral("experiment"), 0, 0, 0 }),
                       QFileInfo(e.path).fileName(), { { 0, error } }, 1);
            continue;
        }
        m_report.files << ImportFileResult { e.path, QStringLiteral("experiment"), 1, 0, 0 };
        exp = ef.experiment;
        members = ef.members;
    }
    for (const ImportPlanEntry &e : groupFiles) {
        QByteArray data;
        if (!readAll(e.path, &data))
            return false;
        QList<RowError> errors;
        const QStringList nicks = parseGroupFile(data, &errors);
        ImportFileResult res { e.path, QStringLiteral("group ") + e.group.letter, nicks.size(), 0, 0 };
        rejectRows(res, QFileInfo(e.path).fileName(), errors, errors.size());
        m_report.files << res;
        members[e.group.letter] = nicks;
        bool found = false;
        for (GroupRecord &g : exp.groups) {
            if (g.letter == e.group.letter) {
                found = true;
                if (g.label.isEmpty())
                    g.label = e.group.label;
            }
        }
        if (!found) {
            GroupRecord g;
            g.letter = e.group.letter;
            g.label = e.group.label;
            exp.groups << g;
        }
    }
    if (exp.groups.isEmpty() || m_bad)
        return true;
    if (!m_opt.experiment.isEmpty())
        exp.name = m_opt.experiment;
    if (exp.name.isEmpty()) {
        const QString first = m_opt.paths.value(0);
        exp.name = QFileInfo(first).isDir() ? QFileInfo(QDir::cleanPath(first)).fileName()
                                            : QStringLiteral("imported");
    }
    for (const GroupOverride &o : std::as_const(m_opt.groupOverrides)) {
        for (GroupRecord &g : exp.groups) {
            if (g.letter != o.letter)
                continue;
            if (!o.label.isEmpty())
                g.label = o.label;
            if (!o.allocatorId.isEmpty())
                g.allocatorId = o.allocatorId;
        }
    }
    std::sort(exp.groups.begin(), exp.groups.end(),
              [](const GroupRecord &a, const GroupRecord &b) { return a.letter < b.letter; });
    for (GroupRecord &g : exp.groups) {
        if (g.allocatorId.isEmpty())
            g.allocatorId = allocatorFromLabel(g.label).id;
        if (!m_db.allocator(g.allocatorId)) {
            AllocatorRecord a;
            a.id = g.allocatorId;
            a.name = g.allocatorId;
            if (!m_db.upsertAllocator(a))
                return fatal(m_db.lastError());
        }
    }
    // Keep what the store already knows about the experiment (hypothesis, window, colours).
    if (const auto old = m_db.experiment(exp.name)) {
        if (exp.hypothesis.isEmpty())
            exp.hypothesis = old->hypothesis;
        if (!exp.startMs)
            exp.startMs = old->startMs;
        if (!exp.endMs)
            exp.endMs = old->endMs;
        for (GroupRecord &g : exp.groups) {
            for (const GroupRecord &o : old->groups) {
                if (o.letter == g.letter && g.colour.isEmpty())
                    g.colour = o.colour;
            }
        }
    }
    const Id expId = m_db.upsertExperiment(exp);
    if (expId <= 0)
        return fatal(m_db.lastError());
    const auto stored = m_db.experiment(expId);
    if (!stored)
        return fatal(m_db.lastError());
    QList<AssignmentRecord> assignments;
    QMultiHash<Id, QString> lettersOfRelay;
    for (const GroupRecord &g : stored->groups) {
        const QStringList nicks = members.value(g.letter);
        for (const QString &n : nicks) {
            QList<Id> ids = m_byNickname.value(n);
            if (ids.isEmpty()) {
                const QList<RelayRecord> found = m_db.findRelays(n);
                for (const RelayRecord &r : found)
                    ids << r.id;
            }
            if (ids.isEmpty()) {
                m_report.warnings << QCoreApplication::translate(
                                         "Importer", "group %1: relay '%2' is not in the data; skipped")
                                         .arg(g.letter, n);
                continue;
            }
            if (ids.size() > 1)
                m_report.warnings << QCoreApplication::translate(
                                         "Importer",
                                         "group %1: nickname '%2' names %3 relays; all are assigned")
                                         .arg(g.letter, n)
                                         .arg(ids.size());
            for (Id id : std::as_const(ids)) {
                AssignmentRecord a;
                a.relayId = id;
                a.groupId = g.id;
                assignments << a;
                lettersOfRelay.insert(id, g.letter);
            }
        }
    }
    // The published 5-way files list some relays in two groups; say so, they count in both.
    QStringList twice;
    const QList<Id> keys = lettersOfRelay.uniqueKeys();
    for (Id id : keys) {
        QStringList ls = lettersOfRelay.values(id);
        if (ls.size() > 1) {
            ls.sort();
            const auto r = m_db.relay(id);
            twice << (r ? r.value().nickname : QString::number(id)) + QStringLiteral(" (")
                    + ls.join(QLatin1Char('+')) + QLatin1Char(')');
        }
    }
    if (!twice.isEmpty())
        m_report.warnings << QCoreApplication::translate(
                                 "Importer",
                                 "%1 relays are listed in more than one group and count in each: %2")
                                 .arg(twice.size())
                                 .arg(twice.join(QStringLiteral(", ")));
    if (!m_db.setAssignments(expId, assignments))
        return fatal(m_db.lastError());
    m_report.experiment = exp.name;
    m_report.groups = int(stored->groups.size());
    m_report.assignments = int(assignments.size());
    return true;
}

ImportReport Run::go()
{
    const ImportPlan plan = planImport(m_opt);
    if (!plan.errors.isEmpty()) {
        m_report.errors = plan.errors;
        return m_report;
    }
    if (plan.entries.isEmpty()) {
        m_report.errors << QCoreApplication::translate("Importer",
                                                       "Nothing to import: no TorUtils files were found.");
        return m_report;
    }
    m_totalBytes = 1;
    for (const ImportPlanEntry &e : plan.entries)
        m_totalBytes += QFileInfo(e.path).size();

    Transaction tx(m_db);
    if (!tx.isActive()) {
        m_report.errors << m_db.lastError();
        return m_report;
    }
    // Memory first, so the group files find the relays of this import.
    QList<ImportPlanEntry> groups;
    QList<ImportPlanEntry> jsons;
    for (const FileKind kind :
         { FileKind::Memory, FileKind::Events, FileKind::Diagnostics, FileKind::RelayConfig }) {
        for (const ImportPlanEntry &e : plan.entries) {
            if (e.groupFile || e.experimentJson || e.kind != kind)
                continue;
            bool ok = true;
            switch (kind) {
            case FileKind::Memory:
                ok = importMemory(e);
                break;
            case FileKind::Events:
                ok = importEvents(e);
                break;
            case FileKind::Diagnostics:
                ok = importDiagnostics(e);
                break;
            case FileKind::RelayConfig:
                ok = importRelayConfig(e);
                break;
            case FileKind::Unknown:
                break;
            }
            if (!ok || m_cancelled)
                break;
        }
        if (m_fatal || m_cancelled)
            break;
    }
    for (const ImportPlanEntry &e : plan.entries) {
        if (e.groupFile && e.chosen)
            groups << e;
        if (e.experimentJson)
            jsons << e;
    }
    if (!m_fatal && !m_cancelled)
        importGroups(groups, jsons);

    m_report.relays = m_relays.size();
    m_report.cancelled = m_cancelled;
    if (m_cancelled) {
        tx.rollback();
        m_report.errors << QCoreApplication::translate("Importer",
                                                       "The import was cancelled; nothing was stored.");
        return m_report;
    }
    if (m_fatal || m_bad) {
        tx.rollback();
        m_report.samplesAdded = m_report.aggregatesAdded = m_report.eventsAdded = m_report.diagnosticsAdded
            = m_report.settingsAdded = 0;
        for (ImportFileResult &f : m_report.files)
            f.added = 0;
        m_report.assignments = 0;
        m_report.experiment.clear();
        m_report.groups = 0;
        if (m_bad)
            m_report.errors << QCoreApplication::translate(
                "Importer", "Nothing was stored: fix the rows above, or skip bad rows.");
        return m_report;
    }
    if (!tx.commit()) {
        m_report.errors << m_db.lastError();
        return m_report;
    }
    if (m_progress)
        m_progress(100, QString());
    m_report.ok = true;
    return m_report;
}

} // namespace

ImportReport Importer::run(Database &db, const ImportOptions &options,
                           const std::function<bool(int, const QString &)> &progress)
{
    Run r(db, options, progress);
    return r.go();
}

Importer::Importer(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ImportReport>();
}

Importer::~Importer()
{
    // The worker uses this object: stop it and wait (it rolls back at its next progress tick).
    m_cancel = true;
    m_future.waitForFinished();
}

bool Importer::isRunning() const
{
    return m_running;
}

void Importer::cancel()
{
    m_cancel = true;
}

void Importer::startImport(const QString &dbPath, const ImportOptions &options)
{
    if (m_running.exchange(true))
        return;
    m_cancel = false;
    // The worker owns its own connection: a Database is confined to the thread that opened it.
    m_future = QtConcurrent::run([this, dbPath, options]() {
        Database db;
        QString error;
        if (!db.open(dbPath, Database::OpenMode::CreateIfMissing, &error)) {
            Q_EMIT failed(error);
        } else {
            const ImportReport report = run(db, options, [this](int percent, const QString &what) {
                Q_EMIT progress(percent, what);
                return !m_cancel.load();
            });
            Q_EMIT reportAvailable(report);
            if (!report.ok)
                Q_EMIT failed(report.errors.value(0));
        }
        m_running = false;
        Q_EMIT finished();
    });
}

} // namespace alloclab
