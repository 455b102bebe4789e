#include "app/database.h"
#include "app/fleetservice.h"
#include "app/store.h"
#include "models/fleetmodel.h"
#include "ui/fleetview.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace alloclab;

namespace {
bool logContains(MainWindow &w, const QString &part)
{
    auto *log = w.activityDock()->findChild<QListWidget *>(QStringLiteral("activityLog"));
    for (int i = 0; i < log->count(); ++i)
        if (log->item(i)->text().contains(part))
            return true;
    return false;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        // The windows without a path open the database of the settings: keep it in our folder.
        QSettings().setValue(QStringLiteral("database/path"),
                             m_dir.filePath(QStringLiteral("default.sqlite")));
    }

    void docksTabsAndMenus()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        QVERIFY(w.fleetDock()->isVisible());
        QVERIFY(w.activityDock()->isVisible());
        QCOMPARE(w.fleetDock()->objectName(), QStringLiteral("fleetDock"));

        QStringList tabs;
        for (int i = 0; i < w.tabs()->count(); ++i)
            tabs << w.tabs()->tabText(i).remove(QLatin1Char('&'));
        QCOMPARE(tabs,
                 (QStringList { QStringLiteral("Experiment"), QStringLiteral("Charts"),
                                QStringLiteral("Summary"), QStringLiteral("Rollout") }));

        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text().remove(QLatin1Char('&'));
        QCOMPARE(menus,
                 (QStringList { QStringLiteral("File"), QStringLiteral("Fleet"), QStringLiteral("Experiment"),
                                QStringLiteral("View"), QStringLiteral("Help") }));

        // The empty fleet offers the one thing to do first.
        auto *add = w.fleetDock()->findChild<QPushButton *>(QStringLiteral("actionAddHostButton"));
        QVERIFY(add);
        QVERIFY(add->isVisible());
        QVERIFY(add->text().contains(QStringLiteral("Add Host")));

