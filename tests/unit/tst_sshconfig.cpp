#include "app/fleetservice.h"
#include "app/ssh/hostresolver.h"
#include "app/ssh/sshconfig.h"
#include "app/ssh/sshsession.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace alloclab;

// The parts of the SSH layer that need no server: ssh_config reading, target resolution,
// and the fleet service's bookkeeping against loopback (nothing listens on port 1).
class TestSshConfig : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_config;

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        write(QStringLiteral("extra.conf"), "Host included\n  HostName 127.0.0.3\n");
        m_config = write(QStringLiteral("config"),
                         "# relays\n"
                         "Host go co\n"
                         "  HostName 127.0.0.2\n"
                         "  User tor\n"
                         "  Port 2222\n"
                         "Host *.example.org !bad\n"
                         "  User wild\n"
                         "Host jump-behind\n"
                         "  HostName 10.0.0.1\n"
                         "  ProxyJump gate\n"
                         "Include "
                             + QFile::encodeName(m_dir.filePath(QStringLiteral("extra.conf")))
                             + "\n" // inside `Host jump-behind`: conditional, not listed
                               "Host *\n"
                               "  Include "
                             + QFile::encodeName(m_dir.filePath(QStringLiteral("extra.conf")))
                             + "\n"
                               "Host go\n"
                               "  User ignored-second-block\n");
        QVERIFY(!m_config.isEmpty());
    }

    void aliases()
    {
        QString error;
        const QList<SshConfigHost> list = SshConfig::aliases(m_config, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList names;
        for (const SshConfigHost &h : list)
            names << h.alias;
        QCOMPARE(names,
                 (QStringList { QStringLiteral("go"), QStringLiteral("co"), QStringLiteral("jump-behind"),
                                QStringLiteral("included") }));
        QCOMPARE(list.at(0).hostName, QStringLiteral("127.0.0.2"));
        QCOMPARE(list.at(0).user, QStringLiteral("tor")); // first value wins, as in ssh
        QCOMPARE(list.at(0).port, 2222);
        QCOMPARE(list.at(0).line, 2);
        QVERIFY2(list.at(2).proxyCommand.contains(QStringLiteral("gate")),
                 qPrintable(list.at(2).proxyCommand));
        QCOMPARE(list.at(3).hostName, QStringLiteral("127.0.0.3"));
        QVERIFY(SshConfig::aliases(m_dir.filePath(QStringLiteral("missing"))).isEmpty());
    }

    void explicitTargetWins()
    {
        SshSession s;
        QVERIFY(s.configure(hosttarget::parse(QStringLiteral("root@go:22")), m_config));
        QCOMPARE(s.userName(), QStringLiteral("root"));
        QCOMPARE(s.port(), 22);
        QCOMPARE(s.hostName(), QStringLiteral("127.0.0.2"));
        SshSession w;
        QVERIFY(w.configure(hosttarget::parse(QStringLiteral("relay.example.org")), m_config));
        QCOMPARE(w.userName(), QStringLiteral("wild"));
    }

    void resolver_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("alias");
        QTest::addColumn<QString>("hostName");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("alias") << QStringLiteral("go") << true << true << QStringLiteral("127.0.0.2")
                               << QString();
        QTest::newRow("address") << QStringLiteral("u@127.0.0.1:22") << true << false
                                 << QStringLiteral("127.0.0.1") << QString();
        QTest::newRow("v6") << QStringLiteral("u@[::1]:22") << true << false << QStringLiteral("::1")
                            << QString();
        QTest::newRow("localhost") << QStringLiteral("localhost") << true << false
                                   << QStringLiteral("localhost") << QString();
        QTest::newRow("behind jump host")
            << QStringLiteral("jump-behind") << true << true << QStringLiteral("10.0.0.1") << QString();
        QTest::newRow("typo") << QStringLiteral("og.invalid") << false << false << QString()
                              << QStringLiteral("A typo?");
        QTest::newRow("syntax") << QStringLiteral("u@h:0") << false << false << QString()
                                << QStringLiteral("port");
    }
    void resolver()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        HostResolver resolver;
        QSignalSpy spy(&resolver, &HostResolver::resolved);
        const int id = resolver.check(text, m_config);
        QCOMPARE(spy.size(), 0); // always answered later, never inside check()
        QVERIFY(spy.wait(15000));
        QCOMPARE(spy.first().at(0).toInt(), id);
        const ResolvedTarget r = spy.first().at(1).value<ResolvedTarget>();
        QCOMPARE(r.ok, ok);
        if (ok) {
            QTEST(r.isAlias, "alias");
            QTEST(r.hostName, "hostName");
        } else {
            QFETCH(QString, errorPart);
            QVERIFY2(r.error.contains(errorPart), qPrintable(r.error));
        }
    }

    void fleetFailuresAreReportedPerHost()
    {
        FleetService fleet;
        fleet.setSshConfig(m_config);
        fleet.setTimeouts(3000, 5000);
        fleet.setHosts({ { 0, QStringLiteral("refused"), QStringLiteral("u@127.0.0.1:1"), {} },
                         { 0, QStringLiteral("broken"), QStringLiteral("u@@x"), {} } });
        QSignalSpy failed(&fleet, &FleetService::hostFailed);
        QSignalSpy finished(&fleet, &FleetService::refreshFinished);
        QSignalSpy progress(&fleet, &FleetService::progress);
        const quint64 gen = fleet.refresh();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().first().toULongLong(), gen);
        QCOMPARE(failed.size(), 2);
        QStringList messages;
        for (const QList<QVariant> &f : std::as_const(failed))
            messages << f.at(1).toString();
        messages.sort();
        QVERIFY2(messages.at(0).startsWith(QStringLiteral("broken: ")), qPrintable(messages.at(0)));
        QVERIFY2(messages.at(1).contains(QStringLiteral("refused")), qPrintable(messages.at(1)));
        QCOMPARE(progress.last().at(0).toInt(), 2);
        QCOMPARE(fleet.state(QStringLiteral("refused")), HostState::Failed);
    }

    void emptyFleetFinishes()
    {
        FleetService fleet;
        QSignalSpy finished(&fleet, &FleetService::refreshFinished);
        const quint64 gen = fleet.refresh();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toULongLong(), gen);
    }

    void removedHostAnswersNothing()
    {
        FleetService fleet;
        fleet.setTimeouts(3000, 5000);
        fleet.setHosts({ { 0, QStringLiteral("a"), QStringLiteral("u@127.0.0.1:1"), {} } });
        QSignalSpy failed(&fleet, &FleetService::hostFailed);
        fleet.refresh();
        fleet.setHosts({}); // gone before it answered: its answer is dropped
        QVERIFY(fleet.hosts().isEmpty());
        QVERIFY(!failed.wait(1000));
        QCOMPARE(fleet.refreshHost(QStringLiteral("a")), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestSshConfig)
#include "tst_sshconfig.moc"
