#include "models/boardmodel.h"
#include "models/groupcolors.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <memory>
#include <vector>

using namespace alloclab;

namespace {
const QString kMi = QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0");
const QString kJe = QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");

BoardRelay relay(const QString &host, int n, qint64 rss, const QString &loaded = QString())
{
    BoardRelay r;
    r.host = host;
    r.instance = QStringLiteral("r%1").arg(n, 2, 10, QLatin1Char('0'));
    r.nickname = QStringLiteral("%1relay%2").arg(host).arg(n);
    r.rssKb = rss;
    r.loadedAllocator = loaded;
    return r;
}

QList<BoardRelay> labRelays(int perHost = 20)
{
    QList<BoardRelay> out;
    for (int i = 0; i < perHost; ++i) {
        out << relay(QStringLiteral("lab1"), i, 400000 + i * 1000, i % 3 == 0 ? kMi : QString());
        out << relay(QStringLiteral("lab2"), i, 500000 + i * 1000, i % 4 == 0 ? kJe : QString());
    }
    return out;
}

QList<BoardGroup> fiveGroups()
{
    return {
        { QStringLiteral("A"), QStringLiteral("mimalloc301"), QStringLiteral("mimalloc"), {} },
        { QStringLiteral("B"), QStringLiteral("mimalloc209"), QStringLiteral("mimalloc"), {} },
        { QStringLiteral("C"), QStringLiteral("mimalloc217"), QStringLiteral("mimalloc"), {} },
        { QStringLiteral("D"), QStringLiteral("jemalloc"), QStringLiteral("jemalloc"), {} },
        { QStringLiteral("E"), QStringLiteral("glibc"), QStringLiteral("glibc"), {} },
    };
}

QString key(const QString &host, int n)
{
    return host + QStringLiteral("/r%1").arg(n, 2, 10, QLatin1Char('0'));
}

std::vector<QStringList> state(const BoardModel &b)
{
    std::vector<QStringList> s;
    for (int c = 0; c < b.columnCount(); ++c)
        s.push_back(b.columnKeys(c));
    return s;
}

// Every relay in exactly one column, and the column models agree with the board.
void verifyInvariant(const BoardModel &b)
{
    QSet<QString> seen;
    int total = 0;
    for (int c = 0; c < b.columnCount(); ++c) {
        for (const QString &k : b.columnKeys(c)) {
            QVERIFY2(!seen.contains(k), qPrintable(k + QStringLiteral(" is in two columns")));
            seen.insert(k);
            QCOMPARE(b.columnOf(k), c);
            ++total;
        }
        if (b.filter().isEmpty())
            QCOMPARE(b.columnModel(c)->rowCount(), b.count(c));
    }
    QCOMPARE(total, int(b.relays().size()));
}
} // namespace

class TestBoardModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<BoardModel> m_board;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    void attachTesters()
    {
        m_testers.clear();
        for (int c = 0; c < m_board->columnCount(); ++c)
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                m_board->columnModel(c), QAbstractItemModelTester::FailureReportingMode::QtTest));
    }

