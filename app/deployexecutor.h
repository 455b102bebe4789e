#pragma once

// One host's deploy, run synchronously on a worker thread that owns the host's connection:
// inspect (preflight) -> re-plan from what the host really has -> per batch: drop-ins + one
// daemon-reload, restarts with jitter, verification, automatic rollback of failed relays.
// Writes to a host happen only here, only through models/remotecommands.h scripts.

#include "app/ssh/sshsession.h"
#include "models/deployplan.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace alloclab {

// Runs a script as root on one host (sh -s, or sudo -n sh -s). Thread-confined.
class RemoteExec
{
public:
    virtual ~RemoteExec() = default;
    // (Re)connects; false with *error when the host cannot be used.
    virtual bool connect(QString *error) = 0;
    virtual ExecResult exec(const QByteArray &script, int timeoutMs) = 0;
};

// RemoteExec over libssh (app/ssh/sshsession.h). Only known host keys are accepted.
class SshRemoteExec : public RemoteExec
{
    Q_DECLARE_TR_FUNCTIONS(SshRemoteExec)
public:
    // target: ssh_config alias or user@host[:port]; configPath like ssh -F ("" = none).
    SshRemoteExec(const QString &name, const QString &target, const QString &configPath);
    ~SshRemoteExec() override;
    bool connect(QString *error) override;
    ExecResult exec(const QByteArray &script, int timeoutMs) override;

private:
    QString m_name;
    QString m_target;
    QString m_config;
    std::unique_ptr<SshSession> m_session;
    bool m_root = false;
};

enum class RelayDeployState {
    Pending,
    Skipped, // already right: left alone
    Changing, // drop-in being written, reload
    Restarting,
    Verifying,
    VerifiedNew, // runs the wanted allocator, verified
    Failed, // failed verification (a rollback follows when possible)
    RollingBack,
    VerifiedOld, // back to its previous state, verified
    RollbackFailed, // needs the operator
    NotStarted, // aborted, halted or preflight failed before it was touched
    Unknown, // the connection was lost while it was being changed
};
QString relayDeployStateName(RelayDeployState state);
bool isTerminal(RelayDeployState state);

struct RelayReport {
    QString host;
    QString instance;
    RelayDeployState state = RelayDeployState::Pending;
    QString message;
    qint64 pidBefore = 0;
    qint64 pidAfter = 0;
    QString allocatorId;
    QString group;
    Id relayId = 0;
    Id groupId = 0;
    qint64 tsMs = 0; // when the state was reached
    bool changing = false; // part of the plan's changes (counts for progress)
};

struct HostReport {
    QString host;
    bool preflightOk = false;
    bool completed = false; // every planned batch ran
    QString error; // preflight failure, lost connection, halt reason
    QList<RelayReport> relays;
};

struct DeployReport {
    QList<HostReport> hosts;
    bool aborted = false;
    bool halted = false; // too many failures
    int failures = 0;
    bool ok() const; // every host completed, no failure
    QString summary() const; // human-readable, one line per host and per failed relay
};

struct ExecutorOptions {
    int settleMs = 10000; // a verified relay must stay up with the same PID this long
    int restartTimeoutMs = 120000; // a real relay takes ~30 s to stop: keep this well above
    int pollMs = 1000;
    int execTimeoutMs = 60000;
    int reconnectMs = 60000; // keep trying this long after a lost connection
    int maxFailures = 1; // the rollout halts after this many failed relays (all hosts)
};

// Shared by all host executors of one rollout.
struct DeployControl {
    std::atomic_bool paused { false };
    std::atomic_bool aborted { false }; // finish the batch in flight, then stop
    std::atomic_bool halted { false }; // too many failures
    std::atomic_int failures { 0 };
};

class HostDeployExecutor
{
    Q_DECLARE_TR_FUNCTIONS(HostDeployExecutor)
public:
    struct Callbacks {
        std::function<void(const RelayReport &)> relay; // every state change
        // type: "deploy_step" etc.; instance empty for host-wide steps.
        std::function<void(const QString &action, const QString &instance, const QString &detail, bool ok)>
            step;
    };

    HostDeployExecutor(RemoteExec &remote, const QString &host, const QList<DeployRelayInput> &relays,
                       const DeployOptions &options, const ExecutorOptions &exec, DeployControl &control,
                       Callbacks callbacks);

    // Connects, re-reads every relay and runs the host's plan. Never throws; the report says
    // how far it got.
    HostReport run();

    // Read-only: connects and fills relays[i].now (for a plan or a dry run). For a rollback the
    // backups are read first so the verification path is the one the backup preloads.
    static bool inspect(RemoteExec &remote, QList<DeployRelayInput> &relays, DeployOptions::Mode mode,
                        int timeoutMs, QString *error);

private:
    enum class Outcome { Done, Stopped, ConnectionLost, Error };
    Outcome runOnce();
    bool preflight(const HostPlan &plan, QString *error);
    Outcome runBatch(HostPlan &plan, const PlannedBatch &batch);
    // Waits for every item to come back with a new PID, checks the library, then the settle
    // time. Returns the indices (into items) that failed, with reasons.
    struct VerifyItem {
        QString instance;
        QString expectPath;
        bool expectUnknown = false;
        qint64 oldPid = 0; // -1: no restart expected (already restarted before a reconnect)
        QString reason; // filled on failure
        qint64 newPid = 0;
        bool ok = false;
    };
    Outcome verify(QList<VerifyItem> &items);
    Outcome rollbackRelays(HostPlan &plan, const QList<int> &relayIdx, const QStringList &reasons);
    Outcome execScript(const QByteArray &script, QByteArray *out, QString *error);
    Outcome inspectItems(const QList<remote::InspectItem> &items, QList<RelayObservation> *obs,
                         QString *error);
    bool reconnect();
    void setState(const QString &instance, RelayDeployState state, const QString &message,
                  qint64 pidBefore = -1, qint64 pidAfter = -1);
    RelayReport *report(const QString &instance);
    void waitWhilePaused();

    RemoteExec &m_remote;
    QString m_host;
    QList<DeployRelayInput> m_inputs;
    DeployOptions m_options;
    ExecutorOptions m_exec;
    DeployControl &m_control;
    Callbacks m_cb;
    HostReport m_report;
    QStringList m_inFlight; // restarted, not yet verified when the connection was lost
    QString m_lastError;
};

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::RelayReport)
Q_DECLARE_METATYPE(alloclab::HostReport)
Q_DECLARE_METATYPE(alloclab::DeployReport)
Q_DECLARE_METATYPE(alloclab::ExecutorOptions)
