// The deploy commands end to end: the real alloclab-cli executable against the lab (real sshd,
// systemd, tor, allocators) with a real database file. hosts add -> fleet -> experiment create
// -> assign -> deploy --dry-run -> deploy (no terminal, no --yes: refused) -> deploy --yes ->
// rollout --allocator jemalloc --yes -> rollback --experiment --yes; after each step the hosts
// (through plain OpenSSH, not the code under test) and the database are checked.
// The lab is left as found: glibc everywhere, no drop-ins, no /var/lib/alloclab.

#include "app/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "labenv.h"

using namespace alloclab;

namespace {

const QString kJe = QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");
const QString kMiLoaded = QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0");

QString rootSh(int n, const QString &script)
{
    QProcess p;
    p.start(QStringLiteral("ssh"),
            { QStringLiteral("-F"), labenv::sshConfig(), QStringLiteral("lab%1-root").arg(n),
              QStringLiteral("sh -s") });
    p.write(script.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QStringList instances(int n)
{
    return rootSh(n, QStringLiteral("awk '{print $1}' /etc/alloclab.relays"))
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// instance -> "glibc" or the allocator file mapped in its MainPID, and whether a drop-in exists.
QHash<QString, QString> loadedAll(int n)
{
    const QString out = rootSh(
        n,
        QStringLiteral("for i in $(awk '{print $1}' /etc/alloclab.relays); do "
                       "pid=$(systemctl show -p MainPID --value tor@$i.service); "
                       "f=$(awk '{print $6}' /proc/$pid/maps 2>/dev/null | grep -E 'lib(jemalloc|mimalloc)' "
                       "| head -n1); "
                       "d=no; test -e /etc/systemd/system/tor@$i.service.d/alloclab-allocator.conf && d=yes; "
                       "echo \"$i ${f:-glibc} $d\"; done"));
    QHash<QString, QString> m;
    for (const QString &l : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = l.split(QLatin1Char(' '));
        if (f.size() == 3)
            m.insert(f.at(0), f.at(1) + QLatin1Char(' ') + f.at(2));
    }
    return m;
}

void restoreLab()
{
    for (int n = 1; n <= 2; ++n)
        rootSh(
            n,
            QStringLiteral("rm -f /etc/systemd/system/tor@*.service.d/alloclab-allocator.conf*; rmdir "
                           "/etc/systemd/system/tor@*.service.d 2>/dev/null; rm -rf /var/lib/alloclab; "
                           "systemctl daemon-reload; "
                           "for i in $(awk '{print $1}' /etc/alloclab.relays); do "
                           "  pid=$(systemctl show -p MainPID --value tor@$i.service); "
                           "  if [ \"$pid\" = 0 ] || grep -qE 'lib(jemalloc|mimalloc)' /proc/$pid/maps; then "
                           "    systemctl restart tor@$i.service & fi; done; wait"));
}

struct Run {
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestDeployCliLab : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

    Run cli(const QStringList &args, int timeoutMs = 600000)
    {
        QProcess p;
        // stdin is not a terminal here: without --yes, nothing may change.
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(
            QStringLiteral(ALLOCLAB_BINARY_DIR "/app/alloclab-cli"),
            QStringList { QStringLiteral("--db"), m_db, QStringLiteral("--ssh-config"), labenv::sshConfig() }
                + args);
        Run r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("timed out");
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    static QString show(const Run &r)
    {
        return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3").arg(r.code).arg(r.out, r.err);
    }

private slots:
    void initTestCase()
    {
        const QString why = labenv::unavailable(2);
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("alloclab.sqlite"));
        restoreLab();
    }
    void cleanupTestCase()
    {
        if (labenv::unavailable(2).isEmpty())
            restoreLab();
    }

    void endToEnd()
    {
        const auto restore = qScopeGuard([] { restoreLab(); });
        // Hosts, then the relays as the fleet command sees them.
        for (int n = 1; n <= 2; ++n) {
            const Run r
                = cli({ QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("lab%1").arg(n) });
            QVERIFY2(r.code == 0, qPrintable(show(r)));
        }
        const Run fleet = cli({ QStringLiteral("fleet"), QStringLiteral("--json") });
        QVERIFY2(fleet.code == 0, qPrintable(show(fleet)));
        const QJsonArray hosts
            = QJsonDocument::fromJson(fleet.out.toUtf8()).object().value(QStringLiteral("hosts")).toArray();
        QCOMPARE(hosts.size(), 2);
        {
            // The store learns relays from polls (collect); this test records what fleet saw.
            Database db;
            QString err;
            QVERIFY2(db.open(m_db, Database::OpenMode::ExistingOnly, &err), qPrintable(err));
            for (const QJsonValue &hv : hosts) {
                const QJsonObject h = hv.toObject();
                const std::optional<HostRecord> hr = db.host(h.value(QStringLiteral("name")).toString());
                QVERIFY(hr);
                const QJsonArray relays = h.value(QStringLiteral("relays")).toArray();
                QCOMPARE(relays.size(), 10);
                for (const QJsonValue &rv : relays) {
                    const QJsonObject o = rv.toObject();
                    RelayRecord r;
                    r.hostId = hr->id;
                    r.server = hr->name;
                    r.instance = o.value(QStringLiteral("instance")).toString();
                    r.nickname = o.value(QStringLiteral("nickname")).toString();
                    r.fingerprint = o.value(QStringLiteral("fingerprint")).toString();
                    QVERIFY2(db.resolveRelay(r) != 0, qPrintable(db.lastError()));
                }
            }
        }
        // Experiment: per host, A = glibc (2 relays), B = jemalloc (2), C = mimalloc (2); 4 relays
        // per host stay outside it.
        Run r
            = cli({ QStringLiteral("experiment"), QStringLiteral("create"), QStringLiteral("cli-lab"),
                    QStringLiteral("--group"), QStringLiteral("A=glibc"), QStringLiteral("--group"),
                    QStringLiteral("B=jemalloc"), QStringLiteral("--group"), QStringLiteral("C=mimalloc") });
        QVERIFY2(r.code == 0, qPrintable(show(r)));
        QHash<QString, QString> groupOf; // "labN/inst" -> letter
        QStringList outside;
        for (int n = 1; n <= 2; ++n) {
            const QStringList inst = instances(n);
            QCOMPARE(inst.size(), 10);
            for (int i = 0; i < 10; ++i) {
                const QString key = QStringLiteral("lab%1/%2").arg(n).arg(inst.at(i));
                if (i < 6)
                    groupOf.insert(key, QString(QLatin1Char(char('A' + i / 2))));
                else
                    outside << key;
            }
        }
        for (const QString &letter : { QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C") }) {
            QStringList keys;
            for (auto it = groupOf.cbegin(); it != groupOf.cend(); ++it)
                if (it.value() == letter)
                    keys << it.key();
            r = cli(QStringList { QStringLiteral("experiment"), QStringLiteral("assign"),
                                  QStringLiteral("cli-lab"), letter }
                    + keys);
            QVERIFY2(r.code == 0, qPrintable(show(r)));
        }
        const QStringList common = { QStringLiteral("--settle"), QStringLiteral("2"),
                                     QStringLiteral("--batch"), QStringLiteral("4") };

        // Dry run: every file and command, nothing changed.
        r = cli(QStringList { QStringLiteral("deploy"), QStringLiteral("--experiment"),
                              QStringLiteral("cli-lab"), QStringLiteral("--dry-run") }
                + common);
        QVERIFY2(r.code == 0, qPrintable(show(r)));
        QVERIFY2(r.out.contains(QStringLiteral("Environment=\"LD_PRELOAD=%1\"").arg(kJe)), qPrintable(r.out));
        QVERIFY2(r.out.contains(
                     QStringLiteral("Environment=\"LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libmimalloc.so.2\"")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("daemon-reload")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("/etc/systemd/system/tor@")), qPrintable(r.out));
        for (int n = 1; n <= 2; ++n)
            for (const QString &v : loadedAll(n))
                QCOMPARE(v, QStringLiteral("glibc no"));

        // No terminal and no --yes: refused, exit 1, nothing changed.
        r = cli({ QStringLiteral("deploy"), QStringLiteral("--experiment"), QStringLiteral("cli-lab") });
        QVERIFY2(r.code == 1, qPrintable(show(r)));
        QVERIFY2(r.err.contains(QStringLiteral("--yes")), qPrintable(r.err));
        for (int n = 1; n <= 2; ++n)
            for (const QString &v : loadedAll(n))
                QCOMPARE(v, QStringLiteral("glibc no"));

        // Deploy.
        const qint64 beforeDeploy = QDateTime::currentMSecsSinceEpoch();
        r = cli(QStringList { QStringLiteral("deploy"), QStringLiteral("--experiment"),
                              QStringLiteral("cli-lab"), QStringLiteral("--yes"), QStringLiteral("--json") }
                + common);
        QVERIFY2(r.code == 0, qPrintable(show(r)));
        const QJsonObject rep = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY2(rep.value(QStringLiteral("ok")).toBool(), qPrintable(r.out));
        const qint64 afterDeploy = QDateTime::currentMSecsSinceEpoch();
        for (int n = 1; n <= 2; ++n) {
            const QHash<QString, QString> l = loadedAll(n);
            for (auto it = l.cbegin(); it != l.cend(); ++it) {
                const QString g = groupOf.value(QStringLiteral("lab%1/%2").arg(n).arg(it.key()));
                const QString want = g == QLatin1String("B") ? kJe + QStringLiteral(" yes")
                    : g == QLatin1String("C")                ? kMiLoaded + QStringLiteral(" yes")
                                                             : QStringLiteral("glibc no");
                QVERIFY2(it.value() == want, qPrintable(it.key() + QLatin1Char(' ') + it.value()));
            }
        }
        {
            Database db;
            QString err;
            QVERIFY2(db.open(m_db, Database::OpenMode::ExistingOnly, &err), qPrintable(err));
            const std::optional<ExperimentRecord> e = db.experiment(QStringLiteral("cli-lab"));
            QVERIFY(e);
            // Events and deploy log of every step; the restarts of 8 relays are among them.
            const QList<EventRecord> ev = db.events(beforeDeploy, afterDeploy);
            int verifyEvents = 0;
            for (const EventRecord &x : ev) {
                QVERIFY2(x.type.startsWith(QLatin1String("deploy_")), qPrintable(x.type));
                if (x.relayId && x.description.contains(QLatin1String("verified")))
                    ++verifyEvents;
            }
            QVERIFY2(verifyEvents >= 8, qPrintable(QString::number(verifyEvents)));
            const QList<DeployLogRecord> log = db.deployLog(beforeDeploy, afterDeploy);
            QVERIFY(log.size() >= ev.size());
            for (const DeployLogRecord &x : log) {
                QCOMPARE(x.experimentId, e->id);
                QVERIFY(x.hostId != 0);
            }
            // Membership: every experiment relay has exactly one open, deployed assignment,
            // starting inside the deploy (at its verified restart, or at the inspection that
            // found a glibc relay already right); the planned one was closed there.
            QHash<Id, int> open;
            for (const AssignmentRecord &a : db.assignments(e->id)) {
                if (a.toMs != 0)
                    continue;
                ++open[a.relayId];
                QVERIFY(a.deployed);
                QVERIFY2(a.fromMs >= beforeDeploy && a.fromMs <= afterDeploy,
                         qPrintable(QStringLiteral("%1 not in [%2, %3]")
                                        .arg(a.fromMs)
                                        .arg(beforeDeploy)
                                        .arg(afterDeploy)));
            }
            QCOMPARE(open.size(), 12);
            for (int c : std::as_const(open))
                QCOMPARE(c, 1);
            // Before the deploy, no relay counted as a (deployed) member.
            for (const AssignmentRecord &a : db.assignments(e->id))
                if (a.fromMs < beforeDeploy)
                    QVERIFY(!a.deployed);
        }

        // Roll jemalloc out to every relay of both hosts.
        r = cli(QStringList { QStringLiteral("rollout"), QStringLiteral("--allocator"),
                              QStringLiteral("jemalloc"), QStringLiteral("--yes") }
                + common);
        QVERIFY2(r.code == 0, qPrintable(show(r)));
        for (int n = 1; n <= 2; ++n)
            for (const QString &v : loadedAll(n))
                QCOMPARE(v, kJe + QStringLiteral(" yes"));

        // Roll the experiment back: its 12 relays go back to their state before AllocLab (no
        // drop-in, glibc); the 8 outside it keep the rollout.
        const qint64 beforeRollback = QDateTime::currentMSecsSinceEpoch();
        r = cli(QStringList { QStringLiteral("rollback"), QStringLiteral("--experiment"),
                              QStringLiteral("cli-lab"), QStringLiteral("--yes"), QStringLiteral("--settle"),
                              QStringLiteral("2") });
        QVERIFY2(r.code == 0, qPrintable(show(r)));
        for (int n = 1; n <= 2; ++n) {
            const QHash<QString, QString> l = loadedAll(n);
            for (auto it = l.cbegin(); it != l.cend(); ++it) {
                const QString key = QStringLiteral("lab%1/%2").arg(n).arg(it.key());
                const QString want
                    = groupOf.contains(key) ? QStringLiteral("glibc no") : kJe + QStringLiteral(" yes");
                QVERIFY2(it.value() == want, qPrintable(key + QLatin1Char(' ') + it.value()));
            }
        }
        {
            Database db;
            QString err;
            QVERIFY2(db.open(m_db, Database::OpenMode::ExistingOnly, &err), qPrintable(err));
            const std::optional<ExperimentRecord> e = db.experiment(QStringLiteral("cli-lab"));
            for (const AssignmentRecord &a : db.assignments(e->id))
                QVERIFY2(a.toMs != 0, "a verified rollback ends the membership");
            // Each of the 12 restored relays has its verification in the deploy log.
            QSet<Id> restored;
            for (const DeployLogRecord &x : db.deployLog(beforeRollback))
                if (x.action == QLatin1String("verify") && x.ok && x.experimentId == e->id)
                    restored.insert(x.relayId);
            QCOMPARE(restored.size(), 12);
        }
        // A second rollback finds nothing assigned any more: a clear error, nothing changed.
        r = cli({ QStringLiteral("rollback"), QStringLiteral("--experiment"), QStringLiteral("cli-lab"),
                  QStringLiteral("--yes") });
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no relays assigned")), qPrintable(show(r)));
    }
};

QTEST_GUILESS_MAIN(TestDeployCliLab)
#include "tst_deploy_cli_lab.moc"
