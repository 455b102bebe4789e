// The Allocators dialog without hosts: the catalog, adding and editing a custom entry, refusing a
// hostile path, per-host paths, and the edits reaching the store. The check against real hosts is
// in tests/integration/tst_allocatorsdialog_lab.cpp.

#include "app/database.h"
#include "app/store.h"
#include "models/boardmodel.h"
#include "ui/allocatorsdialog.h"
#include "ui/experimenttab.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace alloclab;

class TestAllocatorsDialog : public QObject
{
    Q_OBJECT

    template<typename T> static T *child(QObject &d, const char *name)
    {
        T *w = d.findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }

    static QStringList ids(AllocatorsDialog &d)
    {
        QStringList out;
        auto *t = child<QTableWidget>(d, "catalogTable");
        for (int r = 0; r < t->rowCount(); ++r)
            out << t->item(r, 0)->text();
        return out;
    }

    static void fill(AllocatorsDialog &d, const QString &id, const QString &name, const QString &version,
                     const QString &path, const QString &sha = QString())
    {
        for (const auto &[field, text] :
             { std::pair { "entryId", id }, std::pair { "entryName", name },
               std::pair { "entryVersion", version }, std::pair { "entryPath", path },
               std::pair { "entrySha256", sha } }) {
            auto *e = child<QLineEdit>(d, field);
            e->clear();
            QTest::keyClicks(e, text); // typed, as an operator would (validators apply)
        }
    }

private Q_SLOTS:
    void builtInsShownReadOnly()
    {
        AllocatorsDialog d(nullptr);
        d.show();
        QCOMPARE(ids(d),
                 (QStringList { QStringLiteral("glibc"), QStringLiteral("jemalloc"),
                                QStringLiteral("mimalloc") }));
        auto *t = child<QTableWidget>(d, "catalogTable");
        t->selectRow(2);
        QCOMPARE(child<QLineEdit>(d, "entryId")->text(), QStringLiteral("mimalloc"));
        QCOMPARE(child<QLineEdit>(d, "entryPath")->text(),
                 QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"));
        QVERIFY(child<QLineEdit>(d, "entryPath")->isReadOnly());
        QVERIFY(!child<QPushButton>(d, "saveEntry")->isEnabled());
        QVERIFY(!child<QPushButton>(d, "removeEntry")->isEnabled());
        QVERIFY(!child<QPushButton>(d, "addEntry")->isEnabled()); // the id exists
        // Without hosts the check says what to do instead of doing nothing.
        QTest::mouseClick(child<QPushButton>(d, "checkOnHosts"), Qt::LeftButton);
        QVERIFY(child<QLabel>(d, "checkStatus")->text().contains(QLatin1String("connect to a host first")));
    }

    void addEditRemoveCustom()
    {
        AllocatorsDialog d(nullptr);
        d.show();
        QSignalSpy changed(&d, &AllocatorsDialog::catalogChanged);
        fill(d, QStringLiteral("mimalloc301"), QStringLiteral("mimalloc"), QStringLiteral("3.0.1"),
             QStringLiteral("/opt/mimalloc-3.0.1/lib/libmimalloc.so.3"), QString(64, QLatin1Char('A')));
        auto *add = child<QPushButton>(d, "addEntry");
        QVERIFY(add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!child<QLabel>(d, "entryError")->isVisibleTo(&d));
        QCOMPARE(ids(d).last(), QStringLiteral("mimalloc301"));
        QCOMPARE(d.catalog().find(QStringLiteral("mimalloc301"))->sha256, QString(64, QLatin1Char('a')));
        QCOMPARE(d.catalog().displayName(QStringLiteral("mimalloc301")), QStringLiteral("mimalloc 3.0.1"));
        // The new row is selected: it can be edited and removed now.
        QVERIFY(child<QPushButton>(d, "saveEntry")->isEnabled());
        auto *version = child<QLineEdit>(d, "entryVersion");
        version->clear();
        QTest::keyClicks(version, QStringLiteral("3.0.2"));
        QTest::mouseClick(child<QPushButton>(d, "saveEntry"), Qt::LeftButton);
        QCOMPARE(d.catalog().find(QStringLiteral("mimalloc301"))->version, QStringLiteral("3.0.2"));
        // The sha256 field takes only hex digits.
        auto *sha = child<QLineEdit>(d, "entrySha256");
        sha->clear();
        QTest::keyClicks(sha, QStringLiteral("xyz12"));
        QCOMPARE(sha->text(), QStringLiteral("12"));
        sha->clear();

        // Keyboard: Enter in the form saves the selected entry and leaves the dialog open.
        auto *name = child<QLineEdit>(d, "entryName");
        name->setFocus();
        name->clear();
        QTest::keyClicks(name, QStringLiteral("mimalloc3"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(d.catalog().find(QStringLiteral("mimalloc301"))->name, QStringLiteral("mimalloc3"));
        QVERIFY(d.isVisible());

        QTest::mouseClick(child<QPushButton>(d, "removeEntry"), Qt::LeftButton);
        QVERIFY(!d.catalog().contains(QStringLiteral("mimalloc301")));
        QCOMPARE(ids(d).size(), 3);
    }

    void hostilePathRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("command substitution") << QStringLiteral("/tmp/$(reboot)/libx.so");
        QTest::newRow("quote and semicolon") << QStringLiteral("/tmp/x'; rm -rf / #.so");
        QTest::newRow("backticks") << QStringLiteral("/opt/`id`.so");
        QTest::newRow("relative") << QStringLiteral("libmimalloc.so.2");
        QTest::newRow("space") << QStringLiteral("/opt/my lib.so");
        QTest::newRow("dot dot") << QStringLiteral("/opt/../etc/shadow");
    }
    void hostilePathRefused()
    {
        QFETCH(QString, path);
        AllocatorsDialog d(nullptr);
        d.show();
        fill(d, QStringLiteral("evil"), QStringLiteral("evil"), QStringLiteral("1"), QString());
        child<QLineEdit>(d, "entryPath")->setText(path); // pasted
        QSignalSpy changed(&d, &AllocatorsDialog::catalogChanged);
        QTest::mouseClick(child<QPushButton>(d, "addEntry"), Qt::LeftButton);
        auto *error = child<QLabel>(d, "entryError");
        QVERIFY(error->isVisibleTo(&d));
        QVERIFY2(!error->text().isEmpty(), qPrintable(path));
        QVERIFY(!d.catalog().contains(QStringLiteral("evil")));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(ids(d).size(), 3);
    }

    void hostPathOverride()
    {
        AllocatorsDialog d(nullptr);
        d.setHosts({ { 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} },
                     { 0, QStringLiteral("lab2"), QStringLiteral("lab2"), {} } });
        d.show();
        child<QTableWidget>(d, "catalogTable")->selectRow(1); // jemalloc
        auto *host = child<QComboBox>(d, "overrideHost");
        QVERIFY(host->isEnabled());
        host->setCurrentText(QStringLiteral("lab2"));
        QTest::keyClicks(child<QLineEdit>(d, "overridePath"), QStringLiteral("/opt/je/libjemalloc.so.2"));
        QTest::mouseClick(child<QPushButton>(d, "setHostPath"), Qt::LeftButton);
        QCOMPARE(d.catalog().pathFor(QStringLiteral("jemalloc"), QStringLiteral("lab2")),
                 QStringLiteral("/opt/je/libjemalloc.so.2"));
        QCOMPARE(d.catalog().pathFor(QStringLiteral("jemalloc"), QStringLiteral("lab1")),
                 QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"));
        QVERIFY(child<QLabel>(d, "overrides")
                    ->text()
                    .contains(QLatin1String("on lab2: /opt/je/libjemalloc.so.2")));
        // A hostile override is refused like a hostile entry.
        auto *path = child<QLineEdit>(d, "overridePath");
        path->setText(QStringLiteral("/opt/$(id).so"));
        QTest::mouseClick(child<QPushButton>(d, "setHostPath"), Qt::LeftButton);
        QVERIFY(child<QLabel>(d, "entryError")->isVisibleTo(&d));
        QCOMPARE(d.catalog().pathFor(QStringLiteral("jemalloc"), QStringLiteral("lab2")),
                 QStringLiteral("/opt/je/libjemalloc.so.2"));
        // glibc has nothing to override.
        child<QTableWidget>(d, "catalogTable")->selectRow(0);
        QVERIFY(!child<QPushButton>(d, "setHostPath")->isEnabled());
    }

    // With a store: the stored catalog is shown, an added entry and a host path are saved.
    void savedInTheStore()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        {
            Database db;
            QVERIFY(db.open(path));
            QVERIFY(db.upsertHost({ 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} }) > 0);
            QVERIFY(db.upsertAllocator({ QStringLiteral("je-old"),
                                         QStringLiteral("jemalloc"),
                                         QStringLiteral("5.2.1"),
                                         QStringLiteral("/opt/je521/libjemalloc.so.2"),
                                         {} }));
        }
        Store store;
        QSignalSpy opened(&store, &Store::opened);
        store.open(path);
        QVERIFY(opened.wait(10000));
        AllocatorsDialog d(&store);
        d.setHosts({ { 0, QStringLiteral("lab1"), QStringLiteral("lab1"), {} } });
        QSignalSpy loaded(&d, &AllocatorsDialog::catalogLoaded);
        QVERIFY(loaded.wait(10000));
        QVERIFY(ids(d).contains(QStringLiteral("je-old")));
        fill(d, QStringLiteral("mi3"), QStringLiteral("mimalloc"), QStringLiteral("3.0.1"),
             QStringLiteral("/opt/mi3/libmimalloc.so.3"));
        QTest::mouseClick(child<QPushButton>(d, "addEntry"), Qt::LeftButton);
        auto *host = child<QLineEdit>(d, "overridePath");
        QTest::keyClicks(host, QStringLiteral("/usr/local/lib/libmimalloc.so.3"));
        QTest::mouseClick(child<QPushButton>(d, "setHostPath"), Qt::LeftButton);
        auto stored = [&] {
            Database db;
            if (!db.open(path, Database::OpenMode::ExistingOnly))
                return QString();
            const auto a = db.allocator(QStringLiteral("mi3"));
            const auto h = db.host(QStringLiteral("lab1"));
            return a && h ? a->version + QLatin1Char(' ') + db.allocatorHostPath(QStringLiteral("mi3"), h->id)
                          : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(stored(), QStringLiteral("3.0.1 /usr/local/lib/libmimalloc.so.3"), 10000);
    }

    // Before any experiment exists, New Experiment offers the stored catalog: a custom entry
    // added in the Allocators dialog can be chosen for a group.
    void experimentTabOffersStoredCatalog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("e.sqlite"));
        {
            Database db;
            QVERIFY(db.open(path));
            QVERIFY(db.upsertAllocator({ QStringLiteral("mi3"),
                                         QStringLiteral("mimalloc"),
                                         QStringLiteral("3.0.1"),
                                         QStringLiteral("/opt/mi3/libmimalloc.so.3"),
                                         {} }));
        }
        Store store;
        QSignalSpy opened(&store, &Store::opened);
        store.open(path);
        QVERIFY(opened.wait(10000));
        ExperimentTab tab;
        tab.setStore(&store);
        QTRY_VERIFY_WITH_TIMEOUT(tab.board()->catalog().contains(QStringLiteral("mi3")), 10000);
        QCOMPARE(tab.board()->catalog().displayName(QStringLiteral("mi3")), QStringLiteral("mimalloc 3.0.1"));
    }
};

QTEST_MAIN(TestAllocatorsDialog)
#include "tst_allocatorsdialog.moc"
