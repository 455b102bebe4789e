#include "ui/mainwindow.h"

#include "app/appinfo.h"
#include "app/deployer.h"
#include "app/experimentio.h"
#include "app/fleetservice.h"
#include "app/paths.h"
#include "app/poller.h"
#include "app/ssh/hostresolver.h"
#include "app/store.h"
#include "models/boardmodel.h"
#include "models/fleetmodel.h"
#include "models/hosttarget.h"
#include "ui/addhostdialog.h"
#include "ui/allocatorsdialog.h"
#include "ui/charts/chartscontroller.h"
#include "ui/charts/chartstab.h"
#include "ui/deploydialog.h"
#include "ui/deploylauncher.h"
#include "ui/emptystate.h"
#include "ui/experimenttab.h"
#include "ui/exportdialog.h"
#include "ui/fleetview.h"
#include "ui/hostkeydialog.h"
#include "ui/importdialog.h"
#include "ui/pollstatus.h"
#include "ui/rolloutview.h"
#include "ui/settingsdialog.h"
#include "ui/summaryview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace alloclab {

namespace {
QAction *makeAction(QObject *parent, const QString &name, const QString &text,
                    const QKeySequence &shortcut = {})
{
    auto *a = new QAction(text, parent);
    a->setObjectName(name);
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    return a;
}

// What Import Servers… found, computed off the GUI thread (resolving names can take seconds).
struct ServersImport {
    QString path;
    QStringList errors; // "file:line: message"
    QList<HostRecord> hosts;
};

ServersImport readServersFile(const QString &path, const QString &sshConfig)
{
    ServersImport out;
    out.path = path;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        out.errors
            << QCoreApplication::translate("MainWindow", "Cannot read %1: %2").arg(path, f.errorString());
        return out;
    }
    const hosttarget::ServersFile file = hosttarget::parseServersFile(QString::fromUtf8(f.readAll()));
    for (const hosttarget::ServersError &e : file.errors)
        out.errors << QStringLiteral("%1:%2: %3").arg(path).arg(e.line).arg(e.message);
    QStringList texts;
    for (const hosttarget::ServersEntry &e : file.entries)
        texts << e.text;
    const QList<ResolvedTarget> resolved = HostResolver::resolveAllBlocking(texts, sshConfig);
    QSet<QString> names;
    for (qsizetype i = 0; i < file.entries.size() && i < resolved.size(); ++i) {
        const ResolvedTarget &r = resolved.at(i);
        const int line = file.entries.at(i).line;
        if (!r.ok) {
            out.errors << QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(r.error);
            continue;
        }
        HostRecord h;
        h.name = r.target.suggestedName();
        h.target = r.target.toString();
        if (!hosttarget::isValidName(h.name)) {
            out.errors << QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(hosttarget::nameError(h.name));
            continue;
        }
        if (names.contains(h.name)) {
            out.errors << QStringLiteral("%1:%2: %3")
                              .arg(path)
                              .arg(line)
                              .arg(QCoreApplication::translate("MainWindow",
                                                               "a second target named '%1'; add it with "
                                                               "Fleet → Add Host… under another name.")
                                       .arg(h.name));
            continue;
        }
        names.insert(h.name);
        out.hosts << h;
    }
    return out;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(QString(), parent)
{ }

MainWindow::MainWindow(const QString &databasePath, QWidget *parent)
    : QMainWindow(parent)
    , m_dbPath(databasePath.isEmpty() ? configuredDatabasePath() : databasePath)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/alloclab.svg")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    createServices();
    createActions();
    createMenus();
    createTabs();
    connectExperimentActions();
    createDocks();
    createStatusBar();
    connectServices();
    m_defaultState = saveState();
    restoreLayout();
    applySettings();
    updateActions();
    setWindowTitle(tr("%1 — AllocLab").arg(QFileInfo(m_dbPath).fileName()));
    logActivity(tr("AllocLab %1 started; opening database %2").arg(appinfo::version(), m_dbPath));
    // Opening (and migrating) runs on the store's thread; opened() or openFailed() follows.
    m_store->open(m_dbPath, Database::OpenMode::CreateIfMissing);
}

MainWindow::~MainWindow()
{
    // Users before what they use: the poller writes into the store and listens to the fleet,
    // the deployer records into the store while it aborts.
    delete m_poller;
    m_poller = nullptr;
    delete m_deployer;
    m_deployer = nullptr;
    delete m_fleet;
    m_fleet = nullptr;
}

QString MainWindow::configuredDatabasePath()
{
    const QString configured = QSettings().value(QStringLiteral("database/path")).toString();
    return configured.isEmpty() ? paths::defaultDatabasePath() : configured;
}

bool MainWindow::isDatabaseOpen() const
{
    return m_store && m_store->isOpen();
}

