#pragma once

#include "app/ssh/hostworker.h"
#include "models/allocatorcatalog.h"
#include "models/records.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

namespace alloclab {

class Database;
class FleetService;

// What "Check on hosts" found on one host: every planned check, or why the host could not be asked.
struct AllocatorHostCheck {
    QString host;
    bool ok = false;
    QString
        error; // when !ok: unreachable, refused host key, unexpected output, ... (without the host's name)
    QList<AllocatorCheck> checks; // planned (path after the host's override); filled when ok
};

// "Check on hosts": for every catalog entry with a library, on every host, in parallel, whether the
// library is present and readable, its sha256 and its package version. One SSH exec per host
// (AllocatorCatalog::checkCommands), on sessions of its own, so a check never delays or drops a
// poll of the application's FleetService. Lives on the GUI (or CLI main) thread; never blocks it.
class AllocatorChecker : public QObject
{
    Q_OBJECT
public:
    explicit AllocatorChecker(QObject *parent = nullptr);
    ~AllocatorChecker() override;

    // The SSH settings (ssh_config, timeouts, host key policy) used for the next start().
    void setSettings(const HostWorkerSettings &settings);
    HostWorkerSettings settings() const { return m_settings; }

    // Starts a check of `allocatorIds` (empty = every entry) on `hosts`; a check in flight is
    // cancelled first. Returns the number of hosts asked. Results: checkAvailable() per host, then
    // finished().
    int start(const QList<HostRecord> &hosts, const AllocatorCatalog &catalog,
              const QStringList &allocatorIds = {});
    // Drops what is still running; finished() follows at once with wasCancelled().
    void cancel();
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }
    QList<AllocatorHostCheck> results() const; // of the last start(), in host order

    // Stores the found checks (Database::saveAllocatorChecks) and, for built-in entries, the
    // version every host agrees on (the catalog's label: "mimalloc 2.0.9"). Hosts not in the store
    // are skipped. False with *error when the store fails.
    static bool store(Database &db, const QList<AllocatorHostCheck> &results, QString *error);

Q_SIGNALS:
    void checkAvailable(const alloclab::AllocatorHostCheck &result);
    void progress(int done, int total);
    void finished();

private:
    void hostAnswered(const AllocatorHostCheck &result);

    HostWorkerSettings m_settings;
    std::unique_ptr<FleetService> m_fleet;
    QList<QString> m_order;
    QHash<QString, AllocatorHostCheck> m_results;
    QHash<QString, quint64> m_generation; // host -> generation of its command
    int m_done = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::AllocatorHostCheck)
