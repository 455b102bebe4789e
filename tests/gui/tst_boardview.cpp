#include "app/database.h"
#include "app/store.h"
#include "models/assignmenthistory.h"
#include "models/boardmodel.h"
#include "models/groupcolors.h"
#include "ui/boardview.h"
#include "ui/distributedialog.h"
#include "ui/experimentdialog.h"
#include "ui/experimenttab.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDrag>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPointer>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>

using namespace alloclab;

namespace {

AllocatorCatalog labCatalog()
{
    AllocatorCatalog c;
    c.addCustom({ QStringLiteral("mimalloc301"), QStringLiteral("mimalloc"), QStringLiteral("3.0.1"),
                  QStringLiteral("/usr/local/lib/mimalloc-3.0.1/libmimalloc.so.3"), QString() });
    c.addCustom({ QStringLiteral("mimalloc217"), QStringLiteral("mimalloc"), QStringLiteral("2.1.7"),
                  QStringLiteral("/usr/local/lib/mimalloc-2.1.7/libmimalloc.so.2"), QString() });
    // What "Check on hosts" reads from dpkg on Debian 12.
    c.setVersion(QStringLiteral("mimalloc"), QStringLiteral("2.0.9"));
    c.setVersion(QStringLiteral("jemalloc"), QStringLiteral("5.3.0"));
    c.setVersion(QStringLiteral("glibc"), QStringLiteral("2.36"));
    return c;
}

QList<BoardGroup> fiveGroups()
{
    return {
        { QStringLiteral("A"), QStringLiteral("mimalloc301"), QStringLiteral("mimalloc301"), {} },
        { QStringLiteral("B"), QStringLiteral("mimalloc209"), QStringLiteral("mimalloc"), {} },
        { QStringLiteral("C"), QStringLiteral("mimalloc217"), QStringLiteral("mimalloc217"), {} },
        { QStringLiteral("D"), QStringLiteral("jemalloc"), QStringLiteral("jemalloc"), {} },
        { QStringLiteral("E"), QStringLiteral("glibc"), QStringLiteral("glibc"), {} },
    };
}

QString fingerprint(QRandomGenerator &rng)
{
    QString fp;
    for (int i = 0; i < 40; ++i)
        fp += QLatin1Char("0123456789ABCDEF"[rng.bounded(16)]);
    return fp;
}

// Relays as on the lab hosts (tor@NAME instances on lab1 and lab2).
QList<BoardRelay> labRelays(int perHost)
{
    static const char *const adjectives[]
        = { "amber",  "brisk", "cedar", "dusky", "ember", "frosty", "gentle", "hazel", "ivory",  "jolly",
            "kindly", "lunar", "misty", "noble", "onyx",  "plucky", "quiet",  "rusty", "silver", "tawny",
            "umber",  "vivid", "windy", "young", "zesty", "bold",   "calm",   "deep",  "eager",  "fair" };
    static const char *const animals[] = { "falcon", "heron", "otter", "lynx" };
    QRandomGenerator rng(2026);
    QList<BoardRelay> out;
    for (int h = 0; h < 2; ++h) {
        for (int i = 0; i < perHost; ++i) {
            BoardRelay r;
            r.host = h == 0 ? QStringLiteral("lab1") : QStringLiteral("lab2");
            const int n = h * perHost + i;
            r.instance = QLatin1String(adjectives[n % 30]) + QLatin1String(animals[n / 30 % 4]);
            r.nickname = r.instance.left(1).toUpper() + r.instance.mid(1);
            r.nickname.replace(QLatin1String(animals[n / 30 % 4]),
                               QString::fromLatin1(animals[n / 30 % 4]).left(1).toUpper()
                                   + QLatin1String(animals[n / 30 % 4] + 1));
            r.fingerprint = fingerprint(rng);
            r.rssKb = 47000 + rng.bounded(2000);
            r.loadedAllocator = QString();
            out << r;
        }
    }
    return out;
}

void sendMouse(QWidget *w, QEvent::Type type, const QPoint &pos, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QMouseEvent e(type, QPointF(pos), QPointF(w->mapToGlobal(pos)),
                  type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons, mods);
    QSpontaneKeyEvent::setSpontaneous(&e);
    QApplication::sendEvent(w, &e);
}

QPoint rowCenter(QListView *view, int row)
{
    return view->visualRect(view->model()->index(row, 0)).center();
}

void selectRows(QListView *view, const QList<int> &rows)
{
    view->selectionModel()->clearSelection();
    for (int r : rows)
        view->selectionModel()->select(view->model()->index(r, 0), QItemSelectionModel::Select);
}

} // namespace

