#include "models/pollevents.h"
#include "models/probeparser.h"

#include <QTest>

using namespace alloclab;

namespace {

// A host in a compact notation:
//   "first"                      never polled
//   "down:ERROR"                 unreachable, never reached before
//   "down:ERROR|RELAYS"          unreachable, last reached state RELAYS
//   "RELAYS"                     reachable
// RELAYS: space-separated KEY:PID:START:HWM[:STATE]; PID 0 = present but stopped, "-" = unknown.
qint64 num(const QString &s)
{
    return s == QLatin1String("-") ? -1 : s.toLongLong();
}

QList<PolledRelay> relays(const QString &spec)
{
    QList<PolledRelay> list;
    const QStringList items = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const QStringList f = item.split(QLatin1Char(':'));
        PolledRelay r;
        r.key = f.value(0);
        r.label = QStringLiteral("tor@") + r.key;
        r.pid = num(f.value(1, QStringLiteral("-")));
        r.running = r.pid != 0;
        if (r.pid == 0)
            r.pid = -1;
        r.startEpoch = num(f.value(2, QStringLiteral("-")));
        r.hwmKb = num(f.value(3, QStringLiteral("-")));
        r.state = f.value(4);
        list << r;
    }
    return list;
}

HostObservation host(const QString &spec)
{
    if (spec == QLatin1String("first"))
        return {};
    if (spec.startsWith(QLatin1String("down:"))) {
        const QString rest = spec.mid(5);
        const qsizetype bar = rest.indexOf(QLatin1Char('|'));
        if (bar < 0)
            return pollevents::unreachable(rest);
        return pollevents::unreachable(rest.left(bar), true, relays(rest.mid(bar + 1)));
    }
    HostObservation h;
    h.known = h.relaysKnown = true;
    h.relays = relays(spec);
    return h;
}

// "type:key" per event; host events have no key.
QStringList summarize(const QList<EventRecord> &events)
{
    QStringList out;
    for (const EventRecord &e : events) {
        const qsizetype at = e.description.indexOf(QLatin1String("tor@"));
        QString key;
        if (at >= 0)
            key = e.description.mid(at + 4).section(QLatin1Char(' '), 0, 0);
        out << (key.isEmpty() ? e.type : e.type + QLatin1Char(':') + key);
    }
    return out;
}

} // namespace

class TestPollEvents : public QObject
{
    Q_OBJECT
private slots:
    void diff_data();
    void diff();
    void descriptions();
    void fromProbe();
};

void TestPollEvents::diff_data()
{
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("expected"); // "type:key,..."

    const QString none;
    QTest::newRow("same") << "a:100:50:2000 b:200:60:3000"
                          << "a:100:50:2100 b:200:60:3000" << none;
    QTest::newRow("first poll: nothing") << "first"
                                         << "a:100:50:2000" << none;
    QTest::newRow("new pid") << "a:100:50:2000"
                             << "a:101:50:2500" << QStringLiteral("relay_restarted:a");
    QTest::newRow("new start time, same pid") << "a:100:50:2000"
                                              << "a:100:70:2500" << QStringLiteral("relay_restarted:a");
    QTest::newRow("hwm drop, pid and start unknown") << "a:-:-:2000"
                                                     << "a:-:-:1500" << QStringLiteral("relay_restarted:a");
    QTest::newRow("hwm drop, same pid (pid reused)") << "a:100:-:2000"
                                                     << "a:100:-:1999" << QStringLiteral("relay_restarted:a");
    QTest::newRow("hwm grows: no event") << "a:100:-:2000"
                                         << "a:100:-:9000" << none;
    QTest::newRow("hwm unknown now: no event") << "a:100:-:2000"
                                               << "a:100:-:-" << none;
    QTest::newRow("start unknown before: no event") << "a:100:-:2000"
                                                    << "a:100:70:2000" << none;
    QTest::newRow("appeared") << "a:100:50:2000"
                              << "a:100:50:2000 b:7:80:10" << QStringLiteral("relay_appeared:b");
    QTest::newRow("started after stop") << "a:0:-:-:failed"
                                        << "a:300:90:10" << QStringLiteral("relay_appeared:a");
    QTest::newRow("vanished: unit gone") << "a:100:50:2000 b:200:60:3000"
                                         << "a:100:50:2000" << QStringLiteral("relay_vanished:b");
    QTest::newRow("vanished: stopped") << "a:100:50:2000"
                                       << "a:0:-:-:failed" << QStringLiteral("relay_vanished:a");
    QTest::newRow("still stopped: nothing") << "a:0:-:-:inactive"
                                            << "a:0:-:-:inactive" << none;
    QTest::newRow("several, stable order")
        << "a:1:-:- b:2:-:- c:3:-:-"
        << "d:4:-:- b:5:-:- a:1:-:-" << QStringLiteral("relay_appeared:d,relay_restarted:b,relay_vanished:c");
    QTest::newRow("unreachable") << "a:100:50:2000"
                                 << "down:connection refused" << QStringLiteral("host_unreachable");
    QTest::newRow("unreachable on first poll") << "first"
                                               << "down:timeout" << QStringLiteral("host_unreachable");
    QTest::newRow("still unreachable: once") << "down:timeout|a:100:50:2000"
                                             << "down:timeout" << none;
    QTest::newRow("back, same relays") << "down:timeout|a:100:50:2000"
                                       << "a:100:50:2200" << QStringLiteral("host_reachable");
    QTest::newRow("back, restarted during the outage")
        << "down:timeout|a:100:50:2000 b:200:60:3000"
        << "a:150:95:100 b:200:60:3000" << QStringLiteral("host_reachable,relay_restarted:a");
    QTest::newRow("back, never reached before: no relay events")
        << "down:timeout"
        << "a:100:50:2000" << QStringLiteral("host_reachable");
}

