#pragma once

// Polls every host of a FleetService into a Store, on an interval or on demand.
//
// One poll round = one probe per host, all hosts in parallel (FleetService). Each host's
// answer becomes one PollWrite (samples with the loaded allocator, host diagnostics, events)
// written in ONE transaction on the store's writer thread: all or nothing, never on the
// caller's thread. The events (pollevents::diff) compare with the host's last poll as the
// database has it, read inside that same transaction, so a GUI and a collector polling one
// database at the same time neither miss nor double an event. All hosts of a round share the
// round's timestamp (UTC epoch ms), so "the snapshot at T" covers the whole fleet.

#include "app/database.h"
#include "models/pollevents.h"
#include "models/proberesult.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

class QTimer;

namespace alloclab {

class FleetService;
class Store;
class PollSink;

// What one round did, once every host has answered and every write has finished.
struct PollStats {
    quint64 round = 0;
    qint64 tsMs = 0; // the round's timestamp (UTC epoch ms)
    int hostsOk = 0; // probe answered and stored
    int hostsFailed = 0; // unreachable or probe failed (stored as a failed poll + event)
    int hostsNotStored = 0; // the write failed (disk full, ...): see storeFailed()
    int relays = 0; // samples written
    int events = 0;
    qint64 durationMs = 0; // start of the round to the last commit
};

// One host's poll as it was committed.
struct HostPollStored {
    QString host;
    PollResult result;
    bool ok = true; // false: the host was unreachable; the poll row records the error
    QString error;
    QList<EventRecord> events;
};

class Poller : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMinIntervalMs = 10 * 1000;
    static constexpr qint64 kMaxIntervalMs = 24 * 3600 * 1000;
    static constexpr qint64 kDefaultIntervalMs = 5 * 60 * 1000;

    // Neither is owned; both must outlive the Poller. The store must be open before a round's
    // answers arrive (writes to a closed store fail and are reported by storeFailed()).
    Poller(FleetService *fleet, Store *store, QObject *parent = nullptr);
    ~Poller() override;

    // 10 s .. 24 h; false (and nothing changes) outside. Reschedules the next poll.
    bool setInterval(qint64 ms);
    qint64 interval() const { return m_intervalMs; }
    // Tests only (collect --test-interval-ms): any interval >= 0, no bounds.
    void setTestingInterval(qint64 ms);

    // Starts polling on the interval; the first round starts at once unless `pollFirst` is false.
    void start(bool pollFirst = true);
    // Polls now (Ctrl+R) unless a round is already running or stop() was called (then false);
    // the interval counts from this round. Works while paused (one round, still paused).
    bool pollNow();
    void pause(); // no more scheduled rounds; a round in flight completes
    void resume(); // schedules the next round one interval after the last one started
    bool isPaused() const { return m_paused; }
    bool isRunning() const { return m_roundActive; } // a round is in flight (probes or writes)
    // No further rounds (start() begins again); emits stopped() once the round in flight (if
    // any) is committed whole.
    void stop();
    // Invalid while paused, stopped or polling.
    QDateTime nextPollAt() const { return m_nextAt; }
    PollStats lastStats() const { return m_last; }

    // "30s", "5m", "1h", "1h30m", "90" (seconds): ms, or -1 with *error set. Bounds not checked.
    static qint64 parseDuration(const QString &text, QString *error = nullptr);
    static QString formatDuration(qint64 ms); // "5m", "1h30m", "45s"

Q_SIGNALS:
    void pollStarted(quint64 round, const QDateTime &at);
    void hostPolled(const alloclab::HostPollStored &stored); // committed
    void hostFailed(const QString &name, const QString &message); // unreachable / probe error
    // The poll of `name` could not be stored (nothing of it was); the database is unchanged.
    void storeFailed(const QString &name, const QString &message);
    void pollFinished(const alloclab::PollStats &stats);
    void nextPollChanged(const QDateTime &at); // invalid: none scheduled
    void pausedChanged(bool paused);
    void stopped();

private:
    struct HostAnswer {
        bool ok = false;
        QString error;
        ProbeResult probe;
        double rttMs = -1;
    };

    void beginRound();
    void onProbe(const QString &name, const ProbeResult &result, double rttMs);
    void onHostFailed(const QString &name, const QString &message);
    void onRoundAnswered(quint64 generation);
    void write(const QString &name, const HostRecord &host, const HostAnswer &answer);
    void onWritten(const HostPollStored &stored);
    void onWriteFailed(const QString &name, const QString &message);
    void maybeFinishRound();
    void schedule();
    void setNext(const QDateTime &at);

    FleetService *m_fleet;
    Store *m_store;
    std::shared_ptr<PollSink> m_sink;
    QTimer *m_timer;
    qint64 m_intervalMs = kDefaultIntervalMs;
    bool m_started = false;
    bool m_paused = false;
    bool m_stopping = false;
    bool m_roundActive = false;
    quint64 m_round = 0;
    quint64 m_generation = 0; // FleetService round of ours in flight (0: probes done)
    qint64 m_roundTsMs = 0;
    qint64 m_lastStartMs = 0;
    QElapsedTimer m_roundClock;
    QHash<QString, HostRecord> m_roundHosts; // hosts asked in this round, by name
    QSet<QString> m_answered;
    int m_writesPending = 0;
    PollStats m_stats;
    PollStats m_last;
    QDateTime m_nextAt;
};

namespace poller {
// The database side of one host poll, exposed for tests and for the CLI's --once path:
// everything happens inside one transaction on `db` (reads the previous state, computes the
// events, inserts the poll). Returns false with *error set when nothing was stored.
bool storeHostPoll(Database &db, const HostRecord &host, qint64 tsMs, qint64 durationMs, bool reachable,
                   const QString &error, const ProbeResult &probe, HostPollStored *stored, QString *errorOut);
// The host as its last polls in `db` left it (for pollevents::diff).
HostObservation previousObservation(Database &db, Id hostId, bool *ok);
} // namespace poller

void registerPollerMetaTypes();

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::PollStats)
Q_DECLARE_METATYPE(alloclab::HostPollStored)
