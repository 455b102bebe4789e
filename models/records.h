#pragma once

// The shared vocabulary: value types that cross threads (registered metatypes) and that the
// store persists. Times are UTC epoch milliseconds; memory is in kB as /proc reports it;
// -1 means "not known" (e.g. not readable without root), 0 for an Id means "none yet".

#include <QList>
#include <QMetaType>
#include <QString>

namespace alloclab {

using Id = qint64;

struct HostRecord {
    Id id = 0;
    QString name; // unique, what the operator and the CLI call it (e.g. "lab1", "go")
    QString target; // ssh_config alias, host, user@host, user@host:port or user@[v6]:port
    QString note;
};

// Identity: fingerprint when known; otherwise host + instance (probed relays) or
// server + nickname (imported rows without fingerprint).
struct RelayRecord {
    Id id = 0;
    Id hostId = 0; // 0 for relays only known from imported files
    QString server; // host name as the data names it (CSV "server" or HostRecord::name)
    QString instance; // tor@INSTANCE, empty when unknown
    QString nickname;
    QString fingerprint; // 40 upper-case hex, or empty
};

struct AllocatorRecord {
    QString id; // "glibc", "jemalloc", "mimalloc", or a custom id
    QString name; // "mimalloc"
    QString version; // "2.0.9", may be empty
    QString path; // absolute library path; empty for glibc (no preload)
    QString sha256; // optional
};

struct GroupRecord {
    Id id = 0;
    Id experimentId = 0;
    QString letter; // "A".."Z"
    QString label; // "mimalloc301"
    QString allocatorId;
    QString colour; // "#rrggbb", one colour per group everywhere in the app
};

struct ExperimentRecord {
    Id id = 0;
    QString name;
    QString hypothesis;
    QString notes;
    qint64 startMs = 0;
    qint64 endMs = 0; // 0 = still running
    QList<GroupRecord> groups;
};

// Membership over time: analysis uses the membership in force at each sample.
struct AssignmentRecord {
    Id relayId = 0;
    Id groupId = 0;
    qint64 fromMs = 0;
    qint64 toMs = 0; // 0 = open
    bool deployed = false; // planned on the board vs verified on the host
};

struct SampleRecord {
    Id relayId = 0;
    qint64 tsMs = 0;
    qint64 rssKb = -1;
    qint64 hwmKb = -1;
    qint64 vmsizeKb = -1;
    qint64 pid = -1;
    QString loadedAllocator; // resolved file from /proc/PID/maps, "" = glibc, "?" = unknown
};

// Whole-server figures (TorUtils "aggregate" rows, or computed per poll).
struct AggregateRecord {
    QString server;
    qint64 tsMs = 0;
    qint64 count = 0;
    qint64 totalKb = 0;
    qint64 avgKb = 0;
    qint64 minKb = 0;
    qint64 maxKb = 0;
};

struct EventRecord {
    Id id = 0;
    qint64 tsMs = 0;
    QString type; // "relay_restarted", "host_unreachable", "deploy_step", imported types...
    QString description;
    QString group; // group letter when the event concerns one
    Id hostId = 0;
    Id relayId = 0;
};

struct HostDiagnosticsRecord {
    Id hostId = 0;
    QString server;
    qint64 tsMs = 0;
    QString hostname;
    QString kernel;
    QString osRelease;
    QString torVersion;
    QString allocator;
    qint64 memTotalKb = -1;
    qint64 memAvailableKb = -1;
    qint64 cachedKb = -1;
    qint64 swapTotalKb = -1;
    qint64 swapFreeKb = -1;
    double load1 = -1;
    int relayCount = -1;
};

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::HostRecord)
Q_DECLARE_METATYPE(alloclab::RelayRecord)
Q_DECLARE_METATYPE(alloclab::AllocatorRecord)
Q_DECLARE_METATYPE(alloclab::GroupRecord)
Q_DECLARE_METATYPE(alloclab::ExperimentRecord)
Q_DECLARE_METATYPE(alloclab::AssignmentRecord)
Q_DECLARE_METATYPE(alloclab::SampleRecord)
Q_DECLARE_METATYPE(alloclab::AggregateRecord)
Q_DECLARE_METATYPE(alloclab::EventRecord)
Q_DECLARE_METATYPE(alloclab::HostDiagnosticsRecord)
