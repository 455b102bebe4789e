#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using alloclab::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
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
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
