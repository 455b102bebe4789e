#include "app/fleetservice.h"

#include <QThread>

#include <algorithm>

namespace alloclab {

FleetService::FleetService(QObject *parent)
    : QObject(parent)
    , m_token(std::make_shared<CancelToken>())
{
    qRegisterMetaType<HostState>();
    qRegisterMetaType<ProbeResult>();
    qRegisterMetaType<ExecResult>();
}

FleetService::~FleetService()
{
    m_token->stopping = true;
    for (Host &h : m_hosts)
        stopWorker(h, false);
    for (Host &h : m_hosts) {
        if (h.thread) {
            h.thread->wait();
            delete h.thread;
        }
    }
}

QList<HostRecord> FleetService::hosts() const
{
    QList<HostRecord> list;
    for (const QString &n : m_order)
        list << m_hosts.value(n).record;
    return list;
}

void FleetService::startWorker(Host &h)
{
    h.thread = new QThread;
    h.thread->setObjectName(QStringLiteral("ssh:") + h.record.name);
    h.worker = new HostWorker(h.record, m_settings, m_token);
    h.worker->moveToThread(h.thread);
    connect(h.thread, &QThread::finished, h.worker, &QObject::deleteLater);
    HostWorker *w = h.worker;
    connect(w, &HostWorker::stateChanged, this,
            [this, w](const QString &name, HostState s, const QString &msg) {
                if (!m_hosts.contains(name) || m_hosts.value(name).worker != w)
                    return;
                m_state.insert(name, s);
                Q_EMIT hostStateChanged(name, s, msg);
            });
    connect(w, &HostWorker::probeFinished, this,
            [this](const QString &name, quint64 gen, const ProbeResult &r, double rtt) {
                if (accept(name, gen))
                    Q_EMIT probeAvailable(name, r, rtt, gen);
                answered(name, gen);
            });
    connect(w, &HostWorker::commandFinished, this,
            [this](const QString &name, quint64 gen, const ExecResult &r) {
                if (accept(name, gen))
                    Q_EMIT commandAvailable(name, r, gen);
                answered(name, gen);
            });
    connect(w, &HostWorker::failed, this, [this](const QString &name, quint64 gen, const QString &msg) {
        if (accept(name, gen))
            Q_EMIT hostFailed(name, msg);
        answered(name, gen);
    });
    connect(w, &HostWorker::hostKeyUnknown, this, [this, w](const QString &name, const QString &fp) {
        auto it = m_hosts.find(name);
        if (it == m_hosts.end() || it->worker != w)
            return;
        it->pendingFingerprint = fp;
        Q_EMIT hostKeyUnknown(name, fp);
    });
    h.thread->start();
}

void FleetService::stopWorker(Host &h, bool wait)
{
    if (!h.thread)
        return;
    HostWorker *w = h.worker;
    QMetaObject::invokeMethod(
        w, [w] { w->shutdown(); }, Qt::QueuedConnection);
    h.thread->quit();
    if (wait)
        h.thread->wait();
    h.worker = nullptr;
}

void FleetService::setHosts(const QList<HostRecord> &hosts)
{
    QHash<QString, HostRecord> wanted;
    QList<QString> order;
    for (const HostRecord &r : hosts) {
        wanted.insert(r.name, r);
        order << r.name;
    }
    for (auto it = m_hosts.begin(); it != m_hosts.end();) {
        const auto w = wanted.constFind(it.key());
        if (w == wanted.cend() || w->target != it->record.target) {
            // A removed or re-targeted host: its thread ends on its own and deletes itself.
            QThread *t = it->thread;
            stopWorker(*it, false);
            if (t)
                connect(t, &QThread::finished, t, &QObject::deleteLater);
            m_state.remove(it.key());
            it = m_hosts.erase(it);
        } else {
            it->record = *w;
            ++it;
        }
    }
    for (const HostRecord &r : hosts) {
        if (m_hosts.contains(r.name))
            continue;
        Host h;
        h.record = r;
        m_hosts.insert(r.name, h);
        startWorker(m_hosts[r.name]);
        m_state.insert(r.name, HostState::Idle);
    }
    m_order = order;
}

void FleetService::pushSettings()
{
    const HostWorkerSettings s = m_settings;
    for (Host &h : m_hosts) {
        HostWorker *w = h.worker;
        QMetaObject::invokeMethod(
            w, [w, s] { w->applySettings(s); }, Qt::QueuedConnection);
    }
}

void FleetService::setSshConfig(const QString &path)
{
    m_settings.sshConfig = path;
    pushSettings();
}

void FleetService::setTimeouts(int connectMs, int commandMs)
{
    m_settings.connectTimeoutMs = connectMs;
    m_settings.commandTimeoutMs = commandMs;
    pushSettings();
}

void FleetService::setHostKeyPolicy(HostKeyPolicy policy)
{
    m_settings.hostKeyPolicy = policy;
    pushSettings();
}

void FleetService::setKeepalive(int intervalMs, bool autoReconnect)
{
    m_settings.keepaliveMs = intervalMs;
    m_settings.autoReconnect = autoReconnect;
    pushSettings();
}

quint64 FleetService::refresh()
{
    const quint64 gen = ++m_generation;
    Round round;
    for (const QString &name : std::as_const(m_order)) {
        Host &h = m_hosts[name];
        round.waiting << name;
        if (h.latest == 0) {
            h.latest = gen;
            HostWorker *w = h.worker;
            QMetaObject::invokeMethod(
                w, [w, gen] { w->runProbe(gen); }, Qt::QueuedConnection);
        }
    }
    round.total = int(round.waiting.size());
    if (round.total == 0) {
        QMetaObject::invokeMethod(
            this, [this, gen] { Q_EMIT refreshFinished(gen); }, Qt::QueuedConnection);
        return gen;
    }
    m_rounds.insert(gen, round);
    return gen;
}

quint64 FleetService::refreshHost(const QString &name)
{
    auto it = m_hosts.find(name);
    if (it == m_hosts.end())
        return 0;
    const quint64 gen = ++m_generation;
    Round round;
    round.waiting << name;
    round.total = 1;
    m_rounds.insert(gen, round);
    if (it->latest == 0) {
        it->latest = gen;
        HostWorker *w = it->worker;
        QMetaObject::invokeMethod(
            w, [w, gen] { w->runProbe(gen); }, Qt::QueuedConnection);
    }
    return gen;
}

quint64 FleetService::runCommand(const QString &name, const QByteArray &command, const QByteArray &stdinData)
{
    auto it = m_hosts.find(name);
    if (it == m_hosts.end())
        return 0;
    const quint64 gen = ++m_generation;
    it->latest = gen;
    HostWorker *w = it->worker;
    QMetaObject::invokeMethod(
        w, [w, gen, command, stdinData] { w->runCommand(gen, command, stdinData); }, Qt::QueuedConnection);
    return gen;
}

bool FleetService::accept(const QString &name, quint64 generation)
{
    const auto it = m_hosts.constFind(name);
    if (it == m_hosts.cend())
        return false;
    return generation == it->latest && generation > m_token->cancelledUpTo.load();
}

void FleetService::answered(const QString &name, quint64 generation)
{
    auto it = m_hosts.find(name);
    if (it != m_hosts.end() && it->latest == generation)
        it->latest = 0;
    // A round either asked this host or relied on the request already in flight (the host is
    // never asked twice at once), so this answer completes the host in every waiting round.
    QList<quint64> finished;
    for (auto r = m_rounds.begin(); r != m_rounds.end(); ++r) {
        if (!r->waiting.removeOne(name))
            continue;
        ++r->done;
        Q_EMIT progress(r->done, r->total);
        if (r->waiting.isEmpty())
            finished << r.key();
    }
    std::sort(finished.begin(), finished.end());
    for (quint64 g : std::as_const(finished)) {
        m_rounds.remove(g);
        Q_EMIT refreshFinished(g);
    }
}

void FleetService::trustHostKey(const QString &name, bool remember)
{
    auto it = m_hosts.find(name);
    if (it == m_hosts.end() || it->pendingFingerprint.isEmpty())
        return;
    const QString fp = it->pendingFingerprint;
    it->pendingFingerprint.clear();
    HostWorker *w = it->worker;
    QMetaObject::invokeMethod(
        w, [w, fp, remember] { w->trustHostKey(fp, remember); }, Qt::QueuedConnection);
    refreshHost(name);
}

void FleetService::refuseHostKey(const QString &name)
{
    auto it = m_hosts.find(name);
    if (it == m_hosts.end())
        return;
    it->pendingFingerprint.clear();
    HostWorker *w = it->worker;
    QMetaObject::invokeMethod(
        w, [w] { w->refuseHostKey(); }, Qt::QueuedConnection);
}

void FleetService::cancel()
{
    m_token->cancelledUpTo = m_generation;
}

} // namespace alloclab