class TestBoardView : public QObject
{
    Q_OBJECT

    std::unique_ptr<BoardModel> m_board;
    std::unique_ptr<BoardView> m_view;

private Q_SLOTS:
    void init()
    {
        m_board = std::make_unique<BoardModel>();
        m_board->setCatalog(labCatalog());
        m_board->setGroups(fiveGroups());
        m_board->setRelays(labRelays(10));
        m_view = std::make_unique<BoardView>(m_board.get());
        m_view->resize(1500, 700);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        // Shortcuts need an active window; without a window manager (Xvfb) nobody else activates it.
        QApplication::setActiveWindow(m_view.get());
        QTRY_VERIFY_WITH_TIMEOUT(m_view->isActiveWindow(), 5000);
    }
    void cleanup()
    {
        m_view.reset();
        m_board.reset();
    }

    void columnsAndHeaders()
    {
        QCOMPARE(m_board->columnCount(), 6);
        for (int c = 0; c < 6; ++c) {
            QVERIFY(m_view->columnView(c));
            QVERIFY(m_view->columnHeader(c)->isVisible());
        }
        QCOMPARE(m_view->columnView(0)->model()->rowCount(), 20);
        // Empty groups warn only in the model; the board shows no warning strip for them.
        QVERIFY(!m_view->findChild<QLabel *>(QStringLiteral("boardColumnWarnings1"))->isVisible());
        m_board->moveRelays(m_board->columnKeys(0).mid(0, 3), 1);
        auto *warn = m_view->findChild<QLabel *>(QStringLiteral("boardColumnWarnings1"));
        QVERIFY(warn->isVisible());
        QVERIFY2(warn->text().contains(QLatin1String("too few")), qPrintable(warn->text()));
    }

    // A real drag: press on a selected card and move past the drag distance, so QAbstractItemView
    // itself builds the QDrag from the column model's mimeData() and calls QDrag::exec().
    // How the drop is delivered depends on the platform:
    //  - offscreen (ctest): its QPlatformDrag returns IgnoreAction at once, without a drag loop. The
    //    QDrag the view created (its child, only deleteLater()'d) is taken and its MIME data is
    //    delivered to the target viewport as the DragEnter/DragMove/Drop events a platform sends.
    //  - xcb and others (e.g. under Xvfb): QDrag::exec runs a nested loop following the mouse through
    //    an application event filter; a timer that fires inside that loop moves over the target and
    //    releases.
    // Either way the target's real QListView::dropEvent and the model's dropMimeData do the move.
    void dragBetweenViewsWithMouse()
    {
        QListView *from = m_view->columnView(0);
        QListView *to = m_view->columnView(2);
        selectRows(from, { 1, 2, 4 });
        const QStringList dragged = m_view->selectedKeys();
        QCOMPARE(dragged.size(), 3);
        const auto before = m_board->columnKeys(0);

        const QPoint target(to->viewport()->width() / 2, 20);
        const bool nestedLoop = QGuiApplication::platformName() != QLatin1String("offscreen");
        bool released = false;
        if (nestedLoop)
            QTimer::singleShot(0, this, [&] {
                sendMouse(to->viewport(), QEvent::MouseMove, target, Qt::LeftButton);
                sendMouse(to->viewport(), QEvent::MouseMove, target + QPoint(0, 2), Qt::LeftButton);
                sendMouse(to->viewport(), QEvent::MouseButtonRelease, target + QPoint(0, 2), Qt::NoButton);
                released = true;
            });
        const QPoint start = rowCenter(from, 2);
        sendMouse(from->viewport(), QEvent::MouseButtonPress, start, Qt::LeftButton);
        sendMouse(from->viewport(), QEvent::MouseMove,
                  start + QPoint(QApplication::startDragDistance() + 5, 0), Qt::LeftButton);
        sendMouse(from->viewport(), QEvent::MouseMove,
                  start + QPoint(QApplication::startDragDistance() + 15, 8), Qt::LeftButton);
        // The view's QDrag is a child of the view, deleted later: still here after exec() returned.
        QPointer<QDrag> drag = from->findChild<QDrag *>();
        QVERIFY2(drag, "the view did not start a drag");
        QVERIFY(drag->mimeData()->hasFormat(QLatin1String(kRelayMimeType)));
        QCOMPARE(decodeRelayRefs(drag->mimeData()->data(QLatin1String(kRelayMimeType))).size(), 3);
        if (nestedLoop) {
            QTRY_VERIFY_WITH_TIMEOUT(released, 5000);
        } else {
            sendMouse(from->viewport(), QEvent::MouseButtonRelease, start, Qt::NoButton);
            QMimeData *mime = drag->mimeData();
            QDragEnterEvent enter(target, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                                  Qt::NoModifier);
            QApplication::sendEvent(to->viewport(), &enter);
            QVERIFY(enter.isAccepted());
            QDragMoveEvent move(target, Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                                Qt::NoModifier);
            QApplication::sendEvent(to->viewport(), &move);
            QVERIFY(move.isAccepted());
            QDropEvent drop(QPointF(target), Qt::CopyAction | Qt::MoveAction, mime, Qt::LeftButton,
                            Qt::NoModifier);
            QApplication::sendEvent(to->viewport(), &drop);
            QVERIFY(drop.isAccepted());
        }

        QCOMPARE(m_board->columnKeys(2), dragged);
        QCOMPARE(m_board->count(0), 17);
        for (const QString &k : dragged)
            QCOMPARE(m_board->letterOf(k), QStringLiteral("B"));

        // Undo with the keyboard restores the exact previous Unassigned order.
        QTest::keyClick(from, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_board->columnKeys(0), before);
        QCOMPARE(m_board->count(2), 0);
        QTest::keyClick(from, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_board->columnKeys(2), dragged);
    }

