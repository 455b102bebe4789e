#pragma once

// Test-only loader of the real TorUtils 5-way dataset (../shared/datasets/torutils-5way) into a
// SeriesSet, until the CSV importer and the store feed the charts. Deliberately simple parsing.

#include "models/seriesset.h"

#include <QString>

namespace alloclab::testdata {

QString torutils5wayDir(); // ALLOCLAB_SOURCE_DIR/../shared/datasets/torutils-5way
bool torutils5wayPresent();

// Groups A, D and the *_historical files for B, C, E (the published comparison). Naive
// timestamps and offset ones are both taken as the server's wall clock and shown as UTC, so
// the times read as in the files. Restarts are inferred from VmHWM drops.
SeriesSet loadTorutils5way(QString *error = nullptr);

// Epoch ms of a naive "yyyy-MM-ddTHH:mm:ss" wall-clock time as the loader stores it.
qint64 wallClockMs(const char *isoNaive);

} // namespace alloclab::testdata
