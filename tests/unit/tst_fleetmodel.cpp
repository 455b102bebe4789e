#include "models/fleetmodel.h"
#include "models/probeparser.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace alloclab;

namespace {

QByteArray readFixture(const QString &name)
{
    QFile f(QStringLiteral(ALLOCLAB_SOURCE_DIR "/tests/data/probe/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray kHead = "alloclab-probe 1\n"
                         "host h1 6.1.0 Debian 0.4.8.13 lab 1700000100 1700000000\n"
                         "meminfo 24684096 21345384 1028508 0 0\n"
                         "load 0.50 0.40 0.30 2\n"
                         "priv sudo\n";

QByteArray relay(const QByteArray &instance, qint64 rss, const QByteArray &loaded = "-",
                 const QByteArray &configured = "-")
{
    const QByteArray ok = configured == "-" ? "-" : "1";
    return "relay tor@" + instance + ".service loaded active running 500 1700000040 Nick" + instance
        + " B8898B374EFE3153263DDE5C81867E0587CD56E2 " + QByteArray::number(rss) + " "
        + QByteArray::number(rss + 10) + " 201148 " + configured + " " + configured + " " + ok + " "
        + configured + " " + loaded + " -\n";
}

ProbeResult parse(const QList<QByteArray> &relays)
{
    QByteArray in = kHead;
    for (const QByteArray &r : relays)
        in += r;
    in += "end " + QByteArray::number(relays.size()) + "\n";
    const ProbeResult r = ProbeParser::parse(in);
    if (!r.ok)
        qWarning("%s", qPrintable(r.error));
    return r;
}

} // namespace

class TestFleetModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixturesFill_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("relays");
        QTest::newRow("lab1") << "lab1.txt" << 10;
        QTest::newRow("lab1 without sudo") << "lab1-nosudo.txt" << 10;
        QTest::newRow("local allocators") << "local-allocators.txt" << 11;
    }
    void fixturesFill()
    {
        QFETCH(QString, file);
        QFETCH(int, relays);
        const QByteArray in = readFixture(file);
        if (in.isEmpty())
            QSKIP("fixture missing");
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addHost(QStringLiteral("lab1"));
        model.setConnectionState(QStringLiteral("lab1"), FleetModel::ConnectionState::Connecting);
        const ProbeResult r = ProbeParser::parse(in);
        QVERIFY2(r.ok, qPrintable(r.error));
        model.updateHost(QStringLiteral("lab1"), r);
        model.setRoundTripMs(QStringLiteral("lab1"), 12);
        const QModelIndex host = model.hostIndex(QStringLiteral("lab1"));
        QCOMPARE(model.rowCount(host), relays);
        QCOMPARE(model.data(host.siblingAtColumn(FleetModel::StateColumn)).toString(),
                 QStringLiteral("connected"));
        QCOMPARE(model.data(host.siblingAtColumn(FleetModel::FingerprintColumn)).toString(),
                 QStringLiteral("12 ms"));
        QCOMPARE(model.data(host.siblingAtColumn(FleetModel::NicknameColumn)).toString(),
                 QStringLiteral("%1 relay(s)").arg(relays));
        for (int i = 0; i < relays; ++i) {
            const QModelIndex idx = model.index(i, 0, host);
            const ProbeRelay *rel = model.relayAt(idx);
            QVERIFY(rel);
            QCOMPARE(idx.data(FleetModel::RelayKeyRole).toString(), QStringLiteral("lab1/") + rel->unit);
            QCOMPARE(idx.data(FleetModel::InvalidRole).toString(), rel->invalidReason);
            QCOMPARE(bool(model.flags(idx) & Qt::ItemIsDragEnabled), rel->isValid());
            if (rel->isRunning()) {
                QCOMPARE(idx.siblingAtColumn(FleetModel::RssColumn).data(FleetModel::SortRole).toLongLong(),
                         rel->rssKb);
                QVERIFY(!idx.siblingAtColumn(FleetModel::RssColumn).data().toString().isEmpty());
            }
            if (r.privilege == ProbePrivilege::None && rel->isRunning())
                QCOMPARE(idx.siblingAtColumn(FleetModel::LoadedColumn).data().toString(),
                         QStringLiteral("unknown (needs sudo)"));
        }
        if (r.privilege == ProbePrivilege::None)
            QVERIFY(host.data(Qt::ToolTipRole).toString().contains(QStringLiteral("NOPASSWD: /bin/sh")));
    }

    void mismatchAndLabels()
    {
        const QByteArray in = readFixture(QStringLiteral("local-allocators.txt"));
        if (in.isEmpty())
            QSKIP("fixture missing");
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.updateHost(QStringLiteral("local"), ProbeParser::parse(in));
        const QModelIndex mim
            = model.relayIndex(QStringLiteral("local"), QStringLiteral("tor@mimok.service"));
        QVERIFY(mim.isValid());
        QCOMPARE(mim.siblingAtColumn(FleetModel::ConfiguredColumn).data().toString(),
                 QStringLiteral("mimalloc 2"));
        QCOMPARE(mim.siblingAtColumn(FleetModel::LoadedColumn).data().toString(),
                 QStringLiteral("mimalloc 2.0"));
        QCOMPARE(mim.data(FleetModel::MismatchRole).toBool(), false);
        const QModelIndex je
            = model.relayIndex(QStringLiteral("local"), QStringLiteral("tor@jenotrestarted.service"));
        QCOMPARE(je.data(FleetModel::MismatchRole).toBool(), true);
        QCOMPARE(je.data(FleetModel::NeedsRestartRole).toBool(), true);
        QCOMPARE(je.siblingAtColumn(FleetModel::LoadedColumn).data().toString(), QStringLiteral("glibc !"));
        QVERIFY(je.data(Qt::ToolTipRole).toString().contains(QStringLiteral("differs")));
        const QModelIndex bad
            = model.relayIndex(QStringLiteral("local"), QStringLiteral("tor@$(reboot).service"));
        QVERIFY(bad.isValid());
        QCOMPARE(bad.siblingAtColumn(FleetModel::StateColumn).data().toString(), QStringLiteral("invalid"));
        QVERIFY(!(model.flags(bad) & Qt::ItemIsDragEnabled));
        // A newline in a hostile name is displayed harmlessly.
        const QModelIndex nl
            = model.relayIndex(QStringLiteral("local"), QStringLiteral("tor@nl\nname.service"));
        QVERIFY(nl.isValid());
        QVERIFY(!nl.data().toString().contains(QLatin1Char('\n')));
        QVERIFY(model.hostIndex(QStringLiteral("local")).data(FleetModel::MismatchRole).toBool());
    }

    // Polls update in place: persistent indexes (selection, current item) survive, no reset.
    void updateInPlace()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.addHost(QStringLiteral("h1"));
        model.addHost(QStringLiteral("h2"));
        model.updateHost(QStringLiteral("h1"),
                         parse({ relay("a", 1000), relay("b", 2000), relay("c", 3000) }));
        model.updateHost(QStringLiteral("h2"), parse({ relay("x", 500) }));
        const QPersistentModelIndex c(
            model.relayIndex(QStringLiteral("h1"), QStringLiteral("tor@c.service")));
        const QPersistentModelIndex a(
            model.relayIndex(QStringLiteral("h1"), QStringLiteral("tor@a.service"), FleetModel::RssColumn));
        const QPersistentModelIndex x(
            model.relayIndex(QStringLiteral("h2"), QStringLiteral("tor@x.service")));
        const QPersistentModelIndex h2(model.hostIndex(QStringLiteral("h2")));
        QVERIFY(c.isValid() && a.isValid() && x.isValid());
        inserted.clear();

        // b vanishes, d appears, a grows.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.updateHost(QStringLiteral("h1"),
                         parse({ relay("a", 1500), relay("c", 3000), relay("d", 4000) }));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(changed.count() >= 1);
        QVERIFY(c.isValid());
        QCOMPARE(c.data().toString(), QStringLiteral("c"));
        QCOMPARE(a.data(FleetModel::SortRole).toLongLong(), 1500);
        QCOMPARE(x.data().toString(), QStringLiteral("x"));
        QCOMPARE(h2.row(), 1);
        const QModelIndex h1 = model.hostIndex(QStringLiteral("h1"));
        QCOMPARE(model.rowCount(h1), 3);
        QVERIFY(model.relayIndex(QStringLiteral("h1"), QStringLiteral("tor@b.service")) == QModelIndex());
        QVERIFY(model.relayIndex(QStringLiteral("h1"), QStringLiteral("tor@d.service")).isValid());

