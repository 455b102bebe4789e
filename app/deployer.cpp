#include "app/deployer.h"

#include "app/database.h"
#include "app/store.h"

#include <QDateTime>
#include <QThread>

namespace alloclab {

void registerDeployMetaTypes()
{
    qRegisterMetaType<DeployPlan>();
    qRegisterMetaType<DeployOptions>();
    qRegisterMetaType<RelayReport>();
    qRegisterMetaType<HostReport>();
    qRegisterMetaType<DeployReport>();
    qRegisterMetaType<EventRecord>();
}

Deployer::Deployer(QObject *parent)
    : QObject(parent)
{
    registerDeployMetaTypes();
}

Deployer::~Deployer()
{
    if (m_control)
        m_control->aborted.store(true);
    for (QThread *t : std::as_const(m_threads)) {
        t->wait();
        delete t;
    }
}

void Deployer::setDatabase(Database *db, Id experimentId)
{
    m_db = db;
    m_store = nullptr;
    m_experimentId = experimentId;
}

void Deployer::setStore(Store *store, Id experimentId)
{
    m_store = store;
    m_db = nullptr;
    m_experimentId = experimentId;
}

std::unique_ptr<RemoteExec> Deployer::makeRemote(const QString &host) const
{
    if (m_factory)
        return m_factory(host);
    return std::make_unique<SshRemoteExec>(host, m_targets.value(host, host), m_sshConfig);
}

void Deployer::prepare(const QList<DeployRelayInput> &relays, const DeployOptions &options)
{
    m_options = options;
    m_prepared = relays;
    m_prepareErrors.clear();
    QHash<QString, QList<int>> byHost;
    QStringList order;
    for (qsizetype i = 0; i < relays.size(); ++i) {
        if (!byHost.contains(relays.at(i).host))
            order << relays.at(i).host;
        byHost[relays.at(i).host] << int(i);
    }
    m_preparing = int(order.size());
    if (m_preparing == 0) {
        emit planAvailable(deployplan::plan({}, options));
        return;
    }
    for (const QString &host : std::as_const(order)) {
        QList<DeployRelayInput> part;
        const QList<int> idx = byHost.value(host);
        for (int i : idx)
            part << relays.at(i);
        std::unique_ptr<RemoteExec> remote = makeRemote(host);
        const int timeout = m_exec.execTimeoutMs;
        QPointer<Deployer> self(this);
        QThread *t = QThread::create([self, host, part, idx, options, timeout,
                                      r = std::shared_ptr<RemoteExec>(std::move(remote))]() mutable {
            QString err;
            bool ok = r->connect(&err) && HostDeployExecutor::inspect(*r, part, options.mode, timeout, &err);
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, host, part, idx, ok, err]() {
                    if (!self)
                        return;
                    if (ok) {
                        for (qsizetype i = 0; i < idx.size(); ++i)
                            self->m_prepared[idx.at(i)].now = part.at(i).now;
                    } else {
                        self->m_prepareErrors << tr("%1: %2").arg(host, err);
                    }
                    if (--self->m_preparing == 0) {
                        DeployPlan p = deployplan::plan(self->m_prepared, self->m_options);
                        p.errors = self->m_prepareErrors + p.errors;
                        emit self->planAvailable(p);
                    }
                },
                Qt::QueuedConnection);
        });
        m_threads << t;
        t->start();
    }
}

void Deployer::start(const DeployPlan &plan)
{
    m_options = plan.options;
    m_control = std::make_shared<DeployControl>();
    m_report = DeployReport();
    m_relays.clear();
    m_hostIds.clear();
    if (m_db) {
        for (const HostRecord &h : m_db->hosts())
            m_hostIds.insert(h.name, h.id);
    }
    if (!plan.isValid()) {
        emit failed(tr("The plan was refused: %1").arg(plan.errors.join(QStringLiteral("; "))));
        emit finished(m_report);
        return;
    }
    for (const HostPlan &hp : plan.hosts) {
        QList<DeployRelayInput> inputs;
        for (const PlannedRelay &r : hp.relays) {
            inputs << r.input;
            RelayReport rep;
            rep.host = hp.host;
            rep.instance = r.input.instance;
            rep.changing = r.action != PlannedRelay::Action::Skip;
            m_relays.insert(hp.host + QLatin1Char('/') + r.input.instance, rep);
        }
        std::shared_ptr<RemoteExec> remote = makeRemote(hp.host);
        const QString host = hp.host;
        const DeployOptions opts = plan.options;
        const ExecutorOptions exec = m_exec;
        std::shared_ptr<DeployControl> control = m_control;
        QPointer<Deployer> self(this);
        ++m_running;
        QThread *t = QThread::create([self, host, inputs, opts, exec, control, remote]() {
            HostDeployExecutor::Callbacks cb;
            cb.relay = [self](const RelayReport &r) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, r]() {
                        if (self)
                            self->onRelay(r);
                    },
                    Qt::QueuedConnection);
            };
            cb.step
                = [self, host](const QString &action, const QString &inst, const QString &detail, bool ok) {
                      QMetaObject::invokeMethod(
                          self.data(),
                          [=]() {
                              if (self)
                                  self->onStep(host, action, inst, detail, ok);
                          },
                          Qt::QueuedConnection);
                  };
            HostDeployExecutor ex(*remote, host, inputs, opts, exec, *control, cb);
            const HostReport rep = ex.run();
            QMetaObject::invokeMethod(
                self.data(),
                [self, rep]() {
                    if (self)
                        self->onHostDone(rep);
                },
                Qt::QueuedConnection);
        });
        m_threads << t;
        t->start();
    }
    if (m_running == 0)
        finishIfDone();
}

