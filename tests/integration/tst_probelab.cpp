// The probe against the lab's real relay hosts (tests/lab): real systemd, real tor, real sshd,
// as the sudo user, as root and as a user without sudo. Read-only: it changes nothing there.
// Uses the system ssh client with the lab's ssh_config (the app's own transport is tested
// elsewhere); skips when the lab is not up.

#include "app/probescript.h"
#include "models/probeparser.h"
#include "models/validation.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>

using namespace alloclab;

namespace {

QString sshConfig()
{
    const QString dir = qEnvironmentVariableIsSet("LAB_DIR") ? qEnvironmentVariable("LAB_DIR")
                                                             : QStringLiteral("/var/tmp/alloclab-lab");
    return dir + QStringLiteral("/ssh_config");
}

QByteArray probe(const QString &alias, QString *stderrText, qint64 *ms)
{
    QProcess ssh;
    QElapsedTimer t;
    t.start();
    ssh.start(QStringLiteral("ssh"),
              { QStringLiteral("-F"), sshConfig(), alias, QLatin1String(kProbeCommand) });
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
};

QTEST_GUILESS_MAIN(TestProbeLab)
#include "tst_probelab.moc"
