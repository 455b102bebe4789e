// The real probe script run on this machine against a fake relay host: real processes with
// real LD_PRELOAD (so /proc/PID/maps, /proc/PID/environ, readlink and stat are exercised for
// real), instance directories with hostile names, and a stand-in `systemctl` (there is no
// systemd here) that prints `systemctl show` blocks for those processes and records its
// arguments. Checks what the parser derives, that no hostile name reaches a command, and
// that the number of processes the probe launches does not grow with the number of relays.

#include "app/probescript.h"
#include "models/probeparser.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace alloclab;

namespace {

const QString kLibDir = QStringLiteral("/usr/lib/x86_64-linux-gnu/");
const QString kMimalloc = kLibDir + QStringLiteral("libmimalloc.so.2");
const QString kJemalloc = kLibDir + QStringLiteral("libjemalloc.so.2");

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

struct FakeRelay {
    QString instance;
    QString runWithPreload; // LD_PRELOAD of the started process; "-" = do not start
    QString configured; // LD_PRELOAD in the unit's Environment
    bool dropInInFuture = false;
    bool fingerprintFile = true;
};

class FakeHost
{
public:
    explicit FakeHost(const QString &root)
        : m_root(root)
    { }
    ~FakeHost()
    {
        for (QProcess *p : std::as_const(m_procs)) {
            p->kill();
            p->waitForFinished(5000);
            delete p;
        }
    }

