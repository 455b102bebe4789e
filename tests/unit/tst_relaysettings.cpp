// relay_config.csv settings: stored by the import (schema v5, table relay_settings), written
// back by the export, on real SQLite files.
#include "app/cli/cli.h"
#include "app/database.h"
#include "app/experimentio.h"
#include "app/exporter.h"
#include "app/importer.h"
#include "models/torutils.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "tests/unit/oldstore.h"

using namespace alloclab;
using alloclab::test::rawExec;
using alloclab::test::schemaSql;

namespace {

const QString kFp1 = QStringLiteral("12E3D3AE15C3A4F39191EC69FF9FFB28A130A32E");
const QString kFp2 = QString(40, QLatin1Char('B'));

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ImportReport importPaths(Database &db, const QStringList &paths, const QString &server = {},
                         bool skipBadRows = false)
{
    ImportOptions o;
    o.paths = paths;
    o.server = server;
    o.skipBadRows = skipBadRows;
    return Importer::run(db, o);
}

// Every stored setting by relay identity (server/nickname/fingerprint), comparable across files.
QMap<QString, QString> settingsByIdentity(Database &db)
{
    QMap<QString, QString> out;
    QHash<Id, QString> who;
    const QList<RelayRecord> relays = db.relays();
    for (const RelayRecord &r : relays)
        who.insert(r.id, r.server + QLatin1Char('/') + r.nickname + QLatin1Char('/') + r.fingerprint);
    const QList<RelaySettingRecord> settings = db.relaySettings();
    for (const RelaySettingRecord &s : settings)
        out.insert(who.value(s.relayId) + QLatin1Char(':') + s.name, s.value);
    return out;
}

QString setting(Database &db, const QString &nickname, const QString &name)
{
    const QList<RelayRecord> found = db.findRelays(nickname);
    if (found.size() != 1)
        return QStringLiteral("<%1 relays named %2>").arg(found.size()).arg(nickname);
    const QList<RelaySettingRecord> settings = db.relaySettings({ found.first().id });
    for (const RelaySettingRecord &s : settings) {
        if (s.name == name)
            return s.value;
    }
    return QStringLiteral("<absent>");
}

qint64 addedOf(const ImportReport &r, const QString &fileName)
{
    for (const ImportFileResult &f : r.files) {
        if (QFileInfo(f.path).fileName() == fileName)
            return f.added;
    }
    return -1;
}

struct CliOut {
    int rc;
    QString out;
    QString err;
};
CliOut runCli(const QStringList &args)
{
    QString o, e;
    QTextStream os(&o), es(&e);
    const int rc = cli::run(QStringList { QStringLiteral("alloclab-cli") } + args, os, es);
    os.flush();
    es.flush();
    return { rc, o, e };
}

const QByteArray kAllocatorCsv = "server,nickname,allocator,config\n"
                                 "go,alpha,mimalloc,/usr/lib/x86_64-linux-gnu/libmimalloc.so.2\n"
                                 "go,beta,glibc,\n";
const QByteArray kDirCacheCsv = "nickname,fingerprint,dircache,maxmem\n"
                                "alpha,12E3D3AE15C3A4F39191EC69FF9FFB28A130A32E,0,\"4 GB\"\n"
                                "beta,,1,2 GB\n";

} // namespace