void MainWindow::createServices()
{
    registerStoreMetaTypes();
    registerPollerMetaTypes();
    m_store = new Store(this);
    m_fleet = new FleetService(this);
    m_poller = new Poller(m_fleet, m_store, this);
    m_poller->setInterval(PollStatus::savedInterval());
    m_deployer = new Deployer(this);
    m_fleetModel = new FleetModel(this);
    m_dataRefresh = new QTimer(this);
    m_dataRefresh->setSingleShot(true);
    m_dataRefresh->setInterval(250); // a poll's hosts answer within moments: one reload for all
    connect(m_dataRefresh, &QTimer::timeout, this, &MainWindow::refreshData);
}

void MainWindow::createActions()
{
    m_addHost = makeAction(this, QStringLiteral("actionAddHost"), tr("&Add Host…"),
                           QKeySequence(tr("Ctrl+Shift+N")));
    m_addHost->setStatusTip(tr("Add a relay server by ssh_config alias or user@host:port"));
    m_importServers = makeAction(this, QStringLiteral("actionImportServers"), tr("Import &Servers…"));
    m_importServers->setStatusTip(tr("Add the servers listed in a servers.txt, one target a line"));
    m_removeHost = makeAction(this, QStringLiteral("actionRemoveHost"), tr("Re&move Host…"));
    m_removeHost->setStatusTip(tr("Stop watching the selected server; its stored measurements stay"));
    m_refresh
        = makeAction(this, QStringLiteral("actionRefresh"), tr("&Refresh Fleet"), QKeySequence::Refresh);
    m_refresh->setStatusTip(tr("Probe every server now and show what runs there (nothing is stored)"));
    m_import = makeAction(this, QStringLiteral("actionImport"), tr("&Import…"), QKeySequence(tr("Ctrl+I")));
    m_export = makeAction(this, QStringLiteral("actionExport"), tr("&Export…"), QKeySequence(tr("Ctrl+E")));
    m_backup = makeAction(this, QStringLiteral("actionBackup"), tr("&Back Up Database…"));
    m_preferences = makeAction(this, QStringLiteral("actionPreferences"), tr("&Preferences…"),
                               QKeySequence::Preferences);
    m_preferences->setMenuRole(QAction::PreferencesRole);
    m_quit = makeAction(this, QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit);
    m_newExperiment
        = makeAction(this, QStringLiteral("actionNewExperiment"), tr("&New Experiment…"), QKeySequence::New);
    m_distribute = makeAction(this, QStringLiteral("actionDistribute"), tr("&Distribute Relays…"));
    m_allocators = makeAction(this, QStringLiteral("actionAllocators"), tr("&Allocators…"));
    m_allocators->setStatusTip(tr("The allocator catalog: custom libraries, per-host paths, and a check of "
                                  "the libraries on the hosts"));
    m_deploy = makeAction(this, QStringLiteral("actionDeploy"), tr("De&ploy…"));
    m_deploy->setStatusTip(tr("Deploy the current experiment's allocators to its relays, canary first"));
    m_resetLayout = makeAction(this, QStringLiteral("actionResetLayout"), tr("&Reset Layout"));
    m_about = makeAction(this, QStringLiteral("actionAbout"), tr("&About AllocLab"));

    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    connect(m_resetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_addHost, &QAction::triggered, this, &MainWindow::addHost);
    connect(m_importServers, &QAction::triggered, this, &MainWindow::importServers);
    connect(m_removeHost, &QAction::triggered, this, &MainWindow::removeSelectedHost);
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refreshFleet);
    connect(m_import, &QAction::triggered, this, &MainWindow::showImportDialog);
    connect(m_export, &QAction::triggered, this, &MainWindow::showExportDialog);
    connect(m_backup, &QAction::triggered, this, &MainWindow::backupDatabase);
    connect(m_preferences, &QAction::triggered, this, &MainWindow::showPreferences);
}

