#pragma once

#include "app/ssh/hostworker.h"
#include "models/proberesult.h"
#include "models/records.h"

#include <QHash>
#include <QObject>

#include <memory>

class QThread;

namespace alloclab {

// The fleet facade on the GUI (or CLI main) thread: one worker thread per host, each owning
// its SSH session. Every call returns at once; results arrive as signals. Each request gets a
// generation id; a result older than the host's latest request, or cancelled, is dropped.
class FleetService : public QObject
{
    Q_OBJECT
public:
    explicit FleetService(QObject *parent = nullptr);
    ~FleetService() override; // cancels and joins the worker threads (bounded: cancel is polled)

    // Hosts added get a worker, removed ones are stopped, changed targets reconnect.
    void setHosts(const QList<HostRecord> &hosts);
    QList<HostRecord> hosts() const;
    void setSshConfig(const QString &path);
    void setTimeouts(int connectMs, int commandMs);
    void setHostKeyPolicy(HostKeyPolicy policy);
    void setKeepalive(int intervalMs, bool autoReconnect);
    HostWorkerSettings settings() const { return m_settings; }
    HostState state(const QString &name) const { return m_state.value(name, HostState::Idle); }

    // Runs the probe on every host in parallel (or one host). A host whose previous request is
    // still running is not asked twice: that request's answer counts for this generation too.
    quint64 refresh();
    quint64 refreshHost(const QString &name);
    // Any command on one host through its session (benchmarks, deploy): commandAvailable().
    quint64 runCommand(const QString &name, const QByteArray &command, const QByteArray &stdinData = {});

    // The operator's answer to hostKeyUnknown(); trusting also re-runs the probe on the host.
    void trustHostKey(const QString &name, bool remember);
    void refuseHostKey(const QString &name);
    // Stops every request in flight (their results are dropped); connections stay.
    void cancel();

Q_SIGNALS:
    void hostStateChanged(const QString &name, alloclab::HostState state, const QString &message);
    void probeAvailable(const QString &name, const alloclab::ProbeResult &result, double rttMs,
                        quint64 generation);
    void commandAvailable(const QString &name, const alloclab::ExecResult &result, quint64 generation);
    void hostFailed(const QString &name, const QString &message);
    void hostKeyUnknown(const QString &name, const QString &sha256Fingerprint);
    // Every host of refresh() `generation` has answered (probeAvailable or hostFailed).
    void refreshFinished(quint64 generation);
    void progress(int done, int total);

private:
    struct Host {
        HostRecord record;
        QThread *thread = nullptr;
        HostWorker *worker = nullptr;
        quint64 latest = 0; // generation of the request in flight (0: none)
        QString pendingFingerprint;
    };
    struct Round {
        int total = 0;
        int done = 0;
        QList<QString> waiting;
    };

    void startWorker(Host &h);
    void stopWorker(Host &h, bool wait);
    bool accept(const QString &name, quint64 generation);
    void answered(const QString &name, quint64 generation);
    void pushSettings();

    HostWorkerSettings m_settings;
    std::shared_ptr<CancelToken> m_token;
    QHash<QString, Host> m_hosts;
    QList<QString> m_order;
    QHash<QString, HostState> m_state;
    QHash<quint64, Round> m_rounds; // refresh generations still waiting for hosts
    quint64 m_generation = 0;
};

} // namespace alloclab
