#pragma once

// Gathers what models/summary needs from the store: the experiment's groups, its assignment
// history (membership in force at each snapshot) and the samples of the window.

#include "app/database.h"
#include "models/summary.h"

namespace alloclab {

struct SummaryQuery {
    QString experiment; // empty: the only experiment, else the latest one
    qint64 atMs = 0; // 0 = latest snapshot
    qint64 windowMs = 3LL * 86400 * 1000;
};

bool querySummary(Database &db, const SummaryQuery &query, summary::Summary *out, QString *error);

} // namespace alloclab
