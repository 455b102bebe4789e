#pragma once

#include "app/cli/cli.h"
#include "models/seriesset.h"

#include <functional>

namespace alloclab::cli {

// Where the charts command gets its data: fills SET for EXPERIMENT (empty = whole fleet) from
// the database in CTX.dbPath, or returns false with ERROR. The store-backed source is wired in
// ui/cli/clifrontend.cpp; tests pass their own.
using SeriesSetSource
    = std::function<bool(const Context &ctx, const QString &experiment, SeriesSet *set, QString *error)>;

// "charts DIR [--experiment NAME] [--size WxH] [--scale S] [--format png|svg]": the seven
// charts as DIR/memory_*.png|svg. Needs a QApplication (see app/cli/frontend.h).
void registerChartsCommands(CommandTable &table, SeriesSetSource source);

// The store-backed source: opens the database in CTX.dbPath (it must exist) and builds the set
// with app/seriesquery.h; without an experiment, the whole fleet as one group.
SeriesSetSource databaseSeriesSource();

// "report DIR [--experiment NAME] [--size WxH]": README.md, REPORT.md (the experiment, its
// groups and hypothesis, the summary table, the charts embedded), the CSVs and groups/ of
// app/exporter.h, and charts/. Without --experiment: the latest experiment, else the fleet.
void registerReportCommands(CommandTable &table);

} // namespace alloclab::cli
