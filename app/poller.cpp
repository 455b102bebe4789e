#include "app/poller.h"

#include "app/fleetservice.h"
#include "app/store.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimer>

#include <sqlite3.h>

namespace alloclab {

// Receives the store thread's answers. Shared with the queued jobs so it outlives the Poller
// when a job is still queued at destruction; its signals cross to the Poller's thread queued.
class PollSink : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void written(const alloclab::HostPollStored &stored);
    void writeFailed(const QString &name, const QString &message);
};

void registerPollerMetaTypes()
{
    qRegisterMetaType<PollStats>();
    qRegisterMetaType<HostPollStored>();
    registerStoreMetaTypes();
    registerProbeMetaTypes();
}

namespace poller {

namespace {

// A read on the raw handle: Database has no query for "the samples of one poll", and this is
// the only caller. Runs inside the caller's transaction.
struct Query {
    sqlite3_stmt *stmt = nullptr;
    Query(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr); }
    ~Query() { sqlite3_finalize(stmt); }
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;
    QString text(int col) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(stmt, col));
        return p ? QString::fromUtf8(p) : QString();
    }
};

QString relayLabel(const QString &instance, const QString &nickname, Id id)
{
    const QString unit
        = instance.isEmpty() ? QStringLiteral("relay %1").arg(id) : QStringLiteral("tor@") + instance;
    return nickname.isEmpty() ? unit : unit + QStringLiteral(" (") + nickname + QLatin1Char(')');
}

} // namespace

HostObservation previousObservation(Database &db, Id hostId, bool *ok)
{
    *ok = false;
    HostObservation h;
    sqlite3 *raw = db.handle();
    if (!raw)
        return h;
    {
        Query q(raw, "SELECT ok, error FROM polls WHERE host_id = ?1 ORDER BY ts_ms DESC, id DESC LIMIT 1");
        if (!q.stmt)
            return h;
        sqlite3_bind_int64(q.stmt, 1, hostId);
        const int rc = sqlite3_step(q.stmt);
        if (rc == SQLITE_ROW) {
            h.known = true;
            h.reachable = sqlite3_column_int(q.stmt, 0) != 0;
            h.error = q.text(1);
        } else if (rc != SQLITE_DONE) {
            return h;
        }
    }
    if (!h.known) {
        *ok = true;
        return h;
    }
    qint64 pollId = 0;
    qint64 tsMs = 0;
    {
        Query q(
            raw,
            "SELECT id, ts_ms FROM polls WHERE host_id = ?1 AND ok = 1 ORDER BY ts_ms DESC, id DESC LIMIT 1");
        if (!q.stmt)
            return h;
        sqlite3_bind_int64(q.stmt, 1, hostId);
        const int rc = sqlite3_step(q.stmt);
        if (rc == SQLITE_ROW) {
            pollId = sqlite3_column_int64(q.stmt, 0);
            tsMs = sqlite3_column_int64(q.stmt, 1);
        } else if (rc != SQLITE_DONE) {
            return h;
        }
    }
    if (pollId != 0) {
        h.relaysKnown = true;
        // A poll's samples carry its time: one key probe per relay (CROSS JOIN fixes the order).
        Query q(raw,
                "SELECT s.relay_id, s.pid, s.hwm_kb, r.instance, r.nickname FROM relays r "
                "CROSS JOIN samples s ON s.relay_id = r.id AND s.ts_ms = ?1 WHERE s.poll_id = ?2 "
                "ORDER BY r.id");
        if (!q.stmt)
            return h;
        sqlite3_bind_int64(q.stmt, 1, tsMs);
        sqlite3_bind_int64(q.stmt, 2, pollId);
        int rc;
        while ((rc = sqlite3_step(q.stmt)) == SQLITE_ROW) {
            PolledRelay r;
            r.relayId = sqlite3_column_int64(q.stmt, 0);
            r.key = QString::number(r.relayId);
            r.pid = sqlite3_column_int64(q.stmt, 1);
            if (r.pid <= 0)
                r.pid = -1;
            r.hwmKb = sqlite3_column_int64(q.stmt, 2);
            r.label = relayLabel(q.text(3), q.text(4), r.relayId);
            r.running = true;
            h.relays << r;
        }
        if (rc != SQLITE_DONE)
            return h;
    }
    *ok = true;
    return h;
}

