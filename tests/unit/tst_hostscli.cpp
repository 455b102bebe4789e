#include "app/cli/cli.h"
#include "app/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using alloclab::cli::run;

// `hosts add|import|list|remove|edit` on a real database file, with an ssh_config whose aliases
// point at loopback addresses (no connection is made by these commands).
class TestHostsCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    QString m_config;

    struct Result {
        int code;
        QString out;
        QString err;
    };
    Result call(const QStringList &args)
    {
        QString out, err;
        QTextStream o(&out), e(&err);
        const int code = run(QStringList { QStringLiteral("alloclab-cli"), QStringLiteral("--db"), m_db,
                                           QStringLiteral("--ssh-config"), m_config }
                                 + args,
                             o, e);
        o.flush();
        e.flush();
        return { code, out, err };
    }
    QString file(const QString &name, const QByteArray &text)
    {
        const QString p = m_dir.filePath(name);
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        return p;
    }
    QStringList names()
    {
        const Result r = call({ QStringLiteral("hosts"), QStringLiteral("list"), QStringLiteral("--json") });
        QStringList n;
        const QJsonArray a
            = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("hosts")).toArray();
        for (const QJsonValue &v : a)
            n << v.toObject().value(QStringLiteral("name")).toString();
        return n;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("t%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
        m_config = file(QStringLiteral("ssh_config"),
                        "Host go\n  HostName 127.0.0.2\n  User tor\n"
                        "Host ghost\n  HostName nowhere.invalid\n");
    }

    void addListRemove()
    {
        Result r = call({ QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("go") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("tor@127.0.0.2")));
        r = call({ QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("lab@127.0.0.1:2222"),
                   QStringLiteral("--name"), QStringLiteral("edge") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = call({ QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("root@[::1]:22") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(names().size(), 3);
        QVERIFY(names().contains(QStringLiteral("edge")));
        r = call({ QStringLiteral("hosts"), QStringLiteral("list") });
        QVERIFY(r.out.contains(QStringLiteral("edge\tlab@127.0.0.1:2222")));
        // Same name twice: refused, the first one kept.
        r = call({ QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("u@127.0.0.9"),
                   QStringLiteral("--name=edge") });
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("already exists")));
        QVERIFY(call({ QStringLiteral("hosts"), QStringLiteral("list") })
                    .out.contains(QStringLiteral("lab@127.0.0.1:2222")));
        r = call({ QStringLiteral("hosts"), QStringLiteral("edit"), QStringLiteral("edge"),
                   QStringLiteral("--target"), QStringLiteral("lab@127.0.0.1:2200") });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(call({ QStringLiteral("hosts"), QStringLiteral("list") })
                    .out.contains(QStringLiteral("lab@127.0.0.1:2200")));
        r = call({ QStringLiteral("hosts"), QStringLiteral("remove"), QStringLiteral("edge") });
        QCOMPARE(r.code, 0);
        QVERIFY(!names().contains(QStringLiteral("edge")));
        r = call({ QStringLiteral("hosts"), QStringLiteral("remove"), QStringLiteral("edge") });
        QCOMPARE(r.code, 1);
    }

    void badTargets_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("syntax") << QStringLiteral("u@h:99999") << 2 << QStringLiteral("port");
        QTest::newRow("typo") << QStringLiteral("og") << 1 << QStringLiteral("typo");
        QTest::newRow("alias to nowhere")
            << QStringLiteral("ghost") << 1 << QStringLiteral("nowhere.invalid");
    }
    void badTargets()
    {
        QFETCH(QString, target);
        const Result r = call({ QStringLiteral("hosts"), QStringLiteral("add"), target });
        QTEST(r.code, "code");
        QFETCH(QString, errorPart);
        QVERIFY2(r.err.contains(errorPart, Qt::CaseInsensitive), qPrintable(r.err));
        QVERIFY(names().isEmpty());
    }

    void importServersFile()
    {
        const QString good
            = file(QStringLiteral("servers.txt"), "# our relays\ngo\n\n  lab@127.0.0.1:2222 # edge\n");
        Result r = call({ QStringLiteral("hosts"), QStringLiteral("import"), good });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(names(), (QStringList { QStringLiteral("127.0.0.1"), QStringLiteral("go") }));
        // Importing again keeps what is there.
        r = call({ QStringLiteral("hosts"), QStringLiteral("import"), good });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("Kept go")));
        // One bad line: every error with file:line, nothing imported.
        const QString bad = file(QStringLiteral("bad.txt"), "u@127.0.0.5\nu@h:0\nog\n");
        r = call({ QStringLiteral("hosts"), QStringLiteral("import"), bad });
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(bad + QStringLiteral(":2: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(bad + QStringLiteral(":3: ")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("nothing was imported")));
        QCOMPARE(names().size(), 2);
        r = call({ QStringLiteral("hosts"), QStringLiteral("import"),
                   m_dir.filePath(QStringLiteral("missing.txt")) });
        QCOMPARE(r.code, 1);
    }

    void fleetWithoutHosts()
    {
        QVERIFY(call({ QStringLiteral("hosts"), QStringLiteral("list") }).code == 0); // creates the file
        const Result r = call({ QStringLiteral("fleet") });
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("hosts add")), qPrintable(r.err));
        const Result u = call({ QStringLiteral("fleet"), QStringLiteral("--bogus") });
        QCOMPARE(u.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestHostsCli)
#include "tst_hostscli.moc"
