#pragma once

#include <QByteArray>

namespace alloclab {

// The remote command: the probe script is written to its stdin, one exec per host per poll.
constexpr char kProbeCommand[] = "sh -s";

// resources/probe.sh (Qt resource ":/probe/probe.sh"); its output is parsed by ProbeParser.
QByteArray probeScript();

} // namespace alloclab
