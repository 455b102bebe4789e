#pragma once

// Writes the store back out in the TorUtils formats, so the original Python tools (and our
// importer) read it: memory.csv, events.csv, diagnostics.csv, groups/group_<L>_<label>.txt,
// experiment.json and, when the store holds relay settings, relay_config.csv (docs/formats.md).
// Each file is written atomically (QSaveFile).

#include "app/database.h"

#include <QStringList>
#include <QTimeZone>

namespace alloclab {

struct ExportOptions {
    QString dir;
    QString experiment; // empty: every relay, no group files
    qint64 fromMs = 0; // inclusive; 0 = from the start
    qint64 toMs = 0; // inclusive; 0 = to the end
    QStringList servers; // empty = every server
    bool naiveTimes = false; // without offset, in zone (as TorUtils writes them)
    QTimeZone zone = QTimeZone::utc();
};

struct ExportReport {
    qint64 samples = 0;
    qint64 aggregates = 0;
    qint64 events = 0;
    qint64 diagnostics = 0;
    int groups = 0;
    qint64 relayConfigRows = 0; // rows of relay_config.csv (and relay_config_dircache.csv)
    QStringList files;
};

bool exportData(Database &db, const ExportOptions &options, ExportReport *report, QString *error);

} // namespace alloclab