void MainWindow::connectExperimentActions()
{
    connect(m_newExperiment, &QAction::triggered, m_experimentTab, &ExperimentTab::newExperiment);
    connect(m_distribute, &QAction::triggered, m_experimentTab, &ExperimentTab::distribute);
    connect(m_allocators, &QAction::triggered, this, &MainWindow::showAllocatorsDialog);
    connect(m_deploy, &QAction::triggered, this, [this] {
        const QString name = m_experimentTab->experiment().name;
        if (name.isEmpty()) {
            logActivity(
                tr("Deploy: there is no experiment yet; create one with Experiment → New Experiment…"));
            return;
        }
        m_launcher->deployExperiment(name);
    });
    connect(m_experimentTab, &ExperimentTab::experimentLoaded, this, [this] { updateActions(); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    file->addAction(m_import);
    file->addAction(m_export);
    file->addSeparator();
    file->addAction(m_backup);
    file->addSeparator();
    file->addAction(m_preferences);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *fleet = menuBar()->addMenu(tr("F&leet"));
    fleet->setObjectName(QStringLiteral("menuFleet"));
    fleet->addAction(m_addHost);
    fleet->addAction(m_importServers);
    fleet->addAction(m_removeHost);
    fleet->addSeparator();
    fleet->addAction(m_refresh);
    // Poll Now and Pause come from the PollStatus (createStatusBar) and are appended there.

    QMenu *experiment = menuBar()->addMenu(tr("E&xperiment"));
    experiment->setObjectName(QStringLiteral("menuExperiment"));
    experiment->addAction(m_newExperiment);
    experiment->addAction(m_distribute);
    experiment->addAction(m_allocators);
    experiment->addSeparator();
    experiment->addAction(m_deploy);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    // Dock toggles are added in createDocks(), once the docks exist.

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    help->addAction(m_about);
}

void MainWindow::createTabs()
{
    // The banner sits above the tabs: a problem with the database is seen, never a modal box.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_banner = new QFrame(central);
    m_banner->setObjectName(QStringLiteral("databaseBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    QPalette bp = m_banner->palette();
    bp.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xea));
    bp.setColor(QPalette::WindowText, QColor(0x7a, 0x1f, 0x16));
    m_banner->setPalette(bp);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *prefs = new QPushButton(tr("Preferences…"), m_banner);
    connect(prefs, &QPushButton::clicked, this, &MainWindow::showPreferences);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(12, 8, 12, 8);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(prefs, 0, Qt::AlignTop);
    m_banner->hide();

    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("centralTabs"));
    m_tabs->setDocumentMode(true);
    centralLayout->addWidget(m_banner);
    centralLayout->addWidget(m_tabs, 1);

    m_experimentTab = new ExperimentTab(this);
    m_experimentTab->setNewExperimentAction(m_newExperiment);
    m_experimentTab->setStore(m_store);
    connect(m_experimentTab, &ExperimentTab::activity, this, &MainWindow::logActivity);
    m_tabs->addTab(m_experimentTab, tr("E&xperiment"));

    m_chartsTab = new ChartsTab(this);
    m_chartsTab->setObjectName(QStringLiteral("chartsTab"));
    m_chartsTab->setStore(m_store);
    m_tabs->addTab(m_chartsTab, tr("&Charts"));

    m_summaryStack = new QStackedWidget(this);
    m_summaryStack->setObjectName(QStringLiteral("summaryTab"));
    m_summaryEmpty = new EmptyState(
        tr("Nothing to compare yet"),
        tr("The verdict table ranks the groups of an experiment by memory per relay and growth per "
           "day, and offers to roll the winner out to every relay. It fills once relays in an "
           "experiment have been polled or their CSV files imported."),
        m_summaryStack);
    m_summaryEmpty->setObjectName(QStringLiteral("summaryEmptyState"));
    m_summaryEmpty->addAction(m_import);
    m_summary = new SummaryView(m_dbPath, m_summaryStack);
    m_summaryStack->addWidget(m_summaryEmpty);
    m_summaryStack->addWidget(m_summary);
    connect(m_summary, &SummaryView::summaryChanged, this, &MainWindow::updateSummaryPage);
    connect(m_summary, &SummaryView::queryFailed, this,
            [this](const QString &message) { logActivity(tr("Summary: %1").arg(message)); });
    m_tabs->addTab(m_summaryStack, tr("&Summary"));

    m_rollout = new RolloutView(m_deployer, this);
    m_rollout->setObjectName(QStringLiteral("rolloutTab"));
    m_launcher = new DeployLauncher(m_rollout, this, this);
    m_launcher->setStore(m_store);
    connect(m_rollout, &RolloutView::activity, this, &MainWindow::logActivity);
    connect(m_launcher, &DeployLauncher::preparing, this, &MainWindow::logActivity);
    connect(m_launcher, &DeployLauncher::failed, this,
            [this](const QString &message) { logActivity(tr("Deploy not started: %1").arg(message)); });
    connect(m_launcher, &DeployLauncher::started, this, [this] { m_tabs->setCurrentWidget(m_rollout); });
    connect(m_rollout, &RolloutView::rolloutFinished, this, [this] { scheduleDataRefresh(); });
    connect(m_summary, &SummaryView::rolloutRequested, m_launcher,
            [this](const QString &allocatorId) { m_launcher->rolloutAllocator(allocatorId); });
    m_tabs->addTab(m_rollout, tr("&Rollout"));

    setCentralWidget(central);
}

void MainWindow::createDocks()
{
    m_fleetDock = new QDockWidget(tr("Fleet"), this);
    m_fleetDock->setObjectName(QStringLiteral("fleetDock"));
    m_fleetStack = new QStackedWidget(m_fleetDock);
    m_fleetEmpty = new EmptyState(
        tr("No relay servers"),
        tr("Add a server by its ssh_config alias or as user@host:port. AllocLab connects over SSH "
           "and lists every Tor relay on it with its memory and the allocator really loaded."),
        m_fleetStack);
    m_fleetEmpty->setObjectName(QStringLiteral("fleetEmptyState"));
    m_fleetEmpty->addAction(m_addHost);
    m_fleetEmpty->addAction(m_importServers);
    m_fleetView = new FleetView(m_fleetModel, m_fleetStack);
    m_fleetView->setObjectName(QStringLiteral("fleetView"));
    m_fleetView->treeView()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_fleetView->treeView()->addActions({ m_refresh, m_removeHost });
    connect(m_fleetView->treeView()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { updateActions(); });
    m_fleetStack->addWidget(m_fleetEmpty);
    m_fleetStack->addWidget(m_fleetView);
    m_fleetDock->setWidget(m_fleetStack);
    addDockWidget(Qt::LeftDockWidgetArea, m_fleetDock);

    m_activityDock = new QDockWidget(tr("Activity"), this);
    m_activityDock->setObjectName(QStringLiteral("activityDock"));
    m_activity = new QListWidget(m_activityDock);
    m_activity->setObjectName(QStringLiteral("activityLog"));
    m_activity->setUniformItemSizes(true);
    m_activityDock->setWidget(m_activity);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);
    resizeDocks({ m_fleetDock }, { 420 }, Qt::Horizontal);
    resizeDocks({ m_activityDock }, { 120 }, Qt::Vertical);

    QMenu *view = menuBar()->findChild<QMenu *>(QStringLiteral("menuView"));
    view->addAction(m_fleetDock->toggleViewAction());
    view->addAction(m_activityDock->toggleViewAction());
    view->addSeparator();
    view->addAction(m_resetLayout);
}

