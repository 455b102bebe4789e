#include "app/ssh/sshconfig.h"
#include "app/ssh/sshsession.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

#include "labenv.h"

using namespace alloclab;

// SshSession against the lab's real sshd: config, host keys, exec, timeouts, cancel.
class TestSshSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    // A copy of the lab's ssh_config whose UserKnownHostsFile is `knownHosts`.
    QString configWithKnownHosts(const QString &knownHosts, const QByteArray &khContent)
    {
        QFile kh(knownHosts);
        if (!kh.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        kh.write(khContent);
        kh.close();
        QFile in(labenv::sshConfig());
        if (!in.open(QIODevice::ReadOnly))
            return {};
        QByteArray text = in.readAll();
        text.replace(QFile::encodeName(labenv::labDir() + QStringLiteral("/known_hosts")),
                     QFile::encodeName(knownHosts));
        const QString path = m_tmp.filePath(QFileInfo(knownHosts).fileName() + QStringLiteral(".config"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(text);
        return path;
    }

    std::unique_ptr<SshSession> open(const QString &target, const QString &config = labenv::sshConfig())
    {
        auto s = std::make_unique<SshSession>(target);
        if (!s->configure(hosttarget::parse(target), config))
            return nullptr;
        if (!s->connectToHost() || s->checkHostKey() != HostKeyStatus::Known || !s->authenticate())
            return nullptr;
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = labenv::unavailable(1);
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_tmp.isValid());
    }

    void configAppliesAlias()
    {
        SshSession s;
        QVERIFY2(s.configure(hosttarget::parse(QStringLiteral("lab1-nosudo")), labenv::sshConfig()),
                 qPrintable(s.lastError()));
        QCOMPARE(s.hostName(), labenv::address(1));
        QCOMPARE(s.userName(), QStringLiteral("nosudo"));
        QCOMPARE(s.port(), 22);
        // UserKnownHostsFile from the file is honoured by libssh.
        QCOMPARE(s.knownHostsPath(), labenv::labDir() + QStringLiteral("/known_hosts"));
        // An explicit user in the target wins over the file, as with ssh.
        SshSession s2;
        QVERIFY(s2.configure(hosttarget::parse(QStringLiteral("root@lab1")), labenv::sshConfig()));
        QCOMPARE(s2.userName(), QStringLiteral("root"));
        QCOMPARE(s2.hostName(), labenv::address(1));
    }

    void aliasesListed()
    {
        QString error;
        const QList<SshConfigHost> list = SshConfig::aliases(labenv::sshConfig(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList names;
        for (const SshConfigHost &h : list)
            names << h.alias;
        QVERIFY2(names.contains(QStringLiteral("lab1")), qPrintable(names.join(QLatin1Char(' '))));
        QVERIFY(names.contains(QStringLiteral("lab1-nosudo")));
        const SshConfigHost lab1 = list.at(names.indexOf(QStringLiteral("lab1")));
        QCOMPARE(lab1.hostName, labenv::address(1));
        QCOMPARE(lab1.user, QStringLiteral("lab"));
        QVERIFY(SshConfig::hasAlias(labenv::sshConfig(), QStringLiteral("lab1-root")));
        QVERIFY(!SshConfig::hasAlias(labenv::sshConfig(), QStringLiteral("lab1-nope")));
    }

    void execBasics()
    {
        auto s = open(QStringLiteral("lab1"));
        QVERIFY(s);
        const ExecResult r = s->exec("sh -s", "echo out; echo err >&2; id -un; exit 3\n", 10000);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.exitStatus, 3);
        QCOMPARE(r.out, QByteArray("out\nlab\n"));
        QCOMPARE(r.err, QByteArray("err\n"));
        // The session is reused: a second command on the same connection.
        const ExecResult r2 = s->exec("true", {}, 10000);
        QVERIFY(r2.ok);
        QCOMPARE(r2.exitStatus, 0);
        QVERIFY(s->keepalive());
    }

    void largeOutputAndLimit()
    {
        auto s = open(QStringLiteral("lab1"));
        QVERIFY(s);
        const ExecResult big = s->exec("head -c 3000000 /dev/zero", {}, 20000);
        QVERIFY2(big.ok, qPrintable(big.error));
        QCOMPARE(big.out.size(), 3000000);
        s->setOutputLimit(100000);
        const ExecResult capped = s->exec("head -c 3000000 /dev/zero", {}, 20000);
        QVERIFY(!capped.ok);
        QVERIFY(capped.truncated);
        QVERIFY(capped.error.contains(QStringLiteral("exceeded")));
        s->setOutputLimit(SshSession::DefaultOutputLimit);
        QVERIFY(s->exec("true", {}, 10000).ok); // still usable
    }

    void commandTimeout()
    {
        auto s = open(QStringLiteral("lab1"));
        QVERIFY(s);
        const ExecResult r = s->exec("sleep 30", {}, 700);
        QVERIFY(!r.ok);
        QVERIFY(r.timedOut);
        QVERIFY2(r.error.contains(QStringLiteral("0.7 s")), qPrintable(r.error));
        QVERIFY2(r.elapsedMs < 5000, qPrintable(QString::number(r.elapsedMs)));
        QVERIFY(s->exec("true", {}, 10000).ok);
    }

    void cancelMidCommand()
    {
        std::atomic_bool cancel { false };
        auto s = open(QStringLiteral("lab1"));
        QVERIFY(s);
        s->setCancelCheck([&cancel] { return cancel.load(); });
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the thing under test is the wait
            cancel = true;
        });
        const ExecResult r = s->exec("sleep 30", {}, 60000);
        canceller.join();
        QVERIFY(!r.ok);
        QVERIFY(r.cancelled);
        QVERIFY2(r.elapsedMs < 5000, qPrintable(QString::number(r.elapsedMs)));
    }

    // A resident command answers requests on its stdin, one after another, in the same process;
    // the marker line ends an answer even after output without a final newline.
    void residentRequests()
    {
        auto s = open(QStringLiteral("lab1"));
        QVERIFY(s);
        QVERIFY2(s->startResident("sh -s", "f() { echo \"hi $1\"; echo warn >&2; return 2; }\n"),
                 qPrintable(s->lastError()));
        QVERIFY(s->hasResident());
        const ExecResult a = s->requestResident("f one; printf '\\n%s%s\\n' 'M1 ' \"$?\"\n", "M1 ", 10000);
        QVERIFY2(a.ok, qPrintable(a.error));
        QCOMPARE(a.out, QByteArray("hi one\n"));
        QCOMPARE(a.exitStatus, 2);
        QCOMPARE(a.err, QByteArray("warn\n"));
        const ExecResult b = s->requestResident(
            "x=$$; printf 'M1 0 %s' $x; printf '\\n%s%s\\n' 'M2 ' \"$?\"\n", "M2 ", 10000);
        QVERIFY2(b.ok, qPrintable(b.error));
        QVERIFY(b.out.startsWith("M1 0 ")); // an older marker in the output is just output
        const QByteArray pid = b.out.mid(5);
        const ExecResult c = s->requestResident("echo $x; printf '\\n%s%s\\n' 'M3 ' \"$?\"\n", "M3 ", 10000);
        QVERIFY2(c.ok, qPrintable(c.error));
        QCOMPARE(c.out, pid + '\n'); // the same shell, with its variables
        // Stopped, the remote shell goes away: nothing is left running on the host.
        s->stopResident();
        QVERIFY(!s->hasResident());
        QTRY_VERIFY_WITH_TIMEOUT(s->exec("kill -0 " + pid, {}, 10000).exitStatus != 0, 10000);
        QVERIFY(s->exec("true", {}, 10000).ok);
    }

    void residentEndsOrTimesOut()
    {
        auto s = open(QStringLiteral("lab1"));
        QVERIFY(s);
        QVERIFY(s->startResident("sh -s", {}));
        const ExecResult gone = s->requestResident("exit 4\n", "M1 ", 10000);
        QVERIFY(!gone.ok);
        QVERIFY(gone.residentEnded);
        QVERIFY(!gone.connectionLost);
        QVERIFY2(gone.error.contains(QStringLiteral("ended")), qPrintable(gone.error));
        QVERIFY(!s->hasResident());
        const ExecResult none = s->requestResident("true\n", "M1 ", 10000);
        QVERIFY(!none.ok);
        QVERIFY(none.residentEnded);

        QVERIFY(s->startResident("sh -s", {}));
        const ExecResult slow
            = s->requestResident("sleep 30; printf '\\n%s%s\\n' 'M1 ' \"$?\"\n", "M1 ", 700);
        QVERIFY(!slow.ok);
        QVERIFY(slow.timedOut);
        QVERIFY(slow.residentEnded);
        QVERIFY2(slow.elapsedMs < 5000, qPrintable(QString::number(slow.elapsedMs)));
        QVERIFY(!s->hasResident());
        // The connection is still good for commands and a new resident.
        QVERIFY(s->exec("true", {}, 10000).ok);
        QVERIFY(s->startResident("sh -s", {}));
        const ExecResult again = s->requestResident("printf '\\n%s%s\\n' 'M2 ' 0\n", "M2 ", 10000);
        QVERIFY2(again.ok, qPrintable(again.error));
        QCOMPARE(again.out, QByteArray());
    }

    void unknownHostKey()
    {
        const QString cfg = configWithKnownHosts(m_tmp.filePath(QStringLiteral("kh_empty")), {});
        QVERIFY(!cfg.isEmpty());
        SshSession s(QStringLiteral("lab1"));
        QVERIFY(s.configure(hosttarget::parse(QStringLiteral("lab1")), cfg));
        QVERIFY2(s.connectToHost(), qPrintable(s.lastError()));
        QCOMPARE(s.checkHostKey(), HostKeyStatus::Unknown);
        QVERIFY2(s.hostKeyFingerprint().startsWith(QStringLiteral("SHA256:")),
                 qPrintable(s.hostKeyFingerprint()));
        QVERIFY(s.lastError().contains(s.hostKeyFingerprint()));
        // The fingerprint is the one ssh-keygen shows for the lab's recorded key.
        QVERIFY(s.rememberHostKey());
        QFile kh(m_tmp.filePath(QStringLiteral("kh_empty")));
        QVERIFY(kh.open(QIODevice::ReadOnly));
        QVERIFY(kh.readAll().contains(labenv::address(1).toUtf8()));
        s.disconnect();
        QVERIFY(s.connectToHost());
        QCOMPARE(s.checkHostKey(), HostKeyStatus::Known);
        QVERIFY2(s.authenticate(), qPrintable(s.lastError()));
    }

    void changedHostKey()
    {
        // Another host's key recorded under lab1's address: what a rotated key looks like to us.
        QFile real(labenv::labDir() + QStringLiteral("/known_hosts"));
        QVERIFY(real.open(QIODevice::ReadOnly));
        QByteArray forged;
        const QList<QByteArray> lines = real.readAll().split('\n');
        for (const QByteArray &l : lines) {
            const QList<QByteArray> f = l.split(' ');
            if (f.size() >= 3 && f.at(0) == labenv::address(2).toUtf8())
                forged += labenv::address(1).toUtf8() + ' ' + f.at(1) + ' ' + f.at(2) + '\n';
        }
        if (forged.isEmpty())
            QSKIP("lab2 has no key in the lab's known_hosts to forge a changed key with");
        const QString cfg = configWithKnownHosts(m_tmp.filePath(QStringLiteral("kh_forged")), forged);
        SshSession s(QStringLiteral("lab1"));
        QVERIFY(s.configure(hosttarget::parse(QStringLiteral("lab1")), cfg));
        QVERIFY(s.connectToHost());
        const HostKeyStatus st = s.checkHostKey();
        QVERIFY(st == HostKeyStatus::Changed || st == HostKeyStatus::OtherType);
        QVERIFY2(s.lastError().contains(QStringLiteral("REFUSED")), qPrintable(s.lastError()));
        QVERIFY2(s.lastError().contains(QStringLiteral("ssh-keygen -R 10.200.1.2")),
                 qPrintable(s.lastError()));
    }

    void connectionRefused()
    {
        SshSession s(QStringLiteral("lab1"));
        QVERIFY(s.configure(hosttarget::parse(QStringLiteral("lab@10.200.1.2:2")), labenv::sshConfig()));
        QVERIFY(!s.connectToHost());
        QVERIFY2(s.lastError().contains(QStringLiteral("refused")), qPrintable(s.lastError()));
    }

    void connectTimeout()
    {
        // 10.200.1.0/24 is the lab's link; nothing answers at .9, so the connect cannot finish.
        SshSession s(QStringLiteral("ghost"));
        s.setConnectTimeout(1500);
        QVERIFY(s.configure(hosttarget::parse(QStringLiteral("lab@10.200.1.9")), labenv::sshConfig()));
        QElapsedTimer t;
        t.start();
        QVERIFY(!s.connectToHost());
        QVERIFY2(t.elapsed() < 6000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(s.lastError().startsWith(QStringLiteral("ghost: ")), qPrintable(s.lastError()));
        QVERIFY2(s.lastError().contains(QStringLiteral("10.200.1.9")), qPrintable(s.lastError()));
    }

    void agentAuthentication()
    {
        const QString agentBin = QStandardPaths::findExecutable(QStringLiteral("ssh-agent"));
        if (agentBin.isEmpty())
            QSKIP("ssh-agent is not installed");
        // Our own agent, holding the lab key; the config names no usable key file, so only the
        // agent can authenticate.
        const QString sock = m_tmp.filePath(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(agentBin, { QStringLiteral("-D"), QStringLiteral("-a"), sock });
        QVERIFY(agent.waitForStarted());
        auto stopAgent = qScopeGuard([&] {
            agent.terminate();
            agent.waitForFinished(5000);
        });
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(sock), 5000);
        QProcess add;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SSH_AUTH_SOCK"), sock);
        add.setProcessEnvironment(env);
        add.start(QStringLiteral("ssh-add"), { labenv::labDir() + QStringLiteral("/keys/id_ed25519") });
        QVERIFY(add.waitForFinished(10000));
        QCOMPARE(add.exitCode(), 0);
        const QString config = m_tmp.filePath(QStringLiteral("agent.ssh_config"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("Host agentlab\n  HostName %1\n  User lab\n  IdentityFile %2/none\n"
                               "  UserKnownHostsFile %3/known_hosts\n")
                    .arg(labenv::address(1), m_tmp.path(), labenv::labDir())
                    .toUtf8());
        f.close();
        const QByteArray oldSock = qgetenv("SSH_AUTH_SOCK");
        auto restoreEnv = qScopeGuard([&] { qputenv("SSH_AUTH_SOCK", oldSock); });
        // Without the agent: refused, with a message that says what was tried.
        qunsetenv("SSH_AUTH_SOCK");
        {
            SshSession s(QStringLiteral("agentlab"));
            QVERIFY(s.configure(hosttarget::parse(QStringLiteral("agentlab")), config));
            QVERIFY(s.connectToHost());
            QCOMPARE(s.checkHostKey(), HostKeyStatus::Known);
            QVERIFY(!s.authenticate());
            QVERIFY2(s.lastError().contains(QStringLiteral("authorized_keys")), qPrintable(s.lastError()));
        }
        qputenv("SSH_AUTH_SOCK", QFile::encodeName(sock));
        SshSession s(QStringLiteral("agentlab"));
        QVERIFY(s.configure(hosttarget::parse(QStringLiteral("agentlab")), config));
        QVERIFY(s.connectToHost());
        QCOMPARE(s.checkHostKey(), HostKeyStatus::Known);
        QVERIFY2(s.authenticate(), qPrintable(s.lastError()));
        QCOMPARE(s.exec("id -un", {}, 10000).out, QByteArray("lab\n"));
    }

    void badConfigFile()
    {
        SshSession s;
        QVERIFY(
            !s.configure(hosttarget::parse(QStringLiteral("lab1")), m_tmp.filePath(QStringLiteral("nope"))));
        QVERIFY(s.lastError().contains(QStringLiteral("does not exist")));
    }
};

QTEST_GUILESS_MAIN(TestSshSession)
#include "tst_sshsession.moc"
