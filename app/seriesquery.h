#pragma once

// Builds the chart input (models/seriesset.h) from the store: the experiment's groups (label,
// allocator, colour), each relay's samples split by the membership in force at each sample
// (a relay listed in two groups counts in both, as in the published TorUtils figures), events
// and host changes as markers, and the whole-server totals.

#include "app/database.h"
#include "models/seriesset.h"

namespace alloclab {

struct SeriesQuery {
    // Without an experiment the whole fleet is charted, as one group or one group per server.
    enum class FleetGrouping { OneGroup, PerServer };

    QString experiment; // empty = whole fleet
    qint64 fromMs = 0; // inclusive, 0 = from the first sample
    qint64 toMs = 0; // inclusive, 0 = to the last sample
    FleetGrouping fleetGrouping = FleetGrouping::OneGroup;
    bool markers = true; // events and host changes
    bool serverTotals = true;
};

// The pseudo-group letter of the whole fleet (FleetGrouping::OneGroup).
QString fleetGroupLetter();

// Fills OUT; false with ERROR (a complete sentence) when the experiment does not exist or the
// database fails. An experiment without samples gives an empty set (groups filled), not an error.
bool querySeriesSet(Database &db, const SeriesQuery &query, SeriesSet *out, QString *error);

} // namespace alloclab