void MainWindow::createStatusBar()
{
    m_connectionLabel = new QLabel(tr("No hosts"), this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_pollStatus = new PollStatus(m_poller, this);
    m_pollStatus->setObjectName(QStringLiteral("pollStatus"));
    m_pollNow = m_pollStatus->pollNowAction();
    m_pollNow->setObjectName(QStringLiteral("actionPollNow"));
    m_pollNow->setText(tr("&Poll Now"));
    m_pollStatus->pauseAction()->setObjectName(QStringLiteral("actionPausePolling"));
    QMenu *fleet = menuBar()->findChild<QMenu *>(QStringLiteral("menuFleet"));
    fleet->addAction(m_pollNow);
    fleet->addAction(m_pollStatus->pauseAction());
    m_databaseLabel = new QLabel(m_dbPath, this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseLabel"));
    m_databaseLabel->setToolTip(
        tr("The database AllocLab and alloclab-cli share (--db PATH to choose another)"));
    statusBar()->addWidget(m_connectionLabel);
    statusBar()->addWidget(m_pollStatus);
    statusBar()->addPermanentWidget(m_databaseLabel);
}

void MainWindow::connectServices()
{
    connect(m_store, &Store::opened, this, &MainWindow::onDatabaseOpened);
    connect(m_store, &Store::openFailed, this, &MainWindow::onDatabaseFailed);
    connect(m_store, &Store::hostsAvailable, this, &MainWindow::onHostsAvailable);
    connect(m_store, &Store::hostSaved, this, [this](const HostRecord &host) {
        logActivity(tr("Added host %1 (%2)").arg(host.name, host.target));
        m_refreshWhenLoaded << host.name;
        m_store->queryHosts();
    });
    connect(m_store, &Store::hostRemoved, this, [this](const QString &name) {
        logActivity(tr("Removed host %1; its stored measurements stay in the database").arg(name));
        m_store->queryHosts();
    });
    connect(m_store, &Store::writeFailed, this,
            [this](const QString &message) { logActivity(tr("Database: %1").arg(message)); });
    connect(m_store, &Store::backupFinished, this,
            [this](const QString &target) { logActivity(tr("Database backed up to %1").arg(target)); });
    connect(m_store, &Store::backupFailed, this,
            [this](const QString &message) { logActivity(tr("Backup failed: %1").arg(message)); });

    connect(m_fleet, &FleetService::hostStateChanged, this,
            [this](const QString &name, HostState state, const QString &message) {
                onHostState(name, int(state), message);
            });
    connect(m_fleet, &FleetService::probeAvailable, this,
            [this](const QString &name, const ProbeResult &result, double rttMs, quint64) {
                onProbe(name, result, rttMs);
            });
    connect(m_fleet, &FleetService::hostFailed, this, &MainWindow::onHostFailed);
    connect(m_fleet, &FleetService::hostKeyUnknown, this, &MainWindow::onHostKeyUnknown);

    // Host failures of a poll also arrive through FleetService::hostFailed (logged there).
    connect(m_poller, &Poller::storeFailed, this, [this](const QString &name, const QString &message) {
        logActivity(tr("%1: the poll could not be stored: %2").arg(name, message));
    });
    connect(m_poller, &Poller::pollFinished, this, &MainWindow::onPollFinished);

    connect(m_chartsTab->controller(), &ChartsController::queryFailed, this,
            [this](const QString &message) { logActivity(tr("Charts: %1").arg(message)); });
}

void MainWindow::applySettings()
{
    const AppSettings s = AppSettings::load();
    m_fleet->setSshConfig(s.sshConfigPath);
    m_fleet->setTimeouts(s.connectTimeoutMs, s.commandTimeoutMs);
    m_deployer->setSshConfig(s.sshConfigPath);
    m_pollStatus->setInterval(s.pollIntervalMs);
}

// --- database ----------------------------------------------------------------------------

void MainWindow::onDatabaseOpened(const QString &path, int schemaVersion)
{
    m_banner->hide();
    m_databaseLabel->setText(QDir::toNativeSeparators(path));
    logActivity(tr("Database %1 open (schema version %2)").arg(path).arg(schemaVersion));
    updateActions();
    m_store->queryHosts();
    scheduleDataRefresh();
    Q_EMIT databaseOpened(path);
}

void MainWindow::onDatabaseFailed(const QString &message)
{
    const QString text = tr("The database %1 could not be opened: %2\nNothing was changed or created in "
                            "its place. Start AllocLab with --db PATH, or choose another file under "
                            "Preferences (used from the next start); alloclab-cli integrity-check and a "
                            "backup can tell what is wrong with this one.")
                             .arg(m_dbPath, message);
    showBanner(text);
    m_databaseLabel->setText(tr("%1 (not open)").arg(QDir::toNativeSeparators(m_dbPath)));
    logActivity(tr("Database %1 could not be opened: %2").arg(m_dbPath, message));
    updateActions();
    Q_EMIT databaseFailed(message);
}

void MainWindow::showBanner(const QString &text)
{
    m_bannerText->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

QString MainWindow::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

void MainWindow::backupDatabase()
{
    if (!isDatabaseOpen())
        return;
    const QString suggestion = QFileInfo(m_dbPath).dir().filePath(
        QFileInfo(m_dbPath).completeBaseName() + QStringLiteral("-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")) + QStringLiteral(".sqlite"));
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Back Up Database"), suggestion, tr("AllocLab databases (*.sqlite *.db);;All files (*)"));
    if (target.isEmpty())
        return;
    logActivity(tr("Backing up the database to %1 …").arg(target));
    m_store->backup(target); // backupFinished() / backupFailed() log the result
}

// --- fleet -------------------------------------------------------------------------------

void MainWindow::onHostsAvailable(const QList<HostRecord> &hosts)
{
    m_hosts = hosts;
    m_fleet->setHosts(hosts);
    QHash<QString, QString> targets;
    QSet<QString> names;
    for (const HostRecord &h : hosts) {
        targets.insert(h.name, h.target);
        names.insert(h.name);
    }
    m_deployer->setHostTargets(targets);
    const QStringList shown = m_fleetModel->hosts();
    for (const QString &name : shown)
        if (!names.contains(name)) {
            m_fleetModel->removeHost(name);
            m_live.remove(name);
            m_hostStates.remove(name);
            m_expandedOnce.remove(name);
        }
    for (const HostRecord &h : hosts)
        if (!m_fleetModel->hosts().contains(h.name))
            m_fleetModel->addHost(h.name);
    updateFleetPage();
    updateConnectionSummary();
    updateActions();

    if (!m_pollerStarted) {
        // The first round probes every host at once: the fleet fills from it.
        m_pollerStarted = true;
        m_poller->start(!hosts.isEmpty());
    }
    const QStringList fresh = std::exchange(m_refreshWhenLoaded, {});
    for (const QString &name : fresh)
        if (names.contains(name))
            m_fleet->refreshHost(name);
    Q_EMIT hostsLoaded(int(hosts.size()));
}

void MainWindow::updateFleetPage()
{
    m_fleetStack->setCurrentWidget(m_hosts.isEmpty() ? static_cast<QWidget *>(m_fleetEmpty) : m_fleetView);
    if (!m_hosts.isEmpty())
        m_fleetView->treeView()->expandAll();
}

void MainWindow::onHostState(const QString &name, int state, const QString &message)
{
    m_hostStates.insert(name, state);
    switch (HostState(state)) {
    case HostState::Connecting:
        m_fleetModel->setConnectionState(name, FleetModel::ConnectionState::Connecting, message);
        break;
    case HostState::Connected:
    case HostState::Probing:
        m_fleetModel->setConnectionState(name, FleetModel::ConnectionState::Connected, message);
        break;
    case HostState::HostKeyUnknown:
        m_fleetModel->setConnectionState(name, FleetModel::ConnectionState::HostKeyUnknown, message);
        break;
    case HostState::Backoff:
    case HostState::Failed:
        m_fleetModel->setConnectionState(name, FleetModel::ConnectionState::Error, message);
        break;
    case HostState::HostKeyChanged:
        m_fleetModel->setConnectionState(name, FleetModel::ConnectionState::HostKeyChanged, message);
        break;
    case HostState::Idle:
        break;
    }
    updateConnectionSummary();
}

void MainWindow::onProbe(const QString &name, const ProbeResult &result, double rttMs)
{
    m_fleetModel->updateHost(name, result);
    if (rttMs >= 0)
        m_fleetModel->setRoundTripMs(name, qRound64(rttMs));
    if (result.ok)
        m_live.insert(name, result);
    // A newly probed host shows its relays unfolded; an expanded or collapsed host stays so.
    const QModelIndex src = m_fleetModel->hostIndex(name);
    const QModelIndex proxy = m_fleetView->proxyModel()->mapFromSource(src);
    if (proxy.isValid() && m_fleetModel->rowCount(src) > 0 && !m_expandedOnce.contains(name)) {
        m_expandedOnce.insert(name);
        m_fleetView->treeView()->expand(proxy);
    }
    updateConnectionSummary();
    scheduleDataRefresh();
}

void MainWindow::onHostFailed(const QString &name, const QString &message)
{
    if (HostState(m_hostStates.value(name, int(HostState::Idle))) == HostState::HostKeyChanged) {
        // A refusal, not an error to retry: the row keeps saying so (its tooltip has the
        // explanation and the ssh-keygen -R command); there is nothing to trust here.
        m_fleetModel->setConnectionState(name, FleetModel::ConnectionState::HostKeyChanged, message);
        logActivity(tr("%1: connection refused, the host key has changed. %2").arg(name, message));
    } else {
        m_fleetModel->setConnectionState(name, FleetModel::ConnectionState::Error, message);
        logActivity(tr("%1: %2").arg(name, message));
    }
    updateConnectionSummary();
}

void MainWindow::onHostKeyUnknown(const QString &name, const QString &fingerprint)
{
    m_fleetModel->setConnectionState(name, FleetModel::ConnectionState::HostKeyUnknown);
    if (m_hostKeyDialog && m_hostKeyDialog->hostName() == name)
        return; // already asked
    for (auto &queued : m_hostKeyQueue)
        if (queued.first == name) {
            queued.second = fingerprint;
            return;
        }
    m_hostKeyQueue.append({ name, fingerprint });
    logActivity(tr("%1: host key unknown (%2); asking").arg(name, fingerprint));
    showNextHostKeyQuestion();
}

void MainWindow::showNextHostKeyQuestion()
{
    if (m_hostKeyDialog || m_hostKeyQueue.isEmpty())
        return;
    const auto [name, fingerprint] = m_hostKeyQueue.takeFirst();
    m_hostKeyDialog = HostKeyDialog::ask(m_fleet, name, fingerprint, this);
    connect(m_hostKeyDialog, &HostKeyDialog::decided, this,
            [this](const QString &host, HostKeyDialog::Decision d) {
                logActivity(d == HostKeyDialog::Refuse ? tr("%1: host key refused").arg(host)
                                                       : tr("%1: host key trusted").arg(host));
            });
    // Deleted on close: the next question opens once this one is gone.
    connect(m_hostKeyDialog, &QObject::destroyed, this,
            [this] { QTimer::singleShot(0, this, &MainWindow::showNextHostKeyQuestion); });
}

void MainWindow::updateConnectionSummary()
{
    const int total = int(m_hosts.size());
    if (total == 0) {
        m_connectionLabel->setText(tr("No hosts"));
        return;
    }
    int connected = 0;
    for (const HostRecord &h : std::as_const(m_hosts)) {
        const auto state = HostState(m_hostStates.value(h.name, int(HostState::Idle)));
        connected += state == HostState::Connected || state == HostState::Probing ? 1 : 0;
    }
    m_connectionLabel->setText(tr("Connected %1/%2").arg(connected).arg(total));
}

QString MainWindow::connectionText() const
{
    return m_connectionLabel->text();
}

QString MainWindow::selectedHost() const
{
    const QModelIndex current = m_fleetView->treeView()->currentIndex();
    if (!current.isValid() || !m_fleetView->treeView()->selectionModel()->isSelected(current))
        return QString();
    return current.data(FleetModel::HostNameRole).toString();
}

void MainWindow::addHost()
{
    QStringList names;
    for (const HostRecord &h : std::as_const(m_hosts))
        names << h.name;
    auto *dlg = new AddHostDialog(AppSettings::load().sshConfigPath, names, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg] {
        const HostRecord host = dlg->host();
        logActivity(tr("Adding host %1 …").arg(host.name));
        m_store->saveHost(host); // hostSaved() reloads the list and probes it
    });
    dlg->open();
}

void MainWindow::importServers()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Servers"), QDir::homePath(),
                                                      tr("Server lists (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    logActivity(tr("Reading %1 …").arg(path));
    auto *watcher = new QFutureWatcher<ServersImport>(this);
    connect(watcher, &QFutureWatcher<ServersImport>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const ServersImport result = watcher->result();
        for (const QString &e : result.errors)
            logActivity(e);
        if (!result.errors.isEmpty()) {
            logActivity(tr("%1 has %n error(s); nothing was imported.", nullptr, int(result.errors.size()))
                            .arg(result.path));
            return;
        }
        QStringList existing;
        for (const HostRecord &h : std::as_const(m_hosts))
            existing << h.name;
        int added = 0;
        for (const HostRecord &h : result.hosts) {
            if (existing.contains(h.name)) {
                logActivity(tr("Kept %1: already present").arg(h.name));
                continue;
            }
            m_store->saveHost(h); // in order on the writer; each hostSaved() reloads the list
            ++added;
        }
        logActivity(tr("%1: %n new host(s)", nullptr, added).arg(result.path));
    });
    watcher->setFuture(QtConcurrent::run(readServersFile, path, AppSettings::load().sshConfigPath));
}

