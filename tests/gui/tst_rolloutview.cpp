// Rollout tab, deploy confirmation and launcher, offscreen. Relay states are fed as the Deployer
// reports them; Pause/Resume/Abort go through to a real Deployer whose host connection is held
// open by the test (a RemoteExec that waits until released), so the rollout is really running.

#include "app/deployer.h"
#include "app/store.h"
#include "ui/deploydialog.h"
#include "ui/deploylauncher.h"
#include "ui/rolloutmodel.h"
#include "ui/rolloutview.h"

#include <QAbstractItemModelTester>
#include <QFontInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace alloclab;

namespace {

const QString kJe = QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");

// Observed state of a relay running `loaded` ("" = glibc) with or without our drop-in.
RelayObservation observed(const QString &loaded, qint64 pid)
{
    RelayObservation o;
    o.seen = true;
    o.loadState = QStringLiteral("loaded");
    o.activeState = QStringLiteral("active");
    o.mainPid = pid;
    o.nRestarts = 0;
    o.unitOk = true;
    o.loadedAllocator = loaded;
    o.processPreload = loaded;
    o.libraryReadable = 1;
    o.dirWritable = true;
    o.stateDirWritable = true;
    if (!loaded.isEmpty()) {
        o.dropInExists = true;
        o.dropInContent = remote::dropInContent(loaded);
        o.configuredPreload = loaded;
        o.wantedResolved = loaded;
        o.wantedInMaps = true;
    }
    return o;
}

// Two hosts x 4 relays: groups A (glibc) and B (jemalloc); relay 0 of each host already right.
DeployPlan makePlan(int batch = 2)
{
    QList<DeployRelayInput> in;
    for (int h = 1; h <= 2; ++h) {
        for (int i = 0; i < 4; ++i) {
            DeployRelayInput r;
            r.host = QStringLiteral("lab%1").arg(h);
            r.instance = QStringLiteral("relay%1%2").arg(h).arg(i);
            r.group = i % 2 ? QStringLiteral("B") : QStringLiteral("A");
            r.allocatorId = i % 2 ? QStringLiteral("jemalloc") : QStringLiteral("glibc");
            r.wantedPath = i % 2 ? kJe : QString();
            // relay.0 (A) runs glibc: already right; the others run jemalloc / glibc wrongly.
            r.now = observed(i == 0 ? QString() : (i % 2 ? QString() : kJe), 100 * h + i);
            in << r;
        }
    }
    DeployOptions o;
    o.batchSize = batch;
    o.canary = 1;
    return deployplan::plan(in, o);
}

RelayReport report(const QString &host, const QString &inst, RelayDeployState s, const QString &msg = {})
{
    RelayReport r;
    r.host = host;
    r.instance = inst;
    r.state = s;
    r.message = msg;
    r.changing = true;
    return r;
}

// Holds the "connection" until released (or 20 s), then fails: the rollout runs meanwhile.
class HeldRemote : public RemoteExec
{
public:
    explicit HeldRemote(std::shared_ptr<std::atomic_bool> release)
        : m_release(std::move(release))
    { }
    bool connect(QString *error) override
    {
        for (int i = 0; i < 400 && !m_release->load(); ++i)
            QThread::msleep(50);
        *error = QStringLiteral("test host: no connection");
        return false;
    }
    ExecResult exec(const QByteArray &, int) override
    {
        ExecResult r;
        r.error = QStringLiteral("not connected");
        r.connectionLost = true;
        return r;
    }

private:
    std::shared_ptr<std::atomic_bool> m_release;
};

} // namespace

