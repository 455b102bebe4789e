#include "app/fleetservice.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include "labenv.h"

using namespace alloclab;

namespace {

// Runs a restore action when the test function leaves, also on a failed QVERIFY.
struct Cleanup {
    std::function<void()> fn;
    ~Cleanup()
    {
        if (fn)
            fn();
    }
};

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(ALLOCLAB_BINARY_DIR "/app/alloclab-cli"), args);
    CliRun r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// What the host itself says: instance -> {MainPID, nickname, fingerprint}.
struct Truth {
    qint64 pid = 0;
    QString nickname;
    QString fingerprint;
};

QHash<QString, Truth> hostTruth(int n, QString *error)
{
    QHash<QString, Truth> truth;
    const QString relays = labenv::run({ QStringLiteral("relays"), QStringLiteral("lab%1").arg(n) }, error);
    for (const QString &line : relays.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char(' '));
        if (f.size() >= 4)
            truth[f.at(0)] = { 0, f.at(1), f.at(3) };
    }
    const QString pids
        = labenv::run({ QStringLiteral("sh"), QStringLiteral("lab%1").arg(n), QStringLiteral("/bin/sh"),
                        QStringLiteral("-c"),
                        QStringLiteral("for i in $(cut -d' ' -f1 /etc/alloclab.relays); do "
                                       "echo \"$i $(systemctl show -p MainPID --value tor@$i)\"; done") },
                      error);
    for (const QString &line : pids.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char(' '));
        if (f.size() == 2 && truth.contains(f.at(0)))
            truth[f.at(0)].pid = f.at(1).toLongLong();
    }
    return truth;
}

} // namespace

