#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTabWidget;

namespace alloclab {

class EmptyState;
class ExperimentTab;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    QTabWidget *tabs() const { return m_tabs; }
    ExperimentTab *experimentTab() const { return m_experimentTab; }
    QDockWidget *fleetDock() const { return m_fleetDock; }
    QDockWidget *activityDock() const { return m_activityDock; }

public Q_SLOTS:
    // One line in the Activity log, newest last; never a modal dialog.
    void logActivity(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createTabs();
    void connectExperimentActions();
    void createStatusBar();
    void restoreLayout();
    void saveLayout() const;
    void resetLayout();
    void showAbout();
    void notAvailableYet(const QString &what);

    QTabWidget *m_tabs = nullptr;
    ExperimentTab *m_experimentTab = nullptr;
    QDockWidget *m_fleetDock = nullptr;
    QDockWidget *m_activityDock = nullptr;
    QListWidget *m_activity = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_pollLabel = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QByteArray m_defaultState;

    QAction *m_addHost = nullptr;
    QAction *m_importServers = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_pollNow = nullptr;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    QAction *m_backup = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_newExperiment = nullptr;
    QAction *m_distribute = nullptr;
    QAction *m_deploy = nullptr;
    QAction *m_resetLayout = nullptr;
    QAction *m_about = nullptr;
};

} // namespace alloclab
