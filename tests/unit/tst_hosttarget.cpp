#include "models/hosttarget.h"

#include <QTest>

using namespace alloclab;

class TestHostTarget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("ipv6");
        QTest::addColumn<bool>("mayBeAlias");
        QTest::addColumn<QString>("errorPart"); // a word the error must contain

        auto ok = [](const char *name, const char *text, const char *user, const char *host, int port,
                     bool v6, bool alias) {
            QTest::newRow(name) << QString::fromLatin1(text) << true << QString::fromLatin1(user)
                                << QString::fromLatin1(host) << port << v6 << alias << QString();
        };
        auto bad = [](const char *name, const QString &text, const char *errorPart) {
            QTest::newRow(name) << text << false << QString() << QString() << 0 << false << false
                                << QString::fromLatin1(errorPart);
        };
        ok("alias", "lab1", "", "lab1", 0, false, true);
        ok("alias with underscore", "relay_box-2", "", "relay_box-2", 0, false, true);
        ok("dns name", "relays.example.org", "", "relays.example.org", 0, false, true);
        ok("ipv4", "10.200.1.2", "", "10.200.1.2", 0, false, false);
        ok("user@host", "lab@10.200.1.2", "lab", "10.200.1.2", 0, false, false);
        ok("user@host:port", "tor@relays.example.org:2222", "tor", "relays.example.org", 2222, false, false);
        ok("host:port", "example.org:22", "", "example.org", 22, false, false);
        ok("user@[v6]:port", "root@[2001:db8::1]:2222", "root", "2001:db8::1", 2222, true, false);
        ok("[v6]:port", "[::1]:22", "", "::1", 22, true, false);
        ok("[v6]", "[fe80::1%eth0]", "", "fe80::1%eth0", 0, true, false);
        ok("bare v6", "2001:db8:0:0:0:0:0:1", "", "2001:db8:0:0:0:0:0:1", 0, true, false);
        ok("v6 with v4 tail", "u@[::ffff:10.0.0.1]:22", "u", "::ffff:10.0.0.1", 22, true, false);
        ok("surrounding spaces", "  lab2  ", "", "lab2", 0, false, true);
        ok("max port", "h:65535", "", "h", 65535, false, false);

        bad("empty", QString(), "empty");
        bad("spaces only", QStringLiteral("   "), "empty");
        bad("inner space", QStringLiteral("lab 1"), "space");
        bad("empty user", QStringLiteral("@host"), "empty user");
        bad("user with dash first", QStringLiteral("-oProxyCommand=x@host"), "user name");
        bad("user with semicolon", QStringLiteral("a;b@host"), "user name");
        bad("host with dash first", QStringLiteral("-oProxyCommand=id"), "host name");
        bad("host label ends with dash", QStringLiteral("bad-.example.org"), "host name");
        bad("empty label", QStringLiteral("a..b"), "host name");
        bad("shell chars", QStringLiteral("host$(id)"), "host name");
        bad("no host", QStringLiteral("user@:22"), "no host");
        bad("port zero", QStringLiteral("h:0"), "port");
        bad("port too big", QStringLiteral("h:65536"), "port");
        bad("port not number", QStringLiteral("h:ssh"), "port");
        bad("port empty", QStringLiteral("h:"), "port");
        bad("ipv4 octet", QStringLiteral("10.200.1.256"), "IPv4");
        bad("unclosed bracket", QStringLiteral("u@[::1:22"), "[");
        bad("bad v6", QStringLiteral("[2001:db8:::1]:22"), "IPv6");
        bad("v6 too many groups", QStringLiteral("[1:2:3:4:5:6:7:8:9]"), "IPv6");
        bad("junk after bracket", QStringLiteral("[::1]x"), "after");
        bad("bare v6 with port-like tail", QStringLiteral("fe80::1::22"), "IPv6");
        bad("non ascii", QStringLiteral("h\u00f6st"), "ASCII");
        bad("too long label", QString(64, QLatin1Char('a')), "host name");
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QString error = QStringLiteral("stale");
        const HostTarget t = hosttarget::parse(text, &error);
        QCOMPARE(t.isValid(), valid);
        if (!valid) {
            QFETCH(QString, errorPart);
            QVERIFY2(error.contains(errorPart, Qt::CaseInsensitive), qPrintable(error));
            return;
        }
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QTEST(t.user, "user");
        QTEST(t.host, "host");
        QTEST(t.port, "port");
        QTEST(t.ipv6, "ipv6");
        QTEST(t.mayBeAlias(), "mayBeAlias");
        // The canonical text reads back to the same target.
        QCOMPARE(hosttarget::parse(t.toString()), t);
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("lab1") << true;
        QTest::newRow("dotted") << QStringLiteral("relays.example.org") << true;
        QTest::newRow("leading dash") << QStringLiteral("-x") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("65 chars") << QString(65, QLatin1Char('a')) << false;
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(hosttarget::isValidName(name), valid);
        QCOMPARE(hosttarget::nameError(name).isEmpty(), valid);
    }

    void suggestedName()
    {
        QCOMPARE(hosttarget::parse(QStringLiteral("tor@relay.example.org:2222")).suggestedName(),
                 QStringLiteral("relay.example.org"));
        const QString v6 = hosttarget::parse(QStringLiteral("[2001:db8::1]:22")).suggestedName();
        QVERIFY2(hosttarget::isValidName(v6), qPrintable(v6));
    }

    void serversFile()
    {
        const QString text = QStringLiteral("# our relays\n"
                                            "lab1\r\n"
                                            "\n"
                                            "   tor@relay.example.org:2222   # the big one\n"
                                            "bad host\n"
                                            "u@[2001:db8::1]:22\n"
                                            "h:99999\n"
                                            "lab1\n"
                                            "\t\n");
        const hosttarget::ServersFile f = hosttarget::parseServersFile(text);
        QCOMPARE(f.entries.size(), 3);
        QCOMPARE(f.entries.at(0).line, 2);
        QCOMPARE(f.entries.at(0).target.host, QStringLiteral("lab1"));
        QCOMPARE(f.entries.at(1).line, 4);
        QCOMPARE(f.entries.at(1).target.port, 2222);
        QCOMPARE(f.entries.at(2).line, 6);
        QVERIFY(f.entries.at(2).target.ipv6);
        QCOMPARE(f.errors.size(), 3);
        QCOMPARE(f.errors.at(0).line, 5);
        QVERIFY(f.errors.at(0).message.contains(QStringLiteral("one target")));
        QCOMPARE(f.errors.at(1).line, 7);
        QVERIFY(f.errors.at(1).message.contains(QStringLiteral("port")));
        QCOMPARE(f.errors.at(2).line, 8);
        QVERIFY(f.errors.at(2).message.contains(QStringLiteral("line 2")));
    }

    void serversFileEmpty()
    {
        const hosttarget::ServersFile f = hosttarget::parseServersFile(QStringLiteral("# nothing\n\n"));
        QVERIFY(f.entries.isEmpty());
        QVERIFY(f.errors.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHostTarget)
#include "tst_hosttarget.moc"
