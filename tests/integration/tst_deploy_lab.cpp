// Deploy against the lab: real sshd (libssh), real systemd, real tor, real allocators.
// Every test leaves the lab as it found it: no drop-ins, no /var/lib/alloclab, relays active
// and running glibc. Independent checks go through plain `ssh -F ... labN-root`.

#include "app/deployer.h"

#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "labenv.h"

using namespace alloclab;

namespace {

// labctl fault: true on success (labenv::run's output is empty, hence null, for these).
bool fault(const QStringList &args, QString *error)
{
    error->clear();
    labenv::run(QStringList { QStringLiteral("fault") } + args, error, 120000);
    return error->isEmpty();
}

const QString kJe = QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");
const QString kMi = QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2");
const QString kCustom = QStringLiteral("/usr/local/lib/mimalloc/libmimalloc-2.0.9.so");

// Runs a command as root on labN through OpenSSH (not the code under test).
QString rootSh(int n, const QString &script, int *status = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("ssh"),
            { QStringLiteral("-F"), labenv::sshConfig(), QStringLiteral("lab%1-root").arg(n),
              QStringLiteral("sh -s") });
    p.write(script.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(120000);
    const QByteArray err = p.readAllStandardError();
    if (!err.isEmpty())
        qWarning("ssh lab%d: %s", n, err.constData());
    if (status)
        *status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

// labN runs with sshd active and answers over ssh (labctl status alone does not see a link fault).
bool hostUp(int n)
{
    return labenv::runningHosts().contains(QStringLiteral("lab%1").arg(n))
        && rootSh(n, QStringLiteral("echo ok")) == QLatin1String("ok");
}

QStringList instances(int n)
{
    const QString out = rootSh(n, QStringLiteral("awk '{print $1}' /etc/alloclab.relays"));
    return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// "glibc" or the allocator file mapped in the relay's MainPID.
QString loaded(int n, const QString &instance)
{
    return rootSh(
        n,
        QStringLiteral("pid=$(systemctl show -p MainPID --value tor@%1.service); "
                       "f=$(awk '{print $6}' /proc/$pid/maps | grep -E 'lib(jemalloc|mimalloc)' | head -n1); "
                       "echo ${f:-glibc}")
            .arg(instance));
}

bool hasDropIn(int n, const QString &instance)
{
    return rootSh(n,
                  QStringLiteral(
                      "test -e /etc/systemd/system/tor@%1.service.d/alloclab-allocator.conf && echo yes")
                      .arg(instance))
        == QLatin1String("yes");
}

// Back to the lab's state: no drop-ins, no backups, every relay running glibc.
void restoreLab(int hosts)
{
    for (int n = 1; n <= hosts; ++n)
        rootSh(
            n,
            QStringLiteral("rm -f /etc/systemd/system/tor@*.service.d/alloclab-allocator.conf*; rmdir "
                           "/etc/systemd/system/tor@*.service.d 2>/dev/null; rm -rf "
                           "/var/lib/alloclab; "
                           "rm -f /usr/local/lib/alloclab-test/*; systemctl daemon-reload; "
                           "for i in $(awk '{print $1}' /etc/alloclab.relays); do "
                           "  pid=$(systemctl show -p MainPID --value tor@$i.service); "
                           "  if [ \"$pid\" = 0 ] || grep -qE 'lib(jemalloc|mimalloc)' /proc/$pid/maps; then "
                           "    systemctl restart tor@$i.service & fi; done; wait"));
}

DeployRelayInput input(int n, const QString &inst, const QString &path)
{
    DeployRelayInput in;
    in.host = QStringLiteral("lab%1").arg(n);
    in.instance = inst;
    in.wantedPath = path;
    return in;
}

} // namespace

class TestDeployLab : public QObject
{
    Q_OBJECT
private:
    ExecutorOptions fastOptions()
    {
        ExecutorOptions o;
        o.settleMs = 2000;
        o.pollMs = 300;
        o.restartTimeoutMs = 60000;
        o.reconnectMs = 20000;
        return o;
    }
    // prepare() then start(); returns the finished report.
    DeployReport run(Deployer &d, const QList<DeployRelayInput> &in, const DeployOptions &opt,
                     DeployPlan *planOut = nullptr, int timeoutMs = 600000)
    {
        QSignalSpy planSpy(&d, &Deployer::planAvailable);
        d.prepare(in, opt);
        if (!planSpy.wait(60000))
            return {};
        const DeployPlan plan = planSpy.at(0).at(0).value<DeployPlan>();
        if (planOut)
            *planOut = plan;
        QSignalSpy done(&d, &Deployer::finished);
        d.start(plan);
        if (!done.wait(timeoutMs))
            return {};
        return done.at(0).at(0).value<DeployReport>();
    }
    static QList<RelayReport> relaysOf(const DeployReport &r)
    {
        QList<RelayReport> out;
        for (const HostReport &h : r.hosts)
            out << h.relays;
        return out;
    }

private slots:
    void initTestCase()
    {
        const QString why = labenv::unavailable(2);
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        restoreLab(2);
    }
    void cleanup() { restoreLab(2); }

    void deployGroupsThenRollback()
    {
        const QStringList paths = { QString(), kJe, kMi, kCustom };
        QList<DeployRelayInput> in;
        for (int n = 1; n <= 2; ++n) {
            const QStringList inst = instances(n);
            QCOMPARE(inst.size(), 10);
            for (int i = 0; i < inst.size(); ++i)
                in << input(n, inst.at(i), paths.at(i % 4));
        }
        Deployer d;
        d.setSshConfig(labenv::sshConfig());
        d.setExecutorOptions(fastOptions());
        QSignalSpy progress(&d, &Deployer::progress);
        DeployPlan plan;
        const DeployReport rep = run(d, in, {}, &plan);
        QVERIFY2(plan.isValid(), qPrintable(plan.errors.join(QLatin1Char('\n'))));
        QCOMPARE(plan.changeCount(), 14); // 2 x (10 - 3 glibc relays already right)
        QVERIFY2(rep.ok(), qPrintable(rep.summary()));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 14);
        QCOMPARE(progress.last().at(1).toInt(), 14);
        for (const RelayReport &r : relaysOf(rep))
            QVERIFY2(r.state == RelayDeployState::VerifiedNew || r.state == RelayDeployState::Skipped,
                     qPrintable(r.instance + QLatin1Char(' ') + relayDeployStateName(r.state)
                                + QLatin1Char(' ') + r.message));
        // Independent check: every relay's maps show its group's library.
        for (int n = 1; n <= 2; ++n) {
            const QStringList inst = instances(n);
            for (int i = 0; i < inst.size(); ++i) {
                const QString l = loaded(n, inst.at(i));
                switch (i % 4) {
                case 0:
                    QCOMPARE(l, QStringLiteral("glibc"));
                    break;
                case 1:
                    QCOMPARE(l, kJe);
                    break;
                case 2:
                    QCOMPARE(l, QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0"));
                    break;
                case 3:
                    QCOMPARE(l, kCustom);
                    break;
                }
            }
        }
        // Idempotent: the plan of the deployed state is empty.
        QSignalSpy again(&d, &Deployer::planAvailable);
        d.prepare(in, {});
        QVERIFY(again.wait(60000));
        QVERIFY(again.at(0).at(0).value<DeployPlan>().isEmpty());

        // Rollback of the whole experiment restores every original state.
        DeployOptions rb;
        rb.mode = DeployOptions::Mode::Rollback;
        rb.batchSize = 10;
        DeployPlan rplan;
        const DeployReport back = run(d, in, rb, &rplan);
        QCOMPARE(rplan.changeCount(), 14);
        QVERIFY2(back.ok(), qPrintable(back.summary()));
        for (int n = 1; n <= 2; ++n) {
            for (const QString &i : instances(n)) {
                QCOMPARE(loaded(n, i), QStringLiteral("glibc"));
                QVERIFY(!hasDropIn(n, i));
            }
            QCOMPARE(
                rootSh(n,
                       QStringLiteral(
                           "ls /var/lib/alloclab/deploy/orig /var/lib/alloclab/deploy/prev | grep -c conf")),
                QStringLiteral("0"));
        }
    }

    void missingLibraryStopsThatHost()
    {
        // The library exists on lab1 only: lab2's preflight stops it, nothing changes there.
        rootSh(1,
               QStringLiteral("mkdir -p /usr/local/lib/alloclab-test && cp %1 "
                              "/usr/local/lib/alloclab-test/libjemalloc-one.so")
                   .arg(kJe));
        const QString lib = QStringLiteral("/usr/local/lib/alloclab-test/libjemalloc-one.so");
        QList<DeployRelayInput> in;
        for (int n = 1; n <= 2; ++n)
            for (const QString &i : instances(n).mid(0, 2))
                in << input(n, i, lib);
        const QString before
            = rootSh(2, QStringLiteral("systemctl show -p MainPID --value 'tor@*' | sort | tr '\\n' ' '"));
        Deployer d;
        d.setSshConfig(labenv::sshConfig());
        d.setExecutorOptions(fastOptions());
        QSignalSpy failed(&d, &Deployer::failed);
        const DeployReport rep = run(d, in, {});
        QVERIFY(!rep.ok());
        QCOMPARE(rep.hosts.size(), 2);
        for (const HostReport &h : rep.hosts) {
            if (h.host == QLatin1String("lab2")) {
                QVERIFY(!h.preflightOk);
                QVERIFY2(h.error.contains(lib) && h.error.contains(QStringLiteral("nothing was changed")),
                         qPrintable(h.error));
                for (const RelayReport &r : h.relays)
                    QCOMPARE(r.state, RelayDeployState::NotStarted);
            } else {
                QVERIFY2(h.completed, qPrintable(h.error));
            }
        }
        QVERIFY(!failed.isEmpty());
        for (const QString &i : instances(2))
            QVERIFY(!hasDropIn(2, i));
        QCOMPARE(rootSh(2, QStringLiteral("systemctl show -p MainPID --value 'tor@*' | sort | tr '\\n' ' '")),
                 before);
        QCOMPARE(rootSh(2, QStringLiteral("test -e /var/lib/alloclab && echo exists")), QString());
        QCOMPARE(loaded(1, instances(1).at(0)), lib);
    }

    void unloadableLibraryCanaryRollsBack()
    {
        rootSh(1,
               QStringLiteral("mkdir -p /usr/local/lib/alloclab-test && echo 'not an ELF file' > "
                              "/usr/local/lib/alloclab-test/libbroken.so"));
        const QString lib = QStringLiteral("/usr/local/lib/alloclab-test/libbroken.so");
        const QStringList inst = instances(1);
        QList<DeployRelayInput> in;
        for (const QString &i : inst.mid(0, 4))
            in << input(1, i, lib);
        Deployer d;
        d.setSshConfig(labenv::sshConfig());
        d.setExecutorOptions(fastOptions());
        const DeployReport rep = run(d, in, {});
        QVERIFY(rep.halted);
        QCOMPARE(rep.failures, 1);
        const QList<RelayReport> rel = relaysOf(rep);
        QCOMPARE(rel.at(0).state, RelayDeployState::VerifiedOld);
        QVERIFY2(rel.at(0).message.contains(QStringLiteral("not loaded")), qPrintable(rel.at(0).message));
        for (int i = 1; i < 4; ++i)
            QCOMPARE(rel.at(i).state, RelayDeployState::NotStarted);
        QVERIFY(rep.summary().contains(QStringLiteral("HALTED")));
        for (const QString &i : inst.mid(0, 4)) {
            QVERIFY(!hasDropIn(1, i));
            QCOMPARE(loaded(1, i), QStringLiteral("glibc"));
        }
        QCOMPARE(rootSh(1, QStringLiteral("systemctl is-active tor@%1.service").arg(inst.at(0))),
                 QStringLiteral("active"));
    }
    void abortMidRolloutThenResume()
    {
        const QStringList inst = instances(1);
        QList<DeployRelayInput> in;
        for (const QString &i : inst)
            in << input(1, i, kJe);
        DeployOptions opt;
        opt.batchSize = 3;
        Deployer d;
        d.setSshConfig(labenv::sshConfig());
        d.setExecutorOptions(fastOptions());
        int verified = 0;
        bool aborted = false;
        connect(&d, &Deployer::relayStateChanged, &d,
                [&](const QString &, const QString &, int state, const QString &) {
                    // The canary is verified and batch 2 is restarting: abort now. The executor
                    // checks the flag only before the next batch, after batch 2's settle time, so
                    // this does not race with it (aborting at a VerifiedNew of batch 2 did).
                    if (RelayDeployState(state) == RelayDeployState::VerifiedNew)
                        ++verified;
                    if (!aborted && verified >= 1
                        && RelayDeployState(state) == RelayDeployState::Restarting) {
                        aborted = true;
                        d.abort();
                    }
                });
        const DeployReport rep = run(d, in, opt);
        QVERIFY(rep.aborted);
        int newCount = 0, oldCount = 0;
        for (const RelayReport &r : relaysOf(rep)) {
            const bool dropIn = hasDropIn(1, r.instance);
            const QString l = loaded(1, r.instance);
            if (r.state == RelayDeployState::VerifiedNew) {
                ++newCount;
                QVERIFY(dropIn);
                QCOMPARE(l, kJe);
            } else {
                QCOMPARE(r.state, RelayDeployState::NotStarted);
                ++oldCount;
                QVERIFY(!dropIn);
                QCOMPARE(l, QStringLiteral("glibc"));
            }
        }
        QCOMPARE(newCount, 4); // canary + the whole batch in flight
        QCOMPARE(oldCount, 6);
        // Resume: a new run re-reads every relay and completes the rest.
        Deployer d2;
        d2.setSshConfig(labenv::sshConfig());
        d2.setExecutorOptions(fastOptions());
        DeployPlan plan;
        const DeployReport rep2 = run(d2, in, opt, &plan);
        QCOMPARE(plan.changeCount(), 6);
        QVERIFY2(rep2.ok(), qPrintable(rep2.summary()));
        for (const QString &i : inst)
            QCOMPARE(loaded(1, i), kJe);
    }

    void sshdStoppedMidRolloutThenResume()
    {
        const QStringList inst = instances(2);
        QList<DeployRelayInput> in;
        for (const QString &i : inst)
            in << input(2, i, kMi);
        DeployOptions opt;
        opt.batchSize = 3;
        Deployer d;
        d.setSshConfig(labenv::sshConfig());
        ExecutorOptions eo = fastOptions();
        eo.reconnectMs = 5000;
        d.setExecutorOptions(eo);
        bool stopped = false;
        QString faultError;
        connect(&d, &Deployer::relayStateChanged, &d,
                [&](const QString &, const QString &, int state, const QString &) {
                    if (!stopped && RelayDeployState(state) == RelayDeployState::VerifiedNew) {
                        stopped = true;
                        if (!fault({ QStringLiteral("lab2"), QStringLiteral("sshd-stop") }, &faultError))
                            qWarning("%s", qPrintable(faultError));
                    }
                });
        const DeployReport rep = run(d, in, opt);
        QVERIFY(stopped);
        QVERIFY2(fault({ QStringLiteral("lab2"), QStringLiteral("sshd-start") }, &faultError),
                 qPrintable(faultError));
        QTRY_VERIFY_WITH_TIMEOUT(hostUp(2), 30000);
        qInfo("after sshd-stop: %s", qPrintable(rep.summary()));
        // Every relay is verified old or verified new: its drop-in and its process agree.
        for (const QString &i : inst) {
            const bool dropIn = hasDropIn(2, i);
            const QString l = loaded(2, i);
            QVERIFY2(dropIn ? l == QLatin1String("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0")
                            : l == QLatin1String("glibc"),
                     qPrintable(i + QLatin1Char(' ') + l));
        }
        Deployer d2;
        d2.setSshConfig(labenv::sshConfig());
        d2.setExecutorOptions(fastOptions());
        const DeployReport rep2 = run(d2, in, opt);
        QVERIFY2(rep2.ok(), qPrintable(rep2.summary()));
        for (const QString &i : inst)
            QCOMPARE(loaded(2, i), QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0"));
    }

    void linkDownMidRolloutThenResume()
    {
        // lab2's link goes down once the canary is verified (batch 2 is being written or
        // restarted) and comes back as soon as the executor noticed the loss: it reconnects,
        // re-reads every relay and finishes. Whatever the run reports, every relay's drop-in and
        // process agree; a resume (a new run) completes and leaves nothing to do.
        const QStringList inst = instances(2);
        QList<DeployRelayInput> in;
        for (const QString &i : inst)
            in << input(2, i, kJe);
        DeployOptions opt;
        opt.batchSize = 3;
        Deployer d;
        d.setSshConfig(labenv::sshConfig());
        ExecutorOptions eo = fastOptions();
        eo.execTimeoutMs = 10000; // how long a silent link takes to count as lost
        eo.reconnectMs = 60000;
        d.setExecutorOptions(eo);
        bool down = false, up = false, lossSeen = false;
        QString faultError;
        auto linkUp = [&] {
            if (down && !up) {
                QString e;
                up = fault({ QStringLiteral("lab2"), QStringLiteral("link-up") }, &e);
                if (!up)
                    qWarning("link-up: %s", qPrintable(e));
            }
        };
        // Whatever happens below (a failed QVERIFY returns), the link comes back.
        const auto restoreLink = qScopeGuard([&] {
            linkUp();
            if (down && !up)
                fault({ QStringLiteral("lab2"), QStringLiteral("link-up") }, &faultError);
        });
        connect(&d, &Deployer::relayStateChanged, &d,
                [&](const QString &, const QString &, int state, const QString &) {
                    if (!down && RelayDeployState(state) == RelayDeployState::VerifiedNew) {
                        down = fault({ QStringLiteral("lab2"), QStringLiteral("link-down") }, &faultError);
                        if (!down)
                            qWarning("link-down: %s", qPrintable(faultError));
                        else // a bound on the window even if the loss is never reported
                            QTimer::singleShot(30000, &d, linkUp);
                    }
                });
        connect(&d, &Deployer::eventAvailable, &d, [&](const EventRecord &e) {
            if (e.type == QLatin1String("deploy_connection_lost")) {
                lossSeen = true;
                linkUp();
            }
        });
        const DeployReport rep = run(d, in, opt);
        linkUp();
        QVERIFY2(down, qPrintable(faultError));
        QVERIFY(up);
        QTRY_VERIFY_WITH_TIMEOUT(hostUp(2), 30000);
        QVERIFY2(lossSeen, "the executor did not notice the lost link");
        qInfo("after link-down: %s", qPrintable(rep.summary()));
        QVERIFY(!rep.hosts.isEmpty());
        for (const RelayReport &r : relaysOf(rep))
            QVERIFY2(r.state == RelayDeployState::VerifiedNew || r.state == RelayDeployState::VerifiedOld
                         || r.state == RelayDeployState::NotStarted || r.state == RelayDeployState::Unknown,
                     qPrintable(r.instance + QLatin1Char(' ') + relayDeployStateName(r.state)));
        // On the host: each relay is verified old (no drop-in, glibc) or verified new (drop-in,
        // jemalloc mapped), never half-changed.
        for (const QString &i : inst) {
            const bool dropIn = hasDropIn(2, i);
            const QString l = loaded(2, i);
            QVERIFY2(dropIn ? l == kJe : l == QLatin1String("glibc"), qPrintable(i + QLatin1Char(' ') + l));
        }
        // Resume: a new run re-reads the host and completes what is left; then nothing is left.
        Deployer d2;
        d2.setSshConfig(labenv::sshConfig());
        d2.setExecutorOptions(fastOptions());
        const DeployReport rep2 = run(d2, in, opt);
        QVERIFY2(rep2.ok(), qPrintable(rep2.summary()));
        for (const QString &i : inst)
            QCOMPARE(loaded(2, i), kJe);
        QSignalSpy again(&d2, &Deployer::planAvailable);
        d2.prepare(in, opt);
        QVERIFY(again.wait(60000));
        QVERIFY(again.at(0).at(0).value<DeployPlan>().isEmpty());
    }

    void slowRestartsStillVerify()
    {
        QString err;
        QVERIFY2(
            fault({ QStringLiteral("lab1"), QStringLiteral("slow-restarts"), QStringLiteral("on") }, &err),
            qPrintable(err));
        // Whatever happens below, lab1 goes back to fast restarts.
        const auto fast = qScopeGuard([] {
            QString e;
            restoreLab(1);
            fault({ QStringLiteral("lab1"), QStringLiteral("slow-restarts"), QStringLiteral("off") }, &e);
        });
        const QStringList inst = instances(1).mid(0, 2);
        QList<DeployRelayInput> in;
        for (const QString &i : inst)
            in << input(1, i, kCustom);
        Deployer d;
        d.setSshConfig(labenv::sshConfig());
        ExecutorOptions eo = fastOptions();
        eo.restartTimeoutMs = 120000; // a real relay takes ~30 s to stop
        d.setExecutorOptions(eo);
        const DeployReport rep = run(d, in, {});
        const QString summary = rep.summary();
        QVERIFY2(rep.ok(), qPrintable(summary));
        for (const QString &i : inst)
            QCOMPARE(loaded(1, i), kCustom);
        for (const RelayReport &r : relaysOf(rep)) {
            QCOMPARE(r.state, RelayDeployState::VerifiedNew);
            QVERIFY(r.pidAfter != r.pidBefore && r.pidAfter > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestDeployLab)
#include "tst_deploy_lab.moc"