    // What the fleet dock delivers: an external drag (Copy) of application/x-alloclab-relays,
    // delivered as the drag-enter/move/drop sequence a platform sends to the viewport.
    void dropFromFleetOnView()
    {
        QListView *to = m_view->columnView(4);
        QList<RelayRef> refs;
        for (const QString &k : m_board->columnKeys(0).mid(5, 2)) {
            const BoardRelay r = m_board->relay(k);
            RelayRef ref = r.ref();
            ref.fingerprint.clear(); // host/instance must be enough
            refs << ref;
        }
        auto mime = std::make_unique<QMimeData>();
        mime->setData(QLatin1String(kRelayMimeType), encodeRelayRefs(refs));
        const QPoint pos(to->viewport()->width() / 2, 10);
        QDragEnterEvent enter(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(to->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(to->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(to->viewport(), &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(m_board->count(4), 2);
        QCOMPARE(m_board->relay(m_board->columnKeys(4).first()).instance, refs.first().instance);
    }

    void dropOnHeaderAppends()
    {
        m_board->moveRelays(m_board->columnKeys(0).mid(0, 2), 3);
        std::unique_ptr<QMimeData> mime(m_board->mimeDataFor({ m_board->columnKeys(0).last() }));
        const QString key = m_board->columnKeys(0).last();
        BoardColumnHeader *header = m_view->columnHeader(3);
        const QPoint pos = header->rect().center();
        QDragEnterEvent enter(pos, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(header, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(pos), Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(header, &drop);
        QCOMPARE(m_board->columnKeys(3).last(), key);
        QCOMPARE(m_board->count(3), 3);
    }

    void keyboardMove()
    {
        QListView *from = m_view->columnView(0);
        from->setFocus();
        selectRows(from, { 0, 3 });
        const QStringList keys = m_view->selectedKeys();
        QTest::keyClick(from, Qt::Key_4, Qt::AltModifier); // to D
        QCOMPARE(m_board->columnKeys(4), keys);
        // The keyboard stays in Unassigned, on the relay that moved up into row 0.
        QVERIFY(from->hasFocus());
        QCOMPARE(from->currentIndex().row(), 0);
        QCOMPARE(m_view->selectedKeys(), QStringList { m_board->columnKeys(0).first() });
        // Alt+0 sends relays back; Delete too.
        m_view->columnView(4)->setFocus();
        selectRows(m_view->columnView(4), { 0 });
        QTest::keyClick(m_view->columnView(4), Qt::Key_0, Qt::AltModifier);
        QCOMPARE(m_board->count(4), 1);
        selectRows(m_view->columnView(4), { 0 });
        QTest::keyClick(m_view->columnView(4), Qt::Key_Delete);
        QCOMPARE(m_board->count(4), 0);
        QCOMPARE(m_board->count(0), 20);
    }

    void contextMenuMove()
    {
        QListView *from = m_view->columnView(0);
        selectRows(from, { 2, 5, 6 });
        const QStringList keys = m_view->selectedKeys();
        bool sawMenu = false;
        QString moveTexts;
        QTimer::singleShot(0, this, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            auto *move = menu->findChild<QMenu *>(QStringLiteral("menuMoveToGroup"));
            if (!move)
                return;
            sawMenu = true;
            for (QAction *a : move->actions())
                moveTexts += a->text() + QLatin1Char('|');
            for (QAction *a : move->actions())
                if (a->objectName() == QLatin1String("actionMoveTo3"))
                    a->trigger();
            menu->close();
        });
        const QPoint pos = rowCenter(from, 5);
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, from->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(from->viewport(), &event);
        QVERIFY(sawMenu);
        QVERIFY2(moveTexts.contains(QStringLiteral("C · mimalloc217 — mimalloc 2.1.7")),
                 qPrintable(moveTexts));
        QCOMPARE(m_board->columnKeys(3), keys);
    }

    void oneColumnHoldsTheSelection()
    {
        m_board->moveRelays(m_board->columnKeys(0).mid(0, 2), 1);
        selectRows(m_view->columnView(0), { 0 });
        selectRows(m_view->columnView(1), { 1 });
        QVERIFY(!m_view->columnView(0)->selectionModel()->hasSelection());
        QCOMPARE(m_view->selectionColumn(), 1);
    }

    void filterNarrowsEveryColumn()
    {
        m_board->moveRelays(m_board->columnKeys(0).mid(8, 4), 1); // 2 on lab1, 2 on lab2
        QTest::keyClicks(m_view->filterEdit(), QStringLiteral("lab2"));
        QCOMPARE(m_board->filter(), QStringLiteral("lab2"));
        QCOMPARE(m_view->columnView(0)->model()->rowCount(), 8);
        QCOMPARE(m_view->columnView(1)->model()->rowCount(), 2);
        m_view->filterEdit()->clear();
        QCOMPARE(m_view->columnView(0)->model()->rowCount(), 16);
    }

    void distributeDialog()
    {
        const QStringList keys = m_board->columnKeys(0);
        DistributeDialog dialog(m_board.get(), keys, 31337);
        QCOMPARE(dialog.seed(), quint64(31337));
        QCOMPARE(dialog.sizes(), (QList<int> { 4, 4, 4, 4, 4 }));
        dialog.setSizes({ 6, 4, 4, 2, 2 });
        // The preview is the real draw: per-host counts add up to the size.
        const QString a = dialog.previewText(0);
        QVERIFY2(a.contains(QLatin1String("lab1 3")) && a.contains(QLatin1String("lab2 3")), qPrintable(a));
        QVERIFY(m_board->distribute(keys, dialog.sizes(), dialog.seed()));
        QCOMPARE(m_board->count(1), 6);
        QCOMPARE(m_board->count(0), 2);
        QVERIFY(m_board->undoStack()->undoText().contains(QLatin1String("31337")));
        dialog.setSizes({ 10, 10, 10, 10, 10 });
        QVERIFY(dialog.findChild<QDialogButtonBox *>() != nullptr);
    }

    void experimentDialog()
    {
        ExperimentDialog dialog(labCatalog());
        QVERIFY(!dialog.validationError().isEmpty()); // no name yet
        dialog.findChild<QLineEdit *>(QStringLiteral("experimentName"))->setText(QStringLiteral("5-way"));
        QVERIFY2(dialog.validationError().isEmpty(), qPrintable(dialog.validationError()));
        dialog.addGroup(QStringLiteral("mimalloc301"), QStringLiteral("mimalloc301"));
        const ExperimentRecord e = dialog.experiment();
        QCOMPARE(e.name, QStringLiteral("5-way"));
        QCOMPARE(e.groups.size(), 4);
        QCOMPARE(e.groups.at(3).letter, QStringLiteral("D"));
        QCOMPARE(e.groups.at(3).allocatorId, QStringLiteral("mimalloc301"));
        QCOMPARE(e.groups.at(3).colour, groupColorName(QStringLiteral("D")));
        QCOMPARE(e.startMs, qint64(0));
        dialog.groupsTable()->item(1, 1)->setText(QStringLiteral("bad label"));
        QVERIFY(dialog.validationError().contains(QLatin1String("B")));
    }

    // The tab with a real store: loads the newest experiment, saves every move (coalesced) on the
    // store's writer thread; a second connection sees the saved membership.
    void experimentTabPersistsMoves()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("board.sqlite"));
        Id experimentId = 0;
        {
            Database db;
            QVERIFY(db.open(path));
            const Id host
                = db.upsertHost(HostRecord { 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} });
            PollWrite poll;
            poll.hostId = host;
            poll.tsMs = 1767225600000;
            for (int i = 0; i < 6; ++i) {
                RelayRecord r;
                r.hostId = host;
                r.server = QStringLiteral("lab1");
                r.instance = QStringLiteral("r%1").arg(i);
                r.nickname = QStringLiteral("relay%1").arg(i);
                poll.relays << r;
                SampleRecord s;
                s.rssKb = 50000 + i;
                poll.samples << s;
            }
            QVERIFY(db.insertPoll(poll));
            ExperimentRecord e;
            e.name = QStringLiteral("persist");
            e.groups = { GroupRecord { 0, 0, QStringLiteral("A"), QStringLiteral("mi"),
                                       QStringLiteral("mimalloc"), groupColorName(QStringLiteral("A")) },
                         GroupRecord { 0, 0, QStringLiteral("B"), QStringLiteral("gl"),
                                       QStringLiteral("glibc"), groupColorName(QStringLiteral("B")) } };
            experimentId = db.upsertExperiment(e);
            QVERIFY(experimentId);
        }
        Store store;
        QSignalSpy opened(&store, &Store::opened);
        store.open(path);
        QVERIFY(opened.wait(10000));
        ExperimentTab tab;
        QSignalSpy loaded(&tab, &ExperimentTab::experimentLoaded);
        tab.setStore(&store);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().first().toString(), QStringLiteral("persist"));
        QCOMPARE(tab.currentWidget(), static_cast<QWidget *>(tab.boardView()));
        BoardModel *board = tab.board();
        QCOMPARE(board->count(0), 6);
        QCOMPARE(board->relay(QStringLiteral("lab1/r3")).rssKb, qint64(50003));

        board->moveRelays({ QStringLiteral("lab1/r1"), QStringLiteral("lab1/r2") }, 1);
        board->moveRelays({ QStringLiteral("lab1/r5") }, 2);
        board->undoStack()->undo(); // what is saved is the state after the undo
        Database reader;
        QVERIFY(reader.open(path));
        QTRY_COMPARE_WITH_TIMEOUT(assignments::current(reader.assignments(experimentId)).size(), 2, 10000);
        const QHash<Id, Id> current = assignments::current(reader.assignments(experimentId));
        const ExperimentRecord e = *reader.experiment(experimentId);
        for (const RelayRecord &r :
             reader.findRelays(QStringLiteral("relay1")) + reader.findRelays(QStringLiteral("relay2")))
            QCOMPARE(current.value(r.id), e.groups.at(0).id);

        // Loading again shows the same board.
        ExperimentTab again;
        QSignalSpy loadedAgain(&again, &ExperimentTab::experimentLoaded);
        again.setStore(&store);
        QVERIFY(loadedAgain.wait(10000));
        QCOMPARE(again.board()->columnKeys(1),
                 (QStringList { QStringLiteral("lab1/r1"), QStringLiteral("lab1/r2") }));
    }

    // The README screenshot: 5 groups of lab relays. Written to $ALLOCLAB_SCREENSHOT when set.
    void screenshot()
    {
        m_view.reset();
        m_board = std::make_unique<BoardModel>();
        m_board->setCatalog(labCatalog());
        m_board->setGroups(fiveGroups());
        QList<BoardRelay> relays = labRelays(30);
        // Memory as measured in the published 5-way experiment (mean GiB per group) and, for the
        // relays already restarted, the allocator really loaded.
        const double meanGib[] = { 8.62, 1.28, 1.72, 2.64, 4.01 };
        const QString loaded[] = { QStringLiteral("/usr/local/lib/mimalloc-3.0.1/libmimalloc.so.3.0"),
                                   QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0"),
                                   QStringLiteral("/usr/local/lib/mimalloc-2.1.7/libmimalloc.so.2.1"),
                                   QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"), QString() };
        QStringList keys;
        for (const BoardRelay &r : relays)
            keys << r.key();
        m_board->setRelays(relays);
        QVERIFY(m_board->distribute(keys, { 12, 12, 12, 12, 8 }, 20260108));
        QRandomGenerator rng(7);
        for (BoardRelay &r : relays) {
            const int c = m_board->columnOf(r.key());
            if (c >= 1) {
                r.rssKb = qint64(meanGib[c - 1] * (0.8 + 0.4 * rng.generateDouble()) * 1024 * 1024);
                r.loadedAllocator
                    = rng.bounded(9) == 0 ? QString() : loaded[c - 1]; // a few not restarted yet
            } else {
                // Unassigned: relays known only from the imported history, shown as "last seen".
                r.rssKb = qint64((3.5 + rng.generateDouble()) * 1024 * 1024);
                r.loadedAllocator = QStringLiteral("?");
                r.lastSeenMs = QDateTime(QDate(2026, 1, 8), QTime(20, 47), Qt::UTC).toMSecsSinceEpoch();
            }
        }
        m_board->setRelays(relays);
        // An uneven group, as contiguous blocks produce: B gets lab1 relays only.
        QStringList lab1Unassigned;
        for (const QString &k : m_board->columnKeys(0))
            if (m_board->relay(k).host == QLatin1String("lab1"))
                lab1Unassigned << k;
        m_board->moveRelays(lab1Unassigned.mid(0, 4), 2);
        QStringList bLab2;
        for (const QString &k : m_board->columnKeys(2))
            if (m_board->relay(k).host == QLatin1String("lab2"))
                bLab2 << k;
        m_board->moveRelays(bLab2, 0);

        m_view = std::make_unique<BoardView>(m_board.get());
        m_view->setExperiment(
            QStringLiteral("5-way allocator comparison"),
            QStringLiteral("mimalloc 2.0.9 keeps relays below half of glibc's RSS; 3.0.1 regresses"));
        m_view->resize(1600, 820);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->columnView(1)->selectionModel()->select(m_view->columnView(1)->model()->index(2, 0),
                                                        QItemSelectionModel::Select);
        const QImage image = m_view->grab().toImage();
        QCOMPARE(image.size(), m_view->size() * m_view->devicePixelRatio());

        // Each header carries its group's colour.
        for (int c = 1; c <= 5; ++c) {
            BoardColumnHeader *h = m_view->columnHeader(c);
            const QPoint p = h->mapTo(m_view.get(), QPoint(h->width() - 60, 4));
            QCOMPARE(image.pixelColor(p).name(), m_board->columnColour(c).name());
        }
        QTemporaryDir tmp;
        const QString path = qEnvironmentVariableIsSet("ALLOCLAB_SCREENSHOT")
            ? qEnvironmentVariable("ALLOCLAB_SCREENSHOT")
            : tmp.filePath(QStringLiteral("board.png"));
        QDir().mkpath(QFileInfo(path).absolutePath());
        QVERIFY(image.save(path));
        qInfo("screenshot: %s", qPrintable(path));

        // The two dialogs beside it, for the documentation.
        DistributeDialog distribute(m_board.get(), m_board->columnKeys(0) + m_board->columnKeys(2), 20260108);
        distribute.setSizes({ 3, 3, 3, 2, 1 });
        distribute.show();
        QVERIFY(QTest::qWaitForWindowExposed(&distribute));
        const QImage d = distribute.grab().toImage();
        QVERIFY(!d.isNull());
        QVERIFY(d.save(QFileInfo(path).absoluteDir().filePath(QStringLiteral("distribute.png"))));
        ExperimentDialog experiment(labCatalog());
        experiment.findChild<QLineEdit *>(QStringLiteral("experimentName"))
            ->setText(QStringLiteral("5-way allocator comparison"));
        experiment.show();
        QVERIFY(QTest::qWaitForWindowExposed(&experiment));
        QVERIFY(experiment.grab().toImage().save(
            QFileInfo(path).absoluteDir().filePath(QStringLiteral("experiment-dialog.png"))));
    }
};

QTEST_MAIN(TestBoardView)
#include "tst_boardview.moc"
