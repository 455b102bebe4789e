// alloclab-cli charts / report through the real CLI code path (cli::run with the frontend
// hooks of ui/cli/clifrontend.cpp), on real SQLite files filled by 'import'.
#include "app/cli/cli.h"
#include "app/cli/frontend.h"
#include "app/database.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace alloclab;

namespace {
struct Out {
    int rc;
    QString out;
    QString err;
};
Out runCli(const QStringList &args)
{
    QString o, e;
    QTextStream os(&o), es(&e);
    const int rc = cli::run(QStringList { QStringLiteral("alloclab-cli") } + args, os, es,
                            [](cli::CommandTable &t) { cli::registerFrontendCommands(t); });
    os.flush();
    es.flush();
    return { rc, o, e };
}
const QString kData = QStringLiteral(ALLOCLAB_SOURCE_DIR "/tests/data/torutils");
const QString kReal = QStringLiteral(ALLOCLAB_SOURCE_DIR "/../shared/datasets/torutils-5way");
const QStringList kFiles = { QStringLiteral("memory_timeseries"), QStringLiteral("memory_trajectories"),
                             QStringLiteral("memory_boxplot"),    QStringLiteral("memory_distribution"),
                             QStringLiteral("memory_weekly"),     QStringLiteral("memory_comparison"),
                             QStringLiteral("memory_usage") };

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
} // namespace

class TestChartsCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_db = m_tmp.filePath(QStringLiteral("small.sqlite"));
        const Out r = runCli({ QStringLiteral("--db"), m_db, QStringLiteral("import"),
                               kData + QStringLiteral("/mixed"), QStringLiteral("--groups"),
                               QStringLiteral("group_B_mimalloc209_historical.txt"),
                               QStringLiteral("--experiment"), QStringLiteral("x") });
        QVERIFY2(r.rc == 0, qPrintable(r.err));
    }

    void chartsFromDatabase_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("ext");
        QTest::addColumn<QSize>("size");
        QTest::newRow("experiment png") << QStringList { QStringLiteral("--experiment"), QStringLiteral("x") }
                                        << QStringLiteral("png") << QSize(1200, 700);
        QTest::newRow("fleet svg") << QStringList { QStringLiteral("--format"), QStringLiteral("svg") }
                                   << QStringLiteral("svg") << QSize();
        QTest::newRow("size") << QStringList { QStringLiteral("--experiment"), QStringLiteral("x"),
                                               QStringLiteral("--size"), QStringLiteral("640x400") }
                              << QStringLiteral("png") << QSize(640, 400);
    }
    void chartsFromDatabase()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, ext);
        QFETCH(QSize, size);
        const QString dir
            = m_tmp.filePath(QStringLiteral("charts_") + QString::fromLatin1(QTest::currentDataTag()));
        const Out r
            = runCli(QStringList { QStringLiteral("--db"), m_db, QStringLiteral("charts"), dir } + extra);
        QVERIFY2(r.rc == 0, qPrintable(r.err));
        for (const QString &f : kFiles) {
            const QString path = dir + QLatin1Char('/') + f + QLatin1Char('.') + ext;
            QVERIFY2(QFileInfo(path).size() > 1000, qPrintable(path));
            if (size.isValid()) {
                const QImage img(path);
                QCOMPARE(img.size(), size);
            }
        }
    }

    void chartsErrors()
    {
        Out r = runCli({ QStringLiteral("--db"), m_db, QStringLiteral("charts"),
                         m_tmp.filePath(QStringLiteral("e")), QStringLiteral("--experiment"),
                         QStringLiteral("nope") });
        QCOMPARE(r.rc, 1);
        QVERIFY2(r.err.contains(QStringLiteral("nope")), qPrintable(r.err));
        r = runCli({ QStringLiteral("--db"), m_tmp.filePath(QStringLiteral("missing.sqlite")),
                     QStringLiteral("charts"), m_tmp.filePath(QStringLiteral("e")) });
        QCOMPARE(r.rc, 1);
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("missing.sqlite")))); // never created
        r = runCli({ QStringLiteral("--db"), m_db, QStringLiteral("report") });
        QCOMPARE(r.rc, 2);
    }

    void report()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("report"));
        const Out r
            = runCli({ QStringLiteral("--db"), m_db, QStringLiteral("--json"), QStringLiteral("report"), dir,
                       QStringLiteral("--experiment"), QStringLiteral("x") });
        QVERIFY2(r.rc == 0, qPrintable(r.err));
        const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j.value(QStringLiteral("experiment")).toString(), QStringLiteral("x"));
        const QJsonArray files = j.value(QStringLiteral("files")).toArray();
        for (const QJsonValue &f : files)
            QVERIFY2(QFile::exists(f.toString()), qPrintable(f.toString()));
        for (const QString &f : kFiles)
            QVERIFY(QFile::exists(dir + QStringLiteral("/charts/") + f + QStringLiteral(".png")));
        QVERIFY(QFile::exists(dir + QStringLiteral("/memory.csv")));
        QVERIFY(!QDir(dir + QStringLiteral("/groups")).entryList(QDir::Files).isEmpty());
        const QString md = readAll(dir + QStringLiteral("/REPORT.md"));
        QVERIFY2(md.startsWith(QStringLiteral("# x\n")), qPrintable(md.left(200)));
        QVERIFY(md.contains(QStringLiteral("## Groups")));
        QVERIFY(md.contains(QStringLiteral("## Summary")));
        QVERIFY(md.contains(QStringLiteral("![Comparison"))
                || md.contains(QStringLiteral("(charts/memory_comparison.png)")));
        const QString readme = readAll(dir + QStringLiteral("/README.md"));
        QVERIFY(readme.contains(QStringLiteral("- `memory.csv`")));
        QVERIFY(readme.contains(QStringLiteral("- `charts/memory_usage.png`")));
        // The folder reads back: the CSVs it contains import into a fresh database.
        const Out back = runCli({ QStringLiteral("--db"), m_tmp.filePath(QStringLiteral("back.sqlite")),
                                  QStringLiteral("import"), dir });
        QVERIFY2(back.rc == 0, qPrintable(back.err));
    }

    void realDataset()
    {
        if (!QFileInfo::exists(kReal + QStringLiteral("/memory.csv")))
            QSKIP("../shared/datasets/torutils-5way is absent; the real-data check needs it");
        const QString db = m_tmp.filePath(QStringLiteral("real.sqlite"));
        Out r
            = runCli({ QStringLiteral("--db"), db, QStringLiteral("import"), kReal, QStringLiteral("--tz"),
                       QStringLiteral("UTC"), QStringLiteral("--groups"),
                       QStringLiteral("group_B_mimalloc209_historical.txt,group_C_mimalloc217_historical.txt,"
                                      "group_E_glibc_historical.txt") });
        QVERIFY2(r.rc == 0, qPrintable(r.err));
        QString name;
        {
            Database d;
            QVERIFY(d.open(db, Database::OpenMode::ExistingOnly));
            const QList<ExperimentRecord> exps = d.experiments();
            QCOMPARE(exps.size(), 1);
            name = exps.first().name;
        }
        const QString dir = m_tmp.filePath(QStringLiteral("real_charts"));
        r = runCli({ QStringLiteral("--db"), db, QStringLiteral("charts"), dir,
                     QStringLiteral("--experiment"), name });
        QVERIFY2(r.rc == 0, qPrintable(r.err));
        for (const QString &f : kFiles)
            QVERIFY(QImage(dir + QLatin1Char('/') + f + QStringLiteral(".png")).size() == QSize(1200, 700));
        const QString rep = m_tmp.filePath(QStringLiteral("real_report"));
        r = runCli({ QStringLiteral("--db"), db, QStringLiteral("report"), rep });
        QVERIFY2(r.rc == 0, qPrintable(r.err));
        const QString md = readAll(rep + QStringLiteral("/REPORT.md"));
        // the latest snapshot (the summary's default), as published
        QVERIFY2(md.contains(QStringLiteral("2026-01-10T22:21:25")), qPrintable(md.left(2000)));
        for (const char *mean :
             { "| B | mimalloc 2.0.9 | 20 | 1.41 GiB", "| C | mimalloc 2.1.7 | 20 | 1.83 GiB", "2.74 GiB",
               "4.15 GiB", "10.44 GiB", "7.4x" })
            QVERIFY2(md.contains(QString::fromLatin1(mean)), mean);
    }
};

QTEST_MAIN(TestChartsCli)
#include "tst_chartscli.moc"
