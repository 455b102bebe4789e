#pragma once

// What one run of the remote probe (resources/probe.sh) reports about one host.
// Units: memory in kB (KiB, as /proc reports it), times in seconds since the Unix epoch on
// the REMOTE clock, load as the kernel's 1/5/15 minute averages. -1 means "not known".
// Strings are decoded from the probe's percent-encoding; they are untrusted: only relays with
// isValid() may ever be used to build a command, and even then only through validation.h.

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace alloclab {

// How much the probe could see.
enum class ProbePrivilege {
    Unknown, // not parsed
    None, // neither root nor passwordless sudo: no /proc/PID/maps, no fingerprint files
    Sudo, // escalated with `sudo -n`
    Root, // logged in as root
};

struct ProbeHost {
    QString hostname;
    QString kernel; // uname -r
    QString os; // PRETTY_NAME from /etc/os-release
    QString torVersion; // "0.4.8.13", empty when tor is not installed
    QString user; // the login user (the one a sudoers line must name)
    qint64 nowEpoch = -1; // s, remote clock when probed
    qint64 bootEpoch = -1; // s, /proc/stat btime
    qint64 memTotalKb = -1;
    qint64 memAvailableKb = -1;
    qint64 cachedKb = -1;
    qint64 swapTotalKb = -1;
    qint64 swapFreeKb = -1;
    double load1 = -1;
    double load5 = -1;
    double load15 = -1;
    int cpuCount = -1;
};

struct ProbeRelay {
    // Marker in loadedAllocator: /proc/PID/maps was not readable (no root / sudo).
    static constexpr char kUnknown[] = "?";

    QString unit; // "tor@NAME.service" or "tor.service" (a non-Debian single relay)
    QString instance; // NAME; empty for tor.service
    QString loadState; // systemd LoadState: loaded, not-found, masked, ...
    QString activeState; // systemd ActiveState: active, inactive, failed, activating, ...
    QString subState; // systemd SubState: running, dead, ...
    qint64 mainPid = 0; // from systemd, 0 when not running
    qint64 startEpoch = -1; // s, when the main process started
    QString nickname; // empty when unknown (fingerprint file unreadable and no torrc Nickname)
    QString fingerprint; // 40 upper-case hex; empty when unknown
    qint64 rssKb = -1; // VmRSS
    qint64 hwmKb = -1; // VmHWM (peak RSS)
    qint64 vmSizeKb = -1; // VmSize
    QString configuredPreload; // LD_PRELOAD from the unit's Environment; empty = none (glibc)
    QString configuredResolved; // same list with symlinks resolved on the host (':'-separated)
    bool preloadMissing = false; // a configured LD_PRELOAD file does not exist on the host
    // LD_PRELOAD the running process was started with; kUnknown when not readable.
    QString runningPreload;
    // Resolved file mapped into the process (e.g. /usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0);
    // empty = no allocator library loaded (glibc); kUnknown = maps not readable.
    QString loadedAllocator;
    qint64 dropInMtime = -1; // s, newest drop-in of the unit; -1 = no drop-in

    // Derived by the parser from the fields above:
    // The running process does not have the configured LD_PRELOAD, or a drop-in is newer
    // than the process.
    bool needsRestart = false;
    bool allocatorMismatch = false; // configured (resolved) != loaded, both known
    QString invalidReason; // non-empty: shown, but never used for a command
    int line = 0; // line of the probe output this relay came from

    bool isValid() const { return invalidReason.isEmpty(); }
    bool loadedUnknown() const { return loadedAllocator == QLatin1String(kUnknown); }
    bool isRunning() const { return mainPid > 0; }
    // Stable within a host: the unit name.
    QString key() const { return unit; }
};

struct ProbeResult {
    bool ok = false; // false: `error` says why, nothing else is meaningful
    QString error; // "line 7: relay record has 11 fields, expected 17"
    int version = 0; // grammar version of the output
    ProbePrivilege privilege = ProbePrivilege::Unknown;
    ProbeHost host;
    QList<ProbeRelay> relays; // in probe order, invalid ones included (marked)
    QStringList warnings; // the probe's own "warn" records, decoded

    int invalidCount() const;
    int runningCount() const;
    // Without root/sudo: the exact sudoers line that lets the probe escalate
    // (empty when not needed or the user is unknown).
    QString sudoersLine() const;
};

// qRegisterMetaType for the types above (queued connections between worker and GUI thread).
void registerProbeMetaTypes();

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::ProbePrivilege)
Q_DECLARE_METATYPE(alloclab::ProbeHost)
Q_DECLARE_METATYPE(alloclab::ProbeRelay)
Q_DECLARE_METATYPE(alloclab::ProbeResult)