bool storeHostPoll(Database &db, const HostRecord &hostIn, qint64 tsMs, qint64 durationMs, bool reachable,
                   const QString &error, const ProbeResult &probe, HostPollStored *stored, QString *errorOut)
{
    auto fail = [&](const QString &message) {
        if (errorOut)
            *errorOut = message;
        return false;
    };
    // One transaction for everything: the previous state read here is the one this poll
    // follows, even when another process polls the same database.
    Transaction tx(db);
    if (!tx.isActive())
        return fail(db.lastError());

    HostRecord host = hostIn;
    if (const auto known = db.host(host.name))
        host = *known;
    else if ((host.id = db.upsertHost(host)) == 0)
        return fail(db.lastError());

    // Two writers (the GUI and a collector) can start a round of one host in the same
    // millisecond. A sample is one (relay, time), so the later poll would keep its row but lose
    // its samples: it moves to the host's next free millisecond instead.
    {
        const auto readFailed = [&] {
            return fail(QCoreApplication::translate("Poller", "Reading the polls of %1 from %2 failed: %3")
                            .arg(host.name, db.path(), QString::fromUtf8(sqlite3_errmsg(db.handle()))));
        };
        Query q(db.handle(), "SELECT 1 FROM polls WHERE host_id = ?1 AND ts_ms = ?2");
        if (!q.stmt)
            return readFailed();
        for (;;) {
            sqlite3_bind_int64(q.stmt, 1, host.id);
            sqlite3_bind_int64(q.stmt, 2, tsMs);
            const int rc = sqlite3_step(q.stmt);
            sqlite3_reset(q.stmt);
            if (rc == SQLITE_DONE)
                break;
            if (rc != SQLITE_ROW)
                return readFailed();
            ++tsMs;
        }
    }

    bool ok = false;
    const HostObservation previous = previousObservation(db, host.id, &ok);
    if (!ok)
        return fail(QCoreApplication::translate("Poller", "Reading the last poll of %1 from %2 failed: %3")
                        .arg(host.name, db.path(), QString::fromUtf8(sqlite3_errmsg(db.handle()))));

    PollWrite w;
    w.hostId = host.id;
    w.tsMs = tsMs;
    w.durationMs = durationMs;
    w.ok = reachable;
    w.error = error;

    HostObservation current;
    if (reachable) {
        current.known = current.reachable = current.relaysKnown = true;
        int running = 0;
        for (const ProbeRelay &r : probe.relays) {
            // An invalid relay's names cannot be trusted as an identity; the fleet view shows it.
            if (!r.isValid())
                continue;
            RelayRecord rec;
            rec.hostId = host.id;
            rec.server = host.name;
            rec.instance = r.instance;
            rec.nickname = r.nickname;
            rec.fingerprint = r.fingerprint;
            const Id id = db.resolveRelay(rec);
            if (id == 0)
                return fail(db.lastError());
            PolledRelay o = pollevents::observe(r);
            o.key = QString::number(id);
            o.relayId = id;
            current.relays << o;
            if (!r.isRunning())
                continue;
            ++running;
            SampleRecord s;
            s.relayId = id;
            s.tsMs = tsMs;
            s.rssKb = r.rssKb;
            s.hwmKb = r.hwmKb;
            s.vmsizeKb = r.vmSizeKb;
            s.pid = r.mainPid;
            s.loadedAllocator = r.loadedAllocator; // "" = glibc, "?" = unknown: the same convention
            w.samples << s;
        }
        HostDiagnosticsRecord d;
        d.hostId = host.id;
        d.server = host.name;
        d.tsMs = tsMs;
        d.hostname = probe.host.hostname;
        d.kernel = probe.host.kernel;
        d.osRelease = probe.host.os;
        d.torVersion = probe.host.torVersion;
        d.memTotalKb = probe.host.memTotalKb;
        d.memAvailableKb = probe.host.memAvailableKb;
        d.cachedKb = probe.host.cachedKb;
        d.swapTotalKb = probe.host.swapTotalKb;
        d.swapFreeKb = probe.host.swapFreeKb;
        d.load1 = probe.host.load1;
        d.relayCount = running;
        w.diagnostics = d;
    } else {
        current = pollevents::unreachable(error, previous.relaysKnown, previous.relays);
    }
    w.events = pollevents::diff(host.name, previous, current);

    PollResult result;
    if (!db.insertPoll(w, &result))
        return fail(db.lastError());
    if (!tx.commit())
        return fail(db.lastError());
    if (stored) {
        stored->host = host.name;
        stored->result = result;
        stored->ok = reachable;
        stored->error = error;
        stored->events = w.events;
        for (EventRecord &e : stored->events) {
            e.hostId = host.id;
            e.tsMs = tsMs;
        }
    }
    return true;
}

} // namespace poller

