#pragma once

// Deployer: the rollout service facade. One worker thread per host, each with its own SSH
// connection (HostDeployExecutor); this object lives in the caller's thread, relays progress
// as signals and records every step (events, deploy log, assignment history) in the store.

#include "app/deployexecutor.h"
#include "models/deployplan.h"
#include "models/records.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThread;

namespace alloclab {

class Database;
class Store;

class Deployer : public QObject
{
    Q_OBJECT
public:
    using RemoteFactory = std::function<std::unique_ptr<RemoteExec>(const QString &host)>;

    explicit Deployer(QObject *parent = nullptr);
    ~Deployer() override; // aborts and waits for the batches in flight

    // ssh_config (like ssh -F) and, per host name, the target to connect to (default: the name).
    void setSshConfig(const QString &path) { m_sshConfig = path; }
    void setHostTargets(const QHash<QString, QString> &targets) { m_targets = targets; }
    void setRemoteFactory(RemoteFactory factory) { m_factory = std::move(factory); }
    void setExecutorOptions(const ExecutorOptions &options) { m_exec = options; }
    ExecutorOptions executorOptions() const { return m_exec; }
    // Optional: events, deploy log and assignment history go here. A Database is used from
    // this thread (the CLI); a Store records on its writer thread (the GUI never blocks).
    // experimentId 0: no membership is recorded (a plain rollout).
    void setDatabase(Database *db, Id experimentId = 0);
    void setStore(Store *store, Id experimentId = 0);

    // Reads every relay's state from its host (read-only), then emits planAvailable().
    void prepare(const QList<DeployRelayInput> &relays, const DeployOptions &options);
    // Runs the plan. Every host is re-read before anything changes (so a plan made earlier, or
    // an interrupted rollout, is executed against what the hosts really have now).
    void start(const DeployPlan &plan);
    void pause();
    void resume();
    // Finishes the batch in flight on every host (verify, roll back failures), then stops.
    void abort();
    bool isRunning() const { return m_running > 0; }
    bool isPaused() const;
    bool isAborted() const; // abort() was called on the rollout in flight (or the last one)

signals:
    void planAvailable(const alloclab::DeployPlan &plan);
    void relayStateChanged(const QString &host, const QString &instance, int state, const QString &message);
    void relayReportAvailable(const alloclab::RelayReport &report);
    void eventAvailable(const alloclab::EventRecord &event);
    void progress(int done, int total);
    void failed(const QString &message); // a host could not be used, or the rollout halted
    void finished(const alloclab::DeployReport &report);

private:
    std::unique_ptr<RemoteExec> makeRemote(const QString &host) const;
    void onRelay(const RelayReport &r);
    void recordMembership(const RelayReport &r);
    void record(std::function<void(Database &)> job);
    void onStep(const QString &host, const QString &action, const QString &instance, const QString &detail,
                bool ok);
    void onHostDone(const HostReport &report);
    void finishIfDone();

    QString m_sshConfig;
    QHash<QString, QString> m_targets;
    RemoteFactory m_factory;
    ExecutorOptions m_exec;
    Database *m_db = nullptr;
    QPointer<Store> m_store;
    Id m_experimentId = 0;
    DeployOptions m_options;
    std::shared_ptr<DeployControl> m_control;
    QList<QThread *> m_threads;
    int m_running = 0;
    DeployReport m_report;
    QHash<QString, RelayReport> m_relays; // host/instance -> latest
    QHash<QString, Id> m_hostIds;
    // prepare()
    QList<DeployRelayInput> m_prepared;
    QStringList m_prepareErrors;
    int m_preparing = 0;
};

void registerDeployMetaTypes();

} // namespace alloclab
