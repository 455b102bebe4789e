#include "models/proberesult.h"

namespace alloclab {

SampleRecord toSampleRecord(const ProbeRelay &relay, qint64 tsMs)
{
    SampleRecord s;
    s.tsMs = tsMs;
    s.rssKb = relay.rssKb;
    s.hwmKb = relay.hwmKb;
    s.vmsizeKb = relay.vmSizeKb;
    s.pid = relay.isRunning() ? relay.mainPid : -1;
    s.loadedAllocator = relay.loadedAllocator;
    return s;
}

HostDiagnosticsRecord toHostDiagnostics(const ProbeResult &result, const QString &server, qint64 tsMs)
{
    HostDiagnosticsRecord d;
    d.server = server;
    d.tsMs = tsMs;
    const ProbeHost &h = result.host;
    d.hostname = h.hostname;
    d.kernel = h.kernel;
    d.osRelease = h.os;
    d.torVersion = h.torVersion;
    d.memTotalKb = h.memTotalKb;
    d.memAvailableKb = h.memAvailableKb;
    d.cachedKb = h.cachedKb;
    d.swapTotalKb = h.swapTotalKb;
    d.swapFreeKb = h.swapFreeKb;
    d.load1 = h.load1;
    d.relayCount = result.ok ? int(result.relays.size()) : -1;
    return d;
}

} // namespace alloclab