class TestRolloutView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerDeployMetaTypes(); }

    void modelFromPlanAndReports()
    {
        RolloutModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const DeployPlan plan = makePlan();
        QCOMPARE(plan.changeCount(), 6);
        m.setPlan(plan);
        QCOMPARE(m.rowCount(), 8);
        QCOMPARE(m.changingCount(), 6);
        QCOMPARE(m.count(RelayDeployState::Skipped), 2);
        QCOMPARE(m.count(RelayDeployState::Pending), 6);
        const int row = m.rowOf(QStringLiteral("lab1"), QStringLiteral("relay11"));
        QVERIFY(row >= 0);
        QCOMPARE(m.index(row, RolloutModel::ChangeColumn).data().toString(),
                 QStringLiteral("glibc → jemalloc"));
        QCOMPARE(m.index(row, RolloutModel::GroupColumn).data().toString(), QStringLiteral("B"));
        QCOMPARE(m.index(row, RolloutModel::GroupColumn).data(Qt::BackgroundRole).value<QColor>(),
                 QColor(0xE6, 0x9F, 0x00)); // B's colour everywhere
        const int skip = m.rowOf(QStringLiteral("lab1"), QStringLiteral("relay10"));
        QCOMPARE(m.index(skip, RolloutModel::ChangeColumn).data().toString(),
                 QStringLiteral("glibc (no change)"));

        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.updateRelay(report(QStringLiteral("lab1"), QStringLiteral("relay11"), RelayDeployState::VerifiedNew,
                             QStringLiteral("runs jemalloc (PID 7)")));
        QCOMPARE(changed.size(), 1);
        const QModelIndex st = m.index(row, RolloutModel::StateColumn);
        QCOMPARE(st.data().toString(), RolloutModel::stateText(RelayDeployState::VerifiedNew));
        QCOMPARE(st.data(Qt::ForegroundRole).value<QColor>(),
                 RolloutModel::stateColor(RelayDeployState::VerifiedNew));
        QVERIFY(!st.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(st.data(RolloutModel::StateRole).toInt(), int(RelayDeployState::VerifiedNew));
        QCOMPARE(m.index(row, RolloutModel::MessageColumn).data().toString(),
                 QStringLiteral("runs jemalloc (PID 7)"));
        // Every state reads differently and has its own colour or icon.
        QSet<QString> texts;
        for (int s = int(RelayDeployState::Pending); s <= int(RelayDeployState::Unknown); ++s) {
            texts.insert(RolloutModel::stateText(RelayDeployState(s)));
            QVERIFY(!RolloutModel::stateIcon(RelayDeployState(s)).isNull());
        }
        QCOMPARE(texts.size(), int(RelayDeployState::Unknown) + 1);
        QVERIFY(RolloutModel::stateColor(RelayDeployState::Failed)
                != RolloutModel::stateColor(RelayDeployState::VerifiedNew));
        // A relay not in the plan gets its own row.
        m.updateRelay(report(QStringLiteral("lab3"), QStringLiteral("x"), RelayDeployState::Unknown));
        QCOMPARE(m.rowCount(), 9);
        QCOMPARE(RolloutModel::allocatorLabel(QStringLiteral("/usr/local/lib/mimalloc/libmimalloc-2.0.9.so")),
                 QStringLiteral("mimalloc-2.0.9"));
        QCOMPARE(RolloutModel::allocatorLabel(QString()), QStringLiteral("glibc"));
    }

    void viewFollowsStatesAndButtonsCallThrough()
    {
        auto release = std::make_shared<std::atomic_bool>(false);
        Deployer d;
        d.setRemoteFactory([release](const QString &) { return std::make_unique<HeldRemote>(release); });
        const auto unblock = qScopeGuard([release] { release->store(true); });
        RolloutView v(&d);
        v.resize(1000, 600);
        v.show();
        QVERIFY(!v.pauseButton()->isEnabled());
        QVERIFY(!v.abortButton()->isEnabled());

        const DeployPlan plan = makePlan();
        QSignalSpy finished(&d, &Deployer::finished);
        v.start(plan);
        QVERIFY(d.isRunning());
        QVERIFY(v.isRunning());
        QCOMPARE(v.table()->model()->rowCount(), 8);
        QVERIFY(v.pauseButton()->isEnabled());
        QVERIFY(!v.resumeButton()->isEnabled());
        QVERIFY(v.abortButton()->isEnabled());
        QCOMPARE(v.progressBar()->maximum(), 6);
        QCOMPARE(v.progressBar()->value(), 0);

        // States as the Deployer reports them.
        v.updateRelay(
            report(QStringLiteral("lab1"), QStringLiteral("relay11"), RelayDeployState::Restarting));
        v.updateRelay(
            report(QStringLiteral("lab1"), QStringLiteral("relay12"), RelayDeployState::VerifiedNew));
        v.updateRelay(report(QStringLiteral("lab2"), QStringLiteral("relay21"), RelayDeployState::Failed,
                             QStringLiteral("libjemalloc not loaded")));
        v.setProgress(2, 6);
        QCOMPARE(v.progressBar()->value(), 2);
        QVERIFY2(v.progressBar()->text().contains(QStringLiteral("2 of 6")),
                 qPrintable(v.progressBar()->text()));
        const RolloutModel *m = v.model();
        QCOMPARE(m->state(m->rowOf(QStringLiteral("lab1"), QStringLiteral("relay11"))),
                 RelayDeployState::Restarting);
        QCOMPARE(m->state(m->rowOf(QStringLiteral("lab2"), QStringLiteral("relay21"))),
                 RelayDeployState::Failed);
        QVERIFY(v.log()->toPlainText().contains(QStringLiteral("libjemalloc not loaded")));
        QVERIFY2(v.statusLabel()->text().contains(QStringLiteral("1 failed")),
                 qPrintable(v.statusLabel()->text()));
        QVERIFY(v.statusLabel()->text().contains(QStringLiteral("1 in progress")));

        // Pause, Resume, Abort go through to the deployer.
        QTest::mouseClick(v.pauseButton(), Qt::LeftButton);
        QVERIFY(d.isPaused());
        QVERIFY(!v.pauseButton()->isEnabled());
        QVERIFY(v.resumeButton()->isEnabled());
        QTest::mouseClick(v.resumeButton(), Qt::LeftButton);
        QVERIFY(!d.isPaused());
        QVERIFY(!d.isAborted());
        QTest::mouseClick(v.abortButton(), Qt::LeftButton);
        QVERIFY(d.isAborted());
        QVERIFY(!v.abortButton()->isEnabled());
        QVERIFY(v.statusLabel()->text().contains(QStringLiteral("Aborting")));

        release->store(true);
        QVERIFY(finished.wait(20000));
        QVERIFY(!v.isRunning());
        QVERIFY(!v.pauseButton()->isEnabled() && !v.resumeButton()->isEnabled()
                && !v.abortButton()->isEnabled());
        const DeployReport rep = finished.at(0).at(0).value<DeployReport>();
        QVERIFY(rep.aborted);
        QVERIFY(!rep.ok());
        QVERIFY2(v.log()->toPlainText().contains(QStringLiteral("test host: no connection")),
                 qPrintable(v.log()->toPlainText()));
        QVERIFY(v.statusLabel()->text().contains(QStringLiteral("Aborted")));
    }

    void dialogShowsTheDryRunAndReplans()
    {
        const DeployPlan plan = makePlan(2);
        DeployDialog dlg(plan);
        const QString text = dlg.diffView()->toPlainText();
        QCOMPARE(text, deployplan::renderDryRun(plan)); // exactly what the CLI's --dry-run prints
        QVERIFY(text.contains(QStringLiteral("Environment=\"LD_PRELOAD=%1\"").arg(kJe)));
        QVERIFY(text.contains(QStringLiteral("daemon-reload")));
        QCOMPARE(dlg.deployButton()->text(), QStringLiteral("Deploy 6 relay(s) on 2 host(s)"));
        QVERIFY(dlg.deployButton()->isEnabled());
        QVERIFY(dlg.diffView()->font().fixedPitch() || QFontInfo(dlg.diffView()->font()).fixedPitch());

        dlg.batchBox()->setValue(10);
        dlg.canaryBox()->setValue(0);
        QCOMPARE(dlg.plan().options.batchSize, 10);
        QCOMPARE(dlg.plan().options.canary, 0);
        QCOMPARE(dlg.plan().hosts.at(0).batches.size(), 1); // one batch of 3 per host, no canary
        QCOMPARE(dlg.diffView()->toPlainText(), deployplan::renderDryRun(dlg.plan()));
        dlg.settleBox()->setValue(7);
        dlg.maxFailuresBox()->setValue(3);
        QCOMPARE(dlg.executorOptions().settleMs, 7000);
        QCOMPARE(dlg.executorOptions().maxFailures, 3);

        // Enter does not deploy.
        dlg.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dlg));
        QTest::keyClick(&dlg, Qt::Key_Return);
        QCOMPARE(dlg.result(), int(QDialog::Rejected));
    }

    void dialogRefusesInvalidOrEmptyPlans()
    {
        DeployPlan bad = makePlan();
        bad.errors << QStringLiteral("lab2: cannot connect: <refused>");
        DeployDialog d1(bad);
        QVERIFY(!d1.deployButton()->isEnabled());
        QVERIFY(d1.diffView()->toPlainText().contains(QStringLiteral("REFUSED: lab2: cannot connect")));
        d1.batchBox()->setValue(3); // a re-plan keeps the host's error
        QVERIFY(!d1.deployButton()->isEnabled());
        QVERIFY(!d1.plan().isValid());

        DeployDialog d2(deployplan::plan({}, DeployOptions()));
        QVERIFY(!d2.deployButton()->isEnabled());
        QCOMPARE(d2.deployButton()->text(), QStringLiteral("Deploy 0 relay(s) on 0 host(s)"));

        DeployPlan rb = makePlan();
        rb.options.mode = DeployOptions::Mode::Rollback;
        DeployDialog d3(rb);
        QVERIFY(d3.deployButton()->text().startsWith(QStringLiteral("Roll back")));
    }

    void launcherReportsStoreErrors()
    {
        QTemporaryDir dir;
        Store store;
        QSignalSpy opened(&store, &Store::opened);
        store.open(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(opened.wait(10000));
        Deployer d;
        RolloutView v(&d);
        DeployLauncher l(&v, &v);
        QSignalSpy failed(&l, &DeployLauncher::failed);
        l.rolloutAllocator(QStringLiteral("jemalloc"));
        QCOMPARE(failed.size(), 1); // at once: there is nothing to ask
        QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("no database")),
                 qPrintable(failed.at(0).at(0).toString()));
        l.setStore(&store);
        l.rolloutAllocator(QStringLiteral("no-such-allocator"));
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.at(1).at(0).toString().contains(QStringLiteral("No allocator 'no-such-allocator'")),
                 qPrintable(failed.at(1).at(0).toString()));
        l.rolloutAllocator(QStringLiteral("jemalloc")); // no hosts, no relays: nothing to deploy
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.at(2).at(0).toString().contains(QStringLiteral("No relays known")),
                 qPrintable(failed.at(2).at(0).toString()));
        QVERIFY(!l.currentDialog());
    }
};

QTEST_MAIN(TestRolloutView)
#include "tst_rolloutview.moc"