class TestRelaySettings : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    int m_n = 0;
    QString newDir() { return m_tmp.filePath(QStringLiteral("t%1").arg(++m_n)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    // The store: by (relay, name); the same value is no change, a new one replaces it.
    void upsertAndRead()
    {
        const QString dir = newDir();
        Database db;
        QString error;
        QVERIFY2(db.open(dir + QStringLiteral("/a.sqlite"), Database::OpenMode::CreateIfMissing, &error),
                 qPrintable(error));
        const Id a
            = db.resolveRelay(RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("alpha"), kFp1 });
        const Id b
            = db.resolveRelay(RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("beta"), {} });
        QVERIFY(a > 0 && b > 0);
        const QList<RelaySettingRecord> first {
            { a, QStringLiteral("allocator"), QStringLiteral("mimalloc") },
            { a, QStringLiteral("config"), QStringLiteral("/usr/lib/libmimalloc.so.2") },
            { b, QStringLiteral("allocator"), QStringLiteral("glibc") },
            { b, QStringLiteral("config"), QString() },
        };
        QCOMPARE(db.upsertRelaySettings(first), qint64(4));
        QCOMPARE(db.counts().relaySettings, qint64(4));
        QCOMPARE(db.upsertRelaySettings(first), qint64(0));
        // b's empty config is a value of its own, ordered by relay then name.
        const QList<RelaySettingRecord> stored = db.relaySettings();
        QCOMPARE(stored.size(), 4);
        QCOMPARE(stored.at(0),
                 (RelaySettingRecord { a, QStringLiteral("allocator"), QStringLiteral("mimalloc") }));
        QCOMPARE(stored.at(3), (RelaySettingRecord { b, QStringLiteral("config"), QString() }));
        QVERIFY(stored.at(3).value.isEmpty());
        // A changed value replaces, an unchanged one in the same batch counts nothing.
        QCOMPARE(db.upsertRelaySettings(
                     { { a, QStringLiteral("allocator"), QStringLiteral("jemalloc") },
                       { a, QStringLiteral("config"), QStringLiteral("/usr/lib/libmimalloc.so.2") } }),
                 qint64(1));
        QCOMPARE(db.relaySettings({ a }).at(0).value, QStringLiteral("jemalloc"));
        QCOMPARE(db.relaySettings({ b }).size(), 2);
        QCOMPARE(db.counts().relaySettings, qint64(4));
        // Values are text as written, case and spaces included.
        QCOMPARE(db.upsertRelaySettings({ { b, QStringLiteral("maxmem"), QStringLiteral(" 2 GB ") } }),
                 qint64(1));
        QCOMPARE(db.relaySettings({ b }).at(2).value, QStringLiteral(" 2 GB ")); // allocator, config, maxmem
        // A relay the store does not know, or no name: refused, nothing of the batch stored.
        const DatabaseCounts before = db.counts();
        QCOMPARE(db.upsertRelaySettings({ { b, QStringLiteral("dircache"), QStringLiteral("1") },
                                          { 999, QStringLiteral("dircache"), QStringLiteral("1") } }),
                 qint64(-1));
        QVERIFY2(db.lastError().contains(QStringLiteral("dircache")), qPrintable(db.lastError()));
        QCOMPARE(db.counts(), before);
        QCOMPARE(db.upsertRelaySettings({ { b, QString(), QStringLiteral("1") } }), qint64(-1));
        QCOMPARE(db.counts(), before);
        // Deleting a relay takes its settings along.
        QVERIFY(db.exec(QStringLiteral("DELETE FROM relays WHERE id = %1").arg(a)));
        QCOMPARE(db.counts().relaySettings, qint64(3));
        QCOMPARE(db.relaySettings({ a }).size(), 0);
        QCOMPARE(db.relaySettings({ b }).size(), 3);
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    }

    // v4 -> v5 adds relay_settings: everything of a v4 file survives, and the new table works.
    void migrationV5KeepsEverything()
    {
        QVERIFY(Database::schemaVersion() >= 5);
        const QString dir = newDir();
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + QStringLiteral("/v4.sqlite");
        QByteArray sql = schemaSql(4);
        sql += "INSERT INTO hosts(id, name, target) VALUES(1, 'h', 'lab1');";
        sql += "INSERT INTO relays(id, host_id, server, nickname, fingerprint) VALUES(1, 1, 's', 'a', ''), "
               "(2, 1, 's', 'b', '"
            + kFp2.toLatin1() + "');";
        sql += "INSERT INTO samples(relay_id, ts_ms, rss_kb, pid, loaded_allocator) VALUES"
               "(1, 1000, 10, 5, 'mimalloc'), (2, 1000, 20, 6, 'glibc');";
        sql += "INSERT INTO sample_times VALUES(1000);";
        sql += "INSERT INTO events(ts_ms, type, description) VALUES(1500, 'restart', 'x');";
        sql += "INSERT INTO experiments(id, name) VALUES(1, 'e');";
        sql += "INSERT INTO experiment_groups(id, experiment_id, letter, allocator_id) VALUES(1, 1, 'A', "
               "'glibc');";
        sql += "INSERT INTO assignments(relay_id, group_id, from_ms) VALUES(2, 1, 0);";
        QVERIFY(rawExec(path, sql));
        Database db;
        QString error;
        QVERIFY2(db.open(path, Database::OpenMode::ExistingOnly, &error), qPrintable(error));
        QCOMPARE(db.fileSchemaVersion(), Database::schemaVersion());
        QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
        const DatabaseCounts c = db.counts();
        QCOMPARE(c.hosts, 1);
        QCOMPARE(c.relays, 2);
        QCOMPARE(c.samples, 2);
        QCOMPARE(c.events, 1);
        QCOMPARE(c.experiments, 1);
        QCOMPARE(c.assignments, 1);
        QCOMPARE(c.relaySettings, 0);
        QCOMPARE(db.relay(2)->fingerprint, kFp2);
        QCOMPARE(db.snapshotAtOrBefore(1000).samples.size(), 2);
        QCOMPARE(db.upsertRelaySettings({ { 2, QStringLiteral("maxmem"), QStringLiteral("4 GB") } }),
                 qint64(1));
        QCOMPARE(db.relaySettings().size(), 1);
        QVERIFY(db.exec(QStringLiteral("DELETE FROM relays WHERE id = 2")));
        QCOMPARE(db.counts().relaySettings, 0);
        QCOMPARE(db.counts().samples, 1);
    }

    // Both schemas are stored, each only with the settings its header has; a re-import adds 0.
    void importBothSchemas()
    {
        const QString dir = newDir();
        QVERIFY(writeFile(dir + QStringLiteral("/in/relay_config.csv"), kAllocatorCsv));
        QVERIFY(writeFile(dir + QStringLiteral("/in2/relay_config.csv"), kDirCacheCsv));
        Database db;
        QVERIFY(db.open(dir + QStringLiteral("/a.sqlite")));
        const QStringList paths { dir + QStringLiteral("/in/relay_config.csv"),
                                  dir + QStringLiteral("/in2/relay_config.csv") };
        ImportReport r = importPaths(db, paths, QStringLiteral("go"));
        QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(r.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(r.files.size(), 2);
        QCOMPARE(r.files.at(0).rows, 2);
        QCOMPARE(r.files.at(0).added, 2);
        QCOMPARE(r.files.at(1).added, 2);
        QCOMPARE(r.settingsAdded, 8);
        QCOMPARE(r.relays, 2); // alpha and beta of server go, whichever file named them
        QCOMPARE(db.counts().relays, 2);
        QCOMPARE(db.counts().relaySettings, 8);
        QCOMPARE(setting(db, QStringLiteral("alpha"), QStringLiteral("allocator")),
                 QStringLiteral("mimalloc"));
        QCOMPARE(setting(db, QStringLiteral("alpha"), QStringLiteral("config")),
                 QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"));
        QCOMPARE(setting(db, QStringLiteral("alpha"), QStringLiteral("maxmem")), QStringLiteral("4 GB"));
        QCOMPARE(setting(db, QStringLiteral("alpha"), QStringLiteral("dircache")), QStringLiteral("0"));
        QCOMPARE(setting(db, QStringLiteral("beta"), QStringLiteral("allocator")), QStringLiteral("glibc"));
        QCOMPARE(setting(db, QStringLiteral("beta"), QStringLiteral("config")), QString());
        QCOMPARE(setting(db, QStringLiteral("beta"), QStringLiteral("maxmem")), QStringLiteral("2 GB"));
        QCOMPARE(db.findRelays(QStringLiteral("alpha")).first().fingerprint, kFp1);

        const DatabaseCounts before = db.counts();
        const QMap<QString, QString> stored = settingsByIdentity(db);
        r = importPaths(db, paths, QStringLiteral("go"));
        QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.files.at(0).added, 0);
        QCOMPARE(r.files.at(1).added, 0);
        QCOMPARE(r.settingsAdded, 0);
        QCOMPARE(db.counts(), before);
        QCOMPARE(settingsByIdentity(db), stored);
    }

    // A later file with other values replaces the stored ones (an empty config too) and counts
    // the rows that changed; settings of the other schema stay.
    void changedValueReplaces()
    {
        const QString dir = newDir();
        QVERIFY(writeFile(dir + QStringLiteral("/1/relay_config.csv"), kAllocatorCsv));
        QVERIFY(writeFile(dir + QStringLiteral("/2/relay_config.csv"), kDirCacheCsv));
        QVERIFY(writeFile(dir + QStringLiteral("/3/relay_config.csv"),
                          "server,nickname,allocator,config\n"
                          "go,alpha,glibc,\n" // moved back to glibc: the old path must go
                          "go,beta,glibc,\n")); // unchanged
        Database db;
        QVERIFY(db.open(dir + QStringLiteral("/a.sqlite")));
        QVERIFY(
            importPaths(db, { dir + QStringLiteral("/1"), dir + QStringLiteral("/2") }, QStringLiteral("go"))
                .ok);
        QCOMPARE(db.counts().relays, 2);
        const DatabaseCounts before = db.counts();
        const ImportReport r = importPaths(db, { dir + QStringLiteral("/3") });
        QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.files.size(), 1);
        QCOMPARE(r.files.at(0).rows, 2);
        QCOMPARE(r.files.at(0).added, 1);
        QCOMPARE(r.settingsAdded, 2); // alpha's allocator and config; beta's are unchanged
        QCOMPARE(db.counts(), before); // replaced, not added beside
        QCOMPARE(setting(db, QStringLiteral("alpha"), QStringLiteral("allocator")), QStringLiteral("glibc"));
        QCOMPARE(setting(db, QStringLiteral("alpha"), QStringLiteral("config")), QString());
        QCOMPARE(setting(db, QStringLiteral("alpha"), QStringLiteral("maxmem")), QStringLiteral("4 GB"));
    }

    // A bad row: file:line, and nothing of the import stored (unless bad rows are skipped).
    void badRowStoresNothing()
    {
        const QString dir = newDir();
        const QString file = dir + QStringLiteral("/relay_config.csv");
        QVERIFY(writeFile(file,
                          "nickname,fingerprint,dircache,maxmem\n"
                          "alpha,12E3D3AE15C3A4F39191EC69FF9FFB28A130A32E,0,4 GB\n"
                          "bad-nick!,,1,2 GB\n"
                          "gamma,XYZ,1,2 GB\n"));
        Database db;
        QVERIFY(db.open(dir + QStringLiteral("/a.sqlite")));
        ImportReport r = importPaths(db, { file }, QStringLiteral("go"));
        QVERIFY(!r.ok);
        QVERIFY2(
            r.errors.value(0).startsWith(QStringLiteral("relay_config.csv:3: expected a relay nickname")),
            qPrintable(r.errors.join(QLatin1Char('\n'))));
        QVERIFY2(r.errors.value(1).startsWith(QStringLiteral("relay_config.csv:4: expected a 40-character")),
                 qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(addedOf(r, QStringLiteral("relay_config.csv")), 0);
        QCOMPARE(db.counts().relays, 0);
        QCOMPARE(db.counts().relaySettings, 0);

        r = importPaths(db, { file }, QStringLiteral("go"), true);
        QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.files.at(0).rejected, 2);
        QCOMPARE(r.files.at(0).added, 1);
        QCOMPARE(db.counts().relaySettings, 2);
        QCOMPARE(setting(db, QStringLiteral("alpha"), QStringLiteral("maxmem")), QStringLiteral("4 GB"));
    }

    // export -> import into a fresh database gives the same settings of the same relays.
    void exportRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("csv1");
        QTest::addColumn<QByteArray>("csv2");
        QTest::addColumn<QStringList>("written"); // relay_config files the export writes
        QTest::newRow("allocator") << kAllocatorCsv << QByteArray()
                                   << QStringList { QStringLiteral("relay_config.csv") };
        QTest::newRow("dircache") << kDirCacheCsv << QByteArray()
                                  << QStringList { QStringLiteral("relay_config.csv") };
        QTest::newRow("both") << kAllocatorCsv << kDirCacheCsv
                              << QStringList { QStringLiteral("relay_config.csv"),
                                               QStringLiteral("relay_config_dircache.csv") };
        // Values that need quoting, edge spaces in config (kept), a relay known only by its
        // fingerprint, and two relays of one nickname on two servers.
        QTest::newRow("awkward") << QByteArray("server,nickname,fingerprint,allocator,config\n"
                                               "go,alpha,,\"mimalloc, \"\"patched\"\"\",\" /opt/lib/x.so \"\n"
                                               "co,alpha,,jemalloc,/usr/lib/libjemalloc.so.2\n"
                                               ",,BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB,Glibc,\n")
                                 << QByteArray("nickname,fingerprint,dircache,maxmem,server\n"
                                               "alpha,,1,\"2,5 GB\",co\n")
                                 << QStringList { QStringLiteral("relay_config.csv"),
                                                  QStringLiteral("relay_config_dircache.csv") };
    }
    void exportRoundTrip()
    {
        QFETCH(QByteArray, csv1);
        QFETCH(QByteArray, csv2);
        QFETCH(QStringList, written);
        const QString dir = newDir();
        QStringList in { dir + QStringLiteral("/in1/relay_config.csv") };
        QVERIFY(writeFile(in.first(), csv1));
        if (!csv2.isEmpty()) {
            in << dir + QStringLiteral("/in2/relay_config.csv");
            QVERIFY(writeFile(in.last(), csv2));
        }
        Database a;
        QVERIFY(a.open(dir + QStringLiteral("/a.sqlite")));
        ImportReport r = importPaths(a, in);
        QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
        const QMap<QString, QString> original = settingsByIdentity(a);
        QVERIFY(!original.isEmpty());

        ExportOptions o;
        o.dir = dir + QStringLiteral("/out");
        ExportReport x;
        QString error;
        QVERIFY2(exportData(a, o, &x, &error), qPrintable(error));
        // Every row read is a row written (each file ends with a newline, after its header).
        QCOMPARE(x.relayConfigRows,
                 qint64(csv1.count('\n') - 1 + (csv2.isEmpty() ? 0 : csv2.count('\n') - 1)));
        QStringList files
            = QDir(o.dir).entryList({ QStringLiteral("relay_config*.csv") }, QDir::Files, QDir::Name);
        QCOMPARE(files, written);
        for (const QString &f : std::as_const(files))
            QVERIFY(x.files.contains(QDir(o.dir).filePath(f)));
        // The upstream columns come first, in upstream order.
        const QByteArray head = readFile(QDir(o.dir).filePath(files.first())).split('\n').first();
        QVERIFY2(head.startsWith(written.size() == 2 || csv1.contains("allocator")
                                     ? "server,nickname,allocator,config"
                                     : "nickname,fingerprint,dircache,maxmem"),
                 head.constData());

        Database b;
        QVERIFY(b.open(dir + QStringLiteral("/b.sqlite")));
        r = importPaths(b, { o.dir });
        QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(settingsByIdentity(b), original);
        QCOMPARE(b.counts().relays, a.counts().relays);
        // And the export of the copy is byte for byte the first export.
        ExportOptions o2 = o;
        o2.dir = dir + QStringLiteral("/out2");
        QVERIFY2(exportData(b, o2, &x, &error), qPrintable(error));
        for (const QString &f : std::as_const(files))
            QCOMPARE(readFile(QDir(o2.dir).filePath(f)), readFile(QDir(o.dir).filePath(f)));
        // Importing the export into the first database changes nothing.
        const DatabaseCounts before = a.counts();
        r = importPaths(a, { o.dir });
        QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(addedOf(r, QStringLiteral("relay_config.csv")), 0);
        QCOMPARE(a.counts(), before);
        QCOMPARE(settingsByIdentity(a), original);
    }

    // With memory.csv beside it, the settings go to the relays of the samples (same identity),
    // and an export of one server or one experiment writes only those relays' settings.
    void exportFollowsTheRelaySelection()
    {
        const QString dir = newDir();
        QVERIFY(
            writeFile(dir + QStringLiteral("/in/memory.csv"),
                      "timestamp,server,type,fingerprint,nickname,rss_kb,vmsize_kb,hwm_kb,frag_ratio,count,"
                      "total_kb,avg_kb,min_kb,max_kb\n"
                      "2026-01-08T20:47:02,go,relay,12E3D3AE15C3A4F39191EC69FF9FFB28A130A32E,alpha,100,200,"
                      "150,2.00,,,,,\n"
                      "2026-01-08T20:47:02,co,relay,BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB,gamma,100,200,"
                      "150,2.00,,,,,\n"));
        QVERIFY(writeFile(dir + QStringLiteral("/in/relay_config.csv"),
                          "server,nickname,allocator,config\n"
                          "go,alpha,mimalloc,/usr/lib/x86_64-linux-gnu/libmimalloc.so.2\n"
                          "co,gamma,jemalloc,/usr/lib/x86_64-linux-gnu/libjemalloc.so.2\n"));
        QVERIFY(writeFile(dir + QStringLiteral("/in/groups/group_A_mimalloc.txt"), "alpha\n"));
        Database db;
        QVERIFY(db.open(dir + QStringLiteral("/a.sqlite")));
        ImportOptions io;
        io.paths = { dir + QStringLiteral("/in") };
        io.experiment = QStringLiteral("x");
        const ImportReport r = Importer::run(db, io);
        QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(db.counts().relays, 2); // the config rows joined the relays of memory.csv
        QCOMPARE(db.relaySettings().size(), 4);

        const QByteArray both = "server,nickname,allocator,config,fingerprint\n"
                                "co,gamma,jemalloc,/usr/lib/x86_64-linux-gnu/libjemalloc.so.2,"
                                "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\n"
                                "go,alpha,mimalloc,/usr/lib/x86_64-linux-gnu/libmimalloc.so.2,"
                                "12E3D3AE15C3A4F39191EC69FF9FFB28A130A32E\n";
        const QByteArray alphaOnly = "server,nickname,allocator,config,fingerprint\n"
                                     "go,alpha,mimalloc,/usr/lib/x86_64-linux-gnu/libmimalloc.so.2,"
                                     "12E3D3AE15C3A4F39191EC69FF9FFB28A130A32E\n";
        struct Case {
            QString name;
            QString experiment;
            QStringList servers;
            QByteArray expected;
        };
        const QList<Case> cases { { QStringLiteral("all"), {}, {}, both },
                                  { QStringLiteral("server"), {}, { QStringLiteral("go") }, alphaOnly },
                                  { QStringLiteral("experiment"), QStringLiteral("x"), {}, alphaOnly },
                                  { QStringLiteral("none"), {}, { QStringLiteral("nowhere") }, {} } };
        for (const Case &c : cases) {
            ExportOptions o;
            o.dir = dir + QStringLiteral("/out-") + c.name;
            o.experiment = c.experiment;
            o.servers = c.servers;
            ExportReport x;
            QString error;
            QVERIFY2(exportData(db, o, &x, &error), qPrintable(error));
            const QString path = QDir(o.dir).filePath(QStringLiteral("relay_config.csv"));
            QCOMPARE(QFileInfo::exists(path), !c.expected.isEmpty());
            QCOMPARE(readFile(path), c.expected);
            QCOMPARE(x.files.contains(path), !c.expected.isEmpty());
        }
        // 'experiment import-groups' reads such a folder's groups and leaves the settings file,
        // which shares its name with the group-assignment relay_config.csv, alone.
        QStringList done;
        QString error;
        QVERIFY2(experimentio::importGroups(db, QStringLiteral("x"),
                                            { dir + QStringLiteral("/out-experiment") }, false, 1, &done,
                                            &error),
                 qPrintable(error));
        QCOMPARE(db.assignments(db.experiment(QStringLiteral("x"))->id).size(), 1);
    }

    // A database without settings exports no relay_config.csv.
    void noSettingsNoFile()
    {
        const QString dir = newDir();
        Database db;
        QVERIFY(db.open(dir + QStringLiteral("/a.sqlite")));
        QVERIFY(db.resolveRelay(RelayRecord { 0, 0, QStringLiteral("go"), {}, QStringLiteral("alpha"), {} })
                > 0);
        ExportOptions o;
        o.dir = dir + QStringLiteral("/out");
        ExportReport x;
        QString error;
        QVERIFY2(exportData(db, o, &x, &error), qPrintable(error));
        QCOMPARE(x.relayConfigRows, 0);
        QVERIFY(QFileInfo::exists(QDir(o.dir).filePath(QStringLiteral("memory.csv"))));
        QVERIFY(QDir(o.dir).entryList({ QStringLiteral("relay_config*") }).isEmpty());
    }

    // The CLI: import reports the rows as new once, export writes and counts the file.
    void cli()
    {
        const QString dir = newDir();
        const QString db = dir + QStringLiteral("/a.sqlite");
        QVERIFY(writeFile(dir + QStringLiteral("/in/relay_config.csv"), kDirCacheCsv));
        const QStringList import { QStringLiteral("--db"),     db,
                                   QStringLiteral("import"),   dir + QStringLiteral("/in"),
                                   QStringLiteral("--server"), QStringLiteral("go"),
                                   QStringLiteral("--json") };
        for (const int added : { 2, 0 }) {
            const CliOut r = runCli(import);
            QVERIFY2(r.rc == 0, qPrintable(r.err));
            QVERIFY2(!r.err.contains(QStringLiteral("not stored")), qPrintable(r.err));
            const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
            const QJsonObject f = j.value(QStringLiteral("files")).toArray().at(0).toObject();
            QCOMPARE(f.value(QStringLiteral("kind")).toString(), QStringLiteral("relay_config"));
            QCOMPARE(f.value(QStringLiteral("added")).toInt(), added);
            QCOMPARE(j.value(QStringLiteral("settings_added")).toInt(), 2 * added); // dircache, maxmem
            QVERIFY(j.value(QStringLiteral("warnings")).toArray().isEmpty());
        }
        const QString out = dir + QStringLiteral("/out");
        CliOut r
            = runCli({ QStringLiteral("--db"), db, QStringLiteral("export"), out, QStringLiteral("--json") });
        QVERIFY2(r.rc == 0, qPrintable(r.err));
        const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j.value(QStringLiteral("relay_config_rows")).toInt(), 2);
        QVERIFY(j.value(QStringLiteral("files"))
                    .toArray()
                    .contains(QDir(out).filePath(QStringLiteral("relay_config.csv"))));
        QCOMPARE(readFile(QDir(out).filePath(QStringLiteral("relay_config.csv"))),
                 QByteArray("nickname,fingerprint,dircache,maxmem,server\n"
                            "alpha,12E3D3AE15C3A4F39191EC69FF9FFB28A130A32E,0,4 GB,go\n"
                            "beta,,1,2 GB,go\n"));
        r = runCli({ QStringLiteral("--db"), db, QStringLiteral("export"), dir + QStringLiteral("/out2") });
        QVERIFY2(r.rc == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Wrote 2 rows of relay settings")), qPrintable(r.out));

        // The text says how many settings changed, and only when some did.
        QVERIFY(writeFile(dir + QStringLiteral("/in/relay_config.csv"),
                          QByteArray(kDirCacheCsv).replace("4 GB", "5 GB")));
        QStringList text = import;
        text.removeLast();
        CliOut changed = runCli(text);
        QVERIFY2(changed.rc == 0, qPrintable(changed.err));
        QVERIFY2(changed.out.contains(QStringLiteral("Relay settings: 1 new or changed.")),
                 qPrintable(changed.out));
        changed = runCli(text);
        QVERIFY2(!changed.out.contains(QStringLiteral("Relay settings")), qPrintable(changed.out));
    }

    // The values stored are those of the file: the fixtures, and the real data when it has a
    // relay_config.csv.
    void valuesAsInTheFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("fixture allocator")
            << QStringLiteral(ALLOCLAB_SOURCE_DIR "/tests/data/torutils/relay_config_allocator.csv");
        QTest::newRow("fixture dircache")
            << QStringLiteral(ALLOCLAB_SOURCE_DIR "/tests/data/torutils/relay_config_dircache.csv");
        QTest::newRow("real 5-way") << QStringLiteral(ALLOCLAB_SOURCE_DIR
                                                      "/../shared/datasets/torutils-5way/relay_config.csv");
    }
    void valuesAsInTheFile()
    {
        QFETCH(QString, file);
        if (!QFileInfo::exists(file))
            QSKIP("../shared/datasets/torutils-5way/relay_config.csv is absent; nothing real to check");
        const QByteArray data = readFile(file);
        torutils::ReadOptions ro;
        ro.server = QStringLiteral("go");
        const torutils::RelayConfigFile parsed = torutils::parseRelayConfig(data, ro);
        QVERIFY(!parsed.rows.isEmpty());
        const QString dir = newDir();
        Database db;
        QVERIFY(db.open(dir + QStringLiteral("/a.sqlite")));
        ImportReport r = importPaths(db, { file }, QStringLiteral("go"), true);
        QVERIFY2(r.ok, qPrintable(r.errors.join(QLatin1Char('\n'))));
        QCOMPARE(r.files.size(), 1);
        QCOMPARE(r.files.at(0).rows, parsed.rows.size());
        QVERIFY(r.files.at(0).added > 0);
        QVERIFY(r.files.at(0).added <= r.files.at(0).rows);
        // A few rows (first, middle, last): the relay's stored settings are the row's values.
        for (const qsizetype i : { qsizetype(0), parsed.rows.size() / 2, parsed.rows.size() - 1 }) {
            const torutils::RelayConfigRecord &c = parsed.rows.at(i);
            const QString key = c.relay.fingerprint.isEmpty() ? c.relay.nickname : c.relay.fingerprint;
            const QList<RelayRecord> found = db.findRelays(key);
            QVERIFY2(found.size() >= 1, qPrintable(key));
            QHash<QString, QString> got;
            for (const RelaySettingRecord &s : db.relaySettings({ found.first().id }))
                got.insert(s.name, s.value);
            // A relay listed again later in the file keeps the later row's values.
            bool listedLater = false;
            for (qsizetype j = i + 1; j < parsed.rows.size(); ++j)
                listedLater |= parsed.rows.at(j).relay.nickname == c.relay.nickname;
            if (listedLater)
                continue;
            if (parsed.allocatorSchema) {
                QCOMPARE(got.value(QStringLiteral("allocator")), c.allocator);
                QCOMPARE(got.value(QStringLiteral("config")), c.config);
            }
            if (parsed.dirCacheSchema) {
                QCOMPARE(got.value(QStringLiteral("dircache")), c.dirCache);
                QCOMPARE(got.value(QStringLiteral("maxmem")), c.maxMem);
            }
        }
        const DatabaseCounts before = db.counts();
        r = importPaths(db, { file }, QStringLiteral("go"), true);
        QVERIFY(r.ok);
        QCOMPARE(r.files.at(0).added, 0);
        QCOMPARE(db.counts(), before);
    }
};

QTEST_GUILESS_MAIN(TestRelaySettings)
#include "tst_relaysettings.moc"
