// The GUI's rollout path against the lab: "Roll out jemalloc to all relays..." on lab1 through
// DeployLauncher (store -> inputs, Deployer::prepare reads the host), the confirm dialog, the
// Rollout tab following the real rollout, relay by relay. With ALLOCLAB_SCREENSHOT_DIR set, the
// dialog and the tab (mid-rollout) are saved there as deploy-dialog.png and rollout.png.
// lab1 is left as found: glibc everywhere, no drop-ins.

#include "app/database.h"
#include "app/deployer.h"
#include "app/store.h"
#include "app/translator.h"
#include "ui/deploydialog.h"
#include "ui/deploylauncher.h"
#include "ui/rolloutmodel.h"
#include "ui/rolloutview.h"

#include <QDir>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "labenv.h"

using namespace alloclab;

namespace {

const QString kJe = QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");

QString rootSh(const QString &script)
{
    QProcess p;
    p.start(
        QStringLiteral("ssh"),
        { QStringLiteral("-F"), labenv::sshConfig(), QStringLiteral("lab1-root"), QStringLiteral("sh -s") });
    p.write(script.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

void restoreLab1()
{
    rootSh(QStringLiteral("rm -f /etc/systemd/system/tor@*.service.d/alloclab-allocator.conf*; rmdir "
                          "/etc/systemd/system/tor@*.service.d 2>/dev/null; rm -rf /var/lib/alloclab; "
                          "systemctl daemon-reload; "
                          "for i in $(awk '{print $1}' /etc/alloclab.relays); do "
                          "  pid=$(systemctl show -p MainPID --value tor@$i.service); "
                          "  if [ \"$pid\" = 0 ] || grep -qE 'lib(jemalloc|mimalloc)' /proc/$pid/maps; then "
                          "    systemctl restart tor@$i.service & fi; done; wait"));
}

void save(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("ALLOCLAB_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(name);
    if (!w->grab().save(path))
        qWarning("could not save %s", qPrintable(path));
    else
        qInfo("screenshot: %s", qPrintable(path));
}

} // namespace

class TestRolloutViewLab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const QString why = labenv::unavailable(1);
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        registerDeployMetaTypes();
        // As the application does for an English user: "10 relays", not "10 relay(s)".
        alloclab::installTranslators(*QCoreApplication::instance(), QStringLiteral("en"));
        restoreLab1();
    }

    void rolloutWinnerFromTheGui()
    {
        const auto restore = qScopeGuard([] { restoreLab1(); });
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("gui.sqlite"));
        const QStringList inst = rootSh(QStringLiteral("awk '{print $1}' /etc/alloclab.relays"))
                                     .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(inst.size(), 10);
        {
            Database db;
            QString err;
            QVERIFY2(db.open(dbPath, Database::OpenMode::CreateIfMissing, &err), qPrintable(err));
            const Id host
                = db.upsertHost(HostRecord { 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} });
            QVERIFY(host);
            for (const QString &i : inst) {
                RelayRecord r;
                r.hostId = host;
                r.server = QStringLiteral("lab1");
                r.instance = i;
                QVERIFY(db.resolveRelay(r));
            }
        }
        Store store;
        QSignalSpy opened(&store, &Store::opened);
        store.open(dbPath, Database::OpenMode::ExistingOnly);
        QVERIFY(opened.wait(10000));

        Deployer d;
        d.setSshConfig(labenv::sshConfig());
        ExecutorOptions eo;
        eo.pollMs = 300;
        eo.restartTimeoutMs = 60000;
        d.setExecutorOptions(eo);
        RolloutView view(&d);
        view.resize(1180, 640);
        view.show();
        DeployLauncher launcher(&view, &view);
        launcher.setStore(&store);
        DeployOptions defaults;
        defaults.batchSize = 3;
        launcher.setDefaultOptions(defaults);

        QSignalSpy dialogs(&launcher, &DeployLauncher::dialogOpened);
        QSignalSpy failed(&launcher, &DeployLauncher::failed);
        launcher.rolloutAllocator(QStringLiteral("jemalloc"), { QStringLiteral("lab1") });
        QVERIFY2(dialogs.wait(60000),
                 failed.isEmpty() ? "no dialog" : qPrintable(failed.at(0).at(0).toString()));
        DeployDialog *dlg = launcher.currentDialog();
        QVERIFY(dlg);
        QCOMPARE(dlg->deployButton()->text(), QStringLiteral("Deploy 10 relays on 1 host"));
        QVERIFY(dlg->plan().isValid());
        dlg->settleBox()->setValue(2);
        dlg->resize(980, 720);
        QVERIFY(QTest::qWaitForWindowExposed(dlg));
        save(dlg, QStringLiteral("deploy-dialog.png"));

        // Mid-rollout: the canary and part of the first batch are verified, others restarting.
        bool shot = false;
        connect(&d, &Deployer::relayReportAvailable, &view, [&](const RelayReport &) {
            if (!shot && view.model()->count(RelayDeployState::VerifiedNew) >= 2
                && view.model()->activeCount() > 0) {
                shot = true;
                save(&view, QStringLiteral("rollout.png"));
            }
        });
        QSignalSpy finished(&d, &Deployer::finished);
        QSignalSpy started(&launcher, &DeployLauncher::started);
        QTest::mouseClick(dlg->deployButton(), Qt::LeftButton);
        QCOMPARE(started.size(), 1);
        QVERIFY(view.isRunning());
        QVERIFY(view.abortButton()->isEnabled());
        QVERIFY(finished.wait(300000));
        const DeployReport rep = finished.at(0).at(0).value<DeployReport>();
        QVERIFY2(rep.ok(), qPrintable(rep.summary()));
        QVERIFY(shot);
        QCOMPARE(view.model()->count(RelayDeployState::VerifiedNew), 10);
        QCOMPARE(view.progressBar()->value(), 10);
        QCOMPARE(view.progressBar()->maximum(), 10);
        QVERIFY(!view.abortButton()->isEnabled());
        save(&view, QStringLiteral("rollout-finished.png"));
        // Every step went to the store (on its writer thread): 10 verified relays in the log.
        auto verifiedInLog = [&dbPath]() {
            Database db;
            if (!db.open(dbPath, Database::OpenMode::ExistingOnly))
                return -1;
            int n = 0;
            for (const DeployLogRecord &x : db.deployLog())
                n += x.action == QLatin1String("verify") && x.ok && x.relayId != 0 && x.hostId != 0 ? 1 : 0;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(verifiedInLog(), 10, 20000);
        // Independent check on the host.
        const QString loaded = rootSh(QStringLiteral(
            "for i in $(awk '{print $1}' /etc/alloclab.relays); do pid=$(systemctl show -p MainPID --value "
            "tor@$i.service); grep -c libjemalloc /proc/$pid/maps >/dev/null && echo je || echo other; done "
            "| sort | uniq -c"));
        QCOMPARE(loaded.simplified(), QStringLiteral("10 je"));
    }
};

QTEST_MAIN(TestRolloutViewLab)
#include "tst_rolloutview_lab.moc"