void MainWindow::removeSelectedHost()
{
    const QString name = selectedHost();
    if (name.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Host"), tr("Stop watching %1?").arg(name),
                                QMessageBox::Cancel, this);
    box->setInformativeText(tr("Its relays and every stored measurement stay in the database; adding the "
                               "host again continues where it left off."));
    QPushButton *remove = box->addButton(tr("Remove %1").arg(name), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, name] {
        if (box->clickedButton() == remove)
            m_store->removeHost(name);
    });
    box->open();
}

void MainWindow::refreshFleet()
{
    if (m_hosts.isEmpty()) {
        logActivity(tr("Refresh: there are no hosts yet; add one with Fleet → Add Host…"));
        return;
    }
    m_fleet->refresh();
    logActivity(tr("Refreshing %n host(s) …", nullptr, int(m_hosts.size())));
}

// --- polls and data ------------------------------------------------------------------------

void MainWindow::onPollFinished(const PollStats &stats)
{
    QStringList names;
    for (const HostRecord &h : std::as_const(m_hosts))
        names << h.name;
    if (names.isEmpty() && stats.relays == 0)
        return; // the interval ticks with no host: nothing to tell
    QString line = tr("poll %1: %n relays, %2 ms", nullptr, stats.relays)
                       .arg(names.join(QLatin1Char(',')))
                       .arg(stats.durationMs);
    if (stats.hostsFailed > 0)
        line += tr("; %n host(s) unreachable", nullptr, stats.hostsFailed);
    if (stats.hostsNotStored > 0)
        line += tr("; %n host(s) not stored", nullptr, stats.hostsNotStored);
    if (stats.events > 0)
        line += tr("; %n event(s)", nullptr, stats.events);
    logActivity(line);
    scheduleDataRefresh();
}

