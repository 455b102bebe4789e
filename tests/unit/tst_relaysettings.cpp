// relay_config.csv settings: stored by the import (schema v5, table relay_settings), written
// back by the export, on real SQLite files.
#include "app/cli/cli.h"
#include "app/database.h"
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

#include <sqlite3.h>

using namespace alloclab;

namespace {

const QString kFp1 = QStringLiteral("12E3D3AE15C3A4F39191EC69FF9FFB28A130A32E");
const QString kFp2 = QString(40, QLatin1Char('B'));

bool rawExec(const QString &path, const QByteArray &sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    char *msg = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK)
        qWarning("sqlite: %s", msg);
    sqlite3_free(msg);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

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
        QByteArray sql;
        for (int v = 1; v <= 4; ++v)
            sql += Database::migrationSql(v).toUtf8();
        sql += "PRAGMA user_version = 4; PRAGMA application_id = "
            + QByteArray::number(Database::ApplicationId) + ";";
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
};

QTEST_GUILESS_MAIN(TestRelaySettings)
#include "tst_relaysettings.moc"
