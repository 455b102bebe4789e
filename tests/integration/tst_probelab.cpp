// The probe against the lab's real relay hosts (tests/lab): real systemd, real tor, real sshd,
// as the sudo user, as root and as a user without sudo. Read-only on the shared lab; the
// cache test changes and restarts relays on an extra host of its own (labctl add-host).
// Uses the system ssh client with the lab's ssh_config, and the app's own SshSession for the
// resident probe; skips when the lab is not up.

#include "app/probescript.h"
#include "app/ssh/sshsession.h"
#include "models/hosttarget.h"
#include "models/probeparser.h"
#include "models/validation.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

using namespace alloclab;

namespace {

QString labDir()
{
    return qEnvironmentVariableIsSet("LAB_DIR") ? qEnvironmentVariable("LAB_DIR")
                                                : QStringLiteral("/var/tmp/alloclab-lab");
}

QString sshConfig()
{
    return labDir() + QStringLiteral("/ssh_config");
}

QByteArray probe(const QString &alias, QString *stderrText, qint64 *ms, const QString &config = sshConfig())
{
    QProcess ssh;
    QElapsedTimer t;
    t.start();
    ssh.start(QStringLiteral("ssh"), { QStringLiteral("-F"), config, alias, QLatin1String(kProbeCommand) });
    if (!ssh.waitForStarted(10000))
        return {};
    ssh.write(probeScript());
    ssh.closeWriteChannel();
    if (!ssh.waitForFinished(60000))
        ssh.kill();
    *ms = t.elapsed();
    *stderrText = QString::fromLocal8Bit(ssh.readAllStandardError());
    return ssh.exitCode() == 0 ? ssh.readAllStandardOutput() : QByteArray();
}

} // namespace