    // Starts the processes and writes every file; false with a message on failure.
    bool build(const QList<FakeRelay> &relays, const QStringList &hostileDirs, QString *why)
    {
        QFile up(QStringLiteral("/proc/uptime"));
        if (!up.open(QIODevice::ReadOnly)) {
            *why = QStringLiteral("no /proc/uptime");
            return false;
        }
        const double uptime = up.readAll().split(' ').value(0).toDouble();
        const qint64 monoUs = qint64((uptime - 2.0) * 1e6); // "started two seconds ago"
        QByteArray show;
        QByteArray list; // systemctl list-units --plain --no-legend
        int n = 0;
        writeFile(m_root + QStringLiteral("/cg/system.slice/cgroup.procs"), QByteArray());
        writeFile(m_root + QStringLiteral("/run/systemd/systemd-units-load"), QByteArray());
        QDir().mkpath(m_root + QStringLiteral("/run/systemd/units"));
        for (const FakeRelay &r : relays) {
            const QString unit = QStringLiteral("tor@%1.service").arg(r.instance);
            QDir().mkpath(m_root + QStringLiteral("/etc/tor/instances/") + r.instance);
            writeFile(m_root + QStringLiteral("/etc/tor/instances/%1/torrc").arg(r.instance),
                      "Nickname nick" + r.instance.toUtf8() + "\nORPort 127.0.0.1:9001\n");
            if (r.fingerprintFile) {
                writeFile(m_root + QStringLiteral("/var/lib/tor-instances/%1/fingerprint").arg(r.instance),
                          "Fp" + r.instance.toUtf8() + " "
                              + QByteArray::number(0xABCDEF0000LL + n, 16).toUpper().rightJustified(40, '0')
                              + "\n");
            }
            qint64 pid = 0;
            if (r.runWithPreload != QLatin1String("-")) {
                auto *p = new QProcess;
                QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                env.remove(QStringLiteral("LD_PRELOAD"));
                if (!r.runWithPreload.isEmpty())
                    env.insert(QStringLiteral("LD_PRELOAD"), r.runWithPreload);
                p->setProcessEnvironment(env);
                p->start(QStringLiteral("sleep"), { QStringLiteral("600") });
                if (!p->waitForStarted(5000)) {
                    *why = QStringLiteral("cannot start sleep");
                    delete p;
                    return false;
                }
                m_procs.append(p);
                pid = p->processId();
            }
            QByteArray dropIns;
            if (!r.configured.isEmpty() || r.dropInInFuture) {
                const QString dropIn
                    = m_root + QStringLiteral("/etc/systemd/system/%1.d/alloclab-allocator.conf").arg(unit);
                writeFile(dropIn, "[Service]\nEnvironment=\"LD_PRELOAD=" + r.configured.toUtf8() + "\"\n");
                QFile f(dropIn);
                f.open(QIODevice::ReadWrite);
                // In the future: newer than the process, or in the past: older.
                f.setFileTime(r.dropInInFuture ? QDateTime::currentDateTimeUtc().addSecs(3600)
                                               : QDateTime::currentDateTimeUtc().addSecs(-3600),
                              QFileDevice::FileModificationTime);
                dropIns = dropIn.toUtf8();
            }
            show += "MainPID=" + QByteArray::number(pid) + "\n";
            show += "ExecMainStartTimestampMonotonic=" + QByteArray::number(pid ? monoUs : 0) + "\n";
            show += "Environment="
                + (r.configured.isEmpty() ? QByteArray() : "LD_PRELOAD=" + r.configured.toUtf8()) + "\n";
            show += "Id=" + unit.toUtf8() + "\nLoadState=loaded\n";
            show += pid ? "ActiveState=active\nSubState=running\n" : "ActiveState=inactive\nSubState=dead\n";
            show += "DropInPaths=" + dropIns + "\n\n";
            list += unit.toUtf8() + (pid ? " loaded active running" : " loaded inactive dead")
                + " Tor relay\n";
            writeFile(m_root + QStringLiteral("/cg/system.slice/system-tor.slice/%1/cgroup.procs").arg(unit),
                      pid ? QByteArray::number(pid) + "\n" : QByteArray());
            ++n;
        }
        // Debian's dummy tor.service and a masked tor@default: not relays.
        show += "MainPID=0\nExecMainStartTimestampMonotonic=1\nEnvironment=\nId=tor.service\nLoadState="
                "loaded\n"
                "ActiveState=active\nSubState=exited\nDropInPaths=\n\n";
        show += "MainPID=0\nExecMainStartTimestampMonotonic=0\nEnvironment=\nId=tor@default.service\n"
                "LoadState=masked\nActiveState=inactive\nSubState=dead\nDropInPaths=\n";
        list += "tor.service loaded active exited Tor (multi-instance-master)\n"
                "tor@default.service masked inactive dead tor@default.service\n";
        writeFile(m_root + QStringLiteral("/list.txt"), list);
        for (const QString &d : hostileDirs) {
            if (!QDir().mkpath(m_root + QStringLiteral("/etc/tor/instances/") + d)) {
                *why = QStringLiteral("cannot create a directory named %1").arg(d);
                return false;
            }
        }
        writeFile(m_root + QStringLiteral("/show.txt"), show);
        // Records every argument on its own line, then prints the canned answer.
        const QByteArray fake = "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '"
            + m_root.toUtf8() + "/systemctl.args'\ncase $1 in list-units) cat '" + m_root.toUtf8()
            + "/list.txt' ;; *) cat '" + m_root.toUtf8() + "/show.txt' ;; esac\n";
        writeFile(m_root + QStringLiteral("/bin/systemctl"), fake);
        QFile::setPermissions(m_root + QStringLiteral("/bin/systemctl"),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        return true;
    }

    // The shipped script with the host's paths moved under the fake root.
    QByteArray script() const
    {
        QByteArray s = probeScript();
        const QByteArray r = m_root.toUtf8();
        s.replace("PATH=/usr/local/sbin", QByteArray("PATH=" + r + "/bin:/usr/local/sbin"));
        s.replace("/etc/tor/", QByteArray(r + "/etc/tor/"));
        s.replace("/var/lib/tor", QByteArray(r + "/var/lib/tor"));
        s.replace("\nrundir=/run\n", QByteArray("\nrundir=" + r + "/run\n")); // the probe's cache
        s.replace("/run/systemd/systemd-units-load", QByteArray(r + "/run/systemd/systemd-units-load"));
        s.replace("/run/systemd/units", QByteArray(r + "/run/systemd/units"));
        s.replace("/sys/fs/cgroup/unified /sys/fs/cgroup/systemd /sys/fs/cgroup", QByteArray(r + "/cg"));
        QDir().mkpath(m_root + QStringLiteral("/run"));
        return s;
    }

    QByteArray systemctlArgs() const
    {
        QFile f(m_root + QStringLiteral("/systemctl.args"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    void clearSystemctlArgs() const { QFile::remove(m_root + QStringLiteral("/systemctl.args")); }
    // As systemd does on daemon-reload.
    bool touchReloadMarker() const
    {
        QFile f(m_root + QStringLiteral("/run/systemd/systemd-units-load"));
        return f.open(QIODevice::ReadWrite)
            && f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(5), QFileDevice::FileModificationTime);
    }

    // As systemd does when any unit starts or stops (an invocation link comes or goes).
    bool touchUnitsDir() const
    {
        QFile f(m_root + QStringLiteral("/run/systemd/units/invocation:x.service"));
        return f.open(QIODevice::WriteOnly) && f.remove();
    }

private:
    QString m_root;
    QList<QProcess *> m_procs;
};

// Runs kProbeCommand (as sshd would, through `sh -c`) with the script on stdin; optionally
// under strace to count execve().
QByteArray runProbe(const QByteArray &script, const QString &straceLog = {})
{
    QProcess sh;
    const QStringList cmd = { QStringLiteral("sh"), QStringLiteral("-c"), QLatin1String(kProbeCommand) };
    if (straceLog.isEmpty())
        sh.start(cmd.first(), cmd.mid(1));
    else
        sh.start(QStringLiteral("strace"),
                 QStringList { QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-e"),
                               QStringLiteral("trace=execve"), QStringLiteral("-o"), straceLog }
                     + cmd);
    if (!sh.waitForStarted(10000))
        return {};
    sh.write(script);
    sh.closeWriteChannel();
    if (!sh.waitForFinished(60000))
        return {};
    return sh.readAllStandardOutput();
}

int countExecs(const QString &straceLog, QByteArray *programs = nullptr)
{
    QFile f(straceLog);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    int n = 0;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &l : lines) {
        // With -f a call may be split into "<unfinished ...>" and "<... execve resumed>".
        if ((l.contains("execve(") || l.contains("execve resumed")) && l.trimmed().endsWith("= 0")) {
            ++n;
            if (programs)
                *programs += l + '\n';
        }
    }
    return n;
}

QList<FakeRelay> scenario()
{
    return {
        { QStringLiteral("mimok"), kMimalloc, kMimalloc, false, true },
        { QStringLiteral("jenotrestarted"), QString(), kJemalloc, false, true },
        { QStringLiteral("missing"), QString(), QStringLiteral("/usr/lib/nonexistent/libfoo.so"), false,
          true },
        { QStringLiteral("unconfigured"), kJemalloc, QString(), false, true },
        { QStringLiteral("newdropin"), QString(), QString(), true, false },
        { QStringLiteral("stopped"), QStringLiteral("-"), kMimalloc, false, true },
    };
}

const QStringList kHostile
    = { QStringLiteral("$(reboot)"), QStringLiteral("a b"), QStringLiteral("x;rm -rf ~"),
        QStringLiteral("nl\nname"), QString(33, QLatin1Char('a')) };

} // namespace

class TestProbeScript : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("awk")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("sleep")).isEmpty())
            QSKIP("needs sh, awk and sleep");
        if (!QFile::exists(kMimalloc) || !QFile::exists(kJemalloc))
            QSKIP("needs libmimalloc2.0 and libjemalloc2 installed (Debian packages)");
        QVERIFY(probeScript().startsWith("# AllocLab remote probe"));
    }

    void fakeHost()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FakeHost host(dir.path());
        QString why;
        QVERIFY2(host.build(scenario(), kHostile, &why), qPrintable(why));
        const QByteArray out = runProbe(host.script());
        if (qEnvironmentVariableIsSet("ALLOCLAB_WRITE_FIXTURE"))
            writeFile(qEnvironmentVariable("ALLOCLAB_WRITE_FIXTURE"), out);
        const ProbeResult r = ProbeParser::parse(out);
        QVERIFY2(r.ok, qPrintable(r.error + QLatin1Char('\n') + QString::fromUtf8(out)));
        QCOMPARE(r.relays.size(), 11); // 6 + 5 hostile, tor.service and masked tor@default skipped
        QCOMPARE(r.invalidCount(), 5);

        QHash<QString, ProbeRelay> by;
        for (const ProbeRelay &rel : r.relays)
            by.insert(rel.instance, rel);
        for (const QString &h : kHostile) {
            QVERIFY2(by.contains(h), qPrintable(h));
            QVERIFY(!by.value(h).isValid());
        }
        const ProbeRelay mim = by.value(QStringLiteral("mimok"));
        QVERIFY2(mim.isValid(), qPrintable(mim.invalidReason));
        QCOMPARE(mim.nickname, QStringLiteral("Fpmimok"));
        QCOMPARE(mim.fingerprint.size(), 40);
        QVERIFY(mim.rssKb > 0);
        QCOMPARE(mim.configuredPreload, kMimalloc);
        QCOMPARE(mim.configuredResolved, kMimalloc + QStringLiteral(".0")); // symlink resolved
        QCOMPARE(mim.runningPreload, kMimalloc);
        QCOMPARE(mim.loadedAllocator, kMimalloc + QStringLiteral(".0"));
        QVERIFY(!mim.allocatorMismatch);
        QVERIFY(!mim.needsRestart);
        QVERIFY(mim.dropInMtime > 0 && mim.dropInMtime < mim.startEpoch);

        const ProbeRelay je = by.value(QStringLiteral("jenotrestarted"));
        QVERIFY(je.loadedAllocator.isEmpty());
        QVERIFY(je.allocatorMismatch);
        QVERIFY(je.needsRestart);

        QVERIFY(by.value(QStringLiteral("missing")).preloadMissing);
        QVERIFY(by.value(QStringLiteral("unconfigured")).allocatorMismatch);
        QCOMPARE(by.value(QStringLiteral("unconfigured")).loadedAllocator, kJemalloc);
        const ProbeRelay nd = by.value(QStringLiteral("newdropin"));
        QVERIFY(nd.needsRestart);
        QVERIFY(nd.fingerprint.isEmpty());
        QCOMPARE(nd.nickname, QStringLiteral("nicknewdropin")); // from the torrc
        QCOMPARE(by.value(QStringLiteral("stopped")).mainPid, 0);

        // Hostile names never reached a command line.
        const QByteArray args = host.systemctlArgs();
        QVERIFY(args.contains("tor@mimok.service"));
        for (const QString &h : kHostile)
            QVERIFY2(!args.contains(h.toUtf8()), qPrintable(h));
        QVERIFY(!args.contains("reboot"));

        // Warm: the same answer without asking systemd at all (no unit started or stopped,
        // every running unit still holds its main process).
        // As root only: the cache lives in the run directory only root can write.
        if (::geteuid() != 0)
            return;
        host.clearSystemctlArgs();
        const QByteArray warmOut = runProbe(host.script());
        const ProbeResult w = ProbeParser::parse(warmOut);
        QVERIFY2(w.ok, qPrintable(w.error));
        auto body = [](const QByteArray &o) {
            QList<QByteArray> keep;
            const QList<QByteArray> lines = o.split('\n');
            for (const QByteArray &l : lines)
                if (l.startsWith("relay ") || l.startsWith("end "))
                    keep << l;
            return keep;
        };
        QCOMPARE(body(warmOut), body(out));
        QByteArray warmArgs = host.systemctlArgs();
        QVERIFY2(warmArgs.isEmpty(), warmArgs.constData());

        // A unit started or stopped somewhere: ONE list-units, no show (nothing else changed).
        QVERIFY(host.touchUnitsDir());
        const QByteArray listedOut = runProbe(host.script());
        QCOMPARE(body(listedOut), body(out));
        warmArgs = host.systemctlArgs();
        QVERIFY2(warmArgs.startsWith("list-units\n") && !warmArgs.contains("\nshow\n"), warmArgs.constData());
        host.clearSystemctlArgs();
        QCOMPARE(body(runProbe(host.script())), body(out));
        QVERIFY2(host.systemctlArgs().isEmpty(), host.systemctlArgs().constData()); // quiet again

        // daemon-reload: every unit is asked again.
        QVERIFY(host.touchReloadMarker());
        host.clearSystemctlArgs();
        const ProbeResult reloaded = ProbeParser::parse(runProbe(host.script()));
        QVERIFY2(reloaded.ok, qPrintable(reloaded.error));
        QVERIFY(host.systemctlArgs().contains("show\n"));
        QVERIFY(host.systemctlArgs().contains("tor@mimok.service"));
    }

    // O(1) launches: the same number of execve() for 6 and for 100 relays.
    void constantProcessCount()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty())
            QSKIP("strace is not installed");
        int counts[2] = { -1, -1 };
        int warm = -1;
        const int sizes[2] = { 6, 100 };
        for (int i = 0; i < 2; ++i) {
            QTemporaryDir dir;
            QVERIFY(dir.isValid());
            QList<FakeRelay> relays = scenario();
            for (int k = int(relays.size()); k < sizes[i]; ++k)
                relays.append({ QStringLiteral("r%1").arg(k), kMimalloc, kMimalloc, false, true });
            FakeHost host(dir.path());
            QString why;
            QVERIFY2(host.build(relays, kHostile, &why), qPrintable(why));
            const QString log = dir.filePath(QStringLiteral("strace.log"));
            const ProbeResult r = ProbeParser::parse(runProbe(host.script(), log));
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(r.relays.size(), sizes[i] + kHostile.size());
            counts[i] = countExecs(log);
            if (qEnvironmentVariableIsSet("ALLOCLAB_KEEP_STRACE"))
                QFile::copy(log, QStringLiteral("/tmp/strace-%1.log").arg(sizes[i]));
            if (counts[i] <= 0)
                QSKIP("strace could not trace here");
            if (i == 1 && ::geteuid() == 0) {
                // Warm (the cache of the first run): sh -c, sh, awk, systemctl list-units and
                // stat; the stand-in systemctl is a script that runs a cat of its own.
                QFile::remove(log);
                const ProbeResult w = ProbeParser::parse(runProbe(host.script(), log));
                QVERIFY2(w.ok, qPrintable(w.error));
                QByteArray programs;
                warm = countExecs(log, &programs);
                QVERIFY2(warm <= 6 && !programs.contains("\"show\"") && !programs.contains("--version")
                             && !programs.contains("readlink"),
                         programs.constData());
            }
        }
        qInfo("probe process launches: %d for 6 relays, %d for 100 relays (cold); %d warm", counts[0],
              counts[1], warm);
        QCOMPARE(counts[1], counts[0]);
        QVERIFY(counts[0] <= 25);
    }

    // tor --version runs once; later probes take it from the cache until the binary changes,
    // and a cache that is a symlink is neither read nor written through.
    void torVersionCache()
    {
        const QString tor = QStandardPaths::findExecutable(
            QStringLiteral("tor"),
            { QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/local/bin"),
              QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin") });
        if (tor.isEmpty())
            QSKIP("tor is not installed");
        if (QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty())
            QSKIP("strace is not installed");
        if (::geteuid() != 0)
            QSKIP("the probe caches under the run directory as root; run as root");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FakeHost host(dir.path());
        QString why;
        QVERIFY2(host.build(scenario(), {}, &why), qPrintable(why));
        const QString cache = dir.filePath(QStringLiteral("run/alloclab-probe.cache"));
        const QString log = dir.filePath(QStringLiteral("strace.log"));
        auto probe = [&](QByteArray *programs) {
            QFile::remove(log);
            const ProbeResult r = ProbeParser::parse(runProbe(host.script(), log));
            countExecs(log, programs);
            return r;
        };
        QByteArray cold, warm, linked;
        const ProbeResult first = probe(&cold);
        QVERIFY2(first.ok, qPrintable(first.error));
        if (cold.isEmpty())
            QSKIP("strace could not trace here");
        QVERIFY2(cold.contains("--version"), cold.constData());
        QVERIFY(!first.host.torVersion.isEmpty());
        QVERIFY(QFile::exists(cache));

        const ProbeResult second = probe(&warm);
        QVERIFY2(second.ok, qPrintable(second.error));
        QVERIFY2(!warm.contains("--version"), warm.constData());
        QCOMPARE(second.host.torVersion, first.host.torVersion);

        // Another binary (here: a cache written for another mtime) runs tor again.
        QFile f(cache);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray stale = f.readAll();
        f.close();
        const qsizetype t = stale.indexOf("\nT /");
        QVERIFY2(t > 0, stale.constData());
        stale.replace(stale.indexOf(' ', t + 4), 1, " 9"); // "T PATH 9MTIME SIZE INODE"
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(stale.replace(QByteArray("\nV " + first.host.torVersion.toUtf8()), "\nV 9.9.9"));
        f.close();
        QByteArray again;
        const ProbeResult third = probe(&again);
        QVERIFY(again.contains("--version"));
        QCOMPARE(third.host.torVersion, first.host.torVersion);

        // A symlink in place of the cache: tor runs, the link's target is not written.
        const QString target = dir.filePath(QStringLiteral("target"));
        QVERIFY(QFile::remove(cache));
        QVERIFY(QFile::link(target, cache));
        const ProbeResult fourth = probe(&linked);
        QVERIFY2(fourth.ok, qPrintable(fourth.error));
        QVERIFY(linked.contains("--version"));
        QCOMPARE(fourth.host.torVersion, first.host.torVersion);
        QVERIFY(!QFile::exists(target));
    }
};

QTEST_GUILESS_MAIN(TestProbeScript)
#include "tst_probescript.moc"