class TestFleetLab : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    // The lab's ssh_config with its known_hosts replaced by `khName` in the temp dir, holding
    // `content` (null: a copy of the lab's).
    QString configCopy(const QString &khName, const QByteArray *content = nullptr)
    {
        const QString kh = m_tmp.filePath(khName);
        QFile out(kh);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        if (content) {
            out.write(*content);
        } else {
            QFile real(labenv::labDir() + QStringLiteral("/known_hosts"));
            if (!real.open(QIODevice::ReadOnly))
                return {};
            out.write(real.readAll());
        }
        out.close();
        QFile in(labenv::sshConfig());
        if (!in.open(QIODevice::ReadOnly))
            return {};
        QByteArray text = in.readAll();
        text.replace(QFile::encodeName(labenv::labDir() + QStringLiteral("/known_hosts")),
                     QFile::encodeName(kh));
        const QString path = kh + QStringLiteral(".ssh_config");
        QFile cfg(path);
        if (!cfg.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        cfg.write(text);
        return path;
    }

    // Probes `hosts` once; returns name -> result, failures in *failures.
    QHash<QString, ProbeResult> probeOnce(const QList<HostRecord> &hosts, const QString &config,
                                          QHash<QString, QString> *failures, int connectMs = 10000,
                                          QHash<QString, qint64> *answeredAfterMs = nullptr)
    {
        FleetService fleet;
        fleet.setSshConfig(config);
        fleet.setTimeouts(connectMs, 60000);
        fleet.setHostKeyPolicy(HostKeyPolicy::Refuse);
        fleet.setHosts(hosts);
        QHash<QString, ProbeResult> results;
        QElapsedTimer timer;
        connect(&fleet, &FleetService::probeAvailable, this,
                [&](const QString &name, const ProbeResult &r, double, quint64) {
                    results.insert(name, r);
                    if (answeredAfterMs)
                        answeredAfterMs->insert(name, timer.elapsed());
                });
        connect(&fleet, &FleetService::hostFailed, this, [&](const QString &name, const QString &msg) {
            failures->insert(name, msg);
            if (answeredAfterMs)
                answeredAfterMs->insert(name, timer.elapsed());
        });
        QSignalSpy finished(&fleet, &FleetService::refreshFinished);
        timer.start();
        const quint64 gen = fleet.refresh();
        if (!finished.wait(connectMs + 70000) || finished.first().first().toULongLong() != gen)
            failures->insert(QStringLiteral("*"), QStringLiteral("refreshFinished did not arrive"));
        return results;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = labenv::unavailable(2);
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_tmp.isValid());
    }

    void discovery_data()
    {
        QTest::addColumn<QString>("target1");
        QTest::addColumn<QString>("target2");
        QTest::addColumn<bool>("directConfig");
        QTest::newRow("ssh_config aliases") << QStringLiteral("lab1") << QStringLiteral("lab2") << false;
        QTest::newRow("user@address")
            << QStringLiteral("lab@10.200.1.2") << QStringLiteral("lab@10.200.2.2:22") << true;
    }
    void discovery()
    {
        QFETCH(QString, target1);
        QFETCH(QString, target2);
        QFETCH(bool, directConfig);
        QString config = labenv::sshConfig();
        if (directConfig) {
            // No alias: the key and known_hosts come from a Host pattern on the address.
            config = m_tmp.filePath(QStringLiteral("direct.ssh_config"));
            QFile f(config);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("Host 10.200.*\n  IdentityFile %1/keys/id_ed25519\n  UserKnownHostsFile "
                                   "%1/known_hosts\n")
                        .arg(labenv::labDir())
                        .toUtf8());
        }
        QHash<QString, QString> failures;
        const QHash<QString, ProbeResult> results = probeOnce(
            { { 0, QStringLiteral("h1"), target1, {} }, { 0, QStringLiteral("h2"), target2, {} } }, config,
            &failures);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.values().join(QLatin1Char('\n'))));
        for (int n = 1; n <= 2; ++n) {
            QString error;
            const QHash<QString, Truth> truth = hostTruth(n, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(truth.size(), 10);
            const ProbeResult r = results.value(QStringLiteral("h%1").arg(n));
            QVERIFY(r.ok);
            QCOMPARE(r.privilege, ProbePrivilege::Sudo);
            QCOMPARE(r.relays.size(), 10);
            for (const ProbeRelay &rel : r.relays) {
                QVERIFY2(truth.contains(rel.instance), qPrintable(rel.instance));
                const Truth t = truth.value(rel.instance);
                QCOMPARE(rel.mainPid, t.pid);
                QCOMPARE(rel.nickname, t.nickname);
                QCOMPARE(rel.fingerprint, t.fingerprint);
                QVERIFY(rel.rssKb > 0);
                QVERIFY(!rel.loadedUnknown());
            }
        }
    }

    void nosudo()
    {
        QHash<QString, QString> failures;
        const QHash<QString, ProbeResult> results
            = probeOnce({ { 0, QStringLiteral("lab1-nosudo"), QStringLiteral("lab1-nosudo"), {} } },
                        labenv::sshConfig(), &failures);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.values().join(QLatin1Char('\n'))));
        const ProbeResult r = results.value(QStringLiteral("lab1-nosudo"));
        QCOMPARE(r.privilege, ProbePrivilege::None);
        QCOMPARE(r.relays.size(), 10);
        for (const ProbeRelay &rel : r.relays) {
            QVERIFY(rel.rssKb > 0);
            QVERIFY(rel.mainPid > 0);
            QVERIFY(rel.loadedUnknown());
        }
        QVERIFY2(r.sudoersLine().startsWith(QStringLiteral("nosudo ALL=(root) NOPASSWD:")),
                 qPrintable(r.sudoersLine()));
        // The CLI says it, with the exact line.
        const CliRun c
            = cli({ QStringLiteral("fleet"), QStringLiteral("--host"), QStringLiteral("lab1-nosudo"),
                    QStringLiteral("--ssh-config"), labenv::sshConfig() });
        QCOMPARE(c.exitCode, 0);
        QVERIFY2(c.err.contains(r.sudoersLine()), qPrintable(c.err));
        QVERIFY(c.out.contains(QStringLiteral("\tunknown\t")));
    }

    void cliJson()
    {
        const CliRun c = cli({ QStringLiteral("fleet"), QStringLiteral("--host"), QStringLiteral("lab1"),
                               QStringLiteral("--host"), QStringLiteral("lab2"), QStringLiteral("--json"),
                               QStringLiteral("--ssh-config"), labenv::sshConfig() });
        QCOMPARE(c.exitCode, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(c.out.toUtf8());
        const QJsonArray hosts = doc.object().value(QStringLiteral("hosts")).toArray();
        QCOMPARE(hosts.size(), 2);
        for (const QJsonValue &h : hosts) {
            const QJsonArray relays = h.toObject().value(QStringLiteral("relays")).toArray();
            QCOMPARE(relays.size(), 10);
            const QJsonObject rel = relays.first().toObject();
            for (const char *key :
                 { "host", "instance", "state", "pid", "nickname", "fingerprint", "rss_kb", "hwm_kb",
                   "vmsize_kb", "configured_allocator", "loaded_allocator", "needs_restart" })
                QVERIFY2(rel.contains(QLatin1String(key)), key);
        }
    }

    void cliHostsFromDatabase()
    {
        const QString db = m_tmp.filePath(QStringLiteral("fleet.sqlite"));
        const QStringList common { QStringLiteral("--db"), db, QStringLiteral("--ssh-config"),
                                   labenv::sshConfig() };
        const QString servers = m_tmp.filePath(QStringLiteral("servers.txt"));
        QFile f(servers);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("# the lab\nlab1\nlab2-nosudo\n");
        f.close();
        CliRun c = cli(common + QStringList { QStringLiteral("hosts"), QStringLiteral("import"), servers });
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
        c = cli(common + QStringList { QStringLiteral("fleet"), QStringLiteral("--json") });
        QVERIFY2(c.exitCode == 0, qPrintable(c.err));
        const QJsonArray hosts
            = QJsonDocument::fromJson(c.out.toUtf8()).object().value(QStringLiteral("hosts")).toArray();
        QCOMPARE(hosts.size(), 2);
        for (const QJsonValue &h : hosts)
            QCOMPARE(h.toObject().value(QStringLiteral("relays")).toArray().size(), 10);
        // --host picks from the database.
        c = cli(common
                + QStringList { QStringLiteral("fleet"), QStringLiteral("--host"),
                                QStringLiteral("lab2-nosudo") });
        QCOMPARE(c.exitCode, 0);
        QCOMPARE(c.out.count(QStringLiteral("lab2-nosudo\t")), 10);
        QVERIFY(c.err.contains(QStringLiteral("NOPASSWD")));
    }

    void unknownHostKeyCli()
    {
        const QByteArray empty;
        const QString config = configCopy(QStringLiteral("kh_cli"), &empty);
        QVERIFY(!config.isEmpty());
        const QStringList base { QStringLiteral("fleet"), QStringLiteral("--host"), QStringLiteral("lab1"),
                                 QStringLiteral("--ssh-config"), config };
        const CliRun refused = cli(base);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("not known"))
                     && refused.err.contains(QStringLiteral("SHA256:"))
                     && refused.err.contains(QStringLiteral("--accept-new")),
                 qPrintable(refused.err));
        const CliRun accepted = cli(base + QStringList { QStringLiteral("--accept-new") });
        QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.err));
        QCOMPARE(accepted.out.count(QLatin1Char('\n')), 11); // header + 10 relays
        const CliRun again = cli(base); // remembered
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }

    void unknownHostKeyAsk()
    {
        const QByteArray empty;
        const QString config = configCopy(QStringLiteral("kh_gui"), &empty);
        FleetService fleet;
        fleet.setSshConfig(config);
        fleet.setHostKeyPolicy(HostKeyPolicy::Ask);
        fleet.setHosts({ { 0, QStringLiteral("lab2"), QStringLiteral("lab2"), {} } });
        QSignalSpy asked(&fleet, &FleetService::hostKeyUnknown);
        QSignalSpy failed(&fleet, &FleetService::hostFailed);
        QSignalSpy probed(&fleet, &FleetService::probeAvailable);
        fleet.refresh();
        QVERIFY(asked.wait(15000));
        QCOMPARE(asked.first().at(0).toString(), QStringLiteral("lab2"));
        QVERIFY(asked.first().at(1).toString().startsWith(QStringLiteral("SHA256:")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
        QCOMPARE(probed.size(), 0);
        // Trust once: the probe runs, known_hosts stays empty.
        fleet.trustHostKey(QStringLiteral("lab2"), false);
        QVERIFY(probed.wait(20000));
        QCOMPARE(probed.first().at(1).value<ProbeResult>().relays.size(), 10);
        QFile kh(m_tmp.filePath(QStringLiteral("kh_gui")));
        QCOMPARE(kh.size(), 0);
    }

    // On an extra host of its own (labctl add-host): rotating the keys of the shared lab's
    // hosts would disturb every other test that uses them at the same time.
    void rotatedKeyRefused()
    {
        QString error;
        const QString host
            = labenv::run({ QStringLiteral("add-host"), QStringLiteral("--relays"), QStringLiteral("1") },
                          &error, 300000)
                  .trimmed();
        QVERIFY2(host.startsWith(QStringLiteral("xlab")), qPrintable(error));
        Cleanup remove { [host] {
            labenv::run({ QStringLiteral("remove-host"), host }, nullptr, 120000);
        } };
        const QString config = labenv::labDir() + QStringLiteral("/extra_ssh_config");
        const QString address = QStringLiteral("10.200.%1.2").arg(host.mid(4));
        const QStringList base { QStringLiteral("fleet"), QStringLiteral("--host"), host,
                                 QStringLiteral("--ssh-config"), config };
        const CliRun before = cli(base);
        QVERIFY2(before.exitCode == 0, qPrintable(before.err));
        labenv::run({ QStringLiteral("fault"), host, QStringLiteral("rotate-key") }, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // known_hosts still has the old keys (labctl did not update it): a changed key.
        const QString removeCmd = QStringLiteral("ssh-keygen -R %1 -f ").arg(address);
        for (const QStringList &args : { base, base + QStringList { QStringLiteral("--accept-new") } }) {
            const CliRun c = cli(args);
            QCOMPARE(c.exitCode, 1);
            QVERIFY2(c.err.contains(QStringLiteral("CHANGED")) && c.err.contains(removeCmd),
                     qPrintable(c.err));
        }
        // The GUI path: refused, never asked, a state of its own (not an error to retry).
        FleetService fleet;
        fleet.setSshConfig(config);
        fleet.setHostKeyPolicy(HostKeyPolicy::Ask);
        fleet.setHosts({ { 0, host, host, {} } });
        QSignalSpy asked(&fleet, &FleetService::hostKeyUnknown);
        QSignalSpy failed(&fleet, &FleetService::hostFailed);
        fleet.refresh();
        QVERIFY(failed.wait(15000));
        const QString msg = failed.first().at(1).toString();
        QVERIFY2(msg.contains(QStringLiteral("REFUSED")) && msg.contains(removeCmd), qPrintable(msg));
        QCOMPARE(asked.size(), 0);
        QCOMPARE(fleet.state(host), HostState::HostKeyChanged);
        fleet.trustHostKey(host, true); // no question pending: ignored
        QCOMPARE(fleet.state(host), HostState::HostKeyChanged);
        // The operator removes the old key and records the new one: accepted again.
        labenv::run({ QStringLiteral("trust") }, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const CliRun after = cli(base);
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
    }

    void sshdStoppedOnOneHost()
    {
        QString error;
        labenv::run({ QStringLiteral("fault"), QStringLiteral("lab2"), QStringLiteral("sshd-stop") }, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Cleanup restore { [] {
            labenv::run({ QStringLiteral("fault"), QStringLiteral("lab2"), QStringLiteral("sshd-start") });
        } };
        QHash<QString, QString> failures;
        QHash<QString, qint64> after;
        const int connectMs = 3000;
        const QHash<QString, ProbeResult> results
            = probeOnce({ { 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} },
                          { 0, QStringLiteral("lab2"), QStringLiteral("lab2"), {} } },
                        labenv::sshConfig(), &failures, connectMs, &after);
        QVERIFY(failures.contains(QStringLiteral("lab2")));
        QVERIFY2(failures.value(QStringLiteral("lab2")).startsWith(QStringLiteral("lab2: ")),
                 qPrintable(failures.value(QStringLiteral("lab2"))));
        QVERIFY(!failures.contains(QStringLiteral("*")));
        // Bounded by the connect timeout (refused at once, or timed out), not by the other host.
        QVERIFY2(after.value(QStringLiteral("lab2")) <= connectMs + 2000,
                 qPrintable(QString::number(after.value(QStringLiteral("lab2")))));
        QCOMPARE(results.value(QStringLiteral("lab1")).relays.size(), 10);
        QVERIFY(!failures.contains(QStringLiteral("lab1")));
    }

    void keepaliveDetectsLostLinkAndReconnects()
    {
        FleetService fleet;
        fleet.setSshConfig(labenv::sshConfig());
        fleet.setTimeouts(2000, 10000);
        fleet.setKeepalive(300, true);
        fleet.setHosts({ { 0, QStringLiteral("lab2"), QStringLiteral("lab2"), {} } });
        QSignalSpy probed(&fleet, &FleetService::probeAvailable);
        fleet.refresh();
        QVERIFY(probed.wait(20000));
        QCOMPARE(fleet.state(QStringLiteral("lab2")), HostState::Connected);
        QString error;
        labenv::run({ QStringLiteral("fault"), QStringLiteral("lab2"), QStringLiteral("link-down") }, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Cleanup restore { [] {
            labenv::run({ QStringLiteral("fault"), QStringLiteral("lab2"), QStringLiteral("link-up") });
        } };
        // The keepalive needs an answer: a dead link is noticed within the timeout, then the
        // worker retries with backoff.
        QTRY_COMPARE_WITH_TIMEOUT(fleet.state(QStringLiteral("lab2")), HostState::Backoff, 15000);
        labenv::run({ QStringLiteral("fault"), QStringLiteral("lab2"), QStringLiteral("link-up") }, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(fleet.state(QStringLiteral("lab2")), HostState::Connected, 30000);
        fleet.refresh();
        QVERIFY(probed.wait(20000));
        QCOMPARE(probed.last().at(1).value<ProbeResult>().relays.size(), 10);
    }

    void removingAHostStopsItsCommand()
    {
        QElapsedTimer t;
        {
            FleetService fleet;
            fleet.setSshConfig(labenv::sshConfig());
            fleet.setHosts({ { 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} } });
            QSignalSpy cmd(&fleet, &FleetService::commandAvailable);
            fleet.runCommand(QStringLiteral("lab1"), "sleep 60");
            QTRY_COMPARE_WITH_TIMEOUT(fleet.state(QStringLiteral("lab1")), HostState::Probing, 15000);
            fleet.setHosts({});
            QVERIFY(fleet.hosts().isEmpty());
            t.start();
        } // the destructor joins the removed host's thread: it must not wait for `sleep 60`
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
    }

    void cancelStopsRefresh()
    {
        FleetService fleet;
        fleet.setSshConfig(labenv::sshConfig());
        fleet.setHosts({ { 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} } });
        QSignalSpy cmd(&fleet, &FleetService::commandAvailable);
        QSignalSpy probed(&fleet, &FleetService::probeAvailable);
        QSignalSpy finished(&fleet, &FleetService::refreshFinished);
        // Warm the connection, then cancel a long command: its result is dropped, the next works.
        fleet.runCommand(QStringLiteral("lab1"), "true");
        QVERIFY(cmd.wait(15000));
        fleet.runCommand(QStringLiteral("lab1"), "sleep 30");
        QTRY_COMPARE_WITH_TIMEOUT(fleet.state(QStringLiteral("lab1")), HostState::Probing, 5000);
        fleet.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(fleet.state(QStringLiteral("lab1")), HostState::Connected, 5000);
        QCOMPARE(cmd.size(), 1); // the cancelled result never arrived
        const quint64 gen = fleet.refresh();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().first().toULongLong(), gen);
        QCOMPARE(probed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFleetLab)
#include "tst_fleet_lab.moc"