Poller::Poller(FleetService *fleet, Store *store, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_store(store)
    , m_sink(new PollSink, [](PollSink *s) { s->deleteLater(); })
    , m_timer(new QTimer(this))
{
    registerPollerMetaTypes();
    // A coarse timer may be 5 % late: an hour on a 24 h interval.
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Poller::beginRound);
    connect(
        m_fleet, &FleetService::probeAvailable, this,
        [this](const QString &name, const ProbeResult &r, double rtt, quint64) { onProbe(name, r, rtt); });
    connect(m_fleet, &FleetService::hostFailed, this, &Poller::onHostFailed);
    connect(m_fleet, &FleetService::refreshFinished, this, &Poller::onRoundAnswered);
    connect(m_sink.get(), &PollSink::written, this, &Poller::onWritten, Qt::QueuedConnection);
    connect(m_sink.get(), &PollSink::writeFailed, this, &Poller::onWriteFailed, Qt::QueuedConnection);
}

Poller::~Poller() = default;

bool Poller::setInterval(qint64 ms)
{
    if (ms < kMinIntervalMs || ms > kMaxIntervalMs)
        return false;
    m_intervalMs = ms;
    if (!m_roundActive)
        schedule();
    return true;
}

void Poller::setTestingInterval(qint64 ms)
{
    m_intervalMs = qMax<qint64>(0, ms);
    if (!m_roundActive)
        schedule();
}

void Poller::start(bool pollFirst)
{
    m_started = true;
    m_stopping = false;
    if (pollFirst && !m_paused) {
        beginRound();
    } else {
        m_lastStartMs = QDateTime::currentMSecsSinceEpoch();
        schedule();
    }
}

bool Poller::pollNow()
{
    if (m_roundActive || m_stopping)
        return false;
    beginRound();
    return true;
}

void Poller::pause()
{
    if (m_paused)
        return;
    m_paused = true;
    m_timer->stop();
    setNext({});
    Q_EMIT pausedChanged(true);
}

void Poller::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    if (!m_roundActive)
        schedule();
    Q_EMIT pausedChanged(false);
}

void Poller::stop()
{
    m_stopping = true;
    m_started = false;
    m_timer->stop();
    setNext({});
    if (!m_roundActive)
        QMetaObject::invokeMethod(this, &Poller::stopped, Qt::QueuedConnection);
}

void Poller::beginRound()
{
    if (m_roundActive || m_stopping)
        return;
    m_timer->stop();
    m_roundActive = true;
    ++m_round;
    m_roundClock.start();
    m_roundTsMs = QDateTime::currentMSecsSinceEpoch();
    m_lastStartMs = m_roundTsMs;
    m_roundHosts.clear();
    const QList<HostRecord> hosts = m_fleet->hosts();
    for (const HostRecord &h : hosts)
        m_roundHosts.insert(h.name, h);
    m_answered.clear();
    m_writesPending = 0;
    m_stats = PollStats();
    m_stats.round = m_round;
    m_stats.tsMs = m_roundTsMs;
    setNext({});
    Q_EMIT pollStarted(m_round, QDateTime::fromMSecsSinceEpoch(m_roundTsMs, Qt::UTC));
    m_generation = m_fleet->refresh();
}

void Poller::onProbe(const QString &name, const ProbeResult &result, double rttMs)
{
    // Any answer for a host of the round counts, also one to a request that was already in
    // flight when the round began (FleetService never asks a host twice at once).
    if (m_generation == 0 || !m_roundHosts.contains(name) || m_answered.contains(name))
        return;
    m_answered.insert(name);
    HostAnswer a;
    a.ok = result.ok;
    a.probe = result;
    a.rttMs = rttMs;
    if (!result.ok) {
        a.error = tr("%1: the probe's output was rejected: %2").arg(name, result.error);
        Q_EMIT hostFailed(name, a.error);
    }
    write(name, m_roundHosts.value(name), a);
}

void Poller::onHostFailed(const QString &name, const QString &message)
{
    if (m_generation == 0 || !m_roundHosts.contains(name) || m_answered.contains(name))
        return;
    m_answered.insert(name);
    HostAnswer a;
    a.ok = false;
    a.error = message;
    Q_EMIT hostFailed(name, message);
    write(name, m_roundHosts.value(name), a);
}

void Poller::onRoundAnswered(quint64 generation)
{
    if (generation == 0 || generation != m_generation)
        return;
    // Hosts without an answer were cancelled (FleetService::cancel): nothing to store.
    m_generation = 0;
    maybeFinishRound();
}