void MainWindow::scheduleDataRefresh()
{
    if (isDatabaseOpen())
        m_dataRefresh->start(); // coalesces: a burst of answers is one reload
}

void MainWindow::refreshData()
{
    // Board relays: every relay the store knows (ids for saving membership, latest samples),
    // overlaid with what the last probes saw (relays not stored yet, fresher RSS).
    QHash<QString, ProbeResult> live = m_live;
    QPointer<MainWindow> self(this);
    m_store->run([self, live](Database &db) {
        QList<BoardRelay> relays = experimentio::loadBoardRelays(db);
        QHash<QString, int> byKey;
        for (int i = 0; i < relays.size(); ++i)
            byKey.insert(relays.at(i).key(), i);
        for (auto it = live.cbegin(); it != live.cend(); ++it)
            for (const ProbeRelay &p : it.value().relays) {
                BoardRelay b = BoardRelay::fromProbe(it.key(), p);
                const auto found = byKey.constFind(b.key());
                if (found != byKey.constEnd()) {
                    b.relayId = relays.at(*found).relayId;
                    relays[*found] = b;
                } else {
                    byKey.insert(b.key(), int(relays.size()));
                    relays << b;
                }
            }
        QMetaObject::invokeMethod(
            self.data(),
            [self, relays] {
                if (self)
                    self->m_experimentTab->setFleetRelays(relays);
            },
            Qt::QueuedConnection);
    });
    m_summary->refresh();
    reloadCharts();
    Q_EMIT dataRefreshed();
}

