// The Allocators dialog against the lab: "Check on hosts" fills the table per host and allocator
// without blocking the GUI thread (progress, Cancel), flags a checksum mismatch in red and reports an
// unreachable host. Also renders the README screenshots of the live lab (run under Xvfb with
// ALLOCLAB_SCREENSHOT_DIR=docs/screenshots): the Allocators dialog after a check, and the board
// with five groups of the 20 live lab relays.

#include "app/database.h"
#include "app/fleetservice.h"
#include "app/poller.h"
#include "app/store.h"
#include "models/boardmodel.h"
#include "models/groupcolors.h"
#include "ui/allocatorsdialog.h"
#include "ui/experimenttab.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "labenv.h"

using namespace alloclab;

class TestAllocatorsDialogLab : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    quint16 m_closedPort = 0;

    static QString screenshotPath(const QString &file)
    {
        const QString dir = qEnvironmentVariable("ALLOCLAB_SCREENSHOT_DIR");
        return dir.isEmpty() ? QString() : dir + QLatin1Char('/') + file;
    }

    QList<HostRecord> hosts() const
    {
        return { { 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} },
                 { 0, QStringLiteral("lab2"), QStringLiteral("lab2"), {} },
                 { 0, QStringLiteral("closed"), QStringLiteral("lab@127.0.0.1:%1").arg(m_closedPort), {} } };
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = labenv::unavailable(2);
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QSettings().setValue(QStringLiteral("ssh/configPath"), labenv::sshConfig());
        QTcpServer s; // a loopback port nothing listens on once s is gone
        QVERIFY(s.listen(QHostAddress::LocalHost, 0));
        m_closedPort = s.serverPort();
    }

    void checkOnHosts()
    {
        const QString path = m_dir.filePath(QStringLiteral("dialog.sqlite"));
        {
            Database db;
            QVERIFY(db.open(path));
            for (const HostRecord &h : hosts())
                QVERIFY(db.upsertHost(h) > 0);
            QVERIFY(db.upsertAllocator({ QStringLiteral("mimalloc301"),
                                         QStringLiteral("mimalloc"),
                                         QStringLiteral("3.0.1"),
                                         QStringLiteral("/opt/mimalloc-3.0.1/lib/libmimalloc.so.3"),
                                         {} }));
            QVERIFY(db.upsertAllocator(
                { QStringLiteral("mimalloc-pinned"), QStringLiteral("mimalloc"), QStringLiteral("2.0.9"),
                  QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"),
                  QStringLiteral("3b0c1e5a5d6c2f9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f") }));
        }
        Store store;
        QSignalSpy opened(&store, &Store::opened);
        store.open(path);
        QVERIFY(opened.wait(10000));

        AllocatorsDialog d(&store);
        QSignalSpy loaded(&d, &AllocatorsDialog::catalogLoaded);
        QVERIFY(loaded.wait(10000));
        d.setHosts(hosts());
        HostWorkerSettings settings;
        settings.sshConfig = labenv::sshConfig();
        settings.connectTimeoutMs = 10000;
        d.setSshSettings(settings);
        d.resize(1180, 860);
        d.show();

        // Cancel: the check stops at once and can be started again.
        auto *check = d.findChild<QPushButton *>(QStringLiteral("checkOnHosts"));
        auto *cancel = d.findChild<QPushButton *>(QStringLiteral("cancelCheck"));
        QSignalSpy finished(&d, &AllocatorsDialog::checkFinished);
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(!check->isEnabled());
        QVERIFY(cancel->isEnabled());
        QVERIFY(d.findChild<QProgressBar *>(QStringLiteral("checkProgress"))->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(finished.size(), 1);
        QVERIFY(check->isEnabled());
        QCOMPARE(d.findChild<QLabel *>(QStringLiteral("checkStatus"))->text(),
                 QStringLiteral("Check cancelled."));

        // The real check: the GUI thread keeps running (the spy's event loop turns) while hosts answer.
        finished.clear();
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY(finished.wait(90000));
        const QList<AllocatorHostCheck> results = d.results();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0).host, QStringLiteral("lab1")); // the hosts' order, whoever answers first
        QCOMPARE(results.at(2).host, QStringLiteral("closed"));
        auto *table = d.findChild<QTableWidget *>(QStringLiteral("checkResults"));
        QCOMPARE(table->rowCount(), 2 * 4 + 1); // 4 libraries on each lab host, one line for the closed host
        int mismatches = 0;
        int present = 0;
        int missing = 0;
        bool closedShown = false;
        for (int r = 0; r < table->rowCount(); ++r) {
            const QString host = table->item(r, 0)->text();
            if (host == QLatin1String("closed")) {
                closedShown
                    = table->item(r, 1)->text().startsWith(QLatin1String("not checked: connection refused"));
                continue;
            }
            QVERIFY(host == QLatin1String("lab1") || host == QLatin1String("lab2"));
            const QString id = table->item(r, 1)->text();
            present += table->item(r, 3)->text() == QLatin1String("yes") ? 1 : 0;
            if (id == QLatin1String("mimalloc301")) {
                QCOMPARE(table->item(r, 3)->text(), QStringLiteral("no"));
                QCOMPARE(table->item(r, 3)->foreground().color(), QColor(0xB0, 0x00, 0x20));
                ++missing;
            }
            QTableWidgetItem *sha = table->item(r, 5);
            if (sha->data(Qt::UserRole).toBool()) {
                QCOMPARE(id, QStringLiteral("mimalloc-pinned"));
                QCOMPARE(sha->foreground().color(), QColor(0xB0, 0x00, 0x20));
                QVERIFY(sha->toolTip().contains(QLatin1String("Not the expected library")));
                ++mismatches;
            }
            if (id == QLatin1String("mimalloc"))
                QVERIFY(!table->item(r, 6)->text().isEmpty()
                        && table->item(r, 6)->text() != QStringLiteral("–"));
        }
        QVERIFY(closedShown);
        QCOMPARE(present, 6); // jemalloc, mimalloc, mimalloc-pinned on both hosts
        QCOMPARE(missing, 2);
        QCOMPARE(mismatches, 2);
        QVERIFY(d.findChild<QLabel *>(QStringLiteral("checkStatus"))
                    ->text()
                    .contains(QLatin1String("could not be reached")));
        // The built-in's version the check found shows in the catalog (stored, then reloaded).
        auto *catalog = d.findChild<QTableWidget *>(QStringLiteral("catalogTable"));
        QTRY_VERIFY_WITH_TIMEOUT(catalog->item(2, 2)->text() != QStringLiteral("–"), 10000);
        QCOMPARE(catalog->item(2, 0)->text(), QStringLiteral("mimalloc"));

        const QString shot = screenshotPath(QStringLiteral("allocators.png"));
        if (!shot.isEmpty()) {
            for (int r = 0; r < catalog->rowCount(); ++r)
                if (catalog->item(r, 0)->text() == QLatin1String("mimalloc-pinned"))
                    catalog->selectRow(r); // its expected sha256 in the form
            QVERIFY(d.grab().save(shot));
            qInfo("screenshot: %s", qPrintable(shot));
        }
    }

    // The main window connected to lab1 and lab2, an experiment with five groups A–E, the 20 live
    // relays distributed over them.
    void boardOfLiveRelays()
    {
        const QString path = m_dir.filePath(QStringLiteral("board.sqlite"));
        MainWindow w(path);
        w.resize(1600, 1000);
        w.show();
        QSignalSpy opened(&w, &MainWindow::databaseOpened);
        QVERIFY(opened.wait(15000));
        w.store()->saveHost({ 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} });
        w.store()->saveHost({ 0, QStringLiteral("lab2"), QStringLiteral("lab2"), {} });
        QTRY_COMPARE_WITH_TIMEOUT(w.connectionText(), QStringLiteral("Connected 2/2"), 60000);
        // One stored poll: the relays get their store ids (membership is saved by id).
        QTRY_VERIFY_WITH_TIMEOUT(!w.poller()->isRunning(), 60000);
        QSignalSpy polled(w.poller(), &Poller::pollFinished);
        w.findChild<QAction *>(QStringLiteral("actionPollNow"))->trigger();
        QVERIFY(polled.wait(90000));

        ExperimentRecord e;
        e.name = QStringLiteral("lab 5-way");
        e.hypothesis = QStringLiteral("jemalloc and mimalloc keep idle relays smaller than glibc");
        const QList<std::pair<QString, QString>> groups {
            { QStringLiteral("glibc"), QStringLiteral("glibc") },
            { QStringLiteral("jemalloc"), QStringLiteral("jemalloc") },
            { QStringLiteral("mimalloc"), QStringLiteral("mimalloc") },
            { QStringLiteral("jemalloc"), QStringLiteral("jemalloc-b") },
            { QStringLiteral("mimalloc"), QStringLiteral("mimalloc-b") },
        };
        for (int i = 0; i < groups.size(); ++i) {
            GroupRecord g;
            g.letter = QString(QLatin1Char(char('A' + i)));
            g.allocatorId = groups.at(i).first;
            g.label = groups.at(i).second;
            g.colour = groupColorName(g.letter);
            e.groups << g;
        }
        QSignalSpy saved(w.store(), &Store::experimentSaved);
        w.store()->saveExperiment(e);
        QVERIFY(saved.wait(10000));
        QSignalSpy loadedExperiment(w.experimentTab(), &ExperimentTab::experimentLoaded);
        w.experimentTab()->loadExperiment(e.name);
        QVERIFY(loadedExperiment.wait(10000));
        BoardModel *board = w.experimentTab()->board();
        auto liveKeys = [board] {
            QStringList keys;
            for (const BoardRelay &r : board->relays())
                if (r.relayId != 0 && r.lastSeenMs == 0 && r.rssKb > 0
                    && (r.host == QLatin1String("lab1") || r.host == QLatin1String("lab2")))
                    keys << r.key();
            return keys;
        };
        QTRY_COMPARE_WITH_TIMEOUT(liveKeys().size(), 20, 30000);
        QString error;
        QVERIFY2(board->distribute(liveKeys(), { 4, 4, 4, 4, 4 }, 20261126, &error), qPrintable(error));
        for (int c = 1; c <= 5; ++c) {
            QCOMPARE(board->count(c), 4);
            // Stratified by host: every group has relays of both hosts (about two each).
            int lab1 = 0;
            for (const QString &k : board->columnKeys(c))
                lab1 += board->relay(k).host == QLatin1String("lab1") ? 1 : 0;
            QVERIFY2(lab1 >= 1 && lab1 <= 3, qPrintable(QString::number(lab1)));
        }
        QCOMPARE(board->count(0), 0);
        w.tabs()->setCurrentWidget(w.experimentTab());
        w.resizeDocks({ w.fleetDock() }, { 330 }, Qt::Horizontal); // room for all five groups
        // Saved to the store (debounced), by relay id.
        auto assigned = [&path] {
            Database db;
            if (!db.open(path, Database::OpenMode::ExistingOnly))
                return -1;
            const auto ex = db.experiment(QStringLiteral("lab 5-way"));
            return ex ? int(db.membershipAt(ex->id, QDateTime::currentMSecsSinceEpoch() + 1000).size()) : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(assigned(), 20, 10000);

        const QString shot = screenshotPath(QStringLiteral("board.png"));
        if (!shot.isEmpty()) {
            QApplication::processEvents(); // the views lay out the final columns (0-timers)
            QApplication::processEvents();
            QVERIFY(w.grab().save(shot));
            qInfo("screenshot: %s", qPrintable(shot));
        }
    }
};

QTEST_MAIN(TestAllocatorsDialogLab)
#include "tst_allocatorsdialog_lab.moc"