void Poller::write(const QString &name, const HostRecord &host, const HostAnswer &answer)
{
    ++m_writesPending;
    const qint64 ts = m_roundTsMs;
    const qint64 duration = answer.rttMs >= 0 ? qRound64(answer.rttMs) : -1;
    std::shared_ptr<PollSink> sink = m_sink;
    m_store->run(
        [sink, name, host, ts, duration, answer](Database &db) {
            HostPollStored stored;
            QString error;
            bool ok = poller::storeHostPoll(db, host, ts, duration, answer.ok, answer.error, answer.probe,
                                            &stored, &error);
            // Another writer (an import chunk, a collector) held the lock past the busy timeout:
            // the failed attempt left nothing behind, so trying again cannot double anything.
            for (int attempt = 0; !ok && db.lastErrorWasBusy() && attempt < 3; ++attempt)
                ok = poller::storeHostPoll(db, host, ts, duration, answer.ok, answer.error, answer.probe,
                                           &stored, &error);
            if (ok)
                Q_EMIT sink->written(stored);
            else
                Q_EMIT sink->writeFailed(name, error);
        },
        true);
}

void Poller::onWritten(const HostPollStored &stored)
{
    --m_writesPending;
    if (stored.ok)
        ++m_stats.hostsOk;
    else
        ++m_stats.hostsFailed;
    m_stats.relays += stored.result.samplesStored;
    m_stats.events += int(stored.events.size());
    Q_EMIT hostPolled(stored);
    maybeFinishRound();
}

void Poller::onWriteFailed(const QString &name, const QString &message)
{
    --m_writesPending;
    ++m_stats.hostsNotStored;
    Q_EMIT storeFailed(name, message);
    maybeFinishRound();
}

void Poller::maybeFinishRound()
{
    if (!m_roundActive || m_generation != 0 || m_writesPending > 0)
        return;
    m_roundActive = false;
    m_stats.durationMs = m_roundClock.elapsed();
    m_last = m_stats;
    Q_EMIT pollFinished(m_stats);
    if (m_stopping) {
        Q_EMIT stopped();
        return;
    }
    schedule();
}

void Poller::schedule()
{
    if (!m_started || m_paused || m_stopping || m_roundActive) {
        m_timer->stop();
        setNext({});
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 next = qMax(now, m_lastStartMs + m_intervalMs);
    m_timer->start(int(qMin<qint64>(next - now, kMaxIntervalMs)));
    setNext(QDateTime::fromMSecsSinceEpoch(next, Qt::UTC));
}

void Poller::setNext(const QDateTime &at)
{
    if (at == m_nextAt)
        return;
    m_nextAt = at;
    Q_EMIT nextPollChanged(at);
}

qint64 Poller::parseDuration(const QString &text, QString *error)
{
    static const QRegularExpression re(QStringLiteral("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$"));
    const QString t = text.trimmed().toLower();
    bool isNumber = false;
    const qint64 plain = t.toLongLong(&isNumber);
    if (isNumber && plain >= 0 && plain <= 10LL * kMaxIntervalMs / 1000)
        return plain * 1000;
    const QRegularExpressionMatch m = re.match(t);
    if (t.isEmpty() || !m.hasMatch()
        || (m.captured(1).isEmpty() && m.captured(2).isEmpty() && m.captured(3).isEmpty())) {
        if (error)
            *error = tr("'%1' is not a duration: expected e.g. 30s, 5m, 1h or 1h30m.").arg(text);
        return -1;
    }
    qint64 ms = 0;
    const qint64 unit[] = { 3600 * 1000, 60 * 1000, 1000 };
    for (int i = 0; i < 3; ++i) {
        const QString c = m.captured(i + 1);
        if (c.size() > 6) {
            if (error)
                *error = tr("'%1' is too long a duration.").arg(text);
            return -1;
        }
        ms += c.toLongLong() * unit[i];
    }
    return ms;
}

QString Poller::formatDuration(qint64 ms)
{
    qint64 s = ms / 1000;
    const qint64 h = s / 3600;
    const qint64 m = (s % 3600) / 60;
    s %= 60;
    QString out;
    if (h)
        out += QString::number(h) + QLatin1Char('h');
    if (m)
        out += QString::number(m) + QLatin1Char('m');
    if (s || out.isEmpty())
        out += QString::number(s) + QLatin1Char('s');
    return out;
}

} // namespace alloclab

#include "poller.moc"
