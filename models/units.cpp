#include "models/units.h"

#include <QCoreApplication>

namespace alloclab::units {

QString formatKiB(qint64 kib)
{
    if (kib < 0)
        return QCoreApplication::translate("Units", "unknown");
    if (double(kib) >= kKiBPerGiB)
        return QCoreApplication::translate("Units", "%1 GiB").arg(double(kib) / kKiBPerGiB, 0, 'f', 2);
    return QCoreApplication::translate("Units", "%1 MiB").arg(double(kib) / kKiBPerMiB, 0, 'f', 0);
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return QCoreApplication::translate("Units", "unknown");
    const qint64 d = seconds / 86400, h = (seconds % 86400) / 3600, m = (seconds % 3600) / 60;
    if (d > 0)
        return QCoreApplication::translate("Units", "%1 d %2 h").arg(d).arg(h);
    if (h > 0)
        return QCoreApplication::translate("Units", "%1 h %2 min").arg(h).arg(m);
    if (m > 0)
        return QCoreApplication::translate("Units", "%1 min").arg(m);
    return QCoreApplication::translate("Units", "%1 s").arg(seconds);
}

QString relayCount(qsizetype n)
{
    return QCoreApplication::translate("Units", "%n relay(s)", nullptr, int(n));
}

QString hostCount(qsizetype n)
{
    return QCoreApplication::translate("Units", "%n host(s)", nullptr, int(n));
}

} // namespace alloclab::units