        auto *refresh = w.findChild<QAction *>(QStringLiteral("actionRefresh"));
        QVERIFY(refresh);
        QCOMPARE(refresh->shortcut(), QKeySequence(QKeySequence::Refresh));
    }

    void layoutPersists()
    {
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.activityDock()->hide();
            w.tabs()->setCurrentIndex(2);
            w.close();
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.activityDock()->isVisible());
        QCOMPARE(again.tabs()->currentIndex(), 2);
        again.findChild<QAction *>(QStringLiteral("actionResetLayout"))->trigger();
        QVERIFY(again.activityDock()->isVisible());
    }

    void activityLog()
    {
        MainWindow w;
        auto *log = w.activityDock()->findChild<QListWidget *>(QStringLiteral("activityLog"));
        QVERIFY(log);
        const int before = log->count();
        w.logActivity(QStringLiteral("poll go 200 relays 31 ms"));
        QCOMPARE(log->count(), before + 1);
        QVERIFY(log->item(log->count() - 1)->text().endsWith(QStringLiteral("poll go 200 relays 31 ms")));
    }

    void settingsPathIsUsed()
    {
        MainWindow w;
        QCOMPARE(w.databasePath(), m_dir.filePath(QStringLiteral("default.sqlite")));
        QSignalSpy opened(&w, &MainWindow::databaseOpened);
        QVERIFY(w.isDatabaseOpen() || opened.wait(10000));
    }

    void opensTheStoreOfDbPath()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.sqlite"));
        MainWindow w(path);
        w.show();
        QSignalSpy opened(&w, &MainWindow::databaseOpened);
        QSignalSpy loaded(&w, &MainWindow::hostsLoaded);
        QVERIFY(opened.wait(10000));
        QVERIFY(w.isDatabaseOpen());
        QCOMPARE(w.store()->path(), path);
        QVERIFY(QFile::exists(path));
        QVERIFY(w.windowTitle().contains(QStringLiteral("lab.sqlite")));
        auto *dbLabel = w.statusBar()->findChild<QLabel *>(QStringLiteral("databaseLabel"));
        QVERIFY(dbLabel);
        QCOMPARE(dbLabel->text(), QDir::toNativeSeparators(path));
        QVERIFY(w.bannerText().isEmpty());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().first().toInt(), 0);
        // No host: the dock shows the call to action, the fleet actions say so.
        auto *stack = qobject_cast<QStackedWidget *>(w.fleetDock()->widget());
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("fleetEmptyState"));
        QCOMPARE(w.connectionText(), QStringLiteral("No hosts"));
        QVERIFY(w.findChild<QAction *>(QStringLiteral("actionAddHost"))->isEnabled());
        QVERIFY(!w.findChild<QAction *>(QStringLiteral("actionRefresh"))->isEnabled());
        // Summary without data: the empty state, not an empty table.
        auto *summary = w.findChild<QStackedWidget *>(QStringLiteral("summaryTab"));
        QVERIFY(summary);
        QCOMPARE(summary->currentWidget()->objectName(), QStringLiteral("summaryEmptyState"));
    }

    void unreadableDatabaseIsNeverReplaced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.sqlite"));
        QByteArray junk(8192, 'x');
        junk.prepend("this is not an SQLite database\n");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(junk);
        }
        MainWindow w(path);
        w.show();
        QSignalSpy failed(&w, &MainWindow::databaseFailed);
        QVERIFY(failed.wait(10000));
        QVERIFY(!w.isDatabaseOpen());
        QVERIFY2(w.bannerText().contains(path), qPrintable(w.bannerText()));
        QVERIFY(w.bannerText().contains(QStringLiteral("--db")));
        QVERIFY(logContains(w, QStringLiteral("could not be opened")));
        QVERIFY(!w.findChild<QAction *>(QStringLiteral("actionBackup"))->isEnabled());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), junk); // untouched, not recreated
    }

    void hostsFromTheStoreFillTheFleet()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hosts.sqlite"));
        {
            Database db;
            QVERIFY(db.open(path));
            // Nothing listens on these loopback ports: the hosts fail fast and say why.
            QVERIFY(db.upsertHost({ 0, QStringLiteral("alpha"), QStringLiteral("nobody@127.0.0.1:1"), {} }));
            QVERIFY(db.upsertHost({ 0, QStringLiteral("beta"), QStringLiteral("nobody@127.0.0.1:9"), {} }));
        }
        MainWindow w(path);
        w.show();
        QSignalSpy loaded(&w, &MainWindow::hostsLoaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().first().toInt(), 2);
        QCOMPARE(w.fleetModel()->hosts(), (QStringList { QStringLiteral("alpha"), QStringLiteral("beta") }));
        QCOMPARE(w.fleet()->hosts().size(), 2);
        auto *stack = qobject_cast<QStackedWidget *>(w.fleetDock()->widget());
        QCOMPARE(stack->currentWidget(), static_cast<QWidget *>(w.fleetView()));
        QVERIFY(w.fleetView()->treeView()->dragEnabled());
        // The first poll round starts at once; each failure is one activity line, no dialog.
        QTRY_VERIFY_WITH_TIMEOUT(logContains(w, QStringLiteral("alpha: ")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(logContains(w, QStringLiteral("poll alpha,beta: 0 relays")), 30000);
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        QCOMPARE(w.connectionText(), QStringLiteral("Connected 0/2"));

        // Remove Host asks first; Cancel keeps it, Remove drops it from store and fleet.
        const QModelIndex beta
            = w.fleetView()->proxyModel()->mapFromSource(w.fleetModel()->hostIndex(QStringLiteral("beta")));
        w.fleetView()->treeView()->setCurrentIndex(beta);
        QAction *remove = w.findChild<QAction *>(QStringLiteral("actionRemoveHost"));
        QVERIFY(remove->isEnabled());
        remove->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = w.findChild<QMessageBox *>()) != nullptr);
        QVERIFY(box->text().contains(QStringLiteral("beta")));
        QPushButton *yes = nullptr;
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                yes = qobject_cast<QPushButton *>(b);
        QVERIFY(yes);
        yes->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.fleetModel()->hosts(), QStringList { QStringLiteral("alpha") }, 10000);
        QCOMPARE(w.fleet()->hosts().size(), 1);
        QTRY_VERIFY(logContains(w, QStringLiteral("Removed host beta")));
    }

    void preferencesApplyToTheFleet()
    {
        QTemporaryDir dir;
        MainWindow w(dir.filePath(QStringLiteral("p.sqlite")));
        AppSettings s = AppSettings::load();
        QCOMPARE(s.connectTimeoutMs, 10000);
        QCOMPARE(s.commandTimeoutMs, 60000);
        QCOMPARE(w.fleet()->settings().connectTimeoutMs, 10000);
        w.findChild<QAction *>(QStringLiteral("actionPreferences"))->trigger();
        SettingsDialog *dlg = nullptr;
        QTRY_VERIFY((dlg = w.findChild<SettingsDialog *>()) != nullptr);
        dlg->connectTimeoutBox()->setValue(7);
        dlg->commandTimeoutBox()->setValue(42);
        dlg->sshConfigEdit()->setText(dir.filePath(QStringLiteral("ssh_config")));
        dlg->accept();
        QCOMPARE(w.fleet()->settings().connectTimeoutMs, 7000);
        QCOMPARE(w.fleet()->settings().commandTimeoutMs, 42000);
        QCOMPARE(w.fleet()->settings().sshConfig, dir.filePath(QStringLiteral("ssh_config")));
        const AppSettings again = AppSettings::load();
        QCOMPARE(again.connectTimeoutMs, 7000);
        QCOMPARE(again.sshConfigPath, dir.filePath(QStringLiteral("ssh_config")));
        // Back to the defaults for the other tests.
        AppSettings defaults;
        defaults.databasePath = again.databasePath;
        defaults.save();
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