class TestProbeLab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(sshConfig()))
            QSKIP("the lab is not up (no ssh_config); start it with tests/lab/labctl up");
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"),
                  { QStringLiteral("-F"), sshConfig(), QStringLiteral("lab1"), QStringLiteral("true") });
        if (!ssh.waitForFinished(20000) || ssh.exitCode() != 0)
            QSKIP("lab1 is not reachable over ssh");
    }

    void privileges_data()
    {
        QTest::addColumn<QString>("alias");
        QTest::addColumn<int>("privilege");
        QTest::newRow("sudo user") << "lab1" << int(ProbePrivilege::Sudo);
        QTest::newRow("root") << "lab1-root" << int(ProbePrivilege::Root);
        QTest::newRow("no sudo") << "lab1-nosudo" << int(ProbePrivilege::None);
    }
    void privileges()
    {
        QFETCH(QString, alias);
        QFETCH(int, privilege);
        QString err;
        qint64 ms = 0;
        const QByteArray out = probe(alias, &err, &ms);
        QVERIFY2(!out.isEmpty(), qPrintable(err));
        const ProbeResult r = ProbeParser::parse(out);
        QVERIFY2(r.ok, qPrintable(r.error));
        qInfo("%s: %lld relays, %lld bytes, %lld ms including ssh connect", qPrintable(alias),
              qint64(r.relays.size()), qint64(out.size()), ms);
        QCOMPARE(int(r.privilege), privilege);
        QCOMPARE(r.host.hostname, QStringLiteral("lab1"));
        QVERIFY(!r.host.torVersion.isEmpty());
        QVERIFY(r.host.memAvailableKb > 0);
        QVERIFY(!r.relays.isEmpty());
        QCOMPARE(r.invalidCount(), 0);
        for (const ProbeRelay &rel : r.relays) {
            QVERIFY2(validation::isValidInstance(rel.instance), qPrintable(rel.unit));
            QVERIFY(validation::isValidNickname(rel.nickname)); // fingerprint file or torrc
            if (!rel.isRunning())
                continue;
            QVERIFY(rel.rssKb > 0); // /proc/PID/status is readable by anyone
            if (r.privilege == ProbePrivilege::None) {
                QVERIFY(rel.loadedUnknown());
                QVERIFY(rel.fingerprint.isEmpty());
            } else {
                QVERIFY(!rel.loadedUnknown());
                QVERIFY(validation::isValidFingerprint(rel.fingerprint));
                // Whatever is configured, the parser's verdict must agree with the facts.
                QCOMPARE(rel.allocatorMismatch,
                         rel.configuredResolved.isEmpty()
                             ? !rel.loadedAllocator.isEmpty()
                             : !rel.configuredResolved.contains(rel.loadedAllocator)
                                 || rel.loadedAllocator.isEmpty());
            }
        }
        if (r.privilege == ProbePrivilege::None)
            QCOMPARE(r.sudoersLine(), QStringLiteral("nosudo ALL=(root) NOPASSWD: /bin/sh"));
    }

    // What a poll runs: the resident probe on the connection gives the same relays as the probe
    // run as one exec, request after request, for each kind of login.
    void residentMatchesExec_data() { privileges_data(); }
    void residentMatchesExec()
    {
        QFETCH(QString, alias);
        QFETCH(int, privilege);
        SshSession s(alias);
        QVERIFY(s.configure(hosttarget::parse(alias), sshConfig()));
        QVERIFY2(s.connectToHost() && s.checkHostKey() == HostKeyStatus::Known && s.authenticate(),
                 qPrintable(s.lastError()));
        const ExecResult once = s.exec(QByteArray(kProbeCommand), probeScript(), 60000);
        QVERIFY2(once.ok, qPrintable(once.error));
        const ProbeResult want = ProbeParser::parse(once.out);
        QVERIFY2(want.ok, qPrintable(want.error));
        QVERIFY2(s.startResident(QByteArray(kProbeCommand), residentProbeInit()), qPrintable(s.lastError()));
        for (quint64 n = 1; n <= 3; ++n) {
            const ExecResult r = s.requestResident(residentProbeRequest(n), residentProbeMarker(n), 60000);
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(r.exitStatus, 0);
            const ProbeResult got = ProbeParser::parse(r.out);
            QVERIFY2(got.ok, qPrintable(got.error));
            QCOMPARE(int(got.privilege), privilege);
            QCOMPARE(got.host.hostname, want.host.hostname);
            QCOMPARE(got.host.torVersion, want.host.torVersion);
            QCOMPARE(got.relays.size(), want.relays.size());
            for (qsizetype i = 0; i < got.relays.size(); ++i) {
                const ProbeRelay &a = got.relays.at(i), &b = want.relays.at(i);
                QCOMPARE(a.unit, b.unit);
                QCOMPARE(a.mainPid, b.mainPid);
                QCOMPARE(a.activeState, b.activeState);
                QCOMPARE(a.nickname, b.nickname);
                QCOMPARE(a.fingerprint, b.fingerprint);
                QCOMPARE(a.configuredPreload, b.configuredPreload);
                QCOMPARE(a.loadedAllocator, b.loadedAllocator);
                QCOMPARE(a.loadedUnknown(), b.loadedUnknown());
            }
        }
        s.stopResident();
    }

    // The probe caches what systemd, tor, readlink and /proc/PID/maps said on the host. Through
    // a relay's life (drop-in, daemon-reload, restart, a symlinked preload retargeted, stop,
    // start) the probe that uses the cache reports exactly what one without it reports. On an
    // extra host of its own: this restarts relays.
    void cacheFollowsTheHost()
    {
        const QString labctl = QStringLiteral(ALLOCLAB_SOURCE_DIR "/tests/lab/labctl");
        QProcess add;
        add.start(labctl, { QStringLiteral("add-host"), QStringLiteral("--relays"), QStringLiteral("2") });
        QVERIFY(add.waitForFinished(300000));
        const QString host = QString::fromUtf8(add.readAllStandardOutput()).trimmed();
        QVERIFY2(add.exitCode() == 0 && host.startsWith(QStringLiteral("xlab")),
                 qPrintable(QString::fromLocal8Bit(add.readAllStandardError())));
        struct Remove {
            QString labctl, host;
            ~Remove()
            {
                QProcess p;
                p.start(labctl, { QStringLiteral("remove-host"), host });
                p.waitForFinished(120000);
            }
        } remove { labctl, host };
        const QString config = labDir() + QStringLiteral("/extra_ssh_config");
        // Everything on ONE connection, as the app does: a new login would start a session
        // scope, which alone makes the probe ask systemd again.
        SshSession session(host);
        QVERIFY(session.configure(hosttarget::parse(host), config));
        QVERIFY2(session.connectToHost() && session.checkHostKey() == HostKeyStatus::Known
                     && session.authenticate(),
                 qPrintable(session.lastError()));
        QVERIFY(session.startResident(QByteArray(kProbeCommand), residentProbeInit()));
        auto sh = [&](const QString &cmd) {
            const ExecResult r = session.exec(cmd.toUtf8(), {}, 60000);
            return r.ok && r.exitStatus == 0 ? r.out : QByteArray();
        };
        quint64 nonce = 0;
        // Relay records without the memory figures (they change from one probe to the next):
        // from the resident probe and its cache, or from a probe run once without a cache.
        auto records = [&](bool fromCache, QString *why) {
            ExecResult x;
            if (fromCache) {
                ++nonce;
                x = session.requestResident(residentProbeRequest(nonce), residentProbeMarker(nonce), 60000);
            } else {
                sh(QStringLiteral("sudo -n rm -f /run/alloclab-probe.cache"));
                x = session.exec(QByteArray(kProbeCommand), probeScript(), 60000);
            }
            const ProbeResult r = ProbeParser::parse(x.out);
            *why = r.ok ? QString() : r.error + x.error + QString::fromUtf8(x.err);
            QStringList lines;
            for (const ProbeRelay &rel : r.relays)
                lines << QStringList { rel.unit,
                                       rel.activeState,
                                       rel.subState,
                                       QString::number(rel.mainPid),
                                       QString::number(rel.startEpoch),
                                       rel.nickname,
                                       rel.fingerprint,
                                       rel.configuredPreload,
                                       rel.configuredResolved,
                                       QString::number(rel.preloadMissing),
                                       rel.runningPreload,
                                       rel.loadedAllocator,
                                       QString::number(rel.dropInMtime) }
                             .join(QLatin1Char(' '));
            return lines;
        };
        const QString inst = QString::fromUtf8(sh(QStringLiteral("ls /etc/tor/instances")))
                                 .split(QLatin1Char('\n'))
                                 .value(0);
        QVERIFY(validation::isValidInstance(inst));
        const QString unit = QStringLiteral("tor@%1.service").arg(inst);
        const QString dropIn = QStringLiteral("/etc/systemd/system/%1.d/alloclab-allocator.conf").arg(unit);
        const QString je = QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");
        const QString mi = QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0");
        const QList<QPair<QString, QString>> steps {
            { QStringLiteral("as booted"), QString() },
            { QStringLiteral("nothing changed"), QString() },
            { QStringLiteral("drop-in, no reload"),
              QStringLiteral("sudo -n mkdir -p %1.d && printf '[Service]\\nEnvironment=\"LD_PRELOAD=%2\"\\n' "
                             "| sudo -n tee %3 >/dev/null")
                  .arg(QStringLiteral("/etc/systemd/system/") + unit, je, dropIn) },
            { QStringLiteral("daemon-reload"), QStringLiteral("sudo -n systemctl daemon-reload") },
            { QStringLiteral("restart"), QStringLiteral("sudo -n systemctl restart %1").arg(unit) },
            { QStringLiteral("symlinked preload, restart"),
              QStringLiteral("sudo -n ln -sfn %1 /usr/local/lib/liballoclabtest.so && sudo -n sed -i "
                             "'s,%2,/usr/local/lib/liballoclabtest.so,' %3 && sudo -n systemctl "
                             "daemon-reload && sudo -n systemctl restart %4")
                  .arg(mi, je, dropIn, unit) },
            { QStringLiteral("symlink retargeted"),
              QStringLiteral("sudo -n ln -sfn %1 /usr/local/lib/liballoclabtest.so").arg(je) },
            { QStringLiteral("stop"), QStringLiteral("sudo -n systemctl stop %1").arg(unit) },
            { QStringLiteral("start"), QStringLiteral("sudo -n systemctl start %1").arg(unit) },
            // Failed (killed, and not restarted), then reset-failed: that starts and stops nothing,
            // so only asking systemd shows the unit inactive again.
            { QStringLiteral("failed"),
              QStringLiteral(
                  "printf '[Service]\\nRestart=no\\n' | sudo -n tee %1.d/norestart.conf >/dev/null "
                  "&& sudo -n systemctl daemon-reload && sudo -n systemctl kill -s KILL %2 && "
                  "timeout 20 sh -c 'until systemctl is-failed -q %2; do sleep 0.1; done'")
                  .arg(QStringLiteral("/etc/systemd/system/") + unit, unit) },
            { QStringLiteral("reset-failed"), QStringLiteral("sudo -n systemctl reset-failed %1").arg(unit) },
            { QStringLiteral("started again"),
              QStringLiteral("sudo -n rm %1.d/norestart.conf && sudo -n systemctl daemon-reload && sudo -n "
                             "systemctl start %2")
                  .arg(QStringLiteral("/etc/systemd/system/") + unit, unit) },
        };
        QHash<QString, QString> seen; // step -> records
        for (const auto &[name, cmd] : steps) {
            if (!cmd.isEmpty())
                QVERIFY2(!sh(cmd + QStringLiteral(" && echo ok")).isEmpty(),
                         qPrintable(name + QStringLiteral(": ") + cmd));
            QString why;
            const QStringList warm = records(true, &why);
            QVERIFY2(why.isEmpty(), qPrintable(name + QStringLiteral(": ") + why));
            // Twice: the first may ask systemd and refresh the cache, the second then answers
            // from the cache alone (nothing changed in between).
            const QStringList warm2 = records(true, &why);
            QVERIFY2(why.isEmpty(), qPrintable(name + QStringLiteral(": ") + why));
            QCOMPARE(warm2, warm);
            const QStringList cold = records(false, &why);
            QVERIFY2(why.isEmpty(), qPrintable(name + QStringLiteral(": ") + why));
            QCOMPARE(cold.size(), 2);
            seen.insert(name, cold.join(QLatin1Char('\n')));
            if (warm != cold)
                QFAIL(qPrintable(name + QStringLiteral(":\ncached:   ")
                                 + warm.join(QStringLiteral("\n          ")) + QStringLiteral("\nuncached: ")
                                 + cold.join(QStringLiteral("\n          "))));
        }
        // The steps did what they say (configured, resolved, missing, running, loaded).
        const QString link = QStringLiteral("/usr/local/lib/liballoclabtest.so");
        QVERIFY2(seen.value(QStringLiteral("restart")).contains(QStringLiteral("%1 %1 0 %1 %1").arg(je)),
                 qPrintable(seen.value(QStringLiteral("restart"))));
        QVERIFY2(seen.value(QStringLiteral("symlinked preload, restart"))
                     .contains(QStringLiteral("%1 %2 0 %1 %2").arg(link, mi)),
                 qPrintable(seen.value(QStringLiteral("symlinked preload, restart"))));
        QVERIFY2(seen.value(QStringLiteral("symlink retargeted"))
                     .contains(QStringLiteral("%1 %2 0 %1 %3").arg(link, je, mi)),
                 qPrintable(seen.value(QStringLiteral("symlink retargeted"))));
        QVERIFY2(seen.value(QStringLiteral("failed")).contains(unit + QStringLiteral(" failed failed 0 ")),
                 qPrintable(seen.value(QStringLiteral("failed"))));
        QVERIFY2(
            seen.value(QStringLiteral("reset-failed")).contains(unit + QStringLiteral(" inactive dead 0 ")),
            qPrintable(seen.value(QStringLiteral("reset-failed"))));
        QVERIFY2(
            seen.value(QStringLiteral("started again")).contains(unit + QStringLiteral(" active running ")),
            qPrintable(seen.value(QStringLiteral("started again"))));
    }
};

QTEST_GUILESS_MAIN(TestProbeLab)
#include "tst_probelab.moc"
