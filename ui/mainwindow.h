#pragma once

#include "models/proberesult.h"
#include "models/records.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

class QAction;
class QDockWidget;
class QFrame;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace alloclab {

class ChartsTab;
class Deployer;
class DeployLauncher;
class EmptyState;
class ExperimentTab;
class FleetModel;
class FleetService;
class FleetView;
class HostKeyDialog;
class Poller;
class PollStatus;
class RolloutView;
class Store;
class SummaryView;
struct HostPollStored;
struct PollStats;

// The application window: wires the services (Store, FleetService, Poller, Deployer) to the
// views (fleet dock, board, charts, summary, rollout). Every service answers with signals;
// nothing here waits on the network or the disk.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Opens the database of the settings (database/path) or the default location.
    explicit MainWindow(QWidget *parent = nullptr);
    // Opens `databasePath` (--db); empty = as above.
    explicit MainWindow(const QString &databasePath, QWidget *parent = nullptr);
    ~MainWindow() override;

    // database/path from QSettings, else paths::defaultDatabasePath().
    static QString configuredDatabasePath();

    QString databasePath() const { return m_dbPath; }
    bool isDatabaseOpen() const;
    QTabWidget *tabs() const { return m_tabs; }
    ExperimentTab *experimentTab() const { return m_experimentTab; }
    ChartsTab *chartsTab() const { return m_chartsTab; }
    SummaryView *summaryView() const { return m_summary; }
    RolloutView *rolloutView() const { return m_rollout; }
    QDockWidget *fleetDock() const { return m_fleetDock; }
    QDockWidget *activityDock() const { return m_activityDock; }
    FleetView *fleetView() const { return m_fleetView; }
    FleetModel *fleetModel() const { return m_fleetModel; }
    Store *store() const { return m_store; }
    FleetService *fleet() const { return m_fleet; }
    Poller *poller() const { return m_poller; }
    PollStatus *pollStatus() const { return m_pollStatus; }
    QString connectionText() const; // "Connected 2/2"
    QString bannerText() const; // "" when no problem is shown

public Q_SLOTS:
    // One line in the Activity log, newest last; never a modal dialog.
    void logActivity(const QString &message);
    void addHost();
    void importServers();
    void removeSelectedHost();
    void refreshFleet();
    void backupDatabase();
    void showImportDialog();
    void showAllocatorsDialog();
    void showExportDialog();
    void showPreferences();

Q_SIGNALS:
    void databaseOpened(const QString &path);
    void databaseFailed(const QString &message);
    void hostsLoaded(int count); // the store's host list reached the fleet
    void dataRefreshed(); // board, charts and summary were asked to reload (after a poll, an import)

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createServices();
    void createActions();
    void createMenus();
    void createDocks();
    void createTabs();
    void connectExperimentActions();
    void connectServices();
    void createStatusBar();
    void restoreLayout();
    void saveLayout() const;
    void resetLayout();
    void showAbout();
    void applySettings();

    void onDatabaseOpened(const QString &path, int schemaVersion);
    void onDatabaseFailed(const QString &message);
    void showBanner(const QString &text);
    void onHostsAvailable(const QList<alloclab::HostRecord> &hosts);
    void onHostState(const QString &name, int state, const QString &message);
    void onProbe(const QString &name, const alloclab::ProbeResult &result, double rttMs);
    void onHostFailed(const QString &name, const QString &message);
    void onHostKeyUnknown(const QString &name, const QString &fingerprint);
    void showNextHostKeyQuestion();
    void onPollFinished(const alloclab::PollStats &stats);
    void scheduleDataRefresh();
    void refreshData();
    void reloadCharts();
    void updateFleetPage();
    void updateConnectionSummary();
    void updateSummaryPage();
    void updateActions();
    QString selectedHost() const;

    QString m_dbPath;
    Store *m_store = nullptr;
    FleetService *m_fleet = nullptr;
    Poller *m_poller = nullptr;
    Deployer *m_deployer = nullptr;
    DeployLauncher *m_launcher = nullptr;
    FleetModel *m_fleetModel = nullptr;

    QTabWidget *m_tabs = nullptr;
    ExperimentTab *m_experimentTab = nullptr;
    ChartsTab *m_chartsTab = nullptr;
    QStackedWidget *m_summaryStack = nullptr;
    EmptyState *m_summaryEmpty = nullptr;
    SummaryView *m_summary = nullptr;
    RolloutView *m_rollout = nullptr;
    QDockWidget *m_fleetDock = nullptr;
    QStackedWidget *m_fleetStack = nullptr;
    EmptyState *m_fleetEmpty = nullptr;
    FleetView *m_fleetView = nullptr;
    QDockWidget *m_activityDock = nullptr;
    QListWidget *m_activity = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QLabel *m_connectionLabel = nullptr;
    PollStatus *m_pollStatus = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QByteArray m_defaultState;
    QTimer *m_dataRefresh = nullptr;

    QList<HostRecord> m_hosts;
    QHash<QString, int> m_hostStates; // HostState by host name
    QHash<QString, ProbeResult> m_live; // the latest probe of each host (board relays)
    QSet<QString> m_expandedOnce; // hosts unfolded after their first probe
    QStringList m_refreshWhenLoaded; // hosts just added: probe once the fleet knows them
    bool m_pollerStarted = false;
    QList<QPair<QString, QString>> m_hostKeyQueue; // (host, fingerprint), one dialog at a time
    QPointer<HostKeyDialog> m_hostKeyDialog;

    QAction *m_addHost = nullptr;
    QAction *m_importServers = nullptr;
    QAction *m_removeHost = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_pollNow = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    QAction *m_backup = nullptr;
    QAction *m_preferences = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_newExperiment = nullptr;
    QAction *m_distribute = nullptr;
    QAction *m_allocators = nullptr;
    QAction *m_deploy = nullptr;
    QAction *m_resetLayout = nullptr;
    QAction *m_about = nullptr;
};

} // namespace alloclab
