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

} // namespace alloclab
