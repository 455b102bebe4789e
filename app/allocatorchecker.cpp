#include "app/allocatorchecker.h"

#include "app/database.h"
#include "app/fleetservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>

namespace alloclab {

namespace {
// The SSH layer starts its messages with the host's name; results are per host already.
QString withoutHostPrefix(const QString &host, const QString &message)
{
    const QString prefix = host + QStringLiteral(": ");
    return message.startsWith(prefix) ? message.mid(prefix.size()) : message;
}
} // namespace

AllocatorChecker::AllocatorChecker(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<AllocatorHostCheck>();
}

AllocatorChecker::~AllocatorChecker() = default;

void AllocatorChecker::setSettings(const HostWorkerSettings &settings)
{
    m_settings = settings;
    if (m_fleet) {
        m_fleet->setSshConfig(settings.sshConfig);
        m_fleet->setTimeouts(settings.connectTimeoutMs, settings.commandTimeoutMs);
        m_fleet->setHostKeyPolicy(settings.hostKeyPolicy);
    }
}

int AllocatorChecker::start(const QList<HostRecord> &hosts, const AllocatorCatalog &catalog,
                            const QStringList &allocatorIds)
{
    if (m_running)
        cancel();
    if (!m_fleet) {
        m_fleet = std::make_unique<FleetService>();
        m_fleet->setSshConfig(m_settings.sshConfig);
        m_fleet->setTimeouts(m_settings.connectTimeoutMs, m_settings.commandTimeoutMs);
        // Ask (the GUI's policy) fails the host with the key's fingerprint: nothing here answers
        // hostKeyUnknown, an unknown key is the main window's question to ask, not a second dialog's.
        m_fleet->setHostKeyPolicy(m_settings.hostKeyPolicy);
        m_fleet->setKeepalive(0, false);
        connect(m_fleet.get(), &FleetService::commandAvailable, this,
                [this](const QString &name, const ExecResult &r, quint64 gen) {
                    if (!m_running || m_generation.value(name) != gen)
                        return;
                    AllocatorHostCheck c = m_results.value(name);
                    if (!r.ok) {
                        c.error = withoutHostPrefix(name, r.error);
                    } else if (r.exitStatus != 0) {
                        c.error = tr("the check exited with status %1: %2")
                                      .arg(r.exitStatus)
                                      .arg(QString::fromUtf8(r.err).trimmed());
                    } else {
                        QString why;
                        const qint64 now = QDateTime::currentMSecsSinceEpoch();
                        if (AllocatorCatalog::parseCheckOutputs(QString::fromUtf8(r.out), &c.checks, &why)) {
                            c.ok = true;
                            for (AllocatorCheck &k : c.checks)
                                k.checkedMs = now;
                        } else {
                            c.error = tr("unexpected answer to the check (%1)").arg(why);
                        }
                    }
                    hostAnswered(c);
                });
        connect(m_fleet.get(), &FleetService::hostFailed, this,
                [this](const QString &name, const QString &msg) {
                    if (!m_running || !m_generation.contains(name) || m_results.value(name).ok)
                        return;
                    AllocatorHostCheck c = m_results.value(name);
                    c.error = msg.isEmpty() ? tr("the host did not answer") : withoutHostPrefix(name, msg);
                    hostAnswered(c);
                });
    }
    m_fleet->setHostKeyPolicy(m_settings.hostKeyPolicy == HostKeyPolicy::AcceptNew ? HostKeyPolicy::AcceptNew
                                                                                   : HostKeyPolicy::Refuse);
    m_order.clear();
    m_results.clear();
    m_generation.clear();
    m_done = 0;
    m_cancelled = false;
    m_fleet->setHosts(hosts);
    m_running = true;
    QList<AllocatorHostCheck> immediate;
    for (const HostRecord &h : hosts) {
        m_order << h.name;
        AllocatorHostCheck c;
        c.host = h.name;
        c.checks = catalog.plannedChecks(h.name, allocatorIds);
        m_results.insert(h.name, c);
        QStringList paths;
        for (const AllocatorCheck &k : std::as_const(c.checks))
            paths << k.path;
        QString error;
        const QString command = AllocatorCatalog::checkCommands(paths, &error);
        if (c.checks.isEmpty()) {
            c.ok = true; // nothing to check on this host
            immediate << c;
        } else if (command.isEmpty()) {
            c.error = error;
            immediate << c;
        } else {
            m_generation.insert(h.name, m_fleet->runCommand(h.name, command.toUtf8()));
        }
    }
    Q_EMIT progress(0, int(m_order.size()));
    for (const AllocatorHostCheck &c : std::as_const(immediate))
        hostAnswered(c);
    if (m_order.isEmpty()) {
        m_running = false;
        Q_EMIT finished();
    }
    return int(m_order.size());
}

void AllocatorChecker::hostAnswered(const AllocatorHostCheck &result)
{
    m_results.insert(result.host, result);
    m_generation.remove(result.host);
    ++m_done;
    Q_EMIT checkAvailable(result);
    Q_EMIT progress(m_done, int(m_order.size()));
    if (m_done >= m_order.size() && m_running) {
        m_running = false;
        Q_EMIT finished();
    }
}

void AllocatorChecker::cancel()
{
    if (!m_running)
        return;
    m_fleet->cancel();
    m_cancelled = true;
    m_running = false;
    m_generation.clear();
    Q_EMIT finished();
}

QList<AllocatorHostCheck> AllocatorChecker::results() const
{
    QList<AllocatorHostCheck> out;
    for (const QString &h : m_order)
        out << m_results.value(h);
    return out;
}

bool AllocatorChecker::store(Database &db, const QList<AllocatorHostCheck> &results, QString *error)
{
    QHash<QString, QSet<QString>> versions; // built-in id -> versions found
    for (const AllocatorHostCheck &r : results) {
        if (!r.ok)
            continue;
        const auto host = db.host(r.host);
        if (!host)
            continue; // a target given on the command line, not stored
        if (!db.saveAllocatorChecks(host->id, r.checks)) {
            *error = db.lastError();
            return false;
        }
        for (const AllocatorCheck &c : r.checks)
            if (AllocatorCatalog::isBuiltInId(c.allocatorId) && c.present)
                versions[c.allocatorId].insert(c.version);
    }
    // A built-in's label carries the version only when every host has the same one: the path does
    // not tell it (Debian 12's libmimalloc.so.2 is 2.0.9, Debian 13's is 3.0.x).
    for (auto it = versions.cbegin(); it != versions.cend(); ++it) {
        const QString version = it->size() == 1 ? *it->cbegin() : QString();
        auto a = db.allocator(it.key());
        if (!a || a->version == version)
            continue;
        a->version = version;
        if (!db.upsertAllocator(*a)) {
            *error = db.lastError();
            return false;
        }
    }
    return true;
}

} // namespace alloclab
