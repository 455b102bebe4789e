// 'alloclab-cli allocators check' against the lab: the Debian allocators present and readable on
// lab1 and lab2 with the same sha256 as on this machine (the lab hosts' root is an overlay of this
// machine's /), a custom entry with a missing library reported missing, a pinned sha256 that does
// not match flagged, and a host that cannot be reached reported without hiding the others.

#include "app/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "labenv.h"

using namespace alloclab;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

const QString kJemalloc = QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");
const QString kMimalloc = QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2");
const QString kMissing = QStringLiteral("/opt/alloclab-test/mimalloc-3.0.1/libmimalloc.so.3");

QString sha256sum(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("sha256sum"), { path });
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    return QString::fromLatin1(p.readAllStandardOutput()).section(QLatin1Char(' '), 0, 0);
}

// The upstream version of the Debian package that owns `path` on this machine ("2.0.9").
QString localVersion(const QString &path)
{
    QProcess p;
    p.start(
        QStringLiteral("/bin/sh"),
        { QStringLiteral("-c"),
          QStringLiteral("dpkg-query -W -f '${Version}' \"$(dpkg -S \"$(readlink -f %1)\" | cut -d: -f1)\"")
              .arg(path) });
    if (!p.waitForFinished(20000))
        return {};
    QString v = QString::fromLatin1(p.readAllStandardOutput()).trimmed();
    v = v.mid(v.indexOf(QLatin1Char(':')) + 1);
    v = v.left(v.lastIndexOf(QLatin1Char('-')));
    const qsizetype plus = v.indexOf(QLatin1Char('+'));
    return plus > 0 ? v.left(plus) : v;
}

} // namespace

