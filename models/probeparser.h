#pragma once

#include "models/proberesult.h"

#include <QByteArray>

namespace alloclab {

// Strict parser of the probe's output grammar (resources/probe.sh). Version 1:
//
//   alloclab-probe 1
//   host <hostname> <kernel> <os> <tor_version> <user> <now_epoch> <boot_epoch>
//   meminfo <MemTotal> <MemAvailable> <Cached> <SwapTotal> <SwapFree>
//   load <load1> <load5> <load15> <cpus>
//   priv root|sudo|none
//   (relay <unit> <load_state> <active_state> <sub_state> <main_pid> <start_epoch>
//          <nickname> <fingerprint> <rss> <hwm> <vmsize> <preload> <preload_resolved>
//          <preload_ok> <running_preload> <loaded> <dropin_mtime>   -- one line, 17 fields
//    | warn <text>)*
//   end <relay_count>
//
// - Lines end in LF (also the last one: a missing final LF means cut off); fields are
//   separated by exactly one space; nothing may follow `end`.
// - Every field is percent-encoded: bytes in [A-Za-z0-9._+/:,=@~-] stand for themselves,
//   any other byte is %XX (upper-case hex); "-" alone means empty / not known (a literal
//   "-" is sent as %2D). Decoded text must be UTF-8.
// - Numbers (pids, kB, epoch seconds) are decimal digits, at most 18, or "-" = unknown.
//   Loads are decimal with an optional fraction.
// - preload_ok: 1 = every configured file exists, 0 = some is missing, - = none configured.
// - running_preload: LD_PRELOAD in the running process's environment (/proc/PID/environ),
//   "-" = none, "?" = not readable (no root / sudo) or not running.
// - loaded: resolved path of the allocator library in /proc/PID/maps, "-" = none (glibc),
//   "?" = maps not readable (no root / sudo).
// - dropin_mtime: newest mtime of the unit's drop-ins, "-" = none.
// - end's count equals the number of relay records; units are unique.
// Any deviation is an error with a line number ("line 7: relay record has 11 fields,
// expected 17"). Names, paths and fingerprints that fail models/validation.h keep their
// relay but mark it invalid (ProbeRelay::invalidReason).
class ProbeParser
{
public:
    static constexpr int kVersion = 1;
    static constexpr qsizetype kMaxBytes = 8 * 1024 * 1024; // whole output
    static constexpr qsizetype kMaxLineBytes = 64 * 1024;
    static constexpr int kMaxRelays = 10000;
    static constexpr int kMaxWarnings = 100;
    static constexpr int kRelayFields = 17; // after the "relay" keyword

    static ProbeResult parse(const QByteArray &output);

    // Percent-decoding of one field ("-" = empty). False on a malformed escape.
    static bool decodeField(const QByteArray &field, QString *out);
    // The encoding probe.sh uses; for tests and fixtures.
    static QByteArray encodeField(const QString &value);

    // "glibc", "mimalloc (libmimalloc.so.2.0)", "unknown (needs sudo)": for display.
    static QString allocatorLabel(const QString &preloadOrLoaded);
};

} // namespace alloclab
