// The Summary tab on real SQLite files: verdict table, colours, Markdown, "Roll out the winner".
#include "app/database.h"
#include "app/importer.h"
#include "ui/summaryview.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace alloclab;

namespace {
const QString kData = QStringLiteral(ALLOCLAB_SOURCE_DIR "/tests/data/torutils");

QString importFixture(const QTemporaryDir &tmp)
{
    const QString path = tmp.filePath(QStringLiteral("s.sqlite"));
    Database db;
    if (!db.open(path))
        return {};
    ImportOptions o;
    o.paths = { kData + QStringLiteral("/mixed") };
    o.groupFiles = { QStringLiteral("group_B_mimalloc209_historical.txt") };
    const ImportReport r = Importer::run(db, o);
    return r.ok ? path : QString();
}
} // namespace

class TestSummaryView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsVerdictTable()
    {
        QTemporaryDir tmp;
        const QString db = importFixture(tmp);
        QVERIFY(!db.isEmpty());
        SummaryView view(db);
        QSignalSpy changed(&view, &SummaryView::summaryChanged);
        QVERIFY(changed.wait(10000));
        QStandardItemModel *m = view.model();
        QCOMPARE(m->rowCount(), 2);
        QCOMPARE(m->columnCount(), int(SummaryView::ColumnCount));
        QStringList letters;
        for (int r = 0; r < m->rowCount(); ++r) {
            letters << m->item(r, SummaryView::Group)->text();
            // Numbers right-aligned, the group carries its colour swatch.
            QCOMPARE(m->item(r, SummaryView::Mean)->textAlignment(), Qt::AlignRight | Qt::AlignVCenter);
            QVERIFY(!m->item(r, SummaryView::Group)->icon().isNull());
            QVERIFY(m->item(r, SummaryView::Mean)->text().contains(QLatin1Char('.')));
        }
        QCOMPARE(letters.size(), 2);
        QCOMPARE(m->item(0, SummaryView::Rank)->text(), QStringLiteral("1"));
        QCOMPARE(m->item(0, SummaryView::Ratio)->text(), QStringLiteral("1.0x"));
        const QStandardItem *best = m->item(0, SummaryView::Recommendation);
        QCOMPARE(best->data(Qt::UserRole).toString(), QStringLiteral("Use this"));
        QCOMPARE(best->foreground().color(), QColor(QStringLiteral("#1a7f37")));
        QCOMPARE(view.summary().groups.size(), 2);
        QCOMPARE(summaryGroupColor(QStringLiteral("A")), QColor(QStringLiteral("#0072B2")));
        QCOMPARE(summaryGroupColor(QStringLiteral("E")), QColor(QStringLiteral("#D55E00")));
    }

    void copyAsMarkdownPutsTableOnClipboard()
    {
        QTemporaryDir tmp;
        const QString db = importFixture(tmp);
        QVERIFY(!db.isEmpty());
        SummaryView view(db);
        QSignalSpy changed(&view, &SummaryView::summaryChanged);
        QVERIFY(changed.wait(10000));
        QApplication::clipboard()->setText(QStringLiteral("before"));
        auto *copy = view.findChild<QPushButton *>(QStringLiteral("summaryCopyMarkdown"));
        QVERIFY(copy && copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        const QString md = QApplication::clipboard()->text();
        QCOMPARE(md, view.summary().toMarkdown());
        QVERIFY(md.startsWith(QLatin1String("| ")));
        int tableLines = 0;
        for (const QString &line : md.split(QLatin1Char('\n')))
            tableLines += line.startsWith(QLatin1Char('|'));
        QCOMPARE(tableLines, 2 + 2); // header, rule, two groups
    }

    void rolloutEmitsWinnersAllocator()
    {
        QTemporaryDir tmp;
        const QString db = importFixture(tmp);
        QVERIFY(!db.isEmpty());
        SummaryView view(db);
        QSignalSpy changed(&view, &SummaryView::summaryChanged);
        QVERIFY(changed.wait(10000));
        QSignalSpy rollout(&view, &SummaryView::rolloutRequested);
        auto *button = view.findChild<QPushButton *>(QStringLiteral("summaryRollout"));
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(rollout.size(), 1);
        QVERIFY(!rollout.at(0).at(0).toString().isEmpty());
        QCOMPARE(rollout.at(0).at(0).toString(), view.winnerAllocatorId());
    }

    void staleAnswersAreDropped()
    {
        QTemporaryDir tmp;
        const QString db = importFixture(tmp);
        QVERIFY(!db.isEmpty());
        SummaryView view(db);
        QSignalSpy changed(&view, &SummaryView::summaryChanged);
        // Three questions in a row: only the last one's answer is shown.
        view.setSnapshotTime(1); // before any sample
        view.refresh();
        view.setSnapshotTime(0);
        QVERIFY(changed.wait(10000));
        QTest::qWait(200); // let any (wrongly) delivered stale answer arrive
        QCOMPARE(changed.size(), 1);
        QCOMPARE(view.model()->rowCount(), 2);
    }

    void emptyDatabaseSaysWhatToDo()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("empty.sqlite"));
        {
            Database db;
            QVERIFY(db.open(path));
        }
        SummaryView view(path);
        QSignalSpy failed(&view, &SummaryView::queryFailed);
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("no experiment")));
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("summaryRollout"))->isEnabled());
    }

    // Before the first poll or import there is no database file: an empty state that says what
    // to do, not a failure in the activity log, and no file is created by looking.
    void noDatabaseYetIsAnEmptyState()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("later.sqlite"));
        SummaryView view(path);
        QSignalSpy failed(&view, &SummaryView::queryFailed);
        QSignalSpy changed(&view, &SummaryView::summaryChanged);
        QVERIFY(changed.wait(10000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(view.model()->rowCount(), 0);
        bool said = false;
        const QList<QLabel *> labels = view.findChildren<QLabel *>();
        for (const QLabel *l : labels)
            said = said || l->text().contains(QStringLiteral("File → Import…"));
        QVERIFY(said);
        QVERIFY(!QFileInfo::exists(path));
    }
};

QTEST_MAIN(TestSummaryView)
#include "tst_summaryview.moc"