void TestPollEvents::diff()
{
    QFETCH(QString, previous);
    QFETCH(QString, current);
    QFETCH(QString, expected);
    const QList<EventRecord> events = pollevents::diff(QStringLiteral("lab1"), host(previous), host(current));
    QCOMPARE(summarize(events).join(QLatin1Char(',')), expected);
    for (const EventRecord &e : events) {
        QVERIFY2(e.description.startsWith(QLatin1String("lab1: ")), qPrintable(e.description));
        QCOMPARE(e.tsMs, 0); // the poll's time is filled in by the store
        QCOMPARE(e.hostId, 0);
    }
}

void TestPollEvents::descriptions()
{
    // The description says why, so an operator reading the event log need not guess.
    HostObservation before = host(QStringLiteral("a:100:50:2000 b:200:60:3000 c:300:70:10"));
    before.relays[0].relayId = 11;
    HostObservation now = host(QStringLiteral("a:101:51:100 b:200:60:1000 c:0:-:-:failed"));
    const QList<EventRecord> e = pollevents::diff(QStringLiteral("go"), before, now);
    QCOMPARE(e.size(), 3);
    QCOMPARE(e.at(0).description, QStringLiteral("go: tor@a restarted: PID 100 -> 101"));
    QCOMPARE(e.at(0).relayId, 11);
    QCOMPARE(e.at(1).description,
             QStringLiteral("go: tor@b restarted: peak RSS (VmHWM) dropped 3000 kB -> 1000 kB"));
    QCOMPARE(e.at(2).description, QStringLiteral("go: tor@c stopped (failed)"));

    const QList<EventRecord> down = pollevents::diff(QStringLiteral("go"), before,
                                                     pollevents::unreachable(QStringLiteral("timed out")));
    QCOMPARE(down.size(), 1);
    QCOMPARE(down.at(0).description, QStringLiteral("go: unreachable: timed out"));
    const QList<EventRecord> back = pollevents::diff(
        QStringLiteral("go"), pollevents::unreachable(QStringLiteral("timed out")), before);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.at(0).type, QStringLiteral("host_reachable"));
    QCOMPARE(back.at(0).description, QStringLiteral("go: reachable again (was: timed out)"));
}

void TestPollEvents::fromProbe()
{
    // Real grammar in, observations out: invalid relays are not trusted as identities.
    const QByteArray out
        = "alloclab-probe 1\n"
          "host lab1 6.1.0 Debian 0.4.8.13 lab 1700000100 1700000000\n"
          "meminfo 24684096 21345384 1028508 0 0\n"
          "load 0.50 0.40 0.30 2\n"
          "priv sudo\n"
          "relay tor@one.service loaded active running 504 1700000040 One "
          "B8898B374EFE3153263DDE5C81867E0587CD56E2 50000 60000 90000 - - - - - -\n"
          "relay tor@two.service loaded failed failed 0 - Two "
          "C8898B374EFE3153263DDE5C81867E0587CD56E2 - - - - - - - - -\n"
          "relay tor@bad%3Bname.service loaded active running 7 1700000040 - - 1 1 1 - - - - - -\n"
          "end 3\n";
    const ProbeResult r = ProbeParser::parse(out);
    QVERIFY2(r.ok, qPrintable(r.error));
    const HostObservation h = pollevents::observe(r);
    QVERIFY(h.known && h.reachable && h.relaysKnown);
    QCOMPARE(h.relays.size(), 2);
    QCOMPARE(h.relays.at(0).key, QStringLiteral("tor@one.service"));
    QCOMPARE(h.relays.at(0).label, QStringLiteral("tor@one (One)"));
    QVERIFY(h.relays.at(0).running);
    QCOMPARE(h.relays.at(0).pid, 504);
    QCOMPARE(h.relays.at(0).startEpoch, 1700000040);
    QCOMPARE(h.relays.at(0).hwmKb, 60000);
    QVERIFY(!h.relays.at(1).running);
    QCOMPARE(h.relays.at(1).state, QStringLiteral("failed"));
}

QTEST_GUILESS_MAIN(TestPollEvents)
#include "tst_pollevents.moc"
