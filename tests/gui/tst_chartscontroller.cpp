// ChartsTab fed from a real Store (SQLite file, reader thread): first paint, live polls,
// experiment changes, stale answers dropped.
#include "app/database.h"
#include "app/store.h"
#include "ui/charts/chartscontroller.h"
#include "ui/charts/chartstab.h"
#include "ui/charts/chartview.h"

#include <QChart>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace alloclab;

namespace {
const qint64 kHour = 3600 * 1000LL;
const qint64 kT0 = 1767225600000LL; // 2026-01-01T00:00:00Z
} // namespace

class TestChartsController : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_path;
    Id m_host = 0;
    QList<Id> m_relays;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        registerStoreMetaTypes();
        m_path = m_tmp.filePath(QStringLiteral("c.sqlite"));
        Database db;
        QVERIFY(db.open(m_path));
        m_host = db.upsertHost({ 0, QStringLiteral("h1"), QStringLiteral("h1"), QString() });
        QVERIFY(m_host > 0);
        QList<SampleRecord> samples;
        for (int i = 0; i < 6; ++i) {
            RelayRecord r;
            r.hostId = m_host;
            r.server = QStringLiteral("h1");
            r.instance = QStringLiteral("r%1").arg(i);
            r.nickname = r.instance;
            const Id id = db.resolveRelay(r);
            QVERIFY(id > 0);
            m_relays << id;
            for (int t = 0; t < 10; ++t)
                samples << SampleRecord { id,       kT0 + t * kHour, 1024 * (100 + 10 * i + t), -1, -1,
                                          1000 + i, QString() };
        }
        QCOMPARE(db.insertSamples(samples), qint64(60));
        // An older experiment first: the tab defaults to the latest one, "exp".
        ExperimentRecord older;
        older.name = QStringLiteral("older");
        older.startMs = kT0 - 30 * 24 * kHour;
        QVERIFY(db.upsertExperiment(older) > 0);
        ExperimentRecord e;
        e.name = QStringLiteral("exp");
        e.startMs = kT0;
        e.groups << GroupRecord {
            0, 0, QStringLiteral("A"), QStringLiteral("a"), QStringLiteral("glibc"), QString()
        } << GroupRecord { 0,        0, QStringLiteral("B"), QStringLiteral("b"), QStringLiteral("jemalloc"),
                           QString() };
        const Id exp = db.upsertExperiment(e);
        const ExperimentRecord stored = *db.experiment(exp);
        QList<AssignmentRecord> as;
        for (int i = 0; i < 4; ++i) // r4, r5 stay unassigned
            as << AssignmentRecord { m_relays.at(i), stored.groups.at(i % 2).id, 0, 0, true };
        QVERIFY(db.setAssignments(exp, as));
    }

    void storeFeedsTheTab()
    {
        Store store;
        QSignalSpy opened(&store, &Store::opened);
        store.open(m_path);
        QVERIFY(opened.wait(5000));

        ChartsTab tab;
        tab.resize(1200, 800);
        tab.show();
        tab.setStore(&store);
        ChartsController *c = tab.controller();
        QVERIFY(c);
        QSignalSpy applied(c, &ChartsController::seriesSetApplied);
        QVERIFY(applied.wait(5000));
        QCOMPARE(tab.currentExperiment(), QStringLiteral("exp")); // the latest experiment
        QCOMPARE(tab.seriesSet().title, QStringLiteral("exp"));
        QCOMPARE(tab.seriesSet().relays.size(), 4);

        // the whole fleet on request
        tab.setCurrentExperiment(QString());
        QTRY_COMPARE_WITH_TIMEOUT(tab.seriesSet().relays.size(), 6, 5000);
        QVERIFY(tab.view(ChartKind::Trajectories)->chart()->series().size() >= 6);
        QVERIFY(!tab.view(ChartKind::Timeseries)->chart()->series().isEmpty());

        // choosing an experiment shows its groups only
        QTRY_VERIFY_WITH_TIMEOUT((tab.setCurrentExperiment(QStringLiteral("exp")),
                                  tab.currentExperiment() == QStringLiteral("exp")),
                                 5000);
        QTRY_COMPARE_WITH_TIMEOUT(tab.seriesSet().title, QStringLiteral("exp"), 5000);
        QCOMPARE(tab.seriesSet().groups.size(), 2);
        QCOMPARE(tab.seriesSet().relays.size(), 4);

        // a new poll: written through the store, picked up by the coalesced refresh
        const qint64 before = tab.seriesSet().lastMs();
        PollWrite poll;
        poll.hostId = m_host;
        poll.tsMs = kT0 + 20 * kHour;
        for (int i = 0; i < 6; ++i)
            poll.samples << SampleRecord { m_relays.at(i), 0, 1024 * 500, -1, -1, 1000 + i, QString() };
        QSignalSpy written(&store, &Store::pollWritten);
        store.writePoll(poll);
        QVERIFY(written.wait(5000));
        QTRY_VERIFY_WITH_TIMEOUT(tab.seriesSet().lastMs() > before, 5000);
        QCOMPARE(tab.seriesSet().lastMs(), kT0 + 20 * kHour);
        QCOMPARE(tab.seriesSet().title, QStringLiteral("exp")); // still the chosen experiment
    }

    // Without a remembered choice the tab opens on the latest experiment (not the whole fleet)
    // and queries only that; the user's choice is remembered for the next session.
    void defaultExperimentChoice()
    {
        QSettings().remove(QLatin1String(ChartsTab::kExperimentKey));
        Store store;
        QSignalSpy opened(&store, &Store::opened);
        store.open(m_path);
        QVERIFY(opened.wait(5000));
        {
            ChartsTab tab;
            auto *chooser = tab.findChild<QComboBox *>(QStringLiteral("experimentChooser"));
            QVERIFY(chooser);
            QCOMPARE(chooser->currentIndex(), 0); // "Whole fleet" until the list arrives
            tab.setStore(&store);
            QSignalSpy applied(tab.controller(), &ChartsController::seriesSetApplied);
            QVERIFY(applied.wait(5000));
            QCOMPARE(tab.currentExperiment(), QStringLiteral("exp"));
            QCOMPARE(chooser->currentText(), QStringLiteral("exp"));
            QCOMPARE(tab.seriesSet().title, QStringLiteral("exp"));
            QCOMPARE(chooser->count(), 3); // whole fleet, older, exp
            QVERIFY(!QSettings().contains(QLatin1String(ChartsTab::kExperimentKey))); // not chosen yet
            // The user picks the whole fleet with the keyboard: remembered.
            chooser->setFocus();
            QTest::keyClick(chooser, Qt::Key_Home);
            QCOMPARE(chooser->currentIndex(), 0);
            QTRY_COMPARE_WITH_TIMEOUT(tab.seriesSet().relays.size(), 6, 5000);
            QCOMPARE(
                QSettings().value(QLatin1String(ChartsTab::kExperimentKey), QStringLiteral("?")).toString(),
                QString());
        }
        {
            // Next session: the remembered whole fleet, not the latest experiment.
            ChartsTab tab;
            tab.setStore(&store);
            QSignalSpy applied(tab.controller(), &ChartsController::seriesSetApplied);
            QVERIFY(applied.wait(5000));
            QCOMPARE(tab.currentExperiment(), QString());
            QCOMPARE(tab.seriesSet().relays.size(), 6);
            tab.setCurrentExperiment(QStringLiteral("older"));
            QCOMPARE(QSettings().value(QLatin1String(ChartsTab::kExperimentKey)).toString(),
                     QStringLiteral("older"));
        }
        {
            ChartsTab tab;
            tab.setStore(&store);
            QSignalSpy applied(tab.controller(), &ChartsController::seriesSetApplied);
            QVERIFY(applied.wait(5000));
            QCOMPARE(tab.currentExperiment(), QStringLiteral("older"));
        }
        QSettings().remove(QLatin1String(ChartsTab::kExperimentKey));
    }

    void staleAnswersAreDropped()
    {
        Store store;
        QSignalSpy opened(&store, &Store::opened);
        store.open(m_path);
        QVERIFY(opened.wait(5000));
        ChartsTab tab;
        ChartsController c(&tab);
        QSignalSpy applied(&c, &ChartsController::seriesSetApplied);
        c.setStore(&store);
        // switch back and forth before any answer: only the last choice is shown
        c.setExperiment(QStringLiteral("exp"));
        c.setExperiment(QString());
        c.setExperiment(QStringLiteral("exp"));
        QTRY_VERIFY_WITH_TIMEOUT(!c.isQuerying() && !applied.isEmpty(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(tab.seriesSet().title, QStringLiteral("exp"), 5000);
        QCOMPARE(applied.last().at(0).toULongLong(), c.generation());
        // a burst of refreshes is coalesced into one query
        const quint64 g = c.generation();
        for (int i = 0; i < 20; ++i)
            c.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(c.generation() > g && !c.isQuerying(), 5000);
        QCOMPARE(c.generation(), g + 1);
    }

    void unknownExperimentFails()
    {
        Store store;
        QSignalSpy opened(&store, &Store::opened);
        store.open(m_path);
        QVERIFY(opened.wait(5000));
        ChartsTab tab;
        ChartsController c(&tab);
        c.setStore(&store);
        QSignalSpy failed(&c, &ChartsController::queryFailed);
        c.setExperiment(QStringLiteral("gone"));
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.last().at(0).toString().contains(QStringLiteral("gone")));
    }
};

QTEST_MAIN(TestChartsController)
#include "tst_chartscontroller.moc"