void MainWindow::reloadCharts()
{
    // The controller follows the store's own writes (polls, experiments); imports and deploys
    // write through other connections, so the list and the series are asked for again.
    if (ChartsController *c = m_chartsTab->controller()) {
        c->refreshExperiments();
        c->refresh();
    }
}

void MainWindow::updateSummaryPage()
{
    const bool hasData = m_summary->summary().atMs > 0 && !m_summary->summary().groups.isEmpty();
    m_summaryStack->setCurrentWidget(hasData ? static_cast<QWidget *>(m_summary) : m_summaryEmpty);
}

void MainWindow::updateActions()
{
    const bool open = isDatabaseOpen();
    for (QAction *a : { m_addHost, m_importServers, m_import, m_export, m_backup, m_newExperiment })
        a->setEnabled(open);
    m_removeHost->setEnabled(open && !selectedHost().isEmpty());
    m_refresh->setEnabled(!m_hosts.isEmpty());
    const bool hasExperiment = !m_experimentTab->experiment().name.isEmpty();
    m_deploy->setEnabled(open && hasExperiment);
    m_deploy->setToolTip(hasExperiment ? tr("Deploy the experiment's allocators to its relays, canary first")
                                       : tr("Create an experiment first (Experiment → New Experiment…)"));
    if (!open) {
        const QString why = tr("The database is not open");
        for (QAction *a : { m_addHost, m_importServers, m_import, m_export, m_backup })
            a->setToolTip(why);
    }
}

