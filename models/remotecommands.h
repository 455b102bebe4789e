#pragma once

// The only place where deploy commands for a relay host are written. Every script is POSIX sh,
// sent on stdin of one exec (`sh -s` as root, `sudo -n sh -s` otherwise), built from VALIDATED
// names and paths only, each quoted with validation::shellQuote. Remote output is parsed into
// values (RelayObservation) and never spliced back into a command.
//
// Host layout:
//   /etc/systemd/system/tor@NAME.service.d/alloclab-allocator.conf   the drop-in
//   /var/lib/alloclab/deploy/orig/UNIT.conf|.absent   state before AllocLab first changed it
//   /var/lib/alloclab/deploy/prev/UNIT.conf|.absent   state before the latest change

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace alloclab {

// What one inspect script reports about one relay (all values untrusted, used for comparison).
struct RelayObservation {
    enum class Backup { None, Absent, Content }; // no backup; "there was no drop-in"; content

    bool seen = false; // the inspect output had a record for this relay
    QString loadState; // systemd LoadState
    QString activeState; // systemd ActiveState
    qint64 mainPid = 0;
    qint64 nRestarts = -1;
    bool unitOk = false; // unit loaded and (for tor@NAME) /etc/tor/instances/NAME/torrc exists
    bool dropInExists = false;
    QByteArray dropInContent;
    Backup orig = Backup::None;
    QByteArray origContent;
    QString configuredPreload; // LD_PRELOAD in the unit's Environment (as systemd has it loaded)
    QString loadedAllocator; // first allocator library in /proc/PID/maps, empty = none
    QString processPreload; // LD_PRELOAD in /proc/PID/environ, empty = none
    QString wantedResolved; // readlink -f of the wanted path on the host
    bool wantedInMaps = false; // the resolved wanted library is mapped in the process
    int libraryReadable = -1; // -1: no library wanted; 0/1: regular, readable file
    bool dirWritable = false; // drop-in directory (or its parent) writable
    bool stateDirWritable = false; // /var/lib/alloclab (or its parent) writable

    bool isActive() const { return activeState == QLatin1String("active") && mainPid > 0; }
};

namespace remote {

// Where the deploy machinery keeps its state on a host.
QString stateDir();

// "tor@NAME.service", or "tor.service" for an empty instance (a plain single relay).
QString unitName(const QString &instance);
QString dropInDir(const QString &instance);
QString dropInPath(const QString &instance);
// The drop-in's exact content; empty for glibc (empty path = no drop-in at all).
QByteArray dropInContent(const QString &libraryPath);
// LD_PRELOAD of a drop-in as AllocLab writes it; false when the text is not of that form.
bool parseDropIn(const QByteArray &content, QString *libraryPath);

// Empty when the instance ("" = tor.service) and the library path ("" = glibc) may reach a
// shell; otherwise a translated sentence naming the offending value.
QString checkRelay(const QString &instance, const QString &libraryPath);

struct Script {
    QByteArray text; // empty when refused
    QString error; // why it was refused
    bool ok() const { return error.isEmpty() && !text.isEmpty(); }
};

// The fixed remote command the scripts are fed to. Root needs no sudo.
QByteArray shellCommand(bool root);

struct InspectItem {
    QString instance;
    QString wantedPath; // resolved on the host and looked up in /proc/PID/maps; "" = glibc
};
// Read-only: state, privileges, preflight checks. Prints "alloclab-inspect 1", then one
// "relay" line per item (same order), then "end N".
Script inspect(const QList<InspectItem> &items);
// Parses inspect()'s output for `count` items; false with *error when malformed.
bool parseInspect(const QByteArray &output, int count, QList<RelayObservation> *out, QString *error);

struct ChangeItem {
    enum class Kind {
        Put, // write the drop-in for `path` (keeps orig once, prev always)
        Remove, // glibc: no drop-in (keeps orig once, prev always)
        RestorePrev, // automatic rollback of a failed relay
        RestoreOrig, // rollback of a whole experiment
        ReloadOnly, // the drop-in is already right; only the reload and restart are due
    };
    QString instance;
    Kind kind = Kind::ReloadOnly;
    QString path; // for Put
};
// Atomic writes (temp file + rename) for a batch, then one `systemctl daemon-reload`.
// Prints "ok I" / "fail I" per item and "reload ok|fail".
Script change(const QList<ChangeItem> &items);

struct RestartItem {
    QString instance;
    int jitterMs = 0; // waited before this relay's restart
};
// Queues the restarts (`systemctl restart --no-block`) with jitter; verification polls.
Script restart(const QList<RestartItem> &items);

// After a verified experiment rollback: the backups are no longer needed.
Script forgetBackups(const QStringList &instances);

} // namespace remote
} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::RelayObservation)
