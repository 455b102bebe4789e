#pragma once

#include "app/ssh/sshsession.h"
#include "models/proberesult.h"
#include "models/records.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <memory>

class QTimer;

namespace alloclab {

enum class HostState {
    Idle, // configured, not connected yet
    Connecting,
    Connected, // authenticated, idle
    Probing, // a command is running
    HostKeyUnknown, // waiting for the operator (GUI) to trust or refuse the key
    Backoff, // lost or failed; a reconnect is scheduled
    Failed, // the last attempt failed (see the message); the next request tries again
    // Refused: known_hosts records another key for this host (changed, or of another type).
    // Never offered for trust; no automatic reconnect. The message says what it means and
    // the exact `ssh-keygen -R` that removes the old key once the change is known legitimate.
    HostKeyChanged,
};
QString hostStateName(HostState state); // translated, for display

enum class HostKeyPolicy {
    Ask, // GUI: hostKeyUnknown() is emitted and the operator answers
    Refuse, // CLI default: an unknown key fails the host
    AcceptNew, // CLI --accept-new: an unknown key is recorded in known_hosts
};

struct HostWorkerSettings {
    QString sshConfig; // empty: none
    int connectTimeoutMs = 10000;
    int commandTimeoutMs = 60000;
    HostKeyPolicy hostKeyPolicy = HostKeyPolicy::Ask;
    int keepaliveMs = 30000; // 0: off
    bool autoReconnect = true; // reconnect in the background after a lost connection
    int backoffInitialMs = 1000;
    int backoffMaxMs = 60000;
};

// Shared between a FleetService and its workers: jobs with generation <= cancelledUpTo stop.
struct CancelToken {
    std::atomic<quint64> cancelledUpTo { 0 };
    std::atomic_bool stopping { false }; // the service is going away
};

// Owns one host's SshSession; lives on its own QThread and is only ever called there (the
// service talks to it through queued calls, it answers through signals).
class HostWorker : public QObject
{
    Q_OBJECT
public:
    // cancel: shared by the service's workers; stop: this worker's own "going away" flag.
    HostWorker(const HostRecord &host, const HostWorkerSettings &settings,
               std::shared_ptr<CancelToken> cancel, std::shared_ptr<std::atomic_bool> stop);
    ~HostWorker() override;

    // Called on the worker's thread (QMetaObject::invokeMethod with this as context).
    void runProbe(quint64 generation);
    void runCommand(quint64 generation, const QByteArray &command, const QByteArray &stdinData);
    void trustHostKey(const QString &fingerprint, bool remember);
    void refuseHostKey();
    void applySettings(const HostWorkerSettings &settings);
    void shutdown(); // disconnect; the thread quits after this

Q_SIGNALS:
    void stateChanged(const QString &name, alloclab::HostState state, const QString &message);
    void probeFinished(const QString &name, quint64 generation, const alloclab::ProbeResult &result,
                       double rttMs);
    void commandFinished(const QString &name, quint64 generation, const alloclab::ExecResult &result);
    void failed(const QString &name, quint64 generation, const QString &message);
    void hostKeyUnknown(const QString &name, const QString &fingerprint);

private:
    bool ensureConnected(quint64 generation, QString *error);
    bool stopping() const { return m_token->stopping.load() || m_stop->load(); }
    void setState(HostState state, const QString &message = QString());
    void scheduleReconnect();
    void onKeepalive();
    void onReconnect();
    void restartKeepalive();
    ExecResult probeRoundTrip();

    HostRecord m_host;
    HostWorkerSettings m_settings;
    std::shared_ptr<CancelToken> m_token;
    std::shared_ptr<std::atomic_bool> m_stop;
    std::unique_ptr<SshSession> m_session;
    quint64 m_currentGeneration = 0;
    HostState m_state = HostState::Idle;
    QTimer *m_keepalive = nullptr;
    QTimer *m_reconnect = nullptr;
    int m_failures = 0;
    quint64 m_probeNonce = 0;
    bool m_everConnected = false;
    QString m_pendingFingerprint; // shown to the operator, not answered yet
    QString m_trustedOnce; // "trust once" answer: accepted for this process only
    bool m_rememberTrusted = false;
    bool m_refused = false;
};

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::HostState)
