#pragma once

#include <QByteArray>

namespace alloclab {

// The remote command: the probe script is written to its stdin, one exec per host per poll.
// Root runs it directly; anyone else under ONE `sudo -n /bin/sh -s` (the sudoers line the app
// suggests), and without passwordless sudo unprivileged: a refused `sudo -n` exits before it
// reads stdin, so the fallback shell still gets the whole script. The script works out for
// itself which of the three it got (its own uid, SUDO_UID).
constexpr char kProbeCommand[]
    = "if [ -r /proc/1/environ ]; then exec /bin/sh -s; fi; sudo -n /bin/sh -s || exec /bin/sh -s";

// resources/probe.sh (Qt resource ":/probe/probe.sh"); its output is parsed by ProbeParser.
QByteArray probeScript();

// The resident probe: kProbeCommand started once per connection, fed residentProbeInit(),
// which defines the probe as a shell function and returns to the shell; each poll then writes
// residentProbeRequest(n), which runs it and prints "\n" + residentProbeMarker(n) + "<status>".
// A poll so starts no login shell, sudo or sh on the host, and costs one round trip.
QByteArray residentProbeInit();
QByteArray residentProbeRequest(quint64 nonce);
QByteArray residentProbeMarker(quint64 nonce);

} // namespace alloclab