void MainWindow::showImportDialog()
{
    auto *dlg = new ImportDialog(m_dbPath, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &ImportDialog::importFinished, this, [this](const ImportReport &) {
        logActivity(tr("Import finished; reloading the board, charts and summary"));
        m_experimentTab->loadExperiment();
        m_store->queryHosts();
        scheduleDataRefresh();
    });
    dlg->open();
}

void MainWindow::showAllocatorsDialog()
{
    auto *dlg = new AllocatorsDialog(isDatabaseOpen() ? m_store : nullptr, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    // Only the connected hosts: the others would just report that they cannot be reached.
    QList<HostRecord> connected;
    for (const HostRecord &h : std::as_const(m_hosts)) {
        const HostState s = m_fleet->state(h.name);
        if (s == HostState::Connected || s == HostState::Probing)
            connected << h;
    }
    dlg->setHosts(connected);
    dlg->setSshSettings(m_fleet->settings());
    connect(dlg, &AllocatorsDialog::catalogChanged, this, [this] {
        // Labels ("mimalloc 2.0.9") and the experiment dialog's choices come from the catalog.
        m_experimentTab->loadExperiment(m_experimentTab->experiment().name);
    });
    dlg->open();
}

void MainWindow::showExportDialog()
{
    auto *dlg = new ExportDialog(m_dbPath, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_experimentTab->experiment().name.isEmpty())
        dlg->setExperiment(m_experimentTab->experiment().name);
    connect(dlg, &ExportDialog::exportFinished, this, [this](bool ok, const QString &message) {
        logActivity(ok ? tr("Export: %1").arg(message) : tr("Export failed: %1").arg(message));
    });
    dlg->open();
}

void MainWindow::showPreferences()
{
    auto *dlg = new SettingsDialog(AppSettings::load(), this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg] {
        const AppSettings before = AppSettings::load();
        const AppSettings s = dlg->settings();
        s.save();
        applySettings();
        logActivity(tr("Preferences saved"));
        if (s.databasePath != before.databasePath)
            logActivity(tr("The database %1 is used from the next start")
                            .arg(s.databasePath.isEmpty() ? paths::defaultDatabasePath() : s.databasePath));
    });
    dlg->open();
}

// --- window ------------------------------------------------------------------------------

void MainWindow::logActivity(const QString &message)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    m_activity->addItem(stamp + QStringLiteral("  ") + message);
    m_activity->scrollToBottom();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState);
    m_fleetDock->show();
    m_activityDock->show();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    m_poller->stop();
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About AllocLab"),
                       tr("<h3>AllocLab %1</h3>"
                          "<p>Measure which memory allocator keeps your Tor relays small, then roll it out "
                          "safely.</p>"
                          "<p>Qt %2 · libssh %3 · SQLite %4</p>")
                           .arg(appinfo::version(), appinfo::qtVersion(), appinfo::libsshVersion(),
                                appinfo::sqliteVersion()));
}

} // namespace alloclab
