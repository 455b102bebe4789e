#include "ui/mainwindow.h"

#include "app/appinfo.h"
#include "app/paths.h"
#include "ui/emptystate.h"
#include "ui/experimenttab.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

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
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("AllocLab"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/alloclab.svg")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    createActions();
    createMenus();
    createTabs();
    connectExperimentActions();
    createDocks();
    createStatusBar();
    m_defaultState = saveState();
    restoreLayout();
    logActivity(tr("AllocLab %1 started; database %2").arg(appinfo::version(), paths::defaultDatabasePath()));
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_addHost = makeAction(this, QStringLiteral("actionAddHost"), tr("&Add Host…"),
                           QKeySequence(tr("Ctrl+Shift+N")));
    m_addHost->setStatusTip(tr("Add a relay server by ssh_config alias or user@host:port"));
    m_importServers = makeAction(this, QStringLiteral("actionImportServers"), tr("Import &Servers…"));
    m_refresh
        = makeAction(this, QStringLiteral("actionRefresh"), tr("&Refresh Fleet"), QKeySequence::Refresh);
    m_pollNow
        = makeAction(this, QStringLiteral("actionPollNow"), tr("&Poll Now"), QKeySequence(tr("Ctrl+R")));
    m_import = makeAction(this, QStringLiteral("actionImport"), tr("&Import…"), QKeySequence(tr("Ctrl+I")));
    m_export = makeAction(this, QStringLiteral("actionExport"), tr("&Export…"), QKeySequence(tr("Ctrl+E")));
    m_backup = makeAction(this, QStringLiteral("actionBackup"), tr("&Back Up Database…"));
    m_quit = makeAction(this, QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit);
    m_newExperiment
        = makeAction(this, QStringLiteral("actionNewExperiment"), tr("&New Experiment…"), QKeySequence::New);
    m_distribute = makeAction(this, QStringLiteral("actionDistribute"), tr("&Distribute Relays…"));
    m_deploy = makeAction(this, QStringLiteral("actionDeploy"), tr("De&ploy…"));
    m_resetLayout = makeAction(this, QStringLiteral("actionResetLayout"), tr("&Reset Layout"));
    m_about = makeAction(this, QStringLiteral("actionAbout"), tr("&About AllocLab"));

    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    connect(m_resetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
    const QList<QAction *> pending
        = { m_addHost, m_importServers, m_refresh, m_pollNow, m_import, m_export, m_backup, m_deploy };
    for (QAction *a : pending)
        connect(a, &QAction::triggered, this,
                [this, a] { notAvailableYet(a->text().remove(QLatin1Char('&'))); });
}

void MainWindow::connectExperimentActions()
{
    connect(m_newExperiment, &QAction::triggered, m_experimentTab, &ExperimentTab::newExperiment);
    connect(m_distribute, &QAction::triggered, m_experimentTab, &ExperimentTab::distribute);
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
    file->addAction(m_quit);

    QMenu *fleet = menuBar()->addMenu(tr("F&leet"));
    fleet->setObjectName(QStringLiteral("menuFleet"));
    fleet->addAction(m_addHost);
    fleet->addAction(m_importServers);
    fleet->addSeparator();
    fleet->addAction(m_refresh);
    fleet->addAction(m_pollNow);

    QMenu *experiment = menuBar()->addMenu(tr("E&xperiment"));
    experiment->setObjectName(QStringLiteral("menuExperiment"));
    experiment->addAction(m_newExperiment);
    experiment->addAction(m_distribute);
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
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("centralTabs"));
    m_tabs->setDocumentMode(true);

    m_experimentTab = new ExperimentTab(this);
    m_experimentTab->setNewExperimentAction(m_newExperiment);
    connect(m_experimentTab, &ExperimentTab::activity, this, &MainWindow::logActivity);
    m_tabs->addTab(m_experimentTab, tr("E&xperiment"));

    auto *charts = new EmptyState(
        tr("No measurements yet"),
        tr("Memory over time, trajectories, boxplots and distributions per group appear here once "
           "AllocLab has polled your relays or you have imported existing CSV files."),
        this);
    charts->setObjectName(QStringLiteral("chartsTab"));
    charts->addAction(m_import);
    m_tabs->addTab(charts, tr("&Charts"));

    auto *summary = new EmptyState(
        tr("Nothing to compare yet"),
        tr("The verdict table ranks the groups of an experiment by memory per relay and growth per "
           "day, and offers to roll the winner out to every relay."),
        this);
    summary->setObjectName(QStringLiteral("summaryTab"));
    m_tabs->addTab(summary, tr("&Summary"));

    auto *rollout = new EmptyState(
        tr("No deploy has run"),
        tr("Deploys restart relays canary first, verify the allocator really loaded and roll back "
           "on failure. Their progress, relay by relay, appears here."),
        this);
    rollout->setObjectName(QStringLiteral("rolloutTab"));
    rollout->addAction(m_deploy);
    m_tabs->addTab(rollout, tr("&Rollout"));

    setCentralWidget(m_tabs);
}

void MainWindow::createDocks()
{
    m_fleetDock = new QDockWidget(tr("Fleet"), this);
    m_fleetDock->setObjectName(QStringLiteral("fleetDock"));
    auto *fleetEmpty = new EmptyState(
        tr("No relay servers"),
        tr("Add a server by its ssh_config alias or as user@host:port. AllocLab connects over SSH "
           "and lists every Tor relay on it with its memory and the allocator really loaded."),
        m_fleetDock);
    fleetEmpty->setObjectName(QStringLiteral("fleetEmptyState"));
    fleetEmpty->addAction(m_addHost);
    m_fleetDock->setWidget(fleetEmpty);
    addDockWidget(Qt::LeftDockWidgetArea, m_fleetDock);

    m_activityDock = new QDockWidget(tr("Activity"), this);
    m_activityDock->setObjectName(QStringLiteral("activityDock"));
    m_activity = new QListWidget(m_activityDock);
    m_activity->setObjectName(QStringLiteral("activityLog"));
    m_activity->setUniformItemSizes(true);
    m_activityDock->setWidget(m_activity);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);
    resizeDocks({ m_fleetDock }, { 340 }, Qt::Horizontal);
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
    m_pollLabel = new QLabel(tr("Polling off"), this);
    m_databaseLabel = new QLabel(paths::defaultDatabasePath(), this);
    m_databaseLabel->setToolTip(tr("The database AllocLab and alloclab-cli share"));
    statusBar()->addWidget(m_connectionLabel);
    statusBar()->addWidget(m_pollLabel);
    statusBar()->addPermanentWidget(m_databaseLabel);
}

void MainWindow::logActivity(const QString &message)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    m_activity->addItem(stamp + QStringLiteral("  ") + message);
    m_activity->scrollToBottom();
}

void MainWindow::notAvailableYet(const QString &what)
{
    logActivity(tr("%1 is not available in this build yet.").arg(what));
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
