#pragma once

#include <QString>
#include <QtGlobal>

namespace alloclab::units {

constexpr double kKiBPerGiB = 1024.0 * 1024.0;
constexpr double kKiBPerMiB = 1024.0;

// kB (as /proc reports them) to GiB, the unit operators publish.
inline double kibToGib(qint64 kib)
{
    return double(kib) / kKiBPerGiB;
}

// "812 MiB", "8.62 GiB": MiB below 1 GiB, GiB with two decimals above.
QString formatKiB(qint64 kib);
// "3 d 4 h", "5 h 12 min", "42 s".
QString formatDuration(qint64 seconds);
// "1 relay", "7 relays"; "1 host", "2 hosts" (one translation each, wherever a count is shown).
QString relayCount(qsizetype n);
QString hostCount(qsizetype n);

} // namespace alloclab::units
