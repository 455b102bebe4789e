#include "app/fleetservice.h"
#include "app/poller.h"
#include "app/store.h"
#include "ui/pollstatus.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace alloclab;

// The status bar's poll corner against a real Poller (a FleetService without hosts, so a
// round completes at once) and a real store file.
class TestPollStatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void intervalPersisted()
    {
        QCOMPARE(PollStatus::savedInterval(), Poller::kDefaultIntervalMs);
        PollStatus::saveInterval(30000);
        QCOMPARE(PollStatus::savedInterval(), qint64(30000));
        PollStatus::saveInterval(5); // out of bounds (edited by hand): the default
        QCOMPARE(PollStatus::savedInterval(), Poller::kDefaultIntervalMs);
    }

    void countdownAndButtons()
    {
        QTemporaryDir dir;
        Store store;
        QSignalSpy opened(&store, &Store::opened);
        store.open(dir.filePath(QStringLiteral("s.sqlite")));
        QVERIFY(opened.wait(10000));
        FleetService fleet;
        Poller poller(&fleet, &store);
        QVERIFY(poller.setInterval(60000));
        PollStatus status(&poller);
        QCOMPARE(status.text(), QStringLiteral("not polling"));
        QCOMPARE(status.pollNowAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));

        QSignalSpy finished(&poller, &Poller::pollFinished);
        poller.start();
        QVERIFY(finished.wait(5000));
        // "next poll 1:00" (or 0:59 when the second turned), then the last duration.
        QTRY_VERIFY_WITH_TIMEOUT(status.text().startsWith(QLatin1String("next poll 1:00"))
                                     || status.text().startsWith(QLatin1String("next poll 0:59")),
                                 5000);
        QVERIFY2(status.text().contains(QStringLiteral(" · last poll ")), qPrintable(status.text()));
        QVERIFY(status.text().endsWith(QLatin1String(" ms")));

        status.pauseAction()->trigger();
        QVERIFY(poller.isPaused());
        QVERIFY(status.text().startsWith(QLatin1String("polling paused")));
        status.pollNowAction()->trigger(); // Poll now while paused: one round
        QVERIFY(finished.wait(5000));
        QVERIFY(poller.isPaused());
        poller.resume(); // from elsewhere (menu): the button follows
        QVERIFY(!status.pauseAction()->isChecked());
        QVERIFY(status.text().startsWith(QLatin1String("next poll")));

        // Choosing an interval applies it and remembers it.
        auto *combo = status.findChild<QComboBox *>();
        QVERIFY(combo);
        const int i = combo->findData(qint64(15 * 60 * 1000));
        QVERIFY(i >= 0);
        combo->setCurrentIndex(i);
        Q_EMIT combo->activated(i);
        QCOMPARE(poller.interval(), qint64(15 * 60 * 1000));
        QCOMPARE(PollStatus::savedInterval(), qint64(15 * 60 * 1000));
        QTRY_VERIFY_WITH_TIMEOUT(status.text().startsWith(QLatin1String("next poll 14:"))
                                     || status.text().startsWith(QLatin1String("next poll 15:00")),
                                 5000);
    }
};

QTEST_MAIN(TestPollStatus)
#include "tst_pollstatus.moc"
