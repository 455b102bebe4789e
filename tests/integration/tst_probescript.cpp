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
        int n = 0;
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
            ++n;
        }
        // Debian's dummy tor.service and a masked tor@default: not relays.
        show += "MainPID=0\nExecMainStartTimestampMonotonic=1\nEnvironment=\nId=tor.service\nLoadState="
                "loaded\n"
                "ActiveState=active\nSubState=exited\nDropInPaths=\n\n";
        show += "MainPID=0\nExecMainStartTimestampMonotonic=0\nEnvironment=\nId=tor@default.service\n"
                "LoadState=masked\nActiveState=inactive\nSubState=dead\nDropInPaths=\n";
        for (const QString &d : hostileDirs) {
            if (!QDir().mkpath(m_root + QStringLiteral("/etc/tor/instances/") + d)) {
                *why = QStringLiteral("cannot create a directory named %1").arg(d);
                return false;
            }
        }
        writeFile(m_root + QStringLiteral("/show.txt"), show);
        // Records every argument on its own line, then prints the canned answer.
        const QByteArray fake = "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '"
            + m_root.toUtf8() + "/systemctl.args'\ncat '" + m_root.toUtf8() + "/show.txt'\n";
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
        return s;
    }

    QByteArray systemctlArgs() const
    {
        QFile f(m_root + QStringLiteral("/systemctl.args"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private:
    QString m_root;
    QList<QProcess *> m_procs;
};

// Runs `sh -s` with the script on stdin; optionally under strace to count execve().
QByteArray runProbe(const QByteArray &script, const QString &straceLog = {})
{
    QProcess sh;
    if (straceLog.isEmpty())
        sh.start(QStringLiteral("sh"), { QStringLiteral("-s") });
    else
        sh.start(QStringLiteral("strace"),
                 { QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-e"),
                   QStringLiteral("trace=execve"), QStringLiteral("-o"), straceLog, QStringLiteral("sh"),
                   QStringLiteral("-s") });
    if (!sh.waitForStarted(10000))
        return {};
    sh.write(script);
    sh.closeWriteChannel();
    if (!sh.waitForFinished(60000))
        return {};
    return sh.readAllStandardOutput();
}

int countExecs(const QString &straceLog)
{
    QFile f(straceLog);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    int n = 0;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &l : lines) {
        // With -f a call may be split into "<unfinished ...>" and "<... execve resumed>".
        if ((l.contains("execve(") || l.contains("execve resumed")) && l.trimmed().endsWith("= 0"))
            ++n;
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
    }

    // O(1) launches: the same number of execve() for 6 and for 100 relays.
    void constantProcessCount()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty())
            QSKIP("strace is not installed");
        int counts[2] = { -1, -1 };
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
        }
        qInfo("probe process launches: %d for 6 relays, %d for 100 relays", counts[0], counts[1]);
        QCOMPARE(counts[1], counts[0]);
        QVERIFY(counts[0] <= 25);
    }
};

QTEST_GUILESS_MAIN(TestProbeScript)
#include "tst_probescript.moc"
