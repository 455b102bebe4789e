// File → Import… through the dialog's code path (the Importer's thread), on real SQLite files.
#include "app/database.h"
#include "app/summaryquery.h"
#include "app/translator.h"
#include "ui/exportdialog.h"
#include "ui/importdialog.h"
#include "ui/summaryview.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace alloclab;

namespace {
const QString kData = QStringLiteral(ALLOCLAB_SOURCE_DIR "/tests/data/torutils");
const QString kReal = QStringLiteral(ALLOCLAB_SOURCE_DIR "/../shared/datasets/torutils-5way");

ImportReport runDialog(ImportDialog &d)
{
    QSignalSpy done(&d, &ImportDialog::importFinished);
    d.startImport();
    if (!done.wait(120000))
        return {};
    return d.lastReport();
}

bool plan(ImportDialog &d, const QStringList &paths)
{
    QSignalSpy ready(&d, &ImportDialog::planReady);
    d.setPaths(paths);
    return ready.wait(10000);
}

// Screenshots for docs/: ALLOCLAB_SCREENSHOT_DIR=docs/screenshots
void shoot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("ALLOCLAB_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    w->show();
    QTest::qWait(50);
    w->grab().save(QDir(dir).filePath(name));
}
} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("AllocLabTest"));
        // As the application does for an English user: "11 files", not "11 file(s)".
        alloclab::installTranslators(*QCoreApplication::instance(), QStringLiteral("en"));
    }

    void previewsAndGroupMapping()
    {
        QTemporaryDir tmp;
        const QString db = tmp.filePath(QStringLiteral("i.sqlite"));
        ImportDialog d(db);
        QVERIFY(plan(d, { kData + QStringLiteral("/mixed") }));
        QCOMPARE(d.filesTable()->rowCount(), 6);
        QVERIFY(d.previewText(kData + QStringLiteral("/mixed/memory.csv"))
                    .startsWith(QLatin1String("nickname,group,timestamp")));
        QCOMPARE(d.groupLetters(), QStringList({ QStringLiteral("A"), QStringLiteral("B") }));
        QCOMPARE(d.groupFileChoices(QStringLiteral("B")).size(), 2);
        // The historical file is offered first for a comparison; the operator may choose the other.
        QVERIFY(
            d.options().groupFiles.value(0).endsWith(QLatin1String("group_B_mimalloc209_historical.txt")));
        QVERIFY(d.chooseGroupFile(QStringLiteral("B"), QStringLiteral("group_B_mimalloc209.txt")));
        QVERIFY(!d.chooseGroupFile(QStringLiteral("B"), QStringLiteral("nope.txt")));
        d.setGroupAllocator(QStringLiteral("A"), QStringLiteral("jemalloc"));
        d.setExperimentName(QStringLiteral("fixture"));
        const ImportReport r = runDialog(d);
        QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QVERIFY(r.samplesAdded > 0);
        QCOMPARE(r.experiment, QStringLiteral("fixture"));
        Database check;
        QVERIFY(check.open(db, Database::OpenMode::ExistingOnly));
        const auto exp = check.experiment(QStringLiteral("fixture"));
        QVERIFY(exp);
        QCOMPARE(exp->groups.size(), 2);
        QCOMPARE(exp->groups.at(0).allocatorId, QStringLiteral("jemalloc")); // the table's edit
        QCOMPARE(exp->groups.at(1).allocatorId, QStringLiteral("mimalloc"));
    }

    void timeZoneIsRemembered()
    {
        QTemporaryDir tmp;
        const QString db = tmp.filePath(QStringLiteral("z.sqlite"));
        {
            ImportDialog d(db);
            QCOMPARE(d.timeZoneId(), QByteArray("UTC"));
            d.setTimeZoneId("Europe/Berlin");
            QVERIFY(plan(d, { kData + QStringLiteral("/mixed/events.csv") }));
            QCOMPARE(d.options().naiveZone, QTimeZone("Europe/Berlin"));
            QVERIFY(runDialog(d).ok);
        }
        ImportDialog again(db);
        QCOMPARE(again.timeZoneId(), QByteArray("Europe/Berlin"));
        again.setTimeZoneId("UTC");
        QVERIFY(plan(again, { kData + QStringLiteral("/mixed/events.csv") }));
        QVERIFY(runDialog(again).ok); // leaves UTC remembered for the other tests
    }

    void badRowsListedAndCopyable()
    {
        QTemporaryDir tmp;
        const QString db = tmp.filePath(QStringLiteral("b.sqlite"));
        ImportDialog d(db);
        QVERIFY(plan(d, { kData + QStringLiteral("/bad/memory.csv") }));
        const ImportReport r = runDialog(d);
        QVERIFY(!r.ok);
        QVERIFY(!r.errors.isEmpty());
        QVERIFY2(d.resultText().contains(QLatin1String("memory.csv:")), qPrintable(d.resultText()));
        d.copyErrors();
        QCOMPARE(QApplication::clipboard()->text(), r.errors.join(QLatin1Char('\n')));
        Database check;
        QVERIFY(check.open(db, Database::OpenMode::ExistingOnly));
        QCOMPARE(check.counts().samples, 0);
    }

    // relay_config.csv values are counted in the result, once: a second import changes none.
    void relaySettingsCounted()
    {
        QTemporaryDir tmp;
        const QString csv = tmp.filePath(QStringLiteral("relay_config.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("server,nickname,allocator,config\ngo,alpha,mimalloc,/usr/lib/x86_64-linux-gnu/"
                    "libmimalloc.so.2\ngo,beta,glibc,\n");
        }
        const QString db = tmp.filePath(QStringLiteral("s.sqlite"));
        for (const bool first : { true, false }) {
            ImportDialog d(db);
            QVERIFY(plan(d, { csv }));
            const ImportReport r = runDialog(d);
            QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
            QCOMPARE(r.settingsAdded, first ? 4 : 0);
            QString status;
            const QList<QLabel *> labels = d.findChildren<QLabel *>();
            for (const QLabel *l : labels)
                if (l->text().startsWith(QLatin1String("Imported:")))
                    status = l->text();
            QVERIFY(!status.isEmpty());
            QCOMPARE(status.contains(QLatin1String("4 relay settings new or changed.")), first);
            if (first)
                shoot(&d, QStringLiteral("import-settings.png"));
        }
    }

    void cancelLeavesDatabaseUnchanged()
    {
        QTemporaryDir tmp;
        const QString db = tmp.filePath(QStringLiteral("c.sqlite"));
        DatabaseCounts before;
        {
            Database first;
            QVERIFY(first.open(db));
            ImportOptions o;
            o.paths = { kData + QStringLiteral("/mixed") };
            o.groupFiles = { QStringLiteral("group_B_mimalloc209_historical.txt") };
            QVERIFY(Importer::run(first, o).ok);
            before = first.counts();
        }
        // A history big enough for several progress ticks (the importer checks every 4096 rows).
        const QString big = tmp.filePath(QStringLiteral("memory.csv"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray b
                = "timestamp,server,type,fingerprint,nickname,rss_kb,vmsize_kb,hwm_kb,frag_ratio,count,"
                  "total_kb,avg_kb,min_kb,max_kb\n";
            for (int s = 0; s < 300; ++s) {
                const QByteArray ts = QDateTime(QDate(2026, 2, 1), QTime(0, 0), QTimeZone::utc())
                                          .addSecs(s * 3600)
                                          .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                                          .toLatin1();
                for (int r = 0; r < 200; ++r)
                    b += ts + ",big,relay,,relay" + QByteArray::number(r) + ",1000,3000,1100,3.00,,,,,\n";
            }
            f.write(b);
        }
        ImportDialog d(db);
        QVERIFY(plan(d, { big }));
        QSignalSpy done(&d, &ImportDialog::importFinished);
        d.startImport();
        QVERIFY(d.isImporting());
        d.cancelImport();
        QVERIFY(done.wait(120000));
        QVERIFY(d.lastReport().cancelled);
        QVERIFY(!d.lastReport().ok);
        QVERIFY(!d.isImporting());
        Database check;
        QVERIFY(check.open(db, Database::OpenMode::ExistingOnly));
        QVERIFY(check.counts() == before);
    }

    void exportDialogWritesTheFolder()
    {
        QTemporaryDir tmp;
        const QString db = tmp.filePath(QStringLiteral("e.sqlite"));
        {
            Database first;
            QVERIFY(first.open(db));
            ImportOptions o;
            o.paths = { kData + QStringLiteral("/mixed") };
            o.groupFiles = { QStringLiteral("group_B_mimalloc209_historical.txt") };
            QVERIFY(Importer::run(first, o).ok);
        }
        ExportDialog d(db);
        QSignalSpy loaded(&d, &ExportDialog::listsLoaded);
        QVERIFY(loaded.wait(10000));
        d.setExperiment(QStringLiteral("mixed"));
        QCOMPARE(d.options().experiment, QStringLiteral("mixed"));
        const QString out = tmp.filePath(QStringLiteral("out"));
        d.setTargetDir(out);
        QSignalSpy done(&d, &ExportDialog::exportFinished);
        d.startExport();
        QVERIFY(done.wait(30000));
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/memory.csv")));
        QVERIFY(
            !QDir(out + QStringLiteral("/groups")).entryList({ QStringLiteral("group_*.txt") }).isEmpty());
        // What we wrote imports again, into a fresh database, without an error.
        Database again;
        QVERIFY(again.open(tmp.filePath(QStringLiteral("again.sqlite"))));
        ImportOptions o;
        o.paths = { out };
        const ImportReport r = Importer::run(again, o);
        QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QVERIFY(r.samplesAdded > 0);
    }

    void realDatasetThroughDialog()
    {
        if (!QFileInfo::exists(kReal + QStringLiteral("/memory.csv")))
            QSKIP("../shared/datasets/torutils-5way is absent; the ground-truth check needs it");
        QTemporaryDir tmp;
        const QString db = tmp.filePath(QStringLiteral("real.sqlite"));
        ImportDialog d(db);
        QVERIFY(plan(d, { kReal }));
        QCOMPARE(d.groupLetters().join(QString()), QStringLiteral("ABCDE"));
        for (const QString &f : { QStringLiteral("group_B_mimalloc209_historical.txt"),
                                  QStringLiteral("group_C_mimalloc217_historical.txt"),
                                  QStringLiteral("group_E_glibc_historical.txt") })
            QVERIFY(d.chooseGroupFile(f.mid(6, 1), f));
        // memory.csv is selected first, so the preview shows its header and first rows.
        QVERIFY(d.filesTable()->selectedItems().value(0)->text().endsWith(QLatin1String("memory.csv")));
        shoot(&d, QStringLiteral("import.png"));
        const ImportReport r = runDialog(d);
        QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.groups, 5);
        // The overlap quirk of the published files is reported, not hidden.
        QVERIFY(r.warnings.join(QLatin1Char('\n')).contains(QLatin1String("more than one group")));

        SummaryView view(db);
        view.resize(980, 300);
        QSignalSpy changed(&view, &SummaryView::summaryChanged);
        view.setSnapshotTime(
            QDateTime(QDate(2026, 1, 8), QTime(20, 47, 2), QTimeZone::utc()).toMSecsSinceEpoch());
        QVERIFY(changed.wait(20000));
        QStringList got;
        for (int row = 0; row < view.model()->rowCount(); ++row)
            got << view.model()->item(row, SummaryView::Group)->text() + QLatin1Char(' ')
                    + view.model()->item(row, SummaryView::Mean)->text();
        QCOMPARE(got.join(QStringLiteral(", ")), QStringLiteral("B 1.28, C 1.72, D 2.64, E 4.01, A 8.62"));
        QCOMPARE(view.model()->item(4, SummaryView::Ratio)->text(), QStringLiteral("6.7x"));
        QCOMPARE(view.model()->item(4, SummaryView::Recommendation)->data(Qt::UserRole).toString(),
                 QStringLiteral("Avoid"));
        QCOMPARE(view.winnerAllocatorId(), QStringLiteral("mimalloc"));
        shoot(&view, QStringLiteral("summary.png"));
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
