#pragma once

// Imports TorUtils data (memory.csv, events.csv, diagnostics.csv, relay_config.csv,
// groups/*.txt, experiment.json) into the store. Every file is validated completely; when any
// row is bad (and bad rows are not to be skipped) nothing at all is written. Everything is
// written in ONE transaction, so a cancelled or failed import leaves the database as it was,
// and re-importing the same data adds nothing (the store's inserts are idempotent).

#include "app/database.h"
#include "models/torutils.h"

#include <QFuture>
#include <QObject>
#include <QStringList>
#include <QTimeZone>

#include <atomic>
#include <functional>

namespace alloclab {

// The import dialog's edits of a group: label and allocator for a letter (empty = keep).
struct GroupOverride {
    QString letter;
    QString label;
    QString allocatorId;
};

struct ImportOptions {
    QStringList paths; // folders and/or files
    QString server; // for rows without a server column
    QTimeZone naiveZone = QTimeZone::utc(); // how timestamps without an offset are read
    QString experiment; // default: experiment.json's name, else the folder's name
    // Group files to use where a letter has several (file names or paths).
    QStringList groupFiles;
    QList<GroupOverride> groupOverrides;
    bool skipBadRows = false;
};

// One file found in the paths, before reading it (the dialog's preview uses this too).
struct ImportPlanEntry {
    QString path;
    torutils::FileKind kind = torutils::FileKind::Unknown;
    bool groupFile = false;
    torutils::GroupFileName group; // when groupFile
    bool experimentJson = false;
    bool chosen = true; // group files: false when another file was chosen for the letter
    QString error; // unknown header, unreadable, ...
};

struct ImportPlan {
    QList<ImportPlanEntry> entries;
    QStringList errors; // e.g. "group B has 2 files ..., choose one with --groups"
};

ImportPlan planImport(const ImportOptions &options);

struct ImportFileResult {
    QString path;
    QString kind; // "memory", "events", "group B", ...
    qint64 rows = 0; // rows read (valid ones)
    qint64 rejected = 0;
    qint64 added = 0; // new rows in the database
};

struct ImportReport {
    bool ok = false;
    bool cancelled = false;
    QList<ImportFileResult> files;
    QStringList errors; // "memory.csv:12: expected ..." (every rejected row, up to a limit)
    QStringList warnings;
    qint64 relays = 0;
    qint64 samplesAdded = 0;
    qint64 aggregatesAdded = 0;
    qint64 eventsAdded = 0;
    qint64 diagnosticsAdded = 0;
    qint64 settingsAdded = 0; // relay_config.csv values new or changed
    QString experiment; // name, when group files or experiment.json were imported
    int groups = 0;
    int assignments = 0;
};

class Importer : public QObject
{
    Q_OBJECT
public:
    explicit Importer(QObject *parent = nullptr);
    ~Importer() override;

    // The synchronous core (CLI, tests, the worker thread). progress(percent, what) may return
    // false to cancel; the transaction is then rolled back.
    static ImportReport run(Database &db, const ImportOptions &options,
                            const std::function<bool(int, const QString &)> &progress = {});

    // Runs in a worker thread with its own connection to dbPath.
    void startImport(const QString &dbPath, const ImportOptions &options);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(int percent, const QString &what);
    void reportAvailable(const alloclab::ImportReport &report);
    void failed(const QString &message);
    void finished();

private:
    std::atomic_bool m_cancel { false };
    std::atomic_bool m_running { false };
    QFuture<void> m_future;
};

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::ImportReport)