void Deployer::pause()
{
    if (m_control)
        m_control->paused.store(true);
}

void Deployer::resume()
{
    if (m_control)
        m_control->paused.store(false);
}

void Deployer::abort()
{
    if (m_control)
        m_control->aborted.store(true);
}

bool Deployer::isPaused() const
{
    return m_control && m_control->paused.load();
}

bool Deployer::isAborted() const
{
    return m_control && m_control->aborted.load();
}

void Deployer::onRelay(const RelayReport &r)
{
    const QString key = r.host + QLatin1Char('/') + r.instance;
    RelayReport &mine = m_relays[key];
    const bool changing = mine.changing || r.changing;
    mine = r;
    mine.changing = changing;
    emit relayReportAvailable(r);
    emit relayStateChanged(r.host, r.instance, int(r.state), r.message);
    int done = 0, total = 0;
    for (const RelayReport &x : std::as_const(m_relays)) {
        if (!x.changing)
            continue;
        ++total;
        if (isTerminal(x.state) && x.state != RelayDeployState::Failed)
            ++done;
    }
    emit progress(done, total);

    recordMembership(r);
}

void Deployer::recordMembership(const RelayReport &r)
{
    // Deployed group membership starts when the host proved the relay runs its group's
    // allocator: at the verified restart, or at the inspection that found it already right
    // (Skipped). A planned board assignment of the same group is closed at that moment, so
    // measurements before it never count for the group. A verified rollback ends membership.
    if (!m_experimentId || !r.relayId)
        return;
    const bool rollback = m_options.mode == DeployOptions::Mode::Rollback;
    const bool verified
        = (r.state == RelayDeployState::VerifiedNew && r.changing) || r.state == RelayDeployState::Skipped;
    if (!verified || (!rollback && !r.groupId))
        return;
    const Id experiment = m_experimentId;
    record([experiment, rollback, r](Database &db) {
        if (rollback) {
            db.assignRelay(experiment, r.relayId, 0, r.tsMs, false);
            return;
        }
        bool openPlanned = false, openDeployed = false;
        for (const AssignmentRecord &a : db.assignments(experiment)) {
            if (a.relayId == r.relayId && a.groupId == r.groupId && a.toMs == 0) {
                openPlanned = !a.deployed;
                openDeployed = a.deployed;
            }
        }
        if (openDeployed)
            return; // already a verified member (a repeated deploy)
        Transaction tx(db);
        if (openPlanned)
            db.assignRelay(experiment, r.relayId, 0, r.tsMs, false);
        db.assignRelay(experiment, r.relayId, r.groupId, r.tsMs, true);
        tx.commit();
    });
}

void Deployer::record(std::function<void(Database &)> job)
{
    if (m_db)
        job(*m_db);
    else if (m_store)
        m_store->run(std::move(job), true);
}

void Deployer::onStep(const QString &host, const QString &action, const QString &instance,
                      const QString &detail, bool ok)
{
    EventRecord ev;
    ev.tsMs = QDateTime::currentMSecsSinceEpoch();
    ev.type = QStringLiteral("deploy_") + action;
    ev.description = QStringLiteral("%1%2%3: %4%5")
                         .arg(host, instance.isEmpty() ? QString() : QStringLiteral(" "),
                              instance.isEmpty() ? QString() : remote::unitName(instance),
                              ok ? QString() : tr("FAILED: "), detail);
    ev.hostId = m_hostIds.value(host);
    const RelayReport rel = m_relays.value(host + QLatin1Char('/') + instance);
    ev.relayId = rel.relayId;
    ev.group = rel.group;
    emit eventAvailable(ev);
    DeployLogRecord log;
    log.tsMs = ev.tsMs;
    log.hostId = ev.hostId;
    log.relayId = ev.relayId;
    log.experimentId = m_experimentId;
    log.allocatorId = rel.allocatorId;
    log.action = action;
    log.detail = detail;
    log.ok = ok;
    record([ev, log, host](Database &db) mutable {
        if (!ev.hostId) {
            if (const std::optional<HostRecord> h = db.host(host))
                ev.hostId = log.hostId = h->id;
        }
        db.insertEvents({ ev });
        db.appendDeployLog(log);
    });
}

void Deployer::onHostDone(const HostReport &report)
{
    m_report.hosts << report;
    if (!report.error.isEmpty())
        emit failed(tr("%1: %2").arg(report.host, report.error));
    --m_running;
    finishIfDone();
}

void Deployer::finishIfDone()
{
    if (m_running > 0)
        return;
    m_report.aborted = m_control && m_control->aborted.load();
    m_report.halted = m_control && m_control->halted.load();
    m_report.failures = m_control ? m_control->failures.load() : 0;
    if (m_report.halted)
        emit failed(tr("The rollout halted after %n failed relay(s).", nullptr, m_report.failures));
    emit finished(m_report);
}

} // namespace alloclab
