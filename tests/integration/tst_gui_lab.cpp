// The real main window against the lab: hosts added through the store with the lab's
// ssh_config, Refresh shows every relay with its real nickname, Poll now stores a poll.

#include "app/database.h"
#include "app/fleetservice.h"
#include "app/poller.h"
#include "app/store.h"
#include "models/boardmodel.h"
#include "models/fleetmodel.h"
#include "ui/experimenttab.h"
#include "ui/fleetview.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "labenv.h"

using namespace alloclab;

class TestGuiLab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString why = labenv::unavailable(2);
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QSettings().setValue(QStringLiteral("ssh/configPath"), labenv::sshConfig());
        QVERIFY(m_dir.isValid());
    }

    void refreshAndPoll()
    {
        // What the hosts themselves say (labctl's bookkeeping): instance -> nickname.
        QHash<QString, QHash<QString, QString>> truth;
        for (const QString &host : { QStringLiteral("lab1"), QStringLiteral("lab2") }) {
            QString error;
            const QString out = labenv::run({ QStringLiteral("relays"), host }, &error);
            QVERIFY2(!out.isNull(), qPrintable(error));
            const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (const QString &line : lines) {
                const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                if (f.size() >= 2)
                    truth[host].insert(f.at(0), f.at(1));
            }
            QCOMPARE(truth.value(host).size(), 10);
        }

        const QString path = m_dir.filePath(QStringLiteral("gui.sqlite"));
        MainWindow w(path);
        w.resize(1400, 900);
        w.show();
        QSignalSpy opened(&w, &MainWindow::databaseOpened);
        QVERIFY(opened.wait(15000));
        QCOMPARE(w.fleet()->settings().sshConfig, labenv::sshConfig());

        QSignalSpy loaded(&w, &MainWindow::hostsLoaded);
        w.store()->saveHost({ 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} });
        w.store()->saveHost({ 0, QStringLiteral("lab2"), QStringLiteral("lab2"), {} });
        QTRY_COMPARE_WITH_TIMEOUT(w.fleetModel()->hosts().size(), 2, 15000);

        w.findChild<QAction *>(QStringLiteral("actionRefresh"))->trigger();
        auto relaysShown = [&](const QString &host) {
            const QModelIndex h = w.fleetModel()->hostIndex(host);
            QHash<QString, QString> seen;
            for (int r = 0; r < w.fleetModel()->rowCount(h); ++r)
                seen.insert(w.fleetModel()->index(r, FleetModel::NameColumn, h).data().toString(),
                            w.fleetModel()->index(r, FleetModel::NicknameColumn, h).data().toString());
            return seen;
        };
        QTRY_COMPARE_WITH_TIMEOUT(relaysShown(QStringLiteral("lab1")), truth.value(QStringLiteral("lab1")),
                                  60000);
        QTRY_COMPARE_WITH_TIMEOUT(relaysShown(QStringLiteral("lab2")), truth.value(QStringLiteral("lab2")),
                                  60000);
        QTRY_COMPARE_WITH_TIMEOUT(w.connectionText(), QStringLiteral("Connected 2/2"), 30000);
        // The view shows them (through the filter proxy), host rows unfolded.
        QTRY_COMPARE_WITH_TIMEOUT(w.fleetView()->proxyModel()->rowCount(), 2, 5000);
        QCOMPARE(QApplication::activeModalWidget(), nullptr);

        // Poll now: one round for both hosts, stored, and the activity log says so.
        auto samples = [&path]() {
            Database db;
            if (!db.open(path, Database::OpenMode::ExistingOnly))
                return qint64(-1);
            return db.counts().samples;
        };
        const qint64 before = samples();
        QSignalSpy finished(w.poller(), &Poller::pollFinished);
        QAction *pollNow = w.findChild<QAction *>(QStringLiteral("actionPollNow"));
        QVERIFY(pollNow);
        QCOMPARE(pollNow->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        // A round of the poller's own start may still be running: then this one follows it.
        QTRY_VERIFY_WITH_TIMEOUT(!w.poller()->isRunning(), 60000);
        finished.clear();
        pollNow->trigger();
        QVERIFY(finished.wait(90000));
        const PollStats stats = finished.first().first().value<PollStats>();
        QCOMPARE(stats.hostsOk, 2);
        QCOMPARE(stats.relays, 20);
        QTRY_COMPARE_WITH_TIMEOUT(samples(), before + 20, 15000);
        auto *log = w.activityDock()->findChild<QListWidget *>(QStringLiteral("activityLog"));
        bool logged = false;
        for (int i = 0; i < log->count(); ++i)
            logged |= log->item(i)->text().contains(QStringLiteral("poll lab1,lab2: 20 relays"));
        QVERIFY(logged);
        // The board knows the polled relays, with their store ids (needed to save membership).
        QTRY_VERIFY_WITH_TIMEOUT(w.experimentTab()->board()->relays().size() >= 20, 15000);
        int withId = 0;
        for (const BoardRelay &r : w.experimentTab()->board()->relays())
            withId += r.relayId != 0 ? 1 : 0;
        QVERIFY(withId >= 20);
    }

    // A changed host key (on an extra host of its own: the shared lab's keys stay): the fleet
    // row says REFUSED, its tooltip and the activity log say what it means and give the exact
    // ssh-keygen -R; no question, no dialog offers to trust it.
    void changedHostKeyRefused()
    {
        QString error;
        const QString host
            = labenv::run({ QStringLiteral("add-host"), QStringLiteral("--relays"), QStringLiteral("1") },
                          &error, 300000)
                  .trimmed();
        QVERIFY2(host.startsWith(QStringLiteral("xlab")), qPrintable(error));
        struct Remove {
            QString host;
            ~Remove() { labenv::run({ QStringLiteral("remove-host"), host }, nullptr, 120000); }
        } remove { host };
        labenv::run({ QStringLiteral("fault"), host, QStringLiteral("rotate-key") }, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString address = QStringLiteral("10.200.%1.2").arg(host.mid(4));

        QSettings().setValue(QStringLiteral("ssh/configPath"),
                             QString(labenv::labDir() + QStringLiteral("/extra_ssh_config")));
        const QString path = m_dir.filePath(QStringLiteral("changed.sqlite"));
        MainWindow w(path);
        w.show();
        QSignalSpy opened(&w, &MainWindow::databaseOpened);
        QVERIFY(opened.wait(15000));
        w.store()->saveHost({ 0, host, host, {} });
        QTRY_COMPARE_WITH_TIMEOUT(w.fleetModel()->hosts().size(), 1, 15000);
        w.findChild<QAction *>(QStringLiteral("actionRefresh"))->trigger();
        const QModelIndex row = w.fleetModel()->hostIndex(host, FleetModel::StateColumn);
        QTRY_COMPARE_WITH_TIMEOUT(row.data(FleetModel::ConnectionStateRole).toInt(),
                                  int(FleetModel::ConnectionState::HostKeyChanged), 30000);
        QCOMPARE(row.data().toString(), QStringLiteral("REFUSED: host key CHANGED"));
        const QString tip = row.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("ssh-keygen -R %1 -f ").arg(address)), qPrintable(tip));
        auto *log = w.activityDock()->findChild<QListWidget *>(QStringLiteral("activityLog"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int i = 0; i < log->count(); ++i)
                    if (log->item(i)->text().contains(
                            QStringLiteral("connection refused, the host key has changed"))
                        && log->item(i)->text().contains(QStringLiteral("ssh-keygen -R %1").arg(address)))
                        return true;
                return false;
            }(),
            15000);
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
        QCOMPARE(w.fleet()->state(host), HostState::HostKeyChanged);
        QSettings().setValue(QStringLiteral("ssh/configPath"), labenv::sshConfig());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestGuiLab)
#include "tst_gui_lab.moc"
