#pragma once

// What changed on a host between two polls, as events for the store: a relay restarted, a relay
// appeared or vanished, the host became unreachable or came back. Pure: the caller says what it
// saw before (usually read back from the store, so a GUI and a collector polling the same
// database agree) and what it sees now.

#include "models/proberesult.h"
#include "models/records.h"

#include <QList>
#include <QString>

namespace alloclab {

// One relay as one poll saw it.
struct PolledRelay {
    QString key; // identity within the host: equal keys = the same relay (relay id or unit)
    Id relayId = 0; // copied into the events about this relay
    QString label; // "tor@relay3 (Relay3)", used in descriptions
    bool running = true; // measured (has a main process); false: present but stopped
    QString state; // systemd ActiveState when known ("failed", "inactive", ...)
    qint64 pid = -1; // -1 = unknown
    qint64 startEpoch = -1; // s, -1 = unknown (the store does not keep it)
    qint64 hwmKb = -1; // VmHWM, -1 = unknown
};

struct HostObservation {
    bool known = false; // false: the host was never polled (no relay events on a first poll)
    bool reachable = true;
    bool relaysKnown = false; // `relays` holds a poll that reached the host (false: never reached)
    QString error; // why it was unreachable
    // Reachable: what this poll saw (running and stopped relays). Unreachable: the relays of
    // the last poll that reached the host, so a restart during an outage is still noticed.
    QList<PolledRelay> relays;
};

namespace pollevents {

// Event types written by the poller (EventRecord::type).
inline constexpr char kRelayRestarted[] = "relay_restarted";
inline constexpr char kRelayAppeared[] = "relay_appeared";
inline constexpr char kRelayVanished[] = "relay_vanished";
inline constexpr char kHostUnreachable[] = "host_unreachable";
inline constexpr char kHostReachable[] = "host_reachable";

// "tor@NAME (Nick)", or the unit alone when the nickname is unknown.
QString relayLabel(const ProbeRelay &relay);
// The observation of a probed relay; key = its unit (callers may replace it with a relay id).
PolledRelay observe(const ProbeRelay &relay);
// A reachable host: every valid relay of the probe (invalid ones cannot be trusted as identity).
HostObservation observe(const ProbeResult &result);
// An unreachable host; lastRelays from its last poll that reached it, if there was one.
HostObservation unreachable(const QString &error, bool relaysKnown = false,
                            const QList<PolledRelay> &lastRelays = {});

// The events from `previous` to `current` for host `hostName`, in a stable order (host events
// first, then relays in `current` order, then vanished relays in `previous` order). tsMs and
// hostId are left 0 for the caller (Database::insertPoll fills the poll's). Rules:
// - restarted: running in both and a different PID, a different start time (both known), or
//   a lower VmHWM (the peak only grows within a process, so a drop means a new one).
// - appeared: running now, not running (or absent) before; vanished: the reverse. A stopped
//   relay is "vanished" with its state; a unit that is gone says so.
// - unreachable: the host is unreachable now and was not before (or never polled);
//   reachable ("back"): reachable now after an unreachable poll.
// - No relay events on a host's first poll (previous.relaysKnown false), nor while it is
//   unreachable.
QList<EventRecord> diff(const QString &hostName, const HostObservation &previous,
                        const HostObservation &current);

} // namespace pollevents
} // namespace alloclab