private Q_SLOTS:
    void init()
    {
        m_board = std::make_unique<BoardModel>();
        attachTesters();
        m_board->setGroups(fiveGroups());
        attachTesters(); // before the relays arrive
        m_board->setRelays(labRelays());
    }
    void cleanup()
    {
        m_testers.clear();
        m_board.reset();
    }

    void startsUnassigned()
    {
        QCOMPARE(m_board->columnCount(), 6);
        QCOMPARE(m_board->count(0), 40);
        for (int c = 1; c < 6; ++c)
            QCOMPARE(m_board->count(c), 0);
        QCOMPARE(m_board->columnColour(2), groupColor(QStringLiteral("B")));
        QCOMPARE(m_board->columnTitle(1), QStringLiteral("A · mimalloc301"));
        verifyInvariant(*m_board);
    }

    void mimeRoundTripBetweenColumns()
    {
        BoardColumnModel *from = m_board->columnModel(0);
        BoardColumnModel *to = m_board->columnModel(2);
        QVERIFY(m_board->moveRelays({ key(QStringLiteral("lab1"), 10), key(QStringLiteral("lab1"), 11) }, 2));
        // Rows 3, 0, 5 of Unassigned, dragged together: the payload is in row order.
        const QStringList dragged = { from->keyAt(0), from->keyAt(3), from->keyAt(5) };
        std::unique_ptr<QMimeData> mime(from->mimeData({ from->index(3), from->index(0), from->index(5) }));
        QVERIFY(mime);
        QVERIFY(mime->hasFormat(QLatin1String(kRelayMimeType)));
        const QList<RelayRef> refs = decodeRelayRefs(mime->data(QLatin1String(kRelayMimeType)));
        QCOMPARE(refs.size(), 3);
        QCOMPARE(BoardRelay::fromRef(refs.at(0)).key(), dragged.at(0));
        QCOMPARE(refs.at(0).unit, QStringLiteral("tor@%1.service").arg(refs.at(0).instance));
        QCOMPARE(refs.at(0).host, m_board->relay(dragged.at(0)).host);
        QCOMPARE(refs.at(0).instance, m_board->relay(dragged.at(0)).instance);
        QCOMPARE(refs.at(0).nickname, m_board->relay(dragged.at(0)).nickname);
        QVERIFY(mime->text().contains(m_board->relay(dragged.at(2)).nickname));

        // Dropped between the two relays already in B (row 1).
        QVERIFY(to->canDropMimeData(mime.get(), Qt::MoveAction, 1, 0, {}));
        QVERIFY(to->dropMimeData(mime.get(), Qt::MoveAction, 1, 0, {}));
        QCOMPARE(m_board->columnKeys(2),
                 (QStringList { key(QStringLiteral("lab1"), 10), dragged.at(0), dragged.at(1), dragged.at(2),
                                key(QStringLiteral("lab1"), 11) }));
        QCOMPARE(m_board->count(0), 35);
        QCOMPARE(m_board->letterOf(dragged.at(1)), QStringLiteral("B"));
        verifyInvariant(*m_board);

        // Dropped onto a card (parent valid): inserted before it. -1 row on empty space: appended.
        std::unique_ptr<QMimeData> back(to->mimeData({ to->index(4) }));
        QVERIFY(to->dropMimeData(back.get(), Qt::MoveAction, -1, -1, to->index(0)));
        QCOMPARE(m_board->columnKeys(2).first(), key(QStringLiteral("lab1"), 11));
        std::unique_ptr<QMimeData> end(to->mimeData({ to->index(0) }));
        QVERIFY(m_board->columnModel(5)->dropMimeData(end.get(), Qt::MoveAction, -1, -1, {}));
        QCOMPARE(m_board->columnKeys(5), QStringList { key(QStringLiteral("lab1"), 11) });
        verifyInvariant(*m_board);
    }

    // What the fleet view (FleetModel::mimeData) sends: identity only, Copy action.
    void dropFromFleet()
    {
        RelayRef byInstance;
        byInstance.host = QStringLiteral("lab2");
        byInstance.unit = QStringLiteral("tor@r07.service");
        byInstance.instance = QStringLiteral("r07");
        byInstance.nickname = QStringLiteral("lab2relay7");
        RelayRef byNickname; // the plain tor.service: host + nickname
        byNickname.host = QStringLiteral("lab1");
        byNickname.unit = QStringLiteral("tor.service");
        byNickname.nickname = QStringLiteral("lab1relay3");
        RelayRef unknown;
        unknown.host = QStringLiteral("lab3");
        unknown.unit = QStringLiteral("tor@r01.service");
        unknown.instance = QStringLiteral("r01");
        unknown.nickname = QStringLiteral("newcomer");
        QMimeData mime;
        mime.setData(QLatin1String(kRelayMimeType), encodeRelayRefs({ byInstance, byNickname, unknown }));
        QVERIFY(m_board->columnModel(4)->dropMimeData(&mime, Qt::CopyAction, -1, 0, {}));
        QCOMPARE(m_board->columnKeys(4),
                 (QStringList { key(QStringLiteral("lab2"), 7), key(QStringLiteral("lab1"), 3),
                                QStringLiteral("lab3/r01") }));
        QCOMPARE(m_board->relay(QStringLiteral("lab3/r01")).nickname, QStringLiteral("newcomer"));
        verifyInvariant(*m_board);
        // Undo puts all three back; the newcomer stays on the board, in Unassigned.
        m_board->undoStack()->undo();
        QCOMPARE(m_board->count(4), 0);
        QCOMPARE(m_board->columnOf(QStringLiteral("lab3/r01")), 0);
        verifyInvariant(*m_board);
    }

    // After a fleet refresh the probe's relays replace the board's data, membership kept by key.
    void relaysFromProbe()
    {
        m_board->moveRelays({ key(QStringLiteral("lab1"), 4) }, 2);
        ProbeRelay p;
        p.unit = QStringLiteral("tor@r04.service");
        p.instance = QStringLiteral("r04");
        p.nickname = QStringLiteral("lab1relay4");
        p.rssKb = 777777;
        p.loadedAllocator = kMi;
        const BoardRelay r = BoardRelay::fromProbe(QStringLiteral("lab1"), p);
        QCOMPARE(r.key(), key(QStringLiteral("lab1"), 4));
        QList<BoardRelay> all = m_board->relays();
        for (BoardRelay &b : all)
            if (b.key() == r.key())
                b = r;
        m_board->setRelays(all);
        QCOMPARE(m_board->letterOf(r.key()), QStringLiteral("B"));
        BoardColumnModel *b = m_board->columnModel(2);
        QCOMPARE(b->data(b->index(0), BoardModel::RssKbRole).toLongLong(), qint64(777777));
        QCOMPARE(b->data(b->index(0), BoardModel::MismatchRole).toBool(), false); // B is mimalloc
    }

    // A relay not seen live shows its stored RSS with the time it was measured; a probe makes it live.
    void lastSeenOfStoredRelays()
    {
        QList<BoardRelay> all = m_board->relays();
        for (BoardRelay &b : all)
            if (b.key() == key(QStringLiteral("lab2"), 7))
                b.lastSeenMs = 1760000060000; // 2025-10-09 08:54:20 UTC
        m_board->setRelays(all);
        BoardColumnModel *u = m_board->columnModel(0);
        const QModelIndex i = u->index(u->rowOf(key(QStringLiteral("lab2"), 7)));
        QCOMPARE(i.data(BoardModel::LastSeenRole).toLongLong(), 1760000060000);
        QCOMPARE(i.data(BoardModel::RssKbRole).toLongLong(), 507000);
        QVERIFY2(i.data(Qt::ToolTipRole).toString().contains(QLatin1String("last seen 2025-10-09 08:54 UTC")),
                 qPrintable(i.data(Qt::ToolTipRole).toString()));
        const QModelIndex live = u->index(u->rowOf(key(QStringLiteral("lab2"), 6)));
        QCOMPARE(live.data(BoardModel::LastSeenRole).toLongLong(), 0);
        QVERIFY(!live.data(Qt::ToolTipRole).toString().contains(QLatin1String("last seen")));
        ProbeRelay p;
        p.instance = QStringLiteral("r07");
        p.nickname = QStringLiteral("lab2relay7");
        p.rssKb = 1234;
        QCOMPARE(BoardRelay::fromProbe(QStringLiteral("lab2"), p).lastSeenMs, 0);
    }

    void rejectsForeignMime()
    {
        QMimeData text;
        text.setText(QStringLiteral("lab1relay1"));
        QVERIFY(!m_board->columnModel(1)->canDropMimeData(&text, Qt::MoveAction, -1, -1, {}));
        QVERIFY(!m_board->columnModel(1)->dropMimeData(&text, Qt::MoveAction, -1, -1, {}));
        QMimeData garbage;
        garbage.setData(QLatin1String(kRelayMimeType), "{not json");
        QMimeData hostile; // validated again on drop: nothing from it reaches the board
        hostile.setData(
            QLatin1String(kRelayMimeType),
            R"({"version":1,"relays":[{"host":"lab1","unit":"tor@x;reboot.service","instance":"x;reboot"}]})");
        QVERIFY(!m_board->columnModel(1)->dropMimeData(&hostile, Qt::MoveAction, -1, -1, {}));
        QVERIFY(!m_board->columnModel(1)->dropMimeData(&garbage, Qt::MoveAction, -1, -1, {}));
        QCOMPARE(m_board->count(1), 0);
    }

    void undoRedoRestoresExactState()
    {
        // A non-trivial starting point: relays in several groups, in a deliberate order.
        QVERIFY(m_board->moveRelays({ key(QStringLiteral("lab1"), 5), key(QStringLiteral("lab2"), 1),
                                      key(QStringLiteral("lab1"), 0) },
                                    1));
        QVERIFY(m_board->moveRelays({ key(QStringLiteral("lab2"), 9), key(QStringLiteral("lab1"), 7) }, 3));
        QVERIFY(m_board->moveRelays({ key(QStringLiteral("lab2"), 2), key(QStringLiteral("lab1"), 12),
                                      key(QStringLiteral("lab2"), 13) },
                                    2));
        const auto before = state(*m_board);
        const int depth = m_board->undoStack()->count();

        // One move that takes relays out of three columns into the middle of a fourth.
        QSignalSpy changed(m_board.get(), &BoardModel::membershipChanged);
        QVERIFY(m_board->moveRelays({ key(QStringLiteral("lab2"), 1), key(QStringLiteral("lab2"), 9),
                                      key(QStringLiteral("lab1"), 19), key(QStringLiteral("lab1"), 5) },
                                    2, 1));
        QCOMPARE(changed.count(), 1);
        const auto after = state(*m_board);
        QCOMPARE(m_board->columnKeys(2),
                 (QStringList { key(QStringLiteral("lab2"), 2), key(QStringLiteral("lab2"), 1),
                                key(QStringLiteral("lab2"), 9), key(QStringLiteral("lab1"), 19),
                                key(QStringLiteral("lab1"), 5), key(QStringLiteral("lab1"), 12),
                                key(QStringLiteral("lab2"), 13) }));
        QCOMPARE(m_board->undoStack()->count(), depth + 1);
        QVERIFY(m_board->undoStack()->undoText().contains(QLatin1String("4 relays")));

        m_board->undoStack()->undo();
        QVERIFY(state(*m_board) == before);
        verifyInvariant(*m_board);
        m_board->undoStack()->redo();
        QVERIFY(state(*m_board) == after);
        verifyInvariant(*m_board);
        // All the way back to the start, and forward again.
        while (m_board->undoStack()->canUndo())
            m_board->undoStack()->undo();
        QCOMPARE(m_board->count(0), 40);
        QCOMPARE(m_board->columnKeys(0), state(*m_board).at(0));
        while (m_board->undoStack()->canRedo())
            m_board->undoStack()->redo();
        QVERIFY(state(*m_board) == after);
    }

    void noOpMoveIsNotRecorded()
    {
        QVERIFY(m_board->moveRelays({ key(QStringLiteral("lab1"), 1) }, 1));
        const int depth = m_board->undoStack()->count();
        QVERIFY(!m_board->moveRelays({ key(QStringLiteral("lab1"), 1) }, 1));
        QVERIFY(!m_board->moveRelays({ QStringLiteral("no/such") }, 1));
        QVERIFY(!m_board->moveRelays({ key(QStringLiteral("lab1"), 2) }, 99));
        QCOMPARE(m_board->undoStack()->count(), depth);
    }

    void atMostOneGroupUnderRandomMoves()
    {
        QRandomGenerator rng(77);
        const QList<BoardRelay> all = m_board->relays();
        for (int step = 0; step < 300; ++step) {
            QStringList keys;
            const int n = rng.bounded(1, 6);
            for (int i = 0; i < n; ++i)
                keys << all.at(rng.bounded(int(all.size()))).key();
            const int col = rng.bounded(m_board->columnCount());
            m_board->moveRelays(keys, col, rng.bounded(-1, m_board->count(col) + 1));
            if (rng.bounded(5) == 0)
                m_board->undoStack()->undo();
            verifyInvariant(*m_board);
        }
    }

    void warnings()
    {
        QCOMPARE(m_board->warnings(1).size(), 1);
        QCOMPARE(m_board->warnings(1).first().kind, BoardWarning::Empty);
        QVERIFY(m_board->warnings(0).isEmpty()); // Unassigned never warns

        // A: 5 relays, balanced -> too small only.
        QStringList a;
        for (int i = 0; i < 3; ++i)
            a << key(QStringLiteral("lab1"), i);
        for (int i = 0; i < 2; ++i)
            a << key(QStringLiteral("lab2"), i);
        m_board->moveRelays(a, 1);
        // B: 12 relays all on lab1; C: 12 all on lab2 -> both uneven, overall ~50/50.
        QStringList b, c;
        for (int i = 3; i < 15; ++i) {
            b << key(QStringLiteral("lab1"), i);
            c << key(QStringLiteral("lab2"), i);
        }
        m_board->moveRelays(b, 2);
        m_board->moveRelays(c, 3);
        // D: 12 relays, 6 + 6 -> fine.
        QStringList d;
        for (int i = 15; i < 18; ++i)
            d << key(QStringLiteral("lab1"), i) << key(QStringLiteral("lab2"), i)
              << key(QStringLiteral("lab2"), i + 2) << key(QStringLiteral("lab1"), i + 2);
        d.removeDuplicates();
        m_board->moveRelays(d, 4);

        const QList<BoardWarning> wa = m_board->warnings(1);
        QCOMPARE(wa.size(), 1);
        QCOMPARE(wa.first().kind, BoardWarning::TooSmall);
        QVERIFY(wa.first().text.contains(QLatin1String("5")));
        const QList<BoardWarning> wb = m_board->warnings(2);
        QCOMPARE(wb.size(), 1);
        QCOMPARE(wb.first().kind, BoardWarning::UnevenHosts);
        QVERIFY2(wb.first().text.contains(QLatin1String("lab1")), qPrintable(wb.first().text));
        QCOMPARE(m_board->warnings(3).first().kind, BoardWarning::UnevenHosts);
        QVERIFY2(m_board->warnings(4).isEmpty(), qPrintable(m_board->warnings(4).value(0).text));
    }

    void mismatchAgainstGroupAllocator()
    {
        // lab1 r00 runs Debian's mimalloc, lab2 r00 jemalloc, lab1 r01 glibc.
        const QString mi = key(QStringLiteral("lab1"), 0), je = key(QStringLiteral("lab2"), 0),
                      gl = key(QStringLiteral("lab1"), 1);
        m_board->moveRelays({ mi, je, gl }, 2); // B: mimalloc
        BoardColumnModel *b = m_board->columnModel(2);
        QCOMPARE(b->data(b->index(0), BoardModel::MismatchRole).toBool(), false);
        QCOMPARE(b->data(b->index(1), BoardModel::MismatchRole).toBool(), true);
        QCOMPARE(b->data(b->index(2), BoardModel::MismatchRole).toBool(), true);
        QCOMPARE(b->data(b->index(1), BoardModel::LoadedLabelRole).toString(), QStringLiteral("jemalloc"));
        QCOMPARE(m_board->mismatchCount(2), 2);
        m_board->moveRelays({ gl }, 5); // E: glibc
        QCOMPARE(m_board->mismatchCount(5), 0);
        // Unassigned relays never mismatch.
        BoardColumnModel *u = m_board->columnModel(0);
        for (int r = 0; r < u->rowCount(); ++r)
            QVERIFY(!u->data(u->index(r), BoardModel::MismatchRole).toBool());
    }

    void filterAndDropPosition()
    {
        m_board->moveRelays({ key(QStringLiteral("lab1"), 1), key(QStringLiteral("lab2"), 1),
                              key(QStringLiteral("lab1"), 2), key(QStringLiteral("lab2"), 2) },
                            1);
        m_board->setFilter(QStringLiteral("lab2"));
        BoardColumnModel *a = m_board->columnModel(1);
        QCOMPARE(a->rowCount(), 2);
        QCOMPARE(a->keyAt(1), key(QStringLiteral("lab2"), 2));
        QCOMPARE(m_board->count(1), 4); // the count ignores the filter
        // Dropped before visible row 1 = before lab2/r02 in the full order.
        std::unique_ptr<QMimeData> mime(m_board->mimeDataFor({ key(QStringLiteral("lab2"), 5) }));
        QVERIFY(a->dropMimeData(mime.get(), Qt::MoveAction, 1, 0, {}));
        QCOMPARE(m_board->columnKeys(1),
                 (QStringList { key(QStringLiteral("lab1"), 1), key(QStringLiteral("lab2"), 1),
                                key(QStringLiteral("lab1"), 2), key(QStringLiteral("lab2"), 5),
                                key(QStringLiteral("lab2"), 2) }));
        m_board->setFilter(QStringLiteral("lab1 relay1")); // every word must match
        QCOMPARE(a->rowCount(), 1);
        m_board->setFilter(QString());
        QCOMPARE(a->rowCount(), 5);
        verifyInvariant(*m_board);
    }

    void distributeIsUndoableAndSeeded()
    {
        QStringList keys;
        for (const BoardRelay &r : m_board->relays())
            keys << r.key();
        const auto before = state(*m_board);
        QString error;
        QVERIFY(m_board->distribute(keys, { 10, 10, 10, 5, 5 }, 4242, &error));
        QCOMPARE(m_board->count(1), 10);
        QCOMPARE(m_board->count(4), 5);
        QCOMPARE(m_board->count(0), 0);
        const auto first = state(*m_board);
        m_board->undoStack()->undo();
        QVERIFY(state(*m_board) == before);
        // The same seed from a differently ordered selection gives the same groups.
        std::reverse(keys.begin(), keys.end());
        QVERIFY(m_board->distribute(keys, { 10, 10, 10, 5, 5 }, 4242, &error));
        QVERIFY(state(*m_board) == first);
        QVERIFY(m_board->undoStack()->undoText().contains(QLatin1String("4242")));
        QVERIFY(!m_board->distribute(keys, { 10, 10 }, 1, &error));
        QVERIFY(!error.isEmpty());
        verifyInvariant(*m_board);
    }

    void relaysRefreshKeepsMembership()
    {
        m_board->moveRelays({ key(QStringLiteral("lab1"), 4) }, 3);
        QList<BoardRelay> fresh = labRelays();
        fresh.removeLast(); // lab2 r19 gone
        fresh[8].rssKb = 999; // lab1 r04 grew... or shrank
        m_board->setRelays(fresh);
        QCOMPARE(m_board->letterOf(key(QStringLiteral("lab1"), 4)), QStringLiteral("C"));
        QCOMPARE(m_board->relay(key(QStringLiteral("lab1"), 4)).rssKb, qint64(999));
        QCOMPARE(m_board->columnOf(key(QStringLiteral("lab2"), 19)), -1);
        verifyInvariant(*m_board);
        m_board->undoStack()->undo(); // the history is kept by key
        QCOMPARE(m_board->columnOf(key(QStringLiteral("lab1"), 4)), 0);
        verifyInvariant(*m_board);
    }

    void setGroupsKeepsLettersAndSetMembership()
    {
        m_board->moveRelays({ key(QStringLiteral("lab1"), 1) }, 2); // B
        m_board->moveRelays({ key(QStringLiteral("lab1"), 2) }, 5); // E
        QList<BoardGroup> g = fiveGroups();
        g.removeAt(4); // drop E
        g[1].label = QStringLiteral("renamed");
        m_board->setGroups(g);
        attachTesters();
        QCOMPARE(m_board->letterOf(key(QStringLiteral("lab1"), 1)), QStringLiteral("B"));
        QCOMPARE(m_board->columnOf(key(QStringLiteral("lab1"), 2)), 0);
        QVERIFY(!m_board->undoStack()->canUndo());

        QHash<QString, QString> m;
        m.insert(key(QStringLiteral("lab2"), 3), QStringLiteral("D"));
        m.insert(key(QStringLiteral("lab2"), 4), QStringLiteral("Z")); // no such group: unassigned
        m_board->setMembership(m);
        QCOMPARE(m_board->membership(),
                 (QHash<QString, QString> { { key(QStringLiteral("lab2"), 3), QStringLiteral("D") } }));
        verifyInvariant(*m_board);
    }
};

QTEST_GUILESS_MAIN(TestBoardModel)
#include "tst_boardmodel.moc"
