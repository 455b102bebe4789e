#include "models/fleetmodel.h"
#include "models/probeparser.h"
#include "ui/fleetview.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace alloclab;

namespace {
QByteArray readFixture(const QString &name)
{
    QFile f(QStringLiteral(ALLOCLAB_SOURCE_DIR "/tests/data/probe/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestFleetView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsParsedFixture()
    {
        const QByteArray lab = readFixture(QStringLiteral("lab1.txt"));
        const QByteArray local = readFixture(QStringLiteral("local-allocators.txt"));
        if (lab.isEmpty() || local.isEmpty())
            QSKIP("fixtures in tests/data/probe are missing");
        FleetModel model;
        FleetView view(&model);
        view.resize(1100, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.updateHost(QStringLiteral("lab1"), ProbeParser::parse(lab));
        model.updateHost(QStringLiteral("local"), ProbeParser::parse(local));
        model.setRoundTripMs(QStringLiteral("lab1"), 11);

        QTreeView *tree = view.treeView();
        QCOMPARE(tree->model()->rowCount(), 2);
        const QModelIndex lab1 = tree->model()->index(0, 0);
        QCOMPARE(lab1.data().toString(), QStringLiteral("lab1"));
        QVERIFY(tree->isExpanded(lab1)); // hosts open when they appear
        QCOMPARE(tree->model()->rowCount(lab1), 10);
        QVERIFY(tree->visualRect(tree->model()->index(9, 0, lab1)).isValid());

        // The mismatch badge is painted in the Loaded column of the mismatching relay.
        const QModelIndex localHost = tree->model()->index(1, 0);
        QModelIndex mismatch;
        for (int r = 0; r < tree->model()->rowCount(localHost); ++r) {
            const QModelIndex i = tree->model()->index(r, FleetModel::LoadedColumn, localHost);
            if (i.data(FleetModel::MismatchRole).toBool()) {
                mismatch = i;
                break;
            }
        }
        QVERIFY(mismatch.isValid());
        tree->scrollTo(mismatch);
        const QRect cell = tree->visualRect(mismatch);
        QVERIFY(cell.isValid());
        const QImage shot = tree->viewport()->grab().toImage();
        int amber = 0;
        for (int x = cell.left(); x <= cell.right(); ++x) {
            for (int y = cell.top(); y <= cell.bottom(); ++y) {
                const QColor c = shot.pixelColor(x, y);
                if (qAbs(c.red() - 0xE6) < 20 && qAbs(c.green() - 0x7E) < 20 && qAbs(c.blue() - 0x22) < 20)
                    ++amber;
            }
        }
        QVERIFY2(amber > 10, "no warning badge drawn on the mismatching relay");

        // Sorting by RSS uses raw kB.
        tree->sortByColumn(FleetModel::RssColumn, Qt::DescendingOrder);
        const QModelIndex first = tree->model()->index(0, FleetModel::RssColumn, tree->model()->index(0, 0));
        const QModelIndex second = tree->model()->index(1, FleetModel::RssColumn, tree->model()->index(0, 0));
        QVERIFY(first.data(FleetModel::SortRole).toLongLong()
                >= second.data(FleetModel::SortRole).toLongLong());

        // Filter box.
        QTest::keyClicks(view.filterEdit(), QStringLiteral("amberfal"));
        QCOMPARE(tree->model()->rowCount(), 1);
        QCOMPARE(tree->model()->rowCount(tree->model()->index(0, 0)), 1);
        view.filterEdit()->clear();
        QCOMPARE(tree->model()->rowCount(), 2);

        // Multi-select two relays, Ctrl+C copies TSV, the selection drags as relays.
        tree->sortByColumn(FleetModel::NameColumn, Qt::AscendingOrder);
        QSignalSpy selected(&view, &FleetView::relaySelectionChanged);
        const QModelIndex h = tree->model()->index(0, 0);
        tree->selectionModel()->select(tree->model()->index(0, 0, h),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        tree->selectionModel()->select(tree->model()->index(1, 0, h),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(selected.count() >= 1);
        QCOMPARE(view.selectedRelays().size(), 2);
        QApplication::clipboard()->clear();
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier);
        const QStringList lines
            = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("amberfalcon\t")), qPrintable(lines[0]));
        QCOMPARE(lines[0].count(QLatin1Char('\t')), FleetModel::ColumnCount - 1);

        std::unique_ptr<QMimeData> mime(tree->model()->mimeData(tree->selectionModel()->selectedIndexes()));
        QVERIFY(mime);
        const QList<RelayRef> refs = relayRefsFromMimeData(mime.get());
        QCOMPARE(refs.size(), 2);
        QCOMPARE(refs[0].host, QStringLiteral("lab1"));
        QVERIFY(tree->dragEnabled());
    }
};

QTEST_MAIN(TestFleetView)
#include "tst_fleetview.moc"