class TestAllocatorsLab : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    quint16 m_closedPort = 0;

    CliRun cli(const QStringList &args)
    {
        QProcess p;
        p.start(
            QStringLiteral(ALLOCLAB_BINARY_DIR "/app/alloclab-cli"),
            QStringList { QStringLiteral("--db"), m_db, QStringLiteral("--ssh-config"), labenv::sshConfig() }
                + args);
        CliRun r;
        if (!p.waitForFinished(180000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = labenv::unavailable(2);
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        if (!QFile::exists(kJemalloc) || !QFile::exists(kMimalloc))
            QSKIP(
                "libjemalloc2 and libmimalloc2.0 must be installed on this machine (the lab's lower layer)");
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("check.sqlite"));
        // A port on loopback that nothing listens on: bind one, note it, close it again.
        {
            QTcpServer s;
            QVERIFY(s.listen(QHostAddress::LocalHost, 0));
            m_closedPort = s.serverPort();
        }
        for (const QStringList &args :
             { QStringList { QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("lab1") },
               QStringList { QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("lab2") },
               QStringList { QStringLiteral("hosts"), QStringLiteral("add"),
                             QStringLiteral("lab@127.0.0.1:%1").arg(m_closedPort), QStringLiteral("--name"),
                             QStringLiteral("closed") },
               QStringList { QStringLiteral("allocators"), QStringLiteral("add"),
                             QStringLiteral("mimalloc301"), QStringLiteral("--name"),
                             QStringLiteral("mimalloc"), QStringLiteral("--version"), QStringLiteral("3.0.1"),
                             QStringLiteral("--path"), kMissing },
               QStringList { QStringLiteral("allocators"), QStringLiteral("add"), QStringLiteral("je-pinned"),
                             QStringLiteral("--name"), QStringLiteral("jemalloc"), QStringLiteral("--path"),
                             kJemalloc, QStringLiteral("--sha256"), QString(64, QLatin1Char('0')) } }) {
            const CliRun r = cli(args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
        }
    }

    void checkAllHostsJson()
    {
        const CliRun r
            = cli({ QStringLiteral("--json"), QStringLiteral("allocators"), QStringLiteral("check") });
        // The closed host fails the command, with its own message; the lab hosts are still reported.
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("host closed was not checked: connection refused")),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("lab1")) && !r.err.contains(QLatin1String("lab2")),
                 qPrintable(r.err));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString() + r.out));
        const QJsonArray hosts = doc.object().value(QStringLiteral("hosts")).toArray();
        QCOMPARE(hosts.size(), 3);
        const QString jeSum = sha256sum(kJemalloc);
        const QString miSum = sha256sum(kMimalloc);
        QCOMPARE(jeSum.size(), 64);
        QCOMPARE(miSum.size(), 64);
        for (const QJsonValue &hv : hosts) {
            const QJsonObject h = hv.toObject();
            const QString name = h.value(QStringLiteral("name")).toString();
            if (name == QLatin1String("closed")) {
                QVERIFY(!h.value(QStringLiteral("ok")).toBool());
                QVERIFY(!h.value(QStringLiteral("error")).toString().isEmpty());
                QVERIFY(h.value(QStringLiteral("checks")).toArray().isEmpty());
                continue;
            }
            QVERIFY2(h.value(QStringLiteral("ok")).toBool(),
                     qPrintable(name + h.value(QStringLiteral("error")).toString()));
            QHash<QString, QJsonObject> byId;
            for (const QJsonValue &cv : h.value(QStringLiteral("checks")).toArray())
                byId.insert(cv[QStringLiteral("allocator")].toString(), cv.toObject());
            QCOMPARE(byId.size(), 4); // jemalloc, mimalloc, and the two custom entries; never glibc
            QVERIFY(!byId.contains(QStringLiteral("glibc")));
            for (const auto &[id, sum, path] :
                 { std::tuple { QStringLiteral("jemalloc"), jeSum, kJemalloc },
                   std::tuple { QStringLiteral("mimalloc"), miSum, kMimalloc },
                   std::tuple { QStringLiteral("je-pinned"), jeSum, kJemalloc } }) {
                const QJsonObject c = byId.value(id);
                QCOMPARE(c[QStringLiteral("path")].toString(), path);
                QVERIFY2(c[QStringLiteral("present")].toBool(), qPrintable(name + QLatin1Char(' ') + id));
                QVERIFY(c[QStringLiteral("readable")].toBool());
                QCOMPARE(c[QStringLiteral("sha256")].toString(), sum);
                QCOMPARE(c[QStringLiteral("version")].toString(), localVersion(path));
                QVERIFY(!c[QStringLiteral("package")].toString().isEmpty());
            }
            QVERIFY(!byId.value(QStringLiteral("jemalloc"))[QStringLiteral("sha256_mismatch")].toBool());
            QVERIFY(byId.value(QStringLiteral("je-pinned"))[QStringLiteral("sha256_mismatch")].toBool());
            const QJsonObject missing = byId.value(QStringLiteral("mimalloc301"));
            QCOMPARE(missing[QStringLiteral("path")].toString(), kMissing);
            QVERIFY(!missing[QStringLiteral("present")].toBool());
            QVERIFY(!missing[QStringLiteral("readable")].toBool());
            QVERIFY(missing[QStringLiteral("sha256")].toString().isEmpty());
            QVERIFY(missing[QStringLiteral("version")].toString().isEmpty());
        }

        // Stored: the checks per host, and the built-ins' versions for their labels.
        Database db;
        QVERIFY(db.open(m_db, Database::OpenMode::ExistingOnly));
        const QList<AllocatorCheck> checks = db.allocatorChecks();
        QCOMPARE(checks.size(), 8);
        for (const AllocatorCheck &c : checks) {
            QVERIFY(c.host == QLatin1String("lab1") || c.host == QLatin1String("lab2"));
            QVERIFY(c.checkedMs > 0);
        }
        QCOMPARE(db.allocator(QStringLiteral("mimalloc"))->version, localVersion(kMimalloc));
        QCOMPARE(db.allocator(QStringLiteral("jemalloc"))->version, localVersion(kJemalloc));
        QCOMPARE(db.allocator(QStringLiteral("mimalloc301"))->version,
                 QStringLiteral("3.0.1")); // the operator's
    }

    void checkSelectedHostsTable()
    {
        const CliRun r
            = cli({ QStringLiteral("allocators"), QStringLiteral("check"), QStringLiteral("--host"),
                    QStringLiteral("lab1"), QStringLiteral("--host"), QStringLiteral("lab2"),
                    QStringLiteral("--allocator"), QStringLiteral("mimalloc"), QStringLiteral("--allocator"),
                    QStringLiteral("mimalloc301") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5); // header + 2 hosts x 2 allocators
        QCOMPARE(lines.first(), QStringLiteral("host\tallocator\tpath\tpresent\treadable\tsha256\tversion"));
        const QString mi = QStringLiteral("\tmimalloc\t%1\tyes\tyes\t%2\t%3")
                               .arg(kMimalloc, sha256sum(kMimalloc).left(12), localVersion(kMimalloc));
        QVERIFY2(lines.contains(QStringLiteral("lab1") + mi), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("lab2") + mi), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("lab1\tmimalloc301\t%1\tno\tno\t-\t-").arg(kMissing)),
                 qPrintable(r.out));
    }

    // A per-host path: lab2 is told mimalloc lives where jemalloc is; only lab2 checks that file.
    void hostOverride()
    {
        QCOMPARE(cli({ QStringLiteral("allocators"), QStringLiteral("set-path"), QStringLiteral("mimalloc"),
                       QStringLiteral("--host"), QStringLiteral("lab2"), kJemalloc })
                     .exitCode,
                 0);
        const CliRun r
            = cli({ QStringLiteral("--json"), QStringLiteral("allocators"), QStringLiteral("check"),
                    QStringLiteral("--host"), QStringLiteral("lab1"), QStringLiteral("--host"),
                    QStringLiteral("lab2"), QStringLiteral("--allocator"), QStringLiteral("mimalloc") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray hosts
            = QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("hosts")].toArray();
        QCOMPARE(hosts.size(), 2);
        for (const QJsonValue &h : hosts) {
            const QJsonObject c = h[QStringLiteral("checks")].toArray().at(0).toObject();
            const bool lab2 = h[QStringLiteral("name")].toString() == QLatin1String("lab2");
            QCOMPARE(c[QStringLiteral("path")].toString(), lab2 ? kJemalloc : kMimalloc);
            QCOMPARE(c[QStringLiteral("sha256")].toString(), sha256sum(lab2 ? kJemalloc : kMimalloc));
        }
        QCOMPARE(cli({ QStringLiteral("allocators"), QStringLiteral("set-path"), QStringLiteral("mimalloc"),
                       QStringLiteral("--host"), QStringLiteral("lab2") })
                     .exitCode,
                 0);
    }
};

QTEST_MAIN(TestAllocatorsLab)
#include "tst_allocators_lab.moc"
