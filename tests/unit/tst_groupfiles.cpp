#include "models/assignmenthistory.h"
#include "models/groupfiles.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace alloclab;

class TestGroupFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("letter");
        QTest::addColumn<QString>("label");
        QTest::addColumn<bool>("historical");
        QTest::newRow("plain") << QStringLiteral("group_A_mimalloc301.txt") << true << QStringLiteral("A")
                               << QStringLiteral("mimalloc301") << false;
        QTest::newRow("historical") << QStringLiteral("groups/group_B_mimalloc209_historical.txt") << true
                                    << QStringLiteral("B") << QStringLiteral("mimalloc209") << true;
        QTest::newRow("lower letter")
            << QStringLiteral("group_a_x.txt") << false << QString() << QString() << false;
        QTest::newRow("no label") << QStringLiteral("group_A.txt") << false << QString() << QString()
                                  << false;
        QTest::newRow("csv") << QStringLiteral("group_A_x.csv") << false << QString() << QString() << false;
    }
    void fileNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        groupfiles::GroupFileName f;
        QCOMPARE(groupfiles::parseFileName(name, &f), ok);
        if (ok) {
            QTEST(f.letter, "letter");
            QTEST(f.label, "label");
            QTEST(f.historical, "historical");
        }
    }

    void groupFile()
    {
        QString error;
        QCOMPARE(groupfiles::parseGroupFile(QStringLiteral("# A\nabsoul\n\n 9thwonder \r\n"), &error),
                 (QStringList { QStringLiteral("absoul"), QStringLiteral("9thwonder") }));
        QVERIFY(groupfiles::parseGroupFile(QStringLiteral("absoul\nbad_name\n"), &error).isEmpty());
        QVERIFY2(error.startsWith(QLatin1String("line 2")), qPrintable(error));
        QVERIFY(groupfiles::parseGroupFile(QStringLiteral("absoul\nx\nabsoul\n"), &error).isEmpty());
        QVERIFY2(error.startsWith(QLatin1String("line 3")), qPrintable(error));
        const QStringList names { QStringLiteral("a1"), QStringLiteral("b2") };
        QCOMPARE(groupfiles::parseGroupFile(groupfiles::formatGroupFile(names)), names);
        QCOMPARE(groupfiles::fileName(QStringLiteral("C"), QStringLiteral("mimalloc 2.1.7")),
                 QStringLiteral("group_C_mimalloc-2.1.7.txt"));
    }

    // The real experiment's files parse completely.
    void realGroupFiles()
    {
        const QDir dir(QStringLiteral(ALLOCLAB_SOURCE_DIR "/../shared/datasets/torutils-5way/groups"));
        if (!dir.exists())
            QSKIP("../shared/datasets/torutils-5way is not present");
        int files = 0;
        for (const QString &name : dir.entryList({ QStringLiteral("*.txt") })) {
            groupfiles::GroupFileName f;
            QVERIFY2(groupfiles::parseFileName(name, &f), qPrintable(name));
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QString error;
            const QStringList nicks = groupfiles::parseGroupFile(QString::fromUtf8(file.readAll()), &error);
            QVERIFY2(error.isEmpty(), qPrintable(name + QStringLiteral(": ") + error));
            if (f.historical || name.contains(QLatin1String("group_A"))
                || name.contains(QLatin1String("group_D")))
                QCOMPARE(nicks.size(), 20); // the comparison window had 20 relays per group
            ++files;
        }
        QCOMPARE(files, 8);
    }

    void relayConfig()
    {
        const QList<groupfiles::RelayConfigRow> rows {
            { QStringLiteral("absoul"), QString(40, QLatin1Char('A')), QStringLiteral("go"),
              QStringLiteral("absoul"), QStringLiteral("A"), QStringLiteral("mimalloc301"),
              QStringLiteral("mimalloc301"), QStringLiteral("/opt/mi3/libmimalloc.so.3") },
            { QStringLiteral("kidink"), QString(), QStringLiteral("go"), QString(), QStringLiteral("E"),
              QStringLiteral("glibc"), QStringLiteral("glibc"), QString() },
        };
        const QString text = groupfiles::formatRelayConfig(rows);
        QVERIFY(text.startsWith(
            QLatin1String("nickname,fingerprint,host,instance,group,label,allocator,ld_preload\n")));
        QString error;
        const auto back = groupfiles::parseRelayConfig(text, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0).ldPreload, rows.at(0).ldPreload);
        QCOMPARE(back.at(1).group, QStringLiteral("E"));

        // Minimal header, other order.
        QCOMPARE(groupfiles::parseRelayConfig(QStringLiteral("group,nickname\nB,ocdp\n"), &error)
                     .value(0)
                     .nickname,
                 QStringLiteral("ocdp"));
    }

    void relayConfigErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::newRow("empty") << QString() << QStringLiteral("line 1");
        QTest::newRow("no group column") << QStringLiteral("nickname\nx\n") << QStringLiteral("line 1");
        QTest::newRow("field count") << QStringLiteral("nickname,group\nx,A,extra\n")
                                     << QStringLiteral("line 2");
        QTest::newRow("bad group") << QStringLiteral("nickname,group\nx,AB\n") << QStringLiteral("line 2");
        QTest::newRow("bad preload") << QStringLiteral("nickname,group,ld_preload\nx,A,/tmp/$(id).so\n")
                                     << QStringLiteral("line 2");
        QTest::newRow("twice") << QStringLiteral("nickname,group\nx,A\ny,B\nx,C\n")
                               << QStringLiteral("line 4");
    }
    void relayConfigErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, where);
        QString error;
        QVERIFY(groupfiles::parseRelayConfig(text, &error).isEmpty());
        QVERIFY2(error.startsWith(where), qPrintable(error));
    }

    void historyBeforeStartIsRewritten()
    {
        QList<AssignmentRecord> h = assignments::apply({}, { { 1, 10 }, { 2, 20 } }, 1000, 0);
        QCOMPARE(h.size(), 2);
        h = assignments::apply(h, { { 1, 20 }, { 2, 20 } }, 2000, 0);
        QCOMPARE(h.size(), 2); // not started: no history of plans
        QCOMPARE(assignments::current(h).value(1), Id(20));
    }

    void historyDuringExperimentKeepsFromTo()
    {
        const qint64 start = 10000;
        QList<AssignmentRecord> h = assignments::apply({}, { { 1, 10 }, { 2, 20 } }, 5000, start);
        QVERIFY(assignments::markDeployed(h, 1, start));
        QVERIFY(assignments::markDeployed(h, 2, start));
        // Relay 1 moves from group 10 to 20 at t=50000, deployed at 51000.
        h = assignments::apply(h, { { 1, 20 }, { 2, 20 } }, 50000, start);
        QVERIFY(assignments::markDeployed(h, 1, 51000));
        QCOMPARE(h.size(), 3);
        QCOMPARE(assignments::groupAt(h, 1, 20000), Id(10));
        QCOMPARE(assignments::groupAt(h, 1, 49999), Id(10));
        QCOMPARE(assignments::groupAt(h, 1, 50500), Id(0)); // moved, not deployed yet
        QCOMPARE(assignments::groupAt(h, 1, 60000), Id(20));
        QCOMPARE(assignments::groupAt(h, 2, 60000), Id(20));
        // Removed from every group.
        h = assignments::apply(h, { { 1, 20 } }, 70000, start);
        QCOMPARE(assignments::groupAt(h, 2, 69999), Id(20));
        QCOMPARE(assignments::groupAt(h, 2, 70000), Id(0));
        QVERIFY(!assignments::current(h).contains(2));
        // Planned rows only count when asked.
        h = assignments::apply(h, { { 1, 20 }, { 2, 30 } }, 80000, start);
        QCOMPARE(assignments::groupAt(h, 2, 90000), Id(30));
        QCOMPARE(assignments::groupAt(h, 2, 90000, true), Id(0));
    }
};

QTEST_GUILESS_MAIN(TestGroupFiles)
#include "tst_groupfiles.moc"