        // A garbled poll: host goes to error, relays stay.
        model.updateHost(QStringLiteral("h1"), ProbeParser::parse("garbage\n"));
        QCOMPARE(model.rowCount(h1), 3);
        QVERIFY(h1.siblingAtColumn(FleetModel::StateColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("error: line 1")));
        QCOMPARE(h1.data(FleetModel::ConnectionStateRole).toInt(), int(FleetModel::ConnectionState::Error));
        QVERIFY(c.isValid());

        model.removeHost(QStringLiteral("h1"));
        QVERIFY(!c.isValid());
        QVERIFY(x.isValid());
        QCOMPARE(h2.row(), 0);
        QCOMPARE(resets.count(), 0);
    }

    void connectionStates_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("text");
        QTest::newRow("connecting") << int(FleetModel::ConnectionState::Connecting) << QString()
                                    << QStringLiteral("connecting");
        QTest::newRow("error") << int(FleetModel::ConnectionState::Error) << QStringLiteral("timeout")
                               << QStringLiteral("error: timeout");
        QTest::newRow("unknown key") << int(FleetModel::ConnectionState::HostKeyUnknown) << QString()
                                     << QStringLiteral("host key unknown");
        QTest::newRow("changed key") << int(FleetModel::ConnectionState::HostKeyChanged) << QString()
                                     << QStringLiteral("REFUSED: host key CHANGED");
    }
    void connectionStates()
    {
        QFETCH(int, state);
        QFETCH(QString, message);
        QFETCH(QString, text);
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addHost(QStringLiteral("h"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setConnectionState(QStringLiteral("h"), FleetModel::ConnectionState(state), message);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.hostIndex(QStringLiteral("h"), FleetModel::StateColumn).data().toString(), text);
    }

    // A changed host key: the row says refused, the tooltip carries the whole explanation with
    // the exact command; nothing in the model offers to trust it.
    void changedHostKeyTooltip()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addHost(QStringLiteral("h"));
        const QString why
            = QStringLiteral("REFUSED: the host key of h (10.0.0.1) has CHANGED ... remove the old "
                             "key with `ssh-keygen -R 10.0.0.1 -f /k` and connect again.");
        model.setConnectionState(QStringLiteral("h"), FleetModel::ConnectionState::HostKeyChanged, why);
        const QModelIndex i = model.hostIndex(QStringLiteral("h"), FleetModel::StateColumn);
        QCOMPARE(i.data().toString(), QStringLiteral("REFUSED: host key CHANGED"));
        QCOMPARE(i.data(FleetModel::ConnectionStateRole).toInt(),
                 int(FleetModel::ConnectionState::HostKeyChanged));
        const QString tip = i.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("ssh-keygen -R 10.0.0.1 -f /k")), qPrintable(tip));
        QVERIFY(!tip.contains(QStringLiteral("trust"), Qt::CaseInsensitive));
    }

    void mimeAndCopy()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.updateHost(QStringLiteral("h1"),
                         parse({ relay("a", 1000), relay("b", 2000), relay("bad%24x", 5) }));
        QVERIFY(model.mimeTypes().contains(QLatin1String(kRelayMimeType)));
        const QModelIndex a = model.relayIndex(QStringLiteral("h1"), QStringLiteral("tor@a.service"));
        const QModelIndex bad = model.relayIndex(QStringLiteral("h1"), QStringLiteral("tor@bad$x.service"));
        QVERIFY(bad.isValid());
        std::unique_ptr<QMimeData> mime(model.mimeData({ a, a.siblingAtColumn(3), bad }));
        QVERIFY(mime);
        QString error;
        const QList<RelayRef> refs = relayRefsFromMimeData(mime.get(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(refs.size(), 1); // a once; the invalid one never travels
        QCOMPARE(refs[0].host, QStringLiteral("h1"));
        QCOMPARE(refs[0].unit, QStringLiteral("tor@a.service"));
        QCOMPARE(refs[0].instance, QStringLiteral("a"));
        QCOMPARE(refs[0].nickname, QStringLiteral("Nicka"));
        QCOMPARE(refs[0].fingerprint, QStringLiteral("B8898B374EFE3153263DDE5C81867E0587CD56E2"));
        QVERIFY(!model.mimeData({ bad }));

        // A host row drags all its valid relays.
        std::unique_ptr<QMimeData> all(model.mimeData({ model.hostIndex(QStringLiteral("h1")) }));
        QCOMPARE(relayRefsFromMimeData(all.get()).size(), 2);

        // Decoding refuses tampered payloads.
        const QByteArray tampered
            = R"J({"version":1,"relays":[{"host":"h","unit":"tor@$(x).service","instance":"$(x)"}]})J";
        QVERIFY(decodeRelayRefs(tampered, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(decodeRelayRefs("not json", &error).isEmpty());
        QCOMPARE(decodeRelayRefs(encodeRelayRefs(refs)), refs);

        const QString tsv = model.toTsv({ model.index(1, 0, model.hostIndex(QStringLiteral("h1"))), a });
        const QStringList lines = tsv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith(QStringLiteral("a\tactive (running)\tNicka\tB8898B37")));
        QVERIFY(lines[1].startsWith(QStringLiteral("b\t")));
        QCOMPARE(lines[0].count(QLatin1Char('\t')), FleetModel::ColumnCount - 1);
    }

    void filterAndSort()
    {
        FleetModel model;
        FleetFilterModel proxy;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.updateHost(QStringLiteral("h1"),
                         parse({ relay("alpha", 3000), relay("beta", 1000), relay("gamma", 2000) }));
        model.updateHost(QStringLiteral("h2"), parse({ relay("delta", 500) }));
        proxy.sort(FleetModel::RssColumn, Qt::AscendingOrder);
        const QModelIndex h1 = proxy.index(0, 0);
        QCOMPARE(h1.data().toString(), QStringLiteral("h2")); // 500 kB sum sorts first
        const QModelIndex ph1 = proxy.index(1, 0);
        QCOMPARE(proxy.index(0, 0, ph1).data().toString(), QStringLiteral("beta"));
        QCOMPARE(proxy.index(2, 0, ph1).data().toString(), QStringLiteral("alpha"));

        proxy.setFilterFixedString(QStringLiteral("GAMM"));
        QCOMPARE(proxy.rowCount(), 1); // h1 stays because a relay matches
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);
        QCOMPARE(proxy.index(0, 0, proxy.index(0, 0)).data().toString(), QStringLiteral("gamma"));
        // Full fingerprint (only in the tooltip) matches too.
        proxy.setFilterFixedString(QStringLiteral("0587CD56E2"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setFilterFixedString(QStringLiteral("nothing-like-this"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterFixedString(QString());
        QCOMPARE(proxy.rowCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestFleetModel)
#include "tst_fleetmodel.moc"
