#include "models/deployplan.h"
#include "models/remotecommands.h"

#include <QProcess>
#include <QTest>

using namespace alloclab;

namespace {

const QString kJe = QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");
const QString kMi = QStringLiteral("/usr/local/lib/mimalloc/libmimalloc-2.0.9.so");

// A running relay whose drop-in, systemd environment and maps all say `path` ("" = glibc).
RelayObservation running(const QString &path, qint64 pid = 100)
{
    RelayObservation o;
    o.seen = true;
    o.loadState = QStringLiteral("loaded");
    o.activeState = QStringLiteral("active");
    o.mainPid = pid;
    o.nRestarts = 0;
    o.unitOk = true;
    o.dropInExists = !path.isEmpty();
    o.dropInContent = remote::dropInContent(path);
    o.configuredPreload = path;
    o.loadedAllocator = path;
    o.processPreload = path;
    o.wantedInMaps = !path.isEmpty();
    o.dirWritable = o.stateDirWritable = true;
    return o;
}

DeployRelayInput relay(const QString &host, const QString &inst, const QString &want,
                       const RelayObservation &now)
{
    DeployRelayInput in;
    in.host = host;
    in.instance = inst;
    in.wantedPath = want;
    in.now = now;
    return in;
}

// Is the text accepted by `sh -n` (a syntax check that runs nothing)?
bool shSyntaxOk(const QByteArray &script, QString *err)
{
    QProcess p;
    p.start(QStringLiteral("sh"), { QStringLiteral("-n") });
    p.write(script);
    p.closeWriteChannel();
    if (!p.waitForFinished(10000))
        return false;
    *err = QString::fromLocal8Bit(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

Q_DECLARE_METATYPE(PlannedRelay::Action)

class TestDeployPlan : public QObject
{
    Q_OBJECT
private slots:
    void action_data();
    void action();
    void hostileInputsRefused_data();
    void hostileInputsRefused();
    void idempotent();
    void batchShapes_data();
    void batchShapes();
    void scriptsAreValidShAndQuoted();
    void jitterDeterministic();
    void inspectRoundTrip();
    void inspectMalformed_data();
    void inspectMalformed();
    void rollbackPlan();
    void dryRunShowsFilesAndScripts();
};

void TestDeployPlan::action_data()
{
    QTest::addColumn<RelayObservation>("now");
    QTest::addColumn<QString>("want");
    QTest::addColumn<PlannedRelay::Action>("expected");

    QTest::newRow("glibc->glibc") << running({}) << QString() << PlannedRelay::Action::Skip;
    QTest::newRow("glibc->je") << running({}) << kJe << PlannedRelay::Action::Put;
    QTest::newRow("je->je") << running(kJe) << kJe << PlannedRelay::Action::Skip;
    QTest::newRow("je->mi") << running(kJe) << kMi << PlannedRelay::Action::Put;
    QTest::newRow("je->glibc") << running(kJe) << QString() << PlannedRelay::Action::Remove;
    RelayObservation notLoaded = running(kJe);
    notLoaded.wantedInMaps = false; // drop-in right, process started before it
    QTest::newRow("je written, not restarted") << notLoaded << kJe << PlannedRelay::Action::Restart;
    RelayObservation noReload = running({});
    noReload.dropInExists = true;
    noReload.dropInContent = remote::dropInContent(kJe); // written, daemon-reload never ran
    QTest::newRow("je written, not reloaded") << noReload << kJe << PlannedRelay::Action::Restart;
    RelayObservation glibcStale = running(kJe);
    glibcStale.dropInExists = false;
    glibcStale.dropInContent.clear();
    QTest::newRow("removed, still running je") << glibcStale << QString() << PlannedRelay::Action::Restart;
    RelayObservation stopped = running(kJe);
    stopped.activeState = QStringLiteral("inactive");
    stopped.mainPid = 0;
    QTest::newRow("stopped relay left alone") << stopped << QString() << PlannedRelay::Action::Skip;
    RelayObservation foreign = running({});
    foreign.dropInExists = true;
    foreign.dropInContent = "[Service]\nNice=5\n";
    QTest::newRow("foreign content replaced") << foreign << kJe << PlannedRelay::Action::Put;
}

void TestDeployPlan::action()
{
    QFETCH(RelayObservation, now);
    QFETCH(QString, want);
    QFETCH(PlannedRelay::Action, expected);
    const DeployPlan p
        = deployplan::plan({ relay(QStringLiteral("lab1"), QStringLiteral("amber"), want, now) }, {});
    QVERIFY2(p.isValid(), qPrintable(p.errors.join(QLatin1Char('\n'))));
    QCOMPARE(p.hosts.size(), 1);
    QCOMPARE(p.hosts.at(0).relays.at(0).action, expected);
    QCOMPARE(p.hosts.at(0).batches.size(), expected == PlannedRelay::Action::Skip ? 0 : 1);
    if (expected == PlannedRelay::Action::Put)
        QCOMPARE(p.hosts.at(0).relays.at(0).newDropIn,
                 "[Service]\nEnvironment=\"LD_PRELOAD=" + want.toUtf8() + "\"\n");
}

void TestDeployPlan::hostileInputsRefused_data()
{
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("path");
    QTest::newRow("semicolon") << QStringLiteral("a;reboot") << kJe;
    QTest::newRow("subst") << QStringLiteral("$(id)") << kJe;
    QTest::newRow("quote") << QStringLiteral("a'b") << kJe;
    QTest::newRow("slash") << QStringLiteral("../../etc") << kJe;
    QTest::newRow("newline") << QStringLiteral("a\nb") << kJe;
    QTest::newRow("too long") << QString(33, QLatin1Char('a')) << kJe;
    QTest::newRow("relative path") << QStringLiteral("amber") << QStringLiteral("lib/libx.so");
    QTest::newRow("dotdot path") << QStringLiteral("amber") << QStringLiteral("/usr/lib/../../etc/shadow");
    QTest::newRow("space path") << QStringLiteral("amber") << QStringLiteral("/usr/lib/lib x.so");
    QTest::newRow("quote path") << QStringLiteral("amber") << QStringLiteral("/usr/lib/x\".so");
    QTest::newRow("subst path") << QStringLiteral("amber") << QStringLiteral("/usr/lib/$(reboot).so");
}

void TestDeployPlan::hostileInputsRefused()
{
    QFETCH(QString, instance);
    QFETCH(QString, path);
    const DeployPlan p = deployplan::plan({ relay(QStringLiteral("lab1"), instance, path, running({})) }, {});
    QVERIFY(!p.isValid());
    QVERIFY(p.errors.at(0).contains(QStringLiteral("refused")));
    QCOMPARE(p.changeCount(), 0);
    // The builders refuse on their own too, whoever calls them.
    QVERIFY(!remote::inspect({ { instance, path } }).ok());
    QVERIFY(!remote::change({ { instance, remote::ChangeItem::Kind::Put, path } }).ok());
    QVERIFY(!remote::checkRelay(instance, path).isEmpty());
}

void TestDeployPlan::idempotent()
{
    // Plan a deploy, pretend it happened (the observation now equals the wanted state): the
    // plan of that state is empty.
    QList<DeployRelayInput> in;
    const QStringList wants
        = { QString(), kJe, kMi, QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2") };
    for (int i = 0; i < 20; ++i)
        in << relay(QStringLiteral("lab%1").arg(1 + i / 10), QStringLiteral("r%1").arg(i), wants.at(i % 4),
                    running({}));
    const DeployPlan first = deployplan::plan(in, {});
    QVERIFY(first.isValid());
    QCOMPARE(first.changeCount(), 15); // the glibc quarter is already right
    for (DeployRelayInput &r : in)
        r.now = running(r.wantedPath, 200);
    const DeployPlan second = deployplan::plan(in, {});
    QVERIFY(second.isValid());
    QVERIFY(second.isEmpty());
    for (const HostPlan &h : second.hosts)
        QVERIFY(h.batches.isEmpty());
}

void TestDeployPlan::batchShapes_data()
{
    QTest::addColumn<int>("relays");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("canary");
    QTest::addColumn<QList<int>>("shape");
    QTest::newRow("defaults 12") << 12 << 5 << 1 << QList<int> { 1, 5, 5, 1 };
    QTest::newRow("no canary") << 12 << 5 << 0 << QList<int> { 5, 5, 2 };
    QTest::newRow("canary 3 batch 4") << 12 << 4 << 3 << QList<int> { 3, 4, 4, 1 };
    QTest::newRow("canary > relays") << 2 << 5 << 4 << QList<int> { 2 };
    QTest::newRow("batch 0 means 1") << 3 << 0 << 1 << QList<int> { 1, 1, 1 };
    QTest::newRow("one relay") << 1 << 5 << 1 << QList<int> { 1 };
}

void TestDeployPlan::batchShapes()
{
    QFETCH(int, relays);
    QFETCH(int, batch);
    QFETCH(int, canary);
    QFETCH(QList<int>, shape);
    QList<DeployRelayInput> in;
    for (int h = 1; h <= 2; ++h)
        for (int i = 0; i < relays; ++i)
            in << relay(QStringLiteral("lab%1").arg(h), QStringLiteral("r%1").arg(i), kJe, running({}));
    in << relay(QStringLiteral("lab1"), QStringLiteral("already"), kJe, running(kJe)); // skipped
    DeployOptions opt;
    opt.batchSize = batch;
    opt.canary = canary;
    const DeployPlan p = deployplan::plan(in, opt);
    QVERIFY(p.isValid());
    QCOMPARE(p.hosts.size(), 2);
    for (const HostPlan &h : p.hosts) {
        QList<int> got;
        for (const PlannedBatch &b : h.batches)
            got << int(b.relays.size());
        QCOMPARE(got, shape);
        QCOMPARE(h.batches.at(0).canary, canary > 0);
        for (qsizetype b = 1; b < h.batches.size(); ++b)
            QVERIFY(!h.batches.at(b).canary);
        // Every changing relay exactly once, in input order.
        QList<int> order;
        for (const PlannedBatch &b : h.batches)
            order << b.relays;
        for (qsizetype i = 1; i < order.size(); ++i)
            QVERIFY(order.at(i - 1) < order.at(i));
        QCOMPARE(order.size(), qsizetype(relays));
    }
}

void TestDeployPlan::scriptsAreValidShAndQuoted()
{
    QList<DeployRelayInput> in { relay(QStringLiteral("lab1"), QStringLiteral("amber"), kJe, running({})),
                                 relay(QStringLiteral("lab1"), QStringLiteral("birch"), QString(),
                                       running(kMi)),
                                 relay(QStringLiteral("lab1"), QString(), kMi, running({})) };
    DeployOptions opt;
    opt.canary = 0;
    const DeployPlan p = deployplan::plan(in, opt);
    QVERIFY(p.isValid());
    const PlannedBatch &b = p.hosts.at(0).batches.at(0);
    QString err;
    QVERIFY2(shSyntaxOk(b.change.text, &err), qPrintable(err));
    QVERIFY2(shSyntaxOk(b.restart.text, &err), qPrintable(err));
    const remote::Script insp = remote::inspect({ { QStringLiteral("amber"), kJe }, { QString(), {} } });
    QVERIFY2(shSyntaxOk(insp.text, &err), qPrintable(err));
    QVERIFY2(shSyntaxOk(remote::forgetBackups({ QStringLiteral("amber") }).text, &err), qPrintable(err));
    const QByteArray put
        = "run 0 put 'tor@amber.service' '[Service]\nEnvironment=\"LD_PRELOAD=" + kJe.toUtf8() + "\"\n'";
    QVERIFY(b.change.text.contains(put));
    QVERIFY(b.change.text.contains("run 1 del 'tor@birch.service'"));
    QVERIFY(b.change.text.contains("run 2 put 'tor.service'"));
    QCOMPARE(b.change.text.count("systemctl daemon-reload"), 1);
    QVERIFY(b.restart.text.contains("systemctl restart --no-block 'tor@amber.service'"));
    QVERIFY(b.restart.text.contains("systemctl restart --no-block 'tor.service'"));
}

void TestDeployPlan::jitterDeterministic()
{
    QList<DeployRelayInput> in;
    for (int i = 0; i < 6; ++i)
        in << relay(QStringLiteral("lab1"), QStringLiteral("r%1").arg(i), kJe, running({}));
    DeployOptions opt;
    opt.jitterMaxMs = 3000;
    opt.seed = 42;
    const DeployPlan a = deployplan::plan(in, opt), b = deployplan::plan(in, opt);
    QCOMPARE(deployplan::renderDryRun(a), deployplan::renderDryRun(b));
    for (const PlannedRelay &r : a.hosts.at(0).relays)
        QVERIFY(r.jitterMs >= 0 && r.jitterMs <= 3000);
    opt.jitterMaxMs = 0;
    const DeployPlan c = deployplan::plan(in, opt);
    QVERIFY(!c.hosts.at(0).batches.at(1).restart.text.contains("sleep"));
}

void TestDeployPlan::inspectRoundTrip()
{
    const QByteArray content = remote::dropInContent(kJe);
    const QByteArray hex = content.toHex();
    const QByteArray out = "alloclab-inspect 1 0\n"
                           "relay 1 loaded active 4242 0 1 1 "
        + hex + " A " + kJe.toUtf8().toHex() + ' ' + kJe.toUtf8().toHex() + ' ' + kJe.toUtf8().toHex() + ' '
        + kJe.toUtf8().toHex()
        + " 1 1 1 1\n"
          "relay 0 not-found inactive 0 - 0 0 - N - - - - 0 - 0 1\n"
          "end 2\n";
    QList<RelayObservation> obs;
    QString err;
    QVERIFY2(remote::parseInspect(out, 2, &obs, &err), qPrintable(err));
    QCOMPARE(obs.size(), 2);
    QCOMPARE(obs.at(1).mainPid, 4242);
    QVERIFY(obs.at(1).isActive());
    QCOMPARE(obs.at(1).dropInContent, content);
    QCOMPARE(obs.at(1).orig, RelayObservation::Backup::Absent);
    QCOMPARE(obs.at(1).configuredPreload, kJe);
    QVERIFY(obs.at(1).wantedInMaps);
    QCOMPARE(obs.at(1).libraryReadable, 1);
    QVERIFY(!obs.at(0).isActive());
    QVERIFY(!obs.at(0).unitOk);
    QCOMPARE(obs.at(0).libraryReadable, -1);
    QCOMPARE(obs.at(0).nRestarts, -1);
}

void TestDeployPlan::inspectMalformed_data()
{
    QTest::addColumn<QByteArray>("out");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no end") << QByteArray(
        "alloclab-inspect 1 0\nrelay 0 loaded active 1 0 1 0 - N - - - - 0 - 1 1\n");
    QTest::newRow("short record") << QByteArray("alloclab-inspect 1 0\nrelay 0 loaded active\nend 1\n");
    QTest::newRow("bad hex") << QByteArray(
        "alloclab-inspect 1 0\nrelay 0 loaded active 1 0 1 0 zz N - - - - 0 - 1 1\nend 1\n");
    QTest::newRow("bad pid") << QByteArray(
        "alloclab-inspect 1 0\nrelay 0 loaded active 1x 0 1 0 - N - - - - 0 - 1 1\nend 1\n");
    QTest::newRow("missing relay") << QByteArray("alloclab-inspect 1 0\nend 1\n");
    QTest::newRow("index out of range")
        << QByteArray("alloclab-inspect 1 0\nrelay 5 loaded active 1 0 1 0 - N - - - - 0 - 1 1\nend 1\n");
    QTest::newRow("sudo message") << QByteArray("sudo: a password is required\n");
}

void TestDeployPlan::inspectMalformed()
{
    QFETCH(QByteArray, out);
    QList<RelayObservation> obs;
    QString err;
    QVERIFY(!remote::parseInspect(out, 1, &obs, &err));
    QVERIFY(!err.isEmpty());
}

void TestDeployPlan::rollbackPlan()
{
    RelayObservation changedFromNone = running(kJe);
    changedFromNone.orig = RelayObservation::Backup::Absent;
    RelayObservation changedFromMi = running(kJe);
    changedFromMi.orig = RelayObservation::Backup::Content;
    changedFromMi.origContent = remote::dropInContent(kMi);
    RelayObservation untouched = running(kMi);
    RelayObservation backAlready = running({});
    backAlready.orig = RelayObservation::Backup::Absent;
    DeployOptions opt;
    opt.mode = DeployOptions::Mode::Rollback;
    const DeployPlan p
        = deployplan::plan({ relay(QStringLiteral("lab1"), QStringLiteral("a"), {}, changedFromNone),
                             relay(QStringLiteral("lab1"), QStringLiteral("b"), {}, changedFromMi),
                             relay(QStringLiteral("lab1"), QStringLiteral("c"), {}, untouched),
                             relay(QStringLiteral("lab1"), QStringLiteral("d"), {}, backAlready) },
                           opt);
    QVERIFY(p.isValid());
    const HostPlan &h = p.hosts.at(0);
    QCOMPARE(h.relays.at(0).action, PlannedRelay::Action::RestoreOrig);
    QCOMPARE(h.relays.at(0).expectPath, QString());
    QCOMPARE(h.relays.at(1).action, PlannedRelay::Action::RestoreOrig);
    QCOMPARE(h.relays.at(1).expectPath, kMi);
    QCOMPARE(h.relays.at(2).action, PlannedRelay::Action::Skip);
    QCOMPARE(h.relays.at(3).action, PlannedRelay::Action::Forget);
    QCOMPARE(h.batches.size(), 2); // canary a, then b
    QVERIFY(h.batches.at(0).change.text.contains("run 0 restore 'tor@a.service' orig 0"));
}

void TestDeployPlan::dryRunShowsFilesAndScripts()
{
    const DeployPlan p
        = deployplan::plan({ relay(QStringLiteral("lab1"), QStringLiteral("amber"), kJe, running({})),
                             relay(QStringLiteral("lab1"), QStringLiteral("birch"), kJe, running(kJe)) },
                           {});
    const QString text = deployplan::renderDryRun(p);
    QVERIFY(text.contains(
        QStringLiteral("--- /etc/systemd/system/tor@amber.service.d/alloclab-allocator.conf (absent)")));
    QVERIFY(text.contains(
        QStringLiteral("+++ /etc/systemd/system/tor@amber.service.d/alloclab-allocator.conf\n")));
    QVERIFY(text.contains(QStringLiteral("    +[Service]\n    +Environment=\"LD_PRELOAD=") + kJe
                          + QStringLiteral("\"\n")));
    QVERIFY(text.contains(QStringLiteral("= tor@birch.service  [unchanged]")));
    QVERIFY(text.contains(QStringLiteral("(canary)")));
    QVERIFY(text.contains(QStringLiteral("| if systemctl daemon-reload")));
    QVERIFY(text.contains(QStringLiteral("| if systemctl restart --no-block 'tor@amber.service'")));
    QVERIFY(!text.contains(QStringLiteral("tor@birch.service' ")));
}

QTEST_GUILESS_MAIN(TestDeployPlan)
#include "tst_deployplan.moc"
