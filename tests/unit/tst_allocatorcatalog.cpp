#include "models/allocatorcatalog.h"
#include "models/groupcolors.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace alloclab;

class TestAllocatorCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtIns()
    {
        const AllocatorCatalog c;
        QCOMPARE(c.allocators().size(), 3);
        QVERIFY(c.pathFor(QStringLiteral("glibc")).isEmpty());
        QCOMPARE(c.pathFor(QStringLiteral("jemalloc")),
                 QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"));
        QCOMPARE(c.pathFor(QStringLiteral("mimalloc")),
                 QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"));
        QVERIFY(c.customAllocators().isEmpty());
    }

    void addCustom_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("sha");
        QTest::addColumn<bool>("ok");
        const QString p = QStringLiteral("/opt/mimalloc-3.0.1/lib/libmimalloc.so.3");
        QTest::newRow("good") << QStringLiteral("mimalloc301") << p << QString() << true;
        QTest::newRow("with sha") << QStringLiteral("mi-3.0.1") << p << QString(64, QLatin1Char('A')) << true;
        QTest::newRow("built-in id") << QStringLiteral("jemalloc") << p << QString() << false;
        QTest::newRow("upper-case id") << QStringLiteral("Mimalloc") << p << QString() << false;
        QTest::newRow("id with space") << QStringLiteral("mi malloc") << p << QString() << false;
        QTest::newRow("empty id") << QString() << p << QString() << false;
        QTest::newRow("relative path")
            << QStringLiteral("x") << QStringLiteral("lib/x.so") << QString() << false;
        QTest::newRow("dotdot path") << QStringLiteral("x") << QStringLiteral("/opt/../etc/x.so") << QString()
                                     << false;
        QTest::newRow("shell in path")
            << QStringLiteral("x") << QStringLiteral("/opt/$(id).so") << QString() << false;
        QTest::newRow("no path") << QStringLiteral("x") << QString() << QString() << false;
        QTest::newRow("short sha") << QStringLiteral("x") << p << QStringLiteral("abc") << false;
    }
    void addCustom()
    {
        QFETCH(QString, id);
        QFETCH(QString, path);
        QFETCH(QString, sha);
        QFETCH(bool, ok);
        AllocatorCatalog c;
        const QString error
            = c.addCustom({ id, QStringLiteral("mimalloc"), QStringLiteral("3.0.1"), path, sha });
        QCOMPARE(error.isEmpty(), ok);
        QCOMPARE(c.contains(id), ok || AllocatorCatalog::isBuiltInId(id));
        if (ok) {
            QCOMPARE(c.find(id)->sha256, sha.toLower());
            QCOMPARE(c.displayName(id), QStringLiteral("mimalloc 3.0.1"));
            QVERIFY(!c.addCustom({ id, QStringLiteral("again"), QString(), path, QString() }).isEmpty());
        }
    }

    void hostOverrides()
    {
        AllocatorCatalog c;
        QVERIFY(c.setHostPath(QStringLiteral("mimalloc"), QStringLiteral("co"),
                              QStringLiteral("/usr/local/lib/libmimalloc.so.2"))
                    .isEmpty());
        QCOMPARE(c.pathFor(QStringLiteral("mimalloc"), QStringLiteral("co")),
                 QStringLiteral("/usr/local/lib/libmimalloc.so.2"));
        QCOMPARE(c.pathFor(QStringLiteral("mimalloc"), QStringLiteral("go")),
                 QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"));
        QVERIFY(!c.setHostPath(QStringLiteral("mimalloc"), QStringLiteral("co"), QStringLiteral("x;reboot"))
                     .isEmpty());
        QVERIFY(
            !c.setHostPath(QStringLiteral("mimalloc"), QStringLiteral("bad host"), QStringLiteral("/x.so"))
                 .isEmpty());
        QVERIFY(
            !c.setHostPath(QStringLiteral("glibc"), QStringLiteral("co"), QStringLiteral("/x.so")).isEmpty());
        QVERIFY(
            !c.setHostPath(QStringLiteral("nope"), QStringLiteral("co"), QStringLiteral("/x.so")).isEmpty());
        QCOMPARE(c.overrides().size(), 1);
        QVERIFY(c.setHostPath(QStringLiteral("mimalloc"), QStringLiteral("co"), QString()).isEmpty());
        QVERIFY(c.overrides().isEmpty());
    }

    void idForLoaded_data()
    {
        QTest::addColumn<QString>("loaded");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("id");
        QTest::newRow("none is glibc") << QString() << QString() << QStringLiteral("glibc");
        QTest::newRow("unknown") << QStringLiteral("?") << QString() << QString();
        QTest::newRow("debian mimalloc resolved")
            << QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0") << QString()
            << QStringLiteral("mimalloc");
        QTest::newRow("jemalloc exact") << QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2")
                                        << QString() << QStringLiteral("jemalloc");
        QTest::newRow("custom exact")
            << QStringLiteral("/opt/mi3/libmimalloc.so.3") << QString() << QStringLiteral("mimalloc301");
        QTest::newRow("override on co") << QStringLiteral("/usr/local/lib/libjemalloc.so.2")
                                        << QStringLiteral("co") << QStringLiteral("jemalloc");
        QTest::newRow("override not on go")
            << QStringLiteral("/usr/local/lib/libjemalloc.so.2") << QStringLiteral("go") << QString();
        QTest::newRow("other dir") << QStringLiteral("/home/x/libmimalloc.so.2.0") << QString() << QString();
    }
    void idForLoaded()
    {
        QFETCH(QString, loaded);
        QFETCH(QString, host);
        QFETCH(QString, id);
        AllocatorCatalog c;
        QVERIFY(
            c.addCustom({ QStringLiteral("mimalloc301"), QStringLiteral("mimalloc"), QStringLiteral("3.0.1"),
                          QStringLiteral("/opt/mi3/libmimalloc.so.3"), QString() })
                .isEmpty());
        QVERIFY(c.setHostPath(QStringLiteral("jemalloc"), QStringLiteral("co"),
                              QStringLiteral("/usr/local/lib/libjemalloc.so.2"))
                    .isEmpty());
        QCOMPARE(c.idForLoaded(loaded, host), id);
    }

    void upstreamVersion_data()
    {
        QTest::addColumn<QString>("debian");
        QTest::addColumn<QString>("upstream");
        QTest::newRow("ds") << QStringLiteral("2.0.9+ds-2") << QStringLiteral("2.0.9");
        QTest::newRow("plain") << QStringLiteral("5.3.0-1") << QStringLiteral("5.3.0");
        QTest::newRow("epoch") << QStringLiteral("1:3.0.1-1") << QStringLiteral("3.0.1");
        QTest::newRow("native") << QStringLiteral("2.1.7") << QStringLiteral("2.1.7");
        QTest::newRow("empty") << QString() << QString();
    }
    void upstreamVersion()
    {
        QFETCH(QString, debian);
        QFETCH(QString, upstream);
        QCOMPARE(AllocatorCatalog::upstreamVersion(debian), upstream);
    }

    void checkCommandRefusesUnsafePaths()
    {
        QString error;
        QVERIFY(AllocatorCatalog::checkCommand(QStringLiteral("/tmp/x'; rm -rf /; '.so"), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(AllocatorCatalog::checkCommand(QStringLiteral("relative.so"), &error).isEmpty());
    }

    // The command is run here by the same POSIX sh the hosts have; the parser reads its output.
    void checkCommandOnThisMachine_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("package");
        QTest::newRow("mimalloc") << QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2") << true
                                  << QStringLiteral("libmimalloc2.0");
        QTest::newRow("jemalloc") << QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2") << true
                                  << QStringLiteral("libjemalloc2");
        QTest::newRow("missing") << QStringLiteral("/nonexistent/libnothing.so.1") << false << QString();
    }
    void checkCommandOnThisMachine()
    {
        QFETCH(QString, path);
        QFETCH(bool, present);
        QFETCH(QString, package);
        if (present && !QFileInfo::exists(path))
            QSKIP("the Debian allocator packages (libmimalloc2.0, libjemalloc2) are not installed here");
        const QString cmd = AllocatorCatalog::checkCommand(path);
        QVERIFY(!cmd.isEmpty());
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), cmd });
        QVERIFY(sh.waitForFinished(20000));
        QCOMPARE(sh.exitCode(), 0);
        AllocatorCheck r;
        QString error;
        QVERIFY2(
            AllocatorCatalog::parseCheckOutput(QString::fromUtf8(sh.readAllStandardOutput()), &r, &error),
            qPrintable(error));
        QCOMPARE(r.present, present);
        QCOMPARE(r.readable, present);
        QCOMPARE(r.sha256.size(), present ? 64 : 0);
        QCOMPARE(r.package, package);
        QCOMPARE(r.version.isEmpty(), !present);
        if (present) {
            QProcess sum;
            sum.start(QStringLiteral("sha256sum"), { path });
            QVERIFY(sum.waitForFinished(20000));
            QCOMPARE(r.sha256,
                     QString::fromLatin1(sum.readAllStandardOutput()).section(QLatin1Char(' '), 0, 0));
            QVERIFY(!r.version.contains(QLatin1Char('-')));
        }
    }

    void parseCheckOutputRejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::newRow("empty") << QString() << QStringLiteral("line 1");
        QTest::newRow("no magic") << QStringLiteral("present 1\n") << QStringLiteral("line 1");
        QTest::newRow("bad bool") << QStringLiteral("alloclab-allocator-check 1\npresent yes\n")
                                  << QStringLiteral("line 2");
        QTest::newRow("bad sha") << QStringLiteral(
            "alloclab-allocator-check 1\npresent 1\nreadable 1\nsha256 zz\n")
                                 << QStringLiteral("line 4");
        QTest::newRow("truncated") << QStringLiteral("alloclab-allocator-check 1\npresent 1\nreadable 0\n")
                                   << QStringLiteral("before 'end'");
        QTest::newRow("trailing") << QStringLiteral(
            "alloclab-allocator-check 1\npresent 0\nreadable 0\nsha256 -\n"
            "resolved -\npackage -\nversion -\nend\nrm -rf\n")
                                  << QStringLiteral("line 9");
    }
    void parseCheckOutputRejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, where);
        AllocatorCheck r;
        QString error;
        QVERIFY(!AllocatorCatalog::parseCheckOutput(text, &r, &error));
        QVERIFY2(error.contains(where), qPrintable(error));
    }

    // Several checks in one command (one SSH round trip per host), split back in order.
    void checkCommandsOnThisMachine()
    {
        const QString je = QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");
        if (!QFileInfo::exists(je))
            QSKIP("libjemalloc2 is not installed here");
        AllocatorCatalog catalog;
        QCOMPARE(catalog.addCustom({ QStringLiteral("nothing"), QStringLiteral("nothing"), QString(),
                                     QStringLiteral("/nonexistent/libnothing.so.1"), QString() }),
                 QString());
        QCOMPARE(catalog.setHostPath(QStringLiteral("mimalloc"), QStringLiteral("h2"), je), QString());
        QList<AllocatorCheck> planned = catalog.plannedChecks(QStringLiteral("h2"));
        QCOMPARE(planned.size(), 3); // glibc has no library
        QCOMPARE(planned.at(0).allocatorId, QStringLiteral("jemalloc"));
        QCOMPARE(planned.at(1).allocatorId, QStringLiteral("mimalloc"));
        QCOMPARE(planned.at(1).path, je); // the host's override
        QCOMPARE(planned.at(2).allocatorId, QStringLiteral("nothing"));
        QCOMPARE(catalog.plannedChecks(QStringLiteral("h1"), { QStringLiteral("mimalloc") }).size(), 1);
        QCOMPARE(catalog.plannedChecks(QStringLiteral("h1"), { QStringLiteral("mimalloc") }).first().path,
                 QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"));
        QStringList paths;
        for (const AllocatorCheck &c : std::as_const(planned))
            paths << c.path;
        const QString cmd = AllocatorCatalog::checkCommands(paths);
        QVERIFY(!cmd.isEmpty());
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), cmd });
        QVERIFY(sh.waitForFinished(20000));
        QCOMPARE(sh.exitCode(), 0);
        const QString out = QString::fromUtf8(sh.readAllStandardOutput());
        QString error;
        QVERIFY2(AllocatorCatalog::parseCheckOutputs(out, &planned, &error), qPrintable(error));
        QVERIFY(planned.at(0).present && planned.at(0).readable);
        QCOMPARE(planned.at(1).sha256, planned.at(0).sha256); // the same file
        QCOMPARE(planned.at(1).host, QStringLiteral("h2"));
        QVERIFY(!planned.at(2).present);
        QVERIFY(!planned.at(2).readable);
        QVERIFY(planned.at(2).sha256.isEmpty());

        // Fewer or more blocks than planned checks: refused with where.
        QList<AllocatorCheck> four = planned;
        four << planned.first();
        QVERIFY(!AllocatorCatalog::parseCheckOutputs(out, &four, &error));
        QVERIFY2(error.contains(QLatin1String("check 4 (jemalloc)")), qPrintable(error));
        QList<AllocatorCheck> two = planned.mid(0, 2);
        QVERIFY(!AllocatorCatalog::parseCheckOutputs(out, &two, &error));
        QVERIFY2(error.contains(QLatin1String("after the last check")), qPrintable(error));
        QList<AllocatorCheck> three = planned;
        QVERIFY(!AllocatorCatalog::parseCheckOutputs(out.left(out.size() - 4), &three, &error));
        QVERIFY2(error.contains(QLatin1String("check 3 (nothing)")), qPrintable(error));

        // One unsafe path refuses the whole command.
        QVERIFY(
            AllocatorCatalog::checkCommands({ je, QStringLiteral("/tmp/$(reboot).so") }, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void sha256Mismatch()
    {
        AllocatorCatalog catalog;
        const QString expected(64, QLatin1Char('a'));
        QCOMPARE(catalog.addCustom({ QStringLiteral("pinned"), QStringLiteral("pinned"), QString(),
                                     QStringLiteral("/opt/lib/libpinned.so"), expected.toUpper() }),
                 QString());
        AllocatorCheck c;
        c.allocatorId = QStringLiteral("pinned");
        c.sha256 = expected;
        QVERIFY(!catalog.sha256Mismatch(c)); // case does not matter
        c.sha256 = QString(64, QLatin1Char('b'));
        QVERIFY(catalog.sha256Mismatch(c));
        c.sha256.clear(); // not readable: nothing to compare
        QVERIFY(!catalog.sha256Mismatch(c));
        c.allocatorId = QStringLiteral("jemalloc"); // no expected sha256
        c.sha256 = QString(64, QLatin1Char('b'));
        QVERIFY(!catalog.sha256Mismatch(c));
    }

    void groupColours()
    {
        QCOMPARE(groupColorName(QStringLiteral("A")), QStringLiteral("#0072b2"));
        QCOMPARE(groupColorName(QStringLiteral("B")), QStringLiteral("#e69f00"));
        QCOMPARE(groupColorName(QStringLiteral("E")), QStringLiteral("#d55e00"));
        QCOMPARE(groupColorName(QStringLiteral("H")), QStringLiteral("#999999"));
        QCOMPARE(groupColor(QStringLiteral("a")), groupColor(QStringLiteral("A")));
        QVERIFY(groupColor(QStringLiteral("I")) != groupColor(QStringLiteral("A")));
        QCOMPARE(groupColor(QStringLiteral("?")), unassignedColor());
        QCOMPARE(contrastingTextColor(QColor(Qt::white)), QColor(Qt::black));
        QCOMPARE(contrastingTextColor(groupColor(QStringLiteral("A"))), QColor(Qt::white));
        QCOMPARE(contrastingTextColor(groupColor(QStringLiteral("G"))), QColor(Qt::black));
    }
};

QTEST_GUILESS_MAIN(TestAllocatorCatalog)
#include "tst_allocatorcatalog.moc"
